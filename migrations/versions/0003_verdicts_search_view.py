"""verdicts, full-text search and the claims view

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-21 05:30:01.339591
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


# Full-text search over mention, sentence and measure, with Porter stemming, kept in
# sync with the claims table by triggers (an external-content FTS5 table).
FTS_SQLITE = [
    "CREATE VIRTUAL TABLE claims_fts USING fts5(mention, sentence, measure, "
    "content='claims', content_rowid='id', tokenize='porter unicode61')",
    "CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN "
    "INSERT INTO claims_fts(rowid, mention, sentence, measure) "
    "VALUES (new.id, new.mention, new.sentence, new.measure); END",
    "CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, mention, sentence, measure) "
    "VALUES ('delete', old.id, old.mention, old.sentence, old.measure); END",
    "CREATE TRIGGER claims_fts_update AFTER UPDATE ON claims BEGIN "
    "INSERT INTO claims_fts(claims_fts, rowid, mention, sentence, measure) "
    "VALUES ('delete', old.id, old.mention, old.sentence, old.measure); "
    "INSERT INTO claims_fts(rowid, mention, sentence, measure) "
    "VALUES (new.id, new.mention, new.sentence, new.measure); END",
    "INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')",
]

# One readable row per claim: its document, its latest verdict and its cross-reference status.
CLAIMS_VIEW = """
CREATE VIEW claims_view AS
SELECT c.id, d.source AS document, d.title, d.publisher, d.published, d.url,
       c.mention, c.value, c.unit, c.qualifier, c.change, c.measure, c.place, c.period, c.speaker, c.kind,
       c.sentence, c.span_start, c.span_end,
       (SELECT v.rating FROM verdicts v WHERE v.claim_id = c.id
         ORDER BY v.created_at DESC, v.id DESC LIMIT 1) AS verdict,
       (SELECT CASE WHEN SUM(CASE WHEN l.status = 'conflict' THEN 1 ELSE 0 END) > 0
                    THEN 'conflict' ELSE 'agree' END
          FROM links l WHERE l.claim_a = c.id OR l.claim_b = c.id HAVING COUNT(*) > 0) AS crossref
FROM claims c JOIN documents d ON d.id = c.document_id
"""


def upgrade() -> None:
    op.create_table(
        "verdicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("claim_id", sa.Integer(), nullable=True),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("span_start", sa.Integer(), nullable=False),
        sa.Column("span_end", sa.Integer(), nullable=False),
        sa.Column("mention", sa.String(length=512), nullable=False),
        sa.Column("rating", sa.String(length=32), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        sa.Column("author", sa.String(length=256), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["claim_id"], ["claims.id"], name=op.f("fk_verdicts_claim_id_claims"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["document_id"], ["documents.id"], name=op.f("fk_verdicts_document_id_documents"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_verdicts")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_verdicts_claim_id"), ["claim_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_verdicts_created_at"), ["created_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_verdicts_document_id"), ["document_id"], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        for statement in FTS_SQLITE:
            op.execute(statement)
    op.execute(CLAIMS_VIEW)


def downgrade() -> None:
    op.execute("DROP VIEW IF EXISTS claims_view")
    if op.get_bind().dialect.name == "sqlite":
        for trigger in ("claims_fts_insert", "claims_fts_delete", "claims_fts_update"):
            op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
        op.execute("DROP TABLE IF EXISTS claims_fts")
    with op.batch_alter_table("verdicts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_verdicts_document_id"))
        batch_op.drop_index(batch_op.f("ix_verdicts_created_at"))
        batch_op.drop_index(batch_op.f("ix_verdicts_claim_id"))

    op.drop_table("verdicts")
