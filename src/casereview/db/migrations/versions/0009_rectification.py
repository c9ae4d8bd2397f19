"""Rectification ledger (整改台账) and objections (异议 / 复核), issue 15 items 1 and 2.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07

Files a unit sends are kept in ``rectify_attachments`` as bytes with their SHA-256 and are
append-only like ``review_decisions`` (migration 0005): triggers refuse UPDATE, and DELETE while
their session exists (deleting a whole session still takes them along).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | Sequence[str] | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_APPEND_ONLY = "rectify_attachments is append-only"
_SQLITE_TRIGGERS = (
    "CREATE TRIGGER rectify_attachments_no_update BEFORE UPDATE ON rectify_attachments "
    f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
    "CREATE TRIGGER rectify_attachments_no_delete BEFORE DELETE ON rectify_attachments "
    "WHEN EXISTS (SELECT 1 FROM review_sessions WHERE review_sessions.id = OLD.session_id) "
    f"BEGIN SELECT RAISE(ABORT, '{_APPEND_ONLY}'); END",
)
_PG_TRIGGERS = (
    "CREATE FUNCTION rectify_attachments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "IF TG_OP = 'DELETE' AND NOT EXISTS "
    "(SELECT 1 FROM review_sessions WHERE review_sessions.id = OLD.session_id) "
    "THEN RETURN OLD; END IF; "
    f"RAISE EXCEPTION '{_APPEND_ONLY}' USING ERRCODE = 'restrict_violation'; END $$",
    "CREATE TRIGGER rectify_attachments_no_change BEFORE UPDATE OR DELETE ON rectify_attachments "
    "FOR EACH ROW EXECUTE FUNCTION rectify_attachments_append_only()",
    "CREATE TRIGGER rectify_attachments_no_truncate BEFORE TRUNCATE ON rectify_attachments "
    "FOR EACH STATEMENT EXECUTE FUNCTION rectify_attachments_append_only()",
)


def _fk(column: str, table: str, target: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _pk(table: str, column: str = "id") -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint(column, name=op.f(f"pk_{table}"))


def _id() -> sa.Column[int]:
    return sa.Column("id", sa.Integer(), nullable=False)


def _index(table: str, *columns: str) -> None:
    op.create_index(op.f(f"ix_{table}_{'_'.join(columns)}"), table, list(columns))


def upgrade() -> None:
    op.create_table(
        "rectify_settings",
        sa.Column("session_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("rectify_days", sa.Integer(), nullable=False),
        sa.Column("objection_days", sa.Integer(), nullable=False),
        _fk("session_id", "rectify_settings", "review_sessions"),
        _pk("rectify_settings", "session_id"),
    )
    op.create_table(
        "rectify_notices",
        _id(),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("doc_number", sa.Text(), nullable=False),
        sa.Column("issued", sa.Date(), nullable=False),
        sa.Column("rectify_days", sa.Integer(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("objection_days", sa.Integer(), nullable=False),
        sa.Column("objection_deadline", sa.Date(), nullable=False),
        sa.Column("recorded_by", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),  # naive UTC
        _fk("session_id", "rectify_notices", "review_sessions"),
        _pk("rectify_notices"),
    )
    _index("rectify_notices", "session_id")
    op.create_table(
        "rectify_items",
        _id(),
        sa.Column("notice_id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("item_id", sa.Text(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("verified_by", sa.Text(), nullable=True),
        sa.Column("verified_at", sa.DateTime(), nullable=True),
        sa.Column("closed_by", sa.Text(), nullable=True),
        sa.Column("closed_at", sa.DateTime(), nullable=True),
        sa.Column("recheck_review_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("notice_id", "rectify_items", "rectify_notices"),
        _fk("session_id", "rectify_items", "review_sessions"),
        _fk("case_id", "rectify_items", "case_files"),
        _fk("review_id", "rectify_items", "reviews", "SET NULL"),
        _fk("recheck_review_id", "rectify_items", "reviews", "SET NULL"),
        _pk("rectify_items"),
    )
    for column in ("notice_id", "session_id", "case_id", "unit", "status"):
        _index("rectify_items", column)
    op.create_table(
        "rectify_attachments",
        _id(),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("purpose", sa.String(length=16), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("attached_by", sa.Text(), nullable=False),
        sa.Column("attached_at", sa.DateTime(), nullable=False),
        _fk("session_id", "rectify_attachments", "review_sessions"),
        _pk("rectify_attachments"),
    )
    _index("rectify_attachments", "session_id")
    _index("rectify_attachments", "sha256")
    op.create_table(
        "rectify_report_items",
        _id(),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        _fk("attachment_id", "rectify_report_items", "rectify_attachments"),
        _fk("item_id", "rectify_report_items", "rectify_items"),
        _pk("rectify_report_items"),
        sa.UniqueConstraint(
            "attachment_id", "item_id", name=op.f("uq_rectify_report_items_attachment_id_item_id")
        ),
    )
    _index("rectify_report_items", "item_id")
    op.create_table(
        "objections",
        _id(),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("item_id", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("filed_on", sa.Date(), nullable=False),
        sa.Column("deadline", sa.Date(), nullable=False),
        sa.Column("filed_by", sa.Text(), nullable=False),
        sa.Column("original_reviewer", sa.Text(), nullable=False),
        sa.Column("original_deduction", sa.Float(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("decision_reason", sa.Text(), nullable=True),
        sa.Column("decided_by", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("outcome", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("session_id", "objections", "review_sessions"),
        _fk("case_id", "objections", "case_files"),
        _fk("review_id", "objections", "reviews", "SET NULL"),
        _pk("objections"),
    )
    _index("objections", "session_id")
    _index("objections", "case_id")
    op.create_table(
        "objection_attachments",
        _id(),
        sa.Column("objection_id", sa.Integer(), nullable=False),
        sa.Column("attachment_id", sa.Integer(), nullable=False),
        _fk("objection_id", "objection_attachments", "objections"),
        _fk("attachment_id", "objection_attachments", "rectify_attachments"),
        _pk("objection_attachments"),
        sa.UniqueConstraint(
            "objection_id", "attachment_id", name=op.f("uq_objection_attachments_objection_id_attachment_id")
        ),
    )
    dialect = op.get_bind().dialect.name
    for statement in {"sqlite": _SQLITE_TRIGGERS, "postgresql": _PG_TRIGGERS}.get(dialect, ()):
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS rectify_attachments_append_only() CASCADE")
    for table in (
        "objection_attachments",
        "objections",
        "rectify_report_items",
        "rectify_attachments",
        "rectify_items",
        "rectify_notices",
        "rectify_settings",
    ):
        op.drop_table(table)  # SQLite drops a table's triggers with it
