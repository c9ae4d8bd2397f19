"""How a reviewer's decision reads in the panel: 李四 于 2026-11-21 10:05 改判：扣 1 分（理由）."""

from __future__ import annotations

from casereview.review.decisions import KIND_LABELS
from casereview.scoring import DecisionKind, ItemResult


def decision_text(result: ItemResult) -> str:
    decision = result.decision
    if decision is None:
        return ""
    when = decision.at.astimezone().strftime("%Y-%m-%d %H:%M")
    text = f"{decision.reviewer} 于 {when} {KIND_LABELS[decision.kind]}"
    if decision.kind is not DecisionKind.ACCEPT and decision.deduction is not None:
        text += f"：扣 {decision.deduction:g} 分"
    if decision.region is not None:
        text += f"，标注第{decision.region.page}页"
    if decision.reason:
        text += f"（{decision.reason}）"
    return text
