"""Exports for spreadsheets, programs and publishing: CSV, JSON, JSON Lines and ClaimReview.

Claims are streamed from the database, so memory stays flat however many there
are. Article text is untrusted input: in CSV, every text cell a spreadsheet would
run as a formula is neutralized.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing
from pathlib import Path
from typing import IO, Any

from factcheck.errors import InputError
from factcheck.records import claim_record, number
from factcheck.storage import exports
from factcheck.storage.claims import ClaimFilter, iter_claims
from factcheck.storage.engine import Database, Session
from factcheck.storage.settings import get_setting
from factcheck.storage.verdicts import latest_verdicts, verdict_record

EXPORT_COLUMNS = [
    "id", "document", "title", "author", "publisher", "published", "url", "mention", "value", "low", "high", "unit",
    "qualifier", "change", "measure", "place", "period", "period_start", "period_end", "subject", "speaker", "kind",
    "sentence", "start", "end", "rule", "statistic", "statistic_status", "verdict", "verdict_note", "verdict_by",
    "verdict_date",
]
FORMATS = ("csv", "json", "jsonl", "claimreview", "sqlite")
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


_VALUE = EXPORT_COLUMNS.index("value")
_NO_VERDICT = (None, None, None, None)


def export_values(session: Session, batch: int = 5000) -> Iterator[list[Any]]:
    """Every claim as a list of :data:`EXPORT_COLUMNS` values: its document's metadata, its statistic
    (and whether the statistic's claims agree or conflict) and its latest verdict.

    One streamed scan of the claims, joined to their documents only; memory grows
    only with the number of verdicts and of statistics in conflict.
    """
    verdicts = exports.verdict_cells(session).get
    conflicted = exports.conflicted_statistics(session)
    with exports.claim_rows(session) as rows:
        for row in rows:
            statistic = row[-1]
            status = None if statistic is None else "conflict" if statistic in conflicted else "agree"
            yield [*row[:_VALUE], number(row[_VALUE]), *row[_VALUE + 1 :], status, *verdicts(row[0], _NO_VERDICT)]


def export_rows(session: Session, batch: int = 5000) -> Iterator[dict[str, Any]]:
    """:func:`export_values` as dictionaries keyed by column."""
    with closing(export_values(session, batch)) as rows:
        for values in rows:
            yield dict(zip(EXPORT_COLUMNS, values, strict=True))


# --- CSV, fast, on SQLite ----------------------------------------------------------------------------------
#
# Each value SQLite hands over costs more than a few looks at it in Python, so the claim's
# short text cells come as one JSON array (SQLite's ``json_array``: exact for any text, a
# NUL included), and each document's cells are read once per batch of claims. Most arrays
# hold no character that needs care, which a few looks at them tell; those are turned into
# CSV cells by taking out the quotes around each, the others are parsed and written cell
# by cell.


_CACHE_LIMIT = 1 << 14


def _csv_cell(text: str | None) -> str:
    """One text cell as the csv module writes it once neutralized: empty for none, quoted when it holds a
    comma, a quote or a line break, its quotes doubled.

    >>> _csv_cell('say "hi", then go'), _csv_cell("a,b"), _csv_cell("-1"), _csv_cell(None)
    ('"say ""hi"", then go"', '"a,b"', "'-1", '')
    """
    if text is None:
        return ""
    if text[:1] in _FORMULA_CHARS:
        text = "'" + text
    if '"' in text:
        return '"' + text.replace('"', '""') + '"'
    if "," in text or "\n" in text or "\r" in text:
        return '"' + text + '"'
    return text


def _csv_cells(array: str) -> str:
    """Text cells given as a JSON array (of strings, or nulls for none), as part of a CSV line: each as
    :func:`_csv_cell` writes it.

    >>> _csv_cells('["a",null,"b,c","-d",""]')
    'a,,"b,c",\\'-d,'
    """
    return ",".join(map(_csv_cell, json.loads(array)))


class _Cells(dict[str | None, str]):
    """A text → its CSV cell, as :func:`_csv_cell` writes it: for the texts that claims repeat."""

    def __missing__(self, text: str | None) -> str:
        cell = self[text] = _csv_cell(text)
        return cell


class _Figures(dict[str | None, str]):
    """A figure's decimal text → its CSV cell, the number :func:`~factcheck.storage.claims.number` makes of it."""

    def __missing__(self, text: str | None) -> str:
        value = number(text)
        cell = self[text] = "" if value is None else str(value)
        return cell


class _Numbers(dict[float | None, str]):
    """A figure's bound (a float, or none) → its CSV cell, as the csv module writes it (``str``); zeros are
    not kept, since ``-0.0 == 0.0``.
    """

    def __init__(self) -> None:
        super().__init__({None: ""})

    def __missing__(self, value: float) -> str:
        cell = str(value)
        if value:
            self[value] = cell
        return cell


def _csv_line(cells: Sequence[Any]) -> str:
    """Cells as one CSV line by the csv module itself, text neutralized, line break included."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([neutralize(cell) for cell in cells])
    return out.getvalue()


class _Documents(dict[int, str]):
    """Document id → its cells as part of a CSV line, read for a batch of claims at a time."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session

    def read(self, ids: set[int]) -> None:
        """Have the documents of these ids at hand."""
        if len(self) > _CACHE_LIMIT:
            self.clear()
        missing = sorted(ids - self.keys())
        if missing:
            for document_id, *cells in exports.document_cells(self.session, missing):
                self[document_id] = ",".join(map(_csv_cell, cells))


def write_export_csv(session: Session, out: IO[str], batch: int = 2000) -> int:
    """Every claim as RFC 4180 CSV under a header of :data:`EXPORT_COLUMNS`, text cells neutralized: the
    bytes :func:`write_csv_values` writes for :func:`export_values`; returns the row count.

    On SQLite, in about half the time that takes (see the notes above :func:`_csv_query`):
    each text cell is written as the csv module writes it (:func:`_csv_cell`), each
    number as it writes numbers (``str``), and the verdict cells by the csv module itself.
    """
    if not exports.cells_as_json(session):
        with closing(export_values(session)) as rows:
            return write_csv_values(out, rows, EXPORT_COLUMNS)
    out.write(_csv_line(EXPORT_COLUMNS))
    line_ends = {claim_id: _csv_line(("", *values)) for claim_id, values in exports.verdict_cells(session).items()}
    no_verdict = _csv_line(("", *_NO_VERDICT))
    conflicted = exports.conflicted_statistics(session)
    texts, figures, numbers, formula = _Cells(), _Figures(), _Numbers(), _FORMULA_CHARS
    separators = exports.CLAIM_CELLS - 1
    count = 0
    documents = _Documents(session)
    with exports.csv_rows(session) as cursor:
        while rows := cursor.fetchmany(batch):
            documents.read({row[1] for row in rows})
            lines = []
            for claim, document_id, mention, value, low, high, cells, sentence, start, end, rule, statistic in rows:
                if (document := documents.get(document_id)) is None:
                    continue  # a claim whose document is gone, which the join of export_values leaves out
                # With no escape (so no quote, line break or other control character), no comma but
                # those between the cells and no cell starting with a formula character, the array
                # of strings is its CSV cells once the quotes around them are taken out.
                if ("\\" in cells or cells.count(",") != separators or '"=' in cells or '"+' in cells
                        or '"-' in cells or '"@' in cells):
                    cells = _csv_cells(cells)
                else:
                    cells = cells[2:-2].replace('","', ",")
                # the sentence as _csv_cell writes it, inline: it often needs quotes
                if sentence[:1] in formula:
                    sentence = "'" + sentence
                if '"' in sentence:
                    sentence = '"' + sentence.replace('"', '""') + '"'
                elif "," in sentence or "\n" in sentence or "\r" in sentence:
                    sentence = f'"{sentence}"'
                status = "" if statistic is None else "conflict" if statistic in conflicted else "agree"
                lines.append(f"{claim},{document},{texts[mention]},{figures[value]},{numbers[low]},"
                             f"{numbers[high]},{cells},{sentence},{start},{end},{texts[rule]},"
                             f"{'' if statistic is None else statistic},{status}{line_ends.get(claim, no_verdict)}")
            out.write("".join(lines))
            count += len(lines)
            if len(texts) + len(figures) + len(numbers) > _CACHE_LIMIT:
                texts.clear()
                figures.clear()
                numbers.clear()
                numbers[None] = ""
    return count


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
    if format == "sqlite":
        return _snapshot(database, output, excel=excel)
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


def _snapshot(database: Database, output: Path | None, *, excel: bool) -> int:
    """A read-only SQLite snapshot of the whole database in ``output``; returns how many claims it holds."""
    from factcheck.storage.snapshot import write_snapshot

    if output is None:
        raise InputError("a snapshot is a file: give it with --output FILE")
    if excel:
        raise InputError("--excel applies to CSV only")
    return write_snapshot(database, output)["claims"]


def _write(session: Session, handle: IO[str], format: str) -> int:
    if format == "claimreview":
        reviews = claim_reviews(session)
        json.dump(reviews, handle, ensure_ascii=False, indent=2)
        handle.write("\n")
        return len(reviews)
    if format == "csv":
        return write_export_csv(session, handle)
    count = 0
    if format == "json":
        handle.write("[")
    # closed here, while the session is open, also when the reader goes away mid-stream
    with closing(export_rows(session)) as rows:
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
