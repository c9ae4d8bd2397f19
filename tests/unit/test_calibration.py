"""Reviewer calibration on a real SQLite file, through the CLI: gold cases, a round with two
trainees who score blind and cannot see gold before submitting, their kappas and missed items in
the text report and the XLSX."""

from __future__ import annotations

from pathlib import Path

import pytest
from calibration_kit import check_outcome, run_round


def test_calibration_round_with_two_trainees(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outcome = run_round(tmp_path, f"sqlite:///{tmp_path / 'c.db'}", capsys)
    check_outcome(outcome)
