"""The calibration round of test_calibration.py on a private PostgreSQL server (tests/pg.py;
skipped when no server binaries are installed): migration 0010 and the same figures."""

from __future__ import annotations

from pathlib import Path

import pytest
from calibration_kit import check_outcome, run_round

import pg

pytestmark = pytest.mark.postgres
postgres_url = pg.postgres_url
pg_url = pg.pg_url


def test_calibration_round_on_postgresql(
    pg_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outcome = run_round(tmp_path, pg_url, capsys)
    check_outcome(outcome)
