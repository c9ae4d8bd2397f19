"""Issue 6's "done when": a scripted session of 20 generated cases with three reviewers, double
review, two arbitrations, one offline package round trip and one concurrent-edit conflict — on
SQLite and on a real PostgreSQL server — with the audit trail showing every step."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from casegen import generate_case
from casereview.checking import Checker
from casereview.cli import main
from casereview.db import Database, load_case, open_database
from casereview.errors import ReviewConflict
from casereview.pipeline import Analysis
from casereview.review import AuditAction, audit_trail
from casereview.review.workbench import Workbench
from casereview.scoring import ItemStatus
from casereview.sessions.arbitration import SECOND, arbitrate
from casereview.sessions.double import pending_arbitrations
from casereview.sessions.model import CaseStatus
from casereview.sessions.store import find_session, session_cases

for _path in (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1]):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))
import pg  # noqa: E402

postgres_url = pg.postgres_url
pg_url = pg.pg_url

NAME = "2026年度交通运输行政执法案卷评查"
UNITS = ("甲市交通运输局", "乙市交通运输局")


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("tree")
    made = tmp_path_factory.mktemp("made")
    for i in range(20):
        path, _ = generate_case(made, f"c{i:02d}", kind="digital", seed=900 + i)
        unit = root / UNITS[i % 2]
        unit.mkdir(exist_ok=True)
        shutil.copy(path, unit / path.name)
    return root


def _analysis(database: Database, case_id: int) -> Analysis:
    with database.session_scope(readonly=True) as session:
        case, documents, extraction = load_case(session, case_id)
    return Analysis(case, documents, extraction, case_id)


def run_session(url: str, tree: Path, work: Path) -> None:
    cli = ["--db", url]
    reviewers = ["--reviewer", f"甲:{UNITS[0]}", "--reviewer", "乙", "--reviewer", "丙"]
    assert main(["session", "create", NAME, *cli, "--double", "--tolerance", "2", *reviewers]) == 0
    assert main(["session", "import", NAME, *cli, "--tree", str(tree), "--no-ocr"]) == 0
    assert main(["session", "assign", NAME, *cli, "--auto"]) == 0
    checker = Checker.create()
    with open_database(url) as database:
        with database.session_scope(readonly=True) as session:
            info = find_session(session, NAME)
            cases = session_cases(session, info.id)
        assert len(cases) == 20
        for case in cases:  # two different reviewers, never 甲 on 甲's own unit
            assert len(set(case.reviewers())) == 2
            assert not (case.unit == UNITS[0] and "甲" in case.reviewers())

        # 甲 and 乙 review at their desks; two cases get opposite judgements (→ arbitration).
        disputed = [c for c in cases if set(c.reviewers()) == {"甲", "乙"}][:2]
        assert len(disputed) == 2
        for case in cases:
            analysis = _analysis(database, case.case_id)
            for name in case.reviewers():
                if name == "丙":
                    continue  # 丙 works offline (below)
                bench = Workbench.open(database, analysis, checker, name)
                if case in disputed:
                    for item in [i for i in bench.sheet.items if i.status is ItemStatus.PENDING][:2]:
                        deduction = item.points if name == "乙" else 0.0
                        bench.override(item.item_id, deduction, f"{name}的意见")
                bench.set_done(True)

        # A concurrent edit: 甲 in two windows on one review; the second gets a conflict, not a lost update.
        first = next(c for c in cases if "甲" in c.reviewers())
        window_a = Workbench.open(database, _analysis(database, first.case_id), checker, "甲")
        window_b = Workbench.open(database, _analysis(database, first.case_id), checker, "甲")
        item = window_a.sheet.items[0].item_id
        window_a.accept(item)
        with pytest.raises(ReviewConflict):
            window_b.override(item, 0.0, "另一窗口")
        window_b.reload()
        assert window_b.decisions[item].kind == "accept"

    # 丙 offline: package out, review on a laptop database, results back, merged by the lead.
    packages = work / "packages"
    assert main(["session", "export-package", NAME, *cli, "--reviewer", "丙", "--out", str(packages)]) == 0
    (package,) = packages.glob("*.zip")
    laptop = f"sqlite:///{work / 'laptop.db'}"
    assert main(["session", "open-package", str(package), "--db", laptop, "--reviewer", "丙"]) == 0
    (key_file,) = packages.glob("评查人员公钥_*.json")  # back to the lead with the stick: registered
    assert main(["session", "register-key", NAME, *cli, str(key_file)]) == 0
    with open_database(laptop) as offline:
        with offline.session_scope(readonly=True) as session:
            mine = session_cases(session, find_session(session, NAME).id)
        assert mine
        for case in mine:
            bench = Workbench.open(offline, _analysis(offline, case.case_id), checker, "丙")
            bench.set_done(True)
    returned = work / "returned"
    assert (
        main(["session", "export-results", NAME, "--db", laptop, "--reviewer", "丙", "--out", str(returned)])
        == 0
    )
    (results,) = returned.glob("*.zip")
    assert main(["session", "merge-package", NAME, *cli, str(results)]) == 0

    # Settle: the two disputed cases wait for the lead, who arbitrates both.
    assert main(["session", "settle", NAME, *cli]) == 0
    with open_database(url) as database:
        with database.session_scope(readonly=True) as session:
            waiting = pending_arbitrations(session, info.id, checker.standard)
        assert sorted(c.case_id for c in waiting) == sorted(c.case_id for c in disputed)
        for comparison in waiting:
            choices = {d.item_id: SECOND for d in comparison.items}
            arbitrate(database, comparison.session_case_id, choices, "组长", checker)
        with database.session_scope(readonly=True) as session:
            final = session_cases(session, info.id)
            trail = audit_trail(session, disputed[0].case_id)
            offline_case = next(c for c in final if "丙" in c.reviewers())
            merged_trail = audit_trail(session, offline_case.case_id)
    assert {c.status for c in final} == {CaseStatus.DONE}
    actions = {e.action for e in trail}
    assert {
        AuditAction.CREATE_REVIEW,
        AuditAction.DECISION,
        AuditAction.ASSIGNMENT,
        AuditAction.SESSION,
    } <= actions
    assert any(e.actor == "组长" and e.action == AuditAction.DECISION for e in trail)  # the arbitration
    assert AuditAction.MERGE in {e.action for e in merged_trail}
    assert all(e.machine for e in trail)

    book = work / "汇总.xlsx"
    assert main(["export", "scoresheet", "--session", NAME, *cli, "--out", str(book), "--no-ocr"]) == 0
    assert "评查一致性" in load_workbook(book).sheetnames


@pytest.mark.slow
def test_scripted_session_on_sqlite(tree: Path, tmp_path: Path) -> None:
    run_session(f"sqlite:///{tmp_path / 'lead.db'}", tree, tmp_path)


@pytest.mark.slow
@pytest.mark.postgres
def test_scripted_session_on_postgresql(tree: Path, tmp_path: Path, pg_url: str) -> None:
    run_session(pg_url, tree, tmp_path)
