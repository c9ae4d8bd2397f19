"""One item: the machine's proposal from its rules' findings, then the reviewer's decision on top."""

from __future__ import annotations

from collections.abc import Sequence

from casereview.domain.findings import Finding, Status
from casereview.scoring.model import DecisionKind, ItemStatus, ReviewerDecision
from casereview.standards.schema import Item

_EPS = 1e-6

Proposal = tuple[ItemStatus, float, str]  # status, deduction, reason


def explain(item: Item, finding: Finding) -> str:
    """The item's explanation filled with the finding's facts; the bare message if a fact is missing.

    Falling back beats printing a raw ``{limit}`` in a rectification notice when a rule did not
    report that fact for this case.
    """
    values: dict[str, object] = {
        **finding.facts,
        "message": finding.message,
        "rule": finding.rule,
        "violations": finding.violations,
    }
    values.setdefault("count", finding.violations)
    try:
        return item.explanation.format_map(values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return finding.message or item.title


def _messages(findings: Sequence[Finding]) -> str:
    return "；".join(f.message for f in findings if f.message)


def _violations(findings: Sequence[Finding]) -> int:
    return sum(max(f.violations, 1) for f in findings)  # a fail always counts at least once


def propose(item: Item, findings: Sequence[Finding]) -> Proposal:
    """What the machine proposes for ``item`` from the findings of its rules."""
    if item.manual:
        hints = f"（请查阅：{'、'.join(item.evidence_hints)}）" if item.evidence_hints else ""
        reference = f"；规则参考：{_messages(findings)}" if findings else ""
        return ItemStatus.PENDING, 0.0, f"人工评查项，待评查人员判定{hints}{reference}"
    fails = [f for f in findings if f.status is Status.FAIL]
    if fails:
        if item.deduction == "per_violation" and item.per_violation is not None:
            deduction = min(item.points, item.per_violation * _violations(fails))
        else:
            deduction = item.points
        return ItemStatus.DEDUCTED, round(deduction, 2), "；".join(explain(item, f) for f in fails)
    reported = {f.rule for f in findings}
    missing = [r for r in item.rules if r not in reported]
    unsure = [f for f in findings if f.status is Status.NEEDS_REVIEW]
    if missing or unsure:
        parts = [_messages(unsure)] if unsure else []
        if missing:
            parts.append(f"未得到规则 {'、'.join(missing)} 的检查结果")
        return ItemStatus.NEEDS_REVIEW, 0.0, "需人工确认：" + "；".join(p for p in parts if p)
    if all(f.status is Status.NOT_APPLICABLE for f in findings):
        return ItemStatus.NOT_APPLICABLE, 0.0, _messages(findings) or "本案不适用"
    passed = [f for f in findings if f.status is Status.PASS]
    return ItemStatus.PASS, 0.0, _messages(passed) or "符合要求"


def decide(item: Item, proposal: Proposal, decision: ReviewerDecision | None) -> Proposal:
    """Apply the reviewer's decision to the machine's proposal."""
    status, deduction, reason = proposal
    if decision is None:
        return proposal
    if decision.kind is DecisionKind.ACCEPT:
        if status in (ItemStatus.PENDING, ItemStatus.NEEDS_REVIEW):
            return ItemStatus.PASS, 0.0, f"评查人员 {decision.reviewer} 确认无需扣分"
        return status, deduction, reason
    assert decision.deduction is not None  # checked by ReviewerDecision
    if decision.deduction > item.points + _EPS:
        raise ValueError(f"item {item.id}: deduction {decision.deduction} exceeds its {item.points} points")
    new = round(float(decision.deduction), 2)
    return (ItemStatus.DEDUCTED if new > 0 else ItemStatus.PASS), new, decision.reason


def overruled(decision: ReviewerDecision | None) -> bool:
    """The reviewer set the item to no deduction: its rules' failures no longer fire vetoes or caps."""
    return (
        decision is not None
        and decision.kind in (DecisionKind.OVERRIDE, DecisionKind.MANUAL)
        and (decision.deduction or 0) <= 0
    )
