"""Shared fixtures: a template database migrated once per session and copied per test,
a CLI runner, and a database with the demo corpus (``seeds/``) ingested.

Every test that asks for a database (``db_path``, ``database``, ``seeded_db``,
``new_database``) runs twice: on SQLite and on PostgreSQL (see :mod:`engines`; the
PostgreSQL run is skipped when no server is configured). A test of what only SQLite
does is marked ``@pytest.mark.sqlite_only("why")``. On SQLite a database is a file
path; on PostgreSQL it is a URL.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from engines import ENGINES, NO_SERVER, PostgresServer, postgres_url
from sqlalchemy.engine import make_url
from typer.testing import CliRunner, Result
from website import Site
from website import start as start_site
from website import stop as stop_site

from factcheck.cli import app
from factcheck.storage.database import open_database
from factcheck.storage.engine import Database

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


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    """Run each test that uses a database once per engine (SQLite only for ``sqlite_only`` tests)."""
    if "engine_name" not in metafunc.fixturenames:
        return
    only = metafunc.definition.get_closest_marker("sqlite_only")
    if only is not None and not only.args:
        raise pytest.UsageError(f"{metafunc.definition.nodeid}: sqlite_only needs a reason")
    no_server = pytest.mark.skipif(postgres_url() is None, reason=NO_SERVER)
    params = [pytest.param(name, id=name, marks=[no_server] if name == "postgresql" else [])
              for name in ENGINES if only is None or name == "sqlite"]
    metafunc.parametrize("engine_name", params, scope="session")


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresServer]:
    """The PostgreSQL server of the tests (skipped when none is configured)."""
    url = postgres_url()
    if url is None:
        pytest.skip(NO_SERVER)
    server = PostgresServer(url)
    try:
        yield server
    finally:
        server.close()


def _copy(request: pytest.FixtureRequest, template: Path | str, target: Path, stem: str) -> Iterator[Path | str]:
    """A copy of a template database: a file next to ``target``'s name, or a database on the server."""
    if isinstance(template, Path):
        yield _copy_database(template, target)
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.new_name(stem)
    url = server.create(name, template=make_url(template).database or "")
    try:
        yield url
    finally:
        server.drop(name)


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
def template_db(engine_name: str, request: pytest.FixtureRequest,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | str]:
    """An empty database migrated to head, created once per session and engine."""
    if engine_name == "sqlite":
        path = tmp_path_factory.mktemp("template") / "template.db"
        open_database(str(path)).close()
        _checkpoint(path)
        yield path
        return
    server: PostgresServer = request.getfixturevalue("postgres")
    name = server.new_name("template")
    url = server.create(name)
    try:
        open_database(url).close()
        yield url
    finally:
        server.drop(name)


@pytest.fixture(scope="session")
def copy_database(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[Callable[[Path | str, str], Path | str]]:
    """``copy_database(template, stem)``: a copy of a template database for a module's fixtures, kept to the
    end of the session (a per-test copy is ``db_path`` or ``seeded_db``).
    """
    made: list[Iterator[Path | str]] = []

    def copy(template: Path | str, stem: str) -> Path | str:
        made.append(_copy(request, template, tmp_path_factory.mktemp(stem) / f"{stem}.db", stem))
        return next(made[-1])

    yield copy
    for copied in made:
        for _ in copied:  # the rest of the generator drops the database
            pass


@pytest.fixture
def db_path(template_db: Path | str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """A fresh copy of the migrated template for one test: an SQLite file, or a PostgreSQL database's URL."""
    yield from _copy(request, template_db, tmp_path / "factcheck-test.db", "test")


@pytest.fixture
def new_database(engine_name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Callable[[str], Path | str]:
    """``new_database(name)``: a database with no schema yet, as a new user's first command finds it:
    an SQLite file that does not exist, or an empty PostgreSQL database (dropped after the test).
    """
    if engine_name == "sqlite":
        return lambda name: tmp_path / f"{name}.db"
    server: PostgresServer = request.getfixturevalue("postgres")
    made: list[str] = []

    def create(name: str) -> str:
        made.append(server.new_name(name.replace("-", "_")))
        return server.create(made[-1])

    request.addfinalizer(lambda: [server.drop(name) for name in made])
    return create


@pytest.fixture
def database(db_path: Path | str) -> Iterator[Database]:
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
def seeded_template(template_db: Path | str, seeds_dir: Path, invoke: Invoke, request: pytest.FixtureRequest,
                    tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path | str]:
    """The template with the seeds ingested through the CLI, once per session and engine."""
    for seeded in _copy(request, template_db, tmp_path_factory.mktemp("seeded") / "seeded.db", "seeded"):
        result = invoke(seeded, "ingest", str(seeds_dir))
        assert result.exit_code == 0, result.output
        if isinstance(seeded, Path):
            _checkpoint(seeded)
        yield seeded


@pytest.fixture
def seeded_db(seeded_template: Path | str, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator[Path | str]:
    """A database holding the five seed articles and their claims, private to one test."""
    yield from _copy(request, seeded_template, tmp_path / "seeded.db", "seeded_copy")


def _running_site() -> Iterator[Site]:
    served = Site()
    start_site(served)
    try:
        yield served
    finally:
        stop_site(served)


@pytest.fixture
def site() -> Iterator[Site]:
    """A web site on 127.0.0.1, started for one test and stopped after it (see tests/website.py)."""
    yield from _running_site()


@pytest.fixture
def other_site() -> Iterator[Site]:
    """A second site, on another port: another host, fetched in parallel with the first."""
    yield from _running_site()
