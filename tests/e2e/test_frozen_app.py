"""The PyInstaller bundle's smoke test, when ``make package`` has built one: it must open the
demo case, check it with every rule registered, and exit 0 (a rule module the freezer missed
once made it score the demo 97 instead of 95)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

BUNDLE = Path(__file__).resolve().parents[2] / "dist" / "CaseReview" / "casereview-gui"


@pytest.mark.skipif(not BUNDLE.exists(), reason="no frozen build (make package)")
def test_frozen_smoke_test(tmp_path: Path) -> None:
    env = os.environ | {"CASEREVIEW_DATA_DIR": str(tmp_path / "data"), "QT_QPA_PLATFORM": "offscreen"}
    shot = tmp_path / "frozen.png"
    done = subprocess.run(
        [str(BUNDLE), "--smoke-test", "--screenshot", str(shot)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert "自检通过" in done.stderr and shot.stat().st_size > 50_000
