"""The rectification (整改) status a 通报 reports: the ledger's items per status, or "not tracked"
when the session never recorded a 整改通知书 (zeros would read as "nothing open")."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from casereview.rectify.ledger import list_items, notices, status_counts


@dataclass(frozen=True)
class RectificationStatus:
    tracked: bool
    counts: Mapping[str, int] = field(default_factory=dict)  # status label → items, in the ledger's order

    @property
    def total(self) -> int:
        return sum(self.counts.values())


NOT_TRACKED = RectificationStatus(False)


def rectification_status(session: Session, session_id: int) -> RectificationStatus:
    """Counts per status of the session's rectification items, or NOT_TRACKED without a notice."""
    if not notices(session, session_id):
        return NOT_TRACKED
    counts = status_counts(list_items(session, session_id))
    return RectificationStatus(True, {status.label: n for status, n in counts.items() if n})
