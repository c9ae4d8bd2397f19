"""A review session of 2,000 cases and 10 reviewers, on SQLite and (when available) PostgreSQL:
opening the case list with filters (target < 200 ms) and the session statistics (target < 1 s).

The anchor is the bare SQL count of the same tables on the same database (``SELECT count(*)``),
so the ratio says what the application adds to the round trip. Cases are a real generated case
stored 2,000 times under different hashes, each with a machine review.

Usage: python bench/bench_session_scale.py [--cases 2000] [--postgres URL]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from sqlalchemy import func, select  # noqa: E402

from casegen import generate_case  # noqa: E402
from casereview.checking import Checker  # noqa: E402
from casereview.db import Database, open_database, save_case  # noqa: E402
from casereview.db.session_models import SessionCaseRow  # noqa: E402
from casereview.pipeline import read_case  # noqa: E402
from casereview.review.caselist import case_list  # noqa: E402
from casereview.review.service import sheet_meta  # noqa: E402
from casereview.review.store import create_review  # noqa: E402
from casereview.sessions.store import (  # noqa: E402
    add_case,
    add_reviewer,
    auto_assign,
    create_session,
    progress,
    session_cases,
    status_counts,
)

UNITS = [f"第{i}执法支队" for i in range(1, 13)]
REVIEWERS = [f"评查员{i:02d}" for i in range(1, 11)]


def populate(database: Database, n: int, work: Path) -> int:
    path, _ = generate_case(work, "scale", kind="digital", seed=77)
    analysis = read_case(path)
    checker = Checker.create()
    sheet = checker.check(analysis)
    with database.session_scope() as session:
        sid = create_session(session, "规模测试", 2026, checker.standard.id, "组长", double_review=True)
        for i, name in enumerate(REVIEWERS):
            add_reviewer(session, sid, name, UNITS[i])
        for i in range(n):
            case = replace(analysis.case, sha256=f"{i:064x}", source=f"/cases/{i}.pdf")
            case_id = save_case(
                session, case, analysis.documents, analysis.extraction, unit=UNITS[i % len(UNITS)]
            )
            add_case(session, sid, case_id, UNITS[i % len(UNITS)])
            create_review(
                session,
                case_id,
                sheet_meta(sheet),
                sheet.profile,
                REVIEWERS[i % 10],
                sheet.findings,
                sheet.score,
                sheet.grade,
            )
        auto_assign(session, sid, "组长")
    return sid


def _best(fn: object, rounds: int = 5) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def measure(database: Database, sid: int) -> dict[str, float]:
    def case_list_filtered() -> None:
        with database.session_scope(readonly=True) as session:
            rows = case_list(session, "transport_penalty")
        chosen = [r for r in rows if r.unit == UNITS[3] and r.grade and "支队" in r.unit]
        assert chosen

    def statistics() -> None:
        with database.session_scope(readonly=True) as session:
            status_counts(session_cases(session, sid))
            progress(session, sid)

    def anchor() -> None:
        with database.session_scope(readonly=True) as session:
            session.scalar(select(func.count()).select_from(SessionCaseRow))

    return {"list_s": _best(case_list_filtered), "stats_s": _best(statistics), "anchor_s": _best(anchor)}


def run(n: int = 2000, postgres: str | None = None) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        targets = {"SQLite": f"sqlite:///{work / 'scale.db'}"}
        if postgres:
            targets["PostgreSQL"] = postgres
        for label, url in targets.items():
            with open_database(url) as database:
                sid = populate(database, n, work)
                results[label] = measure(database, sid)
    return results


def table(results: dict[str, dict[str, float]], n: int = 2000) -> str:
    rows = [
        "| database | case list with filters | session statistics | anchor: SELECT count(*) | targets |",
        "|---|---|---|---|---|",
    ]
    for label, r in results.items():
        rows.append(
            f"| {label}, {n} cases, 10 reviewers | {r['list_s'] * 1000:.0f} ms ({r['list_s'] / r['anchor_s']:.0f}×) "
            f"| {r['stats_s'] * 1000:.0f} ms ({r['stats_s'] / r['anchor_s']:.0f}×) | {r['anchor_s'] * 1000:.1f} ms | < 200 ms / < 1 s |"
        )
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument(
        "--postgres", help="a PostgreSQL URL (an empty database), or 'auto' for a private server"
    )
    args = parser.parse_args()
    if args.postgres == "auto":
        print(table(with_private_postgres(args.cases), args.cases))
    else:
        print(table(run(args.cases, args.postgres), args.cases))
    return 0


def with_private_postgres(n: int) -> dict[str, dict[str, float]]:
    """Both databases, PostgreSQL on a private loopback server like the tests' (tests/pg.py)."""
    import pg

    bin_dir = pg.find_bin_dir()
    if bin_dir is None:
        return run(n)
    cluster = pg.Cluster(bin_dir, Path(tempfile.mkdtemp(prefix="casereview-pg-")))
    cluster.start()
    try:
        return run(n, pg.create_database(cluster.url("postgres"), "scale"))
    finally:
        cluster.stop()


if __name__ == "__main__":
    sys.exit(main())
