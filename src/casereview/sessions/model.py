"""Plain dataclasses for review sessions (what :mod:`casereview.sessions` hands out, never ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum


class CaseStatus(StrEnum):
    PENDING = "pending"  # 待评查: nobody has started
    REVIEWING = "reviewing"  # 评查中
    ARBITRATION = "arbitration"  # 待仲裁: two reviews further apart than the tolerance
    DONE = "done"  # 已完成

    @property
    def label(self) -> str:
        return STATUS_LABELS[self]


STATUS_LABELS = {
    CaseStatus.PENDING: "待评查",
    CaseStatus.REVIEWING: "评查中",
    CaseStatus.ARBITRATION: "待仲裁",
    CaseStatus.DONE: "已完成",
}


@dataclass(frozen=True)
class SessionInfo:
    id: int
    name: str
    year: int
    standard_id: str
    profile: str | None
    double_review: bool
    blind: bool
    tolerance: float
    lead: str
    created_at: dt.datetime
    version: int
    uid: str | None = None  # the session's identity across machines (None: made before it existed)
    lead_key: str | None = None  # the lead's public signing key (base64)

    @property
    def reviews_per_case(self) -> int:
        return 2 if self.double_review else 1


@dataclass(frozen=True)
class Reviewer:
    name: str
    unit: str | None


@dataclass(frozen=True)
class Assignment:
    slot: int
    reviewer: str
    review_id: int | None


@dataclass(frozen=True)
class SessionCase:
    id: int  # the session case's id
    case_id: int
    unit: str
    status: CaseStatus
    final_review_id: int | None
    version: int
    assignments: tuple[Assignment, ...]

    def reviewers(self) -> list[str]:
        return [a.reviewer for a in sorted(self.assignments, key=lambda a: a.slot)]


@dataclass(frozen=True)
class ReviewerProgress:
    reviewer: str
    assigned: int
    started: int
    done: int
