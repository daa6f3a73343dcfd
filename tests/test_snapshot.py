"""``factcheck export --format sqlite``: a read-only SQLite snapshot of a database of either engine,
which factcheck and Datasette itself read as it is."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from clihelpers import assert_one_line_error, ok_json

from factcheck.storage import bulk
from factcheck.storage.engine import SNAPSHOT_APPLICATION_ID

READS = [
    ["claims", "--format", "json"],
    ["sources", "--format", "json"],
    ["agreements", "--format", "json"],
    ["contradictions", "--format", "json"],
    ["figures", "--format", "json"],
    ["verdicts", "--format", "json"],
    ["show", "25", "--format", "json"],
    # in the order of ids: each engine ranks by its own measure
    ["claims", "--search", "police officer", "--sort", "id", "--format", "json"],
    ["claims", "--search", "Zurich cafes", "--sort", "id", "--format", "json"],
    ["claims", "--rating", "misleading", "--format", "json"],
    ["export", "--format", "json"],
    ["config"],
]


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def newsroom(invoke, seeded_db: Path | str, tmp_path: Path) -> Path | str:
    """The seeds, an article with accents, a verdict, a publisher and a document set's licence."""
    article = tmp_path / "cafes.txt"
    article.write_text("Café prices\n\nCafés in Zürich charged €4.50 for a coffee in 2022, the owners said.\n",
                       encoding="utf-8")
    for args in (["ingest", str(article)],
                 ["verdict", "25", "--rating", "misleading", "--note", "Workforce figures show 20,592.",
                  "--by", "Data desk", "--evidence", "https://example.org/workforce"],
                 ["config", "publisher.name", "Fact Desk"], ["config", "publisher.url", "https://facts.example.org"],
                 ["config", "set.seeds.licence", "Research use only"]):
        result = invoke(seeded_db, *args)
        assert result.exit_code == 0, result.output
    return seeded_db


def snapshot_of(invoke, db: Path | str, target: Path) -> Any:
    result = invoke(db, "export", "--format", "sqlite", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    return result


def test_a_snapshot_reads_as_the_database_it_was_taken_from(invoke, newsroom: Path | str, tmp_path: Path) -> None:
    target = tmp_path / "snapshot.db"
    result = snapshot_of(invoke, newsroom, target)
    assert f"31 claims written to {target}, a read-only snapshot" in result.stderr
    for args in READS:
        assert invoke(target, *args).stdout == invoke(newsroom, *args).stdout, args
    assert "up to date" in invoke(target, "db", "current").stdout


def test_a_snapshot_is_sealed_for_reading(invoke, newsroom: Path | str, tmp_path: Path) -> None:
    target = tmp_path / "snapshot.db"
    snapshot_of(invoke, newsroom, target)
    assert stat.S_IMODE(target.stat().st_mode) & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) == 0
    assert sorted(p.name for p in tmp_path.glob("snapshot.db*")) == ["snapshot.db"]  # no journal beside it
    connection = sqlite3.connect(f"file:{target}?mode=ro", uri=True)
    try:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert connection.execute("PRAGMA application_id").fetchone() == (SNAPSHOT_APPLICATION_ID,)
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        # the search index has every claim
        assert connection.execute("SELECT count(*) FROM claims_fts_docsize").fetchone() == (31,)
        settings = dict(connection.execute("SELECT key, value FROM settings"))
    finally:
        connection.close()
    assert settings["publisher.name"] == "Fact Desk" and settings["set.seeds.licence"] == "Research use only"
    assert settings["snapshot.taken_at"] and settings["snapshot.of"]


@pytest.mark.parametrize("args", [["ingest", "seeds"], ["verdict", "1", "--rating", "true", "--note", "x"],
                                  ["config", "licence", "CC BY"], ["reextract"], ["db", "relink"]])
def test_a_snapshot_is_never_written(invoke, newsroom: Path | str, tmp_path: Path, args: list[str]) -> None:
    target = tmp_path / "snapshot.db"
    snapshot_of(invoke, newsroom, target)
    before = digest(target)
    line = assert_one_line_error(invoke(target, *args))
    assert "read-only snapshot" in line
    assert digest(target) == before
    assert sorted(p.name for p in tmp_path.glob("snapshot.db*")) == ["snapshot.db"]


def datasette_get(db: Path, path: str, *options: str) -> Any:
    """What Datasette itself answers for ``path`` on the file (``datasette serve --get``), as JSON."""
    done = subprocess.run([sys.executable, "-m", "datasette", "serve", *options, str(db), "--get", path],
                          capture_output=True, text=True, timeout=120, cwd=db.parent)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_datasette_itself_serves_a_snapshot_as_it_is(invoke, newsroom: Path | str, tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    target = tmp_path / "snapshot.db"
    snapshot_of(invoke, newsroom, target)
    searched = datasette_get(target, "/snapshot/claims.json?_search=police+officer&_shape=array&_size=max")
    found = ok_json(invoke(newsroom, "claims", "--search", "police officer", "--format", "json"))
    assert sorted(r["id"] for r in searched) == sorted(r["id"] for r in found) != []
    view = datasette_get(target, "/snapshot/claims_view.json?_shape=array&_size=max")
    assert len(view) == 31
    rated = [row for row in view if row["id"] == 25]
    assert rated[0]["verdict"] == "misleading" and rated[0]["crossref"] == "conflict"
    tables = {t["name"]: t for t in datasette_get(target, "/snapshot.json", "-i")["tables"]}
    assert tables["claims"]["fts_table"] == "claims_fts" and tables["claims"]["count"] == 31
    groups = datasette_get(target, "/snapshot/links.json?_shape=array&_size=max")
    assert {row["status"] for row in groups} == {"agree", "conflict"}
    meta = ok_json(invoke(target, "datasette", "--metadata"))
    assert meta["databases"]["snapshot"]["tables"]["claims"]["fts_table"] == "claims_fts"
    assert meta["source"] == "Fact Desk"


def test_a_new_snapshot_replaces_the_old_one(invoke, newsroom: Path | str, tmp_path: Path) -> None:
    target = tmp_path / "snapshot.db"
    snapshot_of(invoke, newsroom, target)
    result = invoke(newsroom, "verdict", "13", "--rating", "true", "--note", "Confirmed.")
    assert result.exit_code == 0, result.output
    snapshot_of(invoke, newsroom, target)
    assert ok_json(invoke(target, "verdicts", "--format", "json")) == ok_json(
        invoke(newsroom, "verdicts", "--format", "json"))
    assert sorted(p.name for p in tmp_path.glob("*snapshot.db*")) == ["snapshot.db"]


def test_a_failed_snapshot_leaves_nothing_behind(invoke, newsroom: Path | str, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "snapshot.db"
    snapshot_of(invoke, newsroom, target)
    before = digest(target)
    real = bulk.insert_rows

    def full_disk(connection: Any, table: Any, columns: Any, values: Any) -> None:
        if table.name == "verdicts":
            raise OSError(28, "No space left on device")
        real(connection, table, columns, values)

    monkeypatch.setattr(bulk, "insert_rows", full_disk)
    result = invoke(newsroom, "export", "--format", "sqlite", "--output", str(target))
    assert result.exit_code != 0
    assert "No space left on device" in result.stderr and "Traceback" not in result.output
    assert digest(target) == before  # the last good snapshot is still there, whole
    assert sorted(p.name for p in tmp_path.iterdir() if "snapshot" in p.name) == ["snapshot.db"]


@pytest.mark.parametrize(("args", "message"), [
    (["--format", "sqlite"], "a snapshot is a file: give it with --output FILE"),
    (["--format", "sqlite", "--output", "missing/snapshot.db"], "no folder"),
    (["--format", "sqlite", "--output", "s.db", "--excel"], "--excel applies to CSV only"),
])
def test_a_snapshot_refused_in_one_line(invoke, db_path: Path | str, args: list[str], message: str) -> None:
    line = assert_one_line_error(invoke(db_path, "export", *args))
    assert message in line


@pytest.mark.sqlite_only("only an SQLite database is a file a snapshot could be written over")
def test_a_snapshot_is_not_written_over_its_own_database(invoke, db_path: Path) -> None:
    before = digest(db_path)
    line = assert_one_line_error(invoke(db_path, "export", "--format", "sqlite", "--output", str(db_path)))
    assert "is the database itself" in line
    assert digest(db_path) == before
    assert os.access(db_path, os.W_OK)
