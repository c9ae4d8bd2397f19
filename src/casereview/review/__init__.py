"""Reviews: the machine's findings as stored, the reviewer's decisions with an append-only audit
trail, re-scoring under a new standard version, and publication dates from outside the case file.

Functions take a SQLAlchemy session (``Database.session_scope()``) and return the plain dataclasses
of :mod:`casereview.review.records` and :mod:`casereview.review.publications`; no ORM row leaves.
"""

from casereview.review.audit import audit_trail
from casereview.review.publication_errors import (
    BadRow,
    PublicationColumnsError,
    PublicationListError,
    PublicationRowsError,
    PublicationUnreadable,
)
from casereview.review.publications import (
    ImportResult,
    PublicationListSummary,
    delete_publication_list,
    find_publication,
    get_reviewer_publication_date,
    import_publication_list,
    list_publication_lists,
    publication_date_for_case,
    set_reviewer_publication_date,
)
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
    "BadRow",
    "DecisionKind",
    "ImportResult",
    "PublicationColumnsError",
    "PublicationListError",
    "PublicationListSummary",
    "PublicationRowsError",
    "PublicationUnreadable",
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
    "delete_publication_list",
    "find_publication",
    "format_rescore_report",
    "get_reviewer_publication_date",
    "import_publication_list",
    "latest_reviews",
    "list_publication_lists",
    "load_review",
    "publication_date_for_case",
    "record_decision",
    "rescore",
    "reviews_of_case",
    "set_review_status",
    "set_reviewer_publication_date",
    "update_review_score",
]
