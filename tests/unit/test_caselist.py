"""The stored case list (casereview.review.caselist) on a real SQLite file: each case with its newest
review, the status texts, the per-standard view, and one query for thousands of cases."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, insert

from casereview.checking import Checker
from casereview.db import Database, open_database, save_case
from casereview.db.convert import encode_value
from casereview.db.models import CaseFileRow, FieldRow
from casereview.db.review_models import ReviewRow
from casereview.domain.model import CaseFile, Evidence, Extraction, FieldValue, Page, Party, TextSource
from casereview.review import ReviewStatus, reviews_of_case, set_review_status
from casereview.review.caselist import DONE, IN_PROGRESS, PENDING, CaseListRow, case_list, file_name
from casereview.review.service import review_case

STANDARD = "transport_penalty"
OTHER_STANDARD = "legal_review_precheck"
NUMBER = "粤交执罚〔2026〕1号"


@pytest.fixture
def database(tmp_path: Path) -> Iterator[Database]:
    with open_database(f"sqlite:///{tmp_path / 'cases.db'}") as db:
        yield db


def store_case(
    database: Database,
    sha: str,
    source: str,
    *,
    number: str | None = None,
    party: str | None = None,
    unit: str | None = None,
    label: str | None = None,
) -> int:
    """A one-page case file with at most a 案号 and a party."""
    ev = Evidence(1, (72.0, 90.0, 300.0, 104.0), number or party or "", 0.98)
    extraction = Extraction(
        case_numbers=[FieldValue(number, ev, "行政处罚决定书")] if number else [],
        parties=[FieldValue(Party(party, "individual", None, ev), ev, "询问笔录")] if party else [],
    )
    page = Page(1, 595.0, 842.0, TextSource.TEXT_LAYER, sha256=sha * 64)
    case = CaseFile(source, sha * 64, "pdf", [page])
    with database.session_scope() as session:
        return save_case(session, case, [], extraction, unit=unit, label=label)


def by_id(rows: list[CaseListRow]) -> dict[int, CaseListRow]:
    return {row.case_id: row for row in rows}


def check_case_list(database: Database) -> None:
    """The whole scenario; test_caselist_postgres runs it on PostgreSQL."""
    first = store_case(
        database, "a", "/data/案卷/a.pdf", number=NUMBER, party="张三", unit="广州市交通运输局"
    )
    unnamed = store_case(database, "b", "C:\\案卷\\b.pdf", label="第二卷")
    done = store_case(database, "c", "/data/c.pdf", number="粤交执罚〔2026〕2号", unit="深圳市交通运输局")
    other = store_case(database, "d", "/data/d.pdf")
    with database.session_scope(readonly=True) as session:
        before = case_list(session)
    assert [row.case_id for row in before] == [other, done, unnamed, first]  # newest first
    assert {row.status for row in before} == {PENDING}
    assert all(row.review_id is None and row.score is None and row.updated_at is None for row in before)

    checker = Checker.create(STANDARD)
    review_case(database, first, checker, "李评查")
    newer = review_case(database, first, checker, "王评查")  # the newest review is the one listed
    done_review = review_case(database, done, checker, "王评查")
    with database.session_scope() as session:
        set_review_status(session, done_review, ReviewStatus.DONE, "王评查")
    review_case(database, other, Checker.create(OTHER_STANDARD), "赵评查")

    with database.session_scope(readonly=True) as session:
        rows = by_id(case_list(session))
        stored = reviews_of_case(session, first)[0]
    a = rows[first]
    assert (a.name, a.case_number, a.party, a.unit, a.page_count) == (
        "a.pdf",
        NUMBER,
        "张三",
        "广州市交通运输局",
        1,
    )
    assert (a.review_id, a.status, a.reviewer) == (newer, IN_PROGRESS, "王评查")
    assert (a.score, a.grade, a.updated_at) == (stored.score, stored.grade, stored.updated_at)
    assert a.grade and a.imported_at.tzinfo is not None
    b = rows[unnamed]
    assert (b.name, b.case_number, b.party, b.unit, b.status) == ("第二卷", "", "", "", PENDING)
    assert (b.review_id, b.score, b.grade, b.reviewer) == (None, None, "", "")
    assert (rows[done].status, rows[done].review_id, rows[done].unit) == (
        DONE,
        done_review,
        "深圳市交通运输局",
    )
    assert (rows[other].status, rows[other].reviewer) == (IN_PROGRESS, "赵评查")

    with database.session_scope(readonly=True) as session:
        only = by_id(case_list(session, STANDARD))
        none = case_list(session, "no_such_standard")
    assert len(only) == 4  # every case is listed; a review of another standard does not count
    assert (only[other].status, only[other].review_id, only[other].reviewer) == (PENDING, None, "")
    assert only[first].review_id == newer and only[done].status == DONE
    assert {row.status for row in none} == {PENDING}


def test_case_list_with_newest_reviews(database: Database) -> None:
    check_case_list(database)


def test_file_name_of_either_separator() -> None:
    assert file_name("/data/案卷/a.pdf") == "a.pdf"
    assert file_name("C:\\案卷\\b.pdf") == "b.pdf"
    assert file_name("/data/scans/") == "scans"


def bulk_cases(database: Database, count: int) -> None:
    """``count`` cases with 案号, party and two reviews each, inserted directly (save_case is slow)."""
    now = dt.datetime.now(dt.UTC)
    ev = Evidence(1, (0.0, 0.0, 1.0, 1.0), "x", 1.0)
    cases: list[dict[str, Any]] = [
        {
            "id": n,
            "sha256": f"{n:064x}",
            "source": f"/data/{n}.pdf",
            "kind": "pdf",
            "page_count": 3,
            "imported_at": now,
            "notices": [],
            "file_hashes": {},
            "unit": f"单位{n % 7}",
            "label": None,
        }
        for n in range(1, count + 1)
    ]
    where = {
        "document": "",
        "page": 1,
        "x0": 0.0,
        "y0": 0.0,
        "x1": 1.0,
        "y1": 1.0,
        "text": "",
        "confidence": 1.0,
    }
    fields = [
        {"case_id": n, "name": name, "seq": seq, "value": encode_value(value), **where}
        for n in range(1, count + 1)
        for name, seq, value in (
            ("case_number", 0, f"交运罚〔2026〕{n}号"),
            ("case_number", 1, "另一个"),
            ("party", 0, Party(f"当事人{n}", "individual", None, ev)),
        )
    ]
    reviews = [
        {
            "case_id": n,
            "standard_id": STANDARD,
            "standard_version": "1",
            "standard_hash": "h",
            "profile": "default",
            "reviewer": "王评查",
            "created_at": now,
            "updated_at": now,
            "machine_score": 90.0,
            "machine_grade": "优秀",
            "score": 90.0 + repeat,
            "grade": "优秀",
            "status": "in_progress",
            "version": 1,
        }
        for n in range(1, count + 1)
        for repeat in (0, 1)
    ]
    with database.session_scope() as session:
        for table, rows in ((CaseFileRow, cases), (FieldRow, fields), (ReviewRow, reviews)):
            session.execute(insert(table), rows)


def test_thousands_of_cases_in_one_query(database: Database) -> None:
    bulk_cases(database, 2000)
    selects: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            selects.append(statement)

    event.listen(database.engine, "before_cursor_execute", count)
    try:
        with database.session_scope(readonly=True) as session:
            started = time.perf_counter()
            rows = case_list(session)
            elapsed = time.perf_counter() - started
    finally:
        event.remove(database.engine, "before_cursor_execute", count)
    print(f"case_list: {len(rows)} cases in {elapsed * 1000:.0f} ms")  # information only
    assert len(rows) == 2000 and len(selects) <= 2
    row = by_id(rows)[1234]
    assert (row.case_number, row.party, row.unit) == ("交运罚〔2026〕1234号", "当事人1234", "单位2")
    assert row.score == 91.0  # the newer of its two reviews
