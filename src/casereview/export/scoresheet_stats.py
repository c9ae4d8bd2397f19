"""The figures of a review session's summary: problems by rule and by category, per unit and per
reviewer. Plain data, so other exports (statistics, reports) can reuse them.

A problem (问题) is an item that lost points in the final sheet, i.e. after the reviewer's
decisions: it is counted under each failing rule of that item, or under the item itself when a
reviewer deducted without a failing rule (a manual item or an override). A failing rule whose
item the reviewer set to no deduction is not a problem.
"""

from __future__ import annotations

import statistics
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from casereview.domain.findings import Status
from casereview.export.model import ReviewedCase
from casereview.rules import REGISTRY
from casereview.scoring import DecisionKind


@dataclass(frozen=True)
class Problem:
    """One problem in one case: where it comes from and how often it occurred there."""

    key: str  # rule id, or the item id for a reviewer's own deduction
    title: str
    category: str  # category id of the item that lost points
    occurrences: int  # separate breaches (three 笔录 without a second officer are three)
    points: float  # the item's deduction (shared by its failing rules)


@dataclass(frozen=True)
class Frequency:
    key: str
    title: str
    category: str
    occurrences: int
    cases: int


@dataclass(frozen=True)
class CategoryFrequency:
    category: str
    items: int  # items that lost points, over all cases
    cases: int
    deduction: float


@dataclass(frozen=True)
class ReviewerFigures:
    name: str
    cases: int
    average: float
    overrides: int  # decisions changing the machine's deduction
    manual: int  # the reviewer's own findings


def rule_title(rule_id: str) -> str:
    rule = REGISTRY.get(rule_id)
    return rule.title if rule is not None else rule_id


def problems(case: ReviewedCase) -> list[Problem]:
    found: list[Problem] = []
    for item in case.sheet.items:
        if item.deduction <= 0:
            continue
        fails = [f for f in item.findings if f.status is Status.FAIL]
        found += [
            Problem(f.rule, rule_title(f.rule), item.category, max(f.violations, 1), item.deduction)
            for f in fails
        ]
        if not fails:
            found.append(Problem(item.item_id, f"人工评查：{item.title}", item.category, 1, item.deduction))
    return found


def frequencies(cases: Sequence[ReviewedCase]) -> list[Frequency]:
    """Problems over ``cases``, most widespread first (cases, then occurrences, then key)."""
    occurrences: Counter[str] = Counter()
    affected: Counter[str] = Counter()
    first: dict[str, Problem] = {}
    categories: dict[str, Counter[str]] = defaultdict(Counter)
    for case in cases:
        seen: set[str] = set()
        for problem in problems(case):
            occurrences[problem.key] += problem.occurrences
            categories[problem.key][problem.category] += 1
            first.setdefault(problem.key, problem)
            if problem.key not in seen:
                affected[problem.key] += 1
                seen.add(problem.key)
    rows = [
        Frequency(
            key, first[key].title, categories[key].most_common(1)[0][0], occurrences[key], affected[key]
        )
        for key in first
    ]
    return sorted(rows, key=lambda r: (-r.cases, -r.occurrences, r.key))


def category_frequencies(cases: Sequence[ReviewedCase], order: Sequence[str]) -> list[CategoryFrequency]:
    """Items that lost points per category, in the standard's ``order`` (unknown ids after)."""
    items: Counter[str] = Counter()
    affected: Counter[str] = Counter()
    deduction: dict[str, float] = defaultdict(float)
    for case in cases:
        lost = [i for i in case.sheet.items if i.deduction > 0]
        for item in lost:
            items[item.category] += 1
            deduction[item.category] += item.deduction
        affected.update({i.category for i in lost})
    known = [c for c in order if c in items] + sorted(c for c in items if c not in order)
    return [CategoryFrequency(c, items[c], affected[c], round(deduction[c], 2)) for c in known]


def main_problems(cases: Sequence[ReviewedCase], limit: int = 3) -> str:
    """``T-12 处罚决定公示期限（3件）；…``: the ``limit`` most widespread problems."""
    return "；".join(f"{r.key} {r.title}（{r.cases}件）" for r in frequencies(cases)[:limit])


def reviewer_names(case: ReviewedCase) -> list[str]:
    return [name for name in case.reviewer.split("、") if name]


def reviewers(cases: Sequence[ReviewedCase]) -> list[ReviewerFigures]:
    """Per reviewer: the cases they took part in, their mean score, and their own decisions."""
    scores: dict[str, list[float]] = defaultdict(list)
    kinds: dict[str, Counter[DecisionKind]] = defaultdict(Counter)
    for case in cases:
        for name in reviewer_names(case):
            scores[name].append(case.sheet.score)
        for item in case.sheet.items:
            if item.decision is not None:
                kinds[item.decision.reviewer][item.decision.kind] += 1
    names = sorted(set(scores) | set(kinds))
    return [
        ReviewerFigures(
            name,
            len(scores[name]),
            round(statistics.fmean(scores[name]), 2) if scores[name] else 0.0,
            kinds[name][DecisionKind.OVERRIDE],
            kinds[name][DecisionKind.MANUAL],
        )
        for name in names
    ]


def grade_order(cases: Sequence[ReviewedCase], names: Sequence[str]) -> list[str]:
    """The standard's grades, best first; grades it does not list (another standard's) after,
    best mean score first."""
    extra: dict[str, list[float]] = defaultdict(list)
    for case in cases:
        if case.sheet.grade not in names:
            extra[case.sheet.grade].append(case.sheet.score)
    return [*names, *sorted(extra, key=lambda g: -statistics.fmean(extra[g]))]


def group_by_unit(cases: Sequence[ReviewedCase]) -> dict[str, list[ReviewedCase]]:
    """Cases per 执法单位 in order of first appearance ("（未识别）" for an unknown unit)."""
    units: dict[str, list[ReviewedCase]] = {}
    for case in cases:
        units.setdefault(unit_label(case), []).append(case)
    return units


def unit_label(case: ReviewedCase) -> str:
    return case.unit or "（未识别）"
