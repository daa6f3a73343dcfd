"""Ingest documents: load, extract, and store each one with all its claims or not at all.

Documents come from files and folders, archive exports (a document per record), web
pages, and the articles that feeds and sitemaps list. Whatever goes wrong with one
input fails it alone, with one line saying why; the others are stored.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from factcheck.errors import FactcheckError, InputError
from factcheck.extract import ExtractedClaim, analyse
from factcheck.ingest.archives import ArchiveFields, is_archive, read_archive
from factcheck.ingest.loader import (
    DEFAULT_MAX_BYTES,
    LoadedDocument,
    iter_document_paths,
    load_bytes,
    too_large_message,
)
from factcheck.ingest.manifest import Manifest, file_key, read_manifest
from factcheck.ingest.metadata import Metadata, StoredVersion
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
from factcheck.ingest.urls import checked_url, looks_like_url, normalize_url
from factcheck.storage import documents
from factcheck.storage.documents import DocumentMeta, store_new_documents
from factcheck.storage.engine import Database, Session, database_failure
from factcheck.storage.links import link_document, link_documents, unlink_document
from factcheck.storage.verdicts import reattach_verdicts

if TYPE_CHECKING:  # imported where pages are fetched: not worth its time for files alone
    from factcheck.ingest.feeds import Link
    from factcheck.ingest.fetch import Fetcher, FetchPolicy, Response

STATUSES = ("added", "updated", "unchanged", "duplicate", "failed")

# Metadata given for documents: on the command line, or by a manifest. (The name it had
# when it was only the command line's.)
Overrides = Metadata


@dataclass
class IngestReport:
    """The outcomes of an ingest run, their totals, and notes on what was skipped."""

    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def claims(self) -> int:
        return sum(o.claims for o in self.outcomes if o.status in ("added", "updated"))

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


class Progress(Protocol):
    """Told how many more inputs are known as they come to light, and each one's outcome."""

    def planned(self, count: int) -> None: ...

    def done(self, outcome: Outcome) -> None: ...


class _Quiet:
    def planned(self, count: int) -> None:
        pass

    def done(self, outcome: Outcome) -> None:
        pass


@dataclass(frozen=True)
class IngestRequest:
    """Everything one ``factcheck ingest`` is asked to add, and how."""

    paths: Sequence[str] = ()  # files, folders, archive exports and URLs, as given
    feeds: Sequence[str] = ()
    sitemaps: Sequence[str] = ()
    given: Metadata = Metadata()  # for every document, winning over what documents say of themselves
    manifest: Path | None = None
    fields: ArchiveFields = ArchiveFields()
    since: dt.date | None = None  # feed and sitemap items older than this are skipped
    policy: FetchPolicy | None = None  # None: the defaults, with max_bytes
    max_bytes: int = DEFAULT_MAX_BYTES
    jobs: int = 1


def source_name(path: Path) -> str:
    """The stored source name of a file: its absolute path, so re-ingesting finds it again."""
    return str(path.expanduser().absolute())


def _document_meta(p: Prepared) -> DocumentMeta:
    assert p.doc is not None
    return DocumentMeta(source=p.source, kind=p.doc.kind, encoding=p.doc.encoding, url=p.meta.url,
                        title=p.meta.title, author=p.meta.author, publisher=p.meta.publisher,
                        published=p.meta.date, place=p.place)


def store_loaded(db: Database, doc: LoadedDocument, source: str, overrides: Metadata = Metadata()) -> Outcome:
    """Extract a loaded document and store it in one transaction, unless nothing changed."""
    prepared = extracted(source, source, doc, overrides, _stored_versions(db, [source]).get(source))
    return _store_batch(db, [prepared])[0]


# A batch of documents is stored in one transaction: fewer commits and one
# linking pass, while each document is still stored whole or not at all.
BATCH_DOCUMENTS = 256
BATCH_CHARACTERS = 4_000_000
# Pages come one by one from the web: stored a few at a time, so that little is lost to an interruption.
WEB_BATCH_DOCUMENTS = 16


def _stored_versions(db: Database, sources: list[str]) -> dict[str, StoredVersion]:
    """What is stored under each of these sources that is in the database: digest, claims, metadata."""
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


def _store_batch(db: Database, batch: list[Prepared]) -> list[Outcome]:
    """Store a batch of extracted documents in one transaction; outcomes in the batch's order."""
    outcomes: dict[int, Outcome] = {i: p.outcome for i, p in enumerate(batch) if p.outcome is not None}
    pending = [(i, p) for i, p in enumerate(batch) if p.outcome is None]
    if pending:
        try:
            with db.write() as session:
                stored = documents.stored_versions(session, [p.source for _, p in pending])
                twins = documents.sources_of_texts(session, [p.digest for _, p in pending])
                fresh: list[tuple[DocumentMeta, str, list[ExtractedClaim]]] = []
                for i, p in pending:
                    assert p.doc is not None
                    meta = _document_meta(p)
                    if p.source in stored:
                        version = stored[p.source]
                        if version.digest == p.digest and version.meta == p.meta:  # stored meanwhile elsewhere
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
                    outcomes[i] = _store_batch(db, [p])[0]
            else:
                reason = database_failure(exc) or error_summary(exc)
                for i, p in pending:
                    outcomes[i] = Outcome(p.shown, "failed", reason=f"{p.source}: could not store: {reason}")
    return [outcomes[i] for i in range(len(batch))]


def _batches(prepared: Iterable[Prepared], size: int = BATCH_DOCUMENTS) -> Iterator[list[Prepared]]:
    batch: list[Prepared] = []
    characters = 0
    for item in prepared:
        batch.append(item)
        characters += len(item.doc.text) if item.doc is not None else 0
        if len(batch) >= size or characters >= BATCH_CHARACTERS:
            yield batch
            batch, characters = [], 0
    if batch:
        yield batch


def _with_stored(db: Database, tasks: Iterable[Task]) -> Iterator[Task]:
    """The tasks with what the database holds under their sources, looked up a chunk of tasks at a time."""
    chunk: list[Task] = []

    def flush() -> Iterator[Task]:
        stored = _stored_versions(db, [task.source for task in chunk])
        yield from (replace(task, stored=stored.get(task.source)) for task in chunk)
        chunk.clear()

    for task in tasks:
        chunk.append(task)
        if len(chunk) >= BATCH_DOCUMENTS:
            yield from flush()
    yield from flush()


def _file_tasks(paths: Iterable[Path], max_bytes: int, given: Metadata,
                manifest: Manifest | None = None, used: set[str] | None = None) -> Iterator[Task]:
    for path in paths:
        meta = given
        if manifest is not None:
            key = file_key(path)
            meta = given.over(manifest.entries.get(key, Metadata()))
            if used is not None:
                used.add(key)
        yield Task(source_name(path), max_bytes, meta, None, path=path)


def _store_tasks(db: Database, tasks: Iterable[Task], jobs: int, on_outcome: Callable[[Outcome], None]) -> None:
    """Prepare the tasks (in ``jobs`` processes) and store them a batch per transaction."""
    tasks = _with_stored(db, tasks)
    prepared = map(prepare, tasks) if jobs <= 1 else _prepared_in_parallel(tasks, jobs)
    for batch in _batches(prepared):
        for outcome in _store_batch(db, batch):
            on_outcome(outcome)


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
    overrides: Metadata = Metadata(),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: Callable[[Outcome], None] | None = None,
    jobs: int = 1,
    manifest: Manifest | None = None,
) -> IngestReport:
    """Ingest every document under ``paths``; failures are reported, the rest stored.

    Files are read and extracted in ``jobs`` processes (this one alone when 1) and
    stored by this process, a batch of documents per transaction. ``overrides`` give
    every document its metadata, over what a ``manifest`` says, over what the file says.
    """
    report = IngestReport()

    def record(outcome: Outcome) -> None:
        report.outcomes.append(outcome)
        if on_file:
            on_file(outcome)

    used: set[str] = set()
    tasks = _file_tasks(iter_document_paths(paths), max_bytes, overrides, manifest, used)
    _store_tasks(db, tasks, jobs, record)
    if manifest is not None and (unused := manifest.unused(used)):
        report.notes.append(f"{manifest.name}: {len(unused)} of its files not among those ingested "
                            f"(first: {unused[0]})")
    return report


def ingest_stdin(db: Database, raw: bytes, overrides: Metadata = Metadata(), kind: str | None = None) -> IngestReport:
    """Ingest one document read from standard input; its source is ``--url`` or its hash."""
    source = overrides.url or f"stdin:{hashlib.sha256(raw).hexdigest()[:16]}"
    stored = _stored_versions(db, [source]).get(source)
    try:
        doc = replace(load_bytes(raw, source, kind), source=source)
        prepared = extracted(source, source, doc, overrides, stored)
    except Exception as exc:  # reported as the document's failure
        prepared = Prepared(source, source, outcome=Outcome(source, "failed", reason=failure_reason(source, exc)))
    return IngestReport(_store_batch(db, [prepared]))


# --- everything one ingest is asked for ----------------------------------------------------------

MAX_SITEMAPS = 1000  # sitemap files read for one --sitemap, its index's sitemaps included


def ingest(db: Database, request: IngestRequest, progress: Progress | None = None) -> IngestReport:
    """Ingest the files, folders, archive exports, URLs, feeds and sitemaps of ``request``.

    Each document is stored with all its claims or not at all; each input that fails
    is one outcome with its reason, and the others are stored. A manifest that cannot
    be read raises InputError before anything is ingested.
    """
    progress = progress or _Quiet()
    report = IngestReport()

    def record(outcome: Outcome) -> None:
        report.outcomes.append(outcome)
        progress.done(outcome)

    manifest = read_manifest(request.manifest) if request.manifest is not None else None
    files: list[Path] = []
    archives: list[Path] = []
    urls: list[str] = []
    for argument in request.paths:
        if looks_like_url(argument):
            urls.append(argument)
        elif is_archive(Path(argument)) and not Path(argument).is_dir():
            archives.append(Path(argument))
        else:
            files.append(Path(argument))
    documents = list(iter_document_paths(files))
    progress.planned(len(documents) + len(urls))
    if documents or manifest is not None:
        files_report = ingest_paths(db, documents, request.given, max_bytes=request.max_bytes, on_file=record,
                                    jobs=request.jobs, manifest=manifest)
        report.notes.extend(files_report.notes)
    for archive in archives:
        _ingest_archive(db, archive, request, progress, record)
    if urls or request.feeds or request.sitemaps:
        from factcheck.ingest.feeds import Link
        from factcheck.ingest.fetch import Fetcher, FetchPolicy

        fetcher = Fetcher(request.policy or FetchPolicy(max_bytes=request.max_bytes))
        _ingest_links(db, fetcher, [Link(url) for url in urls], request.given, record)
        for url in request.feeds:
            _ingest_listing(db, fetcher, "feed", url, request, progress, record, report.notes)
        for url in request.sitemaps:
            _ingest_listing(db, fetcher, "sitemap", url, request, progress, record, report.notes)
    return report


def _failed(shown: str, reason: str) -> Outcome:
    return Outcome(shown, "failed", reason=f"{shown}: {reason}")


# --- archive exports ------------------------------------------------------------------------------


def _ingest_archive(db: Database, path: Path, request: IngestRequest, progress: Progress,
                    record: Callable[[Outcome], None]) -> None:
    """Each record of an archive export as a document: under its URL when it has one, else as FILE#row=N."""
    shown, base = str(path), source_name(path)

    def tasks() -> Iterator[Task]:
        for item in read_archive(path, request.fields):
            progress.planned(1)
            label = f"{shown}#{item.label}"
            size = len(item.text.encode("utf-8"))
            error = item.error or (too_large_message("", size, request.max_bytes).removeprefix(": ")
                                   if size > request.max_bytes else None)
            if error is not None:
                yield Task(f"{base}#{item.label}", request.max_bytes, request.given, None, label=label, error=error)
                continue
            source = _record_source(item.meta.url) or f"{base}#{item.label}"
            doc = LoadedDocument(source=source, text=item.text, kind=item.kind, encoding="utf-8")
            yield Task(source, request.max_bytes, request.given.over(item.meta), None, doc=doc, label=label)

    try:
        _store_tasks(db, tasks(), request.jobs, record)
    except InputError as exc:  # the file as a whole: unreadable, not CSV or JSON, no text field
        progress.planned(1)
        record(_failed(shown, str(exc)))


def _record_source(url: str | None) -> str | None:
    """A record's URL, as it is stored: only a web address names a document."""
    if not url:
        return None
    try:
        return normalize_url(checked_url(url))
    except InputError:
        return None


# --- web pages, feeds and sitemaps -----------------------------------------------------------------


def _ingest_links(db: Database, fetcher: Fetcher, links: Sequence[Link], given: Metadata,
                  record: Callable[[Outcome], None],
                  on_stored: Callable[[dict[str, str]], None] | None = None) -> None:
    """Fetch each link's page and store it under its canonical URL, a few pages per transaction.

    ``on_stored`` is told, batch by batch, the links whose pages are now in the database
    (added, updated, unchanged or duplicate), with the source each is stored under.
    """
    responses = fetcher.get_all([link.url for link in links])
    prepared = (_prepare_page(db, link, result, given, fetcher.policy.max_bytes)
                for link, (_, result) in zip(links, responses, strict=True))
    for batch in _batches(prepared, WEB_BATCH_DOCUMENTS):
        stored: dict[str, str] = {}
        for p, outcome in zip(batch, _store_batch(db, batch), strict=True):
            record(outcome)
            if outcome.status != "failed":
                stored[p.shown] = p.source
        if on_stored is not None and stored:
            on_stored(stored)


_KINDS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "text/markdown": "markdown"}


def _prepare_page(db: Database, link: Link, result: Response | FactcheckError, given: Metadata,
                  max_bytes: int) -> Prepared:
    """A fetched page loaded and extracted, with what its link said as metadata where the page says nothing."""
    from factcheck.ingest.urls import canonical_url

    shown = link.url
    if isinstance(result, FactcheckError):
        return Prepared(shown, shown, outcome=_failed(shown, str(result)))
    try:
        doc = load_bytes(result.body, result.final_url, _KINDS.get(result.media_type), max_bytes=max_bytes)
        source = canonical_url(result.final_url, doc.canonical)
        doc = replace(doc, source=source, url=source)
        return extracted(shown, source, doc, given, _stored_versions(db, [source]).get(source), fallback=link.meta)
    except Exception as exc:  # this page fails alone
        reason = failure_reason(shown, exc).removeprefix(f"{result.final_url}: ").removeprefix(f"{shown}: ")
        return Prepared(shown, shown, outcome=_failed(shown, reason))


def _ingest_listing(db: Database, fetcher: Fetcher, kind: str, url: str, request: IngestRequest,
                    progress: Progress, record: Callable[[Outcome], None], notes: list[str]) -> None:
    """The new articles of a feed or sitemap: those not ingested from it before, and not older than ``since``."""
    channel = normalize_url(url)
    try:
        links = _read_feed(fetcher, url) if kind == "feed" else _read_sitemap(fetcher, url, request, progress, record)
    except FactcheckError as exc:
        progress.planned(1)
        record(_failed(url, str(exc)))
        return
    with db.read() as session:
        seen = documents.seen_links(session, channel, [normalize_url(link.url) for link in links])
    new = [link for link in links if normalize_url(link.url) not in seen
           and not (request.since and link.day and link.day < request.since)]
    older = len(links) - len(new) - len(seen)
    skipped = [f"{len(seen)} seen before" if seen else "", f"{older} older than {request.since}" if older else ""]
    notes.append(f"{url}: {len(links)} articles listed, {len(new)} new" + "".join(f", {s}" for s in skipped if s))
    progress.planned(len(new))

    def remember(stored: dict[str, str]) -> None:
        with db.write() as session:
            documents.remember_links(session, channel,
                                     {normalize_url(link): source for link, source in stored.items()})

    _ingest_links(db, fetcher, new, request.given, record, on_stored=remember)


def _read_feed(fetcher: Fetcher, url: str) -> list[Link]:
    from factcheck.ingest.feeds import parse_feed

    response = fetcher.get(url, accept=None, what="a feed")
    return parse_feed(response.body, response.final_url)


def _read_sitemap(fetcher: Fetcher, url: str, request: IngestRequest, progress: Progress,
                  record: Callable[[Outcome], None]) -> list[Link]:
    """The pages of a sitemap, and of every sitemap its index lists (those changed since ``since``).

    The sitemap named fails as a whole; a sitemap its index lists fails alone.
    """
    from factcheck.ingest.feeds import parse_sitemap

    pages: list[Link] = []
    queue, visited = [url], set()
    while queue and len(visited) < MAX_SITEMAPS:
        current = queue.pop(0)
        if current in visited:
            continue
        visited.add(current)
        try:
            response = fetcher.get(current, accept=None, what="a sitemap")
            sitemap = parse_sitemap(response.body, response.final_url, request.max_bytes)
        except FactcheckError as exc:
            if current == url:
                raise
            progress.planned(1)
            record(_failed(current, str(exc)))
            continue
        pages.extend(sitemap.pages)
        queue.extend(child.url for child in sitemap.sitemaps
                     if not (request.since and child.modified and child.modified < request.since))
    return pages


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
            found = analyse(text, published)
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
                    orphans = replace_claims(session, doc_id, found.claims)
                    documents.mark_extracted(session, doc_id, found.place)
                    reason = f"{len(orphans)} verdicts orphaned" if orphans else None
                    outcome = Outcome(source, "updated", len(found.claims), reason)
        except Exception as exc:
            failure = database_failure(exc)
            if failure is None:
                raise  # not the database's: a bug, reported as such
            outcome = Outcome(source, "failed", reason=failure)
        report.outcomes.append(outcome)
        if on_document:
            on_document(outcome)
    return report
