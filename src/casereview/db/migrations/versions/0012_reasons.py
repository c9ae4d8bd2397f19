"""The reason library (常用理由库): reusable reasons per standard item, with usage counts
(issue 15, item 5).

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "reasons",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.String(length=100), nullable=False),
        sa.Column("item_id", sa.String(length=40), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("basis", sa.JSON(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("added_by", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),  # naive UTC
        sa.Column("use_count", sa.Integer(), nullable=False),
        sa.Column("last_used_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reasons")),
        sa.UniqueConstraint(
            "standard_id", "item_id", "text", name=op.f("uq_reasons_standard_id_item_id_text")
        ),
    )
    op.create_index(op.f("ix_reasons_standard_id"), "reasons", ["standard_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_reasons_standard_id"), table_name="reasons")
    op.drop_table("reasons")
