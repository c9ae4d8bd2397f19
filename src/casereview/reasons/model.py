"""Plain data of the reason library, and how a decision's reason is matched to a library reason.

A reason as a library file holds it (:class:`ReasonEntry`) is in :mod:`casereview.standards.reason_files`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum


class ReasonSource(StrEnum):
    STANDARD = "standard"  # seeded from the file shipped beside the standard
    REVIEWER = "reviewer"  # added by a reviewer (window or CLI)
    IMPORT = "import"  # imported from another library's export


@dataclass(frozen=True)
class Reason:
    id: int
    standard_id: str
    item_id: str
    text: str
    basis: tuple[str, ...] = field(default_factory=tuple)
    source: ReasonSource = ReasonSource.REVIEWER
    added_by: str = ""
    use_count: int = 0

    def full_text(self) -> str:
        """The reason as written into a decision: the text, then its legal basis."""
        if not self.basis:
            return self.text
        return f"{self.text}（依据：{'；'.join(self.basis)}）"


def match_reason(reasons: Iterable[Reason], item_id: str, decision_reason: str) -> Reason | None:
    """The library reason a decision's reason was written from: the longest one of the item whose
    full text (or bare text) starts the decision's reason. The reviewer may add specifics after it;
    a reason rewritten in the middle is the reviewer's own and counts for no library entry."""
    text = decision_reason.strip()
    best: Reason | None = None
    for reason in reasons:
        if reason.item_id != item_id or not text.startswith((reason.full_text(), reason.text)):
            continue
        if best is None or len(reason.text) > len(best.text):
            best = reason
    return best
