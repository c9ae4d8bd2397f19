"""casereview.db on a private PostgreSQL server (see tests/pg.py): migrations and round-trips."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect

from casereview.db import Database, list_cases, load_case, open_database, save_case
from casereview.db.migrate import head_revision
from casereview.db.models import Base
from casereview.errors import StorageError

# tests/pg.py and the sample builder of test_db.py, whatever pytest's import mode.
for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
from test_db import TABLES, build_sample  # noqa: E402

import pg  # noqa: E402

pytestmark = pytest.mark.postgres
postgres_url = pg.postgres_url
pg_url, pg_db = pg.pg_url, pg.pg_db


def test_migrate_creates_all_tables(pg_db: Database) -> None:
    assert pg_db.dialect == "postgresql"
    assert set(inspect(pg_db.engine).get_table_names()) == TABLES | {"alembic_version"}
    with pg_db.engine.connect() as connection:
        context = MigrationContext.configure(connection)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []


def test_round_trip_and_reuse(pg_db: Database) -> None:
    case, documents, extraction = build_sample()
    with pg_db.session_scope() as session:
        case_id = save_case(session, case, documents, extraction)
    with pg_db.session_scope() as session:
        assert save_case(session, case, [], extraction) == case_id
    with pg_db.session_scope(readonly=True) as session:
        assert load_case(session, case_id) == (case, documents, extraction)
        assert [s.party for s in list_cases(session)] == ["某某运输有限公司"]


def test_exception_in_unit_of_work_leaves_no_rows(pg_db: Database) -> None:
    with pytest.raises(RuntimeError), pg_db.session_scope() as session:
        save_case(session, *build_sample())
        session.flush()
        raise RuntimeError("analysis failed")
    with pg_db.session_scope(readonly=True) as session:
        assert list_cases(session) == []


def test_storing_a_300_page_case(pg_db: Database) -> None:
    case, documents, extraction = build_sample(pages=300, spans=40)
    started = time.perf_counter()
    with pg_db.session_scope() as session:
        case_id = save_case(session, case, documents, extraction)
    print(f"PostgreSQL: stored 300 pages x 40 spans in {(time.perf_counter() - started) * 1000:.0f} ms")
    with pg_db.session_scope(readonly=True) as session:
        assert load_case(session, case_id)[0] == case


def test_missing_database_raises_storage_error(postgres_url: str) -> None:
    with pytest.raises(StorageError) as info:
        open_database(postgres_url.rsplit("/", 1)[0] + "/no_such_database")
    assert info.value.detail["reason"] == "rejected"
    assert "no_such_database" in str(info.value.detail["message"])
