"""Reviews: the machine's findings as stored, the reviewer's decisions with an append-only audit
trail, re-scoring under a new standard version. Publication dates from outside the case file are
in :mod:`casereview.lists`.

Functions take a SQLAlchemy session (``Database.session_scope()``) and return the plain dataclasses
of :mod:`casereview.review.records`; no ORM row leaves.
"""

from casereview.review.audit import audit_trail
from casereview.review.records import (
    AuditAction,
    AuditEntry,
    ReviewStatus,
    ReviewSummary,
    StandardMeta,
    StoredDecision,
    StoredFinding,
    StoredReview,
)
from casereview.review.rescore import RescoreChange, Scorer, format_rescore_report, rescore
from casereview.review.store import (
    create_review,
    latest_reviews,
    load_review,
    record_decision,
    reviews_of_case,
    set_review_status,
    update_review_score,
)
from casereview.scoring.model import DecisionKind

__all__ = [
    "AuditAction",
    "AuditEntry",
    "DecisionKind",
    "RescoreChange",
    "ReviewStatus",
    "ReviewSummary",
    "Scorer",
    "StandardMeta",
    "StoredDecision",
    "StoredFinding",
    "StoredReview",
    "audit_trail",
    "create_review",
    "format_rescore_report",
    "latest_reviews",
    "load_review",
    "record_decision",
    "rescore",
    "reviews_of_case",
    "set_review_status",
    "update_review_score",
]
