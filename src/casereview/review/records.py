"""Plain dataclasses for stored reviews: what :mod:`casereview.review` hands out (never ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from casereview.domain.findings import Finding, Status
from casereview.domain.model import BBox, Evidence
from casereview.scoring.model import DecisionKind  # one enum for scoring and storage


class ReviewStatus(StrEnum):
    IN_PROGRESS = "in_progress"
    DONE = "done"


class AuditAction(StrEnum):
    CREATE_REVIEW = "create_review"
    DECISION = "decision"
    SCORE = "score"
    STATUS = "status"
    RESCORE = "rescore"
    PUBLICATION_DATE = "publication_date"
    TRAINING_TAG = "training_tag"  # a case or page range tagged (or untagged) for the 典型案例汇编
    WITHDRAW = "withdraw_decision"  # a decision taken back (undo): the machine's proposal stands again
    FINDINGS = "findings"  # the rules re-run after a field correction
    CORRECTION = "field_correction"
    SESSION = "session"  # a review session created, a session case's status changed
    ASSIGNMENT = "assignment"
    MERGE = "merge_package"  # a reviewer's offline results package merged by the lead
    REGISTER_KEY = "register_key"  # a reviewer's signing key registered by the lead for a session
    ACCEPT_UNSIGNED = "accept_unsigned"  # the lead merged an unsigned (pre-signing) results package
    CASE_TYPE = "case_type"  # the reviewer set (or cleared) the case type the standard follows
    RECTIFY = "rectify"  # a notice recorded, a 整改报告 attached, an item verified or closed
    OBJECTION = "objection"  # a unit's objection filed or decided (维持 / 变更)
    CALIBRATION = "calibration"  # a gold case marked, a calibration round created, a trainee's submission
    REASON = "reason"  # a library reason added or imported, or used by a decision


@dataclass(frozen=True)
class StandardMeta:
    """Which standard a review was scored with: id, version and content hash of the standard file."""

    id: str
    version: str
    hash: str


@dataclass(frozen=True)
class StoredFinding:
    """A machine finding as stored with a review (the fields of :class:`Finding`)."""

    rule: str
    status: Status
    message: str
    evidence: tuple[Evidence, ...] = ()
    facts: dict[str, object] = field(default_factory=dict)
    violations: int = 0
    item: str | None = None

    @classmethod
    def from_finding(cls, finding: Finding | StoredFinding) -> StoredFinding:
        return cls(
            rule=finding.rule,
            status=Status(finding.status),
            message=finding.message,
            evidence=tuple(finding.evidence),
            facts=dict(finding.facts),
            violations=finding.violations,
            item=finding.item,
        )

    def to_finding(self) -> Finding:
        return Finding(
            self.rule, self.status, self.message, self.evidence, dict(self.facts), self.violations, self.item
        )


@dataclass(frozen=True)
class StoredDecision:
    """A reviewer's decision on one standard item.

    ``deduction`` is the points the reviewer decides to deduct (None: as the machine scored it);
    ``page``/``bbox`` mark the evidence (PDF points, 1-based page). ``reviewer`` defaults to the
    actor recording it and ``decided_at`` to the time it is recorded. ``superseded`` is set on
    loaded decisions a later one for the same item replaced.
    """

    kind: DecisionKind
    item_id: str
    deduction: float | None = None
    reason: str = ""
    page: int | None = None
    bbox: BBox | None = None
    reviewer: str = ""
    decided_at: dt.datetime | None = None
    superseded: bool = False


@dataclass(frozen=True)
class ReviewSummary:
    """One line of a case's review list."""

    id: int
    case_id: int
    standard: StandardMeta
    profile: str
    reviewer: str
    created_at: dt.datetime
    updated_at: dt.datetime
    machine_score: float
    machine_grade: str
    score: float
    grade: str
    status: ReviewStatus
    version: int


@dataclass(frozen=True)
class StoredReview:
    """A review with its machine findings, its active decisions and the full decision history."""

    summary: ReviewSummary
    findings: list[StoredFinding]
    decisions: list[StoredDecision]  # active: the latest per item, in the order they were made
    history: list[StoredDecision]  # every decision ever recorded, oldest first

    @property
    def id(self) -> int:
        return self.summary.id

    @property
    def case_id(self) -> int:
        return self.summary.case_id


@dataclass(frozen=True)
class AuditEntry:
    id: int
    review_id: int | None
    case_id: int | None
    at: dt.datetime
    actor: str
    machine: str  # host name of the workstation that made the change
    action: AuditAction | str
    item_id: str | None
    before: object
    after: object
