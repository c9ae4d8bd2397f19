"""The rectification ledger and objections, one refusal at a time, on a SQLite copy of a session
whose notices were sent (rectify_kit.py): attachments that do not open, periods, verification and
closing rules, objection rules, closing by a re-checked case, the append-only attachments — each
refusal in Chinese and leaving nothing written."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pymupdf
import pytest
from PIL import Image
from rectify_kit import (
    ISSUED,
    LEAD,
    UNIT_A,
    UNIT_B,
    Flow,
    make_files,
    send_notices,
    setup_session,
    write_report,
)
from sqlalchemy import func, select, text

from casegen import generate_case
from casereview.calendar.workdays import WorkCalendar
from casereview.checking import Checker
from casereview.db import open_database
from casereview.db.rectify_models import ObjectionRow, RectifyAttachmentRow
from casereview.db.review_models import ReviewDecisionRow
from casereview.errors import CaseReviewError, ErrorCode, StorageError
from casereview.library import open_case
from casereview.messages import describe
from casereview.rectify.attachments import read_attachment
from casereview.rectify.items import attach_report, close_by_recheck, close_item, verify_item
from casereview.rectify.ledger import get_periods, list_items, plan_notice, set_periods
from casereview.rectify.model import ItemStatus, ObjectionStatus, RectifyItem
from casereview.rectify.objections import decide_objection, file_objection
from casereview.review.audit import audit_trail
from casereview.review.records import AuditAction
from casereview.review.service import review_case
from casereview.review.store import load_review


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Flow]:
    tmp = tmp_path_factory.mktemp("rectify_unit")
    path = tmp / "built.db"
    with open_database(f"sqlite:///{path}") as database:
        flow = setup_session(database, make_files(tmp / "cases"))
        send_notices(flow, tmp / "通知书")
    return path, flow


@pytest.fixture
def flow(built: tuple[Path, Flow], tmp_path: Path) -> Iterator[Flow]:
    source, made = built
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy(f"{source}{suffix}", f"{tmp_path / 'r.db'}{suffix}")
    with open_database(f"sqlite:///{tmp_path / 'r.db'}") as database:
        yield Flow(database, made.session_id, made.case_ids)


def _items(flow: Flow) -> dict[str, RectifyItem]:
    with flow.database.session_scope(readonly=True) as session:
        return {i.item_id: i for i in list_items(session, flow.session_id, today=ISSUED)}


def _refused(error: pytest.ExceptionInfo[CaseReviewError], code: ErrorCode, *words: str) -> None:
    assert error.value.code is code, error.value
    message = describe(error.value)
    for word in words:
        assert word in message, message


# -- attachments ---------------------------------------------------------------------------------


def test_documents_that_open_are_read(tmp_path: Path) -> None:
    pdf = pymupdf.open()
    pdf.new_page().insert_text((72, 72), "report")
    pdf.save(tmp_path / "报告.pdf")
    Image.new("RGB", (40, 30), "white").save(tmp_path / "扫描件.png")
    for name, kind in (("报告.pdf", "pdf"), ("扫描件.png", "image")):
        read = read_attachment(tmp_path / name)
        assert (read.file_name, read.kind, read.size) == (name, kind, (tmp_path / name).stat().st_size)
    docx_file = read_attachment(write_report(tmp_path / "整改报告.docx"))
    assert docx_file.kind == "docx" and len(docx_file.sha256) == 64


def test_files_that_do_not_open_are_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "假报告.docx").write_bytes(b"PK\x03\x04 not really a zip")
    (tmp_path / "说明.txt").write_text("整改完毕", encoding="utf-8")
    (tmp_path / "空.pdf").write_bytes(b"")
    (tmp_path / "坏图.jpg").write_bytes(b"\xff\xd8\xff\xe0 truncated")
    locked = pymupdf.open()
    locked.new_page()
    locked.save(tmp_path / "加密.pdf", encryption=pymupdf.PDF_ENCRYPT_AES_256, user_pw="1", owner_pw="2")
    cases = {
        "假报告.docx": "DOCX",
        "说明.txt": "不支持",
        "空.pdf": "空",
        "坏图.jpg": "图片",
        "加密.pdf": "加密",
        "不存在.pdf": "不存在",
    }
    for name, reason in cases.items():
        with pytest.raises(CaseReviewError) as error:
            read_attachment(tmp_path / name)
        _refused(error, ErrorCode.ATTACHMENT_UNREADABLE, name, reason)


# -- periods -------------------------------------------------------------------------------------


def test_periods_default_set_and_bounded(flow: Flow) -> None:
    with flow.database.session_scope() as session:
        assert (
            get_periods(session, flow.session_id).rectify_days,
            get_periods(session, flow.session_id).objection_days,
        ) == (30, 10)
        set_periods(session, flow.session_id, LEAD, rectify_days=15)
    with flow.database.session_scope(readonly=True) as session:
        periods = get_periods(session, flow.session_id)
        days, deadline, objection_days, _ = plan_notice(session, flow.session_id, ISSUED, WorkCalendar())
    assert (periods.rectify_days, periods.objection_days, days, objection_days) == (15, 10, 15, 10)
    assert deadline == WorkCalendar().add_working_days(ISSUED, 15)
    with pytest.raises(CaseReviewError) as error, flow.database.session_scope() as session:
        set_periods(session, flow.session_id, LEAD, objection_days=61)
    _refused(error, ErrorCode.RECTIFY_REFUSED, "异议期限", "61")
    # A deadline in a year without holiday data is refused, never counted Monday to Friday.
    with pytest.raises(CaseReviewError) as missing, flow.database.session_scope() as session:
        plan_notice(session, flow.session_id, dt.date(2026, 12, 20), WorkCalendar())
    _refused(missing, ErrorCode.RECTIFY_REFUSED, "2027", "整改期限")


def test_a_notice_sent_again_adds_no_item_twice(flow: Flow, tmp_path: Path) -> None:
    before = _items(flow)
    send_notices(flow, tmp_path / "again")
    with flow.database.session_scope(readonly=True) as session:
        after = list_items(session, flow.session_id, today=ISSUED)
    assert [(i.id, i.deadline) for i in after] == [(i.id, i.deadline) for i in before.values()]


# -- verification and closing --------------------------------------------------------------------


def test_verification_and_closing_rules(flow: Flow, tmp_path: Path) -> None:
    items = _items(flow)
    ja02, zt02 = items["JA-02"].id, items["ZT-02"].id
    db, sid = flow.database, flow.session_id
    with pytest.raises(CaseReviewError) as no_report, db.session_scope() as session:
        verify_item(session, sid, UNIT_A, ja02, ItemStatus.RECTIFIED, "", "乙")
    _refused(no_report, ErrorCode.RECTIFY_REFUSED, "尚未附整改报告")
    with pytest.raises(CaseReviewError) as no_note, db.session_scope() as session:
        verify_item(session, sid, UNIT_A, ja02, ItemStatus.NOT_RECTIFIED, " ", "乙")
    _refused(no_note, ErrorCode.RECTIFY_REFUSED, "未整改到位", "说明")
    with pytest.raises(CaseReviewError) as closing, db.session_scope() as session:
        close_item(session, sid, zt02, "", LEAD)
    _refused(closing, ErrorCode.RECTIFY_REFUSED, "销号", "说明")
    with pytest.raises(CaseReviewError) as wrong, db.session_scope() as session:
        close_item(session, sid, zt02, "不能补正", LEAD, unit=UNIT_B)
    _refused(wrong, ErrorCode.OTHER_UNIT, UNIT_A, UNIT_B)

    report = read_attachment(write_report(tmp_path / "整改报告.docx"))
    with db.session_scope() as session:
        attach_report(session, sid, UNIT_A, [ja02], report, "乙")
        verify_item(session, sid, UNIT_A, ja02, ItemStatus.NOT_RECTIFIED, "公示截图不清", "乙")
        close_item(session, sid, zt02, "无法补正，已说明原因并追责", LEAD, unit=UNIT_A)
    after = _items(flow)
    assert after["JA-02"].status is ItemStatus.NOT_RECTIFIED and after["JA-02"].note == "公示截图不清"
    assert after["ZT-02"].status is ItemStatus.CLOSED and after["ZT-02"].closed_by == LEAD
    with pytest.raises(CaseReviewError) as closed, db.session_scope() as session:
        verify_item(session, sid, UNIT_A, zt02, ItemStatus.RECTIFIED, "", "乙")
    _refused(closed, ErrorCode.RECTIFY_REFUSED, "已销号")
    with db.session_scope(readonly=True) as session:
        trail = audit_trail(session, after["JA-02"].case_id)
    steps = [e.after for e in trail if e.action is AuditAction.RECTIFY]
    assert any(isinstance(s, dict) and s.get("report") == "整改报告.docx" for s in steps)
    assert any(isinstance(s, dict) and s.get("status") == "not_rectified" for s in steps)


def test_attachments_are_append_only_on_sqlite(flow: Flow, tmp_path: Path) -> None:
    report = read_attachment(write_report(tmp_path / "整改报告.docx"))
    with flow.database.session_scope() as session:
        attach_report(session, flow.session_id, UNIT_A, [_items(flow)["JA-02"].id], report, "乙")
    for statement in ("UPDATE rectify_attachments SET file_name = 'x'", "DELETE FROM rectify_attachments"):
        with pytest.raises(StorageError), flow.database.session_scope() as session:
            session.execute(text(statement))
    with flow.database.session_scope(readonly=True) as session:
        assert session.scalar(select(RectifyAttachmentRow.file_name)) == "整改报告.docx"


def test_a_rechecked_case_closes_the_items_its_review_passes(flow: Flow, tmp_path: Path) -> None:
    """The unit corrects the case file with the veto (seed 3 printed again without the defect): its
    review passes ZT-02, so that item closes; JA-02 (another case) stays open."""
    corrected, _truth = generate_case(tmp_path, "r3_corrected", kind="digital", seed=3)
    analysis = open_case(corrected, flow.database)
    assert analysis.case_id is not None and analysis.case_id != flow.case_ids["ZT-02"]
    review_id = review_case(flow.database, analysis.case_id, Checker.create(), "乙")
    items = _items(flow)
    with flow.database.session_scope() as session:
        closed = close_by_recheck(session, flow.session_id, items["ZT-02"].case_id, review_id, LEAD)
    assert closed == [items["ZT-02"].id]
    after = _items(flow)
    assert after["ZT-02"].status is ItemStatus.CLOSED and after["ZT-02"].recheck_review_id == review_id
    assert after["JA-02"].status is ItemStatus.OPEN


# -- objections ----------------------------------------------------------------------------------


def test_objection_refusals_write_nothing(flow: Flow) -> None:
    db, sid = flow.database, flow.session_id
    zt_case = flow.case_ids["ZT-02"]
    with pytest.raises(CaseReviewError) as no_reason, db.session_scope() as session:
        file_objection(session, sid, zt_case, "ZT-02", "  ", ISSUED, UNIT_A)
    _refused(no_reason, ErrorCode.RECTIFY_REFUSED, "异议必须填写理由")
    with pytest.raises(CaseReviewError) as unknown, db.session_scope() as session:
        file_objection(session, sid, zt_case, "XX-99", "理由", ISSUED, UNIT_A)
    _refused(unknown, ErrorCode.RECTIFY_REFUSED, "XX-99")
    with db.session_scope() as session:
        objection_id = file_objection(session, sid, zt_case, "ZT-02", "执法人员均持证", ISSUED, UNIT_A)
    with pytest.raises(CaseReviewError) as twice, db.session_scope() as session:
        file_objection(session, sid, zt_case, "ZT-02", "再次提出", ISSUED, UNIT_A)
    _refused(twice, ErrorCode.RECTIFY_REFUSED, f"#{objection_id}")
    with db.session_scope(readonly=True) as session:
        review_id = session.scalar(select(ObjectionRow.review_id))
        decisions = session.scalar(select(func.count()).select_from(ReviewDecisionRow))
    assert review_id is not None
    refusals = [
        (("丁", ObjectionStatus.UPHELD, None), ErrorCode.RECTIFY_REFUSED, "丁"),
        (("乙", ObjectionStatus.CHANGED, None), ErrorCode.RECTIFY_REFUSED, "0 至 6 分"),
        (("乙", ObjectionStatus.CHANGED, 6.5), ErrorCode.RECTIFY_REFUSED, "0 至 6 分"),
        (("乙", ObjectionStatus.CHANGED, 2.0), ErrorCode.RECTIFY_REFUSED, "相同"),
        (("甲", ObjectionStatus.CHANGED, 0.0), ErrorCode.OWN_FINDING, "甲"),
    ]
    with pytest.raises(CaseReviewError) as elsewhere, db.session_scope() as session:
        decide_objection(session, objection_id, ObjectionStatus.UPHELD, "意见", LEAD, session_id=sid + 1)
    _refused(elsewhere, ErrorCode.RECTIFY_REFUSED, f"没有编号为 {objection_id} 的异议")
    for (who, verdict, deduction), code, word in refusals:
        with pytest.raises(CaseReviewError) as error, db.session_scope() as session:
            decide_objection(session, objection_id, verdict, "复核意见", who, deduction=deduction)
        _refused(error, code, word)
    with db.session_scope(readonly=True) as session:
        assert session.scalar(select(func.count()).select_from(ReviewDecisionRow)) == decisions
        assert load_review(session, review_id).summary.grade == "不合格"
        assert session.scalar(select(ObjectionRow.status)) == "pending"
    with db.session_scope() as session:
        decide_objection(session, objection_id, ObjectionStatus.UPHELD, "证号确未记载", LEAD)
    with pytest.raises(CaseReviewError) as again, db.session_scope() as session:
        decide_objection(session, objection_id, ObjectionStatus.UPHELD, "再议", "乙")
    _refused(again, ErrorCode.RECTIFY_REFUSED, "已复核", "维持")


def test_objection_of_a_unit_without_a_notice_is_refused(tmp_path: Path, built: tuple[Path, Flow]) -> None:
    with open_database(f"sqlite:///{tmp_path / 'fresh.db'}") as database:
        flow = setup_session(database, make_files(tmp_path / "cases"))
        with pytest.raises(CaseReviewError) as error, database.session_scope() as session:
            file_objection(session, flow.session_id, flow.case_ids["JA-02"], "JA-02", "理由", ISSUED, UNIT_A)
    _refused(error, ErrorCode.RECTIFY_REFUSED, "尚未向", UNIT_A)
