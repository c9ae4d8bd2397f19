"""The hash chain over ``audit_log`` rows (SQLite): each row stores the SHA-256 of its own content
together with the previous row's hash, so editing or deleting a row breaks the chain at that point.

A SQLite file is in the hands of whoever can write it (the append-only triggers can be dropped);
the chain does not prevent an edit, it makes one visible to ``casereview audit verify``. On
PostgreSQL the database roles keep the application from rewriting the log, so no chain is kept
there (it would serialise every writer of every workstation on one lock).

The content hashed is fixed here and used by migration 0005 too: change it only with a migration
that re-seals the chain.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any

GENESIS = "0" * 64  # the "previous hash" of the first row


def canonical_time(at: dt.datetime) -> str:
    """The time as stored: naive UTC, microseconds (SQLite keeps no zone)."""
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC).replace(tzinfo=None)
    return at.isoformat(timespec="microseconds")


def row_digest(
    prev_hash: str,
    *,
    id: int,
    review_id: int | None,
    case_id: int | None,
    at: dt.datetime,
    actor: str,
    machine: str,
    action: str,
    item_id: str | None,
    before: Any,
    after: Any,
) -> str:
    content = {
        "id": id,
        "review_id": review_id,
        "case_id": case_id,
        "at": canonical_time(at),
        "actor": actor,
        "machine": machine,
        "action": action,
        "item_id": item_id,
        "before": before,
        "after": after,
    }
    text = json.dumps(content, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{prev_hash}\n{text}".encode()).hexdigest()
