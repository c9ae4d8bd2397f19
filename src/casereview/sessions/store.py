"""Creating a review session, its reviewers and case files, and assigning the cases.

Functions take a SQLAlchemy session (call inside ``Database.session_scope()``) and raise
InputError (its Chinese sentence in casereview.messages) for what a lead must correct (a duplicate name, a reviewer from
the unit under review …). Every change is audited.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence

from sqlalchemy import func, select, true, update
from sqlalchemy.orm import Session

from casereview.db.cases import case_exists
from casereview.db.review_models import ReviewRow
from casereview.db.session_models import AssignmentRow, ReviewSessionRow, SessionCaseRow, SessionReviewerRow
from casereview.errors import InputError
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction, ReviewStatus
from casereview.sessions.model import (
    Assignment,
    CaseStatus,
    Reviewer,
    ReviewerProgress,
    SessionCase,
    SessionInfo,
)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _info(row: ReviewSessionRow) -> SessionInfo:
    return SessionInfo(
        row.id,
        row.name,
        row.year,
        row.standard_id,
        row.profile,
        row.double_review,
        row.blind,
        row.tolerance,
        row.lead,
        row.created_at,
        row.version,
        row.uid,
        row.lead_key,
    )


# -- sessions ------------------------------------------------------------------------------------


def create_session(
    session: Session,
    name: str,
    year: int,
    standard_id: str,
    lead: str,
    *,
    profile: str | None = None,
    double_review: bool = False,
    blind: bool = False,
    tolerance: float = 3.0,
    uid: str | None = None,
    lead_key: str | None = None,
) -> int:
    """A new session with a random id (``uid``: the id of the lead's session, for a reviewer's
    copy) and, when given, the lead's public signing key."""
    name = name.strip()
    if not name:
        raise InputError("session_name_missing")
    if session.scalar(select(ReviewSessionRow.id).where(ReviewSessionRow.name == name)) is not None:
        raise InputError("session_exists", name=name)
    if tolerance < 0:
        raise InputError("tolerance_negative", value=tolerance)
    row = ReviewSessionRow(
        name=name,
        year=year,
        standard_id=standard_id,
        profile=profile,
        double_review=double_review,
        blind=blind,
        tolerance=tolerance,
        lead=lead,
        created_at=_now(),
        version=1,
        uid=uid or uuid.uuid4().hex,
        lead_key=lead_key,
    )
    session.add(row)
    session.flush()
    after = {"name": name, "year": year, "standard": standard_id, "double_review": double_review}
    after |= {"session_id": row.id, "blind": blind, "uid": row.uid}
    write_audit(session, AuditAction.SESSION, lead, after=after)
    return row.id


def find_session(session: Session, name: str) -> SessionInfo:
    row = session.scalar(select(ReviewSessionRow).where(ReviewSessionRow.name == name.strip()))
    if row is None:
        raise InputError("unknown_session", name=name)
    return _info(row)


def find_session_by_uid(session: Session, uid: str) -> SessionInfo | None:
    row = session.scalar(select(ReviewSessionRow).where(ReviewSessionRow.uid == uid))
    return None if row is None else _info(row)


def get_session(session: Session, session_id: int) -> SessionInfo:
    row = session.get(ReviewSessionRow, session_id)
    if row is None:
        raise InputError("unknown_session_id", session=session_id)
    return _info(row)


def list_sessions(session: Session) -> list[SessionInfo]:
    return [_info(r) for r in session.scalars(select(ReviewSessionRow).order_by(ReviewSessionRow.id))]


# -- reviewers -----------------------------------------------------------------------------------


def add_reviewer(session: Session, session_id: int, name: str, unit: str | None = None) -> None:
    name = name.strip()
    if not name:
        raise InputError("reviewer_name_missing")
    exists = select(SessionReviewerRow.id).where(
        (SessionReviewerRow.session_id == session_id) & (SessionReviewerRow.name == name)
    )
    if session.scalar(exists) is not None:
        raise InputError("reviewer_exists", reviewer=name)
    session.add(SessionReviewerRow(session_id=session_id, name=name, unit=(unit or "").strip() or None))
    session.flush()


def reviewers(session: Session, session_id: int) -> list[Reviewer]:
    rows = session.scalars(
        select(SessionReviewerRow)
        .where(SessionReviewerRow.session_id == session_id)
        .order_by(SessionReviewerRow.id)
    )
    return [Reviewer(r.name, r.unit) for r in rows]


# -- cases ---------------------------------------------------------------------------------------


def add_case(session: Session, session_id: int, case_id: int, unit: str) -> int:
    """Put a stored case file into the session (again: its id is returned as is)."""
    get_session(session, session_id)
    if not case_exists(session, case_id):
        raise InputError("unknown_stored_case", case=case_id)
    found = session.scalar(
        select(SessionCaseRow.id).where(
            (SessionCaseRow.session_id == session_id) & (SessionCaseRow.case_id == case_id)
        )
    )
    if found is not None:
        return found
    row = SessionCaseRow(
        session_id=session_id, case_id=case_id, unit=unit.strip(), status=CaseStatus.PENDING.value, version=1
    )
    session.add(row)
    session.flush()
    return row.id


def session_cases(
    session: Session, session_id: int, *, unit: str | None = None, case_id: int | None = None
) -> list[SessionCase]:
    """The session's cases (of one unit, or the one of ``case_id``) with their assignments, in two
    queries (no query per case)."""
    query = select(SessionCaseRow).where(SessionCaseRow.session_id == session_id)
    if unit is not None:
        query = query.where(SessionCaseRow.unit == unit)
    if case_id is not None:
        query = query.where(SessionCaseRow.case_id == case_id)
    rows = list(session.scalars(query.order_by(SessionCaseRow.id)))
    filtered = unit is not None or case_id is not None
    by_case: dict[int, list[Assignment]] = {r.id: [] for r in rows}
    if rows:
        assignments = session.scalars(
            select(AssignmentRow)
            .join(SessionCaseRow, AssignmentRow.session_case_id == SessionCaseRow.id)
            .where(SessionCaseRow.session_id == session_id)
            .where(AssignmentRow.session_case_id.in_(list(by_case)) if filtered else true())
        )
        for a in assignments:
            if a.session_case_id in by_case:
                by_case[a.session_case_id].append(Assignment(a.slot, a.reviewer, a.review_id))
    return [
        SessionCase(
            r.id,
            r.case_id,
            r.unit,
            CaseStatus(r.status),
            r.final_review_id,
            r.version,
            tuple(sorted(by_case[r.id], key=lambda a: a.slot)),
        )
        for r in rows
    ]


def set_case_status(
    session: Session, session_case_id: int, status: CaseStatus, actor: str, final_review_id: int | None = None
) -> None:
    row = session.get(SessionCaseRow, session_case_id, with_for_update=True)
    if row is None:
        raise InputError("unknown_session_case", session_case=session_case_id)
    before = {"status": row.status, "final_review_id": row.final_review_id}
    values: dict[str, object] = {"status": status.value, "version": SessionCaseRow.version + 1}
    if final_review_id is not None:
        values["final_review_id"] = final_review_id
    session.execute(
        update(SessionCaseRow).where(SessionCaseRow.id == session_case_id).values(**values),
        execution_options={"synchronize_session": False},
    )
    after = {"status": status.value, "final_review_id": final_review_id or row.final_review_id}
    write_audit(session, AuditAction.SESSION, actor, case_id=row.case_id, before=before, after=after)


# -- assignment ----------------------------------------------------------------------------------


def assign(session: Session, session_case_id: int, reviewer: str, slot: int, actor: str) -> None:
    """Assign ``reviewer`` to slot 1 or 2 of a session case (by hand); refused for a reviewer of
    the unit under review, a reviewer already on the other slot, or a slot 2 in single review."""
    case = session.get(SessionCaseRow, session_case_id)
    if case is None:
        raise InputError("unknown_session_case", session_case=session_case_id)
    info = get_session(session, case.session_id)
    if slot not in range(1, info.reviews_per_case + 1):
        raise InputError("single_review_slot" if slot == 2 else "bad_slot", slot=slot)
    people = {r.name: r for r in reviewers(session, case.session_id)}
    if reviewer not in people:
        raise InputError("not_reviewer", reviewer=reviewer)
    if people[reviewer].unit and people[reviewer].unit == case.unit:
        raise InputError("reviewer_own_unit", reviewer=reviewer, unit=case.unit)
    rows = {
        a.slot: a
        for a in session.scalars(
            select(AssignmentRow).where(AssignmentRow.session_case_id == session_case_id)
        )
    }
    other = rows.get(3 - slot)
    if other is not None and other.reviewer == reviewer:
        raise InputError("same_reviewer_twice", reviewer=reviewer)
    before = None
    now = _now()
    if slot in rows:
        before = {"reviewer": rows[slot].reviewer, "slot": slot}
        rows[slot].reviewer, rows[slot].assigned_at, rows[slot].assigned_by = reviewer, now, actor
        rows[slot].review_id = None
    else:
        session.add(
            AssignmentRow(
                session_case_id=session_case_id,
                slot=slot,
                reviewer=reviewer,
                assigned_at=now,
                assigned_by=actor,
            )
        )
    session.flush()
    write_audit(
        session,
        AuditAction.ASSIGNMENT,
        actor,
        case_id=case.case_id,
        before=before,
        after={"reviewer": reviewer, "slot": slot, "session_id": case.session_id},
        at=now,
    )


def auto_assign(session: Session, session_id: int, actor: str) -> dict[str, int]:
    """Fill every empty slot: the least-loaded eligible reviewer first (never from the case's unit,
    never twice on one case), ties broken by name so the result is reproducible. Returns the load
    per reviewer; InputError when a case has no eligible reviewer left."""
    info = get_session(session, session_id)
    people = reviewers(session, session_id)
    if not people:
        raise InputError("no_reviewers")
    cases = session_cases(session, session_id)
    load: Counter[str] = Counter({p.name: 0 for p in people})
    for case in cases:
        load.update(a.reviewer for a in case.assignments)
    for case in cases:
        taken = {a.slot: a.reviewer for a in case.assignments}
        for slot in range(1, info.reviews_per_case + 1):
            if slot in taken:
                continue
            eligible = [
                p.name
                for p in people
                if not (p.unit and p.unit == case.unit) and p.name not in taken.values()
            ]
            if not eligible:
                raise InputError("no_eligible_reviewer", unit=case.unit)
            chosen = min(eligible, key=lambda name: (load[name], name))
            assign(session, case.id, chosen, slot, actor)
            taken[slot] = chosen
            load[chosen] += 1
    return dict(load)


def my_cases(session: Session, session_id: int, reviewer: str) -> list[SessionCase]:
    return [c for c in session_cases(session, session_id) if reviewer in c.reviewers()]


# -- linking reviews and progress ----------------------------------------------------------------


def case_in_session(session: Session, session_id: int, case_id: int) -> SessionCase | None:
    found = session_cases(session, session_id, case_id=case_id)
    return found[0] if found else None


def link_reviews(session: Session, session_id: int, case_id: int | None = None) -> int:
    """Attach each assignment to its reviewer's newest review of the case under the session's
    standard (made in the workstation or merged from a package); update the case statuses that
    follow from it (待评查 → 评查中). Returns how many assignments were linked now.
    ``case_id`` limits it to one case (the workstation after a reviewer opened it)."""
    info = get_session(session, session_id)
    linked = 0
    for case in session_cases(session, session_id, case_id=case_id):
        linked_here = 0
        for assignment in case.assignments:
            if assignment.review_id is not None:
                continue
            review_id = session.scalar(
                select(func.max(ReviewRow.id)).where(
                    (ReviewRow.case_id == case.case_id)
                    & (ReviewRow.reviewer == assignment.reviewer)
                    & (ReviewRow.standard_id == info.standard_id)
                )
            )
            if review_id is None:
                continue
            session.execute(
                update(AssignmentRow)
                .where((AssignmentRow.session_case_id == case.id) & (AssignmentRow.slot == assignment.slot))
                .values(review_id=review_id),
                execution_options={"synchronize_session": False},
            )
            linked_here += 1
        started = linked_here or any(a.review_id for a in case.assignments)
        if case.status is CaseStatus.PENDING and started:
            set_case_status(session, case.id, CaseStatus.REVIEWING, info.lead)
        linked += linked_here
    return linked


def progress(session: Session, session_id: int) -> list[ReviewerProgress]:
    """Per reviewer: cases assigned, reviews started, reviews marked done."""
    done_ids = set(session.scalars(select(ReviewRow.id).where(ReviewRow.status == ReviewStatus.DONE.value)))
    assigned: Counter[str] = Counter()
    started: Counter[str] = Counter()
    done: Counter[str] = Counter()
    for case in session_cases(session, session_id):
        for a in case.assignments:
            assigned[a.reviewer] += 1
            if a.review_id is not None:
                started[a.reviewer] += 1
                done[a.reviewer] += a.review_id in done_ids
    names: Iterable[str] = [r.name for r in reviewers(session, session_id)]
    return [ReviewerProgress(n, assigned[n], started[n], done[n]) for n in names]


def status_counts(cases: Sequence[SessionCase]) -> dict[CaseStatus, int]:
    counts = Counter(c.status for c in cases)
    return {status: counts.get(status, 0) for status in CaseStatus}
