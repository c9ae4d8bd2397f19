"""Publication dates from outside the case file (rules.md T-12): imported publication lists and the
date a reviewer enters for a case. Takes a session; returns plain dataclasses.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import CursorResult, delete, insert, select
from sqlalchemy.orm import Session

from casereview.db.cases import case_exists
from casereview.db.failures import NOT_FOUND
from casereview.db.review_models import CasePublicationDateRow, PublicationListRow, PublicationRow
from casereview.domain.model import Extraction
from casereview.errors import ErrorCode, StorageError
from casereview.extract.parsers import case_number_key
from casereview.extract.summary import case_number
from casereview.listfiles.publication_errors import BadRow
from casereview.listfiles.publication_file import Duplicate, ParsedList, parse_publication_list
from casereview.lists.imported_lists import store_list_row
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction
from casereview.rules.base import PublicationDate

LIST: str = "list"
REVIEWER: str = "reviewer"


@dataclass(frozen=True)
class ImportResult:
    list_id: int
    file_name: str
    sha256: str
    row_count: int
    already_imported: bool  # the same file (SHA-256) was imported before; nothing new stored
    duplicates: list[Duplicate]  # same number, different publication dates
    warnings: list[BadRow]  # stored, but worth a look (published before the decision date)
    columns: dict[str, str]  # field → header as printed
    sheet: str | None
    header_row: int


@dataclass(frozen=True)
class PublicationListSummary:
    id: int
    file_name: str
    sha256: str
    imported_at: dt.datetime
    row_count: int


def _result(parsed: ParsedList, list_id: int, row_count: int, again: bool) -> ImportResult:
    return ImportResult(
        list_id=list_id,
        file_name=parsed.file_name,
        sha256=parsed.sha256,
        row_count=row_count,
        already_imported=again,
        duplicates=parsed.duplicates,
        warnings=parsed.warnings,
        columns=parsed.columns,
        sheet=parsed.sheet,
        header_row=parsed.header_row,
    )


def import_publication_list(session: Session, path: Path) -> ImportResult:
    """Check the whole list, then store it in the caller's unit of work.

    Raises the errors of :mod:`casereview.listfiles.publication_errors` before anything is written.
    A file imported before (same SHA-256) is not stored again.
    """
    parsed = parse_publication_list(path)
    existing = session.scalars(
        select(PublicationListRow).where(PublicationListRow.sha256 == parsed.sha256)
    ).first()
    if existing is not None:
        return _result(parsed, existing.id, existing.row_count, True)
    list_id = store_list_row(
        session, PublicationListRow, parsed.file_name, parsed.sha256, len(parsed.entries)
    )
    rows = [
        {
            "list_id": list_id,
            "case_number_key": entry.key,
            "case_number": entry.case_number,
            "publication_date": entry.publication_date,
            "decision_date": entry.decision_date,
            "party": entry.party,
            "agency": entry.agency,
            "row_no": entry.row,
        }
        for entry in parsed.entries
    ]
    session.execute(insert(PublicationRow), rows)
    return _result(parsed, list_id, len(rows), False)


def list_publication_lists(session: Session) -> list[PublicationListSummary]:
    """Imported lists, newest first."""
    query = select(PublicationListRow).order_by(
        PublicationListRow.imported_at.desc(), PublicationListRow.id.desc()
    )
    return [
        PublicationListSummary(row.id, row.file_name, row.sha256, row.imported_at, row.row_count)
        for row in session.scalars(query)
    ]


def delete_publication_list(session: Session, list_id: int) -> bool:
    """Remove an imported list and its rows; False if there was no such list."""
    session.execute(delete(PublicationRow).where(PublicationRow.list_id == list_id))
    result = session.execute(delete(PublicationListRow).where(PublicationListRow.id == list_id))
    assert isinstance(result, CursorResult)
    return bool(result.rowcount)


def find_publication(session: Session, case_number: str) -> PublicationDate | None:
    """The publication of ``case_number`` in the imported lists, matched by :func:`case_number_key`
    (any bracket style, leading zeros, 第). Listed more than once: the earliest date counts."""
    key = case_number_key(unicodedata.normalize("NFKC", case_number))
    query = (
        select(PublicationRow.publication_date, PublicationRow.row_no, PublicationListRow.file_name)
        .join(PublicationListRow, PublicationListRow.id == PublicationRow.list_id)
        .where(PublicationRow.case_number_key == key)
        .order_by(PublicationRow.publication_date, PublicationListRow.id.desc(), PublicationRow.row_no)
        .limit(1)
    )
    found = session.execute(query).first()
    if found is None:
        return None
    date, row_no, file_name = found
    return PublicationDate(date, LIST, f"公示清单 {file_name} 第{row_no}行")


def _require_case(session: Session, case_id: int) -> None:
    if not case_exists(session, case_id):
        raise StorageError(ErrorCode.STORAGE, "", {"reason": NOT_FOUND, "case_id": case_id})


def set_reviewer_publication_date(
    session: Session, case_id: int, date: dt.date | None, reviewer: str
) -> None:
    """Store (or with ``None`` remove) the publication date a reviewer found for a case; audited."""
    _require_case(session, case_id)
    row = session.get(CasePublicationDateRow, case_id, populate_existing=True)
    before = None if row is None else {"date": row.date.isoformat(), "reviewer": row.reviewer}
    now = dt.datetime.now(dt.UTC)
    if date is None:
        if row is not None:
            session.delete(row)
            session.flush()
        after = None
    else:
        if row is None:
            session.add(CasePublicationDateRow(case_id=case_id, date=date, reviewer=reviewer, entered_at=now))
        else:
            row.date, row.reviewer, row.entered_at = date, reviewer, now
        session.flush()
        after = {"date": date.isoformat(), "reviewer": reviewer}
    if before != after:
        write_audit(
            session,
            AuditAction.PUBLICATION_DATE,
            reviewer,
            case_id=case_id,
            before=before,
            after=after,
            at=now,
        )


def get_reviewer_publication_date(session: Session, case_id: int) -> PublicationDate | None:
    row = session.get(CasePublicationDateRow, case_id, populate_existing=True)
    if row is None:
        return None
    return PublicationDate(row.date, REVIEWER, row.reviewer)


def publication_for_extraction(
    session: Session, case_id: int, extraction: Extraction
) -> PublicationDate | None:
    """:func:`publication_date_for_case` with the case number read from ``extraction``."""
    number = case_number(extraction)
    return publication_date_for_case(session, case_id, None if number is None else str(number.value))


def publication_date_for_case(
    session: Session, case_id: int, case_number: str | None
) -> PublicationDate | None:
    """The date T-12 should use from outside the file: the reviewer's entry, else the lists."""
    entered = get_reviewer_publication_date(session, case_id)
    if entered is not None or not case_number:
        return entered
    return find_publication(session, case_number)
