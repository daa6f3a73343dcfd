"""Groups read back from the links: agreements, contradictions, the claims of each statistic, a claim's
cross-references, and the claims of a document for the arithmetic checks.

Statistics are read a page at a time, in order, so that the first groups of a table cost the same
however many there are.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from factcheck.consistency import Located
from factcheck.crossref import Fact, Group, PairLink, agreement_groups, explain_conflict, explain_link, short_source
from factcheck.errors import QueryError
from factcheck.storage import bulk
from factcheck.storage.claims import contains_pattern, document_condition
from factcheck.storage.models import Claim, Document, Link


def _fact_query():
    return select(Claim.id, Document.source, Claim.document_id, Claim.mention, Claim.value_text, Claim.low,
                  Claim.high, Claim.unit, Claim.qualifier, Claim.change, Claim.measure, Claim.place, Claim.period,
                  Claim.speaker, Claim.kind, Claim.period_start, Claim.period_end, Claim.subject, Document.place,
                  Document.title, Document.published, Claim.sentence).join(Claim.document)


def _fact(row) -> Fact:
    return Fact(row[0], row[1], row[2], row[3], Decimal(row[4]) if row[4] is not None else None, *row[5:])


def _day(value: dt.date | str | None) -> dt.date | None:
    """A date as the driver gives it (SQLite's: ISO text)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _driver_fact(row: tuple[Any, ...]) -> Fact:
    """:func:`_fact` of a driver row of :func:`_fact_query`."""
    return Fact(row[0], row[1], row[2], row[3], Decimal(row[4]) if row[4] is not None else None, *row[5:15],
                _day(row[15]), _day(row[16]), row[17], row[18], row[19], _day(row[20]), row[21])


def load_facts(session: Session, *, claim_ids: Sequence[int] | None = None) -> list[Fact]:
    """Claims as :class:`~factcheck.crossref.Fact` records: all, or some claims."""
    connection = session.connection()  # Core rows: no ORM bookkeeping for plain tuples
    if claim_ids is None:
        return [_fact(r) for r in connection.execute(_fact_query().order_by(Claim.id))]
    facts: list[Fact] = []
    for chunk in bulk.batches(connection, sorted(claim_ids)):
        facts.extend(map(_driver_fact, bulk.rows(connection, _fact_query().where(Claim.id.in_(chunk)))))
    return sorted(facts, key=lambda f: f.id)


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
    """Who reported what: each figure as written, how often, and in which documents; for a statistic whose
    reports are dated and differ, its timeline, oldest first (a death toll of 127, then 129, then 130)."""
    if len({c.mention.lower() for c in claims}) > 1 and any(c.published for c in claims):
        return timeline(claims)
    by_figure: dict[str, list[Fact]] = {}
    for c in claims:
        by_figure.setdefault(c.mention.lower(), []).append(c)
    parts = [f"{mention!r} ×{len(cs)} ({', '.join(sorted({short_source(c.document) for c in cs}))})"
             for mention, cs in by_figure.items()]
    documents = len({c.document_id for c in claims})
    return f"{claims[0].measure}: {len(claims)} claims in {documents} documents; " + "; ".join(parts)


def load_located(session: Session, document: str | None = None) -> dict[str, list[Located]]:
    """Claims with their positions, per document source, for the arithmetic checks."""
    stmt = _fact_query().add_columns(Claim.start, Claim.sentence_start, Claim.sentence).order_by(Claim.id)
    if document:
        stmt = stmt.where(document_condition(document))
    out: dict[str, list[Located]] = {}
    for row in session.execute(stmt):
        fact = _fact(row[:22])
        out.setdefault(fact.document, []).append(Located(fact, row[22], row[23], row[24]))
    return out


def timeline(claims: list[Fact]) -> str:
    """A statistic's reports in order of their documents' dates (undated ones first, then by claim id)."""
    ordered = sorted(claims, key=lambda c: (c.published or dt.date.min, c.id))
    steps = [f"{c.published.isoformat() if c.published else 'undated'}: {c.mention!r} ({short_source(c.document)})"
             for c in ordered]
    documents = len({c.document_id for c in claims})
    return f"{claims[0].measure}: {len(claims)} claims in {documents} documents, reported over time: " + " → ".join(
        steps)
