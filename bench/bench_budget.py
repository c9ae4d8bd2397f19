"""Peak memory of every hostile input of issue 18 against the memory budget, written to
bench/results_budget.md: each input is read in a fresh child (tests/robustness/budget_child.py)
under the tests' 256 MiB budget and under this machine's own (MemTotal/8 within 512 MiB–4 GiB).

Columns: the input and its size on disk, the budget, the child's peak resident set while reading
(VmHWM, reset after the imports) and how much that is above its resident set after the imports,
the outcome (read, reduced: some pages at a lower resolution, refused: the Chinese message), and
the wall time.

Usage: python bench/bench_budget.py [--only SUBSTRING] [--test-budget-only]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROBUST = HERE.parent / "tests" / "robustness"
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(ROBUST))

from hostile_inputs import HOSTILE, Hostile, long_strip_png  # noqa: E402
from test_memory_budget import TEST_BUDGET, grown_mib, run_child  # noqa: E402

from casereview.budget import default_limit  # noqa: E402

EXTRA = (
    Hostile(
        "100000×1999 PNG (RGB, as in the issue)",
        "case",
        "strip_rgb.png",
        lambda p: long_strip_png(p, "RGB"),
        "refused",
    ),
)
OUT = HERE / "results_budget.md"


def _size(path: Path) -> str:
    size = path.stat().st_size
    return f"{size / 2**20:.1f} MiB" if size >= 2**20 else f"{size / 1024:.1f} KiB"


def _outcome(report: dict[str, object]) -> str:
    if report["outcome"] == "refused":
        message = str(report.get("message", "")).replace("\n", " ").replace("|", "/")
        return f"refused: {message[:160]}{'…' if len(message) > 160 else ''}"
    notices = "; ".join(str(n) for n in report.get("notices", []))  # type: ignore[attr-defined]
    return f"{report['outcome']}{': ' + notices[:160] if notices else ''}"


def run(only: str, budgets: list[int | None]) -> list[str]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="bench-budget-") as tmp:
        for hostile in (*HOSTILE, *EXTRA):
            if only and only not in hostile.name and only not in hostile.file_name:
                continue
            path = hostile.build(Path(tmp) / hostile.file_name)
            for budget in budgets:
                started = time.perf_counter()
                report = run_child(hostile.reader, path, budget)
                seconds = time.perf_counter() - started
                peak = int(report["peak_kib"]) / 1024  # type: ignore[call-overload]
                limit = int(report["budget"]) / 2**20  # type: ignore[call-overload]
                grown = grown_mib(report)
                within = "yes" if grown <= limit else "**NO**"
                line = (
                    f"| {hostile.name} | {_size(path)} | {limit:.0f} MiB | {peak:.0f} MiB | "
                    f"+{grown:.0f} MiB | {within} | {_outcome(report)} | {seconds:.1f} s |"
                )
                print(line, flush=True)
                rows.append(line)
            path.unlink()
    return rows


HEADER = (
    "| input | on disk | budget | peak RSS | above RSS after imports | within budget | outcome | time |\n"
    "|---|---:|---:|---:|---:|---|---|---:|"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="")
    parser.add_argument("--test-budget-only", action="store_true")
    args = parser.parse_args()
    budgets: list[int | None] = [TEST_BUDGET] if args.test_budget_only else [TEST_BUDGET, None]
    print(HEADER)
    rows = run(args.only, budgets)
    OUT.write_text(
        f"# Hostile inputs against the memory budget\n\n{dt.date.today()}, this machine's budget "
        f"{default_limit() / 2**20:.0f} MiB; written by `python bench/bench_budget.py`.\n\n"
        + HEADER
        + "\n"
        + "\n".join(rows)
        + "\n",
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
