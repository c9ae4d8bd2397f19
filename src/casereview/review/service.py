"""Reviewing stored case files: the functions the CLI and the GUI both call.

Each public function takes a :class:`Database` and runs one unit of work; the ``*_in`` variants take
the caller's session so a command can, say, store a case and its review in one transaction.
Scores are always recomputed from the stored findings and the active decisions with the very
standard version (content hash) the review was made with; a review of another version must be
re-scored first (``casereview rescore``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from casereview.db.engine import Database
from casereview.db.repository import load_case
from casereview.errors import StandardUnavailable
from casereview.lists.publications import publication_for_extraction
from casereview.lists.roster import load_roster
from casereview.pipeline import Analysis
from casereview.review.casetypes import stored_case_type
from casereview.review.decisions import check_fits, fit_decisions, to_stored_decision
from casereview.review.records import StandardMeta, StoredReview
from casereview.review.store import create_review, load_review, record_decision, update_review_score
from casereview.scoring import ReviewerDecision, ScoreSheet, score_case
from casereview.standards.registry import installed_standards
from casereview.standards.schema import Standard

if TYPE_CHECKING:
    from casereview.checking import Checker


def sheet_meta(sheet: ScoreSheet) -> StandardMeta:
    """What a review records of the standard: the same id, version and hash as the score sheet."""
    return StandardMeta(sheet.standard_id, sheet.standard_version, sheet.standard_hash)


def standard_meta(standard: Standard) -> StandardMeta:
    return StandardMeta(standard.id, standard.version, standard.content_hash())


def review_case_in(session: Session, case_id: int, checker: Checker, reviewer: str) -> tuple[int, ScoreSheet]:
    """Check a stored case file and store the machine's review; returns (review id, score sheet).

    The rules run on the stored analysis; T-12 gets the publication date the reviewer entered for
    the case, else the one in the imported publication lists, else the checker's own list.
    """
    case, documents, extraction = load_case(session, case_id)
    analysis = Analysis(case, documents, extraction, case_id)
    checker = checker.resolved(analysis, stored_case_type(session, case_id))
    roster = checker.roster or load_roster(session)  # the stored roster unless the run brought one
    sheet = checker.check(analysis, publication_for_extraction(session, case_id, extraction), roster)
    review_id = create_review(
        session,
        case_id,
        sheet_meta(sheet),
        sheet.profile,
        reviewer,
        sheet.findings,
        sheet.score,
        sheet.grade,
    )
    return review_id, sheet


def review_case(database: Database, case_id: int, checker: Checker, reviewer: str) -> int:
    """Check a stored case file and store its machine review in one transaction; the review id."""
    with database.session_scope() as session:
        review_id, _sheet = review_case_in(session, case_id, checker, reviewer)
    return review_id


def standard_of(review: StoredReview, standards: Mapping[str, Standard] | None = None) -> Standard:
    """The installed standard a review was scored with; StandardUnavailable if it changed since."""
    meta = review.summary.standard
    installed = (standards if standards is not None else installed_standards()).get(meta.id)
    if installed is None:
        raise StandardUnavailable("review_missing", review=review.id, standard=meta.id)
    if installed.content_hash() != meta.hash:
        raise StandardUnavailable(
            "review_changed",
            review=review.id,
            standard=meta.id,
            version=meta.version,
            hash=meta.hash[:12],
            installed=installed.version,
            installed_hash=installed.content_hash()[:12],
        )
    return installed


def score_review(standard: Standard, review: StoredReview) -> ScoreSheet:
    """The review's stored findings and active decisions scored with ``standard``."""
    decisions, _notes = fit_decisions(standard, review.decisions)
    profile = review.summary.profile
    known = {p.name for p in standard.profiles}
    findings = [f.to_finding() for f in review.findings]
    return score_case(standard, profile if profile in known else None, findings, decisions)


def current_sheet_in(
    session: Session, review_id: int, standards: Mapping[str, Standard] | None = None
) -> ScoreSheet:
    review = load_review(session, review_id)
    return score_review(standard_of(review, standards), review)


def current_sheet(
    database: Database, review_id: int, standards: Mapping[str, Standard] | None = None
) -> ScoreSheet:
    """The review's score sheet now: its machine findings with every active decision applied."""
    with database.session_scope(readonly=True) as session:
        return current_sheet_in(session, review_id, standards)


def decide_in(
    session: Session,
    review_id: int,
    item_id: str,
    decision: ReviewerDecision,
    actor: str,
    standards: Mapping[str, Standard] | None = None,
    *,
    expected_version: int | None = None,
) -> ScoreSheet:
    """Record ``decision`` on ``item_id`` (audited), re-score the review and store its score/grade.

    InputError when the item is not in the review's standard, the deduction
    exceeds the item's points or the decision is incomplete; StandardUnavailable when the review's
    standard version is no longer installed. Nothing is written then.
    """
    review = load_review(session, review_id)
    standard = standard_of(review, standards)
    check_fits(standard, item_id, decision)
    record_decision(
        session, review_id, to_stored_decision(item_id, decision), actor, expected_version=expected_version
    )
    sheet = score_review(standard, load_review(session, review_id))
    update_review_score(session, review_id, sheet.score, sheet.grade, actor)
    return sheet


def decide(
    database: Database,
    review_id: int,
    item_id: str,
    decision: ReviewerDecision,
    actor: str,
    standards: Mapping[str, Standard] | None = None,
    *,
    expected_version: int | None = None,
) -> ScoreSheet:
    """:func:`decide_in` in its own transaction; returns the re-scored sheet."""
    with database.session_scope() as session:
        return decide_in(
            session, review_id, item_id, decision, actor, standards, expected_version=expected_version
        )
