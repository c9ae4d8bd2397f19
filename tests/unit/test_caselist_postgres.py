"""The stored case list on a private PostgreSQL server (tests/pg.py): the SQLite scenario again."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from casereview.db import Database
from casereview.review.caselist import case_list

# tests/pg.py and the scenario of test_caselist.py, whatever pytest's import mode.
for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
from test_caselist import bulk_cases, check_case_list  # noqa: E402

import pg  # noqa: E402

pytestmark = pytest.mark.postgres
postgres_url = pg.postgres_url
pg_url, pg_db = pg.pg_url, pg.pg_db


def test_case_list_with_newest_reviews(pg_db: Database) -> None:
    assert pg_db.dialect == "postgresql"
    check_case_list(pg_db)


def test_bulk_case_list(pg_db: Database) -> None:
    bulk_cases(pg_db, 300)
    with pg_db.session_scope(readonly=True) as session:
        rows = {row.case_id: row for row in case_list(session)}
    assert len(rows) == 300
    assert (rows[42].case_number, rows[42].party, rows[42].score) == ("交运罚〔2026〕42号", "当事人42", 91.0)
