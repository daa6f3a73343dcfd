"""Claims queried: filtered, searched (full-text on SQLite and PostgreSQL), sorted, counted; one claim,
or many by id; the documents with their number of claims.

Every value reaches the database bound, and every sort or filter field is checked
against a whitelist.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import ColumnElement, Select, column, func, literal_column, or_, select, table
from sqlalchemy.orm import Session, contains_eager, joinedload

from factcheck.errors import NotFoundError, QueryError
from factcheck.storage import bulk
from factcheck.storage.documents import contains_pattern, document_condition
from factcheck.storage.models import Claim, Document, Verdict
from factcheck.storage.verdicts import RATINGS

# --- queries ------------------------------------------------------------------

SORT_FIELDS = {
    "id": Claim.id,
    "value": Claim.value,
    "unit": Claim.unit,
    "measure": Claim.measure,
    "place": Claim.place,
    "speaker": Claim.speaker,
    "subject": Claim.subject,
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
    subject: str | None = None


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
# into words for it (migration 0009).
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
    for field, value in ((Claim.speaker, f.speaker), (Claim.measure, f.measure), (Claim.place, f.place),
                         (Claim.subject, f.subject)):
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
    place: str | None
    claims: int


def list_sources(session: Session) -> list[SourceRow]:
    """Every document with its metadata and number of claims."""
    counts = (select(Claim.document_id, func.count(Claim.id).label("n"))
              .group_by(Claim.document_id).subquery())
    stmt = (select(Document.id, Document.source, Document.title, Document.author, Document.publisher,
                   Document.published, Document.url, Document.place, func.coalesce(counts.c.n, 0))
            .outerjoin(counts, counts.c.document_id == Document.id).order_by(Document.id))
    return [SourceRow(*row) for row in session.execute(stmt)]
