"""What merging a reviewer's results package would do, before anything is written: which of the
package's decisions are new, which items both sides changed (conflicts), and the report's types."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from casereview.review.decisions import KIND_LABELS
from casereview.review.records import StoredDecision
from casereview.scoring.model import DecisionKind
from casereview.sessions.package_results import DecisionKey, PackedDecision


@dataclass(frozen=True)
class MergeConflict:
    """An item (or corrected field) both the lead and the reviewer changed: not merged."""

    case_id: int
    sha256: str
    item_id: str
    lead: str  # the lead's current value, in Chinese
    package: str  # the package's value

    def describe(self) -> str:
        return (
            f"案卷 #{self.case_id} {self.item_id}：本机为“{self.lead}”，评查结果包为“{self.package}”，未合并"
        )

    def __str__(self) -> str:
        return self.describe()


@dataclass
class MergeReport:
    cases: int  # cases with a review in the package that were merged (changed or not)
    decisions_added: int
    conflicts: list[MergeConflict] = field(default_factory=list)
    refused: str | None = None  # the Chinese reason when the package was refused (nothing written)
    notes: list[str] = field(default_factory=list)  # cases skipped, scores that differ
    objections: int = 0  # objection decisions (异议复核) applied
    reasons_added: int = 0  # reasons the reviewer added, new in the library
    reason_uses: int = 0  # uses of library reasons counted


def decision_text(decision: StoredDecision | None) -> str:
    if decision is None:
        return "未决定（按机器评查）"
    label = KIND_LABELS[DecisionKind(decision.kind)]
    if decision.kind is DecisionKind.ACCEPT:
        return label
    page = f"（第{decision.page}页）" if decision.page is not None else ""
    return f"{label}扣 {decision.deduction:g} 分{page}：{decision.reason}"


# -- planning: which package decisions are new, which items conflict ------------------------------

Event = tuple[str, DecisionKey]  # ("D", key): decided; ("W", key): that decision withdrawn


def _events(history: list[PackedDecision]) -> list[tuple[Event, PackedDecision]]:
    out: list[tuple[Event, PackedDecision]] = []
    for packed in history:
        out.append((("D", packed.key), packed))
        if packed.withdrawn:
            out.append((("W", packed.key), packed))
    return out


def _final(events: list[tuple[Event, PackedDecision]]) -> StoredDecision | None:
    if not events:
        return None
    (kind, _key), packed = events[-1]
    return None if kind == "W" else packed.decision


def _same(a: StoredDecision | None, b: StoredDecision | None) -> bool:
    """Both sides say the same thing (reached independently, e.g. both accepted): no conflict."""
    if a is None or b is None:
        return a is b
    return (a.kind, a.deduction, a.reason.strip(), a.page, a.bbox) == (
        b.kind, b.deduction, b.reason.strip(), b.page, b.bbox
    )  # fmt: skip


Planned = list[tuple[Event, PackedDecision]]
ItemConflict = tuple[str, StoredDecision | None, StoredDecision | None]  # item, lead's, package's


def plan(lead: list[PackedDecision], package: list[PackedDecision]) -> tuple[Planned, list[ItemConflict]]:
    """(events to apply in the package's order, conflicts as (item, lead's value, package's value))."""
    ours, theirs = _events(lead), _events(package)
    items = sorted({p.decision.item_id for p in package})
    apply: set[int] = set()
    conflicts: list[ItemConflict] = []
    for item in items:
        mine = [(i, e) for i, e in enumerate(ours) if e[1].decision.item_id == item]
        other = [(i, e) for i, e in enumerate(theirs) if e[1].decision.item_id == item]
        mine_keys = Counter(e[0] for _i, e in mine)
        other_keys = Counter(e[0] for _i, e in other)
        shared = mine_keys & other_keys
        # After the last event both sides share: what each side did on its own.
        last_mine = max((n for n, (_i, e) in enumerate(mine) if e[0] in shared), default=-1)
        last_other = max((n for n, (_i, e) in enumerate(other) if e[0] in shared), default=-1)
        new = [i for i, e in other[last_other + 1 :] if e[0] not in mine_keys]
        own = [e for _i, e in mine[last_mine + 1 :] if e[0] not in other_keys]
        if not new:
            continue
        if own:
            lead_value, package_value = _final([e for _i, e in mine]), _final([e for _i, e in other])
            if not _same(lead_value, package_value):
                conflicts.append((item, lead_value, package_value))
            continue
        apply.update(new)
    return [theirs[i] for i in sorted(apply)], conflicts
