"""The rectification (整改) status a 通报 reports, when this installation tracks it.

The rectification ledger is a module of its own (``casereview.rectification``, built separately).
This hook is the one place the 通报 asks it: the ledger's ``status_counts(session, session_id)``
returns ``{status label: items}`` for a review session. Without the ledger's table the status is
"not tracked" and the 通报 says so instead of printing zeros that would read as "nothing open".
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import inspect, text
from sqlalchemy.orm import Session

LEDGER_MODULE = "casereview.rectification"
LEDGER_TABLE = "rectification_items"


@dataclass(frozen=True)
class RectificationStatus:
    tracked: bool
    counts: Mapping[str, int] = field(default_factory=dict)  # status label → items, in the ledger's order

    @property
    def total(self) -> int:
        return sum(self.counts.values())


NOT_TRACKED = RectificationStatus(False)

Counter = Callable[[Session, int], Mapping[str, int]]


def _ledger_counter() -> Counter | None:
    try:
        module = importlib.import_module(LEDGER_MODULE)
    except ModuleNotFoundError:
        return None
    counter = getattr(module, "status_counts", None)
    return counter if callable(counter) else None


def rectification_status(session: Session, session_id: int) -> RectificationStatus:
    """Counts per status of the session's rectification items, or NOT_TRACKED without a ledger."""
    if not inspect(session.get_bind()).has_table(LEDGER_TABLE):
        return NOT_TRACKED
    counter = _ledger_counter()
    if counter is not None:
        return RectificationStatus(True, dict(counter(session, session_id)))
    columns = {c["name"] for c in inspect(session.get_bind()).get_columns(LEDGER_TABLE)}
    if not {"session_id", "status"} <= columns:
        return NOT_TRACKED
    rows = session.execute(
        text(f"SELECT status, COUNT(*) FROM {LEDGER_TABLE} WHERE session_id = :sid GROUP BY status"),
        {"sid": session_id},
    )
    return RectificationStatus(True, {str(status): int(n) for status, n in rows})
