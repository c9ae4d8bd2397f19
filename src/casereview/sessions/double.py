"""Double review: the two independent reviews of a case compared item by item, settled against the
session's tolerance, and arbitrated by the lead where they lie too far apart.

The rules:

* A case is compared once both its reviews are marked done (评查完成); items differ when the
  points deducted differ, the case's difference is |score₁ − score₂|.
* Within the tolerance the case is done and the slot-1 review is the final one. This is a
  convention, not a verdict: the lead may still arbitrate such a case (arbitration takes any
  compared case), which makes the lead's review the final one.
* Beyond the tolerance the case waits for arbitration (待仲裁). The lead's choices become a review
  of the lead's own: every item is decided explicitly, the arbitrated ones by the lead and the
  agreed ones in the first reviewer's name, so the final review names the decider of each item.

Everything here runs inside ``Database.session_scope()``; arbitration itself is in
:mod:`casereview.sessions.arbitration`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from casereview.db.session_models import SessionCaseRow
from casereview.domain.model import Evidence
from casereview.errors import InputError, StandardUnavailable
from casereview.review.records import ReviewStatus, StoredReview
from casereview.review.service import score_review, standard_of
from casereview.review.store import load_review
from casereview.scoring import ItemResult, ItemStatus, ScoreSheet
from casereview.sessions.model import CaseStatus, SessionCase, SessionInfo
from casereview.sessions.store import get_session, link_reviews, session_cases, set_case_status
from casereview.standards.registry import installed_standards
from casereview.standards.schema import Standard

_EPS = 1e-6


@dataclass(frozen=True)
class ItemDifference:
    """One item the two reviewers scored differently (deductions in points)."""

    item_id: str
    title: str
    points: float
    first: float
    second: float
    first_status: ItemStatus
    second_status: ItemStatus
    first_reason: str
    second_reason: str
    first_region: Evidence | None  # the reviewer's page mark, else the machine's evidence
    second_region: Evidence | None

    @property
    def difference(self) -> float:
        return round(abs(self.first - self.second), 2)


@dataclass(frozen=True)
class Comparison:
    session_case_id: int
    case_id: int
    first_reviewer: str
    second_reviewer: str
    first_score: float
    second_score: float
    total_difference: float  # |first_score − second_score|
    items: tuple[ItemDifference, ...]  # only the items that differ, in the standard's order
    within_tolerance: bool
    tolerance: float
    first_review_id: int
    second_review_id: int
    first_grade: str
    second_grade: str


@dataclass(frozen=True)
class ReviewPair:
    """Both done reviews of a double-reviewed case with their score sheets."""

    first_reviewer: str
    second_reviewer: str
    first: StoredReview
    second: StoredReview
    first_sheet: ScoreSheet
    second_sheet: ScoreSheet


def review_pair(session: Session, session_case: SessionCase, standard: Standard) -> ReviewPair | None:
    """The two reviews once both are linked (:func:`link_reviews`) and marked done, else None.

    StandardUnavailable when a review was scored with another version of ``standard``.
    """
    slots = {a.slot: a for a in session_case.assignments}
    if 1 not in slots or 2 not in slots:
        return None
    reviews: list[StoredReview] = []
    for slot in (1, 2):
        review_id = slots[slot].review_id
        if review_id is None:
            return None
        review = load_review(session, review_id)
        if review.summary.status != ReviewStatus.DONE:
            return None
        reviews.append(review)
    known = {standard.id: standard}
    first, second = (score_review(standard_of(r, known), r) for r in reviews)
    return ReviewPair(slots[1].reviewer, slots[2].reviewer, reviews[0], reviews[1], first, second)


def _region(result: ItemResult) -> Evidence | None:
    if result.decision is not None and result.decision.region is not None:
        return result.decision.region
    return next((e for f in result.findings for e in f.evidence), None)


def _reason(result: ItemResult) -> str:
    return result.decision.reason if result.decision is not None and result.decision.reason else result.reason


def _differences(pair: ReviewPair) -> tuple[ItemDifference, ...]:
    second = {i.item_id: i for i in pair.second_sheet.items}
    found: list[ItemDifference] = []
    for a in pair.first_sheet.items:
        b = second[a.item_id]
        if abs(a.deduction - b.deduction) <= _EPS:
            continue
        found.append(
            ItemDifference(
                a.item_id,
                a.title,
                a.points,
                a.deduction,
                b.deduction,
                a.status,
                b.status,
                _reason(a),
                _reason(b),
                _region(a),
                _region(b),
            )
        )
    return tuple(found)


def compare_pair(pair: ReviewPair, session_case: SessionCase, tolerance: float) -> Comparison:
    """:func:`compare` for reviews already loaded, under the session's ``tolerance``."""
    first, second = pair.first_sheet, pair.second_sheet
    total = round(abs(first.score - second.score), 2)
    return Comparison(
        session_case.id,
        session_case.case_id,
        pair.first_reviewer,
        pair.second_reviewer,
        first.score,
        second.score,
        total,
        _differences(pair),
        total <= tolerance + _EPS,
        tolerance,
        pair.first.id,
        pair.second.id,
        first.grade,
        second.grade,
    )


def session_of_case(session: Session, session_case_id: int) -> SessionInfo:
    """The session a session case belongs to (InputError for an unknown id)."""
    row = session.get(SessionCaseRow, session_case_id)
    if row is None:
        raise InputError("unknown_session_case", session_case=session_case_id)
    return get_session(session, row.session_id)


def compare(session: Session, session_case: SessionCase, standard: Standard) -> Comparison | None:
    """The two reviews of a case side by side; None until both exist and are marked done."""
    pair = review_pair(session, session_case, standard)
    if pair is None:
        return None
    return compare_pair(pair, session_case, session_of_case(session, session_case.id).tolerance)


def session_standard(info: SessionInfo, standards: Mapping[str, Standard] | None = None) -> Standard:
    found = (standards if standards is not None else installed_standards()).get(info.standard_id)
    if found is None:
        raise StandardUnavailable("session_missing", name=info.name, standard=info.standard_id)
    return found


def settle(
    session: Session, session_id: int, actor: str, *, standards: Mapping[str, Standard] | None = None
) -> list[Comparison]:
    """Link new reviews, then settle every case whose reviews are done (see the module's rules).

    Single review: a done review makes the case done with that review as final. Double review:
    within the tolerance → done (final: the slot-1 review), beyond → 待仲裁; a 待仲裁 case whose
    reviews were revised to within the tolerance is done too. Done cases are never reopened.
    Returns the comparisons of the double-reviewed cases whose status changed now.
    """
    info = get_session(session, session_id)
    link_reviews(session, session_id)
    standard = session_standard(info, standards) if info.double_review else None
    settled: list[Comparison] = []
    for case in session_cases(session, session_id):
        if case.status is CaseStatus.DONE:
            continue
        if standard is None:
            review_id = next((a.review_id for a in case.assignments if a.slot == 1), None)
            if review_id is not None and load_review(session, review_id).summary.status == ReviewStatus.DONE:
                set_case_status(session, case.id, CaseStatus.DONE, actor, review_id)
            continue
        pair = review_pair(session, case, standard)
        if pair is None:
            continue
        comparison = compare_pair(pair, case, info.tolerance)
        if comparison.within_tolerance:
            set_case_status(session, case.id, CaseStatus.DONE, actor, comparison.first_review_id)
        elif case.status is not CaseStatus.ARBITRATION:
            set_case_status(session, case.id, CaseStatus.ARBITRATION, actor)
        else:
            continue
        settled.append(comparison)
    return settled


def pending_arbitrations(session: Session, session_id: int, standard: Standard) -> list[Comparison]:
    """The comparisons of the session's cases waiting for arbitration (待仲裁)."""
    info = get_session(session, session_id)
    found: list[Comparison] = []
    for case in session_cases(session, session_id):
        pair = review_pair(session, case, standard) if case.status is CaseStatus.ARBITRATION else None
        if pair is not None:
            found.append(compare_pair(pair, case, info.tolerance))
    return found


def final_deciders(
    session: Session, session_case: SessionCase, standards: Mapping[str, Standard] | None = None
) -> dict[str, str]:
    """Item id → who decided it in the case's final review: the decision's reviewer (the lead for
    arbitrated items), else the review's author, who accepted the machine's proposal by marking
    the review done. Empty while the case has no final review."""
    if session_case.final_review_id is None:
        return {}
    review = load_review(session, session_case.final_review_id)
    sheet = score_review(standard_of(review, standards), review)
    author = review.summary.reviewer
    return {
        i.item_id: i.decision.reviewer if i.decision is not None and i.decision.reviewer else author
        for i in sheet.items
    }
