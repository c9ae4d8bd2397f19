"""The case type a reviewer set on a case file (行政处罚 / 行政强制 / 行政检查; issue 14).

NULL means "as detected from the documents"; the reviewer's choice picks the standard the case is
scored by.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | Sequence[str] | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("case_files") as batch:
        batch.add_column(sa.Column("case_type", sa.String(length=16), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("case_files") as batch:
        batch.drop_column("case_type")
