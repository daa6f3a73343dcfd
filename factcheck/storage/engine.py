"""The connection to a database, at the bottom of the storage layer: URL resolution (and how a URL is
shown, its password hidden), engine set-up for SQLite and PostgreSQL, and :class:`Database`, whose
sessions read, or write as one transaction under the database's write lock.

Nothing here runs at import time; callers open a :class:`Database` explicitly
(:func:`factcheck.storage.database.open_database`). ``Session`` is the type of the
sessions the layers above are handed.
"""

from __future__ import annotations

import os
import re
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event, func, select
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from factcheck.errors import DatabaseError

DEFAULT_DB = "factcheck.db"
ENV_VAR = "FACTCHECK_DB"
BUSY_TIMEOUT_MS = 60_000
# PostgreSQL advisory lock key of the database's write lock (see Database.write); the schema lock
# is factcheck.storage.schema.SCHEMA_LOCK
WRITE_LOCK = 0x6663_0002
# The SQLite application id of a read-only snapshot (factcheck.storage.snapshot): "fcsn"
SNAPSHOT_APPLICATION_ID = 0x6663_736E


def resolve_url(db: str | None = None) -> str:
    """The SQLAlchemy URL for ``--db``, else ``$FACTCHECK_DB``, else ``./factcheck.db``.

    >>> resolve_url("sqlite:///x.db")
    'sqlite:///x.db'
    """
    value = db or os.environ.get(ENV_VAR) or DEFAULT_DB
    if "://" in value:
        return value
    return f"sqlite:///{Path(value).expanduser().resolve()}"


_PASSWORD_IN_URL = re.compile(r"(?P<user>//[^:/@]*):(?P<password>[^@/]*)@")


def shown_url(url: str) -> str:
    """A database URL as it may be printed: its password, if any, as ``***``.

    >>> shown_url("postgresql+psycopg://desk:s3cret@db.example.org/news")
    'postgresql+psycopg://desk:***@db.example.org/news'
    >>> shown_url("sqlite:///newsroom.db")
    'sqlite:///newsroom.db'
    """
    return _PASSWORD_IN_URL.sub(r"\g<user>:***@", url)


def _with_driver(url: URL) -> URL:
    """A PostgreSQL URL that names no driver uses psycopg (version 3), the one factcheck installs."""
    if url.drivername == "postgresql":
        return url.set(drivername="postgresql+psycopg")
    return url


def _missing_driver(url: str, parsed: URL, exc: ImportError) -> DatabaseError:
    if parsed.get_backend_name() == "postgresql":
        hint = "pip install 'factcheck[postgres]'"
        if parsed.get_driver_name() != "psycopg":
            hint += ", and use a postgresql:// or postgresql+psycopg:// URL"
        return DatabaseError(f"cannot open database {shown_url(url)}: the PostgreSQL driver "
                             f"{parsed.get_driver_name()} is not installed ({hint})")
    return DatabaseError(f"cannot open database {shown_url(url)}: its driver is not installed ({exc})")


def database_failure(exc: BaseException) -> str | None:
    """The first line of the message of a failure the database reported (a constraint, a full disk, a
    lost connection); ``None`` for any other exception.
    """
    return str(exc).splitlines()[0] if isinstance(exc, SQLAlchemyError) else None


def _configure_sqlite(dbapi_connection, _record) -> None:
    # Foreign keys are off by default in SQLite; WAL lets readers work during an ingest.
    # The driver's own implicit BEGIN is turned off so that ours (below) is the only one.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    if cursor.execute("PRAGMA application_id").fetchone()[0] == SNAPSHOT_APPLICATION_ID:
        cursor.execute("PRAGMA query_only=ON")  # a snapshot is read as it is, never written
    else:
        _use_wal(cursor)
        cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _use_wal(cursor) -> None:
    # WAL is a property of the file, kept once set. Switching to it needs a moment alone with
    # the file, and SQLite answers "busy" at once rather than waiting: so look first, and retry.
    if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() == "wal":
        return
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.05)


def _begin_sqlite(conn) -> None:
    # Whether foreign keys are checked can only be set outside a transaction: so before
    # each one, for that one (see Database.write).
    options = conn.get_execution_options()
    conn.exec_driver_sql(f"PRAGMA foreign_keys={'ON' if options.get('factcheck_references', True) else 'OFF'}")
    # A writer takes the write lock up front (BEGIN IMMEDIATE) so that concurrent
    # writers wait on busy_timeout instead of failing with "database is locked".
    if options.get("factcheck_write"):
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    else:
        conn.exec_driver_sql("BEGIN")


def _configure_postgresql(dbapi_connection, _record) -> None:
    # Times are written and read in UTC, whatever the server's own time zone: a time written
    # without one (as SQLite keeps them) means UTC, as it does on SQLite.
    with dbapi_connection.cursor() as cursor:
        cursor.execute("SET TIME ZONE 'UTC'")
    dbapi_connection.commit()


def create_db_engine(url: str) -> Engine:
    """An engine for ``url`` with factcheck's SQLite settings applied on every connection."""
    try:
        parsed = _with_driver(make_url(url))
    except ArgumentError as exc:
        raise DatabaseError(f"not a database URL: {shown_url(url)}") from exc
    is_sqlite = parsed.get_backend_name() == "sqlite"
    if is_sqlite and parsed.database and parsed.database != ":memory:":
        folder = Path(parsed.database).parent
        if not folder.is_dir():
            raise DatabaseError(f"cannot create database {parsed.database}: no folder {folder}")
    try:
        engine = create_engine(parsed, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000} if is_sqlite else {})
    except ImportError as exc:
        raise _missing_driver(url, parsed, exc) from exc
    except ArgumentError as exc:
        raise DatabaseError(f"cannot open database {shown_url(url)}: {exc}") from exc
    if is_sqlite:
        event.listen(engine, "connect", _configure_sqlite)
        event.listen(engine, "begin", _begin_sqlite)
    elif parsed.get_backend_name() == "postgresql":
        event.listen(engine, "connect", _configure_postgresql)
    return engine


@dataclass
class Database:
    """An opened database: its engine and a session factory."""

    url: str = field(repr=False)  # may hold a password: see shown_url
    engine: Engine
    sessions: sessionmaker[Session] = field(init=False, repr=False)
    # whether its links were made by the current cross-referencing rules (see open_database)
    links_current: bool = field(default=True, init=False)

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def file(self) -> str | None:
        """The file of an SQLite database (``None`` for a database on a server)."""
        return self.engine.url.database if self.is_sqlite else None

    @property
    def is_snapshot(self) -> bool:
        """Whether this is a read-only snapshot of a database (``factcheck export --format sqlite``)."""
        if not self.is_sqlite:
            return False
        with self.engine.connect() as connection:
            return connection.exec_driver_sql("PRAGMA application_id").scalar() == SNAPSHOT_APPLICATION_ID

    def writable(self) -> Database:
        """This database, if it can be written: a snapshot cannot (:class:`DatabaseError`)."""
        if self.is_snapshot:
            raise DatabaseError(f"{self.engine.url.database} is a read-only snapshot: write to the database it "
                                "was taken from, and export a new snapshot")
        return self

    @contextmanager
    def read(self, *, consistent: bool = False) -> Iterator[Session]:
        """A session for queries.

        With ``consistent``, every query of the session sees the database as it was at the
        first: what writers commit meanwhile is not seen (SQLite's read transaction does so
        anyway; on PostgreSQL the session is ``REPEATABLE READ``).
        """
        with self.sessions() as session:
            if consistent and self.engine.dialect.name == "postgresql":
                session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
            yield session

    @contextmanager
    def write(self, *, check_references: bool = True) -> Iterator[Session]:
        """A session whose work is committed as one transaction, or rolled back whole.

        Writers take the database's write lock first, and so take turns, however many
        processes write at once (readers never wait): SQLite's ``BEGIN IMMEDIATE``, an
        advisory lock on PostgreSQL. What a writer reads once it has the lock is what every
        writer before it committed: a document stored meanwhile is found, and new claims
        are linked with every claim stored before them.

        With ``check_references=False``, SQLite does not check that the rows written refer
        to rows that exist (foreign keys): only for work whose rows refer to rows it read in
        the same transaction, such as relinking every claim, where each check is a look-up
        for nothing. Other databases check them all the same.
        """
        with self.sessions() as session:
            connection = session.connection(execution_options={"factcheck_write": True,
                                                               "factcheck_references": check_references})
            if connection.dialect.name == "postgresql":
                connection.execute(select(func.pg_advisory_xact_lock(WRITE_LOCK)))
            try:
                yield session
                session.commit()
            except BaseException:
                session.rollback()
                raise

    def close(self) -> None:
        self.engine.dispose()
