"""Archive exports: one article per CSV row, per JSON Lines line, or per item of a JSON array.

This is how news datasets and CMS exports come. Each record becomes a document: its
text from one field, its URL, date, title, author and publisher from others, named by
the user or found under their usual names. A record that cannot be a document (no
text, a date that is no date, a line that is not JSON) is refused alone, with its
number; a file that cannot be read at all is refused whole.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from factcheck.errors import InputError
from factcheck.ingest.dates import as_date
from factcheck.ingest.frontmatter import text_value
from factcheck.ingest.loader import decode_bytes, fragment_text, normalize_text
from factcheck.ingest.metadata import Metadata

# suffix -> the word that numbers its records in a source name: export.csv#row=12
ARCHIVE_SUFFIXES = {".csv": "row", ".jsonl": "line", ".ndjson": "line", ".json": "item"}

# the names each field goes by in news datasets and CMS exports, tried in this order (any case)
DEFAULT_FIELDS: dict[str, tuple[str, ...]] = {
    "text": ("body", "text", "content", "article", "maintext", "full_text", "fulltext", "story", "article_text"),
    "url": ("url", "link", "canonical_url", "permalink", "web_url", "source_url", "href"),
    "date": ("date", "published", "published_at", "publication_date", "date_published", "datepublished",
             "pubdate", "publish_date", "created_at"),
    "title": ("title", "headline", "heading"),
    "author": ("author", "authors", "byline", "creator"),
    "publisher": ("publisher", "source", "site_name", "site", "outlet", "source_name", "publication"),
}
# the largest JSON array read whole; JSON Lines is read a line at a time, whatever its size
MAX_JSON_BYTES = 512 * 1024 * 1024
_HTML_TAG = re.compile(r"<(?:p|br|div|span|a|em|strong|b|i|h[1-6]|ul|ol|li|blockquote|figure|img)\b[^>]*>",
                       re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class ArchiveFields:
    """The field of each piece of an article, as named by the user; None tries the usual names."""

    text: str | None = None
    url: str | None = None
    date: str | None = None
    title: str | None = None
    author: str | None = None
    publisher: str | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """One record of an archive: an article's text, kind and metadata, or why it is none."""

    label: str  # "row=12", "line=7", "item=3"
    text: str = ""
    kind: str = "text"
    meta: Metadata = Metadata()
    error: str | None = None


def is_archive(path: Path) -> bool:
    """Whether a file is read as an archive export (by its suffix, in any case)."""
    return path.suffix.lower() in ARCHIVE_SUFFIXES


def read_archive(path: Path, fields: ArchiveFields = ArchiveFields()) -> Iterator[Record]:
    """The records of an archive file; InputError (without the file's name) when the file cannot be read.

    JSON Lines is read a line at a time; CSV and JSON files are read whole.
    """
    suffix = path.suffix.lower()
    try:
        if suffix in (".jsonl", ".ndjson"):
            with open(path, "rb") as handle:
                yield from jsonl_records(handle, fields)
            return
        if suffix == ".json" and path.stat().st_size > MAX_JSON_BYTES:
            raise InputError(f"a JSON array over {MAX_JSON_BYTES // 1024 // 1024} MB is not read whole: "
                             "export JSON Lines (one article a line) instead")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or directory") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    text, _ = decode_bytes(raw)
    yield from (csv_records(text, fields) if suffix == ".csv" else json_records(text, fields))


def csv_records(text: str, fields: ArchiveFields = ArchiveFields()) -> Iterator[Record]:
    """The rows of a CSV export with a header line; row 1 is the first after the header.

    A row with more or fewer cells than the header, or that the CSV reader cannot
    read (a stray quote), is refused alone.
    """
    text = normalize_text(text)
    # an article can be longer than the csv module's default cell limit (128 KiB); the
    # limit only ever grows, and the size limit on documents still applies to each text
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("no header row: the file is empty") from None
    except csv.Error as exc:
        raise InputError(f"the header row is not valid CSV ({exc})") from None
    header = [name.strip() for name in header]
    columns = _columns(fields, header)
    number = 0
    while True:
        number += 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Record(f"row={number}", error=f"not valid CSV ({exc})")
            continue
        if not any(cell.strip() for cell in cells):
            number -= 1  # a blank line is no record
            continue
        if len(cells) != len(header):
            yield Record(f"row={number}", error=f"{len(cells)} cells where the header has {len(header)}")
            continue
        yield _record(f"row={number}", dict(zip(header, cells, strict=True)), columns)


def jsonl_records(lines: io.BufferedIOBase | Any, fields: ArchiveFields = ArchiveFields()) -> Iterator[Record]:
    """The lines of a JSON Lines export (bytes, UTF-8), each a JSON object; blank lines are skipped."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        label = f"line={number}"
        try:
            value = json.loads(line)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield Record(label, error=f"not JSON ({_json_reason(exc)})")
            continue
        yield _object_record(label, value, fields)


def json_records(text: str, fields: ArchiveFields = ArchiveFields()) -> Iterator[Record]:
    """The items of a JSON export: an array of objects, or an object holding one such array
    (``{"articles": [...]}``); item 1 is the first."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"not JSON ({_json_reason(exc)})") from None
    if isinstance(value, dict):
        arrays = [item for item in value.values() if isinstance(item, list)]
        if len(arrays) != 1:
            raise InputError("not an array of articles, nor an object holding one array of them")
        value = arrays[0]
    if not isinstance(value, list):
        raise InputError("not an array of articles")
    for number, item in enumerate(value, start=1):
        yield _object_record(f"item={number}", item, fields)


def _object_record(label: str, value: object, fields: ArchiveFields) -> Record:
    if not isinstance(value, dict):
        return Record(label, error=f"a JSON {type(value).__name__}, not an object")
    flat = {str(key): item for key, item in value.items()}
    try:
        columns = _columns(fields, list(flat), nested=flat)
    except InputError as exc:
        return Record(label, error=str(exc))
    return _record(label, flat, columns)


def _columns(fields: ArchiveFields, names: list[str], nested: dict[str, Any] | None = None) -> dict[str, str | None]:
    """Which field (column or key) holds each piece of an article; InputError when one named is missing."""
    lowered = {name.lower(): name for name in reversed(names)}  # the first of two same names in any case
    found: dict[str, str | None] = {}
    for piece, defaults in DEFAULT_FIELDS.items():
        named = getattr(fields, piece)
        if named is not None:
            if named in names or (nested is not None and _dotted(nested, named) is not None):
                found[piece] = named
            elif named.lower() in lowered:
                found[piece] = lowered[named.lower()]
            elif nested is not None and piece != "text":
                found[piece] = named  # objects differ: this one just lacks it
            else:
                raise InputError(f"no field {named!r} for the {piece} ({_listing(names)})")
        else:
            found[piece] = next((lowered[name] for name in defaults if name in lowered), None)
    if found["text"] is None:
        raise InputError(f"no text field: name it with --text-field (tried {', '.join(DEFAULT_FIELDS['text'])}; "
                         f"{_listing(names)})")
    return found


def _listing(names: list[str]) -> str:
    shown = ", ".join(repr(name) for name in names[:12])
    more = f" and {len(names) - 12} more" if len(names) > 12 else ""
    return f"the fields are {shown}{more}" if names else "there are no fields"


def _record(label: str, values: dict[str, Any], columns: dict[str, str | None]) -> Record:
    def value(piece: str) -> Any:
        name = columns[piece]
        return None if name is None else _dotted(values, name)

    body = value("text")
    if isinstance(body, list):
        body = "\n\n".join(str(part) for part in body if part is not None)
    if not isinstance(body, str) or not body.strip():
        return Record(label, error=f"no text in {columns['text']!r}")
    kind = "text"
    if _HTML_TAG.search(body):
        body, kind = fragment_text(body), "html"
        if not body.strip():
            return Record(label, error=f"no readable text in the HTML of {columns['text']!r}")
    try:
        date = as_date(value("date"))
    except InputError as exc:
        return Record(label, error=f"{columns['date']}: {exc}")
    meta = Metadata(title=text_value(value("title")), publisher=text_value(value("publisher")),
                    url=text_value(value("url")), date=date, author=text_value(value("author")))
    return Record(label, normalize_text(body), kind, meta)


def _dotted(values: dict[str, Any], name: str) -> Any:
    """A field by its name, or by a dotted path into nested objects (``content.body``)."""
    if name in values:
        return values[name]
    current: Any = values
    for part in name.split("."):
        if not isinstance(current, dict) or part not in current:
            return None
        current = current[part]
    return current


def _json_reason(exc: ValueError) -> str:
    if not isinstance(exc, json.JSONDecodeError):
        return "not UTF-8"
    where = f"line {exc.lineno} column {exc.colno}" if exc.lineno > 1 else f"column {exc.colno}"
    return f"{exc.msg} at {where}"
