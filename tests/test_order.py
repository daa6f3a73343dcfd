"""Order does not matter: the groups a corpus makes do not depend on the order its documents are ingested in,
one by one or all at once, and linking document by document gives what relinking from scratch gives.

The corpus is several outlets reporting the same events (a flood's death toll, a ferry firm's jobs and staff,
a council's budget): figures that agree, figures that conflict, a figure an article repeats, and figures an
article tells apart. Groups are compared by what they hold (document and place of each claim), as claim ids
depend on the order things were stored in.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from factcheck.ingest.pipeline import ingest_paths
from factcheck.storage import groups as group_reads
from factcheck.storage.database import open_database
from factcheck.storage.links import rebuild_links
from factcheck.storage.models import Claim, Document

ARTICLES = {
    "flood-a.txt": "Floods kill 41 in Cumbria\n\nFloods in Cumbria have killed 41 people, officials said. The death "
                   "toll of 41 is expected to rise. The government has pledged £12m in emergency aid for Cumbria.\n",
    "flood-b.txt": "Cumbria flood toll rises\n\nFloods in Cumbria have killed 41 people, the council said. The "
                   "government promised £12m in emergency aid for Cumbria on Tuesday.\n",
    "flood-c.txt": "Cumbria counts the cost\n\nThe government has pledged £12m in emergency aid for Cumbria, where "
                   "floods have killed 41 people.\n",
    "ferry-a.txt": "Brightwave to cut jobs\n\nThe ferry operator Brightwave employed 2,400 staff in Liverpool in "
                   "2018. Brightwave will cut 300 jobs in Liverpool, the company said.\n",
    "ferry-b.txt": "Brightwave cuts\n\nUnions said Brightwave employed 2,900 staff in Liverpool in 2018. Brightwave "
                   "will cut 300 jobs in Liverpool.\n",
    "ferry-c.txt": "Brightwave staff\n\nBrightwave employed 2,400 staff in Liverpool in 2018, the firm said.\n",
    "budget-a.txt": "Leeds budget\n\nLeeds City Council will spend £510m on social care in 2019, up from £480m "
                    "in 2018.\n",
    "budget-b.txt": "Leeds care spending\n\nLeeds City Council will spend £510m on social care in 2019.\n",
}

Groups = frozenset[frozenset[tuple[str, int]]]
NewDatabase = Callable[[str], Path | str]


def write_corpus(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in ARTICLES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def groups_of(url: Path | str) -> dict[str, Groups]:
    """Agreements, contradictions and statistics, each claim as (file name, offset of its mention)."""
    database = open_database(str(url))
    try:
        with database.read() as session:
            place = {claim_id: (Path(source).name, start) for claim_id, start, source in session.execute(
                select(Claim.id, Claim.start, Document.source).join(Claim.document))}
            found = {"agreements": group_reads.agreements(session),
                     "contradictions": group_reads.contradictions(session),
                     "figures": group_reads.figures(session)}
    finally:
        database.close()
    return {what: frozenset(frozenset(place[c.id] for c in g.claims) for g in groups)
            for what, groups in found.items()}


def ingest_in_order(url: Path | str, paths: list[Path], one_by_one: bool) -> None:
    database = open_database(str(url))
    try:
        batches = [[p] for p in paths] if one_by_one else [paths]
        for batch in batches:
            report = ingest_paths(database, batch)
            assert all(o.status == "added" for o in report.outcomes), report.outcomes
    finally:
        database.close()


@pytest.fixture
def reference(new_database: NewDatabase, tmp_path: Path) -> tuple[list[Path], dict[str, Groups]]:
    """The corpus ingested all at once, in the order of its file names, and the groups it makes."""
    paths = write_corpus(tmp_path / "corpus")
    url = new_database("reference")
    ingest_in_order(url, paths, one_by_one=False)
    found = groups_of(url)
    # premises: the corpus makes groups of every kind, so that a difference would show
    assert found["agreements"] and found["contradictions"], found
    return paths, found


_runs = itertools.count()


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(order=st.permutations(range(len(ARTICLES))))
def test_groups_do_not_depend_on_the_order_of_ingest(reference, new_database: NewDatabase, order: list[int]) -> None:
    paths, expected = reference
    url = new_database(f"shuffled-{next(_runs)}")
    ingest_in_order(url, [paths[i] for i in order], one_by_one=True)
    assert groups_of(url) == expected


def test_relinking_from_scratch_changes_no_group(reference, new_database: NewDatabase) -> None:
    paths, expected = reference
    url = new_database("relinked")
    ingest_in_order(url, list(reversed(paths)), one_by_one=True)
    database = open_database(str(url))
    try:
        with database.write(check_references=False) as session:
            rebuild_links(session)
    finally:
        database.close()
    assert groups_of(url) == expected


def test_the_corpus_groups_what_its_articles_say_alike(reference) -> None:
    _, found = reference
    names = [{name for name, _ in group} for group in found["agreements"]]
    assert {"flood-a.txt", "flood-b.txt", "flood-c.txt"} in names  # 41 killed, all three (and £12m)
    # 2,400 against 2,900 staff in 2018: ferry-a and ferry-c agree, ferry-b conflicts with both
    conflicts = [{name for name, _ in group} for group in found["contradictions"]]
    assert {"ferry-a.txt", "ferry-b.txt"} in conflicts and {"ferry-b.txt", "ferry-c.txt"} in conflicts
