"""full-text search on PostgreSQL: a tsvector of each claim's words, kept by the database itself,
with a GIN index (SQLite has had its FTS5 index since 0003: nothing changes there)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-06 17:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# A search means the same on both engines: what SQLite's index does (tokenizer "porter unicode61"),
# PostgreSQL does here too.
#
# - Words: any run of letters and digits ("4.2" is 4 and 2, "well-known" is well and known), whatever
#   PostgreSQL's parser would make of numbers, addresses or hyphens; so ASCII punctuation becomes
#   spaces first (beyond ASCII, the parser tells letters from other characters as the database's
#   locale does).
# - Letters with diacritics are read as unicode61 reads them ("Zürich" is zurich, "café" is cafe):
#   the letters SQLite folds, and what it folds them to.
DIACRITICS = (
    "ÀÁÂÃÄÅÇÈÉÊËÌÍÎÏÑÒÓÔÕÖÙÚÛÜÝàáâãäåçèéêëìíîïñòóôõöùúûüýÿĀāĂ"
    "ăĄąĆćĈĉĊċČčĎďĒēĔĕĖėĘęĚěĜĝĞğĠġĢģĤĥĨĩĪīĬĭĮįİĴĵĶķĹĺĻļĽľŃńŅņ"
    "ŇňŌōŎŏŐőŔŕŖŗŘřŚśŜŝŞşŠšŢţŤťŨũŪūŬŭŮůŰűŲųŴŵŶŷŸŹźŻżŽžſƠơƯưǍǎ"
    "ǏǐǑǒǓǔǦǧǨǩǪǫǰǴǵǸǹȀȁȂȃȄȅȆȇȈȉȊȋȌȍȎȏȐȑȒȓȔȕȖȗȘșȚțȞȟȦȧȨȩȮȯȲȳ"
)
FOLDED = (
    "aaaaaaceeeeiiiinooooouuuuyaaaaaaceeeeiiiinooooouuuuyyaaa"
    "aaaccccccccddeeeeeeeeeegggggggghhiiiiiiiiijjkkllllllnnnn"
    "nnoooooorrrrrrssssssssttttuuuuuuuuuuuuwwyyyzzzzzzsoouuaa"
    "iioouuggkkoojggnnaaaaeeeeiiiioooorrrruuuusstthhaaeeooyy"
)
# - Stemming: the Porter stemmer, as SQLite's ("nearly" is nearli, not near as in the English
#   Snowball stemmer), in a copy of the English configuration that keeps every word (the built-in
#   one drops "the", "of", "not", which SQLite's index keeps).
CONFIGURATION = [
    "CREATE TEXT SEARCH DICTIONARY factcheck_porter (TEMPLATE = snowball, LANGUAGE = porter)",
    "CREATE TEXT SEARCH CONFIGURATION factcheck_english (COPY = english)",
    "ALTER TEXT SEARCH CONFIGURATION factcheck_english ALTER MAPPING REPLACE english_stem WITH factcheck_porter",
    # the words of a text as the search reads them: for the claims' words and for what is searched
    "CREATE FUNCTION factcheck_search_text(words text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE "
    "AS $$SELECT translate(regexp_replace(words, '[^0-9A-Za-z\\u0080-\\U0010ffff]+', ' ', 'g'), "
    f"'{DIACRITICS}', '{FOLDED}')$$",
]
# A generated column is kept current by the database on every insert, and on every update of the
# columns it reads, by any program; it is not recomputed when other columns change.
SEARCH_VECTOR = (
    "ALTER TABLE claims ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector("
    "'factcheck_english'::regconfig, factcheck_search_text(mention || ' ' || sentence || ' ' || measure))) STORED"
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
    op.execute("DROP FUNCTION IF EXISTS factcheck_search_text(text)")
    op.execute("DROP TEXT SEARCH CONFIGURATION IF EXISTS factcheck_english")
    op.execute("DROP TEXT SEARCH DICTIONARY IF EXISTS factcheck_porter")
