"""SQLAlchemy model of the reason library (常用理由库, issue 15 item 5).

Registered on Base by :mod:`casereview.db.models` (imported at its end). One row per reusable
reason of one standard item; ``use_count`` grows by one in the transaction of each decision that
uses it, and every change is written to ``audit_log`` (action ``reason``).
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from casereview.db.models import Base, UTCDateTime


class ReasonRow(Base):
    __tablename__ = "reasons"
    __table_args__ = (UniqueConstraint("standard_id", "item_id", "text"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    standard_id: Mapped[str] = mapped_column(String(100), index=True)
    item_id: Mapped[str] = mapped_column(String(40))
    text: Mapped[str] = mapped_column(Text)
    basis: Mapped[list[str]] = mapped_column(JSON)  # 法律依据, as the standard writes legal_basis
    source: Mapped[str] = mapped_column(String(20))  # standard | reviewer | import
    added_by: Mapped[str]
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    use_count: Mapped[int] = mapped_column(default=0)
    last_used_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime)
