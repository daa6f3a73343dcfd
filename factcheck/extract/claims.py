"""From an article's text to its claims: the extraction pipeline, pure and deterministic.

>>> [c.mention for c in extract("Police numbers fell by almost 20 per cent to 120,000 in 2017/18.")]
['almost 20 per cent', '120,000']
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from factcheck.extract import attributes, context
from factcheck.extract.columns import ColumnUnit, column_unit, in_column
from factcheck.extract.filters import Blocked, blocked_spans, rejection_by_context, rejection_by_spans
from factcheck.extract.lexicon import alternation, gazetteer, lexicon
from factcheck.extract.numbers import Quantity, find_quantities, might_hold_figure
from factcheck.extract.speakers import analyse_speakers
from factcheck.extract.text import Sentence, split_sentences

EXTRACTOR_VERSION = "1"


@dataclass(frozen=True, slots=True)
class ExtractedClaim:
    """A claim as the extractor finds it, with its provenance (span, sentence, rule)."""

    start: int
    end: int
    mention: str
    sentence: str
    sentence_start: int
    sentence_end: int
    value: Decimal | None
    low: Decimal | None
    high: Decimal | None
    unit: str
    qualifier: str
    change: str | None
    measure: str
    place: str | None
    period: str | None
    period_start: dt.date | None
    period_end: dt.date | None
    speaker: str | None
    rule: str
    kind: str = "fact"


class _DocumentState:
    """What earlier sentences tell later ones: places named so far, the discourse place.

    Most sentences hold no claim, and what they name matters only to a later claim that
    points back to it ("the borough", "The project"): the sentences are read for places
    only when a claim asks for them.
    """

    def __init__(self) -> None:
        self._places: list[str] = []
        self._last_place: str | None = None
        self.last_measure: str | None = None  # the measure of the last claim of the last sentence with claims
        self._previous: str | None = None  # the text of the sentence before
        # sentences not taken in yet, with their places where they were found already
        self._unread: list[tuple[str, tuple[list[context.Mention], list[str]] | None]] = []

    @property
    def places(self) -> list[str]:
        """Every place named so far (places named by organisations included)."""
        self._read_unread()
        return self._places

    @property
    def last_place(self) -> str | None:
        """The place the discourse is about: the first one named in the last sentence naming any."""
        self._read_unread()
        return self._last_place

    def skip(self, text: str) -> None:
        """Pass a sentence without claims, to be read for its places if a later claim needs them."""
        self._unread.append((text, None))
        self.last_measure = None
        self._previous = text

    @property
    def previous_period(self) -> str | None:
        """The last target date of the sentence before ("by 2008", "into 2005"), which a forecast with none of its
        own takes."""
        periods = context.find_periods(self._previous) if self._previous else []
        dated = [p for p in periods if _TARGET.match(p.text) and _YEAR.search(p.text)]
        return dated[-1].text if dated else None

    def remember(self, text: str, places: list[context.Mention], org_places: list[str]) -> None:
        """Pass a sentence with the places it names (and the places of its organisations)."""
        self._unread.append((text, (places, org_places)))
        self._previous = text

    def _read_unread(self) -> None:
        gaz = gazetteer()
        for text, found in self._unread:
            places, org_places = found or context.sentence_places(text)
            named = [p.value for p in places if p.value in gaz.aliases]
            self._places.extend(gaz.aliases[p] for p in named)
            self._places.extend(org_places)
            if named:
                self._last_place = named[0]
            elif not _anaphoric(text):
                self._last_place = None
        self._unread.clear()


def extract(text: str, published: dt.date | None = None) -> list[ExtractedClaim]:
    """Every claim in ``text``, in document order. ``published`` anchors relative periods."""
    sentences = split_sentences(text)
    # The figures of a sentence do not depend on the sentences before it, and the places and
    # speakers of the document serve only its claims: the sentences after the last one with a
    # figure (and a document without any) are spared looking for them.
    figures = []
    column: ColumnUnit | None = None  # a table's column unit, stated in its header, holds for the rows below
    for sentence in sentences:
        column = column_unit(sentence.text, column)
        figures.append(_figures(sentence, text, column))
    last = max((i for i, (quantities, _) in enumerate(figures) if quantities), default=-1)
    if last < 0:
        return []
    speakers = analyse_speakers(text, sentences)
    state = _DocumentState()
    claims: list[ExtractedClaim] = []
    for sentence, (quantities, blocked) in zip(sentences[: last + 1], figures[: last + 1], strict=True):
        claims.extend(_sentence_claims(sentence, quantities, blocked, published, speakers, state))
    return claims


def _figures(sentence: Sentence, document: str, column: ColumnUnit | None = None) -> tuple[list[Quantity],
                                                                                          list[Blocked]]:
    """The figures of a sentence that are claims, and the spans where numbers are no claims."""
    text = sentence.text
    # most sentences hold no figure at all: one cheap search spares them the number grammar
    quantities = find_quantities(text) if might_hold_figure(text) else []
    if column is not None:
        quantities = in_column(text, quantities, column)
    if not quantities:
        return [], []
    line_start = sentence.start == 0 or document[sentence.start - 1] == "\n"
    # A figure is rejected for its blocked spans or for its context (see rejection()). Many
    # sentences hold only years and the like: the costlier spans are found only if needed.
    quantities = [q for q in quantities if not rejection_by_context(text, q, line_start=line_start)]
    if not quantities:
        return [], []
    blocked = blocked_spans(text)
    return [q for q in quantities if not rejection_by_spans(q, blocked)], blocked


def _sentence_claims(sentence: Sentence, quantities: list[Quantity], blocked: list[Blocked], published: dt.date | None,
                     speakers, state: _DocumentState) -> list[ExtractedClaim]:
    text = sentence.text
    out: list[ExtractedClaim] = []
    if not quantities:
        state.skip(text)
        return out
    places, org_places = context.sentence_places(text)
    ages = [(b.start, b.end) for b in blocked if b.reason == "age"]
    clauses = context.split_clauses(text)
    periods = context.find_periods(text, ages)
    # "This was eight times higher": a sentence that opens on the figure before measures what it measured
    previous_measure: str | None = state.last_measure if _RESUMING.match(text) else None
    previous: ExtractedClaim | None = None
    for q in quantities:
        claim = _claim(sentence, q, clauses, places, org_places, periods, previous_measure, published, speakers,
                       state)
        if previous is not None and _converted(text, previous, claim, sentence.start):
            # "exceeding $86m (£46m)": the figure in brackets is the same figure, converted
            claim = replace(claim, qualifier=previous.qualifier, change=previous.change, kind=previous.kind,
                            measure=previous.measure or claim.measure)
        previous = claim
        # a later "a fall of 20,000" refers back to the sentence's main figure, its first one
        previous_measure = previous_measure or claim.measure
        out.append(claim)
    state.remember(text, places, org_places)
    state.last_measure = next((c.measure for c in reversed(out) if c.measure), None)
    return out


def _claim(sentence: Sentence, q: Quantity, clauses, places, org_places, periods, previous_measure, published,
           speakers, state: _DocumentState) -> ExtractedClaim:
    text = sentence.text
    qual, m_start, m_end = attributes.qualifier(text, q)
    index = context.clause_of(clauses, q.start)
    clause = clauses[index]
    place = _scoped(places, text, clauses, index, m_start, m_end)
    if place is None and _anaphoric(text) and index == 0:
        place = state.last_place
    place_value = None
    if place:
        earlier = state.places + org_places if context.reads_earlier_places(place) else []
        place_value = context.resolve_generic_place(place, earlier)
    # a rate ("a year", "per month") is the period only of the figure it follows ("$150,000 a year"), and
    # only when the sentence dates the figure no other way ("40% a year until 2007": until 2007)
    dated = [p for p in periods if not _RATE.match(p.text)]
    period = _scoped(dated, text, clauses, index, m_start, m_end) if len(dated) < len(periods) else None
    if period is None:
        rates = [p for p in periods if not _RATE.match(p.text) or 0 <= p.start - m_end <= 30]
        period = _scoped(rates, text, clauses, index, m_start, m_end)
    kind = attributes.kind(text, m_start, clause.start)
    if period is None and kind == "forecast":
        period = state.previous_period  # "... to continue into 2005. Sales are predicted to grow by 11%"
    start_date, end_date = context.period_dates(period, published) if period else (None, None)
    offset = sentence.start + m_start
    return ExtractedClaim(
        start=offset,
        end=sentence.start + m_end,
        mention=text[m_start:m_end],
        sentence=text,
        sentence_start=sentence.start,
        sentence_end=sentence.end,
        value=q.low if q.is_range else q.value,
        low=q.low,
        high=q.high,
        unit=q.unit,
        qualifier=qual,
        change=attributes.change(text, m_start, m_end, clause.start),
        measure=attributes.measure(text, q, m_start, clause.start, previous_measure),
        place=place_value,
        period=period,
        period_start=start_date,
        period_end=end_date,
        speaker=speakers.at(sentence, offset),
        rule=q.rule,
        kind=kind,
    )


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TARGET = re.compile(r"(?:by|into|for|until|throughout)\s", re.IGNORECASE)
_RESUMING = re.compile(r"(?:This|That|It)\s(?:was|is|figure|amount|sum|total)\b")
_RATE = re.compile(r"(?:a|per)\s(?:year|month|week)$", re.IGNORECASE)


def _converted(text: str, previous: ExtractedClaim, claim: ExtractedClaim, offset: int) -> bool:
    """Whether ``claim`` is ``previous`` given again in brackets in another currency or unit."""
    between = text[previous.end - offset : claim.start - offset]
    return between.strip() == "(" and claim.unit != previous.unit and claim.qualifier == "exact"


def _scoped(mentions: list[context.Mention], text: str, clauses: list[context.Clause], index: int,
            start: int, end: int) -> str | None:
    """The mention in the figure's clause, else one it inherits from a fronted phrase or the clause before."""
    own = context.nearest(mentions, start, end, clauses[index])
    if own is not None:
        return own.value
    front = context.fronted(mentions, text)
    if front is not None and (clauses[index].inherits or front.start < clauses[0].end):
        return front.value
    if not clauses[index].inherits:
        return None
    for earlier in range(index - 1, -1, -1):
        clause = clauses[earlier]
        inside = [m for m in mentions if clause.start <= m.start < clause.end]
        if inside:
            return inside[-1].value
        if not clause.inherits:
            break
    return None


@cache
def _anaphora() -> re.Pattern[str]:
    return re.compile(alternation(lexicon().grammar["anaphoric_subjects"], boundary=False) + r"\s", re.IGNORECASE)


def _anaphoric(text: str) -> bool:
    """Whether a sentence opens on a phrase pointing back (``The project``, ``It``)."""
    return _anaphora().match(text) is not None
