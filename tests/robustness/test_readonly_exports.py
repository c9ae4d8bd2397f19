"""Issue 18 (6): an export onto a read-only folder ends with the Chinese reason — no traceback, no
temp file — for the score sheet (before: EROFS traceback while removing the temp file) and the
annotated PDF (before: the raw "[Errno 30] Read-only file system" text)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from robust_kit import remount, tmpfs

ROOT = Path(__file__).resolve().parents[2]
DEMO = ROOT / "resources" / "demo" / "demo_case.pdf"


@pytest.mark.parametrize(("kind", "name"), [("scoresheet", "评分表.xlsx"), ("annotated", "批注.pdf")])
def test_export_onto_a_read_only_folder(tmp_path: Path, kind: str, name: str) -> None:
    with tmpfs(tmp_path / "ro", "2m") as folder:
        remount(folder, "ro")
        done = subprocess.run(
            [sys.executable, "-m", "casereview.cli", "export", kind, str(DEMO), "--out", str(folder / name)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert done.returncode == 1
        assert "Traceback" not in done.stderr
        assert "磁盘为只读" in done.stderr and name in done.stderr
        assert list(folder.iterdir()) == []
