"""Reviewer calibration: gold cases, rounds, trainees and their submitted reviews (issue 15, item 4).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | Sequence[str] | None = "0009"  # the merger re-chains it after the other 0009
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _fk(column: str, table: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        [column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"), ondelete="CASCADE"
    )


def _pk(table: str) -> sa.PrimaryKeyConstraint:
    return sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{table}"))


def upgrade() -> None:
    op.create_table(
        "calibration_gold",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("standard_id", sa.Text(), nullable=False),
        sa.Column("marked_by", sa.Text(), nullable=False),
        sa.Column("marked_at", sa.DateTime(), nullable=False),  # naive UTC
        _fk("case_id", "calibration_gold", "case_files"),
        _fk("review_id", "calibration_gold", "reviews"),
        _pk("calibration_gold"),
        sa.UniqueConstraint("case_id", name=op.f("uq_calibration_gold_case_id")),
    )
    op.create_table(
        "calibration_rounds",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("standard_id", sa.Text(), nullable=False),
        sa.Column("lead", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        _pk("calibration_rounds"),
        sa.UniqueConstraint("name", name=op.f("uq_calibration_rounds_name")),
    )
    op.create_table(
        "calibration_round_cases",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("gold_id", sa.Integer(), nullable=False),
        _fk("round_id", "calibration_round_cases", "calibration_rounds"),
        _fk("gold_id", "calibration_round_cases", "calibration_gold"),
        _pk("calibration_round_cases"),
        sa.UniqueConstraint("round_id", "gold_id", name=op.f("uq_calibration_round_cases_round_id_gold_id")),
    )
    op.create_table(
        "calibration_trainees",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("round_id", sa.Integer(), nullable=False),
        sa.Column("trainee", sa.Text(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(), nullable=True),
        _fk("round_id", "calibration_trainees", "calibration_rounds"),
        _pk("calibration_trainees"),
        sa.UniqueConstraint("round_id", "trainee", name=op.f("uq_calibration_trainees_round_id_trainee")),
    )
    op.create_table(
        "calibration_answers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("trainee_id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        _fk("trainee_id", "calibration_answers", "calibration_trainees"),
        _fk("case_id", "calibration_answers", "case_files"),
        _fk("review_id", "calibration_answers", "reviews"),
        _pk("calibration_answers"),
        sa.UniqueConstraint("trainee_id", "case_id", name=op.f("uq_calibration_answers_trainee_id_case_id")),
    )


def downgrade() -> None:
    for table in (
        "calibration_answers",
        "calibration_trainees",
        "calibration_round_cases",
        "calibration_rounds",
        "calibration_gold",
    ):
        op.drop_table(table)
