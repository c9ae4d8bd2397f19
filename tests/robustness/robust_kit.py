"""Shared helpers of the crash, disk and memory tests: checking a database after a failure,
mounting small tmpfs file systems (root only), running a child Python process."""

from __future__ import annotations

import gc
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import func, select

from casereview.db import Database, load_case
from casereview.db.models import CaseFileRow, PageRow, SpanRow


def integrity(database: Database) -> None:
    """SQLite's own checks: the file is sound and no row points at a missing one."""
    with database.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []


def complete_cases(database: Database) -> dict[int, str]:
    """Every stored case (id → SHA-256), each checked whole: its pages, spans and documents."""
    cases: dict[int, str] = {}
    with database.session_scope(readonly=True) as session:
        for row in session.scalars(select(CaseFileRow).order_by(CaseFileRow.id)):
            pages = session.scalar(select(func.count()).where(PageRow.case_id == row.id))
            assert pages == row.page_count > 0, f"case {row.id}: {pages} pages of {row.page_count}"
            spans = session.scalar(
                select(func.count()).select_from(SpanRow).join(PageRow).where(PageRow.case_id == row.id)
            )
            assert spans and spans > 0, f"case {row.id} has no text"
            case, documents, _extraction = load_case(session, row.id)
            assert len(case.pages) == row.page_count and documents
            cases[row.id] = row.sha256
    return cases


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(list(args), capture_output=True, text=True, check=False)


@contextmanager
def tmpfs(mount_point: Path, size: str) -> Iterator[Path]:
    """A fresh tmpfs of ``size`` at ``mount_point`` (skips the test when it cannot be mounted)."""
    mount_point.mkdir(parents=True, exist_ok=True)
    done = _run("mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs", str(mount_point))
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs (needs root): {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        gc.collect()  # close what a failed test left open, or the unmount finds the fs busy
        _run("umount", "-l", str(mount_point))


def remount(mount_point: Path, mode: str) -> None:
    """Make a mounted tmpfs read-only (``ro``) or writable again (``rw``)."""
    gc.collect()
    done = _run("mount", "-o", f"remount,{mode}", str(mount_point))
    assert done.returncode == 0, done.stderr
