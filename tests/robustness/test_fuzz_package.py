"""Fuzzed offline review packages: random ZIPs with hostile entry names, and well-formed ZIPs whose
manifest header and assignments are fuzzed JSON. Opening one is refused with PACKAGE_REFUSED, the
reviewer's database keeps its row counts, and nothing is written anywhere (no staging leftovers,
no escaped entry)."""

from __future__ import annotations

import hashlib
import io
import json
import os
import sys
import warnings
import zipfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from casereview.db import Database, open_database
from casereview.errors import CaseReviewError, ErrorCode
from casereview.messages import PACKAGE_REASONS, describe
from casereview.review.service import standard_meta
from casereview.sessions.package import STANDARD_ENTRY, open_package
from casereview.sessions.package_load import ASSIGNMENTS
from casereview.sessions.package_zip import FORMAT, FORMAT_VERSION, MANIFEST
from casereview.standards.loader import STANDARD_FILE, default_root, find_standards

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from package_kit import row_counts

STANDARD_BYTES = (default_root() / "transport_penalty" / STANDARD_FILE).read_bytes()

FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


class Sandbox:
    def __init__(self, root: Path, database: Database) -> None:
        self.root, self.database, self.count = root, database, 0
        self.data = root / "data"

    def next_zip(self) -> Path:
        self.count += 1
        return self.root / "in" / f"p{self.count}.zip"


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    root = tmp_path_factory.mktemp("fuzzpkg")
    (root / "in").mkdir()
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CASEREVIEW_DATA_DIR", str(root / "data"))  # where open_package stages by default
        database = open_database(f"sqlite:///{root / 'x.db'}")
        try:
            yield Sandbox(root, database)
        finally:
            database.close()


def tree(root: Path) -> set[str]:
    """Every path under ``root`` except the inputs and the database (which SQLite may touch)."""
    out = set()
    for folder, _dirs, files in os.walk(root):
        for name in files:
            rel = (Path(folder) / name).relative_to(root).as_posix()
            if not rel.startswith("in/") and not rel.startswith("x.db"):
                out.add(rel)
    return out


def must_refuse(sandbox: Sandbox, data: bytes) -> None:
    path = sandbox.next_zip()
    path.write_bytes(data)
    before_rows, before_files = row_counts(sandbox.database), tree(sandbox.root)
    try:
        info = open_package(path, sandbox.database)
    except CaseReviewError as exc:
        assert exc.code == ErrorCode.PACKAGE_REFUSED, exc
        assert exc.path == str(path)
        assert exc.detail.get("why") in PACKAGE_REASONS and describe(exc), exc  # a named reason
    except Exception as exc:
        raise AssertionError(f"raw {type(exc).__name__}: {exc} ({len(data)} bytes)") from exc
    else:
        raise AssertionError(f"a fuzzed package was opened: {info}")
    finally:
        path.unlink()
    assert row_counts(sandbox.database) == before_rows
    assert tree(sandbox.root) == before_files
    assert not any(p.name.startswith(".staging") for p in (sandbox.data / "packages").glob("*"))


# -- random ZIPs ---------------------------------------------------------------------------------

hostile_names = st.one_of(
    st.sampled_from(
        [
            MANIFEST,
            STANDARD_ENTRY,
            ASSIGNMENTS,
            "../evil.txt",
            "cases/../../evil.pdf",
            "/etc/passwd",
            "/tmp/evil",
            "C:/evil",
            "C:evil",
            "..\\..\\evil",
            "cases\\a.pdf",
            "cases/./a.pdf",
            "cases//a.pdf",
            "cases/a.pdf.",
            "CON",
            "cases/aux.txt",
            "dir/",
            "a:b",
            "cases/\u202egnp.exe",
            "案卷/决定书.pdf",
            "x" * 1500,
            "/".join(["d"] * 400),
        ]
    ),
    st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s),
    st.lists(st.sampled_from(["..", ".", "cases", "a", "评查", ""]), min_size=1, max_size=5).map("/".join),
)
entries = st.lists(st.tuples(hostile_names, st.binary(max_size=200)), min_size=0, max_size=6)


def build_zip(items: list[tuple[str, bytes]], method: int) -> bytes:
    out = io.BytesIO()
    with warnings.catch_warnings(), zipfile.ZipFile(out, "w", method) as archive:
        warnings.simplefilter("ignore", UserWarning)  # duplicate names are wanted here
        for name, content in items:
            info = zipfile.ZipInfo(name)
            info.compress_type = method
            archive.writestr(info, content)
    return out.getvalue()


@FUZZ
@given(entries, st.sampled_from([zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_LZMA]))
def test_random_zips_are_refused(sandbox: Sandbox, items: list[tuple[str, bytes]], method: int) -> None:
    must_refuse(sandbox, build_zip(items, method))


@FUZZ
@given(st.binary(max_size=600), st.integers(min_value=0, max_value=10_000))
def test_random_and_damaged_bytes_are_refused(sandbox: Sandbox, noise: bytes, cut: int) -> None:
    base = build_zip([(MANIFEST, b"{}"), ("cases/a.pdf", b"%PDF-1.7" * 20)], zipfile.ZIP_DEFLATED)
    must_refuse(sandbox, noise)
    must_refuse(sandbox, base[: cut % len(base)] + noise)


# -- well-formed ZIPs with fuzzed content --------------------------------------------------------

json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**400), max_value=10**400),  # far beyond a float
        st.floats(allow_nan=True, allow_infinity=True),  # json writes NaN / Infinity
        st.text(max_size=12),
        st.sampled_from(["2025-01-01T00:00:00+00:00", "2025-13-45", "", "../x", "cases/a.pdf"]),
    ),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=12,
)


def _maybe(value: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.one_of(value, json_values)


GOOD_SESSION: dict[str, object] = {
    "name": "会话",
    "year": 2025,
    "double_review": False,
    "blind": False,
    "tolerance": 5.0,
    "profile": None,
    "standard_id": "transport_penalty",
}
sessions = st.fixed_dictionaries(
    {
        "name": _maybe(st.text(min_size=1, max_size=10)),
        "year": _maybe(st.integers(min_value=1990, max_value=2100)),
        "double_review": _maybe(st.booleans()),
        "blind": _maybe(st.booleans()),
        "tolerance": _maybe(st.floats(min_value=0, max_value=100)),
        "profile": _maybe(st.none()),
        "standard_id": _maybe(st.just("transport_penalty")),
    }
)
rows = st.fixed_dictionaries(
    {
        "sha256": _maybe(st.just("0" * 64)),
        "slot": _maybe(st.sampled_from([1, 2])),
        "files": _maybe(st.just(["cases/" + "0" * 64 + ".pdf"])),
        "kind": _maybe(st.sampled_from(["pdf", "folder"])),
    }
)


@cache
def _standard_header() -> dict[str, str]:
    meta = standard_meta(find_standards()["transport_penalty"])
    return {"id": meta.id, "version": meta.version, "hash": meta.hash}


def build_package(
    header: dict[str, object], files: dict[str, bytes], manifest_extra: dict[str, object]
) -> bytes:
    listed = [
        {"path": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}
        for name, data in files.items()
    ]
    manifest = (
        header | {"format": FORMAT, "format_version": FORMAT_VERSION, "entries": listed} | manifest_extra
    )
    items = [*files.items(), (MANIFEST, json.dumps(manifest, ensure_ascii=False).encode())]
    return build_zip(items, zipfile.ZIP_DEFLATED)


@FUZZ
@given(
    session=st.one_of(sessions, json_values),
    standard=st.one_of(st.just("installed"), json_values),
    reviewer=_maybe(st.text(min_size=1, max_size=8)),
    created_at=_maybe(st.just("2025-01-01T00:00:00+00:00")),
    # An empty assignment list opens as a session without cases: not a refusal, so not drawn.
    assignments=st.one_of(st.lists(rows, min_size=1, max_size=3), json_values).filter(
        lambda v: v not in ("", [], {})
    ),
    analysis=json_values,
    extra=st.dictionaries(
        st.sampled_from(["kind", "format_version", "entries", "lead"]), json_values, max_size=1
    ),
)
@example(  # a tolerance beyond a float: OverflowError, not TypeError/ValueError
    session=GOOD_SESSION | {"tolerance": 10**400},
    standard="installed",
    reviewer="r",
    created_at="2025-01-01T00:00:00+00:00",
    assignments=[{"sha256": "0" * 64, "slot": 1, "files": ["cases/" + "0" * 64 + ".pdf"]}],
    analysis=None,
    extra={},
)
@example(  # json reads Infinity: int(inf) is an OverflowError
    session=GOOD_SESSION,
    standard="installed",
    reviewer="r",
    created_at="2025-01-01T00:00:00+00:00",
    assignments=[{"sha256": "0" * 64, "slot": float("inf"), "files": ["cases/" + "0" * 64 + ".pdf"]}],
    analysis=None,
    extra={},
)
def test_fuzzed_manifests_and_assignments_are_refused(
    sandbox: Sandbox,
    session: object,
    standard: object,
    reviewer: object,
    created_at: object,
    assignments: object,
    analysis: object,
    extra: dict[str, object],
) -> None:
    header: dict[str, object] = {
        "kind": "review",
        "session": session,
        "standard": dict(_standard_header()) if standard == "installed" else standard,
        "reviewer": reviewer,
        "lead": "组长",
        "created_at": created_at,
    }
    sha = "0" * 64
    files = {
        STANDARD_ENTRY: STANDARD_BYTES,
        ASSIGNMENTS: json.dumps(assignments).encode(),
        f"analyses/{sha}.json": json.dumps(analysis).encode(),
        f"cases/{sha}.pdf": b"%PDF-1.7 not really",
    }
    must_refuse(sandbox, build_package(header, files, extra))
