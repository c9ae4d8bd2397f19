"""``score_case``: a standard + a case file's findings (+ reviewer decisions) → a score sheet."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from casereview.domain.findings import Finding, Status
from casereview.scoring.items import decide, overruled, propose
from casereview.scoring.model import ItemResult, ItemStatus, ReviewerDecision, ScoreSheet, TriggerResult
from casereview.standards.schema import Cap, Standard, Veto

_EPS = 1e-6


def scoring_items(standard: Standard) -> dict[str, str]:
    """Rule id → the item that scores it (a manual item only when no other item lists the rule)."""
    owner: dict[str, str] = {}
    for item in sorted(standard.items, key=lambda i: i.manual):  # scored items claim their rules first
        for rule_id in item.rules:
            owner.setdefault(rule_id, item.id)
    return owner


def _matches(finding: Finding, when: Mapping[str, str]) -> bool:
    for key, wanted in when.items():
        fact = finding.facts.get(key)
        values = [str(v) for v in fact] if isinstance(fact, list | tuple | set | frozenset) else [str(fact)]
        if wanted not in values:
            return False
    return True


def _trigger(
    trigger: Veto | Cap,
    kind: str,
    findings: Sequence[Finding],
    results: Mapping[str, ItemResult],
) -> TriggerResult:
    fired: list[str] = []
    pending: list[str] = []
    for rule_id in trigger.rules:
        mine = [f for f in findings if f.rule == rule_id]
        standing = [
            f
            for f in mine
            if f.status is Status.FAIL
            and _matches(f, trigger.when)
            and not (f.item and overruled(results[f.item].decision))
        ]
        if standing:
            fired.append(rule_id)
        elif not mine or any(f.status is Status.NEEDS_REVIEW for f in mine):
            pending.append(rule_id)
    for item_id in trigger.items:
        result = results[item_id]
        if result.deduction >= result.points - _EPS:  # an item fires only when it lost all its points
            fired.append(item_id)
        elif result.status in (ItemStatus.PENDING, ItemStatus.NEEDS_REVIEW):
            pending.append(item_id)
    return TriggerResult(
        trigger.id, trigger.title, kind, bool(fired), bool(pending) and not fired, tuple(fired or pending)
    )


def _grade(standard: Standard, score: float, caps: Sequence[TriggerResult], vetoed: bool) -> str:
    names = [g.name for g in standard.grades]
    grade = standard.grade_for(score)
    if vetoed:
        return names[-1]
    for cap, result in zip(standard.caps, caps, strict=True):
        limit = cap.max_grade or names[1]
        if result.triggered and names.index(grade) < names.index(limit):
            grade = limit
    return grade


def score_case(
    standard: Standard,
    profile: str | None,
    findings: Sequence[Finding],
    decisions: Mapping[str, ReviewerDecision] | None = None,
) -> ScoreSheet:
    """Score one case file.

    Per item: a failing rule deducts (all points, or per violation up to the item's points); a
    finding the machine could not decide and a manual item deduct nothing and wait for a reviewer;
    ``decisions`` (item id → the reviewer's latest decision) are applied on top. Then
    score = total − deductions (never below 0), the grade from the bands, lowered by caps, and
    the lowest grade whatever the score when a veto fires.
    """
    profile_name = standard.profile(profile).name
    decisions = decisions or {}
    unknown = sorted(set(decisions) - {i.id for i in standard.items})
    if unknown:
        raise ValueError(f"decisions for items not in standard {standard.id}: {unknown}")
    owner = scoring_items(standard)
    tagged = tuple(replace(f, item=owner.get(f.rule)) for f in findings)

    results: dict[str, ItemResult] = {}
    for item in standard.items:
        mine = tuple(f for f in tagged if f.rule in item.rules)
        proposal = propose(item, mine)
        decision = decisions.get(item.id)
        status, deduction, reason = decide(item, proposal, decision)
        results[item.id] = ItemResult(
            item.id,
            item.title,
            item.category,
            item.points,
            deduction,
            status,
            mine,
            reason,
            proposal[1],
            proposal[0],
            decision,
        )

    deduction = round(sum(r.deduction for r in results.values()), 2)
    score = max(round(standard.total - deduction, 2), 0.0)  # 扣完为止，不计负分
    vetoes = tuple(_trigger(v, "veto", tagged, results) for v in standard.vetoes)
    caps = tuple(_trigger(c, "cap", tagged, results) for c in standard.caps)
    return ScoreSheet(
        standard_id=standard.id,
        standard_version=standard.version,
        standard_hash=standard.content_hash(),
        profile=profile_name,
        total=standard.total,
        deduction=deduction,
        score=score,
        score_grade=standard.grade_for(score),
        grade=_grade(standard, score, caps, any(v.triggered for v in vetoes)),
        items=tuple(results.values()),
        vetoes=vetoes,
        caps=caps,
        findings=tagged,
    )
