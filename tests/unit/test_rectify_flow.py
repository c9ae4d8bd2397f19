"""The scripted rectification and objection flow (rectify_kit.py) on a SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from rectify_kit import check_session_workbook, make_files, run_flow

from casereview.cli import main
from casereview.db import open_database


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    return make_files(tmp_path_factory.mktemp("rectify_cases"))


def test_rectify_flow_on_sqlite(files: list[tuple[str, Path]], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'r.db'}"
    with open_database(url) as database:
        run_flow(database, files, tmp_path)
    # The session workbook from the command line carries the same follow-up sheets.
    out = tmp_path / "会话评分表.xlsx"
    argv = ["export", "scoresheet", "--session", "2026年度评查", "--db", url, "--out", str(out), "--no-ocr"]
    assert main(argv) == 0
    check_session_workbook(out, None)
