"""Reviews on a private PostgreSQL server (tests/pg.py): migration 0002 over a 0001 database holding
a case, a decision round-trip with its audit rows, and the append-only audit log."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from casereview.errors import StorageError

for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
from test_review import check_decision_round_trip, check_upgrade_keeps_cases  # noqa: E402

import pg  # noqa: E402

pytestmark = pytest.mark.postgres
postgres_url = pg.postgres_url
pg_url = pg.pg_url


def test_migration_round_trip_and_append_only_audit(pg_url: str) -> None:
    with check_upgrade_keeps_cases(pg_url) as database:
        assert database.dialect == "postgresql"
        check_decision_round_trip(database)
        for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log", "TRUNCATE audit_log"):
            with pytest.raises(StorageError) as refused, database.session_scope() as session:
                session.execute(text(statement))
            assert refused.value.detail["reason"] == "conflict"
