"""Fixtures of the offline-package tests (test_packages.py, test_package_guards.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from package_kit import Built, build_lead, empty_database, lead_copy

from casereview.db import Database


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_lead(tmp_path_factory.mktemp("lead"))


@pytest.fixture
def lead(built: Built, tmp_path: Path) -> Iterator[Database]:
    yield from lead_copy(built, tmp_path)


@pytest.fixture
def reviewer_db(tmp_path: Path) -> Iterator[Database]:
    yield from empty_database(tmp_path)
