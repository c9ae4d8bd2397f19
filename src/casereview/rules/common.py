"""Small helpers shared by every rule family (keep family-specific helpers in their own module)."""

from __future__ import annotations

import datetime as dt

from casereview.domain.findings import Finding, Status
from casereview.domain.model import DateMention, Evidence
from casereview.rules.base import RuleContext


def cn_date(day: dt.date) -> str:
    """2025年4月10日 — how dates are written in messages."""
    return f"{day.year}年{day.month}月{day.day}日"


def dates_with_role(ctx: RuleContext, role: str) -> list[DateMention]:
    return [m for m in ctx.extraction.dates if m.role == role]


def first_date(ctx: RuleContext, role: str) -> DateMention | None:
    found = dates_with_role(ctx, role)
    return found[0] if found else None


def result(
    rule_id: str,
    status: Status,
    message: str,
    evidence: list[Evidence] | tuple[Evidence, ...] = (),
    violations: int | None = None,
    **facts: object,
) -> Finding:
    """A Finding; ``violations`` defaults to 1 for a fail and 0 otherwise."""
    count = violations if violations is not None else (1 if status == Status.FAIL else 0)
    return Finding(rule_id, status, message, tuple(evidence), dict(facts), count)


def needs_review(
    rule_id: str, message: str, evidence: list[Evidence] | tuple[Evidence, ...] = (), **facts: object
) -> Finding:
    return result(rule_id, Status.NEEDS_REVIEW, message, evidence, 0, **facts)


def not_applicable(rule_id: str, message: str) -> Finding:
    return result(rule_id, Status.NOT_APPLICABLE, message, (), 0)
