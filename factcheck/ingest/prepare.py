"""Reading and extracting one input, the part of ingesting that runs in worker processes.

This module imports no database code, so that a worker process starts quickly.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from factcheck.errors import FactcheckError
from factcheck.extract import ExtractedClaim, analyse
from factcheck.ingest.loader import LoadedDocument, load_path, sha256_text
from factcheck.ingest.metadata import Metadata, StoredVersion, first_line


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input."""

    source: str
    status: str
    claims: int = 0
    reason: str | None = None


@dataclass(slots=True)
class Prepared:
    """A document read and extracted, ready to store; or what went wrong, or that nothing changed."""

    shown: str  # how the input is named when it fails: the path as given
    source: str
    doc: LoadedDocument | None = None
    digest: str = ""
    claims: list[ExtractedClaim] = field(default_factory=list)
    place: str | None = None  # the place the document is about
    outcome: Outcome | None = None
    meta: Metadata = Metadata()  # the document's metadata as it will be stored


@dataclass(frozen=True, slots=True)
class Task:
    """A document to prepare, with what the database holds under its source name.

    Either ``path`` is a file to read, or ``doc`` a document read already (an archive's row).
    """

    source: str
    max_bytes: int
    given: Metadata  # given by the user: wins over what the document says of itself
    stored: StoredVersion | None
    path: Path | None = None
    doc: LoadedDocument | None = None
    label: str | None = None  # how the input is named when it fails, when not by its path or source
    error: str | None = None  # why the input is no document (an archive's bad record): it fails as it is

    @property
    def shown(self) -> str:
        if self.label is not None:
            return self.label
        return str(self.path) if self.path is not None else self.source


def prepare(task: Task) -> Prepared:
    """Load and extract one document, unless its text and metadata are the stored ones.

    Whatever goes wrong with this one document, expected or not, fails it alone: a batch
    is never lost to one document.
    """
    shown = task.shown
    if task.error is not None:
        return Prepared(shown, task.source, outcome=Outcome(shown, "failed", reason=f"{shown}: {task.error}"))
    try:
        doc = task.doc if task.doc is not None else load_path(task.path, max_bytes=task.max_bytes)  # type: ignore[arg-type]
        return extracted(shown, task.source, doc, task.given, task.stored)
    except Exception as exc:  # reported as this document's failure, not hidden
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


def extracted(shown: str, source: str, doc: LoadedDocument, given: Metadata = Metadata(),
              stored: StoredVersion | None = None, fallback: Metadata = Metadata()) -> Prepared:
    """A loaded document's claims, unless its text and metadata are those stored under ``source``.

    Its metadata is ``given``, else what the document says, else ``fallback``, else
    what the stored version had: a date once given is not lost by ingesting the
    document again without it. Relative periods are resolved against its date.
    """
    digest = sha256_text(doc.text)
    meta = given.over(Metadata.of(doc)).over(fallback)
    if meta.title is None:
        meta = replace(meta, title=first_line(doc.text))
    if stored is not None:
        meta = meta.over(stored.meta)
        if digest == stored.digest and meta == stored.meta:
            return Prepared(shown, source, outcome=Outcome(source, "unchanged", stored.claims))
    found = analyse(doc.text, meta.date)
    return Prepared(shown, source, doc, digest, found.claims, found.place, meta=meta)
