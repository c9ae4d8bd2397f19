"""Opening the database and running units of work.

SQLite (the default, one file in the user data dir) runs in WAL mode so the UI can read while a
worker writes; PostgreSQL is used by giving a ``postgresql+psycopg://`` URL. Each unit of work gets
its own session from :meth:`Database.session_scope`; sessions are never shared across threads.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import ConnectionPoolEntry, StaticPool

from casereview.db.failures import safe_url, storage_errors
from casereview.db.guard import check_session
from casereview.db.migrate import migrate
from casereview.paths import default_database_url

_READONLY = "casereview_readonly"  # execution option set by session_scope(readonly=True)


def make_engine(url: str, *, busy_timeout: float = 10.0) -> Engine:
    """An engine with CaseReview's connection settings; does not connect yet."""
    parsed = make_url(url)
    backend = parsed.get_backend_name()
    if backend != "sqlite":
        # pre_ping: a shared server may restart between units of work; fail fast when it is gone.
        # A row locked by another workstation must not make a click wait forever: lock waits end
        # after busy_timeout with SQLSTATE 55P03 (→ "locked"), runaway statements after a minute.
        options = f"-c lock_timeout={int(busy_timeout * 1000)} -c statement_timeout=60000"
        connect_args = {"connect_timeout": 10, "options": options} if backend == "postgresql" else {}
        return create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    memory = parsed.database in (None, "", ":memory:")
    if not memory and parsed.database:
        Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        url,
        connect_args={"timeout": busy_timeout, "check_same_thread": False},
        # One shared connection is the only way an in-memory database outlives a checkout.
        **({"poolclass": StaticPool} if memory else {}),
    )
    timeout_ms = int(busy_timeout * 1000)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # We emit BEGIN ourselves (below): the sqlite3 module's implicit BEGIN skips SELECTs,
        # which breaks isolation and makes read-then-write transactions fail with BUSY.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in (
                "journal_mode=WAL",
                "synchronous=NORMAL",  # durable enough with WAL, much faster commits
                "foreign_keys=ON",
                f"busy_timeout={timeout_ms}",
            ):
                cursor.execute(f"PRAGMA {pragma}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        # IMMEDIATE takes the write lock up front, so busy_timeout applies to writers instead of
        # a late SQLITE_BUSY when a reading transaction tries to write; readers stay deferred.
        readonly = connection.get_execution_options().get(_READONLY, False)
        connection.exec_driver_sql("BEGIN" if readonly else "BEGIN IMMEDIATE")

    return engine


class Database:
    """An open, migrated database. Close it (or use it as a context manager) when done."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.url = safe_url(engine.url.render_as_string(hide_password=False))
        self._raw_url = engine.url.render_as_string(hide_password=False)
        self._dbapi_error: type[Exception] | None = getattr(engine.dialect.loaded_dbapi, "Error", None)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def session_scope(self, *, readonly: bool = False) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any exception.

        Database errors (including those at commit) come out as StorageError; other exceptions
        pass through unchanged after the rollback. ``readonly`` scopes never take the write lock
        and are rolled back at the end.
        """
        check_session("session")
        options = {_READONLY: True} if readonly else {}
        with storage_errors(self._raw_url, self._dbapi_error):
            session = Session(self.engine, expire_on_commit=False, execution_options=options)
            try:
                yield session
                if readonly:
                    session.rollback()
                else:
                    session.commit()
            except BaseException:
                session.rollback()
                raise
            finally:
                session.close()

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_database(url: str | None = None, *, busy_timeout: float = 10.0) -> Database:
    """Open (creating if needed) and migrate the database at ``url``.

    ``url`` defaults to :func:`casereview.paths.default_database_url`. Raises StorageError when the
    database cannot be created, opened, reached or migrated.
    """
    check_session("open")
    with storage_errors(url or "", opening=True):  # the default data folder may be unwritable
        url = url or default_database_url()
    with storage_errors(url, opening=True):
        engine = make_engine(url, busy_timeout=busy_timeout)
    try:
        migrate(engine)
    except BaseException:
        engine.dispose()
        raise
    return Database(engine)
