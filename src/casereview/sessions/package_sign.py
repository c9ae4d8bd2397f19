"""Signing offline packages: ``signature.json`` holds the signer's public key and their Ed25519
signature of ``manifest.json``'s exact bytes. The manifest lists every other entry's size and
SHA-256, so one signature covers the whole package; recomputing the manifest after an edit (the
forgery issue 18 found) breaks it.

A valid signature only says who signed; whether that key may sign for a reviewer is the merge's
question (the keys the lead registered, :mod:`casereview.sessions.identity`).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casereview.sessions.keys import fingerprint, public_text, sign, verify
from casereview.sessions.package_zip import OpenedPackage, json_bytes, refused

ALGORITHM = "ed25519"


@dataclass(frozen=True)
class Signer:
    public_key: str  # base64 of the raw 32 bytes
    fingerprint: str


def manifest_signer(key: Ed25519PrivateKey) -> Callable[[bytes], bytes]:
    """What :func:`write_package` calls with the manifest's bytes to make ``signature.json``."""
    public = public_text(key)

    def signature_entry(manifest: bytes) -> bytes:
        return json_bytes({"algorithm": ALGORITHM, "public_key": public, "signature": sign(key, manifest)})

    return signature_entry


def package_signer(opened: OpenedPackage) -> Signer | None:
    """Who signed the package; None when it carries no signature. PACKAGE_REFUSED when the
    signature is malformed or does not match the manifest (the package was changed after signing)."""
    if opened.signature is None:
        return None
    try:
        data = json.loads(opened.signature.decode("utf-8"))
        algorithm, public, signature = data["algorithm"], data["public_key"], data["signature"]
        if not all(isinstance(v, str) for v in (algorithm, public, signature)):
            raise TypeError("signature")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise refused(opened.path, "signature_malformed") from exc
    if algorithm != ALGORITHM:
        raise refused(opened.path, "signature_algorithm", algorithm=algorithm)
    if not verify(public, signature, opened.manifest_bytes):
        raise refused(opened.path, "signature_invalid")
    return Signer(public, fingerprint(public))
