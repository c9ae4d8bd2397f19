"""Copy the summary table of bench/results.md into README.md, between its bench markers.

``make bench`` calls this after a full run; run it by hand after editing results.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
START, END = "<!-- bench:start -->", "<!-- bench:end -->"


def summary(results: str) -> str:
    """The results' run line and summary table (everything before the first detail section)."""
    head = results.split("\n## ", 1)[0]
    lines = [line for line in head.splitlines()[1:] if not line.startswith("Time per benchmark")]
    return "\n".join(lines).strip()


def publish(results: Path = ROOT / "bench" / "results.md", readme: Path = ROOT / "README.md") -> None:
    text = readme.read_text(encoding="utf-8")
    if START not in text or END not in text:
        raise SystemExit(f"{readme}: the markers {START} / {END} are missing")
    before, rest = text.split(START, 1)
    _, after = rest.split(END, 1)
    block = summary(results.read_text(encoding="utf-8"))
    readme.write_text(f"{before}{START}\n{block}\n{END}{after}", encoding="utf-8")


if __name__ == "__main__":
    publish()
    sys.exit(0)
