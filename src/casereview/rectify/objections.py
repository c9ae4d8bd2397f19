"""Objections (异议) of a unit to an item of its case, and their re-review (复核).

A unit objects within the period its notice states (working days from the notice date); the
lead or a reviewer other than the one who made the original finding decides 维持 or 变更. A 变更
is a reviewer decision on the review that counts for the case, recorded through
:func:`casereview.review.service.decide_in` — the normal decision path, audited and re-scored — so
the new score and grade show in every export. Call inside one ``Database.session_scope()``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from casereview.db.rectify_models import (
    ObjectionAttachmentRow,
    ObjectionRow,
    RectifyAttachmentRow,
    RectifyItemRow,
)
from casereview.db.review_models import ReviewRow
from casereview.errors import ErrorCode, RectifyError
from casereview.rectify.items import close_item, store_attachment
from casereview.rectify.ledger import refused, unit_notice
from casereview.rectify.model import AttachmentFile, ItemStatus, Objection, ObjectionStatus
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction
from casereview.review.service import current_sheet_in, decide_in
from casereview.review.store import load_review
from casereview.scoring import ItemResult, ScoreSheet
from casereview.scoring.model import DecisionKind, ReviewerDecision
from casereview.sessions.model import SessionInfo
from casereview.sessions.store import case_in_session, get_session, reviewers
from casereview.standards.registry import installed_standards
from casereview.standards.schema import Standard

OBJECTION = "objection"  # RectifyAttachmentRow.purpose of an objection's material
CHANGE_PREFIX = "异议复核变更"
# ``outcome`` of a reviewer's copy of a lead's objection (opened from an offline review package):
# the lead's objection id under this key. The copy has no counted review here, so a 变更 only
# records the new deduction; the score changes when the lead merges the decision.
ORIGIN = "origin"
_EPS = 1e-6


def offline_origin(outcome: object) -> int | None:
    """The lead's objection id when ``outcome`` is that of an offline copy; None otherwise."""
    if isinstance(outcome, dict) and isinstance(outcome.get(ORIGIN), int):
        return int(outcome[ORIGIN])
    return None


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def counted_review(session: Session, info: SessionInfo, case_id: int) -> int:
    """The review that counts for a session case: the settled one, else the newest under the
    session's standard."""
    case = case_in_session(session, info.id, case_id)
    if case is None:
        raise refused("not_in_session", case=case_id, session=info.name)
    if case.final_review_id is not None:
        return case.final_review_id
    newest = session.scalar(
        select(func.max(ReviewRow.id)).where(
            (ReviewRow.case_id == case_id) & (ReviewRow.standard_id == info.standard_id)
        )
    )
    if newest is None:
        raise refused("no_review", case=case_id)
    return int(newest)


def _item(sheet: ScoreSheet, item_id: str) -> ItemResult:
    found = next((i for i in sheet.items if i.item_id == item_id), None)
    if found is None:
        raise refused("unknown_item", standard=sheet.standard_id, item=item_id)
    return found


def file_objection(
    session: Session,
    session_id: int,
    case_id: int,
    item_id: str,
    reason: str,
    filed_on: dt.date,
    filed_by: str,
    attachments: Sequence[AttachmentFile] = (),
    standards: Mapping[str, Standard] | None = None,
) -> int:
    """Record a unit's objection to ``item_id`` of its case; refused after the objection
    deadline of the unit's notice (naming the date and the deadline), without a reason, or while
    another objection to the same item waits. Returns the objection's id."""
    info = get_session(session, session_id)
    case = case_in_session(session, session_id, case_id)
    if case is None:
        raise refused("not_in_session", case=case_id, session=info.name)
    if not reason.strip():
        raise refused("reason_required", what="异议")
    notice = unit_notice(session, session_id, case.unit)
    if notice is None:
        raise refused("no_notice", session=info.name, unit=case.unit)
    if filed_on > notice.objection_deadline:
        raise RectifyError(
            ErrorCode.OBJECTION_LATE,
            "",
            date=filed_on.isoformat(),
            deadline=notice.objection_deadline.isoformat(),
            issued=notice.issued.isoformat(),
            days=notice.objection_days,
        )
    review_id = counted_review(session, info, case_id)
    item = _item(current_sheet_in(session, review_id, standards), item_id)
    waiting = session.scalar(
        select(ObjectionRow.id).where(
            (ObjectionRow.session_id == session_id)
            & (ObjectionRow.case_id == case_id)
            & (ObjectionRow.item_id == item_id)
            & (ObjectionRow.status == ObjectionStatus.PENDING.value)
        )
    )
    if waiting is not None:
        raise refused("pending_objection", case=case_id, item=item_id, objection=waiting)
    original = (
        item.decision.reviewer
        if item.decision is not None
        else load_review(session, review_id).summary.reviewer
    )
    row = ObjectionRow(
        session_id=session_id,
        case_id=case_id,
        review_id=review_id,
        unit=case.unit,
        item_id=item_id,
        reason=reason.strip(),
        filed_on=filed_on,
        deadline=notice.objection_deadline,
        filed_by=filed_by,
        original_reviewer=original,
        original_deduction=item.deduction,
        status=ObjectionStatus.PENDING.value,
        version=1,
    )
    session.add(row)
    session.flush()
    for file in attachments:
        attachment_id = store_attachment(session, session_id, case.unit, OBJECTION, file, filed_by)
        session.add(ObjectionAttachmentRow(objection_id=row.id, attachment_id=attachment_id))
    session.flush()
    after = {"objection": row.id, "filed_on": filed_on.isoformat(), "reason": row.reason}
    after |= {
        "deadline": notice.objection_deadline.isoformat(),
        "attachments": [f.file_name for f in attachments],
    }
    write_audit(
        session,
        AuditAction.OBJECTION,
        filed_by,
        review_id=review_id,
        case_id=case_id,
        item_id=item_id,
        after=after,
    )
    return row.id


def _check_decider(session: Session, info: SessionInfo, row: ObjectionRow, decider: str) -> None:
    if decider == row.original_reviewer:
        raise RectifyError(ErrorCode.OWN_FINDING, "", person=decider, case=row.case_id, item=row.item_id)
    if decider != info.lead and decider not in {r.name for r in reviewers(session, info.id)}:
        raise refused("not_member", person=decider)


def decide_objection(
    session: Session,
    objection_id: int,
    verdict: ObjectionStatus,
    reason: str,
    decider: str,
    *,
    deduction: float | None = None,
    standards: Mapping[str, Standard] | None = None,
    session_id: int | None = None,
) -> Objection:
    """维持 (the finding stands) or 变更 (``deduction``: the item's new points off, through the
    normal decision path). Refused for the reviewer of the original finding, someone outside the
    session, a missing reason, an objection already decided or (``session_id`` given) one of
    another session."""
    row = session.get(ObjectionRow, objection_id, with_for_update=True, populate_existing=True)
    if row is None or session_id not in (None, row.session_id):
        raise refused("no_objection", objection=objection_id)
    info = get_session(session, row.session_id)
    if row.status != ObjectionStatus.PENDING.value:
        raise refused("decided", objection=row.id, status=ObjectionStatus(row.status).label)
    if verdict is ObjectionStatus.PENDING:
        raise refused("bad_verdict", verdict=verdict.label)
    decider = decider.strip()
    _check_decider(session, info, row, decider)
    if not reason.strip():
        raise refused("reason_required", what="复核意见")
    origin = offline_origin(row.outcome)
    outcome: dict[str, object] | None = None if origin is None else dict(row.outcome)
    if verdict is ObjectionStatus.CHANGED and origin is not None:
        outcome = (outcome or {}) | _offline_change(row, info, deduction, standards)
    elif verdict is ObjectionStatus.CHANGED:
        outcome = _change(session, row, reason.strip(), decider, deduction, standards)
    now = _now()
    values = {"status": verdict.value, "decision_reason": reason.strip(), "decided_by": decider}
    session.execute(
        update(ObjectionRow)
        .where(ObjectionRow.id == row.id)
        .values(**values, decided_at=now, outcome=outcome, version=ObjectionRow.version + 1),
        execution_options={"synchronize_session": False},
    )
    write_audit(
        session,
        AuditAction.OBJECTION,
        decider,
        review_id=row.review_id,
        case_id=row.case_id,
        item_id=row.item_id,
        before={"objection": row.id, "status": row.status},
        after={"objection": row.id, **values, "outcome": outcome},
        at=now,
    )
    return get_objection(session, row.id)


def _offline_change(
    row: ObjectionRow, info: SessionInfo, deduction: float | None, standards: Mapping[str, Standard] | None
) -> dict[str, object]:
    """A reviewer's 变更 on an offline copy: checked against the item's points, nothing re-scored."""
    standard = (standards or {}).get(info.standard_id) or installed_standards().get(info.standard_id)
    if standard is None or row.item_id not in {i.id for i in standard.items}:
        raise refused("unknown_item", standard=info.standard_id, item=row.item_id)
    points = standard.item(row.item_id).points
    if deduction is None or not -_EPS <= deduction <= points + _EPS:
        raise refused("bad_deduction", points=f"{points:g}")
    if abs(deduction - row.original_deduction) <= _EPS:
        raise refused("same_deduction", deduction=f"{row.original_deduction:g}")
    return {"old_deduction": row.original_deduction, "new_deduction": float(deduction), "offline": True}


def _change(
    session: Session,
    row: ObjectionRow,
    reason: str,
    decider: str,
    deduction: float | None,
    standards: Mapping[str, Standard] | None,
) -> dict[str, object]:
    if row.review_id is None:
        raise refused("no_review", case=row.case_id)
    before = current_sheet_in(session, row.review_id, standards)
    points = _item(before, row.item_id).points
    if deduction is None or not -_EPS <= deduction <= points + _EPS:
        raise refused("bad_deduction", points=f"{points:g}")
    old = _item(before, row.item_id).deduction
    if abs(deduction - old) <= _EPS:
        raise refused("same_deduction", deduction=f"{old:g}")
    decision = ReviewerDecision(
        DecisionKind.OVERRIDE,
        decider,
        _now(),
        float(deduction),
        f"{CHANGE_PREFIX}（异议 #{row.id}）：{reason}",
    )
    after = decide_in(session, row.review_id, row.item_id, decision, decider, standards)
    if deduction <= _EPS:  # the problem is gone: its rectification item closes
        open_items = select(RectifyItemRow.id).where(
            (RectifyItemRow.session_id == row.session_id)
            & (RectifyItemRow.case_id == row.case_id)
            & (RectifyItemRow.item_id == row.item_id)
            & (RectifyItemRow.status != ItemStatus.CLOSED.value)
        )
        for item_id in list(session.scalars(open_items)):
            close_item(session, row.session_id, item_id, f"异议 #{row.id} 复核变更，该项不再扣分", decider)
    return {
        "old_deduction": old,
        "new_deduction": float(deduction),
        "old_score": before.score,
        "old_grade": before.grade,
        "new_score": after.score,
        "new_grade": after.grade,
    }


def _objection(row: ObjectionRow, files: Sequence[str]) -> Objection:
    return Objection(
        row.id,
        row.session_id,
        row.case_id,
        row.review_id,
        row.unit,
        row.item_id,
        row.reason,
        row.filed_on,
        row.deadline,
        row.filed_by,
        row.original_reviewer,
        row.original_deduction,
        ObjectionStatus(row.status),
        row.decision_reason,
        row.decided_by,
        row.outcome,
        tuple(files),
    )


def _files(session: Session, objection_ids: Sequence[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    if not objection_ids:
        return found
    rows = session.execute(
        select(ObjectionAttachmentRow.objection_id, RectifyAttachmentRow.file_name)
        .join(RectifyAttachmentRow, RectifyAttachmentRow.id == ObjectionAttachmentRow.attachment_id)
        .where(ObjectionAttachmentRow.objection_id.in_(list(objection_ids)))
        .order_by(ObjectionAttachmentRow.id)
    )
    for objection_id, name in rows:
        found.setdefault(objection_id, []).append(name)
    return found


def get_objection(session: Session, objection_id: int) -> Objection:
    row = session.get(ObjectionRow, objection_id, populate_existing=True)
    if row is None:
        raise refused("no_objection", objection=objection_id)
    return _objection(row, _files(session, [row.id]).get(row.id, []))


def list_objections(
    session: Session,
    session_id: int,
    *,
    unit: str | None = None,
    status: ObjectionStatus | None = None,
    case_id: int | None = None,
) -> list[Objection]:
    query = select(ObjectionRow).where(ObjectionRow.session_id == session_id)
    if unit is not None:
        query = query.where(ObjectionRow.unit == unit)
    if status is not None:
        query = query.where(ObjectionRow.status == status.value)
    if case_id is not None:
        query = query.where(ObjectionRow.case_id == case_id)
    rows = list(session.scalars(query.order_by(ObjectionRow.id)))
    files = _files(session, [r.id for r in rows])
    return [_objection(r, files.get(r.id, [])) for r in rows]
