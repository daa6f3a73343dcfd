"""Benchmark: ingest speed on a corpus, and query latency on a large generated database.

Run it from a source checkout or an installed package:

    python -m factcheck.bench --corpus path/to/articles --claims 1000000 --output bench.json

With ``--crossref-only`` it times just cross-referencing the generated databases; with
``--extract-only``, just extraction (``extract()`` over the corpus's texts, no database):

    python -m factcheck.bench --corpus path/to/articles --extract-only --ingest-runs 5

It prints the figures as it goes and writes them all as JSON, so that runs can be
compared. Nothing here is a test: the figures depend on the machine.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any


def high_water_kb(pid: int | str = "self") -> int | None:
    """A running process's own peak resident memory in kB (Linux ``VmHWM``); ``None`` where unknown.

    ``ru_maxrss`` is no substitute: Linux carries a parent's resident size into a
    child through fork and exec, so a child seems to use what its parent uses.
    """
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return None
    for line in status.splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return None


def _own_peak_mb() -> float:
    kb = high_water_kb()
    return (kb if kb is not None else resource.getrusage(resource.RUSAGE_SELF).ru_maxrss) / 1024


def _ingest_child(db_url: str, corpus: str, jobs: int, queue: Any) -> None:
    from factcheck.ingest import pipeline
    from factcheck.ingest.loader import iter_document_paths
    from factcheck.storage.database import open_database

    linking_seconds = 0.0
    link_documents = pipeline.link_documents

    def timed(*args: Any, **kwargs: Any) -> int:
        nonlocal linking_seconds
        started = time.perf_counter()
        try:
            return link_documents(*args, **kwargs)
        finally:
            linking_seconds += time.perf_counter() - started

    pipeline.link_documents = timed  # the cross-reference step, timed under the name the pipeline calls
    database = open_database(db_url)
    files = list(iter_document_paths([Path(corpus)]))
    size = sum(f.stat().st_size for f in files)
    started = time.perf_counter()
    report = pipeline.ingest_paths(database, files, jobs=jobs)
    elapsed = time.perf_counter() - started
    database.close()
    queue.put({"jobs": jobs, "articles": len(files), "bytes": size, "seconds": round(elapsed, 2),
               "claims": report.claims, "stored": report.count("added"), "duplicates": report.count("duplicate"),
               "failed": report.count("failed"), "crossref_seconds": round(linking_seconds, 2),
               "peak_memory_mb": round(_own_peak_mb(), 1)})


def bench_ingest(corpus: Path, folder: Path, jobs: int = 1) -> dict[str, Any]:
    """Ingest ``corpus`` into a fresh database in a fresh process: throughput, cross-reference time, peak memory."""
    db_path = folder / f"ingest-{jobs}.db"
    for stale in folder.glob(f"{db_path.name}*"):  # a fresh database each run, with no journal left over
        stale.unlink()
    result = _in_fresh_process(_ingest_child, f"sqlite:///{db_path}", str(corpus), jobs)
    seconds = result["seconds"]
    result.update(articles_per_s=round(result["articles"] / seconds, 1),
                  mb_per_s=round(result["bytes"] / 1e6 / seconds, 3),
                  claims_per_s=round(result["claims"] / seconds, 1))
    return result


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    """The run of median time (``seconds``), the later of the two middle ones for an even count."""
    return sorted(runs, key=lambda run: run["seconds"])[len(runs) // 2]


def bench_ingest_runs(corpus: Path, folder: Path, jobs: list[int], runs: int) -> dict[str, dict[str, Any]]:
    """:func:`bench_ingest` ``runs`` times for each number of processes in ``jobs``, the runs taking turns.

    The run of median time is reported, with the times of all: on a shared machine one
    run can be much slower than the next. With more than one process, the speed-up is
    over the median run in one process. The last run in one process is left in ``folder``.
    """
    times: dict[int, list[dict[str, Any]]] = {n: [] for n in jobs}
    for _ in range(max(runs, 1)):
        for n in jobs:
            times[n].append(bench_ingest(corpus, folder, jobs=n))
    found: dict[str, dict[str, Any]] = {}
    for n, results in times.items():
        found["ingest" if n == 1 else f"ingest_jobs_{n}"] = {**_median_run(results),
                                                              "runs_seconds": [r["seconds"] for r in results]}
    for n in jobs[1:]:
        found[f"ingest_jobs_{n}"]["speedup"] = round(found["ingest"]["seconds"] / found[f"ingest_jobs_{n}"]["seconds"],
                                                     2)
    return found


def bench_extraction(corpus: Path) -> dict[str, Any]:
    """Extraction alone, in this process, after a warm-up: MB/s of text."""
    from factcheck.errors import FactcheckError
    from factcheck.extract import extract
    from factcheck.ingest.loader import iter_document_paths, load_path

    texts = []
    for path in iter_document_paths([corpus]):
        try:
            texts.append(load_path(path).text)
        except FactcheckError:  # the ingest figures count failures; here they are just skipped
            continue
    started = time.perf_counter()
    # the warm-up reads texts until one has claims: the patterns that only figures need are built then, once
    next((t for t in texts if extract(t)), None)
    warm_up = time.perf_counter() - started
    size = sum(len(t.encode("utf-8")) for t in texts)
    started = time.perf_counter()
    claims = sum(len(extract(t)) for t in texts)
    seconds = time.perf_counter() - started
    chars = sum(len(t) for t in texts)
    return {"texts": len(texts), "mb": round(size / 1e6, 2), "seconds": round(seconds, 2),
            "mb_per_s": round(size / 1e6 / seconds, 3), "chars_per_s": round(chars / seconds), "claims": claims,
            "warm_up_seconds": round(warm_up, 2)}


def _extraction_child(corpus: str, queue: Any) -> None:
    queue.put(bench_extraction(Path(corpus)))


def bench_extraction_runs(corpus: Path, runs: int) -> dict[str, Any]:
    """:func:`bench_extraction` ``runs`` times, each in a fresh process (so that its warm-up is a cold start).

    The run of median time is reported, with the times of all.
    """
    results = [_in_fresh_process(_extraction_child, str(corpus)) for _ in range(max(runs, 1))]
    return {**_median_run(results), "runs_seconds": [r["seconds"] for r in results],
            "runs_mb_per_s": [r["mb_per_s"] for r in results]}


_PLACES = ["London", "Scotland", "Wales", "England", "Manchester", "Glasgow", "UK", "France", "US", "Leeds",
           "Birmingham", "Cardiff", "Belfast", "Germany", "Ireland", "Liverpool", "Bristol", "Kent", None, None]
_DOCUMENT_COLUMNS = ["id", "source", "kind", "encoding", "sha256", "text", "extractor", "ingested_at"]


def _generated(sample: list[tuple[Any, ...]], columns: list[str], target: int, seed: int,
               per_doc: int = 50) -> Iterator[tuple[tuple[Any, ...], list[tuple[Any, ...]]]]:
    """Documents of ``per_doc`` claims, ``target`` claims in all, each a sampled claim in another place
    and period, its figure often changed: (document row, claim rows), the same for a seed on any engine.
    """
    rng = random.Random(seed)
    years = list(range(1990, 2025))
    made = doc_id = 0
    while made < target:
        doc_id += 1
        document = (doc_id, f"bench/{doc_id:07d}.txt", "text", "utf-8", f"{doc_id:064d}", "", "bench",
                    "2024-01-01 00:00:00")
        rows = []
        for i in range(min(per_doc, target - made)):
            row = dict(zip(columns, rng.choice(sample), strict=True))
            row["span_start"], row["span_end"] = i * 10, i * 10 + 5
            row["place"] = rng.choice(_PLACES)
            year = rng.choice(years)
            row["period"], row["period_start"], row["period_end"] = rng.choice(
                [(f"in {year}", f"{year}-01-01", f"{year}-12-31"), (None, None, None)])
            if row["value"] is not None:
                row["value"] = row["value"] * rng.choice([1, 1, 1, 0.5, 2, 1.1, 0.9, 3])
                row["value_text"] = repr(row["value"])
            rows.append((doc_id, *[row[c] for c in columns]))
        made += len(rows)
        yield document, rows


def _sample_claims(source_url: str, columns: list[str]) -> list[tuple[Any, ...]]:
    """Every claim of the ingested corpus: the fields a generated claim takes from one, as stored."""
    from factcheck.storage import bulk
    from factcheck.storage.database import open_database
    from factcheck.storage.models import Claim

    database = open_database(source_url)
    try:
        with database.read() as session:
            return [tuple(_as_text(v) for v in row)
                    for row in bulk.table_rows(session.connection(), Claim.__table__, columns)]
    finally:
        database.close()


def _as_text(value: Any) -> Any:
    """Dates as the ISO text both engines take (SQLite's driver gives them so already)."""
    return value.isoformat() if hasattr(value, "isoformat") else value


def build_large(db_url: str, source_url: str, target: int, seed: int = 7) -> dict[str, Any]:
    """A database of ``target`` claims made from real extracted claims, varied in document, place and period,
    in ``db_url`` (a new file, or an empty PostgreSQL database).

    Rows go in through the storage layer's bulk path (COPY on PostgreSQL), a few thousand
    claims per transaction, SQLite's search index filled per transaction.
    """
    from factcheck.storage import bulk
    from factcheck.storage.claims import ClaimFilter, count_claims
    from factcheck.storage.database import open_database
    from factcheck.storage.models import Claim, Document

    database = open_database(db_url)  # the schema
    claims = Claim.__table__
    # a claim's statistic comes of its links, made afresh for the generated claims
    columns = [c.name for c in claims.columns if c.name not in ("id", "document_id", "statistic")]
    try:
        with database.read() as session:
            if count_claims(session, ClaimFilter()):
                raise SystemExit(f"{db_url.split('@')[-1]} holds claims already: the benchmark needs an empty "
                                 "database to fill")
        sample = _sample_claims(source_url, columns)
        started = time.perf_counter()
        made = documents = 0
        batch: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]] = []
        for document in _generated(sample, columns, target, seed):
            batch.append(document)
            if len(batch) == 200:
                made += _store_generated(database, batch, columns)
                documents += len(batch)
                batch = []
        made += _store_generated(database, batch, columns)
        documents += len(batch)
        with database.write() as session:
            bulk.follow_ids(session.connection(), Document.__table__)
            bulk.refresh_statistics(session.connection(), Document.__table__, claims)
    finally:
        database.close()
    return {"claims": made, "documents": documents, "build_seconds": round(time.perf_counter() - started, 1)}


def _store_generated(database: Any, batch: list[tuple[tuple[Any, ...], list[tuple[Any, ...]]]],
                     columns: list[str]) -> int:
    """Generated documents and their claims, in one transaction; returns how many claims."""
    from factcheck.storage import bulk
    from factcheck.storage.models import Claim, Document

    if not batch:
        return 0
    claims = Claim.__table__
    rows = [row for _, document_rows in batch for row in document_rows]
    with database.write() as session:
        connection = session.connection()
        bulk.insert_rows(connection, Document.__table__, _DOCUMENT_COLUMNS, [document for document, _ in batch])
        inserted = claims.c.document_id.between(batch[0][0][0], batch[-1][0][0])
        with bulk.search_index_set_aside(connection, claims, inserted):
            bulk.insert_rows(connection, claims, ["document_id", *columns], rows)
    return len(rows)


def _latencies(action: Callable[[], Any], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1)}


def bench_queries(db_url: str, runs: int) -> dict[str, Any]:
    """p50/p95 latency of the main queries, in-process, as the CLI runs them for a table; and the CSV export."""
    from factcheck.records import claim_record
    from factcheck.storage import groups
    from factcheck.storage.claims import ClaimFilter, count_claims, get_claim, query_claims
    from factcheck.storage.database import open_database

    database = open_database(db_url)
    results: dict[str, Any] = {}
    with database.read() as session:
        top = count_claims(session, ClaimFilter()) or 1  # generated claims' ids run from 1
    rng = random.Random(3)

    def in_session(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        def run() -> Any:
            with database.read() as session:
                return fn(session)
        return run

    def show(session: Any) -> Any:
        claim_id = rng.randint(1, top)
        return claim_record(get_claim(session, claim_id)), groups.cross_references(session, claim_id)

    results["claims_search"] = _latencies(in_session(lambda s: query_claims(
        s, ClaimFilter(search=rng.choice(["police officers", "funding", "jobs", "prices", "unemployment"]),
                       sort="rank", limit=51))), runs)
    results["claims_measure_place"] = _latencies(in_session(lambda s: query_claims(
        s, ClaimFilter(measure=rng.choice(["officers", "jobs", "sales"]), place=rng.choice(["London", "Scotland"]),
                       limit=51))), runs)
    results["show"] = _latencies(in_session(show), runs)
    results["agreements"] = _latencies(in_session(lambda s: groups.agreements(s, limit=21)), runs)
    results["contradictions"] = _latencies(in_session(lambda s: groups.contradictions(s, limit=21)), runs)
    results["figures"] = _latencies(in_session(lambda s: groups.figures(s, limit=21)), runs)
    database.close()
    exports = [_in_fresh_process(_export_child, db_url) for _ in range(3)]
    # the run of median time, with the rates of all: on a shared machine one run can be much slower
    results["export_csv"] = {**_median_run(exports), "runs_rows_per_s": [r["rows_per_s"] for r in exports]}
    return results


def _in_fresh_process(target: Callable[..., None], *args: Any) -> dict[str, Any]:
    """Run ``target(*args, queue)`` in a new interpreter, so that its peak memory is its own."""
    context = multiprocessing.get_context("spawn")
    queue: Any = context.Queue()
    child = context.Process(target=target, args=(*args, queue))
    child.start()
    result = queue.get()
    child.join()
    return result


def _export_child(db_url: str, queue: Any) -> None:
    from factcheck.export import export_claims
    from factcheck.storage.database import open_database

    database = open_database(db_url)
    before = _own_peak_mb()
    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        saved, sys.stdout = sys.stdout, sink
        try:
            rows = export_claims(database, "csv", None)
        finally:
            sys.stdout = saved
    seconds = time.perf_counter() - started
    database.close()
    queue.put({"rows": rows, "seconds": round(seconds, 1), "rows_per_s": round(rows / seconds),
               "peak_memory_mb": round(_own_peak_mb(), 1), "memory_before_mb": round(before, 1)})


def bench_crossref(db_url: str) -> dict[str, Any]:
    """Time to cross-reference every claim of the database from scratch."""
    from factcheck.storage.database import open_database
    from factcheck.storage.links import rebuild_links

    database = open_database(db_url)
    started = time.perf_counter()
    with database.write(check_references=False) as session:  # as the relinking of an upgrade runs
        links = rebuild_links(session)
    result = {"seconds": round(time.perf_counter() - started, 1), "links": links}
    database.close()
    return result


def bench_other_engine(db_url: str, source: Path, size: int, runs: int, queries: bool) -> dict[str, Any]:
    """The largest database's part on another engine: built there, cross-referenced, queried, exported."""
    from factcheck.storage.claims import ClaimFilter, count_claims
    from factcheck.storage.database import open_database
    from factcheck.storage.engine import shown_url

    database = open_database(db_url)
    try:
        with database.read() as session:
            held = count_claims(session, ClaimFilter(document="bench/"))
        engine = database.engine.dialect.name
    finally:
        database.close()
    found: dict[str, Any] = {"engine": engine, "db": shown_url(db_url)}
    if held == size:
        print(f"{engine}: crossref {size:,} claims: not timed, the generated claims there are reused", file=sys.stderr)
    else:
        found["crossref"] = {**build_large(db_url, f"sqlite:///{source}", size), **bench_crossref(db_url)}
        print(f"{engine}: crossref {size:,} claims: {json.dumps(found['crossref'])}", file=sys.stderr)
    if queries:
        found["queries"] = bench_queries(db_url, runs)
    return found


def side_by_side(results: dict[str, Any], size: int) -> str:
    """The largest database's figures on SQLite and on the other engine, one line each."""
    other = results["other_engine"]
    engines = [("sqlite", results.get("crossref", {}).get(str(size)), results.get("queries", {})),
               (other["engine"], other.get("crossref"), other.get("queries", {}))]
    lines = [f"{size:,} claims".ljust(24) + "".join(name.rjust(24) for name, _, _ in engines)]
    crossref = ["not timed" if timing is None else f"{timing['seconds']} s" for _, timing, _ in engines]
    lines.append("cross-referencing".ljust(24) + "".join(cell.rjust(24) for cell in crossref))
    for key in ("claims_search", "claims_measure_place", "show", "agreements", "contradictions", "figures"):
        cells = [f"{q[key]['p50_ms']} / {q[key]['p95_ms']} ms" if key in q else "-" for _, _, q in engines]
        lines.append(f"{key} p50/p95".ljust(24) + "".join(cell.rjust(24) for cell in cells))
    export = [f"{q['export_csv']['rows_per_s']:,} rows/s" if "export_csv" in q else "-" for _, _, q in engines]
    lines.append("export csv".ljust(24) + "".join(cell.rjust(24) for cell in export))
    return "\n".join(lines)


def bench_startup(runs: int = 5) -> dict[str, float]:
    """Wall time of ``factcheck --help`` in a new process."""
    script = "import sys; from factcheck.cli import main; sys.argv = ['factcheck', '--help']; main()"
    command = [sys.executable, "-c", script]
    return _latencies(lambda: subprocess.run(command, capture_output=True, check=False), runs)


def _report(results: dict[str, Any], key: str, value: Any) -> None:
    results[key] = value
    print(f"{key}: {json.dumps(value)}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print and save its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="a folder of articles (.txt, .md, .html)")
    parser.add_argument("--claims", type=int, default=1_000_000, help="size of the largest generated database")
    parser.add_argument("--jobs", type=int, default=2, help="processes for the parallel ingest run")
    parser.add_argument("--ingest-runs", type=int, default=3,
                        help="ingests of the corpus per number of processes; the run of median time is reported")
    parser.add_argument("--runs", type=int, default=30, help="runs per query for the latency figures")
    parser.add_argument("--output", type=Path, default=Path("bench.json"), help="where to write the JSON figures")
    parser.add_argument("--crossref-only", action="store_true",
                        help="time only cross-referencing the generated databases from scratch (the corpus is still "
                             "ingested once, in one process: its claims are what those databases are made of)")
    parser.add_argument("--extract-only", action="store_true",
                        help="time only extraction (no database): the corpus's texts through extract(), "
                             "--ingest-runs times, each in a fresh process; e.g. --corpus articles/ --extract-only")
    parser.add_argument("--large-db", type=Path, help="keep the largest generated database in this file, and when "
                        "the file exists already, time the queries on it instead of building it again")
    parser.add_argument("--db", help="also time the largest database on this one (a PostgreSQL URL of an empty "
                        "database, which it fills; when it holds the generated claims already, they are reused)")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    if args.extract_only:
        _report(results, "extraction", bench_extraction_runs(args.corpus, args.ingest_runs))
        args.output.write_text(json.dumps(results, indent=2), encoding="utf-8")
        return 0
    everything = not args.crossref_only
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as folder:
        work = Path(folder)
        if everything:
            _report(results, "extraction", bench_extraction(args.corpus))
        parallel_jobs = [args.jobs] if everything and args.jobs > 1 else []
        for name, figures in bench_ingest_runs(args.corpus, work, [1, *parallel_jobs], args.ingest_runs).items():
            _report(results, name, figures)
        sizes = sorted({n for n in (10_000, 100_000, args.claims) if n <= args.claims})
        largest = args.large_db or work / f"large-{sizes[-1]}.db"
        results["crossref"] = {}
        for size in sizes:
            large = largest if size == sizes[-1] else work / f"large-{size}.db"
            if large.exists():
                print(f"crossref {size:,} claims: not timed, {large} is reused", file=sys.stderr)
                continue
            built = build_large(f"sqlite:///{large}", f"sqlite:///{work / 'ingest-1.db'}", size)
            timing = bench_crossref(f"sqlite:///{large}")
            results["crossref"][str(size)] = {**built, **timing}
            print(f"crossref {size:,} claims: {json.dumps(results['crossref'][str(size)])}", file=sys.stderr)
            if size != sizes[-1]:
                large.unlink()
        if everything:
            _report(results, "queries", bench_queries(f"sqlite:///{largest}", args.runs))
        if args.db:
            _report(results, "other_engine", bench_other_engine(args.db, work / "ingest-1.db", sizes[-1], args.runs,
                                                                everything))
    if everything:
        _report(results, "startup", bench_startup())
    if args.db:
        print(side_by_side(results, sizes[-1]), file=sys.stderr)
    args.output.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
