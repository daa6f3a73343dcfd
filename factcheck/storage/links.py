"""Link upkeep: blocking keys and links, kept up to date as documents come and go, or remade from scratch.

When a document is stored, its claims are filed under their blocking keys and
compared only with the claims that share a key; the resulting links (agree or
conflict) are written in the same transaction as the document, and the claims they
join carry the statistic they make. Which rules the links were made by is recorded
(:func:`links_are_current`). Reading them back as groups is :mod:`factcheck.storage.groups`.
"""

from __future__ import annotations

import gc
import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from factcheck.crossref import (
    CROSSREF_VERSION,
    Figure,
    Linker,
    Neighbours,
    PairLink,
    by_document,
    claim_figure,
    comparison_number,
    document_names,
    drop_told_apart,
    keys_searched_under,
    name_figures,
)
from factcheck.storage import bulk
from factcheck.storage.models import Claim, ClaimKey, Document, Link
from factcheck.storage.settings import get_setting, set_setting

# the setting that records the version of the rules the links were made by
CROSSREF_SETTING = "crossref_version"


def _chunks(session: Session | Connection, items: Sequence[Any]) -> Iterator[list[Any]]:
    """``items`` in batches as large as a query on this database compares with at once."""
    connection = session.connection() if isinstance(session, Session) else session
    return bulk.batches(connection, list(items))


def insert_values(session: Session, table: Table, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """Insert rows given as tuples of ``columns``, the engine's fastest way (:mod:`factcheck.storage.bulk`)."""
    bulk.insert_rows(session.connection(), table, columns, rows)


def _store_links(session: Session, links: Sequence[tuple[int, int, str]], statistic: dict[int, int]) -> int:
    rows = [(a, b, status, statistic[a]) for a, b, status in links]
    insert_values(session, Link.__table__, ["claim_a", "claim_b", "status", "statistic"], rows)
    return len(rows)


class _Components:
    """Union-find over claim ids: which claims links join into one statistic."""

    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, x: int) -> int:
        parent = self.parent
        while (up := parent.get(x, x)) != x:
            parent[x] = x = parent.get(up, up)  # halve the path on the way
        return x

    def join(self, a: int, b: int) -> None:
        self.join_all([(a, b)])

    def join_all(self, pairs: Iterable[tuple[int, int]]) -> None:
        """Join each pair's sets (:meth:`find` inline: this runs once per link)."""
        parent = self.parent
        for a, b in pairs:
            while (up := parent.get(a, a)) != a:
                parent[a] = a = parent.get(up, up)
            while (up := parent.get(b, b)) != b:
                parent[b] = b = parent.get(up, up)
            # the smaller id becomes the root, so a statistic is named by its smallest claim id
            if a < b:
                parent[b] = a
            elif b < a:
                parent[a] = b

    def labels(self) -> dict[int, int]:
        """Every claim joined to another → the root of its set (a :meth:`find` for each, not for each link)."""
        labels = {claim: self.find(claim) for claim in list(self.parent)}
        labels.update((root, root) for root in set(labels.values()))
        return labels


def _current_statistics(session: Session, claim_ids: Iterable[int]) -> dict[int, int]:
    """The statistic each of these claims already belongs to, for those linked at all."""
    found: dict[int, int] = {}
    ids = sorted(set(claim_ids))
    for column in (Link.claim_a, Link.claim_b):
        for chunk in _chunks(session, ids):
            stmt = (select(column, func.min(Link.statistic)).where(bulk.among(session.connection(), column, chunk))
                    .group_by(column))
            found.update({claim: stat for claim, stat in session.execute(stmt) if stat is not None})
    return found


def _set_claim_statistics(session: Session, statistic: dict[int, int] | dict[int, int | None]) -> None:
    """Write onto claims the statistic of their links (``Claim.statistic``): claim id → statistic, or none.

    Every claim in one go, in id order (:func:`factcheck.storage.bulk.update_rows`).
    """
    bulk.update_rows(session.connection(), Claim.__table__, "id", "statistic", sorted(statistic.items()))


def _carried_statistics(connection: Connection) -> dict[int, int]:
    """Claim id → the statistic it carries, for the claims that carry one (read from the index on it)."""
    return dict(bulk.rows(connection, select(Claim.id, Claim.statistic).where(Claim.statistic.is_not(None)),
                          stream=True))


def _reset_claim_statistics(session: Session, statistic: dict[int, int], carried: dict[int, int]) -> None:
    """Have every claim carry the statistic given for it, and none for the others; ``carried`` is what
    they carry now (:func:`_carried_statistics`).

    Only the claims whose statistic changes are written: rewriting a claim's row costs
    much more than reading what all of them carry.
    """
    changed: dict[int, int | None] = {claim: stat for claim, stat in statistic.items() if carried.get(claim) != stat}
    changed.update(dict.fromkeys(carried.keys() - statistic.keys()))
    _set_claim_statistics(session, changed)


def _add_links(session: Session, links: Sequence[PairLink]) -> int:
    """Store new links, naming their statistics and merging those they join; their claims carry the names."""
    if not links:
        return 0
    components = _Components()
    for claim, stat in _current_statistics(session, (i for x in links for i in (x.a, x.b))).items():
        components.join(claim, stat)
    for x in links:
        components.join(x.a, x.b)
    merged = {old: components.find(old) for old in set(components.parent) if components.find(old) != old}
    stale = [{"old": old, "new": new} for old, new in merged.items()]
    if stale:
        stmt = update(Link).where(Link.statistic == bindparam("old")).values(statistic=bindparam("new"))
        session.connection().execute(stmt.execution_options(synchronize_session=False), stale)
        claims = Claim.__table__
        stmt = update(claims).where(claims.c.statistic == bindparam("old")).values(statistic=bindparam("new"))
        session.connection().execute(stmt, stale)
    statistic = {i: components.find(i) for x in links for i in (x.a, x.b)}
    _set_claim_statistics(session, statistic)
    return _store_links(session, [(x.a, x.b, x.status) for x in links], statistic)


def link_documents(session: Session, document_ids: Sequence[int]) -> int:
    """File stored documents' claims under their keys and link them to matching claims; returns links made.

    Claims are read as plain rows into their figures, as when every claim is linked
    at once (:func:`rebuild_links`), and give the same links as that would.
    """
    connection = session.connection()
    every = _figures_where(connection, Claim.document_id, document_ids)
    names = document_names(every)
    new = [f for f in every if f.key is not None or f.exact is not None]
    if not new:
        return 0
    name_figures(new, names)
    insert_values(session, ClaimKey.__table__, ["claim_id", "key"], _claim_keys(new))
    # Only the figures of the stored claims under the keys searched are read first; the
    # whole figures are made just for those that are some new claim's closest partners.
    new_ids = {f.id for f in new}
    pool: Neighbours[None] = Neighbours()
    exact: Neighbours[None] = Neighbours()  # the claims of each exact figure
    wanted = sorted({key for f in new for key, _ in f.search} | {f.exact for f in new if f.exact})
    stmt = (select(ClaimKey.claim_id, ClaimKey.key, Claim.value, Claim.low, Claim.unit)
            .join(Claim, Claim.id == ClaimKey.claim_id))
    first_new, later = min(new_ids), False
    for chunk in _chunks(connection, wanted):
        for claim_id, key, value, low, unit in bulk.rows(connection, stmt.where(ClaimKey.key.in_(chunk))):
            if claim_id not in new_ids:
                (exact if "|=" in key else pool).file(key, comparison_number(value, low, unit), claim_id)
                later = later or claim_id > first_new
    if later:
        # claims that kept their ids when their document was replaced: claims stored after them chose their
        # partners among the claims before them, and must choose again
        return _add_links(session, _relink_around(connection, every, new, wanted))
    partners: set[int] = set()
    for f in new:
        if f.key is not None:
            partners.update(other for _, other, _ in pool.nearest(f.search, f.number, f.id))
            pool.file(f.key, f.number, f.id)
    for f in new:
        if f.exact:
            partners.update(other for _, other, _ in exact.nearest(((f.exact, 0),), f.number, f.id))
            exact.file(f.exact, f.number, f.id)
    linker = Linker()
    candidates = _figures_where(connection, Claim.id, sorted(partners - new_ids))
    others = sorted({f.document_id for f in candidates} - names.keys())
    around = _figures_where(connection, Claim.document_id, others)  # the candidates' documents, every claim
    names.update(document_names(around))
    name_figures(candidates, names)
    name_figures(around, names)
    linker.link_new(candidates, new)
    figures = {f.id: f for f in (*every, *around)}
    links = drop_told_apart(linker.links, figures, by_document(figures.values()))
    return _add_links(session, [PairLink(*link) for link in links])


def _relink_around(connection: Connection, every: list[Figure], new: list[Figure],
                   wanted: list[str]) -> list[PairLink]:
    """The links of ``new`` claims as linking every claim from scratch would make them, when claims stored
    after some of them (a replaced document's claims keep their ids) may choose them as partners.

    Every claim filed under a key that a claim under the keys searched may search is read, so that each
    later claim chooses among all the claims before it, in order of id, as :func:`rebuild_links` does.
    """
    around_keys = set(wanted)
    stmt = select(ClaimKey.key).distinct()
    for chunk in _chunks(connection, wanted):
        for (key,) in bulk.rows(connection, stmt.where(ClaimKey.key.in_(chunk))):
            around_keys.update(keys_searched_under(key))
    ids: set[int] = set()
    for chunk in _chunks(connection, sorted(around_keys)):
        ids.update(row[0] for row in bulk.rows(connection, select(ClaimKey.claim_id).where(ClaimKey.key.in_(chunk))))
    new_ids = {f.id for f in new}
    stored = _figures_where(connection, Claim.id, sorted(ids - new_ids))
    names = document_names(every)
    documents = sorted({f.document_id for f in stored} - names.keys())
    others = _figures_where(connection, Claim.document_id, documents)
    names.update(document_names(others))
    figures = sorted([*stored, *new], key=attrgetter("id"))
    name_figures(figures, names)
    linker = Linker()
    for figure in sorted(figures, key=lambda figure: figure.base or ""):
        linker.link(figure)
    for figure in sorted((f for f in figures if f.exact), key=attrgetter("exact", "id")):
        linker.link_exact(figure)
    linker.link_within_documents(new)
    touching = [link for link in linker.links if link[0] in new_ids or link[1] in new_ids]
    every_figure = {f.id: f for f in (*every, *others, *stored)}
    return [PairLink(*link) for link in drop_told_apart(touching, every_figure, by_document(every_figure.values()))]


def _claim_keys(figures: Iterable[Figure]) -> list[tuple[int, str]]:
    """(claim id, key) of every key the figures are filed under: their blocking key and their exact figure's."""
    return [(f.id, key) for f in figures for key in (f.key, f.exact) if key is not None]


def _figures_where(connection: Connection, column: Any, ids: Sequence[int]) -> list[Figure]:
    """The figures of the claims whose ``column`` is one of ``ids``, in order of claim id."""
    figures: list[Figure] = []
    for chunk in _chunks(connection, list(ids)):
        figures.extend(itertools.starmap(claim_figure, bulk.rows(connection, _figure_query().where(
            column.in_(chunk)))))
    return sorted(figures, key=attrgetter("id"))


def link_document(session: Session, document_id: int) -> int:
    """:func:`link_documents` for one document."""
    return link_documents(session, [document_id])


def unlink_document(session: Session, document_id: int) -> None:
    """Remove a document's keys and links (before its claims are replaced); statistics it split are renamed.

    Claims left without a link lose their statistic.
    """
    claim_ids = select(Claim.id).where(Claim.document_id == document_id).scalar_subquery()
    touching = or_(Link.claim_a.in_(claim_ids), Link.claim_b.in_(claim_ids))
    affected = sorted(set(session.scalars(select(Link.statistic).where(touching).distinct())) - {None})
    session.execute(delete(Link).where(touching))
    session.execute(delete(ClaimKey).where(ClaimKey.claim_id.in_(claim_ids)))
    for chunk in _chunks(session, affected):
        remaining = list(session.execute(select(Link.id, Link.claim_a, Link.claim_b).where(
            Link.statistic.in_(chunk))))
        components = _Components()
        components.join_all((a, b) for _, a, b in remaining)
        statistic = components.labels()
        bulk.update_rows(session.connection(), Link.__table__, "id", "statistic",
                         [(link_id, statistic[a]) for link_id, a, _ in remaining])
        session.connection().execute(update(Claim.__table__).where(Claim.statistic.in_(chunk)).values(statistic=None))
        _set_claim_statistics(session, statistic)


def _figure_query():
    """A claim's fields in the order :func:`~factcheck.crossref.claim_figure` takes them."""
    return select(Claim.id, Claim.document_id, Claim.mention, Claim.value_text, Claim.low, Claim.high, Claim.unit,
                  Claim.qualifier, Claim.change, Claim.measure, Claim.place, Claim.kind, Claim.period_start,
                  Claim.period_end, Claim.subject, Claim.period, Document.place, Document.title,
                  Document.published, Claim.speaker, Claim.sentence).join(Document, Document.id == Claim.document_id)


@contextmanager
def _without_cycle_collection() -> Iterator[None]:
    """The cyclic garbage collector paused for the duration.

    Linking every claim makes millions of small objects, kept to the end and holding
    no cycles: collecting while they are made would only scan them over and over.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def rebuild_links(session: Session) -> int:
    """Recompute every key and link from scratch (after the rules change); returns links made.

    Every key and link it writes refers to claims it read in the same transaction: it is
    best run in one that does not check references (``Database.write(check_references=False)``,
    for SQLite; on PostgreSQL they are checked once, at the end).
    """
    connection = session.connection()
    # an index built once over a full table is much faster than one kept up row by row (the
    # claims' index on their statistic too: most claims get one)
    claim_statistic = [index for index in Claim.__table__.indexes if list(index.columns.keys()) == ["statistic"]]
    indexes = (*ClaimKey.__table__.indexes, *Link.__table__.indexes, *claim_statistic)
    carried = _carried_statistics(connection)  # while the index on them is there
    for index in indexes:
        index.drop(connection)
    bulk.clear(connection, Link.__table__, ClaimKey.__table__)
    with _without_cycle_collection(), bulk.references_checked_at_the_end(connection, Link.__table__,
                                                                         ClaimKey.__table__):
        keys, links = _link_every_claim(connection)
        components = _Components()
        components.join_all((a, b) for a, b, _ in links)
        insert_values(session, ClaimKey.__table__, ["claim_id", "key"], keys)
        statistic = components.labels()
        count = _store_links(session, links, statistic)
        _reset_claim_statistics(session, statistic, carried)
        for index in indexes:
            index.create(connection)
    bulk.refresh_statistics(connection, Claim.__table__, ClaimKey.__table__, Link.__table__)
    set_setting(session, CROSSREF_SETTING, CROSSREF_VERSION)
    return count


def _link_every_claim(connection: Connection) -> tuple[list[tuple[int, str]], list[tuple[int, int, str]]]:
    """Each claim's blocking key, and every link in order of its claims' ids, from scratch.

    Claims are read as plain rows into their figures, with no :class:`~factcheck.crossref.Fact`
    made. A claim is only ever compared with claims of the same base key, so they are
    linked one base at a time, each base's in id order: what they are compared with
    stays at hand, rather than spread over every statistic in the database.
    """
    rows = bulk.rows(connection, _figure_query().order_by(Claim.id), stream=True)
    every = list(itertools.starmap(claim_figure, rows))
    names = document_names(every)
    # a figure with no key is compared by its exact figure only
    figures = [figure for figure in every if figure.key is not None or figure.exact is not None]
    name_figures(figures, names)
    keys = _claim_keys(figures)
    linker = Linker()
    # a sort that keeps the order of ids among equals
    for figure in sorted((figure for figure in figures if figure.key is not None), key=attrgetter("base")):
        linker.link(figure)
    # then each exact figure's claims, in order of id
    for figure in sorted((f for f in figures if f.exact), key=attrgetter("exact", "id")):
        linker.link_exact(figure)
    linker.link_within_documents(figures)
    by_id = {f.id: f for f in figures}
    conflicted = {by_id[i].document_id for a, b, status in linker.links if status == "conflict" for i in (a, b)}
    links = drop_told_apart(linker.links, by_id, by_document(f for f in every if f.document_id in conflicted))
    del every
    # each base's links come in order of their later claim, and all of a claim's links in
    # its base: ordered by the earlier claim, keeping that order among equals, they are
    # in order of both
    return keys, sorted(links, key=itemgetter(0))



def links_are_current(session: Session) -> bool | None:
    """Whether the links were made by the current cross-referencing rules; ``None`` for a database that
    has no claim and no record of any rules yet (a new one: see :func:`mark_links_current`).
    """
    version = get_setting(session, CROSSREF_SETTING)
    if version is None:
        return None if session.scalar(select(Claim.id).limit(1)) is None else False
    return version == CROSSREF_VERSION


def mark_links_current(session: Session) -> bool:
    """Record the current rules as those of a new database's links (it has none); returns whether its
    links are current (not if it has claims linked by unknown rules).
    """
    current = links_are_current(session)
    if current is None:
        set_setting(session, CROSSREF_SETTING, CROSSREF_VERSION)
        return True
    return current


def link_rules(session: Session) -> str | None:
    """The version of the cross-referencing rules the links were made by (``None``: unknown)."""
    return get_setting(session, CROSSREF_SETTING)
