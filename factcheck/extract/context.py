"""Where and when a figure applies: clauses, places and periods of a sentence.

A sentence is cut into clauses; a figure takes the place and period written in
its own clause, else those its clause inherits (from a fronted phrase such as
``Since 2010,`` or from the clause before it, unless the clause opens a separate
item, as ``in addition to`` does).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache, lru_cache

from factcheck.extract.lexicon import (
    WordCue,
    alternation,
    alternation_not_after,
    cued_matches,
    first_names,
    fold,
    gazetteer,
    grammar_set,
    grammar_words,
    lexicon,
)
from factcheck.extract.units import money, name_key, subunit


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of a sentence (offsets relative to the sentence) and whether it inherits."""

    start: int
    end: int
    inherits: bool


@dataclass(frozen=True, slots=True)
class Mention:
    """A place or period written in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str
    value: str  # the normalized place name, or the period as written


@cache
def _clause_breaks() -> tuple[re.Pattern[str], tuple[str, ...]]:
    g = lexicon().grammar
    return re.compile(alternation(g["clause_breaks"], boundary=False)), tuple(g["no_inherit_clauses"])


def split_clauses(text: str) -> list[Clause]:
    """The clauses of a sentence: cut at semicolons, colons, dashes and clause conjunctions."""
    breaks, no_inherit = _clause_breaks()
    clauses: list[Clause] = []
    position = 0
    inherits = True
    for m in breaks.finditer(text):
        if m.start() <= position:
            continue
        clauses.append(Clause(position, m.start(), inherits))
        opener = m.group(0).strip(" ,;:–—-").lower()
        inherits = not opener.startswith(no_inherit)
        position = m.start() + (1 if m.group(0).startswith(",") else 0)
    clauses.append(Clause(position, len(text), inherits))
    return clauses


def clause_of(clauses: list[Clause], offset: int) -> int:
    """The index of the clause that holds ``offset``."""
    for i, clause in enumerate(clauses):
        if clause.start <= offset < clause.end:
            return i
    return len(clauses) - 1


# --- places -----------------------------------------------------------------


@cache
def _place_pattern() -> re.Pattern[str]:
    """The gazetteer's names that open on a capital, and those of "the Gambia" less "the".

    Matched from their capital, the names are tried only where a capital stands; the
    lower-case names are looked for apart (see :func:`_lower_places`) and "the" is read
    back before a match (see :func:`_place_matches`).
    """
    names = {name.removeprefix("the ") for name in gazetteer().aliases}
    return re.compile(alternation_not_after([n for n in names if n[:1].isupper()], r"[\w'’-]") + r"(?![\w$-])")


@cache
def _lower_places() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Names that open in lower case ("worldwide", "south-east Asia"), and what a sentence holds if it may
    name one (the first word of one): the pattern is tried only there, as it would otherwise be tried at
    most letters."""
    names = [n for n in gazetteer().aliases if not n.removeprefix("the ")[:1].isupper()]
    words = {n.removeprefix("the ").split()[0] for n in names}
    hints = sorted(w for w in words if not any(other in w for other in words - {w}))
    return (re.compile(alternation_not_after(names, r"[\w'’-]") + r"(?![\w$-])"),
            re.compile("|".join(re.escape(w) for w in hints)))


_THE = re.compile(r"(?<![\w'’-])the\s$")


def names_a_place(text: str) -> bool:
    """Whether ``text`` names a place of the gazetteer at all: what a sentence that names none holds for
    :func:`find_places` is no place by name (only ones named by what they are, or by adjective)."""
    return bool(_place_matches(text))


def place_spans(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the gazetteer's names in a sentence (as :func:`_place_matches`, whose answer is kept for when
    the sentence is read for its places)."""
    return _place_matches(text)


@lru_cache(maxsize=512)  # asked by names_a_place(), then again when the sentence is read for its places
def _place_matches(text: str) -> tuple[tuple[int, int], ...]:
    """The spans of the gazetteer's names in ``text``, left to right, the longest where several start at one
    place and none inside another."""
    aliases = gazetteer().aliases
    spans = []
    for m in _place_pattern().finditer(text):
        start, end = m.span()
        if start >= 4 and _THE.search(text, start - 5, start) and "the " + m.group(0) in aliases:
            start -= 4  # "the Netherlands", "the States"
        elif m.group(0) not in aliases:
            continue  # "States" is a place only after "the"
        spans.append((start, end))
    pattern, hint = _lower_places()
    if hint.search(text):
        spans.extend(m.span() for m in pattern.finditer(text))
        spans.sort()
        kept: list[tuple[int, int]] = []
        for span in spans:
            if not kept or span[0] >= kept[-1][1]:
                kept.append(span)
        spans = kept
    return tuple(spans)


@cache
def _generic_place_pattern() -> tuple[re.Pattern[str], WordCue | None]:
    """Places named by what they are ("the country", "nationwide"), and the words a sentence must hold for one."""
    generic = lexicon().grammar["generic_places"]
    # case kept: "the Nationwide" is a building society
    return re.compile(alternation_not_after(list(generic), r"[\w]") + r"(?![\w])"), WordCue.of(generic)


@cache
def _noun_after(key: str) -> re.Pattern[str]:
    """One of the nouns of a grammar word list, after a place's name: one that makes it a product's
    ("place_named_products": "Brent crude") or a thing's ("generic_place_compounds": "the country house")."""
    return re.compile(r"\s+" + alternation(grammar_words(key)))


_OFFICE_OF = re.compile(
    r"\b(?:[Mm]ayor|Secretary|Minister|Bank|University|Council|Office|Department|Prince|Princess|Duke|Duchess|Earl|"
    r"Countess|Bishop|Archbishop|King|Queen|Governor|Lord)\s+(?:of|for)\s+(?:the\s+)?$")
_CAPITAL_AFTER = re.compile(r"\s+capital\b")
_RANKED_AFTER = re.compile(r"['’]s?\s+(?:[\w-]+-)?(?:biggest|largest|greatest|highest|lowest|most|least|best|worst|"
                           r"fastest|richest|poorest|leading|top|first|oldest|smallest|busiest)\b")
_WORLD_TITLE_AFTER = re.compile(r"[\s-]+(?:rankings?|ranked|number|no\.?|title|titles|champions?|championships?|"
                                r"class|tour|tours)\b", re.IGNORECASE)
_ACROSS = re.compile(r"^across\s+")


def find_places(text: str) -> list[Mention]:
    """Places named in a sentence, leaving out those that name an organisation or office."""
    return sentence_places(text)[0]


def sentence_places(text: str) -> tuple[list[Mention], list[str]]:
    """A sentence's places (as :func:`find_places`) and its organisations' places (as :func:`organisation_places`).

    Both come from one pass over the sentence with the gazetteer's pattern.
    """
    places, org_places, _, _ = _sentence_places(text)
    return list(places), list(org_places)


_A_SIZE_OF = re.compile(r"\s+of\s+(?:about\s+|around\s+|some\s+)?(?:[£$€¥]?\d|(?:one|two|three|four|five|six|seven|"
                        r"eight|nine|ten|half)\b)", re.IGNORECASE)


def places_aside(text: str) -> list[str]:
    """The places a sentence names where its figures do not hold, canonically: where one of its organisations is
    from ("The US company", "US media giant TimeWarner"), a place left out ("outside the US"). They still say
    what the article is about."""
    _, _, homes, left_out = _sentence_places(text)
    return list(homes + left_out)


def peoples_places(text: str) -> list[str]:
    """The places whose people a sentence names ("data provided by the Liberians"), canonically."""
    people = gazetteer().people
    return [people[word] for word in _PEOPLE_WORD.findall(text) if word in people]


_PEOPLE_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]+(?:s|es)\b")


def places_left_out(text: str) -> list[str]:
    """The places a sentence leaves out ("outside the US", "except Wales"), canonically."""
    return list(_sentence_places(text)[3])


@lru_cache(maxsize=512)
def _sentence_places(text: str) -> tuple[tuple[Mention, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    # a sentence is read for its places by the document's place and again for its figures
    gaz = gazetteer()
    org_words = grammar_set("organisation_words")
    found: list[Mention] = []
    org_places: list[str] = []
    homes: list[str] = []
    left_out: list[str] = []
    left_out_end: int | None = None
    compared: list[Mention] = []
    for start, end in _place_matches(text):
        written = text[start:end]
        if _is_organisation(text, start, end, org_words):
            org_places.append(gaz.aliases[written])
            continue  # "London Mayor", "Islington Council", "Scotland Yard"
        if _office_before(text, start):
            continue  # "the Mayor of London"
        if _named_of(text, start):
            org_places.append(gaz.aliases[written])
            continue  # "Pirates of the Caribbean", "the Motion Picture Association of America": a name's
        if gaz.places[gaz.aliases[written]].type == "world" and (_RANKED_AFTER.match(text, end)
                                                                 or _WORLD_TITLE_AFTER.match(text, end)):
            continue  # "the world's fifth-largest brewer", "the world rankings": a ranking, not where the figure holds
        if _person_before(text, start):
            continue  # "Mr Houston", "George Washington": a person's name
        if _name_before(text, start) or _abbreviated_name(text, start, end):
            org_places.append(gaz.aliases[written])
            continue  # "Real Madrid", "AC Milan", "Bayern Munich": a name ending in a place; "Scottish and Newcastle
            # (S&N)": a name its initials shorten
        if _opponent_before(text, start):
            continue  # "two of their last three games are against Leicester": a team, not a place
        if _describes_a_person(text, end) or (text[start - 1 : start] == "(" and text.startswith(")", end) and
                                               _NAME_BEFORE_BRACKET.search(text, max(0, start - 40), start - 1)):
            # "US rapper Snoop Dogg", "the UK chancellor", "2 Amelie Mauresmo (France)": whose nationality, not where
            # the figure holds
            continue
        if _describes_an_organisation(text, end):
            org_places.append(gaz.aliases[written])
            homes.append(gaz.aliases[written])
            continue  # "The US company", "US media giant TimeWarner": whose home, not where the figure holds
        if _A_PERSONS_HOME_BEFORE.search(text, max(0, start - 40), start) and text.startswith(",", end):
            homes.append(gaz.aliases[written])
            continue  # "Tony Martin, of Burnley, said": where a person lives, not where the figure holds
        if _gives_the_money(text, start, end, gaz.places[gaz.aliases[written]].type):
            homes.append(gaz.aliases[written])
            continue  # "10bn euros in aid from the EU": the giver, not where the sum holds
        if _superlative_in().search(text, max(0, start - 40), start):
            compared.append(Mention(start, end, written, written))
            continue  # "... from 10, which had been the lowest in the euro zone": the field compared
        if (_EXCLUDED_BEFORE.search(text, max(0, start - 20), start) and not text.startswith(("'s", "’s"), end)) or (
                left_out_end is not None and _LISTED_NEXT.fullmatch(text, left_out_end, start)):
            left_out.append(gaz.aliases[written])  # "outside France and the UK": both
            left_out_end = end
            continue  # "90% of the material outside America": where the figure does not hold
        name = gaz.aliases[written]
        capital = _CAPITAL_AFTER.match(text, end)
        # the last four characters suffice: no character lower-cases to fewer than one
        if capital and text[max(0, start - 4) : start].lower().endswith("the ") and gaz.places[name].capital:
            cap = gaz.places[name].capital
            found.append(Mention(start - 4, capital.end(), text[start - 4 : capital.end()], cap))
            continue
        found.append(Mention(start, end, written, written))
    for m in cued_matches(*_generic_place_pattern(), text):
        if any(p.start <= m.start() < p.end for p in found) or _A_SIZE_OF.match(text, m.end()) or \
                _noun_after("generic_place_compounds").match(text, m.end()):
            continue  # "in the region of £40m", "in the area of 500": about so much, nowhere; "the country house"
        written = _ACROSS.sub("", m.group(0).lower())
        found.append(Mention(m.start(), m.end(), m.group(0), written))
    if found:
        homes.extend(gaz.aliases[m.text] for m in compared)  # (the place of "Spain, the highest in the EU" is Spain)
    else:
        found.extend(compared)  # "House prices rose the slowest in Greater London"
    if not found:
        # "37 English council areas": a place named only by its adjective
        for m in _adjective_pattern().finditer(text):
            # ("American IT giant EDS", "British PM": what stands after the abbreviation says what the place is of)
            end = short.end() if (short := _ABBREVIATION_AFTER.match(text, m.end())) else m.end()
            if _describes_a_person(text, end) or _names_a_competition(text, end) or \
                    _describes_an_organisation(text, end) or _a_sums_currency(text, m.start(), m.end()) or \
                    (short and short.group(1).lower() in grammar_words("person_descriptors")) or \
                    _abbreviated_name(text, m.start(), end) or \
                    _APPOSITION_OPENS.search(text, max(0, m.start() - 40), m.start()):
                # ("EuroDisney, the European home of Mickey Mouse, will sell": what the name is, in an aside)
                continue  # "The British singer played to 2,700 fans", "6.50m to win the European trials"
            found.append(Mention(m.start(), m.end(), m.group(0), gaz.shown(gaz.adjectives[m.group(0)])))
    return (tuple(_join_pairs(text, sorted(found, key=lambda p: p.start))), tuple(org_places), tuple(homes),
            tuple(left_out))


_ABBREVIATION_AFTER = re.compile(r"\s([A-Z]{2,4})s?(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Z][a-z]+)\.?\s$")
_NEXT_WORDS = re.compile(r"\s+(?:(?:former|new|top|leading|young|rising|fellow)\s+)?([\w'’-]+)")


def _names_a_competition(text: str, end: int) -> bool:
    """Whether the adjective before ``end`` names a competition ("the European trials", "the British indoor
    championships"): what was won there holds nowhere in particular."""
    m = _NEXT_WORDS.match(text, end)
    return m is not None and m.group(1).lower() in grammar_words("competition_nouns")


_EXCLUDED_BEFORE = re.compile(r"\b(?:outside|except|excluding|apart\sfrom|other\sthan)\s(?:of\s)?(?:the\s)?"
                              # "outside western Europe", "except mainland China": a part of the place left out
                              r"(?:(?:(?:north|south)(?:[\s-]?(?:east|west))?|east|west|central|mainland)(?:ern)?\s)?$",
                              re.IGNORECASE)
_FUNCTION_WORDS = frozenset({"and", "or", "but", "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by",
                             "with", "as", "is", "was", "are", "were", "has", "have", "had", "will", "would", "that",
                             "which", "who", "its", "their", "this", "said", "says"})
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)\b")
_NUMBER_BEFORE = re.compile(r"\d[\d,.]*\s?(?:bn|m|k|million|billion|trillion)?\s$")
_NUMBER_AFTER = re.compile(r"\s\d")


def _a_sums_currency(text: str, start: int, end: int) -> bool:
    """Whether the adjective at ``start``–``end`` names the currency of a sum ("1.33bn Australian dollars",
    "Australian dollars 648m", "65 Canadian cents"), by the currency lexicon's names and coins: not a place (as "the
    Indonesian rupiah lost 0.6%" is the rupiah's)."""
    currency = _NEXT_WORD.match(text, end)
    if currency is None or (name_key(text[start : currency.end()]) not in money().names
                            and subunit(currency.group(1)) is None):
        return False
    return _NUMBER_BEFORE.search(text, max(0, start - 16), start) is not None or \
        _NUMBER_AFTER.match(text, currency.end()) is not None


_LISTED_NEXT = re.compile(r"(?:,\s|\s(?:and|or)\s)(?:the\s)?")
_ORGANISATION_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){1,3}")  # "US media giant", "Indian budget airline"


def _describes_an_organisation(text: str, end: int) -> bool:
    """Whether the place before ``end`` says where one organisation named after it is from ("The US company",
    "US media giant TimeWarner", "a new Indian budget airline"): not where its figures hold ("UK firms", many
    of them, are the UK's)."""
    m = _ORGANISATION_AFTER.match(text, end)
    for word in m.group(0).split() if m is not None else ():
        if word in grammar_words("organisation_descriptors"):
            return True
        if word in _FUNCTION_WORDS or word.endswith(("ed", "ly")):
            return False  # "in the US and the firm said": another phrase
    return False


# "Tony Martin, of Burnley,", "Mrs Jones, from Leeds,": a name, then where the person is from, set off by commas
_A_PERSONS_HOME_BEFORE = re.compile(r"[A-Z][\w'’-]+,\s(?:of|from)\s$")


@cache
def _funding() -> tuple[re.Pattern[str], re.Pattern[str]]:
    nouns = alternation(lexicon().grammar["funding_nouns"]["words"], boundary=False)
    # "in aid from the IMF and the EU", "the 10bn euros, agreed by the EU": a sum just before the verb
    giver_before = re.compile(rf"\b(?:(?:{nouns})\s(?:[a-z]+\s){{0,2}}?from|(?:\d(?:bn|m)?|euros?|dollars?|pounds?|"
                              rf"yen|francs?|million|billion),?\s(?:[a-z]+\s)?(?:agreed|provided|granted|offered|lent|"
                              rf"pledged|promised|given|approved)\s+by)\s(?:the\s)?"
                              rf"(?:(?:[A-Z][\w-]*\s){{1,5}}(?:and|&)\s(?:the\s)?)?$")
    giver_after = re.compile(rf"(?:-led)?\s(?:(?:[a-z]+-)?[a-z]+\s)?(?:{nouns})\b")
    return giver_before, giver_after


def _gives_the_money(text: str, start: int, end: int, kind: str) -> bool:
    """Whether the place at ``start``–``end`` is the giver of a sum ("10bn euros in aid from the IMF and the EU",
    "agreed by the EU", a union before what it gives: "an EU bailout deal"), not where it holds."""
    before, after = _funding()
    return before.search(text, max(0, start - 80), start) is not None or (
        kind == "union" and after.match(text, end) is not None)


@cache
def _superlative_in() -> re.Pattern[str]:
    """"the lowest in the euro zone": the field a superlative, said of the figure itself, is taken in."""
    words = alternation(lexicon().grammar["superlatives"]["words"], boundary=False)
    return re.compile(rf"\b(?:the|its|their)\s(?:{words}|most\s[a-z]+|least\s[a-z]+)\sin\s(?:the\s)?$")


def _describes_a_person(text: str, end: int) -> bool:
    """Whether the place before ``end`` describes the person named after it ("US rapper", "the British former
    champion")."""
    m = _NEXT_WORDS.match(text, end)
    return m is not None and m.group(1).lower() in grammar_words("person_descriptors")


def _opponent_before(text: str, start: int) -> bool:
    """Whether a place at ``start`` is a team's name: the opponent of a match ("against Leicester",
    "beat France 2-1")."""
    return _opponent_pattern().search(text, max(0, start - 50), start) is not None


@cache
def _opponent_pattern() -> re.Pattern[str]:
    words = alternation(lexicon().grammar["opponent_before"], boundary=False)
    # "against Leicester and Bath": each team of a list of opponents
    others = r"(?:(?-i:[A-Z][\w.'’-]*)\s?){1,3}(?:,|\sand|\sor)\s"
    return re.compile(rf"(?<![\w-]){words}\.?\s(?:the\s)?(?:{others})?$", re.IGNORECASE)


@cache
def _titles() -> frozenset[str]:
    return frozenset(t.rstrip(".") for t in lexicon().grammar["titles"])


def _person_before(text: str, start: int) -> bool:
    """Whether the place name at ``start`` is a surname: a title or a first name comes right before it."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and (m.group(1) in _titles() or m.group(1) in first_names())


def _office_before(text: str, start: int) -> bool:
    """Whether an office names the place at ``start`` (``the Mayor of London``)."""
    # the pattern ends in "of", "for" or "the" and a space: a quick test spares most places the search
    head = text[:start]
    if not (head[-1:].isspace() and head.rstrip().endswith(("of", "for", "the"))):
        return False
    return _OFFICE_OF.search(head) is not None


def _named_of(text: str, start: int) -> bool:
    """Whether the place at ``start`` ends a name written with a capital before "of": "Pirates of the Caribbean",
    "the Motion Picture Association of America" (a word of what a place is, "the Republic of Ireland", "the Gulf
    of Mexico", names the place itself)."""
    head = text[:start]
    if not (head[-1:].isspace() and head.rstrip().endswith(("of", "the"))):
        return False
    named = _NAME_OF.search(head)
    return named is not None and named.group("word") not in _place_kinds() and \
        head[: named.start("word")].strip() != "" and \
        not head[: named.start("word")].rstrip().endswith((".", "!", "?", ":"))


_NAME_OF = re.compile(r"\b(?P<word>[A-Z][a-z]+)\s+of\s+(?:the\s+)?$")


@cache
def _place_kinds() -> frozenset[str]:
    """Words that say what a place is, before "of" in its name ("Republic", "Isle", "Gulf")."""
    return frozenset(lexicon().grammar["place_kinds"]["words"])


@cache
def _adjective_pattern() -> re.Pattern[str]:
    # "Chinese PC sales": an abbreviation may stand between the adjective and its noun
    return re.compile(alternation_not_after(list(gazetteer().adjectives), r"[\w-]") + r"(?=\s(?:[A-Z]{2,4}s?\s)?[a-z])")


_PAIR_JOIN = re.compile(r",?\s+(?:and|&)\s+(?:the\s+)?")
_LIST_JOIN = re.compile(r",\s+(?:the\s+)?")


def _join_pairs(text: str, found: list[Mention]) -> list[Mention]:
    """``in the US and UK``, ``the East Midlands, the West Midlands and the South West``: places listed with
    "and" at the end are where the figure applies together."""
    out: list[Mention] = []
    run: list[Mention] = []  # places joined by commas so far, waiting for the "and" that makes them a list
    for mention in found:
        if run and _LIST_JOIN.fullmatch(text, run[-1].end, mention.start):
            run.append(mention)
            continue
        if run and _PAIR_JOIN.fullmatch(text, run[-1].end, mention.start):
            run.append(mention)
            values = [m.value for m in run]
            out.append(Mention(run[0].start, mention.end, text[run[0].start : mention.end],
                               f"{', '.join(values[:-1])} and {values[-1]}"))
            run = []
            continue
        out.extend(run)
        run = [mention]
    out.extend(run)
    return out


_NEXT_CAPITALS = re.compile(r" ([A-Z][\w&]*)(?=( [A-Z][\w&]*)?)")


_APPOSITION_OPENS = re.compile(r"[A-Z][\w&'’.-]*,\s(?:the|a|an)\s(?:[a-z-]+\s)?$")
_NAME_BEFORE_BRACKET = re.compile(r"[A-Z][\w'’-]+\s[A-Z][\w'’-]+\s?$")  # "Amelie Mauresmo (France)"
_WHOLE_LANDS = frozenset({"country", "nation", "continent", "world", "region", "state", "union"})


def _is_organisation(text: str, start: int, end: int, org_words: frozenset[str]) -> bool:
    """Whether the place name ending at ``end`` runs on into the name of an organisation."""
    if text.startswith(("'s", "’s"), end):
        return False  # "Britain's streets"
    if _noun_after("place_named_products").match(text, end) and \
            (gaz := gazetteer()).places[gaz.aliases[text[start:end]]].type not in _WHOLE_LANDS:
        return True  # "Brent crude": a product named after a town (not "US crude", the country's)
    after = _NEXT_CAPITALS.match(text, end)
    if not after:
        return False
    # "London Mayor", "Islington Council", "London Stock Exchange", "Paris Saint-Germain": a name that runs on
    word = after.group(1)
    return word in org_words or bool(after.group(2)) or (
        word not in gazetteer().aliases and word not in _calendar_words() and word.lower() not in _PLACE_FOLLOWERS
        and text[after.end(1) : after.end(1) + 1] in ("-", " ", "") and len(word) > 1)


# capitalised words that may follow a place without making a name of it
_PLACE_FOLLOWERS = frozenset({"and", "or", "the", "a", "in", "on", "at", "but", "as", "i", "he", "she", "it", "we",
                              "they", "this", "that", "from", "to", "for", "by", "with", "said", "says"})
# words that may come before a place without making a name of it: "North London", "Greater Manchester"
_PLACE_QUALIFIERS = frozenset({"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
                               "Central", "Greater", "Upper", "Lower", "Inner", "Outer", "Old", "New", "Mid",
                               "Metropolitan", "Downtown", "Rural", "Urban", "Coastal", "Mainland", "Continental"})
_CAPITAL_BEFORE = re.compile(r"\b([A-Z][\w&'’-]*)\s$")


@cache
def _calendar_words() -> frozenset[str]:
    g = lexicon().grammar
    return frozenset(g["months"]) | frozenset(g["weekdays"])


# capitalised words joined as one name, and the short form in brackets after them: "Scottish and Newcastle (S&N)"
_NAME_RUN_BEFORE = re.compile(r"(?:[A-Z][\w&'.-]*\s(?:(?:and|of|for|&)\s)?)*$")
_NAME_RUN_AFTER = re.compile(r"[\w'.-]*(?:\s(?:(?:and|of|for|&)\s)?[A-Z][\w&'.-]*)*"
                             r"\s\((?P<short>[A-Z][A-Za-z&]{1,7})\)")


def _abbreviated_name(text: str, start: int, end: int) -> bool:
    """Whether the place at ``start:end`` is a word of a name given with its initials in brackets after it
    ("Scottish and Newcastle (S&N)", "Texas Instruments (TI)"): an organisation's name, not a place."""
    if "(" not in text[end : end + _SHORT_FORM_REACH]:
        return False  # (most places have no bracket after them: the patterns need not be tried)
    after = _NAME_RUN_AFTER.match(text, end)
    if after is None or text.startswith(("'s", "’s"), end):
        return False  # ("Norway's National Fishing Company (NFC)": whose the name is)
    short = after.group("short")
    before = _NAME_RUN_BEFORE.search(text, max(0, start - 80), start)
    words = list(_CAPITALISED_WORD.finditer(text, before.start() if before else start, after.start("short")))
    while words and words[0].group(0)[0] != short[0]:
        words.pop(0)  # "The Hong Kong and Shanghai Banking Corporation (HSBC)": from the word the short form opens on
    letters = [c for c in short.upper() if c.isalpha()]
    if len(words) < 2 or len(letters) < 2 or words[0].start() > start or \
            _SERVES.search(text, words[0].start(), start):
        # ("China's State Environmental Protection Agency (Sepa)": the place is no word of the name; "the Economic
        # Commission for Latin America and the Caribbean (ECLAC)": a name of what serves the place)
        return False
    initials = iter(word.group(0)[0] for word in words)
    return all(letter in initials for letter in letters)  # the short form's letters, in order, open its words


_CAPITALISED_WORD = re.compile(r"(?<![\w'.-])[A-Z][\w&'.-]*")
_SHORT_FORM_REACH = 60  # characters from a place to the bracket of a short form of the name it is in
_SERVES = re.compile(r"\s(?:of|for)\s")


def _name_before(text: str, start: int) -> bool:
    """Whether a capitalised word right before the place makes a name of it ("Real Madrid", "AC Milan"):
    one that is no qualifier of places, no place itself, and does not open the sentence."""
    m = _CAPITAL_BEFORE.search(text, max(0, start - 30), start)
    if m is None or m.start(1) == 0:
        return False
    word = m.group(1)
    if word in _PLACE_QUALIFIERS or word in gazetteer().aliases or word in gazetteer().adjectives or \
            word in _calendar_words() or word.lower() in _PLACE_FOLLOWERS or word.lower() in _titles():
        return False
    head = text[: m.start(1)].rstrip()
    if _LIST_NUMBER.search(head):
        return True  # "1. Real Madrid": an item of a numbered list starts with a name
    return bool(head) and not head.endswith((".", "!", "?", ":", '"', "“"))


_LIST_NUMBER = re.compile(r"(?:^|\n)\s*\d{1,2}[.)]$")


def organisation_places(text: str) -> list[str]:
    """Places named only as part of an organisation (``Islington Council``): hints for ``the borough``."""
    return sentence_places(text)[1]


# "the country" is the country the article is about, when it is about one; else it stays as written
_COUNTRIES = ("country", "nation")
_KINDS_WANTED = {"borough": ("borough", "district"), "city": ("city",), "county": ("county",),
                 "region": ("region",), "state": ("state",), "capital": ()}


def reads_earlier_places(value: str) -> bool:
    """Whether :func:`resolve_generic_place` looks at the places named before to resolve ``value``."""
    return lexicon().grammar["generic_places"].get(value) in _KINDS_WANTED


def resolve_generic_place(value: str, earlier: list[str], about: str | None = None,
                          sentence: list[str] = ()) -> str:
    """``the borough`` → the borough named most in the document so far; ``the country`` → the country the
    article is about (``about``), else the only country its own sentence names (``sentence``); other generic
    places stay as written.
    """
    kind = lexicon().grammar["generic_places"].get(value)
    gaz = gazetteer()
    if kind == "country" and about is not None and about in gaz.places and gaz.places[about].type in _COUNTRIES:
        return about
    if kind == "country":
        # "UK gamers ... one of the country's top teams": the one country the sentence names
        named = {gaz.aliases.get(name, name) for name in sentence}
        countries = {name for name in named if name in gaz.places and gaz.places[name].type in _COUNTRIES}
        if len(countries) == 1:
            return countries.pop()
    wanted = _KINDS_WANTED.get(kind or "")
    if wanted is None:
        return value
    # the place of that kind the document names most often (the latest on a tie)
    scores: dict[str, tuple[int, int]] = {}
    for position, name in enumerate(earlier):
        place = gaz.places.get(gaz.aliases.get(name, name))
        if place is None:
            continue
        candidate = place.capital if kind == "capital" else place.name if place.type in wanted else None
        if candidate:
            count, _ = scores.get(candidate, (0, 0))
            scores[candidate] = (count + 1, position)
    if not scores:
        return value
    return max(scores, key=lambda name: scores[name])


# --- periods ----------------------------------------------------------------


@cache
def _period_pattern() -> re.Pattern[str]:
    """Time expressions, written in lower case, to find in a sentence lower-cased by :func:`fold`.

    The periods are matched whatever their case; matching the lower-cased sentence with a
    case-sensitive pattern finds the same spans several times faster than a case-blind one.
    """
    lex = lexicon()
    # a month is a whole word: "sep" is September, not the start of "separate"
    months = alternation([m.lower() for m in lex.grammar["months"]], boundary=False) + r"(?![a-z])"
    weekdays = alternation([d.lower() for d in lex.grammar["weekdays"]], boundary=False)
    cardinals = alternation([w.lower() for w in lex.numbers["cardinal_words"]], boundary=False)
    units = r"(?:years?|months?|weeks?|weekends?|days?|decades?|quarters?|seasons?)"
    spans = r"(?:deals?|contracts?|agreements?|cycles?|periods?|terms?|seasons?|campaigns?|parliaments?)"
    # the spans of a life or a reign, periods only after a preposition: "in a 40-year career", "in its 80-year
    # history" (not "began his seven-year reign with three defeats")
    lives = r"(?:careers?|histor(?:y|ies)|reigns?|tenures?|lifetimes?|existence|stints?|spells?)"
    year = r"(?:(?:19|20)\d{2}(?:\s?[/–-]\s?(?:(?:19|20)?\d{2}|\d))?)"
    quarter = r"(?:q[1-4]|the\s(?:first|second|third|fourth|last)\squarter(?:\sof)?)"
    # "mid-2005", "early 2006", "late March": a part of a year or month (not of a decade: "the mid 1990s")
    part = r"(?:early|mid|late)[\s-]"
    when = rf"{part}(?:(?:\d{{1,2}}\s)?{months}\s)?{year}(?!['’]?s\b)|{part}{months}(?:\s{year})?" \
           rf"|(?:(?:\d{{1,2}}\s)?{months}\s)?{year}|(?:\d{{1,2}}\s)?{months}(?:\s{year})?|{quarter}\s{year}"
    count = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|{cardinals}|a|one)"
    dated = alternation(lex.grammar["dated_things"]["words"], boundary=False)
    pattern = rf"""
        # between 2006-7 and 2016-17
        (?:between\s(?:{when})\sand\s(?:{when}))
        # over the three days beginning on Friday, in the week starting 6 June
      | (?:(?:in|over|during|for)\s)?the\s(?:(?:{count}|first|past|last)\s)?{units}\s(?:beginning|starting|from)\s
        (?:on\s)?(?:{weekdays}|\d{{1,2}}\s{months}|{months}\s\d{{1,2}})
        # from 2007 to 2017, for the years from 2006 to 2015
      | (?:(?:(?:for|in|over|during)\s)?(?:the\s)?(?:{units}|period)\s)?
        (?:from\s(?:{when})\s(?:to|until|till)\s(?:{when}))
        # from 6 to 9 January
      | (?:from\s)?\d{{1,2}}\s?(?:to|until|[–-])\s?\d{{1,2}}\s{months}(?:\s{year})?\b
        # (in) the ten years to 2016/17
      | (?:(?:in|over|during|for)\s)?(?:the\s)?(?:(?:{count}|past|last|previous)\s)?{units}
        \s(?:to|up\sto|ending(?:\sin)?)\s(?:{when}|{weekdays})
        # (over) the last 12 months
      | (?:(?:in|over|during|within)\s)?the\s(?:last|past|previous|next|first|coming)\s(?:{count}\s)?{units}
        # since 2010, since the start of the year, (from now) until at least 2008
      | (?:from\snow\s(?:until|till|to)|since|by|until|till|before|after|from)\s(?:at\sleast\s)?
        (?:the\s(?:start|end|beginning)\sof\s)?(?:the\s)?(?:{when}|year|decade|month)
        # since it was released in 2003, since they first hit the charts in 2002: since then
      | since\s(?:it|they|he|she|we|the\s[a-z]+)\s(?:[a-z]+\s){{1,4}}?in\s(?:{when})
        # in 2018, as of September, in the year to March 2019
      | (?:in|into|during|throughout|for|as\sof|at\sthe\s(?:end|start)\sof|by\sthe\send\sof
         |in\sthe\s(?:year|first\shalf|second\shalf)\s(?:to|of))\s(?:{when})
        # in the third quarter (of 2019), in the 2005 fiscal year, during the same quarter
      | (?:in|during|for|over)\s(?:the\s)?(?:same\s|previous\s|current\s|last\s|next\s|first\s|second\s|third\s
         |fourth\s|final\s)?(?:{year}\s)?(?:fiscal\s|financial\s|calendar\s|tax\s|academic\s)?(?:year|quarter|half)
        (?![a-z])
      | every\s(?:year|month|week|day)
        # (compared to) a decade earlier, two years ago, the year before
      | (?:(?:compared\s(?:to|with)|than)\s)?(?:(?:{count}|a)\s{units}\s(?:earlier|ago|before|previously)
        |the\s(?:year|month|week|day|quarter|season|decade)\s(?:earlier|before))
        # this year, last month, the current financial year
      | (?:this|last|next|the\sprevious|the\scurrent)\s(?:year|month|week|decade|quarter|financial\syear|academic\syear)
        (?![a-z])
        # by the middle of the century, by mid-century
      | (?:by|in|until|before)\s(?:the\s(?:middle|end|turn|start)\sof\s(?:the|this|next)\scentury|mid-century)
        # during the three-month period, for a two-year contract
      | (?:in|during|over|for|under|throughout)\s(?:the|its|their|his|her|a)\s(?:{count}|\d+)[\s-]
        (?:year|month|week|day|season)\s(?:{spans}|{lives})
        # in 25 days, after six months, for five years, over three years, in its first week, over the final
        # three months of the year
      | (?:in|within|after|for|over|during)\s(?:the\s|its\s|their\s)?(?:(?:first|final|last|next|past|same)\s)?
        (?:{count}[\s-])?{units}(?![a-z])(?:\sof\sthe\s(?:year|season))?(?!\s(?:earlier|ago|old))
        # during the three-month period, under the previous deal, the current three-year contract, its present
        # deal, next season's, a three-year deal
      | (?:(?:under|in|during|for|with|from|over|of)\s)?(?:the\s|its\s|their\s|a\s|this\s)?
        (?:(?:new|next|previous|current|present|existing|old|last|first|latest|same|coming|latter)\s)
        (?:(?:{count}|\d+)[\s-](?:year|season|month)\s)?(?:[a-z]+\s)?{spans}
      | (?:{count}|\d+)-(?:year|season|month|week)\s(?:[a-z]+\s)?{spans}
      | (?:over|during|for)\sthe\scourse\sof\s(?:this|the|its|their)\s{spans}
        # since its 2012 release, since launch, since the firm's founding
      | since\s(?:(?:its|their|his|her|the)\s)?(?:{year}\s)?(?:release|launch|debut|opening|introduction|creation
         |founding|inception|formation|start)\b
        # by summer 2006, in the autumn of 2004, this winter, by spring next year
      | (?:in|by|until|since|during|over|before|after|from|throughout|this|last|next)\s(?:the\s)?
        (?:(?:early|late|mid)[\s-])?(?:spring|summer|autumn|winter)
        (?:\s(?:of\s)?(?:{year}|next\syear|this\syear|last\syear)(?![a-z])
         |(?![a-z])(?!\s(?!(?:and|but|or|to|of|for|in|on|at|as|with|when|while|before|after|the|a|an|it|its|they|he|
           she|we|is|was|will|would|has|had|have|are|were|than|then|so|because|if|until|from|by)\b)[a-z]))
        # in recent years; in the past 24 hours; over the Christmas period, at Christmas
      | in\srecent\s(?:years|months|weeks|days|decades)
      | (?:(?:in|over|within|during)\s)?the\s(?:last|past|next|previous)\s(?:{count}\s)hours(?![a-z-])
      | (?:over|during|in|for|at|before|after|since)\s(?:the\s)?(?:christmas|easter|festive|new\syear)
        (?:\s(?:period|season|holidays?|break|weekend|trading\speriod|quarter))?(?![a-z])
        # on Christmas Day, on New Year's Eve, on Boxing Day, on Thanksgiving
      | (?:on|by|until|since|before|after)\s(?:christmas\s(?:day|eve)|new\syear['’]s\s(?:day|eve)|boxing\sday
         |easter\s(?:sunday|monday|day)|thanksgiving(?:\sday)?|valentine['’]s\sday|good\sfriday)(?![a-z])
        # for the whole of 2004, for the full year, for the full-year
      | (?:for|in|during|over|throughout)\s(?:the\s)?(?:whole|full|entire)(?:\sof(?:\sthe)?)?[\s-]
        (?:{when}|year|season|quarter|month|week|decade)(?![a-z-])
        # its 2004 dividend, the 2001 election: a year that dates what is counted (not "the 1994 film")
      | (?:(?<=the\s)|(?<=its\s)|(?<=their\s)|(?<=his\s)|(?<=her\s)|(?<=our\s))(?:19|20)\d{{2}}
        (?=\s(?:[a-z]+\s)?(?:{dated})(?![a-z]))
        # on Sunday, last week, on 20 March, from the end of this season, before 15 March
      | (?:on|last|this|next|by|from|until|since)\s(?:{weekdays})(?:\s\d{{1,2}}\s{months})?
      | currently | at\spresent | presently
      | (?:last|this|next|the\sprevious|the\sfollowing)\s(?:week|weekend|season|night|month|year)(?![a-z])
      | (?:on|by|from|until|before|after|since|prior\sto)\s
        (?:\d{{1,2}}\s{months}|{months}\s\d{{1,2}}(?!\d))(?:,?\s{year})?
      | (?:from|at|by|until|before|after)\sthe\s(?:end|start|beginning)\sof\s(?:this|the|next|last)\s
        (?:season|year|month|week|decade|quarter|campaign)
      | (?:the\s)?(?:{year}\s)?(?:first|second|third|fourth|final|last|next)\s(?:quarter|half|season)
        # rates: a year, annually, year on year, per season
      | annually | yearly | per\sannum | year[-\s](?:on|over)[-\s]year
      | (?<![\w-])(?:a|per|each)\s(?:year|month|week|season|day)(?![\w'’-]|\s(?:earlier|ago|before|later|after))
        # "based on 2004 figures": the year the figures are of
      | {year}\s(?:figures|data|results|numbers|estimates|accounts)\b
        # a year whose the figure is: "2004's average"
      | (?<![\w£$€,.])(?:19|20)\d{{2}}(?=['’]s\s)
        # a bare financial year: 2015/16
      | (?<![\w£$€,.])(?:19|20)\d{{2}}\s?[/–-]\s?(?:(?:19|20)?\d{{2}}|\d)(?![\w/,])
    """
    # A period starts a word, and one of the words its branches open on: the guard spares the
    # branches every other position of a sentence.
    first = alternation(sorted(set(_PERIOD_OPENERS) | {m.lower() for m in lex.grammar["months"]}
                               | {w.lower() for w in lex.numbers["cardinal_words"]}), boundary=False)
    # nor inside a number: "6,000 years ago" is no "000 years ago"
    return re.compile(rf"(?<![a-z\d])(?<!\d[,.])(?=(?:{first})(?![a-z])|\d|q[1-4])(?:{pattern})", re.VERBOSE)


# the words the branches of the period pattern open on, besides months, number words and digits
_PERIOD_OPENERS = (
    "a", "after", "annually", "as", "at", "before", "between", "by", "coming", "compared", "current", "currently",
    "during", "each", "every", "existing", "final", "first", "for", "fourth", "from", "half", "in", "into", "its",
    "last", "latest", "latter", "new", "next", "of", "old", "on", "one", "over", "past", "per", "period", "present",
    "presently", "previous", "prior", "same", "second", "since", "than", "the", "their", "third", "this",
    "throughout", "till", "under", "until", "with", "within", "year", "years", "month", "months", "week", "weeks",
    "day", "days", "decade", "decades", "quarter", "quarters", "season", "seasons", "yearly",
)


# looked for in the sentence lower-cased by fold(), as case-blind words
_PERIOD_HINT = re.compile(r"\d|year|month|week|decade|quarter|annual|since|ago|earlier|season|deal|contract|present|"
                          r"current|agreement|cycle|period|term|day|hour|campaign|spring|summer|autumn|winter|christmas|"
                          r"easter|festive|recent|thanksgiving|friday|january|february|march|april|may|june|july|august|september|"
                          r"october|november|december")


def find_periods(text: str, blocked_ages: list[tuple[int, int]] = ()) -> list[Mention]:
    """Time expressions in a sentence that say when a figure applies."""
    found: list[Mention] = []
    folded = fold(text)  # the same offsets as in the text
    if not _PERIOD_HINT.search(folded):
        return found
    pattern, anchor = _period_pattern(), _period_anchor()
    for run in _PERIOD_RUN.finditer(folded):
        start, end = run.span()
        if not anchor.search(folded, start, end):
            continue
        # the pattern looks one character past a period: it is shown the one after the run
        for m in pattern.finditer(folded, start, end + 1):
            if any(s <= m.start() < e for s, e in blocked_ages):
                continue
            if folded.startswith("-", m.end()) and folded[m.end() + 1 : m.end() + 2].isalpha():
                continue  # "a quarter-final place", "a week-long strike": part of a compound word
            if _ON_THE_SAME.match(folded, m.end()):
                continue  # "a year on year comparison": a way of comparing, not a time
            if folded.startswith(" of ", m.end()) and folded[m.start() : m.end()].endswith((" a quarter", " a half")):
                continue  # "account for a quarter of the total": a share, not a time
            if _DECADE_AFTER.match(folded, m.end()) and _PART_OF_A_YEAR.search(folded, m.start(), m.end()):
                continue  # "since the mid 1990's": a part of a decade, which no year dates
            if _WEEKDAY_OF_AN_ANNOUNCEMENT.match(folded, m.start()) and _announced_before(folded, m.start()):
                continue  # "the strategy she announced on Monday": when it was said, not when the figure holds
            if folded.startswith(("'s", "’s"), m.end()) and _COMPARED_WITH.search(folded, max(0, m.start() - 12),
                                                                                    m.start()):
                continue  # "larger than last year's model": the other thing's time, not the figure's
            end = m.end()
            if (more := _coordinated().match(folded, end)) and _coordinated_end().search(folded, m.start(), end):
                end = more.end()  # "in 2001, 2002 and 2003", "in March or early April": one time, named in parts
            if (year := _RELATIVE_YEAR_AFTER.match(folded, end)) and \
                    _part_of_a_year_end().search(folded, m.start(), end):
                end = year.end()  # "in October last year", "in the third quarter of this year": one time
            elif (year := _YEAR_OF_A_SPAN.match(folded, end)) and _SPAN_END.search(folded, m.start(), end):
                end = year.end()  # "in the last three months of 2004", "in the same period a year earlier"
            written = text[m.start() : end]
            found.append(Mention(m.start(), end, written, written))
    return found


def names_a(unit: str, period: str) -> bool:
    """Whether a period names a time of the unit (``month``: "during December"; ``year``: "in 2004";
    ``quarter``: "the third quarter"; ``week`` or ``season``: one of the grammar's words for it)."""
    folded = fold(period)
    if unit == "month":
        return _part_of_a_year_end().search(folded) is not None and "quarter" not in folded
    if unit == "year":  # a year alone ("in 2004", not "in the third quarter of 2004")
        return re.fullmatch(r"(?:in|during|for|of)?\s?(?:19|20)\d\d", folded) is not None
    return re.search(rf"\b(?:first|second|third|fourth|last|final|next|this|\d\d?(?:st|nd|rd|th))\s{unit}\b",
                     folded) is not None


_ON_THE_SAME = re.compile(r"\son\s(?:a\s)?(?:year|month|quarter|week)\b")
_RELATIVE_YEAR_AFTER = re.compile(r"\s(?:of\s)?(?:last|this|next)\syear\b")
# the year a span of months, weeks, days, a quarter or a period lies in, named after it
_YEAR_OF_A_SPAN = re.compile(r"\s(?:of|in)\s(?:the\syear|(?:19|20)\d\d(?![\w/–-]))"
                             r"|\s(?:a|one)\syear\s(?:earlier|before)\b|\s(?:of\s)?(?:last|this|the\sprevious)\syear\b")
_SPAN_END = re.compile(r"(?:months?|weeks?|days?|quarter|half|period)$")


@cache
def _part_of_a_year_end() -> re.Pattern[str]:
    """A period that ends on a month, a quarter, a half or a season: the year named after it is its own."""
    months = alternation([m.lower() for m in lexicon().grammar["months"]], boundary=False)
    return re.compile(rf"(?:{months}|quarter|half|spring|summer|autumn|winter|christmas|easter)$")


@cache
def _coordinated() -> re.Pattern[str]:
    """Years or months joined to the one a period ends on: ", 2002 and 2003", " or early April"."""
    months = alternation([m.lower() for m in lexicon().grammar["months"]], boundary=False)
    item = rf"(?:(?:early|late|mid)[\s-])?(?:(?:19|20)\d\d|{months})\b"
    return re.compile(rf"(?:,\s{item})*,?\s(?:and|or)\s{item}")


@cache
def _coordinated_end() -> re.Pattern[str]:
    months = alternation([m.lower() for m in lexicon().grammar["months"]], boundary=False)
    return re.compile(rf"(?:(?:19|20)\d\d|{months})$")


_DECADE_AFTER = re.compile(r"['’]?s\b")
_PART_OF_A_YEAR = re.compile(r"(?:early|mid|late)[\s-](?:19|20)\d\d$")
_COMPARED_WITH = re.compile(r"\b(?:than|from|with|against|versus|over|like)\s$")
_WEEKDAY_OF_AN_ANNOUNCEMENT = re.compile(r"on\s(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
_WORD_END = re.compile(r"([a-z]+)\s*$")


@cache
def _announcing_verbs() -> frozenset[str]:
    g = lexicon().grammar
    return frozenset(v.lower() for v in g["speech_verbs"]) | frozenset(
        {"announced", "unveiled", "launched", "published", "released", "presented", "introduced", "proposed",
         "approved", "agreed", "signed", "outlined", "set", "made", "held", "hosted"})


def _announced_before(folded: str, at: int) -> bool:
    m = _WORD_END.search(folded, max(0, at - 20), at)
    return m is not None and m.group(1) in _announcing_verbs()


# Every character the period pattern can match (letters a-z, digits, spaces, "/", "–" and
# "-", and the comma of "1,000"): a period lies within a run of them. The pattern is tried only
# on the runs that hold what every period holds, a digit, a month or a time word, rather than
# on the whole sentence.
_PERIOD_RUN = re.compile(r"(?:[a-z\d\s/–-]|(?<=\d),(?=\d{3})|(?<=[a-z\d])['’](?=s\s))+")  # ("new year's day")


@cache
def _period_anchor() -> re.Pattern[str]:
    months = alternation([m.lower() for m in lexicon().grammar["months"]], boundary=False)
    return re.compile(r"\d|year|month|week|day|hour|decade|quarter|half|annual|season|deal|contract|agreement|cycle|"
                      r"period|term|campaign|parliament|present|current|spring|summer|autumn|winter|christmas|"
                      r"easter|festive|recent|thanksgiving|" + months)


def nearest(mentions: list[Mention], start: int, end: int, clause: Clause,
            others: list[tuple[int, int, bool]] = (), text: str = "") -> Mention | None:
    """The mention inside ``clause`` closest to the span ``start``–``end`` that is not another figure's.

    ``others`` are the sentence's other figures (start, end, and whether a comparison opens
    them: "from", "than", "and"). A mention after this figure is another's when such a figure
    comes between ("£6.6m, up from £4.7m under the previous deal"); one before it is another's
    when it follows that figure's words closely ("20 million in two months and 40 million").
    """
    def belongs_elsewhere(m: Mention) -> bool:
        for s, e, compared in others:
            if end <= m.start and m.end <= s and text[m.end : s].strip() in _LEADS_A_FIGURE:
                return True  # "26.2%, followed by Wales on 21.7%": the place leads the next figure
            if m.start >= end and compared and end <= s < m.start:
                return True
            if m.end <= start and e <= m.start and m.start - e <= _OWN_REACH and s >= clause.start \
                    and text[m.end : start].strip() not in ("'s", "’s", "") \
                    and "," not in text[e : m.start]:  # "48 of Scotland's 59 seats"; "26.2%, followed by Wales"
                return True
        return False

    inside = [m for m in mentions if clause.start <= m.start < clause.end and not belongs_elsewhere(m)]
    if not inside:
        return None
    return min(inside, key=lambda m: (m.start - end if m.start >= end else start - m.end))


_OWN_REACH = 25  # how closely a mention follows a figure's words to be that figure's
_LEADS_A_FIGURE = frozenset({"", "on", "at", "with"})


def fronted(mentions: list[Mention], text: str) -> Mention | None:
    """A mention that opens the sentence (``Since 2010, ...``) and so governs all of it."""
    for m in mentions:
        head = _PLACE_PREPOSITION.sub("", text[: m.start].strip().lower())
        if head in ("", "but", "and", "however,", "yet", "so", "meanwhile,", "overall,"):
            return m  # "Since 2010, ...", "In China, ...", "But across Europe, ..."
    return None


_PLACE_PREPOSITION = re.compile(r"\s*\b(?:in|across|throughout|within|outside)$")


# --- normalized dates ---------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH_WORDS = {m: re.compile(rf"\b{m}\b") for m in _MONTHS}


_YEAR_SPAN = re.compile(r"((?:19|20)\d{2})(?:\s?[/–-]\s?((?:19|20)?\d{2}|\d))?")
_YEARS = re.compile(r"(?:19|20)\d{2}(?:\s?[/–-]\s?(?:(?:19|20)?\d{2}|\d)(?![\d]))?")
_YEARS_TO = re.compile(r"(\d+|ten|five|twenty|three|two|a|one)\s(years?|decades?)\s(?:to|up to|ending)")
_LAST_MONTHS = re.compile(r"(?:last|past|previous)\s(\d+|twelve|six|three)?\s?(months?|years?)")


def _year_span(token: str) -> tuple[dt.date, dt.date] | None:
    m = _YEAR_SPAN.fullmatch(token.strip())
    if not m:
        return None
    first = int(m.group(1))
    if m.group(2) is None:
        return dt.date(first, 1, 1), dt.date(first, 12, 31)
    second_text = m.group(2)
    second = int(second_text) if len(second_text) == 4 else first // 100 * 100 + int(second_text)
    if len(second_text) == 1:
        second = first // 10 * 10 + int(second_text)
    if second == first + 1:  # a financial year, April to March in the UK
        return dt.date(first, 4, 1), dt.date(second, 3, 31)
    return dt.date(first, 1, 1), dt.date(second, 12, 31)


_WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                          "sunday"])}
_CALENDAR = re.compile(r"\b(?P<which>last|this|next|previous)\s(?P<unit>week|month|year)\b")
_ON_WEEKDAY = re.compile(r"\b(?:on|last|this|by|since|from|until)\s(?P<day>monday|tuesday|wednesday|thursday|friday|"
                         r"saturday|sunday)\b")
_MONTH_NAMES = r"(?:january|february|march|april|may|june|july|august|september|october|november|december)"
_MONTH_OF = re.compile(rf"\b{_MONTH_NAMES}\b")
_DAY_MONTH = re.compile(rf"\b(?:(?P<d1>\d{{1,2}})\s(?P<m1>{_MONTH_NAMES})|(?P<m2>{_MONTH_NAMES})\s(?P<d2>\d{{1,2}}))\b")


def _calendar_relative(text: str, published: dt.date) -> tuple[dt.date, dt.date] | None:
    """A period written relative to the article's date: last week, this month, last year, on Sunday, on 20 March.

    Calendar units are whole ones (last year is the year before the article's, last week
    the Monday-to-Sunday week before); "this" one runs to the article's date; a weekday is
    the last one on or before it; a day of a month the last one on or before it.
    """
    if m := _CALENDAR.search(text):
        which, unit = m.group("which"), m.group("unit")
        step = {"last": -1, "previous": -1, "this": 0, "next": 1}[which]
        if unit == "year" and (month := _MONTH_OF.search(text, 0, m.start())):
            # "in October last year": that month of that year
            number = _MONTHS[month.group(0)]
            year = published.year + step
            return dt.date(year, number, 1), dt.date(year + number // 12, number % 12 + 1, 1) - dt.timedelta(days=1)
        if unit == "year":
            year = published.year + step
            return dt.date(year, 1, 1), (published if step == 0 else dt.date(year, 12, 31))
        if unit == "month":
            year, month = divmod(published.year * 12 + published.month - 1 + step, 12)
            first = dt.date(year, month + 1, 1)
            last = dt.date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1) - dt.timedelta(days=1)
            return first, (published if step == 0 else last)
        monday = published - dt.timedelta(days=published.weekday()) + dt.timedelta(weeks=step)
        return monday, (published if step == 0 else monday + dt.timedelta(days=6))
    if m := _ON_WEEKDAY.search(text):
        day = published - dt.timedelta(days=(published.weekday() - _WEEKDAYS[m.group("day")]) % 7)
        return day, day
    for m in _DAY_MONTH.finditer(text):
        month = _MONTHS.get(m.group("m1") or m.group("m2") or "")
        if month is None:
            continue
        day_of_month = int(m.group("d1") or m.group("d2"))
        try:
            day = dt.date(published.year, month, day_of_month)
            if day > published:
                day = dt.date(published.year - 1, month, day_of_month)
        except ValueError:
            return None
        return day, day
    return None


def period_dates(period: str, published: dt.date | None) -> tuple[dt.date | None, dt.date | None]:
    """Start and end dates of a period as written, where the text (and the article's date) allow."""
    text = period.lower()
    years = _YEARS.findall(text)
    spans = [s for s in (_year_span(y) for y in years) if s]
    if m := _YEARS_TO.search(text):
        size = {"ten": 10, "five": 5, "twenty": 20, "three": 3, "two": 2, "a": 1, "one": 1}.get(m.group(1))
        count = int(m.group(1)) if m.group(1).isdigit() else size or 1
        if m.group(2).startswith("decade"):
            count *= 10
        if spans:
            end = spans[-1][1]
            return dt.date(end.year - count, end.month, end.day) + dt.timedelta(days=1), end
    if text.startswith("since") and spans:
        return spans[0][0], published
    if len(spans) >= 2:
        return spans[0][0], spans[-1][1]
    if len(spans) == 1:
        return spans[0]
    if published is not None:
        relative = _calendar_relative(text, published)
        if relative is not None:
            return relative
        if m := _LAST_MONTHS.search(text):
            amount = {"twelve": 12, "six": 6, "three": 3}.get(m.group(1) or "")
            n = int(m.group(1)) if (m.group(1) or "").isdigit() else amount or 1
            months = n * (12 if m.group(2).startswith("year") else 1)
            year, month = divmod(published.year * 12 + published.month - 1 - months, 12)
            return dt.date(year, month + 1, 1), published
        if "this year" in text or "start of the year" in text:
            return dt.date(published.year, 1, 1), published
        if "last year" in text:
            return dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31)
        for name, number in _MONTHS.items():
            if _MONTH_WORDS[name].search(text):
                year = published.year if number <= published.month else published.year - 1
                start = dt.date(year, number, 1)
                return start, (dt.date(year + number // 12, number % 12 + 1, 1) - dt.timedelta(days=1))
    return None, None
