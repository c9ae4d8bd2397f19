"""The lead's side of the offline-package tests: a session of generated cases built once per
module, fresh database copies per test, and helpers to read reviews back by SHA-256."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import Database, find_case_by_sha256, load_case, open_database
from casereview.db.models import Base
from casereview.pipeline import Analysis
from casereview.review import load_review, reviews_of_case
from casereview.review.workbench import Workbench
from casereview.sessions.identity import register_reviewer_key
from casereview.sessions.importing import import_cases
from casereview.sessions.keys import load_or_create_key, public_text
from casereview.sessions.package import PackageInfo, export_package
from casereview.sessions.store import add_reviewer, auto_assign, create_session

SESSION = "2026年度交通执法案卷评查"
LEAD, REVIEWER = "组长", "李评查"
UNITS = ("东莞市交通运输局", "江门市交通运输局", "佛山市交通运输局")


Built = tuple[Path, int, Path]  # (lead database file, session id, review package)


def build_lead(root: Path) -> Built:
    """A lead's session of 3 generated digital cases, all assigned to REVIEWER, and its package."""
    entries = []
    for i, defects in enumerate((["T-12"], [], ["P-01"])):
        path, _ = generate_case(
            root / "files" / UNITS[i], f"p{i}", kind="digital", seed=700 + i, defects=defects
        )
        entries.append((UNITS[i], path))
    db_file = root / "lead.db"
    database = open_database(f"sqlite:///{db_file}")
    with database.session_scope() as session:
        sid = create_session(session, SESSION, 2026, "transport_penalty", LEAD)
        add_reviewer(session, sid, REVIEWER)
        # The tests' reviewer signs with this run's key (CASEREVIEW_CONFIG_DIR): registered up front
        # here; tests/robustness/test_signed_packages.py goes through the key file instead.
        register_reviewer_key(session, sid, REVIEWER, public_text(load_or_create_key()), LEAD)
    assert len(import_cases(database, sid, entries).added) == 3
    with database.session_scope() as session:
        auto_assign(session, sid, LEAD)
    package = export_package(database, sid, REVIEWER, root / "out")
    database.close()  # checkpoints the WAL: the .db file alone is the whole database
    return db_file, sid, package


def lead_copy(built: Built, tmp_path: Path) -> Iterator[Database]:
    """A fresh copy of the lead's database for one test."""
    copy = tmp_path / "lead" / "lead.db"
    copy.parent.mkdir()
    shutil.copy(built[0], copy)
    database = open_database(f"sqlite:///{copy}")
    yield database
    database.close()


def empty_database(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 'reviewer' / 'reviewer.db'}")
    yield database
    database.close()


def row_counts(database: Database) -> dict[str, int]:
    with database.session_scope(readonly=True) as session:
        return {
            table.name: session.scalar(select(func.count()).select_from(table)) or 0
            for table in Base.metadata.sorted_tables
        }


def workbench(database: Database, case_id: int, info: PackageInfo) -> Workbench:
    with database.session_scope(readonly=True) as session:
        case, documents, extraction = load_case(session, case_id)
    checker = Checker.create(info.standard.id, info.profile)
    return Workbench.open(database, Analysis(case, documents, extraction, case_id), checker, info.reviewer)


def history(database: Database, sha: str) -> tuple[list[tuple[object, ...]], float, str, str]:
    """The reviewer's review of a case by SHA-256: its decision history, score, grade, status."""
    with database.session_scope(readonly=True) as session:
        case_id = find_case_by_sha256(session, sha)
        assert case_id is not None
        summary = next(r for r in reviews_of_case(session, case_id) if r.reviewer == REVIEWER)
        review = load_review(session, summary.id)
    rows: list[tuple[object, ...]] = [
        (d.item_id, d.kind, d.deduction, d.reason, d.page, d.bbox, d.reviewer, d.decided_at, d.superseded)
        for d in review.history
    ]
    return rows, review.summary.score, review.summary.grade, review.summary.status.value


def sha_of(database: Database, case_id: int) -> str:
    with database.session_scope(readonly=True) as session:
        return load_case(session, case_id)[0].sha256
