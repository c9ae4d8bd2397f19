"""Changes to ledger items: a 整改报告 attached, an item verified, closed, or closed by the review
of a re-checked case file. Call inside one ``Database.session_scope()``: a refused step (an item of
another unit, a closed item, a missing note) raises :class:`RectifyError` before anything is kept.
Every change is audited (action ``rectify``) with the item's status before and after.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from casereview.db.rectify_models import RectifyAttachmentRow, RectifyItemRow, RectifyReportLinkRow
from casereview.errors import ErrorCode, RectifyError
from casereview.rectify.ledger import refused
from casereview.rectify.model import AttachmentFile, ItemStatus
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction
from casereview.review.service import current_sheet_in
from casereview.sessions.store import get_session
from casereview.standards.schema import Standard

REPORT = "report"  # RectifyAttachmentRow.purpose of a 整改报告
_EPS = 1e-6


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# -- changes -------------------------------------------------------------------------------------


def _lock_item(session: Session, session_id: int, item_id: int) -> RectifyItemRow:
    row = session.get(RectifyItemRow, item_id, with_for_update=True, populate_existing=True)
    if row is None or row.session_id != session_id:
        raise refused("no_item", item=item_id)
    return row


def _own(row: RectifyItemRow, unit: str, action: str) -> None:
    if row.unit != unit:
        raise RectifyError(
            ErrorCode.OTHER_UNIT, "", item=row.id, item_unit=row.unit, unit=unit, action=action
        )


def _change(session: Session, row: RectifyItemRow, actor: str, now: dt.datetime, **values: object) -> None:
    before = {"rectify_item": row.id, "status": row.status, "note": row.note}
    session.execute(
        update(RectifyItemRow)
        .where(RectifyItemRow.id == row.id)
        .values(**values, version=RectifyItemRow.version + 1),
        execution_options={"synchronize_session": False},
    )
    after = {"rectify_item": row.id} | {k: v for k, v in values.items() if not isinstance(v, dt.datetime)}
    write_audit(
        session,
        AuditAction.RECTIFY,
        actor,
        case_id=row.case_id,
        item_id=row.item_id,
        before=before,
        after=after,
        at=now,
    )


def store_attachment(
    session: Session, session_id: int, unit: str, purpose: str, file: AttachmentFile, actor: str
) -> int:
    row = RectifyAttachmentRow(
        session_id=session_id,
        unit=unit,
        purpose=purpose,
        file_name=file.file_name,
        kind=file.kind,
        sha256=file.sha256,
        size=file.size,
        content=file.content,
        attached_by=actor,
        attached_at=_now(),
    )
    session.add(row)
    session.flush()
    return row.id


def attach_report(
    session: Session,
    session_id: int,
    unit: str,
    item_ids: Sequence[int],
    file: AttachmentFile,
    actor: str,
) -> int:
    """Attach a unit's 整改报告 (already read and checked) to the items it answers; open and
    not-rectified items become 已报送. Refused for an item of another unit or a closed one."""
    if not item_ids:
        raise refused("no_items")
    now = _now()
    rows = [_lock_item(session, session_id, i) for i in dict.fromkeys(item_ids)]
    for row in rows:
        _own(row, unit, "附整改报告")
        if row.status == ItemStatus.CLOSED.value:
            raise refused("closed", item=row.id, action="附整改报告")
    attachment_id = store_attachment(session, session_id, unit, REPORT, file, actor)
    for row in rows:
        session.add(RectifyReportLinkRow(attachment_id=attachment_id, item_id=row.id))
        status = row.status
        if status in (ItemStatus.OPEN.value, ItemStatus.NOT_RECTIFIED.value):
            status = ItemStatus.REPORTED.value
        _change(session, row, actor, now, status=status, note=row.note)
        write_audit(
            session,
            AuditAction.RECTIFY,
            actor,
            case_id=row.case_id,
            item_id=row.item_id,
            after={
                "rectify_item": row.id,
                "report": file.file_name,
                "sha256": file.sha256,
                "size": file.size,
            },
            at=now,
        )
    session.flush()
    return attachment_id


def _has_report(session: Session, item_id: int) -> bool:
    query = select(RectifyReportLinkRow.id).where(RectifyReportLinkRow.item_id == item_id).limit(1)
    return session.scalar(query) is not None


def verify_item(
    session: Session, session_id: int, unit: str, item_id: int, status: ItemStatus, note: str, actor: str
) -> None:
    """The reviewer's finding on a unit's item: 已整改 (a report must answer it) or 未整改到位
    (a note saying what is missing is required)."""
    if status not in (ItemStatus.RECTIFIED, ItemStatus.NOT_RECTIFIED):
        raise refused("bad_status", status=status.label)
    row = _lock_item(session, session_id, item_id)
    _own(row, unit, "核查")
    if row.status == ItemStatus.CLOSED.value:
        raise refused("closed", item=row.id, action="核查")
    if status is ItemStatus.RECTIFIED and not _has_report(session, row.id):
        raise refused("no_report", item=row.id)
    if status is ItemStatus.NOT_RECTIFIED and not note.strip():
        raise refused("note_required", what="认定未整改到位")
    now = _now()
    _change(
        session, row, actor, now, status=status.value, note=note.strip(), verified_by=actor, verified_at=now
    )


def close_item(
    session: Session, session_id: int, item_id: int, note: str, actor: str, *, unit: str | None = None
) -> None:
    """销号: an item verified 已整改 closes as it is; any other needs a note saying why."""
    row = _lock_item(session, session_id, item_id)
    if unit is not None:
        _own(row, unit, "销号")
    if row.status == ItemStatus.CLOSED.value:
        raise refused("closed", item=row.id, action="销号")
    if row.status != ItemStatus.RECTIFIED.value and not note.strip():
        raise refused("note_required", what="未认定已整改的事项销号")
    now = _now()
    text = note.strip() or row.note
    _change(
        session, row, actor, now, status=ItemStatus.CLOSED.value, note=text, closed_by=actor, closed_at=now
    )


def close_by_recheck(
    session: Session,
    session_id: int,
    case_id: int,
    review_id: int,
    actor: str,
    standards: Mapping[str, Standard] | None = None,
) -> list[int]:
    """Link the review of a re-checked, corrected case file (a new version of ``case_id``) to the
    original case's items: those its review no longer deducts for close, the rest keep their
    status and the link. Returns the ids of the items closed."""
    info = get_session(session, session_id)
    sheet = current_sheet_in(session, review_id, standards)
    if sheet.standard_id != info.standard_id:
        raise refused("not_recheck", case=case_id, review=review_id)
    deductions = {i.item_id: i.deduction for i in sheet.items}
    closed: list[int] = []
    now = _now()
    query = select(RectifyItemRow).where(
        (RectifyItemRow.session_id == session_id)
        & (RectifyItemRow.case_id == case_id)
        & (RectifyItemRow.status != ItemStatus.CLOSED.value)
    )
    for row in list(session.scalars(query.order_by(RectifyItemRow.id))):
        lost = deductions.get(row.item_id)
        if lost is None or lost > _EPS:
            _change(session, row, actor, now, status=row.status, note=row.note, recheck_review_id=review_id)
            continue
        note = f"复查案卷评查 #{review_id} 该项不再扣分"
        _change(
            session,
            row,
            actor,
            now,
            status=ItemStatus.CLOSED.value,
            note=note,
            closed_by=actor,
            closed_at=now,
            recheck_review_id=review_id,
        )
        closed.append(row.id)
    return closed
