"""What the exports read: every claim with its document in one streamed scan, the statistics in
conflict, each claim's latest verdict; and for the fast CSV of SQLite, the claims' short text cells
as one JSON array each, and the documents' cells by id.

The formatting (CSV cells, JSON) is :mod:`factcheck.export`'s.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Select, String, cast, func, select
from sqlalchemy.orm import Session

from factcheck.storage import bulk
from factcheck.storage.models import Claim, Document, Link
from factcheck.storage.verdicts import latest_verdicts, utc_text


def _as_text(column: Any) -> Any:
    """A date column as the ISO text it is stored as, without parsing it into a date and back."""
    return cast(column, String) if column.type.python_type is not str else column


def _claims_query() -> Select[Any]:
    """Every claim with its document, in one scan of the claims in id order: the export's columns
    (:data:`factcheck.export.EXPORT_COLUMNS`) up to the claim's ``statistic``, the figure as its decimal text.
    """
    return (
        select(Claim.id, Document.source, Document.title, Document.author, Document.publisher,
               _as_text(Document.published), Document.url, Claim.mention, Claim.value_text, Claim.low, Claim.high,
               Claim.unit, Claim.qualifier, Claim.change, Claim.measure, Claim.place, Claim.period,
               _as_text(Claim.period_start), _as_text(Claim.period_end), Claim.subject, Claim.speaker, Claim.kind,
               Claim.sentence, Claim.start, Claim.end, Claim.rule, Claim.statistic)
        .join(Document, Document.id == Claim.document_id)
        .order_by(Claim.id)
    )


@contextmanager
def claim_rows(session: Session) -> Iterator[Iterator[tuple[Any, ...]]]:
    """Every claim as a tuple of :func:`_claims_query`'s columns, streamed as the driver reads them."""
    with bulk.cursor(session.connection(), _claims_query(), stream=True) as rows:
        yield rows


def conflicted_statistics(session: Session) -> set[int]:
    """The statistics with a conflict among their claims (the others agree)."""
    return set(session.scalars(select(Link.statistic).where(Link.status == "conflict").distinct()))


def verdict_cells(session: Session) -> dict[int, tuple[Any, ...]]:
    """The verdict columns of each claim with a verdict: rating, note, author, date (UTC, ISO)."""
    return {claim_id: (v.rating, v.note, v.author, utc_text(v.created_at))
            for claim_id, v in latest_verdicts(session).items()}


# --- the fast CSV of SQLite --------------------------------------------------------------------------


def cells_as_json(session: Session) -> bool:
    """Whether the database gives a claim's short text cells as one JSON array (:func:`csv_rows`): SQLite."""
    return session.get_bind().dialect.name == "sqlite"


def _or_empty(cell: Any) -> Any:
    """A text column that may be null, as empty text there."""
    return func.ifnull(cell, "")


# the claim's cells from unit to kind, none of them null
_CLAIM_CELLS = (Claim.unit, Claim.qualifier, _or_empty(Claim.change), Claim.measure, _or_empty(Claim.place),
                _or_empty(Claim.period), _or_empty(_as_text(Claim.period_start)),
                _or_empty(_as_text(Claim.period_end)), _or_empty(Claim.subject), _or_empty(Claim.speaker), Claim.kind)
_DOCUMENT_CELLS = (Document.source, Document.title, Document.author, Document.publisher,
                   _as_text(Document.published), Document.url)
# how many cells the JSON array of a claim holds
CLAIM_CELLS = len(_CLAIM_CELLS)


def _csv_query() -> Select[Any]:
    """The claims in id order, for :func:`write_export_csv`: the columns of :func:`_claims_query` but the
    document's, its id instead, and the claim's cells from ``unit`` to ``kind`` as one JSON array.
    """
    return select(Claim.id, Claim.document_id, Claim.mention, Claim.value_text, Claim.low, Claim.high,
                  func.json_array(*_CLAIM_CELLS), Claim.sentence, Claim.start, Claim.end, Claim.rule,
                  Claim.statistic).order_by(Claim.id)


@contextmanager
def csv_rows(session: Session) -> Iterator[Any]:
    """The rows of :func:`_csv_query` on a driver cursor (``fetchmany``), streamed."""
    with bulk.cursor(session.connection(), _csv_query(), stream=True) as cursor:
        yield cursor


def document_cells(session: Session, ids: Sequence[int]) -> Iterator[tuple[Any, ...]]:
    """(id, source, title, author, publisher, date, URL) of the documents of these ids."""
    yield from session.connection().execute(select(Document.id, *_DOCUMENT_CELLS).where(Document.id.in_(ids)))
