"""SQLAlchemy models for reviews, reviewer decisions, the audit log and publication lists.

Registered on :class:`casereview.db.models.Base` (``models`` imports this module at its end), so
Alembic and ``compare_metadata`` see them. Like the case-file models these rows never leave the
storage code: :mod:`casereview.review` turns them into plain dataclasses.

``audit_log`` has no foreign keys on purpose: it is append-only (triggers refuse UPDATE and DELETE,
see migration 0002) and must outlive a deleted case or review. ``review_decisions`` is append-only
too (migration 0005): its rows go only with their review.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from casereview.db.models import Base, UTCDateTime


def _case_fk(*, primary_key: bool = False) -> Mapped[int]:
    return mapped_column(
        ForeignKey("case_files.id", ondelete="CASCADE"), primary_key=primary_key, index=not primary_key
    )


def _review_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))


class PublicationListRow(Base):
    """One imported publication list (公示清单), identified by the file's SHA-256."""

    __tablename__ = "publication_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str]
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    row_count: Mapped[int]


class PublicationRow(Base):
    """One published decision of a list; looked up by ``case_number_key``."""

    __tablename__ = "publications"
    __table_args__ = (UniqueConstraint("list_id", "row_no"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("publication_lists.id", ondelete="CASCADE"))
    case_number_key: Mapped[str] = mapped_column(index=True)
    case_number: Mapped[str]  # as printed in the list
    publication_date: Mapped[dt.date]
    decision_date: Mapped[dt.date | None]
    party: Mapped[str | None]
    agency: Mapped[str | None]
    row_no: Mapped[int]  # row in the file (1-based, header rows counted)


class RosterListRow(Base):
    """One imported officer roster (执法人员名单), identified by the file's SHA-256."""

    __tablename__ = "roster_lists"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str]
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    row_count: Mapped[int]


class RosterEntryRow(Base):
    """One officer of a roster; P-21 looks certificates up by ``certificate_key``."""

    __tablename__ = "roster_entries"
    __table_args__ = (UniqueConstraint("list_id", "certificate_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    list_id: Mapped[int] = mapped_column(ForeignKey("roster_lists.id", ondelete="CASCADE"))
    name: Mapped[str]
    certificate: Mapped[str]  # as printed
    certificate_key: Mapped[str] = mapped_column(index=True)
    field: Mapped[str]
    valid_until: Mapped[dt.date]
    row_no: Mapped[int]


class CasePublicationDateRow(Base):
    """The publication date a reviewer entered for a case file (at most one per case)."""

    __tablename__ = "case_publication_dates"

    case_id: Mapped[int] = _case_fk(primary_key=True)
    date: Mapped[dt.date]
    reviewer: Mapped[str]
    entered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class ReviewRow(Base):
    """One review of a case file against one standard version."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = _case_fk()
    standard_id: Mapped[str]
    standard_version: Mapped[str]
    standard_hash: Mapped[str]
    profile: Mapped[str]
    reviewer: Mapped[str]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    machine_score: Mapped[float]
    machine_grade: Mapped[str]
    score: Mapped[float]
    grade: Mapped[str]
    status: Mapped[str] = mapped_column(String(16))
    version: Mapped[int]  # bumped by every change; for optimistic locking


class ReviewFindingRow(Base):
    """A machine finding as it was when the review was created."""

    __tablename__ = "review_findings"
    __table_args__ = (UniqueConstraint("review_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = _review_fk()
    seq: Mapped[int]
    rule: Mapped[str] = mapped_column(String(16))
    item: Mapped[str | None]
    status: Mapped[str] = mapped_column(String(16))
    message: Mapped[str]
    evidence: Mapped[Any] = mapped_column(JSON, nullable=False)
    facts: Mapped[Any] = mapped_column(JSON, nullable=False)
    violations: Mapped[int]


class ReviewDecisionRow(Base):
    """A reviewer's decision on one standard item, append-only: the latest row of an item (by id)
    is its current decision; a row of kind ``withdrawn`` takes the item back to the machine's
    proposal. Rows are never updated (triggers refuse it, migration 0005)."""

    __tablename__ = "review_decisions"
    __table_args__ = (Index("ix_review_decisions_review_id_item_id", "review_id", "item_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int] = _review_fk()
    item_id: Mapped[str]
    kind: Mapped[str] = mapped_column(String(16))  # accept | override | manual | withdrawn
    deduction: Mapped[float | None]
    reason: Mapped[str | None]
    page: Mapped[int | None]
    bbox: Mapped[Any] = mapped_column(JSON, nullable=True)
    reviewer: Mapped[str]
    decided_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class AuditLogRow(Base):
    """One change, append-only: who, from which machine, what, and the values before and after."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int | None] = mapped_column(index=True)
    case_id: Mapped[int | None] = mapped_column(index=True)
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    actor: Mapped[str]
    machine: Mapped[str]
    action: Mapped[str] = mapped_column(String(32))
    item_id: Mapped[str | None]
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)
    # The hash chain (SQLite only, see db/audit_chain.py); NULL on PostgreSQL.
    prev_hash: Mapped[str | None] = mapped_column(String(64))
    row_hash: Mapped[str | None] = mapped_column(String(64))


class FieldCorrectionRow(Base):
    """A reviewer's correction of an extracted field (案号, a date by role, an amount …).

    Append-only history: the latest row per (case, field) that is not ``withdrawn`` is the value
    the rules see; a correction is undone by a newer row with ``withdrawn`` set.
    """

    __tablename__ = "field_corrections"
    __table_args__ = (Index("ix_field_corrections_case_id_field", "case_id", "field"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"))
    field: Mapped[str] = mapped_column(String(32))  # JSON field name, e.g. "decision_date"
    value: Mapped[str | None]  # as the reviewer typed it, normalised (ISO date, yuan amount)
    withdrawn: Mapped[bool]
    page: Mapped[int | None]  # where the reviewer read the value (a date the machine missed)
    reason: Mapped[str | None]
    reviewer: Mapped[str]
    at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class TrainingTagRow(Base):
    """A case or a page range tagged for the 典型案例汇编 (优秀 or 典型差案) with a trainer's note."""

    __tablename__ = "training_tags"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = _case_fk()
    tag: Mapped[str] = mapped_column(String(16))  # 优秀 | 典型差案
    first_page: Mapped[int | None]  # None: the whole case file
    last_page: Mapped[int | None]
    note: Mapped[str]
    reviewer: Mapped[str]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
