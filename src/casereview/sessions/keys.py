"""The user's Ed25519 signing key for offline packages (``cryptography``, no home-made crypto).

One key per user account, made on first use and kept in the config dir as ``signing_key.pem``
(PKCS#8, file mode 0600): a lead signs the review packages they export with it, a reviewer the
results packages. Only the public key ever leaves the machine; people compare its fingerprint
(``ab12-cd34-…``, the first 128 bits of its SHA-256) to know a key is the one they registered.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
import stat
import uuid
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from casereview.errors import SigningKeyError
from casereview.paths import config_dir

KEY_FILE = "signing_key.pem"


def key_path(directory: Path | None = None) -> Path:
    return (directory or config_dir()) / KEY_FILE


def _load(path: Path) -> Ed25519PrivateKey:
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) & 0o077:
        raise SigningKeyError("too_open", str(path))
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (ValueError, TypeError) as exc:
        raise SigningKeyError("corrupt", str(path)) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyError("not_ed25519", str(path))
    return key


def load_or_create_key(directory: Path | None = None) -> Ed25519PrivateKey:
    """The user's private key, made on first use. SigningKeyError when the file is unusable."""
    path = key_path(directory)
    if path.exists():
        return _load(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    # Written whole under a temporary name with 0600 from the start, then linked into place: a
    # reader never sees half a key, and of two processes making one at once, the first one wins.
    tmp = path.with_name(f".{KEY_FILE}.{uuid.uuid4().hex[:8]}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(pem)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:
            return _load(path)
    finally:
        tmp.unlink(missing_ok=True)
    return key


def public_text(key: Ed25519PrivateKey | Ed25519PublicKey) -> str:
    """The public key as base64 of its 32 raw bytes: how packages and the database carry it."""
    public = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode()


def parse_public(text: str) -> Ed25519PublicKey:
    """ValueError when ``text`` is not a base64 Ed25519 public key."""
    try:
        raw = base64.b64decode(text.encode(), validate=True)
    except (binascii.Error, UnicodeEncodeError) as exc:
        raise ValueError("public key is not valid base64") from exc
    if len(raw) != 32:
        raise ValueError("public key has the wrong length")
    return Ed25519PublicKey.from_public_bytes(raw)


def fingerprint(public: str) -> str:
    """``ab12-cd34-…`` (8 groups): what two people read to each other to compare keys."""
    digest = hashlib.sha256(base64.b64decode(public.encode())).hexdigest()[:32]
    return "-".join(digest[i : i + 4] for i in range(0, 32, 4))


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return base64.b64encode(key.sign(data)).decode()


def verify(public: str, signature: str, data: bytes) -> bool:
    """True when ``signature`` (base64) is ``public``'s signature of ``data``; never raises."""
    try:
        parse_public(public).verify(base64.b64decode(signature.encode(), validate=True), data)
    except (InvalidSignature, ValueError, binascii.Error, UnicodeEncodeError):
        return False
    return True
