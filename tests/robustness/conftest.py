"""The memory-budget table: tests/robustness/test_memory_budget.py records one row per hostile input
(``record_property("budget_row", …)``); the rows reach this controller also from xdist workers, and
are printed after the run as a table of input, budget, peak RSS and outcome."""

from __future__ import annotations

import pytest

ROWS_KEY = "budget_row"
_rows: list[tuple[str, str, str, str, str]] = []


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    if report.when == "call":
        _rows.extend(value for key, value in report.user_properties if key == ROWS_KEY)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if not _rows:
        return
    terminalreporter.section("hostile inputs against the memory budget (peak RSS while reading)")
    terminalreporter.write_line("| input | budget | peak RSS | above RSS after imports | outcome |")
    terminalreporter.write_line("|---|---:|---:|---:|---|")
    for row in sorted(_rows):
        terminalreporter.write_line("| " + " | ".join(row) + " |")
