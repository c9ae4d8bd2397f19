"""The scripted rectification flow of issue 15, run on SQLite (test_rectify_flow.py) and on a real
PostgreSQL server (test_rectify_postgres.py): review → notices → ledger items → a 整改报告 attached
→ verified and closed, one item overdue → an objection upheld (维持) and one changed (变更, the grade
changes) → the 整改台账 workbook opened back."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook  # type: ignore[import-untyped]
from sqlalchemy import func, select

from casegen import generate_case
from casereview.calendar.workdays import WorkCalendar
from casereview.checking import Checker
from casereview.db import Database
from casereview.db.rectify_models import RectifyAttachmentRow
from casereview.errors import CaseReviewError, ErrorCode
from casereview.export import collect
from casereview.export.notice import NoticeSettings
from casereview.export.rectify_ledger import COUNTS, LEDGER, OBJECTIONS, write_ledger
from casereview.export.rectify_record import write_session_notices
from casereview.messages import describe
from casereview.office.gongwen import chinese_date
from casereview.rectify.attachments import read_attachment
from casereview.rectify.items import attach_report, close_item, verify_item
from casereview.rectify.ledger import list_items, unit_notice
from casereview.rectify.model import ItemStatus, ObjectionStatus
from casereview.rectify.objections import decide_objection, file_objection, list_objections
from casereview.review.audit import audit_trail
from casereview.review.records import AuditAction
from casereview.review.service import current_sheet_in, review_case
from casereview.review.store import load_review
from casereview.sessions.importing import import_cases
from casereview.sessions.store import add_reviewer, create_session, session_cases

UNIT_A = "攸县交通运输局"
UNIT_B = "吉林市地方海事局"
ISSUED = dt.date(2026, 3, 2)  # a Monday with holiday data around it (2026 is covered)
LEAD = "组长"
# seed, defect, the item the machine deducts for it (seed 3's P-01 also vetoes: 不合格)
SPECS = ((3, "P-01", "ZT-02"), (4, "T-12", "JA-02"), (11, "W-01", "WS-07"))


def make_files(out: Path) -> list[tuple[str, Path]]:
    """(unit, case file) of the three generated cases: two of 攸县, one of 吉林."""
    files = []
    for seed, defect, _item in SPECS:
        path, _truth = generate_case(out, f"r{seed}", kind="digital", seed=seed, defects=[defect])
        files.append((UNIT_B if seed == 11 else UNIT_A, path))
    return files


def write_report(path: Path) -> Path:
    document = docx.Document()
    document.add_paragraph("攸县交通运输局关于案卷评查问题的整改报告：已按要求补正公示。")
    document.save(str(path))
    return path


@dataclass
class Flow:
    database: Database
    session_id: int
    case_ids: dict[str, int]  # by the item the machine deducts


def setup_session(database: Database, files: list[tuple[str, Path]]) -> Flow:
    with database.session_scope() as session:
        sid = create_session(session, "2026年度评查", 2026, "transport_penalty", LEAD)
        add_reviewer(session, sid, "甲")
        add_reviewer(session, sid, "乙")
    assert len(import_cases(database, sid, files).added) == 3
    with database.session_scope(readonly=True) as session:
        cases = session_cases(session, sid)
    checker = Checker.create()
    ids = {}
    for case, (_seed, _defect, item) in zip(cases, SPECS, strict=True):
        review_case(database, case.case_id, checker, "甲")
        ids[item] = case.case_id
    return Flow(database, sid, ids)


def send_notices(flow: Flow, out: Path) -> None:
    checker = Checker.create()
    with flow.database.session_scope(readonly=True) as session:
        cases = session_cases(session, flow.session_id)
    reviewed = collect(
        [str(c.case_id) for c in cases], checker, flow.database, units={c.case_id: c.unit for c in cases}
    )
    settings = NoticeSettings(issuer="湖南省交通运输厅", doc_number="湘交执法〔2026〕3号", issued=ISSUED)
    written = write_session_notices(flow.database, flow.session_id, reviewed, out, settings, LEAD, pdf=False)
    assert len(written) == 2


def run_flow(database: Database, files: list[tuple[str, Path]], tmp: Path) -> None:
    calendar = WorkCalendar.default()
    flow = setup_session(database, files)
    send_notices(flow, tmp / "通知书")
    deadline = calendar.add_working_days(ISSUED, 30)
    objection_deadline = calendar.add_working_days(ISSUED, 10)
    assert deadline == dt.date(2026, 4, 14) and objection_deadline == dt.date(2026, 3, 16)
    # The notice prints the deadlines the ledger recorded.
    text = "\n".join(
        p.text for p in docx.Document(str(tmp / "通知书" / f"整改通知书_{UNIT_A}.docx")).paragraphs
    )
    assert chinese_date(deadline) in text and chinese_date(objection_deadline) in text

    sid = flow.session_id
    with database.session_scope(readonly=True) as session:
        items = {i.item_id: i for i in list_items(session, sid, today=ISSUED)}
        notice = unit_notice(session, sid, UNIT_A)
    assert set(items) == {"ZT-02", "JA-02", "WS-07"}
    assert (
        notice is not None and notice.deadline == deadline and notice.objection_deadline == objection_deadline
    )
    assert {i.deadline for i in items.values()} == {deadline}
    assert items["WS-07"].unit == UNIT_B and items["JA-02"].rules == ("T-12",)
    assert {i.status for i in items.values()} == {ItemStatus.OPEN}

    # An unreadable report is refused, naming the file, and nothing is kept.
    broken = tmp / "坏报告.pdf"
    broken.write_bytes(b"%PDF-1.4 truncated")
    with pytest.raises(CaseReviewError) as unreadable:
        read_attachment(broken)
    assert unreadable.value.code is ErrorCode.ATTACHMENT_UNREADABLE and "坏报告.pdf" in describe(
        unreadable.value
    )

    report = read_attachment(write_report(tmp / "整改报告.docx"))
    ja02, ws07, zt02 = items["JA-02"].id, items["WS-07"].id, items["ZT-02"].id
    # 攸县's report cannot answer 吉林's item: refused, and the whole attachment with it.
    with pytest.raises(CaseReviewError) as other, database.session_scope() as session:
        attach_report(session, sid, UNIT_A, [ja02, ws07], report, "乙")
    assert other.value.code is ErrorCode.OTHER_UNIT and UNIT_B in describe(other.value)
    with database.session_scope(readonly=True) as session:
        assert session.scalar(select(func.count()).select_from(RectifyAttachmentRow)) == 0
    with database.session_scope() as session:
        attach_report(session, sid, UNIT_A, [ja02], report, "乙")
    with pytest.raises(CaseReviewError) as verify_other, database.session_scope() as session:
        verify_item(session, sid, UNIT_B, ja02, ItemStatus.RECTIFIED, "", "乙")
    assert verify_other.value.code is ErrorCode.OTHER_UNIT
    with database.session_scope() as session:
        verify_item(session, sid, UNIT_A, ja02, ItemStatus.RECTIFIED, "已补正公示", "乙")
        close_item(session, sid, ja02, "", LEAD)

    # After the deadline: 吉林's item (no report) and 攸县's ZT-02 are overdue, the closed one not.
    late = calendar.add_working_days(deadline, 3)
    with database.session_scope(readonly=True) as session:
        overdue = {i.id: i for i in list_items(session, sid, overdue=True, today=late)}
        closed = list_items(session, sid, statuses=[ItemStatus.CLOSED], today=late)
    assert set(overdue) == {ws07, zt02} and overdue[ws07].overdue_days == 3
    assert [i.id for i in closed] == [ja02] and closed[0].reports == ("整改报告.docx",)

    _objections(flow, tmp, objection_deadline, report)
    _ledger_workbook(flow, tmp, late)
    _reason_used(flow)
    check_session_workbook(session_workbook(flow, tmp, late), late)


def session_workbook(flow: Flow, tmp: Path, today: dt.date) -> Path:
    """The session's 评查评分表 workbook with its follow-up sheets, written as the export does."""
    from casereview.export.scoresheet import write_scoresheet
    from casereview.export.session_followup import session_followup

    with flow.database.session_scope(readonly=True) as session:
        cases = session_cases(session, flow.session_id)
        followup = session_followup(session, flow.session_id, today)
    units = {c.case_id: c.unit for c in cases}
    reviewed = collect([str(c.case_id) for c in cases], Checker.create(), flow.database, units=units)
    path = tmp / "评查评分表.xlsx"
    write_scoresheet(reviewed, path, followup=followup)
    return path


def check_session_workbook(path: Path, today: dt.date | None) -> None:
    """The 整改台账, 异议复核 and 常用理由 sheets of the flow's session, read back."""
    from casereview.export.session_followup import REASONS

    book = load_workbook(path)
    assert book.sheetnames[-3:] == [LEDGER, OBJECTIONS, REASONS]
    ledger = {r[3]: r for r in book[LEDGER].iter_rows(min_row=3, values_only=True)}
    assert set(ledger) == {"ZT-02", "JA-02", "WS-07"}
    assert ledger["JA-02"][8] == "已销号" and ledger["WS-07"][8] == "待整改"
    assert ledger["ZT-02"][8] == "已销号"  # closed by the objection's 变更
    assert ledger["WS-07"][1] == UNIT_B and ledger["WS-07"][7].date() == dt.date(2026, 4, 14)
    if today is not None:  # overdue working days as of that day; blank for closed items
        assert ledger["WS-07"][9] == 3 and ledger["JA-02"][9] is None
    objections = list(book[OBJECTIONS].iter_rows(min_row=3, values_only=True))
    assert [(r[3], r[10], r[11]) for r in objections] == [("JA-02", "维持", "乙"), ("ZT-02", "变更", LEAD)]
    assert objections[1][12] == "查验执法证，二人均持证" and objections[1][13] == 0
    reasons = list(book[REASONS].iter_rows(min_row=3, values_only=True))
    used = [r for r in reasons if r[5]]
    assert len(reasons) > 5 and len(used) == 1
    assert used[0][0] == "JA-02" and "门户网站" in used[0][1] and used[0][5] == 1


def _reason_used(flow: Flow) -> None:
    """The reason library in a decision: seeded from the standard, chosen for JA-02, counted once."""
    from casereview.db.repository import load_case
    from casereview.pipeline import Analysis
    from casereview.reasons.store import list_reasons, seed_if_empty
    from casereview.review.workbench import Workbench

    database, case_id = flow.database, flow.case_ids["JA-02"]
    with database.session_scope() as session:
        assert seed_if_empty(session, "transport_penalty") > 0
        reason = next(r for r in list_reasons(session, "transport_penalty", "JA-02") if "门户网站" in r.text)
        case, documents, extraction = load_case(session, case_id)
    bench = Workbench.open(database, Analysis(case, documents, extraction, case_id), Checker.create(), "丙")
    bench.override("JA-02", 0.0, reason.full_text(), reason.id)
    with database.session_scope(readonly=True) as session:
        used = next(r for r in list_reasons(session, "transport_penalty", "JA-02") if r.id == reason.id)
        trail = [e for e in audit_trail(session, case_id) if e.action is AuditAction.REASON]
    assert used.use_count == 1 and trail[-1].actor == "丙"
    assert bench.sheet.item("JA-02").reason.startswith(reason.text)


def _objections(flow: Flow, tmp: Path, objection_deadline: dt.date, material: object) -> None:
    database, sid = flow.database, flow.session_id
    ja_case, zt_case = flow.case_ids["JA-02"], flow.case_ids["ZT-02"]
    day_after = objection_deadline + dt.timedelta(days=1)
    with pytest.raises(CaseReviewError) as late, database.session_scope() as session:
        file_objection(session, sid, ja_case, "JA-02", "已在门户网站公示", day_after, UNIT_A)
    message = describe(late.value)
    assert late.value.code is ErrorCode.OBJECTION_LATE
    assert day_after.isoformat() in message and objection_deadline.isoformat() in message
    with database.session_scope() as session:
        upheld_id = file_objection(
            session, sid, ja_case, "JA-02", "已在门户网站公示", objection_deadline, UNIT_A
        )
        changed_id = file_objection(
            session,
            sid,
            zt_case,
            "ZT-02",
            "执法人员均持证，笔录漏印证号",
            ISSUED,
            UNIT_A,
            [material],  # type: ignore[list-item]
        )
    # 甲 made the original finding: may not re-review it.
    with pytest.raises(CaseReviewError) as own, database.session_scope() as session:
        decide_objection(session, upheld_id, ObjectionStatus.UPHELD, "公示截图日期晚于期限", "甲")
    assert own.value.code is ErrorCode.OWN_FINDING and "甲" in describe(own.value)
    with database.session_scope() as session:
        review_id = list_objections(session, sid)[1].review_id
        assert review_id is not None
        before = current_sheet_in(session, review_id)
        upheld = decide_objection(session, upheld_id, ObjectionStatus.UPHELD, "公示截图日期晚于期限", "乙")
        changed = decide_objection(
            session, changed_id, ObjectionStatus.CHANGED, "查验执法证，二人均持证", LEAD, deduction=0
        )
    assert upheld.status is ObjectionStatus.UPHELD and upheld.outcome is None
    assert before.grade == "不合格" and changed.outcome is not None
    assert changed.outcome["old_grade"] == "不合格" and changed.outcome["new_grade"] != "不合格"
    assert changed.attachments == ("整改报告.docx",)
    with database.session_scope(readonly=True) as session:
        summary = load_review(session, review_id).summary
        trail = audit_trail(session, zt_case)
        zt_item = next(i for i in list_items(session, sid) if i.item_id == "ZT-02")
    assert summary.grade == changed.outcome["new_grade"] and summary.score == changed.outcome["new_score"]
    decisions = [e for e in trail if e.action is AuditAction.DECISION and e.item_id == "ZT-02"]
    assert decisions and "异议复核变更" in str(decisions[-1].after)
    assert any(e.action is AuditAction.OBJECTION for e in trail)
    assert zt_item.status is ItemStatus.CLOSED and "异议" in zt_item.note
    # The exports read the review through the normal path: the change and its reason show there.
    (exported,) = collect([str(zt_case)], Checker.create(), database, final_reviews={zt_case: review_id})
    assert exported.sheet.grade == changed.outcome["new_grade"]
    assert "异议复核变更" in exported.sheet.item("ZT-02").reason and exported.decider("ZT-02") == LEAD


def _ledger_workbook(flow: Flow, tmp: Path, today: dt.date) -> None:
    with flow.database.session_scope(readonly=True) as session:
        items = list_items(session, flow.session_id, today=today)
        objections = list_objections(session, flow.session_id)
    path = write_ledger(tmp / "整改台账.xlsx", "2026年度评查", items, objections)
    book = load_workbook(path)
    assert book.sheetnames == [LEDGER, COUNTS, OBJECTIONS]
    counts = book[COUNTS]
    head = [c.value for c in counts[2]]
    total = {head[i]: c.value for i, c in enumerate(counts[counts.max_row])}
    assert total["执法单位"] == "合计" and total["合计"] == 3
    assert total["已销号"] == 2 and total["待整改"] == 1 and total["逾期"] == 1
    ledger_rows = list(book[LEDGER].iter_rows(min_row=3, values_only=True))
    assert len(ledger_rows) == 3 and {r[8] for r in ledger_rows} == {"已销号", "待整改"}
    results = [r[10] for r in book[OBJECTIONS].iter_rows(min_row=3, values_only=True)]
    assert results == ["维持", "变更"]
