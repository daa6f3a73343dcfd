"""link statistics: each link carries the connected set of claims it belongs to;
explanations are written when links are read, from the claims themselves

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-21 09:10:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Filled in by the relinking that follows any change of the cross-referencing
    # rules (their version moves with this revision), so existing links are not
    # labelled here. Plain ALTER TABLE: a batch copy would break the views.
    op.add_column("links", sa.Column("statistic", sa.Integer(), nullable=True))
    op.create_index("ix_links_statistic", "links", ["statistic"], unique=False)
    op.create_index("ix_links_status_statistic", "links", ["status", "statistic"], unique=False)
    op.drop_index("ix_links_status", table_name="links")  # the index above serves status alone too
    op.execute("ALTER TABLE links DROP COLUMN explanation")


def downgrade() -> None:
    # links made before were explained when stored; relinking at the older revision writes them again
    op.add_column("links", sa.Column("explanation", sa.Text(), nullable=False, server_default=""))
    op.create_index("ix_links_status", "links", ["status"], unique=False)
    op.drop_index("ix_links_status_statistic", table_name="links")
    op.drop_index("ix_links_statistic", table_name="links")
    op.execute("ALTER TABLE links DROP COLUMN statistic")
