"""The scripted rectification and objection flow (rectify_kit.py) on a SQLite file."""

from __future__ import annotations

from pathlib import Path

import pytest
from rectify_kit import make_files, run_flow

from casereview.db import open_database


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, Path]]:
    return make_files(tmp_path_factory.mktemp("rectify_cases"))


def test_rectify_flow_on_sqlite(files: list[tuple[str, Path]], tmp_path: Path) -> None:
    with open_database(f"sqlite:///{tmp_path / 'r.db'}") as database:
        run_flow(database, files, tmp_path)
