"""A read-only SQLite snapshot of a database of either engine: what Datasette serves for a team.

The snapshot is a factcheck database of its own, at the same schema revision: documents,
claims with their statistics, blocking keys, links, verdicts, settings and the links of feeds
and sitemaps ingested before, copied as they are (same ids), with SQLite's full-text index and
the ``claims_view`` that the migrations make. It is written to a temporary file beside the
target and moved into place when whole, so that a failed or interrupted export never leaves
half a snapshot. It is then marked as a snapshot (its SQLite application id): factcheck opens
it for reading only, and its rollback journal (not WAL) lets any program read it from a
read-only file or folder.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

from sqlalchemy import Date, DateTime, Table, delete, select, text, true

from factcheck.errors import InputError
from factcheck.storage import bulk
from factcheck.storage.database import open_database
from factcheck.storage.engine import SNAPSHOT_APPLICATION_ID, Database, Session, shown_url
from factcheck.storage.models import Claim, ClaimKey, Document, Link, SeenLink, Setting, Verdict, utcnow

# in the order their references need
TABLES: tuple[type[Any], ...] = (Document, Claim, ClaimKey, Link, Verdict, Setting, SeenLink)
_BATCH = 2000
_SQLITE_TIME = "%Y-%m-%d %H:%M:%S.%f"  # how SQLAlchemy keeps a time in SQLite


def _as_stored(value: Any, column_type: Any) -> Any:
    """A value read from either engine as SQLite keeps it: dates as ISO text, times as UTC text."""
    if isinstance(value, dt.datetime):
        moment = value.astimezone(dt.UTC).replace(tzinfo=None) if value.tzinfo else value
        return moment.strftime(_SQLITE_TIME)
    if isinstance(value, dt.date) and isinstance(column_type, Date | DateTime):
        return value.isoformat()
    return value


def _copy_table(reading: Session, target: Database, table: Table) -> int:
    """Every row of a table, in key order, from the source into the snapshot; returns how many."""
    columns = list(table.columns)
    names = [column.name for column in columns]
    converted = [i for i, column in enumerate(columns) if isinstance(column.type, Date | DateTime)]
    count = 0
    with target.write(check_references=False) as writing:
        into = writing.connection()
        inserted = true() if table is Claim.__table__ else None
        with bulk.cursor(reading.connection(), select(*columns).order_by(*table.primary_key.columns),
                         stream=True) as rows, \
                (bulk.search_index_set_aside(into, table, inserted) if inserted is not None
                 else contextlib.nullcontext()):
            while batch := rows.fetchmany(_BATCH):
                if converted:
                    batch = [tuple(_as_stored(v, columns[i].type) if i in converted else v for i, v in enumerate(row))
                             for row in batch]
                bulk.insert_rows(into, table, names, batch)
                count += len(batch)
    return count


# SQLite's search index as migration 0003 makes it, but for how its content table is named: Datasette
# finds the index of a table by that spelling ("content=" and the name in double quotes), and offers
# search on claims with no metadata given.
_SEARCH_INDEX = ('CREATE VIRTUAL TABLE claims_fts USING fts5(mention, sentence, measure, content="claims", '
                 "content_rowid='id', tokenize='porter unicode61')")


def _findable_search_index(snapshot: Database) -> None:
    """The snapshot's search index made again, so that Datasette finds it (filled with the claims later)."""
    with snapshot.write() as session:
        session.execute(text("DROP TABLE claims_fts"))
        session.execute(text(_SEARCH_INDEX))


def _same_file(database: Database, target: Path) -> bool:
    location = database.engine.url.database
    return database.is_sqlite and bool(location) and Path(location).resolve() == target.resolve()


def _remove(path: Path) -> None:
    """An SQLite file and the journals beside it, if any."""
    for file in (path, *(path.with_name(path.name + end) for end in ("-wal", "-shm", "-journal"))):
        file.unlink(missing_ok=True)


def _seal(path: Path) -> None:
    """Mark the file as a snapshot, with a rollback journal (readable from a read-only folder), and read-only."""
    connection = sqlite3.connect(path, isolation_level=None)
    try:
        connection.execute("PRAGMA journal_mode=DELETE")
        connection.execute(f"PRAGMA application_id={SNAPSHOT_APPLICATION_ID}")
    finally:
        connection.close()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)


def write_snapshot(database: Database, target: Path) -> dict[str, int]:
    """Write a read-only SQLite snapshot of ``database`` to ``target`` (replacing any file there); returns
    how many rows of each table it holds.
    """
    target = target.expanduser().absolute()
    if not target.parent.is_dir():
        raise InputError(f"cannot write {target}: no folder {target.parent}")
    if _same_file(database, target):
        raise InputError(f"{target} is the database itself: write the snapshot to another file")
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    _remove(partial)
    try:
        snapshot = open_database(f"sqlite:///{partial}")  # the schema: tables, search index, views
        try:
            _findable_search_index(snapshot)
            with snapshot.write() as session:
                session.execute(delete(Setting))  # the source's settings come next
            # every table as it was at one moment, whatever other processes write meanwhile
            with database.read(consistent=True) as reading:
                counts = {table.__tablename__: _copy_table(reading, snapshot, table.__table__) for table in TABLES}
            with snapshot.write() as session:
                session.add_all([Setting(key="snapshot.of", value=shown_url(database.url)[:256]),
                                 Setting(key="snapshot.taken_at", value=utcnow().isoformat(timespec="seconds"))])
        finally:
            snapshot.close()
        _seal(partial)
        os.replace(partial, target)
    except BaseException:
        _remove(partial)
        raise
    return counts
