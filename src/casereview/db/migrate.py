"""Alembic, configured in code: no alembic.ini is read at run time (nor in a frozen bundle)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from casereview.db.failures import SCHEMA, safe_url, storage_errors
from casereview.errors import ErrorCode, StorageError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if url is not None:
        # ConfigParser interpolation would choke on a '%' in a password.
        config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def migrate(target: str | Engine) -> None:
    """Upgrade the database at ``target`` (URL or engine) to the newest schema.

    Raises StorageError when the database cannot be reached or written, or when it was made by a
    newer CaseReview (its revision is unknown here).
    """
    from casereview.db.engine import make_engine  # engine.py imports this module

    url = target if isinstance(target, str) else target.url.render_as_string(hide_password=False)
    with storage_errors(url, opening=True):
        engine = make_engine(target) if isinstance(target, str) else target
    dbapi_error = getattr(engine.dialect.loaded_dbapi, "Error", None)
    try:
        with storage_errors(url, dbapi_error, opening=True), engine.connect() as connection:
            current = current_revision(connection)
            connection.rollback()
            if current != head_revision():
                _upgrade(connection)
    finally:
        if isinstance(target, str):
            engine.dispose()


def _upgrade(connection: Connection) -> None:
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # Batch mode recreates tables; with foreign keys on, DROP TABLE would cascade-delete the
        # children. The pragma is ignored inside a transaction, hence before BEGIN.
        _outside_transaction(connection, "PRAGMA foreign_keys=OFF")
    try:
        config = alembic_config()
        config.attributes["connection"] = connection
        with connection.begin():
            command.upgrade(config, "head")
            if sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").first() is not None:
                detail: dict[str, object] = {"reason": SCHEMA, "message": "dangling foreign keys"}
                raise StorageError(ErrorCode.STORAGE, safe_url(str(connection.engine.url)), detail)
    finally:
        if sqlite:
            _outside_transaction(connection, "PRAGMA foreign_keys=ON")


def _outside_transaction(connection: Connection, sql: str) -> None:
    # Through the DBAPI cursor: Connection.exec_driver_sql would BEGIN first.
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()
