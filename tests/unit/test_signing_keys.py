"""The signing key (sessions/keys.py), the package signature (sessions/package_sign.py) and the
reviewer's key file (sessions/identity.py): on real files, with the real Ed25519 of cryptography."""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from casereview.errors import CaseReviewError, InputError, SigningKeyError
from casereview.messages import describe
from casereview.sessions.identity import key_file_bytes, read_key_file
from casereview.sessions.keys import (
    fingerprint,
    load_or_create_key,
    parse_public,
    public_text,
    sign,
    verify,
)
from casereview.sessions.package_sign import manifest_signer, package_signer
from casereview.sessions.package_zip import Entry, read_package, write_package


def test_key_is_made_once_private_to_the_user(tmp_path: Path) -> None:
    previous = os.umask(0o022)  # a usual umask: the file must still come out 0600
    try:
        key = load_or_create_key(tmp_path)
    finally:
        os.umask(previous)
    path = tmp_path / "signing_key.pem"
    assert path.stat().st_mode & 0o777 == 0o600
    assert b"PRIVATE KEY" in path.read_bytes()
    assert public_text(load_or_create_key(tmp_path)) == public_text(key)  # the same key next time
    assert [p.name for p in tmp_path.iterdir()] == ["signing_key.pem"]  # no temporary left
    assert public_text(load_or_create_key(tmp_path / "other")) != public_text(key)


def test_unusable_key_files_are_refused_in_chinese(tmp_path: Path) -> None:
    load_or_create_key(tmp_path)
    path = tmp_path / "signing_key.pem"
    path.chmod(0o644)
    with pytest.raises(SigningKeyError, match="权限过宽"):
        load_or_create_key(tmp_path)
    path.chmod(0o600)
    path.write_bytes(b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n")
    with pytest.raises(SigningKeyError, match="已损坏"):
        load_or_create_key(tmp_path)


def test_sign_and_verify(tmp_path: Path) -> None:
    key = load_or_create_key(tmp_path)
    public = public_text(key)
    signature = sign(key, b"manifest")
    assert verify(public, signature, b"manifest")
    assert not verify(public, signature, b"manifest ")  # one byte more
    assert not verify(public_text(load_or_create_key(tmp_path / "b")), signature, b"manifest")
    assert not verify(public, "not base64!", b"manifest")
    assert not verify("AAAA", signature, b"manifest")
    assert re.fullmatch(r"([0-9a-f]{4}-){7}[0-9a-f]{4}", fingerprint(public))
    with pytest.raises(ValueError, match="wrong length"):
        parse_public("AAAA")


def _package(tmp_path: Path, sign_with: Path | None) -> Path:
    signer = manifest_signer(load_or_create_key(sign_with)) if sign_with else None
    header: dict[str, object] = {"kind": "results", "reviewer": "李"}
    entries = [Entry("reviews.json", data=b"[]")]
    return write_package(tmp_path / "p.zip", header, entries, signer)


def test_signature_covers_the_manifest(tmp_path: Path) -> None:
    package = _package(tmp_path, tmp_path / "k")
    signer = package_signer(read_package(package, "results"))
    assert signer is not None and signer.public_key == public_text(load_or_create_key(tmp_path / "k"))
    assert package_signer(read_package(_package(tmp_path, None), "results")) is None

    package = _package(tmp_path, tmp_path / "k")
    changed = tmp_path / "changed.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(changed, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == "manifest.json":
                data = data.replace("李".encode(), "王".encode())
            target.writestr(name, data)
    with pytest.raises(CaseReviewError) as caught:
        package_signer(read_package(changed, "results"))
    assert "changed.zip" in describe(caught.value) and "签名无效" in describe(caught.value)


def test_key_file_round_trip_and_garbage(tmp_path: Path) -> None:
    public = public_text(load_or_create_key(tmp_path))
    path = tmp_path / "公钥.json"
    path.write_bytes(key_file_bytes("ab" * 16, "会话", "李", public))
    assert read_key_file(path) == ("ab" * 16, "李", public)
    assert json.loads(path.read_text())["fingerprint"] == fingerprint(public)
    path.write_text('{"kind": "casereview-reviewer-key"}')
    with pytest.raises(InputError, match=r"公钥\.json：不是评查人员公钥文件"):
        read_key_file(path)
    with pytest.raises(InputError, match="文件不存在"):
        read_key_file(tmp_path / "none.json")
