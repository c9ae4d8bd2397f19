"""SQLAlchemy models for reviewer calibration (校准): gold cases with the lead's review as the
answer, rounds of gold cases scored blind by trainees, and the reviews each trainee submitted.
Registered on Base by :mod:`casereview.db.models` (imported at its end)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from casereview.db.models import Base, UTCDateTime


class GoldCaseRow(Base):
    """A case file whose answer is known: the lead's review of it (all its decisions)."""

    __tablename__ = "calibration_gold"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), unique=True)
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    standard_id: Mapped[str]
    marked_by: Mapped[str]
    marked_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class CalibrationRoundRow(Base):
    """A calibration round: some gold cases, scored by each trainee on their own."""

    __tablename__ = "calibration_rounds"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    standard_id: Mapped[str]
    lead: Mapped[str]
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)


class RoundCaseRow(Base):
    __tablename__ = "calibration_round_cases"
    __table_args__ = (UniqueConstraint("round_id", "gold_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("calibration_rounds.id", ondelete="CASCADE"))
    gold_id: Mapped[int] = mapped_column(ForeignKey("calibration_gold.id", ondelete="CASCADE"))


class TraineeRow(Base):
    """A trainee of a round; ``submitted_at`` is set once, when they hand in (then gold is shown)."""

    __tablename__ = "calibration_trainees"
    __table_args__ = (UniqueConstraint("round_id", "trainee"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("calibration_rounds.id", ondelete="CASCADE"))
    trainee: Mapped[str]
    submitted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)


class AnswerRow(Base):
    """The review a trainee submitted for a gold case of the round."""

    __tablename__ = "calibration_answers"
    __table_args__ = (UniqueConstraint("trainee_id", "case_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    trainee_id: Mapped[int] = mapped_column(ForeignKey("calibration_trainees.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"))
    review_id: Mapped[int] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
