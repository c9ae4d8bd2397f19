"""The case type a reviewer sets on a stored case file (行政处罚 / 行政强制 / 行政检查).

Detection from the documents (``domain.casetype``) decides unless the reviewer set a type; the type
picks the standard the case is scored by when no standard is named. Every change is audited.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from casereview.db.cases import case_record, replace_case_type
from casereview.domain.casetype import CASE_TYPES
from casereview.errors import InputError
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction


def stored_case_type(session: Session, case_id: int) -> str | None:
    """The type the reviewer set on the case; None when it is to be detected (or no such case)."""
    record = case_record(session, case_id)
    return None if record is None else record.case_type


def set_case_type(session: Session, case_id: int, case_type: str | None, reviewer: str) -> bool:
    """Set (or with ``None`` clear) the case's type; True when it changed. InputError for
    an unknown type, StorageError when there is no such case."""
    if case_type is not None and case_type not in CASE_TYPES:
        raise InputError("unknown_case_type", case_type=case_type, known="、".join(CASE_TYPES))
    before = replace_case_type(session, case_id, case_type)  # StorageError when no such case
    if before == case_type:
        return False
    write_audit(
        session,
        AuditAction.CASE_TYPE,
        reviewer,
        case_id=case_id,
        before={"case_type": before},
        after={"case_type": case_type},
        at=dt.datetime.now(dt.UTC),
    )
    return True
