"""Ingest documents: load, extract, and store each one with all its claims or not at all."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from factcheck.db import Database
from factcheck.errors import DatabaseError, FactcheckError, InputError
from factcheck.extract import extract
from factcheck.ingest.loader import (
    DEFAULT_MAX_BYTES,
    LoadedDocument,
    iter_document_paths,
    load_bytes,
    load_path,
)
from factcheck.store import (
    DocumentMeta,
    document_condition,
    find_by_hash,
    find_document,
    replace_claims,
    replace_document,
    sha256_text,
)

STATUSES = ("added", "updated", "unchanged", "duplicate", "failed")


@dataclass(frozen=True, slots=True)
class Outcome:
    """What happened to one input."""

    source: str
    status: str
    claims: int = 0
    reason: str | None = None


@dataclass
class IngestReport:
    """The outcomes of an ingest run, and their totals."""

    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def claims(self) -> int:
        return sum(o.claims for o in self.outcomes if o.status in ("added", "updated"))

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


@dataclass(frozen=True, slots=True)
class Overrides:
    """Metadata given on the command line for a single document."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: dt.date | None = None


def source_name(path: Path) -> str:
    """The stored source name of a file: its absolute path, so re-ingesting finds it again."""
    return str(path.expanduser().absolute())


def _meta(doc: LoadedDocument, source: str, overrides: Overrides) -> DocumentMeta:
    return DocumentMeta(
        source=source, kind=doc.kind, encoding=doc.encoding,
        url=overrides.url or doc.url, title=overrides.title or doc.title or _first_line(doc.text),
        author=doc.author, publisher=overrides.publisher or doc.publisher,
        published=overrides.date or doc.date,
    )


def _first_line(text: str) -> str | None:
    """A plain-text article's headline: its first line, when that reads as one."""
    line = text.strip().split("\n", 1)[0].strip()
    if not line or len(line) > 150 or line.endswith((".", ",", ":", ";")):
        return None
    return line


def store_loaded(db: Database, doc: LoadedDocument, source: str, overrides: Overrides = Overrides()) -> Outcome:
    """Extract a loaded document and store it in one transaction, unless nothing changed."""
    digest = sha256_text(doc.text)
    meta = _meta(doc, source, overrides)
    with db.read() as session:
        existing = find_document(session, source)
        if existing is not None and existing.sha256 == digest:
            return Outcome(source, "unchanged", len(existing.claims))
    claims = extract(doc.text, meta.published)
    try:
        with db.write() as session:
            existing = find_document(session, source)
            if existing is not None and existing.sha256 == digest:
                return Outcome(source, "unchanged", len(existing.claims))
            if existing is None and (twin := find_by_hash(session, digest)) is not None:
                return Outcome(source, "duplicate", 0, f"same text as {twin.source}")
            _, orphans = replace_document(session, meta, doc.text, claims)
            reason = f"{len(orphans)} verdicts orphaned" if orphans else None
            return Outcome(source, "updated" if existing is not None else "added", len(claims), reason)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"{source}: could not store: {str(exc).splitlines()[0]}") from exc


def ingest_paths(
    db: Database,
    paths: Iterable[Path],
    overrides: Overrides = Overrides(),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Callable[[Outcome], None] | None = None,
) -> IngestReport:
    """Ingest every document under ``paths``; failures are reported, the rest stored."""
    report = IngestReport()
    for path in iter_document_paths(paths):
        try:
            doc = load_path(path, max_bytes=max_bytes)
            outcome = store_loaded(db, doc, source_name(path), overrides)
        except InputError as exc:
            outcome = Outcome(str(path), "failed", reason=str(exc))
        except FactcheckError as exc:
            outcome = Outcome(str(path), "failed", reason=str(exc))
        report.outcomes.append(outcome)
        if on_file:
            on_file(outcome)
    return report


def ingest_stdin(db: Database, raw: bytes, overrides: Overrides = Overrides(), kind: str | None = None) -> IngestReport:
    """Ingest one document read from standard input; its source is ``--url`` or its hash."""
    source = overrides.url or f"stdin:{hashlib.sha256(raw).hexdigest()[:16]}"
    report = IngestReport()
    try:
        doc = load_bytes(raw, source, kind)
        report.outcomes.append(store_loaded(db, replace(doc, source=source), source, overrides))
    except FactcheckError as exc:
        report.outcomes.append(Outcome(source, "failed", reason=str(exc)))
    return report


def reextract(db: Database, document: str | None = None,
              on_document: Callable[[Outcome], None] | None = None) -> IngestReport:
    """Re-run the current extractor over stored documents, each one replaced in its own transaction.

    ``document`` is a document id or part of a source name; all documents when ``None``.
    """
    from sqlalchemy import select

    from factcheck.extract import EXTRACTOR_VERSION
    from factcheck.models import Document

    with db.read() as session:
        stmt = select(Document.id, Document.source).order_by(Document.id)
        if document:
            stmt = stmt.where(document_condition(document))
        targets = list(session.execute(stmt))
    report = IngestReport()
    for doc_id, source in targets:
        with db.read() as session:
            doc = session.get(Document, doc_id)
            if doc is None:
                continue  # removed by another process meanwhile
            text, published = doc.text, doc.published
        claims = extract(text, published)
        try:
            with db.write() as session:
                doc = session.get(Document, doc_id)
                if doc is None or doc.text != text:
                    outcome = Outcome(source, "unchanged", 0, "changed by another process")
                else:
                    orphans = replace_claims(session, doc_id, claims)
                    doc.extractor = EXTRACTOR_VERSION
                    reason = f"{len(orphans)} verdicts orphaned" if orphans else None
                    outcome = Outcome(source, "updated", len(claims), reason)
        except SQLAlchemyError as exc:
            outcome = Outcome(source, "failed", reason=str(exc).splitlines()[0])
        report.outcomes.append(outcome)
        if on_document:
            on_document(outcome)
    return report
