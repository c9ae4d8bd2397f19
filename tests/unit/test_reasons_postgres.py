"""The reason library on a private PostgreSQL server (tests/pg.py; skipped without server
binaries): migration 0012, seeding, an import refused as a whole, and a use counted atomically."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casereview.db import open_database
from casereview.db.review_models import AuditLogRow
from casereview.errors import InputError
from casereview.reasons import store
from casereview.review.records import AuditAction
from casereview.standards.reason_files import ReasonEntry

for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
import pg  # noqa: E402

pytestmark = pytest.mark.postgres
postgres_url = pg.postgres_url
pg_url = pg.pg_url


def test_reasons_on_postgres(pg_url: str) -> None:
    with open_database(pg_url) as database:
        assert database.dialect == "postgresql"
        with database.session_scope() as session:
            added = store.seed_if_empty(session, "transport_penalty")
            assert added > 0
        entries = [ReasonEntry("JA-02", "新增理由一"), ReasonEntry("JA-02", "  ")]
        with pytest.raises(InputError), database.session_scope() as session:
            store.import_entries(session, "transport_penalty", entries, "王五")
        with database.session_scope() as session:
            assert store.count_reasons(session, "transport_penalty") == added  # nothing half-written
            reason = store.list_reasons(session, "transport_penalty", "JA-02")[0]
            assert store.record_use(session, reason.id, "王五", item_id="JA-02") == 1
            assert store.record_use(session, reason.id, "李四", item_id="JA-02") == 2
        with database.session_scope(readonly=True) as session:
            first = store.list_reasons(session, "transport_penalty", "JA-02")[0]
            uses = session.scalar(
                select(func.count()).select_from(AuditLogRow).where(AuditLogRow.action == AuditAction.REASON)
            )
        assert first.id == reason.id and first.use_count == 2
        assert uses == added + 2
