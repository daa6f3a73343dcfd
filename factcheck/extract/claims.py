"""From an article's text to its claims: the extraction pipeline, pure and deterministic.

>>> [c.mention for c in extract("Police numbers fell by almost 20 per cent to 120,000 in 2017/18.")]
['almost 20 per cent', '120,000']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache
from itertools import chain

from factcheck.extract import attributes, context, holders, tables, units
from factcheck.extract.columns import ColumnUnit, column_unit, in_column
from factcheck.extract.document import document_place, names_a_team
from factcheck.extract.filters import RATE_BASE, Blocked, blocked_spans, rejection_by_context, rejection_by_spans
from factcheck.extract.lexicon import (
    alternation,
    alternation_not_after,
    change_verbs,
    first_names,
    gazetteer,
    grammar_set,
    grammar_words,
    lexicon,
    past_tense,
)
from factcheck.extract.numbers import Quantity, find_quantities, might_hold_figure
from factcheck.extract.speakers import analyse_speakers
from factcheck.extract.text import Sentence, split_sentences

EXTRACTOR_VERSION = "2"


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
    subject: str | None = None  # whose figure it is, when the sentence names a holder the measure does not


class _DocumentState:
    """What earlier sentences tell later ones: places named so far, the discourse place.

    Most sentences hold no claim, and what they name matters only to a later claim that
    points back to it ("the borough", "The project"): the sentences are read for places
    only when a claim asks for them.
    """

    def __init__(self, document_place: str | None = None, names: frozenset[str] = frozenset(), text: str = "") -> None:
        self.document_place = document_place  # the place the whole article is about, if clearly one
        self.names = names  # the capitalised words the document writes inside sentences (see holders)
        self._text = text
        self._teams: dict[str, bool] = {}  # whether the article names a team by a town, for each town asked about
        self._places: list[str] = []
        self._last_place: str | None = None
        self.last_measure: str | None = None  # the measure of the last claim of the last sentence with claims
        self.main_measure: str | None = None  # the measure of its first claim (what "of them" points back to)
        self.last_organisation: str | None = None  # the last holder of a figure that is no person ("the firm")
        self.since_organisation = _RESULTS_REACH + 1  # sentences read since that holder's
        self._previous: str | None = None  # the text of the sentence before
        # sentences not taken in yet, with their places where they were found already
        self._unread: list[tuple[str, tuple[list[context.Mention], list[str]] | None]] = []

    @property
    def text(self) -> str:
        """The whole document."""
        return self._text

    def names_a_team(self, place: str) -> bool:
        """Whether the article uses the town named ``place`` (as written) for a team ("title holders Chelsea won")."""
        canonical = gazetteer().aliases.get(place)
        if canonical is None:
            return False
        if canonical not in self._teams:
            self._teams[canonical] = names_a_team(self._text, canonical)
        return self._teams[canonical]

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
        self.last_measure = self.main_measure = None
        self._previous = text
        self._pass_organisation(text)

    def _pass_organisation(self, text: str) -> None:
        """Count a sentence read since the last organisation's figure; one that names someone else ends its reach,
        unless it is the sentence that gave the figure ("Umbro has posted a 222% rise in profit after sales of
        England kits were boosted by Euro 2004. Pre-tax profit was £15.4m")."""
        if self.since_organisation <= _RESULTS_REACH:
            ends = self.since_organisation > 0 and _names_another(text, self.last_organisation)
            self.since_organisation += _RESULTS_REACH + 1 if ends else 1

    @property
    def previous(self) -> str | None:
        """The text of the sentence before."""
        return self._previous

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
        self._pass_organisation(text)

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


@dataclass(frozen=True, slots=True)
class Extraction:
    """What the extractor finds in a document: its claims, and the place the whole article is about."""

    claims: list[ExtractedClaim]
    place: str | None


def extract(text: str, published: dt.date | None = None) -> list[ExtractedClaim]:
    """Every claim in ``text``, in document order. ``published`` anchors relative periods."""
    return analyse(text, published).claims


def analyse(text: str, published: dt.date | None = None) -> Extraction:
    """The claims of ``text`` and the place it is about (see :func:`~factcheck.extract.document.document_place`)."""
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
        return Extraction([], None)
    speakers = analyse_speakers(text, sentences)
    state = _DocumentState(document_place(text, sentences), text=text)
    state.names = holders.document_names(text, state.names_a_team)
    # "The firm had been overstating its accounts by $11bn": the firm the article introduced where it opens
    introduced = holders.introduced_organisation(text, state.names)
    if introduced and _an_organisation(introduced, speakers.people):
        state.last_organisation = introduced
        state.since_organisation = 0  # "Barclays, the UK's third-biggest bank, ... Profits for the year rose 20%"
    claims: list[ExtractedClaim] = []
    for sentence, (quantities, blocked) in zip(sentences[: last + 1], figures[: last + 1], strict=True):
        claims.extend(_sentence_claims(sentence, quantities, blocked, published, speakers, state))
    rows = tables.table_rows(text)
    if rows:
        claims = [_in_table(claim, rows, published) for claim in claims]
    return Extraction(claims, gazetteer().shown(state.document_place) if state.document_place else None)


def _in_table(claim: ExtractedClaim, rows: list[tables.TableRow], published: dt.date | None) -> ExtractedClaim:
    """A claim on a table's row takes what the table says of it: the row's label is its subject, its column its
    measure, the header's period and the header's unit and scale for a bare number."""
    row = next((r for r in rows if r.start <= claim.start < r.end), None)
    if row is None:
        return claim
    changes: dict[str, object] = {}
    if row.label:
        changes["subject"] = row.label
        if (place := gazetteer().institutions.get(row.label)) is not None:
            changes["place"] = gazetteer().shown(place)  # a row of the NFL's figures is the US's
    measure = row.column_at(claim.start) or row.measure
    if measure:
        changes["measure"] = measure
    if claim.period is None and row.period:
        start, end = context.period_dates(row.period, published)
        changes.update(period=row.period, period_start=start, period_end=end)
    if (row.unit or row.scale) and claim.unit == "count" and claim.mention.replace(",", "").isdigit() and \
            claim.value == Decimal(claim.mention.replace(",", "")):  # not scaled by the number layer already
        scale = row.scale or Decimal(1)
        changes.update(unit=row.unit or claim.unit, value=claim.value * scale,
                       low=claim.low * scale if claim.low is not None else None,
                       high=claim.high * scale if claim.high is not None else None)
    return replace(claim, **changes)


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
    return [q for q in quantities if not rejection_by_spans(q, blocked, text)], blocked


def _sentence_claims(sentence: Sentence, quantities: list[Quantity], blocked: list[Blocked], published: dt.date | None,
                     speakers, state: _DocumentState) -> list[ExtractedClaim]:
    text = sentence.text
    out: list[ExtractedClaim] = []
    if not quantities:
        state.skip(text)
        return out
    places, org_places = context.sentence_places(text)
    # a town the article names a team by ("Chelsea's manager", "against Leeds") is the team, not where figures hold
    places = [p for p in places if not state.names_a_team(p.value)]
    ages = [(b.start, b.end) for b in blocked if b.reason == "age"]
    clauses = context.split_clauses(text)
    periods = context.find_periods(text, ages)
    # "This was eight times higher": a sentence that opens on the figure before measures what it measured
    previous_measure: str | None = state.last_measure if _resuming().match(text) else None
    previous: ExtractedClaim | None = None
    # each figure with whether it is set against another ("from", "than"): its place and period are its own
    compared = [(o.start, o.end, bool(_COMPARED.search(text, max(0, o.start - 24), o.start)
                                      or _NEW_PREDICATE.search(text, max(0, o.start - 40), o.start)))
                for o in quantities]
    # a clause that stands apart ("..., while revenues added 4% to 142bn euros") has a main figure of its own
    own_main: dict[int, str | None] = {}
    main_unit: str | None = None  # the unit of the figure previous_measure is the measure of, once there is one
    groups: list[list[int]] = []  # a figure and its conversions in brackets, by their place in ``out``
    for q in quantities:
        index = context.clause_of(clauses, q.start)
        main = previous_measure if clauses[index].inherits else own_main.get(index)
        if main is not None and main_unit is not None and not _same_dimension(main_unit, q.unit):
            main = None  # "a 2.5GHz processor ...; oddly, 64GB doesn't appear": not the processor's
        item_before = previous.measure if previous is not None and _same_dimension(previous.unit, q.unit) else None
        claim = _claim(sentence, q, clauses, places, org_places, periods, main, published, speakers,
                       state, item_before, compared)
        if claim.measure and (rate := _RATE_BASE_AFTER.match(text, claim.end - sentence.start)) and \
                rate.group("noun") == claim.measure.split()[-1]:
            claim = replace(claim, measure=f"{claim.measure} {rate.group('base')}")  # "7.5 connections per 100 people"
        if _COMPARED_WITH.search(text, max(0, claim.start - sentence.start - 20), claim.start - sentence.start) and \
                _NOTHING_OF_ITS_OWN.match(text, claim.end - sentence.start) and \
                (donor := next((c for c in reversed(out) if c.unit == claim.unit and c.measure), None)):
            # "7.5 connections per 100 people, compared to 6.7 in Germany": the figure set against is of the same
            claim = replace(claim, measure=donor.measure, subject=claim.subject or donor.subject,
                            change=claim.change or donor.change)
        elif previous is not None and previous.unit == claim.unit and previous.measure and \
                _ANOTHER_PLACES.fullmatch(text, previous.end - sentence.start, claim.start - sentence.start):
            # "6.7 in Germany and 15.8 in the Netherlands": the same figure of another place
            claim = replace(claim, measure=previous.measure, change=claim.change or previous.change)
        own_main.setdefault(index, claim.measure or None)
        chained = bool(groups) and groups[-1][-1] == len(out) - 1  # the figure before is itself a conversion
        if previous is not None and _converted(text, previous, claim, sentence.start, chained):
            # "exceeding $86m (£46m)": the figure in brackets is the same figure, converted
            claim = replace(claim, qualifier=previous.qualifier, change=previous.change, kind=previous.kind,
                            measure=previous.measure or claim.measure, subject=previous.subject or claim.subject)
            if chained:
                groups[-1].append(len(out))
            else:
                groups.append([len(out) - 1, len(out)])
        if previous is not None and previous.change is not None and claim.change != previous.change and \
                claim.unit == previous.unit and claim.measure in (previous.measure, "") and \
                (claim.change is None or _FURTHER.search(text, 0, claim.start - sentence.start)) and \
                _ELLIPTICAL_CHANGE.fullmatch(text, previous.end - sentence.start, claim.start - sentence.start):
            # "Prices rose 2% in 2004 and 3% in 2005", "fell 5% in March and a further 3% in April": the second
            # figure's verb is the first's
            claim = replace(claim, change=previous.change)
        if previous is not None and previous.unit == claim.unit and previous.measure and \
                claim.measure != previous.measure and _FROM_BEFORE.search(text, 0, previous.start - sentence.start) \
                and _TO_BETWEEN.fullmatch(text, previous.end - sentence.start, claim.start - sentence.start) and \
                not text.startswith(f" {claim.measure}", q.end):  # ("expanded from 15 to 25 member states")
            # "contributions increased from £5.5bn to £8.2bn": the level reached is of what the level left was
            claim = replace(claim, measure=previous.measure, subject=previous.subject or claim.subject)
        if claim.subject is None and previous is not None and previous.subject and previous.unit == claim.unit and \
                claim.kind == previous.kind and \
                _LISTED_OBJECT.fullmatch(text, previous.end - sentence.start, claim.start - sentence.start):
            # "FBI agents downloaded 84 movies, 40 software programs and 178 sound recordings": the objects of one
            # verb, listed, are its subject's
            claim = replace(claim, subject=previous.subject)
        if previous is not None and previous.qualifier in _BOUNDS and claim.qualifier == "exact" and \
                previous.unit == claim.unit and \
                (_JOINED if previous.mention.lower().startswith("up to") else _SLASHED).fullmatch(
                    text, previous.end - sentence.start, claim.start - sentence.start):
            # "up to 150Mbps down/50Mbps up", "up to 150Mbps down and 50Mbps up": figures a slash joins share their
            # bound, and those "and" joins share an "up to" (not "almost 5,000 laptops and 5,800 PDAs")
            claim = replace(claim, qualifier=previous.qualifier)
        if previous is not None and claim.change is not None and \
                (attributes.names_no_measure(claim.measure) or claim.measure == previous.measure) and \
                _APPOSED_CHANGE.fullmatch(text, previous.end - sentence.start, claim.start - sentence.start):
            # "boosting the deal to a record £3bn over three years, a 71% increase": the change of that figure
            dated = previous if previous.period is not None else claim  # "£5m, up 3% on last year": its own base
            claim = replace(claim, measure=previous.measure or claim.measure, subject=previous.subject or claim.subject,
                            place=previous.place, period=dated.period, period_start=dated.period_start,
                            period_end=dated.period_end)
        if claim.change is not None and claim.subject and attributes.names_no_measure(claim.measure) and \
                (donor := next((c for c in reversed(out) if c.unit == claim.unit and c.change == claim.change
                                and not attributes.names_no_measure(c.measure)), None)):
            # "the 54% rise in its domestic contract is bettered only by the Premier League's 63% jump": the
            # same change of another holder's (same unit, same direction), its measure left unsaid
            claim = replace(claim, measure=donor.measure)
        if claim.subject is None and previous is not None and previous.subject and previous.change is not None \
                and claim.measure == previous.subject and claim.unit != previous.unit and \
                index == context.clause_of(clauses, previous.start - sentence.start):
            # "with ThyssenKrupp dropping 1.7% to 16.87 euros": the level the holder's change reached, not a
            # measure named after it
            claim = replace(claim, measure=previous.measure)
        if claim.subject is None and previous is not None and previous.subject and \
                (claim.measure or previous.change is not None) and \
                claim.measure == previous.measure and not _OF_THEM.match(text, q.end) and \
                index == context.clause_of(clauses, previous.start - sentence.start):
            # "Profits at Barclaycard rose 5% to £801m": the level a change reached is the same holder's
            claim = replace(claim, subject=previous.subject)
        if claim.subject is None and previous is not None and previous.subject and \
                _ACROSS_A_PARTICIPLE.fullmatch(text, previous.end - sentence.start, claim.start - sentence.start):
            # "It employs 77,000 people, running operations in over 30 countries": a participle clause has the
            # subject of the clause it hangs on
            claim = replace(claim, subject=previous.subject)
        if previous is not None and claim.period is not None and _THE_SAME_TIME.search(claim.period) and \
                previous.period is not None and not _THE_SAME_TIME.search(previous.period) and \
                not _ANOTHER_YEAR.search(claim.period) and \
                not _ANOTHER_YEAR.match(text, max(0, text.find(claim.period, q.end)) + len(claim.period)):
            # "12 million in the first quarter, ... 16 million during the same period": the time named before
            claim = replace(claim, period=previous.period, period_start=previous.period_start,
                            period_end=previous.period_end)
        if previous is not None and claim.period is None and previous.period is not None and \
                _PART_OF_THE_BEFORE.match(text, q.end):
            # "71 million over the final three months, 56 million of which ...": the part has the whole's time
            claim = replace(claim, period=previous.period, period_start=previous.period_start,
                            period_end=previous.period_end)
        previous = claim
        # a later "a fall of 20,000" refers back to the sentence's main figure, its first one
        if not previous_measure and claim.measure:
            previous_measure, main_unit = claim.measure, claim.unit
        out.append(claim)
    for group in groups:
        _share_time_and_place(out, group, text, sentence.start)
    state.remember(text, places, org_places)
    state.last_measure = next((c.measure for c in reversed(out) if c.measure), None)
    state.main_measure = next((c.measure for c in out if c.measure), None)
    return out


def _claim(sentence: Sentence, q: Quantity, clauses, places, org_places, periods, previous_measure, published,
           speakers, state: _DocumentState, item_before: str | None = None,
           figures: list[tuple[int, int, bool]] = ()) -> ExtractedClaim:
    text = sentence.text
    qual, m_start, m_end = attributes.qualifier(text, q)
    index = context.clause_of(clauses, q.start)
    clause = clauses[index]
    others = [figure for figure in figures if figure[0] != q.start]
    # a clause that goes on after an aside between dashes is read without the aside, from where it opened
    opens, read = _after_an_aside(text, clauses, index)
    if read is not text:
        places = [p for p in places if read[p.start] != " "]  # (not "Centrica - in which Qatar holds 10% - made")
        periods = [p for p in periods if read[p.start] != " "]
    place = _scoped(places, text, clauses, index, m_start, m_end, others)
    front = context.fronted(places, text)
    if place is not None and front is not None and place != front.value and \
            _within(front.value, place):
        place = front.value  # "In China, one of the biggest markets worldwide, sales fell": China
    if place is None and _anaphoric(text) and index == 0:
        place = state.last_place
    place_value = None
    placed = True  # whether the sentence says where the figure holds
    if place:
        earlier = state.places + org_places if context.reads_earlier_places(place) else []
        place_value = context.resolve_generic_place(place, earlier, state.document_place,
                                                    [p.value for p in places if p.value != place] + org_places +
                                                    (context.peoples_places(text) if place == "the country" else []))
    elif (implied := _holder_place(text, m_start, clause.start)) is not None:
        place_value = implied  # "the Premier League's 63 percent jump": the league's country
    else:
        placed = False
    # a rate ("a year", "per month") is the period only of the figure it follows ("$150,000 a year"), and
    # only when the sentence dates the figure no other way ("40% a year until 2007": until 2007)
    if any(p.start <= m_start and m_end <= p.end for p in periods):
        # "the last 24 hours had seen", "two seasons ago": the figure is the time, not of one
        periods = [p for p in periods if not (p.start <= m_start and m_end <= p.end)]
    if ", wh" in text or " that " in text or " which " in text or " who " in text:
        periods = _outside_relatives(periods, text, m_start)
    if periods and (founded := _FOUNDED.match(text)) and founded.end() <= m_start:
        periods = [p for p in periods if not founded.start("when") <= p.start < founded.end()]
    if periods and others:
        periods = _without_bases(periods, text, m_end, others)
    if periods and (" than " in text or "compared " in text):
        # "30% more than in 2003", "profits compared with 2003": the time set against, not the figure's own
        periods = [p for p in periods if p.start < m_end or not _BASE_TIME_BEFORE.search(text, max(0, p.start - 16),
                                                                                        p.start)
                   or _SPAN_BEFORE.search(text, max(0, p.start - 24), p.start)]
    if periods and (event := _EVENT_BEFORE_OR_AFTER.search(text, m_end)) and \
            (past_tense(event.group("verb")) or event.group("verb") in _pasts_like_presents()):
        # "won 84 caps before he quit Test rugby at the start of 2004": when that other event happened
        periods = [p for p in periods if p.start < event.start()]
    if periods and " when " in text:
        # "was underlined two days ago when BT said it is paying £900m": when it was said, not the sum's time
        periods = [p for p in periods if not (p.end <= m_start and (said := _WHEN_SAID.match(text, p.end))
                                              and said.end() <= m_start)]
    dated = [p for p in periods if not _RATE.match(p.text)]
    period = _scoped(dated, text, clauses, index, m_start, m_end, others, times=True) \
        if len(dated) < len(periods) else None
    if period is None:
        rates = [p for p in periods if not _RATE.match(p.text) or 0 <= p.start - m_end <= 30]
        period = _scoped(rates, text, clauses, index, m_start, m_end, others, times=True)
    if period is not None and _THE_TIME.match(period) and (named := _named_time(periods, period)):
        period = named  # "sales during December pushed spending for the month to $349bn": December
    if period is None and (flank := _FLANKED_BEFORE.search(text, max(0, m_start - 20), m_start)) and \
            (noun := _FLANKED_AFTER.match(text, m_end)):
        period = f"{flank.group(1)} {noun.group(1)}"  # "Sky and BT's current £3bn deal": the current deal
    kind = attributes.kind(text, m_start, clause.start)
    if period is None and kind == "forecast":
        period = state.previous_period  # "... to continue into 2005. Sales are predicted to grow by 11%"
    start_date, end_date = context.period_dates(period, published) if period else (None, None)
    offset = sentence.start + m_start
    # "The owners - two from Taiwan": a figure opening an aside after a dash measures what the aside is about
    measure_from = clauses[index - 1].start if index and text[clause.start : m_start].strip() in "-–—" else opens
    measure = attributes.measure(read, q, m_start, measure_from, previous_measure)
    held = holders.holder(read, m_start, opens, measure, item_before, state.names, m_end)
    if held.subject is None and _HIS_OR_HER.search(text, max(0, m_start - 8), m_start):
        # "he publicly withdrew his £70m offer": the person the sentence is about
        held = replace(held, subject=speakers.people.salient(sentence.start + m_start))
    elif held.subject is None and (pronoun := _done_by_the_person_before(text, clause.start, m_start)) is not None:
        # "He has scored 12 goals": the person named before the clause (not one the clause names after "he"); "...
        # as he set a best of 16.76m": the person the sentence names before "he"
        held = replace(held, subject=speakers.people.salient(sentence.start + clause.start) if pronoun == clause.start
                       else speakers.people.named_last(text, pronoun))
    elif held.subject is None and (named := _named_before(
            state.text, sentence.start, text, clause.start, m_start, state.last_organisation,
            lambda end: holders.named_before(text, end, state.names,
                                             lambda name: _an_organisation(name, speakers.people)))):
        # "The duchy last year generated almost £12m": the Duchy of Cornwall; "The firm employs 3,000 people": the
        # firm whose figures the article gave last, or, before any, the one the sentence named before the clause
        held = replace(held, subject=named)
    elif held.subject is None and state.last_organisation and (q.unit in _OWN_FIGURES or units.is_money(q.unit)) \
            and (_done_by_it(text, clause.start, m_start) or _said_of_itself(text, clause.start, m_start)):
        held = replace(held, subject=state.last_organisation)  # "It employs 77,000 people": the firm named before
    elif held.subject is None and state.last_organisation and (owned := _THE_FIRMS.match(held.measure)) and \
            owned.group("noun").lower() in grammar_words("organisation_descriptors") and \
            owned.group("noun").lower() not in _NOT_A_FIRM:
        # "the firm's operating margins were 14.1%": the organisation whose figure the article gave last
        held = replace(held, subject=state.last_organisation, measure=held.measure[owned.end() :])
    elif held.subject is None and state.last_organisation and state.since_organisation <= _RESULTS_REACH and \
            (q.unit in _OWN_FIGURES or units.is_money(q.unit)) and \
            _reports_of_the_firm(text, held.measure, state.last_organisation):
        held = replace(held, subject=state.last_organisation)  # "... Yangtze Power said. Sales surged to 6.2bn yuan"
    elif held.subject is None and state.previous is not None and _done_by_it(text, clause.start, m_start) and \
            (named := holders.opening_subject(state.previous, state.names)) and \
            _an_organisation(named, speakers.people):
        # "The Sundance Film Festival opened on Thursday. It will screen 120 films": what the sentence before
        # opened on, when no organisation's figures came before (no person: "it" is none)
        held = replace(held, subject=named)
    # (not an item of a list, nor what a sum was paid for: "bought Australian firm BRL Hardy for $1bn. Since then,
    # it has paid ..." is the buyer)
    if held.subject and held.rule != "list_item" and not (held.rule == "for" and units.is_money(q.unit)) and \
            _an_organisation(held.subject, speakers.people):
        state.last_organisation = held.subject
        state.since_organisation = 0
    if held.subject and held.measure.lower() == held.subject.lower():
        held = replace(held, measure="")  # "Corus fell 2.2%": whose, but not what of theirs
    if not held.measure and state.main_measure and _OF_THEM.match(text, m_end):
        # "The study covered 6,000 people in six countries. A third of them ...": of the sentence's main figure
        held = replace(held, measure=state.main_measure)
    if not held.measure:
        # "second only to the Conservatives' £3.13m": a figure that is only someone's measures what the one before
        held = replace(held, measure=attributes.unit_measure(q.unit) or item_before or "")
    elif item_before and (event := attributes.event_after(held.measure, item_before)):
        held = replace(held, measure=event)  # "52 people were killed and 700 injured": people injured
    elif q.unit == "count" and held.measure.lower() in attributes.event_words():
        held = replace(held, measure=f"people {held.measure}")  # "the disaster in which 96 died": people died
    if held.measure and (verb := attributes.event_verb_before(text, m_start)) and \
            (words := held.measure.split())[-1].lower() in attributes.event_words() and words[-1].lower() != verb:
        held = replace(held, measure=" ".join([*words[:-1], verb]))  # "killed 250 people and wounded 1,000"
    if not placed:
        # "5.2 million Germans were out of work": a count of a place's people is that place's; a sentence naming
        # no place otherwise speaks of the article's
        people = attributes.people_of(held.measure)
        if people is not None:
            place_value = gazetteer().shown(people)
        elif state.document_place is not None and state.document_place not in context.places_left_out(text):
            place_value = gazetteer().shown(state.document_place)  # (not "sales outside the US" in a US article)
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
        change=attributes.change(text, m_start, m_end, clause.start, q.unit),
        measure=held.measure,
        place=place_value,
        period=period,
        period_start=start_date,
        period_end=end_date,
        speaker=_the_firm_named(speakers.at(sentence, offset), state.last_organisation)
        or _it_says(text, m_start, state.last_organisation),
        rule=q.rule,
        kind=kind,
        subject=held.subject,
    )


# words that open a figure set against another: its place and period are its own
_COMPARED = re.compile(r"(?:\bfrom|\bthan|\bversus|\bvs\.?|\bagainst|\bcompared\s(?:with|to)|\bwhile|\bwhereas|"
                       r"\bbut|;)\s*(?:the\s|a\s|an\s|its\s|their\s|his\s|her\s)?(?:current\s|previous\s|earlier\s|"
                       r"original\s|old\s)?(?:about\s|around\s|some\s|just\s|only\s)?[£$€¥]?$")
_HIS_OR_HER = re.compile(r"\b(?:his|her)\s$")
# a clause whose subject is a person named before: "He has scored 12 goals", "but she earned £1.2m", "The
# 24-year-old delivered a personal best of 6.50m"
_PERSON_BEFORE = re.compile(r"\W*(?:(?:and|but|so|yet|however|now|then|while|as|because|although|though|after|when|"
                            r"where|And|But|So|Yet|However|Now|Then|While|As|Because|Although|Though|After|When)"
                            r"\W+)*(?:[Hh]e|[Ss]he|[Tt]he\s\d{1,3}-year-old)\s+(?:(?:[a-z]+ly|has|have|had|was|is|"
                            r"will|would|could|also|been|then|still|now|only|just|not)\s+)*(?P<verb>[a-z][a-z'’-]+)\b")
# the same after a conjunction inside the clause: "Douglas continued his progress as he set a best of 16.76m"
_PERSON_INSIDE = re.compile(r"\b(?:as|when|after|while|before|because|since|until|once|and|but)\s+(?:he|she)\s+"
                            r"(?:(?:[a-z]+ly|has|had|was|is|will|would|could|also|then|still|now|only|just)\s+)*"
                            r"(?P<verb>[a-z][a-z'’-]+)\b")
_THAT_BETWEEN = re.compile(r"\b(?:that|who|which|whose|if|whether)\b")


def _done_by_the_person_before(text: str, clause_start: int, mention_start: int) -> int | None:
    """Where the subject of the clause of the figure at ``mention_start`` stands, when it is a person named
    before ("he", "she", "the 24-year-old") whose verb the figure follows: not a verb of saying ("she said 5,000
    jobs would go") nor a clause of another subject inside it ("he warned that ...")."""
    if _in_a_quote(text, clause_start):
        return None  # "“He had lost three times to Roddick,” said the captain": a quote's "he" is not the article's
    m = _PERSON_BEFORE.match(text, clause_start)
    if m is None and (" he " in text[clause_start:mention_start] or " she " in text[clause_start:mention_start]):
        m = next(reversed(list(_PERSON_INSIDE.finditer(text, clause_start, mention_start))), None)
    if m is not None and _takes_the_figure(text, m, mention_start) and m.group("verb") not in _WISHING:
        return m.start() if m.re is _PERSON_INSIDE else clause_start
    return None


def _in_a_quote(text: str, at: int) -> bool:
    """Whether ``at`` of a sentence lies inside a quote (the sentence opens on one, or one is open there)."""
    return text[:1] in _QUOTES or sum(text.count(mark, 0, at) for mark in _QUOTES) % 2 == 1


def _takes_the_figure(text: str, subject: re.Match[str], mention_start: int) -> bool:
    """Whether the verb ``subject`` ends on takes the figure at ``mention_start`` as its object: the figure comes
    after it, at most :data:`_VERB_TO_OBJECT` words on, and the verb is no verb of saying nor opens a clause of
    another subject ("he warned that ...")."""
    return subject.end() <= mention_start and \
        len(text[subject.end() : mention_start].split()) <= _VERB_TO_OBJECT and \
        subject.group("verb") not in grammar_words("speech_verbs") and \
        not _THAT_BETWEEN.search(text, subject.end(), mention_start)


# words at most between the person's verb and the figure: its object ("went on to produce 11 books", "plans to
# axe 104,000 jobs"), not a figure further on ("dismissed claims government plans to get 50% of ...")
_VERB_TO_OBJECT = 4


# a verb of saying that may open the part of a clause after it: "a banker said the club needs"
_SAYING = r"(?:said|says|added|warned)"
_SAID = re.compile(rf"(?<=\s){_SAYING}\s")
_COMMA = re.compile(r",")
# a time a clause may open on before its subject: "Now the firm employs 7,600 workers"
_TIME_OPENER = r"(?:Now|Today|Currently|Since\sthen),?"
# a clause whose subject is a thing the article has named in full before: "The duchy last year generated £12m"
# (an aside on what it is may stand after the noun: "The firm, a market leader in high-speed internet, had")
_DEFINITE_BEFORE = re.compile(rf"\W*(?:(?:and|but|so|yet|while|And|But|So|Yet|However,|Meanwhile,|{_TIME_OPENER}|"
                              rf"{_SAYING}(?:\sthat)?)\s+)*"
                              r"[Tt]he\s+"
                              r"(?P<noun>[a-z][a-z-]{2,})(?:,\s(?:a|an|the)\s[^,;()\"“”]{3,80}?,)?\s+"
                              r"(?:(?:[a-z]+ly|has|have|had|was|is|will|would|could|also|"
                              r"been|then|still|now|only|just|(?:last|this|next)\s(?:year|month|week|season))\s+)*"
                              r"(?P<verb>(?!(?:the|a|an|one)\b)[a-z][a-z'’-]+)\b")


def _named_before(document: str, sentence_start: int, text: str, clause_start: int, mention_start: int,
                  organisation: str | None = None,
                  named_in_sentence: Callable[[int], str | None] | None = None) -> str | None:
    """The name an article gave before to what the clause of the figure calls "the duchy", "the society", when
    the figure is the object of its verb: the last name before the sentence of two words or more with that word
    in it, written with a capital ("the Duchy of Cornwall", "Nationwide Building Society"). "The firm" is
    ``organisation``, or else what ``named_in_sentence`` finds before it in the sentence."""
    # the clause, or its part after a comma or before a verb of saying ("In the opening days of the campaign, the
    # organisation filed", "a banker said the club needs")
    # (read in that order, each only when the one before does not open on "the ...")
    starts = chain((clause_start,), (comma.end() for comma in _COMMA.finditer(text, clause_start, mention_start)),
                   (said.start() for said in _SAID.finditer(text, clause_start, mention_start)))
    m = next((found for at in starts if (found := _DEFINITE_BEFORE.match(text, at))), None)
    if m is None or not _takes_the_figure(text, m, mention_start):
        return None
    verb = m.group("verb")
    if verb in _COPULAS and _WHAT_IT_IS.match(text, m.end()):
        return None  # "The group is the first of Britain's five big banks": what it is, not what it has
    if not (verb.endswith(("ed", "es")) or verb in holders.holder_verbs() or _AUXILIARY.search(m.group(0))):
        return None  # "The budget deficit hit": "deficit" is no verb, and "budget" is no thing named before
    if _PASSIVE.search(m.group(0)) or (_BY.search(text, m.end(), mention_start)
                                       and not text[:mention_start].rstrip().endswith(" by")):
        return None  # "The awards are voted for by the 9,000 members": the figure is not the awards'
    word = m.group("noun").capitalize()
    if word.lower() in _NOT_NAMED:
        return None
    if word in document[:sentence_start]:
        # the word is the name's head: its last capitalised word, or the one before "of" ("the Duchy of Cornwall",
        # "Nationwide Building Society"; not "the Film Council" for "the film")
        name = re.compile(rf"(?<![\w'’-])(?:[A-Z][\w&'’-]*\s+)*{word}(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w&'’-]*"
                          rf"(?:\s+(?:and\s+|&\s+)?[A-Z][\w&'’-]*)*)?(?![\w'’-]|\s+[A-Z])")
        found = [n.group(0) for n in name.finditer(document, 0, sentence_start) if " " in n.group(0)]
        if found:
            return _name_of(found[-1], word)
    # "the firm", "the company": the organisation whose figure the article gave last, or the one the sentence named
    # before it
    if word.lower() not in grammar_words("organisation_descriptors"):
        return None
    return organisation or (named_in_sentence(m.start("noun")) if named_in_sentence else None)


def _name_of(found: str, word: str) -> str:
    """A name as found, less the capitalised word a sentence may open on before it ("The Duchy of Cornwall")."""
    words = found.split()
    while len(words) > 2 and words[0] != word and words[0] in ("The", "A", "An", "But", "And", "In", "At", "For"):
        words = words[1:]
    return " ".join(words)


_AUXILIARY = re.compile(r"\s(?:has|have|had|was|is|will|would|could)\s")
_PASSIVE = re.compile(r"\s(?:is|are|was|were|been|be)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en)\b")
_BY = re.compile(r"\bby\b")
# "the figure", "the total": words of what is counted, which no name before stands for
_NOT_NAMED = frozenset({"figure", "figures", "total", "number", "amount", "sum", "rate", "price", "cost", "share",
                        "shares", "value", "level", "average", "rise", "fall", "increase", "report", "study",
                        "survey", "data", "research", "government", "public", "country", "city", "town", "area",
                        "region", "world", "economy", "market", "industry", "sector"})


def _an_organisation(name: str, people) -> bool:
    """Whether a holder may be what "it" or "the firm" stands for: no person (by the article's people or a given
    name), and a name throughout ("Advisors Goldman Sachs" is a role and a name)."""
    words = name.split()
    return people.resolve(name) is None and words[0] not in first_names() and \
        all(word[:1].isupper() or word in ("of", "and", "&", "de", "du") for word in words) and \
        not any(words[0].lower() in words_of for words_of in (grammar_words("staff_nouns"),
                                                              grammar_words("speaker_groups"), _ADVISERS))


_ADVISERS = frozenset({"advisers", "advisors", "adviser", "advisor", "analysts", "brokers", "lawyers"})
# what may open a clause before "It", "Its" or "The firm" that stands for an organisation named before
_ORGANISATION_CLAUSE_OPENER = rf"\W*(?:(?:and|but|And|But|However,|Meanwhile,|{_TIME_OPENER})\s+)?"
_IT_BEFORE = re.compile(_ORGANISATION_CLAUSE_OPENER + r"(?:It|(?<=,\s)it)\s+"
                        r"(?P<aux>(?:(?:[a-z]+ly|has|have|had|will|would|could|also|now|still|then|already)\s+)*)"
                        r"(?P<verb>[a-z][a-z'’-]+)\b")


def _done_by_it(text: str, clause_start: int, mention_start: int) -> bool:
    """Whether the clause of the figure opens on "It" and a verb a holder does, whose object the figure is ("It
    employs 77,000 people", "It has sold 2 million units"; not "It is expected that ..." nor "It said 5,000")."""
    if _in_a_quote(text, clause_start):
        return False
    m = _IT_BEFORE.match(text, clause_start)
    return m is not None and m.group("verb") in holders.holder_verbs() and m.group("verb") not in _COPULAS and \
        _takes_the_figure(text, m, mention_start)


@cache
def _says_of_itself() -> re.Pattern[str]:
    """A clause whose subject stands for an organisation named before and says something of itself: "It said it
    would cut 500 jobs", "The US company also said its sales rose 5%", "Its shares fell 3%"."""
    g = lexicon().grammar
    descriptors = alternation(grammar_words("organisation_descriptors"), boundary=False)
    speech = alternation(g["speech_verbs"], boundary=False)
    return re.compile(rf"{_ORGANISATION_CLAUSE_OPENER}"
                      rf"(?:(?:It|[Tt]he\s(?:[\w'’-]+\s){{0,3}}?(?:{descriptors}))\s+(?:(?:[a-z]+ly|has|had|also|now|"
                      rf"then|later|again)\s+)*(?:{speech})(?:\s(?:on|last|this|earlier)\s[A-Za-z]+)?\s(?:that\s)?"
                      rf"(?:it|its)|[Ii]ts)\s")


def _said_of_itself(text: str, clause_start: int, mention_start: int) -> bool:
    """Whether the clause of the figure opens on :func:`_says_of_itself` with the figure after it in the same run of
    words: no other clause, name or figure between."""
    if _in_a_quote(text, clause_start):
        return False
    m = _says_of_itself().match(text, clause_start)
    if m is None or m.end() > mention_start:
        return False
    between = text[m.end() : mention_start]
    return len(between.split()) <= _SAID_TO_FIGURE and _PLAIN_RUN.fullmatch(between) is not None


_SAID_TO_FIGURE = 10
_PLAIN_RUN = re.compile(r"[^,;:()\"“”A-Z\d]*")


_WHAT_IT_IS = re.compile(r"\s+(?:the|a|an|one)\b")
# "It said ...", "..., it added.": the organisation the article speaks of says so
_IT_SAYS_BEFORE = re.compile(r"\W*(?:(?:And|But|However,|Meanwhile,)\s+)?It\s+(?:(?:also|has|had|later|then|now)\s+)*"
                             r"(?:said|says|added|adds|reported|reports|announced|warned|told|predicted|forecast|"
                             r"estimated|expects|expected)\b")
_IT_SAYS_AFTER = re.compile(r",\s+it\s+(?:said|says|added|adds|reported|announced|warned)\b[^,;\"“”]{0,40}[.\"”]*\s*$")


def _the_firm_named(speaker: str | None, organisation: str | None) -> str | None:
    """A speaker the article calls by what it is ("the company said", "the airline said"), by the name of the
    organisation whose figures it gave last; not another's ("the regulator", "the club", "a rival")."""
    if not speaker or organisation is None or not speaker[:1].islower():
        return speaker
    head = speaker.split()[-1]
    if head in grammar_words("organisation_descriptors") and head not in holders.OTHER_ORGANISATIONS and \
            head not in _NOT_A_FIRM:
        return organisation
    return speaker


def _it_says(text: str, mention_start: int, organisation: str | None) -> str | None:
    """The organisation whose figures an article gave last, when "it" reports the figure ("It said it would cut 500
    jobs", "40 million people will see it, it added"), outside a quote."""
    if organisation is None or _in_a_quote(text, mention_start):
        return None
    m = _IT_SAYS_BEFORE.match(text)
    if m is not None and m.end() <= mention_start:
        return organisation
    m = _IT_SAYS_AFTER.search(text)
    return organisation if m is not None and m.start() >= mention_start else None


_RESULTS_REACH = 2  # sentences after the one that gave an organisation's figure
# what a sports or political article calls a team or a party, which the last firm with a figure may not be
_NOT_A_FIRM = frozenset({"club", "side", "team", "outfit", "party", "union", "association", "band", "body"})
_THE_FIRMS = re.compile(r"(?:the\s)?(?P<noun>[a-z]+)['’]s\s+(?=\w)")


_INNER_NAME = re.compile(r"(?<=[\w,;:)\"”’'])\s+(?P<name>[A-Z][\w&'’.-]*)")


def _reports_of_the_firm(text: str, measure: str, organisation: str | None = None) -> bool:
    """Whether a figure that names no holder is what a company reports of itself ("Sales surged to 6.2bn yuan",
    "Pre-tax profits rose 5%"), in a sentence that names no one but ``organisation`` (a place, a month or a day
    aside): "total sales increased 4%, thanks to strong sales of Carlsberg lager"."""
    if not measure or holders.organisation_measure().fullmatch(measure) is None or _in_a_quote(text, 0):
        return False
    first = text.split(None, 1)[0].strip("\"“'")
    words = lexicon().grammar["organisation_measures"]
    if first[:1].isupper() and first not in grammar_set("sentence_openers") and \
            first.lower() not in words["nouns"] and first.lower() not in words["modifiers"]:
        return False  # "Sainsbury's said sales rose 3%": another name opens the sentence
    return not _SHARES_IN_A_NAME.search(text) and not _names_another(text, organisation)


_SHARES_IN_A_NAME = re.compile(r"\b(?:[Ss]hares|[Ss]take)\s+(?:in|of)\s+(?:the\s+)?[A-Z]")  # "Shares in Wembley"


def _names_another(text: str, organisation: str | None = None) -> bool:
    """Whether a sentence names someone inside it (not where it opens, and not a place, month or day) other than
    ``organisation``: "the overall impact on Japan's Nikkei" moves the article on from the firm before."""
    g = lexicon().grammar
    own = set(organisation.split()) if organisation else set()
    for m in _INNER_NAME.finditer(text):
        word = re.sub(r"['’]s?$", "", m.group("name").rstrip(".,"))
        if word not in own and word not in gazetteer().aliases and word not in gazetteer().adjectives and \
                word not in g["months"] and word not in g["weekdays"]:
            return True
    return False


# what an organisation has of its own (staff, customers, sums, stakes), as against what a thing measures ("It
# weighs 145 g"), which articles compare across units whoever they say it is of
_OWN_FIGURES = frozenset({"count", "percent"})
_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "being", "seems", "appears", "remains", "became",
                      "becomes"})
_QUOTES = ('"', "“", "”")
_WISHING = frozenset({"thinks", "think", "thought", "hopes", "hoped", "wants", "wanted", "wishes", "wished"})
_BOUNDS = frozenset({"upper_bound", "lower_bound"})
# a rate's base after what a figure counts: "7.5 connections per 100 people"
_RATE_BASE_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,3}}?(?P<noun>[\w-]+)\s+(?P<base>(?:per|for\severy)\s{RATE_BASE}"
                              r"\s[a-z]+)")
# between a place's figure and another's: "6.7 in Germany and 15.8"
_ANOTHER_PLACES = re.compile(r"\s(?:in|for)\s(?:the\s)?[A-Z][\w'’.-]*(?:\s[A-Z][\w'’.-]*){0,2},?\s(?:and|while|with)\s")
# after a figure set against another, nothing it counts of its own: "compared to 6.7 in Germany", "with £4m a year
# earlier" (not "compared with 30% of men", "with 282,000 physical singles")
_NOTHING_OF_ITS_OWN = re.compile(r"\s*(?:[,.;:)]|$|\s(?:in|for|a|an|at|on|the|last|this|during|over|by|among|earlier|"
                                 r"before|ago|previously|higher|lower|more|less|up|down)\b)")
# a figure set against the one before: "compared to 6.7", "against 4.1% a year earlier"
_COMPARED_WITH = re.compile(r"\b(?:compared\s(?:to|with)|as\sagainst|versus|against)\s(?:an?\s|the\s)?$")
# between two objects of one verb: what the first counts, and a comma or "and" ("movies, 40", "games and 178")
_LISTED_OBJECT = re.compile(r"(?:\s[a-z][\w'’\"“”-]*){1,4}(?:,|,?\s(?:and|or))\s[\"“]?")
_FURTHER = re.compile(r"\b(?:a\sfurther|another)\s+$")
# between a change and the next figure when that figure is the same change again: a time at most, and "and"
_ELLIPTICAL_CHANGE = re.compile(r"(?:\s+(?:in|on|during|over|for|last|this)\s[\w'’-]+(?:\s[\w'’-]+){0,2})?"
                                r"(?:,\s*|\s+)(?:and|but|while|whereas)\s+"
                                r"(?:(?:about|around|nearly|almost|some|just|only|another|a\sfurther)\s+)?")
# from one figure to the next across a participle clause: "..., running operations in over "
_ACROSS_A_PARTICIPLE = re.compile(r"[^,;:()\"“”]*,\s+(?:[a-z]+ly\s+)?(?!(?:according|following|regarding|concerning|"
                                  r"during|pending|notwithstanding|excluding)\b)[a-z]{3,}ing\s+(?:[a-z]+\s+){0,5}?"
                                  r"(?:(?:about|around|nearly|almost|some|over|more\sthan|up\sto)\s+)?[£$€¥]?")
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:(?:about|around|nearly|almost|some|just|only|over|under)\s+)?$")
_TO_BETWEEN = re.compile(r"\s+to\s+(?:(?:about|around|nearly|almost|some|just|only|over|under|more\s+than|"
                         r"less\s+than|a\s+record|an?\s+estimated)\s+)?")
_SLASHED = re.compile(r"(?:\s?[a-z]{2,8})?\s?/\s?")
_JOINED = re.compile(rf"{_SLASHED.pattern}|(?:\s[a-z]{{2,8}})?\s(?:and|or)\s")
# "cost $50m to make and earned $13m over three days": a figure another verb brings has its own place and period
_NEW_PREDICATE = re.compile(r"(?:\band|,)\s+(?:then\s|also\s|later\s)?[a-z]{3,}ed\s+(?:just\s|only\s|about\s|"
                            r"around\s|some\s|nearly\s|almost\s|more\sthan\s|over\s|another\s|a\sfurther\s)?"
                            r"[£$€¥]?$")
_FLANKED_BEFORE = re.compile(r"\b(current|previous|existing|present|old|latest|new|next|last)\s+$", re.IGNORECASE)
_FLANKED_AFTER = re.compile(r"(?:\s+[a-z]+(?:-[a-z]+)*)?\s+(deals?|contracts?|agreements?|budgets?|terms?|cycles?)\b")
# ", a 71% increase", "..., up 5%" right after a figure and its period: that figure's change
_APPOSED_CHANGE = re.compile(r"[^,;.()]{0,40},\s+(?:an?|up|down)\s+")
# "the same period a year earlier", "... of 2003", "... last year": the same time of another year
_ANOTHER_YEAR = re.compile(r"\s+(?:(?:a|one|the)\s+year\s+(?:earlier|before|ago)|(?:of|in)\s+(?:19|20)\d\d|last\s+year|"
                           r"(?:of\s+)?the\s+(?:previous|prior)\s+year)", re.IGNORECASE)
_THE_SAME_TIME = re.compile(r"\bsame\s(?:period|time|quarter|months?|weeks?|days?|years?|season)\b",
                            re.IGNORECASE)
# "of them", "of those", "of this number": the ones the sentence before counted (not "those who voted")
_OF_THEM = re.compile(r"\s+of\s+(?:them\b|(?:those|these)\b(?!\s+(?:who|which|that|whom|[a-z]+ed)\b)"
                      r"|(?:this|that|the)\s+(?:number|figure|total)\b)")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_TARGET = re.compile(r"(?:by|into|for|until|throughout)\s", re.IGNORECASE)


@cache
def _resuming() -> re.Pattern[str]:
    """A sentence that opens on the figure before ("This was eight times higher", "It later strengthened to
    104.55"): what it measures is what that figure measured."""
    return re.compile(r"(?:This|That|It)\s(?:was|is|figure|amount|sum|total)\b|(?:That|It)['’]s\s"
                      # "This equates to £14m a club", "It will be over £800m"
                      r"|(?:This|That|It)\s(?:equates|equated|amounts|amounted|translates|translated|works\sout|"
                      r"worked\sout|comes|came|adds\sup|added\sup)\s(?:to|at|into)\b"
                      r"|(?:This|That|It)\s(?:will|would|could|should|may|might)\s(?:now\s|still\s)?be\b"
                      r"|It\s(?:(?:later|then|also|subsequently|eventually|briefly|has|had)\s)?"
                      + alternation(change_verbs(), boundary=False)
                      + r"\s+(?:back\s+)?(?:by\s+|to\s+)?(?:about\s+|around\s+|almost\s+|nearly\s+)?[£$€¥]?\d")
# a rate, or a change set against the same time before ("year on year"): the period only of a figure that has no
# date of its own
_RATE = re.compile(r"(?:(?:a|per)\s(?:year|month|week)"
                   r"|(?:year|month|quarter)[-\s](?:on|over)[-\s](?:year|month|quarter))$", re.IGNORECASE)


def _same_dimension(a: str, b: str) -> bool:
    """Whether figures of units ``a`` and ``b`` may measure one thing: the same unit, two sums of money, two
    units of one dimension (``mm`` and ``in``), either a share or a multiple (of anything), or a count and a sum or
    another figure of no physical dimension."""
    if a == b or a in _ANY_DIMENSION or b in _ANY_DIMENSION:
        return True
    if units.is_money(a) and units.is_money(b):
        return True
    da, db = units.dimension(a), units.dimension(b)
    if "count" in (a, b):
        # "120,000 people ... a show over 1.5 million square feet": what is counted is no area; a bare number
        # may be a sum whose currency is left unsaid ("77m euros, up from 38m")
        other = b if a == "count" else a
        return units.is_money(other) or units.dimension(other) is None
    return da is not None and db is not None and da.name == db.name


_ANY_DIMENSION = frozenset({"percent", "percentage_point", "times"})


def _converted(text: str, previous: ExtractedClaim, claim: ExtractedClaim, offset: int, chained: bool = False) -> bool:
    """Whether ``claim`` is ``previous`` given again in brackets in another currency or unit; or, when ``previous``
    is itself such a conversion (``chained``), the next one in the same brackets ("59.2 trillion rupiah ($6.58bn;
    £3.5bn)")."""
    between = text[previous.end - offset : claim.start - offset].strip()
    return (between == "(" or (chained and between in (";", ",", ":", "/"))) and claim.unit != previous.unit and \
        claim.qualifier == "exact"


def _share_time_and_place(out: list[ExtractedClaim], group: list[int], text: str, offset: int) -> None:
    """A figure and its conversions are one figure: the time and place any of them is given are all of theirs
    ("spent 59.2 trillion rupiah ($6.58bn; £3.5bn) on fuel subsidies in 2004": each is 2004's), but for a time
    written after a later figure ("1.4bn euros (£960m; $1.85bn), a change from the loss of 364m euros in 2003")."""
    members = [out[i] for i in group]
    last = group[-1]
    reach = out[last + 1].start - offset if last + 1 < len(out) else len(text)
    dated = next((c for c in members if c.period is not None
                  and (c is members[0] or c.period in text[members[0].start - offset : reach])), None)
    placed = next((c.place for c in members if c.place is not None), None)
    for i in group:
        claim = out[i]
        if claim.period is None and dated is not None:
            claim = replace(claim, period=dated.period, period_start=dated.period_start, period_end=dated.period_end)
        if placed is not None and claim.place != placed:
            claim = replace(claim, place=placed)  # (one place for all: the first one given, the figure's own)
        out[i] = claim


def _within(inner: str, outer: str) -> bool:
    """Whether place ``inner`` lies within place ``outer`` (both as written)."""
    gaz = gazetteer()
    a, b = gaz.aliases.get(inner), gaz.aliases.get(outer)
    return a is not None and b is not None and a != b and b in gaz.ancestors(a)


def _holder_place(text: str, start: int, clause_start: int) -> str | None:
    """The place an institution named in the figure's clause stands for ("the Bundesliga's rights sales of
    €541m": Germany), when the clause names one such institution and no place."""
    gaz = gazetteer()
    named = [gaz.institutions[m.group(0)] for m in _institution_pattern().finditer(text, clause_start, start)
             if not _NAME_GOES_ON.match(text, m.end())]  # "the Wall Street Journal" is a newspaper
    return gaz.shown(named[-1]) if named else None  # the nearest: "..., the Premier League's 63% jump"


_NAME_GOES_ON = re.compile(r"\s(?:Journal|Times|Post|News|Herald|Weekly|Daily|Monthly|Gazette|Review|Observer|"
                           r"Magazine|Digest|Bulletin|Chronicle|Tribune|Mail|Express|Mirror|Standard|Guardian|"
                           r"Telegraph|Independent|Record|Star|Group|Bank|Company|Corporation|Inc|Ltd|Plc|Fund|"
                           r"Foundation|Trust|Institute|Association|Club|Council|Committee)\b")


@cache
def _institution_pattern() -> re.Pattern[str]:
    return re.compile(alternation_not_after(list(gazetteer().institutions), r"[\w-]") + r"(?![\w-])")


def _scoped(mentions: list[context.Mention], text: str, clauses: list[context.Clause], index: int,
            start: int, end: int, others: list[tuple[int, int, bool]] = (), times: bool = False) -> str | None:
    """The mention in the figure's clause (see :func:`~context.nearest`), else one it inherits from a fronted
    phrase or the clause before. A time (``times``) is inherited across "while" and "whereas" too: the two
    sides of a contrast are of one time ("GM's sales sank 12.7% in February, while Ford's dropped 3%")."""
    own = context.nearest(mentions, start, end, clauses[index], others, text)
    if own is not None:
        return own.value
    contrast = not clauses[index].inherits and times and _CONTRAST.match(text, clauses[index].start) is not None
    front = context.fronted(mentions, text)
    if front is not None and (clauses[index].inherits or contrast or front.start < clauses[0].end):
        return front.value
    if not (clauses[index].inherits or contrast):
        return None
    for earlier in range(index - 1, -1, -1):
        clause = clauses[earlier]
        inside = [m for m in mentions if clause.start <= m.start < clause.end]
        if contrast:
            # the time the other side of the contrast holds for, not the one it is set against ("eased to 52.7 in
            # December from 57.6 in November"), nor one of a thing it names ("last weekend's victory")
            inside = [m for m in inside if not _SET_AGAINST.search(text, max(0, m.start - 14), m.start)
                      and not text.startswith(("'s", "’s"), m.end)][:1]
        if inside:
            return inside[-1].value
        if not clause.inherits:
            break
    return None


_CONTRAST = re.compile(r",?\s(?:while|whereas)\s")
_WHEN_SAID = re.compile(r"\s+when\s+[^,;:]{0,60}?\b(?:said|says|announced|revealed|confirmed|disclosed|reported|"
                        r"unveiled|told)\b")
_BASE_TIME_BEFORE = re.compile(r"\b(?:than|compared\s+(?:with|to))\s+$", re.IGNORECASE)
# "for more than a year": a span, no time set against
_SPAN_BEFORE = re.compile(r"\b(?:for|over|in|within|after|of|from|by)\s+(?:more|less|fewer)\s+than\s+$")
_SET_AGAINST = re.compile(r"\b(?:from|on|than|against|compared\s(?:to|with))\s+(?:\S+\s)?$", re.IGNORECASE)


# a time named only by its length, as one the sentence names elsewhere: "for the month", "in the year"
_THE_TIME = re.compile(r"(?:for|in|during|over|across)\s+the\s+(?P<unit>month|year|quarter|week|season)$",
                       re.IGNORECASE)


def _after_an_aside(text: str, clauses: list[context.Clause], index: int) -> tuple[int, str]:
    """Where the clause of a figure opens, and the sentence it is read in: when the clause goes on after an aside
    between dashes, where the clause before the aside opens, and the sentence with the aside blanked out, its
    offsets kept ("Nissan - in which Renault owns a 44% stake - contributed 1.7bn euros": Nissan's)."""
    clause = clauses[index]
    if index >= 2 and (verb := _DASH_OPENS.match(text, clause.start)) and \
            holders.opens_a_predicate(verb.group("word")) and _DASH_OPENS.match(text, clauses[index - 1].start) \
            and not _DASH_OPENS.match(text, clauses[index - 2].start):
        aside, end = clauses[index - 1].start, verb.start("word")
        return clauses[index - 2].start, text[:aside] + " " * (end - aside) + text[end:]
    return clause.start, text


_DASH_OPENS = re.compile(r"\s*[-–—]\s+(?P<word>[\w'’-]*)")


def _named_time(periods: list[context.Mention], period: str) -> str | None:
    """The one period before it in its sentence that names the time "for the month" (or year, quarter, week,
    season) stands for: a month's name for a month, a year alone for a year. One after it is another figure's
    ("climbed 8% for the year, the best since an 8.5% rise in 1999")."""
    unit = _THE_TIME.match(period).group("unit").lower()
    at = next(p.start for p in periods if p.value == period)
    named = [p.value for p in periods if p.start < at and context.names_a(unit, p.value)]
    return named[0] if len(named) == 1 else None


_PART_OF_THE_BEFORE = re.compile(r"\s+of\s+(?:which|them|those|these)\b")
# "Established in 1981, the awards ...": when the subject began, not when its figures hold
_FOUNDED = re.compile(r"(?:(?:First\s)?(?:Established|Founded|Formed|Launched|Created|Built|Born|Opened|Set\sup|"
                      r"Started|Incorporated)\s)(?P<when>[^,]{2,40}),")


# a relative clause set off by commas: "Tate & Lyle, which joined the index in 1935, runs 41 factories"
_RELATIVE_CLAUSE = re.compile(r",\s(?:which|who|whose)\s[^,;()]*,")


_RESTRICTIVE_CLAUSE = re.compile(r"\s(?:that|which|who)\s+(?P<verb>[a-z]+)\b[^,;:()\"“”]{0,80}?"
                                 r"(?P<end>\s(?:has|have|had|was|were|is|are|will)\s)")


# what a change is set against, after its figure: "up by 2,400 on the previous month", "compared with a year earlier"
_BASE = re.compile(r"\s*(?:on\s+(?:the\s+|a\s+)?(?:previous|preceding|last|same|year|month|quarter|week)|"
                   r"compared\s+(?:with|to)|against|than|versus)\s", re.IGNORECASE)


# an event of its own after the figure, set before or after its time: "before he quit", "after the firm cut prices"
_EVENT_BEFORE_OR_AFTER = re.compile(r"\b(?:before|after)\s+(?:he|she|it|they|we|I|(?:the|his|her|its|their)"
                                    r"\s+[a-z]+|[A-Z][a-z]+)\s+(?:(?:had|finally|first|then|later)\s+)*"
                                    r"(?P<verb>[a-z]+)\b")


def _without_bases(mentions: list[context.Mention], text: str, end: int, others: list[tuple[int, int, bool]]
                   ) -> list[context.Mention]:
    """``mentions`` less the times a later figure is set against ("311,000 were waiting, up by 2,400 on the previous
    month"): when the change is counted from is not when the figure before it holds."""
    def a_base(period: context.Mention, f_start: int, f_end: int) -> bool:
        between = text[f_end : period.start]
        return end <= f_start and f_end <= period.start and between.strip(" ,").count(" ") <= 3 and \
            _BASE.match(between + period.text) is not None

    return [p for p in mentions if not any(a_base(p, f_start, f_end) for f_start, f_end, _ in others)]


@cache
def _pasts_like_presents() -> frozenset[str]:
    return frozenset(lexicon().grammar["pasts_like_presents"]["words"])


def _outside_relatives(mentions: list[context.Mention], text: str, at: int) -> list[context.Mention]:
    """``mentions`` less those inside a relative clause before the figure at ``at``: when the subject did
    something else is not when the figure holds (one after it may date the figure's event: "attended the
    fair, which ran from 6 to 9 January")."""
    spans = [m.span() for m in _RELATIVE_CLAUSE.finditer(text, 0, at) if m.end() <= at]
    # one with no commas, which ends where its noun's own verb begins: "the earthquake that struck southern
    # Peru on Wednesday has risen to 510"
    spans += [(m.start(), m.start("end")) for m in _RESTRICTIVE_CLAUSE.finditer(text, 0, at)
              if m.end() <= at and past_tense(m.group("verb"))]
    return [p for p in mentions if not any(s <= p.start < e for s, e in spans)]


@cache
def _anaphora() -> re.Pattern[str]:
    return re.compile(alternation(lexicon().grammar["anaphoric_subjects"], boundary=False) + r"\s", re.IGNORECASE)


def _anaphoric(text: str) -> bool:
    """Whether a sentence opens on a phrase pointing back (``The project``, ``It``)."""
    return _anaphora().match(text) is not None
