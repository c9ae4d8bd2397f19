"""bench/peakmem.py: a child's own peak is seen (not the parent's inherited one), grandchildren too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from peakmem import PeakMemory, vm_hwm_kib

HOLD = "b = b'x' * ({mib} * 2**20); import time; time.sleep(0.6)"


def test_children_and_grandchildren_are_measured_on_their_own() -> None:
    ballast = b"x" * (200 * 2**20)  # the parent is big: a forked child must not inherit this figure
    with PeakMemory(interval=0.05) as peak:
        subprocess.run([sys.executable, "-c", HOLD.format(mib=60)], check=True)
        nested = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {HOLD.format(mib=120)!r}])"
        subprocess.run([sys.executable, "-c", nested], check=True)
    del ballast
    assert 120 <= peak.child_mib < 200  # the grandchild's 120 MiB, not the parent's 200+
    assert peak.own_mib >= 200


def test_vm_hwm_of_a_gone_process_is_zero() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    assert vm_hwm_kib(int(proc.stdout)) == 0
    assert vm_hwm_kib() > 0


def test_watching_another_process_tree() -> None:
    """As ``make bench`` does: the parent watches a benchmark child's descendants from outside."""
    nested = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {HOLD.format(mib=90)!r}])"
    with (
        subprocess.Popen([sys.executable, "-c", nested]) as proc,
        PeakMemory(proc.pid, interval=0.05) as peak,
    ):
        proc.wait()
    assert 90 <= peak.child_mib < 150
