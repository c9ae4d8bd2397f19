"""``make bench``: every benchmark in one run, written to bench/results.md.

Each figure is a ratio against its anchor measured in the same run on the same input (raw
PyMuPDF text extraction, a bare RapidOCR call, a one-process OCR run), with the absolute figures
beside it. Benchmarks never decide whether the tests pass.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import accuracy  # noqa: E402
import bench_exports  # noqa: E402
import bench_ingest  # noqa: E402
import bench_ocr  # noqa: E402
import bench_session_scale  # noqa: E402
import bench_sessions  # noqa: E402
import bench_ui  # noqa: E402
import rules_accuracy  # noqa: E402
from casegen import generate_corpus  # noqa: E402


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}"


def main() -> int:
    out = HERE / "out"
    parts = [
        "# Benchmark results",
        f"Run {dt.datetime.now().strftime('%Y-%m-%d %H:%M')} on {machine()}.",
        "",
        "## Ingest: digital PDF, 300 pages (target ≤ 3× raw PyMuPDF)",
    ]
    ingest = bench_ingest.run()
    parts += [bench_ingest.table(ingest), "", "## OCR (targets: overhead ≤ 10 %, pool ≥ 1.7×)"]
    parts += [bench_ocr.table(bench_ocr.run()), "", "## Workstation responsiveness (offscreen, real window)"]
    parts += [
        bench_ui.table(bench_ui.run()),
        "",
        "## Exports (targets: 2,000-case workbook < 15 s, 50-case compilation < 60 s)",
    ]
    exports = [bench_exports.scoresheet_bench(2000), bench_exports.compilation_bench(50)]
    parts += [bench_exports.HEADER, *map(bench_exports.row, exports), ""]
    parts += ["## Review sessions (targets: list < 200 ms, statistics < 1 s, 200-case merge < 10 s)"]
    parts += [bench_session_scale.table(bench_session_scale.with_private_postgres(2000)), ""]
    parts += [bench_sessions.HEADER, bench_sessions.row(bench_sessions.merge_bench(200)), ""]
    parts += ["## Extraction accuracy (40 generated cases, all kinds)"]
    cases = generate_corpus(out / "accuracy", 40, 7)
    fields = accuracy.evaluate(cases, None)
    parts += [accuracy.table(fields), f"\n{len(cases)} cases in {fields['seconds']} s", ""]
    parts += ["## Rules: recall and precision of fail (60 generated cases)"]
    rule_cases = generate_corpus(out / "rules", 60, 8)
    rules = rules_accuracy.evaluate(rule_cases, None)
    parts += [rules_accuracy.table(rules), "", rules_accuracy.summary(rules)]
    text = "\n".join(parts) + "\n"
    (HERE / "results.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
