"""Opening a database: its engine, its schema brought to the latest revision, and whether its links were
made by the current cross-referencing rules.

This is the top of the storage layer: what every command does first.
"""

from __future__ import annotations

from sqlalchemy.exc import SQLAlchemyError

from factcheck.crossref import CROSSREF_VERSION
from factcheck.errors import DatabaseError
from factcheck.storage import links
from factcheck.storage.engine import Database, create_db_engine, resolve_url, shown_url
from factcheck.storage.schema import upgrade as upgrade_schema


def _link_state(database: Database) -> bool:
    """Whether the database's links were made by the current cross-referencing rules; a new database
    (no claim yet) is marked as linked by them.
    """
    with database.read() as session:
        current = links.links_are_current(session)
    if current is None:
        with database.write() as session:  # another process may have stored claims meanwhile
            current = links.mark_links_current(session)
    return current


def open_database(db: str | None = None, *, upgrade: bool = True) -> Database:
    """Open (creating if needed) the database and bring it to the latest schema.

    Links made by older cross-referencing rules are not remade here (that takes about half
    a minute per million claims): :attr:`Database.links_current` says whether they are current,
    and ``factcheck db relink`` remakes them (:func:`factcheck.storage.links.rebuild_links`).
    """
    url = resolve_url(db)
    engine = create_db_engine(url)
    database = Database(url, engine)
    if upgrade:
        try:
            upgrade_schema(engine)
            database.links_current = _link_state(database)
        except SQLAlchemyError as exc:
            database.close()
            raise DatabaseError(f"cannot open database {shown_url(url)}: {exc.__class__.__name__}: "
                                f"{shown_url(str(exc).splitlines()[0])}") from exc
    return database


def link_rules(db: str | None = None) -> tuple[str | None, str]:
    """The version of the rules an existing database's links were made by, and the current version; read
    without upgrading it (at the latest schema).
    """
    database = Database(resolve_url(db), create_db_engine(resolve_url(db)))
    try:
        with database.read() as session:
            return links.link_rules(session), CROSSREF_VERSION
    finally:
        database.close()
