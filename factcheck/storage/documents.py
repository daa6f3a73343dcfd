"""Documents and their claims written to the database, and what the ingest pipeline asks of stored
documents (their digests, metadata and texts) and of the feeds and sitemaps it read before (the
links it ingested from them); the queries that name a document.

Writing claims does not link them: that is :mod:`factcheck.storage.links`, which the
pipeline calls in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from factcheck.extract import EXTRACTOR_VERSION, ExtractedClaim
from factcheck.ingest.metadata import Metadata, StoredVersion
from factcheck.storage import bulk
from factcheck.storage.models import Claim, Document, SeenLink, utcnow


def text_digest(text: str) -> str:
    """The digest a document's text is stored with (the SHA-256 of its UTF-8), to find it unchanged."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class DocumentMeta:
    """What is known of a document besides its text."""

    source: str
    kind: str = "text"
    encoding: str = "utf-8"
    url: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    place: str | None = None  # the place the article is about (see factcheck.extract.document_place)

    def fields(self) -> dict[str, Any]:
        """The document's columns but its text; long titles and names cut to their columns' lengths."""
        return {"source": self.source, "url": self.url, "title": _cut(self.title, 1024),
                "author": _cut(self.author, 512), "publisher": _cut(self.publisher, 512),
                "published": self.published, "place": _cut(self.place, 256), "kind": self.kind,
                "encoding": self.encoding}


def _cut(text: str | None, length: int) -> str | None:
    """A text cut to its column's length, which PostgreSQL enforces (SQLite does not)."""
    return text[:length] if text is not None else None


def _claim_row(document_id: int, c: ExtractedClaim) -> dict[str, Any]:
    return {
        "document_id": document_id,
        "span_start": c.start,
        "span_end": c.end,
        "mention": c.mention[:512],
        "sentence": c.sentence,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "value_text": str(c.value) if c.value is not None else None,
        "value": float(c.value) if c.value is not None else None,
        "low": float(c.low) if c.low is not None else None,
        "high": float(c.high) if c.high is not None else None,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "change": c.change,
        "measure": c.measure[:512],
        "place": _cut(c.place, 256),
        "period": _cut(c.period, 256),
        "period_start": c.period_start,
        "period_end": c.period_end,
        "speaker": _cut(c.speaker, 256),
        "subject": _cut(c.subject, 256),
        "rule": c.rule,
        "kind": c.kind,
    }


def store_document(session: Session, meta: DocumentMeta, text: str) -> int:
    """Store a document's row, replacing any earlier version at the same source (which keeps its id, so
    that verdicts on its claims can follow them); returns its id. Its claims are left as they are.
    """
    document = session.scalar(select(Document).where(Document.source == meta.source))
    if document is None:
        document = Document(source=meta.source)
        session.add(document)
    for field_name, value in meta.fields().items():
        setattr(document, field_name, value)
    document.sha256, document.text, document.extractor = text_digest(text), text, EXTRACTOR_VERSION
    document.ingested_at = utcnow()
    session.flush()
    return document.id


def claim_places(session: Session, document_id: int) -> dict[tuple[int, int, str], int]:
    """A document's claims by where they stand and what they say: (start, end, mention) → claim id."""
    return {(start, end, mention): claim_id for claim_id, start, end, mention in session.execute(
        select(Claim.id, Claim.start, Claim.end, Claim.mention).where(Claim.document_id == document_id))}


def rewrite_claims(session: Session, document_id: int, claims: Sequence[ExtractedClaim],
                   kept: dict[tuple[int, int, str], int]) -> None:
    """Write a document's new claims over its old ones: a claim found again in the same words at the
    same place (in ``kept``, from :func:`claim_places`) keeps its id and is updated, the others are
    deleted, the new ones inserted.
    """
    kept = dict(kept)
    updates, inserts = [], []
    for c in claims:
        claim_id = kept.pop((c.start, c.end, c.mention), None)
        if claim_id is None:
            inserts.append(c)
        else:
            row = _claim_row(document_id, c)
            del row["document_id"]
            updates.append({"claim_id": claim_id, **row})
    if kept:
        session.execute(delete(Claim).where(Claim.id.in_(list(kept.values()))))
    if updates:
        table = Claim.__table__
        columns = [k for k in updates[0] if k != "claim_id"]
        stmt = update(table).where(table.c.id == bindparam("claim_id")).values(
            {name: bindparam(name) for name in columns})
        session.connection().execute(stmt, updates)
    store_claims(session, document_id, inserts)


def store_new_documents(session: Session,
                        documents: Sequence[tuple[DocumentMeta, str, Sequence[ExtractedClaim]]]) -> list[int]:
    """Insert documents that are not yet stored, with their claims, in a few statements; returns their ids.

    Their claims are not linked yet (:func:`factcheck.storage.links.link_documents`).
    """
    rows = []
    now = utcnow()
    for meta, body, _ in documents:
        rows.append({**meta.fields(), "sha256": text_digest(body), "text": body, "extractor": EXTRACTOR_VERSION,
                     "ingested_at": now})
    if not rows:
        return []
    # one INSERT ... RETURNING for the lot, ids in the order of the rows
    stmt = insert(Document).returning(Document.id, sort_by_parameter_order=True)
    ids = list(session.scalars(stmt, rows))
    claim_rows = [_claim_row(doc_id, c) for doc_id, (_, _, claims) in zip(ids, documents, strict=True) for c in claims]
    _insert_claims(session, claim_rows, Claim.document_id.in_(ids))
    return ids


def _insert_claims(session: Session, rows: list[dict[str, Any]], inserted: ColumnElement[bool]) -> None:
    """Insert claim rows straight through the driver and index them for search; ``inserted`` selects them."""
    for row in rows:  # dates as the ISO text SQLAlchemy would store
        for name in ("period_start", "period_end"):
            if row[name] is not None:
                row[name] = row[name].isoformat()
    with bulk.search_index_set_aside(session.connection(), Claim.__table__, inserted):
        if rows:
            columns = list(rows[0])
            bulk.insert_rows(session.connection(), Claim.__table__, columns,
                             [tuple(row[name] for name in columns) for row in rows])


def store_claims(session: Session, document_id: int, claims: Sequence[ExtractedClaim]) -> None:
    """Insert a document's claims in one batch."""
    if claims:
        last = session.scalar(select(func.max(Claim.id))) or 0
        _insert_claims(session, [_claim_row(document_id, c) for c in claims],
                       (Claim.document_id == document_id) & (Claim.id > last))


def mark_extracted(session: Session, document_id: int, place: str | None) -> None:
    """Record that a document's claims were made by the current extractor, with the place it found the
    document to be about."""
    session.execute(update(Document).where(Document.id == document_id).values(
        extractor=EXTRACTOR_VERSION, place=_cut(place, 256)))


# --- what the pipeline asks of stored documents ------------------------------------------------


def stored_versions(session: Session, sources: Sequence[str]) -> dict[str, StoredVersion]:
    """What is stored under each of these sources that is in the database: digest, claims, metadata."""
    counts = select(Claim.document_id, func.count(Claim.id).label("n")).group_by(Claim.document_id).subquery()
    stmt = (select(Document.source, Document.sha256, func.coalesce(counts.c.n, 0), Document.title,
                   Document.publisher, Document.url, Document.published, Document.author)
            .outerjoin(counts, counts.c.document_id == Document.id).where(Document.source.in_(sources)))
    return {source: StoredVersion(digest, n, Metadata(title, publisher, url, published, author))
            for source, digest, n, title, publisher, url, published, author in session.execute(stmt)}


def sources_of_texts(session: Session, digests: Sequence[str]) -> dict[str, str]:
    """Digest → the source a text is stored under, for those of these texts that are stored."""
    return dict(session.execute(select(Document.sha256, Document.source).where(
        Document.sha256.in_(set(digests)))).all())


def seen_links(session: Session, channel: str, links: Sequence[str]) -> set[str]:
    """Which of these links of a feed or sitemap were ingested from it before."""
    seen: set[str] = set()
    for i in range(0, len(links), 500):
        chunk = list(links[i : i + 500])
        seen.update(session.scalars(select(SeenLink.link).where(SeenLink.channel == channel,
                                                                SeenLink.link.in_(chunk))))
    return seen


def remember_links(session: Session, channel: str, links: dict[str, str]) -> None:
    """Record links of a feed or sitemap as ingested (link -> the source it was stored as)."""
    known = seen_links(session, channel, list(links))
    session.add_all(SeenLink(channel=channel, link=link, source=source)
                    for link, source in links.items() if link not in known)


def matching_documents(session: Session, document: str | None = None) -> list[tuple[int, str]]:
    """(id, source) of every document, or of those :func:`document_condition` matches, in id order."""
    stmt = select(Document.id, Document.source).order_by(Document.id)
    if document:
        stmt = stmt.where(document_condition(document))
    return [(doc_id, source) for doc_id, source in session.execute(stmt)]


def document_text(session: Session, document_id: int) -> tuple[str, dt.date | None] | None:
    """A stored document's text and date; ``None`` when it is gone."""
    row = session.execute(select(Document.text, Document.published).where(Document.id == document_id)).first()
    return None if row is None else (row[0], row[1])


def contains_pattern(value: str) -> str:
    """A LIKE pattern for text containing ``value`` literally (escape character ``\\``)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def document_condition(document: str) -> ColumnElement[bool]:
    """Match a document by id (``12``) or by part of its source name (``004_21bd``, ``bbc/tech``)."""
    if document.isdigit() and not document.startswith("0"):
        return Document.id == int(document)
    return Document.source.ilike(contains_pattern(document), escape="\\")
