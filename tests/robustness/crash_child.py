"""The child process of the crash-recovery tests: does one kind of work on a SQLite database,
printing one line per acknowledged (committed) action, and can stop inside an open transaction so
the parent kills it (SIGKILL) at a known point.

Usage: ``python crash_child.py import DB_URL PAUSE_AT FILE...``
       ``python crash_child.py review DB_URL PAUSE_AT COUNT FILE``
       ``python crash_child.py merge DB_URL PAUSE_AT SESSION_ID RESULTS_ZIP ACTOR``

``PAUSE_AT`` is the 1-based action that stops, after writing its rows but before its commit
(0: never stop, run freely until killed or done). A stopped child prints ``paused N``.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path
from typing import Any

_TESTS = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(_TESTS), str(_TESTS / "unit")]


def say(line: str) -> None:
    print(line, flush=True)


def pause(session: Any, number: int) -> None:
    """Write the rows of this transaction to the database file (not committed), then wait."""
    session.flush()
    say(f"paused {number}")
    time.sleep(600)


def run_import(url: str, pause_at: int, files: list[str]) -> None:
    import casereview.library as library
    from casereview.db import open_database

    real_save = library.save_case
    count = 0

    def save_case(session: Any, *args: Any, **kwargs: Any) -> int:
        case_id = real_save(session, *args, **kwargs)
        if count + 1 == pause_at:
            pause(session, count + 1)
        return case_id

    library.save_case = save_case  # type: ignore[assignment]
    database = open_database(url)
    for path in files:
        analysis = library.open_case(path, database)
        count += 1
        say(f"stored {count} {analysis.case_id} {analysis.case.sha256}")
    say("done")


def run_review(url: str, pause_at: int, total: int, path: str) -> None:
    from casereview.checking import Checker
    from casereview.db import open_database
    from casereview.library import open_case
    from casereview.review.workbench import Workbench

    database = open_database(url)
    bench = Workbench.open(database, open_case(path, database), Checker.create(), "李评查")
    items = [i.item_id for i in bench.sheet.items]
    say(f"opened {bench.review_id} {bench.version}")
    real_write = Workbench._write_decision
    count = 0

    def write_decision(self: Workbench, session: Any, change: Any) -> None:
        real_write(self, session, change)
        if count + 1 == pause_at:
            pause(session, count + 1)

    Workbench._write_decision = write_decision  # type: ignore[method-assign]
    for n in range(total):
        item = items[n % len(items)]
        bench.override(item, 0.0, f"崩溃测试理由{n + 1}")
        count += 1
        say(f"ack {count} {item} {bench.version}")
    say("done")


def run_merge(url: str, pause_at: int, session_id: int, results: str, actor: str) -> None:
    import casereview.sessions.package_merge as merge
    from casereview.db import open_database

    real_merge_case = merge._merge_case
    count = 0

    def merge_case(ctx: Any, *args: Any, **kwargs: Any) -> Any:
        nonlocal count
        out = real_merge_case(ctx, *args, **kwargs)
        count += 1
        say(f"merged case {count}")
        if count == pause_at:
            pause(ctx.session, count)
        return out

    merge._merge_case = merge_case
    database = open_database(url)
    report = merge.merge_results(database, session_id, Path(results), actor)
    say(f"done {report.cases} {report.decisions_added} {report.refused}")


def main(argv: list[str]) -> None:
    mode, url, pause_at = argv[0], argv[1], int(argv[2])
    if mode == "import":
        run_import(url, pause_at, argv[3:])
    elif mode == "review":
        run_review(url, pause_at, int(argv[3]), argv[4])
    elif mode == "merge":
        run_merge(url, pause_at, int(argv[3]), argv[4], argv[5])
    else:
        raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    main(sys.argv[1:])
