"""Two reviewers writing to the same review at the same time, on SQLite and on a real PostgreSQL
server: optimistic locking turns a lost update into a clear conflict, the loser reloads and
retries, and in the end every decision of both is stored and audited — nothing is lost."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import Database, open_database
from casereview.errors import ReviewConflict
from casereview.library import open_case
from casereview.review import AuditAction, audit_trail, load_review
from casereview.review.workbench import Workbench

for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
import pg  # noqa: E402

postgres_url = pg.postgres_url
pg_url, pg_db = pg.pg_url, pg.pg_db


@pytest.fixture(scope="module")
def case_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return generate_case(tmp_path_factory.mktemp("cc"), "cc", kind="digital", seed=61)[0]


def run_two_writers(database: Database, case_pdf: Path) -> None:
    analysis = open_case(case_pdf, database)
    checker = Checker.create()
    first = Workbench.open(database, analysis, checker, "甲")
    items = [i.item_id for i in first.sheet.items][:12]
    conflicts: list[str] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def writer(name: str, mine: list[str]) -> None:
        bench = Workbench.open(database, analysis, checker, "甲")  # same review: two windows
        start.wait()
        try:
            for item in mine:
                for _attempt in range(50):
                    try:
                        bench.override(item, 0.0, f"{name}：核实无误")
                        break
                    except ReviewConflict:
                        conflicts.append(name)
                        bench.reload()
                else:
                    raise AssertionError(f"{name} could not write {item}")
        except BaseException as exc:  # reported to the test thread
            errors.append(exc)

    threads = [
        threading.Thread(target=writer, args=("窗口一", items[0::2])),
        threading.Thread(target=writer, args=("窗口二", items[1::2])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    assert not errors, errors
    with database.session_scope(readonly=True) as session:
        review = load_review(session, first.review_id)
        trail = audit_trail(session, first.case_id, review_id=first.review_id)
    assert {d.item_id for d in review.decisions} == set(items)  # every decision of both writers
    assert len([e for e in trail if e.action == AuditAction.DECISION]) == len(items)
    assert review.summary.version >= 1 + 2 * len(items)  # each decision bumped the version (decision + score)


def test_two_writers_on_sqlite(tmp_path: Path, case_pdf: Path) -> None:
    with open_database(f"sqlite:///{tmp_path / 'cc.db'}") as database:
        run_two_writers(database, case_pdf)


@pytest.mark.postgres
def test_two_writers_on_postgresql(pg_db: Database, case_pdf: Path) -> None:
    run_two_writers(pg_db, case_pdf)
