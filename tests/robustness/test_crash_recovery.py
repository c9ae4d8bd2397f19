"""kill -9 of a child process in the middle of writing: an import of several case files, a series
of review decisions, a package merge. Afterwards the SQLite database (WAL) opens with integrity
"ok", holds every action the child acknowledged before the kill, nothing half-written, and the
work can go on.

Each child stops inside an open transaction (its rows flushed to SQLite, not committed) and is
killed there — the worst moment — and one import child is also killed while running freely."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from casegen import generate_case
from casereview.checking import Checker
from casereview.db import load_case, open_database
from casereview.library import open_case
from casereview.review import AuditAction, audit_trail, load_review
from casereview.review.workbench import Workbench
from casereview.scoring import DecisionKind

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from package_kit import (
    LEAD,
    REVIEWER,
    SESSION,
    build_lead,
    history,
    row_counts,
    sha_of,
    workbench,
)
from robust_kit import complete_cases, integrity

from casereview.sessions.package import export_results, merge_results, open_package

CHILD = Path(__file__).resolve().parent / "crash_child.py"
TIMEOUT_S = 120.0


def run_until(args: list[str], stop: str | None) -> list[str]:
    """Run the child; SIGKILL it as soon as a line starts with ``stop``. Its lines, in order."""
    lines: list[str] = []
    with subprocess.Popen(
        [sys.executable, str(CHILD), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    ) as proc:
        watchdog = threading.Timer(TIMEOUT_S, proc.kill)
        watchdog.start()
        try:
            assert proc.stdout is not None
            for raw in proc.stdout:
                line = raw.strip()
                lines.append(line)
                if stop is not None and line.startswith(stop):
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            proc.wait(timeout=30)
        finally:
            watchdog.cancel()
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        stderr = proc.stderr.read() if proc.stderr else ""
    if stop is not None:
        assert proc.returncode == -signal.SIGKILL, (lines, stderr)
        assert lines and lines[-1].startswith(stop), (lines, stderr)
    else:
        assert proc.returncode == 0, (lines, stderr)
    return lines


@pytest.fixture(scope="module")
def case_files(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    root = tmp_path_factory.mktemp("crash_cases")
    return [
        generate_case(root, f"c{i}", kind="digital", seed=900 + i, defects=["T-12"] if i == 0 else [])[0]
        for i in range(4)
    ]


# -- (a) an import of several case files ---------------------------------------------------------


@pytest.mark.parametrize("pause_at", [2, 0], ids=["killed-inside-transaction", "killed-running"])
def test_kill_during_import(case_files: list[Path], tmp_path: Path, pause_at: int) -> None:
    url = f"sqlite:///{tmp_path / 'import.db'}"
    stop = "paused 2" if pause_at else "stored 1"
    lines = run_until(["import", url, str(pause_at), *map(str, case_files)], stop)
    acked = {line.split()[3] for line in lines if line.startswith("stored")}
    assert len(acked) >= 1

    with open_database(url) as database:
        integrity(database)
        ids = list(complete_cases(database))
        with database.session_scope(readonly=True) as session:
            stored = {load_case(session, i)[0].sha256 for i in ids}
        assert acked <= stored  # everything acknowledged survived
        if pause_at:
            assert stored == acked  # the case being written when killed left no trace
        # The app goes on: the rest imports, the acknowledged ones are found, not read again.
        for path in case_files:
            open_case(path, database)
        assert len(list(complete_cases(database))) == len(case_files)
        integrity(database)


# -- (b) a series of review decisions ------------------------------------------------------------


def test_kill_during_review_saves(case_files: list[Path], tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'review.db'}"
    acks_before_kill = 5
    lines = run_until(["review", url, str(acks_before_kill + 1), "50", str(case_files[0])], "paused")
    acks = [line.split() for line in lines if line.startswith("ack")]
    assert len(acks) == acks_before_kill
    review_id = int(lines[0].split()[1])
    last_version = int(acks[-1][3])

    with open_database(url) as database:
        integrity(database)
        assert len(list(complete_cases(database))) == 1
        with database.session_scope(readonly=True) as session:
            review = load_review(session, review_id)
            case_id = review.summary.case_id
            trail = audit_trail(session, case_id, review_id=review_id)
        reasons = [d.reason for d in review.history]
        assert reasons == [f"崩溃测试理由{n}" for n in range(1, acks_before_kill + 1)]  # not the 6th
        assert review.summary.version == last_version  # the killed write did not bump it
        assert sum(e.action == AuditAction.DECISION for e in trail) == acks_before_kill
        active = [d for d in review.history if not d.superseded]
        assert {d.item_id for d in active} == {a[2] for a in acks}
        assert all(d.kind is DecisionKind.OVERRIDE for d in review.history)

        # The reviewer reopens the case and goes on where the acknowledged work ended.
        bench = Workbench.open(database, open_case(case_files[0], database), Checker.create(), "李评查")
        assert bench.review_id == review_id and bench.version == last_version
        item = acks[0][2]
        assert bench.decisions[item].reason == "崩溃测试理由1"
        bench.accept(item)
        assert bench.decisions[item].kind is DecisionKind.ACCEPT and bench.version > last_version
        integrity(database)


# -- (c) a package merge -------------------------------------------------------------------------


def test_kill_during_merge_leaves_all_or_nothing(tmp_path: Path) -> None:
    db_file, sid, package = build_lead(tmp_path / "lead")
    with open_database(f"sqlite:///{tmp_path / 'reviewer.db'}") as reviewer_db:
        info = open_package(package, reviewer_db, REVIEWER, files_dir=tmp_path / "files")
        first, second, _third = info.case_ids
        for case_id in (first, second):
            bench = workbench(reviewer_db, case_id, info)
            bench.accept(bench.sheet.items[0].item_id)
            bench.override(bench.sheet.items[1].item_id, 0.0, "以现场照片为准")
        results = export_results(reviewer_db, SESSION, REVIEWER, tmp_path / "back")
        shas = [sha_of(reviewer_db, c) for c in (first, second)]
        expected = [history(reviewer_db, sha) for sha in shas]

    url = f"sqlite:///{db_file}"
    pristine = tmp_path / "pristine.db"
    shutil.copy(db_file, pristine)  # build_lead closed it: the .db file alone is the database
    with open_database(url) as lead:
        before = row_counts(lead)
    lines = run_until(["merge", url, "1", str(sid), str(results), LEAD], "paused 1")
    assert lines == ["merged case 1", "paused 1"]  # killed inside the merge's one transaction

    with open_database(url) as lead:
        integrity(lead)
        assert row_counts(lead) == before  # nothing of the merge is there
        complete_cases(lead)
        report = merge_results(lead, sid, results, LEAD)  # the lead merges again
        assert report.refused is None and report.conflicts == []
        assert (report.cases, report.decisions_added) == (2, 4)
        assert [history(lead, sha) for sha in shas] == expected
        after = row_counts(lead)
        again = merge_results(lead, sid, results, LEAD)
        assert (again.cases, again.decisions_added, again.conflicts) == (2, 0, [])
        assert row_counts(lead) == after
        integrity(lead)

    # A merge acknowledged by the child ("done") and then killed is all there.
    with open_database(f"sqlite:///{pristine}") as lead:
        before = row_counts(lead)
    lines = run_until(["merge", f"sqlite:///{pristine}", "0", str(sid), str(results), LEAD], "done")
    assert lines[-1] == "done 2 4 None"
    with open_database(f"sqlite:///{pristine}") as lead:
        integrity(lead)
        assert [history(lead, sha) for sha in shas] == expected
        assert row_counts(lead) == after != before
