"""Cross-referencing: which claims state the same statistic, and whether their figures agree.

Two claims are compared only when they are about the same statistic: the same
unit and direction of change, a measure with the same key words (by meaning:
``officers`` and ``police officers``; ``murders`` and ``people killed``), and
places that match (or, for an identical figure, nest). Each figure becomes an
interval from its qualifier and rounding; overlapping intervals agree, disjoint
ones conflict. Candidates come from blocking keys, never from all pairs.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from factcheck.extract.lexicon import gazetteer
from factcheck.resources import data_dir


@dataclass(frozen=True, slots=True)
class Fact:
    """The fields of a stored claim that cross-referencing reads."""

    id: int
    document: str
    document_id: int
    mention: str
    value: Decimal | None
    low: float | None
    high: float | None
    unit: str
    qualifier: str
    change: str | None
    measure: str
    place: str | None
    period: str | None
    speaker: str | None
    kind: str = "fact"
    period_start: dt.date | None = None
    period_end: dt.date | None = None


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed or half-open range of values a figure allows."""

    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high


@dataclass
class Group:
    """Claims that agree, or that conflict, with the reason in words."""

    status: str
    claims: list[Fact]
    explanation: str
    id: int = 0
    notes: list[str] = field(default_factory=list)


# --- measures -------------------------------------------------------------------


@cache
def _vocabulary() -> tuple[dict[str, str], frozenset[str], list[tuple[str, str]]]:
    with open(data_dir() / "measures.json", encoding="utf-8") as handle:
        data = json.load(handle)
    canonical: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for group in data["synonyms"]:
        for word in group:
            if " " in word:
                phrases.append((word, group[0]))
            else:
                canonical[word] = group[0]
    return canonical, frozenset(data["generic"]), phrases


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def measure_key(measure: str) -> frozenset[str]:
    """The content words of a measure, singular and mapped to a canonical synonym."""
    canonical, generic, phrases = _vocabulary()
    text = measure.lower()
    extra: set[str] = set()
    for phrase, canon in phrases:
        if phrase in text:
            text = text.replace(phrase, " ")
            extra.add(canon)
    words = {_singular(w) for w in re.findall(r"[a-z][a-z'-]+", text)}
    keys = {canonical.get(w, w) for w in words if w not in generic and _singular(w) not in generic}
    return frozenset(keys | extra)


def _proper_words(measure: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"\b[A-Z][a-z]+", measure))


def same_measure(a: Fact, b: Fact) -> bool:
    """Whether two measures name the same thing: shared key words and no clash of names."""
    ka, kb = measure_key(a.measure), measure_key(b.measure)
    if not ka or not kb or not ka & kb:
        return False
    pa, pb = _proper_words(a.measure), _proper_words(b.measure)
    return not (pa and pb and not pa & pb)


# --- places ----------------------------------------------------------------------


def place_relation(a: str | None, b: str | None) -> str:
    """``same``, ``unknown`` (one missing or generic), ``nested``, or ``different``."""
    if not a or not b:
        return "unknown"
    gaz = gazetteer()
    a, b = gaz.aliases.get(a, a), gaz.aliases.get(b, b)
    if a == b:
        return "same"
    if a not in gaz.places or b not in gaz.places:
        return "unknown"  # "the country", "the region": not enough to tell
    if a in gaz.ancestors(b) or b in gaz.ancestors(a):
        return "nested"
    return "different"


# --- figures as intervals ----------------------------------------------------------


def _precision(fact: Fact) -> float:
    """Half the rounding step of a figure as written (``21,000`` → 500; ``1.2bn`` → 0.05bn)."""
    if fact.value is None:
        return 0.0
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", fact.mention)
    value = float(fact.value)
    if not digits:
        return abs(value) * 0.01
    written = digits.group(0).replace(",", "")
    scale = value / float(written) if float(written) else 1.0
    if "." in written:
        step = 10 ** -len(written.split(".")[1])
    else:
        stripped = written.rstrip("0")
        zeros = len(written) - len(stripped) if stripped else 0
        step = 10 ** zeros
        if zeros == 0:
            step = 1
    return step * abs(scale) / 2


def interval(fact: Fact) -> Interval | None:
    """The values a figure allows, from its qualifier and rounding; ``None`` when vague."""
    if fact.low is not None and fact.high is not None and fact.low != fact.high:
        return Interval(fact.low, fact.high)
    if fact.value is None:
        return None
    v = float(fact.value)
    p = _precision(fact)
    if fact.qualifier == "lower_bound":
        return Interval(v, math.inf)
    if fact.qualifier == "upper_bound":
        return Interval(v - max(abs(v) * 0.1, p), v)
    if fact.qualifier == "approx":
        spread = max(abs(v) * 0.1, p)
        return Interval(v - spread, v + spread)
    return Interval(v - p, v + p)


# --- grouping ------------------------------------------------------------------------


CROSSREF_VERSION = "1"


def blocking_keys(fact: Fact) -> list[str]:
    """The keys under which a claim is filed: unit, direction, kind and one measure word each.

    Two claims are compared only when they share a key, so the cost of linking a
    new claim depends on how many claims share its words, not on the database size.
    """
    if fact.value is None and fact.low is None:
        return []
    prefix = f"{fact.unit}|{fact.change or 'level'}|{fact.kind}|"
    return sorted(prefix + word for word in measure_key(fact.measure))


def _blocks(facts: Iterable[Fact]) -> dict[str, list[Fact]]:
    blocks: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        for key in blocking_keys(fact):
            blocks[key].append(fact)
    return blocks


def periods_overlap(a: Fact, b: Fact) -> bool:
    """False only when both periods are dated and cannot overlap (``in 2015`` against ``in 2018``)."""
    if not (a.period_start and a.period_end and b.period_start and b.period_end):
        return True
    return a.period_start <= b.period_end and b.period_start <= a.period_end


def compare(a: Fact, b: Fact) -> str | None:
    """``agree``, ``conflict`` or ``None`` (not the same statistic) for two claims."""
    if a.document_id == b.document_id or a.unit != b.unit or a.change != b.change or a.kind != b.kind:
        return None
    if not same_measure(a, b) or not periods_overlap(a, b):
        return None
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return None
    relation = place_relation(a.place, b.place)
    if relation == "different":
        return None
    gap = relative_difference(a, b)
    if ia.overlaps(ib):
        if relation == "nested" and a.value != b.value:
            return None  # a borough's figure is not a country's
        # bounds overlap a whole range of figures: "over 300" is not the same figure as 21,000
        return "agree" if gap <= AGREE_TOLERANCE else None
    if relation == "nested" or (relation == "unknown" and gap > CONFLICT_SCOPE):
        return None  # so far apart that they are more likely about different scopes
    return "conflict"


AGREE_TOLERANCE = 0.1
CONFLICT_SCOPE = 0.5


def relative_difference(a: Fact, b: Fact) -> float:
    """How far apart two figures are, relative to the larger (0 = equal)."""
    va = float(a.value) if a.value is not None else a.low or 0.0
    vb = float(b.value) if b.value is not None else b.low or 0.0
    base = max(abs(va), abs(vb))
    return abs(va - vb) / base if base else 0.0


@dataclass(frozen=True, slots=True)
class PairLink:
    """The verdict on one pair of claims (``a < b``)."""

    a: int
    b: int
    status: str
    explanation: str


def link_pairs(new: list[Fact], candidates: Iterable[Fact] = ()) -> list[PairLink]:
    """Links between ``new`` claims and each other or ``candidates``, compared block by block."""
    new_ids = {f.id for f in new}
    blocks = _blocks(list(new) + [c for c in candidates if c.id not in new_ids])
    seen: set[tuple[int, int]] = set()
    links: list[PairLink] = []
    for members in blocks.values():
        fresh = [m for m in members if m.id in new_ids]
        for a in fresh:
            for b in members:
                pair = (min(a.id, b.id), max(a.id, b.id))
                if a.id == b.id or pair in seen:
                    continue
                seen.add(pair)
                verdict = compare(a, b)
                if verdict:
                    first, second = (a, b) if a.id < b.id else (b, a)
                    reason = explain_conflict(first, second) if verdict == "conflict" else explain_pair(first, second)
                    links.append(PairLink(first.id, second.id, verdict, reason))
    return links


def agreement_groups(facts: dict[int, Fact], links: Iterable[PairLink]) -> list[Group]:
    """Agreeing claims joined into groups (connected by agree links), those spanning two documents or more."""
    parent: dict[int, int] = {}

    def find(x: int) -> int:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for link in links:
        if link.status == "agree":
            parent[find(link.a)] = find(link.b)
    clusters: dict[int, list[Fact]] = defaultdict(list)
    for claim_id in list(parent):
        clusters[find(claim_id)].append(facts[claim_id])
    groups = []
    for members in clusters.values():
        members.sort(key=lambda f: f.id)
        if len({f.document_id for f in members}) >= 2:
            groups.append(Group("agree", members, explain_agreement(members), id=members[0].id))
    return sorted(groups, key=lambda g: g.id)


def cross_reference(facts: list[Fact]) -> tuple[list[Group], list[Group]]:
    """Agreement groups and conflict pairs among ``facts``, computed from scratch."""
    by_id = {f.id: f for f in facts}
    links = link_pairs(facts)
    agreements = agreement_groups(by_id, links)
    contradictions = [Group("conflict", [by_id[x.a], by_id[x.b]], x.explanation, id=i)
                      for i, x in enumerate(sorted((x for x in links if x.status == "conflict"),
                                                   key=lambda x: (x.a, x.b)), start=1)]
    return agreements, contradictions


# --- explanations ------------------------------------------------------------------


def describe(f: Fact) -> str:
    """One claim in words: the figure, its statistic, where, when, who, and which document."""
    parts = [f"{f.mention!r} {f.measure}".strip()]
    if f.change:
        parts.append(f"({f.change})")
    if f.place:
        parts.append(f"in {f.place}")
    if f.period:
        parts.append(f"[{f.period}]")
    who = f"{f.speaker}, " if f.speaker else ""
    return " ".join(p for p in parts if p) + f" — {who}{_short(f.document)}"


def _short(source: str) -> str:
    return re.split(r"[\\/]", source)[-1]


def explain_agreement(facts: list[Fact]) -> str:
    """Why a group agrees, and what still differs between its claims."""
    figures = "; ".join(describe(f) for f in facts)
    notes = _differences(facts)
    documents = len({f.document_id for f in facts})
    summary = f"{len(facts)} claims in {documents} documents state the same figure: {figures}"
    return summary + (f". Differences: {notes}" if notes else "")


def explain_pair(a: Fact, b: Fact) -> str:
    """Why two claims agree."""
    notes = _differences([a, b])
    return f"Same figure: {describe(a)}; {describe(b)}" + (f". Differences: {notes}" if notes else "")


def explain_conflict(a: Fact, b: Fact) -> str:
    """Why two claims conflict: both figures side by side, and by how much they differ."""
    ia, ib = interval(a), interval(b)
    gap = ""
    if a.value is not None and b.value is not None and ia and ib:
        diff = abs(float(a.value) - float(b.value))
        base = max(abs(float(a.value)), abs(float(b.value))) or 1.0
        gap = f"; they differ by {diff:,.6g} ({diff / base:.1%})"
    notes = _differences([a, b])
    return (f"Same statistic, figures that cannot both hold: {describe(a)} versus {describe(b)}{gap}"
            + (f". Also differs: {notes}" if notes else ""))


def _differences(facts: list[Fact]) -> str:
    notes = []
    for label, attr in (("period", "period"), ("place", "place"), ("qualifier", "qualifier")):
        values = {getattr(f, attr) for f in facts if getattr(f, attr)}
        if len(values) > 1:
            notes.append(f"{label} " + " vs ".join(sorted(values)))
    return "; ".join(notes)
