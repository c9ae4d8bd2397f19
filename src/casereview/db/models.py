"""SQLAlchemy models for what ingest, segmentation and extraction produce.

Only portable types (JSON, Float, naive-UTC DateTime) so the same schema serves SQLite and
PostgreSQL. These classes never leave the ``casereview.db`` package: the repository converts them
to and from the dataclasses of :mod:`casereview.domain.model`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    DateTime,
    Dialect,
    Float,
    ForeignKey,
    Index,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Deterministic constraint names: Alembic batch mode on SQLite can only alter named constraints.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_N_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; stored naive because SQLite has no zones."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {  # noqa: RUF012 (read once by SQLAlchemy when classes are mapped)
        str: Text,
        float: Float,
        dict[str, Any]: JSON,
        dict[str, str]: JSON,
        list[str]: JSON,
    }


def _case_fk(*, index: bool = False) -> Mapped[int]:
    # Tables whose unique key starts with case_id need no separate index on it.
    return mapped_column(ForeignKey("case_files.id", ondelete="CASCADE"), index=index)


class CaseFileRow(Base):
    __tablename__ = "case_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), unique=True, index=True)
    source: Mapped[str]
    kind: Mapped[str] = mapped_column(String(16))
    page_count: Mapped[int]
    imported_at: Mapped[dt.datetime] = mapped_column(UTCDateTime)
    notices: Mapped[list[str]]
    file_hashes: Mapped[dict[str, str]]
    unit: Mapped[str | None]  # enforcement unit (执法单位), when known
    label: Mapped[str | None]  # a name the reviewer gave the case file
    # penalty | compulsion | inspection as the reviewer set it; NULL: detected from the documents
    case_type: Mapped[str | None] = mapped_column(String(16))


class PageRow(Base):
    __tablename__ = "pages"
    __table_args__ = (UniqueConstraint("case_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = _case_fk()
    number: Mapped[int]
    width: Mapped[float]
    height: Mapped[float]
    source: Mapped[str] = mapped_column(String(8))
    sha256: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str]
    origin_page: Mapped[int]
    rotation: Mapped[int]
    skew: Mapped[float]
    ocr_confidence: Mapped[float | None]
    text_layer_usable: Mapped[bool]
    # No Python-side default: a page with none leaves the column out of its INSERT (server default 0).
    cells_unread: Mapped[int] = mapped_column(server_default="0")
    unread_ink: Mapped[str | None] = mapped_column(Text, nullable=True)  # JSON boxes (Page.unread_ink)


class SpanRow(Base):
    """One text line. The composite key doubles as the page_id index; no surrogate id is needed."""

    __tablename__ = "spans"

    page_id: Mapped[int] = mapped_column(
        ForeignKey("pages.id", ondelete="CASCADE"), primary_key=True, autoincrement=False
    )
    seq: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    text: Mapped[str]
    x0: Mapped[float]
    y0: Mapped[float]
    x1: Mapped[float]
    y1: Mapped[float]
    confidence: Mapped[float]


class DocumentRow(Base):
    __tablename__ = "documents"
    __table_args__ = (UniqueConstraint("case_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = _case_fk()
    seq: Mapped[int]
    type: Mapped[str]
    first_page: Mapped[int]
    last_page: Mapped[int]
    serves: Mapped[str | None]
    # Evidence of the title, all NULL when there is none.
    title_page: Mapped[int | None]
    title_x0: Mapped[float | None]
    title_y0: Mapped[float | None]
    title_x1: Mapped[float | None]
    title_y1: Mapped[float | None]
    title_text: Mapped[str | None]
    title_confidence: Mapped[float | None]


class FieldRow(Base):
    """One extracted value (``name``: case_number, party, date, amount, officer, article)."""

    __tablename__ = "fields"
    __table_args__ = (
        UniqueConstraint("case_id", "name", "seq"),
        Index(None, "name"),  # cross-case look-ups, e.g. every 案号
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = _case_fk()
    name: Mapped[str] = mapped_column(String(32))
    seq: Mapped[int]
    value: Mapped[Any] = mapped_column(JSON, nullable=True)
    document: Mapped[str]
    page: Mapped[int]
    x0: Mapped[float]
    y0: Mapped[float]
    x1: Mapped[float]
    y1: Mapped[float]
    text: Mapped[str]
    confidence: Mapped[float]


class SealRow(Base):
    """A seal: ``page_id`` set for ``Page.seals``, NULL for ``Extraction.seals``."""

    __tablename__ = "seals"

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = _case_fk(index=True)
    page_id: Mapped[int | None] = mapped_column(ForeignKey("pages.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int]
    page: Mapped[int]
    x0: Mapped[float]
    y0: Mapped[float]
    x1: Mapped[float]
    y1: Mapped[float]
    red_ratio: Mapped[float]


# Reviews, decisions, audit log and publication lists live in their own module; importing it here
# puts their tables on Base.metadata for Alembic whichever module is imported first.
from casereview.db import calibration_models as _calibration_models  # noqa: E402, F401
from casereview.db import reason_models as _reason_models  # noqa: E402, F401
from casereview.db import rectify_models as _rectify_models  # noqa: E402, F401
from casereview.db import review_models as _review_models  # noqa: E402, F401
from casereview.db import session_models as _session_models  # noqa: E402, F401
