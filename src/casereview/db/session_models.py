"""SQLAlchemy models for review sessions (年度案卷评查): the session, its reviewers, its cases and
who reviews each case. Registered on Base by :mod:`casereview.db.models` (imported at its end)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from casereview.db.models import Base, UTCDateTime


def _session_fk() -> Mapped[int]:
    return mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"), index=True)


class ReviewSessionRow(Base):
    """One review session: a year's review of many case files against one standard."""

    __tablename__ = "review_sessions"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    year: Mapped[int]
    standard_id: Mapped[str]
    profile: Mapped[str | None]
    double_review: Mapped[bool]
    blind: Mapped[bool]
    tolerance: Mapped[float]  # points: two reviews further apart than this go to arbitration
    lead: Mapped[str]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    version: Mapped[int]
    # Identity across machines (a name is not one): a random id given at creation, carried by every
    # package; NULL for a session made before it until its first export. A reviewer's copy takes
    # the id of the package it came from.
    uid: Mapped[str | None] = mapped_column(String(32), unique=True)
    lead_key: Mapped[str | None] = mapped_column(String(64))  # the lead's public key (base64)


class ReviewerKeyRow(Base):
    """A reviewer's public key the lead registered for a session: results signed by it merge."""

    __tablename__ = "session_reviewer_keys"
    __table_args__ = (UniqueConstraint("session_id", "reviewer", "public_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"))
    reviewer: Mapped[str]
    public_key: Mapped[str] = mapped_column(String(64))
    fingerprint: Mapped[str] = mapped_column(String(64))
    registered_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    registered_by: Mapped[str]


class SessionReviewerRow(Base):
    """A reviewer of a session and the enforcement unit they come from (never assigned its cases)."""

    __tablename__ = "session_reviewers"
    __table_args__ = (UniqueConstraint("session_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"))
    name: Mapped[str]
    unit: Mapped[str | None]


class SessionCaseRow(Base):
    """A case file in a session, its unit, status and (once settled) the review that counts."""

    __tablename__ = "session_cases"
    __table_args__ = (UniqueConstraint("session_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("review_sessions.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), index=True)
    unit: Mapped[str]
    status: Mapped[str] = mapped_column(String(16))  # pending | reviewing | arbitration | done
    final_review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    version: Mapped[int]


class AssignmentRow(Base):
    """Reviewer ``slot`` (1, or 1 and 2 for double review) of a session case, and their review."""

    __tablename__ = "assignments"
    __table_args__ = (UniqueConstraint("session_case_id", "slot"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_case_id: Mapped[int] = mapped_column(
        ForeignKey("session_cases.id", ondelete="CASCADE"), index=True
    )
    slot: Mapped[int]
    reviewer: Mapped[str] = mapped_column(index=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="SET NULL"))
    assigned_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    assigned_by: Mapped[str]
