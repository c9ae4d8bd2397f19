"""Officer rosters (执法人员名单) for P-21: the imported lists and their officers (issue 14).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | Sequence[str] | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "roster_lists",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("file_name", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),  # naive UTC
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_lists")),
    )
    op.create_index(op.f("ix_roster_lists_sha256"), "roster_lists", ["sha256"], unique=True)
    op.create_table(
        "roster_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("list_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("certificate", sa.Text(), nullable=False),
        sa.Column("certificate_key", sa.Text(), nullable=False),
        sa.Column("field", sa.Text(), nullable=False),
        sa.Column("valid_until", sa.Date(), nullable=False),
        sa.Column("row_no", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["list_id"],
            ["roster_lists.id"],
            name=op.f("fk_roster_entries_list_id_roster_lists"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_entries")),
        sa.UniqueConstraint(
            "list_id", "certificate_key", name=op.f("uq_roster_entries_list_id_certificate_key")
        ),
    )
    op.create_index(op.f("ix_roster_entries_certificate_key"), "roster_entries", ["certificate_key"])


def downgrade() -> None:
    op.drop_index(op.f("ix_roster_entries_certificate_key"), table_name="roster_entries")
    op.drop_table("roster_entries")
    op.drop_index(op.f("ix_roster_lists_sha256"), table_name="roster_lists")
    op.drop_table("roster_lists")
