"""Agreement between the two reviewers of double-reviewed cases (评查一致性).

One judgment is one item of one case as the two reviewers scored it; an item both sheets call 不适用
was not judged and is left out. Two measures, per item, per reviewer pair, per reviewer (with
whoever reviewed alongside) and overall:

* the agreement rate: the share of judgments with the same deduction to the point;
* Cohen's kappa on whether the item lost points (扣分 / 不扣分): the agreement beyond what two
  raters with these deduction rates would reach by chance. Deduction levels of different items
  mean different things, so the pooled figures could not use them; the binary outcome keeps the
  per-item and pooled kappas comparable.

Only cases whose two reviews are both done count (arbitrated or not: the statistics are about
the independent reviews). Read-only; link new reviews first (:func:`settle` does).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from casereview.scoring import ItemStatus
from casereview.sessions.double import review_pair
from casereview.sessions.store import get_session, session_cases
from casereview.standards.schema import Standard

_EPS = 1e-6


def cohen_kappa(pairs: Sequence[tuple[Hashable, Hashable]]) -> float | None:
    """(po − pe) / (1 − pe) over (rater A, rater B) outcomes; None without any pair.

    When both raters gave one and the same outcome throughout, pe = po = 1 and kappa is taken as
    1.0 (perfect agreement) instead of 0/0.
    """
    n = len(pairs)
    if n == 0:
        return None
    agreed = sum(1 for a, b in pairs if a == b)
    first = Counter(a for a, _ in pairs)
    second = Counter(b for _, b in pairs)
    chance = sum(count * second[outcome] for outcome, count in first.items())  # pe · n², exact
    if chance == n * n:
        return 1.0
    return (agreed * n - chance) / (n * n - chance)


@dataclass(frozen=True)
class Measure:
    cases: int
    judgments: int
    agreed: int  # judgments with the same deduction
    kappa: float | None  # None without judgments

    @property
    def rate(self) -> float | None:
        return self.agreed / self.judgments if self.judgments else None


@dataclass(frozen=True)
class ItemAgreement:
    item_id: str
    title: str
    points: float
    measure: Measure


@dataclass(frozen=True)
class ReviewerAgreement:
    """One reviewer against their co-reviewers (kappa: this reviewer as rater A)."""

    reviewer: str
    partners: tuple[str, ...]
    measure: Measure
    mean_difference: float | None  # mean |score difference| of their cases
    beyond_tolerance: int  # their cases further apart than the tolerance


@dataclass(frozen=True)
class PairAgreement:
    """Two reviewers over the cases they both reviewed (kappa: ``first`` as rater A)."""

    first: str
    second: str
    measure: Measure
    mean_difference: float | None
    beyond_tolerance: int


@dataclass(frozen=True)
class AgreementStats:
    session_id: int
    tolerance: float
    overall: Measure  # slot 1 as rater A
    mean_difference: float | None
    beyond_tolerance: int
    items: tuple[ItemAgreement, ...]  # every item of the standard, in its order
    pairs: tuple[PairAgreement, ...]  # by names
    reviewers: tuple[ReviewerAgreement, ...]  # by name


@dataclass(frozen=True)
class _Judgment:
    case: int
    item_id: str
    first: str  # reviewer names by slot
    second: str
    a: float  # deductions by slot
    b: float

    def seen_by(self, reviewer: str) -> tuple[str, float, float]:
        """(co-reviewer, this reviewer's deduction, the co-reviewer's)."""
        if reviewer == self.first:
            return self.second, self.a, self.b
        return self.first, self.b, self.a


def _measure(judgments: Iterable[tuple[int, float, float]]) -> Measure:
    """From (case, rater A's deduction, rater B's deduction)."""
    rows = list(judgments)
    agreed = sum(1 for _, a, b in rows if abs(a - b) <= _EPS)
    kappa = cohen_kappa([(a > _EPS, b > _EPS) for _, a, b in rows])
    return Measure(len({case for case, _, _ in rows}), len(rows), agreed, kappa)


@dataclass(frozen=True)
class _Case:
    first: str
    second: str
    delta: float  # |score difference|


def _beyond(deltas: Sequence[float], tolerance: float) -> int:
    return sum(1 for d in deltas if d > tolerance + _EPS)


def _mean(values: Sequence[float]) -> float | None:
    return round(sum(values) / len(values), 2) if values else None


def _pairs(judgments: Sequence[_Judgment], cases: Sequence[_Case], tolerance: float) -> list[PairAgreement]:
    found: list[PairAgreement] = []
    for first, second in sorted({(min(c.first, c.second), max(c.first, c.second)) for c in cases}):
        names = {first, second}
        seen = [(j.case, *j.seen_by(first)[1:]) for j in judgments if {j.first, j.second} == names]
        deltas = [c.delta for c in cases if {c.first, c.second} == names]
        found.append(PairAgreement(first, second, _measure(seen), _mean(deltas), _beyond(deltas, tolerance)))
    return found


def _reviewers(
    judgments: Sequence[_Judgment], cases: Sequence[_Case], tolerance: float
) -> list[ReviewerAgreement]:
    found: list[ReviewerAgreement] = []
    for name in sorted({n for c in cases for n in (c.first, c.second)}):
        seen = [(j.case, *j.seen_by(name)[1:]) for j in judgments if name in (j.first, j.second)]
        mine = [c for c in cases if name in (c.first, c.second)]
        partners = tuple(sorted({c.second if c.first == name else c.first for c in mine}))
        deltas = [c.delta for c in mine]
        found.append(
            ReviewerAgreement(name, partners, _measure(seen), _mean(deltas), _beyond(deltas, tolerance))
        )
    return found


def agreement(session: Session, session_id: int, standard: Standard) -> AgreementStats:
    """The session's agreement statistics under ``standard`` (the session's)."""
    info = get_session(session, session_id)
    judgments: list[_Judgment] = []
    cases: list[_Case] = []
    for case in session_cases(session, session_id):
        pair = review_pair(session, case, standard)
        if pair is None:
            continue
        names = (pair.first_reviewer, pair.second_reviewer)
        cases.append(_Case(*names, round(abs(pair.first_sheet.score - pair.second_sheet.score), 2)))
        others = {i.item_id: i for i in pair.second_sheet.items}
        for mine in pair.first_sheet.items:
            theirs = others[mine.item_id]
            if mine.status is ItemStatus.NOT_APPLICABLE and theirs.status is ItemStatus.NOT_APPLICABLE:
                continue
            judgments.append(_Judgment(case.id, mine.item_id, *names, mine.deduction, theirs.deduction))

    by_item: defaultdict[str, list[tuple[int, float, float]]] = defaultdict(list)
    for j in judgments:
        by_item[j.item_id].append((j.case, j.a, j.b))
    items = tuple(ItemAgreement(i.id, i.title, i.points, _measure(by_item[i.id])) for i in standard.items)
    deltas = [c.delta for c in cases]
    pooled = _measure((j.case, j.a, j.b) for j in judgments)
    return AgreementStats(
        session_id,
        info.tolerance,
        Measure(len(cases), pooled.judgments, pooled.agreed, pooled.kappa),
        _mean(deltas),
        _beyond(deltas, info.tolerance),
        items,
        tuple(_pairs(judgments, cases, info.tolerance)),
        tuple(_reviewers(judgments, cases, info.tolerance)),
    )
