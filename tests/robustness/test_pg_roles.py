"""Issue 18, item 4 on a real PostgreSQL server: connected as the table owner (as every workstation
was) one can disable the audit trigger and rewrite the trail; after ``casereview db setup-roles``
the workstations' application role cannot disable or drop the trigger, change an owner, update,
delete or truncate audit rows or reviewer decisions — and the workstation still works."""

from __future__ import annotations

import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from casereview.cli import main
from casereview.db import open_database, save_case
from casereview.review import DecisionKind, StoredDecision, create_review, load_review, record_decision
from casereview.review.store import withdraw_decision

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from test_db import build_sample
from test_review import STANDARD, sample_findings

import pg

pytestmark = [pytest.mark.postgres, pytest.mark.xdist_group("postgres")]
postgres_url = pg.postgres_url
pg_url = pg.pg_url

REWRITES = (
    "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change",
    "ALTER TABLE audit_log DISABLE TRIGGER ALL",
    "DROP TRIGGER audit_log_no_change ON audit_log",
    "ALTER TABLE review_decisions DISABLE TRIGGER review_decisions_no_change",
    "UPDATE audit_log SET actor = '别人'",
    "DELETE FROM audit_log",
    "TRUNCATE audit_log",
    "UPDATE review_decisions SET deduction = 10",
    "DELETE FROM review_decisions",
    "TRUNCATE review_decisions",
    "DELETE FROM reviews",  # would take the decisions along (cascade)
    "DELETE FROM case_files",
    "ALTER TABLE audit_log OWNER TO CURRENT_USER",
    "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
    "$$ BEGIN RETURN OLD; END $$",
)


def _conninfo(url: str) -> str:
    return make_url(url).set(drivername="postgresql").render_as_string(hide_password=False)


def _populate(url: str) -> tuple[int, int]:
    with open_database(url) as database:
        with database.session_scope() as session:
            case_id = save_case(session, *build_sample(sha256="f" * 64))
            review_id = create_review(
                session, case_id, STANDARD, "default", "王", sample_findings(), 82.5, "良好"
            )
        with database.session_scope() as session:
            record_decision(session, review_id, StoredDecision(DecisionKind.ACCEPT, "2.3"), "王")
            record_decision(
                session, review_id, StoredDecision(DecisionKind.OVERRIDE, "2.3", 0.0, "已公示"), "王"
            )
            record_decision(
                session, review_id, StoredDecision(DecisionKind.MANUAL, "1.1", 1.0, "漏签", page=2), "王"
            )
            assert withdraw_decision(session, review_id, "1.1", "王")
        with database.session_scope(readonly=True) as session:
            review = load_review(session, review_id)
        assert [(d.item_id, d.deduction) for d in review.decisions] == [("2.3", 0.0)]
    return case_id, review_id


def test_the_owner_could_rewrite_the_trail(pg_url: str) -> None:
    """The finding: connected as the owner, disabling the trigger lets a row be rewritten unseen."""
    _populate(pg_url)
    with psycopg.connect(_conninfo(pg_url)) as connection:
        connection.execute("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change")
        assert connection.execute("UPDATE audit_log SET actor = '别人'").rowcount > 0
        connection.rollback()


def test_the_app_role_cannot_rewrite_the_trail(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    case_id, review_id = _populate(pg_url)  # made as the superuser, as a workstation would have
    suffix = uuid.uuid4().hex[:8]
    owner, app = f"cr_owner_{suffix}", f"cr_app_{suffix}"
    code = main(["db", "setup-roles", "--admin-url", pg_url, "--owner", owner, "--app", app])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "移交所有者角色" in out and app in out
    app_url = make_url(pg_url).set(username=app).render_as_string(hide_password=False)
    with psycopg.connect(_conninfo(pg_url)) as admin:
        owners = admin.execute(
            "SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"
        ).fetchall()
        assert owners == [(owner,)]
    for statement in REWRITES:
        with (
            psycopg.connect(_conninfo(app_url)) as connection,
            pytest.raises(psycopg.errors.InsufficientPrivilege, match=r"must be owner|permission denied"),
        ):
            connection.execute(statement)
    with (
        psycopg.connect(_conninfo(app_url)) as connection,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        connection.execute(f"SET ROLE {owner}")
    # The workstation works as the app role: decisions, withdrawals, audit rows.
    with open_database(app_url) as database:
        with database.session_scope() as session:
            record_decision(
                session, review_id, StoredDecision(DecisionKind.OVERRIDE, "2.3", 1.0, "改判"), "李"
            )
            assert withdraw_decision(session, review_id, "2.3", "李")
        with database.session_scope(readonly=True) as session:
            assert load_review(session, review_id).decisions == []
            rows = session.execute(text("SELECT count(*) FROM audit_log")).scalar()
    # The owner (the administrator, SET ROLE) can still delete a case: its decisions go with it.
    with psycopg.connect(_conninfo(pg_url)) as admin:
        admin.execute(f"SET ROLE {owner}")
        admin.execute("DELETE FROM case_files WHERE id = %s", (case_id,))
        assert admin.execute("SELECT count(*) FROM review_decisions").fetchone() == (0,)
        assert admin.execute("SELECT count(*) FROM audit_log").fetchone() == (rows,)
    # Set-up again (after an upgrade): idempotent, nothing left to hand over.
    assert main(["db", "setup-roles", "--admin-url", pg_url, "--owner", owner, "--app", app]) == 0
    assert "移交" not in capsys.readouterr().out


def test_setup_refuses_an_owner_as_app_role(pg_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    superuser = make_url(pg_url).username or ""
    code = main(["db", "setup-roles", "--admin-url", pg_url, "--owner", "cr_owner_x", "--app", superuser])
    assert code == 1
    assert "超级用户" in capsys.readouterr().err
