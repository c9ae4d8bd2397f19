"""Reviewer decisions between storage and scoring: the one place a :class:`StoredDecision` (one row,
with its item id, page and box) becomes a scoring :class:`ReviewerDecision` and back, and where
stored decisions are fitted to a standard they may not have been made under.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import replace

from casereview.domain.model import BBox, Evidence
from casereview.errors import InputError
from casereview.review.records import StoredDecision
from casereview.review.store import validate_decision
from casereview.scoring.model import DecisionKind, ReviewerDecision
from casereview.standards.schema import Standard

# A page marked without a box: scoring's Evidence always has one, storage keeps ``bbox`` empty.
WHOLE_PAGE: BBox = (0.0, 0.0, 0.0, 0.0)
_EPS = 1e-6

KIND_LABELS: Mapping[DecisionKind, str] = {
    DecisionKind.ACCEPT: "确认",
    DecisionKind.OVERRIDE: "改判",
    DecisionKind.MANUAL: "人工扣分",
}


def to_reviewer_decision(stored: StoredDecision) -> ReviewerDecision:
    """The scoring view of a stored decision; InputError if it is incomplete."""
    validate_decision(stored)
    region = None
    if stored.page is not None:
        region = Evidence(stored.page, stored.bbox or WHOLE_PAGE, "")
    return ReviewerDecision(
        kind=DecisionKind(stored.kind),
        reviewer=stored.reviewer,
        at=stored.decided_at or dt.datetime.now(dt.UTC),
        deduction=None if stored.kind is DecisionKind.ACCEPT else stored.deduction,
        reason=stored.reason.strip(),
        region=region,
    )


def to_stored_decision(item_id: str, decision: ReviewerDecision) -> StoredDecision:
    """The row to store for ``decision`` on ``item_id`` (reviewer and time kept as given)."""
    region = decision.region
    bbox = None if region is None or region.bbox == WHOLE_PAGE else region.bbox
    return StoredDecision(
        kind=decision.kind,
        item_id=item_id,
        deduction=decision.deduction,
        reason=decision.reason,
        page=None if region is None else region.page,
        bbox=bbox,
        reviewer=decision.reviewer,
        decided_at=decision.at,
    )


def check_fits(standard: Standard, item_id: str, decision: ReviewerDecision) -> None:
    """InputError when ``decision`` cannot be scored under ``standard``."""
    if item_id not in {item.id for item in standard.items}:
        raise InputError("item_not_in_standard", standard=standard.id, version=standard.version, item=item_id)
    points = standard.item(item_id).points
    if decision.deduction is not None and decision.deduction > points + _EPS:
        raise InputError(
            "deduction_over_points", item=item_id, deduction=f"{decision.deduction:g}", points=f"{points:g}"
        )


def fit_decisions(
    standard: Standard, decisions: Iterable[StoredDecision]
) -> tuple[dict[str, ReviewerDecision], list[str]]:
    """The active decisions as scoring wants them (item id → decision), fitted to ``standard``.

    Made under another version of the standard, a decision may name an item that is gone (it is
    dropped) or deduct more than the item is now worth (it is cut to the item's points); each such
    change is explained in the returned Chinese notes.
    """
    fitted: dict[str, ReviewerDecision] = {}
    notes: list[str] = []
    items = {item.id: item for item in standard.items}
    for stored in decisions:
        decision = to_reviewer_decision(stored)
        item = items.get(stored.item_id)
        who = f"评查人员 {stored.reviewer} 对 {stored.item_id} 的{KIND_LABELS[decision.kind]}决定"
        if item is None:
            notes.append(f"{who}不再适用：版本 {standard.version} 没有该评查项目")
            continue
        if decision.deduction is not None and decision.deduction > item.points + _EPS:
            notes.append(
                f"{who}扣 {decision.deduction:g} 分，超过新分值 {item.points:g} 分，按 {item.points:g} 分计"
            )
            decision = replace(decision, deduction=item.points)
        fitted[stored.item_id] = decision
    return fitted, notes
