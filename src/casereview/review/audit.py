"""The append-only audit log: every change to a review or a case's publication date leaves a row.

On SQLite each row also carries a link of the hash chain (:mod:`casereview.db.audit_chain`);
SQLite's write lock (BEGIN IMMEDIATE) makes "the previous row" well defined.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
from functools import cache

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from casereview.db.audit_chain import GENESIS, row_digest
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
    when = at or dt.datetime.now(dt.UTC)
    # As the JSON column will give them back (tuples as lists …): what the chain hashes.
    before = None if before is None else json.loads(json.dumps(before))
    after = None if after is None else json.loads(json.dumps(after))
    values: dict[str, object] = {
        "review_id": review_id,
        "case_id": case_id,
        "at": when,
        "actor": actor,
        "machine": machine_name(),
        "action": action.value,
        "item_id": item_id,
        "before": before,
        "after": after,
    }
    if session.get_bind().dialect.name == "sqlite":
        last = session.execute(
            select(AuditLogRow.id, AuditLogRow.row_hash).order_by(AuditLogRow.id.desc()).limit(1)
        ).first()
        row_id, prev = (1, GENESIS) if last is None else (last[0] + 1, last[1] or GENESIS)
        digest = row_digest(
            prev,
            id=row_id,
            review_id=review_id,
            case_id=case_id,
            at=when,
            actor=actor,
            machine=machine_name(),
            action=action.value,
            item_id=item_id,
            before=before,
            after=after,
        )
        values |= {"id": row_id, "prev_hash": prev, "row_hash": digest}
    session.execute(insert(AuditLogRow).values(**values))


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
