"""Cross-referencing: which claims state the same statistic, and whether their figures agree.

Two claims are compared only when they are about the same statistic: the same
unit and direction of change, a measure with the same key words (by meaning:
``officers`` and ``police officers``; ``murders`` and ``people killed``), and
places that match (or, for an identical figure, nest). Each figure becomes an
interval from its qualifier and rounding; overlapping intervals agree, disjoint
ones conflict. Candidates come from blocking keys, never from all pairs.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache

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
    # the number the figure is compared by: its value, or the low end of a range
    number: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "number", comparison_number(self.value, self.low))


def comparison_number(value: Decimal | float | None, low: float | None) -> float:
    """The number a figure is compared by: its value, or the low end of a range."""
    return float(value) if value is not None else low or 0.0


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed or half-open range of values a figure allows."""

    low: float
    high: float

    def overlaps(self, other: Interval) -> bool:
        # half-open: [250k, 350k) and [150k, 250k) only touch, and do not overlap
        return self.low < other.high and other.low < self.high


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


def _content_words(measure: str) -> list[str]:
    """A measure's words, singular, canonical, generic ones dropped, multi-word synonyms joined."""
    canonical, generic, phrases = _vocabulary()
    text = f" {measure.lower()} "
    for phrase, canon in phrases:
        text = text.replace(f" {phrase}", f" {canon}")
    words = [_singular(w) for w in re.findall(r"[a-z][a-z'-]+", text)]
    return [canonical.get(w, w) for w in words if w not in generic]


@lru_cache(maxsize=1 << 16)
def measure_key(measure: str) -> frozenset[str]:
    """The content words of a measure, singular and mapped to a canonical synonym."""
    return frozenset(_content_words(measure))


@lru_cache(maxsize=1 << 16)
def measure_head(measure: str) -> str | None:
    """The word a measure counts: ``officers`` in ``police officers``, ``incidents`` before an ``of``.

    >>> measure_head("police community support officers"), measure_head("homicide cases")
    ('pcso', 'homicide')
    """
    head_part = re.split(r"\s(?:of|for|in|on|by)\s", measure, maxsplit=1)[0]
    words = _content_words(head_part) or _content_words(measure)
    return words[-1] if words else None


@lru_cache(maxsize=1 << 16)
def _proper_words(measure: str) -> frozenset[str]:
    """Names in a measure (``Home Office``, ``Young Londoners``); a lone capital opening it is not one."""
    words = measure.split()
    proper = set()
    for i, word in enumerate(words):
        if not re.match(r"[A-Z][a-z]", word):
            continue
        next_capital = i + 1 < len(words) and re.match(r"[A-Z]", words[i + 1])
        if i > 0 or next_capital:
            proper.add(word.lower().strip("'’s"))
    return frozenset(proper)


def same_measure(a: Fact, b: Fact) -> bool:
    """Whether two measures name the same thing: the same head word, and no clash of what qualifies it.

    ``police officers`` and ``officers`` match; ``school funding`` and ``police
    funding`` do not, nor do ``Home Office funding`` and ``Young Londoners Fund``.
    """
    return _same_measure_words(a.measure, b.measure)


@lru_cache(maxsize=1 << 16)
def _same_measure_words(a: str, b: str) -> bool:
    head = measure_head(a)
    if head is None or head != measure_head(b):
        return False
    ma, mb = measure_key(a) - {head}, measure_key(b) - {head}
    if ma and mb and not ma & mb:
        return False
    pa, pb = _proper_words(a), _proper_words(b)
    return not (pa and pb and not pa & pb)


# --- places ----------------------------------------------------------------------


@lru_cache(maxsize=1 << 16)
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
        # a number in words is rounded to its leading digit: "two million" ≈ 1.5m–2.5m
        return 10 ** math.floor(math.log10(abs(value))) / 2 if value else 0.5
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


_NEAR_BELOW = re.compile(r"(?:almost|nearly|just\s+(?:under|below|short\s+of)|close\s+to|getting\s+on\s+for)\b",
                         re.IGNORECASE)


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
        if _NEAR_BELOW.match(fact.mention):
            return Interval(v - max(abs(v) * 0.1, p), v)  # "almost 70 per cent": just under 70
        return Interval(-math.inf if v < 0 else 0.0, v)  # "fewer than 1,000", "up to 1,000": anything below
    if fact.qualifier == "approx":
        spread = max(abs(v) * 0.1, p)
        return Interval(v - spread, v + spread)
    return Interval(v - p, v + p)


# --- grouping ------------------------------------------------------------------------


CROSSREF_VERSION = "3"

# In a block larger than this, a claim is compared with the claims whose figures
# are closest to its own (the most recent first among equals), so that the cost of
# linking a claim stays bounded however often a statistic is reported.
MAX_CANDIDATES = 8


def _base_key(fact: Fact) -> str | None:
    if fact.value is None and fact.low is None:
        return None
    head = measure_head(fact.measure)
    return f"{fact.unit}|{fact.change or 'level'}|{fact.kind}|{head}" if head else None


def _magnitude(value: float) -> int:
    """The binary order of magnitude of a figure; 0 stands alone, negatives mirror positives."""
    if value == 0:
        return 0
    order = math.floor(math.log2(abs(value))) + 1_100  # above zero for any float
    return order if value > 0 else -order


def blocking_keys(fact: Fact) -> list[str]:
    """The key a claim is filed under: unit, direction, kind, measure word and order of magnitude.

    Two figures of one statistic are linked only when they are within a factor of
    two (see :data:`CONFLICT_SCOPE`), so a claim need only be compared with those
    filed under its own magnitude and the two next to it (:func:`search_keys`).
    """
    keys = _keys(fact)
    return [keys[0]] if keys else []


def search_keys(fact: Fact) -> list[str]:
    """The keys under which a claim's possible partners are filed."""
    keys = _keys(fact)
    return keys[1] if keys else []


def _keys(fact: Fact) -> tuple[str, list[str]] | None:
    base = _base_key(fact)
    if not base:
        return None
    order = _magnitude(fact.number)
    if order == 0:
        return f"{base}|0", [f"{base}|0"]
    return f"{base}|{order}", [f"{base}|{order + step}" for step in (-1, 0, 1) if order + step != 0]


def periods_overlap(a: Fact, b: Fact) -> bool:
    """False only when both periods are dated and cannot overlap (``in 2015`` against ``in 2018``)."""
    if not (a.period_start and a.period_end and b.period_start and b.period_end):
        return True
    return a.period_start <= b.period_end and b.period_start <= a.period_end


def compare(a: Fact, b: Fact) -> str | None:
    """``agree``, ``conflict`` or ``None`` (not the same statistic) for two claims."""
    return _verdict(a, b, interval(a), interval(b))


def _verdict(a: Fact, b: Fact, ia: Interval | None, ib: Interval | None) -> str | None:
    """:func:`compare` with the claims' intervals already worked out; cheap tests first."""
    if a.document_id == b.document_id or a.unit != b.unit or a.change != b.change or a.kind != b.kind:
        return None
    if ia is None or ib is None:
        return None
    gap = relative_difference(a, b)
    if gap > CONFLICT_SCOPE:
        return None  # so far apart that they are more likely about different scopes
    if not periods_overlap(a, b):
        return None
    relation = place_relation(a.place, b.place)
    if relation == "different" or not same_measure(a, b):
        return None
    if ia.overlaps(ib):
        if relation == "nested" and a.value != b.value:
            return None  # a borough's figure is not a country's
        # bounds overlap a whole range of figures: "over 300" is not the same figure as 21,000
        return "agree" if gap <= AGREE_TOLERANCE else None
    if relation == "nested":
        return None
    return "conflict"


AGREE_TOLERANCE = 0.1
CONFLICT_SCOPE = 0.5


def relative_difference(a: Fact, b: Fact) -> float:
    """How far apart two figures are, relative to the larger (0 = equal)."""
    return _gap(a.number, b.number)


@dataclass(frozen=True, slots=True)
class PairLink:
    """The verdict on one pair of claims (``a < b``); its explanation is written when it is read."""

    a: int
    b: int
    status: str


def _gap(v: float, w: float) -> float:
    """:func:`relative_difference` of two figures."""
    base = max(abs(v), abs(w))
    return abs(v - w) / base if base else 0.0


class Neighbours:
    """Claims filed under their blocking keys, each key's claims sorted by figure, to find closest partners."""

    def __init__(self) -> None:
        self._sorted: dict[str, list[tuple[float, int]]] = defaultdict(list)
        self._filed: set[int] = set()
        self._facts: dict[int, Fact] = {}
        self._keys: dict[int, tuple[str, list[str]] | None] = {}

    def _keys_of(self, fact: Fact) -> tuple[str, list[str]] | None:
        try:
            return self._keys[fact.id]
        except KeyError:
            self._keys[fact.id] = keys = _keys(fact)
            return keys

    def add(self, fact: Fact) -> None:
        keys = self._keys_of(fact)
        if keys and fact.id not in self._filed:
            self._facts[fact.id] = fact
            self.file(keys[0], fact.number, fact.id)

    def file(self, key: str, number: float, claim_id: int) -> None:
        """File a claim known only by its key and figure (its :attr:`Fact.number`)."""
        if claim_id not in self._filed:
            self._filed.add(claim_id)
            bisect.insort(self._sorted[key], (number, claim_id))

    def closest(self, fact: Fact, limit: int = MAX_CANDIDATES) -> list[Fact]:
        """Up to ``limit`` filed claims within a factor of two of ``fact``'s figure, closest first."""
        return [self._facts[i] for i in self.closest_ids(fact, limit)]

    def closest_ids(self, fact: Fact, limit: int = MAX_CANDIDATES) -> list[int]:
        """The ids of :meth:`closest`."""
        v = fact.number
        near: list[tuple[float, int]] = []
        keys = self._keys_of(fact)
        for key in keys[1] if keys else ():
            row = self._sorted.get(key)
            if row:
                at = bisect.bisect_left(row, (v, fact.id))
                # the closest figures under a key are among the `limit` on each side
                near += row[max(0, at - limit) : at][::-1]
                near += row[at : at + limit + 1]
        # ties go to the nearest in the list: the most recent claim among equal figures below
        ranked = sorted((_gap(v, w), i, other) for i, (w, other) in enumerate(near) if other != fact.id)
        return [other for gap, _, other in ranked[:limit] if gap <= CONFLICT_SCOPE]


def link_pairs(new: list[Fact], candidates: Iterable[Fact] = ()) -> list[PairLink]:
    """Links between ``new`` claims and each other or ``candidates``.

    New claims are taken in id order; each is compared with the closest figures
    among the candidates and the new claims before it, so linking a whole corpus
    at once gives the same links as linking it document by document.
    """
    neighbours = Neighbours()
    new_ids = {f.id for f in new}
    for c in candidates:
        if c.id not in new_ids:
            neighbours.add(c)
    links: dict[tuple[int, int], PairLink] = {}
    intervals: dict[int, Interval | None] = {}

    def interval_of(f: Fact) -> Interval | None:
        try:
            return intervals[f.id]
        except KeyError:
            intervals[f.id] = found = interval(f)
            return found

    for a in sorted(new, key=lambda f: f.id):
        ia = interval_of(a)
        for b in neighbours.closest(a):
            ib = interval_of(b)
            if a.id < b.id:
                first, second, verdict = a, b, _verdict(a, b, ia, ib)
            else:
                first, second, verdict = b, a, _verdict(b, a, ib, ia)
            if verdict and (first.id, second.id) not in links:
                links[first.id, second.id] = PairLink(first.id, second.id, verdict)
        neighbours.add(a)
    return list(links.values())


def agreement_groups(facts: dict[int, Fact], links: Iterable[PairLink]) -> list[Group]:
    """Agreeing claims joined into groups, those spanning two documents or more.

    Agree links join groups, closest figures first, unless the join would put two
    claims that conflict in one group: agreement is not transitive across bounds
    (``20,900`` and ``more than 21,000`` both agree with ``21,000``, not with each other).
    """
    links = list(links)
    opponents: dict[int, set[int]] = defaultdict(set)  # claim -> the claims it conflicts with
    for x in links:
        if x.status == "conflict":
            opponents[x.a].add(x.b)
            opponents[x.b].add(x.a)
    members: dict[int, set[int]] = {}
    against: dict[int, set[int]] = {}  # group -> every claim that conflicts with one of its members
    group_of: dict[int, int] = {}
    agree = sorted((x for x in links if x.status == "agree"), key=lambda x: relative_difference(facts[x.a], facts[x.b]))
    for link in agree:
        for claim_id in (link.a, link.b):
            if claim_id not in group_of:
                group_of[claim_id] = claim_id
                members[claim_id] = {claim_id}
                against[claim_id] = set(opponents.get(claim_id, ()))
        ga, gb = group_of[link.a], group_of[link.b]
        if ga == gb or not against[ga].isdisjoint(members[gb]):
            continue
        if len(members[ga]) < len(members[gb]):
            ga, gb = gb, ga  # fold the smaller group into the larger
        for claim_id in members[gb]:
            group_of[claim_id] = ga
        members[ga] |= members.pop(gb)
        against[ga] |= against.pop(gb)
    groups = []
    for ids in members.values():
        claims = sorted((facts[i] for i in ids), key=lambda f: f.id)
        if len({f.document_id for f in claims}) >= 2:
            groups.append(Group("agree", claims, explain_agreement(claims), id=claims[0].id))
    return sorted(groups, key=lambda g: g.id)


def cross_reference(facts: list[Fact]) -> tuple[list[Group], list[Group]]:
    """Agreement groups and conflict pairs among ``facts``, computed from scratch."""
    by_id = {f.id: f for f in facts}
    links = link_pairs(facts)
    agreements = agreement_groups(by_id, links)
    contradictions = [Group("conflict", [by_id[x.a], by_id[x.b]], explain_conflict(by_id[x.a], by_id[x.b]), id=i)
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
    return " ".join(p for p in parts if p) + f" — {who}{short_source(f.document)}"


def short_source(source: str) -> str:
    """A document's file name, without its folders."""
    return re.split(r"[\\/]", source)[-1]


def explain_agreement(facts: list[Fact]) -> str:
    """Why a group agrees, and what still differs between its claims."""
    figures = "; ".join(describe(f) for f in facts)
    notes = _differences(facts)
    documents = len({f.document_id for f in facts})
    summary = f"{len(facts)} claims in {documents} documents state the same figure: {figures}"
    return summary + (f". Differences: {notes}" if notes else "")


def explain_link(a: Fact, b: Fact, status: str) -> str:
    """Why two linked claims agree or conflict."""
    return explain_conflict(a, b) if status == "conflict" else explain_pair(a, b)


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
