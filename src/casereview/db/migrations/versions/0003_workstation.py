"""Reviewer corrections of extracted fields and training tags (the workstation, issue 4).

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | Sequence[str] | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _case_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["case_id"], ["case_files.id"], name=op.f(f"fk_{table}_case_id_case_files"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "field_corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("withdrawn", sa.Boolean(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),  # naive UTC
        _case_fk("field_corrections"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_field_corrections")),
    )
    op.create_index("ix_field_corrections_case_id_field", "field_corrections", ["case_id", "field"])
    op.create_table(
        "training_tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.String(length=16), nullable=False),
        sa.Column("first_page", sa.Integer(), nullable=True),
        sa.Column("last_page", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _case_fk("training_tags"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_tags")),
    )
    op.create_index(op.f("ix_training_tags_case_id"), "training_tags", ["case_id"])


def downgrade() -> None:
    op.drop_table("training_tags")
    op.drop_table("field_corrections")
