"""Offline packages that must be refused: tampered, path traversal, absolute names, symlinks,
unlisted or missing entries, oversized entries, ZIP bombs, another reviewer, no manifest — each
with the Chinese reason naming the package, and nothing written to the database."""

from __future__ import annotations

import hashlib
import json
import posixpath
import random
import shutil
import zipfile
from collections import Counter
from collections.abc import Callable
from pathlib import Path, PureWindowsPath

import pytest
from hypothesis import given
from hypothesis import strategies as st
from package_kit import (
    LEAD,
    REVIEWER,
    SESSION,
    Built,
    row_counts,
    workbench,
)

from casereview.db import Database
from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import describe
from casereview.sessions import package_zip
from casereview.sessions.package import (
    export_results,
    merge_results,
    open_package,
    safe_member_name,
)

# -- refusals ------------------------------------------------------------------------------------


def rewrite(package: Path, out: Path, change: Callable[[zipfile.ZipFile, zipfile.ZipFile], None]) -> Path:
    """A copy of ``package`` made by ``change(source, target)``."""
    with zipfile.ZipFile(package) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        change(source, target)
    return out


def copy_all(
    skip: Callable[[str], bool] = lambda _n: False,
) -> Callable[[zipfile.ZipFile, zipfile.ZipFile], None]:
    def change(source: zipfile.ZipFile, target: zipfile.ZipFile) -> None:
        for info in source.infolist():
            if not skip(info.filename):
                target.writestr(info.filename, source.read(info.filename))

    return change


def tampered(source: zipfile.ZipFile, target: zipfile.ZipFile) -> None:
    for info in source.infolist():
        data = source.read(info.filename)
        if info.filename.startswith("cases/") and info.filename.endswith(".pdf"):
            data = data[:100] + bytes([data[100] ^ 0x01]) + data[101:]
        target.writestr(info.filename, data)  # a valid ZIP: only the manifest can tell


def with_entry(
    name: str, data: bytes = b"evil", attr: int | None = None
) -> Callable[[zipfile.ZipFile, zipfile.ZipFile], None]:
    def change(source: zipfile.ZipFile, target: zipfile.ZipFile) -> None:
        copy_all()(source, target)
        info = zipfile.ZipInfo("placeholder")
        info.filename = name  # ZipInfo() would tidy the name; an attacker's tool does not
        if attr is not None:
            info.external_attr = attr
        target.writestr(info, data)

    return change


def with_manifest(
    edit: Callable[[dict[str, object]], None],
) -> Callable[[zipfile.ZipFile, zipfile.ZipFile], None]:
    def change(source: zipfile.ZipFile, target: zipfile.ZipFile) -> None:
        copy_all(lambda n: n == "manifest.json")(source, target)
        manifest = json.loads(source.read("manifest.json"))
        edit(manifest)
        target.writestr("manifest.json", json.dumps(manifest))

    return change


def with_bomb(source: zipfile.ZipFile, target: zipfile.ZipFile) -> None:
    """A 50 MB entry of zeros, listed in the manifest with its true size and hash."""
    bomb = bytes(50 << 20)
    copy_all(lambda n: n == "manifest.json")(source, target)
    manifest = json.loads(source.read("manifest.json"))
    manifest["entries"].append(
        {"path": "cases/bomb.pdf", "size": len(bomb), "sha256": hashlib.sha256(bomb).hexdigest()}
    )
    target.writestr("cases/bomb.pdf", bomb, compresslevel=9)
    target.writestr("manifest.json", json.dumps(manifest))


REFUSALS: dict[str, tuple[Callable[[zipfile.ZipFile, zipfile.ZipFile], None], str]] = {
    "tampered": (tampered, "SHA-256 校验不符，包已被篡改"),
    "traversal": (with_entry("../evil.txt"), "“../evil.txt”的路径不安全"),
    "absolute": (with_entry("/tmp/casereview-evil.txt"), "路径不安全"),
    "backslash": (with_entry("cases\\..\\evil.txt"), "路径不安全"),
    "drive": (with_entry("C:/evil.txt"), "路径不安全"),
    "symlink": (with_entry("cases/link.pdf", b"/etc/passwd", 0o120777 << 16), "符号链接"),
    "unlisted": (with_entry("notes.txt"), "“notes.txt”不在清单中"),
    "missing entry": (copy_all(lambda n: n.startswith("analyses/")), "在包中缺失"),
    "no manifest": (copy_all(lambda n: n == "manifest.json"), "缺少清单文件 manifest.json"),
    "format version": (with_manifest(lambda m: m.update(format_version=99)), "格式版本 99 不受支持"),
    "bomb": (with_bomb, "疑似压缩炸弹"),
}


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_refused_packages_write_nothing(
    case: str, built: Built, reviewer_db: Database, tmp_path: Path
) -> None:
    change, reason = REFUSALS[case]
    bad = rewrite(built[2], tmp_path / "坏包.zip", change)
    before = row_counts(reviewer_db)
    with pytest.raises(CaseReviewError) as caught:
        open_package(bad, reviewer_db, files_dir=tmp_path / "files" / "x")
    assert caught.value.code is ErrorCode.PACKAGE_REFUSED
    message = describe(caught.value)
    assert reason in message and "坏包.zip" in message and "未写入任何数据" in message
    assert row_counts(reviewer_db) == before
    assert not (tmp_path / "files").exists() or not any((tmp_path / "files").rglob("*"))  # staging gone
    assert not (tmp_path / "evil.txt").exists() and not Path("/tmp/casereview-evil.txt").exists()


def test_oversized_entry_and_total(
    built: Built, reviewer_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = row_counts(reviewer_db)
    monkeypatch.setattr(package_zip, "MAX_ENTRY_BYTES", 1000)
    with pytest.raises(CaseReviewError) as caught:
        open_package(built[2], reviewer_db, files_dir=tmp_path / "f")
    assert "解压后过大" in describe(caught.value)
    monkeypatch.undo()
    monkeypatch.setattr(package_zip, "MAX_TOTAL_BYTES", 10_000)
    with pytest.raises(CaseReviewError) as caught:
        open_package(built[2], reviewer_db, files_dir=tmp_path / "f")
    assert "总大小过大" in describe(caught.value)
    monkeypatch.setattr(package_zip, "MAX_TOTAL_BYTES", 1 << 40)
    monkeypatch.setattr(package_zip, "MAX_ENTRIES", 3)
    with pytest.raises(CaseReviewError) as caught:
        open_package(built[2], reviewer_db, files_dir=tmp_path / "f")
    assert "条目过多" in describe(caught.value)
    assert row_counts(reviewer_db) == before


def test_wrong_reviewer_is_refused(built: Built, reviewer_db: Database, tmp_path: Path) -> None:
    before = row_counts(reviewer_db)
    with pytest.raises(CaseReviewError) as caught:
        open_package(built[2], reviewer_db, "王五", files_dir=tmp_path / "f")
    assert f"这是评查人员“{REVIEWER}”的评查包，不是“王五”的" in describe(caught.value)
    assert row_counts(reviewer_db) == before


def test_refused_results_package_writes_nothing(
    built: Built, lead: Database, reviewer_db: Database, tmp_path: Path
) -> None:
    _db, sid, package = built
    info = open_package(package, reviewer_db, files_dir=tmp_path / "files")
    bench = workbench(reviewer_db, info.case_ids[0], info)
    bench.accept(bench.sheet.items[0].item_id)
    results = export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "back")

    def edit_reviews(source: zipfile.ZipFile, target: zipfile.ZipFile) -> None:
        for entry in source.infolist():
            data = source.read(entry.filename)
            if entry.filename == "reviews.json":
                data = data.replace(b"accept", b"manual")  # a forged decision
            target.writestr(entry.filename, data)

    before = row_counts(lead)
    forged = merge_results(lead, sid, rewrite(results, tmp_path / "改过.zip", edit_reviews), LEAD)
    assert (
        forged.refused is not None and "SHA-256 校验不符" in forged.refused and "改过.zip" in forged.refused
    )
    wrong = merge_results(lead, sid, package, LEAD)  # a review package is not a results package
    assert wrong.refused is not None and "不是评查结果包" in wrong.refused
    traversal = merge_results(lead, sid, rewrite(results, tmp_path / "t.zip", with_entry("../x.json")), LEAD)
    assert traversal.refused is not None and "路径不安全" in traversal.refused
    assert row_counts(lead) == before
    assert (forged.cases, forged.decisions_added) == (0, 0)


def resealed(package: Path, out: Path, edit: Callable[[list[dict[str, object]]], None]) -> Path:
    """``reviews.json`` edited and the manifest recomputed to match: integrity checks pass and the
    signature is gone (merged only with accept_unsigned), so only the content checks can refuse it."""
    with zipfile.ZipFile(package) as source:
        reviews = json.loads(source.read("reviews.json"))
        manifest = json.loads(source.read("manifest.json"))
    edit(reviews)
    data = json.dumps(reviews, ensure_ascii=False).encode()
    manifest["entries"] = [
        {"path": "reviews.json", "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    ]
    with zipfile.ZipFile(out, "w") as target:
        target.writestr("reviews.json", data)
        target.writestr("manifest.json", json.dumps(manifest))
    return out


def test_resealed_forgeries_are_refused(
    built: Built, lead: Database, reviewer_db: Database, tmp_path: Path
) -> None:
    _db, sid, package = built
    info = open_package(package, reviewer_db, files_dir=tmp_path / "files")
    bench = workbench(reviewer_db, info.case_ids[0], info)
    bench.override(bench.sheet.items[0].item_id, 1.0, "评查人员意见")
    results = export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "back")

    def as_lead(reviews: list[dict[str, object]]) -> None:
        review = reviews[0]["review"]
        assert isinstance(review, dict)
        review["decisions"][0]["reviewer"] = LEAD  # decisions in someone else's name

    def too_many_points(reviews: list[dict[str, object]]) -> None:
        review = reviews[0]["review"]
        assert isinstance(review, dict)
        review["decisions"][0]["deduction"] = 999.0

    def stranger(reviews: list[dict[str, object]]) -> None:
        reviews[0]["sha256"] = "0" * 64

    before = row_counts(lead)
    expected = {
        "forged reviewer": (as_lead, f"有其他人员的评查决定或更正：{LEAD}"),
        "points": (too_many_points, "超过该项分值"),
        "unknown case": (stranger, "不在本会话中"),
    }
    for name, (edit, reason) in expected.items():
        forged = resealed(results, tmp_path / f"{name}.zip", edit)
        report = merge_results(lead, sid, forged, LEAD, accept_unsigned=True)
        assert report.refused is not None and reason in report.refused, name
    assert row_counts(lead) == before
    good = merge_results(lead, sid, results, LEAD)  # the genuine package still merges
    assert good.refused is None and good.decisions_added == 1


def test_damaged_packages_are_refused_not_crashed(built: Built, tmp_path: Path) -> None:
    """Truncated or bit-flipped packages: a refusal in Chinese (or, for a harmless flip in a
    timestamp, a clean read) — never a zlib or struct error escaping, never a staging folder left."""
    data = built[2].read_bytes()
    rng = random.Random(20260)
    outcomes: Counter[str] = Counter()
    for i in range(90):
        damaged = bytearray(data)
        if i % 3 == 0:
            damaged = damaged[: rng.randrange(len(damaged))]
        else:
            start = max(0, len(damaged) - 3000) if i % 3 == 1 else 0  # the central directory, or anywhere
            for _ in range(rng.randint(1, 8)):
                damaged[rng.randrange(start, len(damaged))] ^= 1 << rng.randrange(8)
        path = tmp_path / "坏.zip"
        path.write_bytes(bytes(damaged))
        try:
            package_zip.read_package(path, "review", staging=tmp_path / "staging")
            outcomes["read"] += 1
        except CaseReviewError as error:
            assert error.code is ErrorCode.PACKAGE_REFUSED and "坏.zip" in describe(error)
            outcomes["refused"] += 1
            assert not (tmp_path / "staging").exists()
        shutil.rmtree(tmp_path / "staging", ignore_errors=True)
    assert outcomes["refused"] >= 80


# -- entry names ---------------------------------------------------------------------------------

NAME_PARTS = st.sampled_from(
    ["a", "案卷", "..", ".", "", "/", "\\", "C:", ":", " ", "\x00", "NUL", "b.pdf", "~"]
)


@given(st.one_of(st.text(max_size=40), st.lists(NAME_PARTS, max_size=8).map("".join)))
def test_safe_names_never_escape_the_root(name: str) -> None:
    safe = safe_member_name(name)
    if safe is None:
        return
    assert safe == name
    joined = posixpath.normpath(posixpath.join("/extract/root", safe))
    assert joined.startswith("/extract/root/")
    windows = PureWindowsPath("C:/extract/root") / PureWindowsPath(safe)
    assert windows.drive == "C:" and ".." not in PureWindowsPath(safe).parts
    assert str(windows).startswith("C:\\extract\\root\\")


@pytest.mark.parametrize(
    "name", ["../x", "/etc/passwd", "a/../../x", "a\\b", "C:x", "c:/x", "a//b", "a/./b", "con.txt", "x.", ""]
)
def test_unsafe_names(name: str) -> None:
    assert safe_member_name(name) is None


def test_safe_names_kept() -> None:
    assert safe_member_name("cases/ab12.pdf") == "cases/ab12.pdf"
    assert safe_member_name("cases/ab12/第1页.png") == "cases/ab12/第1页.png"
