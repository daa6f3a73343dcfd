"""verdict sentences

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-21 05:47:42.821242
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.add_column(sa.Column("sentence", sa.Text(), nullable=True))
    # verdicts recorded before this revision take the sentence of the claim they are on
    op.execute(
        "UPDATE verdicts SET sentence = (SELECT claims.sentence FROM claims WHERE claims.id = verdicts.claim_id) "
        "WHERE claim_id IS NOT NULL"
    )


def downgrade() -> None:
    # a plain DROP COLUMN: a batch copy of the table would break the claims_view that reads it
    op.execute("ALTER TABLE verdicts DROP COLUMN sentence")

