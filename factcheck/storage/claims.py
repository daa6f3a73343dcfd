"""Repository functions: store documents with their claims, and query them back.

All SQL lives here (and in :mod:`factcheck.crossref`); the CLI calls these
functions and renders what they return. Every value reaches the database
bound, and every sort or filter field is checked against a whitelist.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    bindparam,
    column,
    delete,
    func,
    insert,
    literal_column,
    or_,
    select,
    table,
    update,
)
from sqlalchemy.orm import Session, contains_eager, joinedload

from factcheck.errors import NotFoundError, QueryError
from factcheck.extract import EXTRACTOR_VERSION, ExtractedClaim
from factcheck.ingest.loader import sha256_text
from factcheck.storage import bulk
from factcheck.storage.links import bulk_insert, link_document, unlink_document
from factcheck.storage.models import Claim, Document, Verdict, utcnow
from factcheck.storage.verdicts import RATINGS, reattach_verdicts


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

    def fields(self) -> dict[str, Any]:
        """The document's columns but its text; long titles and names cut to their columns' lengths."""
        return {"source": self.source, "url": self.url, "title": _cut(self.title, 1024),
                "author": _cut(self.author, 512), "publisher": _cut(self.publisher, 512),
                "published": self.published, "kind": self.kind, "encoding": self.encoding}


def find_document(session: Session, source: str) -> Document | None:
    """The document stored under ``source``, if any."""
    return session.scalar(select(Document).where(Document.source == source))


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
        "rule": c.rule,
        "kind": c.kind,
    }


def replace_document(session: Session, meta: DocumentMeta, text: str,
                     claims: Sequence[ExtractedClaim]) -> tuple[Document, list[int]]:
    """Store a document and its claims, replacing any earlier version at the same source.

    Returns the document and the ids of verdicts its new claims no longer carry.
    The caller's transaction makes this all-or-nothing.
    """
    document = find_document(session, meta.source)
    if document is None:
        document = Document(source=meta.source)
        session.add(document)
    # an updated document keeps its id, so that verdicts on its claims can follow them
    for field_name, value in meta.fields().items():
        setattr(document, field_name, value)
    document.sha256, document.text, document.extractor = sha256_text(text), text, EXTRACTOR_VERSION
    document.ingested_at = utcnow()
    session.flush()
    return document, replace_claims(session, document.id, claims)


def replace_claims(session: Session, document_id: int, claims: Sequence[ExtractedClaim]) -> list[int]:
    """Swap a document's claims for new ones: links remade, verdicts moved to the matching new claims.

    Returns the ids of verdicts left without a claim (orphaned).
    """
    # a claim found again in the same words at the same span keeps its id (and its verdicts)
    old = {(start, end, mention): claim_id for claim_id, start, end, mention in session.execute(
        select(Claim.id, Claim.start, Claim.end, Claim.mention).where(Claim.document_id == document_id))}
    unlink_document(session, document_id)
    updates, inserts = [], []
    for c in claims:
        claim_id = old.pop((c.start, c.end, c.mention), None)
        if claim_id is None:
            inserts.append(c)
        else:
            row = _claim_row(document_id, c)
            del row["document_id"]
            updates.append({"claim_id": claim_id, **row})
    if old:
        session.execute(delete(Claim).where(Claim.id.in_(list(old.values()))))
    if updates:
        table = Claim.__table__
        columns = [k for k in updates[0] if k != "claim_id"]
        stmt = update(table).where(table.c.id == bindparam("claim_id")).values(
            {name: bindparam(name) for name in columns})
        session.connection().execute(stmt, updates)
    store_claims(session, document_id, inserts)
    link_document(session, document_id)
    return reattach_verdicts(session, document_id)


def store_new_documents(session: Session,
                        documents: Sequence[tuple[DocumentMeta, str, Sequence[ExtractedClaim]]]) -> list[int]:
    """Insert documents that are not yet stored, with their claims, in a few statements; returns their ids.

    Their claims are not linked yet: that is :func:`factcheck.storage.links.link_documents`.
    """
    rows = []
    now = utcnow()
    for meta, body, _ in documents:
        rows.append({**meta.fields(), "sha256": sha256_text(body), "text": body, "extractor": EXTRACTOR_VERSION,
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
        bulk_insert(session, Claim.__table__, rows)


def store_claims(session: Session, document_id: int, claims: Sequence[ExtractedClaim]) -> None:
    """Insert a document's claims in one batch."""
    if claims:
        last = session.scalar(select(func.max(Claim.id))) or 0
        _insert_claims(session, [_claim_row(document_id, c) for c in claims],
                       (Claim.document_id == document_id) & (Claim.id > last))


# --- queries ------------------------------------------------------------------

SORT_FIELDS = {
    "id": Claim.id,
    "value": Claim.value,
    "unit": Claim.unit,
    "measure": Claim.measure,
    "place": Claim.place,
    "speaker": Claim.speaker,
    "document": Document.source,
    "position": Claim.start,
}


@dataclass(frozen=True, slots=True)
class ClaimFilter:
    """Filters for :func:`query_claims`; every field is optional."""

    search: str | None = None
    document: str | None = None
    speaker: str | None = None
    measure: str | None = None
    place: str | None = None
    unit: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    sort: str = "id"
    descending: bool = False
    limit: int | None = None
    rating: str | None = None


def contains_pattern(value: str) -> str:
    """A LIKE pattern for text containing ``value`` literally (escape character ``\\``)."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def document_condition(document: str) -> ColumnElement[bool]:
    """Match a document by id (``12``) or by part of its source name (``004_21bd``, ``bbc/tech``)."""
    if document.isdigit() and not document.startswith("0"):
        return Document.id == int(document)
    return Document.source.ilike(contains_pattern(document), escape="\\")


_FTS = table("claims_fts", column("rowid"))


def _latest_rating(rating: str) -> ColumnElement[bool]:
    """Claims whose latest verdict has this rating."""
    if rating not in RATINGS:
        raise QueryError(f"rating must be one of: {', '.join(RATINGS)} (not {rating!r})")
    newest = (select(Verdict.rating).where(Verdict.claim_id == Claim.id)
              .order_by(Verdict.created_at.desc(), Verdict.id.desc()).limit(1).scalar_subquery())
    return newest == rating


def search_words(search: str) -> list[str]:
    """The words of a search, stripped of any query syntax, so that any user text is safe: runs of
    letters and digits, as the search index reads its text.

    >>> search_words('"unbalanced (police OR officer*')
    ['unbalanced', 'police', 'OR', 'officer']
    """
    words = re.findall(r"[^\W_]+", search)
    if not words:
        raise QueryError(f"nothing to search for in {search!r}: give at least one word")
    return words


# The search vector of each claim on PostgreSQL, its text search configuration, and how a text is read
# into words for it (migration 0008).
_SEARCH_VECTOR = literal_column("claims.search_vector")
_SEARCH_CONFIGURATION = literal_column("'factcheck_english'::regconfig")
_search_text = func.factcheck_search_text


def _search(stmt: Select[tuple[Claim]], words: list[str], engine: str) -> tuple[Select[tuple[Claim]], Any]:
    """``stmt`` narrowed to the claims holding every word (stemmed), and the order of their rank, best
    first; on a database with no full-text index, words are matched as substrings and there is no rank.
    """
    if engine == "sqlite":
        # FTS5 with Porter stemming: "police officer" finds "police officers"
        stmt = stmt.join(_FTS, _FTS.c.rowid == Claim.id).where(
            literal_column("claims_fts").op("MATCH")(" ".join(f'"{w}"' for w in words)))
        return stmt, literal_column("bm25(claims_fts)")
    if engine == "postgresql":
        # the generated tsvector, Porter stemming as SQLite's: every word (plainto_tsquery joins them with AND)
        query = func.plainto_tsquery(_SEARCH_CONFIGURATION, _search_text(" ".join(words)))
        return stmt.where(_SEARCH_VECTOR.op("@@")(query)), func.ts_rank(_SEARCH_VECTOR, query).desc()
    for word in words:
        pattern = contains_pattern(word)
        stmt = stmt.where(or_(Claim.mention.ilike(pattern, escape="\\"),
                              Claim.sentence.ilike(pattern, escape="\\"),
                              Claim.measure.ilike(pattern, escape="\\")))
    return stmt, None


def claims_query(f: ClaimFilter, engine: str = "") -> Select[tuple[Claim]]:
    """The SELECT for claims matching ``f``, documents loaded alongside.

    ``engine`` (the dialect's name) chooses how words are searched for: with the full-text
    index of SQLite or PostgreSQL (ranked, stemmed), else as substrings.
    """
    if f.sort not in SORT_FIELDS and f.sort != "rank":
        raise QueryError(f"cannot sort by {f.sort!r}; choose one of: rank, {', '.join(SORT_FIELDS)}")
    # the documents' texts are not needed to list claims, and can be large
    stmt = select(Claim).join(Claim.document).options(contains_eager(Claim.document).defer(Document.text))
    rank = None
    if f.search:
        stmt, rank = _search(stmt, search_words(f.search), engine)
    for field, value in ((Claim.speaker, f.speaker), (Claim.measure, f.measure), (Claim.place, f.place)):
        if value:
            stmt = stmt.where(field.ilike(contains_pattern(value), escape="\\"))
    if f.document:
        stmt = stmt.where(document_condition(f.document))
    if f.unit:
        stmt = stmt.where(func.lower(Claim.unit) == f.unit.lower())
    if f.minimum is not None:
        stmt = stmt.where(Claim.value >= f.minimum)
    if f.maximum is not None:
        stmt = stmt.where(Claim.value <= f.maximum)
    if f.rating:
        stmt = stmt.where(_latest_rating(f.rating))
    if f.sort == "rank" and rank is not None:
        stmt = stmt.order_by(rank, Claim.id)
    else:
        order = SORT_FIELDS.get(f.sort, Claim.id)
        stmt = stmt.order_by(_ordered(order, f.descending), Claim.id)
    if f.limit is not None:
        if f.limit < 0:
            raise QueryError("--limit must be 0 or more")
        stmt = stmt.limit(f.limit)
    return stmt


def _ordered(column: Any, descending: bool) -> Any:
    """A sort by ``column``; empty values (no figure, no place) come first going up and last going down,
    on every engine (PostgreSQL puts them the other way). Said only of columns that may be empty, so
    that a sort by a column that never is can read its index.
    """
    if not column.nullable:
        return column.desc() if descending else column.asc()
    return column.desc().nulls_last() if descending else column.asc().nulls_first()


def _engine(session: Session) -> str:
    return session.get_bind().dialect.name


def query_claims(session: Session, f: ClaimFilter) -> list[Claim]:
    """Claims matching ``f``; its unit may be written as a user would (``$``, ``dollars``, ``£``)."""
    if f.unit:
        f = replace(f, unit=resolve_unit(session, f.unit))
    return list(session.scalars(claims_query(f, _engine(session))).unique())


def count_claims(session: Session, f: ClaimFilter) -> int:
    """How many claims match ``f``, whatever its limit."""
    if f.unit:
        f = replace(f, unit=resolve_unit(session, f.unit))
    stmt = claims_query(replace(f, limit=None, sort="id"), _engine(session))
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0


def resolve_unit(session: Session, name: str) -> str:
    """The unit a user means: a unit claims are stored with (any case), else the unit the extractor reads
    in ``$1`` or ``1 dollars`` (symbols, names, codes), else an ISO 4217 code; else :class:`QueryError`.
    """
    from babel.numbers import list_currencies

    from factcheck.extract.numbers import find_quantities

    wanted = name.strip()
    stored = sorted(session.scalars(select(Claim.unit).distinct()))
    for unit in stored:
        if unit.lower() == wanted.lower():
            return unit
    for probe in (f"{wanted}1", f"1 {wanted}"):
        found = find_quantities(probe)
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(probe)) and found[0].unit != "count":
            return found[0].unit
    if wanted.upper() in list_currencies():
        return wanted.upper()
    raise QueryError(f"unknown unit {name!r}: use one the claims have ({', '.join(stored) or 'none yet'}), "
                     "a currency symbol, name or code ($, £, dollars, EUR) or a unit's symbol (km, kg)")


def iter_claims(session: Session, f: ClaimFilter, batch: int = 5000) -> Iterator[Claim]:
    """Claims matching ``f``, streamed in batches (flat memory for exports)."""
    result = session.execute(claims_query(f, _engine(session)).execution_options(yield_per=batch))
    for (claim,) in result:
        yield claim


_WITH_DOCUMENT = joinedload(Claim.document).defer(Document.text)


def get_claims(session: Session, claim_ids: Sequence[int]) -> dict[int, Claim]:
    """Claims by id, with their documents, in a few queries; missing ids are left out."""
    found: dict[int, Claim] = {}
    ids = sorted(set(claim_ids))
    connection = session.connection()
    for chunk in bulk.batches(connection, ids):
        stmt = select(Claim).where(bulk.among(connection, Claim.id, chunk)).options(_WITH_DOCUMENT)
        found.update((c.id, c) for c in session.scalars(stmt).unique())
    return found


def get_claim(session: Session, claim_id: int) -> Claim:
    """One claim, or :class:`NotFoundError`."""
    claim = session.get(Claim, claim_id, options=[_WITH_DOCUMENT])
    if claim is None:
        raise NotFoundError(f"no claim with id {claim_id}")
    return claim


@dataclass(frozen=True, slots=True)
class SourceRow:
    """A document with its number of claims."""

    id: int
    source: str
    title: str | None
    author: str | None
    publisher: str | None
    published: dt.date | None
    url: str | None
    claims: int


def list_sources(session: Session) -> list[SourceRow]:
    """Every document with its metadata and number of claims."""
    counts = (select(Claim.document_id, func.count(Claim.id).label("n"))
              .group_by(Claim.document_id).subquery())
    stmt = (select(Document.id, Document.source, Document.title, Document.author, Document.publisher,
                   Document.published, Document.url, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.document_id == Document.id).order_by(Document.id))
    return [SourceRow(*row) for row in session.execute(stmt)]


def claim_record(claim: Claim) -> dict[str, Any]:
    """A claim as the public JSON object of the contract (plus provenance fields)."""
    record = _record(claim.id, claim.document.source, claim, number(claim.value_text), claim.low, claim.high)
    record.update(kind=claim.kind, document_id=claim.document_id)
    return record


def extracted_record(source: str, position: int, c: ExtractedClaim) -> dict[str, Any]:
    """A claim found by ``factcheck extract`` (not stored), numbered by its ``position`` in the document."""
    return _record(position, source, c, number(str(c.value)) if c.value is not None else None,
                   float(c.low) if c.low is not None else None, float(c.high) if c.high is not None else None)


def _record(claim_id: int, source: str, c: Claim | ExtractedClaim, value: int | float | None,
            low: float | None, high: float | None) -> dict[str, Any]:
    """The fields a stored and an extracted claim share, in the contract's order."""
    return {
        "id": claim_id,
        "document": source,
        "start": c.start,
        "end": c.end,
        "mention": c.mention,
        "sentence": c.sentence,
        "value": value,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "change": c.change,
        "measure": c.measure,
        "place": c.place,
        "period": c.period,
        "speaker": c.speaker,
        "low": low,
        "high": high,
        "period_start": c.period_start.isoformat() if c.period_start else None,
        "period_end": c.period_end.isoformat() if c.period_end else None,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "rule": c.rule,
    }


def number(text: str | None) -> int | float | None:
    """A JSON number for an exact decimal string: an int when integral."""
    if text is None:
        return None
    if text.isascii() and text.isdigit():
        return int(text)  # the common case, without a Decimal
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)

