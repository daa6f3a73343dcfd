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
from factcheck.extract.filters import blocked_spans, rejection
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


@dataclass
class _DocumentState:
    """What earlier sentences tell later ones: places named so far, the discourse place."""

    places: list[str]
    last_place: str | None = None


def extract(text: str, published: dt.date | None = None) -> list[ExtractedClaim]:
    """Every claim in ``text``, in document order. ``published`` anchors relative periods."""
    sentences = split_sentences(text)
    speakers = analyse_speakers(text, sentences)
    state = _DocumentState(places=[])
    claims: list[ExtractedClaim] = []
    for sentence in sentences:
        line_start = sentence.start == 0 or text[sentence.start - 1] == "\n"
        claims.extend(_sentence_claims(sentence, line_start, published, speakers, state))
    return claims


def _sentence_claims(sentence: Sentence, line_start: bool, published: dt.date | None, speakers,
                     state: _DocumentState) -> list[ExtractedClaim]:
    text = sentence.text
    places = context.find_places(text)
    org_places = context.organisation_places(text)
    out: list[ExtractedClaim] = []
    # most sentences hold no figure at all: one cheap search spares them the number grammar
    quantities = find_quantities(text) if might_hold_figure(text) else []
    if quantities:
        blocked = blocked_spans(text)
        quantities = [q for q in quantities if not rejection(text, q, blocked, line_start=line_start)]
    if not quantities:
        _remember_places(text, places, org_places, state)
        return out
    ages = [(b.start, b.end) for b in blocked if b.reason == "age"]
    clauses = context.split_clauses(text)
    periods = context.find_periods(text, ages)
    previous_measure: str | None = None
    previous: ExtractedClaim | None = None
    for q in quantities:
        claim = _claim(sentence, q, clauses, places, org_places, periods, previous_measure, published, speakers,
                       state)
        if previous is not None and _converted(text, previous, claim, sentence.start):
            # "exceeding $86m (£46m)": the figure in brackets is the same figure, converted
            claim = replace(claim, qualifier=previous.qualifier, change=previous.change, kind=previous.kind)
        previous = claim
        # a later "a fall of 20,000" refers back to the sentence's main figure, its first one
        previous_measure = previous_measure or claim.measure
        out.append(claim)
    _remember_places(text, places, org_places, state)
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
    place_value = context.resolve_generic_place(place, state.places + org_places) if place else None
    period = _scoped(periods, text, clauses, index, m_start, m_end)
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
        kind=attributes.kind(text, m_start, clause.start),
    )


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


def _remember_places(text: str, places: list[context.Mention], org_places: list[str], state: _DocumentState) -> None:
    named = [p.value for p in places if p.value in gazetteer().aliases]
    state.places.extend(gazetteer().aliases[p] for p in named)
    state.places.extend(org_places)
    if named:
        state.last_place = named[0]
    elif not _anaphoric(text):
        state.last_place = None
