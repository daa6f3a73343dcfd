"""The two engines the tests run on: SQLite files, and databases on a PostgreSQL server.

``FACTCHECK_TEST_POSTGRES`` names the server: an SQLAlchemy URL of a database on it that
the tests may connect to as a user who can create databases (``.ci/postgres start``
prints one). Each test that asks for a database gets one of its own, copied from a
migrated template database (``CREATE DATABASE ... TEMPLATE``) and dropped afterwards.
Without the variable, only the SQLite half runs.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from factcheck.storage.engine import create_db_engine, resolve_url

POSTGRES_ENV = "FACTCHECK_TEST_POSTGRES"
ENGINES = ("sqlite", "postgresql")
NO_SERVER = f"no PostgreSQL server for the tests: set {POSTGRES_ENV} (README, Development)"

# the new_database fixture: a name → a database with no schema yet (a file path, or a URL)
NewDatabase = Callable[[str], "Path | str"]


def postgres_url() -> str | None:
    """The URL of the test server, if one is configured."""
    return os.environ.get(POSTGRES_ENV) or None


class PostgresServer:
    """Creates and drops the tests' databases on the server named by :data:`POSTGRES_ENV`."""

    def __init__(self, url: str) -> None:
        parsed = make_url(url)
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        self.base: URL = parsed
        self.admin: Engine = create_engine(parsed, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        self._names = itertools.count(1)

    def new_name(self, stem: str) -> str:
        """A database name no other test (nor another run on the same server) uses."""
        return f"fct_{stem}_{os.getpid()}_{next(self._names)}"

    def url(self, name: str) -> str:
        """The URL of one of the server's databases, password included (tests need it whole)."""
        return self.base.set(database=name).render_as_string(hide_password=False)

    def create(self, name: str, template: str = "template0") -> str:
        """A new database, a copy of ``template`` (an empty one by default); returns its URL."""
        with self.admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
        return self.url(name)

    def drop(self, name: str) -> None:
        """Drop a database, ending any connection still open on it."""
        with self.admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

    def execute(self, sql: str, **params: Any) -> None:
        """A statement run as the tests' own (administrating) user."""
        with self.admin.connect() as connection:
            connection.execute(text(sql), params)

    def close(self) -> None:
        self.admin.dispose()


def is_postgres(db: str | Path) -> bool:
    """Whether a ``--db`` value names a PostgreSQL database (else an SQLite file)."""
    return str(db).startswith("postgresql")


@contextmanager
def engine_for(db: str | Path) -> Iterator[Engine]:
    """An engine on a test database (a file path or a URL), with factcheck's settings."""
    engine = create_db_engine(resolve_url(str(db)))
    try:
        yield engine
    finally:
        engine.dispose()


def rows(db: str | Path, query: str, **params: Any) -> list[tuple[Any, ...]]:
    """The rows of a plain SQL query on a test database (parameters as ``:name``)."""
    with engine_for(db) as engine, engine.connect() as connection:
        return [tuple(row) for row in connection.execute(text(query), params)]


def scalar(db: str | Path, query: str, **params: Any) -> Any:
    """The one value of a plain SQL query on a test database."""
    with engine_for(db) as engine, engine.connect() as connection:
        return connection.execute(text(query), params).scalar()


def assert_search_index_intact(db: str | Path) -> None:
    """The full-text index agrees with the claims table.

    SQLite: FTS5's own check that its external-content index matches the claims (rank 1:
    compare contents). PostgreSQL: every claim's search vector is the generated column's,
    which the database keeps; none is missing.
    """
    with engine_for(db) as engine, engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.execute(text("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)"))
            return
        generated = connection.execute(text(
            "SELECT attgenerated FROM pg_attribute WHERE attrelid = 'claims'::regclass "
            "AND attname = 'search_vector'")).scalar()
        assert generated == "s", "the search vector is not a stored generated column"
        assert connection.execute(text("SELECT count(*) FROM claims WHERE search_vector IS NULL")).scalar() == 0


def ranked_search(db: str | Path, words: list[str]) -> list[int]:
    """The ids of the claims holding all ``words``, best first, as the engine's own index ranks them."""
    if is_postgres(db):
        query = "plainto_tsquery('factcheck_english', factcheck_search_text(:words))"
        return [i for (i,) in rows(db, f"SELECT id FROM claims WHERE search_vector @@ {query} "
                                       f"ORDER BY ts_rank(search_vector, {query}) DESC, id", words=" ".join(words))]
    match = " ".join(f'"{w}"' for w in words)
    return [i for (i,) in rows(db, "SELECT rowid FROM claims_fts WHERE claims_fts MATCH :match "
                                   "ORDER BY bm25(claims_fts), rowid", match=match)]
