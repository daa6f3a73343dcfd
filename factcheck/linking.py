"""Cross-references in the database: blocking keys and links, kept up to date incrementally.

When a document is stored, its claims are filed under their blocking keys and
compared only with the claims that share a key; the resulting links (agree or
conflict) are written in the same transaction as the document. Agreement groups
and contradictions are read back from the links.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from factcheck.consistency import Located
from factcheck.crossref import (
    CROSSREF_VERSION,
    Fact,
    Group,
    PairLink,
    agreement_groups,
    blocking_keys,
    link_pairs,
    short_source,
)
from factcheck.models import Claim, ClaimKey, Document, Link, Setting

_CHUNK = 500


def _chunks(items: Sequence[int] | list[str], size: int = _CHUNK) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield list(items[i : i + size])


def _fact_query():
    return select(Claim.id, Document.source, Claim.document_id, Claim.mention, Claim.value_text, Claim.low,
                  Claim.high, Claim.unit, Claim.qualifier, Claim.change, Claim.measure, Claim.place, Claim.period,
                  Claim.speaker, Claim.kind, Claim.period_start, Claim.period_end).join(Claim.document)


def _fact(row) -> Fact:
    return Fact(row[0], row[1], row[2], row[3], Decimal(row[4]) if row[4] is not None else None, *row[5:])


def load_facts(session: Session, *, document_ids: Sequence[int] | None = None,
               claim_ids: Sequence[int] | None = None) -> list[Fact]:
    """Claims as :class:`~factcheck.crossref.Fact` records: all, or of some documents, or some claims."""
    if document_ids is None and claim_ids is None:
        return [_fact(r) for r in session.execute(_fact_query().order_by(Claim.id))]
    facts: list[Fact] = []
    column, ids = (Claim.document_id, document_ids) if document_ids is not None else (Claim.id, claim_ids)
    for chunk in _chunks(list(ids or [])):
        facts.extend(_fact(r) for r in session.execute(_fact_query().where(column.in_(chunk))))
    return sorted(facts, key=lambda f: f.id)


def _store_links(session: Session, links: Iterable[PairLink]) -> int:
    rows = [{"claim_a": x.a, "claim_b": x.b, "status": x.status, "explanation": x.explanation} for x in links]
    if rows:
        session.execute(Link.__table__.insert(), rows)
    return len(rows)


def link_document(session: Session, document_id: int) -> int:
    """File a stored document's claims under their keys and link them to matching claims; returns links made."""
    new = load_facts(session, document_ids=[document_id])
    keys = {f.id: blocking_keys(f) for f in new}
    rows = [{"claim_id": claim_id, "key": key} for claim_id, ks in keys.items() for key in ks]
    if not rows:
        return 0
    session.execute(ClaimKey.__table__.insert(), rows)
    wanted = sorted({key for ks in keys.values() for key in ks})
    candidate_ids: set[int] = set()
    for chunk in _chunks(wanted):
        candidate_ids.update(session.scalars(select(ClaimKey.claim_id).where(ClaimKey.key.in_(chunk))))
    candidate_ids -= set(keys)
    candidates = load_facts(session, claim_ids=sorted(candidate_ids))
    return _store_links(session, link_pairs(new, candidates))


def unlink_document(session: Session, document_id: int) -> None:
    """Remove a document's keys and links (before its claims are replaced)."""
    claim_ids = select(Claim.id).where(Claim.document_id == document_id).scalar_subquery()
    session.execute(delete(Link).where(or_(Link.claim_a.in_(claim_ids), Link.claim_b.in_(claim_ids))))
    session.execute(delete(ClaimKey).where(ClaimKey.claim_id.in_(claim_ids)))


def rebuild_links(session: Session) -> int:
    """Recompute every key and link from scratch (after the rules change); returns links made."""
    session.execute(delete(Link))
    session.execute(delete(ClaimKey))
    facts = load_facts(session)
    rows = [{"claim_id": f.id, "key": key} for f in facts for key in blocking_keys(f)]
    if rows:
        session.execute(ClaimKey.__table__.insert(), rows)
    count = _store_links(session, link_pairs(facts))
    set_setting(session, "crossref_version", CROSSREF_VERSION)
    return count


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


def links_are_current(session: Session) -> bool:
    """Whether the links were made by the current cross-referencing rules."""
    return get_setting(session, "crossref_version") == CROSSREF_VERSION


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
    stmt = select(Link.claim_a, Link.claim_b, Link.status, Link.explanation).order_by(Link.id)
    if status:
        stmt = stmt.where(Link.status == status)
    if claim_id is not None:
        stmt = stmt.where(or_(Link.claim_a == claim_id, Link.claim_b == claim_id))
    return [PairLink(*row) for row in session.execute(stmt)]


def agreements(session: Session, f: GroupFilter = GroupFilter()) -> list[Group]:
    """Groups of agreeing claims from two or more documents."""
    links = _links(session)  # conflicts too: they keep conflicting claims out of one group
    facts = {x.id: x for x in load_facts(session, claim_ids=sorted({i for x in links for i in (x.a, x.b)}))}
    return [g for g in agreement_groups(facts, links) if f.keep(g)]


def contradictions(session: Session, f: GroupFilter = GroupFilter()) -> list[Group]:
    """Pairs of claims about the same statistic whose figures cannot both hold."""
    stmt = select(Link.id, Link.claim_a, Link.claim_b, Link.explanation).where(Link.status == "conflict")
    rows = list(session.execute(stmt.order_by(Link.id)))
    facts = {x.id: x for x in load_facts(session, claim_ids=sorted({i for r in rows for i in (r[1], r[2])}))}
    groups = [Group("conflict", [facts[a], facts[b]], why, id=link_id) for link_id, a, b, why in rows]
    return [g for g in groups if f.keep(g)]


def cross_references(session: Session, claim_id: int) -> list[tuple[str, int, str]]:
    """The claims linked to one claim: (status, other claim id, explanation)."""
    return [(x.status, x.b if x.a == claim_id else x.a, x.explanation) for x in _links(session, claim_id=claim_id)]


def figures(session: Session, f: GroupFilter = GroupFilter()) -> list[Group]:
    """Every statistic reported by two or more claims: its claims, sources and status.

    A statistic is a set of claims joined by links of either kind; its status is
    ``conflict`` when any two of its claims conflict, else ``agree``.
    """
    links = _links(session)
    facts = {x.id: x for x in load_facts(session, claim_ids=sorted({i for x in links for i in (x.a, x.b)}))}
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        parent[find(link.a)] = find(link.b)
    members: dict[int, list[Fact]] = {}
    for claim_id in list(parent):
        members.setdefault(find(claim_id), []).append(facts[claim_id])
    conflicted = {find(x.a) for x in links if x.status == "conflict"}
    groups = []
    for root, claims in members.items():
        claims.sort(key=lambda c: c.id)
        status = "conflict" if root in conflicted else "agree"
        groups.append(Group(status, claims, summarize(claims), id=claims[0].id))
    return sorted((g for g in groups if f.keep(g)), key=lambda g: g.id)


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
    from factcheck.store import document_condition

    stmt = _fact_query().add_columns(Claim.start, Claim.sentence_start, Claim.sentence).order_by(Claim.id)
    if document:
        stmt = stmt.where(document_condition(document))
    out: dict[str, list[Located]] = {}
    for row in session.execute(stmt):
        fact = _fact(row[:17])
        out.setdefault(fact.document, []).append(Located(fact, row[17], row[18], row[19]))
    return out
