"""full-text search on PostgreSQL: a tsvector of each claim's words, kept by the database itself,
with a GIN index (SQLite has had its FTS5 index since 0003: nothing changes there)

Revision ID: 0008
Revises: 0006
Create Date: 2026-12-06 17:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0008"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# PostgreSQL's English stemming (Snowball) with every word kept, as SQLite's index keeps them
# (the built-in "english" configuration drops "the", "of", "not", ...): a search then means the
# same on both engines.
CONFIGURATION = [
    "CREATE TEXT SEARCH DICTIONARY factcheck_english_stem (TEMPLATE = snowball, LANGUAGE = english)",
    "CREATE TEXT SEARCH CONFIGURATION factcheck_english (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION factcheck_english "
    "ALTER MAPPING REPLACE english_stem WITH factcheck_english_stem",
]
# The words of mention, sentence and measure, read as SQLite's tokenizer reads them: any run of
# letters and digits is a word ("4.2" is 4 and 2, "well-known" is well and known), whatever
# PostgreSQL's parser would make of numbers, addresses or hyphens; so ASCII punctuation becomes
# spaces first (the parser itself tells letters from other characters beyond ASCII, as the
# database's locale does). A generated column is kept
# current by the database on every insert and every update of those three columns, by any
# program, and is not recomputed when other columns change.
SEARCH_VECTOR = (
    "ALTER TABLE claims ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector("
    "'factcheck_english'::regconfig, regexp_replace(mention || ' ' || sentence || ' ' || measure, "
    "'[^0-9A-Za-z\\u0080-\\U0010ffff]+', ' ', 'g'))) STORED"
)
SEARCH_INDEX = "CREATE INDEX ix_claims_search_vector ON claims USING gin (search_vector)"


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    for statement in [*CONFIGURATION, SEARCH_VECTOR, SEARCH_INDEX]:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute("DROP INDEX IF EXISTS ix_claims_search_vector")
    op.execute("ALTER TABLE claims DROP COLUMN IF EXISTS search_vector")
    op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS factcheck_english")
    op.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS factcheck_english_stem")
