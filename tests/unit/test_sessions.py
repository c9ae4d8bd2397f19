"""Review sessions on a real SQLite file: folder-tree import, reviewers, balanced assignment that
never gives a reviewer their own unit's cases, linking reviews, progress and statuses."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import Database, load_case, open_database
from casereview.errors import InputError
from casereview.pipeline import Analysis
from casereview.review.workbench import Workbench
from casereview.sessions.importing import import_cases, list_entries, tree_entries
from casereview.sessions.model import CaseStatus
from casereview.sessions.store import (
    add_reviewer,
    assign,
    auto_assign,
    create_session,
    find_session,
    link_reviews,
    progress,
    session_cases,
)

UNITS = ("东莞市交通运输局", "江门市交通运输局")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    made = tmp_path_factory.mktemp("made")
    for i in range(6):
        path, _ = generate_case(made, f"t{i}", kind="digital", seed=500 + i)
        unit_dir = root / UNITS[i % 2]
        unit_dir.mkdir(exist_ok=True)
        shutil.copy(path, unit_dir / path.name)
    (root / UNITS[0] / "说明.txt").write_text("不是案卷", encoding="utf-8")
    (root / UNITS[1] / "坏文件.pdf").write_bytes(b"%PDF-1.4 broken")
    return root


@pytest.fixture
def database(tmp_path: Path) -> Database:
    db = open_database(f"sqlite:///{tmp_path / 's.db'}")
    yield db  # type: ignore[misc]
    db.close()


def test_session_import_assign_and_progress(tree: Path, database: Database) -> None:
    with database.session_scope() as session:
        sid = create_session(
            session, "2026年度案卷评查", 2026, "transport_penalty", "组长", double_review=True
        )
        for name, unit in (("甲", UNITS[0]), ("乙", UNITS[1]), ("丙", None)):
            add_reviewer(session, sid, name, unit)
        with pytest.raises(InputError, match="已有名为"):
            create_session(session, "2026年度案卷评查", 2026, "transport_penalty", "组长")
    result = import_cases(database, sid, tree_entries(tree))
    assert len(result.added) == 6 and [Path(p).name for p, _ in result.failed] == ["坏文件.pdf"]
    assert "已损坏" in result.failed[0][1] or "无法" in result.failed[0][1]

    with database.session_scope() as session:
        load = auto_assign(session, sid, "组长")
        cases = session_cases(session, sid)
    assert sum(load.values()) == 12 and max(load.values()) - min(load.values()) <= 4
    for case in cases:
        first, second = case.reviewers()
        assert first != second
        for name, unit in (("甲", UNITS[0]), ("乙", UNITS[1])):
            if case.unit == unit:
                assert name not in (first, second)  # never their own unit's cases
    assert {c.status for c in cases} == {CaseStatus.PENDING}

    own = next(c for c in cases if c.unit == UNITS[0])
    with database.session_scope() as session, pytest.raises(InputError, match="被评查单位"):
        assign(session, own.id, "甲", 1, "组长")

    # A reviewer opens an assigned case in the workstation: the review is linked, the case moves on.
    target = next(c for c in cases if "丙" in c.reviewers())
    with database.session_scope(readonly=True) as session:
        case, documents, extraction = load_case(session, target.case_id)
    assert target.unit in UNITS  # the unit is the folder the lead put the file in
    bench = Workbench.open(
        database, Analysis(case, documents, extraction, target.case_id), Checker.create(), "丙"
    )
    bench.set_done(True)
    with database.session_scope() as session:
        assert link_reviews(session, sid) == 1
        after = {c.id: c for c in session_cases(session, sid)}
        rows = {p.reviewer: p for p in progress(session, sid)}
        assert find_session(session, "2026年度案卷评查").id == sid
    assert after[target.id].status is CaseStatus.REVIEWING
    assert (rows["丙"].started, rows["丙"].done) == (1, 1) and rows["丙"].assigned == load["丙"]


def test_list_import(tmp_path: Path, tree: Path) -> None:
    listing = tmp_path / "清单.csv"
    first = next((tree / UNITS[0]).glob("*.pdf"))
    listing.write_text(f"执法单位,案卷文件\n{UNITS[0]},{first}\n{UNITS[1]},missing.pdf\n", encoding="utf-8")
    entries = list_entries(listing)
    assert entries == [(UNITS[0], first), (UNITS[1], tmp_path / "missing.pdf")]
