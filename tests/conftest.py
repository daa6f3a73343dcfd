"""Shared fixtures: a template database migrated once per session and copied per test,
a CLI runner, and a database with the demo corpus (``seeds/``) ingested.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result
from website import Site
from website import start as start_site
from website import stop as stop_site

from factcheck.cli import app
from factcheck.db import Database, open_database

SEEDS_DIR = Path(__file__).parent.parent / "seeds"

# Rich takes its width from the real terminal (even when output is captured) unless
# COLUMNS is set, and its colours from FORCE_COLOR and friends: pin them all so that
# output does not depend on the terminal that runs the tests. 80 columns is what a
# program gets when its output goes to a file or a pipe with no terminal at all.
RUNNER_ENV: dict[str, str | None] = {
    "FORCE_COLOR": None,
    "TTY_COMPATIBLE": None,
    "TTY_INTERACTIVE": None,
    "COLUMNS": "80",
    "LINES": "25",
    "NO_COLOR": "1",
}

Invoke = Callable[..., Result]


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the main file so that copying the ``.db`` file alone is complete."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _copy_database(template: Path, target: Path) -> Path:
    shutil.copyfile(template, target)
    return target


@pytest.fixture(autouse=True)
def _isolated(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads the caller's ``$FACTCHECK_DB`` or writes ``factcheck.db`` into the repo."""
    monkeypatch.delenv("FACTCHECK_DB", raising=False)
    monkeypatch.chdir(tmp_path)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The demo corpus that ships with the repository."""
    assert SEEDS_DIR.is_dir(), f"no seeds folder at {SEEDS_DIR}"
    return SEEDS_DIR


@pytest.fixture(scope="session")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An empty database migrated to head, created once per session."""
    path = tmp_path_factory.mktemp("template") / "template.db"
    database = open_database(str(path))
    database.close()
    _checkpoint(path)
    return path


@pytest.fixture
def db_path(template_db: Path, tmp_path: Path) -> Path:
    """A fresh copy of the migrated template for one test."""
    return _copy_database(template_db, tmp_path / "factcheck-test.db")


@pytest.fixture
def database(db_path: Path) -> Iterator[Database]:
    """The fresh copy of the template, opened; closed after the test."""
    db = open_database(str(db_path))
    try:
        yield db
    finally:
        db.close()


@pytest.fixture(scope="session")
def runner() -> CliRunner:
    """A CLI runner; stdout and stderr are captured separately (``result.stdout``/``stderr``)."""
    return CliRunner(env=RUNNER_ENV)


@pytest.fixture(scope="session")
def invoke(runner: CliRunner) -> Invoke:
    """``invoke(db_path, *args)`` runs ``factcheck --db DB_PATH *args``.

    ``db_path=None`` leaves ``--db`` out; ``input=`` feeds stdin; ``env=`` adds variables.
    """

    def run(db_path: Path | str | None, *args: str, input: str | bytes | None = None,
            env: dict[str, str | None] | None = None) -> Result:
        argv = ["--db", str(db_path), *args] if db_path is not None else list(args)
        return runner.invoke(app, argv, input=input, env={**RUNNER_ENV, **(env or {})})

    return run


@pytest.fixture(scope="session")
def seeded_template(template_db: Path, seeds_dir: Path, invoke: Invoke,
                    tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The template with the seeds ingested through the CLI, once per session."""
    path = _copy_database(template_db, tmp_path_factory.mktemp("seeded") / "seeded.db")
    result = invoke(path, "ingest", str(seeds_dir))
    assert result.exit_code == 0, result.output
    _checkpoint(path)
    return path


@pytest.fixture
def seeded_db(seeded_template: Path, tmp_path: Path) -> Path:
    """A database holding the five seed articles and their claims, private to one test."""
    return _copy_database(seeded_template, tmp_path / "seeded.db")


@pytest.fixture
def site() -> Iterator[Site]:
    """A web site on 127.0.0.1, started for one test and stopped after it (see tests/website.py)."""
    served = Site()
    start_site(served)
    try:
        yield served
    finally:
        stop_site(served)


@pytest.fixture
def other_site() -> Iterator[Site]:
    """A second site, on another port: another host, fetched in parallel with the first."""
    served = Site()
    start_site(served)
    try:
        yield served
    finally:
        stop_site(served)
