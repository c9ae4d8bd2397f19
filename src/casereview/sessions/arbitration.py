"""The lead's arbitration of a double-reviewed case: a final review of the lead's own.

Every item of the lead's review is decided explicitly: a differing item as the lead chose (one
reviewer's decision, copied with "仲裁采纳…意见：" before its reason, or the lead's own deduction),
an agreed item as the first reviewer decided it and in that reviewer's name. So the final review
names the decider of each item (:func:`casereview.sessions.double.final_deciders`), and its score
is exactly what was chosen even where the lead's machine check differs from a reviewer's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Final, Literal, NamedTuple

from sqlalchemy.orm import Session

from casereview.checking import Checker
from casereview.db import Database, load_case
from casereview.errors import InputError
from casereview.pipeline import Analysis
from casereview.review.audit import write_audit
from casereview.review.decisions import check_fits, to_reviewer_decision
from casereview.review.records import AuditAction, ReviewStatus, StoredDecision
from casereview.review.service import score_review
from casereview.review.store import load_review, record_decision, set_review_status, update_review_score
from casereview.review.workbench import Workbench
from casereview.scoring import ItemResult
from casereview.scoring.model import DecisionKind
from casereview.sessions.double import Comparison, ReviewPair, compare_pair, review_pair, session_of_case
from casereview.sessions.model import CaseStatus, SessionCase, SessionInfo
from casereview.sessions.store import session_cases, set_case_status
from casereview.standards.schema import Standard

FIRST: Final = "first"
SECOND: Final = "second"
_EPS = 1e-6


class Custom(NamedTuple):
    """The lead's own deduction for an item, with the reason (required)."""

    deduction: float
    reason: str


# Per differing item: take the first or the second reviewer's decision, or the lead's own.
ArbitrationChoice = Literal["first", "second"] | tuple[float, str]


def _session_case(session: Session, session_case_id: int) -> tuple[SessionCase, SessionInfo]:
    info = session_of_case(session, session_case_id)
    case = next(c for c in session_cases(session, info.id) if c.id == session_case_id)
    return case, info


def _check_choices(
    comparison: Comparison, choices: Mapping[str, ArbitrationChoice], lead: str, standard: Standard
) -> None:
    """InputError unless every differing item has exactly one valid choice."""
    if lead in (comparison.first_reviewer, comparison.second_reviewer):
        raise InputError("lead_reviewed_case", lead=lead)
    differing = {d.item_id for d in comparison.items}
    if not differing:
        raise InputError("nothing_to_arbitrate")
    missing = [d.item_id for d in comparison.items if d.item_id not in choices]
    if missing:
        raise InputError("arbitration_missing", items="、".join(missing))
    extra = sorted(set(choices) - differing)
    if extra:
        raise InputError("arbitration_extra", items="、".join(extra))
    for item_id, choice in choices.items():
        if choice in (FIRST, SECOND):
            continue
        if not isinstance(choice, tuple) or len(choice) != 2:
            raise InputError("arbitration_invalid", item=item_id)
        deduction, reason = choice
        points = standard.item(item_id).points
        if not 0 <= deduction <= points + _EPS:
            raise InputError("arbitration_deduction", item=item_id, points=f"{points:g}")
        if not str(reason).strip():
            raise InputError("arbitration_reason", item=item_id)


def _copy(
    result: ItemResult, stored: StoredDecision | None, proposed: float, decider: str, prefix: str
) -> StoredDecision:
    """``result`` (one reviewer's outcome of an item) as a decision in the lead's review that
    yields the same deduction there: the reviewer's own decision where it sets the deduction, an
    acceptance where the lead's machine proposal already agrees, else an override to it."""
    own = stored.reason if stored is not None else ""
    reason = f"{prefix}{own or result.reason}" if prefix else own
    if stored is not None and stored.kind is not DecisionKind.ACCEPT:
        return replace(stored, reason=reason, reviewer=decider, decided_at=None, superseded=False)
    if abs(proposed - result.deduction) <= _EPS:
        return StoredDecision(DecisionKind.ACCEPT, result.item_id, reason=reason, reviewer=decider)
    why = reason or f"按{decider}评查结果：{result.reason}"
    return StoredDecision(DecisionKind.OVERRIDE, result.item_id, result.deduction, why, reviewer=decider)


def _final_decisions(
    pair: ReviewPair, choices: Mapping[str, ArbitrationChoice], lead: str, proposals: Mapping[str, float]
) -> list[StoredDecision]:
    sides = {
        FIRST: (pair.first_reviewer, pair.first_sheet, pair.first),
        SECOND: (pair.second_reviewer, pair.second_sheet, pair.second),
    }
    planned: list[StoredDecision] = []
    for item_id in (i.item_id for i in pair.first_sheet.items):
        choice = choices.get(item_id)
        if choice is None or isinstance(choice, str):
            # Agreed items are copied as the first reviewer decided them, in that reviewer's name.
            name, sheet, review = sides[FIRST if choice is None else choice]
            stored = next((d for d in review.decisions if d.item_id == item_id), None)
            decider, prefix = (name, "") if choice is None else (lead, f"仲裁采纳{name}意见：")
            planned.append(_copy(sheet.item(item_id), stored, proposals.get(item_id, 0.0), decider, prefix))
        else:
            deduction, reason = choice
            text = f"仲裁意见：{str(reason).strip()}"
            planned.append(
                StoredDecision(DecisionKind.OVERRIDE, item_id, float(deduction), text, reviewer=lead)
            )
    return planned


def _choice_json(choice: ArbitrationChoice) -> object:
    if isinstance(choice, str):
        return choice
    return {"deduction": float(choice[0]), "reason": str(choice[1]).strip()}


def arbitrate(
    database: Database,
    session_case_id: int,
    decisions: Mapping[str, ArbitrationChoice],
    lead: str,
    checker: Checker,
) -> int:
    """The lead's arbitration of a compared case: returns the id of the lead's final review.

    ``decisions`` holds one choice per differing item. The lead's review (opened or created with
    :meth:`Workbench.open`) gets a decision on every item, is marked done and becomes the case's
    final review (status done); the choices are audited with the case. Everything after opening
    the review is one transaction. InputError for an incomplete or invalid choice, a
    lead who reviewed the case, a case not yet compared or another standard than the session's.
    """
    lead = lead.strip()
    if not lead:
        raise InputError("arbiter_missing")
    standard = checker.standard
    with database.session_scope(readonly=True) as session:
        case, info = _session_case(session, session_case_id)
        if standard.id != info.standard_id:
            raise InputError("arbitration_standard", standard=info.standard_id, given=standard.id)
        pair = review_pair(session, case, standard)
        if pair is None:
            raise InputError("arbitration_not_ready")
        before = compare_pair(pair, case, info.tolerance)
        _check_choices(before, decisions, lead, standard)
        analysis = Analysis(*load_case(session, case.case_id), case.case_id)
    bench = Workbench.open(database, analysis, checker, lead)
    proposals = {i.item_id: i.proposed_deduction for i in bench.sheet.items}
    with database.session_scope() as session:
        case, info = _session_case(session, session_case_id)
        pair = review_pair(session, case, standard)
        if pair is None or compare_pair(pair, case, info.tolerance).items != before.items:
            raise InputError("arbitration_changed")
        for stored in _final_decisions(pair, decisions, lead, proposals):
            check_fits(standard, stored.item_id, to_reviewer_decision(stored))
            record_decision(session, bench.review_id, stored, lead)
        sheet = score_review(standard, load_review(session, bench.review_id))
        update_review_score(session, bench.review_id, sheet.score, sheet.grade, lead)
        set_review_status(session, bench.review_id, ReviewStatus.DONE, lead)
        write_audit(
            session,
            AuditAction.SESSION,
            lead,
            review_id=bench.review_id,
            case_id=case.case_id,
            before={"status": case.status.value, "scores": [before.first_score, before.second_score]},
            after={
                "arbitration": {k: _choice_json(v) for k, v in decisions.items()},
                "final_review_id": bench.review_id,
                "score": sheet.score,
            },
        )
        set_case_status(session, case.id, CaseStatus.DONE, lead, bench.review_id)
    return bench.review_id
