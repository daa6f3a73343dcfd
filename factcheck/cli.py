"""The ``factcheck`` command line: thin Typer commands over the library.

Each command parses its options, calls one library function, and renders the
result: Rich tables for people, exact JSON or CSV for programs (stdout holds
nothing else; progress and messages go to stderr).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from factcheck import __version__
from factcheck.errors import FactcheckError, InputError, QueryError

if TYPE_CHECKING:
    from factcheck.storage.engine import Database

app = typer.Typer(
    name="factcheck",
    help="Extract the figures in news articles, store them as normalized claims, "
    "and see which agree or contradict across sources.\n\n"
    "Example: factcheck ingest seeds/ && factcheck agreements",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)
db_app = typer.Typer(help="Database schema commands.\n\nExample: factcheck db upgrade", no_args_is_help=True)
app.add_typer(db_app, name="db")

F = TypeVar("F", bound=Callable[..., Any])


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class ExportFormat(StrEnum):
    csv = "csv"
    json = "json"
    jsonl = "jsonl"
    claimreview = "claimreview"
    sqlite = "sqlite"


def _stderr():
    from rich.console import Console

    # soft_wrap: a message stays on one line however narrow the terminal (scripts grep it)
    return Console(stderr=True, soft_wrap=True, highlight=False)


# A table that goes to a file or a pipe is written at its natural width, one line per row
# however long, so that it is never folded mid-word at an assumed 80 columns.
_UNBOUNDED_WIDTH = 100_000


class _Output(Console):
    """Standard output for people; a reader that goes away is left quietly (see handle_errors)."""

    def on_broken_pipe(self) -> None:
        self.quiet = True
        raise BrokenPipeError


def _stdout() -> Console:
    console = _Output()
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = _Output(width=_UNBOUNDED_WIDTH)
    return console


def _table(**options: Any) -> Table:
    """A Rich table that fills a terminal's width, and keeps its natural width elsewhere."""
    return Table(header_style="bold", expand=_stdout().is_terminal, **options)


def handle_errors(func: F) -> F:
    """Turn factcheck's errors into one line on stderr and a non-zero exit."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except (typer.Exit, typer.Abort, typer.BadParameter):
            raise  # Typer's own ways out
        except BrokenPipeError:
            # the reader went away (`factcheck export | head`): not an error, and nothing to say
            _silence_stdout()
            raise typer.Exit(0) from None
        except FactcheckError as exc:
            _stderr().print(Text.assemble(("Error:", "red"), f" {exc}"))
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            _stderr().print("Interrupted.")
            raise typer.Exit(130) from None
        except Exception as exc:
            # a bug, not bad input: still one line for the user, the traceback on request
            if os.environ.get("FACTCHECK_DEBUG"):
                raise
            _stderr().print(Text.assemble(("Error:", "red"), f" unexpected {type(exc).__name__}: {exc} "
                                          "(set FACTCHECK_DEBUG=1 for the traceback)"))
            raise typer.Exit(70) from None

    return wrapper  # type: ignore[return-value]


def _show_version(shown: bool) -> None:
    if shown:
        try:
            typer.echo(__version__)
        except BrokenPipeError:
            _silence_stdout()
        raise typer.Exit()


@app.callback()
def _main(
    ctx: typer.Context,
    db: Annotated[str | None, typer.Option("--db", help="Database file or SQLAlchemy URL "
                                           "(default: $FACTCHECK_DB, else ./factcheck.db).",
                                           show_default=False)] = None,
    version: Annotated[bool, typer.Option("--version", help="Show the version and exit.", is_eager=True,
                                          callback=_show_version)] = False,
) -> None:
    ctx.obj = {"db": db}


def _open(ctx: typer.Context, *, writing: bool = False, report_links: bool = True) -> Database:
    """The database of ``--db``, opened (and upgraded); ``writing``: refused if it cannot be written (a
    snapshot). Unless ``report_links`` is off, says on stderr when its links were made by older rules.
    """
    from factcheck.storage.database import open_database

    database = open_database(ctx.obj.get("db") if ctx.obj else None)
    try:
        if writing:
            database.writable()
    except FactcheckError:
        database.close()
        raise
    if report_links and not database.links_current:
        _stderr().print(Text.assemble(("Warning:", "yellow"), f" {STALE_LINKS}"))
    return database


STALE_LINKS = ("the cross-references were made by older rules; run factcheck db relink to remake them "
               "(about a minute per million claims)")


def _print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
    sys.stdout.write("\n")


def _print_csv(rows: list[dict[str, Any]], columns: list[str] | None = None) -> None:
    from factcheck.export import write_csv

    write_csv(sys.stdout, rows, columns)


def _date(value: str | None, option: str = "--date") -> dt.date | None:
    if value is None:
        return None
    from factcheck.ingest.dates import parse_date

    try:
        return parse_date(value)
    except InputError as exc:
        raise InputError(f"{option}: {exc}") from None


# --- ingest ---------------------------------------------------------------------

_METADATA = "Metadata"
_ARCHIVES = "Archive exports (.csv, .jsonl, .json)"
_WEB = "Web pages, feeds and sitemaps"


@app.command()
@handle_errors
def ingest(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(
        help="Files or folders (searched recursively for .txt, .md, .html, .htm), archive exports (.csv, "
             ".jsonl, .json: an article per record), http(s) URLs; '-' reads one document from standard input.",
        show_default=False)] = None,
    feed: Annotated[list[str] | None, typer.Option(
        "--feed", metavar="URL", help="An RSS or Atom feed: its articles not ingested from it before (repeatable).",
        rich_help_panel=_WEB, show_default=False)] = None,
    sitemap: Annotated[list[str] | None, typer.Option(
        "--sitemap", metavar="URL", help="A sitemap, sitemap index or news sitemap: its articles not ingested "
        "from it before (repeatable).", rich_help_panel=_WEB, show_default=False)] = None,
    since: Annotated[str | None, typer.Option(
        metavar="DATE", help="Skip feed and sitemap articles dated before this day.", rich_help_panel=_WEB)] = None,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for a page before giving up.",
                                           rich_help_panel=_WEB)] = 20.0,
    delay: Annotated[float, typer.Option(min=0.0, help="Seconds between two requests to the same site "
                                         "(longer if its robots.txt asks).", rich_help_panel=_WEB)] = 1.0,
    ignore_robots: Annotated[bool, typer.Option("--ignore-robots", help="Fetch pages that robots.txt disallows.",
                                                rich_help_panel=_WEB)] = False,
    title: Annotated[str | None, typer.Option(help="Title (single document only).",
                                              rich_help_panel=_METADATA)] = None,
    url: Annotated[str | None, typer.Option(help="Source URL (single document only).",
                                            rich_help_panel=_METADATA)] = None,
    publisher: Annotated[str | None, typer.Option(help="Publisher of every document.",
                                                  rich_help_panel=_METADATA)] = None,
    date: Annotated[str | None, typer.Option(metavar="DATE", help="Publication date of every document: 2019-03-04, "
                                             "4 March 2019 or March 4, 2019.", rich_help_panel=_METADATA)] = None,
    manifest: Annotated[Path | None, typer.Option(
        metavar="FILE",
        help="A CSV file giving files their metadata: columns path, url, title, publisher, author, date.",
        rich_help_panel=_METADATA)] = None,
    text_field: Annotated[str | None, typer.Option(help="Field of the text (default: body, text, content, ...).",
                                                   rich_help_panel=_ARCHIVES, show_default=False)] = None,
    url_field: Annotated[str | None, typer.Option(help="Field of the URL (default: url, link, ...).",
                                                  rich_help_panel=_ARCHIVES, show_default=False)] = None,
    date_field: Annotated[str | None, typer.Option(help="Field of the date (default: date, published, ...).",
                                                   rich_help_panel=_ARCHIVES, show_default=False)] = None,
    title_field: Annotated[str | None, typer.Option(help="Field of the title (default: title, headline).",
                                                    rich_help_panel=_ARCHIVES, show_default=False)] = None,
    author_field: Annotated[str | None, typer.Option(help="Field of the author (default: author, byline, ...).",
                                                     rich_help_panel=_ARCHIVES, show_default=False)] = None,
    publisher_field: Annotated[str | None, typer.Option(
        help="Field of the publisher (default: publisher, source, ...).", rich_help_panel=_ARCHIVES,
        show_default=False)] = None,
    max_mb: Annotated[float, typer.Option("--max-mb", help="Refuse documents and pages larger than this many MB.")
                      ] = 20.0,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Read and extract files in this many processes; "
                                      "one process stores them.")] = 1,
) -> None:
    """Add documents and their claims to the database: files, folders, archive exports, web pages,
    and the new articles of feeds and sitemaps.

    Re-ingesting an unchanged document adds nothing; a changed one replaces its
    earlier version and claims in one transaction.

    Example: factcheck ingest archive/ --jobs 2
    Example: factcheck ingest --feed https://www.example.org/news/rss.xml --since 2019-03-01
    """
    from factcheck.ingest.archives import ArchiveFields
    from factcheck.ingest.pipeline import IngestRequest, Metadata, ingest_stdin

    paths = paths or []
    if not (paths or feed or sitemap):
        raise InputError("nothing to ingest: give files, folders, archive exports or URLs, or --feed or --sitemap")
    if "-" in paths and (len(paths) > 1 or feed or sitemap):
        raise InputError("'-' (one document from standard input) is read alone, without other inputs")
    given = Metadata(title, publisher, url, _date(date), None)
    if (title or url) and not _single_document(paths, feed, sitemap):
        raise InputError("--title and --url apply to a single document")
    max_bytes = int(max_mb * 1024 * 1024)
    database = _open(ctx, writing=True)
    try:
        if paths == ["-"]:
            report = ingest_stdin(database, sys.stdin.buffer.read(), given)
        else:
            from factcheck.ingest.fetch import FetchPolicy

            request = IngestRequest(
                paths=paths, feeds=feed or [], sitemaps=sitemap or [], given=given, manifest=manifest,
                fields=ArchiveFields(text_field, url_field, date_field, title_field, author_field, publisher_field),
                since=_date(since, "--since"), max_bytes=max_bytes, jobs=jobs,
                policy=FetchPolicy(timeout=timeout, delay=delay, robots=not ignore_robots, max_bytes=max_bytes))
            report = _ingest_with_progress(database, request)
    finally:
        database.close()
    _print_ingest_summary(report)
    if report.failed:
        raise typer.Exit(1)


def _single_document(paths: list[str], feeds: list[str] | None, sitemaps: list[str] | None) -> bool:
    from factcheck.ingest.archives import is_archive
    from factcheck.ingest.urls import looks_like_url

    if feeds or sitemaps or len(paths) != 1:
        return False
    path = paths[0]
    return path == "-" or looks_like_url(path) or (Path(path).is_file() and not is_archive(Path(path)))


class _IngestProgress:
    """A progress bar on stderr whose total grows as feeds and archives reveal their articles;
    each failure printed above it as it happens."""

    SHOWN_FROM = 20  # fewer documents than this go too fast to need a bar

    def __init__(self, progress: Any) -> None:
        self.progress = progress
        self.task = progress.add_task("ingest", total=0)
        self.total = 0

    def planned(self, count: int) -> None:
        self.total += count
        self.progress.update(self.task, total=self.total)
        if self.total >= self.SHOWN_FROM and self.progress.disable:
            self.progress.disable = False
            self.progress.start()

    def done(self, outcome: Any) -> None:
        self.progress.advance(self.task)
        if outcome.status == "failed":
            self.progress.console.print(Text.assemble(("failed:", "red"), f" {outcome.reason}"), soft_wrap=True)


def _ingest_with_progress(database: Database, request: Any) -> Any:
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from factcheck.ingest.pipeline import ingest

    with Progress(TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                  console=_stderr(), transient=True, disable=True) as progress:
        return ingest(database, request, _IngestProgress(progress))


def _print_ingest_summary(report: Any) -> None:
    console = _stderr()
    for o in report.outcomes:
        if o.status == "unchanged":
            console.print(f"unchanged: {o.source}", markup=False)
        elif o.status == "duplicate":
            console.print(f"duplicate: {o.source} ({o.reason})", markup=False)
        elif o.status in ("added", "updated") and o.reason:
            console.print(f"{o.status}: {o.source} ({o.reason}; see factcheck verdicts --orphaned)", markup=False)
    for note in report.notes:
        console.print(note, markup=False, highlight=False)
    console.print(
        f"added {report.count('added')}, updated {report.count('updated')}, "
        f"unchanged {report.count('unchanged')}, duplicate {report.count('duplicate')}, "
        f"failed {report.count('failed')}; {report.claims} claims stored",
        highlight=False,
    )


# --- extract -------------------------------------------------------------------------


@app.command()
@handle_errors
def extract(
    path: Annotated[Path, typer.Argument(help="A .txt, .md or .html file.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
    date: Annotated[str | None, typer.Option(help="The article's date, YYYY-MM-DD, for relative periods.")] = None,
) -> None:
    """Show the claims of one article without storing anything.

    Example: factcheck extract seeds/000_695a07a4156f1e4b.txt --format json
    """
    from factcheck.extract import extract as run_extract
    from factcheck.ingest.loader import load_path
    from factcheck.records import extracted_record

    doc = load_path(path)
    found = run_extract(doc.text, _date(date) or doc.date)
    records = [extracted_record(str(path), i, c) for i, c in enumerate(found, start=1)]
    _render_claims(records, format)


@app.command()
@handle_errors
def reextract(
    ctx: typer.Context,
    document: Annotated[str | None, typer.Option(help="Only this document (id or part of its source name).")] = None,
) -> None:
    """Re-run the current extractor over stored documents, each replaced atomically.

    Example: factcheck reextract --document 000_695a07a4156f1e4b
    """
    from factcheck.ingest.pipeline import reextract as run_reextract

    database = _open(ctx, writing=True)
    try:
        report = run_reextract(database, document)
    finally:
        database.close()
    if not report.outcomes:
        raise InputError(f"no document matches {document!r}" if document else "the database has no documents")
    for o in report.outcomes:
        if o.reason:
            _stderr().print(f"{o.source}: {o.reason}", markup=False)
    _stderr().print(f"re-extracted {report.count('updated')} documents, failed {report.count('failed')}; "
                    f"{report.claims} claims stored", highlight=False)
    if report.failed:
        raise typer.Exit(1)


# --- claims ----------------------------------------------------------------------------

CLAIM_COLUMNS = ["id", "document", "mention", "value", "unit", "qualifier", "change", "subject", "measure", "place",
                 "period", "speaker"]


_CLAIM_TABLE = ("subject", "measure", "place", "period", "speaker")  # the columns after the figure


def _render_claims(records: list[dict[str, Any]], format: Format) -> None:
    if format is Format.json:
        _print_json(records)
    elif format is Format.csv:
        _print_csv(records)
    else:

        table = _table()
        table.add_column("id", justify="right", no_wrap=True)
        table.add_column("document", overflow="ellipsis", max_width=12, no_wrap=True)
        table.add_column("figure", no_wrap=True, justify="right")
        for column in _CLAIM_TABLE:
            table.add_column(column, overflow="fold", ratio=2 if column == "measure" else 1)
        for r in records:
            table.add_row(str(r["id"]), Text(Path(str(r["document"])).stem), Text(format_figure(r)),
                          *[Text(r.get(c) or "") for c in _CLAIM_TABLE])
        _stdout().print(table)
        _stderr().print(f"{len(records)} claims", highlight=False)


_SYMBOLS = {"GBP": "£", "USD": "$", "EUR": "€", "JPY": "¥"}
_QUALIFIER_MARKS = {"lower_bound": ">", "upper_bound": "<", "approx": "~", "exact": ""}
_CHANGE_MARKS = {"increase": "▲ ", "decrease": "▼ "}


def format_figure(r: dict[str, Any]) -> str:
    """A claim's figure for people: ``▼ <70%``, ``£40,000,000``, ``>21,000``, ``~hundreds``."""
    value = r.get("value")
    unit = r.get("unit") or ""
    if value is None:
        number = r.get("mention") or "?"
    elif r.get("low") is not None and r.get("high") is not None and r["low"] != r["high"]:
        number = f"{r['low']:,.10g}–{r['high']:,.10g}"
    else:
        number = f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"
    if unit == "percent":
        number += "%"
    elif unit == "percentage_point":
        number += " pp"
    elif unit in _SYMBOLS:
        number = _SYMBOLS[unit] + number
    elif unit not in ("count", ""):
        number += f" {unit}"
    return f"{_CHANGE_MARKS.get(r.get('change') or '', '')}{_QUALIFIER_MARKS.get(r.get('qualifier') or '', '')}{number}"


def _cell(column: str, value: Any) -> str:
    if value is None:
        return ""
    if column == "document":
        return Path(str(value)).name
    if column == "value" and isinstance(value, (int, float)):
        return f"{value:,}"
    return str(value)


@app.command()
@handle_errors
def claims(
    ctx: typer.Context,
    search: Annotated[str | None, typer.Option(
        "--search", "-s", help="Words to find in mention, sentence or measure (stemmed, ranked).")] = None,
    document: Annotated[str | None, typer.Option(help="Document id or part of its source name.")] = None,
    speaker: Annotated[str | None, typer.Option(help="Part of the speaker's name.")] = None,
    measure: Annotated[str | None, typer.Option(help="Part of the measure.")] = None,
    subject: Annotated[str | None, typer.Option(help="Part of the subject: whose figure it is (a party, "
                                                "company, club, country, person, product).")] = None,
    place: Annotated[str | None, typer.Option(help="Part of the place.")] = None,
    unit: Annotated[str | None, typer.Option(help="Unit: count, percent, GBP, ...")] = None,
    min: Annotated[float | None, typer.Option("--min", help="Smallest value.")] = None,
    max: Annotated[float | None, typer.Option("--max", help="Largest value.")] = None,
    limit: Annotated[int | None, typer.Option(
        help="At most this many claims (default: 50 in a table, all in JSON/CSV).")] = None,
    sort: Annotated[str | None, typer.Option(help="Sort by: rank (with --search), id, value, unit, measure, place, "
                                             "speaker, subject, document, position.")] = None,
    desc: Annotated[bool, typer.Option("--desc", help="Sort in descending order.")] = False,
    rating: Annotated[str | None, typer.Option(help="Only claims whose latest verdict has this rating.")] = None,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List claims, filtered and sorted.

    Example: factcheck claims --measure officers --place "England and Wales" --format json
    """
    from factcheck.records import claim_record
    from factcheck.storage.claims import ClaimFilter, count_claims, query_claims

    page = _Page(limit, format, table_default=50)
    f = ClaimFilter(search, document, speaker, measure, place, unit, min, max,
                    sort or ("rank" if search else "id"), desc, page.fetch, rating, subject)
    database = _open(ctx)
    try:
        with database.read() as session:
            rows = page.cut([claim_record(c) for c in query_claims(session, f)])
            if page.more:
                page.total = count_claims(session, f)
    finally:
        database.close()
    _render_claims(rows, format)
    page.say_if_cut()


class _Page:
    """How much of a listing to show: ``--limit``, else ``table_default`` in a table and all in JSON/CSV.

    One more row than shown is fetched, to tell whether a table leaves some out.
    """

    def __init__(self, limit: int | None, format: Format, table_default: int) -> None:
        if limit is not None and limit < 0:
            raise QueryError("--limit must be 0 or more")
        self.table = format is Format.table
        self.shown = table_default if self.table and limit is None else limit
        self.fetch = None if self.shown is None else self.shown + 1
        self.more = False
        self.total: int | None = None  # how many there are in all, counted when a table leaves some out

    def cut(self, rows: list[Any]) -> list[Any]:
        if self.shown is None:
            return rows
        self.more = len(rows) > self.shown and self.table
        return rows[: self.shown]

    def say_if_cut(self) -> None:
        if self.more:
            of = f" of {self.total:,}" if self.total is not None else ""
            _stderr().print(f"showing the first {self.shown}{of}; use --limit to see more", highlight=False)


# --- sources ---------------------------------------------------------------------------


@app.command()
@handle_errors
def sources(
    ctx: typer.Context,
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format.")] = Format.table,
) -> None:
    """List the documents in the database with their number of claims.

    Example: factcheck sources --format csv
    """
    from factcheck.storage.claims import list_sources

    database = _open(ctx)
    try:
        with database.read() as session:
            rows = [
                {"id": s.id, "source": s.source, "title": s.title, "author": s.author, "publisher": s.publisher,
                 "date": s.published.isoformat() if s.published else None, "url": s.url, "place": s.place,
                 "claims": s.claims}
                for s in list_sources(session)
            ]
    finally:
        database.close()
    if format is Format.json:
        _print_json(rows)
    elif format is Format.csv:
        _print_csv(rows)
    else:

        table = _table()
        for column in ("id", "source", "title", "author", "publisher", "date", "place", "claims"):
            table.add_column(column, overflow="fold")
        for r in rows:
            table.add_row(str(r["id"]), Text(Path(r["source"]).name), Text(r["title"] or ""), Text(r["author"] or ""),
                          Text(r["publisher"] or ""), r["date"] or "", Text(r["place"] or ""), str(r["claims"]))
        _stdout().print(table)


# --- show ----------------------------------------------------------------------------------


@app.command()
@handle_errors
def show(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="The claim's id.")],
    format: Annotated[Format, typer.Option("--format", "-f", help="Output format (table or json).")] = Format.table,
) -> None:
    """Show one claim: its sentence with the figure highlighted, every field, and its cross-references.

    Example: factcheck show 12
    """
    from factcheck.records import claim_record
    from factcheck.storage.claims import get_claim
    from factcheck.storage.groups import cross_references
    from factcheck.storage.verdicts import list_verdicts, verdict_record

    database = _open(ctx)
    try:
        with database.read() as session:
            claim = get_claim(session, claim_id)
            record = claim_record(claim)
            document = {"id": claim.document.id, "source": claim.document.source, "title": claim.document.title,
                        "author": claim.document.author, "publisher": claim.document.publisher,
                        "url": claim.document.url,
                        "date": claim.document.published.isoformat() if claim.document.published else None}
            related = [{"status": status, "claims": [other], "explanation": why}
                       for status, other, why in cross_references(session, claim_id)]
            history = [verdict_record(v) for v in list_verdicts(session, claim_id=claim_id)]
    finally:
        database.close()
    if format is Format.json:
        _print_json({**record, "document_info": document, "cross_references": related, "verdicts": history})
        return
    _render_show(record, document, related, history)


def _render_show(record: dict[str, Any], document: dict[str, Any], related: list[dict[str, Any]],
                 history: list[dict[str, Any]]) -> None:
    from rich.panel import Panel
    from rich.text import Text

    console = _stdout()
    sentence = Text(record["sentence"])
    offset = record["start"] - record["sentence_start"]
    sentence.stylize("bold black on yellow", offset, offset + len(record["mention"]))
    console.print(Panel(sentence, title=f"claim {record['id']}", title_align="left"))
    fields = Table.grid(padding=(0, 2))
    fields.add_column(style="bold")
    fields.add_column()
    for key in ("mention", "value", "unit", "qualifier", "change", "subject", "measure", "place", "period", "speaker",
                "low", "high", "period_start", "period_end", "rule"):
        if record.get(key) is not None:
            fields.add_row(key, Text(_cell(key, record[key])))
    fields.add_row("document", Text(f"{document['source']} (id {document['id']})"))
    for key in ("title", "author", "publisher", "date", "url"):
        if document.get(key):
            fields.add_row(key, Text(str(document[key])))
    fields.add_row("span", f"{record['start']}–{record['end']}")
    console.print(fields)
    if history:
        latest = history[0]
        console.print()
        console.print(Text.assemble(("verdict: ", "bold"), (latest["rating"], _RATING_STYLES.get(latest["rating"], "")),
                                    f" — {latest['note']}",
                                    f" ({latest['by'] or 'unsigned'}, {latest['created_at'][:16]})"))
        for url in latest["evidence"]:
            console.print(Text(f"  evidence: {url}"))
        if len(history) > 1:
            console.print(Text(f"  {len(history) - 1} earlier verdicts: "
                               + ", ".join(f"{v['rating']} ({v['created_at'][:10]})" for v in history[1:]),
                               style="dim"))
    if not related:
        console.print("\nNo cross-references.")
    for r in related:
        colour = "green" if r["status"] == "agree" else "red"
        console.print()
        console.print(Text.assemble((r["status"], colour), f" with claims {', '.join(map(str, r['claims']))}: "
                                    f"{r['explanation']}"))


# --- verdicts ---------------------------------------------------------------------------------

_RATING_STYLES = {"true": "green", "mostly-true": "green", "half-true": "yellow", "misleading": "yellow",
                  "false": "red", "unverifiable": "dim"}


@app.command()
@handle_errors
def verdict(
    ctx: typer.Context,
    claim_id: Annotated[int, typer.Argument(help="The claim's id.")],
    rating: Annotated[str, typer.Option(help="true, mostly-true, half-true, misleading, false or unverifiable.")],
    note: Annotated[str, typer.Option(help="Why: the finding in a sentence or two.")],
    evidence: Annotated[list[str] | None, typer.Option(help="A URL of evidence (repeatable).")] = None,
    by: Annotated[str | None, typer.Option(help="Who records the verdict.")] = None,
    format: FormatOption = Format.table,
) -> None:
    """Record a verdict on a claim; earlier verdicts stay in its history.

    Example: factcheck verdict 25 --rating misleading --note "Workforce figures show 20,592." --by "Data desk"
    """
    from factcheck.storage.claims import get_claim
    from factcheck.storage.verdicts import VerdictInput, record_verdict, verdict_record

    database = _open(ctx, writing=True)
    try:
        with database.write() as session:
            record = verdict_record(record_verdict(session, get_claim(session, claim_id),
                                                   VerdictInput(rating, note, tuple(evidence or ()), by)))
    finally:
        database.close()
    if format is Format.json:
        _print_json(record)
    else:
        _stderr().print(f"verdict {record['id']} recorded on claim {claim_id}: {rating}", markup=False)


@app.command()
@handle_errors
def verdicts(
    ctx: typer.Context,
    claim: Annotated[int | None, typer.Option(help="Only the verdicts of this claim.")] = None,
    rating: Annotated[str | None, typer.Option(help="Only verdicts with this rating.")] = None,
    orphaned: Annotated[bool, typer.Option("--orphaned", help="Only verdicts whose claim is gone.")] = False,
    format: FormatOption = Format.table,
) -> None:
    """List verdicts, newest first.

    Example: factcheck verdicts --rating false --format csv
    """
    from factcheck.storage.verdicts import list_verdicts, verdict_record

    database = _open(ctx)
    try:
        with database.read() as session:
            rows = [verdict_record(v) for v in list_verdicts(session, claim_id=claim, orphaned=orphaned,
                                                             rating=rating)]
    finally:
        database.close()
    if format is Format.json:
        _print_json(rows)
    elif format is Format.csv:
        _print_csv([{**r, "evidence": " ".join(r["evidence"])} for r in rows])
    else:

        table = _table()
        table.add_column("id", no_wrap=True)
        table.add_column("claim", no_wrap=True)
        table.add_column("rating", no_wrap=True)
        table.add_column("mention", max_width=16)
        table.add_column("note", ratio=1, min_width=20)
        table.add_column("by", max_width=14)
        table.add_column("when", no_wrap=True)
        for r in rows:
            table.add_row(str(r["id"]), str(r["claim_id"] or "orphaned"),
                          Text(r["rating"], style=_RATING_STYLES.get(r["rating"], "")), Text(r["mention"]),
                          Text(r["note"]), Text(r["by"] or ""), (r["created_at"] or "")[:10])
        _stdout().print(table)


# --- export -----------------------------------------------------------------------------------


@app.command()
@handle_errors
def export(
    ctx: typer.Context,
    format: Annotated[ExportFormat, typer.Option(
        "--format", "-f", help="csv, json, jsonl, claimreview (JSON-LD of the claims with a verdict), or sqlite "
                               "(a read-only SQLite snapshot of the whole database, for Datasette; needs --output).",
    )] = ExportFormat.csv,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write to this file instead of stdout.")] = None,
    excel: Annotated[bool, typer.Option("--excel", help="CSV for Excel: UTF-8 with a byte-order mark.")] = False,
) -> None:
    """Export every claim with its document's metadata, its statistic and its latest verdict.

    Text cells that a spreadsheet would run as formulas are neutralized in CSV. A snapshot
    (--format sqlite) holds documents, claims with their statistics, links, verdicts, the
    search index and the views, from SQLite or PostgreSQL, and opens as it is in
    factcheck datasette or Datasette.

    Example: factcheck export --format csv --excel --output claims.csv
    """
    from factcheck.export import export_claims

    database = _open(ctx)
    try:
        count = export_claims(database, format.value, output, excel=excel)
    finally:
        database.close()
    if format is ExportFormat.sqlite:
        _stderr().print(f"{count} claims written to {output}, a read-only snapshot "
                        f"(factcheck --db {output} datasette)", highlight=False)
    elif output is not None:
        _stderr().print(f"{count} claims written to {output}", highlight=False)


# --- cross-references -----------------------------------------------------------------------------


def _groups(ctx: typer.Context, which: str, measure: str | None, place: str | None,
            document: str | None, page: _Page) -> list[dict[str, Any]]:
    from factcheck.records import claim_record
    from factcheck.storage import groups
    from factcheck.storage.claims import get_claims

    database = _open(ctx)
    try:
        with database.read() as session:
            f = groups.GroupFilter(measure, place, document)
            read = {"agree": groups.agreements, "conflict": groups.contradictions, "figures": groups.figures}
            found = page.cut(read[which](session, f, page.fetch))
            if page.more:
                page.total = groups.count_groups(session, which, f)
            claims = get_claims(session, [c.id for g in found for c in g.claims])
            return [
                {"id": g.id, "status": g.status, "explanation": g.explanation,
                 "claims": [claim_record(claims[c.id]) for c in g.claims]}
                for g in found
            ]
    finally:
        database.close()


def _render_groups(groups: list[dict[str, Any]], format: Format, title: str) -> None:
    if format is Format.json:
        _print_json(groups)
        return
    if format is Format.csv:
        rows = [{"group": g["id"], "status": g["status"], **{k: c[k] for k in CLAIM_COLUMNS},
                 "explanation": g["explanation"]} for g in groups for c in g["claims"]]
        _print_csv(rows)
        return

    console = _stdout()
    if not groups:
        console.print(f"No {title}.")
    for g in groups:
        colour = "red" if g["status"] == "conflict" else "green"
        table = Table(title=Text(f"{title[:-1].capitalize()} {g['id']} ({g['status']})", style=colour),
                      title_justify="left", header_style="bold")
        columns = ("id", "document", "mention", "subject", "measure", "place", "period", "speaker")
        for column in columns:
            table.add_column(column, overflow="fold")
        for c in g["claims"]:
            table.add_row(*[Text(_cell(k, c.get(k))) for k in columns])
        console.print(table)
        console.print(Text(g["explanation"], style="dim"))
        console.print()


MeasureOption = Annotated[str | None, typer.Option(help="Only groups with a claim whose measure contains this.")]
PlaceOption = Annotated[str | None, typer.Option(help="Only groups with a claim whose place contains this.")]
DocumentOption = Annotated[str | None, typer.Option(help="Only groups with a claim from a matching document.")]
GroupLimitOption = Annotated[int | None, typer.Option(
    help="At most this many groups (default: 20 in a table, all in JSON/CSV).")]


def _show_groups(ctx: typer.Context, which: str, measure: str | None, place: str | None, document: str | None,
                 limit: int | None, format: Format, title: str) -> None:
    page = _Page(limit, format, table_default=20)
    _render_groups(_groups(ctx, which, measure, place, document, page), format, title)
    page.say_if_cut()


FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]


@app.command()
@handle_errors
def agreements(ctx: typer.Context, measure: MeasureOption = None, place: PlaceOption = None,
               document: DocumentOption = None, limit: GroupLimitOption = None,
               format: FormatOption = Format.table) -> None:
    """Groups of claims from two or more documents that state the same figure for the same statistic.

    Example: factcheck agreements --measure officers --format json
    """
    _show_groups(ctx, "agree", measure, place, document, limit, format, "agreements")


@app.command()
@handle_errors
def contradictions(ctx: typer.Context, measure: MeasureOption = None, place: PlaceOption = None,
                   document: DocumentOption = None, limit: GroupLimitOption = None,
                   format: FormatOption = Format.table) -> None:
    """Pairs of claims about the same statistic whose figures cannot both hold.

    Example: factcheck contradictions --place London --format csv
    """
    _show_groups(ctx, "conflict", measure, place, document, limit, format, "contradictions")


@app.command()
@handle_errors
def figures(ctx: typer.Context, measure: MeasureOption = None, place: PlaceOption = None,
            document: DocumentOption = None, limit: GroupLimitOption = None,
            format: FormatOption = Format.table) -> None:
    """Every statistic reported more than once: who reported which figure, and whether they agree.

    Example: factcheck figures --measure officers
    """
    _show_groups(ctx, "figures", measure, place, document, limit, format, "figures")


@app.command()
@handle_errors
def check(
    ctx: typer.Context,
    document: DocumentOption = None,
    format: FormatOption = Format.table,
    problems: Annotated[bool, typer.Option("--problems", help="Only the checks that fail.")] = False,
) -> None:
    """Check the arithmetic inside each article: changes against levels, shares against counts.

    Example: factcheck check --document 000_695a07a4156f1e4b
    """
    from factcheck.consistency import check_document
    from factcheck.storage.groups import load_located

    database = _open(ctx)
    try:
        with database.read() as session:
            located = load_located(session, document)
    finally:
        database.close()
    results = [c for source, claims in located.items() for c in check_document(source, claims)]
    if problems:
        results = [c for c in results if c.status == "inconsistent"]
    rows = [{"status": c.status, "check": c.kind, "claims": list(c.claims), "document": c.document,
             "explanation": c.explanation} for c in results]
    if format is Format.json:
        _print_json(rows)
    elif format is Format.csv:
        _print_csv([{**r, "claims": " ".join(map(str, r["claims"]))} for r in rows])
    else:

        table = _table()
        table.add_column("status", no_wrap=True)
        table.add_column("claims", no_wrap=True)
        table.add_column("document", overflow="ellipsis", max_width=14, no_wrap=True)
        table.add_column("explanation", overflow="fold", ratio=1)
        for r in rows:
            colour = "green" if r["status"] == "consistent" else "red"
            table.add_row(Text(r["status"], style=colour), ", ".join(map(str, r["claims"])),
                          Text(Path(r["document"]).stem), Text(r["explanation"]))
        _stdout().print(table)
        _stderr().print(f"{len(rows)} checks", highlight=False)
    if any(r["status"] == "inconsistent" for r in rows):
        raise typer.Exit(3)


CONFIG_KEYS = {"publisher.name": "the name of the organisation that publishes the fact-checks",
               "publisher.url": "its web address (ClaimReview URLs are built from it)",
               "licence": "the licence of the database as a whole (shown by Datasette)"}
# per document set (the folder its files came from): set.NAME.source and set.NAME.licence
_SET_KEY = re.compile(r"set\.[^.\s]+\.(?:source|licence)")


@app.command()
@handle_errors
def config(
    ctx: typer.Context,
    key: Annotated[str | None, typer.Argument(help="publisher.name or publisher.url; none lists all.")] = None,
    value: Annotated[str | None, typer.Argument(help="The new value; none prints the current one.")] = None,
) -> None:
    """Show or set the database's settings: the publishing organisation for ClaimReview, and the
    source and licence of each document set (the folder its files came from) for Datasette.

    Example: factcheck config set.bbc.licence "BBC News dataset: research use only"
    """
    from factcheck.storage.settings import get_setting, set_keys, set_setting

    if key is not None and key not in CONFIG_KEYS and not _SET_KEY.fullmatch(key):
        raise InputError(f"unknown setting {key!r}; settings: {', '.join(CONFIG_KEYS)}, "
                         "set.NAME.source, set.NAME.licence")
    if key == "publisher.url" and value is not None and not value.startswith(("http://", "https://")):
        raise InputError("publisher.url must start with http:// or https://")
    database = _open(ctx, writing=value is not None)
    try:
        if value is not None:
            with database.write() as session:
                set_setting(session, key, value)  # type: ignore[arg-type]
        with database.read() as session:
            keys = [key] if key else [*CONFIG_KEYS, *set_keys(session)]
            current = {k: get_setting(session, k) for k in keys}
    finally:
        database.close()
    for k, v in current.items():
        typer.echo(f"{k} = {v if v is not None else ''}")


@app.command()
@handle_errors
def datasette(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8001,
    metadata_only: Annotated[bool, typer.Option("--metadata", help="Print the Datasette metadata and exit.")] = False,
) -> None:
    """Serve the database in Datasette, with descriptions, search and canned queries.

    Needs the extra: pip install 'factcheck\\[datasette]'.

    Example: factcheck --db newsroom.db datasette --port 8001
    """
    from factcheck.publish import metadata, serve
    from factcheck.storage.datasette import document_sets, publisher

    database = _open(ctx)
    try:
        if not database.is_sqlite:
            raise InputError("Datasette serves SQLite files: write a snapshot of this database "
                             "(factcheck export --format sqlite --output snapshot.db) and serve that "
                             "(factcheck --db snapshot.db datasette)")
        snapshot = database.is_snapshot
        path = Path(database.file or "")
        with database.read() as session:
            organisation = publisher(session)
            meta = metadata(path.stem, organisation["publisher.name"], organisation["publisher.url"],
                            document_sets(session), organisation["licence"])
    finally:
        database.close()
    if metadata_only:
        _print_json(meta)
        return
    raise typer.Exit(serve(path, meta, host, port, immutable=snapshot))


# --- db ----------------------------------------------------------------------------------------------


@db_app.command("upgrade")
@handle_errors
def db_upgrade(ctx: typer.Context) -> None:
    """Bring the database to the latest schema (opening it does this too).

    Example: factcheck --db newsroom.db db upgrade
    """
    from factcheck.storage.engine import shown_url
    from factcheck.storage.schema import current_revision

    database = _open(ctx, report_links=False)
    try:
        typer.echo(f"{shown_url(database.url)}: at revision {current_revision(database.engine)}")
        if not database.links_current:
            _stderr().print(Text.assemble(("Warning:", "yellow"), f" {STALE_LINKS}"))
    finally:
        database.close()


@db_app.command("relink")
@handle_errors
def db_relink(ctx: typer.Context) -> None:
    """Remake every cross-reference by the current rules: after an upgrade that changed them (commands then
    say so), or at any time. About half a minute per million claims on SQLite, while other
    writers wait; a minute on PostgreSQL, while other commands wait.

    Example: factcheck --db newsroom.db db relink
    """
    import time

    from factcheck.storage.links import rebuild_links

    database = _open(ctx, writing=True, report_links=False)
    try:
        started = time.perf_counter()
        with database.write(check_references=False) as session:  # every link refers to claims it reads
            links = rebuild_links(session)
    finally:
        database.close()
    _stderr().print(f"relinked: {links:,} links in {time.perf_counter() - started:.1f} s", highlight=False)


@db_app.command("current")
@handle_errors
def db_current(ctx: typer.Context) -> None:
    """Print the database's schema revision and the newest one this version knows.

    Example: factcheck db current
    """
    from factcheck.storage.database import link_rules
    from factcheck.storage.schema import head_revision, stored_revision

    db = ctx.obj.get("db") if ctx.obj else None
    current = stored_revision(db)
    head = head_revision()
    state = "up to date" if current == head else "needs upgrade"
    typer.echo(f"current: {current or 'none'}; head: {head} ({state})")
    if current == head:
        rules, latest = link_rules(db)
        made = "the current rules" if rules == latest else "older rules: run factcheck db relink"
        typer.echo(f"links: version {rules or 'none'}, made by {made} (rules version {latest})")


def _silence_stdout() -> None:
    """Point standard output at the null device, so that what is still buffered for a reader
    that has gone is not written again when the process exits (another broken pipe).
    """
    with contextlib.suppress(OSError, ValueError):  # no file descriptor behind stdout (a test's capture)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())


def main() -> None:
    """Entry point of the ``factcheck`` command."""
    try:
        app(prog_name="factcheck")
    except BrokenPipeError:  # while Typer itself writes: help, a version
        _silence_stdout()
        sys.exit(0)
