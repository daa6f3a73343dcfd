"""claim statistics: each claim carries the statistic of its links, and updating a claim
rewrites its full-text entry only when a column the index holds changes

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-21 10:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The statistic of a claim is that of its links (all of them carry the same one).
FILL_STATISTICS = (
    "UPDATE claims SET statistic = (SELECT MIN(links.statistic) FROM links "
    "WHERE links.claim_a = claims.id OR links.claim_b = claims.id) "
    "WHERE id IN (SELECT claim_a FROM links UNION SELECT claim_b FROM links)"
)

_REINDEX = (
    "INSERT INTO claims_fts(claims_fts, rowid, mention, sentence, measure) "
    "VALUES ('delete', old.id, old.mention, old.sentence, old.measure); "
    "INSERT INTO claims_fts(rowid, mention, sentence, measure) "
    "VALUES (new.id, new.mention, new.sentence, new.measure); END"
)
# Only the indexed columns: setting the statistics of many claims must not rewrite their index entries.
NARROW_UPDATE_TRIGGER = (
    f"CREATE TRIGGER claims_fts_update AFTER UPDATE OF mention, sentence, measure ON claims BEGIN {_REINDEX}"
)
BROAD_UPDATE_TRIGGER = f"CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN {_REINDEX}"


def _replace_update_trigger(statement: str) -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TRIGGER IF EXISTS claims_fts_update")
        op.execute(statement)


def upgrade() -> None:
    _replace_update_trigger(NARROW_UPDATE_TRIGGER)  # first, so that filling the column leaves the index be
    # Plain ALTER TABLE: a batch copy would break the views.
    op.add_column("claims", sa.Column("statistic", sa.Integer(), nullable=True))
    op.execute(FILL_STATISTICS)
    op.create_index("ix_claims_statistic", "claims", ["statistic"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_claims_statistic", table_name="claims")
    op.execute("ALTER TABLE claims DROP COLUMN statistic")
    _replace_update_trigger(BROAD_UPDATE_TRIGGER)
