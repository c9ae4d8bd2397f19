"""Findings: what a rule concludes about one case file (rules.md: pass/fail/needs_review/not_applicable)."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from casereview.domain.model import Evidence


class Status(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    NEEDS_REVIEW = (
        "needs_review"  # the rule applies but the machine cannot decide: never a deduction on its own
    )
    NOT_APPLICABLE = "not_applicable"


@dataclass(frozen=True)
class Finding:
    """One rule's result for one case file.

    ``message`` is Chinese user text stating the dates found, the limit, the count and the legal
    basis. ``facts`` carries the same as data for the timeline and exports, e.g.
    ``{"start": "2025-04-10", "end": "2025-05-20", "limit": 20, "unit": "WD", "count": 26,
    "deadline": "2025-05-09", "basis": "国办发〔2018〕118号"}``. ``violations`` counts separate
    breaches for per-violation deductions (e.g. three 笔录 each missing an officer).
    """

    rule: str
    status: Status
    message: str
    evidence: tuple[Evidence, ...] = ()
    facts: dict[str, object] = field(default_factory=dict)
    violations: int = 0
    item: str | None = None  # the standard item it was scored under (set by scoring)

    def to_json(self) -> dict[str, object]:
        return {
            "rule": self.rule,
            "item": self.item,
            "status": self.status.value,
            "message": self.message,
            "evidence": [e.to_json() for e in self.evidence],
        }
