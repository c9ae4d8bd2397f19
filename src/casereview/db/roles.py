"""PostgreSQL roles for shared review sessions: ``casereview db setup-roles``.

The schema belongs to an owner role that nobody works as (NOLOGIN): migrations run under it via
``SET ROLE`` from the administrator's connection. Workstations connect as an application role
that is neither the owner nor a superuser, so it cannot ``ALTER TABLE … DISABLE TRIGGER``, drop a
trigger or change an owner, and whose grants allow only SELECT and INSERT on ``audit_log`` and
``review_decisions`` (no UPDATE, DELETE or TRUNCATE), and no DELETE on ``reviews`` and
``case_files`` either: PostgreSQL runs ON DELETE CASCADE with the table owner's rights, so deleting
a review or a case would take its decisions along.

Run it once to set up (an existing database made by a workstation connecting as the owner is
handed over to the owner role) and again after every CaseReview upgrade: it migrates as the
owner and renews the grants, which the application role cannot do.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, create_engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import ConnectionPoolEntry

from casereview.db.failures import safe_url, storage_errors
from casereview.db.migrate import migrate
from casereview.errors import InputError

# Tables the application may only read and append to.
APPEND_ONLY_TABLES = ("audit_log", "review_decisions", "rectify_attachments")
# Rows the application never deletes: a review or a case going would take its decisions along
# (the cascade runs with the owner's rights). No command deletes them; the owner still can.
NO_DELETE_TABLES = ("reviews", "case_files")
_ROLE_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")


@dataclass(frozen=True)
class RoleSetup:
    owner: str
    app: str
    app_url: str  # what workstations use (password not shown)
    handed_over: list[str]  # tables that changed owner


def _quote(name: str) -> str:
    if not _ROLE_NAME.fullmatch(name):
        raise InputError("bad_role_name", role=name)
    return f'"{name}"'


def _role_exists(connection: Connection, name: str) -> dict[str, Any] | None:
    row = (
        connection.execute(
            text(
                "SELECT rolsuper, rolcanlogin, rolcreaterole, rolbypassrls FROM pg_roles WHERE rolname = :n"
            ),
            {"n": name},
        )
        .mappings()
        .first()
    )
    return None if row is None else dict(row)


def _create_roles(connection: Connection, owner: str, app: str, password: str | None) -> None:
    if _role_exists(connection, owner) is None:
        connection.execute(text(f"CREATE ROLE {_quote(owner)} NOLOGIN"))
    found = _role_exists(connection, app)
    if found is None:
        connection.execute(
            text(f"CREATE ROLE {_quote(app)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS")
        )
    elif found["rolsuper"] or found["rolcreaterole"] or found["rolbypassrls"]:
        raise InputError("app_role_too_strong", role=app)
    member = connection.execute(
        text("SELECT pg_has_role(:app, :owner, 'MEMBER')"), {"app": app, "owner": owner}
    ).scalar()
    if member:
        raise InputError("app_role_in_owner", role=app, owner=owner)
    if password:
        literal = connection.execute(text("SELECT quote_literal(:p)"), {"p": password}).scalar()
        connection.execute(text(f"ALTER ROLE {_quote(app)} PASSWORD {literal}"))


def _hand_over(connection: Connection, owner: str) -> list[str]:
    """Tables, sequences and functions of the schema made by someone else go to the owner."""
    tables = list(
        connection.execute(
            text("SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tableowner <> :o"),
            {"o": owner},
        ).scalars()
    )
    for table in tables:  # a table's serial sequences follow it
        connection.execute(text(f'ALTER TABLE public."{table}" OWNER TO {_quote(owner)}'))
    functions = connection.execute(
        text(
            "SELECT p.oid::regprocedure::text FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> :o"
        ),
        {"o": owner},
    ).scalars()
    for function in list(functions):
        connection.execute(text(f"ALTER FUNCTION {function} OWNER TO {_quote(owner)}"))
    return tables


def _grant(connection: Connection, owner: str, app: str) -> None:
    o, a = _quote(owner), _quote(app)
    append_only = ", ".join(APPEND_ONLY_TABLES)
    for statement in (
        "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
        f"GRANT USAGE, CREATE ON SCHEMA public TO {o}",
        f"GRANT USAGE ON SCHEMA public TO {a}",
        # From scratch each time, so a grant made by hand (or an older version) does not linger.
        f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {a}",
        f"REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM {a}",
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {a}",
        f"REVOKE UPDATE, DELETE ON {append_only} FROM {a}",
        f"REVOKE DELETE ON {', '.join(NO_DELETE_TABLES)} FROM {a}",
        f"REVOKE INSERT, UPDATE, DELETE ON alembic_version FROM {a}",
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {a}",
    ):
        connection.execute(text(statement))


def setup_roles(admin_url: str, *, owner: str, app: str, app_password: str | None = None) -> RoleSetup:
    """Create or check the roles, migrate the schema as ``owner`` and grant ``app`` its rights.

    ``admin_url`` connects as a superuser (the database administrator) to the CaseReview database.
    InputError for bad role names or an application role with too many rights;
    StorageError when the server refuses.
    """
    _quote(owner), _quote(app)
    if owner == app:
        raise InputError("same_roles")
    engine = create_engine(admin_url)
    try:
        with storage_errors(admin_url, opening=True), engine.begin() as connection:
            superuser = "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
            if not connection.execute(text(superuser)).scalar():
                raise InputError("not_superuser")
            _create_roles(connection, owner, app, app_password)
            connection.execute(text(f"GRANT USAGE, CREATE ON SCHEMA public TO {_quote(owner)}"))
            handed_over = _hand_over(connection, owner)
    finally:
        engine.dispose()
    as_owner = create_engine(admin_url)

    @event.listens_for(as_owner, "connect")
    def _owner(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
        # Every object the migrations create then belongs to the owner role.
        with dbapi_connection.cursor() as cursor:
            cursor.execute(f"SET ROLE {_quote(owner)}")
        dbapi_connection.commit()

    try:
        migrate(as_owner)
    finally:
        as_owner.dispose()
    engine = create_engine(admin_url)
    try:
        with storage_errors(admin_url, opening=True), engine.begin() as connection:
            handed_over += _hand_over(connection, owner)  # none, unless migrations ran elsewhere
            _grant(connection, owner, app)
    finally:
        engine.dispose()
    url = make_url(admin_url).set(username=app, password=None)
    return RoleSetup(owner, app, safe_url(url.render_as_string(hide_password=False)), handed_over)
