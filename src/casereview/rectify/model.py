"""Plain dataclasses of the ledger and the objections (what :mod:`casereview.rectify` hands out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

DEFAULT_RECTIFY_DAYS = 30  # working days from the notice date (the notice's default period)
DEFAULT_OBJECTION_DAYS = 10  # working days (广东 评查办法 第12条: objections within 10 working days)
MAX_DAYS = 60  # as the standards lint bounds working-day periods


class ItemStatus(StrEnum):
    OPEN = "open"  # 待整改: the notice was sent, nothing came back yet
    REPORTED = "reported"  # 已报送: a 整改报告 answers it, not verified yet
    RECTIFIED = "rectified"  # 已整改
    NOT_RECTIFIED = "not_rectified"  # 未整改到位
    CLOSED = "closed"  # 已销号

    @property
    def label(self) -> str:
        return ITEM_LABELS[self]


ITEM_LABELS = {
    ItemStatus.OPEN: "待整改",
    ItemStatus.REPORTED: "已报送",
    ItemStatus.RECTIFIED: "已整改",
    ItemStatus.NOT_RECTIFIED: "未整改到位",
    ItemStatus.CLOSED: "已销号",
}
# The unit still owes something: past the deadline these are overdue.
OWED = (ItemStatus.OPEN, ItemStatus.NOT_RECTIFIED)


def item_status(text: str) -> ItemStatus:
    """An ItemStatus from its value or its Chinese label; ValueError when neither."""
    for status in ItemStatus:
        if text in (status.value, status.label):
            return status
    raise ValueError(text)


class ObjectionStatus(StrEnum):
    PENDING = "pending"  # 待复核
    UPHELD = "upheld"  # 维持
    CHANGED = "changed"  # 变更

    @property
    def label(self) -> str:
        return OBJECTION_LABELS[self]


OBJECTION_LABELS = {
    ObjectionStatus.PENDING: "待复核",
    ObjectionStatus.UPHELD: "维持",
    ObjectionStatus.CHANGED: "变更",
}


@dataclass(frozen=True)
class Periods:
    rectify_days: int = DEFAULT_RECTIFY_DAYS
    objection_days: int = DEFAULT_OBJECTION_DAYS


@dataclass(frozen=True)
class NewProblem:
    """One problem a notice lists, as the ledger records it."""

    case_id: int
    review_id: int | None
    item_id: str
    title: str
    rules: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class NoticeRecord:
    id: int
    session_id: int
    unit: str
    doc_number: str
    issued: dt.date
    rectify_days: int
    deadline: dt.date
    objection_days: int
    objection_deadline: dt.date
    recorded_by: str


@dataclass(frozen=True)
class RectifyItem:
    id: int
    notice_id: int
    case_id: int
    review_id: int | None
    unit: str
    item_id: str
    title: str
    rules: tuple[str, ...]
    reason: str
    deadline: dt.date
    status: ItemStatus
    note: str
    verified_by: str | None
    closed_by: str | None
    recheck_review_id: int | None
    reports: tuple[str, ...] = field(default_factory=tuple)  # file names of the 整改报告
    overdue_days: int | None = None  # working days past the deadline, when overdue


@dataclass(frozen=True)
class AttachmentFile:
    """A file read and checked, ready to store."""

    file_name: str
    kind: str  # docx | pdf | image
    sha256: str
    content: bytes

    @property
    def size(self) -> int:
        return len(self.content)


@dataclass(frozen=True)
class Objection:
    id: int
    session_id: int
    case_id: int
    review_id: int | None
    unit: str
    item_id: str
    reason: str
    filed_on: dt.date
    deadline: dt.date
    filed_by: str
    original_reviewer: str
    original_deduction: float
    status: ObjectionStatus
    decision_reason: str | None
    decided_by: str | None
    outcome: dict[str, object] | None
    attachments: tuple[str, ...] = ()
