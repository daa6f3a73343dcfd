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

from sqlalchemy import case, func, select, union_all
from sqlalchemy.orm import Session

from factcheck.db import Database
from factcheck.errors import InputError
from factcheck.linking import get_setting
from factcheck.models import Claim, Document, Link, Verdict
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
    writer = csv.writer(out, lineterminator="\r\n")
    count = 0
    for row in rows:
        if count == 0:
            columns = columns or list(row)
            writer.writerow(columns)
        writer.writerow(["" if (v := row.get(k)) is None else neutralize(v) for k in columns])  # type: ignore[union-attr]
        count += 1
    if count == 0 and columns:
        writer.writerow(columns)
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


def export_rows(session: Session, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """Every claim with its document's metadata, its statistic's group and its latest verdict.

    One streamed query (the database joins each claim to its statistic); memory
    grows only with the number of verdicts.
    """
    of_claim, conflicted, status = _statistic_of_claims()
    stmt = (
        select(Claim.id, Document.source, Claim.start, Claim.end, Claim.mention, Claim.sentence, Claim.value_text,
               Claim.unit, Claim.qualifier, Claim.change, Claim.measure, Claim.place, Claim.period, Claim.speaker,
               Claim.low, Claim.high, Claim.period_start, Claim.period_end, Claim.sentence_start,
               Claim.sentence_end, Claim.rule, Claim.kind, Claim.document_id, Document.title, Document.publisher,
               Document.url, Document.published, of_claim.c.statistic, status)
        .join(Document, Document.id == Claim.document_id)
        .outerjoin(of_claim, of_claim.c.claim_id == Claim.id)
        .outerjoin(conflicted, conflicted.c.statistic == of_claim.c.statistic)
        .order_by(Claim.id)
    )
    verdicts = _latest_verdicts(session)
    for row in session.execute(stmt.execution_options(yield_per=batch)):
        (claim_id, source, start, end, mention, sentence, value_text, unit, qualifier, change, measure, place,
         period, speaker, low, high, period_start, period_end, sentence_start, sentence_end, rule, kind,
         document_id, title, publisher, url, published, statistic, group_status) = row
        v = verdicts.get(claim_id)
        yield {
            "id": claim_id, "document": source, "start": start, "end": end, "mention": mention,
            "sentence": sentence, "value": number(value_text), "unit": unit, "qualifier": qualifier,
            "change": change, "measure": measure, "place": place, "period": period, "speaker": speaker,
            "low": low, "high": high, "period_start": period_start.isoformat() if period_start else None,
            "period_end": period_end.isoformat() if period_end else None, "sentence_start": sentence_start,
            "sentence_end": sentence_end, "rule": rule, "kind": kind, "document_id": document_id,
            "title": title, "publisher": publisher, "url": url,
            "published": published.isoformat() if published else None,
            "group": statistic, "group_status": group_status if statistic is not None else None,
            "verdict": v.rating if v else None, "verdict_note": v.note if v else None,
            "verdict_by": v.author if v else None,
            "verdict_date": v.created_at.isoformat() if v and v.created_at else None,
        }


def _latest_verdicts(session: Session) -> dict[int, Verdict]:
    latest: dict[int, Verdict] = {}
    stmt = select(Verdict).where(Verdict.claim_id.is_not(None)).order_by(Verdict.created_at, Verdict.id)
    for v in session.scalars(stmt):
        latest[v.claim_id] = v  # type: ignore[index]
    return latest


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
