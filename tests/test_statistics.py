"""Statistics in the links table: naming, incremental upkeep, bounded candidates and paged group reads.

A *statistic* is a set of claims that links (agree or conflict) join; every link row
carries the smallest claim id of its set in ``links.statistic``, and every linked claim
carries it too in ``claims.statistic`` (null while the claim has no link). These tests
check the stored names against connected sets computed here from the link rows
themselves, and each claim's against its links; check that linking document by
document gives what :func:`factcheck.storage.links.rebuild_links` gives from scratch, that a
much-reported statistic costs a bounded number of links, that only figures within a
factor of two are compared, and that the group commands and functions page and limit
their output without losing groups.

Documents are generated from short sentences on economy, health and schools, so the
expected groups follow from how each corpus was built, not from the code under test.
"""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
from clihelpers import assert_one_line_error, no_traceback, ok_json
from sqlalchemy import inspect, select, update
from sqlalchemy import text as sql_text
from typer.testing import Result

from factcheck.crossref import MAX_CANDIDATES, Fact, Neighbours, blocking_keys, compare, search_keys
from factcheck.extract import extract
from factcheck.ingest.pipeline import ingest_paths, replace_document, source_name
from factcheck.storage import groups as group_reads
from factcheck.storage.database import open_database
from factcheck.storage.documents import DocumentMeta
from factcheck.storage.engine import Database
from factcheck.storage.groups import GroupFilter
from factcheck.storage.links import rebuild_links
from factcheck.storage.models import Claim, Document, Link

Invoke = Callable[..., Result]  # the ``invoke`` fixture of conftest

_ids = itertools.count(1)


# --- helpers ----------------------------------------------------------------------------------------------


class LinkRow(NamedTuple):
    """One row of the links table, as stored."""

    a: int
    b: int
    status: str
    statistic: int | None


def fact(text: str, document_id: int) -> Fact:
    """The single claim the extractor finds in ``text``, as a Fact of one document (premise checked)."""
    found = extract(text)
    assert len(found) == 1, f"expected one claim in {text!r}, got {[c.mention for c in found]}"
    c = found[0]
    return Fact(
        id=next(_ids), document=f"doc{document_id}.txt", document_id=document_id, mention=c.mention,
        value=c.value, low=float(c.low) if c.low is not None else None,
        high=float(c.high) if c.high is not None else None, unit=c.unit, qualifier=c.qualifier,
        change=c.change, measure=c.measure, place=c.place, period=c.period, speaker=c.speaker,
        kind=c.kind, period_start=c.period_start, period_end=c.period_end,
    )


def tag(n: int) -> str:
    """A short word made of letters only (``aa``, ``ab``, ...), so that it holds no figure to extract."""
    return "".join(chr(ord("a") + int(d)) for d in f"{n:03d}")


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def ingest(database: Database, path: Path, text: str) -> None:
    """Write ``text`` to ``path`` and ingest that one file in its own transaction."""
    write(path.parent, path.name, text)
    [outcome] = ingest_paths(database, [path]).outcomes
    assert outcome.status in ("added", "updated"), outcome


def ingest_folder(database: Database, folder: Path, expected: int) -> None:
    """Ingest every file of ``folder`` (in batches, as the CLI does); all must be added."""
    report = ingest_paths(database, [folder])
    assert report.count("added") == expected, report.outcomes


def store_texts(database: Database, documents: dict[str, str]) -> None:
    """Store documents with their extracted claims through ``replace_document``, in one write session."""
    with database.write() as session:
        for name, text in documents.items():
            replace_document(session, DocumentMeta(source=name), text, extract(text))


def link_rows(database: Database) -> list[LinkRow]:
    with database.read() as session:
        stmt = select(Link.claim_a, Link.claim_b, Link.status, Link.statistic).order_by(Link.claim_a, Link.claim_b)
        return [LinkRow(*row) for row in session.execute(stmt)]


def claim_ids(database: Database, path: Path) -> list[int]:
    """The ids of the claims stored for one ingested file."""
    with database.read() as session:
        stmt = (select(Claim.id).join(Claim.document).where(Document.source == source_name(path))
                .order_by(Claim.id))
        return list(session.scalars(stmt))


def only_claim(database: Database, path: Path) -> int:
    ids = claim_ids(database, path)
    assert len(ids) == 1, f"{path.name}: expected one claim, got {len(ids)}"
    return ids[0]


def smallest_of_each_set(rows: Iterable[LinkRow]) -> dict[int, int]:
    """For each linked claim, the smallest claim id of the set that links join it to (breadth-first search)."""
    neighbours: dict[int, set[int]] = defaultdict(set)
    for row in rows:
        neighbours[row.a].add(row.b)
        neighbours[row.b].add(row.a)
    smallest: dict[int, int] = {}
    for start in neighbours:
        if start in smallest:
            continue
        seen, queue = {start}, deque([start])
        while queue:
            for other in neighbours[queue.popleft()] - seen:
                seen.add(other)
                queue.append(other)
        for claim in seen:
            smallest[claim] = min(seen)
    return smallest


def assert_statistics_name_their_sets(rows: list[LinkRow]) -> set[int]:
    """Every link's statistic is the smallest claim id of its connected set; returns the statistics."""
    smallest = smallest_of_each_set(rows)
    wrong = [row for row in rows if row.statistic != smallest[row.a]]
    assert not wrong, f"links whose statistic is not the smallest claim of their set: {wrong}"
    return {row.statistic for row in rows if row.statistic is not None}


def claim_statistics(database: Database) -> dict[int, int | None]:
    """Each stored claim's own ``statistic``."""
    with database.read() as session:
        return dict(session.execute(select(Claim.id, Claim.statistic)).all())


def assert_claims_carry_their_statistics(database: Database) -> None:
    """Every claim carries the one statistic its links carry, and none when it has no link."""
    of_links: dict[int, set[int | None]] = defaultdict(set)
    for row in link_rows(database):
        of_links[row.a].add(row.statistic)
        of_links[row.b].add(row.statistic)
    split = {claim: stats for claim, stats in of_links.items() if len(stats) != 1}
    assert not split, f"claims whose links carry different statistics: {split}"
    carried = claim_statistics(database)
    expected = {claim: next(iter(of_links[claim])) if claim in of_links else None for claim in carried}
    wrong = {claim: (carried[claim], expected[claim]) for claim in carried if carried[claim] != expected[claim]}
    assert not wrong, f"claims whose statistic is not their links' (carried, expected): {wrong}"


def indexes(database: Database) -> list[tuple[Any, ...]]:
    """Every index of every table: its table, name, columns and uniqueness."""
    schema = inspect(database.engine)
    return sorted((table, index["name"], tuple(index["column_names"]), index["unique"])
                  for table in schema.get_table_names() for index in schema.get_indexes(table))


def rebuild(database: Database) -> None:
    """Relink every claim, as an upgrade does; the indexes it drops while it works are all made again."""
    before = indexes(database)
    with database.write(check_references=False) as session:
        rebuild_links(session)
    assert indexes(database) == before
    if database.is_sqlite:  # which did not check references as they were written
        with database.read() as session:
            assert session.execute(sql_text("PRAGMA foreign_key_check")).all() == []


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path / "articles"


# --- 1. a link's statistic is the smallest claim id of its linked set --------------------------------------

# Teachers in Leeds: 1,000 and 2,500 are more than a factor of two apart, so their reports form two
# separate statistics; 1,600 conflicts with both (within a factor of two of each) and so bridges them.
SET_ONE = {"a.txt": "There are 1,000 teachers in Leeds in 2018.\n", "b.txt": "Leeds had 1,000 teachers in 2018.\n",
           "c.txt": "Schools in Leeds employed 1,000 teachers in 2018.\n"}
SET_TWO = {"d.txt": "There are 2,500 teachers in Leeds in 2018.\n", "e.txt": "Leeds had 2,500 teachers in 2018.\n"}
BRIDGE = "There are 1,600 teachers in Leeds in 2018.\n"
NO_FIGURE = "There are many teachers in Leeds in 2018.\n"


def _ingest_two_sets(database: Database, folder: Path) -> dict[str, int]:
    """Ingest the two sets one file at a time, checking the statistics after each; returns claim ids by file."""
    ids: dict[str, int] = {}
    for name, text in {**SET_ONE, **SET_TWO}.items():
        ingest(database, folder / name, text)
        ids[name] = only_claim(database, folder / name)
        assert_statistics_name_their_sets(link_rows(database))
        assert_claims_carry_their_statistics(database)
    return ids


def test_statistics_name_chained_sets_by_their_smallest_claim(database: Database, folder: Path) -> None:
    ingest(database, folder / "a.txt", SET_ONE["a.txt"])
    assert link_rows(database) == []
    ingest(database, folder / "b.txt", SET_ONE["b.txt"])  # a–b
    a = only_claim(database, folder / "a.txt")
    assert [(row.status, row.statistic) for row in link_rows(database)] == [("agree", a)]
    ingest(database, folder / "c.txt", SET_ONE["c.txt"])  # c joins the set through b (and a)
    assert assert_statistics_name_their_sets(link_rows(database)) == {a}
    for name, text in SET_TWO.items():
        ingest(database, folder / name, text)
    d = only_claim(database, folder / "d.txt")
    rows = link_rows(database)
    assert assert_statistics_name_their_sets(rows) == {a, d}
    assert len(rows) == 3 + 1  # every pair inside each set, none across
    assert_claims_carry_their_statistics(database)


def test_a_bridging_document_merges_two_statistics_into_the_smaller(database: Database, folder: Path) -> None:
    ids = _ingest_two_sets(database, folder)
    ingest(database, folder / "f.txt", BRIDGE)
    bridge = only_claim(database, folder / "f.txt")
    rows = link_rows(database)
    assert {(row.a, row.b, row.status) for row in rows if bridge in (row.a, row.b)} == {
        (ids[name], bridge, "conflict") for name in [*SET_ONE, *SET_TWO]}
    assert assert_statistics_name_their_sets(rows) == {ids["a.txt"]}
    assert_claims_carry_their_statistics(database)
    assert set(claim_statistics(database).values()) == {ids["a.txt"]}


def test_a_merge_renames_the_claims_the_bridge_is_not_linked_to(database: Database, folder: Path) -> None:
    ids = _ingest_two_sets(database, folder)
    ingest(database, folder / "far.txt", "There are 4,000 teachers in Leeds in 2018.\n")  # linked to 2,500, not 1,600
    far = only_claim(database, folder / "far.txt")
    assert claim_statistics(database)[far] == ids["d.txt"]
    ingest(database, folder / "f.txt", BRIDGE)
    bridge = only_claim(database, folder / "f.txt")
    assert not [row for row in link_rows(database) if {row.a, row.b} == {far, bridge}]  # premise
    assert_claims_carry_their_statistics(database)
    assert set(claim_statistics(database).values()) == {ids["a.txt"]}


def test_replacing_the_bridge_splits_the_statistic_and_renames_the_larger_part(database: Database,
                                                                              folder: Path) -> None:
    ids = _ingest_two_sets(database, folder)
    ingest(database, folder / "f.txt", BRIDGE)
    ingest(database, folder / "f.txt", NO_FIGURE)  # the same source again, now without the bridging figure
    assert claim_ids(database, folder / "f.txt") == []
    rows = link_rows(database)
    assert assert_statistics_name_their_sets(rows) == {ids["a.txt"], ids["d.txt"]}
    by_claim = {claim: row.statistic for row in rows for claim in (row.a, row.b)}
    assert {name: by_claim[claim] for name, claim in ids.items()} == {
        **dict.fromkeys(SET_ONE, ids["a.txt"]), **dict.fromkeys(SET_TWO, ids["d.txt"])}
    assert_claims_carry_their_statistics(database)


def test_a_claim_left_without_links_loses_its_statistic(database: Database, folder: Path) -> None:
    ingest(database, folder / "a.txt", SET_ONE["a.txt"])
    ingest(database, folder / "b.txt", SET_ONE["b.txt"])
    a = only_claim(database, folder / "a.txt")
    assert claim_statistics(database) == {a: a, only_claim(database, folder / "b.txt"): a}
    ingest(database, folder / "b.txt", NO_FIGURE)  # b's claim is deleted, and with it a's only link
    assert link_rows(database) == []
    assert claim_statistics(database) == {a: None}


def test_a_kept_claim_that_becomes_a_bridge_names_the_merged_statistic(database: Database, folder: Path) -> None:
    # stored first, so its claim has the smallest id; about nurses, it links to nothing yet
    first = folder / "0.txt"
    ingest(database, first, "There are 1,600 nurses in Leeds in 2018.\n")
    kept = only_claim(database, first)
    ids = _ingest_two_sets(database, folder)
    assert kept < min(ids.values())
    # the same figure at the same place in the text, now about teachers: the claim keeps its id
    ingest(database, first, BRIDGE)
    assert only_claim(database, first) == kept
    assert assert_statistics_name_their_sets(link_rows(database)) == {kept}
    assert_claims_carry_their_statistics(database)
    ingest(database, first, "There are 1,600 nurses in Leeds in 2018.\n")  # and back: both sets lose the smallest claim
    assert only_claim(database, first) == kept
    assert assert_statistics_name_their_sets(link_rows(database)) == {ids["a.txt"], ids["d.txt"]}
    assert_claims_carry_their_statistics(database)
    assert claim_statistics(database)[kept] is None


def test_rebuild_gives_the_statistics_made_incrementally(database: Database, folder: Path) -> None:
    first = folder / "0.txt"
    ingest(database, first, "There are 1,600 nurses in Leeds in 2018.\n")
    _ingest_two_sets(database, folder)
    ingest(database, folder / "f.txt", BRIDGE)
    ingest(database, folder / "f.txt", NO_FIGURE)
    ingest(database, first, BRIDGE)
    ingest(database, folder / "g.txt", "There are 12 parks in York in 2018.\n")
    incremental = set(link_rows(database))
    assert len({row.statistic for row in incremental}) == 1
    assert_claims_carry_their_statistics(database)
    carried = claim_statistics(database)
    assert None in carried.values()
    with database.write() as session:  # a rebuild owes nothing to what the claims carried before
        session.execute(update(Claim).values(statistic=Claim.id))
    rebuild(database)
    assert set(link_rows(database)) == incremental
    assert claim_statistics(database) == carried


def test_a_batch_of_documents_gets_the_statistics_of_one_by_one(database: Database, folder: Path,
                                                                template_db: Path | str, copy_database) -> None:
    texts = {**SET_ONE, **SET_TWO, "f.txt": BRIDGE, "g.txt": "Leeds had 1,600 teachers in 2018.\n"}
    for name, text in texts.items():
        ingest(database, folder / name, text)
    one_by_one = set(link_rows(database))
    assert_claims_carry_their_statistics(database)
    batch_db = open_database(str(copy_database(template_db, "batch")))
    try:
        ingest_folder(batch_db, folder, len(texts))  # one transaction, one linking pass
        batched = link_rows(batch_db)
        assert_claims_carry_their_statistics(batch_db)
        assert claim_statistics(batch_db) == claim_statistics(database)
    finally:
        batch_db.close()
    assert len(assert_statistics_name_their_sets(batched)) == 1
    assert set(batched) == one_by_one


# --- 2. incremental linking equals linking from scratch ----------------------------------------------------

TOPICS: list[tuple[str, list[str]]] = [
    ("Unemployment fell to {} million in 2019.", ["1.3", "1.32", "1.35", "1.4", "1.28", "1.5"]),
    ("Inflation was {} per cent in 2017.", ["2.9", "3", "3.1", "3.2", "2.7"]),
    ("The NHS employed {} nurses in England in 2018.", ["290,000", "300,000", "305,000", "312,000", "287,000"]),
    ("Waiting lists grew by {} million in 2017.", ["2", "2.1", "2.05", "1.9", "2.4"]),
    ("There were {} teachers in England in 2017.", ["450,000", "453,000", "441,000", "460,000", "480,000"]),
    ("Schools in England had {} million pupils in 2018.", ["8.2", "8.1", "8.25", "8", "8.6"]),
]


def generated_articles(count: int, seed: int) -> dict[str, str]:
    """``count`` short articles, each with three figures on different topics, figures close but varied."""
    rng = random.Random(seed)
    articles = {}
    for n in range(count):
        sentences = [template.format(rng.choice(figures)) for template, figures in rng.sample(TOPICS, 3)]
        articles[f"{n:03d}.txt"] = f"Bulletin {tag(n)}.\n" + " ".join(sentences) + "\n"
    return articles


def test_incremental_links_equal_links_rebuilt_from_scratch(database: Database, folder: Path) -> None:
    for name, text in generated_articles(90, seed=2019).items():
        ingest(database, folder / name, text)
    incremental = link_rows(database)
    with database.read() as session:
        per_measure = Counter(measure.lower() for measure in session.scalars(select(Claim.measure)))
    # premises: both verdicts occur, and some statistic is reported by more claims than are compared
    assert {row.status for row in incremental} == {"agree", "conflict"}
    assert max(per_measure.values()) > MAX_CANDIDATES
    assert_statistics_name_their_sets(incremental)
    assert_claims_carry_their_statistics(database)
    carried = claim_statistics(database)
    rebuild(database)
    rebuilt = link_rows(database)
    assert {(row.a, row.b, row.status) for row in rebuilt} == {(row.a, row.b, row.status) for row in incremental}
    assert set(rebuilt) == set(incremental)
    assert claim_statistics(database) == carried


def test_replacing_a_document_of_a_crowded_statistic_keeps_links_equal_to_a_rebuild(database: Database,
                                                                                    folder: Path) -> None:
    count = MAX_CANDIDATES + 8
    for n in range(count):
        ingest(database, folder / f"{n:03d}.txt", f"There are 4,200 nurses in Leeds in 2018.\nBulletin {tag(n)}.\n")
    middle = folder / f"{count // 2:03d}.txt"
    kept = only_claim(database, middle)
    ingest(database, middle, "There are 4,200 nurses in Leeds in 2018.\nBulletin revised.\n")
    assert only_claim(database, middle) == kept  # same figure at the same place: the claim keeps its id
    incremental = set(link_rows(database))
    rebuild(database)
    assert set(link_rows(database)) == incremental


def test_replacing_a_document_of_a_crowded_statistic_keeps_each_claims_statistic(database: Database,
                                                                                  folder: Path) -> None:
    count = MAX_CANDIDATES + 8
    for n in range(count):
        ingest(database, folder / f"{n:03d}.txt", f"There are 4,200 nurses in Leeds in 2018.\nBulletin {tag(n)}.\n")
    first, middle = folder / "000.txt", folder / f"{count // 2:03d}.txt"
    smallest, kept = only_claim(database, first), only_claim(database, middle)
    assert set(claim_statistics(database).values()) == {smallest}
    ingest(database, middle, "There are 4,200 nurses in Leeds in 2018.\nBulletin revised.\n")
    assert only_claim(database, middle) == kept
    assert_claims_carry_their_statistics(database)
    # the smallest claim leaves
    ingest(database, first, "There are 9,900 nurses in Leeds in 2018.\nBulletin revised.\n")
    assert_statistics_name_their_sets(link_rows(database))
    assert_claims_carry_their_statistics(database)
    statistics = claim_statistics(database)
    assert statistics[only_claim(database, first)] is None
    assert {stat for claim, stat in statistics.items() if claim != only_claim(database, first)} == {smallest + 1}
    rebuild(database)
    assert_claims_carry_their_statistics(database)


# --- 3. bounded candidates ---------------------------------------------------------------------------------


def test_a_statistic_in_100_documents_is_one_group_with_bounded_links(database: Database, folder: Path) -> None:
    count = 100
    for n in range(count):
        write(folder, f"{n:03d}.txt", f"Staff bulletin {tag(n)}.\nThe trust employs 4,200 nurses in 2018.\n")
    ingest_folder(database, folder, count)
    with database.read() as session:
        every_claim = set(session.scalars(select(Claim.id)))
        groups = group_reads.agreements(session)
    assert len(every_claim) == count
    assert [{c.id for c in g.claims} for g in groups] == [every_claim]
    rows = link_rows(database)
    assert {row.status for row in rows} == {"agree"}
    assert len(rows) <= count * MAX_CANDIDATES < count * (count - 1) // 2
    earlier: dict[int, int] = defaultdict(int)  # each claim is compared with at most MAX_CANDIDATES before it
    for row in rows:
        earlier[max(row.a, row.b)] += 1
    assert max(earlier.values()) <= MAX_CANDIDATES
    assert len(assert_statistics_name_their_sets(rows)) == 1
    assert_claims_carry_their_statistics(database)
    assert set(claim_statistics(database).values()) == {min(every_claim)}


CLOSE = {"close-1.txt": "The trust employs about 4,150 nurses in Leeds in 2018.\n",
         "close-2.txt": "The trust employs 4,200 nurses in Leeds in 2018.\n",
         "close-3.txt": "The trust employs about 4,250 nurses in Leeds in 2018.\n"}
# 29% below 4,200: the same statistic, another figure
CONFLICTING = "The trust employs 3,000 nurses in Leeds in 2018.\n"


@pytest.mark.parametrize("conflict_name", ["0-conflict.txt", "z-conflict.txt"], ids=["stored-first", "stored-last"])
def test_a_conflicting_figure_is_found_among_100_agreeing_reports(database: Database, folder: Path,
                                                                  conflict_name: str) -> None:
    crowd = 100
    for n in range(crowd):
        write(folder, f"m-{n:03d}.txt", f"Staff bulletin {tag(n)}.\nThe trust employs 4,200 nurses in Leeds in 2018.\n")
    for name, text in CLOSE.items():
        write(folder, name, text)
    write(folder, conflict_name, CONFLICTING)
    ingest_folder(database, folder, crowd + len(CLOSE) + 1)
    conflicting = only_claim(database, folder / conflict_name)
    close = {only_claim(database, folder / name) for name in CLOSE}
    rows = link_rows(database)
    assert any(row.status == "conflict" and conflicting in (row.a, row.b) for row in rows)
    assert not [row for row in rows if row.status == "conflict" and conflicting not in (row.a, row.b)]
    with database.read() as session:
        contradictions = group_reads.contradictions(session)
        groups = group_reads.agreements(session)
    assert contradictions and all(conflicting in {c.id for c in g.claims} for g in contradictions)
    assert_claims_carry_their_statistics(database)
    assert len(groups) == 1
    members = {c.id for c in groups[0].claims}
    assert close <= members and conflicting not in members
    assert len(members) == crowd + len(CLOSE)


# --- 4. only figures within a factor of two are compared ---------------------------------------------------

FAR_APART = [
    pytest.param("There are 1,000 teachers in Leeds in 2018.",
                 "There are 3,000 teachers in Leeds in 2018.", id="1000-vs-3000"),
    pytest.param("There are 1,000 teachers in Leeds in 2018.",
                 "There are 2,001 teachers in Leeds in 2018.", id="just-over-double"),
    pytest.param("There are 450 teachers in Leeds in 2018.",
                 "There are 1,000 teachers in Leeds in 2018.", id="450-vs-1000"),
]

# pairs on either side of a power of two (1,024; 2,048), so filed under neighbouring keys
STRADDLING = [
    pytest.param("There are 1,000 teachers in Leeds in 2018.",
                 "There are 1,030 teachers in Leeds in 2018.", "agree", id="1000-1030"),
    pytest.param("There are 2,047 teachers in Leeds in 2018.", "There are 2,049 teachers in Leeds in 2018.", "conflict",
                 id="2047-2049"),
    pytest.param("There are 1,000 teachers in Leeds in 2018.", "There are 2,000 teachers in Leeds in 2018.", "conflict",
                 id="exactly-double"),
]


@pytest.mark.parametrize(("first", "second"), FAR_APART)
def test_compare_never_links_figures_more_than_twice_apart(first: str, second: str) -> None:
    a, b = fact(first, 1), fact(second, 2)
    assert (a.measure, a.place, a.unit) == (b.measure, b.place, b.unit)  # the same statistic in every other way
    assert compare(a, b) is None
    assert compare(b, a) is None


@pytest.mark.parametrize(("first", "second", "status"), STRADDLING)
def test_compare_links_figures_within_a_factor_of_two_across_a_power_of_two(first: str, second: str,
                                                                           status: str) -> None:
    a, b = fact(first, 1), fact(second, 2)
    assert blocking_keys(a)[0] != blocking_keys(b)[0]  # premise: filed under different keys
    assert blocking_keys(b)[0] in search_keys(a)
    assert blocking_keys(a)[0] in search_keys(b)
    assert compare(a, b) == status
    assert compare(b, a) == status


def test_database_links_only_figures_within_a_factor_of_two(database: Database, folder: Path) -> None:
    ingest(database, folder / "x.txt", "There are 1,000 teachers in Leeds in 2018. "
                                 "There are 1,000 nurses in Leeds in 2018. "
                                 "There are 2,047 doctors in Leeds in 2018. There are 450 midwives in Leeds in 2018.\n")
    ingest(database, folder / "y.txt", "There are 3,000 teachers in Leeds in 2018. "
                                 "There are 1,030 nurses in Leeds in 2018. "
                                 "There are 2,049 doctors in Leeds in 2018. "
                                 "There are 1,000 midwives in Leeds in 2018.\n")
    with database.read() as session:
        measure = dict(session.execute(select(Claim.id, Claim.measure)).all())
    assert len(measure) == 8
    assert {(measure[row.a], measure[row.b], row.status) for row in link_rows(database)} == {
        ("nurses", "nurses", "agree"), ("doctors", "doctors", "conflict")}


def test_closest_candidates_are_within_a_factor_of_two() -> None:
    target = fact("There are 1,000 teachers in Leeds in 2018.", 1)
    within = fact("There are 1,900 teachers in Leeds in 2018.", 2)
    below = fact("There are 450 teachers in Leeds in 2018.", 3)
    neighbours = Neighbours()
    neighbours.add(within)
    neighbours.add(below)
    assert [f.mention for f in neighbours.closest(target)] == ["1,900"]


def test_a_figure_within_the_factor_is_compared_in_a_crowded_block(database: Database, folder: Path) -> None:
    write(folder, "a-1900.txt", "There are 1,900 teachers in Leeds in 2018.\n")
    crowd = MAX_CANDIDATES + 8
    for n in range(crowd):
        write(folder, f"b-{n:03d}.txt", f"Bulletin {tag(n)}.\nThere are 450 teachers in Leeds in 2018.\n")
    write(folder, "z-1000.txt", "There are 1,000 teachers in Leeds in 2018.\n")
    ingest_folder(database, folder, crowd + 2)
    high, low = only_claim(database, folder / "a-1900.txt"), only_claim(database, folder / "z-1000.txt")
    assert compare(fact("There are 1,900 teachers in Leeds in 2018.", 1),
                   fact("There are 1,000 teachers in Leeds in 2018.", 2)) == "conflict"  # premise
    assert (high, low, "conflict") in {(row.a, row.b, row.status) for row in link_rows(database)}


# --- 5. the group commands' --limit ------------------------------------------------------------------------

GROUP_NOUNS = ["nurses", "teachers", "doctors", "midwives", "paramedics", "firefighters", "pupils", "dentists",
               "pharmacists", "surgeons"]
GROUP_FIGURES = [300, 900, 2_700]  # a factor of three apart: separate statistics


def _conflicting(value: int) -> int:
    """A figure 20% above ``value``: within a factor of two, outside its rounding."""
    return value * 6 // 5


# two documents agree on every statistic; a third conflicts with both on every one
GROUP_DOCUMENTS = {
    "agree-one.txt": " ".join(f"There are {v:,} {n} in Leeds in 2018." for n in GROUP_NOUNS for v in GROUP_FIGURES),
    "agree-two.txt": " ".join(f"Leeds had {v:,} {n} in 2018." for n in GROUP_NOUNS for v in GROUP_FIGURES),
    "conflict.txt": " ".join(f"There are {_conflicting(v):,} {n} in Leeds in 2018." for n in GROUP_NOUNS
                             for v in GROUP_FIGURES),
}
GROUP_STATISTICS = len(GROUP_NOUNS) * len(GROUP_FIGURES)
EXPECTED_GROUPS = {"agreements": GROUP_STATISTICS, "contradictions": 2 * GROUP_STATISTICS,
                   "figures": GROUP_STATISTICS}
COMMANDS = list(EXPECTED_GROUPS)
TABLE_DEFAULT = 20
MORE = "use --limit to see more"
GROUP_TITLE = re.compile(r"^(?:Agreement|Contradiction|Figure) \d+ \((?:agree|conflict)\)", re.MULTILINE)


@pytest.fixture(scope="module")
def groups_db(template_db: Path | str, copy_database) -> Path | str:
    """A database with 30 statistics: 30 agreements, 60 contradictions, 30 figures (read only)."""
    path = copy_database(template_db, "groups")
    database = open_database(str(path))
    try:
        store_texts(database, GROUP_DOCUMENTS)
    finally:
        database.close()
    return path


@pytest.mark.parametrize("command", COMMANDS)
def test_json_without_limit_prints_every_group(invoke: Invoke, groups_db: Path, command: str) -> None:
    groups = ok_json(invoke(groups_db, command, "--format", "json"))
    assert len(groups) == EXPECTED_GROUPS[command] > TABLE_DEFAULT
    assert len({g["id"] for g in groups}) == len(groups)


@pytest.mark.parametrize("command", COMMANDS)
def test_limit_one_prints_exactly_one_group(invoke: Invoke, groups_db: Path, command: str) -> None:
    every = ok_json(invoke(groups_db, command, "--format", "json"))
    assert ok_json(invoke(groups_db, command, "--limit", "1", "--format", "json")) == every[:1]


@pytest.mark.parametrize("command", COMMANDS)
def test_limit_prints_the_first_groups_in_order(invoke: Invoke, groups_db: Path, command: str) -> None:
    every = ok_json(invoke(groups_db, command, "--format", "json"))
    assert ok_json(invoke(groups_db, command, "--limit", "7", "--format", "json")) == every[:7]


@pytest.mark.parametrize("command", COMMANDS)
def test_limit_zero_prints_an_empty_list(invoke: Invoke, groups_db: Path, command: str) -> None:
    result = invoke(groups_db, command, "--limit", "0", "--format", "json")
    assert ok_json(result) == []
    assert result.stdout.strip() == "[]"


@pytest.mark.parametrize("fmt", ["table", "json"])
@pytest.mark.parametrize("command", COMMANDS)
def test_negative_limit_is_a_one_line_error(invoke: Invoke, groups_db: Path, command: str, fmt: str) -> None:
    line = assert_one_line_error(invoke(groups_db, command, "--limit", "-1", "--format", fmt))
    assert "--limit" in line


@pytest.mark.parametrize("command", COMMANDS)
def test_table_shows_twenty_groups_and_says_there_are_more(invoke: Invoke, groups_db: Path, command: str) -> None:
    result = invoke(groups_db, command)
    assert result.exit_code == 0, result.output
    no_traceback(result)
    assert len(GROUP_TITLE.findall(result.stdout)) == TABLE_DEFAULT
    # how many there are in all, not only that there are more
    assert result.stderr.count(f"showing the first {TABLE_DEFAULT} of {EXPECTED_GROUPS[command]}; {MORE}") == 1
    assert MORE not in result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_table_with_few_groups_shows_them_all_without_a_note(invoke: Invoke, groups_db: Path, command: str) -> None:
    result = invoke(groups_db, command, "--measure", "nurses")
    assert result.exit_code == 0, result.output
    expected = EXPECTED_GROUPS[command] // len(GROUP_NOUNS)
    assert len(GROUP_TITLE.findall(result.stdout)) == expected < TABLE_DEFAULT
    assert "use --limit" not in result.stderr


# --- 6. paging through more than one page of statistics ----------------------------------------------------

PAGE_NOUNS = [*GROUP_NOUNS, "porters", "cleaners", "librarians", "apprentices", "volunteers"]
PAGE_FIGURES = [137 * 3**k for k in range(15)]  # a factor of three apart, never round
PAGE_PLACES = ["Leeds", "Bristol"]


def _place(noun_index: int) -> str:
    return PAGE_PLACES[noun_index % len(PAGE_PLACES)]


PAGE_DOCUMENTS = {
    "page-a.txt": " ".join(f"There are {v:,} {n} in {_place(i)} in 2018." for i, n in enumerate(PAGE_NOUNS)
                           for v in PAGE_FIGURES),
    "page-b.txt": " ".join(f"{_place(i)} had {v:,} {n} in 2018." for i, n in enumerate(PAGE_NOUNS)
                           for v in PAGE_FIGURES),
    "page-c.txt": " ".join(f"There are {v + v // 6:,} {n} in {_place(i)} in 2018." for i, n in enumerate(PAGE_NOUNS)
                           for v in PAGE_FIGURES),
}
PAGE_STATISTICS = len(PAGE_NOUNS) * len(PAGE_FIGURES)


@pytest.fixture(scope="module")
def paged_db(template_db: Path | str, copy_database) -> Iterator[Database]:
    """225 statistics, each agreed by page-a and page-b and contradicted by page-c (read only)."""
    database = open_database(str(copy_database(template_db, "paged")))
    store_texts(database, PAGE_DOCUMENTS)
    yield database
    database.close()


def test_paged_corpus_has_more_statistics_than_a_page(paged_db: Database) -> None:
    rows = link_rows(paged_db)
    assert len(assert_statistics_name_their_sets(rows)) == PAGE_STATISTICS > group_reads._PAGE
    assert len(rows) == 3 * PAGE_STATISTICS  # per statistic: a–b agree, a–c and b–c conflict


def test_agreements_lose_no_group_across_pages(paged_db: Database) -> None:
    with paged_db.read() as session:
        groups = group_reads.agreements(session)
    assert len(groups) == PAGE_STATISTICS
    assert [g.id for g in groups] == sorted({g.id for g in groups})
    assert {(g.claims[0].measure, g.claims[0].place, float(g.claims[0].value or 0)) for g in groups} == {
        (n, _place(i), float(v)) for i, n in enumerate(PAGE_NOUNS) for v in PAGE_FIGURES}
    for g in groups:
        assert sorted(f.document for f in g.claims) == ["page-a.txt", "page-b.txt"]


@pytest.mark.parametrize("limit", [0, 1, group_reads._PAGE - 1, group_reads._PAGE, group_reads._PAGE + 1,
                                   PAGE_STATISTICS, PAGE_STATISTICS + 10])
def test_agreements_limit_takes_the_first_groups_across_pages(paged_db: Database, limit: int) -> None:
    with paged_db.read() as session:
        every = [g.id for g in group_reads.agreements(session)]
        limited = [g.id for g in group_reads.agreements(session, limit=limit)]
    assert len(limited) == min(limit, PAGE_STATISTICS)
    assert limited == every[:limit]


@pytest.mark.parametrize("noun", [PAGE_NOUNS[0], PAGE_NOUNS[-1]])
def test_measure_filter_returns_only_matching_groups(paged_db: Database, noun: str) -> None:
    assert sum(noun in other for other in PAGE_NOUNS) == 1  # premise: the filter text names one measure
    with paged_db.read() as session:
        kept = group_reads.agreements(session, GroupFilter(measure=noun))
        first = group_reads.agreements(session, GroupFilter(measure=noun), limit=4)
    assert len(kept) == len(PAGE_FIGURES)
    assert all(c.measure == noun for g in kept for c in g.claims)
    assert [g.id for g in first] == [g.id for g in kept][:4]


def test_place_filter_across_pages(paged_db: Database) -> None:
    in_bristol = sum(_place(i) == "Bristol" for i in range(len(PAGE_NOUNS))) * len(PAGE_FIGURES)
    with paged_db.read() as session:
        kept = group_reads.agreements(session, GroupFilter(place="Bristol"))
        both = group_reads.agreements(session, GroupFilter(measure="teachers", place="Bristol"))
        limited = group_reads.agreements(session, GroupFilter(place="Bristol"), limit=in_bristol - 3)
    assert len(kept) == in_bristol
    assert all(c.place == "Bristol" for g in kept for c in g.claims)
    assert both and all(c.measure == "teachers" and c.place == "Bristol" for g in both for c in g.claims)
    assert len(both) == len(PAGE_FIGURES)
    assert [g.id for g in limited] == [g.id for g in kept][: in_bristol - 3]


def test_document_filter_keeps_groups_with_a_claim_of_that_document(paged_db: Database) -> None:
    with paged_db.read() as session:
        assert len(group_reads.agreements(session, GroupFilter(document="page-b"))) == PAGE_STATISTICS
        assert group_reads.agreements(session, GroupFilter(document="page-c")) == []  # page-c agrees with no one
        conflicts = group_reads.contradictions(session, GroupFilter(document="page-a"))
    assert len(conflicts) == PAGE_STATISTICS  # a–c only; b–c has no claim of page-a


def test_contradictions_and_figures_lose_nothing_across_pages(paged_db: Database) -> None:
    with paged_db.read() as session:
        conflicts = group_reads.contradictions(session)
        conflicts_limited = group_reads.contradictions(session, limit=group_reads._PAGE + 5)
        figures = group_reads.figures(session)
        figures_limited = group_reads.figures(session, limit=group_reads._PAGE + 5)
        nurses = group_reads.figures(session, GroupFilter(measure="nurses"))
    assert len(conflicts) == 2 * PAGE_STATISTICS
    assert [g.id for g in conflicts_limited] == [g.id for g in conflicts][: group_reads._PAGE + 5]
    assert len(figures) == PAGE_STATISTICS
    assert all(g.status == "conflict" and len(g.claims) == 3 for g in figures)
    assert [g.id for g in figures_limited] == [g.id for g in figures][: group_reads._PAGE + 5]
    assert len(nurses) == len(PAGE_FIGURES)
