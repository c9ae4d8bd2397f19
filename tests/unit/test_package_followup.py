"""Reasons and objections in the offline packages (issue 15): the lead's review package carries the
reason library and the objections the reviewer re-reviews; offline, the reviewer decides them
(维持 / 变更) and uses and adds reasons; the results package brings all of it back and the lead's
merge applies it through decide_objection and the reasons store — audited, once, conflicts listed,
an inapplicable decision refusing the whole package. Packages without these parts still load."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import shutil
from pathlib import Path

import pytest
from package_kit import LEAD, REVIEWER, SESSION, UNITS, row_counts, sha_of, workbench
from sqlalchemy import select, update

from casegen import generate_case
from casereview.calendar.workdays import WorkCalendar
from casereview.checking import Checker
from casereview.cli import main
from casereview.db import Database, find_case_by_sha256, open_database
from casereview.db.rectify_models import ObjectionRow
from casereview.reasons.model import ReasonSource
from casereview.reasons.store import add_reason, list_reasons, seed_if_empty
from casereview.rectify.ledger import record_notice
from casereview.rectify.model import NewProblem, ObjectionStatus
from casereview.rectify.objections import decide_objection, file_objection, get_objection, list_objections
from casereview.review.audit import audit_trail
from casereview.review.records import AuditAction
from casereview.review.service import review_case
from casereview.sessions.identity import register_reviewer_key
from casereview.sessions.importing import import_cases
from casereview.sessions.keys import load_or_create_key, public_text
from casereview.sessions.package import export_package, export_results, merge_results, open_package
from casereview.sessions.package_followup import read_results_followup, read_review_followup
from casereview.sessions.package_zip import OpenedPackage
from casereview.sessions.store import add_reviewer, auto_assign, create_session, session_cases
from casereview.standards.reason_files import ReasonEntry

STANDARD = "transport_penalty"
OTHER = "王复核"  # another reviewer of the lead's session
ISSUED = dt.date(2026, 3, 2)
OWN_REASON = "公示信息缺少处罚依据条款"


def build_lead(database: Database, root: Path) -> tuple[int, dict[str, int]]:
    """The lead's session: 3 cases reviewed by the lead, a notice, two objections (JA-02 of the
    T-12 case, ZT-02 of the P-01 case), the seeded reason library; cases assigned to REVIEWER."""
    entries = []
    for i, defects in enumerate((["T-12"], [], ["P-01"])):
        path, _ = generate_case(
            root / "files" / UNITS[i], f"f{i}", kind="digital", seed=700 + i, defects=defects
        )
        entries.append((UNITS[i], path))
    with database.session_scope() as session:
        sid = create_session(session, SESSION, 2026, STANDARD, LEAD)
        add_reviewer(session, sid, REVIEWER)
        register_reviewer_key(session, sid, REVIEWER, public_text(load_or_create_key()), LEAD)
    assert len(import_cases(database, sid, entries).added) == 3
    with database.session_scope() as session:
        auto_assign(session, sid, LEAD)
        cases = session_cases(session, sid)
        add_reviewer(session, sid, OTHER)  # re-reviews on the lead's machine, has no cases
    ids = {"JA-02": cases[0].case_id, "ZT-02": cases[2].case_id}
    for case in cases:
        review_case(database, case.case_id, Checker.create(), LEAD)
    with database.session_scope() as session:
        for unit, (item, case_id) in zip((UNITS[0], UNITS[2]), ids.items(), strict=True):
            problem = NewProblem(case_id, None, item, item, (), "问题")
            record_notice(
                session, sid, unit, ISSUED, "评查〔2026〕1号", [problem], LEAD, WorkCalendar.default()
            )
            file_objection(session, sid, case_id, item, f"{item} 已整改到位，请复核", ISSUED, unit)
        assert seed_if_empty(session, STANDARD) > 0
    return sid, ids


def _lead(root: Path) -> tuple[Path, int, dict[str, int]]:
    db_file = root / "lead.db"
    with open_database(f"sqlite:///{db_file}") as database:
        sid, ids = build_lead(database, root)
    return db_file, sid, ids


@pytest.fixture(scope="module")
def lead_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int, dict[str, int]]:
    return _lead(tmp_path_factory.mktemp("followup_lead"))


def _copy(lead_file: Path, to: Path) -> Database:
    to.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy(lead_file, to)
    return open_database(f"sqlite:///{to}")


def _offline(package: Path, tmp_path: Path) -> tuple[Database, Path]:
    """The reviewer's machine: open the package, decide both objections, use a library reason in
    a decision and add a reason of their own; the results package."""
    reviewer = open_database(f"sqlite:///{tmp_path / 'reviewer' / 'r.db'}")
    info = open_package(package, reviewer, files_dir=tmp_path / "reviewer" / "files")
    assert info.objections == 2 and info.reasons_added >= 10
    again = open_package(package, reviewer, files_dir=tmp_path / "reviewer" / "files")
    assert again.objections == 0 and again.reasons_added == 0, "opening twice adds nothing"
    with reviewer.session_scope() as session:
        copies = {o.item_id: o for o in list_objections(session, info.session_id)}
        offered = list_reasons(session, STANDARD, "JA-02")  # what the decision dialog offers offline
        add_reason(
            session, STANDARD, ReasonEntry("JA-02", OWN_REASON, ("《行政处罚法》第四十八条",)), REVIEWER
        )
    assert set(copies) == {"JA-02", "ZT-02"} and all(c.original_reviewer == LEAD for c in copies.values())
    reason = next(r for r in offered if "门户网站" in r.text)
    bench = workbench(reviewer, copies["JA-02"].case_id, info)
    bench.override("JA-02", 1.0, reason.full_text() + "，截图不清", reason.id)
    with reviewer.session_scope() as session:
        changed = decide_objection(
            session,
            copies["JA-02"].id,
            ObjectionStatus.CHANGED,
            "门户网站已公示，只扣1分",
            REVIEWER,
            deduction=0.0,
        )
        decide_objection(session, copies["ZT-02"].id, ObjectionStatus.UPHELD, "立案审批表确未签批", REVIEWER)
    assert changed.outcome is not None and changed.outcome["new_deduction"] == 0.0
    listing = _objection_list(tmp_path / "reviewer" / "r.db")
    assert "合并后由组长重新计分" in listing and "离线评查包中的异议" in listing
    results = export_results(reviewer, SESSION, REVIEWER, tmp_path / "back")
    return reviewer, results


def _objection_list(db_file: Path) -> str:
    """``casereview objection list`` on the reviewer's machine, its printed lines."""
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        assert main(["objection", "list", SESSION, "--db", f"sqlite:///{db_file}"]) == 0
    return out.getvalue()


def test_round_trip_decisions_reasons_and_uses(
    lead_file: tuple[Path, int, dict[str, int]], tmp_path: Path
) -> None:
    db_file, sid, ids = lead_file
    lead = _copy(db_file, tmp_path / "lead" / "lead.db")
    round_trip(lead, sid, ids, tmp_path)
    lead.close()


def round_trip(lead: Database, sid: int, ids: dict[str, int], tmp_path: Path) -> None:
    """Export → offline decisions → results → merge (twice), checked on the lead's database."""
    package = export_package(lead, sid, REVIEWER, tmp_path / "out")
    reviewer, results = _offline(package, tmp_path)
    with lead.session_scope(readonly=True) as session:
        before = {o.item_id: o for o in list_objections(session, sid)}
        grade_before = get_objection(session, before["JA-02"].id)
    assert grade_before.status is ObjectionStatus.PENDING

    report = merge_results(lead, sid, results, LEAD)
    assert report.refused is None and not report.conflicts, report
    assert (report.objections, report.reasons_added, report.reason_uses) == (2, 1, 1)
    with lead.session_scope(readonly=True) as session:
        after = {o.item_id: o for o in list_objections(session, sid)}
        reasons = {r.text: r for r in list_reasons(session, STANDARD, "JA-02")}
        trail = audit_trail(session, ids["JA-02"])
    changed, upheld = after["JA-02"], after["ZT-02"]
    assert changed.status is ObjectionStatus.CHANGED and changed.decided_by == REVIEWER
    assert changed.outcome is not None and changed.outcome["new_deduction"] == 0.0
    assert changed.outcome["new_score"] > changed.outcome["old_score"], "a 变更 re-scores the counted review"
    assert upheld.status is ObjectionStatus.UPHELD and upheld.decision_reason == "立案审批表确未签批"
    used = next(r for r in reasons.values() if "门户网站" in r.text)
    assert used.use_count == 1
    own = reasons[OWN_REASON]
    assert own.source is ReasonSource.REVIEWER and own.added_by == REVIEWER and own.basis
    merged = [e for e in trail if e.action is AuditAction.MERGE and isinstance(e.after, dict)]
    assert any(e.after.get("objection") == changed.id for e in merged)
    uses = [
        e
        for e in trail
        if e.action is AuditAction.REASON and isinstance(e.after, dict) and "origin" in e.after
    ]
    assert len(uses) == 1 and uses[0].after["origin"]["reviewer"] == REVIEWER
    decisions = [e for e in trail if e.action is AuditAction.DECISION and e.item_id == "JA-02"]
    assert any("异议复核变更" in str(e.after) for e in decisions)

    counts = row_counts(lead)
    again = merge_results(lead, sid, results, LEAD)
    assert again.refused is None and not again.conflicts
    assert (again.objections, again.reasons_added, again.reason_uses) == (0, 0, 0)
    assert row_counts(lead) == counts, "merging twice changes nothing"
    reviewer.close()


def test_conflict_and_refusal(lead_file: tuple[Path, int, dict[str, int]], tmp_path: Path) -> None:
    db_file, sid, ids = lead_file
    lead = _copy(db_file, tmp_path / "lead" / "lead.db")
    package = export_package(lead, sid, REVIEWER, tmp_path / "out")
    reviewer, results = _offline(package, tmp_path)
    # Meanwhile on the lead's machine another reviewer changed ZT-02's objection: a conflict.
    with lead.session_scope() as session:
        zt = next(o for o in list_objections(session, sid) if o.item_id == "ZT-02")
        decide_objection(session, zt.id, ObjectionStatus.UPHELD, "经复核维持原评查意见", OTHER)
    report = merge_results(lead, sid, results, LEAD)
    assert report.refused is None and report.objections == 1
    (conflict,) = report.conflicts
    text = conflict.describe()
    assert (
        "ZT-02" in text
        and "经复核维持原评查意见" in text
        and "立案审批表确未签批" in text
        and "未合并" in text
    )
    with lead.session_scope(readonly=True) as session:
        assert get_objection(session, zt.id).decided_by == OTHER

    # A decision on an objection the lead's session does not have refuses the whole package.
    fresh = _copy(db_file, tmp_path / "lead2" / "lead.db")
    with reviewer.session_scope() as session:
        session.execute(
            update(ObjectionRow).values(outcome={"origin": 9999}).where(ObjectionRow.item_id == "ZT-02")
        )
    bad = export_results(reviewer, SESSION, REVIEWER, tmp_path / "bad")
    counts = row_counts(fresh)
    refused = merge_results(fresh, sid, bad, LEAD)
    assert refused.refused is not None and "异议 #9999" in refused.refused and "不符" in refused.refused
    assert row_counts(fresh) == counts, "nothing half-written"
    with fresh.session_scope(readonly=True) as session:
        statuses = {o.status for o in list_objections(session, sid)}
        sha = sha_of(fresh, ids["JA-02"])
        assert find_case_by_sha256(session, sha) == ids["JA-02"]
    assert statuses == {ObjectionStatus.PENDING}
    for database in (reviewer, lead, fresh):
        database.close()


def test_packages_without_the_parts_load(tmp_path: Path) -> None:
    """Packages written before reasons and objections travelled: nothing of either, no refusal."""
    opened = OpenedPackage(tmp_path / "old.zip", {})
    assert read_review_followup(opened, STANDARD, set()).objections == ()
    empty = read_results_followup(opened)
    assert (empty.verdicts, empty.reasons, empty.uses) == ((), (), ())
    with open_database(f"sqlite:///{tmp_path / 'x.db'}") as database, database.session_scope() as session:
        assert session.scalar(select(ObjectionRow.id)) is None
