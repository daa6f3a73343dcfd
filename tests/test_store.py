"""Storing documents and claims: idempotent re-ingest, atomic replacement, duplicates,
and the SQLite settings (foreign keys, WAL, cascades) the store relies on."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from engines import assert_search_index_intact
from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import IntegrityError, OperationalError

import factcheck.storage.claims
import factcheck.storage.documents
from factcheck.ingest.loader import load_path
from factcheck.ingest.pipeline import ingest_paths, source_name, store_loaded
from factcheck.storage.database import open_database
from factcheck.storage.engine import Database
from factcheck.storage.models import Claim, Document, Link

SEEDS = Path(__file__).parent.parent / "seeds"

VERSION_1 = (
    "Kent Police hired 5,000 officers in 2019, the force said.\n"
    "The county council spent £3 million on youth clubs.\n"
)
VERSION_2 = (
    "Kent Police hired 7,500 officers in 2020, the force said.\n"
    "Recorded crime in Kent fell by 12 per cent last year.\n"
)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "kent.txt"
    path.write_text(VERSION_1, encoding="utf-8")
    return path


def documents(db: Database) -> list[Document]:
    with db.read() as session:
        return list(session.scalars(select(Document).order_by(Document.id)))


def claims_of(db: Database, source: str | None = None) -> list[tuple[int, str, int, int]]:
    """``(id, mention, start, end)`` of every claim (of one source), in id order."""
    stmt = select(Claim.id, Claim.mention, Claim.start, Claim.end).join(Claim.document).order_by(Claim.id)
    if source is not None:
        stmt = stmt.where(Document.source == source)
    with db.read() as session:
        return [tuple(row) for row in session.execute(stmt)]


def claim_count(db: Database) -> int:
    with db.read() as session:
        return session.scalar(select(func.count(Claim.id))) or 0


# --- idempotence and replacement ------------------------------------------------------


def test_reingest_unchanged_adds_nothing(database):
    first = ingest_paths(database, [SEEDS])
    assert first.count("added") == 5
    docs_before = [(d.id, d.source, d.sha256) for d in documents(database)]
    claims_before = claims_of(database)
    assert len(claims_before) == first.claims > 0

    second = ingest_paths(database, [SEEDS])
    assert second.count("unchanged") == 5
    assert second.count("added") == second.count("updated") == 0
    assert second.claims == 0
    assert [(d.id, d.source, d.sha256) for d in documents(database)] == docs_before
    assert claims_of(database) == claims_before


def test_changed_file_replaces_document_and_claims(database, article):
    source = source_name(article)
    assert ingest_paths(database, [article]).count("added") == 1
    old = claims_of(database, source)
    assert {m for _, m, _, _ in old} >= {"5,000", "£3 million"}

    article.write_text(VERSION_2, encoding="utf-8")
    report = ingest_paths(database, [article])
    assert report.count("updated") == 1

    [document] = documents(database)
    assert document.source == source
    assert document.text == VERSION_2
    assert document.sha256 == factcheck.storage.documents.text_digest(VERSION_2)
    new = claims_of(database, source)
    assert {m for _, m, _, _ in new} >= {"7,500", "12 per cent"}
    assert not {m for _, m, _, _ in new} & {"5,000", "£3 million"}
    assert claim_count(database) == len(new) == report.claims
    for _, mention, start, end in new:
        assert VERSION_2[start:end] == mention


def test_replaced_claims_ids_are_not_reused(database, article):
    ingest_paths(database, [article])
    old = claims_of(database)
    article.write_text(VERSION_2, encoding="utf-8")
    ingest_paths(database, [article])
    new = claims_of(database)
    # "id: stable id in this database" -- an id once given to "5,000" must not come to mean "7,500".
    assert not {i for i, *_ in old} & {i for i, *_ in new}, (old, new)


def _old_version_intact(database: Database, source: str, old_claims: list, old_sha: str) -> None:
    [document] = documents(database)
    assert document.source == source
    assert document.sha256 == old_sha
    assert document.text == VERSION_1
    assert claims_of(database, source) == old_claims
    assert claim_count(database) == len(old_claims)


def test_failed_replace_keeps_the_old_version(database, article, monkeypatch):
    source = source_name(article)
    ingest_paths(database, [article])
    old_claims = claims_of(database, source)
    [old_doc] = documents(database)
    assert old_claims

    seen: dict[str, int] = {}

    def failing_store_claims(session, document_id, claims):
        seen["documents"] = session.scalar(select(func.count(Document.id))) or 0
        seen["claims"] = session.scalar(select(func.count(Claim.id))) or 0
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(factcheck.storage.documents, "store_claims", failing_store_claims)
    article.write_text(VERSION_2, encoding="utf-8")
    outcome = store_loaded(database, load_path(article), source)
    assert (outcome.status, outcome.reason) == ("failed", f"{source}: could not store: RuntimeError: disk on fire")

    assert seen["documents"] == 1  # the store ran inside the replacing transaction
    _old_version_intact(database, source, old_claims, old_doc.sha256)


def test_database_error_during_replace_is_reported_and_rolled_back(database, article, monkeypatch):
    source = source_name(article)
    ingest_paths(database, [article])
    old_claims = claims_of(database, source)
    [old_doc] = documents(database)

    def failing_store_claims(session, document_id, claims):
        raise OperationalError("INSERT INTO claims", {}, Exception("database or disk is full"))

    monkeypatch.setattr(factcheck.storage.documents, "store_claims", failing_store_claims)
    article.write_text(VERSION_2, encoding="utf-8")
    report = ingest_paths(database, [article])
    [outcome] = report.outcomes
    assert outcome.status == "failed"
    assert outcome.reason is not None and "kent.txt" in outcome.reason
    _old_version_intact(database, source, old_claims, old_doc.sha256)


def test_same_text_under_another_name_is_a_duplicate(database, article, tmp_path):
    copy = tmp_path / "kent-copy.txt"
    copy.write_text(VERSION_1, encoding="utf-8")
    ingest_paths(database, [article])
    claims_before = claims_of(database)

    report = ingest_paths(database, [copy])
    [outcome] = report.outcomes
    assert outcome.status == "duplicate"
    assert outcome.reason is not None and source_name(article) in outcome.reason
    assert [d.source for d in documents(database)] == [source_name(article)]
    assert claims_of(database) == claims_before


def test_duplicate_reported_by_the_cli(invoke, db_path, article, tmp_path):
    (tmp_path / "kent-copy.txt").write_text(VERSION_1, encoding="utf-8")
    assert invoke(db_path, "ingest", str(article)).exit_code == 0
    result = invoke(db_path, "ingest", "kent-copy.txt")
    assert result.exit_code == 0, result.output
    assert "duplicate" in result.stderr
    db = open_database(str(db_path))
    try:
        assert len(documents(db)) == 1
    finally:
        db.close()


# --- SQLite settings ------------------------------------------------------------------------


@pytest.mark.sqlite_only("SQLite leaves foreign keys off and keeps a rollback journal unless told otherwise")
def test_foreign_keys_and_wal_are_on(database):
    with database.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_foreign_keys_are_enforced(database):
    row = {"document_id": 424242, "span_start": 0, "span_end": 1, "mention": "5", "sentence": "5.",
           "sentence_start": 0, "sentence_end": 2, "unit": "count", "qualifier": "exact",
           "measure": "things", "rule": "test"}
    with pytest.raises(IntegrityError), database.write() as session:
        session.execute(Claim.__table__.insert(), [row])
    assert claim_count(database) == 0


@pytest.mark.sqlite_only("only SQLite can be told not to check references, for one transaction")
def test_unchecked_references_last_one_transaction(database):
    # the pool hands the same connection to the next session: it must check references again
    row = {"claim_a": 424242, "claim_b": 424243, "status": "agree", "statistic": 424242}
    with database.write(check_references=False) as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 0
        session.execute(Link.__table__.insert(), [row])
        session.execute(delete(Link))
    with database.read() as session:
        assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    with pytest.raises(IntegrityError), database.write() as session:
        session.execute(Link.__table__.insert(), [row])
    with database.read() as session:
        assert session.scalar(select(func.count(Link.id))) == 0


def test_deleting_a_document_cascades_with_sql(database):
    ingest_paths(database, [SEEDS])
    [first, *rest] = documents(database)
    remaining = [c for c in claims_of(database) if c not in claims_of(database, first.source)]
    with database.write() as session:
        session.execute(delete(Document).where(Document.id == first.id))
    assert [d.id for d in documents(database)] == [d.id for d in rest]
    assert claims_of(database, first.source) == []
    assert claims_of(database) == remaining
    with database.read() as session:
        orphans = session.scalar(select(func.count(Claim.id)).where(Claim.document_id == first.id))
    assert orphans == 0


def test_deleting_a_document_cascades_with_the_orm(database, article):
    ingest_paths(database, [article])
    assert claim_count(database) > 0
    with database.write() as session:
        session.delete(session.scalars(select(Document)).one())
    assert documents(database) == []
    assert claim_count(database) == 0


def _stored(database: Database) -> set[tuple]:
    with database.read() as session:
        return set(session.execute(
            select(Document.source, Claim.start, Claim.end, Claim.mention, Claim.value_text, Claim.unit,
                   Claim.measure, Claim.place, Claim.period, Claim.speaker).join(Claim.document)))


def _links(database: Database) -> set[tuple]:
    with database.read() as session:
        rows = session.execute(text(
            "SELECT da.source, a.span_start, db.source, b.span_start, l.status FROM links l "
            "JOIN claims a ON a.id = l.claim_a JOIN documents da ON da.id = a.document_id "
            "JOIN claims b ON b.id = l.claim_b JOIN documents db ON db.id = b.document_id"))
        return {tuple(r) for r in rows}


def test_parallel_ingest_stores_what_one_process_stores(tmp_path, seeds_dir):
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(seeds_dir.glob("*.txt")):
        (folder / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"%PDF-1.7 not text")
    (folder / "again.txt").write_text(sorted(seeds_dir.glob("*.txt"))[0].read_text(encoding="utf-8"))
    # files enough for several chunks: some are read by the workers, some by this process while they start
    for n in range(40):
        (folder / f"school-{n:02}.txt").write_text(
            f"School {n} in Leeds has {n + 3}00 pupils, up {n + 2}% on 2019, the council said.\n", encoding="utf-8")
    one = open_database(f"sqlite:///{tmp_path / 'one.db'}")
    two = open_database(f"sqlite:///{tmp_path / 'two.db'}")
    try:
        alone = ingest_paths(one, [folder])
        together = ingest_paths(two, [folder], jobs=2)
        assert [(o.source, o.status, o.claims) for o in together.outcomes] == \
               [(o.source, o.status, o.claims) for o in alone.outcomes]
        assert {o.status for o in together.outcomes} == {"added", "duplicate", "failed"}
        assert _stored(two) == _stored(one) and len(_stored(one)) >= 25
        assert _links(two) == _links(one) and _links(one)
    finally:
        one.close()
        two.close()


def _write_notes(tmp_path: Path) -> Path:
    more = tmp_path / "more"
    more.mkdir()
    for n in range(3):
        (more / f"note-{n}.txt").write_text(f"Leeds hired {n + 2},400 nurses in 2021, the trust said.\n")
    return more


def _search(database: Database, words: str) -> list[str]:
    with database.read() as session:
        found = factcheck.storage.claims.query_claims(session, factcheck.storage.claims.ClaimFilter(search=words))
        return [c.mention for c in found]


def test_search_index_covers_ingested_claims_and_claims_written_by_plain_sql(database, article, tmp_path):
    assert ingest_paths(database, [article, _write_notes(tmp_path)]).count("added") == 4
    assert_search_index_intact(database.url)
    assert sorted(_search(database, "nurses")) == ["2,400", "3,400", "4,400"]
    with database.write() as session:
        doc_id = session.scalar(select(Document.id).where(Document.source.like("%note-0.txt")))
        session.execute(text(
            "INSERT INTO claims (document_id, span_start, span_end, mention, sentence, sentence_start, sentence_end, "
            "value_text, value, unit, qualifier, measure, rule, kind) VALUES (:d, 90, 95, '7,000', "
            "'Midwives: 7,000.', 90, 106, '7000', 7000, 'count', 'exact', 'midwives', 'sql', 'fact')"), {"d": doc_id})
    assert _search(database, "midwives") == ["7,000"]
    assert_search_index_intact(database.url)


def test_a_consistent_read_sees_the_database_as_it_was_at_its_start(database, article, tmp_path):
    ingest_paths(database, [article])
    with database.read(consistent=True) as reading:
        before = reading.scalar(select(func.count(Claim.id)))
        assert ingest_paths(database, [_write_notes(tmp_path)]).count("added") == 3  # committed meanwhile
        assert reading.scalar(select(func.count(Claim.id))) == before
        assert reading.scalar(select(func.count(Document.id))) == 1
    assert claim_count(database) == before + 3


@pytest.mark.sqlite_only("SQLite's index is kept by a trigger, which a batch of new claims sets aside")
def test_the_search_trigger_is_back_after_a_batch(database, article, tmp_path):
    assert ingest_paths(database, [article, _write_notes(tmp_path)]).count("added") == 4
    with database.read() as session:
        assert session.scalar(text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' "
                                   "AND name = 'claims_fts_insert'")) == 1
        indexed = session.scalar(text("SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'nurses'"))
        assert indexed == 3


def test_a_document_that_cannot_be_stored_does_not_take_its_batch_with_it(database, tmp_path, monkeypatch):
    from factcheck.ingest import prepare

    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(4):
        (folder / f"{n}.txt").write_text(f"School {n} has {n + 3}00 pupils, the council said.\n")
    (folder / "2.txt").write_text("Hospital waits rose by 12% in Kent, the trust said.\n")
    real_analyse = prepare.analyse

    def extract_twice_in_kent(text, published=None):
        found = real_analyse(text, published)
        if "Kent" not in text:
            return found
        # the same span twice breaks a unique constraint
        return dataclasses.replace(found, claims=found.claims + found.claims[:1])

    monkeypatch.setattr(prepare, "analyse", extract_twice_in_kent)
    report = ingest_paths(database, [folder])
    status = {Path(o.source).name: o.status for o in report.outcomes}
    assert status == {"0.txt": "added", "1.txt": "added", "2.txt": "failed", "3.txt": "added"}
    [failed] = report.failed
    assert "could not store" in (failed.reason or "") and "2.txt" in (failed.reason or "")
    assert sorted(Path(d.source).name for d in documents(database)) == ["0.txt", "1.txt", "3.txt"]
    assert claim_count(database) == 3


def _index_definitions(database: Database) -> list[tuple[str, ...]]:
    """Every index of the claims table as the database has it (those migrations made by hand too)."""
    query = ("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'claims' ORDER BY indexname"
             if not database.is_sqlite else
             "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'claims' ORDER BY name")
    with database.read() as session:
        return [tuple(row) for row in session.execute(text(query))]


def test_updating_most_of_the_claims_keeps_every_index(database, monkeypatch):
    from factcheck.storage import bulk

    ingest_paths(database, [SEEDS])
    before = _index_definitions(database)
    assert len(before) >= 8
    monkeypatch.setattr(bulk, "_MANY_ROWS", 1)  # as for a relink of most claims of a large database
    with database.write() as session:
        ids = list(session.scalars(select(Claim.id).order_by(Claim.id)))
        bulk.update_rows(session.connection(), Claim.__table__, "id", "statistic", [(i, -i) for i in ids])
    assert _index_definitions(database) == before
    with database.read() as session:
        assert dict(session.execute(select(Claim.id, Claim.statistic)).all()) == {i: -i for i in ids}
        assert factcheck.storage.claims.count_claims(
            session, factcheck.storage.claims.ClaimFilter(search="officers", place="England")) > 0
