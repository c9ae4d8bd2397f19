"""Calibration results: each trainee's submitted reviews against gold, item by item.

One judgment is one item of one gold case as gold and the trainee scored it (an item both call
不适用 was not judged). Per trainee and per item: the judgments, those with the same deduction, and
Cohen's kappa on whether the item lost points (gold as rater A; the same binary measure as the
double-review agreement, :mod:`casereview.sessions.agreement`, so the figures compare). A *missed*
item is one gold deducted and the trainee did not; an *extra* one the reverse.

Nobody sees gold before handing in: :func:`trainee_result` refuses a trainee who has not
submitted, and the report leaves such trainees out (listed as pending).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy.orm import Session

from casereview.calibration.store import Round, Trainee, find_round
from casereview.errors import InputError
from casereview.review.service import score_review, standard_of
from casereview.review.store import load_review
from casereview.scoring import ItemResult, ItemStatus, ScoreSheet
from casereview.sessions.agreement import Measure, cohen_kappa
from casereview.standards.schema import Standard

_EPS = 1e-6
MISSED = "漏扣"
EXTRA = "多扣"
AMOUNT = "扣分不同"


@dataclass(frozen=True)
class Judgment:
    case_id: int
    item_id: str
    title: str
    points: float
    gold: float  # deductions
    trainee: float
    gold_reason: str
    trainee_reason: str

    @property
    def agreed(self) -> bool:
        return abs(self.gold - self.trainee) <= _EPS

    @property
    def kind(self) -> str:
        """漏扣 / 多扣 / 扣分不同, or "" when they agree."""
        if self.agreed:
            return ""
        if self.gold > _EPS and self.trainee <= _EPS:
            return MISSED
        return EXTRA if self.gold <= _EPS else AMOUNT


@dataclass(frozen=True)
class TraineeResult:
    trainee: str
    measure: Measure
    missed: int
    extra: int
    mean_difference: float | None  # mean |score difference| over the cases
    differences: tuple[Judgment, ...]  # the judgments that differ, by case then the standard's order


@dataclass(frozen=True)
class ItemCalibration:
    item_id: str
    title: str
    points: float
    measure: Measure  # pooled over the trainees
    missed: int
    extra: int
    missed_by: tuple[str, ...]


@dataclass(frozen=True)
class CalibrationReport:
    round_name: str
    standard_id: str
    cases: int
    trainees: tuple[TraineeResult, ...]  # submitted ones, in the round's order
    pending: tuple[str, ...]  # trainees who have not submitted (no figures yet)
    items: tuple[ItemCalibration, ...]  # items judged at least once, in the standard's order

    def most_missed(self, limit: int = 10) -> list[ItemCalibration]:
        missed = [i for i in self.items if i.missed]
        return sorted(missed, key=lambda i: -i.missed)[:limit]  # stable: the standard's order on ties


def _reason(result: ItemResult) -> str:
    if result.decision is not None and result.decision.reason:
        return result.decision.reason
    return result.reason


def _sheet(session: Session, review_id: int, standards: Mapping[str, Standard] | None) -> ScoreSheet:
    review = load_review(session, review_id)
    return score_review(standard_of(review, standards), review)


def _measure(judgments: list[Judgment]) -> Measure:
    kappa = cohen_kappa([(j.gold > _EPS, j.trainee > _EPS) for j in judgments])
    agreed = sum(1 for j in judgments if j.agreed)
    return Measure(len({j.case_id for j in judgments}), len(judgments), agreed, kappa)


def _judgments(gold: ScoreSheet, mine: ScoreSheet, case_id: int) -> list[Judgment]:
    theirs = {i.item_id: i for i in mine.items}
    found: list[Judgment] = []
    for answer in gold.items:
        given = theirs.get(answer.item_id)
        if given is None:
            continue
        if answer.status is ItemStatus.NOT_APPLICABLE and given.status is ItemStatus.NOT_APPLICABLE:
            continue
        found.append(
            Judgment(
                case_id,
                answer.item_id,
                answer.title,
                answer.points,
                answer.deduction,
                given.deduction,
                _reason(answer),
                _reason(given),
            )
        )
    return found


def _trainee(
    session: Session, found: Round, trainee: Trainee, standards: Mapping[str, Standard] | None
) -> tuple[TraineeResult, list[Judgment]]:
    judgments: list[Judgment] = []
    deltas: list[float] = []
    for gold in found.gold:
        answer = _sheet(session, gold.review_id, standards)
        mine = _sheet(session, trainee.answers[gold.case_id], standards)
        judgments += _judgments(answer, mine, gold.case_id)
        deltas.append(abs(answer.score - mine.score))
    result = TraineeResult(
        trainee.name,
        _measure(judgments),
        sum(1 for j in judgments if j.kind == MISSED),
        sum(1 for j in judgments if j.kind == EXTRA),
        round(sum(deltas) / len(deltas), 2) if deltas else None,
        tuple(j for j in judgments if not j.agreed),
    )
    return result, judgments


def trainee_result(
    session: Session, round_name: str, trainee: str, standards: Mapping[str, Standard] | None = None
) -> TraineeResult:
    """A trainee's differences from gold — only once they have submitted (InputError before)."""
    found = find_round(session, round_name)
    who = found.trainee(trainee)
    if not who.submitted:
        raise InputError("gold_before_submit", trainee=who.name, name=found.name)
    return _trainee(session, found, who, standards)[0]


def calibration_report(
    session: Session, round_name: str, standards: Mapping[str, Standard] | None = None
) -> CalibrationReport:
    found = find_round(session, round_name)
    results: list[TraineeResult] = []
    by_item: defaultdict[str, list[tuple[str, Judgment]]] = defaultdict(list)
    order: dict[str, int] = {}
    for trainee in found.trainees:
        if not trainee.submitted:
            continue
        result, judgments = _trainee(session, found, trainee, standards)
        results.append(result)
        for j in judgments:
            order.setdefault(j.item_id, len(order))
            by_item[j.item_id].append((trainee.name, j))
    items = []
    for item_id in sorted(by_item, key=order.__getitem__):
        pairs = by_item[item_id]
        first = pairs[0][1]
        missed_by = tuple(dict.fromkeys(name for name, j in pairs if j.kind == MISSED))
        items.append(
            ItemCalibration(
                item_id,
                first.title,
                first.points,
                _measure([j for _, j in pairs]),
                sum(1 for _, j in pairs if j.kind == MISSED),
                sum(1 for _, j in pairs if j.kind == EXTRA),
                missed_by,
            )
        )
    pending = tuple(t.name for t in found.trainees if not t.submitted)
    return CalibrationReport(
        found.name, found.standard_id, len(found.gold), tuple(results), pending, tuple(items)
    )
