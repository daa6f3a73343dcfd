"""Whose figure it is: the party, company, club, country, person or product that holds it.

"Labour won 412 seats, the Conservatives 166" states two statistics whose measure is the
same word; what tells them apart is the holder. A holder is a name: it is found where
English puts the owner of a quantity, each place a rule:

* ``possessive`` — "Tesco's profit rose to £2.8bn";
* ``list_item`` — an item of an elliptical list, after its separator: "..., the
  Conservatives 166", "Samsung 27%", "and BT 38" (its measure is the item before's);
* ``bracket`` — "Ford (12%) and GM (9%) lost market share";
* ``verb_subject`` — the name that is the subject of the verb the figure depends on:
  "Real earned a combined €178m", "Samsung sold 12 million phones";
* ``for`` — "a £4.2bn deal for Sky".

A place is not a holder (it is the figure's place); nor is a speaker, a month or a
common word that only opens a sentence. The measure keeps what is measured: a holder
written into it ("Tesco's profit") is taken out of it.

>>> from factcheck.extract.numbers import find_quantities
>>> text = "Labour won 412 seats, the Conservatives 166."
>>> holder(text, find_quantities(text)[1].start, 0, "Conservatives", "seats", frozenset()).subject
'Conservatives'
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache

from factcheck.extract import context
from factcheck.extract.lexicon import (
    alternation,
    change_verbs,
    first_names,
    gazetteer,
    grammar_set,
    grammar_words,
    lexicon,
    past_tense,
)
from factcheck.extract.numbers import SUM_BEFORE
from factcheck.extract.units import money

# a name: capitalised words, product numbers ("Galaxy S5", "iPhone 6") and the small words inside names
_TOKEN = r"(?:[A-Z](?:[\w&'’-]|\.(?=\w))*|[a-z]+[A-Z][\w-]*)"
_NAME = rf"{_TOKEN}(?:\s(?:(?:of|de|du|van|von|&|and)\s)?(?:{_TOKEN}|[A-Z]?\d+[A-Za-z]*))*"
_NAME_RE = re.compile(rf"(?<![\w'’])(?:[Tt]he\s)?(?P<name>{_NAME})")
_POSSESSIVE = re.compile(rf"(?<![\w'’])(?:[Tt]he\s)?(?P<name>{_NAME})(?:['’]s?|’|,\swhose)\s")
_LIST_ITEM = re.compile(rf"(?:^|,|;|\band|\bwhile|\bwhereas|\bbut|\bwith)\s+(?:the\s)?(?P<name>{_NAME})\s+"
                        rf"(?:on\s|with\s|at\s)?$")
_ITEM_ENDS = re.compile(r"\s*(?:[,.;:)]|$|\s(?:and|while|whereas|but)\b)")
_BRACKET = re.compile(rf"(?<![\w'’])(?:the\s)?(?P<name>{_NAME})\s?\(\s?$")
_FOR = re.compile(rf"(?:\s+[\w-]+){{0,3}}?\s+for\s+(?:the\s)?(?P<name>{_NAME})(?![\w'’])")
# what may stand before a holder that is the subject of its clause: nothing, a determiner, a clause opener
_SUBJECT_BEFORE = re.compile(r"(?:^|[,;:(–—]|\s-|\b(?:in|of|to|for|from|by|under|through)\s(?:which|whom)"
                             r"|\b(?:[Tt]hat|[Aa]nd|[Bb]ut|[Ww]hen|[Aa]s|[Ww]hile|[Aa]fter|[Bb]ecause|"
                             r"[Ss]ince|[Ii]f|[Aa]lthough|[Tt]hen|[Ss]o|[Tt]he|[Ww]hereas|[Yy]et|[Ww]ith)"
                             # a time a sentence opens on without a comma: "Last month Marsh agreed to pay"
                             r"|^(?:(?:Last|This|Earlier|Later)\s(?:week|month|year)|On\s[A-Z][a-z]+day|Yesterday|"
                             r"Earlier|Later))\s*$")
_SUBJECT_REACH = 30  # characters: the longest opener and the spaces after it
_OWNER = re.compile(rf"(?:[Tt]he\s)?(?P<name>{_NAME})['’]s?(?:\s|$)")
# words between a subject's verb and its figure: no other name, no clause break
# "joined a legal fight between three journalists", "will act with up to six other unions": others than the subject
# (not "capped a year with three prizes": what it did it with)
_OTHERS_BEFORE = re.compile(r"\b(?:between|among|amongst|against|alongside)\s+$")
_OTHER_AFTER = re.compile(r"(?:[\w,.-]+\s+){1,3}other\b")
# what a name is, opening its sentence, before the name set off by commas: "The world's largest retailer, "
_DESCRIPTION_BEFORE = re.compile(r"^(?:[A-Z][\w'’-]*\s)?(?:[a-z][\w'’-]*\s){0,5}[a-z][\w'’-]*,\s$")
# "a budget designed to": a participle's own infinitive (not "after it agreed to": a clause's verb)
_PARTICIPLE_TO = re.compile(r"\b(?!(?:it|he|she|they|we|has|have|had|who|which|that)\s)[a-z]+\s[a-z]+ed\s+to\s")
_SHORT_NAME = re.compile(r"\s\([A-Z][A-Za-z&]{1,7}\)")  # a name's abbreviation after it: " (ECB)"
_FREE_RUN = re.compile(r"[^,;:()\"“”A-Z]*$")
_MAX_WORDS_BETWEEN = 12
_POSSESSIVE_REACH = 8
# a sentence opens on a capital whatever its first word is: a word there is a name only if it is one elsewhere
# (see "sentence_openers" in grammar.json)
@cache
def _openers() -> frozenset[str]:
    return frozenset(lexicon().grammar["sentence_openers"])


@dataclass(frozen=True, slots=True)
class Holding:
    """A figure's holder, if any, the rule that found it, and the figure's measure without the holder."""

    subject: str | None
    measure: str
    rule: str | None = None


class DocumentNames(frozenset[str]):
    """The capitalised words a document writes inside its sentences (names, not words a sentence opens on), and
    those of them that are towns it names teams by: "title holders Chelsea won £30m" is the team's figure."""

    teams: frozenset[str] = frozenset()

    @classmethod
    def of(cls, words: Iterable[str], teams: Iterable[str] = ()) -> DocumentNames:
        names = cls(words)
        names.teams = frozenset(teams)
        return names


def document_names(text: str, names_a_team: Callable[[str], bool] | None = None) -> DocumentNames:
    """The document's :class:`DocumentNames`; ``names_a_team`` tells whether a town's name (as written) is a
    team's in it."""
    words = frozenset(_INNER_CAPITAL.findall(text))
    aliases = gazetteer().aliases
    towns = {w for w in _CAPITALISED.findall(text) if w in aliases} if names_a_team is not None else set()
    return DocumentNames.of(words, (w for w in towns if names_a_team(w)))


_CAPITALISED = re.compile(r"(?<![\w'’-])[A-Z][\w&-]+")


# the capital is looked for first and what stands before it checked after: far fewer places to try
_INNER_CAPITAL = re.compile(r"[A-Z](?<=[a-z,;:’'\"”)]\s[A-Z])[\w&-]+")


def introduced_organisation(text: str, names: frozenset[str]) -> str | None:
    """The organisation an article introduces where it opens by what it is ("US telecoms firm WorldCom",
    "Parmalat, the Italian food group"): what "the firm" and "it" stand for before any figure of its own."""
    opening = text[:_OPENING]
    lines = [line for line in opening.splitlines() if line.strip()]
    if len(lines) >= 2:
        # the name the headline and the lead both open on: "BT offers ...", "BT has moved to ..."
        heads = [_OPENING_NAME.match(line) for line in lines[:2]]
        if heads[0] and heads[1] and heads[0].group("name") == heads[1].group("name") and \
                (name := _holder_name(heads[1].group("name"), lines[1], 0, names, possessive=True)):
            return name
    found = [m for pattern in _introduced() for m in pattern.finditer(opening)]
    for m in sorted(found, key=lambda m: m.start("name")):
        name = _holder_name(m.group("name"), opening, m.start("name"), names, possessive=True)
        if name and name.split()[0] not in first_names() and " and " not in name:
            return name
    return None


_OPENING = 600  # characters: a headline and the sentences that lead the article
OTHER_ORGANISATIONS = frozenset({"rival", "owner", "investor", "regulator", "watchdog", "agency", "fund"})


_OPENING_NAME = re.compile(rf"(?P<name>{_NAME})\s(?:[a-z]+s|has|is|was|will|could|may|to)\b")


@cache
def _introduced() -> tuple[re.Pattern[str], re.Pattern[str]]:
    # what an article's own firm is introduced as (not "rival Google", nor "owner X")
    own = [d for d in grammar_words("organisation_descriptors") if d not in OTHER_ORGANISATIONS]
    descriptors = alternation(own, boundary=False)
    # "Yahoo, one of the net's most iconic companies": one of many such
    plurals = alternation([d[:-1] + "ies" if d.endswith("y") else d + "s" for d in own], boundary=False)
    before = re.compile(rf"\b(?:{descriptors})[^\S\n]+(?P<name>{_NAME})")
    after = re.compile(rf"(?<![\w'’])(?P<name>{_NAME}),\s(?:(?:the|a|an)\s[^,.;]{{0,60}}?\b(?:{descriptors})"
                       rf"|one\sof\s(?:the|its)\s[^,.;]{{0,60}}?\b(?:{plurals}))\b")
    return before, after


def holder(text: str, mention_start: int, clause_start: int, measure: str, previous_measure: str | None,
           names: frozenset[str], mention_end: int | None = None) -> Holding:
    """Whose the figure at ``mention_start`` of sentence ``text`` is (see the module's rules).

    ``previous_measure`` is the measure of the figure before it in the sentence (an elliptical item
    takes it); ``names`` are :func:`document_names`.
    """
    if (shares := _SHARES_IN.match(measure)) and \
            (name := _holder_name(shares.group("name"), measure, shares.start("name"),
                                  names | {shares.group("name").split()[0]})):
        return Holding(name, shares.group("shares").lower(), "shares_in")  # "Shares in Petrel Resources fell 50%"
    if " at " in measure and (at := _AT_HOLDER.match(measure)) and \
            (name := _holder_name(at.group("name"), measure, at.start("name"), names | {at.group("name").split()[0]})):
        return Holding(name, at.group("measure"), "at")  # "Profits at US media giant TimeWarner jumped 76%"
    if measure[-1:].isalpha() and (described := _described_name(measure, names)):
        return Holding(described, "", "described")  # "Japan's biggest steel company Nippon Steel lost 2.5%"
    before = text[clause_start:mention_start]
    if _may_end_an_item(before) and (m := _LIST_ITEM.search(before)):
        name = _holder_name(m.group("name"), text, clause_start + m.start("name"), names)
        if name and previous_measure:
            end = mention_end if mention_end is not None else mention_start
            if _names_only(measure, name) or _ITEM_ENDS.match(text, end):
                measure = previous_measure  # "Samsung 27%": the measure of the item before
            return Holding(name, measure, "list_item")
    if "(" in text[max(0, mention_start - 2) : mention_start] and \
            (m := _BRACKET.search(text, max(0, mention_start - 60), mention_start)):
        if measure in _bracketed_names(text) or _names_only(measure, m.group("name")):
            measure = _after_the_list(text, mention_start) or measure  # the measure is not the name
        name = _holder_name(m.group("name"), text, m.start("name"), names)
        if name:
            return Holding(name, _without(measure, name), "bracket")
    if found := _possessive(text, clause_start, mention_start, measure, names):
        return found
    if measure[:1].isupper() and (named := _named_measure(measure, names)):
        return Holding(*named, "named_measure")  # "Galaxy S4 sales, which reached 40 million"
    end = mention_end if mention_end is not None else mention_start
    if (m := _BY_AGENT.match(text, end)) and "," not in text[end : m.start("name")]:
        name = _holder_name(m.group("name"), text, m.start("name"), names, possessive=True)
        if name:
            return Holding(name, measure, "by_agent")
    if " at " in text[end : end + 80] and (m := _at_workplace().match(text, end)) and \
            measure.split()[-1:] and measure.split()[-1].lower() in _at_workplace_nouns():
        owner = re.split(r"['’]s?\s", m.group("name"), maxsplit=1)[0]  # "at Ford's Dagenham plant": Ford's
        name = _holder_name(owner, text, m.start("name"), names, possessive=True)
        if name:
            return Holding(name, measure, "at_workplace")  # "300 jobs will be lost at Credit Suisse First Boston"
    if "to " in text[max(0, mention_start - 30) : mention_start] and \
            (m := _PRICED_TO_SELL.search(text, max(0, mention_start - 80), mention_start)):
        return Holding(m.group("name"), measure, "priced_to_sell")  # "Apple expects the Mac mini to sell for £339"
    if found := _verb_subject(text, clause_start, mention_start, measure, names):
        return found
    if found := _relative_subject(text, mention_start, measure, names):
        return found
    if (m := _FOR.match(text, end)) and "," not in text[end : m.start("name")]:
        name = _holder_name(m.group("name"), text, m.start("name"), names, possessive=True)
        if name:
            return Holding(name, measure, "for")
    if "with" in text[max(0, mention_start - 80) : mention_start] and \
            (m := _with_doing().search(text, max(0, mention_start - 80), mention_start)):
        name = _holder_name(m.group("name"), text, m.start("name"), names, possessive=True)
        if name:
            return Holding(name, measure, "with_doing")  # "with Brightway donating £2m"
    if "with" in text[max(0, mention_start - 60) : mention_start] and \
            (m := _NAME_WITH.search(text, max(0, mention_start - 80), mention_start)) and \
            (m.start() == 0 or _CLAUSE_OPENS_BEFORE.search(text, 0, m.start())) and \
            _ASIDE_CLOSES.match(text, mention_end if mention_end is not None else mention_start):
        name = _holder_name(m.group("name"), text, m.start("name"), names)
        if name:
            return Holding(name, measure, "name_with")  # "Air Jamaica, with debts of $560m,"
    if "with" in text[max(0, mention_start - 30) : mention_start] and \
            (m := _LEADING_WITH.search(text, max(0, mention_start - 80), mention_start)):
        name = _holder_name(m.group("name"), text, m.start("name"), names)
        if name:
            return Holding(name, measure, "leading_with")
    if found := _respectively(text, mention_start, names):
        return Holding(found, measure, "respectively")
    if found := _said_of_itself(text, mention_start, names, measure):
        return Holding(found, _without(measure, found), "said_of_itself")
    if found := _sentence_subject(text, mention_start, names):
        return Holding(found, _without(measure, found), "sentence_subject")
    return Holding(None, measure)


_LINKS = frozenset({"of", "in", "for", "on", "at", "to", "by", "with", "from"})
_DESCRIBED_NAME = re.compile(rf"^(?P<description>(?:[\w'’-]+\s+){{1,5}}?)(?P<name>{_NAME})$")


def _described_name(measure: str, names: frozenset[str]) -> str | None:
    """The name a measure ends on after what it is, when that is all the measure says: "biggest steel company
    Nippon Steel", "British retailer Tesco" (the company's figure, of nothing else named)."""
    m = _DESCRIBED_NAME.match(measure)
    if m is None:
        return None
    words = m.group("description").lower().split()
    places = gazetteer()
    if not words or any(w in _LINKS for w in words) or not all(
            w.islower() or (i == 0 and w[1:].islower()) or w.rstrip("'’s") in places.aliases or w in places.adjectives
            for i, w in enumerate(m.group("description").split())):
        return None  # (a sentence may open on the first word: "Troubled carmaker Rover Group")
    if words[-1] not in grammar_words("organisation_descriptors"):
        return None
    return _holder_name(m.group("name"), measure, m.start("name"), names | {m.group("name").split()[0]})


def _said_of_itself(text: str, mention_start: int, names: frozenset[str], measure: str = "") -> str | None:
    """The name a sentence opens on when what it says is of itself ("it", "its"), or is its own results: "Acme said
    its profits rose 5%", "Tesco said on Monday that it would pay £850m", "Inbev said pre-tax profits rose 56%"."""
    own_results = bool(measure) and organisation_measure().fullmatch(measure) is not None
    if " it" not in text[:mention_start] and not own_results:
        return None
    m = _said_of_itself_pattern().match(text)
    if m is None or m.end() > mention_start:
        return None
    between = _without_times(text[m.end() : mention_start])
    if m.group("pronoun") is None and not (own_results and (m.group("noun") or (m.group("a") and not between))):
        return None  # "Acme said analysts expected sales to rise 5%": what it says is not of its own results
    if not _free_run_but_places(between) or len(between.split()) > _MAX_WORDS_BETWEEN or \
            _DIGIT.search(_YEARS.sub("", between)):
        return None  # a clause break, another name or another figure stands between: not the figure's
    if m.group("pronoun") == "it" and _IT_DESCRIBES.match(between):
        return None  # "Benitez admitted it was a costly loss of two points": "it" is what happened, not who
    if m.group("pronoun") is None and m.group("name") in gazetteer().institutions:
        return None  # "The Office for National Statistics said output rose 0.5%": the economy's, not the office's
    # a name that says something of itself is one, even where it opens the sentence ("Boeing said it had sold")
    return _holder_name(m.group("name"), text, m.start("name"), names, possessive=True)


def _without_times(words: str) -> str:
    """Words less the times they name: "said profit in the three months to 31 December was" names no other
    figure and no other name."""
    for period in reversed(context.find_periods(words)):
        words = words[: period.start] + words[period.end :]
    return words


_CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")


def _free_run_but_places(between: str) -> bool:
    """Whether words hold no clause break and no name but of places ("its sales in India to grow")."""
    if _FREE_RUN.match(between):
        return True
    gaz = gazetteer()
    return _FREE_RUN.match(_CAPITALISED.sub(
        lambda w: "" if w.group(0) in gaz.aliases or w.group(0) in gaz.adjectives else w.group(0), between)) is not None


# "it was a ...", "it is not ...": "it" there is a state of things (or the figure itself), no holder
_IT_DESCRIBES = re.compile(r"\s+(?:was|is|'s|’s|would\s+be|will\s+be|had\s+been|has\s+been)\s+"
                           r"(?:a|an|the|not|too|very|[a-z]+ly)\b")


@cache
def _said_of_itself_pattern() -> re.Pattern[str]:
    g = lexicon().grammar
    adverbs = alternation(g["linking_adverbs"], boundary=False)
    speech = alternation(g["speech_verbs"], boundary=False)
    descriptors = alternation(grammar_words("organisation_descriptors"), boundary=False)
    # "Initially, BMW said it", "The world's biggest insurance broker Marsh & McLennan said last week it"
    # ("Separately, the world's largest package delivery company, UPS, said it")
    return re.compile(rf"^(?:{adverbs},?\s|[A-Z][a-z]+ly,\s)?"
                      rf"(?:[Tt]he\s(?:[\w'’-]+\s){{0,4}}?(?:{descriptors}),?\s|The\s)?(?P<name>{_NAME})"
                      rf"(?:,\s(?:which|who)\b[^;]*?,|,\s(?:(?:the|a|an)\s|[A-Z][\w-]*['’]s\s)[^,;()\"“”]{{3,80}}?,|,)?\s+"
                      rf"(?:[a-z]+ly\s|has\s|had\s|have\s|also\s|now\s)*(?:{speech})"
                      # "said on Monday", "said earlier this month", "said in a statement", "said in its annual report"
                      rf"(?:\s(?:on|last|this|late|earlier)(?:\s(?:this|last))?\s[A-Za-z]+)?"
                      rf"(?:\s(?:in|on)\s(?:a|an|its)\s(?:[a-z]+\s)?[a-z]+)?\s(?:that\s)?"
                      # "it", "its"; or its own results: "said pre-tax profits", "has forecast a net loss of", "now
                      # forecasts 2005 revenue of", "has reported a 60% rise in profit"
                      rf"(?:(?P<pronoun>it|its)\b|(?P<a>(?:a|an)\s)?(?:(?:19|20)\d\d\s)?"
                      rf"(?P<noun>{organisation_measure().pattern}\b)?)")


@cache
def organisation_measure() -> re.Pattern[str]:
    """What a company reports of itself: one of the nouns of "organisation_measures" (grammar.json) after at most
    three of its modifiers ("pre-tax profits", "fourth quarter sales")."""
    words = lexicon().grammar["organisation_measures"]
    modifiers = alternation(words["modifiers"], boundary=False)
    return re.compile(rf"(?:(?:{modifiers}|[\w-]*(?:quarter|year|half)[\w-]*)\s+){{0,3}}"
                      rf"(?:{alternation(words['nouns'], boundary=False)})", re.IGNORECASE)


# "the 710 million euros made by France's Ligue 1": the agent of a passive verb of money
# a measure that opens on a name: "Galaxy S4 sales", "Ericsson shares"
_NAMED_MEASURE = re.compile(rf"(?P<name>{_NAME})\s(?P<rest>[a-z][\w-]*(?:\s[a-z][\w-]*){{0,3}})$")


_COMPASS = frozenset({"Eastern", "Western", "Northern", "Southern", "Central"})


def _names_an_organisation(words: list[str], places) -> bool:
    """Whether a name that holds a place's word is an organisation's all the same: more words than the place's,
    the last none of a place and no abbreviation ("Manchester United", "British Airways", "London Underground";
    not "Chinese PC", "Eastern European", "Hong Kong")."""
    last = words[-1]
    return len(words) > 1 and " ".join(words) not in places.aliases and not last.isupper() and \
        last not in places.aliases and last not in places.adjectives and last not in places.people and \
        last not in _COMPASS


def _named_measure(measure: str, names: frozenset[str]) -> tuple[str, str] | None:
    """The name a measure opens on and the rest, when the rest is what a company or product reports of itself
    ("Ericsson shares", "Galaxy S4 sales", "Toyota sales") and the name is no place nor its people's
    ("Chinese PC sales", "Eastern European sales" are where)."""
    named = _NAMED_MEASURE.match(measure)
    if named is None or not organisation_measure().fullmatch(named.group("rest")) or \
            organisation_measure().fullmatch(measure):
        return None  # ("Third-quarter sales", "Retail sales": a sentence opens on what qualifies the measure)
    places = gazetteer()
    words = named.group("name").split()
    if any(word in places.adjectives or word in places.people or word in places.aliases
           or word in _COMPASS for word in words) and not _names_an_organisation(words, places):
        return None
    name = _holder_name(named.group("name"), measure, 0, names)
    return (name, named.group("rest")) if name == named.group("name") else None
_BY_AGENT = re.compile(rf"(?:\s+[a-z]+){{0,2}}?\s+(?:made|earned|paid|generated|received|spent|raised|sold|won|given|"
                       rf"offered|bid|invested|lost|collected|announced|reported|posted|unveiled|launched|proposed|published|promised|"
                       rf"pledged|scored|held|owned|employed|built|produced|released|played|taken|run|operated|managed|"
                       rf"filed|set|signed|bought|acquired|donated)\s+by\s+(?:the\s)?"
                       rf"(?:(?:rival|fellow|parent|sister|partner)\s)?(?:{_NAME}['’]s?\s)?(?P<name>{_NAME})")
@cache
def _at_workplace() -> re.Pattern[str]:
    """After a count of jobs, what happens to them at a named employer (data/grammar.json: jobs_at_a_workplace)."""
    verbs = alternation(lexicon().grammar["jobs_at_a_workplace"]["verbs"], boundary=False)
    return re.compile(rf"(?:\s+[a-z-]+){{0,4}}?\s+(?:{verbs})\s+at\s+(?:the\s)?(?P<name>{_NAME})(?![\w])")


@cache
def _at_workplace_nouns() -> frozenset[str]:
    return frozenset(lexicon().grammar["jobs_at_a_workplace"]["nouns"])


# "Shares in Irish oil company Petrel Resources": whose shares, after what it is
_SHARES_IN = re.compile(rf"(?P<shares>[Ss]hares)\s+(?:in|of)\s+(?:the\s+)?"
                        rf"(?:[a-z][\w-]*\s+|[A-Z][a-z]+\s(?=[a-z]))*(?P<name>{_NAME})$")
# "Quarterly profits at US media giant TimeWarner": what is measured, then whose it is, after what it is
_AT_HOLDER = re.compile(rf"(?P<measure>[A-Za-z][\w-]*(?:\s[a-z][\w-]*){{0,3}})\s+at\s+(?:the\s+)?"
                        rf"(?:[a-z][\w-]*\s+|[A-Z]{{2,}}\s(?=[a-z])|[A-Z][a-z]+['’]s\s)*(?P<name>{_NAME})$")
# "Air Jamaica, with debts of $560m", "Tesco, with 2,000 stores,": what the name has, in an aside
_NAME_WITH = re.compile(rf"(?<![\w'’])(?P<name>{_NAME}),\s+with\s+(?:its\s|their\s)?(?:[a-z][\w-]*\s){{0,3}}?"
                        rf"(?:of\s)?(?:(?:about|around|some|nearly|almost|over|more\sthan|just)\s)?[£$€¥]?$")
# the aside "with ..." is about the subject of its clause: the name opens the clause, and the aside closes before
# the clause's verb ("Air Jamaica, with debts of $560m (£291m), has been hit"), not "... at Sunday's Oscars, with
# five nominations."
_CLAUSE_OPENS_BEFORE = re.compile(r"(?:^|,\s|;\s|\b(?:and|but|while)\s)(?:the\s)?$", re.IGNORECASE)
_ASIDE_CLOSES = re.compile(r"[^,;.]{0,60}?,\s+(?:[a-z]+ly\s+)?(?:has|have|had|is|was|are|were|will|would|could|can|"
                           r"may|looks|seems|remains|[a-z]+ed|[a-z]{3,}s)\b")
# "Apple expects the Mac mini to sell for £339", "wants the X2 to cost under $500": the product's price
_PRICED_TO_SELL = re.compile(rf"\b(?:expects?|expected|wants?|wanted|plans?|planned|hopes?|hoped|intends?|intended)\s+"
                             rf"(?:the\s|its\s)?(?P<name>{_NAME}(?:\s[a-z][a-z0-9]*)?)\s+to\s+(?:sell|cost|retail|"
                             rf"be\spriced|go\son\ssale)(?:\s+(?:for|at))?\s+(?:(?:about|around|just|under|less\sthan)\s)?"
                             rf"[£$€¥]?$")
# "with nine-time champion Real leading with €512.6m"
_LEADING_WITH = re.compile(rf"(?<![\w'’])(?P<name>{_NAME})\s+[a-z]+ing\s+with\s+(?:(?:about|around|some|over|nearly|"
                           rf"almost|just)\s+)?$")


@cache
def _with_doing() -> re.Pattern[str]:
    """"with Brightway donating £2m", "with Opel management threatening to cut 12,000 jobs": the one doing what the
    figure is."""
    staff = alternation(grammar_set("staff_nouns"), boundary=False)
    return re.compile(rf"\bwith\s+(?:the\s)?(?P<name>{_NAME})(?:\s(?:{staff}))?\s+[a-z]+ing\s+(?:to\s+[a-z]+\s+)?"
                      rf"(?:(?:about|around|some|over|nearly|almost|just|another|a\sfurther|an\sextra)\s+)?$")


# "Italy's Juventus and AC Milan, with €154m and €124m respectively"
_NAME_LIST = re.compile(rf"(?P<names>(?:{_NAME})(?:,\s(?:{_NAME}))*,?\s(?:and|&)\s(?:{_NAME}))")
# the subject of a whole sentence, before its verb or the relative clause after it: "BSkyB, which ..., retained"
# (after a linking adverb: "Overall, Nokia sold ...", see "linking_adverbs" in grammar.json)
@cache
def _sentence_subject_pattern() -> re.Pattern[str]:
    adverbs = alternation(lexicon().grammar["linking_adverbs"], boundary=False)
    # "Roche, a former Davis Cup player for Australia, won ...": an aside on who the subject is, before its verb
    # "In July, Diageo, which is listed in London, reported": a time or place the sentence opens on, before it
    return re.compile(rf"^(?:{adverbs},?\s|(?:In|On|At|By|During|Last|This|Earlier|Later)\s[^,;]{{1,25}},\s)?"
                      rf"(?:The\s)?(?P<name>{_NAME})"
                      rf"(?:,\s(?:which|who)\b[^,;]*,|,\s(?:a|an|the)\s[^,;()\"“”]{{3,80}}?,)?\s+"
                      rf"(?P<aux>(?:[a-z]+ly\s|has\s|had\s|have\s|"
                      rf"will\s|is\s|was\s)*)(?P<verb>[a-z][a-z'’-]+)\b")


_ITEM_LINKS = frozenset({"on", "with", "at"})


def _may_end_an_item(before: str) -> bool:
    """Whether the words before a figure may end on a list item's name ("Samsung 27%", "Apple on 12%"), which
    only a name, a product number or a linking word can end on: most figures are spared the pattern."""
    words = before.rsplit(None, 1)
    last = words[-1] if words else ""
    return bool(last) and before[-1:].isspace() and (
        last[0].isupper() or last[0].isdigit() or last in _ITEM_LINKS or any(c.isupper() for c in last))


def _respectively(text: str, mention_start: int, names: frozenset[str]) -> str | None:
    """A figure of a list given "respectively": the name of the same rank in the list of names before."""
    after = text.find("respectively", mention_start)
    if after < 0 or ";" in text[mention_start:after] or "." in text[mention_start:after].rstrip(". "):
        return None
    head = text[:mention_start]
    lists = list(_NAME_LIST.finditer(head))
    if not lists:
        return None
    holders = [n.strip() for n in re.split(r",\s|\s(?:and|&)\s", lists[-1].group("names")) if n.strip()]
    figures = _FIGURE.findall(text[lists[-1].end() : after])
    rank = len(_FIGURE.findall(text[lists[-1].end() : mention_start]))
    if len(figures) != len(holders) or rank >= len(holders):
        return None
    return _holder_name(re.sub(r"^.*['’]s\s", "", holders[rank]), text, lists[-1].start(), names, possessive=True)


_DIGIT = re.compile(r"\d")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")  # "said pre-tax profits for 2004 rose 56%": a year is no other figure
_LISTED = re.compile(r",\s|\s(?:and|&)\s")
_FIGURE = re.compile(r"[£$€¥]?\d[\d,.]*(?:\s?(?:m|bn|million|billion|euros?|pounds?|dollars?|%|percent|per\scent))*")


def _sentence_subject(text: str, mention_start: int, names: frozenset[str]) -> str | None:
    """The name a sentence opens on as its subject, for a figure later in it that no closer rule gives a holder:
    "But BT sprung a surprise by winning 38 games, ... in exchange for £738m"."""
    if (text[:12].split() or [""])[0] in _subordinators():
        return None  # "Since President Bush came to office the budget has swung to a deficit of $412bn"
    m = _sentence_subject_pattern().match(text)
    if m is None or m.end() > mention_start:
        return None
    verbs = _verbs()[1]
    verb = m.group("verb")
    if verb in _not_verbs() and not _reports_its_own(verb, text[m.end() : mention_start], verbs):
        return None  # "Diageo said sales fell 5%": what it says, not what it has ("Diageo reported sales of" is)
    if not (m.group("aux") or verb in verbs or verb.endswith(("ed", "ung", "ang", "ew"))
            or _PARTICIPLE_CLAUSE.search(text, m.end(), mention_start)):
        return None
    if _NAME_RE.search(text, m.end(), mention_start) and _another_subject(text, m.end(), mention_start):
        return None  # another name is a subject before the figure
    if _of_another_clause(text[m.end() : mention_start]):
        return None  # "Law Lords ruled last month that the 12 were held": the clause's figure, not theirs
    if _ACCORDING_TO.search(text, max(m.end(), mention_start - 40), mention_start):
        return None  # "Tarvo cut 500 jobs, according to 30 analysts": the source's, not the subject's
    if _ANOTHER_CLAUSE_NAMED.search(text, m.end(), mention_start):
        return None  # "Ocean's 12 fell to number two while new entry Spanglish ..., taking $9m": Spanglish's
    return _holder_name(m.group("name"), text, m.start("name"), names)


def opens_a_predicate(word: str) -> bool:
    """Whether a word goes on with the predicate of a subject named before it: a verb a holder is the subject
    of, an auxiliary or a past tense ("- rose 10%", "- has four nominations"; not "- CD album sales fell")."""
    return word in holder_verbs() or word in _auxiliaries() or past_tense(word)


def opening_subject(text: str, names: frozenset[str]) -> str | None:
    """The name a sentence opens on as the subject of its verb ("The Sundance Film Festival opened on Thursday in
    Park City"): what "It" may stand for in the sentence after it."""
    if (text[:12].split() or [""])[0] in _subordinators():
        return None
    m = _sentence_subject_pattern().match(text)
    if m is None or not (m.group("aux") or m.group("verb") in _verbs()[1] or past_tense(m.group("verb"))):
        return None
    return _holder_name(m.group("name"), text, m.start("name"), names)


@cache
def _subordinators() -> frozenset[str]:
    """Words that open a subordinate clause (see "subordinators" in grammar.json)."""
    return frozenset(lexicon().grammar["subordinators"]["words"])


# a clause of its own that names another subject: "while new entry Spanglish", "but Rover"
_ANOTHER_CLAUSE_NAMED = re.compile(r"\b(?:while|whereas|but|although|though)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}"
                                   r"[A-Z][\w'’-]+")
_ACCORDING_TO = re.compile(r"\baccording\sto\b[^,;:()]*$")  # the figure inside the phrase


# "Reuters beat forecasts, posting a 52% rise": a clause of what the subject did, after a comma
_PARTICIPLE_CLAUSE = re.compile(r",\s(?:posting|reporting|recording|making|selling|earning|taking|winning|scoring|"
                                r"raising|cutting|shedding|adding|losing|paying|spending|shipping|employing)\b")


def _another_subject(text: str, start: int, end: int) -> bool:
    verb_pattern, verbs = _verbs()
    for m in _NAME_RE.finditer(text, start, end):
        verb = verb_pattern.match(text, m.end())
        if verb and verb.end() <= end and (verb.group("verb") in verbs or verb.group("aux")):
            return True
    return False


_BRACKETED = re.compile(rf"(?P<name>{_NAME})\s?\([^()]{{1,40}}\)")
_LIST_TAIL = re.compile(r"\)\s+(?:(?:have|has|had|both|all|each|also|now)\s+)*[a-z][a-z'’-]+\s+(?P<rest>[^,;.]+)")


def _bracketed_names(text: str) -> set[str]:
    return {m.group("name") for m in _BRACKETED.finditer(text)}


def _after_the_list(text: str, at: int) -> str | None:
    """What a list of names with their figures in brackets measures: "Ford (12%) and GM (9%) lost market
    share" → "market share" (the noun phrase after the verb that follows the list)."""
    from factcheck.extract.attributes import noun_phrase

    close = text.find(")", at)
    if close < 0:
        return None
    while (m := _BRACKETED.search(text, close + 1)) and \
            text[close + 1 : m.start()].strip(" ,") in ("", "and", "or", "and the", "or the"):
        close = m.end() - 1
    tail = _LIST_TAIL.match(text, close)
    return noun_phrase(tail.group("rest")) if tail else None


def _possessive(text: str, clause_start: int, mention_start: int, measure: str, names: frozenset[str]
                ) -> Holding | None:
    """"Tesco's profit rose to £2.8bn": the last possessive name before the figure in its clause, or in its
    measure ("Samsung's smartphone shipments fell 7%")."""
    head = _OWNER.match(measure) if ("'" in measure or "’" in measure) else None
    if head:
        rest = measure[head.end() :].strip()  # nothing, when the measure was the holder alone ("the S4's 130 g")
        if head.group("name") in gazetteer().aliases:
            return Holding(None, rest)  # "Germany's exports": the place's, which is the figure's place
        name = _holder_name(head.group("name"), measure, 0, names | {head.group("name").split()[0]})
        if name:
            return Holding(name, rest, "possessive")
    found = None
    clause = text[clause_start:mention_start]
    if "'" not in clause and "’" not in clause and ", whose " not in text[max(0, clause_start - 2) : mention_start]:
        return None  # (a name a "whose" clause is about owns what the clause counts: "McIlroy, whose time of")
    for m in _POSSESSIVE.finditer(text, clause_start, mention_start):
        between = text[m.end() : mention_start]
        if len(between.split()) <= _POSSESSIVE_REACH and _FREE_RUN.match(between):
            found = m
    if found is None:
        return None
    name = _holder_name(found.group("name"), text, found.start("name"), names, possessive=True)
    return Holding(name, _without(measure, name), "possessive") if name else None


def _verb_subject(text: str, clause_start: int, mention_start: int, measure: str, names: frozenset[str]
                  ) -> Holding | None:
    """The name that is the subject of the verb before the figure: "Real earned a combined €178m"."""
    verb_pattern, verbs = _verbs()
    for m in reversed(list(_NAME_RE.finditer(text, clause_start, mention_start))):
        verb = verb_pattern.match(text, m.end())
        if verb is None and text.startswith(" (", m.end()) and (short := _SHORT_NAME.match(text, m.end())):
            verb = verb_pattern.match(text, short.end())  # "The European Central Bank (ECB) left"
        if verb is None and text.startswith(",", m.end()) and (aside := _APPOSITIVE.match(text, m.end())):
            verb = verb_pattern.match(text, aside.end())  # "Carlsberg, the world's fifth-largest brewer, saw"
        elif verb is not None and not verb.group("aux") and verb.group("verb") in grammar_set("staff_nouns"):
            verb = verb_pattern.match(text, verb.end())  # "FBI agents downloaded 84 films": the FBI's
        if verb is None and text.startswith(",", m.end()) and text.endswith(", ", 0, m.start()) and \
                _DESCRIPTION_BEFORE.search(text, 0, m.start()):
            verb = verb_pattern.match(text, m.end() + 1)  # "The world's largest retailer, Wal-Mart, has agreed"
        if verb is None:
            continue
        word, aux, end = verb.group("verb"), verb.group("aux"), verb.end()
        if verb.start("verb") >= mention_start and aux:
            # "while the Greens have three": the figure is read as the verb, and "have" is the verb, not its auxiliary
            word, aux, end = aux.split()[-1], "", verb.start("verb")
        if end > mention_start or not (_SUBJECT_BEFORE.search(text, max(0, m.start() - _SUBJECT_REACH), m.start())
                                       or _described(text, m.start())):
            continue  # "the domestic TV rights auction": a name inside a noun phrase is not its subject
        if word not in verbs and not word.endswith("ed") and not aux:
            continue
        between = text[end:mention_start]
        if not _FREE_RUN.match(between) or len(between.split()) > _MAX_WORDS_BETWEEN or _DIGIT.search(between) or \
                _of_another_clause(between) or _OTHERS_BEFORE.search(between) or \
                (between.endswith("with ") and _OTHER_AFTER.match(text, mention_start)) or \
                _PARTICIPLE_TO.search(between):
            # a clause break, another name or figure, a clause of its own ("ruled that", "a budget designed to expand
            # spending") stands between
            return None
        if word in _not_verbs() and (not _reports_its_own(word, between, verbs)
                                     or _OBJECT_TO_DO.match(text, mention_start)):
            continue  # ("Toho expects 40 million people to see it": what others will do, not its own figure)
        name = _holder_name(m.group("name"), text, m.start("name"), names)
        if name:
            return Holding(name, _without(measure, name), "verb_subject")
    return None


# "that" opening a clause (not "that period", nor "that could display"): a determiner, a pronoun or a figure next
_THAT = re.compile(r"\bthat(?:,|\s+(?:the|a|an|his|her|their|our|some|of|on|in|he|she|we|there|only)\b|\s+[A-Z\d£$€])")
_OWN = re.compile(r"\b(?:it|its|itself|they|their|themselves|he|his|she|her)\b")


def _of_another_clause(between: str) -> bool:
    """Whether the words between a subject's verb and a figure open a clause of its own that is not about the
    subject ("ruled last month that the 12 were held"; not "did not reveal that it provided $200,000")."""
    return _THAT.search(between) is not None and _OWN.search(between) is None


# a figure that is the subject of what follows it: "40 million people to see it", "sales to fall 5%"
_OBJECT_TO_DO = re.compile(r"\S+(?:\s+(?!to\b)[\w-]+){0,3}?\s+to\s+(?:be\s+)?[a-z]{2,}\b(?<!\bto\sthe)")
# an aside after a name that says what it is: ", the world's fifth-largest brewer,"; or a person's age: ", 64,"
_APPOSITIVE = re.compile(r",\s+(?:(?:the|a|an|its|their|one\s+of)\s[^,;:()\"“”]{1,80}?|\d{1,3}),")


def _reports_its_own(verb: str, between: str, verbs: frozenset[str]) -> bool:
    """Whether a verb of saying that is also one of having ("reported", "posted", "announced") takes the figure
    as its own object ("Tesco reported profits of £2.2bn"), not a clause about something else ("Analysts
    reported sales fell 5%")."""
    return verb in verbs and not any(word in verbs or word in _CLAUSE_WORDS for word in between.lower().split())


_CLAUSE_WORDS = frozenset({"that", "was", "were", "is", "are", "has", "have", "had", "will", "would", "could", "may",
                           "might", "should", "be", "been"})


def _described(text: str, start: int) -> bool:
    """Whether the name at ``start`` opens its clause after what the person or organisation is: "Northampton coach
    Budge Pountney has been fined", "The former England striker Tom Jones", "British energy firm Burren Energy"."""
    words = list(_WORD_BEFORE.finditer(text, max(0, start - _DESCRIPTOR_REACH), start))
    last = words[-1].group(1).lower() if words else ""
    if not words or words[-1].end() != start or (last not in grammar_words("person_descriptors")
                                                 and last not in grammar_words("role_heads")
                                                 and last not in grammar_words("organisation_descriptors")):
        return False
    # up to three words may stand before what the person is ("The former England")
    return any(_SUBJECT_BEFORE.search(text, max(0, m.start() - _SUBJECT_REACH), m.start())
               for m in words[-4:])


_WORD_BEFORE = re.compile(r"([\w&'’.-]+)\s+")
_DESCRIPTOR_REACH = 60


# "Ann Hill, who had a 2,000-vote majority", "Nokia, which sold 120 million handsets": the name a relative
# clause is about holds the clause's figure
_RELATIVE = re.compile(rf"(?<![\w'’])(?:[Tt]he\s)?(?P<name>{_NAME}),\s+(?:who|which)\s+"
                       r"(?P<words>(?:[a-z][a-z'’-]*\s+){0,3}?)(?![a-z]+ly\b)(?P<verb>[a-z][a-z'’-]+)\b")
_RELATIVE_REACH = 120
_NEXT_WORD = re.compile(r"\s+([a-z][a-z'’-]+)\b")
_OF_BEFORE = re.compile(r"\bof\s(?:[a-z]+\s){0,3}$")  # characters before the figure where the clause may open


def _relative_subject(text: str, mention_start: int, measure: str, names: frozenset[str]) -> Holding | None:
    """The name before ``, who`` or ``, which`` whose clause holds the figure, when its verb is one a holder
    is the subject of."""
    window = max(0, mention_start - _RELATIVE_REACH)
    if ", wh" not in text[window:mention_start]:
        return None
    verbs = _verbs()[1]
    auxiliaries = _auxiliaries()
    found = None
    for m in _RELATIVE.finditer(text, window, mention_start):
        if all(word in auxiliaries or word.endswith("ly") for word in m.group("words").split()):
            found = m
    if found is None:
        return None
    verb, verb_end = found.group("verb"), found.end()
    # "Acme, which already owns 12%", "Leigh, who had previously received": the verb after auxiliaries and adverbs
    while (verb in auxiliaries or verb.endswith("ly")) and (then := _NEXT_WORD.match(text, verb_end)) and \
            then.end() <= mention_start and ((word := then.group(1)) in auxiliaries or word in verbs
                                             or past_tense(word) or word.endswith("ly")):
        verb, verb_end = word, then.end()
    past = past_tense(verb)
    if verb in _not_verbs() or not (verb in verbs or past):
        return None
    if _OF_BEFORE.search(text, max(0, found.start() - 30), found.start()):
        return None  # "son of the late George Harrison, who has inherited": the clause may be the son's
    between = text[verb_end:mention_start]
    if not _FREE_RUN.match(between) or len(between.split()) > _MAX_WORDS_BETWEEN or _DIGIT.search(between):
        return None  # another clause, name or figure stands between: not the clause's figure
    name = _holder_name(found.group("name"), text, found.start("name"), names)
    return Holding(name, _without(measure, name), "relative_subject") if name else None


@cache
def _auxiliaries() -> frozenset[str]:
    return frozenset(w for w in lexicon().grammar["holder_verbs"]["auxiliaries"] if " " not in w)


def _holder_name(name: str, text: str, at: int, names: frozenset[str], possessive: bool = False) -> str | None:
    """``name`` as a holder, or ``None`` when it is no holder: a place, a month, a title, a word a sentence
    opens on."""
    words = re.sub(r"['’]s?$", "", name).split()  # "Amicus' 20,000", "the Workers' Union's 70,000"
    while len(words) > 1 and re.sub(r"['’]s$", "", words[0]) in gazetteer().aliases and \
            words[0].endswith(("'s", "’s")):
        words = words[1:]  # "Spain's Primera Division": the place is its place, the rest the name
    while words and words[-1] in ("of", "de", "du", "van", "von", "&", "and"):
        words.pop()
    while len(words) > 1 and words[0] in _openers():
        words = words[1:]  # "Both Apple", "But Tesco": the name after the word the sentence opens on
        while len(words) > 1 and words[0] in ("of", "de", "du", "van", "von", "&", "and"):
            words = words[1:]  # "Shares of Skis Rossignol": whose shares
    while len(words) > 2 and words[1] in first_names() and words[0] not in first_names():
        words = words[1:]  # "Broadcaster Chris Evans", "Chancellor Gordon Brown": the person, not the title
    if len(words) == 2 and (words[0].lower() in grammar_words("person_descriptors")
                            or words[0].lower() in grammar_words("organisation_descriptors")) and words[0] not in names:
        # "Fly-half Goode", "Striker Jones", "Carmaker Volvo": the person or the firm, not what they are (a
        # descriptor the document writes with a capital inside its sentences is part of a name: "the Premier League")
        words = words[1:]
    if len(words) > 1 and words[0].lower() in grammar_words("work_descriptors") and words[0] not in names:
        words = words[1:]  # "Comedy Meet the Fockers", "Thriller Constantine": the title, not what kind of work
    titled = [i for i in range(1, len(words) - 1) if words[i] in first_names() and words[i - 1] not in first_names()]
    if titled and not {"and", "&"} & set(words):
        words = words[titled[-1] :]  # "Sitting MP Oona King", "UK Prime Minister Tony Blair": the person
    if not words:
        return None
    name = " ".join(words)
    team = name in getattr(names, "teams", ())  # a town the article names a team by is the team
    if not team and any(place.start < at < place.end for place in context.find_places(text)):
        return None  # "Yorkshire and the Humber on 21.7%": a place's name, not a holder's
    g = lexicon().grammar
    if not team and all(part in gazetteer().aliases for part in _LISTED.split(name)):
        return None  # "Europe and Asia-Pacific": places, not a holder
    if (name in gazetteer().aliases and not team) or name in gazetteer().adjectives or words[0] in g["months"] or \
            words[0] in g["weekdays"] or name.lower() in grammar_words("speaker_groups") or \
            (name.lower() in money().names and SUM_BEFORE.search(text, max(0, at - 20), at)):
        return None  # (nor a currency written with a capital after its sum: "earning 3.55m Euros (£2.45m)")
    at_start = not text[:at].strip() or text[:at].rstrip().endswith((".", "!", "?", ":", '"', "“", "–", "-"))
    # a word a sentence opens on is a name if the document writes it as one elsewhere, or if it owns something
    # ("Unison's 800,000 workers": "Today's" and "Last year's" are taken care of by the openers and the calendar)
    if len(words) == 1 and not team and (
            words[0] in _openers() or (at_start and not possessive and words[0] not in names
                                       and words[0] not in grammar_set("organisation_words")
                                       and not _looks_like_a_name(words[0]))):
        return None
    return name


def named_before(text: str, end: int, names: frozenset[str], is_organisation: Callable[[str], bool]) -> str | None:
    """The last name before ``end`` of sentence ``text`` that ``is_organisation`` takes for one (not a place, a
    person, a word the sentence opens on): what "the club" or "the organisation" after it stands for in a
    sentence that names it ("... held talks with Borussia Dortmund, said the club needs 35m euros")."""
    for m in reversed(list(_NAME_RE.finditer(text, 0, end))):
        name = _holder_name(m.group("name"), text, m.start("name"), names)
        if name and is_organisation(name):
            return name
    return None


def _looks_like_a_name(word: str) -> bool:
    """An acronym ("IDC"), a product's camel case ("iPhone") or a word with digits ("S5")."""
    return (word.isupper() and len(word) > 1) or any(c.isdigit() for c in word) or \
        (any(c.isupper() for c in word[1:]) and not word.isupper())


def _names_only(measure: str, name: str) -> bool:
    """Whether a measure holds nothing but the holder's name (what an elliptical item's measure falls back on)."""
    return not measure or measure.lower() in name.lower() or name.lower() in measure.lower()


def _without(measure: str, name: str) -> str:
    """The measure less a holder written at its start ("Tesco's profit" → "profit")."""
    lowered = measure.lower()
    at = 4 if lowered.startswith("the ") else 0
    if not lowered.startswith(name.lower(), at):
        return measure
    rest = measure[at + len(name) :]
    if rest[:1] in ("'", "’"):
        rest = rest[2:] if rest[1:2].lower() == "s" else rest[1:]
    stripped = rest.lstrip()
    if not stripped:
        return ""  # the measure was the holder's name alone: no measure
    return stripped if len(stripped) < len(rest) else measure


@cache
def _verbs() -> tuple[re.Pattern[str], frozenset[str]]:
    """A verb after a name (with its auxiliaries), and the verbs a holder is the subject of (see grammar.json)."""
    g = lexicon().grammar
    auxiliaries = alternation(g["holder_verbs"]["auxiliaries"], boundary=False)
    pattern = re.compile(rf"\s+(?P<aux>(?:(?:{auxiliaries})\s+)*)(?P<verb>[a-z][a-z'’-]+)\b")
    verbs = set(g["holder_verbs"]["verbs"]) | set(g["verb_measures"]) | set(g["level_verbs"])
    verbs |= set(change_verbs()) | set(g["holding_a_level"]["subject_verbs"])  # "left its main rate unchanged at 2%"
    return pattern, frozenset(verbs)


def holder_verbs() -> frozenset[str]:
    """The verbs a holder is the subject of (see :func:`_verbs`)."""
    return _verbs()[1]


@cache
def _not_verbs() -> frozenset[str]:
    """Words after a name that make it no subject of the figure's verb: speech verbs (the speaker's), and
    prepositions and the like."""
    g = lexicon().grammar
    return frozenset(v.lower() for v in g["speech_verbs"] + g["speech_nouns_intro"]
                     + g["holder_verbs"]["not_its_own"]) | frozenset(
        {"of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "as", "than", "per", "who",
         "which", "that", "where", "when", "said", "says"})
