"""Scoring: a standard's items, vetoes and caps applied to a case file's findings."""

from casereview.scoring.engine import score_case, scoring_items
from casereview.scoring.model import (
    DecisionKind,
    ItemResult,
    ItemStatus,
    ReviewerDecision,
    ScoreSheet,
    TriggerResult,
)

__all__ = [
    "DecisionKind",
    "ItemResult",
    "ItemStatus",
    "ReviewerDecision",
    "ScoreSheet",
    "TriggerResult",
    "score_case",
    "scoring_items",
]
