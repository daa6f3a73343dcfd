"""Cross-references in the database: blocking keys and links, kept up to date incrementally.

When a document is stored, its claims are filed under their blocking keys and
compared only with the claims that share a key; the resulting links (agree or
conflict) are written in the same transaction as the document. Agreement groups
and contradictions are read back from the links.
"""

from __future__ import annotations

import datetime as dt
import gc
import itertools
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter, itemgetter
from typing import Any

from sqlalchemy import Connection, Table, bindparam, delete, func, or_, select, update
from sqlalchemy.orm import Session

from factcheck.consistency import Located
from factcheck.crossref import (
    CROSSREF_VERSION,
    Fact,
    Figure,
    Group,
    Linker,
    Neighbours,
    PairLink,
    agreement_groups,
    claim_figure,
    comparison_number,
    explain_conflict,
    explain_link,
    short_source,
)
from factcheck.errors import QueryError
from factcheck.storage import bulk
from factcheck.storage.models import Claim, ClaimKey, Document, Link, Setting

# the setting that records the version of the rules the links were made by
CROSSREF_SETTING = "crossref_version"


def _chunks(session: Session | Connection, items: Sequence[Any]) -> Iterator[list[Any]]:
    """``items`` in batches as large as a query on this database compares with at once."""
    connection = session.connection() if isinstance(session, Session) else session
    return bulk.batches(connection, list(items))


def _fact_query():
    return select(Claim.id, Document.source, Claim.document_id, Claim.mention, Claim.value_text, Claim.low,
                  Claim.high, Claim.unit, Claim.qualifier, Claim.change, Claim.measure, Claim.place, Claim.period,
                  Claim.speaker, Claim.kind, Claim.period_start, Claim.period_end).join(Claim.document)


def _fact(row) -> Fact:
    return Fact(row[0], row[1], row[2], row[3], Decimal(row[4]) if row[4] is not None else None, *row[5:])


def _day(value: dt.date | str | None) -> dt.date | None:
    """A date as the driver gives it (SQLite's: ISO text)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _driver_fact(row: tuple[Any, ...]) -> Fact:
    """:func:`_fact` of a driver row of :func:`_fact_query`."""
    return Fact(row[0], row[1], row[2], row[3], Decimal(row[4]) if row[4] is not None else None, *row[5:15],
                _day(row[15]), _day(row[16]))


def load_facts(session: Session, *, claim_ids: Sequence[int] | None = None) -> list[Fact]:
    """Claims as :class:`~factcheck.crossref.Fact` records: all, or some claims."""
    connection = session.connection()  # Core rows: no ORM bookkeeping for plain tuples
    if claim_ids is None:
        return [_fact(r) for r in connection.execute(_fact_query().order_by(Claim.id))]
    facts: list[Fact] = []
    for chunk in _chunks(session, sorted(claim_ids)):
        facts.extend(map(_driver_fact, bulk.rows(connection, _fact_query().where(Claim.id.in_(chunk)))))
    return sorted(facts, key=lambda f: f.id)


def bulk_insert(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert many rows of plain numbers and strings the engine's fastest way (:mod:`factcheck.storage.bulk`)."""
    if rows:
        columns = list(rows[0])
        insert_values(session, table, columns, [tuple(row[key] for key in columns) for row in rows])


def insert_values(session: Session, table: Table, columns: list[str], rows: list[tuple[Any, ...]]) -> None:
    """:func:`bulk_insert` of rows given as tuples of ``columns``, with no dictionary made per row."""
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
    new = [f for f in _figures_where(connection, Claim.document_id, document_ids) if f.key is not None]
    if not new:
        return 0
    insert_values(session, ClaimKey.__table__, ["claim_id", "key"], [(f.id, f.key) for f in new])
    # Only the figures of the stored claims under the keys searched are read first; the
    # whole figures are made just for those that are some new claim's closest partners.
    new_ids = {f.id for f in new}
    pool: Neighbours[None] = Neighbours()
    wanted = sorted({key for f in new for key, _ in f.search})
    stmt = select(ClaimKey.claim_id, ClaimKey.key, Claim.value, Claim.low).join(Claim, Claim.id == ClaimKey.claim_id)
    for chunk in _chunks(connection, wanted):
        for claim_id, key, value, low in _driver_rows(connection, stmt.where(ClaimKey.key.in_(chunk))):
            if claim_id not in new_ids:
                pool.file(key, comparison_number(value, low), claim_id)
    partners: set[int] = set()
    for f in new:
        partners.update(other for _, other, _ in pool.nearest(f.search, f.number, f.id))
        pool.file(f.key, f.number, f.id)
    linker = Linker()
    for candidate in _figures_where(connection, Claim.id, sorted(partners - new_ids)):
        linker.file(candidate)
    for f in new:
        linker.link(f)
    return _add_links(session, [PairLink(*link) for link in linker.links])


def _figures_where(connection: Connection, column: Any, ids: Sequence[int]) -> list[Figure]:
    """The figures of the claims whose ``column`` is one of ``ids``, in order of claim id."""
    figures: list[Figure] = []
    for chunk in _chunks(connection, list(ids)):
        figures.extend(itertools.starmap(claim_figure, _driver_rows(connection, _figure_query().where(
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
                  Claim.period_end)


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
    best run in one that does not check references (``Database.write(check_references=False)``).
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
    figures = [figure for figure in itertools.starmap(claim_figure, rows) if figure.key is not None]
    keys = [(figure.id, figure.key) for figure in figures]
    figures.sort(key=attrgetter("base"))  # a sort that keeps the order of ids among equals
    linker = Linker()
    for figure in figures:
        linker.link(figure)
    # each base's links come in order of their later claim, and all of a claim's links in
    # its base: ordered by the earlier claim, keeping that order among equals, they are
    # in order of both
    return keys, sorted(linker.links, key=itemgetter(0))


_driver_rows = bulk.rows


def get_setting(session: Session, key: str) -> str | None:
    """A stored setting, if any."""
    return session.scalar(select(Setting.value).where(Setting.key == key))


def set_setting(session: Session, key: str, value: str) -> None:
    """Store a setting."""
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value


def set_keys(session: Session) -> list[str]:
    """The per-document-set settings stored (``set.NAME.source``, ``set.NAME.licence``)."""
    return list(session.scalars(select(Setting.key).where(Setting.key.like("set.%")).order_by(Setting.key)))


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


# --- reading groups back ----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupFilter:
    """Keep groups with at least one claim matching each given field (substring, case-insensitive)."""

    measure: str | None = None
    place: str | None = None
    document: str | None = None

    def keep(self, group: Group) -> bool:
        def has(value: str | None, wanted: str | None) -> bool:
            return wanted is None or (value is not None and wanted.lower() in value.lower())

        return all(
            any(has(getattr(f, attr), wanted) for f in group.claims)
            for attr, wanted in (("measure", self.measure), ("place", self.place), ("document", self.document))
            if wanted
        )


def _links(session: Session, status: str | None = None, claim_id: int | None = None) -> list[PairLink]:
    stmt = select(Link.claim_a, Link.claim_b, Link.status).order_by(Link.id)
    if status:
        stmt = stmt.where(Link.status == status)
    if claim_id is not None:
        stmt = stmt.where(or_(Link.claim_a == claim_id, Link.claim_b == claim_id))
    return [PairLink(*row) for row in session.execute(stmt)]


_PAGE = 200


def _statistics(session: Session, f: GroupFilter, status: str | None,
                wanted: int | None = None) -> Iterator[list[int]]:
    """Statistics (sets of linked claims, by their smallest claim id) in order, a page at a time.

    Those without a claim matching each field of ``f`` are skipped here already;
    the filter is applied exactly to the groups afterwards. Each statistic makes one
    group at least: when only ``wanted`` groups are, no page holds more statistics than
    are still wanted (a filter that leaves groups out only makes for another page).
    """
    from factcheck.storage.claims import contains_pattern, document_condition

    stmt = select(Link.statistic).where(Link.statistic.is_not(None)).distinct().order_by(Link.statistic)
    if status:
        stmt = stmt.where(Link.status == status)
    for value, condition in ((f.measure, lambda v: Claim.measure.ilike(contains_pattern(v), escape="\\")),
                             (f.place, lambda v: Claim.place.ilike(contains_pattern(v), escape="\\")),
                             (f.document, lambda v: Claim.document_id.in_(
                                 select(Document.id).where(document_condition(v))))):
        if value:
            matching = select(Claim.id).where(condition(value))
            stmt = stmt.where(Link.statistic.in_(
                select(Link.statistic).where(or_(Link.claim_a.in_(matching), Link.claim_b.in_(matching)))))
    after, size, read = -1, 4, 0  # small pages first: a table of the first groups reads only a few statistics
    while True:
        if wanted is not None:
            size = min(size, max(wanted - read, 1))
        page = list(session.scalars(stmt.where(Link.statistic > after).limit(size)))
        if not page:
            return
        yield page
        after, size, read = page[-1], min(size * 2, _PAGE), read + len(page)


def _statistic_links(session: Session, statistics: list[int], agreeing_only: bool = False
                     ) -> tuple[list[PairLink], dict[int, Fact], dict[int, int]]:
    """The links of some statistics, the claims they join, and each claim's statistic.

    With ``agreeing_only``, only claims with an agree link are loaded, with the
    conflicts among them (all that agreement groups need).
    """
    stmt = (select(Link.claim_a, Link.claim_b, Link.status, Link.statistic)
            .where(Link.statistic.in_(statistics)).order_by(Link.id))
    rows = list(bulk.rows(session.connection(), stmt))
    statistic_of = {claim: stat for a, b, _, stat in rows for claim in (a, b)}
    links = [PairLink(a, b, status) for a, b, status, _ in rows]
    if agreeing_only:
        agreeing = {i for x in links if x.status == "agree" for i in (x.a, x.b)}
        links = [x for x in links if x.status == "agree" or (x.a in agreeing and x.b in agreeing)]
    facts = {x.id: x for x in load_facts(session, claim_ids=sorted({i for x in links for i in (x.a, x.b)}))}
    return links, facts, statistic_of


def _first(groups: Iterator[Group], limit: int | None) -> list[Group]:
    if limit is not None and limit < 0:
        raise QueryError("--limit must be 0 or more")
    return list(itertools.islice(groups, limit))


def agreements(session: Session, f: GroupFilter = GroupFilter(), limit: int | None = None) -> list[Group]:
    """Groups of agreeing claims from two or more documents, statistic by statistic; at most ``limit``."""
    return _first(_iter_agreements(session, f, limit), limit)


def _iter_agreements(session: Session, f: GroupFilter, wanted: int | None = None) -> Iterator[Group]:
    for page in _statistics(session, f, "agree", wanted):
        # conflicts too: they keep conflicting claims apart
        links, facts, statistic_of = _statistic_links(session, page, agreeing_only=True)
        groups = sorted(agreement_groups(facts, links), key=lambda g: (statistic_of[g.id], g.id))
        yield from (g for g in groups if f.keep(g))


def contradictions(session: Session, f: GroupFilter = GroupFilter(), limit: int | None = None) -> list[Group]:
    """Pairs of claims about the same statistic whose figures cannot both hold; at most ``limit``."""
    return _first(_iter_contradictions(session, f), limit)


def _iter_contradictions(session: Session, f: GroupFilter) -> Iterator[Group]:
    stmt = select(Link.id, Link.claim_a, Link.claim_b).where(Link.status == "conflict").order_by(Link.id)
    after = 0
    while rows := list(session.execute(stmt.where(Link.id > after).limit(_PAGE))):
        facts = {x.id: x for x in load_facts(session, claim_ids=sorted({i for r in rows for i in (r[1], r[2])}))}
        groups = (Group("conflict", [facts[a], facts[b]], explain_conflict(facts[a], facts[b]), id=link_id)
                  for link_id, a, b in rows)
        yield from (g for g in groups if f.keep(g))
        after = rows[-1][0]


def count_groups(session: Session, which: str, f: GroupFilter = GroupFilter()) -> int:
    """How many groups :func:`agreements` (``agree``), :func:`contradictions` (``conflict``) or
    :func:`figures` (``figures``) list with no limit.
    """
    groups = {"agree": _iter_agreements, "conflict": _iter_contradictions, "figures": _iter_figures}[which]
    return sum(1 for _ in groups(session, f))


def cross_references(session: Session, claim_id: int) -> list[tuple[str, int, str]]:
    """The claims linked to one claim: (status, other claim id, explanation)."""
    links = _links(session, claim_id=claim_id)
    facts = {x.id: x for x in load_facts(session, claim_ids=sorted({i for x in links for i in (x.a, x.b)}))}
    return [(x.status, x.b if x.a == claim_id else x.a, explain_link(facts[x.a], facts[x.b], x.status))
            for x in links]


def figures(session: Session, f: GroupFilter = GroupFilter(), limit: int | None = None) -> list[Group]:
    """Every statistic reported by two or more claims: its claims, sources and status; at most ``limit``.

    A statistic is a set of claims joined by links of either kind; its status is
    ``conflict`` when any two of its claims conflict, else ``agree``.
    """
    return _first(_iter_figures(session, f, limit), limit)


def _iter_figures(session: Session, f: GroupFilter, wanted: int | None = None) -> Iterator[Group]:
    for page in _statistics(session, f, None, wanted):
        links, facts, statistic_of = _statistic_links(session, page)
        conflicted = {statistic_of[x.a] for x in links if x.status == "conflict"}
        members: dict[int, list[Fact]] = {}
        for claim_id in sorted(facts):
            members.setdefault(statistic_of[claim_id], []).append(facts[claim_id])
        for statistic in sorted(members):
            claims = members[statistic]
            status = "conflict" if statistic in conflicted else "agree"
            group = Group(status, claims, summarize(claims), id=claims[0].id)
            if f.keep(group):
                yield group


def summarize(claims: list[Fact]) -> str:
    """Who reported what: each figure as written, how often, and in which documents."""
    by_figure: dict[str, list[Fact]] = {}
    for c in claims:
        by_figure.setdefault(c.mention.lower(), []).append(c)
    parts = [f"{mention!r} ×{len(cs)} ({', '.join(sorted({short_source(c.document) for c in cs}))})"
             for mention, cs in by_figure.items()]
    documents = len({c.document_id for c in claims})
    return f"{claims[0].measure}: {len(claims)} claims in {documents} documents; " + "; ".join(parts)


def load_located(session: Session, document: str | None = None) -> dict[str, list[Located]]:
    """Claims with their positions, per document source, for the arithmetic checks."""
    from factcheck.storage.claims import document_condition

    stmt = _fact_query().add_columns(Claim.start, Claim.sentence_start, Claim.sentence).order_by(Claim.id)
    if document:
        stmt = stmt.where(document_condition(document))
    out: dict[str, list[Located]] = {}
    for row in session.execute(stmt):
        fact = _fact(row[:17])
        out.setdefault(fact.document, []).append(Located(fact, row[17], row[18], row[19]))
    return out
