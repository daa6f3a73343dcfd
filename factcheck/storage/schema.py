"""Alembic, driven from code: bring a database to the latest schema, report its revision."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, func, select
from sqlalchemy.exc import SQLAlchemyError

from factcheck.errors import DatabaseError, NotFoundError
from factcheck.resources import migrations_dir
from factcheck.storage.engine import create_db_engine, resolve_url, shown_url

# PostgreSQL advisory lock keys: one per database (the server keeps them apart), held while its
# schema is upgraded, so that processes opening a new database at once create it once.
SCHEMA_LOCK = 0x6663_0001

# Objects made by raw SQL in the migrations that the models do not describe: SQLite's full-text
# index (tables claims_fts*) and the view; PostgreSQL's search vector of each claim and its index, and
# the trigram indexes of measures, places, speakers and subjects.
UNMODELLED = {"table": ("claims_fts", "claims_view"), "column": ("search_vector",),
              "index": ("ix_claims_search_vector", "ix_claims_measure_trigrams", "ix_claims_place_trigrams",
                        "ix_claims_speaker_trigrams", "ix_claims_subject_trigrams")}


def include_name(name: str | None, type_: str, _parent_names: object) -> bool:
    """Alembic autogenerate filter: leave the full-text index and the view out of model comparisons."""
    return not (name is not None and name.startswith(UNMODELLED.get(type_, ())))


def alembic_config(engine: Engine | None = None) -> Config:
    """An Alembic config pointing at the packaged migrations (and ``engine`` when given)."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    if engine is not None:
        # the engine itself, not its URL: a URL in the config would be read through ConfigParser's
        # interpolation ('%' in a password or an escaped socket path breaks it) and carry the password
        config.attributes["engine"] = engine
    return config


def head_revision() -> str:
    """The newest revision the code knows."""
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the migrations folder has no revision"
    return head


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at (``None`` for an empty database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


@contextmanager
def schema_lock(engine: Engine) -> Iterator[None]:
    """Hold the database's schema lock for the duration: on PostgreSQL an advisory lock, taken in a
    transaction of its own (released with it, also when the process dies); on SQLite nothing more is
    needed, since each upgrade is one write transaction, which SQLite serialises (``BEGIN IMMEDIATE``).
    """
    if engine.dialect.name != "postgresql":
        yield
        return
    with engine.connect() as connection, connection.begin():
        connection.execute(select(func.pg_advisory_xact_lock(SCHEMA_LOCK)))
        yield


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Upgrade the database to ``revision``; a no-op when it is already there.

    Processes that upgrade the same database at once take turns (:func:`schema_lock`);
    each reads the revision anew once it has its turn, so the later ones find nothing to do.
    """
    if revision == "head" and current_revision(engine) == head_revision():
        return
    with schema_lock(engine):
        command.upgrade(alembic_config(engine), revision)


def downgrade(engine: Engine, revision: str) -> None:
    """Downgrade the database to ``revision`` (used by tests of the migrations)."""
    with schema_lock(engine):
        command.downgrade(alembic_config(engine), revision)


def stored_revision(db: str | None = None) -> str | None:
    """The schema revision of an existing database, read without upgrading it (``None`` when empty)."""
    url = resolve_url(db)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        raise NotFoundError(f"no database at {url.removeprefix('sqlite:///')}")
    engine = create_db_engine(url)
    try:
        return current_revision(engine)
    except SQLAlchemyError as exc:
        raise DatabaseError(f"cannot read database {shown_url(url)}: {exc.__class__.__name__}: "
                            f"{shown_url(str(exc).splitlines()[0])}") from exc
    finally:
        engine.dispose()
