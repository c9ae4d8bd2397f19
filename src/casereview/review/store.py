"""Storing reviews and reviewer decisions. Takes a session, returns the dataclasses of ``records``.

Call inside ``Database.session_scope()``. Every change bumps the review's ``version`` and appends
an audit row with the values before and after, in the same transaction as the change.

Decisions are append-only: a new decision (or a withdrawal row, kind ``withdrawn``) supersedes the
item's earlier ones by coming later; no decision row is ever updated. The current decision of an
item is its latest row by id, unless that row is a withdrawal.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from casereview.db.cases import case_exists
from casereview.db.failures import CONFLICT, NOT_FOUND
from casereview.db.review_models import ReviewDecisionRow, ReviewFindingRow, ReviewRow
from casereview.domain.findings import Finding
from casereview.errors import ErrorCode, InputError, StorageError
from casereview.review import codec
from casereview.review.audit import write_audit
from casereview.review.records import (
    AuditAction,
    ReviewStatus,
    ReviewSummary,
    StandardMeta,
    StoredDecision,
    StoredFinding,
    StoredReview,
)
from casereview.scoring.model import DecisionKind

WITHDRAWN = "withdrawn"  # the kind of a withdrawal row (not a DecisionKind: never scored)

REASON_REQUIRED = {  # the InputError problem of a decision without its reason
    DecisionKind.OVERRIDE: "override_reason_missing",
    DecisionKind.MANUAL: "manual_reason_missing",
}


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _not_found(**detail: object) -> StorageError:
    return StorageError(ErrorCode.STORAGE, "", {"reason": NOT_FOUND, **detail})


def create_review(
    session: Session,
    case_id: int,
    standard_meta: StandardMeta,
    profile: str,
    reviewer: str,
    findings: Sequence[Finding | StoredFinding],
    score: float,
    grade: str,
) -> int:
    """Store the machine's review of a case (its findings, score and grade) and return its id."""
    if not case_exists(session, case_id):
        raise _not_found(case_id=case_id)
    now = _now()
    values = {
        "case_id": case_id,
        "standard_id": standard_meta.id,
        "standard_version": standard_meta.version,
        "standard_hash": standard_meta.hash,
        "profile": profile,
        "reviewer": reviewer,
        "created_at": now,
        "updated_at": now,
        "machine_score": score,
        "machine_grade": grade,
        "score": score,
        "grade": grade,
        "status": ReviewStatus.IN_PROGRESS.value,
        "version": 1,
    }
    review_id: int = session.execute(insert(ReviewRow).values(**values).returning(ReviewRow.id)).scalar_one()
    rows = [
        codec.finding_row(review_id, seq, StoredFinding.from_finding(finding))
        for seq, finding in enumerate(findings)
    ]
    if rows:
        session.execute(insert(ReviewFindingRow), rows)
    after = {"standard": codec.standard_json(standard_meta), "profile": profile, "score": score}
    after |= {"grade": grade, "findings": len(rows)}
    write_audit(
        session,
        AuditAction.CREATE_REVIEW,
        reviewer,
        review_id=review_id,
        case_id=case_id,
        after=after,
        at=now,
    )
    return review_id


def validate_decision(decision: StoredDecision) -> None:
    """InputError for a decision that must not be stored (ValueError for an unknown kind: a bug).

    The same conditions as scoring's ReviewerDecision, so every stored decision can be scored:
    override and manual need a reason and a deduction (0 for none); manual needs its page.
    """
    kind = DecisionKind(decision.kind)  # ValueError for an unknown kind
    if not decision.item_id.strip():
        raise InputError("decision_no_item")
    if kind in REASON_REQUIRED and not decision.reason.strip():
        raise InputError(REASON_REQUIRED[kind])
    if decision.deduction is not None and decision.deduction < 0:
        raise InputError("deduction_negative")
    if kind is not DecisionKind.ACCEPT and decision.deduction is None:
        raise InputError("deduction_missing")
    if decision.bbox is not None and decision.page is None:
        raise InputError("region_without_page")
    if kind is DecisionKind.MANUAL and decision.page is None:
        raise InputError("manual_without_page")


def _lock_review(session: Session, review_id: int, expected_version: int | None) -> ReviewRow:
    # FOR UPDATE serialises writers on PostgreSQL; SQLite's BEGIN IMMEDIATE already does.
    row = session.get(ReviewRow, review_id, with_for_update=True, populate_existing=True)
    if row is None:
        raise _not_found(review_id=review_id)
    if expected_version is not None and row.version != expected_version:
        detail = {"reason": CONFLICT, "review_id": review_id, "version": row.version}
        raise StorageError(ErrorCode.STORAGE, "", detail | {"expected_version": expected_version})
    return row


def _latest_row(session: Session, review_id: int, item_id: str) -> ReviewDecisionRow | None:
    """The item's current decision row; None when it has none or the latest row withdrew it."""
    query = select(ReviewDecisionRow).where(
        (ReviewDecisionRow.review_id == review_id) & (ReviewDecisionRow.item_id == item_id)
    )
    row = session.scalars(query.order_by(ReviewDecisionRow.id.desc()).limit(1)).first()
    return None if row is None or row.kind == WITHDRAWN else row


def _touch(session: Session, review_id: int, now: dt.datetime, **values: object) -> None:
    statement = update(ReviewRow).where(ReviewRow.id == review_id)
    values |= {"updated_at": now, "version": ReviewRow.version + 1}
    session.execute(statement.values(**values), execution_options={"synchronize_session": False})


def record_decision(
    session: Session,
    review_id: int,
    decision: StoredDecision,
    actor: str,
    *,
    expected_version: int | None = None,
) -> None:
    """Append a reviewer's decision; an earlier active decision on the same item is superseded.

    Raises InputError for a missing item or a missing reason on override/manual (ValueError for an
    unknown kind, a bug); StorageError ``not_found`` for an unknown review and ``conflict`` when
    ``expected_version`` is given and the review changed since it was read.
    """
    validate_decision(decision)
    review = _lock_review(session, review_id, expected_version)
    now = _now()
    stored = StoredDecision(
        kind=DecisionKind(decision.kind),
        item_id=decision.item_id,
        deduction=decision.deduction,
        reason=decision.reason.strip(),
        page=decision.page,
        bbox=decision.bbox,
        reviewer=decision.reviewer or actor,
        decided_at=decision.decided_at or now,
    )
    latest = _latest_row(session, review_id, stored.item_id)
    before = codec.decision_json(codec.decision_from(latest)) if latest is not None else None
    session.execute(insert(ReviewDecisionRow).values(codec.decision_row(review_id, stored)))
    _touch(session, review_id, now)
    write_audit(
        session,
        AuditAction.DECISION,
        actor,
        review_id=review_id,
        case_id=review.case_id,
        item_id=stored.item_id,
        before=before,
        after=codec.decision_json(stored),
        at=now,
    )


def withdraw_decision(
    session: Session, review_id: int, item_id: str, actor: str, *, expected_version: int | None = None
) -> bool:
    """Take back the active decision on ``item_id`` (undo): the machine's proposal stands again.

    The decision row stays; a withdrawal row is appended after it. The audit log records before and
    ``None`` after; False when the item had no active decision (nothing is written then).
    """
    review = _lock_review(session, review_id, expected_version)
    latest = _latest_row(session, review_id, item_id)
    if latest is None:
        return False
    now = _now()
    before = codec.decision_json(codec.decision_from(latest))
    withdrawal = {"review_id": review_id, "item_id": item_id, "kind": WITHDRAWN, "reviewer": actor}
    session.execute(insert(ReviewDecisionRow).values(**withdrawal, decided_at=now))
    _touch(session, review_id, now)
    write_audit(
        session,
        AuditAction.WITHDRAW,
        actor,
        review_id=review_id,
        case_id=review.case_id,
        item_id=item_id,
        before=before,
        after=None,
        at=now,
    )
    return True


def replace_findings(
    session: Session,
    review_id: int,
    findings: Sequence[Finding | StoredFinding],
    machine_score: float,
    machine_grade: str,
    actor: str,
    *,
    expected_version: int | None = None,
) -> None:
    """Store the findings of a re-run of the rules (after a field correction) in place of the old.

    The audit row keeps each rule's status before and after, so the trail explains why a
    deduction appeared or went away.
    """
    review = _lock_review(session, review_id, expected_version)
    old = session.scalars(
        select(ReviewFindingRow).where(ReviewFindingRow.review_id == review_id).order_by(ReviewFindingRow.seq)
    ).all()
    before = {row.rule: row.status for row in old}
    before_score = {"machine_score": review.machine_score, "machine_grade": review.machine_grade}
    session.execute(
        delete(ReviewFindingRow).where(ReviewFindingRow.review_id == review_id),
        execution_options={"synchronize_session": False},
    )
    stored = [StoredFinding.from_finding(f) for f in findings]
    rows = [codec.finding_row(review_id, seq, finding) for seq, finding in enumerate(stored)]
    if rows:
        session.execute(insert(ReviewFindingRow), rows)
    now = _now()
    _touch(session, review_id, now, machine_score=machine_score, machine_grade=machine_grade)
    after = {f.rule: f.status.value for f in stored}
    write_audit(
        session,
        AuditAction.FINDINGS,
        actor,
        review_id=review_id,
        case_id=review.case_id,
        before={"findings": before, **before_score},
        after={"findings": after, "machine_score": machine_score, "machine_grade": machine_grade},
        at=now,
    )


def update_review_score(
    session: Session,
    review_id: int,
    score: float,
    grade: str,
    actor: str,
    *,
    action: AuditAction | None = None,
) -> None:
    """Store the score and grade after the reviewer's decisions (the machine's stay as they were)."""
    review = _lock_review(session, review_id, None)
    before = {"score": review.score, "grade": review.grade}
    now = _now()
    _touch(session, review_id, now, score=score, grade=grade)
    write_audit(
        session,
        action or AuditAction.SCORE,
        actor,
        review_id=review_id,
        case_id=review.case_id,
        before=before,
        after={"score": score, "grade": grade},
        at=now,
    )


def set_review_status(session: Session, review_id: int, status: ReviewStatus, actor: str) -> None:
    review = _lock_review(session, review_id, None)
    before = {"status": review.status}
    now = _now()
    _touch(session, review_id, now, status=ReviewStatus(status).value)
    write_audit(
        session,
        AuditAction.STATUS,
        actor,
        review_id=review_id,
        case_id=review.case_id,
        before=before,
        after={"status": ReviewStatus(status).value},
        at=now,
    )


def load_review(session: Session, review_id: int) -> StoredReview:
    """A stored review with its findings and decisions; StorageError ``not_found`` if absent."""
    row = session.get(ReviewRow, review_id, populate_existing=True)
    if row is None:
        raise _not_found(review_id=review_id)
    findings = session.scalars(
        select(ReviewFindingRow).where(ReviewFindingRow.review_id == review_id).order_by(ReviewFindingRow.seq)
    )
    decisions = session.scalars(
        select(ReviewDecisionRow)
        .where(ReviewDecisionRow.review_id == review_id)
        .order_by(ReviewDecisionRow.id)
    )
    rows = list(decisions)
    # A row is superseded by any later row of its item (a decision or a withdrawal).
    last_of_item = {row.item_id: row.id for row in rows}
    history = [
        codec.decision_from(row, superseded=last_of_item[row.item_id] != row.id)
        for row in rows
        if row.kind != WITHDRAWN
    ]
    return StoredReview(
        summary=codec.summary_from(row),
        findings=[codec.finding_from(f) for f in findings],
        decisions=[d for d in history if not d.superseded],
        history=history,
    )


def load_reviews(session: Session, review_ids: Sequence[int], chunk: int = 500) -> dict[int, StoredReview]:
    """Several stored reviews as :func:`load_review` gives each, in three queries per ``chunk``
    reviews (a session export reads thousands); missing ids are left out."""
    found: dict[int, StoredReview] = {}
    ids = list(dict.fromkeys(review_ids))
    for start in range(0, len(ids), chunk):
        part = ids[start : start + chunk]
        rows = {r.id: r for r in session.scalars(select(ReviewRow).where(ReviewRow.id.in_(part)))}
        findings: dict[int, list[ReviewFindingRow]] = {i: [] for i in rows}
        query = select(ReviewFindingRow).where(ReviewFindingRow.review_id.in_(part))
        for f in session.scalars(query.order_by(ReviewFindingRow.review_id, ReviewFindingRow.seq)):
            findings[f.review_id].append(f)
        decisions: dict[int, list[ReviewDecisionRow]] = {i: [] for i in rows}
        query_d = select(ReviewDecisionRow).where(ReviewDecisionRow.review_id.in_(part))
        for d in session.scalars(query_d.order_by(ReviewDecisionRow.id)):
            decisions[d.review_id].append(d)
        for review_id, row in rows.items():
            last_of_item = {d.item_id: d.id for d in decisions[review_id]}
            history = [
                codec.decision_from(d, superseded=last_of_item[d.item_id] != d.id)
                for d in decisions[review_id]
                if d.kind != WITHDRAWN
            ]
            found[review_id] = StoredReview(
                summary=codec.summary_from(row),
                findings=[codec.finding_from(f) for f in findings[review_id]],
                decisions=[d for d in history if not d.superseded],
                history=history,
            )
    return found


def reviews_of_case(session: Session, case_id: int) -> list[ReviewSummary]:
    """The reviews of a case file, newest first."""
    query = select(ReviewRow).where(ReviewRow.case_id == case_id)
    rows = session.scalars(query.order_by(ReviewRow.created_at.desc(), ReviewRow.id.desc()))
    return [codec.summary_from(row) for row in rows]


def latest_reviews(session: Session, standard_id: str | None = None) -> list[ReviewSummary]:
    """The newest review of every case file (of one standard when ``standard_id`` is given)."""
    newest = select(func.max(ReviewRow.id)).group_by(ReviewRow.case_id)
    if standard_id is not None:
        newest = newest.where(ReviewRow.standard_id == standard_id)
    rows = session.scalars(select(ReviewRow).where(ReviewRow.id.in_(newest)).order_by(ReviewRow.case_id))
    return [codec.summary_from(row) for row in rows]
