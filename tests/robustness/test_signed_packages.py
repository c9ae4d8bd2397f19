"""Issue 18, item 3: results packages are signed and sessions have an identity.

Found: a hand-edited results package (an override added, the manifest recomputed) merged as the
reviewer's decision, and a results package of another database's session with the same name
merged. Now: the reviewer's machine signs with its own key (made on first use in the config dir),
the key reaches the lead as a key file written when the review package is opened, and merging
refuses a bad or unknown signature, another session, and an unsigned package unless the lead
accepts it explicitly (audited). Real SQLite files, the real CLI for the lead's steps."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import shutil
import sqlite3
import sys
import uuid
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from casereview.cli import main
from casereview.db import Database, open_database
from casereview.errors import CaseReviewError, InputError
from casereview.messages import describe
from casereview.review import AuditAction, audit_trail
from casereview.sessions.keys import fingerprint, load_or_create_key, public_text
from casereview.sessions.package import export_package, export_results, merge_results, open_package
from casereview.sessions.package_sign import manifest_signer
from casereview.sessions.store import get_session

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from package_kit import LEAD, REVIEWER, SESSION, Built, build_lead, empty_database, row_counts, workbench


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_lead(tmp_path_factory.mktemp("lead"))


@pytest.fixture
def lead_file(built: Built, tmp_path: Path) -> Path:
    copy = tmp_path / "lead" / "lead.db"
    copy.parent.mkdir()
    shutil.copy(built[0], copy)
    return copy


@pytest.fixture
def lead(lead_file: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{lead_file}")
    yield database
    database.close()


@pytest.fixture
def reviewer_db(tmp_path: Path) -> Iterator[Database]:
    yield from empty_database(tmp_path)


@pytest.fixture
def laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The reviewer's own config dir: their key is not the lead's and not registered yet."""
    folder = tmp_path / "laptop-config"
    monkeypatch.setenv("CASEREVIEW_CONFIG_DIR", str(folder))
    return folder


def _stick(built: Built, tmp_path: Path) -> Path:
    """The review package on a 'USB stick' of this test."""
    stick = tmp_path / "stick"
    stick.mkdir(exist_ok=True)
    return Path(shutil.copy(built[2], stick))


def _review_and_export(reviewer_db: Database, package: Path, tmp_path: Path) -> tuple[Path, str]:
    info = open_package(package, reviewer_db, REVIEWER, files_dir=tmp_path / "files")
    bench = workbench(reviewer_db, info.case_ids[0], info)
    bench.accept(bench.sheet.items[0].item_id)
    return export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "back"), info.fingerprint


def _edit(
    package: Path, out: Path, change: Callable[[dict[str, object], list[dict[str, object]]], None]
) -> Path:
    """``reviews.json`` and the manifest edited, the manifest's entry recomputed: every integrity
    check of the ZIP passes; signature.json is copied as it was."""
    with zipfile.ZipFile(package) as source:
        manifest = json.loads(source.read("manifest.json"))
        reviews = json.loads(source.read("reviews.json"))
        signature = source.read("signature.json") if "signature.json" in source.namelist() else None
    change(manifest, reviews)
    data = json.dumps(reviews, ensure_ascii=False).encode()
    manifest["entries"] = [
        {"path": "reviews.json", "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    ]
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("reviews.json", data)
        target.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        if signature is not None:
            target.writestr("signature.json", signature)
    return out


def _add_override(_manifest: dict[str, object], reviews: list[dict[str, object]]) -> None:
    review = reviews[0]["review"]
    assert isinstance(review, dict)
    accepted = review["decisions"][0]
    forged = dict(accepted, kind="override", deduction=1.0, reason="补充扣分", withdrawn=False)
    forged["decided_at"] = (
        dt.datetime.fromisoformat(accepted["decided_at"]) + dt.timedelta(minutes=1)
    ).isoformat()
    review["decisions"].append(forged)


def _resign(package: Path, out: Path, key: Ed25519PrivateKey) -> Path:
    """The package signed anew by ``key`` (someone else's), the rest unchanged."""
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if name != "signature.json":
                target.writestr(name, source.read(name))
        target.writestr("signature.json", manifest_signer(key)(source.read("manifest.json")))
    return out


def test_key_made_on_first_use_registered_from_the_key_file(
    built: Built,
    lead: Database,
    lead_file: Path,
    reviewer_db: Database,
    laptop: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    package = _stick(built, tmp_path)
    results, printed = _review_and_export(reviewer_db, package, tmp_path)
    key = laptop / "signing_key.pem"
    assert key.is_file() and key.stat().st_mode & 0o777 == 0o600
    (key_file,) = package.parent.glob("评查人员公钥_*.json")  # beside the package, on the stick
    assert (
        "PRIVATE" not in key_file.read_text() and json.loads(key_file.read_text())["fingerprint"] == printed
    )

    before = row_counts(lead)
    unknown = merge_results(lead, built[1], results, LEAD)
    assert unknown.refused is not None and results.name in unknown.refused
    assert f"签名密钥（指纹 {printed}）未登记为“{REVIEWER}”" in unknown.refused
    assert row_counts(lead) == before

    db = ["--db", f"sqlite:///{lead_file}"]
    wrong = ["session", "register-key", SESSION, *db, str(key_file), "--fingerprint", "0000-0000"]
    assert main(wrong) == 1 and "不符，未登记" in capsys.readouterr().err
    assert main(["session", "register-key", SESSION, *db, str(key_file), "--fingerprint", printed]) == 0
    assert printed in capsys.readouterr().out
    assert main(["session", "merge-package", SESSION, *db, str(results)]) == 0
    assert "新增 1 项决定" in capsys.readouterr().out
    with lead.session_scope(readonly=True) as session:
        trail = [e for c in (1, 2, 3) for e in audit_trail(session, c)]
    merges = [e for e in trail if e.action == AuditAction.MERGE]
    assert merges and merges[-1].after["signed_by"] == printed  # type: ignore[index]


def test_hand_edited_results_are_refused(
    built: Built,
    lead: Database,
    lead_file: Path,
    reviewer_db: Database,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The issue's forgery: an override added and the manifest recomputed. Kept signature: bad
    signature; re-signed by another key: unknown key; signature removed: unsigned, refused unless
    the lead accepts it — and that acceptance is in the audit log."""
    results, _printed = _review_and_export(
        reviewer_db, _stick(built, tmp_path), tmp_path
    )  # the run's key: registered
    edited = _edit(results, tmp_path / "改过的结果.zip", _add_override)
    before = row_counts(lead)
    bad = merge_results(lead, built[1], edited, LEAD)
    assert bad.refused is not None and "改过的结果.zip" in bad.refused and "签名无效" in bad.refused
    other = _resign(edited, tmp_path / "另签.zip", Ed25519PrivateKey.generate())
    unknown = merge_results(lead, built[1], other, LEAD)
    assert unknown.refused is not None and "另签.zip" in unknown.refused and "未登记" in unknown.refused
    stripped = tmp_path / "无签名.zip"
    with zipfile.ZipFile(edited) as source, zipfile.ZipFile(stripped, "w") as target:
        for name in ("manifest.json", "reviews.json"):
            target.writestr(name, source.read(name))
    unsigned = merge_results(lead, built[1], stripped, LEAD)
    assert (
        unsigned.refused is not None
        and "没有签名" in unsigned.refused
        and "--accept-unsigned" in unsigned.refused
    )
    assert row_counts(lead) == before  # nothing written by any of them

    db = ["--db", f"sqlite:///{lead_file}"]
    assert main(["session", "merge-package", SESSION, *db, str(stripped), "--accept-unsigned"]) == 0
    assert "未签名" in capsys.readouterr().out
    with lead.session_scope(readonly=True) as session:
        merged = [e for c in (1, 2, 3) for e in audit_trail(session, c) if e.action == AuditAction.MERGE]
    assert merged[-1].after["signed_by"] is None  # type: ignore[index]
    with sqlite3.connect(lead_file) as raw:
        accepted = raw.execute(
            "SELECT actor, after FROM audit_log WHERE action = 'accept_unsigned'"
        ).fetchall()
    assert (
        len(accepted) == 1
        and accepted[0][0] == "组长"
        and json.loads(accepted[0][1])["package"] == "无签名.zip"
    )


def test_results_of_another_session_with_the_same_name_are_refused(
    built: Built, lead: Database, lead_file: Path, reviewer_db: Database, tmp_path: Path
) -> None:
    """Another database's session of the same name (here: the same cases, its own id) — its
    results do not merge into ours, and its package does not open into our reviewer's copy."""
    other_file = tmp_path / "other" / "other.db"
    other_file.parent.mkdir()
    shutil.copy(built[0], other_file)
    with sqlite3.connect(other_file) as raw:  # made independently: the same name, another id
        raw.execute("UPDATE review_sessions SET uid = ?", (uuid.uuid4().hex,))
    with open_database(f"sqlite:///{other_file}") as other:
        other_package = export_package(other, built[1], REVIEWER, tmp_path / "other-out")
    other_reviewer = next(empty_database(tmp_path / "r2"))
    results, _printed = _review_and_export(other_reviewer, other_package, tmp_path / "r2")
    other_reviewer.close()

    before = row_counts(lead)
    report = merge_results(lead, built[1], results, LEAD)
    assert report.refused is not None and results.name in report.refused
    assert "这是另一个评查会话的评查结果" in report.refused and f"虽然名称同为“{SESSION}”" in report.refused
    assert row_counts(lead) == before

    open_package(_stick(built, tmp_path), reviewer_db, REVIEWER, files_dir=tmp_path / "files")
    with pytest.raises(CaseReviewError) as caught:
        open_package(other_package, reviewer_db, REVIEWER, files_dir=tmp_path / "files2")
    assert "另一个评查会话（会话标识不同）" in describe(caught.value)


def test_review_packages_are_signed_by_the_pinned_lead_key(
    built: Built, lead: Database, reviewer_db: Database, tmp_path: Path
) -> None:
    package = _stick(built, tmp_path)
    info = open_package(package, reviewer_db, REVIEWER, files_dir=tmp_path / "files")
    assert info.lead_fingerprint == fingerprint(public_text(load_or_create_key()))  # the run's key made it
    intruder = Ed25519PrivateKey.generate()
    with pytest.raises(InputError, match="另一台机器"):  # the lead's session is bound to its key
        export_package(lead, built[1], REVIEWER, tmp_path / "x", key=intruder)
    # Someone else's package for the same session id, signed by their own key and naming it.
    forged = tmp_path / "伪造评查包.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(forged, "w") as target:
        manifest = json.loads(source.read("manifest.json"))
        manifest["lead_key"] = public_text(intruder)
        data = json.dumps(manifest).encode()
        for name in source.namelist():
            if name not in ("manifest.json", "signature.json"):
                target.writestr(name, source.read(name))
        target.writestr("manifest.json", data)
        target.writestr("signature.json", manifest_signer(intruder)(data))
    before = row_counts(reviewer_db)
    with pytest.raises(CaseReviewError) as caught:
        open_package(forged, reviewer_db, REVIEWER, files_dir=tmp_path / "files3")
    assert "组长签名密钥" in describe(caught.value) and "不同" in describe(caught.value)
    assert row_counts(reviewer_db) == before
    # A package from before signing is refused with what to do.
    legacy = tmp_path / "旧版评查包.zip"
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(legacy, "w") as target:
        for name in source.namelist():
            if name != "signature.json":
                target.writestr(name, source.read(name))
    with pytest.raises(CaseReviewError) as caught:
        open_package(legacy, reviewer_db, REVIEWER, files_dir=tmp_path / "files4")
    assert "旧版评查包.zip" in describe(caught.value) and "重新导出" in describe(caught.value)


def test_sessions_from_before_ids_get_one(
    built: Built, lead: Database, lead_file: Path, reviewer_db: Database, tmp_path: Path
) -> None:
    """Migration: a lead's session made before ids (uid and lead key NULL after migration 0006)
    gets both on its first export; a reviewer's copy made from an old package takes the id from
    the next package it opens, and its results then merge as signed."""
    with sqlite3.connect(lead_file) as raw:
        raw.execute("UPDATE review_sessions SET uid = NULL, lead_key = NULL")
    package = export_package(lead, built[1], REVIEWER, tmp_path / "new")
    with zipfile.ZipFile(package) as archive:
        uid = json.loads(archive.read("manifest.json"))["session"]["uid"]
    assert isinstance(uid, str) and len(uid) == 32
    with lead.session_scope(readonly=True) as session:
        assert get_session(session, built[1]).uid == uid

    info = open_package(package, reviewer_db, REVIEWER, files_dir=tmp_path / "files")
    reviewer_file = Path(str(reviewer_db.engine.url.database))
    with sqlite3.connect(reviewer_file) as raw:  # the copy an old package made: no id
        raw.execute("UPDATE review_sessions SET uid = NULL, lead_key = NULL")
    again = open_package(package, reviewer_db, REVIEWER, files_dir=tmp_path / "files")
    assert again.session_id == info.session_id
    with sqlite3.connect(reviewer_file) as raw:
        assert raw.execute("SELECT uid FROM review_sessions").fetchall() == [(uid,)]
    bench = workbench(reviewer_db, info.case_ids[0], info)
    bench.accept(bench.sheet.items[0].item_id)
    results = export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "back")
    report = merge_results(lead, built[1], results, LEAD)
    assert report.refused is None and report.decisions_added == 1
