"""The scripted rectification and objection flow (rectify_kit.py) on a private PostgreSQL server
(tests/pg.py; skipped without server binaries), and the append-only attachments there."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from casereview.db import open_database
from casereview.errors import StorageError

for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
from rectify_kit import make_files, run_flow  # noqa: E402

import pg  # noqa: E402

pytestmark = pytest.mark.postgres
postgres_url = pg.postgres_url
pg_url = pg.pg_url


def test_rectify_flow_on_postgres(pg_url: str, tmp_path: Path) -> None:
    files = make_files(tmp_path / "cases")
    with open_database(pg_url) as database:
        assert database.dialect == "postgresql"
        run_flow(database, files, tmp_path)
        for statement in (
            "UPDATE rectify_attachments SET file_name = 'x'",
            "DELETE FROM rectify_attachments",
        ):
            with pytest.raises(StorageError) as refused, database.session_scope() as session:
                session.execute(text(statement))
            assert refused.value.detail["reason"] == "conflict"
