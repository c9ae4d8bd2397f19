"""Initial schema: case files, pages, spans, documents, extracted fields, seals.

Revision ID: 0001
Revises:
Create Date: 2026-11-21
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | Sequence[str] | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _bbox(prefix: str = "", *, nullable: bool = False) -> list[sa.Column[float]]:
    return [sa.Column(f"{prefix}{name}", sa.Float(), nullable=nullable) for name in ("x0", "y0", "x1", "y1")]


def _case_fk(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["case_id"], ["case_files.id"], name=op.f(f"fk_{table}_case_id_case_files"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "case_files",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("page_count", sa.Integer(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),  # naive UTC
        sa.Column("notices", sa.JSON(), nullable=False),
        sa.Column("file_hashes", sa.JSON(), nullable=False),
        sa.Column("unit", sa.Text(), nullable=True),
        sa.Column("label", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_case_files")),
    )
    op.create_index(op.f("ix_case_files_sha256"), "case_files", ["sha256"], unique=True)

    op.create_table(
        "pages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("width", sa.Float(), nullable=False),
        sa.Column("height", sa.Float(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("origin", sa.Text(), nullable=False),
        sa.Column("origin_page", sa.Integer(), nullable=False),
        sa.Column("rotation", sa.Integer(), nullable=False),
        sa.Column("skew", sa.Float(), nullable=False),
        sa.Column("ocr_confidence", sa.Float(), nullable=True),
        sa.Column("text_layer_usable", sa.Boolean(), nullable=False),
        _case_fk("pages"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pages")),
        sa.UniqueConstraint("case_id", "number", name=op.f("uq_pages_case_id_number")),
    )

    op.create_table(
        "spans",
        sa.Column("page_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        *_bbox(),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["page_id"], ["pages.id"], name=op.f("fk_spans_page_id_pages"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("page_id", "seq", name=op.f("pk_spans")),
    )

    op.create_table(
        "documents",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("type", sa.Text(), nullable=False),
        sa.Column("first_page", sa.Integer(), nullable=False),
        sa.Column("last_page", sa.Integer(), nullable=False),
        sa.Column("serves", sa.Text(), nullable=True),
        sa.Column("title_page", sa.Integer(), nullable=True),
        *_bbox("title_", nullable=True),
        sa.Column("title_text", sa.Text(), nullable=True),
        sa.Column("title_confidence", sa.Float(), nullable=True),
        _case_fk("documents"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_documents")),
        sa.UniqueConstraint("case_id", "seq", name=op.f("uq_documents_case_id_seq")),
    )

    op.create_table(
        "fields",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=32), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        *_bbox(),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        _case_fk("fields"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fields")),
        sa.UniqueConstraint("case_id", "name", "seq", name=op.f("uq_fields_case_id_name_seq")),
    )
    op.create_index(op.f("ix_fields_name"), "fields", ["name"], unique=False)

    op.create_table(
        "seals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("case_id", sa.Integer(), nullable=False),
        sa.Column("page_id", sa.Integer(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        *_bbox(),
        sa.Column("red_ratio", sa.Float(), nullable=False),
        _case_fk("seals"),
        sa.ForeignKeyConstraint(
            ["page_id"], ["pages.id"], name=op.f("fk_seals_page_id_pages"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seals")),
    )
    op.create_index(op.f("ix_seals_case_id"), "seals", ["case_id"], unique=False)
    op.create_index(op.f("ix_seals_page_id"), "seals", ["page_id"], unique=False)


def downgrade() -> None:
    for table in ("seals", "fields", "documents", "spans", "pages", "case_files"):
        op.drop_table(table)
