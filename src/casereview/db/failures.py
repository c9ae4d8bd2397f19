"""Turning driver and SQLAlchemy errors into :class:`casereview.errors.StorageError`.

``detail["reason"]`` is one of the stable strings below, for the UI to pick a Chinese message;
``detail["message"]`` keeps the driver's own text for logs.
"""

from __future__ import annotations

import errno
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from alembic.util import CommandError
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from casereview.errors import ErrorCode, StorageError

LOCKED: Final = "locked"  # another process holds the database (SQLite BUSY, PostgreSQL lock timeout)
DISK_FULL: Final = "disk_full"
READ_ONLY: Final = "read_only"  # file, directory or server is read-only
CANNOT_OPEN: Final = "cannot_open"  # file cannot be created or opened (permissions, missing dir)
CORRUPT: Final = "corrupt"  # not a database, or a damaged one
UNREACHABLE: Final = "unreachable"  # server down, refused, timed out
AUTH: Final = "auth"  # server rejected the credentials
REJECTED: Final = "rejected"  # server refused the connection: unknown database or user, bad password
CONFLICT: Final = "conflict"  # a constraint was violated (e.g. two imports of one file at once)
BAD_URL: Final = "bad_url"  # the database URL cannot be parsed or names an unknown driver
SCHEMA: Final = "schema"  # database schema unknown to this version (made by a newer CaseReview)
NOT_FOUND: Final = "not_found"  # no stored case file with that id
IO: Final = "io"
OTHER: Final = "other"

_SQLITE_REASONS: Final = {
    "SQLITE_BUSY": LOCKED,
    "SQLITE_LOCKED": LOCKED,
    "SQLITE_FULL": DISK_FULL,
    "SQLITE_READONLY": READ_ONLY,
    "SQLITE_CANTOPEN": CANNOT_OPEN,
    "SQLITE_PERM": CANNOT_OPEN,
    "SQLITE_AUTH": AUTH,
    "SQLITE_CORRUPT": CORRUPT,
    "SQLITE_NOTADB": CORRUPT,
    "SQLITE_IOERR": IO,
    "SQLITE_CONSTRAINT": CONFLICT,
}

# PostgreSQL SQLSTATE classes/codes, most specific first.
_PG_REASONS: Final = (
    ("53100", DISK_FULL),
    ("25006", READ_ONLY),
    ("55P03", LOCKED),
    ("40P01", LOCKED),
    ("08", UNREACHABLE),
    ("28", AUTH),
    ("23", CONFLICT),
    ("57P", UNREACHABLE),  # admin shutdown, cannot connect now
    ("53", DISK_FULL),
)


def safe_url(url: str) -> str:
    """The URL with any password masked, fit for error messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except sa_exc.ArgumentError:
        return url


def _reason(error: BaseException, url: str) -> tuple[str, dict[str, object]]:
    extra: dict[str, object] = {}
    orig = error.orig if isinstance(error, sa_exc.DBAPIError) else error
    sqlite_name = getattr(orig, "sqlite_errorname", None)
    if isinstance(sqlite_name, str):
        extra["sqlite_error"] = sqlite_name
        primary = "_".join(sqlite_name.split("_")[:2])  # SQLITE_BUSY_SNAPSHOT → SQLITE_BUSY
        return _SQLITE_REASONS.get(primary, OTHER), extra
    sqlstate = getattr(orig, "sqlstate", None)
    if isinstance(sqlstate, str):
        extra["sqlstate"] = sqlstate
        for prefix, reason in _PG_REASONS:
            if sqlstate.startswith(prefix):
                return reason, extra
        return OTHER, extra
    if isinstance(error, sa_exc.IntegrityError):
        return CONFLICT, extra
    if isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError) and url.startswith("postgresql"):
        # psycopg gives no SQLSTATE for failed connections; a server that answered says FATAL.
        return REJECTED if "FATAL" in str(orig) else UNREACHABLE, extra
    return OTHER, extra


def to_storage_error(error: BaseException, url: str) -> StorageError:
    if isinstance(error, StorageError):
        return error
    if isinstance(error, CommandError):
        return StorageError(ErrorCode.STORAGE, safe_url(url), {"reason": SCHEMA, "message": str(error)})
    if isinstance(error, sa_exc.ArgumentError):
        return StorageError(ErrorCode.STORAGE, safe_url(url), {"reason": BAD_URL, "message": str(error)})
    if isinstance(error, OSError):
        reasons = {errno.ENOSPC: DISK_FULL, errno.EROFS: READ_ONLY}
        reason = reasons.get(error.errno or 0, CANNOT_OPEN)
        return StorageError(ErrorCode.STORAGE, safe_url(url), {"reason": reason, "message": str(error)})
    reason, extra = _reason(error, url)
    orig = error.orig if isinstance(error, sa_exc.DBAPIError) else error
    message = str(orig).strip().splitlines()[0] if str(orig).strip() else type(orig).__name__
    return StorageError(ErrorCode.STORAGE, safe_url(url), {"reason": reason, "message": message, **extra})


@contextmanager
def storage_errors(
    url: str, dbapi_error: type[Exception] | None = None, *, opening: bool = False
) -> Iterator[None]:
    """Re-raise database and migration errors as StorageError.

    ``dbapi_error`` is the driver's base ``Error``: errors raised inside pool events (our connect
    pragmas) reach us unwrapped. ``opening`` adds file-system and URL errors, which inside a unit
    of work belong to the caller, not to the database.
    """
    caught: tuple[type[BaseException], ...] = (sa_exc.DBAPIError, CommandError)
    if opening:
        caught += (OSError, sa_exc.ArgumentError)
    if dbapi_error is not None:
        caught += (dbapi_error,)
    try:
        yield
    except caught as error:
        raise to_storage_error(error, url) from error
