"""Session identity and reviewers' signing keys (issue 18, item 3).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07

Existing sessions keep ``uid`` NULL here on purpose: a database cannot tell a lead's own session
from a reviewer's copy made by opening a package, and a random id given to a copy would never
match the lead's. The lead's side gives a session its id on its first export (the reviewer's copy
takes it from the next package it opens).
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("review_sessions") as batch:
        batch.add_column(sa.Column("uid", sa.String(length=32), nullable=True))
        batch.add_column(sa.Column("lead_key", sa.String(length=64), nullable=True))
        batch.create_unique_constraint(op.f("uq_review_sessions_uid"), ["uid"])
    op.create_table(
        "session_reviewer_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.Text(), nullable=False),
        sa.Column("public_key", sa.String(length=64), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("registered_at", sa.DateTime(), nullable=False),
        sa.Column("registered_by", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["review_sessions.id"],
            name=op.f("fk_session_reviewer_keys_session_id_review_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_reviewer_keys")),
        sa.UniqueConstraint(
            "session_id",
            "reviewer",
            "public_key",
            name=op.f("uq_session_reviewer_keys_session_id_reviewer_public_key"),
        ),
    )


def downgrade() -> None:
    op.drop_table("session_reviewer_keys")
    with op.batch_alter_table("review_sessions") as batch:
        batch.drop_constraint(op.f("uq_review_sessions_uid"), type_="unique")
        batch.drop_column("lead_key")
        batch.drop_column("uid")
