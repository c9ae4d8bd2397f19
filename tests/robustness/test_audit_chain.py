"""Issue 18, item 4 on SQLite: the audit rows form a hash chain, so ``casereview audit verify``
finds a row edited or deleted with the sqlite3 module behind the application's back (the
append-only triggers dropped first, as anyone holding the file can); reviewer decisions are
append-only (a withdrawal is a row too); migration 0005 carries a 0004 database over."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.orm import Session

from casereview.cli import main
from casereview.db import Database, delete_case, open_database, save_case
from casereview.db.audit_chain import row_digest
from casereview.db.engine import make_engine
from casereview.db.migrate import alembic_config
from casereview.review import (
    DecisionKind,
    StoredDecision,
    create_review,
    load_review,
    record_decision,
)
from casereview.review.store import withdraw_decision

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "unit"))
from test_db import build_sample
from test_review import STANDARD, sample_findings, upgrade_to


def _review_with_history(database: Database) -> tuple[int, int]:
    """A review with accept → override (supersedes) on 2.3, a manual deduction withdrawn on 1.1."""
    with database.session_scope() as session:
        case_id = save_case(session, *build_sample(sha256="c" * 64))
        review_id = create_review(
            session, case_id, STANDARD, "default", "王评查", sample_findings(), 82.5, "良好"
        )
    steps = [
        StoredDecision(DecisionKind.ACCEPT, "2.3"),
        StoredDecision(DecisionKind.OVERRIDE, "2.3", 0.0, "已在门户网站公示"),
        StoredDecision(DecisionKind.MANUAL, "1.1", 2.0, "笔录未签名", page=3),
    ]
    for decision in steps:
        with database.session_scope() as session:
            record_decision(session, review_id, decision, "王评查")
    with database.session_scope() as session:
        assert withdraw_decision(session, review_id, "1.1", "王评查")
    return case_id, review_id


def _verify(db_file: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", f"sqlite:///{db_file}"])
    out = capsys.readouterr()
    return code, out.out + out.err


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    path = tmp_path / "audit.db"
    with open_database(f"sqlite:///{path}") as database:
        _review_with_history(database)
    return path


def _raw(db_file: Path) -> sqlite3.Connection:
    """The file opened directly, the append-only triggers dropped: what an editor of the file does."""
    connection = sqlite3.connect(db_file)
    connection.execute("DROP TRIGGER audit_log_no_update")
    connection.execute("DROP TRIGGER audit_log_no_delete")
    return connection


def test_untouched_log_verifies(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = _verify(db_file, capsys)
    assert code == 0, out
    assert "审计记录完整：共 " in out


def test_edited_row_is_found(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with _raw(db_file) as connection:
        row_id, after = connection.execute(
            "SELECT id, after FROM audit_log WHERE action = 'decision' ORDER BY id LIMIT 1 OFFSET 1"
        ).fetchone()
        forged = after.replace('"deduction": 0.0', '"deduction": 10.0')
        assert forged != after
        connection.execute("UPDATE audit_log SET after = ? WHERE id = ?", (forged, row_id))
    code, out = _verify(db_file, capsys)
    assert code != 0
    assert f"编号 {row_id}" in out and "被修改" in out, out


def test_edit_with_recomputed_own_hash_is_found_at_the_next_row(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Recomputing the edited row's own hash does not help: the next row still names the old one."""
    with _raw(db_file) as connection:
        connection.row_factory = sqlite3.Row
        row = connection.execute("SELECT * FROM audit_log WHERE id = 2").fetchone()
        digest = row_digest(
            row["prev_hash"],
            id=2,
            review_id=row["review_id"],
            case_id=row["case_id"],
            at=dt.datetime.fromisoformat(row["at"]),
            actor="别人",
            machine=row["machine"],
            action=row["action"],
            item_id=row["item_id"],
            before=json.loads(row["before"]) if row["before"] else None,
            after=json.loads(row["after"]) if row["after"] else None,
        )
        connection.execute("UPDATE audit_log SET actor = '别人', row_hash = ? WHERE id = 2", (digest,))
    code, out = _verify(db_file, capsys)
    assert code != 0
    assert "编号 3" in out and "前一条哈希不符" in out, out


def test_deleted_row_is_found(db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with _raw(db_file) as connection:
        count = connection.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        assert count >= 5
        connection.execute("DELETE FROM audit_log WHERE id = 3")
    code, out = _verify(db_file, capsys)
    assert code != 0
    assert "第 3 条审计记录（编号 4" in out and "编号 2 与 4 之间" in out and "删除" in out, out


def test_decisions_are_append_only(tmp_path: Path) -> None:
    db_file = tmp_path / "decisions.db"
    with open_database(f"sqlite:///{db_file}") as database:
        case_id, review_id = _review_with_history(database)
        with database.session_scope(readonly=True) as session:
            review = load_review(session, review_id)
        # The current decision is the latest row; the withdrawn one is gone from the current ones.
        assert [(d.item_id, d.kind, d.deduction) for d in review.decisions] == [
            ("2.3", DecisionKind.OVERRIDE, 0.0)
        ]
        assert [(d.item_id, d.superseded) for d in review.history] == [
            ("2.3", True),
            ("2.3", False),
            ("1.1", True),
        ]
        with database.engine.connect() as connection:
            kinds = connection.execute(text("SELECT kind FROM review_decisions ORDER BY id")).scalars()
            assert list(kinds) == ["accept", "override", "manual", "withdrawn"]
    connection = sqlite3.connect(db_file)
    for statement in ("UPDATE review_decisions SET deduction = 10", "DELETE FROM review_decisions"):
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            connection.execute(statement)
    connection.close()
    with open_database(f"sqlite:///{db_file}") as database:
        with database.session_scope() as session:  # a deleted case still takes its decisions along
            assert delete_case(session, case_id)
        with database.engine.connect() as raw:
            assert raw.execute(text("SELECT count(*) FROM review_decisions")).scalar() == 0


def test_migration_0005_over_a_0004_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Decisions marked superseded, one withdrawn (its last row superseded), audit rows without
    hashes: after the upgrade the same decisions are current and the chain verifies."""
    db_file = tmp_path / "old.db"
    url = f"sqlite:///{db_file}"
    engine = make_engine(url)
    try:
        upgrade_to(engine, "0004")
        with engine.begin() as connection:
            with Session(bind=connection) as session:
                case_id = save_case(session, *build_sample(sha256="e" * 64))
                session.flush()
            at = "2026-11-30 08:00:00.000000"
            connection.execute(
                text(
                    "INSERT INTO reviews (id, case_id, standard_id, standard_version, standard_hash, profile,"
                    " reviewer, created_at, updated_at, machine_score, machine_grade, score, grade, status,"
                    " version) VALUES (1, :c, :s, :v, :h, 'default', '王', :at, :at, 90, '优秀', 90, '优秀',"
                    " 'in_progress', 4)"
                ),
                {"c": case_id, "s": STANDARD.id, "v": STANDARD.version, "h": STANDARD.hash, "at": at},
            )
            rows = [
                ("2.3", "accept", None, 1),
                ("2.3", "override", 0.0, 0),
                ("1.1", "manual", 2.0, 1),  # withdrawn: superseded with nothing after it
            ]
            for item, kind, deduction, superseded in rows:
                connection.execute(
                    text(
                        "INSERT INTO review_decisions (review_id, item_id, kind, deduction, reason, page, bbox,"
                        " reviewer, decided_at, superseded) VALUES (1, :i, :k, :d, 'r', 3, NULL, '王', :at, :s)"
                    ),
                    {"i": item, "k": kind, "d": deduction, "at": at, "s": superseded},
                )
            for n in range(3):
                connection.execute(
                    text(
                        "INSERT INTO audit_log (review_id, case_id, at, actor, machine, action, item_id,"
                        " before, after) VALUES (1, :c, :at, '王', 'pc', 'decision', '2.3', NULL, :after)"
                    ),
                    {"c": case_id, "at": at, "after": f'{{"n": {n}}}'},
                )
    finally:
        engine.dispose()
    with open_database(url) as database, database.session_scope(readonly=True) as session:
        review = load_review(session, 1)
    assert [(d.item_id, d.kind) for d in review.decisions] == [("2.3", DecisionKind.OVERRIDE)]
    assert [d.superseded for d in review.history] == [True, False, True]
    code, out = _verify(db_file, capsys)
    assert code == 0 and "共 3 条" in out, out


def test_downgrade_to_0004_keeps_the_decisions_and_the_audit_triggers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'down.db'}"
    with open_database(url) as database:
        _review_with_history(database)
    engine = make_engine(url)
    try:
        config = alembic_config()
        with engine.connect() as connection:
            connection.connection.execute("PRAGMA foreign_keys=OFF")  # outside a transaction, as migrate does
            with connection.begin():
                config.attributes["connection"] = connection
                command.downgrade(config, "0004")
            rows = connection.execute(
                text("SELECT item_id, kind, superseded FROM review_decisions ORDER BY id")
            )
            assert list(rows) == [("2.3", "accept", 1), ("2.3", "override", 0), ("1.1", "manual", 1)]
            triggers = connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
            assert set(triggers.scalars()) == {"audit_log_no_update", "audit_log_no_delete"}
    finally:
        engine.dispose()


def test_a_recomputed_chain_is_found_against_a_head_written_down(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The limit of a chain without a secret, and how a head kept elsewhere closes it: an editor
    who recomputes every hash after the edited row gets a chain that verifies on its own."""
    code, out = _verify(db_file, capsys)
    head = out.strip().rsplit(" ", 1)[-1]
    assert code == 0 and len(head) == 64
    with _raw(db_file) as connection:
        connection.row_factory = sqlite3.Row
        connection.execute("UPDATE audit_log SET actor = '别人' WHERE id = 2")
        prev = "0" * 64
        for row in connection.execute("SELECT * FROM audit_log ORDER BY id").fetchall():
            digest = row_digest(
                prev,
                id=row["id"],
                review_id=row["review_id"],
                case_id=row["case_id"],
                at=dt.datetime.fromisoformat(row["at"]),
                actor=row["actor"],
                machine=row["machine"],
                action=row["action"],
                item_id=row["item_id"],
                before=json.loads(row["before"]) if row["before"] else None,
                after=json.loads(row["after"]) if row["after"] else None,
            )
            connection.execute(
                "UPDATE audit_log SET prev_hash = ?, row_hash = ? WHERE id = ?", (prev, digest, row["id"])
            )
            prev = digest
    assert _verify(db_file, capsys)[0] == 0  # consistent on its own: the limit
    code = main(["audit", "verify", "--db", f"sqlite:///{db_file}", "--head", head])
    err = capsys.readouterr().err
    assert code != 0 and f"此前记下的哈希链末端 {head} 已不在哈希链中" in err
