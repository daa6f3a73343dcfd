"""seen links: the articles of a feed or sitemap already ingested, so that reading it again
fetches only what is new

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06 20:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "seen_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("channel", sa.String(length=2048), nullable=False),
        sa.Column("link", sa.String(length=2048), nullable=False),
        sa.Column("source", sa.String(length=1024), nullable=True),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_seen_links")),
        sa.UniqueConstraint("channel", "link", name=op.f("uq_seen_links_channel_link")),
        sqlite_autoincrement=True,
    )


def downgrade() -> None:
    op.drop_table("seen_links")
