"""Robustness: hostile input through the real CLI, scale, SIGKILL, concurrent writers,
hostile query options, and upgrades from every schema revision keeping the data.

Most tests run ``factcheck`` as a real subprocess (the installed console script), so
that what is checked is what a user sees: exit status, one line per problem on stderr,
no traceback, and a database left whole. Peak memory is the child's own high-water mark
(``VmHWM``), sampled while it runs: ``ru_maxrss`` from ``os.wait4`` is no use here, because
Linux carries the parent's resident size into a child through fork and exec, so inside a
long test run every child would seem to use what pytest uses.
Known product bugs are ``xfail(strict=True)`` with the reproduction in
the reason; they turn red the day the bug is fixed, so the mark can be removed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import multiprocessing
import os
import pty
import random
import shutil
import signal
import sqlite3
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from engines import NewDatabase, engine_for, is_postgres
from engines import rows as plain_rows
from sqlalchemy import Connection, inspect
from sqlalchemy import text as sql
from sqlalchemy.exc import SQLAlchemyError

from factcheck.bench import high_water_kb
from factcheck.extract import extract
from factcheck.ingest import loader
from factcheck.ingest.loader import sha256_text
from factcheck.storage.database import open_database
from factcheck.storage.engine import Database, create_db_engine, resolve_url
from factcheck.storage.schema import alembic_config, current_revision, head_revision, upgrade

FACTCHECK = shutil.which("factcheck") or str(Path(sys.executable).with_name("factcheck"))
# A folder of real articles in sections (the BBC News dataset's layout: business/, tech/, ...), given by
# FACTCHECK_TEST_CORPUS; without it the tests use generated articles and skip the whole-corpus run.
BBC = Path(os.environ.get("FACTCHECK_TEST_CORPUS", "no-corpus-given"))
MB = 1024 * 1024

# What a user's shell would pass, minus anything that changes factcheck's behaviour.
_DROPPED_ENV = ("FACTCHECK_DB", "FACTCHECK_DEBUG", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DROPPED_ENV}
    env.update({"NO_COLOR": "1", "COLUMNS": "200", "LINES": "25"}, **extra)
    return env


# --- running the real command -------------------------------------------------------------


@dataclass(repr=False)
class Finished:
    """A factcheck process that has exited, with its output and its own peak memory."""

    args: list[str]
    returncode: int
    stdout: str
    stderr: str
    max_rss_mb: float
    seconds: float

    def __repr__(self) -> str:  # what an assertion message shows
        return (f"factcheck {' '.join(self.args)} -> exit {self.returncode} in {self.seconds:.1f}s\n"
                f"--- stdout ---\n{self.stdout[-3000:]}\n--- stderr ---\n{self.stderr[-3000:]}")

    @property
    def stderr_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.strip()]


class Running:
    """``factcheck ARGS`` started in the background; stdout and stderr go to files (no pipe to fill)."""

    def __init__(self, workdir: Path, *args: object, stderr_fd: int | None = None,
                 env: dict[str, str] | None = None) -> None:
        self.args = [str(a) for a in args]
        logs = workdir / "logs"
        logs.mkdir(exist_ok=True)
        stem = f"run-{time.monotonic_ns()}"
        self.out_path, self.err_path = logs / f"{stem}.out", logs / f"{stem}.err"
        self.started = time.monotonic()
        self.high_water_kb = 0
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.process = subprocess.Popen([FACTCHECK, *self.args], cwd=workdir, env=env or _env(),
                                            stdin=subprocess.DEVNULL, stdout=out,
                                            stderr=err if stderr_fd is None else stderr_fd)

    @property
    def pid(self) -> int:
        return self.process.pid

    def running(self) -> bool:
        return self.process.returncode is None and self._reap(os.WNOHANG) is None

    def _sample_memory(self) -> None:
        """Keep the child's own peak resident size (kB); gone once it has exited."""
        self.high_water_kb = max(self.high_water_kb, high_water_kb(self.pid) or 0)

    def _reap(self, flags: int) -> Finished | None:
        self._sample_memory()
        pid, status, usage = os.wait4(self.pid, flags)
        if pid == 0:
            return None
        self.process.returncode = os.waitstatus_to_exitcode(status)  # so Popen never waits on it again
        self.finished = Finished(self.args, self.process.returncode, self.out_path.read_text(errors="replace"),
                                 self.err_path.read_text(errors="replace"),
                                 (self.high_water_kb or usage.ru_maxrss) / 1024, time.monotonic() - self.started)
        return self.finished

    def wait(self, timeout: float = 120) -> Finished:
        if self.process.returncode is not None:
            return self.finished
        deadline = time.monotonic() + timeout
        while (done := self._reap(os.WNOHANG)) is None:
            if time.monotonic() > deadline:
                self.process.kill()
                killed = self._reap(0)
                raise AssertionError(f"timed out after {timeout}s: {killed}")
            time.sleep(0.02)
        return done

    def kill(self) -> Finished:
        if self.process.returncode is None:
            os.kill(self.pid, signal.SIGKILL)
            return self._reap(0)  # type: ignore[return-value]
        return self.finished


def run(workdir: Path, *args: object, timeout: float = 120) -> Finished:
    """Run ``factcheck ARGS`` to completion."""
    return Running(workdir, *args).wait(timeout)


def run_together(workdir: Path, commands: Sequence[Sequence[object]], timeout: float = 300) -> list[Finished]:
    """Start every command before waiting for any, so that they really overlap."""
    started = [Running(workdir, *args) for args in commands]
    return [r.wait(timeout) for r in started]


def assert_clean(finished: Finished) -> None:
    """No traceback, no unexpected-error report and no lock error, whatever the exit status."""
    both = finished.stdout + finished.stderr
    assert "Traceback" not in both, finished
    assert "FACTCHECK_DEBUG" not in both, finished
    assert "database is locked" not in both.lower(), finished


# --- reading a database back ------------------------------------------------------------------


def rows(db: Path | str, query: str, **params: object) -> list[tuple]:
    """The rows of a plain SQL query (parameters as ``:name``) on an SQLite file or a PostgreSQL database."""
    return plain_rows(db, query, **params)


def stored_count(db: Path | str) -> int:
    """Documents committed so far, read through a read-only connection (0 before the schema exists)."""
    if is_postgres(db):
        try:
            return plain_rows(db, "SELECT count(*) FROM documents")[0][0]
        except SQLAlchemyError:  # no table yet
            return 0
    db = Path(db)
    if not db.exists():
        return 0
    try:
        connection = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
    except sqlite3.OperationalError:
        return 0
    try:
        return connection.execute("SELECT count(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0
    finally:
        connection.close()


def claim_tuples(claims: Iterable) -> list[tuple]:
    """The comparable fields of extracted claims, as stored (long mention and measure cut to 512)."""
    return sorted(
        (c.start, c.end, c.mention[:512], None if c.value is None else str(c.value), c.unit, c.qualifier,
         c.change, c.measure[:512], c.place, c.period, c.speaker, c.rule, c.kind)
        for c in claims
    )


STORED_CLAIM = ("span_start, span_end, mention, value_text, unit, qualifier, change, measure, place, period, "
                "speaker, rule, kind")

_EXTRACTED: dict[str, list[tuple]] = {}


def expected_claims(text: str, published: dt.date | None) -> list[tuple]:
    key = f"{sha256_text(text)}|{published}"
    if key not in _EXTRACTED:
        _EXTRACTED[key] = claim_tuples(extract(text, published))
    return _EXTRACTED[key]


def assert_database_consistent(db: Path | str, *, unchecked: Iterable[Path] = ()) -> int:
    """Integrity, and every stored document with exactly the claims a fresh extraction gives.

    Documents from ``unchecked`` files are not re-extracted (too slow). Returns the number of documents.
    """
    skipped = {str(path) for path in unchecked}
    database = open_database(str(db))
    try:
        with database.read() as session:
            if database.is_sqlite:  # PostgreSQL checks every reference as it is written
                assert session.execute(sql("PRAGMA integrity_check")).scalars().all() == ["ok"]
                assert session.execute(sql("PRAGMA foreign_key_check")).all() == []
            orphans = {
                "claims without a document":
                    "SELECT count(*) FROM claims WHERE document_id NOT IN (SELECT id FROM documents)",
                "links to a missing claim":
                    "SELECT count(*) FROM links WHERE claim_a NOT IN (SELECT id FROM claims) "
                    "OR claim_b NOT IN (SELECT id FROM claims)",
                "keys of a missing claim":
                    "SELECT count(*) FROM claim_keys WHERE claim_id NOT IN (SELECT id FROM claims)",
            }
            for what, query in orphans.items():
                assert session.scalar(sql(query)) == 0, what
            documents = session.execute(sql("SELECT id, source, text, sha256, published FROM documents")).all()
            for doc_id, source, body, digest, published in documents:
                assert digest == sha256_text(body), source
                if source in skipped:
                    continue
                day = dt.date.fromisoformat(published) if isinstance(published, str) else published
                stored = sorted(tuple(r) for r in session.execute(
                    sql(f"SELECT {STORED_CLAIM} FROM claims WHERE document_id = :d"), {"d": doc_id}))
                assert stored == expected_claims(body, day), f"{source}: claims differ from a fresh extract()"
        assert_search_index_intact(database)
        return len(documents)
    finally:
        database.close()


def assert_search_index_intact(database: Database) -> None:
    """The search index agrees with the claims table: SQLite's FTS5 checks itself (the check is issued as
    an INSERT); on PostgreSQL every claim has its search vector, the one its words make.
    """
    with database.write() as session:
        if database.is_sqlite:
            session.execute(sql("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')"))
        else:
            assert session.scalar(sql("SELECT count(*) FROM claims WHERE search_vector IS NULL")) == 0


def text_of(path: Path) -> str:
    return loader.load_path(path).text


# --- articles to ingest -------------------------------------------------------------------------

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]


def nonce_word(rng: random.Random) -> str:
    """A made-up noun: each generated note gets its own statistic, so no two are cross-linked."""
    return "".join(rng.choice(_SYLLABLES) for _ in range(4))


def generated_articles(folder: Path, count: int, seed: int = 1) -> list[Path]:
    """``count`` short articles with figures (used when the BBC corpus is not on this machine)."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(count):
        noun = nonce_word(rng)
        body = (f"Harbour report {i}\n\n"
                f"The port of Westhaven handled {1000 + 37 * i:,} {noun}s in {2000 + i % 20}, officials said. "
                f"Spending on the {noun} terminal rose by {i % 40 + 1}% to £{i + 5} million.\n\n"
                f"\"We expect about {i + 2} new {noun} berths,\" said Mary Jones, the harbour master.\n")
        path = folder / f"{i:04d}.txt"
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def copy_articles(folder: Path, sources: Iterable[Path]) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    copies = []
    for source in sources:
        target = folder / source.name
        shutil.copyfile(source, target)
        copies.append(target)
    return copies


def bbc(section: str) -> list[Path]:
    return sorted((BBC / section).glob("*.txt")) if (BBC / section).is_dir() else []


def articles(folder: Path, count: int, section: str = "business", seed: int = 1) -> list[Path]:
    """``count`` news articles in ``folder``: BBC ones when the corpus is here, else generated."""
    found = bbc(section)
    if len(found) >= count:
        return copy_articles(folder, found[:count])
    return generated_articles(folder, count, seed)


# ==================================================================================================
# 1. Bad input through the CLI
# ==================================================================================================

GOOD_TEXT = (
    "Police cuts\n\n"
    "Forces in England and Wales lost 21,000 officers between 2010 and 2018, according to the Home Office.\n"
    "The government pledged to recruit 20,000 more police officers by 2022, the Home Secretary said.\n"
)
GOOD_HTML = (
    "<!doctype html><html><head><title>Council budget</title></head><body><article>"
    "<h1>Council budget</h1><p>The council will spend £40 million on schools next year, "
    "up 12% on this year, the finance director said.</p>"
    "<p>Almost 70 per cent of the money goes to primary schools in Islington.</p>"
    "</article></body></html>"
)
CP1252_TEXT = "Café prices\n\nThe café charged €4.50 for a “flat white” – up 12% in 2019.\n"
# (this one is decoded right; the Latin-1 texts that are not are xfail below)
LATIN1_TEXT = "Sales in München\n\nSales in München rose 5% to £12 million, said José García.\n"
UTF16_TEXT = "Jobs\n\nUnemployment fell to 4.2% in March, with 1.3 million people out of work.\n"
INVALID_UTF8 = b"Spending rose to \xa340 million (\xc3 broken) in 2018, officials said.\n"


def _png() -> bytes:
    import struct
    import zlib

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(
        b"IEND", b"")


def _ten_mb_line() -> bytes:
    """About 10 MB on one line: sentences of filler with a figure every hundred sentences."""
    filler = "The committee met again on Tuesday to discuss the plans for the new hospital wing. "
    figure = "Officials said the project would cost 40 million pounds. "
    block = (filler * 100 + figure).encode("ascii")
    return block * (10 * MB // len(block) + 1)


def _sparse(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path


@dataclass(frozen=True)
class Batch:
    folder: Path
    missing: Path
    refused: dict[Path, str]  # path -> a piece of its one-line message
    either: list[Path]  # stored, or refused with one line: both are fine
    stored: dict[Path, tuple[str | None, str]]  # path -> (expected text or None, expected encoding)


def bad_batch(root: Path) -> Batch:
    folder = root / "batch"
    folder.mkdir()

    def put(name: str, data: bytes) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path

    refused = {
        put("empty-file.txt", b""): "no text",
        put("whitespace-only.txt", b" \r\n\t  \n"): "no text",
        put("report-pdf-saved-as.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"):
            "binary content (PDF), not text",
        put("chart-png-saved-as.txt", _png()): "binary content (PNG image), not text",
        put("random-bytes.txt", random.Random(1234).randbytes(4096)): "binary content",
        put("nul-byte.txt", b"Officers: 21,000 in 2018\x00 and more text follows here.\n"):
            "binary content (NUL bytes), not text",
        put("scripts-and-styles.html", b"<html><head><style>body{color:red}</style><script>var x = 21000;</script>"
                                       b"</head><body><script>document.write('40 million')</script>"
                                       b"<style>p{}</style></body></html>"): "no readable text in the HTML",
        _sparse(folder / "oversized.txt", 13 * MB): "13.0 MB is over the 12.0 MB limit",
    }
    # a loop of file links, and a folder link back to the batch (never entered, so nothing twice)
    (folder / "loop-one.txt").symlink_to(folder / "loop-two.txt")
    (folder / "loop-two.txt").symlink_to(folder / "loop-one.txt")
    refused[folder / "loop-one.txt"] = "too many levels of symbolic links"
    refused[folder / "loop-two.txt"] = "too many levels of symbolic links"
    nested = folder / "nested"
    nested.mkdir()
    (nested / "back-to-batch").symlink_to(folder, target_is_directory=True)
    either = [
        put("malformed.html", b"<<<>>><p<p<p>>> broken & </div></div><table><tr><td>The levy rose 5% "
                              b"<b><i>to \xc2\xa33 billion</b></i>, the <p>Treasury said"),
        put("invalid-utf8.txt", INVALID_UTF8),
    ]
    stored = {
        put("good-article.txt", GOOD_TEXT.encode()): (GOOD_TEXT, "utf-8"),
        put("good-article.html", GOOD_HTML.encode()): (None, "utf-8"),
        # deeper than libxml2 reads: its text comes through Python's own HTML tokenizer
        put("deeply-nested.html", ("<html><body>" + "<div>" * 5000 + "<p>Deep inside: the force employs "
                                   "21,000 officers.</p>" + "</div>" * 5000 + "</body></html>").encode()):
            ("Deep inside: the force employs 21,000 officers.", "utf-8"),
        put("windows-1252.txt", CP1252_TEXT.encode("cp1252")): (CP1252_TEXT, "cp1252"),
        put("latin-1.txt", LATIN1_TEXT.encode("latin-1")): (LATIN1_TEXT, "cp1252"),
        put("utf-16-bom.txt", UTF16_TEXT.encode("utf-16")): (UTF16_TEXT, "utf-16"),
        put("ten-mb-single-line.txt", _ten_mb_line()): (None, "utf-8"),
    }
    again = GOOD_TEXT.replace("Police cuts", "Police cuts again")
    (nested / "inside-nested.txt").write_text(again, encoding="utf-8")  # stored once, not again via the link
    stored[nested / "inside-nested.txt"] = (again, "utf-8")
    return Batch(folder, root / "missing-article.txt", refused, either, stored)


def test_bad_input_batch_through_the_cli(tmp_path: Path, new_database: NewDatabase) -> None:
    batch = bad_batch(tmp_path)
    db = new_database("bad")
    done = run(tmp_path, "--db", db, "ingest", batch.folder, batch.missing, "--max-mb", "12", timeout=180)

    assert done.returncode == 1, done
    assert_clean(done)
    assert done.stdout == "", done
    lines = done.stderr_lines
    refused = {**batch.refused, batch.missing: "no such file or directory"}
    for path, reason in refused.items():
        naming = [line for line in lines if f"{path}:" in line]
        assert len(naming) == 1, f"{path.name}: expected one line, got {naming}\n{done}"
        assert naming[0].startswith(f"failed: {path}: ") and reason in naming[0], naming[0]
    stored_sources = {Path(source) for (source,) in rows(db, "SELECT source FROM documents")}
    for path in batch.either:
        naming = [line for line in lines if f"{path}:" in line]
        assert (path in stored_sources) != (len(naming) == 1), f"{path.name}: {naming}"
        assert len(naming) <= 1, naming
    # nothing else on stderr: one line per failed file, then the summary
    failed = len(refused) + sum(1 for p in batch.either if p not in stored_sources)
    assert len(lines) == failed + 1, done
    added = len(batch.stored) + sum(1 for p in batch.either if p in stored_sources)
    assert lines[-1].startswith(f"added {added}, updated 0, unchanged 0, duplicate 0, failed {failed}; "), lines[-1]

    for path, (expected_text, encoding) in batch.stored.items():
        found = rows(db, "SELECT text, encoding, kind FROM documents WHERE source = :source", source=str(path))
        assert len(found) == 1, f"{path.name} not stored once"
        body, stored_encoding, _kind = found[0]
        assert stored_encoding == encoding, path.name
        if expected_text is not None:
            assert body == expected_text, path.name
    big = batch.folder / "ten-mb-single-line.txt"
    assert rows(db, "SELECT length(text) FROM documents WHERE source = :source", source=str(big)) == [
        (big.stat().st_size,)]
    figures = big.read_text().count("would cost 40 million pounds")
    assert rows(db, "SELECT count(*), min(mention), max(mention), min(value) FROM claims WHERE document_id = "
                    "(SELECT id FROM documents WHERE source = :source)", source=str(big)) == [
        (figures, "40 million pounds", "40 million pounds", 40_000_000)]
    html = rows(db, "SELECT text, title FROM documents WHERE source LIKE '%good-article.html'")
    assert "£40 million" in html[0][0] and html[0][1] == "Council budget"
    mentions = {m for (m,) in rows(db, "SELECT mention FROM claims")}
    assert {"21,000", "20,000", "£40 million", "12%", "4.2%", "€4.50"} <= mentions
    if batch.either[1] in stored_sources:  # invalid UTF-8 was decoded by detection: recorded, readable
        body, encoding = rows(db, "SELECT text, encoding FROM documents WHERE source = :source",
                              source=str(batch.either[1]))[0]
        assert encoding != "utf-8" and body.startswith("Spending rose to ") and "in 2018, officials said." in body
    assert assert_database_consistent(db, unchecked=[big]) == len(stored_sources)


def test_bad_archives_feeds_and_urls_through_the_cli(tmp_path: Path, site, new_database: NewDatabase) -> None:
    """The new ways in, broken: a malformed CSV, a JSON Lines line that is not JSON, a feed that
    is not XML, URLs of other schemes. One line each; every good document among them is stored."""
    from website import Reply

    folder = tmp_path / "inputs"
    folder.mkdir()
    csv_export = folder / "export.csv"
    csv_export.write_text(
        'title,body,date\n'
        f'Police cuts,"{GOOD_TEXT.splitlines()[2]}",2019-03-04\n'
        'Broken,"an unclosed "quote" in the middle,2019-03-05\n'
        'Short row\n'
        'Rail,"Rail fares rose by 3.1% last year, the regulator said.",4 March 2019\n', encoding="utf-8")
    jsonl_export = folder / "export.jsonl"
    jsonl_export.write_text(
        json.dumps({"text": "Bus use fell by 4% in England, the department said.", "date": "2019-03-04"}) + "\n"
        "{'text': 'single quotes are not JSON'}\n"
        + json.dumps({"text": "Tram journeys rose 5% to 290 million, the operator said."}) + "\n", encoding="utf-8")
    good = folder / "good-article.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    feed = site.add("/feed.xml", Reply("this is plain text, not a feed", content_type="text/plain"))
    page = site.add("/news/council", GOOD_HTML)
    db = new_database("new-inputs")
    done = run(tmp_path, "--db", db, "ingest", csv_export, jsonl_export, good, page, "ftp://files.example.org/a.txt",
               "file:///etc/hostname", "--feed", feed, "--delay", "0", timeout=180)

    assert done.returncode == 1, done
    assert_clean(done)
    assert done.stdout == "", done
    failed = [line for line in done.stderr_lines if line.startswith("failed:")]
    assert failed == [
        f"failed: {csv_export}#row=2: not valid CSV (',' expected after '\"')",
        f"failed: {csv_export}#row=3: 1 cells where the header has 3",
        f"failed: {jsonl_export}#line=2: not JSON (Expecting property name enclosed in double quotes at column 2)",
        "failed: ftp://files.example.org/a.txt: unsupported scheme 'ftp' (only http and https URLs are fetched)",
        "failed: file:///etc/hostname: unsupported scheme 'file' (only http and https URLs are fetched)",
        f"failed: {feed}: not an RSS or Atom feed (not well-formed XML)",
    ], done
    assert done.stderr_lines[-1].startswith("added 6, updated 0, unchanged 0, duplicate 0, failed 6; "), done
    stored = {source for (source,) in rows(db, "SELECT source FROM documents")}
    assert stored == {f"{csv_export}#row=1", f"{csv_export}#row=4", f"{jsonl_export}#line=1",
                      f"{jsonl_export}#line=3", str(good), page}
    assert rows(db, "SELECT CAST(published AS VARCHAR(10)) FROM documents WHERE source = :source",
                source=f"{csv_export}#row=4") == [("2019-03-04",)]
    assert assert_database_consistent(db) == 6


def test_unreadable_file_faked_in_process(invoke, db_path: Path, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Officers: 21,000 in 2018.\n")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if Path(file) == locked:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(loader, "open", guarded_open, raising=False)
    result = invoke(db_path, "ingest", str(locked), str(good))
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"failed: {locked}: permission denied",
        "added 1, updated 0, unchanged 0, duplicate 0, failed 1; 2 claims stored",
    ]
    assert rows(db_path, "SELECT source FROM documents") == [(str(good),)]


def test_an_unexpected_error_in_one_file_fails_that_file_alone(invoke, db_path: Path, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    from factcheck.ingest import prepare

    folder = tmp_path / "batch"
    folder.mkdir()
    names = ["a-good.txt", "b-loader-bug.txt", "c-good.txt", "d-extractor-bug.txt", "e-good.txt"]
    for name in names:
        (folder / name).write_text(GOOD_TEXT.replace("Police cuts", f"Police cuts ({name})"), encoding="utf-8")
    real_load, real_analyse = prepare.load_path, prepare.analyse

    def load_path(path: Path, **options: object) -> object:
        if path.name == "b-loader-bug.txt":
            raise RuntimeError("codec table corrupted\nsecond line of detail")
        return real_load(path, **options)

    def analyse(text: str, *args: object) -> object:
        if "d-extractor-bug" in text:
            raise RecursionError("maximum recursion depth exceeded")
        return real_analyse(text, *args)

    monkeypatch.setattr(prepare, "load_path", load_path)
    monkeypatch.setattr(prepare, "analyse", analyse)
    result = invoke(db_path, "ingest", str(folder))
    assert result.exit_code == 1, result.output
    assert result.stderr.splitlines() == [
        f"failed: {folder / 'b-loader-bug.txt'}: RuntimeError: codec table corrupted",
        f"failed: {folder / 'd-extractor-bug.txt'}: RecursionError: maximum recursion depth exceeded",
        "added 3, updated 0, unchanged 0, duplicate 0, failed 2; 6 claims stored",
    ]
    stored = sorted(Path(source).name for (source,) in rows(db_path, "SELECT source FROM documents"))
    assert stored == ["a-good.txt", "c-good.txt", "e-good.txt"]
    assert rows(db_path, "SELECT count(*) FROM claims") == [(6,)]


def test_a_broken_html_library_fails_the_page_and_stores_the_rest(tmp_path: Path, seeds_dir: Path,
                                                                  new_database: NewDatabase) -> None:
    # the break a fresh install once met: lxml.html.clean missing, so trafilatura cannot load
    page = tmp_path / "page.html"
    page.write_text(GOOD_HTML, encoding="utf-8")
    db = new_database("broken")
    program = ("import sys; sys.modules['lxml.html.clean'] = None; from factcheck.cli import main; "
               "sys.argv[0] = 'factcheck'; main()")
    done = subprocess.run([sys.executable, "-c", program, "--db", str(db), "ingest", str(page), str(seeds_dir)],
                          cwd=tmp_path, env=_env(), capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr and "unexpected" not in done.stderr
    lines = done.stderr.splitlines()
    assert len(lines) == 2, done.stderr
    assert lines[0].startswith(f"failed: {page}: ") and "lxml.html.clean" in lines[0], lines[0]
    assert lines[1].startswith("added 5, updated 0, unchanged 0, duplicate 0, failed 1; ")
    stored = {Path(source).name for (source,) in rows(db, "SELECT source FROM documents")}
    assert stored == {path.name for path in seeds_dir.glob("*.txt")}


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    locked = tmp_path / "locked.txt"
    locked.write_text("Officers: 21,000 in 2018.\n")
    good = tmp_path / "good.txt"
    good.write_text(GOOD_TEXT)
    locked.chmod(0)
    try:
        done = run(tmp_path, "--db", tmp_path / "x.db", "ingest", locked, good)
    finally:
        locked.chmod(stat.S_IRUSR | stat.S_IWUSR)
    assert done.returncode == 1, done
    assert_clean(done)
    assert done.stderr_lines[0] == f"failed: {locked}: permission denied", done
    assert rows(tmp_path / "x.db", "SELECT source FROM documents") == [(str(good),)]


# Latin-1 (and the same bytes read as Windows-1252) must come back as written: the
# figures' currency depends on it (£ is 0xA3 in both).
LATIN1_SAMPLES = {
    "zurich": "The café in Zürich raised prices by 12% last year, according to the owner, François Müller.",
    "garcia": "Sales in München rose 5% to £12 million, said José García.",
    "cafe-chain": "The café chain in München earned £40 million last year, up 15%.",
    "sao-paulo": "Prices rose 5% in München and São Paulo, says José.",
    "zurich-headline": "Zürich\n\nThe café in Zürich raised prices by 12% last year, according to François Müller.",
}
@pytest.mark.parametrize("name", list(LATIN1_SAMPLES))
def test_latin1_text_is_decoded_exactly(invoke, db_path: Path, tmp_path: Path, name: str) -> None:
    sentence = LATIN1_SAMPLES[name]
    path = tmp_path / f"{name}.txt"
    path.write_bytes(sentence.encode("latin-1"))
    result = invoke(db_path, "ingest", str(path))
    assert result.exit_code == 0, result.output
    (body, encoding), = rows(db_path, "SELECT text, encoding FROM documents")
    assert encoding in ("cp1252", "iso8859-1", "latin-1"), encoding
    assert body == sentence
    stored = {m for (m,) in rows(db_path, "SELECT mention FROM claims")}
    assert stored == {c.mention for c in extract(sentence)}


RUN_ON_SECONDS = 12


@pytest.mark.slow
def test_a_long_line_without_sentence_breaks_is_extracted_in_linear_time(tmp_path: Path) -> None:
    clause = "and sales rose 5% to 3,000 units in the north while costs fell; "
    path = tmp_path / "run-on.txt"
    path.write_text("Results: " + clause * 1000, encoding="utf-8")  # 64 KB, one line, one sentence
    # Sentenced text of this size and density is ingested in about 3 s here.
    done = run(tmp_path, "--db", tmp_path / "runon.db", "ingest", path, timeout=RUN_ON_SECONDS)
    assert done.returncode == 0, done
    assert rows(tmp_path / "runon.db", "SELECT count(*) FROM claims")[0][0] == 2000


# ==================================================================================================
# 2. Ten thousand small files
# ==================================================================================================


def write_notes(folder: Path, count: int) -> None:
    rng = random.Random(7)
    folder.mkdir()
    for i in range(count):
        (folder / f"note-{i:05d}.txt").write_text(
            f"Inspectors counted {7 * i + 3:,} {nonce_word(rng)}s at the depot.\n", encoding="utf-8")


def run_with_terminal_stderr(workdir: Path, *args: object, timeout: float) -> tuple[Finished, str]:
    """Run factcheck with stderr on a pseudo-terminal (so Rich shows its progress bar)."""
    master, slave = pty.openpty()
    env = _env(TERM="xterm-256color", COLUMNS="100")
    env.pop("NO_COLOR")
    chunks: list[bytes] = []

    def drain() -> None:
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO once the last writer is gone
                return
            if not data:
                return
            chunks.append(data)

    try:
        running = Running(workdir, *args, stderr_fd=slave, env=env)
    finally:
        os.close(slave)
    reader = threading.Thread(target=drain, daemon=True)
    reader.start()
    try:
        finished = running.wait(timeout)
    finally:
        reader.join(timeout=10)
        os.close(master)
    return finished, b"".join(chunks).decode("utf-8", errors="replace")


@pytest.mark.slow
def test_ten_thousand_small_files(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    write_notes(folder, 10_000)
    small = tmp_path / "few"
    write_notes(small, 100)
    db = tmp_path / "many.db"

    baseline = run(tmp_path, "--db", tmp_path / "few.db", "ingest", small)
    assert baseline.returncode == 0, baseline
    done, terminal = run_with_terminal_stderr(tmp_path, "--db", db, "ingest", folder, timeout=900)

    assert done.returncode == 0, f"{done}\n--- terminal ---\n{terminal[-2000:]}"
    assert "Traceback" not in terminal
    assert "ingesting" in terminal and "10000/10000" in terminal, terminal[-2000:]  # the progress bar
    assert "added 10000, updated 0, unchanged 0, duplicate 0, failed 0;" in terminal, terminal[-2000:]
    assert rows(db, "SELECT count(*), count(DISTINCT sha256) FROM documents") == [(10_000, 10_000)]
    assert rows(db, "SELECT count(*) FROM documents d WHERE NOT EXISTS "
                    "(SELECT 1 FROM claims c WHERE c.document_id = d.id)") == [(0,)]
    print(f"\n10,000 files: {done.seconds:.1f}s, peak RSS {done.max_rss_mb:.0f} MB "
          f"(100 files: {baseline.max_rss_mb:.0f} MB)")
    assert done.max_rss_mb < 300, done.max_rss_mb
    assert done.max_rss_mb < baseline.max_rss_mb + 100, "memory grows with the number of files"


# ==================================================================================================
# 3. Atomicity under SIGKILL
# ==================================================================================================


def wait_for(condition: Callable[[], bool], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


def test_sigkill_mid_ingest_leaves_whole_documents(tmp_path: Path, new_database: NewDatabase) -> None:
    paths = articles(tmp_path / "articles", 300)
    db = new_database("killed")
    kills = 0
    # each round resumes the ingest and is killed a little further on, at a slightly different moment
    for target, delay in ((10, 0.0), (40, 0.013), (90, 0.029), (150, 0.047)):
        running = Running(tmp_path, "--db", db, "ingest", paths[0].parent)
        wait_for(lambda t=target, r=running: stored_count(db) >= t or not r.running(), 120, f"{target} documents")
        time.sleep(delay)
        killed = running.kill()
        assert killed.returncode == -signal.SIGKILL, f"ingest ended before the kill: {killed}"
        kills += 1
        stored = assert_database_consistent(db)
        assert stored >= target

    done = run(tmp_path, "--db", db, "ingest", paths[0].parent)
    assert done.returncode == 0, done
    assert_clean(done)
    assert assert_database_consistent(db) <= len(paths)
    assert_each_text_once(db, paths)
    files_of_text: dict[str, list[str]] = {}
    for path in paths:
        files_of_text.setdefault(sha256_text(text_of(path)), []).append(str(path))
    sources = {source for (source,) in rows(db, "SELECT source FROM documents")}
    for names in files_of_text.values():  # each text under the name of exactly one of its files
        assert len(sources.intersection(names)) == 1, names
    assert kills == 4


# ==================================================================================================
# 4. Concurrent writers, and the first open of a new database
# ==================================================================================================


def migrated(db: Path | str) -> Path | str:
    open_database(str(db)).close()
    return db


def assert_each_text_once(db: Path | str, files: Iterable[Path]) -> None:
    expected = {sha256_text(text_of(p)) for p in files}
    stored = dict(rows(db, "SELECT sha256, count(*) FROM documents GROUP BY sha256"))
    assert set(stored) == expected, f"lost: {len(expected - set(stored))}, extra: {len(set(stored) - expected)}"
    assert all(n == 1 for n in stored.values()), {d: n for d, n in stored.items() if n > 1}


@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_writers_with_different_and_overlapping_files(tmp_path: Path, writers: int,
                                                                new_database: NewDatabase) -> None:
    pool = articles(tmp_path / "pool", 12 + 18 * writers, section="tech")
    first_own = articles(tmp_path / "own-0", 6, section="politics")
    shared_db = new_database("shared")
    commands: list[list[object]] = []
    every_file: list[Path] = []
    for w in range(writers):
        own = tmp_path / f"own-{w}"
        # files of its own; the others' own folders hold copies of the first one's texts under new names
        mine = first_own if w == 0 else copy_articles(own, first_own[w : w + 3])
        mine = mine + copy_articles(own / "twins", pool[w * 5 : w * 5 + 3])  # copies of shared texts
        shared = pool[w * 18 : w * 18 + 30]  # overlapping windows of the same paths
        every_file += mine + shared
        commands.append(["--db", shared_db, "ingest", own, *shared])
    db = migrated(shared_db)
    finished = run_together(tmp_path, commands)
    for done in finished:
        assert done.returncode == 0, done
        assert_clean(done)
    assert_each_text_once(db, every_file)
    assert assert_database_consistent(db) == len({sha256_text(text_of(p)) for p in every_file})


def test_first_open_of_a_new_database_by_several_processes(tmp_path: Path, new_database: NewDatabase) -> None:
    files = articles(tmp_path / "first", 4, section="sport")
    db = new_database("brand-new")
    finished = run_together(tmp_path, [["--db", db, "ingest", path] for path in files])
    for done in finished:
        assert done.returncode == 0, done
        assert_clean(done)
    engine = create_db_engine(resolve_url(str(db)))
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()
    assert_each_text_once(db, files)


@pytest.mark.sqlite_only("switching a new SQLite file to WAL needs a moment alone with the file")
def test_opening_a_new_database_waits_while_another_process_writes(tmp_path: Path, engine_name: str) -> None:
    # Switching a brand-new file to WAL while another connection holds the write lock makes SQLite
    # answer "busy" at once, without busy_timeout: this once failed with "database is locked".
    db = tmp_path / "new.db"
    holder = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")  # another process is in its first write transaction
    releaser = threading.Timer(2.0, lambda: holder.execute("COMMIT"))
    releaser.start()
    try:
        done = run(tmp_path, "--db", db, "sources", "--format", "json", timeout=60)
    finally:
        releaser.join()
        holder.close()
    assert done.returncode == 0, done
    assert done.seconds >= 1.5, "did not wait for the lock"
    assert json.loads(done.stdout) == []


def test_migrations_tolerate_another_process_upgrading_between_revisions(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, new_database: NewDatabase) -> None:
    """Another process opens the database just as this one is between two revisions.

    With one transaction per revision (Alembic's default on SQLite) and the current revision
    read once before the first, this made the first process re-run a revision the other had
    applied: "table settings already exists" (about 1 round in 30 of 8 processes opening a
    brand-new database at once, also as "duplicate column name: sentence").
    """
    db = new_database("race")
    original = MigrationContext.begin_transaction
    begun: list[str] = []
    others: list[Running] = []

    def begin_transaction(self, _per_migration: bool = False):
        if _per_migration:
            begun.append("revision")
            if len(begun) == 2:
                # between this process's first and second revision, another process opens the database
                others.append(Running(tmp_path, "--db", db, "db", "upgrade"))
                if not (self.connection is not None and self.connection.in_transaction()):
                    # nothing of ours holds the lock, so the other process can finish in between
                    wait_for(lambda: not others[0].running(), 60, "the other process")
        return original(self, _per_migration=_per_migration)

    monkeypatch.setattr(MigrationContext, "begin_transaction", begin_transaction)
    try:
        open_database(str(db)).close()
    finally:
        monkeypatch.undo()
        other = others[0].wait() if others else None
    assert other is not None, "the database was upgraded in fewer than two steps"
    assert other.returncode == 0, other
    engine = create_db_engine(resolve_url(str(db)))
    try:
        assert current_revision(engine) == head_revision()
    finally:
        engine.dispose()


def _open_when_all_are_ready(db: str, ready: Any, failures: Any) -> None:
    """What a process of the test below does: wait for the others, then open the database."""
    ready.wait()
    try:
        open_database(db).close()
    except Exception as exc:  # reported to the test, which fails on any
        failures.put(f"{type(exc).__name__}: {str(exc).splitlines()[0]}")
    else:
        failures.put(None)


def test_two_processes_opening_a_new_database_at_once_both_succeed_every_time(new_database: NewDatabase) -> None:
    """Both create the schema at the same moment: one does it, the other waits its turn and finds it done."""
    context = multiprocessing.get_context("fork")  # forked at once, so the two really race
    failures: list[str] = []
    for attempt in range(20):
        db = str(new_database(f"opened-at-once-{attempt}"))
        ready, outcomes = context.Barrier(2), context.Queue()
        processes = [context.Process(target=_open_when_all_are_ready, args=(db, ready, outcomes)) for _ in range(2)]
        for process in processes:
            process.start()
        failures += [f"try {attempt + 1}: {o}" for o in (outcomes.get(timeout=120) for _ in processes) if o]
        for process in processes:
            process.join(timeout=60)
            assert process.exitcode == 0
        with engine_for(db) as engine:
            assert current_revision(engine) == head_revision()
    assert failures == []


NEWSROOM_STATISTICS = [  # what several articles report: the measure, where, and the figures they give
    ("nurses", "Leeds", ["4,100", "4,100", "about 4,100", "5,600", "4,100"]),
    ("teachers", "Cardiff", ["2,300", "2,300", "2,900", "about 2,300", "2,300"]),
    ("firefighters", "Kent", ["870", "870", "more than 860", "1,200", "870"]),
    ("bus drivers", "Glasgow", ["1,450", "1,450", "1,450", "1,100", "1,450"]),
    ("paramedics", "Bristol", ["640", "about 640", "640", "640", "900"]),
    ("social workers", "Belfast", ["1,020", "1,020", "1,350", "1,020", "1,020"]),
    ("librarians", "Leicester", ["96", "96", "96", "about 96", "130"]),
    ("midwives", "Norwich", ["310", "310", "410", "310", "310"]),
]


def newsroom_articles(folder: Path, parts: int) -> list[Path]:
    """Articles that report the same statistics, in ``parts`` folders: several reports of each, agreeing and
    conflicting, so that cross-references link claims of different folders; and one figure of its own each.

    No statistic is reported more often than a claim is compared (crossref.MAX_CANDIDATES): its links
    are then the same whatever order the articles come in.
    """
    rng = random.Random(11)
    paths = []
    for n in range(5 * parts):
        lines = [f"Council staffing in {nonce_word(rng).title()}", ""]
        for measure, place, figures in NEWSROOM_STATISTICS:
            if (n + len(measure)) % 3:
                continue  # each article reports some of the statistics
            lines.append(f"{place} employed {figures[n % 5]} {measure} in 2018, the council said.")
        lines.append(f"The depot stored {100 + 7 * n:,} {nonce_word(rng)}s last year.")
        part = folder / f"desk-{n % parts}"
        part.mkdir(parents=True, exist_ok=True)
        paths.append(part / f"report-{n:02}.txt")
        paths[-1].write_text("\n".join(lines) + "\n", encoding="utf-8")
    return paths


def stored_state(db: Path | str) -> dict[str, Any]:
    """What a database holds, named by documents and places in them rather than by ids (which depend on the
    order things were stored in): documents, claims, links, and the claims of each statistic.
    """
    claims = {claim_id: (source, start, end) for claim_id, source, start, end in rows(
        db, "SELECT c.id, d.source, c.span_start, c.span_end FROM claims c JOIN documents d ON d.id = c.document_id")}
    statistics: dict[int, set[tuple]] = {}
    for claim_id, statistic in rows(db, "SELECT id, statistic FROM claims WHERE statistic IS NOT NULL"):
        statistics.setdefault(statistic, set()).add(claims[claim_id])
    return {
        "documents": sorted(rows(db, "SELECT source, sha256 FROM documents")),
        "claims": sorted(rows(db, f"SELECT (SELECT source FROM documents d WHERE d.id = document_id), "
                                  f"{STORED_CLAIM} FROM claims")),
        "links": sorted((*sorted([claims[a], claims[b]]), status)
                        for a, b, status in rows(db, "SELECT claim_a, claim_b, status FROM links")),
        "statistics": sorted(sorted(members) for members in statistics.values()),
    }


def test_four_ingests_at_once_store_what_one_ingest_stores(tmp_path: Path, new_database: NewDatabase) -> None:
    """Four processes (four desks of a newsroom) ingest at once, each its own files and the next desk's,
    each in its own order: the database ends as one ingest of all the files leaves it.
    """
    folder = tmp_path / "newsroom"
    files = newsroom_articles(folder, parts=4)
    alone, together = new_database("alone"), new_database("together")
    done = run(tmp_path, "--db", alone, "ingest", folder)
    assert done.returncode == 0, done
    desks = [folder / f"desk-{k}" for k in range(4)]
    finished = run_together(tmp_path, [["--db", together, "ingest", desks[k], desks[(k + 1) % 4]]
                                       for k in range(4)])
    for each in finished:
        assert each.returncode == 0, each
        assert_clean(each)
    expected = stored_state(alone)
    assert len(expected["documents"]) == len(files) and len(expected["links"]) >= 40, expected["links"]
    assert {status for *_, status in expected["links"]} == {"agree", "conflict"}
    found = stored_state(together)
    for what in ("documents", "claims", "links", "statistics"):
        assert found[what] == expected[what], what
    assert assert_database_consistent(together) == len(files)


# ==================================================================================================
# 5. The same folder ingested twice at the same time
# ==================================================================================================


def duplicate_rich_subset(folder: Path, sections: Sequence[str], per_section: int) -> list[Path]:
    """Some articles of each section, always including every file whose text appears twice."""
    chosen: list[Path] = []
    for section in sections:
        files = bbc(section)
        by_text: dict[str, list[Path]] = {}
        for path in files:
            by_text.setdefault(hashlib.sha256(path.read_bytes()).hexdigest(), []).append(path)
        twins = [p for group in by_text.values() if len(group) > 1 for p in group][:2 * per_section // 3]
        rest = [p for p in files if p not in twins][: per_section - len(twins)]
        chosen += copy_articles(folder / section, twins + rest)
    return chosen


def generated_with_duplicates(folder: Path, count: int) -> list[Path]:
    paths = generated_articles(folder, count)
    return paths + [shutil.copyfile(p, folder / f"copy-of-{p.name}") for p in paths[: count // 5]]


def ingest_folder_twice_at_once(tmp_path: Path, folder: Path, files: list[Path], timeout: float,
                                db: Path | str) -> None:
    migrated(db)
    finished = run_together(tmp_path, [["--db", db, "ingest", folder]] * 2, timeout=timeout)
    for done in finished:
        assert done.returncode == 0, done
        assert_clean(done)
    assert_each_text_once(db, files)
    totals = [d.stderr_lines[-1] for d in finished]
    assert all("failed 0;" in t for t in totals), totals


def test_same_folder_ingested_twice_at_once(tmp_path: Path, new_database: NewDatabase) -> None:
    folder = tmp_path / "corpus"
    if bbc("business") and bbc("tech"):
        files = duplicate_rich_subset(folder, ["business", "tech"], 45)
    else:
        files = generated_with_duplicates(folder, 60)
    assert len({sha256_text(text_of(p)) for p in files}) < len(files), "the subset has no duplicate texts"
    ingest_folder_twice_at_once(tmp_path, folder, files, timeout=300, db=new_database("twice"))


@pytest.mark.slow
@pytest.mark.skipif(not BBC.is_dir(), reason="the BBC corpus is not on this machine")
@pytest.mark.parametrize("sections", [("business", "tech"), ("business", "entertainment", "politics", "sport", "tech")],
                         ids=["two-sections", "full-corpus"])
def test_bbc_sections_ingested_twice_at_once(tmp_path: Path, sections: tuple[str, ...],
                                             new_database: NewDatabase) -> None:
    folder = tmp_path / "bbc"
    files = [p for section in sections for p in copy_articles(folder / section, bbc(section))]
    ingest_folder_twice_at_once(tmp_path, folder, files, timeout=1800, db=new_database("bbc"))


# ==================================================================================================
# 6. Hostile query options
# ==================================================================================================


def claims_table_intact(db: Path | str, count: int) -> None:
    assert rows(db, "SELECT count(*) FROM claims") == [(count,)]
    if not is_postgres(db):
        assert rows(db, "PRAGMA integrity_check") == [("ok",)]


@pytest.mark.parametrize("sort", [
    "id; DROP TABLE claims", "id; DROP TABLE claims --", "value desc", "claims.id", "ID", "1", "random()",
    "(SELECT 1)", "rank; --", " id", "id,value", "mention",
])
def test_sort_outside_the_whitelist_is_a_clean_error(invoke, seeded_db: Path, sort: str) -> None:
    before = rows(seeded_db, "SELECT count(*) FROM claims")[0][0]
    result = invoke(seeded_db, "claims", "--sort", sort, "--format", "json")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: cannot sort by {sort!r}; choose one of: rank, id, value, unit, measure, place, speaker, subject, "
        "document, position"]
    claims_table_intact(seeded_db, before)


@pytest.mark.parametrize("option", ["--min", "--max", "--limit"])
@pytest.mark.parametrize("value", ["abc", "1; DROP TABLE claims", "0x10", ""])
def test_non_numeric_bounds_are_usage_errors(invoke, seeded_db: Path, option: str, value: str) -> None:
    result = invoke(seeded_db, "claims", option, value, "--format", "json")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert f"Invalid value for '{option}'" in result.stderr
    assert "Traceback" not in result.stderr


INJECTIONS = ["%' OR 1=1 --", "' OR '1'='1", "%", "_%_", "\\", "\" OR \"\"=\"", "x'); --"]


@pytest.mark.parametrize("option", ["--document", "--speaker", "--measure", "--place"])
@pytest.mark.parametrize("value", INJECTIONS)
def test_injection_in_filters_matches_nothing(invoke, seeded_db: Path, option: str, value: str) -> None:
    before = rows(seeded_db, "SELECT count(*) FROM claims")[0][0]
    result = invoke(seeded_db, "claims", option, value, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == [], f"{option} {value!r} matched rows"
    claims_table_intact(seeded_db, before)


@pytest.mark.parametrize("value", [v for v in INJECTIONS if v != "%"])  # "%" is the percent sign
def test_injection_in_the_unit_is_an_unknown_unit(invoke, seeded_db: Path, value: str) -> None:
    before = rows(seeded_db, "SELECT count(*) FROM claims")[0][0]
    result = invoke(seeded_db, "claims", "--unit", value, "--format", "json")
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    assert result.stderr.startswith(f"Error: unknown unit {value!r}") and result.stderr.count("\n") == 1
    claims_table_intact(seeded_db, before)


@pytest.mark.parametrize("search", [
    '"', "'", "(", ")", "((officers", 'police" OR "1"="1', "NEAR(police officers)", "NEAR(police", "*", "police*",
    "officers NOT", "AND OR NOT", "mention:officers", "^police", "{mention}: 1", "-officers", "police + -",
    "'; DROP TABLE claims; --",
])
def test_hostile_search_never_reaches_fts_syntax(invoke, seeded_db: Path, search: str) -> None:
    before = rows(seeded_db, "SELECT count(*) FROM claims")[0][0]
    result = invoke(seeded_db, "claims", "--search", search, "--format", "json")
    assert "Traceback" not in result.output
    if result.exit_code == 2:  # only when no word is left to search for
        assert result.stderr.splitlines() == [f"Error: nothing to search for in {search!r}: give at least one word"]
    else:
        assert result.exit_code == 0, result.output
        found = json.loads(result.stdout)
        assert len(found) <= before
        assert "fts5" not in result.stderr.lower() and "syntax error" not in result.stderr.lower()
    claims_table_intact(seeded_db, before)


def test_hostile_rating_is_a_clean_error(invoke, seeded_db: Path) -> None:
    result = invoke(seeded_db, "claims", "--rating", "false' OR 1=1 --", "--format", "json")
    assert result.exit_code == 2 and result.stderr.startswith("Error: rating must be one of:"), result.output
    assert result.stdout == ""


@pytest.mark.parametrize("limit", ["-5", "-1"])  # -1 once slipped through as "limit + 1 == 0"
@pytest.mark.parametrize("format", ["json", "table"])
def test_negative_limit_is_a_clean_error(invoke, seeded_db: Path, limit: str, format: str) -> None:
    result = invoke(seeded_db, "claims", "--limit", limit, "--format", format)
    assert result.exit_code != 0, result.output
    assert result.stdout == ""
    assert result.stderr.strip() == "Error: --limit must be 0 or more"


# ==================================================================================================
# 7. Upgrades from every revision keep the data
# ==================================================================================================

REVISIONS = [s.revision for s in reversed(list(ScriptDirectory.from_config(alembic_config()).walk_revisions()))]

ARTICLE_A = GOOD_TEXT
ARTICLE_B = ("Officer numbers\n\n"
             "Forces in England and Wales lost 20,000 officers between 2010 and 2018, the union said.\n")


def claim_row(document_id: int, c, with_kind: bool) -> dict[str, object]:
    row = {
        "document_id": document_id, "span_start": c.start, "span_end": c.end, "mention": c.mention,
        "sentence": c.sentence, "sentence_start": c.sentence_start, "sentence_end": c.sentence_end,
        "value_text": None if c.value is None else str(c.value), "value": None if c.value is None else float(c.value),
        "low": None if c.low is None else float(c.low), "high": None if c.high is None else float(c.high),
        "unit": c.unit, "qualifier": c.qualifier, "change": c.change, "measure": c.measure, "place": c.place,
        "period": c.period, "period_start": c.period_start and c.period_start.isoformat(),
        "period_end": c.period_end and c.period_end.isoformat(), "speaker": c.speaker, "rule": c.rule,
    }
    if with_kind:
        row["kind"] = c.kind
    return row


def insert(connection: Connection, table: str, row: dict[str, object]) -> int:
    columns = ", ".join(row)
    marks = ", ".join(f":{name}" for name in row)
    return connection.execute(sql(f"INSERT INTO {table} ({columns}) VALUES ({marks}) RETURNING id"), row).scalar_one()


def at_least(revision: str, wanted: str) -> bool:
    return REVISIONS.index(revision) >= REVISIONS.index(wanted)


def fill_at_revision(db: Path | str, revision: str) -> dict[str, list[tuple]]:
    """Documents and claims (and, once the table exists, verdicts) written with plain SQL, as of ``revision``."""
    with engine_for(db) as engine, engine.begin() as connection:
        for n, (name, body, published) in enumerate(
                [("a.txt", ARTICLE_A, "2019-03-01"), ("b.txt", ARTICLE_B, None)], start=1):
            doc_id = insert(connection, "documents", {
                "source": f"/news/{name}", "url": f"https://example.org/{n}", "title": body.split("\n")[0],
                "author": "Jane Reporter", "publisher": "The Ledger", "published": published, "kind": "text",
                "encoding": "cp1252" if n == 2 else "utf-8", "sha256": sha256_text(body), "text": body,
                "extractor": "old-1", "ingested_at": f"2024-0{n}-02 03:04:05.000000"})
            day = dt.date.fromisoformat(published) if published else None
            for c in extract(body, day):
                insert(connection, "claims", claim_row(doc_id, c, with_kind=at_least(revision, "0002")))
        if at_least(revision, "0003"):
            claim_id, doc_id, start, end, mention = connection.execute(sql(
                "SELECT id, document_id, span_start, span_end, mention FROM claims WHERE mention = '21,000'")).one()
            verdict = {"claim_id": claim_id, "document_id": doc_id, "span_start": start, "span_end": end,
                       "mention": mention, "rating": "misleading", "note": "Workforce figures show 20,592.",
                       "evidence": json.dumps(["https://example.org/evidence"]), "author": "Data desk",
                       "created_at": "2024-05-06 07:08:09.000000"}
            if at_least(revision, "0004"):
                verdict["sentence"] = connection.execute(
                    sql("SELECT sentence FROM claims WHERE id = :id"), {"id": claim_id}).scalar_one()
            insert(connection, "verdicts", verdict)
    return snapshot(db)


DOCUMENT_COLUMNS = ("id, source, url, title, author, publisher, published, kind, encoding, sha256, text, extractor, "
                    "ingested_at")
BASE_CLAIM_COLUMNS = ("id, document_id, span_start, span_end, mention, sentence, sentence_start, sentence_end, "
                      "value_text, value, low, high, unit, qualifier, change, measure, place, period, period_start, "
                      "period_end, speaker, rule")
VERDICT_COLUMNS = ("id, claim_id, document_id, span_start, span_end, mention, rating, note, evidence, author, "
                   "created_at")


def snapshot(db: Path | str) -> dict[str, list[tuple]]:
    with engine_for(db) as engine:
        schema = inspect(engine)
        tables = set(schema.get_table_names())
        columns = {column["name"] for column in schema.get_columns("claims")}
    found = {
        "documents": rows(db, f"SELECT {DOCUMENT_COLUMNS} FROM documents ORDER BY id"),
        "claims": rows(db, f"SELECT {BASE_CLAIM_COLUMNS} FROM claims ORDER BY id"),
        "verdicts": rows(db, f"SELECT {VERDICT_COLUMNS} FROM verdicts ORDER BY id") if "verdicts" in tables else [],
    }
    found["kinds"] = rows(db, "SELECT id, kind FROM claims ORDER BY id") if "kind" in columns else []
    return found


@pytest.mark.parametrize("revision", REVISIONS)
def test_upgrade_from_each_revision_keeps_the_data(invoke, revision: str, new_database: NewDatabase) -> None:
    db = new_database(f"at-{revision}")
    engine = create_db_engine(resolve_url(str(db)))
    try:
        upgrade(engine, revision)
        assert current_revision(engine) == revision
    finally:
        engine.dispose()
    before = fill_at_revision(db, revision)
    assert before["documents"] and before["claims"]

    open_database(str(db)).close()  # what any command does first: upgrade to head

    after = snapshot(db)
    assert after["documents"] == before["documents"]
    assert after["claims"] == before["claims"]
    if before["kinds"]:
        assert after["kinds"] == before["kinds"]
        assert "pledge" in {k for _, k in after["kinds"]}
    else:  # claims from before the column existed are facts
        assert {k for _, k in after["kinds"]} == {"fact"}
    assert after["verdicts"] == before["verdicts"]
    if after["verdicts"]:
        assert len(after["verdicts"]) == 1
        assert rows(db, "SELECT v.sentence = c.sentence FROM verdicts v JOIN claims c ON c.id = v.claim_id") == [(1,)]

    claims = invoke(db, "claims", "--format", "json")
    assert claims.exit_code == 0, claims.output
    listed = json.loads(claims.stdout)
    assert [(c["id"], c["mention"], c["start"], c["end"]) for c in listed] == [
        (r[0], r[4], r[2], r[3]) for r in before["claims"]]
    assert {c["value"] for c in listed} >= {21000, 20000}
    verdicts = invoke(db, "verdicts", "--format", "json")
    assert verdicts.exit_code == 0, verdicts.output
    shown = json.loads(verdicts.stdout)
    assert [(v["id"], v["claim_id"], v["rating"], v["note"]) for v in shown] == [
        (v[0], v[1], v[6], v[7]) for v in before["verdicts"]]
    found = invoke(db, "claims", "--search", "officers", "--format", "json")  # the search index covers old claims
    assert found.exit_code == 0 and {c["mention"] for c in json.loads(found.stdout)} >= {"21,000", "20,000"}


def test_revisions_are_read_in_order() -> None:
    assert REVISIONS[0] == "0001" and REVISIONS[-1] == head_revision()
    assert len(REVISIONS) == len(set(REVISIONS)) >= 4
