"""The rectification ledger (整改台账): notices sent, their items, reports, verification, closing.

Functions take a SQLAlchemy session (call inside one ``Database.session_scope()``, so a refused
step writes nothing) and raise :class:`RectifyError` for what the user must correct. Every change
is audited (action ``rectify``) in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.calendar.workdays import CalendarDataMissing, WorkCalendar
from casereview.db.rectify_models import (
    RectifyAttachmentRow,
    RectifyItemRow,
    RectifyNoticeRow,
    RectifyReportLinkRow,
    RectifySettingsRow,
)
from casereview.errors import ErrorCode, RectifyError
from casereview.rectify.model import (
    MAX_DAYS,
    OWED,
    ItemStatus,
    NewProblem,
    NoticeRecord,
    Periods,
    RectifyItem,
)
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction
from casereview.sessions.store import get_session

REPORT = "report"  # RectifyAttachmentRow.purpose of a 整改报告
_EPS = 1e-6


def refused(why: str, **detail: object) -> RectifyError:
    return RectifyError(ErrorCode.RECTIFY_REFUSED, "", why=why, **detail)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# -- periods and deadlines -----------------------------------------------------------------------


def get_periods(session: Session, session_id: int) -> Periods:
    row = session.get(RectifySettingsRow, session_id)
    return Periods() if row is None else Periods(row.rectify_days, row.objection_days)


def _check_days(days: int, what: str) -> None:
    if not 1 <= days <= MAX_DAYS:
        raise refused("bad_days", what=what, days=days)


def set_periods(
    session: Session,
    session_id: int,
    actor: str,
    *,
    rectify_days: int | None = None,
    objection_days: int | None = None,
) -> Periods:
    """Set a session's periods (working days from the notice date) for notices recorded later."""
    get_session(session, session_id)
    before = get_periods(session, session_id)
    after = Periods(
        before.rectify_days if rectify_days is None else rectify_days,
        before.objection_days if objection_days is None else objection_days,
    )
    _check_days(after.rectify_days, "整改期限")
    _check_days(after.objection_days, "异议期限")
    row = session.get(RectifySettingsRow, session_id, with_for_update=True)
    if row is None:
        session.add(RectifySettingsRow(session_id=session_id, **vars(after)))
    else:
        row.rectify_days, row.objection_days = after.rectify_days, after.objection_days
    session.flush()
    write_audit(
        session,
        AuditAction.RECTIFY,
        actor,
        before={"session_id": session_id, "periods": vars(before)},
        after={"session_id": session_id, "periods": vars(after)},
    )
    return after


def add_working_days(calendar: WorkCalendar, start: dt.date, days: int, what: str) -> dt.date:
    try:
        return calendar.add_working_days(start, days)
    except CalendarDataMissing as exc:
        raise refused("calendar_missing", year=exc.year, what=what) from exc


# -- notices -------------------------------------------------------------------------------------


def _notice(row: RectifyNoticeRow) -> NoticeRecord:
    return NoticeRecord(
        row.id,
        row.session_id,
        row.unit,
        row.doc_number,
        row.issued,
        row.rectify_days,
        row.deadline,
        row.objection_days,
        row.objection_deadline,
        row.recorded_by,
    )


def plan_notice(
    session: Session,
    session_id: int,
    issued: dt.date,
    calendar: WorkCalendar,
    *,
    rectify_days: int | None = None,
) -> tuple[int, dt.date, int, dt.date]:
    """(rectify days, deadline, objection days, objection deadline) of a notice issued on
    ``issued``: the session's periods unless ``rectify_days`` is given for this notice."""
    periods = get_periods(session, session_id)
    days = periods.rectify_days if rectify_days is None else rectify_days
    _check_days(days, "整改期限")
    deadline = add_working_days(calendar, issued, days, "整改期限")
    objection = add_working_days(calendar, issued, periods.objection_days, "异议期限")
    return days, deadline, periods.objection_days, objection


def record_notice(
    session: Session,
    session_id: int,
    unit: str,
    issued: dt.date,
    doc_number: str,
    problems: Sequence[NewProblem],
    actor: str,
    calendar: WorkCalendar,
    *,
    rectify_days: int | None = None,
) -> NoticeRecord:
    """Record that a notice was sent to ``unit``: one ledger item per problem, all with the
    notice's deadline. A problem already in the ledger (the same case and item, from an earlier
    notice of the session) is not added again: a notice sent anew keeps the first deadline."""
    get_session(session, session_id)
    days, deadline, objection_days, objection = plan_notice(
        session, session_id, issued, calendar, rectify_days=rectify_days
    )
    now = _now()
    row = RectifyNoticeRow(
        session_id=session_id,
        unit=unit,
        doc_number=doc_number,
        issued=issued,
        rectify_days=days,
        deadline=deadline,
        objection_days=objection_days,
        objection_deadline=objection,
        recorded_by=actor,
        recorded_at=now,
    )
    session.add(row)
    session.flush()
    query = select(RectifyItemRow.case_id, RectifyItemRow.item_id)
    rows = session.execute(query.where(RectifyItemRow.session_id == session_id))
    known = {(case_id, item_id) for case_id, item_id in rows}
    problems = [p for p in problems if (p.case_id, p.item_id) not in known]
    for problem in problems:
        session.add(
            RectifyItemRow(
                notice_id=row.id,
                session_id=session_id,
                case_id=problem.case_id,
                review_id=problem.review_id,
                unit=unit,
                item_id=problem.item_id,
                title=problem.title,
                rules=list(problem.rules),
                reason=problem.reason,
                deadline=deadline,
                status=ItemStatus.OPEN.value,
                note="",
                version=1,
            )
        )
    session.flush()
    after = {"notice_id": row.id, "session_id": session_id, "unit": unit, "issued": issued.isoformat()}
    after |= {"deadline": deadline.isoformat(), "objection_deadline": objection.isoformat()}
    after |= {"items": len(problems), "doc_number": doc_number}
    write_audit(session, AuditAction.RECTIFY, actor, after=after, at=now)
    return _notice(row)


def unit_notice(session: Session, session_id: int, unit: str) -> NoticeRecord | None:
    """The latest notice recorded for ``unit`` in the session."""
    row = session.scalars(
        select(RectifyNoticeRow)
        .where((RectifyNoticeRow.session_id == session_id) & (RectifyNoticeRow.unit == unit))
        .order_by(RectifyNoticeRow.id.desc())
        .limit(1)
    ).first()
    return None if row is None else _notice(row)


def notices(session: Session, session_id: int) -> list[NoticeRecord]:
    query = select(RectifyNoticeRow).where(RectifyNoticeRow.session_id == session_id)
    return [_notice(r) for r in session.scalars(query.order_by(RectifyNoticeRow.id))]


# -- listing -------------------------------------------------------------------------------------


def _overdue_days(row: Any, today: dt.date, calendar: WorkCalendar, memo: dict[dt.date, int]) -> int | None:
    if ItemStatus(row.status) not in OWED or today <= row.deadline:
        return None
    if row.deadline not in memo:  # a session has a few deadlines (one per notice), thousands of items
        try:
            memo[row.deadline] = max(calendar.working_days_between(row.deadline, today), 1)
        except CalendarDataMissing:  # overdue in any case; counted in calendar days
            memo[row.deadline] = max((today - row.deadline).days, 1)
    return memo[row.deadline]


def list_items(
    session: Session,
    session_id: int,
    *,
    unit: str | None = None,
    statuses: Collection[ItemStatus] = (),
    case_id: int | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
    calendar: WorkCalendar | None = None,
) -> list[RectifyItem]:
    """The session's items (of one unit, case or status; only the overdue ones), in notice order,
    with their reports' file names and, for overdue ones, the working days past the deadline.
    Two queries whatever the number of items."""
    today = today or dt.date.today()
    calendar = calendar or WorkCalendar.default()
    # Plain rows, not ORM entities: a year's ledger is thousands of items, read-only here.
    query = select(*RectifyItemRow.__table__.c).where(RectifyItemRow.session_id == session_id)
    if unit is not None:
        query = query.where(RectifyItemRow.unit == unit)
    if case_id is not None:
        query = query.where(RectifyItemRow.case_id == case_id)
    if statuses:
        query = query.where(RectifyItemRow.status.in_([s.value for s in statuses]))
    if overdue:
        query = query.where(RectifyItemRow.status.in_([s.value for s in OWED]))
        query = query.where(RectifyItemRow.deadline < today)
    rows: list[Any] = list(session.execute(query.order_by(RectifyItemRow.id)))
    reports: dict[int, list[str]] = {}
    if rows:
        links = session.execute(
            select(RectifyReportLinkRow.item_id, RectifyAttachmentRow.file_name)
            .join(RectifyAttachmentRow, RectifyAttachmentRow.id == RectifyReportLinkRow.attachment_id)
            .where(RectifyAttachmentRow.session_id == session_id)
            .order_by(RectifyReportLinkRow.id)
        )
        for item_id, name in links:
            reports.setdefault(item_id, []).append(name)
    memo: dict[dt.date, int] = {}
    return [_item(r, reports.get(r.id, []), _overdue_days(r, today, calendar, memo)) for r in rows]


def _item(row: Any, reports: Sequence[str], overdue_days: int | None) -> RectifyItem:
    return RectifyItem(
        row.id,
        row.notice_id,
        row.case_id,
        row.review_id,
        row.unit,
        row.item_id,
        row.title,
        tuple(row.rules),
        row.reason,
        row.deadline,
        ItemStatus(row.status),
        row.note,
        row.verified_by,
        row.closed_by,
        row.recheck_review_id,
        tuple(reports),
        overdue_days,
    )


def status_counts(items: Sequence[RectifyItem]) -> dict[ItemStatus, int]:
    counts = dict.fromkeys(ItemStatus, 0)
    for item in items:
        counts[item.status] += 1
    return counts
