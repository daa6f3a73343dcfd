"""claim kinds, blocking keys, links and settings

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-21 05:26:50.234185
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.String(length=256), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "claim_keys",
        sa.Column("claim_id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_claim_keys_claim_id_claims"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("claim_id", "key", name=op.f("pk_claim_keys")),
    )
    with op.batch_alter_table("claim_keys", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_claim_keys_key"), ["key"], unique=False)

    op.create_table(
        "links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_a", sa.Integer(), nullable=False),
        sa.Column("claim_b", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("explanation", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["claim_a"], ["claims.id"], name=op.f("fk_links_claim_a_claims"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["claim_b"], ["claims.id"], name=op.f("fk_links_claim_b_claims"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_links")),
        sa.UniqueConstraint("claim_a", "claim_b", name=op.f("uq_links_claim_a_claim_b")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_links_claim_b"), ["claim_b"], unique=False)
        batch_op.create_index(batch_op.f("ix_links_status"), ["status"], unique=False)

    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=16), server_default="fact", nullable=False))


def downgrade() -> None:
    with op.batch_alter_table("claims", schema=None) as batch_op:
        batch_op.drop_column("kind")

    with op.batch_alter_table("links", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_links_status"))
        batch_op.drop_index(batch_op.f("ix_links_claim_b"))

    op.drop_table("links")
    with op.batch_alter_table("claim_keys", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_claim_keys_key"))

    op.drop_table("claim_keys")
    op.drop_table("settings")
