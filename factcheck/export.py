"""Exports for spreadsheets and programs: CSV, JSON and JSON Lines, streamed."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from factcheck.db import Database
from factcheck.errors import InputError
from factcheck.store import ClaimFilter, claim_record, iter_claims

EXPORT_COLUMNS = [
    "id", "document", "title", "publisher", "published", "url", "mention", "value", "low", "high", "unit",
    "qualifier", "change", "measure", "place", "period", "period_start", "period_end", "speaker", "sentence",
    "start", "end", "rule",
]


def write_csv(out: IO[str], rows: Iterable[dict[str, Any]], columns: list[str] | None = None) -> int:
    """Write ``rows`` as RFC 4180 CSV; returns the number of rows."""
    writer: csv.DictWriter[str] | None = None
    count = 0
    for row in rows:
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=columns or list(row), extrasaction="ignore",
                                    lineterminator="\r\n")
            writer.writeheader()
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
        count += 1
    if writer is None and columns:
        csv.DictWriter(out, fieldnames=columns, lineterminator="\r\n").writeheader()
    return count


def _export_rows(database: Database) -> Iterable[dict[str, Any]]:
    with database.read() as session:
        for claim in iter_claims(session, ClaimFilter()):
            record = claim_record(claim)
            doc = claim.document
            record.update(title=doc.title, publisher=doc.publisher, url=doc.url,
                          published=doc.published.isoformat() if doc.published else None)
            yield record


def export_claims(database: Database, format: str, output: Path | None) -> int:
    """Write every claim with its document's metadata to ``output`` (stdout when ``None``)."""
    try:
        handle = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    except OSError as exc:
        raise InputError(f"cannot write {output}: {exc.strerror}") from exc
    try:
        rows = _export_rows(database)
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
    finally:
        if output:
            handle.close()
