"""A stored case file's own row as plain data, and the lookups of it other packages make.

The ORM classes of :mod:`casereview.db.models` stay in this package (an import-linter contract);
a store outside it that needs a case's label, unit, type or hash asks here. Takes a session, like
:mod:`casereview.db.repository`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import PurePath

from sqlalchemy import Subquery, select
from sqlalchemy.orm import Session, aliased

from casereview.db import convert
from casereview.db.failures import NOT_FOUND
from casereview.db.models import CaseFileRow, FieldRow
from casereview.errors import ErrorCode, StorageError

CHUNK = 500  # ids per IN (…): well below SQLite's bound on host parameters


@dataclass(frozen=True)
class CaseRecord:
    """A stored case file without its pages, documents or fields."""

    id: int
    source: str
    sha256: str
    kind: str
    page_count: int
    imported_at: dt.datetime  # aware, UTC
    notices: tuple[str, ...]
    unit: str | None  # enforcement unit (执法单位), when known
    label: str | None  # a name the reviewer gave the case file
    case_type: str | None  # as the reviewer set it; None: detected from the documents


def _record(row: CaseFileRow) -> CaseRecord:
    return CaseRecord(
        row.id,
        row.source,
        row.sha256,
        row.kind,
        row.page_count,
        row.imported_at,
        tuple(row.notices),
        row.unit,
        row.label,
        row.case_type,
    )


def case_exists(session: Session, case_id: int) -> bool:
    return session.get(CaseFileRow, case_id) is not None


def case_record(session: Session, case_id: int) -> CaseRecord | None:
    row = session.get(CaseFileRow, case_id)
    return None if row is None else _record(row)


def case_records(session: Session, case_ids: Collection[int]) -> dict[int, CaseRecord]:
    """The given cases that are stored, by id (read ``CHUNK`` ids at a time)."""
    ids = sorted(set(case_ids))
    found: dict[int, CaseRecord] = {}
    for start in range(0, len(ids), CHUNK):
        query = select(CaseFileRow).where(CaseFileRow.id.in_(ids[start : start + CHUNK]))
        found |= {row.id: _record(row) for row in session.scalars(query)}
    return found


def case_sha256s(session: Session, case_ids: Collection[int]) -> dict[int, str]:
    """The SHA-256 of each given case's file, by case id (cases not stored are left out)."""
    rows = session.execute(
        select(CaseFileRow.id, CaseFileRow.sha256).where(CaseFileRow.id.in_(list(case_ids)))
    )
    return {int(case_id): str(sha) for case_id, sha in rows}


def replace_case_type(session: Session, case_id: int, case_type: str | None) -> str | None:
    """Store the case's type (None: detect it from the documents) and return the one it had;
    StorageError when there is no such case."""
    row = session.get(CaseFileRow, case_id, populate_existing=True)
    if row is None:
        raise StorageError(ErrorCode.STORAGE, "", {"reason": NOT_FOUND, "case_id": case_id})
    before = row.case_type
    if before != case_type:
        row.case_type = case_type
        session.flush()
    return before


def case_labels_of(session: Session, case_ids: Collection[int]) -> dict[int, str]:
    """案号 (else the reviewer's label, else the file name) of the given cases: what a ledger row
    shows. Only those cases are read, not every stored case."""
    ids = sorted(set(case_ids))
    if not ids:
        return {}
    numbers: dict[int, str | None] = {}
    query = select(FieldRow.case_id, FieldRow.value).where(
        (FieldRow.name == convert.CASE_NUMBER) & (FieldRow.seq == 0) & FieldRow.case_id.in_(ids)
    )
    for case_id, value in session.execute(query):
        numbers[case_id] = convert.first_value_text(value)
    rows = session.execute(
        select(CaseFileRow.id, CaseFileRow.label, CaseFileRow.source).where(CaseFileRow.id.in_(ids))
    )
    return {i: numbers.get(i) or label or PurePath(source).name for i, label, source in rows}


def case_heads() -> Subquery:
    """Every stored case's own columns and its first 案号 and party (``case_number``, ``party``:
    stored JSON, read with :func:`convert.first_value_text`), one row per case, as a subquery for
    one query that joins more (the case list joins each case's newest review). Columns: ``id``,
    ``source``, ``label``, ``unit``, ``page_count``, ``imported_at``, ``case_number``, ``party``."""
    number = aliased(FieldRow, name="number")
    party = aliased(FieldRow, name="party")
    return (
        select(
            CaseFileRow.id,
            CaseFileRow.source,
            CaseFileRow.label,
            CaseFileRow.unit,
            CaseFileRow.page_count,
            CaseFileRow.imported_at,
            number.value.label("case_number"),
            party.value.label("party"),
        )
        # The (case_id, name, seq) unique index serves both field joins.
        .outerjoin(
            number,
            (number.case_id == CaseFileRow.id) & (number.name == convert.CASE_NUMBER) & (number.seq == 0),
        )
        .outerjoin(
            party, (party.case_id == CaseFileRow.id) & (party.name == convert.PARTY) & (party.seq == 0)
        )
        .subquery("cases")
    )
