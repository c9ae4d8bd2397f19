"""Score-sheet data: item results, triggered vetoes and caps, and the reviewer's decisions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from casereview.domain.findings import Finding
from casereview.domain.model import Evidence


class ItemStatus(StrEnum):
    PASS = "通过"
    DEDUCTED = "扣分"
    NEEDS_REVIEW = "待人工确认"  # a rule could not decide: no deduction until a reviewer does
    NOT_APPLICABLE = "不适用"
    PENDING = "待评"  # a manual item nobody has judged yet


class DecisionKind(StrEnum):
    ACCEPT = "accept"  # the machine's proposal stands (confirms a pass, a deduction or a 待评 as 通过)
    OVERRIDE = "override"  # the reviewer sets the deduction, with a reason
    MANUAL = "manual"  # the reviewer's own finding: deduction, reason and the page region it rests on


@dataclass(frozen=True)
class ReviewerDecision:
    """A reviewer's word on one item, applied on top of the machine's proposal.

    Stored by the review layer (one per item, the latest wins); scoring only reads it.
    """

    kind: DecisionKind
    reviewer: str
    at: dt.datetime
    deduction: float | None = None
    reason: str = ""
    region: Evidence | None = None  # page + box the reviewer marked (manual decisions)

    def __post_init__(self) -> None:
        if self.kind is DecisionKind.ACCEPT:
            return
        if self.deduction is None or self.deduction < 0:
            raise ValueError(f"a {self.kind} decision needs a deduction >= 0")
        if not self.reason.strip():
            raise ValueError(f"a {self.kind} decision needs a reason")
        if self.kind is DecisionKind.MANUAL and self.region is None:
            raise ValueError("a manual decision needs the page region it rests on")


@dataclass(frozen=True)
class ItemResult:
    item_id: str
    title: str
    category: str
    points: float
    deduction: float
    status: ItemStatus
    findings: tuple[Finding, ...]
    reason: str  # Chinese: why the item passed, lost points or waits for a reviewer
    proposed_deduction: float  # the machine's proposal before any decision
    proposed_status: ItemStatus
    decision: ReviewerDecision | None = None

    @property
    def score(self) -> float:
        return round(self.points - self.deduction, 2)

    def to_json(self) -> dict[str, object]:
        return {
            "item": self.item_id,
            "title": self.title,
            "category": self.category,
            "points": self.points,
            "deduction": self.deduction,
            "status": self.status.value,
            "reason": self.reason,
            "rules": [f.rule for f in self.findings],
            "decided_by": self.decision.reviewer if self.decision else None,
        }


@dataclass(frozen=True)
class TriggerResult:
    """A veto or cap of the standard: fired, possibly firing (a finding or item awaits a person), or not."""

    id: str
    title: str
    kind: str  # "veto" | "cap"
    triggered: bool
    pending: bool
    sources: tuple[str, ...]  # the rule ids / item ids that fired it (or may fire it)


@dataclass(frozen=True)
class ScoreSheet:
    standard_id: str
    standard_version: str
    standard_hash: str
    profile: str
    total: float
    deduction: float
    score: float
    score_grade: str  # from the score alone
    grade: str  # after caps and vetoes
    items: tuple[ItemResult, ...]
    vetoes: tuple[TriggerResult, ...]
    caps: tuple[TriggerResult, ...]
    findings: tuple[Finding, ...]  # every finding given, with ``item`` set where a standard item scores it

    @property
    def provisional(self) -> bool:
        """True while an item waits for a reviewer or a veto/cap may still fire: the grade can change."""
        waiting = {ItemStatus.PENDING, ItemStatus.NEEDS_REVIEW}
        return any(i.status in waiting for i in self.items) or any(
            t.pending and not t.triggered for t in (*self.vetoes, *self.caps)
        )

    def item(self, item_id: str) -> ItemResult:
        return next(i for i in self.items if i.item_id == item_id)

    def to_json(self) -> dict[str, object]:
        return {
            "standard": {
                "id": self.standard_id,
                "version": self.standard_version,
                "hash": self.standard_hash,
            },
            "profile": self.profile,
            "score": self.score,
            "grade": self.grade,
            "provisional": self.provisional,
            "vetoes": [t.id for t in self.vetoes if t.triggered],
            "caps": [t.id for t in self.caps if t.triggered],
            "items": [i.to_json() for i in self.items],
        }
