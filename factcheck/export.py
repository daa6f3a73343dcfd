"""Exports for spreadsheets, programs and publishing: CSV, JSON, JSON Lines and ClaimReview.

Claims are streamed from the database, so memory stays flat however many there
are. Article text is untrusted input: in CSV, every text cell a spreadsheet would
run as a formula is neutralized.
"""

from __future__ import annotations

import csv
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy import String, case, cast, func, select, union_all
from sqlalchemy.orm import Session

from factcheck.db import Database
from factcheck.errors import InputError
from factcheck.linking import get_setting
from factcheck.models import Claim, Document, Link
from factcheck.store import ClaimFilter, claim_record, iter_claims, number
from factcheck.verdicts import latest_verdicts, verdict_record

EXPORT_COLUMNS = [
    "id", "document", "title", "publisher", "published", "url", "mention", "value", "low", "high", "unit",
    "qualifier", "change", "measure", "place", "period", "period_start", "period_end", "speaker", "kind",
    "sentence", "start", "end", "rule", "group", "group_status", "verdict", "verdict_note", "verdict_by",
    "verdict_date",
]
FORMATS = ("csv", "json", "jsonl", "claimreview")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FORMULA_CHARS = frozenset(_FORMULA_START)


def neutralize(cell: Any) -> Any:
    """A text cell a spreadsheet would run as a formula, made inert with a leading apostrophe.

    >>> neutralize('=HYPERLINK("http://x","y")'), neutralize("-5 per cent"), neutralize(-5)
    ('\\'=HYPERLINK("http://x","y")', "'-5 per cent", -5)
    """
    if isinstance(cell, str) and cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def write_csv(out: IO[str], rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> int:
    """Write ``rows`` as RFC 4180 CSV (CRLF, every needed quote), text cells neutralized; returns the row count."""
    rows = iter(rows)
    first = next(rows, None)
    columns = columns or (list(first) if first else [])
    if first is None:
        return write_csv_values(out, (), columns)
    values = ([row.get(k) for k in columns] for row in itertools.chain([first], rows))
    return write_csv_values(out, values, columns)


def write_csv_values(out: IO[str], rows: Iterable[list[Any]], columns: list[str]) -> int:
    """Write lists of values under a header row as RFC 4180 CSV, text cells neutralized; returns the row count.

    ``None`` is written as an empty cell (the csv module's own rule).
    """
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0

    def cells() -> Iterator[list[Any]]:
        nonlocal count
        text_columns: list[int] | None = None
        for row in rows:
            if text_columns is None:  # judged on the first row: text is text in every row
                text_columns = [i for i, v in enumerate(row) if v is None or isinstance(v, str)]
            for i in text_columns:
                v = row[i]
                if type(v) is str and v[:1] in _FORMULA_CHARS:
                    row[i] = "'" + v
            count += 1
            yield row

    writer.writerows(cells())
    return count


def _statistic_of_claims() -> Any:
    """claim id → (statistic, agree | conflict) for every cross-referenced claim, as a subquery."""
    ends = union_all(select(Link.claim_a.label("claim_id"), Link.statistic),
                     select(Link.claim_b.label("claim_id"), Link.statistic)).subquery()
    of_claim = select(ends.c.claim_id, func.min(ends.c.statistic).label("statistic")).group_by(
        ends.c.claim_id).subquery()
    conflicted = select(Link.statistic).where(Link.status == "conflict").distinct().subquery()
    status = case((conflicted.c.statistic.is_not(None), "conflict"), else_="agree")
    return of_claim, conflicted, status


def _as_text(column: Any) -> Any:
    """A date column as the ISO text it is stored as, without parsing it into a date and back."""
    return cast(column, String) if column.type.python_type is not str else column


def export_values(session: Session, batch: int = 5000) -> Iterator[list[Any]]:
    """Every claim as a list of :data:`EXPORT_COLUMNS` values: its document's metadata, its statistic's
    group and its latest verdict.

    One streamed query (the database joins each claim to its statistic); memory
    grows only with the number of verdicts.
    """
    of_claim, conflicted, status = _statistic_of_claims()
    stmt = (
        select(Claim.id, Document.source, Document.title, Document.publisher, _as_text(Document.published),
               Document.url, Claim.mention, Claim.value_text, Claim.low, Claim.high, Claim.unit, Claim.qualifier,
               Claim.change, Claim.measure, Claim.place, Claim.period, _as_text(Claim.period_start),
               _as_text(Claim.period_end), Claim.speaker,
               Claim.kind, Claim.sentence, Claim.start, Claim.end, Claim.rule, of_claim.c.statistic, status)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(of_claim, of_claim.c.claim_id == Claim.id)
        .outerjoin(conflicted, conflicted.c.statistic == of_claim.c.statistic)
        .order_by(Claim.id)
    )
    verdicts = latest_verdicts(session)
    for row in session.connection().execute(stmt.execution_options(yield_per=batch)):
        values = list(row)
        values[7] = number(values[7])
        if values[24] is None:
            values[25] = None  # no statistic, no status
        v = verdicts.get(values[0])
        if v is None:
            values.extend((None, None, None, None))
        else:
            values.extend((v.rating, v.note, v.author, v.created_at.isoformat() if v.created_at else None))
        yield values


def export_rows(session: Session, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """:func:`export_values` as dictionaries keyed by column."""
    for values in export_values(session, batch):
        yield dict(zip(EXPORT_COLUMNS, values, strict=True))


def claim_reviews(session: Session) -> list[dict[str, Any]]:
    """ClaimReview JSON-LD for every claim that has a verdict."""
    from factcheck.claimreview import Organization, as_json_ld, claim_review

    name = os.environ.get("FACTCHECK_PUBLISHER_NAME") or get_setting(session, "publisher.name")
    url = os.environ.get("FACTCHECK_PUBLISHER_URL") or get_setting(session, "publisher.url")
    if not name or not url:
        raise InputError("ClaimReview needs the publishing organisation: run "
                         "factcheck config publisher.name \"…\" and factcheck config publisher.url https://…")
    publisher = Organization(name=name, url=url)
    reviews = []
    verdicts = latest_verdicts(session)
    for claim in iter_claims(session, ClaimFilter()):
        v = verdicts.get(claim.id)
        if v is None:
            continue
        doc = claim.document
        document = {"source": doc.source, "url": doc.url, "title": doc.title, "publisher": doc.publisher,
                    "published": doc.published}
        reviews.append(as_json_ld(claim_review(claim_record(claim), document, verdict_record(v), publisher)))
    return reviews


def export_claims(database: Database, format: str, output: Path | None, *, excel: bool = False) -> int:
    """Write every claim to ``output`` (stdout when ``None``); returns how many were written."""
    if format not in FORMATS:
        raise InputError(f"unknown export format {format!r}; choose one of: {', '.join(FORMATS)}")
    encoding = "utf-8-sig" if excel else "utf-8"
    try:
        handle = open(output, "w", encoding=encoding, newline="") if output else sys.stdout  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from exc
    try:
        if excel and output is None:
            handle.write("\ufeff")
        with database.read() as session:
            return _write(session, handle, format)
    finally:
        if output:
            handle.close()


def _write(session: Session, handle: IO[str], format: str) -> int:
    if format == "claimreview":
        reviews = claim_reviews(session)
        json.dump(reviews, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
        return len(reviews)
    if format == "csv":
        return write_csv_values(handle, export_values(session), EXPORT_COLUMNS)
    rows = export_rows(session)
    count = 0
    if format == "json":
        handle.write("[")
    for row in rows:
        if format == "json":
            handle.write(",\n" if count else "\n")
        handle.write(json.dumps({k: row.get(k) for k in EXPORT_COLUMNS}, ensure_ascii=False, default=str))
        if format == "jsonl":
            handle.write("\n")
        count += 1
    if format == "json":
        handle.write("\n]\n")
    return count
