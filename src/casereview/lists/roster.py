"""Officer rosters in the database (P-21): import (whole or not at all), list, and the roster the
rules use — every stored list, the newest import winning for a certificate listed twice."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from casereview.db.review_models import RosterEntryRow, RosterListRow
from casereview.listfiles.roster_file import parse_roster
from casereview.lists.imported_lists import store_list_row
from casereview.policy.roster import Roster, RosterEntry, certificate_key


@dataclass(frozen=True)
class RosterImport:
    list_id: int
    file_name: str
    row_count: int
    already_imported: bool  # the same file (SHA-256) was stored before; nothing new written
    replaced: int  # lists removed by --replace


@dataclass(frozen=True)
class RosterSummary:
    id: int
    file_name: str
    sha256: str
    imported_at: dt.datetime
    row_count: int


def import_roster(session: Session, path: Path, *, replace: bool = False) -> RosterImport:
    """Check the whole file, then store it in the caller's unit of work (RosterError before any write).

    ``replace`` removes every roster stored before, in the same transaction.
    """
    parsed = parse_roster(path)
    replaced = 0
    if replace:
        ids = [i for i in session.scalars(select(RosterListRow.id)) if i is not None]
        session.execute(delete(RosterEntryRow))
        session.execute(delete(RosterListRow))
        replaced = len(ids)
    existing = session.scalars(select(RosterListRow).where(RosterListRow.sha256 == parsed.sha256)).first()
    if existing is not None:
        return RosterImport(existing.id, existing.file_name, existing.row_count, True, replaced)
    list_id = store_list_row(session, RosterListRow, parsed.file_name, parsed.sha256, len(parsed.entries))
    session.execute(
        insert(RosterEntryRow),
        [
            {
                "list_id": list_id,
                "name": e.name,
                "certificate": e.certificate,
                "certificate_key": certificate_key(e.certificate),
                "field": e.field,
                "valid_until": e.valid_until,
                "row_no": e.row,
            }
            for e in parsed.entries
        ],
    )
    return RosterImport(list_id, parsed.file_name, len(parsed.entries), False, replaced)


def list_rosters(session: Session) -> list[RosterSummary]:
    query = select(RosterListRow).order_by(RosterListRow.imported_at.desc(), RosterListRow.id.desc())
    return [
        RosterSummary(r.id, r.file_name, r.sha256, r.imported_at, r.row_count) for r in session.scalars(query)
    ]


def load_roster(session: Session) -> Roster | None:
    """The roster P-21 checks against; None when none was imported."""
    lists = list_rosters(session)
    if not lists:
        return None
    names = {summary.id: summary.file_name for summary in lists}
    order = {summary.id: rank for rank, summary in enumerate(lists)}  # 0 = newest
    rows = sorted(session.scalars(select(RosterEntryRow)), key=lambda r: (order[r.list_id], r.row_no))
    seen: set[str] = set()
    entries: list[RosterEntry] = []
    for row in rows:
        if row.certificate_key in seen:
            continue
        seen.add(row.certificate_key)
        entries.append(RosterEntry(row.name, row.certificate, row.field, row.valid_until, row.row_no))
    source = "执法人员名单 " + "、".join(names[s.id] for s in lists)
    return Roster(source, entries)


def roster_entries(session: Session) -> list[tuple[str, RosterEntry]]:
    """Every stored officer with the file it came from (for ``roster list --entries``)."""
    names = {summary.id: summary.file_name for summary in list_rosters(session)}
    rows = session.scalars(select(RosterEntryRow).order_by(RosterEntryRow.list_id, RosterEntryRow.row_no))
    return [
        (names[r.list_id], RosterEntry(r.name, r.certificate, r.field, r.valid_until, r.row_no)) for r in rows
    ]
