"""``factcheck datasette``: the metadata it writes, and a real Datasette server over the seeds.

The server runs as a subprocess on a free loopback port and is read through urllib
with proxies disabled, so nothing leaves the machine. Its whole process group is
terminated when the tests are done.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from factcheck.storage.datasette import AGREEMENTS_SQL, CONTRADICTIONS_SQL

# a team's PostgreSQL database is served through an SQLite snapshot of it: see the snapshot tests
pytestmark = pytest.mark.sqlite_only("Datasette serves SQLite files")

STARTUP_SECONDS = 20
# a direct opener: an http_proxy in the environment must not see loopback requests
LOOPBACK = urllib.request.build_opener(urllib.request.ProxyHandler({}))
CLAIM_FIELDS = {"id", "document_id", "span_start", "span_end", "mention", "sentence", "value_text", "value",
                "unit", "qualifier", "change", "measure", "place", "period", "speaker", "rule", "kind"}
VIEW_FIELDS = {"id", "document", "title", "publisher", "published", "url", "mention", "value", "unit", "qualifier",
               "change", "measure", "place", "period", "speaker", "kind", "sentence", "span_start", "span_end",
               "verdict", "crossref"}
LINK_FIELDS = {"link", "claim_a", "figure_a", "document_a", "claim_b", "figure_b", "document_b", "measure",
               "explanation"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(port: int, path: str, timeout: float = 5) -> bytes:
    with LOOPBACK.open(f"http://127.0.0.1:{port}{path}", timeout=timeout) as response:
        assert response.status == 200
        return response.read()


def fetch_json(port: int, path: str) -> Any:
    return json.loads(fetch(port, path))


def answers(port: int) -> bool:
    try:
        fetch(port, "/", timeout=1)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False
    return True


def rows(db: Path, sql: str, *params: Any) -> list[sqlite3.Row]:
    connection = sqlite3.connect(db)
    connection.row_factory = sqlite3.Row
    try:
        return list(connection.execute(sql, params))
    finally:
        connection.close()


@contextmanager
def serving(db: Path, workdir: Path) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """``factcheck --db DB datasette --port PORT`` running until the block ends; yields the process and port."""
    port = free_port()
    # TMPDIR: the temporary metadata folder of factcheck goes under the test's own folder
    env = {**{k: v for k, v in os.environ.items() if k != "FACTCHECK_DB"}, "TMPDIR": str(workdir)}
    log = (workdir / f"datasette-{port}.log").open("wb")
    process = subprocess.Popen(
        [sys.executable, "-c", "from factcheck.cli import main; main()",
         "--db", str(db), "datasette", "--port", str(port)],
        cwd=workdir, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while not answers(port):
            if process.poll() is not None:
                pytest.fail(f"datasette exited with {process.returncode}: "
                            f"{(workdir / log.name).read_text(errors='replace')}")
            if time.monotonic() > deadline:
                pytest.fail(f"datasette did not answer on port {port} within {STARTUP_SECONDS} s")
            time.sleep(0.2)
        yield process, port
    finally:
        # the server is a child of the factcheck process: interrupt the whole group this test started, as
        # Ctrl+C would, so that factcheck also removes its temporary metadata folder
        with suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGINT)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)
        log.close()


@pytest.fixture(scope="module")
def served_db(seeded_template: Path, invoke: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seeds with one verdict, in a file named ``newsroom.db``, for the server tests of this module."""
    path = tmp_path_factory.mktemp("served") / "newsroom.db"
    path.write_bytes(seeded_template.read_bytes())
    claim = next(r for r in rows(path, "select id from claims where mention = 'over 21,000'"))
    result = invoke(path, "verdict", str(claim["id"]), "--rating", "misleading", "--note", "Too high.")
    assert result.exit_code == 0, result.output
    return path


@pytest.fixture(scope="module")
def server(served_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    """The port of a Datasette server over ``served_db``."""
    pytest.importorskip("datasette")
    with serving(served_db, tmp_path_factory.mktemp("server")) as (_, port):
        yield port


# --- metadata ---------------------------------------------------------------------------------


def test_metadata_is_json_with_search_and_canned_queries(invoke, seeded_db):
    for key, value in (("publisher.name", "Fact Desk"), ("publisher.url", "https://facts.example.org")):
        assert invoke(seeded_db, "config", key, value).exit_code == 0
    result = invoke(seeded_db, "datasette", "--metadata")
    assert result.exit_code == 0, result.output
    meta = json.loads(result.stdout)
    assert (meta["source"], meta["source_url"]) == ("Fact Desk", "https://facts.example.org")
    database = meta["databases"][seeded_db.stem]
    assert database["description"] == "Document sets: seeds (5 documents; licence: not recorded)"
    for name in ("claims", "claims_view"):
        table = database["tables"][name]
        assert (table["fts_table"], table["fts_pk"]) == ("claims_fts", "id")
    assert set(database["queries"]) == {"agreements", "contradictions"}
    assert database["queries"]["agreements"]["sql"] == AGREEMENTS_SQL.strip()
    assert database["queries"]["contradictions"]["sql"] == CONTRADICTIONS_SQL.strip()

    # the canned queries run on the database and return the links the CLI reports
    for name, status in (("agreements", "agree"), ("contradictions", "conflict")):
        found = rows(seeded_db, database["queries"][name]["sql"])
        assert found and set(found[0].keys()) == LINK_FIELDS
        expected = rows(seeded_db, "select id from links where status = ? order by id", status)
        assert [r["link"] for r in found] == [r["id"] for r in expected]


def test_metadata_of_an_empty_database(invoke, db_path):
    meta = json.loads(invoke(db_path, "datasette", "--metadata").stdout)
    assert meta["source"] == "factcheck"
    assert meta["databases"][db_path.stem]["tables"]["claims"]["fts_table"] == "claims_fts"


def test_datasette_refuses_a_missing_database_folder(invoke, tmp_path):
    result = invoke(tmp_path / "missing" / "x.db", "datasette", "--metadata")
    assert result.exit_code != 0
    assert result.stderr.startswith("Error:") and "Traceback" not in result.output


# --- a running server -----------------------------------------------------------------------------


def test_server_lists_claims(server, served_db):
    found = fetch_json(server, "/newsroom/claims.json?_shape=array&_size=5")
    assert len(found) == 5
    assert [r["id"] for r in found] == [r["id"] for r in rows(served_db, "select id from claims order by id limit 5")]
    for row in found:
        assert set(row) >= CLAIM_FIELDS
        assert row["mention"] in row["sentence"]
        assert row["unit"] and row["qualifier"] in ("exact", "approx", "lower_bound", "upper_bound")


def test_server_claims_view_has_verdicts_and_crossrefs(server, served_db):
    found = fetch_json(server, "/newsroom/claims_view.json?_shape=array&_size=max")
    assert len(found) == len(rows(served_db, "select id from claims"))
    assert set(found[0]) >= VIEW_FIELDS
    by_mention = {r["mention"]: r for r in found}
    assert by_mention["over 21,000"]["verdict"] == "misleading"
    assert [r["id"] for r in found if r["verdict"]] == [by_mention["over 21,000"]["id"]]
    linked = {row["claim"]: row["status"] for row in rows(
        served_db, "select claim_a as claim, max(status = 'conflict') as status from "
                   "(select claim_a, status from links union all select claim_b, status from links) group by claim_a")}
    for row in found:
        expected = None if row["id"] not in linked else ("conflict" if linked[row["id"]] else "agree")
        assert row["crossref"] == expected, row
    assert {"agree", "conflict", None} == {r["crossref"] for r in found}


@pytest.mark.parametrize(("query", "status"), [("agreements", "agree"), ("contradictions", "conflict")])
def test_server_canned_queries(server, served_db, query, status):
    found = fetch_json(server, f"/newsroom/{query}.json?_shape=array")
    expected = rows(served_db, "select id, claim_a, claim_b from links where status = ? order by id", status)
    assert [(r["link"], r["claim_a"], r["claim_b"]) for r in found] == [tuple(r) for r in expected]
    assert found
    mentions = {r["id"]: r["mention"] for r in rows(served_db, "select id, mention from claims")}
    for row in found:
        assert set(row) == LINK_FIELDS
        assert (row["figure_a"], row["figure_b"]) == (mentions[row["claim_a"]], mentions[row["claim_b"]])
        # one document's figure stated twice is one statistic; two of its figures never conflict
        assert status == "agree" or row["document_a"] != row["document_b"]
        assert row["explanation"]


def test_server_full_text_search(server, served_db, invoke):
    found = fetch_json(server, "/newsroom/claims.json?_search=police+officer&_shape=array")
    assert found
    cli = json.loads(invoke(served_db, "claims", "--search", "police officer", "--format", "json").stdout)
    assert {r["id"] for r in found} == {r["id"] for r in cli}
    assert all("officers" in (r["sentence"] + r["measure"]).lower() for r in found)
    assert fetch_json(server, "/newsroom/claims.json?_search=zeppelin&_shape=array") == []


def test_server_claims_view_is_searchable_as_the_claims_table_is(server, served_db):
    in_table = fetch_json(server, "/newsroom/claims.json?_search=police+officer&_shape=array")
    in_view = fetch_json(server, "/newsroom/claims_view.json?_search=police+officer&_shape=array&_size=max")
    assert in_view and {r["id"] for r in in_view} == {r["id"] for r in in_table}
    assert len(in_view) < len(rows(served_db, "select id from claims"))  # the search was applied, not ignored
    assert fetch_json(server, "/newsroom/claims_view.json?_search=zeppelin&_shape=array") == []


def test_terminating_factcheck_stops_the_server(served_db, tmp_path):
    pytest.importorskip("datasette")
    with serving(served_db, tmp_path) as (process, port):
        process.terminate()  # what a supervisor does: only the process it started
        process.wait(timeout=10)
        deadline = time.monotonic() + 2
        while answers(port) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not answers(port)
        assert list(tmp_path.glob("factcheck-datasette-*")) == []


def test_document_sets_carry_their_source_and_licence(invoke, seeded_db):
    for key, value in (("set.seeds.source", "Five UK news articles"), ("set.seeds.licence", "Quoted for review"),
                       ("licence", "CC BY 4.0")):
        assert invoke(seeded_db, "config", key, value).exit_code == 0
    meta = json.loads(invoke(seeded_db, "datasette", "--metadata").stdout)
    description = next(iter(meta["databases"].values()))["description"]
    expected = "Document sets: seeds (5 documents; source: Five UK news articles; licence: Quoted for review)"
    assert description == expected
    assert meta["license"] == "CC BY 4.0"
    assert invoke(seeded_db, "config", "set.seeds.colour", "red").exit_code != 0
