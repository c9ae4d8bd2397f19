"""Review-session benchmarks. Each function returns a dict with the keys of :func:`row`.

- merge: the lead merges one reviewer's results package of n cases (each a new review: the
  machine check runs on the lead's stored analysis, then 3 decisions — accept, override, manual —
  are replayed) on SQLite (target: 200 cases < 10 s). Merging it again (nothing new) is timed too.
  The anchor is the reviewer's own work on the same cases through the review service in one
  transaction each, i.e. what the merge must at least redo.

Cases are a few generated digital case files stored n times under different hashes.

Usage: python bench/bench_sessions.py [--cases 200]
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey  # noqa: E402

from casegen import generate_case  # noqa: E402
from casereview.checking import Checker  # noqa: E402
from casereview.db import Database, load_case, open_database, save_case  # noqa: E402
from casereview.domain.model import Evidence  # noqa: E402
from casereview.library import open_case  # noqa: E402
from casereview.review.service import decide_in, review_case_in  # noqa: E402
from casereview.scoring import DecisionKind, ItemStatus, ReviewerDecision  # noqa: E402
from casereview.sessions.identity import register_reviewer_key  # noqa: E402
from casereview.sessions.keys import public_text  # noqa: E402
from casereview.sessions.package import export_results, merge_results  # noqa: E402
from casereview.sessions.store import add_case, add_reviewer, auto_assign, create_session, my_cases  # noqa: E402

HEADER = "| bench | anchor | anchor s | seconds | ratio | target |\n|---|---|---:|---:|---:|---|"
SESSION, LEAD, REVIEWER = "基准评查会话", "组长", "李评查"


# The reviewer's signing key: a throwaway one, registered with the lead (not the user's own key).
REVIEWER_KEY = Ed25519PrivateKey.generate()


def _lead_database(folder: Path, n: int) -> tuple[Path, int]:
    """A lead database with n stored cases in one session, all assigned to one reviewer."""
    db_file = folder / "lead.db"
    database = open_database(f"sqlite:///{db_file}")
    bases = []
    for seed, defects in ((41, ["T-12"]), (42, ["P-01"]), (43, [])):
        path, _ = generate_case(folder / "files", f"m{seed}", kind="digital", seed=seed, defects=defects)
        analysis = open_case(path, database)
        assert analysis.case_id is not None
        bases.append(analysis.case_id)
    with database.session_scope() as session:
        sid = create_session(session, SESSION, 2026, "transport_penalty", LEAD)
        add_reviewer(session, sid, REVIEWER)
        register_reviewer_key(session, sid, REVIEWER, public_text(REVIEWER_KEY), LEAD)
        loaded = [load_case(session, case_id) for case_id in bases]
        for i in range(n):
            case, documents, extraction = loaded[i % len(loaded)]
            case.sha256 = hashlib.sha256(f"bench-case-{i}".encode()).hexdigest()
            add_case(session, sid, save_case(session, case, documents, extraction), f"单位{i % 7}")
        auto_assign(session, sid, LEAD)
    database.close()
    return db_file, sid


def _review_all(database: Database, sid: int) -> None:
    """The reviewer's work: a review of every assigned case with three decisions."""
    checker = Checker.create()
    now = dt.datetime.now(dt.UTC)
    with database.session_scope(readonly=True) as session:
        case_ids = [c.case_id for c in my_cases(session, sid, REVIEWER)]
    for case_id in case_ids:
        with database.session_scope() as session:
            review_id, sheet = review_case_in(session, case_id, checker, REVIEWER)
            items = {i.status: i.item_id for i in sheet.items}
            deducted = items.get(ItemStatus.DEDUCTED, sheet.items[0].item_id)
            pending = items.get(ItemStatus.PENDING, sheet.items[1].item_id)
            accepted = next(i.item_id for i in sheet.items if i.item_id not in (deducted, pending))
            region = Evidence(1, (10.0, 10.0, 100.0, 40.0), "")
            decisions = [
                (accepted, ReviewerDecision(DecisionKind.ACCEPT, REVIEWER, now)),
                (deducted, ReviewerDecision(DecisionKind.OVERRIDE, REVIEWER, now, 0.0, "依据补充材料")),
                (pending, ReviewerDecision(DecisionKind.MANUAL, REVIEWER, now, 0.5, "笔录未签名", region)),
            ]
            for item_id, decision in decisions:
                decide_in(session, review_id, item_id, decision, REVIEWER)


def merge_bench(n_cases: int = 200) -> dict[str, object]:
    """Time merging an n-case results package into the lead's SQLite database."""
    with tempfile.TemporaryDirectory(prefix="bench-sessions-") as tmp:
        folder = Path(tmp)
        lead_file, sid = _lead_database(folder, n_cases)
        reviewer_file = folder / "reviewer.db"
        shutil.copy(lead_file, reviewer_file)  # the reviewer's machine after opening the package
        reviewer = open_database(f"sqlite:///{reviewer_file}")
        started = time.perf_counter()
        _review_all(reviewer, sid)
        anchor = time.perf_counter() - started
        package = export_results(reviewer, SESSION, REVIEWER, folder / "back", key=REVIEWER_KEY)
        reviewer.close()
        lead = open_database(f"sqlite:///{lead_file}")
        started = time.perf_counter()
        report = merge_results(lead, sid, package, LEAD)
        seconds = time.perf_counter() - started
        started = time.perf_counter()
        again = merge_results(lead, sid, package, LEAD)
        repeat = time.perf_counter() - started
        lead.close()
        size = package.stat().st_size
    assert report.refused is None and report.cases == n_cases and not report.conflicts
    assert again.decisions_added == 0
    return {
        "bench": f"merge results package, {n_cases} cases × 3 decisions ({size / 1024:.0f} KB); "
        f"again (no change): {repeat:.2f} s",
        "anchor": f"the reviewer's own review of the {n_cases} cases",
        "anchor_s": f"{anchor:.2f}",
        "seconds": f"{seconds:.2f}",
        "ratio": f"{seconds / anchor:.2f}" if anchor else "-",
        "target": "< 10 s",
    }


def row(result: dict[str, object]) -> str:
    """One markdown table row under :data:`HEADER`."""
    return (
        f"| {result['bench']} | {result['anchor']} | {result['anchor_s']} | {result['seconds']} "
        f"| {result['ratio']}× | {result['target']} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    parser.add_argument("--cases", type=int, default=200)
    args = parser.parse_args(argv)
    print(HEADER)
    print(row(merge_bench(args.cases)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
