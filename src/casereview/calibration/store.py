"""Calibration (校准) storage: gold cases, rounds, trainees and their submissions.

A lead marks a case as gold: the lead's newest review of it (every decision in it) becomes the
answer. A round puts gold cases before trainees. Each trainee scores the cases in the workstation
under their own name — their review is their own, built from the machine's findings, and never
sees the lead's (blind) — and then submits: their newest reviews of the round's cases are frozen
as their answers and marked done. Only after submitting may a trainee see gold or their
differences (:mod:`casereview.calibration.report`).

Functions take a SQLAlchemy session (inside ``Database.session_scope()``), raise InputError for
what the user must correct, and audit every change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from casereview.db.calibration_models import (
    AnswerRow,
    CalibrationRoundRow,
    GoldCaseRow,
    RoundCaseRow,
    TraineeRow,
)
from casereview.db.cases import case_exists
from casereview.db.review_models import ReviewRow
from casereview.errors import InputError
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction, ReviewStatus
from casereview.review.store import set_review_status


@dataclass(frozen=True)
class GoldCase:
    case_id: int
    review_id: int  # the lead's review: the answer
    standard_id: str
    marked_by: str
    marked_at: dt.datetime


@dataclass(frozen=True)
class Trainee:
    name: str
    submitted_at: dt.datetime | None
    answers: dict[int, int]  # case id → submitted review id (empty before submitting)

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


@dataclass(frozen=True)
class Round:
    id: int
    name: str
    standard_id: str
    lead: str
    created_at: dt.datetime
    gold: tuple[GoldCase, ...]  # in the order they were given
    trainees: tuple[Trainee, ...]

    def trainee(self, name: str) -> Trainee:
        found = next((t for t in self.trainees if t.name == name.strip()), None)
        if found is None:
            raise InputError("not_trainee", trainee=name, name=self.name)
        return found


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _gold(row: GoldCaseRow) -> GoldCase:
    return GoldCase(row.case_id, row.review_id, row.standard_id, row.marked_by, row.marked_at)


def mark_gold(session: Session, case_id: int, lead: str, standard_id: str | None = None) -> GoldCase:
    """Make ``case_id`` a gold case with ``lead``'s newest done review (of ``standard_id``, if given)."""
    if not case_exists(session, case_id):
        raise InputError("unknown_case", case=case_id)
    existing = session.scalar(select(GoldCaseRow).where(GoldCaseRow.case_id == case_id))
    if existing is not None:
        raise InputError("gold_exists", case=case_id, lead=existing.marked_by)
    query = select(ReviewRow).where(
        (ReviewRow.case_id == case_id)
        & (ReviewRow.reviewer == lead.strip())
        & (ReviewRow.status == ReviewStatus.DONE.value)
    )
    if standard_id is not None:
        query = query.where(ReviewRow.standard_id == standard_id)
    review = session.scalar(query.order_by(ReviewRow.id.desc()).limit(1))
    if review is None:
        raise InputError("gold_no_review", case=case_id, lead=lead)
    row = GoldCaseRow(
        case_id=case_id,
        review_id=review.id,
        standard_id=review.standard_id,
        marked_by=lead.strip(),
        marked_at=_now(),
    )
    session.add(row)
    session.flush()
    after = {"gold_case": case_id, "review_id": review.id, "standard": review.standard_id}
    write_audit(session, AuditAction.CALIBRATION, row.marked_by, case_id=case_id, after=after)
    return _gold(row)


def gold_cases(session: Session) -> list[GoldCase]:
    return [_gold(r) for r in session.scalars(select(GoldCaseRow).order_by(GoldCaseRow.id))]


def create_round(session: Session, name: str, lead: str, case_ids: list[int], trainees: list[str]) -> int:
    """A round over gold cases ``case_ids`` for ``trainees``; returns its id."""
    name = name.strip()
    names = list(dict.fromkeys(t.strip() for t in trainees if t.strip()))
    if not name or not case_ids or not names:
        raise InputError("round_empty")
    if session.scalar(select(CalibrationRoundRow.id).where(CalibrationRoundRow.name == name)) is not None:
        raise InputError("round_exists", name=name)
    golds: list[GoldCaseRow] = []
    for case_id in dict.fromkeys(case_ids):
        gold = session.scalar(select(GoldCaseRow).where(GoldCaseRow.case_id == case_id))
        if gold is None:
            raise InputError("not_gold", case=case_id)
        golds.append(gold)
    for trainee in names:
        if any(g.marked_by == trainee for g in golds):
            raise InputError("trainee_is_lead", trainee=trainee)
    row = CalibrationRoundRow(
        name=name, standard_id=golds[0].standard_id, lead=lead.strip(), created_at=_now()
    )
    session.add(row)
    session.flush()
    session.add_all(RoundCaseRow(round_id=row.id, gold_id=g.id) for g in golds)
    session.add_all(TraineeRow(round_id=row.id, trainee=t, submitted_at=None) for t in names)
    session.flush()
    after = {"round": name, "cases": [g.case_id for g in golds], "trainees": names}
    write_audit(session, AuditAction.CALIBRATION, row.lead, after=after)
    return row.id


def find_round(session: Session, name: str) -> Round:
    row = session.scalar(select(CalibrationRoundRow).where(CalibrationRoundRow.name == name.strip()))
    if row is None:
        raise InputError("unknown_round", name=name)
    golds = session.scalars(
        select(GoldCaseRow)
        .join(RoundCaseRow, RoundCaseRow.gold_id == GoldCaseRow.id)
        .where(RoundCaseRow.round_id == row.id)
        .order_by(RoundCaseRow.id)
    )
    trainee_rows = list(
        session.scalars(select(TraineeRow).where(TraineeRow.round_id == row.id).order_by(TraineeRow.id))
    )
    answers: dict[int, dict[int, int]] = {t.id: {} for t in trainee_rows}
    if trainee_rows:
        for answer in session.scalars(select(AnswerRow).where(AnswerRow.trainee_id.in_(list(answers)))):
            answers[answer.trainee_id][answer.case_id] = answer.review_id
    trainees = tuple(Trainee(t.trainee, t.submitted_at, answers[t.id]) for t in trainee_rows)
    return Round(
        row.id, row.name, row.standard_id, row.lead, row.created_at, tuple(map(_gold, golds)), trainees
    )


def submit(session: Session, round_name: str, trainee: str) -> Trainee:
    """Hand in ``trainee``'s reviews of the round's cases (newest of each, under the round's
    standard); they are marked done and frozen as the answers. Refused when a case has no review
    by the trainee or the trainee already submitted."""
    found = find_round(session, round_name)
    current = found.trainee(trainee)
    if current.submitted_at is not None:
        raise InputError(
            "already_submitted", trainee=current.name, at=current.submitted_at.date().isoformat()
        )
    reviews: dict[int, int] = {}
    for gold in found.gold:
        review_id = session.scalar(
            select(func.max(ReviewRow.id)).where(
                (ReviewRow.case_id == gold.case_id)
                & (ReviewRow.reviewer == current.name)
                & (ReviewRow.standard_id == found.standard_id)
            )
        )
        if review_id is not None:
            reviews[gold.case_id] = review_id
    missing = [g.case_id for g in found.gold if g.case_id not in reviews]
    if missing:
        raise InputError(
            "not_all_scored", trainee=current.name, missing="、".join(f"案卷 {c}" for c in missing)
        )
    row = session.scalar(
        select(TraineeRow).where((TraineeRow.round_id == found.id) & (TraineeRow.trainee == current.name))
    )
    assert row is not None
    now = _now()
    row.submitted_at = now
    for case_id, review_id in reviews.items():
        set_review_status(session, review_id, ReviewStatus.DONE, current.name)
        session.add(AnswerRow(trainee_id=row.id, case_id=case_id, review_id=review_id))
    session.flush()
    after = {"round": found.name, "submitted": {str(c): r for c, r in reviews.items()}}
    write_audit(session, AuditAction.CALIBRATION, current.name, after=after, at=now)
    return Trainee(current.name, now, reviews)


def submitted_rounds(session: Session, trainee: str) -> list[str]:
    """The rounds ``trainee`` has handed in, newest first (what the window may show them)."""
    query = (
        select(CalibrationRoundRow.name)
        .join(TraineeRow, TraineeRow.round_id == CalibrationRoundRow.id)
        .where((TraineeRow.trainee == trainee.strip()) & TraineeRow.submitted_at.is_not(None))
        .order_by(TraineeRow.submitted_at.desc(), CalibrationRoundRow.id.desc())
    )
    return list(session.scalars(query))
