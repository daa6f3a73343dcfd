"""SQLAlchemy 2 models: documents and the claims extracted from them.

Column types are portable (SQLite by default, PostgreSQL for larger teams). A
claim's exact figure is kept as a decimal string (``value_text``) next to a
float copy (``value``) that filters and sorting use.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import (
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Named constraints keep Alembic batch migrations on SQLite predictable.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    """The current time in UTC, timezone-aware."""
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Document(Base):
    """One ingested article: its text, where it came from, and its metadata."""

    __tablename__ = "documents"
    # AUTOINCREMENT: an id is never handed out twice, so saved references stay valid
    __table_args__: ClassVar[dict[str, Any]] = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    source: Mapped[str] = mapped_column(String(1024), unique=True)
    url: Mapped[str | None] = mapped_column(String(2048))
    title: Mapped[str | None] = mapped_column(String(1024))
    author: Mapped[str | None] = mapped_column(String(512))
    publisher: Mapped[str | None] = mapped_column(String(512))
    published: Mapped[dt.date | None] = mapped_column(Date)
    place: Mapped[str | None] = mapped_column(String(256))  # the place the article is about, if clearly one
    kind: Mapped[str] = mapped_column(String(16), default="text")
    encoding: Mapped[str] = mapped_column(String(32), default="utf-8")
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    text: Mapped[str] = mapped_column(Text)
    extractor: Mapped[str] = mapped_column(String(32))
    ingested_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    claims: Mapped[list[Claim]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Claim.start",
    )


class Claim(Base):
    """A figure stated in a document, normalized, with its provenance."""

    __tablename__ = "claims"
    __table_args__ = (
        UniqueConstraint("document_id", "span_start", "span_end"),
        Index("ix_claims_unit_value", "unit", "value"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("documents.id", ondelete="CASCADE"), index=True
    )
    start: Mapped[int] = mapped_column("span_start", Integer)
    end: Mapped[int] = mapped_column("span_end", Integer)
    mention: Mapped[str] = mapped_column(String(512))
    sentence: Mapped[str] = mapped_column(Text)
    sentence_start: Mapped[int] = mapped_column(Integer)
    sentence_end: Mapped[int] = mapped_column(Integer)
    value_text: Mapped[str | None] = mapped_column(String(64))
    value: Mapped[float | None] = mapped_column(Float)
    low: Mapped[float | None] = mapped_column(Float)
    high: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(32), index=True)
    qualifier: Mapped[str] = mapped_column(String(16))
    change: Mapped[str | None] = mapped_column(String(16))
    measure: Mapped[str] = mapped_column(String(512), index=True)
    place: Mapped[str | None] = mapped_column(String(256), index=True)
    period: Mapped[str | None] = mapped_column(String(256))
    period_start: Mapped[dt.date | None] = mapped_column(Date)
    period_end: Mapped[dt.date | None] = mapped_column(Date)
    speaker: Mapped[str | None] = mapped_column(String(256), index=True)
    # whose figure it is (a party, company, club, country, person, product) when the measure does not say
    subject: Mapped[str | None] = mapped_column(String(256), index=True)
    rule: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16), default="fact", server_default="fact")
    # the statistic of the claim's links (see Link.statistic), null while it has none: kept here
    # too so that reading every claim with its statistic is a scan of one table, not a join on links
    statistic: Mapped[int | None] = mapped_column(Integer, index=True)

    document: Mapped[Document] = relationship(back_populates="claims")

    @property
    def exact_value(self) -> Decimal | None:
        """The figure as an exact decimal (``None`` for vague amounts)."""
        return Decimal(self.value_text) if self.value_text is not None else None


class ClaimKey(Base):
    """A blocking key of a claim: only claims that share a key are ever compared."""

    __tablename__ = "claim_keys"

    claim_id: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), primary_key=True)
    key: Mapped[str] = mapped_column(String(300), primary_key=True, index=True)


class Link(Base):
    """Two claims about the same statistic, from different documents, that agree or conflict."""

    __tablename__ = "links"
    __table_args__ = (
        UniqueConstraint("claim_a", "claim_b"),
        Index("ix_links_status_statistic", "status", "statistic"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_a: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"))
    claim_b: Mapped[int] = mapped_column(ForeignKey("claims.id", ondelete="CASCADE"), index=True)
    status: Mapped[str] = mapped_column(String(16))  # indexed with the statistic
    # the smallest claim id of the set of claims that links join into one statistic
    statistic: Mapped[int | None] = mapped_column(Integer, index=True)


class Setting(Base):
    """Key-value state of the database, such as the version of the rules its links were made with."""

    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(String(256))


class Verdict(Base):
    """A fact-checker's rating of a claim, with evidence; a claim's latest verdict is the one shown.

    The verdict remembers where its claim was written (document and span), so that
    it can follow the claim when the document is re-extracted; ``claim_id`` is null
    while it is orphaned.
    """

    __tablename__ = "verdicts"
    __table_args__: ClassVar[dict[str, Any]] = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    claim_id: Mapped[int | None] = mapped_column(ForeignKey("claims.id", ondelete="SET NULL"), index=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    span_start: Mapped[int] = mapped_column(Integer)
    span_end: Mapped[int] = mapped_column(Integer)
    mention: Mapped[str] = mapped_column(String(512))
    sentence: Mapped[str | None] = mapped_column(Text)  # where the words stood, to find them again
    rating: Mapped[str] = mapped_column(String(32))
    note: Mapped[str] = mapped_column(Text)
    evidence: Mapped[str] = mapped_column(Text, default="[]")  # a JSON list of URLs
    author: Mapped[str | None] = mapped_column(String(256))
    created_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)


class SeenLink(Base):
    """An article a feed or sitemap listed, once it was ingested: the next reading of the
    same feed or sitemap skips it."""

    __tablename__ = "seen_links"
    __table_args__ = (UniqueConstraint("channel", "link"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    channel: Mapped[str] = mapped_column(String(2048))  # the feed's or sitemap's URL
    link: Mapped[str] = mapped_column(String(2048))  # the article's URL, as listed (normalized)
    source: Mapped[str | None] = mapped_column(String(1024))  # the document it was stored as
    seen_at: Mapped[dt.datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
