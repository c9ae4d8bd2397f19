"""bench/publish.py copies the summary of bench/results.md into the README between markers."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

import publish

RESULTS = """# Benchmark results

`make bench` run of 2026-11-21 10:00 on test.

| benchmark | figure |
|---|---|
| ingest | 0.85 s |

Time per benchmark: ingest 12 s

## Ingest

detail table that stays in results.md
"""


def test_summary_keeps_the_run_line_and_table_only() -> None:
    block = publish.summary(RESULTS)
    assert block.startswith("`make bench` run of 2026-11-21 10:00")
    assert "| ingest | 0.85 s |" in block
    assert "detail table" not in block and "Time per benchmark" not in block


def test_publish_replaces_only_the_marked_block(tmp_path: Path) -> None:
    results, readme = tmp_path / "results.md", tmp_path / "README.md"
    results.write_text(RESULTS, encoding="utf-8")
    readme.write_text(
        f"# Title\n\nbefore\n{publish.START}\nold table\n{publish.END}\n\nafter\n", encoding="utf-8"
    )
    publish.publish(results, readme)
    publish.publish(results, readme)  # twice: same text, no growth
    text = readme.read_text(encoding="utf-8")
    assert "old table" not in text
    assert text.count("| ingest | 0.85 s |") == 1
    assert text.startswith("# Title\n\nbefore\n") and text.endswith("\n\nafter\n")


def test_publish_refuses_a_readme_without_markers(tmp_path: Path) -> None:
    results, readme = tmp_path / "results.md", tmp_path / "README.md"
    results.write_text(RESULTS, encoding="utf-8")
    readme.write_text("# Title\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="markers"):
        publish.publish(results, readme)
    assert readme.read_text(encoding="utf-8") == "# Title\n"
