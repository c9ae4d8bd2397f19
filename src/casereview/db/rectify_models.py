"""SQLAlchemy models for rectification (整改台账) and objections (异议 / 复核), issue 15.

Registered on Base by :mod:`casereview.db.models` (imported at its end). A sent 整改通知书 is a
``rectify_notices`` row per unit; each problem it lists is a ``rectify_items`` row. Files a unit
sends (整改报告, 异议材料) are ``rectify_attachments`` rows holding the bytes themselves: a shared
PostgreSQL database is read from many workstations, where a path on one machine means nothing.
Attachments are append-only (migration 0009 adds the triggers); every change of an item or an
objection is written to ``audit_log`` in the same transaction.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, LargeBinary, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from casereview.db.models import Base, UTCDateTime


def _session_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)


class RectifySettingsRow(Base):
    """A session's periods in working days (absent: the defaults)."""

    __tablename__ = "rectify_settings"

    session_id: Mapped[int] = mapped_column(
        ForeignKey("review_sessions.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    rectify_days: Mapped[int]  # 整改期限: working days from the notice date
    objection_days: Mapped[int]  # 异议期限: working days from the notice date


class RectifyNoticeRow(Base):
    """One 整改通知书 sent to one unit of a session, with the deadlines it states."""

    __tablename__ = "rectify_notices"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    unit: Mapped[str]
    doc_number: Mapped[str]
    issued: Mapped[dt.date]
    rectify_days: Mapped[int]
    deadline: Mapped[dt.date]
    objection_days: Mapped[int]
    objection_deadline: Mapped[dt.date]
    recorded_by: Mapped[str]
    recorded_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RectifyItemRow(Base):
    """One problem of a notice to rectify: open → reported → rectified / not_rectified → closed."""

    __tablename__ = "rectify_items"

    id: Mapped[int] = mapped_column(primary_key=True)
    notice_id: Mapped[int] = mapped_column(ForeignKey("rectify_notices.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[int] = _session_fk()
    case_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), index=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    unit: Mapped[str] = mapped_column(index=True)
    item_id: Mapped[str]
    title: Mapped[str]
    rules: Mapped[list[str]]
    reason: Mapped[str]
    deadline: Mapped[dt.date]
    status: Mapped[str] = mapped_column(String(16), index=True)
    note: Mapped[str]
    verified_by: Mapped[str | None]
    verified_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    closed_by: Mapped[str | None]
    closed_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    recheck_review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    version: Mapped[int]


class RectifyAttachmentRow(Base):
    """A file a unit sent: a 整改报告 (``purpose`` report) or an objection's material (objection)."""

    __tablename__ = "rectify_attachments"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    unit: Mapped[str]
    purpose: Mapped[str] = mapped_column(String(16))
    file_name: Mapped[str]
    kind: Mapped[str] = mapped_column(String(8))  # docx | pdf | image
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    size: Mapped[int]
    content: Mapped[bytes] = mapped_column(LargeBinary)
    attached_by: Mapped[str]
    attached_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RectifyReportLinkRow(Base):
    """Which items a 整改报告 answers."""

    __tablename__ = "rectify_report_items"
    __table_args__ = (UniqueConstraint("attachment_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attachment_id: Mapped[int] = mapped_column(ForeignKey("rectify_attachments.id", ondelete="CASCADE"))
    item_id: Mapped[int] = mapped_column(ForeignKey("rectify_items.id", ondelete="CASCADE"), index=True)


class ObjectionRow(Base):
    """A unit's objection to one standard item of its case, and the re-review decision on it."""

    __tablename__ = "objections"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = _session_fk()
    case_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), index=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    unit: Mapped[str]
    item_id: Mapped[str]
    reason: Mapped[str]
    filed_on: Mapped[dt.date]
    deadline: Mapped[dt.date]
    filed_by: Mapped[str]
    original_reviewer: Mapped[str]
    original_deduction: Mapped[float]
    status: Mapped[str] = mapped_column(String(16))  # pending | upheld | changed
    decision_reason: Mapped[str | None]
    decided_by: Mapped[str | None]
    decided_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
    # The outcome of a 变更: the item's new deduction and the review's score and grade around it.
    outcome: Mapped[Any] = mapped_column(JSON, nullable=True)
    version: Mapped[int]


class ObjectionAttachmentRow(Base):
    __tablename__ = "objection_attachments"
    __table_args__ = (UniqueConstraint("objection_id", "attachment_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    objection_id: Mapped[int] = mapped_column(ForeignKey("objections.id", ondelete="CASCADE"))
    attachment_id: Mapped[int] = mapped_column(ForeignKey("rectify_attachments.id", ondelete="CASCADE"))
