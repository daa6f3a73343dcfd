"""A manifest: a CSV file that gives many files their metadata at once.

Its header names the columns: ``path`` (required), and any of ``url``, ``title``,
``publisher``, ``author``, ``date``. A path is read relative to the manifest's own
folder, unless it is absolute.
"""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field, fields
from pathlib import Path

from factcheck.errors import InputError
from factcheck.ingest.dates import parse_date
from factcheck.ingest.loader import decode_bytes, normalize_text
from factcheck.ingest.metadata import Metadata

PATH_COLUMNS = ("path", "file", "filename")
META_COLUMNS = tuple(f.name for f in fields(Metadata))


@dataclass(frozen=True, slots=True)
class Manifest:
    """Metadata by file, keyed by each file's absolute, normalized path."""

    entries: dict[str, Metadata] = field(default_factory=dict)
    name: str = ""

    def metadata_for(self, path: Path) -> Metadata:
        """What the manifest says of this file (nothing when it does not name it)."""
        return self.entries.get(file_key(path), Metadata())

    def unused(self, used: set[str]) -> list[str]:
        """The files the manifest names that are not among ``used`` (keys as :func:`file_key` makes them)."""
        return [key for key in self.entries if key not in used]


def file_key(path: Path) -> str:
    """A file's absolute path with ``.`` and ``..`` resolved (links are not followed)."""
    return os.path.normpath(path.expanduser().absolute())


def read_manifest(path: Path) -> Manifest:
    """Read a manifest file; InputError naming the file (and the row) for anything wrong with it."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"manifest {path}: no such file") from None
    except OSError as exc:
        raise InputError(f"manifest {path}: {(exc.strerror or type(exc).__name__).lower()}") from None
    try:
        text, _ = decode_bytes(raw)
        return parse_manifest(normalize_text(text), path.parent, str(path))
    except InputError as exc:
        raise InputError(f"manifest {path}: {exc}") from None


def parse_manifest(text: str, folder: Path, name: str = "") -> Manifest:
    """The entries of a manifest's CSV text, paths relative to ``folder``.

    >>> m = parse_manifest("path,date,title\\na.txt,4 March 2019,Rail fares\\n", Path("/news"))
    >>> m.metadata_for(Path("/news/a.txt"))
    Metadata(title='Rail fares', publisher=None, url=None, date=datetime.date(2019, 3, 4), author=None)
    """
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [(name or "").strip().lower() for name in (reader.fieldnames or [])]
    except csv.Error as exc:
        raise InputError(f"the header row is not valid CSV ({exc})") from None
    reader.fieldnames = header
    path_column = next((column for column in PATH_COLUMNS if column in header), None)
    if path_column is None:
        raise InputError(f"no 'path' column (the header has: {', '.join(header) or 'nothing'})")
    entries: dict[str, Metadata] = {}
    number = 0
    try:
        for number, row in enumerate(reader, start=1):
            entries.update(_entry(row, path_column, folder, number))
    except csv.Error as exc:
        raise InputError(f"row {number + 1}: not valid CSV ({exc})") from None
    return Manifest(entries, name)


def _entry(row: dict[str, str | None], path_column: str, folder: Path, number: int) -> dict[str, Metadata]:
    where = (row.get(path_column) or "").strip()
    if not where:
        if any((value or "").strip() for key, value in row.items() if key):
            raise InputError(f"row {number}: no path")
        return {}
    values: dict[str, object] = {}
    for column in META_COLUMNS:
        value = (row.get(column) or "").strip()
        if value and column == "date":
            try:
                values[column] = parse_date(value)
            except InputError as exc:
                raise InputError(f"row {number} ({where}): {exc}") from None
        elif value:
            values[column] = value
    target = Path(where).expanduser()
    return {file_key(target if target.is_absolute() else folder / target): Metadata(**values)}  # type: ignore[arg-type]
