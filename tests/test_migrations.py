"""Alembic migrations: upgrade, downgrade, drift against the models, a linear chain,
data kept across upgrades, and the packaged data files and migrations being found."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from engines import NewDatabase, engine_for
from sqlalchemy import Engine, func, inspect, select
from sqlalchemy import text as sql_text

from factcheck import resources
from factcheck.ingest.pipeline import ingest_paths
from factcheck.records import claim_record
from factcheck.storage import schema as migrate
from factcheck.storage.claims import ClaimFilter, query_claims
from factcheck.storage.database import open_database
from factcheck.storage.engine import create_db_engine, resolve_url
from factcheck.storage.models import Base, Claim, Document
from factcheck.storage.schema import include_name

SEEDS = Path(__file__).parent.parent / "seeds"
TABLES = {"documents", "claims"}

# the full-text index and the view are made by raw SQL, outside the models
COMPARE_OPTS = {"include_name": include_name}


@pytest.fixture
def empty_engine(new_database: NewDatabase) -> Iterator[Engine]:
    """An engine on a database with no schema yet (an SQLite file that does not exist yet)."""
    engine = create_db_engine(resolve_url(str(new_database("empty"))))
    try:
        yield engine
    finally:
        engine.dispose()


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


def snapshot(db_path: Path) -> tuple[list[tuple], list[dict]]:
    """Every document's identity and every claim record, read through a fresh connection."""
    db = open_database(str(db_path), upgrade=False)
    try:
        with db.read() as session:
            docs = [tuple(r) for r in session.execute(
                select(Document.id, Document.source, Document.sha256, Document.text).order_by(Document.id))]
            claims = [claim_record(c) for c in query_claims(session, ClaimFilter())]
    finally:
        db.close()
    return docs, claims


def test_upgrade_from_empty_reaches_head(empty_engine):
    assert migrate.current_revision(empty_engine) is None
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.head_revision()
    assert table_names(empty_engine) >= TABLES


def test_open_database_upgrades_a_new_file(new_database):
    db = open_database(str(new_database("new")))
    try:
        assert migrate.current_revision(db.engine) == migrate.head_revision()
    finally:
        db.close()


def test_models_and_migrations_do_not_drift(empty_engine):
    migrate.upgrade(empty_engine)
    with empty_engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts=COMPARE_OPTS), Base.metadata)
    assert diff == []


def test_revision_chain_is_linear():
    scripts = ScriptDirectory.from_config(migrate.alembic_config())
    revisions = list(scripts.walk_revisions())
    assert revisions
    assert scripts.get_heads() == [migrate.head_revision()]
    assert len(scripts.get_bases()) == 1
    for revision in revisions:
        assert revision.down_revision is None or isinstance(revision.down_revision, str), revision
        assert not revision.branch_labels and not revision.dependencies, revision
    # Walking down from the head passes through every revision once and ends at the base.
    chain, current = [], scripts.get_revision(migrate.head_revision())
    while current is not None:
        chain.append(current.revision)
        current = scripts.get_revision(current.down_revision) if current.down_revision else None
    assert chain == [r.revision for r in revisions]
    assert chain[-1] == scripts.get_bases()[0]


def test_downgrade_to_base_and_upgrade_again(empty_engine):
    migrate.upgrade(empty_engine)
    migrate.downgrade(empty_engine, "base")
    assert migrate.current_revision(empty_engine) is None
    assert not table_names(empty_engine) & TABLES
    migrate.upgrade(empty_engine)
    assert migrate.current_revision(empty_engine) == migrate.head_revision()
    assert table_names(empty_engine) >= TABLES
    with empty_engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection, opts=COMPARE_OPTS), Base.metadata)
    assert diff == []


def test_upgrade_keeps_data(db_path):
    db = open_database(str(db_path))
    try:
        report = ingest_paths(db, [SEEDS])
        assert report.count("added") == 5
    finally:
        db.close()
    before = snapshot(db_path)
    assert before[0] and before[1]

    # Opening runs the upgrade; so does an explicit one, which must be a no-op at head.
    open_database(str(db_path)).close()
    engine = create_db_engine(resolve_url(str(db_path)))
    try:
        command.upgrade(migrate.alembic_config(engine), "head")
        assert migrate.current_revision(engine) == migrate.head_revision()
    finally:
        engine.dispose()
    assert snapshot(db_path) == before


def test_db_upgrade_command_keeps_data(invoke, seeded_db):
    before = snapshot(seeded_db)
    result = invoke(seeded_db, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert migrate.head_revision() in result.stdout
    assert snapshot(seeded_db) == before
    db = open_database(str(seeded_db), upgrade=False)
    try:
        with db.read() as session:
            assert session.scalar(select(func.count(Claim.id))) == len(before[1]) > 0
    finally:
        db.close()


# --- packaged resources ----------------------------------------------------------------


def test_data_files_are_found():
    folder = resources.data_dir()
    names = {p.name for p in folder.iterdir()}
    expected_json = {"places.json", "units.json", "grammar.json", "numbers.json", "measures.json"}
    assert names >= expected_json | {"first_names.txt"}
    for name in expected_json:
        assert json.loads((folder / name).read_text(encoding="utf-8")), name
    assert (folder / "first_names.txt").read_text(encoding="utf-8").split()


def test_migrations_are_found():
    folder = resources.migrations_dir()
    assert (folder / "env.py").is_file()
    versions = folder / "versions"
    assert versions.is_dir()
    assert any(p.suffix == ".py" for p in versions.iterdir())
    assert Path(migrate.alembic_config().get_main_option("script_location") or "") == folder


# --- 0006: claims carry their statistic --------------------------------------------------------------------


def claim_statistics(engine: Engine) -> dict[int, int | None]:
    with engine.connect() as connection:
        return dict(connection.execute(select(Claim.id, Claim.statistic)).all())


def claims_changed_by(db_path: Path, update: str) -> int:
    """How many rows an UPDATE of every claim writes, counting those its triggers write in the search index."""
    connection = sqlite3.connect(db_path, isolation_level=None)
    try:
        before = connection.total_changes
        connection.execute(update)
        return connection.total_changes - before
    finally:
        connection.close()


@pytest.fixture
def seeded_engine(db_path: Path) -> Iterator[Engine]:
    """The seeds ingested at head, then an engine on that file."""
    db = open_database(str(db_path))
    try:
        assert ingest_paths(db, [SEEDS]).count("added") == 5
    finally:
        db.close()
    engine = create_db_engine(resolve_url(str(db_path)))
    try:
        yield engine
    finally:
        engine.dispose()


def test_upgrade_fills_each_claims_statistic_from_its_links(seeded_engine):
    before = claim_statistics(seeded_engine)
    assert None in before.values() and set(before.values()) - {None}  # premise: linked and unlinked claims
    migrate.downgrade(seeded_engine, "0005")
    assert "statistic" not in {column["name"] for column in inspect(seeded_engine).get_columns("claims")}
    migrate.upgrade(seeded_engine)
    assert claim_statistics(seeded_engine) == before


@pytest.mark.sqlite_only("counts the rows SQLite's triggers write; PostgreSQL's search vector is a generated column")
def test_only_the_indexed_columns_reindex_a_claim_for_search(seeded_engine, db_path):
    claims = claims_changed_by(db_path, "UPDATE claims SET statistic = statistic")
    assert claims == len(claim_statistics(seeded_engine))  # the claims alone, not their search entries
    assert claims_changed_by(db_path, "UPDATE claims SET measure = measure") > claims
    migrate.downgrade(seeded_engine, "0005")  # before 0006 any update of a claim reindexed it
    assert claims_changed_by(db_path, "UPDATE claims SET place = place") > claims


# --- 0009, 0010: what PostgreSQL adds ---------------------------------------------------------------


def test_postgresql_gets_a_search_vector_and_trigram_indexes_and_sqlite_nothing_new(db_path):
    with engine_for(db_path) as engine:
        schema = inspect(engine)
        columns = {column["name"] for column in schema.get_columns("claims")}
        indexes = {index["name"] for index in schema.get_indexes("claims")}
        trigrams = {"ix_claims_measure_trigrams", "ix_claims_place_trigrams", "ix_claims_speaker_trigrams",
                    "ix_claims_subject_trigrams"}
        if engine.dialect.name == "sqlite":
            assert "search_vector" not in columns and not indexes & (trigrams | {"ix_claims_search_vector"})
            return
        with engine.connect() as connection:
            available = connection.execute(sql_text(
                "SELECT EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm')")).scalar()
            generated = connection.execute(sql_text(
                "SELECT attgenerated FROM pg_attribute WHERE attrelid = 'claims'::regclass "
                "AND attname = 'search_vector'")).scalar()
    assert generated == "s" and "ix_claims_search_vector" in indexes
    assert available, "the test server has no pg_trgm (PostgreSQL's contrib): the indexes cannot be checked"
    assert trigrams <= indexes
