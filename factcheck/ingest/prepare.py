"""Reading and extracting one input, the part of ingesting that runs in worker processes.

This module imports no database code, so that a worker process starts quickly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.extract import ExtractedClaim, analyse
from factcheck.ingest.loader import LoadedDocument, load_path, sha256_text


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input."""

    source: str
    status: str
    claims: int = 0
    reason: str | None = None


@dataclass(slots=True)
class Prepared:
    """A file read and extracted, ready to store; or what went wrong, or that nothing changed."""

    shown: str  # how the input is named when it fails: the path as given
    source: str
    doc: LoadedDocument | None = None
    digest: str = ""
    claims: list[ExtractedClaim] = field(default_factory=list)
    place: str | None = None  # the place the document is about
    outcome: Outcome | None = None


@dataclass(frozen=True, slots=True)
class Task:
    """A file to prepare, with what the database holds under its source name."""

    path: Path
    source: str
    max_bytes: int
    published: dt.date | None  # given on the command line, else the document's own date
    stored_digest: str | None
    stored_claims: int


def prepare(task: Task) -> Prepared:
    """Load and extract one file, unless its text is the stored one.

    Whatever goes wrong with this one file, expected or not, fails it alone: a batch
    is never lost to one document.
    """
    shown = str(task.path)
    try:
        doc = load_path(task.path, max_bytes=task.max_bytes)
        return extracted(shown, task.source, doc, task.published, task.stored_digest, task.stored_claims)
    except Exception as exc:  # reported as this file's failure, not hidden
        return Prepared(shown, task.source, outcome=Outcome(shown, "failed", reason=failure_reason(shown, exc)))


def failure_reason(shown: str, exc: Exception) -> str:
    """One line on why a document failed: an input error's own message, else what was raised.

    >>> failure_reason("a.html", ImportError("no module named 'x'\\nInstall it."))
    "a.html: ImportError: no module named 'x'"
    """
    if isinstance(exc, FactcheckError):
        return str(exc)
    return f"{shown}: {error_summary(exc)}"


def error_summary(exc: BaseException) -> str:
    """An unexpected exception in one line: its type and the first line of its message."""
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__


def prepare_all(tasks: list[Task]) -> list[Prepared]:
    """:func:`prepare` for a few files: what one worker process is given at a time."""
    return [prepare(task) for task in tasks]


def extracted(shown: str, source: str, doc: LoadedDocument, published: dt.date | None,
              stored_digest: str | None, stored_claims: int) -> Prepared:
    """A loaded document's claims, unless its text is the one stored under ``source``."""
    digest = sha256_text(doc.text)
    if digest == stored_digest:
        return Prepared(shown, source, outcome=Outcome(source, "unchanged", stored_claims))
    found = analyse(doc.text, published or doc.date)
    return Prepared(shown, source, doc, digest, found.claims, found.place)
