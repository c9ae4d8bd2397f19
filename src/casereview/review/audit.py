"""The append-only audit log: every change to a review or a case's publication date leaves a row."""

from __future__ import annotations

import datetime as dt
import socket
from functools import cache

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from casereview.db.review_models import AuditLogRow
from casereview.review.records import AuditAction, AuditEntry


@cache
def machine_name() -> str:
    """This workstation's host name, recorded with every change."""
    return socket.gethostname() or "unknown"


def write_audit(
    session: Session,
    action: AuditAction,
    actor: str,
    *,
    review_id: int | None = None,
    case_id: int | None = None,
    item_id: str | None = None,
    before: object = None,
    after: object = None,
    at: dt.datetime | None = None,
) -> None:
    """Append one audit row; ``before``/``after`` must be JSON-compatible."""
    session.execute(
        insert(AuditLogRow).values(
            review_id=review_id,
            case_id=case_id,
            at=at or dt.datetime.now(dt.UTC),
            actor=actor,
            machine=machine_name(),
            action=action.value,
            item_id=item_id,
            before=before,
            after=after,
        )
    )


def _action(value: str) -> AuditAction | str:
    try:
        return AuditAction(value)
    except ValueError:  # written by a newer version
        return value


def audit_trail(session: Session, case_id: int, *, review_id: int | None = None) -> list[AuditEntry]:
    """Every audit row of a case (optionally of one of its reviews), oldest first."""
    query = select(AuditLogRow).where(AuditLogRow.case_id == case_id)
    if review_id is not None:
        query = query.where(AuditLogRow.review_id == review_id)
    return [
        AuditEntry(
            id=row.id,
            review_id=row.review_id,
            case_id=row.case_id,
            at=row.at,
            actor=row.actor,
            machine=row.machine,
            action=_action(row.action),
            item_id=row.item_id,
            before=row.before,
            after=row.after,
        )
        for row in session.scalars(query.order_by(AuditLogRow.id))
    ]
