"""Review sessions: the session, its reviewers, its case files and the assignments (issue 6).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | Sequence[str] | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(column: str, table: str, target: str, ondelete: str = "CASCADE") -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete=ondelete
    )


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def upgrade() -> None:
    op.create_table(
        "review_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.Text(), nullable=False),
        sa.Column("profile", sa.Text(), nullable=True),
        sa.Column("double_review", sa.Boolean(), nullable=False),
        sa.Column("blind", sa.Boolean(), nullable=False),
        sa.Column("tolerance", sa.Float(), nullable=False),
        sa.Column("lead", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        _pk("review_sessions"),
        sa.UniqueConstraint("name", name=op.f("uq_review_sessions_name")),
    )
    op.create_table(
        "session_reviewers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=True),
        _fk("session_id", "session_reviewers", "review_sessions"),
        _pk("session_reviewers"),
        sa.UniqueConstraint("session_id", "name", name=op.f("uq_session_reviewers_session_id_name")),
    )
    op.create_table(
        "session_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("final_review_id", sa.Integer(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        _fk("session_id", "session_cases", "review_sessions"),
        _fk("case_id", "session_cases", "case_files"),
        _fk("final_review_id", "session_cases", "reviews", "SET NULL"),
        _pk("session_cases"),
        sa.UniqueConstraint("session_id", "case_id", name=op.f("uq_session_cases_session_id_case_id")),
    )
    op.create_index(op.f("ix_session_cases_case_id"), "session_cases", ["case_id"])
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_case_id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=True),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        sa.Column("assigned_by", sa.Text(), nullable=False),
        _fk("session_case_id", "assignments", "session_cases"),
        _fk("review_id", "assignments", "reviews", "SET NULL"),
        _pk("assignments"),
        sa.UniqueConstraint("session_case_id", "slot", name=op.f("uq_assignments_session_case_id_slot")),
    )
    op.create_index(op.f("ix_assignments_session_case_id"), "assignments", ["session_case_id"])
    op.create_index(op.f("ix_assignments_reviewer"), "assignments", ["reviewer"])


def downgrade() -> None:
    for table in ("assignments", "session_cases", "session_reviewers", "review_sessions"):
        op.drop_table(table)
