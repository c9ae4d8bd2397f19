"""Issue 18 (7): a row locked by another workstation makes a write end after the lock timeout with
the Chinese "someone else is changing it" message, instead of waiting forever (real PostgreSQL)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from casereview.db import open_database
from casereview.db.failures import LOCKED, to_storage_error
from casereview.messages import describe

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pg

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]
postgres_url = pg.postgres_url
pg_url = pg.pg_url


def test_a_locked_row_ends_the_wait_with_a_chinese_message(pg_url: str) -> None:
    holder = open_database(pg_url)
    waiter = open_database(pg_url, busy_timeout=1.0)
    with holder.engine.begin() as setup:
        setup.execute(text("CREATE TABLE lock_probe (id int PRIMARY KEY, v int)"))
        setup.execute(text("INSERT INTO lock_probe VALUES (1, 0)"))
    with holder.engine.connect() as held:
        held.execute(text("BEGIN"))
        held.execute(text("SELECT v FROM lock_probe WHERE id = 1 FOR UPDATE"))
        started = time.monotonic()
        with pytest.raises(Exception) as caught, waiter.engine.begin() as writer:
            writer.execute(text("UPDATE lock_probe SET v = 1 WHERE id = 1"))
        waited = time.monotonic() - started
        held.execute(text("ROLLBACK"))
    error = to_storage_error(caught.value, pg_url)
    assert error.detail["reason"] == LOCKED
    assert "另一位评查人员" in describe(error)
    assert waited < 30  # ended by lock_timeout (1 s here), not by the test's patience
    holder.engine.dispose()
    waiter.engine.dispose()
