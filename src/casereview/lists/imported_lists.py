"""What every list a province imports shares (公示清单, 执法人员名单): one row per file, keyed by
the file's SHA-256, written before the file's entries."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert
from sqlalchemy.orm import Session

from casereview.db.review_models import PublicationListRow, RosterListRow


def store_list_row(
    session: Session,
    table: type[PublicationListRow] | type[RosterListRow],
    file_name: str,
    sha256: str,
    rows: int,
) -> int:
    """Insert the list's own row and return its id (the entries point at it)."""
    values = {
        "file_name": file_name,
        "sha256": sha256,
        "imported_at": dt.datetime.now(dt.UTC),
        "row_count": rows,
    }
    list_id: int = session.execute(insert(table).values(**values).returning(table.id)).scalar_one()
    return list_id
