"""The reasons-and-objections package round trip (test_package_followup.py) with the lead's
database on a private PostgreSQL server (tests/pg.py; skipped without server binaries); the
reviewer's laptop stays on SQLite, as in the field."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from casereview.db import open_database

for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
from test_package_followup import build_lead, round_trip  # noqa: E402

import pg  # noqa: E402

pytestmark = pytest.mark.postgres
postgres_url = pg.postgres_url
pg_url = pg.pg_url


def test_package_followup_round_trip_on_postgres(pg_url: str, tmp_path: Path) -> None:
    with open_database(pg_url) as lead:
        assert lead.dialect == "postgresql"
        sid, ids = build_lead(lead, tmp_path)
        round_trip(lead, sid, ids, tmp_path)
