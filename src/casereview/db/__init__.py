"""Storage: SQLite (WAL) by default, PostgreSQL by URL; Alembic migrations run on open.

Only domain dataclasses and :class:`CaseSummary` come out of this package, never ORM rows.
"""

from casereview.db.engine import Database, open_database
from casereview.db.guard import set_session_guard
from casereview.db.migrate import migrate
from casereview.db.repository import (
    CaseSummary,
    delete_case,
    find_case_by_sha256,
    list_cases,
    load_case,
    save_case,
)

__all__ = [
    "CaseSummary",
    "Database",
    "delete_case",
    "find_case_by_sha256",
    "list_cases",
    "load_case",
    "migrate",
    "open_database",
    "save_case",
    "set_session_guard",
]
