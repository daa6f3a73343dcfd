"""Exports for spreadsheets, programs and publishing: CSV, JSON, JSON Lines and ClaimReview.

Claims are streamed from the database, so memory stays flat however many there
are. Article text is untrusted input: in CSV, every text cell a spreadsheet would
run as a formula is neutralized.
"""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from sqlalchemy.orm import Session

from factcheck.db import Database
from factcheck.errors import InputError
from factcheck.linking import GroupFilter, figures, get_setting
from factcheck.store import ClaimFilter, claim_record, iter_claims
from factcheck.verdicts import latest_verdicts, verdict_record

EXPORT_COLUMNS = [
    "id", "document", "title", "publisher", "published", "url", "mention", "value", "low", "high", "unit",
    "qualifier", "change", "measure", "place", "period", "period_start", "period_end", "speaker", "kind",
    "sentence", "start", "end", "rule", "group", "group_status", "verdict", "verdict_note", "verdict_by",
    "verdict_date",
]
FORMATS = ("csv", "json", "jsonl", "claimreview")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


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
    writer: csv.DictWriter[str] | None = None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=columns or list(row), extrasaction="ignore",
                                    lineterminator="\r\n")
            writer.writeheader()
        writer.writerow({k: "" if v is None else neutralize(v) for k, v in row.items()})
        count += 1
    if writer is None and columns:
        csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n").writeheader()
    return count


def _group_index(session: Session) -> dict[int, tuple[int, str]]:
    """Claim id → (statistic id, agree | conflict) for every cross-referenced claim."""
    index: dict[int, tuple[int, str]] = {}
    for group in figures(session, GroupFilter()):
        for fact in group.claims:
            index[fact.id] = (group.id, group.status)
    return index


def export_rows(session: Session, batch: int = 2000) -> Iterator[dict[str, Any]]:
    """Every claim with its document's metadata, its statistic's group and its latest verdict."""
    groups = _group_index(session)
    pending: list[dict[str, Any]] = []
    for claim in iter_claims(session, ClaimFilter(), batch=batch):
        record = claim_record(claim)
        doc = claim.document
        record.update(title=doc.title, publisher=doc.publisher, url=doc.url,
                      published=doc.published.isoformat() if doc.published else None)
        group = groups.get(claim.id)
        record.update(group=group[0] if group else None, group_status=group[1] if group else None)
        pending.append(record)
        if len(pending) >= batch:
            yield from _with_verdicts(session, pending)
            pending = []
    yield from _with_verdicts(session, pending)


def _with_verdicts(session: Session, records: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    latest = latest_verdicts(session, [r["id"] for r in records])
    for r in records:
        v = latest.get(r["id"])
        r.update(verdict=v.rating if v else None, verdict_note=v.note if v else None,
                 verdict_by=v.author if v else None,
                 verdict_date=v.created_at.isoformat() if v and v.created_at else None)
        yield r


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
    for claim in iter_claims(session, ClaimFilter()):
        v = latest_verdicts(session, [claim.id]).get(claim.id)
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
    rows = export_rows(session)
    if format == "csv":
        return write_csv(handle, rows, EXPORT_COLUMNS)
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
