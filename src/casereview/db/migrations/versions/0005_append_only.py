"""Append-only reviewer decisions and the audit hash chain (issue 18, item 4).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07

``review_decisions`` loses ``superseded``: the latest row of an item is its current decision, and a
withdrawn decision gets a row of kind ``withdrawn`` after it (written here for the decisions
withdrawn before). Triggers refuse UPDATE of a decision, and DELETE while its review exists (a
deleted case still takes its reviews' decisions with it).

``audit_log`` gets ``prev_hash``/``row_hash``; on SQLite the existing rows are sealed into the
chain here (it proves nothing about what happened before the upgrade, everything after).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from casereview.db.audit_chain import GENESIS, row_digest

revision: str = "0005"
down_revision: str | Sequence[str] | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_APPEND_ONLY = "review_decisions is append-only"
_SQLITE_TRIGGERS = (
    "CREATE TRIGGER review_decisions_no_update BEFORE UPDATE ON review_decisions "
    f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
    "CREATE TRIGGER review_decisions_no_delete BEFORE DELETE ON review_decisions "
    "WHEN EXISTS (SELECT 1 FROM reviews WHERE reviews.id = OLD.review_id) "
    f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
)
_PG_TRIGGERS = (
    "CREATE FUNCTION review_decisions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM reviews WHERE reviews.id = OLD.review_id) "
    "THEN RETURN OLD; END IF; "
    f"RAISE EXCEPTION '{_APPEND_ONLY}' USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER review_decisions_no_change BEFORE UPDATE OR DELETE ON review_decisions "
    "FOR EACH ROW EXECUTE FUNCTION review_decisions_append_only()",
    "CREATE TRIGGER review_decisions_no_truncate BEFORE TRUNCATE ON review_decisions "
    "FOR EACH STATEMENT EXECUTE FUNCTION review_decisions_append_only()",
)
_AUDIT_NO_UPDATE = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
)

_decisions = sa.table(
    "review_decisions",
    sa.column("id", sa.Integer()),
    sa.column("review_id", sa.Integer()),
    sa.column("item_id", sa.Text()),
    sa.column("kind", sa.String()),
    sa.column("reviewer", sa.Text()),
    sa.column("decided_at", sa.DateTime()),
    sa.column("superseded", sa.Boolean()),
)
_audit = sa.table(
    "audit_log",
    sa.column("id", sa.Integer()),
    sa.column("review_id", sa.Integer()),
    sa.column("case_id", sa.Integer()),
    sa.column("at", sa.DateTime()),
    sa.column("actor", sa.Text()),
    sa.column("machine", sa.Text()),
    sa.column("action", sa.String()),
    sa.column("item_id", sa.Text()),
    sa.column("before", sa.JSON()),
    sa.column("after", sa.JSON()),
    sa.column("prev_hash", sa.String()),
    sa.column("row_hash", sa.String()),
)


def _withdrawal_rows(bind: sa.Connection) -> None:
    """A withdrawal row after every item whose latest decision was marked superseded (undone)."""
    latest: dict[tuple[int, str], sa.Row[tuple[object, ...]]] = {}
    for row in bind.execute(sa.select(_decisions).order_by(_decisions.c.id)):
        latest[(row.review_id, row.item_id)] = row
    rows = [
        {
            "review_id": row.review_id,
            "item_id": row.item_id,
            "kind": "withdrawn",
            "reviewer": row.reviewer,
            "decided_at": row.decided_at,
            "superseded": True,
        }
        for row in latest.values()
        if row.superseded
    ]
    if rows:
        bind.execute(sa.insert(_decisions), rows)


def _seal_chain(bind: sa.Connection) -> None:
    prev = GENESIS
    for row in bind.execute(sa.select(_audit).order_by(_audit.c.id)).all():
        content = {k: getattr(row, k) for k in ("review_id", "case_id", "at", "actor", "machine")}
        content |= {k: getattr(row, k) for k in ("action", "item_id", "before", "after")}
        digest = row_digest(prev, id=row.id, **content)
        bind.execute(sa.update(_audit).where(_audit.c.id == row.id).values(prev_hash=prev, row_hash=digest))
        prev = digest


def upgrade() -> None:
    bind = op.get_bind()
    dialect = bind.dialect.name
    _withdrawal_rows(bind)
    with op.batch_alter_table("review_decisions") as batch:
        batch.drop_column("superseded")
    with op.batch_alter_table("audit_log") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("row_hash", sa.String(length=64), nullable=True))
    if dialect == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS audit_log_no_update")
        _seal_chain(bind)
        op.execute(_AUDIT_NO_UPDATE)
    for statement in {"sqlite": _SQLITE_TRIGGERS, "postgresql": _PG_TRIGGERS}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS review_decisions_append_only() CASCADE")
    else:
        op.execute("DROP TRIGGER IF EXISTS review_decisions_no_update")
        op.execute("DROP TRIGGER IF EXISTS review_decisions_no_delete")
    with op.batch_alter_table("audit_log") as batch:
        batch.drop_column("row_hash")
        batch.drop_column("prev_hash")
    if dialect == "sqlite":  # the batch recreated audit_log without its triggers
        op.execute(_AUDIT_NO_UPDATE)
        op.execute(
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"
        )
    with op.batch_alter_table("review_decisions") as batch:
        batch.add_column(sa.Column("superseded", sa.Boolean(), nullable=False, server_default=sa.false()))
    # Every row but the latest of its item was superseded; withdrawal rows mark their decision.
    op.execute(
        "UPDATE review_decisions SET superseded = TRUE WHERE id NOT IN "
        "(SELECT max(id) FROM review_decisions GROUP BY review_id, item_id) OR id IN "
        "(SELECT d.id FROM review_decisions d WHERE EXISTS (SELECT 1 FROM review_decisions w WHERE "
        "w.kind = 'withdrawn' AND w.review_id = d.review_id AND w.item_id = d.item_id AND w.id > d.id))"
    )
    op.execute("DELETE FROM review_decisions WHERE kind = 'withdrawn'")
