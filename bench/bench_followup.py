"""After the scores (issue 15) at the scale of a year: a 2,000-case session with 6,000
rectification items, on SQLite and (when its binaries are installed) a private PostgreSQL server.

- opening the 整改台账: what the window's ledger dialog reads (``load_ledger``: every item with its
  reports and overdue days, and the case labels), then the same filled into its Qt model;
- the session's objection list (``list_objections``) and one case's (the 异议 tab);
- writing the 通报 of a 2,000-case session end to end (``casereview export bulletin``: the cases
  and their reviews collected, figures, chart, DOCX, PDF when LibreOffice is there, the read-back).

Anchors: a bare ``SELECT count(*)`` of the items (ledger, objections) and python-docx writing an
empty document (the 通报). Targets of the issue: < 200 ms for the lists, < 20 s for the 通报.
The ledger rows are written straight into the tables (tests/casegen/ledger_rows.py); the 通报's
2,000 cases are one generated case stored 2,000 times with a machine review each
(bench_session_scale.populate), as the session bench does.

Usage: python bench/bench_followup.py [--cases 2000] [--no-postgres] [--out bench/results_followup.md]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select  # noqa: E402

from casegen.ledger_rows import populate  # noqa: E402
from casereview.db import Database, open_database  # noqa: E402
from casereview.db.rectify_models import RectifyItemRow  # noqa: E402
from casereview.rectify.objections import list_objections  # noqa: E402

TODAY = dt.date(2026, 5, 20)
RESULTS = HERE / "results_followup.md"


def _best(fn: Callable[[], object], rounds: int = 5) -> float:
    gc.collect()  # start each measure from the same heap: a full collection costs tens of ms here
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def lists(database: Database, cases: int) -> dict[str, float]:
    from PySide6.QtWidgets import QApplication

    from casereview_ui.followup.ledger import load_ledger
    from casereview_ui.followup.ledger_model import LedgerModel

    QApplication.instance() or QApplication([])
    data = populate(database, cases=cases, items_per_case=3, objections_every=7, name="台账规模测试")
    sid, some_case = data.session_id, data.case_ids[len(data.case_ids) // 2]
    model = LedgerModel()

    def ledger_in_model() -> None:
        items, labels = load_ledger(database, sid, TODAY)
        model.set_items(items, labels)
        assert model.rowCount() == data.items

    def objections(case_id: int | None = None) -> None:
        with database.session_scope(readonly=True) as session:
            list_objections(session, sid, case_id=case_id)

    def anchor() -> None:
        with database.session_scope(readonly=True) as session:
            session.scalar(select(func.count()).select_from(RectifyItemRow))

    anchor_s = _best(anchor)  # first, before the lists leave thousands of objects on the heap
    return {
        "items": data.items,
        "objections": data.objections,
        "anchor_s": anchor_s,
        "ledger_s": _best(lambda: load_ledger(database, sid, TODAY)),
        "ledger_model_s": _best(ledger_in_model),
        "objections_s": _best(objections),
        "case_objections_s": _best(lambda: objections(some_case)),
    }


def bulletin(database: Database, url: str, cases: int, work: Path) -> dict[str, float]:
    import docx

    import bench_session_scale
    from casereview.cli import main

    sid = bench_session_scale.populate(database, cases, work)
    populate(database, existing=sid)  # the ledger of the same session: its rectification status
    out = work / "通报.docx"
    argv = ["export", "bulletin", "--session", "规模测试", "--db", url, "--out", str(out)]
    argv += ["--issuer", "湖南省交通运输厅", "--number", "湘交执法〔2026〕30号"]
    start = time.perf_counter()
    code = main(argv)
    seconds = time.perf_counter() - start
    assert code == 0 and out.is_file(), "the 通报 was not written"

    def anchor() -> None:
        docx.Document().save(str(work / "empty.docx"))

    return {
        "bulletin_s": seconds,
        "anchor_s": _best(anchor, 3),
        "pdf": float(out.with_suffix(".pdf").is_file()),
    }


def run(cases: int = 2000, postgres: bool = True) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        url = f"sqlite:///{work / 'followup.db'}"
        with open_database(url) as database:
            results["SQLite"] = lists(database, cases)
            results["SQLite"] |= bulletin(database, url, cases, work)
        if postgres:
            found = _with_postgres(lambda u: _pg(u, cases), work)
            if found is not None:
                results["PostgreSQL"] = found
    return results


def _pg(url: str, cases: int) -> dict[str, float]:
    with open_database(url) as database:
        return lists(database, cases)


def _with_postgres(fn: Callable[[str], dict[str, float]], work: Path) -> dict[str, float] | None:
    import pg

    bin_dir = pg.find_bin_dir()
    if bin_dir is None:
        return None
    cluster = pg.Cluster(bin_dir, Path(tempfile.mkdtemp(prefix="casereview-pg-")))
    cluster.start()
    try:
        return fn(pg.create_database(cluster.url("postgres"), "followup"))
    finally:
        cluster.stop()


def table(results: dict[str, dict[str, float]], cases: int = 2000) -> str:
    rows = [
        "| database | items / objections | 整改台账 read | 台账 read + Qt model | objections, session | objections, one case | anchor: SELECT count(*) | target |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for label, r in results.items():
        rows.append(
            f"| {label}, {cases} cases | {r['items']:.0f} / {r['objections']:.0f} | {r['ledger_s'] * 1000:.0f} ms "
            f"| {r['ledger_model_s'] * 1000:.0f} ms | {r['objections_s'] * 1000:.1f} ms "
            f"| {r['case_objections_s'] * 1000:.1f} ms | {r['anchor_s'] * 1000:.1f} ms | < 200 ms |"
        )
    sqlite = results.get("SQLite", {})
    if "bulletin_s" in sqlite:
        pdf = "DOCX + PDF" if sqlite["pdf"] else "DOCX (no LibreOffice: no PDF)"
        rows += [
            "",
            "| 通报 | written | anchor: python-docx empty document | target |",
            "|---|---:|---:|---|",
            f"| {cases} cases, SQLite, {pdf}, read back | {sqlite['bulletin_s']:.1f} s "
            f"| {sqlite['anchor_s'] * 1000:.0f} ms | < 20 s |",
        ]
    return "\n".join(rows)


NOTES = """Notes:

- **The 通报** (2026-12-07, after the sheets-only collection): `export bulletin --session` reads
  reviewed, untagged cases with a known unit in bulk (`export/collect_sheets.py`: their rows, tags
  and newest or settled reviews in a few queries per 500 cases, `review.store.load_reviews`)
  instead of loading every case in full (pages, spans, documents, extraction: ~40 ms a case before);
  tagged cases, which the 通报 names, are still read whole. Profile on 1,000 cases: 21 s → 12 s,
  the collection 13.5 s → 6.1 s (decoding the stored findings and re-scoring: ~6 ms a case); the
  rest is LibreOffice's DOCX→PDF (~3 s), loading the standards once (~1 s) and the read-back.
  Two runs after it: 12.1 s and 15.1 s; before: 41–62 s over five runs.
- The ledger figure is what the dialog waits for before showing the table; the anchor is a bare
  count of the same table. The machine is shared (2 cores, other sessions' benchmarks running), so
  figures move by ±50 % between runs: `python bench/bench_followup.py` again before comparing.
  Five runs on 2026-12-07 (after the ledger read was changed to plain rows): 整改台账 read
  169–357 ms on SQLite and 194–329 ms on PostgreSQL, with the Qt model 174–505 / 199–328 ms; the
  session's objection list 8–28 ms. The < 200 ms target is met only when the machine is quiet
  (SQLite alone: 145–167 ms).
"""


def write(results: dict[str, dict[str, float]], cases: int, out: Path) -> Path:
    text = [
        "# After the scores: ledger, objections and the 通报 at scale (bench/bench_followup.py)",
        "",
        f"Measured {dt.date.today().isoformat()} on this machine ({os.cpu_count()} cores); best of 5 for the"
        " lists, one run for the 通报. Figures, not tests: nothing here decides whether the tests pass.",
        "",
        table(results, cases),
        "",
        NOTES,
    ]
    out.write_text("\n".join(text), encoding="utf-8")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cases", type=int, default=2000)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args()
    results = run(args.cases, not args.no_postgres)
    print(table(results, args.cases))
    print(f"written: {write(results, args.cases, args.out)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
