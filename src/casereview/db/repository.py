"""Storing and loading analysed case files. Takes a session, returns domain dataclasses only.

Call these inside ``Database.session_scope()``: the scope is the transaction, so a file whose
analysis fails half-way leaves nothing behind.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, cast

from sqlalchemy import CursorResult, Table, delete, insert, select, update
from sqlalchemy.orm import Session

from casereview.db import convert
from casereview.db.failures import NOT_FOUND
from casereview.db.models import CaseFileRow, DocumentRow, FieldRow, PageRow, SealRow, SpanRow
from casereview.domain.model import CaseFile, Document, Extraction, Page, Seal, Span
from casereview.errors import ErrorCode, StorageError

SPANS = cast(Table, SpanRow.__table__)


@dataclass(frozen=True)
class CaseSummary:
    """One line of the case list."""

    id: int
    source: str
    sha256: str
    kind: str
    page_count: int
    imported_at: dt.datetime  # aware, UTC
    case_number: str | None  # the first 案号 extracted
    party: str | None  # name of the first party extracted
    unit: str | None
    label: str | None


def find_case_by_sha256(session: Session, sha256: str) -> int | None:
    return session.scalar(select(CaseFileRow.id).where(CaseFileRow.sha256 == sha256))


def save_case(
    session: Session,
    case: CaseFile,
    documents: list[Document],
    extraction: Extraction,
    *,
    replace: bool = False,
    unit: str | None = None,
    label: str | None = None,
) -> int:
    """Store an analysed case file and return its id.

    A file already stored (same sha256) is not stored again: its id is returned as is, unless
    ``replace`` asks to overwrite the stored analysis (the id stays; ``unit``/``label`` are kept
    when not given).
    """
    existing = find_case_by_sha256(session, case.sha256)
    if existing is not None and not replace:
        return existing
    values = {
        "source": case.source,
        "kind": case.kind,
        "page_count": case.page_count,
        "imported_at": dt.datetime.now(dt.UTC),
        "notices": list(case.notices),
        "file_hashes": dict(case.file_hashes),
    }
    if existing is None:
        statement = insert(CaseFileRow).values(sha256=case.sha256, unit=unit, label=label, **values)
        case_id: int = session.execute(statement.returning(CaseFileRow.id)).scalar_one()
    else:
        case_id = existing
        _delete_contents(session, case_id)
        names = {"unit": unit, "label": label}
        values.update({key: value for key, value in names.items() if value is not None})
        session.execute(update(CaseFileRow).where(CaseFileRow.id == case_id).values(**values))
    _insert_contents(session, case_id, case, documents, extraction)
    return case_id


_LATER_PAGE_COLUMNS: dict[str, Callable[[Page], object]] = {
    "cells_unread": lambda page: page.cells_unread,
    "unread_ink": lambda page: convert.ink_json(page.unread_ink) if page.unread_ink else None,
}


def _insert_contents(
    session: Session, case_id: int, case: CaseFile, documents: list[Document], extraction: Extraction
) -> None:
    seal_rows = [convert.seal_row(case_id, seq, seal, None) for seq, seal in enumerate(extraction.seals)]
    if case.pages:
        # Bulk INSERT ... RETURNING; sort_by_parameter_order keeps ids aligned with the pages.
        page_rows = [convert.page_row(case_id, page) for page in case.pages]
        # Columns of later migrations (0011, 0013) are written only when some page has a value: a
        # case without is stored as before them.
        for column, value in _LATER_PAGE_COLUMNS.items():
            if any(value(page) for page in case.pages):
                for row, page in zip(page_rows, case.pages, strict=True):
                    row[column] = value(page)
        returning = insert(PageRow).returning(PageRow.id, sort_by_parameter_order=True)
        page_ids = list(session.scalars(returning, page_rows))
        # Core insert, one executemany: measured 1.5-2x faster than the ORM bulk path here.
        span_rows = [
            {"page_id": page_id, "seq": seq, "text": span.text, "confidence": span.confidence}
            | convert.bbox_columns(span.bbox)
            for page_id, page in zip(page_ids, case.pages, strict=True)
            for seq, span in enumerate(page.spans)
        ]
        if span_rows:
            session.connection().execute(insert(SPANS), span_rows)
        seal_rows += [
            convert.seal_row(case_id, seq, seal, page_id)
            for page_id, page in zip(page_ids, case.pages, strict=True)
            for seq, seal in enumerate(page.seals)
        ]
    rows_by_table = (
        (SealRow, seal_rows),
        (DocumentRow, [convert.document_row(case_id, seq, doc) for seq, doc in enumerate(documents)]),
        (FieldRow, convert.field_rows(case_id, extraction)),
    )
    for table, rows in rows_by_table:
        if rows:
            session.execute(insert(table), rows)


def _delete_contents(session: Session, case_id: int) -> None:
    # Explicit deletes rather than ON DELETE CASCADE alone: correct even on a connection opened
    # without PRAGMA foreign_keys (SQLite's default is off).
    # synchronize_session=False: no ORM objects of these rows are kept, so skip fetching them.
    no_sync = {"synchronize_session": False}
    page_ids = select(PageRow.id).where(PageRow.case_id == case_id).scalar_subquery()
    session.execute(delete(SpanRow).where(SpanRow.page_id.in_(page_ids)), execution_options=no_sync)
    for table in (SealRow, FieldRow, DocumentRow, PageRow):
        session.execute(delete(table).where(table.case_id == case_id), execution_options=no_sync)


def load_case(session: Session, case_id: int) -> tuple[CaseFile, list[Document], Extraction]:
    """The stored case file, its documents and extraction; StorageError ``not_found`` if absent."""
    row = session.get(CaseFileRow, case_id)
    if row is None:
        raise StorageError(ErrorCode.STORAGE, "", {"reason": NOT_FOUND, "case_id": case_id})
    spans: defaultdict[int, list[Span]] = defaultdict(list)
    span_query = (
        select(SpanRow.page_id, SpanRow.text, SpanRow.x0, SpanRow.y0, SpanRow.x1, SpanRow.y1)
        .add_columns(SpanRow.confidence)
        .join(PageRow, PageRow.id == SpanRow.page_id)
        .where(PageRow.case_id == case_id)
        .order_by(SpanRow.page_id, SpanRow.seq)
    )
    for page_id, text, x0, y0, x1, y1, confidence in session.execute(span_query):
        spans[page_id].append(Span(text, (x0, y0, x1, y1), confidence))
    page_seals: defaultdict[int, list[Seal]] = defaultdict(list)
    case_seals: list[Seal] = []
    seal_query = select(SealRow).where(SealRow.case_id == case_id).order_by(SealRow.seq)
    for seal_row in session.scalars(seal_query):
        target = case_seals if seal_row.page_id is None else page_seals[seal_row.page_id]
        target.append(convert.seal_from(seal_row))
    pages = [
        convert.page_from(page, spans.get(page.id, []), page_seals.get(page.id, []))
        for page in session.scalars(
            select(PageRow).where(PageRow.case_id == case_id).order_by(PageRow.number)
        )
    ]
    case = CaseFile(row.source, row.sha256, row.kind, pages, list(row.notices), dict(row.file_hashes))
    documents = [
        convert.document_from(doc)
        for doc in session.scalars(
            select(DocumentRow).where(DocumentRow.case_id == case_id).order_by(DocumentRow.seq)
        )
    ]
    fields = session.scalars(
        select(FieldRow).where(FieldRow.case_id == case_id).order_by(FieldRow.name, FieldRow.seq)
    )
    return case, documents, convert.extraction_from(fields, case_seals)


def list_cases(session: Session) -> list[CaseSummary]:
    """All stored case files, newest first."""
    firsts: dict[tuple[int, str], str | None] = {}
    first_fields = select(FieldRow.case_id, FieldRow.name, FieldRow.value).where(
        FieldRow.name.in_((convert.CASE_NUMBER, convert.PARTY)), FieldRow.seq == 0
    )
    for case_id, name, value in session.execute(first_fields):
        firsts[(case_id, name)] = convert.first_value_text(value)
    query = select(CaseFileRow).order_by(CaseFileRow.imported_at.desc(), CaseFileRow.id.desc())
    return [
        CaseSummary(
            id=row.id,
            source=row.source,
            sha256=row.sha256,
            kind=row.kind,
            page_count=row.page_count,
            imported_at=row.imported_at,
            case_number=firsts.get((row.id, convert.CASE_NUMBER)),
            party=firsts.get((row.id, convert.PARTY)),
            unit=row.unit,
            label=row.label,
        )
        for row in session.scalars(query)
    ]


def case_labels(session: Session) -> dict[int, str]:
    """案号 (else the reviewer's label, else the file name) of every stored case, by id."""
    return {c.id: c.case_number or c.label or PurePath(c.source).name for c in list_cases(session)}


def delete_case(session: Session, case_id: int) -> bool:
    """Delete a case file and everything stored for it; False if there was no such case."""
    _delete_contents(session, case_id)
    result = session.execute(delete(CaseFileRow).where(CaseFileRow.id == case_id))
    return bool(cast("CursorResult[Any]", result).rowcount)
