"""Ingest documents: load, extract, and store each one with all its claims or not at all."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from factcheck.extract import ExtractedClaim, extract
from factcheck.ingest.loader import DEFAULT_MAX_BYTES, LoadedDocument, iter_document_paths, load_bytes
from factcheck.ingest.prepare import (
    Outcome,
    Prepared,
    Task,
    error_summary,
    extracted,
    failure_reason,
    prepare,
    prepare_all,
)
from factcheck.storage import documents
from factcheck.storage.documents import DocumentMeta, store_new_documents
from factcheck.storage.engine import Database, Session, database_failure
from factcheck.storage.links import link_document, link_documents, unlink_document
from factcheck.storage.verdicts import reattach_verdicts

STATUSES = ("added", "updated", "unchanged", "duplicate", "failed")


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
    stored_digest, stored_claims = _stored_versions(db, [source]).get(source, (None, 0))
    prepared = extracted(source, source, doc, overrides.date, stored_digest, stored_claims)
    return _store_batch(db, [prepared], overrides)[0]


# A batch of documents is stored in one transaction: fewer commits and one
# linking pass, while each document is still stored whole or not at all.
BATCH_DOCUMENTS = 256
BATCH_CHARACTERS = 4_000_000


def _stored_versions(db: Database, sources: list[str]) -> dict[str, tuple[str, int]]:
    """The stored digest and claim count of each of these sources that is in the database."""
    with db.read() as session:
        return documents.stored_versions(session, sources)


def replace_document(session: Session, meta: DocumentMeta, text: str,
                     claims: Sequence[ExtractedClaim]) -> tuple[int, list[int]]:
    """Store a document and its claims, replacing any earlier version at the same source.

    Returns the document's id and the ids of verdicts its new claims no longer carry.
    The caller's transaction makes this all-or-nothing.
    """
    document_id = documents.store_document(session, meta, text)
    return document_id, replace_claims(session, document_id, claims)


def replace_claims(session: Session, document_id: int, claims: Sequence[ExtractedClaim]) -> list[int]:
    """Swap a document's claims for new ones: links remade, verdicts moved to the matching new claims.

    Returns the ids of verdicts left without a claim (orphaned).
    """
    kept = documents.claim_places(session, document_id)  # a claim found again keeps its id and verdicts
    unlink_document(session, document_id)
    documents.rewrite_claims(session, document_id, claims, kept)
    link_document(session, document_id)
    return reattach_verdicts(session, document_id)


def _store_batch(db: Database, batch: list[Prepared], overrides: Overrides) -> list[Outcome]:
    """Store a batch of extracted documents in one transaction; outcomes in the batch's order."""
    outcomes: dict[int, Outcome] = {i: p.outcome for i, p in enumerate(batch) if p.outcome is not None}
    pending = [(i, p) for i, p in enumerate(batch) if p.outcome is None]
    if pending:
        try:
            with db.write() as session:
                stored = documents.stored_digests(session, [p.source for _, p in pending])
                twins = documents.sources_of_texts(session, [p.digest for _, p in pending])
                fresh: list[tuple[DocumentMeta, str, list[ExtractedClaim]]] = []
                for i, p in pending:
                    assert p.doc is not None
                    meta = _meta(p.doc, p.source, overrides)
                    if p.source in stored:
                        if stored[p.source] == p.digest:  # stored meanwhile by another process
                            outcomes[i] = Outcome(p.source, "unchanged", len(p.claims))
                            continue
                        _, orphans = replace_document(session, meta, p.doc.text, p.claims)
                        reason = f"{len(orphans)} verdicts orphaned" if orphans else None
                        outcomes[i] = Outcome(p.source, "updated", len(p.claims), reason)
                    elif p.digest in twins:
                        outcomes[i] = Outcome(p.source, "duplicate", 0, f"same text as {twins[p.digest]}")
                    else:
                        twins[p.digest] = p.source
                        fresh.append((meta, p.doc.text, p.claims))
                        outcomes[i] = Outcome(p.source, "added", len(p.claims))
                link_documents(session, store_new_documents(session, fresh))
        except Exception as exc:  # nothing of the batch was stored; reported below, document by document
            if len(pending) > 1:
                # each document again in its own transaction, so that one that cannot be
                # stored does not take the others with it
                for i, p in pending:
                    outcomes[i] = _store_batch(db, [p], overrides)[0]
            else:
                reason = database_failure(exc) or error_summary(exc)
                for i, p in pending:
                    outcomes[i] = Outcome(p.shown, "failed", reason=f"{p.source}: could not store: {reason}")
    return [outcomes[i] for i in range(len(batch))]


def _batches(prepared: Iterable[Prepared]) -> Iterator[list[Prepared]]:
    batch: list[Prepared] = []
    size = 0
    for item in prepared:
        batch.append(item)
        size += len(item.doc.text) if item.doc is not None else 0
        if len(batch) >= BATCH_DOCUMENTS or size >= BATCH_CHARACTERS:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _tasks(db: Database, paths: Iterable[Path], max_bytes: int, published: dt.date | None) -> Iterator[Task]:
    """What each file needs for :func:`_prepare`, its stored digest looked up a chunk of files at a time."""
    chunk: list[Path] = []

    def flush() -> Iterator[Task]:
        sources = [source_name(path) for path in chunk]
        stored = _stored_versions(db, sources)
        for path, source in zip(chunk, sources, strict=True):
            digest, claims = stored.get(source, (None, 0))
            yield Task(path, source, max_bytes, published, digest, claims)
        chunk.clear()

    for path in paths:
        chunk.append(path)
        if len(chunk) >= BATCH_DOCUMENTS:
            yield from flush()
    yield from flush()


def _prepared_in_parallel(tasks: Iterator[Task], jobs: int) -> Iterator[Prepared]:
    """:func:`prepare` over ``tasks`` in ``jobs`` processes, results in order, a bounded number in flight.

    Files go to the workers a few at a time, and enough are in flight to keep the
    workers busy while this process stores a whole batch. Until a worker is up (its
    start takes a good part of a second), this process reads and extracts files itself.
    """
    import concurrent.futures
    import multiprocessing
    from collections import deque

    chunk_size = 8
    window = (2 * BATCH_DOCUMENTS) // chunk_size + 2 * jobs  # chunks in flight
    context = _worker_context(multiprocessing)
    with concurrent.futures.ProcessPoolExecutor(jobs, mp_context=context) as pool:
        flying: deque[concurrent.futures.Future[list[Prepared]]] = deque()
        first: list[concurrent.futures.Future[list[Prepared]]] = []  # done once a worker is up
        for chunk in _chunks(tasks, chunk_size):
            if len(first) < jobs or any(future.done() for future in first):
                future = pool.submit(prepare_all, chunk)
                if len(first) < jobs:
                    first.append(future)
            else:
                future = concurrent.futures.Future()
                future.set_result(prepare_all(chunk))
            flying.append(future)
            if len(flying) >= window:
                yield from flying.popleft().result()
        while flying:
            yield from flying.popleft().result()


def _chunks(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    for task in tasks:
        chunk.append(task)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _worker_context(multiprocessing: Any) -> Any:
    """How worker processes are started: forked from a clean server process where there is one.

    Workers then never inherit this process's database connections, locks or threads
    (as "spawn" would also ensure), and start with the extractor already imported and
    warmed up in the server (:mod:`factcheck.ingest.preload`) instead of each on its own.
    """
    if "forkserver" in multiprocessing.get_all_start_methods():
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["factcheck.ingest.preload"])
        return context
    return multiprocessing.get_context("spawn")


def ingest_paths(
    db: Database,
    paths: Iterable[Path],
    overrides: Overrides = Overrides(),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Callable[[Outcome], None] | None = None,
    jobs: int = 1,
) -> IngestReport:
    """Ingest every document under ``paths``; failures are reported, the rest stored.

    Files are read and extracted in ``jobs`` processes (this one alone when 1) and
    stored by this process, a batch of documents per transaction.
    """
    report = IngestReport()
    tasks = _tasks(db, iter_document_paths(paths), max_bytes, overrides.date)
    prepared = map(prepare, tasks) if jobs <= 1 else _prepared_in_parallel(tasks, jobs)
    for batch in _batches(prepared):
        for outcome in _store_batch(db, batch, overrides):
            report.outcomes.append(outcome)
            if on_file:
                on_file(outcome)
    return report


def ingest_stdin(db: Database, raw: bytes, overrides: Overrides = Overrides(), kind: str | None = None) -> IngestReport:
    """Ingest one document read from standard input; its source is ``--url`` or its hash."""
    source = overrides.url or f"stdin:{hashlib.sha256(raw).hexdigest()[:16]}"
    stored_digest, stored_claims = _stored_versions(db, [source]).get(source, (None, 0))
    try:
        doc = replace(load_bytes(raw, source, kind), source=source)
        prepared = extracted(source, source, doc, overrides.date, stored_digest, stored_claims)
    except Exception as exc:  # reported as the document's failure
        prepared = Prepared(source, source, outcome=Outcome(source, "failed", reason=failure_reason(source, exc)))
    return IngestReport(_store_batch(db, [prepared], overrides))


def reextract(db: Database, document: str | None = None,
              on_document: Callable[[Outcome], None] | None = None) -> IngestReport:
    """Re-run the current extractor over stored documents, each one replaced in its own transaction.

    ``document`` is a document id or part of a source name; all documents when ``None``.
    """
    with db.read() as session:
        targets = documents.matching_documents(session, document)
    report = IngestReport()
    for doc_id, source in targets:
        with db.read() as session:
            stored = documents.document_text(session, doc_id)
        if stored is None:
            continue  # removed by another process meanwhile
        text, published = stored
        try:
            claims = extract(text, published)
        except Exception as exc:  # this document fails alone; the others are re-extracted
            outcome = Outcome(source, "failed", reason=failure_reason(source, exc))
            report.outcomes.append(outcome)
            if on_document:
                on_document(outcome)
            continue
        try:
            with db.write() as session:
                now = documents.document_text(session, doc_id)
                if now is None or now[0] != text:
                    outcome = Outcome(source, "unchanged", 0, "changed by another process")
                else:
                    orphans = replace_claims(session, doc_id, claims)
                    documents.mark_extracted(session, doc_id)
                    reason = f"{len(orphans)} verdicts orphaned" if orphans else None
                    outcome = Outcome(source, "updated", len(claims), reason)
        except Exception as exc:
            failure = database_failure(exc)
            if failure is None:
                raise  # not the database's: a bug, reported as such
            outcome = Outcome(source, "failed", reason=failure)
        report.outcomes.append(outcome)
        if on_document:
            on_document(outcome)
    return report
