"""Imported lists as stored: publication lists and the date a reviewer found for one case (T-12),
officer rosters (P-21), and their commands. Reading the files is :mod:`casereview.listfiles`.

Functions take a SQLAlchemy session (``Database.session_scope()``) and return plain dataclasses;
no ORM row leaves.
"""

from casereview.listfiles.publication_errors import (
    BadRow,
    PublicationColumnsError,
    PublicationListError,
    PublicationRowsError,
    PublicationUnreadable,
)
from casereview.lists.publications import (
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

__all__ = [
    "BadRow",
    "ImportResult",
    "PublicationColumnsError",
    "PublicationListError",
    "PublicationListSummary",
    "PublicationRowsError",
    "PublicationUnreadable",
    "delete_publication_list",
    "find_publication",
    "get_reviewer_publication_date",
    "import_publication_list",
    "list_publication_lists",
    "publication_date_for_case",
    "set_reviewer_publication_date",
]
