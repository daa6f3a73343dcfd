"""Benchmark: ingest speed on a corpus, and query latency on a large generated database.

Run it from a source checkout or an installed package:

    python -m factcheck.bench --corpus path/to/articles --claims 1000000 --output bench.json

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
from collections.abc import Callable
from pathlib import Path
from typing import Any


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def _ingest_child(db_url: str, corpus: str, queue: Any) -> None:
    from factcheck.db import open_database
    from factcheck.ingest.loader import iter_document_paths
    from factcheck.ingest.pipeline import ingest_paths

    database = open_database(db_url)
    files = list(iter_document_paths([Path(corpus)]))
    size = sum(f.stat().st_size for f in files)
    started = time.perf_counter()
    report = ingest_paths(database, files)
    elapsed = time.perf_counter() - started
    database.close()
    queue.put({"articles": len(files), "bytes": size, "seconds": elapsed, "claims": report.claims,
               "stored": report.count("added"), "duplicates": report.count("duplicate"),
               "failed": report.count("failed")})


def bench_ingest(corpus: Path, folder: Path) -> dict[str, Any]:
    """Ingest ``corpus`` into a fresh database in a child process: throughput and its peak memory."""
    db_url = f"sqlite:///{folder / 'ingest.db'}"
    queue: Any = multiprocessing.Queue()
    child = multiprocessing.Process(target=_ingest_child, args=(db_url, str(corpus), queue))
    child.start()
    result = queue.get()
    child.join()
    result["peak_memory_mb"] = round(_peak_rss_mb(resource.RUSAGE_CHILDREN), 1)
    seconds = result["seconds"]
    result.update(articles_per_s=round(result["articles"] / seconds, 1),
                  mb_per_s=round(result["bytes"] / 1e6 / seconds, 3),
                  claims_per_s=round(result["claims"] / seconds, 1))
    from factcheck.db import open_database
    from factcheck.linking import rebuild_links

    database = open_database(db_url)
    started = time.perf_counter()
    with database.write() as session:
        links = rebuild_links(session)
    result["crossref_seconds"] = round(time.perf_counter() - started, 3)
    result["links"] = links
    database.close()
    return result


def build_large(db_path: Path, source_db: Path, target: int, seed: int = 7) -> dict[str, Any]:
    """A database of ``target`` claims made from real extracted claims, varied in document, place and period."""
    import sqlite3

    from factcheck.db import open_database

    open_database(f"sqlite:///{db_path}").close()  # the schema
    rng = random.Random(seed)
    src = sqlite3.connect(source_db)
    columns = [r[1] for r in src.execute("PRAGMA table_info(claims)") if r[1] not in ("id", "document_id")]
    sample = src.execute(f"SELECT {', '.join(columns)} FROM claims").fetchall()
    src.close()
    places = ["London", "Scotland", "Wales", "England", "Manchester", "Glasgow", "UK", "France", "US", None]
    periods = [f"in {y}" for y in range(1995, 2025)] + ["since 2010", "last year", None]
    con = sqlite3.connect(db_path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    per_doc = 50
    started = time.perf_counter()
    made = 0
    doc_id = 0
    while made < target:
        doc_id += 1
        con.execute("INSERT INTO documents (id, source, kind, encoding, sha256, text, extractor, ingested_at) "
                    "VALUES (?, ?, 'text', 'utf-8', ?, '', 'bench', '2024-01-01 00:00:00')",
                    (doc_id, f"bench/{doc_id:07d}.txt", f"{doc_id:064d}"))
        rows = []
        for i in range(min(per_doc, target - made)):
            row = dict(zip(columns, rng.choice(sample), strict=True))
            row["span_start"], row["span_end"] = i * 10, i * 10 + 5
            row["place"] = rng.choice(places)
            row["period"] = rng.choice(periods)
            if row["value"] is not None:
                row["value"] = row["value"] * rng.choice([1, 1, 1, 0.5, 2, 1.1])
                row["value_text"] = repr(row["value"])
            rows.append((doc_id, *[row[c] for c in columns]))
        con.executemany(f"INSERT INTO claims (document_id, {', '.join(columns)}) "
                        f"VALUES (?{', ?' * len(columns)})", rows)
        made += len(rows)
        if doc_id % 200 == 0:
            con.commit()
    con.commit()
    con.close()
    return {"claims": made, "documents": doc_id, "build_seconds": round(time.perf_counter() - started, 1)}


def _latencies(action: Callable[[], Any], runs: int) -> dict[str, float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    return {"p50_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1)}


def bench_queries(db_path: Path, runs: int) -> dict[str, Any]:
    """p50/p95 latency of the main queries, in-process, on the large database."""
    from sqlalchemy import func, select

    from factcheck import linking
    from factcheck.db import open_database
    from factcheck.export import export_claims
    from factcheck.models import Claim
    from factcheck.store import ClaimFilter, claim_record, get_claim, query_claims

    database = open_database(f"sqlite:///{db_path}")
    results: dict[str, Any] = {}
    with database.read() as session:
        top = session.scalar(select(func.max(Claim.id))) or 1
    rng = random.Random(3)

    def in_session(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        def run() -> Any:
            with database.read() as session:
                return fn(session)
        return run

    results["claims_search"] = _latencies(in_session(lambda s: query_claims(
        s, ClaimFilter(search=rng.choice(["police officers", "funding", "jobs", "prices", "unemployment"]),
                       sort="rank", limit=50))), runs)
    results["claims_measure_place"] = _latencies(in_session(lambda s: query_claims(
        s, ClaimFilter(measure=rng.choice(["officers", "jobs", "sales"]), place=rng.choice(["London", "Scotland"]),
                       limit=50))), runs)
    results["show"] = _latencies(in_session(lambda s: (claim_record(get_claim(s, rng.randint(1, top))),
                                                       linking.cross_references(s, rng.randint(1, top)))), runs)
    results["agreements"] = _latencies(in_session(lambda s: linking.agreements(s)), max(3, runs // 10))
    results["contradictions"] = _latencies(in_session(lambda s: linking.contradictions(s)), max(3, runs // 10))
    started = time.perf_counter()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        saved, sys.stdout = sys.stdout, sink
        try:
            rows = export_claims(database, "csv", None)
        finally:
            sys.stdout = saved
    seconds = time.perf_counter() - started
    results["export_csv"] = {"rows": rows, "seconds": round(seconds, 1), "rows_per_s": round(rows / seconds)}
    database.close()
    return results


def bench_crossref(db_path: Path) -> dict[str, Any]:
    """Time to cross-reference every claim of the database from scratch."""
    from factcheck.db import open_database
    from factcheck.linking import rebuild_links

    database = open_database(f"sqlite:///{db_path}")
    started = time.perf_counter()
    with database.write() as session:
        links = rebuild_links(session)
    result = {"seconds": round(time.perf_counter() - started, 1), "links": links}
    database.close()
    return result


def bench_startup(runs: int = 5) -> dict[str, float]:
    """Wall time of ``factcheck --help`` in a new process."""
    script = "import sys; from factcheck.cli import main; sys.argv = ['factcheck', '--help']; main()"
    command = [sys.executable, "-c", script]
    return _latencies(lambda: subprocess.run(command, capture_output=True, check=False), runs)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print and save its figures."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True, help="a folder of articles (.txt, .md, .html)")
    parser.add_argument("--claims", type=int, default=1_000_000, help="size of the generated database")
    parser.add_argument("--runs", type=int, default=30, help="runs per query for the latency figures")
    parser.add_argument("--output", type=Path, default=Path("bench.json"), help="where to write the JSON figures")
    args = parser.parse_args(argv)
    results: dict[str, Any] = {"python": sys.version.split()[0], "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="factcheck-bench-") as folder:
        work = Path(folder)
        print("ingest …", file=sys.stderr)
        results["ingest"] = bench_ingest(args.corpus, work)
        print(json.dumps(results["ingest"]), file=sys.stderr)
        print(f"building {args.claims:,} claims …", file=sys.stderr)
        large = work / "large.db"
        results["large"] = build_large(large, work / "ingest.db", args.claims)
        results["crossref"] = bench_crossref(large)
        print(json.dumps(results["crossref"]), file=sys.stderr)
        results["queries"] = bench_queries(large, args.runs)
    results["startup"] = bench_startup()
    args.output.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
