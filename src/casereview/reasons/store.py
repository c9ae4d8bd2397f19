"""The reason library in the session database. Call inside one ``Database.session_scope()``;
refused input raises :class:`InputError` before anything is written. Every change is audited
(action ``reason``) in the same transaction, a use too: the audit row says which decision used it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from casereview.db.reason_models import ReasonRow
from casereview.errors import InputError
from casereview.reasons.model import Reason, ReasonSource
from casereview.review.audit import write_audit
from casereview.review.records import AuditAction
from casereview.standards.reason_files import MAX_TEXT, ReasonEntry, read_reasons_file, seed_file


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _reason(row: ReasonRow) -> Reason:
    return Reason(
        row.id,
        row.standard_id,
        row.item_id,
        row.text,
        tuple(row.basis),
        ReasonSource(row.source),
        row.added_by,
        row.use_count,
    )


def list_reasons(session: Session, standard_id: str, item_id: str | None = None) -> list[Reason]:
    """A standard's reasons (of one item), by item, most used first."""
    query = select(ReasonRow).where(ReasonRow.standard_id == standard_id)
    if item_id is not None:
        query = query.where(ReasonRow.item_id == item_id)
    order = (ReasonRow.item_id, ReasonRow.use_count.desc(), ReasonRow.id)
    return [_reason(r) for r in session.scalars(query.order_by(*order))]


def count_reasons(session: Session, standard_id: str) -> int:
    query = select(func.count(ReasonRow.id)).where(ReasonRow.standard_id == standard_id)
    return int(session.scalar(query) or 0)


def _check(standard_id: str, entry: ReasonEntry, known_items: Collection[str] | None) -> None:
    if not entry.text.strip():
        raise InputError("reason_empty", item=entry.item_id)
    if len(entry.text) > MAX_TEXT:
        raise InputError("reason_too_long", item=entry.item_id, limit=MAX_TEXT)
    if known_items is not None and entry.item_id not in known_items:
        raise InputError("reason_unknown_item", standard=standard_id, item=entry.item_id)


def _existing(session: Session, standard_id: str) -> set[tuple[str, str]]:
    query = select(ReasonRow.item_id, ReasonRow.text).where(ReasonRow.standard_id == standard_id)
    return {(item, text) for item, text in session.execute(query)}


def _insert(
    session: Session, standard_id: str, entry: ReasonEntry, source: ReasonSource, actor: str
) -> ReasonRow:
    row = ReasonRow(
        standard_id=standard_id,
        item_id=entry.item_id,
        text=entry.text.strip(),
        basis=[b.strip() for b in entry.basis if b.strip()],
        source=source.value,
        added_by=entry.added_by or actor,
        added_at=_now(),
        use_count=0,
    )
    session.add(row)
    session.flush()
    after = {"reason": row.id, "standard": standard_id, "text": row.text, "basis": row.basis}
    after |= {"source": row.source}
    write_audit(session, AuditAction.REASON, actor, item_id=row.item_id, after=after)
    return row


def add_reason(
    session: Session,
    standard_id: str,
    entry: ReasonEntry,
    actor: str,
    *,
    known_items: Collection[str] | None = None,
    source: ReasonSource = ReasonSource.REVIEWER,
) -> Reason:
    """A reviewer's own reason for an item; refused when empty, of an unknown item or already there."""
    entry = ReasonEntry(entry.item_id.strip(), entry.text.strip(), entry.basis, entry.added_by)
    _check(standard_id, entry, known_items)
    if (entry.item_id, entry.text) in _existing(session, standard_id):
        raise InputError("reason_exists", item=entry.item_id, text=entry.text)
    return _reason(_insert(session, standard_id, entry, source, actor))


@dataclass(frozen=True)
class ImportResult:
    added: int
    skipped: int  # already in the library (same item and text)


def import_entries(
    session: Session,
    standard_id: str,
    entries: Sequence[ReasonEntry],
    actor: str,
    *,
    known_items: Collection[str] | None = None,
    source: ReasonSource = ReasonSource.IMPORT,
) -> ImportResult:
    """Add the entries not in the library yet; all are checked first, so a bad one adds none."""
    for entry in entries:
        _check(standard_id, entry, known_items)
    known = _existing(session, standard_id)
    added = 0
    for entry in entries:
        key = (entry.item_id, entry.text.strip())
        if key in known:
            continue
        _insert(session, standard_id, entry, source, actor)
        known.add(key)
        added += 1
    return ImportResult(added, len(entries) - added)


def import_file(
    session: Session,
    path: Path,
    actor: str,
    *,
    known_items: dict[str, Collection[str]] | None = None,
    source: ReasonSource = ReasonSource.IMPORT,
) -> tuple[str, ImportResult]:
    """Import a library file (``known_items``: the items of each installed standard, by id)."""
    standard_id, entries = read_reasons_file(path)
    items = None
    if known_items is not None:
        if standard_id not in known_items:
            raise InputError("reason_unknown_standard", str(path), standard=standard_id, file=str(path))
        items = known_items[standard_id]
    return standard_id, import_entries(session, standard_id, entries, actor, known_items=items, source=source)


def seed_if_empty(session: Session, standard_id: str, root: Path | None = None) -> int:
    """Seed an empty library of ``standard_id`` from the file shipped beside the standard."""
    path = seed_file(standard_id, root)
    if count_reasons(session, standard_id) or not path.is_file():
        return 0
    file_standard, entries = read_reasons_file(path)
    if file_standard != standard_id:
        return 0
    result = import_entries(session, standard_id, entries, "system", source=ReasonSource.STANDARD)
    return result.added


def export_entries(session: Session, standard_id: str) -> list[ReasonEntry]:
    return [ReasonEntry(r.item_id, r.text, r.basis, r.added_by) for r in list_reasons(session, standard_id)]


def record_use(
    session: Session,
    reason_id: int,
    actor: str,
    *,
    item_id: str,
    review_id: int | None = None,
    case_id: int | None = None,
    origin: Mapping[str, object] | None = None,
) -> int:
    """Count a decision's use of a reason (one atomic increment); the new count. ``origin``: where
    a use made elsewhere came from (an offline results package), kept in the audit row."""
    row = session.get(ReasonRow, reason_id)
    if row is None:
        raise InputError("unknown_reason", reason=reason_id)
    if row.item_id != item_id:
        raise InputError("reason_other_item", reason=reason_id, reason_item=row.item_id, item=item_id)
    now = _now()
    session.execute(
        update(ReasonRow)
        .where(ReasonRow.id == reason_id)
        .values(use_count=ReasonRow.use_count + 1, last_used_at=now),
        execution_options={"synchronize_session": False},
    )
    count = int(session.scalar(select(ReasonRow.use_count).where(ReasonRow.id == reason_id)) or 0)
    write_audit(
        session,
        AuditAction.REASON,
        actor,
        review_id=review_id,
        case_id=case_id,
        item_id=item_id,
        after={"reason": reason_id, "used": count} | ({"origin": dict(origin)} if origin else {}),
        at=now,
    )
    return count
