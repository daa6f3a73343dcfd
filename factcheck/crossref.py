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
from collections.abc import Iterable, Sequence
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


def _precision(value: float, mention: str) -> float:
    """Half the rounding step of a figure as written (``21,000`` → 500; ``1.2bn`` → 0.05bn)."""
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", mention)
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
    value = float(fact.value) if fact.value is not None else None
    return figure_interval(value, fact.low, fact.high, fact.qualifier, fact.mention)


@lru_cache(maxsize=1 << 16)
def figure_interval(value: float | None, low: float | None, high: float | None, qualifier: str,
                    mention: str) -> Interval | None:
    """:func:`interval` from the fields it reads; cached, as many claims state a figure in the same words."""
    if low is not None and high is not None and low != high:
        return Interval(low, high)
    if value is None:
        return None
    p = _precision(value, mention)
    if qualifier == "lower_bound":
        return Interval(value, math.inf)
    if qualifier == "upper_bound":
        if _NEAR_BELOW.match(mention):
            return Interval(value - max(abs(value) * 0.1, p), value)  # "almost 70 per cent": just under 70
        return Interval(-math.inf if value < 0 else 0.0, value)  # "fewer than 1,000", "up to 1,000": anything below
    if qualifier == "approx":
        spread = max(abs(value) * 0.1, p)
        return Interval(value - spread, value + spread)
    return Interval(value - p, value + p)


# --- grouping ------------------------------------------------------------------------


CROSSREF_VERSION = "3"

# In a block larger than this, a claim is compared with the claims whose figures
# are closest to its own (the most recent first among equals), so that the cost of
# linking a claim stays bounded however often a statistic is reported.
MAX_CANDIDATES = 8

AGREE_TOLERANCE = 0.1
CONFLICT_SCOPE = 0.5


@lru_cache(maxsize=1 << 16)
def _base_key(unit: str, change: str | None, kind: str, measure: str) -> str | None:
    """The statistic part of a blocking key; ``None`` when the measure has no word to count."""
    head = measure_head(measure)
    return f"{unit}|{change or 'level'}|{kind}|{head}" if head else None


@lru_cache(maxsize=1 << 16)
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
    keys = _fact_keys(fact)
    return [keys[0]] if keys else []


def search_keys(fact: Fact) -> list[str]:
    """The keys under which a claim's possible partners are filed, in order of magnitude."""
    keys = _fact_keys(fact)
    return [key for key, _ in sorted(keys[1], key=lambda searched: searched[1])] if keys else []


# A key searched for a claim's partners, with its rank among the keys searched by
# order of magnitude (ties between equally close figures go to the lower rank).
SearchedKey = tuple[str, int]


def _fact_keys(fact: Fact) -> tuple[str, tuple[SearchedKey, ...]] | None:
    return _keys(fact.value is None and fact.low is None, fact.number, fact.unit, fact.change, fact.kind,
                 fact.measure)


def _keys(vague: bool, number: float, unit: str, change: str | None, kind: str,
          measure: str) -> tuple[str, tuple[SearchedKey, ...]] | None:
    """The key a claim is filed under and those of its possible partners; ``None`` if it is never linked."""
    if vague:
        return None
    base = _base_key(unit, change, kind, measure)
    return _keys_at(base, _magnitude(number)) if base else None


@lru_cache(maxsize=1 << 16)
def _keys_at(base: str, order: int) -> tuple[str, tuple[SearchedKey, ...]]:
    """The key of a figure of this order of magnitude, and the keys of its possible partners, its own first.

    Its own key holds the closest figures, which then bound the search under the others.
    """
    own = f"{base}|{order}"
    if order == 0:
        return own, ((own, 0),)
    searched = [(f"{base}|{order + step}", rank) for rank, step in enumerate(s for s in (-1, 0, 1) if order + s)]
    return own, tuple(sorted(searched, key=lambda key: key[0] != own))


@dataclass(slots=True)
class Figure:
    """What comparing a claim reads, worked out once per claim: its keys, interval and dated period."""

    id: int
    document_id: int
    number: float
    # the key it is filed under and those of its possible partners; no key: never linked
    key: str | None
    search: tuple[SearchedKey, ...]
    # unit, direction of change and kind: claims are compared only when all three are alike
    family: tuple[str, str | None, str]
    span: Interval | None
    dates: tuple[dt.date, dt.date] | None
    measure: str
    place: str | None
    # the exact figure as a decimal string: read only for the rare claims about nested places
    value_text: str | None

    @classmethod
    def of(cls, fact: Fact) -> Figure:
        """A claim's figure."""
        return claim_figure(fact.id, fact.document_id, fact.mention, str(fact.value) if fact.value is not None
                            else None, fact.low, fact.high, fact.unit, fact.qualifier, fact.change, fact.measure,
                            fact.place, fact.kind, fact.period_start, fact.period_end)


def claim_figure(claim_id: int, document_id: int, mention: str, value_text: str | None, low: float | None,
                 high: float | None, unit: str, qualifier: str, change: str | None, measure: str, place: str | None,
                 kind: str, period_start: dt.date | None, period_end: dt.date | None) -> Figure:
    """A claim's :class:`Figure` from its stored fields, its exact figure as written in the database.

    ``float`` of the decimal string is what ``float`` of the :class:`~decimal.Decimal` gives,
    without making one per claim.
    """
    value = float(value_text) if value_text is not None else None
    number = value if value is not None else low or 0.0
    keys = _keys(value is None and low is None, number, unit, change, kind, measure)
    key, search = keys if keys else (None, ())
    return Figure(claim_id, document_id, number, key, search, (unit, change, kind),
                  figure_interval(value, low, high, qualifier, mention),
                  (period_start, period_end) if period_start and period_end else None, measure, place, value_text)


def compare(a: Fact, b: Fact) -> str | None:
    """``agree``, ``conflict`` or ``None`` (not the same statistic) for two claims."""
    return _verdict(Figure.of(a), Figure.of(b), relative_difference(a, b))


def _verdict(a: Figure, b: Figure, gap: float) -> str | None:
    """:func:`compare` of two figures ``gap`` apart (their :func:`relative_difference`); cheap tests first."""
    if a.document_id == b.document_id or a.family != b.family or gap > CONFLICT_SCOPE:
        return None
    ia, ib = a.span, b.span
    if ia is None or ib is None:
        return None
    relation = place_relation(a.place, b.place)
    if relation == "different":
        return None
    # periods that are both dated must overlap ("in 2015" is not "in 2018")
    if a.dates and b.dates and not (a.dates[0] <= b.dates[1] and b.dates[0] <= a.dates[1]):
        return None
    if not _same_measure_words(a.measure, b.measure):
        return None
    if ia.overlaps(ib):
        if relation == "nested" and not _same_value(a.value_text, b.value_text):
            return None  # a borough's figure is not a country's
        # bounds overlap a whole range of figures: "over 300" is not the same figure as 21,000
        return "agree" if gap <= AGREE_TOLERANCE else None
    if relation == "nested":
        return None
    return "conflict"


def _same_value(a: str | None, b: str | None) -> bool:
    """Whether two exact figures are equal, as decimals (``2.50`` is ``2.5``)."""
    if a is None or b is None:
        return a is b
    return Decimal(a) == Decimal(b)


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


def _position(numbers: list[float], ids: list[int], number: float, claim_id: int) -> int:
    """Where a claim falls among a key's figures (never none) in ascending order, equal figures by claim id.

    A claim is mostly compared under the keys next to its own, whose figures all lie on
    one side of it: the ends are looked at before searching.
    """
    if numbers[-1] < number:
        return len(numbers)
    if number < numbers[0]:
        return 0
    at = bisect.bisect_left(numbers, number)
    if numbers[at] == number:
        at = bisect.bisect_left(ids, claim_id, at, bisect.bisect_right(numbers, number, at))
    return at


class Neighbours:
    """Claims filed under their blocking keys, each key's claims sorted by figure, to find closest partners."""

    def __init__(self) -> None:
        # per key, its figures in ascending order and, alongside, their claims' ids
        self._rows: dict[str, tuple[list[float], list[int]]] = {}
        self._filed: set[int] = set()
        self._facts: dict[int, Fact] = {}

    def add(self, fact: Fact) -> None:
        keys = _fact_keys(fact)
        if keys and self.file(keys[0], fact.number, fact.id):
            self._facts[fact.id] = fact

    def file(self, key: str, number: float, claim_id: int) -> bool:
        """File a claim known only by its key and figure (its :attr:`Fact.number`); False if already filed."""
        if claim_id in self._filed:
            return False
        self._filed.add(claim_id)
        row = self._rows.get(key)
        if row is None:
            self._rows[key] = ([number], [claim_id])
        else:
            numbers, ids = row
            at = _position(numbers, ids, number, claim_id)
            numbers.insert(at, number)
            ids.insert(at, claim_id)
        return True

    def closest(self, fact: Fact, limit: int = MAX_CANDIDATES) -> list[Fact]:
        """Up to ``limit`` filed claims within a factor of two of ``fact``'s figure, closest first."""
        return [self._facts[i] for i in self.closest_ids(fact, limit)]

    def closest_ids(self, fact: Fact, limit: int = MAX_CANDIDATES) -> list[int]:
        """The ids of :meth:`closest`."""
        keys = _fact_keys(fact)
        return [other for _, other in self.nearest(keys[1], fact.number, fact.id, limit)] if keys else []

    def nearest(self, search: Sequence[SearchedKey], number: float, claim_id: int, limit: int = MAX_CANDIDATES,
                *, file: bool = False) -> list[tuple[float, int]]:
        """(gap, id) of up to ``limit`` claims filed under the keys searched, within :data:`CONFLICT_SCOPE`.

        Closest first. Under each key, the closest figures are among the ``limit`` on
        either side of ``number``. Equal gaps go to the claim met first, keys taken by
        rank and the figures below before those above, nearest first: so among equal
        figures below, the most recent claim. With ``file``, the claim is then filed
        under its own key, the first searched.
        """
        if file:
            self.file(search[0][0], number, claim_id)
        if limit < 1:
            return []
        found: list[tuple[float, int, int, int]] = []  # gap, side (of which key), place on that side, id
        bound = CONFLICT_SCOPE
        for key, rank in search:
            row = self._rows.get(key)
            if row is None:
                continue
            numbers, ids = row
            at = _position(numbers, ids, number, claim_id)
            if at >= limit and numbers[at - limit] == number:
                # as many equal figures just below: no other claim can be closer, or met before them
                return [(0.0, other) for other in reversed(ids[at - limit : at])]
            if at:
                below = range(at - 1, max(at - limit, 0) - 1, -1)
                bound = _gather(found, numbers, ids, number, claim_id, below, 2 * rank, bound, limit)
            if at < len(ids):
                above = range(at, min(at + limit + 1, len(ids)))
                bound = _gather(found, numbers, ids, number, claim_id, above, 2 * rank + 1, bound, limit)
        found.sort()
        return [(gap, other) for gap, _, _, other in found[:limit]]


def _gather(found: list[tuple[float, int, int, int]], numbers: list[float], ids: list[int], number: float,
            claim_id: int, places: range, side: int, bound: float, limit: int) -> float:
    """Add the claims at ``places`` (walking away from ``number``) up to the first more than ``bound`` apart.

    The gap only grows along the walk, so the first claim beyond the bound ends it.
    Once ``limit`` claims are found, only the closest are kept, and the largest gap
    among them is the bound returned: no claim further apart can be among them.
    """
    magnitude = abs(number)
    for step, at in enumerate(places):
        other = ids[at]
        if other == claim_id:
            continue
        w = numbers[at]
        base = max(magnitude, abs(w))
        gap = abs(number - w) / base if base else 0.0
        if gap > bound:
            break
        found.append((gap, side, step, other))
    if len(found) < limit:
        return bound
    found.sort()
    del found[limit:]
    return found[-1][0]


class Linker:
    """Claims linked to the closest figures filed before them; the links found are kept in :attr:`links`.

    Claims are filed (:meth:`file`) as partners for every claim linked after, or
    linked (:meth:`link`) in id order: compared with the closest figures filed so
    far, then filed themselves.
    """

    def __init__(self) -> None:
        # (smaller claim id, larger claim id, "agree" or "conflict")
        self.links: list[tuple[int, int, str]] = []
        self._neighbours = Neighbours()
        self._figures: dict[int, Figure] = {}

    def file(self, figure: Figure) -> None:
        """Make a claim a possible partner of the claims linked after it."""
        if figure.key is not None and self._neighbours.file(figure.key, figure.number, figure.id):
            self._figures[figure.id] = figure

    def link(self, figure: Figure) -> None:
        """Compare a claim with the closest figures filed so far, keep the links found, and file it."""
        if figure.key is None or figure.id in self._figures:
            return
        self._figures[figure.id] = figure
        figures, links = self._figures, self.links
        for gap, other in self._neighbours.nearest(figure.search, figure.number, figure.id, file=True):
            status = _verdict(figure, figures[other], gap)
            if status:
                links.append((other, figure.id, status) if other < figure.id else (figure.id, other, status))


def link_pairs(new: list[Fact], candidates: Iterable[Fact] = ()) -> list[PairLink]:
    """Links between ``new`` claims and each other or ``candidates``.

    New claims are taken in id order; each is compared with the closest figures
    among the candidates and the new claims before it, so linking a whole corpus
    at once gives the same links as linking it document by document.
    """
    linker = Linker()
    new_ids = {f.id for f in new}
    for c in candidates:
        if c.id not in new_ids:
            linker.file(Figure.of(c))
    for a in sorted(new, key=lambda f: f.id):
        linker.link(Figure.of(a))
    return [PairLink(*link) for link in linker.links]


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
