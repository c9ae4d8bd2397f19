"""Training tags: a case file or a page range marked 优秀 or 典型差案, with a note, for the 典型案例汇编.

Takes a session (the caller's unit of work); returns plain dataclasses. Adding and deleting a tag
are audited like every other change a reviewer makes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from casereview.db.cases import case_record
from casereview.db.review_models import TrainingTagRow
from casereview.errors import InputError
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction


class TrainingTag(StrEnum):
    GOOD = "优秀"
    POOR = "典型差案"


@dataclass(frozen=True)
class TagRecord:
    id: int
    case_id: int
    tag: TrainingTag
    first_page: int | None  # None (with last_page): the whole case file
    last_page: int | None
    note: str
    reviewer: str
    created_at: dt.datetime

    @property
    def whole_case(self) -> bool:
        return self.first_page is None


def _record(row: TrainingTagRow) -> TagRecord:
    return TagRecord(
        id=row.id,
        case_id=row.case_id,
        tag=TrainingTag(row.tag),
        first_page=row.first_page,
        last_page=row.last_page,
        note=row.note,
        reviewer=row.reviewer,
        created_at=row.created_at,
    )


def _audit_value(record: TagRecord) -> dict[str, object]:
    return {
        "tag_id": record.id,
        "tag": record.tag.value,
        "first_page": record.first_page,
        "last_page": record.last_page,
        "note": record.note,
    }


def _check_pages(first_page: int | None, last_page: int | None, page_count: int) -> None:
    if (first_page is None) != (last_page is None):
        raise InputError("pages_half")
    if first_page is None or last_page is None:
        return
    if not (1 <= first_page <= page_count and 1 <= last_page <= page_count):
        raise InputError("pages_outside", page_count=page_count, first=first_page, last=last_page)
    if first_page > last_page:
        raise InputError("pages_reversed", first=first_page, last=last_page)


def add_tag(
    session: Session,
    case_id: int,
    tag: TrainingTag,
    note: str,
    reviewer: str,
    first_page: int | None = None,
    last_page: int | None = None,
) -> int:
    """Tag a case (or pages ``first_page``..``last_page`` of it) and return the tag's id.

    Raises InputError (its Chinese sentence from casereview.messages) when the case does not exist,
    the pages are outside the file or reversed, only one end of the range is given, or the note or reviewer is empty.
    """
    tag = TrainingTag(tag)  # a plain "优秀" from a caller is accepted, anything else refused
    case = case_record(session, case_id)
    if case is None:
        raise InputError("unknown_case", case=case_id)
    _check_pages(first_page, last_page, case.page_count)
    if not note.strip():
        raise InputError("tag_note_missing")
    if not reviewer.strip():
        raise InputError("tag_reviewer_missing")
    row = TrainingTagRow(
        case_id=case_id,
        tag=tag.value,
        first_page=first_page,
        last_page=last_page,
        note=note.strip(),
        reviewer=reviewer.strip(),
        created_at=dt.datetime.now(dt.UTC),
    )
    session.add(row)
    session.flush()
    write_audit(
        session,
        AuditAction.TRAINING_TAG,
        row.reviewer,
        case_id=case_id,
        after=_audit_value(_record(row)),
        at=row.created_at,
    )
    return row.id


def list_tags(
    session: Session, case_id: int | None = None, tag: TrainingTag | None = None
) -> list[TagRecord]:
    """Tags of one case (or of all), optionally of one kind; by case, then in the order they were made."""
    query = select(TrainingTagRow)
    if case_id is not None:
        query = query.where(TrainingTagRow.case_id == case_id)
    if tag is not None:
        query = query.where(TrainingTagRow.tag == TrainingTag(tag).value)
    return [
        _record(row) for row in session.scalars(query.order_by(TrainingTagRow.case_id, TrainingTagRow.id))
    ]


def delete_tag(session: Session, tag_id: int, actor: str) -> bool:
    """Remove a tag; False when there is no such tag (nothing is audited then)."""
    row = session.get(TrainingTagRow, tag_id)
    if row is None:
        return False
    before = _audit_value(_record(row))
    case_id = row.case_id
    session.delete(row)
    session.flush()
    write_audit(session, AuditAction.TRAINING_TAG, actor, case_id=case_id, before=before)
    return True
