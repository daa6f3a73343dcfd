"""looking claims up by part of their measure, place, speaker or subject on PostgreSQL: trigram indexes
(SQLite reads these filters fast enough from the table itself: nothing changes there)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 19:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op
from sqlalchemy import Connection, text

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# `--measure jobs --place London` is ILIKE '%jobs%' and ILIKE '%London%': no B-tree index serves a
# pattern that starts with a wildcard, so at a million claims PostgreSQL read every claim (half a
# second) where a GIN index of trigrams finds the few that match.
COLUMNS = ("measure", "place", "speaker", "subject")

# pg_trgm ships with PostgreSQL (contrib), and is a trusted extension from PostgreSQL 13 on: the
# database's owner may create it. Where it is missing, or this user cannot create it, the filters still
# work, by reading the table; the indexes are made when the migration runs again on a server that has it.
def _can_index(bind: Connection) -> bool:
    def ask(query: str) -> bool:
        return bool(bind.execute(text(query)).scalar())

    if ask("SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm')"):
        return True
    if not ask("SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm')"):
        return False
    if ask("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"):
        return True
    return bind.dialect.server_version_info >= (13,) and ask(
        "SELECT v.trusted AND has_database_privilege(current_database(), 'CREATE') "
        "FROM pg_available_extension_versions v JOIN pg_available_extensions e "
        "ON e.name = v.name AND e.default_version = v.version WHERE v.name = 'pg_trgm'")


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql" or not _can_index(bind):
        return
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for name in COLUMNS:
        op.execute(f"CREATE INDEX ix_claims_{name}_trigrams ON claims USING gin ({name} gin_trgm_ops)")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for name in COLUMNS:
        op.execute(f"DROP INDEX IF EXISTS ix_claims_{name}_trigrams")
