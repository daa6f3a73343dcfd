"""claim subjects and document places: whose figure a claim states, and the place an article is about;
claims_view shows both, and the document's author

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-06 18:00:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_VIEW_HEAD = """CREATE VIEW claims_view AS
SELECT c.id, d.source AS document, d.title, {author}d.publisher, d.published, d.url,
       c.mention, c.value, c.unit, c.qualifier, c.change, c.measure, c.place, c.period, {subject}c.speaker, c.kind,
       c.sentence, c.span_start, c.span_end,
       (SELECT v.rating FROM verdicts v WHERE v.claim_id = c.id
         ORDER BY v.created_at DESC, v.id DESC LIMIT 1) AS verdict,
       (SELECT CASE WHEN SUM(CASE WHEN l.status = 'conflict' THEN 1 ELSE 0 END) > 0
                    THEN 'conflict' ELSE 'agree' END
          FROM links l WHERE l.claim_a = c.id OR l.claim_b = c.id HAVING COUNT(*) > 0) AS crossref
FROM claims c JOIN documents d ON d.id = c.document_id
"""
VIEW = _VIEW_HEAD.format(author="d.author, ", subject="c.subject, ")
OLD_VIEW = _VIEW_HEAD.format(author="", subject="")


def upgrade() -> None:
    op.execute("DROP VIEW IF EXISTS claims_view")
    # Plain ALTER TABLE: a batch copy would rebuild the tables under their triggers and indexes.
    op.add_column("claims", sa.Column("subject", sa.String(length=256), nullable=True))
    op.create_index("ix_claims_subject", "claims", ["subject"], unique=False)
    op.add_column("documents", sa.Column("place", sa.String(length=256), nullable=True))
    op.execute(VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS claims_view")
    op.drop_index("ix_claims_subject", table_name="claims")
    op.execute("ALTER TABLE claims DROP COLUMN subject")
    op.execute("ALTER TABLE documents DROP COLUMN place")
    op.execute(OLD_VIEW)
