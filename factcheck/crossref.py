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
from itertools import repeat
from typing import Any, Generic, TypeVar

from factcheck.amounts import amount
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
    return _figure_interval(value, fact.low, fact.high, fact.qualifier, fact.mention)


@lru_cache(maxsize=1 << 16)
def _figure_interval(value: float | None, low: float | None, high: float | None, qualifier: str,
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
    return [keys[1]] if keys else []


def search_keys(fact: Fact) -> list[str]:
    """The keys under which a claim's possible partners are filed, in order of magnitude."""
    keys = _fact_keys(fact)
    return [key for key, _ in sorted(keys[2], key=lambda searched: searched[1])] if keys else []


# A key searched for a claim's partners, with its rank among the keys searched by
# order of magnitude (ties between equally close figures go to the lower rank).
SearchedKey = tuple[str, int]


# a claim's keys: the statistic part of them all, the key it is filed under, and those searched
_Keys = tuple[str, str, tuple[SearchedKey, ...]]


def _fact_keys(fact: Fact) -> _Keys | None:
    return _keys(fact.value is None and fact.low is None, fact.number, fact.unit, fact.change, fact.kind,
                 fact.measure)


def _keys(vague: bool, number: float, unit: str, change: str | None, kind: str, measure: str) -> _Keys | None:
    """The keys of a claim (:data:`_Keys`); ``None`` if it is never linked."""
    if vague:
        return None
    base = _base_key(unit, change, kind, measure)
    return (base, *_keys_at(base, _magnitude(number))) if base else None


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
    # what all its keys share, with no order of magnitude: claims with another are never compared with it
    base: str | None
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
        value_text = str(fact.value) if fact.value is not None else None
        return claim_figure(fact.id, fact.document_id, fact.mention, value_text, fact.low, fact.high, fact.unit,
                            fact.qualifier, fact.change, fact.measure, fact.place, fact.kind, fact.period_start,
                            fact.period_end)


def claim_figure(claim_id: int, document_id: int, mention: str, value_text: str | None, low: float | None,
                 high: float | None, unit: str, qualifier: str, change: str | None, measure: str, place: str | None,
                 kind: str, period_start: dt.date | str | None, period_end: dt.date | str | None) -> Figure:
    """A claim's :class:`Figure` from its stored fields, its exact figure as written in the database.

    Dates may come as ISO strings, as SQLite's driver gives them.

    What many claims have alike is shared, one object for all, so that the figures
    compared with one another lie close together in memory.
    """
    number, (base, key, search), family, span, measure = _statement(value_text, low, high, unit, qualifier, change,
                                                                     measure, kind, mention)
    dates = _period(period_start, period_end) if period_start and period_end else None
    return Figure(claim_id, _shared(document_id), number, key, search, base, family, span, dates, measure,
                  _shared(place), value_text)


# number, keys (none: never linked), family, interval and measure of a figure
_Statement = tuple[float, _Keys | tuple[None, None, tuple[()]], tuple[str, str | None, str], Interval | None, str]


@lru_cache(maxsize=1 << 16)
def _statement(value_text: str | None, low: float | None, high: float | None, unit: str, qualifier: str,
               change: str | None, measure: str, kind: str, mention: str) -> _Statement:
    """A figure's :data:`_Statement`: the same for every claim stating it in the same words.

    ``float`` of the decimal string is what ``float`` of the :class:`~decimal.Decimal` gives,
    without making one.
    """
    value = float(value_text) if value_text is not None else None
    number = value if value is not None else low or 0.0
    keys = _keys(value is None and low is None, number, unit, change, kind, measure)
    return (number, keys or (None, None, ()), _shared((unit, change, kind)),
            _figure_interval(value, low, high, qualifier, mention), _shared(measure))


@lru_cache(maxsize=1 << 16)
def _period(start: dt.date | str, end: dt.date | str) -> tuple[dt.date, dt.date]:
    """A dated period, its dates parsed if they come as ISO strings, shared by every claim of that period."""
    return _date(start), _date(end)


def _date(value: dt.date | str) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


Value = TypeVar("Value")


@lru_cache(maxsize=1 << 16)
def _shared(value: Value) -> Value:
    """The first of the values equal to ``value``."""
    return value


def compare(a: Fact, b: Fact) -> str | None:
    """``agree``, ``conflict`` or ``None`` (not the same statistic) for two claims."""
    found = _verdicts(Figure.of(a), [(relative_difference(a, b), b.id, Figure.of(b))])
    return found[0][1] if found else None


def _verdicts(a: Figure, partners: Iterable[tuple[float, int, Figure | None]]) -> list[tuple[int, str]]:
    """(claim id, verdict) of those of ``partners`` (gap to ``a``, claim id, figure) that agree or conflict with ``a``.

    The cheap tests come first, and what ``a`` brings to every comparison is read once.
    """
    found: list[tuple[int, str]] = []
    span = a.span
    if span is None:
        return found
    document, family, dates, place, measure = a.document_id, a.family, a.dates, a.place, a.measure
    for gap, _, b in partners:
        if b is None:
            continue
        other = b.span
        if other is None or b.document_id == document or b.family != family or gap > CONFLICT_SCOPE:
            continue
        # equal places are one place, or both unknown: alike for what follows
        relation = "same" if b.place == place else place_relation(place, b.place)
        if relation == "different":
            continue
        # periods that are both dated must overlap ("in 2015" is not "in 2018")
        if dates and b.dates and not (dates[0] <= b.dates[1] and b.dates[0] <= dates[1]):
            continue
        if b.measure != measure and not _same_measure_words(measure, b.measure):
            continue
        if span.overlaps(other):
            if relation == "nested" and not _same_value(a.value_text, b.value_text):
                continue  # a borough's figure is not a country's
            # bounds overlap a whole range of figures: "over 300" is not the same figure as 21,000
            if gap <= AGREE_TOLERANCE:
                found.append((b.id, "agree"))
        elif relation != "nested":
            found.append((b.id, "conflict"))
    return found


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
    """Where a claim falls among a key's figures in ascending order, equal figures ordered by claim id.

    A claim is mostly compared under the keys next to its own, whose figures all lie on
    one side of it: the ends are looked at before searching.
    """
    if not numbers or numbers[-1] < number:
        return len(numbers)
    if number < numbers[0]:
        return 0
    at = bisect.bisect_left(numbers, number)
    if numbers[at] == number:
        end = bisect.bisect_right(numbers, number, at)
        # claims are mostly filed in id order: after every equal figure
        at = end if ids[end - 1] < claim_id else bisect.bisect_left(ids, claim_id, at, end)
    return at


Item = TypeVar("Item")

# the claims filed under one key: their figures in ascending order (equal figures in
# order of claim id) and, alongside, their claims' ids and items
_Row = tuple[list[float], list[int], list[Any]]


class Neighbours(Generic[Item]):
    """Claims filed under their blocking keys, each key's claims sorted by figure, to find closest partners.

    A claim is filed with an item that its partners get back: its :class:`Fact`, or
    whatever else its caller compares.
    """

    def __init__(self) -> None:
        self._rows: dict[str, _Row] = {}
        self._filed: set[int] = set()

    def __contains__(self, claim_id: int) -> bool:
        return claim_id in self._filed

    def add(self: Neighbours[Fact], fact: Fact) -> None:
        """File a claim under its blocking key, with itself as its item."""
        keys = _fact_keys(fact)
        if keys:
            self.file(keys[1], fact.number, fact.id, fact)

    def file(self, key: str, number: float, claim_id: int, item: Item | None = None) -> bool:
        """File a claim by its key and figure (its :attr:`Fact.number`); False if already filed."""
        if claim_id in self._filed:
            return False
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = ([], [], [])
        self._insert(row, _position(row[0], row[1], number, claim_id), number, claim_id, item)
        return True

    def _insert(self, row: _Row, at: int, number: float, claim_id: int, item: Item | None) -> None:
        self._filed.add(claim_id)
        row[0].insert(at, number)
        row[1].insert(at, claim_id)
        row[2].insert(at, item)

    def closest(self, fact: Fact, limit: int = MAX_CANDIDATES) -> list[Item | None]:
        """The items of up to ``limit`` filed claims within a factor of two of ``fact``'s figure, closest first."""
        keys = _fact_keys(fact)
        return [item for _, _, item in self.nearest(keys[2], fact.number, fact.id, limit)] if keys else []

    def nearest(self, search: Sequence[SearchedKey], number: float, claim_id: int, limit: int = MAX_CANDIDATES,
                *, filing: Item | None = None) -> list[tuple[float, int, Item | None]]:
        """(gap, id, item) of up to ``limit`` claims filed under the keys searched, within :data:`CONFLICT_SCOPE`.

        Closest first. Under each key, the closest figures are among the ``limit`` on
        either side of ``number``. Equal gaps go to the claim met first, keys taken by
        rank and the figures below before those above, nearest first: so among equal
        figures below, the most recent claim.

        With an item ``filing``, the claim is also filed with it under the first key
        searched, its own, where its place is found anyway.
        """
        if limit < 1:
            if filing is not None:
                self.file(search[0][0], number, claim_id, filing)
            return []
        own = search[0][0] if filing is not None and claim_id not in self._filed else None
        if own is not None and own not in self._rows:
            self._rows[own] = ([], [], [])
        found: list[_Found] = []
        bound = CONFLICT_SCOPE
        for key, rank in search:
            row = self._rows.get(key)
            if row is None:
                continue
            numbers, ids, items = row
            at = _position(numbers, ids, number, claim_id)
            if key is own:
                self._insert(row, at, number, claim_id, filing)
            if at >= limit and numbers[at - limit] == number:
                # `limit` equal figures just below: none is closer, and none as close is met before them
                return list(zip(repeat(0.0), ids[at - limit : at][::-1], items[at - limit : at][::-1]))
            bound = _gather(found, row, at, number, claim_id, 2 * rank, bound, limit)
        found.sort()
        return [(gap, other, item) for gap, _, _, other, item in found[:limit]]


# a claim found near a figure: its gap, side (below or above, under which key), step
# away from the figure on that side, id and item
_Found = tuple[float, int, int, int, Any]


def _gather(found: list[_Found], row: _Row, at: int, number: float, claim_id: int, side: int, bound: float,
            limit: int) -> float:
    """Add the claims of a key within ``bound`` of ``number``: ``limit`` at most on each side of ``at``.

    Walking away from ``number`` the gap only grows, so the first claim beyond the
    bound ends the walk. Once ``limit`` claims are found, only the closest are kept,
    and the largest gap among them bounds what follows: no claim further apart can be
    among them. Returns the bound.
    """
    numbers, ids, items = row
    below = range(at - 1, max(at - limit, 0) - 1, -1)
    if at < len(ids) and ids[at] == claim_id:
        at += 1  # the claim itself, filed already
    above = range(at, min(at + limit, len(ids)))
    magnitude = abs(number)
    for walk, places in enumerate((below, above)):
        for step, place in enumerate(places):
            w = numbers[place]
            base = max(magnitude, abs(w))
            gap = abs(number - w) / base if base else 0.0
            if gap > bound:
                break
            found.append((gap, side + walk, step, ids[place], items[place]))
        if len(found) >= limit:
            found.sort()
            del found[limit:]
            bound = found[-1][0]
    return bound


class Linker:
    """Claims linked to the closest figures filed before them; the links found are kept in :attr:`links`.

    Claims are filed (:meth:`file`) as partners for every claim linked after, or
    linked (:meth:`link`) in id order: compared with the closest figures filed so
    far, then filed themselves. Only the order among claims of one :attr:`Figure.base`
    matters, as claims of different ones are never compared.
    """

    def __init__(self) -> None:
        # (smaller claim id, larger claim id, "agree" or "conflict")
        self.links: list[tuple[int, int, str]] = []
        self._neighbours: Neighbours[Figure] = Neighbours()

    def file(self, figure: Figure) -> None:
        """Make a claim a possible partner of the claims linked after it."""
        if figure.key is not None:
            self._neighbours.file(figure.key, figure.number, figure.id, figure)

    def link(self, figure: Figure) -> None:
        """Compare a claim with the closest figures filed so far, keep the links found, and file it."""
        if figure.key is None or figure.id in self._neighbours:
            return
        closest = self._neighbours.nearest(figure.search, figure.number, figure.id, filing=figure)
        for other, status in _verdicts(figure, closest):
            self.links.append((other, figure.id, status) if other < figure.id else (figure.id, other, status))


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
        unit = "percentage_point" if a.unit == "percent" else a.unit
        gap = f"; they differ by {amount(diff, unit)} ({diff / base:.1%})"
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
