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
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, lru_cache
from itertools import repeat
from typing import Any, Generic, TypeVar

from factcheck.amounts import amount
from factcheck.extract.lexicon import alternation, gazetteer, grammar_words, lexicon
from factcheck.extract.units import dimension
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
    # whose figure it is, and what its document says of itself: the place it is about, its title, its date
    subject: str | None = None
    document_place: str | None = None
    title: str | None = None
    published: dt.date | None = None
    sentence: str | None = None
    # the number the figure is compared by: its value, or the low end of a range, in its dimension's base unit
    number: float = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "number", comparison_number(self.value, self.low, self.unit))


def comparison_number(value: Decimal | float | None, low: float | None, unit: str = "count") -> float:
    """The number a figure is compared by: its value, or the low end of a range, in the base unit of its
    dimension (``142 mm`` and ``5.6 in`` are compared as metres)."""
    number = float(value) if value is not None else low or 0.0
    factor, offset = _conversion(unit)
    return number * factor + offset


@lru_cache(maxsize=1024)
def _conversion(unit: str) -> tuple[float, float]:
    """How a unit's figures convert to its dimension's base unit (``base = value * factor + offset``)."""
    found = dimension(unit)
    return (float(found.factor), float(found.offset)) if found else (1.0, 0.0)


@lru_cache(maxsize=1024)
def unit_dimension(unit: str) -> str:
    """What a unit measures (``length`` for ``mm`` and ``in``; each currency its own), else the unit itself."""
    found = dimension(unit)
    return found.name if found else unit


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
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes", "zes")):
        return word[:-2]  # matches, dishes, taxes
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
    head_part = re.split(r"\s(?:of|for|in|on|by|from)\s", measure, maxsplit=1)[0]
    words = _content_words(head_part) or _content_words(measure)
    while len(words) > 1 and words[-1] in _trade_words():
        words.pop()  # "copies sold": copies, sold ones
    if words:
        return words[-1]
    # a measure of generic words only ("losses", "cuts") still counts something: its last noun
    last = [_singular(w) for w in re.findall(r"[a-z][a-z'-]+", head_part.lower()) if len(w) > 3]
    return _vocabulary()[0].get(last[-1], last[-1]) if last else None


_POSSESSIVE = re.compile(r"['’]s?$")


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
            proper.add(_POSSESSIVE.sub("", word.lower()))
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
    if _qualifiers_clash(ma, mb):
        return False
    return not _names_clash(a, b)


def _qualifiers_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two measures' qualifiers (their words less the head) tell them apart: both have qualifiers of one
    kind and share none of them (``domestic`` and ``overseas``; see ``qualifier_kinds`` in data/measures.json),
    or they share no qualifier and both have some of no kind (``chip`` and ``phone``). Qualifiers of different
    kinds (``next TV deal`` and ``domestic contract``) do not tell them apart."""
    if not (a and b):
        return False
    kinds, known = _qualifier_kinds()
    if not known.isdisjoint(a) and not known.isdisjoint(b) and \
            any((a & kind) and (b & kind) and not (a & b & kind) for kind in kinds):
        return True  # "domestic TV rights" and "overseas TV rights"
    if not a.isdisjoint(b):
        return False
    return bool((a - known) and (b - known))


@cache
def _qualifier_kind_words() -> dict[str, frozenset[str]]:
    """Each kind of qualifier (data/measures.json), as measure_key words (singular, canonical)."""
    with open(data_dir() / "measures.json", encoding="utf-8") as handle:
        data = json.load(handle)["qualifier_kinds"]
    return {kind: frozenset(w for word in words for w in _content_words(word)) for kind, words in data.items()
            if not kind.startswith("_")}


@cache
def _qualifier_kinds() -> tuple[list[frozenset[str]], frozenset[str]]:
    """The kinds of qualifier, each as measure_key words (singular, canonical), and all their words."""
    kinds = list(_qualifier_kind_words().values())
    return kinds, frozenset().union(*kinds)


def _trade_words() -> frozenset[str]:
    """The verbs of trade and making that a count's measure may end on ("copies sold"): qualifiers, no head."""
    return _qualifier_kind_words()["trade"]


def _names_clash(a: str, b: str) -> bool:
    """Whether two measures name different things (``Home Office funding`` and ``Young Londoners Fund``)."""
    pa, pb = _proper_words(a), _proper_words(b)
    return bool(pa and pb and not pa & pb)


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
    if a in gaz.ancestors(b) or b in gaz.ancestors(a) or _member_of(a, b) or _member_of(b, a):
        return "nested"
    return "different"


@lru_cache(maxsize=1 << 12)
def _everywhere(place: str) -> bool:
    """Whether a place is the whole world (``worldwide``, ``globally``)."""
    gaz = gazetteer()
    found = gaz.places.get(gaz.aliases.get(place, place))
    return found is not None and found.type == "world"


def _worldwide(place: str | None) -> bool:
    """Whether a place is the whole world said of a figure itself (``worldwide``, ``globally``), not of a rank
    its sentence gives ("the third biggest PC vendor in the world")."""
    return bool(place) and place.islower() and " " not in place and _everywhere(place)


def _member_of(member: str, union: str) -> bool:
    """Whether a country is a member of a union of countries (``Cyprus`` of the ``European Union``:
    data/statistics.json)."""
    return member in _statistics_data()["unions"].get(union, ())


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


CROSSREF_VERSION = "15"

# In a block larger than this, a claim is compared with the claims whose figures
# are closest to its own (the most recent first among equals), so that the cost of
# linking a claim stays bounded however often a statistic is reported.
MAX_CANDIDATES = 8

AGREE_TOLERANCE = 0.1
CONFLICT_SCOPE = 0.5


@lru_cache(maxsize=1 << 16)
def _base_key(unit: str, change: str | None, measure: str) -> str | None:
    """The statistic part of a blocking key: what the unit measures, the direction of change and the word
    the measure counts; ``None`` when the measure has no word to count."""
    head = measure_head(measure)
    return f"{unit_dimension(unit)}|{change or 'level'}|{head}" if head else None


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
    if not keys:
        return []
    return [keys[1], exact] if (exact := _fact_exact_key(fact, keys[0])) else [keys[1]]


def search_keys(fact: Fact) -> list[str]:
    """The keys under which a claim's possible partners are filed, in order of magnitude, then the key of
    the claims that state the very same figure."""
    keys = _fact_keys(fact)
    if not keys:
        return []
    searched = [key for key, _ in sorted(keys[2], key=lambda searched: searched[1])]
    return [*searched, exact] if (exact := _fact_exact_key(fact, keys[0])) else searched


def _fact_exact_key(fact: Fact, base: str) -> str | None:
    """The exact figure's key of a claim (:func:`_exact_key`); none for a range, a vague amount, or a figure
    many statistics share (:func:`_common_figure`)."""
    if fact.value is None or _common_figure(unit_dimension(fact.unit), fact.number):
        return None
    return _exact_key(base, fact.number)


@lru_cache(maxsize=1 << 16)
def _exact_key(base: str, number: float) -> str:
    """The key of the claims that state one exact figure (in the base unit) of one dimension and direction,
    whatever their measure's head word: ``£3bn TV rights`` and ``the £3bn deal`` are compared under it."""
    return f"{base.rsplit('|', 1)[0]}|={number!r}"


# A key searched for a claim's partners, with its rank among the keys searched by
# order of magnitude (ties between equally close figures go to the lower rank).
SearchedKey = tuple[str, int]


# a claim's keys: the statistic part of them all, the key it is filed under, and those searched
_Keys = tuple[str, str, tuple[SearchedKey, ...]]


def _fact_keys(fact: Fact) -> _Keys | None:
    return _keys(fact.value is None and fact.low is None, fact.number, fact.unit, fact.change, fact.measure)


def _keys(vague: bool, number: float, unit: str, change: str | None, measure: str) -> _Keys | None:
    """The keys of a claim (:data:`_Keys`); ``None`` if it is never linked."""
    if vague:
        return None
    base = _base_key(unit, change, measure)
    return (base, *_keys_at(base, _magnitude(number))) if base else None


def keys_searched_under(key: str) -> list[str]:
    """The keys that the claims filed under ``key`` search for their partners (none more for an exact
    figure's key: its claims are compared with one another only)."""
    if "|=" in key:
        return [key]
    base, order = key.rsplit("|", 1)
    return [searched for searched, _ in _keys_at(base, int(order))[1]]


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
    """What comparing a claim reads, worked out once per claim: its keys, its interval, and what tells its
    statistic apart from others (:func:`same_statistic`)."""

    id: int
    document_id: int
    # the figure in its dimension's base unit
    number: float
    # the key it is filed under and those of its possible partners; no key: never linked
    key: str | None
    search: tuple[SearchedKey, ...]
    # what all its keys share, with no order of magnitude: claims with another are never compared with it
    base: str | None
    # what the unit measures and the direction of change: claims are compared only when both are alike
    family: tuple[str, str | None]
    kind: str
    span: Interval | None
    dates: tuple[dt.date, dt.date] | None
    measure: str
    # where the figure holds: as its sentence says, else the place its document is about
    place: str | None
    # the exact figure as a decimal string
    value_text: str | None
    # the key of the claims that state the very same figure (:func:`_exact_key`); none for a range or vague amount
    exact: str | None = None
    unit: str = "count"
    holder: frozenset[str] = frozenset()
    marks: frozenset[str] = frozenset()
    names: frozenset[str] = frozenset()
    published: dt.date | None = None
    speaker: str | None = None
    # the names the claim's own sentence, holder and measure hold (its document's are :attr:`names`)
    own_names: frozenset[str] = frozenset()
    # how much the claim says of which statistic it is (:func:`specificity`)
    specific: int = 0
    # its sentence, as a number: claims of one sentence (an article printed twice) have the same
    said: int = 0
    # what its period says the figure is the value of ("under the new deal": a deal), canonical
    things: frozenset[str] = frozenset()
    # its sentence, when it has an exact figure's key (only the very same figure is compared by its words)
    sentence: str | None = None
    # a count or percentage of a measure that names nothing (:func:`_unnamed`)
    unnamed: bool = False
    # a figure that many unrelated statistics share (:func:`_common_figure`)
    common: bool = False

    @classmethod
    def of(cls, fact: Fact) -> Figure:
        """A claim's figure."""
        value_text = str(fact.value) if fact.value is not None else None
        return claim_figure(fact.id, fact.document_id, fact.mention, value_text, fact.low, fact.high, fact.unit,
                            fact.qualifier, fact.change, fact.measure, fact.place, fact.kind, fact.period_start,
                            fact.period_end, fact.subject, fact.period, fact.document_place, fact.title,
                            fact.published, fact.speaker, fact.sentence)


# the figures whose measure must name what they are of (:func:`_unnamed`)
_NAMED_BY_MEASURE = frozenset({"count", "percent", "percentage point"})

# what figures say too little alone to be compared when their sentence names no measure
_VAGUE_ALONE = frozenset({"count", "length", "multiple"})


def claim_figure(claim_id: int, document_id: int, mention: str, value_text: str | None, low: float | None,
                 high: float | None, unit: str, qualifier: str, change: str | None, measure: str, place: str | None,
                 kind: str, period_start: dt.date | str | None, period_end: dt.date | str | None,
                 subject: str | None = None, period: str | None = None, document_place: str | None = None,
                 title: str | None = None, published: dt.date | str | None = None, speaker: str | None = None,
                 sentence: str | None = None) -> Figure:
    """A claim's :class:`Figure` from its stored fields (and its document's place, title and date), its exact
    figure as written in the database.

    Dates may come as ISO strings, as SQLite's driver gives them.

    What many claims have alike is shared, one object for all, so that the figures
    compared with one another lie close together in memory.
    """
    things = period_things(period)
    if things and nameless(measure):
        measure = " ".join(sorted(things))  # "a three-year agreement with BT Group worth £3bn": an agreement's
    number, (base, key, search), family, span, measure = _statement(value_text, low, high, unit, qualifier, change,
                                                                     measure, mention)
    exact = None
    common = _common_figure(family[0], number)
    if value_text is not None and not common:
        if base is not None:
            exact = _exact_key(base, number)
        elif not measure.strip() and family[0] not in _VAGUE_ALONE and not is_label(mention, unit, measure):
            # a sum (or another quantity, but a count or a length: "five million", "from six yards") whose
            # sentence says nothing of what it measures is compared only with the very same figure
            exact = _exact_key(f"{family[0]}|{change or 'level'}|", number)
    dates = _period(period_start, period_end) if period_start and period_end else None
    names, own, holder, marks, specific, said = _identity(subject, measure, sentence, period, place, change)
    if title:
        names = _shared(names | _title_names(title))
    return Figure(claim_id, _shared(document_id), number, key, search, base, family, _shared(kind), span, dates,
                  measure, _shared(place or document_place), value_text, exact, _shared(unit), holder, marks,
                  names, _date(published) if published else None, _shared(speaker), own, specific + bool(dates),
                  said if sentence else claim_id, things,
                  # kept only where the very same figure may be compared by its words (:func:`_figures_alike`):
                  # a million sentences are much memory
                  sentence if exact is not None else None,
                  family[0] in _NAMED_BY_MEASURE and _unnamed(measure), common)


@lru_cache(maxsize=1 << 17)
def _identity(subject: str | None, measure: str, sentence: str | None, period: str | None, place: str | None,
              change: str | None) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str], int, int]:
    """What a claim says of which statistic it states, worked out once for claims that say it alike: the names
    it brings to its document's (but for its title's), its own names, its holder, its period's numbers, its
    specificity (undated) and its sentence as a number."""
    holder = holder_words(subject)
    return (_names(None, subject, measure) | _sentence_names(sentence), _own_names(sentence, subject), holder,
            time_marks(period, sentence), specificity(place, holder, period, change, measure),
            hash(" ".join(sentence.split())) if sentence else 0)


@lru_cache(maxsize=1 << 16)
def _own_names(sentence: str | None, subject: str | None) -> frozenset[str]:
    """The names that tie a claim to what it is about: those of its sentence and holder, but for places (which
    :func:`place_relation` compares) and the words for their people (``Indian``, ``Chinese``, ``British``)."""
    return _shared((_sentence_names(sentence) | _title_names(subject)) - _place_words() - _place_adjectives())


@cache
def _place_adjectives() -> frozenset[str]:
    """The words for the people of a place: its name with a suffix (``India``, ``Indian``; ``China``, ``Chinese``;
    ``Italy``, ``Italian``; ``Japan``, ``Japanese``; ``Iraq``, ``Iraqi``), and those made otherwise
    (data/statistics.json)."""
    made = set(_statistics_data()["place_adjectives"])
    for word in _place_words():
        if len(word) >= 4 and word.isalpha():
            made.update(word + ending for ending in ("n", "an", "ian", "ese", "ish", "i", "ns", "ans", "ians"))
            made.update(word[:-1] + ending for ending in ("", "an", "ian", "ese", "ans", "ians"))
    return frozenset(made)


@cache
def _place_words() -> frozenset[str]:
    """Every word of the gazetteer's places and their other names, lower case."""
    gaz = gazetteer()
    return frozenset(word.lower() for name in (*gaz.places, *gaz.aliases) for word in re.findall(r"[\w'’-]+", name))


def specificity(place: str | None, holder: frozenset[str], period: str | None, change: str | None,
                measure: str) -> int:
    """How much a claim says of which statistic it states, one point for each of: a place of its own, a holder,
    a period, a change, and a measure of two words or more (``three changes`` says nothing of whose, where or
    when; ``police officers cut in England and Wales since 2010`` says much); a period with dates counts twice
    (:func:`claim_figure`)."""
    return (bool(place) + bool(holder) + bool(period) + bool(change)
            + (len(measure_key(measure) - _trade_words()) >= 2))  # ("copies sold" says no more than "copies")


# number, keys (none: never linked), family, interval and measure of a figure
_Statement = tuple[float, _Keys | tuple[None, None, tuple[()]], tuple[str, str | None], Interval | None, str]


@lru_cache(maxsize=1 << 16)
def _statement(value_text: str | None, low: float | None, high: float | None, unit: str, qualifier: str,
               change: str | None, measure: str, mention: str) -> _Statement:
    """A figure's :data:`_Statement`: the same for every claim stating it in the same words.

    ``float`` of the decimal string is what ``float`` of the :class:`~decimal.Decimal` gives,
    without making one. Figures and intervals are in the base unit of their dimension.
    """
    value = float(value_text) if value_text is not None else None
    number = comparison_number(value, low, unit)
    keys = _keys((value is None and low is None) or is_label(mention, unit, measure), number, unit, change, measure)
    span = _figure_interval(value, low, high, qualifier, mention)
    factor, offset = _conversion(unit)
    if span is not None and (factor, offset) != (1.0, 0.0):
        span = Interval(span.low * factor + offset, span.high * factor + offset)
    return (number, keys or (None, None, ()), _shared((unit_dimension(unit), change)), span, _shared(measure))


def is_label(mention: str, unit: str, measure: str) -> bool:
    """Whether a figure names something rather than measures it: a race by its distance (``the 200m``,
    ``10,000m``, written as one word, of a measure that names no length); a model by its number (``its 787
    Dreamliner plane``, ``the 3 Series car``: a bare number before a name and one thing, which no count of
    hundreds can be). Labels are never linked."""
    if unit == "count" and _MODEL_NUMBER.fullmatch(mention) and (named := _A_NAMED_THING.fullmatch(measure)) and \
            _a_thing_named(named.group("name"), named.group("thing")):
        return True
    labels = _statistics_data()["labels"]
    if unit not in labels["units"] or not re.fullmatch(labels["written"], mention):
        return False
    return not measure_key(measure) & frozenset(labels["length_words"])


_MODEL_NUMBER = re.compile(r"[2-9]|[1-9]\d{1,3}")  # (one thing may be counted: "1 Premiership title")
_A_NAMED_THING = re.compile(r"(?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*)*)\s(?P<thing>[a-z]+(?<!s))")
_STATES = frozenset({"dead", "alive", "missing", "hurt", "homeless", "unemployed", "injured", "killed"})


def _a_thing_named(name: str, thing: str) -> bool:
    """Whether a name and a word after it are one thing (``Dreamliner plane``), not people and how they fare
    (``Britons dead``)."""
    gaz = gazetteer()
    return not any(word in gaz.people or word in gaz.adjectives for word in name.split()) and \
        not thing.endswith("ed") and thing not in _STATES


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


# --- the same statistic ------------------------------------------------------------------


@cache
def _statistics_data() -> dict[str, Any]:
    with open(data_dir() / "statistics.json", encoding="utf-8") as handle:
        return json.load(handle)


_NAME = re.compile(r"\b[A-Z][\w'’&-]*|\b[a-z]+[A-Z][\w-]*")


@lru_cache(maxsize=1 << 16)
def _title_names(title: str | None) -> frozenset[str]:
    """The names in a document's title (``Galaxy``, ``S5``, ``BT``), lower case; common words written with a
    capital are none."""
    if not title:
        return frozenset()
    skip = frozenset(_statistics_data()["not_names"])
    found = {word.lower().strip("'’-") for word in _NAME.findall(title)}
    return frozenset(word.removesuffix("'s").removesuffix("’s") for word in found if word not in skip)


@lru_cache(maxsize=1 << 16)
def _sentence_names(sentence: str | None) -> frozenset[str]:
    """The names in a sentence: words with a capital, but for the one that opens it."""
    if not sentence:
        return frozenset()
    rest = sentence.lstrip("\"'“‘ ").split(" ", 1)
    return (_title_names(rest[1]) | _acronyms(sentence)) if len(rest) > 1 else frozenset()


# three words or more with a capital, joined by "of" or "for" at most ("Department for Work and Pensions" is two)
_FULL_NAME = re.compile(r"\b(?!The\s)[A-Z][a-z]+(?:\s+(?:(?:of|for|of\s+the)\s+)?[A-Z][a-z]+){2,}")


def _acronyms(sentence: str) -> frozenset[str]:
    """The short forms of the names of three words or more in a sentence, lower case: ``imf`` for the
    ``International Monetary Fund``, ``nhs`` for the ``National Health Service``."""
    skip = frozenset(_statistics_data()["not_names"])
    found = set()
    for name in _FULL_NAME.findall(sentence):
        capitals = [word for word in name.split() if word[0].isupper()]
        while capitals and capitals[0].lower() in skip:  # "In Sri Lanka" is no name of three words
            capitals.pop(0)
        if len(capitals) >= 3:
            found.add("".join(word[0] for word in capitals).lower())
    return frozenset(found)


@lru_cache(maxsize=1 << 16)
def _names(title: str | None, subject: str | None, measure: str) -> frozenset[str]:
    """What a claim's statistic is known by: the names in its document's title, its holder, and its measure."""
    return _title_names(title) | _title_names(subject) | _title_names(measure)


@lru_cache(maxsize=1 << 16)
def holder_words(subject: str | None) -> frozenset[str]:
    """A holder's words, lower case, without ``the`` and possessives: ``Tesco's`` and ``Tesco`` are one."""
    if not subject:
        return frozenset()
    words = re.findall(r"[\w&]+", subject.lower().replace("’", "'").replace("'s ", " ").removesuffix("'s"))
    # holders listed together ("Hodgson and Barkley", "Sky and BT") hold their figure jointly: never the one of
    # either alone
    joint = {_JOINT} if re.search(r"\s(?:and|&)\s[A-Z]", subject) and not _one_name(subject) else set()
    return frozenset(w for w in words if w not in ("the", "and", "of", "s")) | joint


def document_names(figures: Iterable[Figure]) -> dict[int, frozenset[str]]:
    """Each document's names: those its title and the sentences, holders and measures of its claims hold."""
    found: dict[int, set[str]] = defaultdict(set)
    for figure in figures:
        found[figure.document_id] |= figure.names
    return {document: frozenset(names) for document, names in found.items()}


def name_figures(figures: Iterable[Figure], names: dict[int, frozenset[str]]) -> None:
    """Give each figure its document's names (:func:`document_names`), which :func:`same_statistic` compares."""
    shared: dict[int, frozenset[str]] = {}
    for figure in figures:
        figure.names = shared.setdefault(figure.document_id, names.get(figure.document_id, figure.names))


_JOINT = "+joint"


def _one_name(subject: str) -> bool:
    """A name with '&' or 'and' inside ("Marks & Spencer", "Procter and Gamble"): one holder, not two."""
    return bool(re.fullmatch(r"[A-Z][\w'’.-]*\s(?:&|and)\s[A-Z][\w'’.-]*", subject)) and "&" in subject


def _same_holder(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two holders can be one: a word in common, one's name inside the other's (``Sky``, ``BSkyB``;
    ``S5``, ``GS5``), or one's initials inside the other's abbreviation (``Premier League``, ``EPL``). Holders
    listed together are one only with holders listed together."""
    if (_JOINT in a) != (_JOINT in b):
        return False
    a, b = a - {_JOINT}, b - {_JOINT}
    if a & b:
        return True
    if any(len(x) >= 2 and (x in y or y in x) for x in a for y in b):
        return True
    return _initials_in(a, b) or _initials_in(b, a)


def _initials_in(name: frozenset[str], abbreviations: frozenset[str]) -> bool:
    """Whether a name of two words or more has its initials among the letters of a short word of the other
    holder (the words of a holder come unordered: the letters are compared, not their order)."""
    if len(name) < 2:
        return False
    initials = Counter(word[0] for word in name)
    # an abbreviation is short and no word of its own ("group" holds the initials of "GW Pharma")
    # ("Mori" holds the letters of "MG Rover", with two more: a name, no abbreviation of it)
    return any(len(word) <= min(4, len(name) + 1) and word not in grammar_words("organisation_descriptors")
               and not initials - Counter(word) for word in abbreviations)


@lru_cache(maxsize=1 << 16)
def period_marks(period: str | None) -> frozenset[str]:
    """The numbers a period is counted in: years (``2009``), and lengths with their unit (``27 day``,
    ``3 month`` for ``the first three months``); empty for a period with no number (``per season``).

    >>> sorted(period_marks("in the 27 days to 2014")), sorted(period_marks("over three years"))
    (['2014', '27 day'], ['3 year'])
    """
    if not period:
        return frozenset()
    data = _statistics_data()
    words, units, named = data["period_numbers"], data["period_units"], data["named_times"]
    tokens = re.findall(r"\d+(?:\.\d+)?|[a-z]+", period.lower())
    marks = {token for token in tokens if token in named}
    for i, token in enumerate(tokens):
        number = float(token) if token[0].isdigit() else words.get(token)
        if number is None:
            continue
        following = _singular(tokens[i + 1]) if i + 1 < len(tokens) else ""
        if following in units:
            marks.add(f"{number:g} {following}")
        elif token.isdigit() and len(token) == 4:
            marks.add(token)
    return frozenset(marks)


def time_marks(period: str | None, sentence: str | None) -> frozenset[str]:
    """What tells a claim's time apart: its period's marks (:func:`period_marks`) and whether its sentence dates it
    to a moment inside a trading day (:func:`intraday_mark`)."""
    return period_marks(period) | intraday_mark(sentence)


@lru_cache(maxsize=1 << 16)
def intraday_mark(sentence: str | None) -> frozenset[str]:
    """``{"intraday"}`` for a sentence that dates its figures to a moment inside a trading day ("up over 5% by noon
    on Monday", "in early trading", "by 1030 GMT"), else nothing: such a figure is not the day's (the close)."""
    return _INTRADAY if sentence and _intraday_pattern().search(sentence) else _NOTHING


@cache
def _intraday_pattern() -> re.Pattern[str]:
    phrases = alternation(_statistics_data()["intraday"]["phrases"], boundary=False)
    return re.compile(rf"\b(?:{phrases})\b|\b(?:by|at|around)\s\d{{1,2}}[:.]?\d{{2}}\s?(?:GMT|BST|CET|EST|EDT|ET)\b",
                      re.IGNORECASE)


@lru_cache(maxsize=1 << 16)
def period_things(period: str | None) -> frozenset[str]:
    """What a period says its figure is the value of: ``deal`` in ``under the new deal`` and in ``a three-year
    agreement`` (data/statistics.json), canonical by meaning (data/measures.json).

    >>> sorted(period_things("a three-year agreement")), sorted(period_things("in 2014"))
    (['deal'], [])
    """
    if not period:
        return _NOTHING
    things = frozenset(_statistics_data()["period_things"])
    canonical = _vocabulary()[0]
    found = {canonical.get(word, word) for word in map(_singular, re.findall(r"[a-z]+", period.lower()))
             if word in things}
    return _shared(frozenset(found)) if found else _NOTHING


_NOTHING: frozenset[str] = frozenset()
_INTRADAY = frozenset({"intraday"})


@lru_cache(maxsize=1 << 16)
def _marks_clash(a: frozenset[str], b: frozenset[str]) -> bool:
    """Periods counted in different numbers of the same unit, or in years that are all different; or a moment
    inside a trading day against a whole day (see :func:`intraday_mark`)."""
    if ("intraday" in a) != ("intraday" in b):
        return True  # "up over 5% by noon on Monday" is not "closed up 4.75% on Monday"
    if not a or not b or a & b:
        return False
    named = _statistics_data()["named_times"]
    for kind in ("month", "day"):
        if {m for m in a if named.get(m) == kind} and {m for m in b if named.get(m) == kind}:
            return True  # "in December" and "in January"; "on Tuesday" and "on Friday"
    years_a, years_b = {m for m in a if m.isdigit()}, {m for m in b if m.isdigit()}
    lengths_a, lengths_b = {m for m in a if " " in m}, {m for m in b if " " in m}
    units_b = {m.split(" ")[1] for m in lengths_b}
    if any(m.split(" ")[1] in units_b for m in lengths_a):
        return True
    return bool(years_a and years_b)


# two documents' undated figures are the same statistic only when the documents are this close in time
SAME_TIME = dt.timedelta(days=366)


def _apart_in_time(a: Figure, b: Figure) -> bool:
    """Whether two figures cannot be of one time: dated periods that do not overlap, or, for a figure with no
    period, documents too far apart (or a document too far from the other's period)."""
    if a.dates and b.dates:
        return not (a.dates[0] <= b.dates[1] and b.dates[0] <= a.dates[1])
    if a.dates and b.published:
        return not (a.dates[0] - SAME_TIME <= b.published and b.published - SAME_TIME <= a.dates[1])
    if b.dates and a.published:
        return not (b.dates[0] - SAME_TIME <= a.published and a.published - SAME_TIME <= b.dates[1])
    if a.published and b.published:
        return abs(a.published - b.published) > SAME_TIME
    return False


@lru_cache(maxsize=1 << 16)
def _related_measures(a: str, b: str) -> bool:
    """Whether two measures share a word that names what they count (by meaning: data/measures.json), places
    aside (``UK pledges`` and ``UK`` share nothing)."""
    return bool((measure_key(a) & measure_key(b)) - _place_words())


@lru_cache(maxsize=1 << 16)
def _related_by_meaning(a: str, b: str) -> bool:
    """:func:`_related_measures`, less the words that are part of a name in one measure only (the ``council``
    of ``employee Potato Council`` is not that of ``pension age for council workers``) and the verbs of trade,
    which tell measures apart and tie none (``tickets sold`` and ``copies sold``)."""
    named_in_one = _content_words(" ".join(_proper_words(a) ^ _proper_words(b)))
    shared = (measure_key(a) & measure_key(b)) - _place_words() - _trade_words()
    return any(word not in named_in_one for word in shared)


def same_statistic(a: Figure, b: Figure) -> str | None:
    """Whether two claims state the same statistic: ``sure``, ``likely``, or ``None`` when they do not.

    The same statistic is the same thing measured (the measure's head word and no clash of what qualifies it,
    by meaning: ``data/measures.json``), in the same dimension (units converted within it, currencies never)
    and direction of change, of the same holder (``subject``), in compatible places (the document's place when
    the sentence names none), over the same period (periods counted in different numbers, dated periods that
    do not overlap, undated figures of documents a year apart are different ones), and, when both documents
    say what they are about, about something of the same name. It is ``sure`` when, besides, both are of one
    kind (fact, pledge, forecast; forecasts of one forecaster), in one place, and both or neither name the
    holder: only then can different figures contradict each other. A figure of a moment inside a trading day is
    not the same statistic as one of the whole day (:func:`intraday_mark`).

    Two figures of one article are the same statistic only when they are the same figure (:func:`_verdicts`).
    """
    if a.family != b.family:
        return None
    relation = "same" if a.place is b.place or a.place == b.place else place_relation(a.place, b.place)
    if relation == "different" or (relation == "nested" and _worldwide(a.place) != _worldwide(b.place)):
        return None  # (a figure of the whole world is not one of a country in it: "8m copies worldwide", "in the US")
    if (a.marks is not b.marks and _marks_clash(a.marks, b.marks)) or (
            (a.dates or a.published) and (b.dates or b.published) and _apart_in_time(a, b)):
        return None
    same_figure = a.number == b.number
    if (a.holder and b.holder and a.holder is not b.holder and not _same_holder(a.holder, b.holder)
            and not (same_figure and not a.common and _party_named(a, b))):
        return None
    if a.document_id == b.document_id:
        # a headline, a lead and a body restate a figure in other words
        return "likely" if (a.measure == b.measure or _related_measures(a.measure, b.measure)
                            or (same_figure and not a.common and _bound(a) == _bound(b)
                                and _figures_alike(a, b))) else None
    if a.measure != b.measure and not _same_measure_words(a.measure, b.measure) and not (
            same_figure and _figures_alike(a, b)):
        return None  # another thing measured, unless the very same figure of something named alike
    if (a.names is not b.names and a.names and b.names and a.names.isdisjoint(b.names)
            and not (a.place and relation in ("same", "nested")
                     and ((not _everywhere(a.place)
                           and (relation == "same" or _measured_alike(a.measure, b.measure)))
                          or _echoes_beyond_figure(a, b)))):
        # two articles about different things (a place they share ties them, one inside the other only with what
        # they measure named alike; the whole world only in sentences that tell one story: "five million copies
        # worldwide" of a game and of an album are not one figure, nor the $150 price of a console sold in the
        # US and what a hunting trip in Texas costs)
        return None
    anchored = None  # worked out once, when asked
    if (a.common or b.common) and not (a.dates and b.dates):
        anchored = _anchored(a, b)
        if not anchored or (a.said != b.said and bool(a.marks) != bool(b.marks)):
            # "two men", "five episodes", "8%": figures that recur by chance, unless tied by a name (and of one
            # sort of period: "40% fewer in the first three months" is not an undated "40% fewer") or by dates
            return None
    if a.unnamed or b.unnamed:
        if anchored is None:
            anchored = _anchored(a, b)
        if not anchored:
            return None  # "50,000 people", "the figure was 29% in 2003" say nothing of which: a name must tie them
    specific = min(a.specific, b.specific)
    # two forecasts differ as their forecasters do: only one forecaster's can contradict each other (or two that
    # name none, as two reports of one announcement)
    sure = (a.kind == b.kind and (a.kind != "forecast" or a.speaker == b.speaker)
            and relation in ("same", "unknown") and _holders_alike(a, b)
            and _same_time(a, b) and _measured_alike(a.measure, b.measure)
            and (specific >= SURE_SPECIFICITY
                 or (specific >= SURE_SPECIFICITY - 1
                     and ((anchored if anchored is not None else _anchored(a, b))
                          or bool(a.marks and a.marks == b.marks)))))
    return "sure" if sure else "likely"


def _holders_alike(a: Figure, b: Figure) -> bool:
    """Whether two claims say whose their statistic is alike: both or neither name a holder, or the one that
    names none names in its sentence no one but the other's holder ("Unions said Brightwave employed 2,900
    staff", against "Brightwave's 2,400 staff")."""
    if bool(a.holder) == bool(b.holder):
        return True
    named, bare = (a, b) if a.holder else (b, a)
    return bool(bare.own_names) and bare.own_names <= named.holder


def _figures_alike(a: Figure, b: Figure) -> bool:
    """Whether two claims of the very same figure say it of one thing, though their measures' head words
    differ: their measures, or what their periods say the figure is the value of, share a word (places aside)
    and name nothing different; or one measure names nothing but names (``BT Group``) and their sentences
    tell the same story (:func:`_echoes`); or their unit measures one sort of thing only (megapixels,
    milliamp-hours)."""
    if _related_by_meaning(a.measure, b.measure) or (
            (a.things or b.things) and not (measure_key(a.measure) | a.things).isdisjoint(
                measure_key(b.measure) | b.things)):
        return not _names_clash(a.measure, b.measure)
    if (nameless(a.measure) or nameless(b.measure)) and _echoes(a.sentence, b.sentence):
        return True
    return a.unit == b.unit and a.unit in _statistics_data()["telling_units"]


@lru_cache(maxsize=1 << 16)
def _unnamed(measure: str) -> bool:
    """Whether a measure is made of words that name no statistic of their own (``people``, ``total``) and no
    name: which people, which total, only the claims' sentences can tell."""
    return bool(measure.strip()) and not measure_key(measure)


@lru_cache(maxsize=1 << 16)
def nameless(measure: str) -> bool:
    """Whether a measure says nothing of what is measured but names: empty, or only words with a capital
    (``BT Group``, ``Super``)."""
    return not any(word[0].islower() for word in re.findall(r"[A-Za-z][\w'-]*", measure))


def _bound(a: Figure) -> str | None:
    """Which way a figure is open: ``above`` (``more than 80GB``), ``below`` (``smaller than 80GB``), or
    ``None``; an article that says both ``80GB`` and ``smaller than 80GB`` says two things."""
    if a.span is None:
        return None
    if math.isinf(a.span.high):
        return "above"
    return "below" if a.span.low <= 0 < a.number or math.isinf(a.span.low) else None


def _echoes(a: str | None, b: str | None) -> bool:
    """Whether two sentences tell the same story: they share :data:`ECHO_WORDS` words or more that say
    something (four letters or more, but for the commonest: data/statistics.json)."""
    return bool(a and b) and len(_telling_words(a) & _telling_words(b)) >= ECHO_WORDS


def _echoes_beyond_figure(a: Figure, b: Figure) -> bool:
    """:func:`_echoes`, but for the words of the figure and of what it measures, which the two claims share by
    being compared at all ("five million copies" of a game and of an album): one word fewer is enough."""
    if not (a.sentence and b.sentence):
        return False
    shared = _telling_words(a.sentence) & _telling_words(b.sentence)
    return len(shared - _number_words() - measure_key(a.measure) - measure_key(b.measure)) >= ECHO_WORDS - 1


@cache
def _number_words() -> frozenset[str]:
    numbers = lexicon().numbers
    return frozenset(_singular(word.lower()) for key in ("cardinal_words", "scales") for word in numbers[key])


# the words two sentences share when they tell the same story in other words ("Cyprus was forced to wind down
# one major bank ... 10 billion euros in aid", "10bn euros ... Cyprus was forced to wind up one major bank")
ECHO_WORDS = 3


@lru_cache(maxsize=1 << 16)
def _telling_words(sentence: str) -> frozenset[str]:
    return frozenset(word for word in map(_singular, re.findall(r"[a-z][a-z'-]{3,}", sentence.lower()))
                     if word not in _plain_words())


@cache
def _plain_words() -> frozenset[str]:
    """Words that tell no story: the commonest, and the units periods are counted in (``60-minute``)."""
    data = _statistics_data()
    return frozenset(data["plain_words"]) | frozenset(data["period_units"])


def _party_named(a: Figure, b: Figure) -> bool:
    """Whether one claim's holder is named in the other's sentence: the two sides of one deal (``the Premier
    League's £3bn deal``, ``Sky and BT's £3bn``)."""
    return not (a.holder - {_JOINT}).isdisjoint(b.own_names) or not (b.holder - {_JOINT}).isdisjoint(a.own_names)


@lru_cache(maxsize=1 << 16)
def _measured_alike(a: str, b: str) -> bool:
    """Whether two measures name the same thing in the same words, by meaning and but for the places they
    name (``officers`` and ``police officers``; ``economy`` and ``US economy``; not ``sales`` and ``car sales``)."""
    places = _place_words()
    return measure_key(a) - places == measure_key(b) - places


# what each of two claims must say of its statistic (:func:`specificity`) for their figures to contradict; one
# point less when their sentences or holders name the same one, or their periods the same numbers
SURE_SPECIFICITY = 3


def _same_time(a: Figure, b: Figure) -> bool:
    """Whether two claims say they are of one time: both undated, or both dated and not apart (a month named
    by one only, ``in December`` against ``this year``, is not the same time), or counted in the same sort of
    marks (``a decade earlier`` and ``since 2010`` are spans of years; ``over three years`` and ``on Saturday``
    are not one time)."""
    if a.dates and b.dates:
        return True  # overlapping: see _apart_in_time
    # periods that both name the deal a figure is of ("the current deal", "a three-year agreement") are its time
    return (a.marks == b.marks or not _mark_sorts(a.marks).isdisjoint(_mark_sorts(b.marks))
            or not a.things.isdisjoint(b.things))


@lru_cache(maxsize=1 << 12)
def _mark_sorts(marks: frozenset[str]) -> frozenset[str]:
    """The sorts of a period's marks: ``span`` for lengths and years, else what a named time is (``month``,
    ``day``)."""
    named = _statistics_data()["named_times"]
    return frozenset(named.get(mark, "span") for mark in marks)


def _common_figure(dimension: str, number: float) -> bool:
    """A figure that many unrelated statistics share (:attr:`Figure.common`): a small count (under
    :data:`COMMON_COUNT`) or a percentage. A multiple (``six times as much``) is not one: read on a BBC archive,
    the claims of one multiple and one measure are mostly one statistic, and asking a name of them loses more
    than it saves."""
    return (dimension == "count" and abs(number) < COMMON_COUNT) or dimension in ("percent", "percentage point")


# counts below this recur by chance in unrelated statistics (games, points, goals, seats of a small body)
COMMON_COUNT = 50


def _anchored(a: Figure, b: Figure) -> bool:
    """Whether two claims are tied to one another by their own words: the same sentence, a name in both of
    their sentences or holders (places aside, and the names of what they measure: two ``Brit Awards`` and two
    ``American Music Awards`` share only the word for what is counted), or the same holder."""
    if a.said == b.said or (a.holder and b.holder and _same_holder(a.holder, b.holder)):
        return True
    shared = a.own_names & b.own_names - _qualifier_kinds()[1]  # ("TV" of "digital TV viewers" is no name)
    if not shared:
        return False
    if a.family[0] == "count":
        # a small count's name must say whose or where, not what is counted: two "Six Nations wins" of two teams
        return not shared <= _lower_words(a.measure) | _lower_words(b.measure)
    return any(_singular(name) not in (_counted(a.measure), _counted(b.measure)) for name in shared)


@lru_cache(maxsize=1 << 16)
def _lower_words(text: str) -> frozenset[str]:
    """The words of a text, lower case."""
    return frozenset(re.findall(r"[\w'’&-]+", text.lower()))


@lru_cache(maxsize=1 << 16)
def _counted(measure: str) -> str | None:
    """The word for what a measure of two words or more counts (``award`` in ``Brit Awards``): a name that is
    only that ties nothing."""
    return measure_head(measure) if len(measure.split()) > 1 else None


def compare(a: Fact, b: Fact) -> str | None:
    """``agree``, ``conflict`` or ``None`` (not the same statistic) for two claims."""
    found = _verdicts(Figure.of(a), [(relative_difference(a, b), b.id, Figure.of(b))])
    return found[0][1] if found else None


def _verdict(a: Figure, b: Figure) -> str | None:
    """``agree``, ``conflict`` or ``None`` for two figures within :data:`CONFLICT_SCOPE` of each other."""
    span, other = a.span, b.span
    if span is None or other is None:
        return None
    if a.document_id == b.document_id and a.number != b.number:
        return None  # an article that states two figures states two statistics
    sameness = same_statistic(a, b)
    if sameness is None:
        return None
    if a.unit is not b.unit and a.unit != b.unit:
        # a figure converted from another unit is often cut short rather than rounded (72.5 mm as 2.8 in)
        span, other = _converted(span), _converted(other)
    if span.low < other.high and other.low < span.high:  # Interval.overlaps, inline: this runs for every pair
        if a.place != b.place and place_relation(a.place, b.place) == "nested" and a.number != b.number:
            return None  # a borough's figure is not a country's
        # bounds overlap a whole range of figures: "over 300" is not the same figure as 21,000
        if _gap(a.number, b.number) > AGREE_TOLERANCE:
            return None
        # figures that differ agree by rounding only when they surely state one statistic ("2,000 staff" and
        # "2,200 employees" of two companies do not)
        return "agree" if (a.number == b.number or sameness == "sure"
                           or (a.unit != b.unit and bool(a.holder) == bool(b.holder))) else None
    return "conflict" if sameness == "sure" else None


def _converted(span: Interval) -> Interval:
    """A figure's interval widened by its rounding step on both sides: what it allows once converted."""
    half = (span.high - span.low) / 2
    return Interval(span.low - half, span.high + half) if math.isfinite(half) else span


def _verdicts(a: Figure, partners: Iterable[tuple[float, int, Figure | None]]) -> list[tuple[int, str]]:
    """(claim id, verdict) of those of ``partners`` (gap to ``a``, claim id, figure) that agree or conflict with ``a``.

    Conflicts that an article tells apart are dropped afterwards, with both articles' claims at hand
    (:func:`drop_told_apart`).
    """
    found: list[tuple[int, str]] = []
    if a.span is None:
        return found
    for gap, _, b in partners:
        if b is None or gap > CONFLICT_SCOPE or b.id == a.id:
            continue
        verdict = _verdict(a, b)
        if verdict is not None:
            found.append((b.id, verdict))
    return found


def drop_told_apart(links: Iterable[tuple[int, int, str]], figures: dict[int, Figure],
                    by_document: dict[int, list[Figure]]) -> list[tuple[int, int, str]]:
    """The links but for the conflicts an article tells apart: when the article of one claim also states, in
    the same voice, a figure that matches the other claim's, the two are two statistics (a deal's 116 matches
    and the next deal's 126, in one article), not one reported twice.

    Every claim of both articles is read, so that the verdict does not depend on which claims were compared
    first: ``by_document`` holds them, ``figures`` the linked claims.
    """
    kept = []
    for a, b, status in links:
        if status == "conflict" and _told_apart(figures[a], figures[b], by_document):
            continue
        if status == "agree" and _reach_other_levels(figures[a], figures[b], by_document):
            continue
        kept.append((a, b, status))
    return kept


def _reach_other_levels(a: Figure, b: Figure, by_document: dict[int, list[Figure]]) -> bool:
    """Whether two changes of one size are told apart by the levels their sentences say they reach: "profits
    rose 20% to £4.6bn" is not the "20% rise in profits to £3.8bn" of another year."""
    if a.family[1] is None or a.said == b.said:
        return False
    levels_a, levels_b = _levels_reached(a, by_document), _levels_reached(b, by_document)
    shared = levels_a.keys() & levels_b.keys()
    return bool(shared) and not any(_gap(v, w) <= AGREE_TOLERANCE for dimension in shared
                                    for v in levels_a[dimension] for w in levels_b[dimension])


def _levels_reached(change: Figure, by_document: dict[int, list[Figure]]) -> dict[str, list[float]]:
    """The levels a change's sentence states of what it measures, of its kind (a forecast's level is not the
    fact's), by dimension."""
    levels: dict[str, list[float]] = {}
    for c in by_document.get(change.document_id, ()):
        if (c.said == change.said and c.family[1] is None and c.span is not None and c.family[0] != "percent"
                and c.kind == change.kind
                and (c.measure == change.measure or _related_measures(c.measure, change.measure))):
            levels.setdefault(c.family[0], []).append(c.number)
    return levels


def _told_apart(a: Figure, b: Figure, by_document: dict[int, list[Figure]]) -> bool:
    for one, other in ((a, b), (b, a)):
        for c in by_document.get(other.document_id, ()):
            if (c.id != other.id and c.family == one.family and c.speaker == other.speaker
                    and (c.key is not None or c.exact is not None) and _verdict(one, c) == "agree"):
                return True
    return False


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
            # _gap, with no calls: this is the innermost loop of linking
            size = w if w >= 0 else -w
            base = magnitude if magnitude > size else size
            difference = number - w if number >= w else w - number
            gap = difference / base if base else 0.0
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
        # the claims filed by the very figure they state, whatever their measure's head word, and the bases
        # (measure head words) of the claims filed under each exact figure
        self._exact: Neighbours[Figure] = Neighbours()
        self._exact_bases: dict[str, set[str | None]] = {}
        self._linked: set[tuple[int, int]] = set()

    def file(self, figure: Figure) -> None:
        """Make a claim a possible partner of the claims linked after it."""
        if figure.key is not None:
            self._neighbours.file(figure.key, figure.number, figure.id, figure)
        if figure.exact is not None:
            self._exact.file(figure.exact, figure.number, figure.id, figure)
            self._exact_bases.setdefault(figure.exact, set()).add(figure.base)

    def link(self, figure: Figure) -> None:
        """Compare a claim with the closest figures filed so far, keep the links found, and file it."""
        if figure.key is None or figure.id in self._neighbours:
            return
        closest = self._neighbours.nearest(figure.search, figure.number, figure.id, filing=figure)
        for other, status in _verdicts(figure, closest):
            self._keep(other, figure.id, status)

    def link_exact(self, figure: Figure) -> None:
        """Compare a claim with the claims filed so far that state the very same figure (the most recent
        :data:`MAX_CANDIDATES`), keep the links found, and file it among them. Run after :meth:`link`."""
        if figure.exact is None or figure.id in self._exact:
            return
        bases = self._exact_bases.setdefault(figure.exact, set())
        if bases <= {figure.base}:  # only claims of its own measure word so far: compared already by link
            self._exact.file(figure.exact, figure.number, figure.id, figure)
            bases.add(figure.base)
            return
        bases.add(figure.base)
        closest = self._exact.nearest(((figure.exact, 0),), figure.number, figure.id, filing=figure)
        others = [(gap, other, b) for gap, other, b in closest if b is None or b.base != figure.base]
        for other, status in _verdicts(figure, others):
            self._keep(other, figure.id, status)

    def _keep(self, a: int, b: int, status: str) -> None:
        pair = (a, b) if a < b else (b, a)
        if pair not in self._linked:
            self._linked.add(pair)
            self.links.append((*pair, status))

    def link_new(self, filed: Iterable[Figure], new: list[Figure]) -> None:
        """Link ``new`` figures, in their order, to the ``filed`` ones and to each other: each to its
        closest figures among those before it, then by exact figure, then within its document."""
        for figure in filed:
            self.file(figure)
        for figure in new:
            self.link(figure)
        for figure in new:
            self.link_exact(figure)
        self.link_within_documents(new)

    def link_within_documents(self, figures: Iterable[Figure]) -> None:
        """:meth:`link_within` each document's figures, documents in order of id."""
        for _, same_document in sorted(by_document(figures).items()):
            self.link_within(same_document)

    def link_within(self, figures: Iterable[Figure]) -> None:
        """Link the figures of one article that state the same figure of one statistic, whatever their
        measures' head words (a headline's ``£3bn TV rights bonanza`` and its body's ``£3bn TV deal``)."""
        alike: dict[tuple[float, tuple[str, str | None]], list[Figure]] = defaultdict(list)
        for figure in figures:
            if (figure.key is not None or figure.exact is not None) and figure.span is not None:
                alike[figure.number, figure.family].append(figure)
        for same in alike.values():
            for i, a in enumerate(same):
                for b in same[i + 1:]:
                    if _verdict(a, b) == "agree":
                        self._keep(a.id, b.id, "agree")


def link_pairs(new: list[Fact], candidates: Iterable[Fact] = ()) -> list[PairLink]:
    """Links between ``new`` claims and each other or ``candidates``.

    New claims are taken in id order; each is compared with the closest figures
    among the candidates and the new claims before it, so linking a whole corpus
    at once gives the same links as linking it document by document.
    """
    linker = Linker()
    new_ids = {f.id for f in new}
    filed = [Figure.of(c) for c in candidates if c.id not in new_ids]
    figures = [Figure.of(a) for a in sorted(new, key=lambda f: f.id)]
    names = document_names([*filed, *figures])
    name_figures(filed, names)
    name_figures(figures, names)
    linker.link_new(filed, figures)
    every = {f.id: f for f in [*filed, *figures]}
    return [PairLink(*link) for link in drop_told_apart(linker.links, every, by_document([*figures, *filed]))]


def by_document(figures: Iterable[Figure]) -> dict[int, list[Figure]]:
    """The figures of each document, in the order they come."""
    found: dict[int, list[Figure]] = {}
    for figure in figures:
        found.setdefault(figure.document_id, []).append(figure)
    return found


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
    # links across documents first, closest figures first: a group is what two sources say alike, which a
    # figure an article repeats joins if nothing it says clashes with the group
    agree = sorted((x for x in links if x.status == "agree"),
                   key=lambda x: (facts[x.a].document_id == facts[x.b].document_id,
                                  relative_difference(facts[x.a], facts[x.b]), x.a, x.b))
    for link in agree:
        for claim_id in (link.a, link.b):
            if claim_id not in group_of:
                group_of[claim_id] = claim_id
                members[claim_id] = {claim_id}
                against[claim_id] = set(opponents.get(claim_id, ()))
        ga, gb = group_of[link.a], group_of[link.b]
        if ga == gb or not against[ga].isdisjoint(members[gb]) or _groups_clash(facts, members[ga], members[gb]):
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


def _groups_clash(facts: dict[int, Fact], a: set[int], b: set[int]) -> bool:
    """Whether two groups hold claims that cannot be of one statistic: different holders, places or periods
    (agreement is not transitive across them: ``10 million`` in 27 days and in 50 days both agree with an
    undated ``10 million``)."""
    for x in a:
        fx = facts[x]
        for y in b:
            fy = facts[y]
            if _marks_clash(time_marks(fx.period, fx.sentence), time_marks(fy.period, fy.sentence)):
                return True
            hx, hy = holder_words(fx.subject), holder_words(fy.subject)
            # the two sides of one deal: a group's claims agree already, each side named where the other speaks
            if hx and hy and not _same_holder(hx, hy) and (
                    (hx - {_JOINT}).isdisjoint(_own_names(fy.sentence, fy.subject))
                    and (hy - {_JOINT}).isdisjoint(_own_names(fx.sentence, fx.subject))):
                return True
            if place_relation(fx.place or fx.document_place, fy.place or fy.document_place) == "different":
                return True
    return False


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
    if f.subject:
        parts.append(f"of {f.subject}")
    if f.change:
        parts.append(f"({f.change})")
    if f.place:
        parts.append(f"in {f.place}")
    if f.period:
        parts.append(f"[{f.period}]")
    who = f"{f.speaker}, " if f.speaker else ""
    when = f", {f.published.isoformat()}" if f.published else ""
    return " ".join(p for p in parts if p) + f" — {who}{short_source(f.document)}{when}"


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
    first, second = sorted((a, b), key=_reported)
    return (f"Same statistic, figures that cannot both hold: {describe(first)} versus {describe(second)}{gap}"
            f"; {conflict_reason(first, second)}" + (f". Also differs: {notes}" if notes else ""))


def _reported(f: Fact) -> tuple[dt.date, int]:
    """When a claim was reported, for putting reports in order: its document's date, then its id."""
    return (f.published or dt.date.min, f.id)


def conflict_reason(a: Fact, b: Fact) -> str:
    """Why two figures of one statistic conflict, in words: a revised count, a level against a level, or a
    rounding or bound that cannot explain the gap."""
    if a.published and b.published and a.published != b.published:
        return (f"reported {a.published.isoformat()} then {b.published.isoformat()}: a revised figure, "
                f"or one of them is wrong")
    what = "a change against a change" if a.change else "a level against a level"
    if a.qualifier != "exact" or b.qualifier != "exact":
        return f"{what}, and no reading of 'about', 'over' or 'nearly' brings them together"
    return f"{what}, and rounding either figure cannot close the gap"


def _differences(facts: list[Fact]) -> str:
    """What the claims of a group say differently: their periods, places (other names of one place aside: "US"
    and "United States" are one) and qualifiers."""
    notes = []
    aliases = gazetteer().aliases
    for label, attr in (("period", "period"), ("place", "place"), ("qualifier", "qualifier")):
        values = {getattr(f, attr) for f in facts if getattr(f, attr)}
        same = {aliases.get(v, v) for v in values} if attr == "place" else values
        if len(values) > 1 and len(same) > 1:
            notes.append(f"{label} " + " vs ".join(sorted(values)))
    return "; ".join(notes)
