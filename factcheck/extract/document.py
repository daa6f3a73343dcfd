"""What a whole article is about: the place its figures apply to when their sentences name none.

An article is about a place when the place stands where the article says what it is
about -- its headline, its dateline or its opening sentence -- and then dominates the
places it names: named again and again, far more often than any other; or, named twice or
more, it is nearly the only place the article names and the opening names it as whose or
what something is ("the UK's small manufacturers", "US phone company"), not only as where
something happens ("goes on sale in the US"). A place named once in passing, or one of
several the article compares, is not what it is about.

>>> document_place("Cyprus eases rules\\n\\nCyprus will relax its rules. Cypriot banks lost 60%. "
...                "Cyprus said 3,000 people applied. Talks in Brussels went on.")
'Cyprus'
>>> document_place("Phone launch\\n\\nThe phone goes on sale in the US in April for $199.") is None
True
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache, lru_cache

from factcheck.extract import context
from factcheck.extract.lexicon import alternation, alternation_not_after, gazetteer, lexicon
from factcheck.extract.text import Sentence, split_sentences

# how often the place must be named (its name, its adjective or an institution of it), and the share
# of all the places named that it and the places within and around it must hold
MIN_MENTIONS = 4
MIN_SHARE = 0.5
# or this often, when it and the places within and around it are nearly all the places the article names and
# the opening names it as whose or what something is ("the UK's small manufacturers", "US phone company"), not
# only as where something happens ("goes on sale in the US")
FEW_MENTIONS = 2
SOLE_SHARE = 0.75
# the sentences, after the headline, where an article says what it is about
LEAD_SENTENCES = 1
# or the share of all the places named that a place named this often by name holds, though the opening names none
DOMINANT_SHARE = 0.8
# another place of the opening named this often, against the most named, leaves the article about neither
RIVAL_SHARE = 0.7
_SOVEREIGN = frozenset(("country", "union", "continent", "world"))
_HEADLINE_LENGTH = 150


def document_place(text: str, sentences: list[Sentence] | None = None) -> str | None:
    """The place the article is clearly about, by its canonical name; ``None`` when it is about none."""
    sentences = split_sentences(text) if sentences is None else sentences
    if not sentences:
        return None
    return _place_of_the_opening(text, sentences) or _dominant_place(text, sentences)


def _dominant_place(text: str, sentences: list[Sentence]) -> str | None:
    """The place an article names by name again and again, nearly the only one it names at all, though not where
    it opens ("Bush budget seeks deep cutbacks", then the US six times): not a town it uses for a team."""
    institutions = _places_by_institution(text)
    if not _may_name_often(sentences, institutions):
        return None
    named: Counter[str] = Counter(institutions)
    for sentence in sentences:
        named.update(_places_by_name(sentence.text, lists=True))
    best, n = max(named.items(), key=lambda item: (item[1], item[0]))
    if n < MIN_MENTIONS:
        return None
    # (the places around it count against it: an article naming London four times and the UK twice is not London's)
    around = gazetteer().ancestors(best)[1:]
    every = named + Counter(_places_by_adjective(text))
    share = sum(k for place, k in every.items() if _related(best, place) and place not in around) / \
        sum(every.values())
    return best if share >= DOMINANT_SHARE and not names_a_team(text, best) else None


def _may_name_often(sentences: list[Sentence], institutions: list[str]) -> bool:
    """Whether some place is written in the sentences by one of its names, or an institution of it, at least
    :data:`MIN_MENTIONS` times (a quick guard, one pattern per sentence: most articles name no place so often,
    and no place is counted more often by its name than it is written)."""
    aliases = gazetteer().aliases
    written = Counter(aliases.get(sentence.text[start:end].removeprefix("the "), sentence.text[start:end])
                      for sentence in sentences for start, end in context.place_spans(sentence.text))
    written.update(institutions)
    return any(n >= MIN_MENTIONS for n in written.values())


def _place_of_the_opening(text: str, sentences: list[Sentence]) -> str | None:
    """The place the opening names that dominates the places the article names (see the module's rules)."""
    # an adjective in the headline says whose ("Chinese rivals"), not where: anchors are named
    opening = _opening(text, sentences)
    anchors = {place for sentence in opening for place in _places_named(sentence.text, False)}
    # most articles name no place where they open, or name it too seldom: the rest need not be read
    written = {place: _written_at_most(text, place) for place in anchors}
    if all(n < FEW_MENTIONS or (n < MIN_MENTIONS and not _named_as_more_than_where(opening, place))
           for place, n in written.items()):
        return None
    # a town that names a team in the article ("Chelsea's manager", "against Leicester") is the team's
    anchors = {place for place in anchors if not names_a_team(text, place)}
    if not anchors:
        return None
    counts: Counter[str] = Counter()
    for sentence in sentences:
        counts.update(_places_by_name(sentence.text))
    by_name = counts.copy()
    # institutions and adjectives are found where they stand alone: the whole text is read for them at once
    counts.update(_places_by_institution(text))
    counts.update(_places_by_adjective(text))
    total = sum(counts.values())
    candidates = [place for place in anchors if counts[place] >= FEW_MENTIONS]
    if not candidates:
        return None
    best = max(candidates, key=lambda place: (counts[place], place))
    rivals = [place for place in anchors if place != best and not _related(best, place)]
    if rivals and (named := [place for place in [best, *rivals] if by_name[place]]) and len(named) == 1 and \
            by_name[named[0]] >= MIN_MENTIONS:
        # one place named again and again, the others only by their institutions or adjectives: "NBC wins rights
        # to the English Premier League in the US", the US six times by name, England never (its share is of the
        # places named by name)
        best, rivals, counts, total = named[0], [], by_name, sum(by_name.values())
    if any(counts[place] >= RIVAL_SHARE * counts[best] for place in rivals):
        return None  # two places the article is about as much ("Airbus wins orders in China and India")
    share = sum(n for place, n in counts.items() if _related(best, place)) / total
    if share < MIN_SHARE:
        return None
    if counts[best] >= MIN_MENTIONS:
        return best
    return best if share >= SOLE_SHARE and _named_as_more_than_where(opening, best) else None


def _named_as_more_than_where(opening: list[Sentence], place: str) -> bool:
    """Whether the opening names ``place`` at least once other than as where something is or happens: as whose
    ("Japan's economy") or what ("Shares in UK banking group", "the US box office"), or not after a preposition
    of place ("goes on sale in the US in April" names it only as where)."""
    where_before, modifier_after = _place_uses()
    for sentence in opening:
        for form in _forms().get(place, ()):
            if not form[:1].isupper():
                continue
            for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", sentence.text):
                if modifier_after.match(sentence.text, m.end()) or not where_before.search(sentence.text, 0, m.start()):
                    return True
    return False


@cache
def _place_uses() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A preposition of place before a place's name; a possessive or a noun it qualifies after it."""
    g = lexicon().grammar
    prepositions = alternation(g["place_prepositions"], boundary=False)
    ends = alternation(g["np_stop_words"], boundary=False)
    return (re.compile(rf"\b(?:{prepositions})\s+(?:the\s+)?\Z", re.IGNORECASE),
            re.compile(rf"['’]s\b|\s(?!(?:{ends})\b)[a-z][\w-]*"))


_TOWNS = frozenset(("city", "town", "district", "borough", "area"))


def names_a_team(text: str, place: str) -> bool:
    """Whether the article uses a town's name (``place``, canonical) for a team or a firm: its manager or fans, a
    match against it; what it said or its own figures ("Halifax said prices rose"); a plural verb after it
    ("Chelsea have decided")."""
    gaz = gazetteer()
    if place not in gaz.places:
        return False
    if gaz.places[place].type in _NATIONS:
        return _names_a_national_team(text, place)
    if gaz.places[place].type not in _TOWNS:
        return False
    before, after = _team_context()
    firm, own = _firm_context(), _own_names().get(place, ())
    for name in _forms().get(place, ()):
        if not name[:1].isupper():
            continue
        at = text.find(name)
        while at >= 0:
            end = at + len(name)
            if not (at and (text[at - 1].isalnum() or text[at - 1] == "_")) and (
                    after.match(text, end)
                    or (before.search(text, max(0, at - _BEFORE_REACH), at)
                        and not (text[end : end + 1].isalnum() or text[end : end + 1] == "_"))
                    # (the town's own name, not where someone is: "our correspondent in Mumbai says")
                    or (name in own and (m := firm.match(text, end))
                        and not _WHERE_BEFORE.search(text, max(0, at - 12), at)
                        and not (m.group("plural") and _LISTED_BEFORE.search(text, max(0, at - 6), at)))):
                return True
            at = text.find(name, at + 1)
    return False


# (nor the end of a longer name: "the Commission for Latin America and the Caribbean said")
_WHERE_BEFORE = re.compile(r"\b(?:in|at|from|of|near|to|outside|around|across|for|and)\s(?:the\s)?$")


@cache
def _own_names() -> dict[str, frozenset[str]]:
    """Each place's own names, as written (not those of the country it is the capital of)."""
    names: dict[str, set[str]] = {}
    for form, place in gazetteer().aliases.items():
        names.setdefault(place, set()).add(form.removeprefix("the "))
    return {place: frozenset(found) for place, found in names.items()}


@cache
def _firm_context() -> re.Pattern[str]:
    """What follows a town's name used for a firm or a club: what it said (an aside between them), its own
    people and figures, a plural verb."""
    words = lexicon().grammar["firm_words_after"]
    verbs, nouns = (alternation(words[key], boundary=False) for key in ("verbs", "nouns"))
    return re.compile(rf"(?:['’]s)?(?:,\s[^,.;\n]{{1,60}},)?\s(?:{verbs})\b|(?:['’]s)?\s(?:{nouns})\b"
                      rf"|\s(?P<plural>are|were|have)\s(?!been\b|(?:a|an|the|some|many|few|two|three)\s)")


_BEFORE_REACH = 30  # characters before a team's name that its context can take ("versus the ")
_NATIONS = frozenset(("country", "nation"))


def _names_a_national_team(text: str, place: str) -> bool:
    """Whether the article uses a country's name for its team: twice at least with what names a team, once of
    them with a plural verb (a side, not a state: "France are unbeaten", "England were beaten") or a word for
    its players or staff ("the Wales coach", "Ireland's fly-half"); once is enough in an article that uses
    another country's name so ("Wales make two changes for France")."""
    return place in _national_teams(text)


@lru_cache(maxsize=4)
def _national_teams(text: str) -> frozenset[str]:
    pattern, nation_of = _nation_forms()
    named = Counter(nation_of[m.group(0)] for m in pattern.finditer(text))
    # a team is named twice at least: the others are read only in an article that names one so
    evidence = {place: _team_evidence(text, place) for place, n in named.items() if n >= 2}
    if not any(told >= 2 and strong for told, strong in evidence.values()):
        return frozenset()
    evidence.update({place: _team_evidence(text, place) for place in named if place not in evidence})
    return frozenset(place for place, (told, _) in evidence.items() if told)


@cache
def _nation_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """The ways of naming a country written with a capital, as one pattern, and the country of each."""
    nation_of = {form: name for name, place in gazetteer().places.items() if place.type in _NATIONS
                 for form in _forms().get(name, ()) if form[:1].isupper()}
    return re.compile(alternation_not_after(list(nation_of), r"[\w-]") + r"(?![\w-])"), nation_of


def _team_evidence(text: str, place: str) -> tuple[int, int]:
    """How often the article names a country with what names a team, and how often of those with a plural verb
    or a word for its players or staff."""
    before, after = _team_context()
    told = strong = 0
    for name in _forms().get(place, ()):
        if not name[:1].isupper() or name not in text:
            continue
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if _PLURAL_VERB_AFTER.match(text, m.end()) and \
                    not _LISTED_BEFORE.search(text, max(0, m.start() - 6), m.start()) and \
                    not (name.endswith("s") and text[max(0, m.start() - 4) : m.start()].lower() == "the "):
                # (not "the Maldives are", "India and Pakistan are": plural as written)
                told, strong = told + 1, strong + 1
            elif after.match(text, m.end()):
                told += 1
                strong += not _VERB_NEXT.match(text, m.end())
            elif before.search(text, max(0, m.start() - _BEFORE_REACH), m.start()):
                told += 1
    return told, strong


_PLURAL_VERB_AFTER = re.compile(r"\s(?:are|were|have)\b")
_LISTED_BEFORE = re.compile(r"(?:\band|&|,)\s+(?:the\s+)?$")  # "India and Pakistan are"
_VERB_NEXT = re.compile(r"\s[a-z]+ed\b|\s(?:won|lost|drew|beat|led)\b")


@cache
def _team_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """What names a team, before its name (a match against it) and after it (its manager or fans, its result)."""
    g = lexicon().grammar
    before, nouns, verbs = ("|".join(re.escape(w) for w in g[key])
                            for key in ("team_verbs_before", "team_nouns", "team_verbs_after"))
    return (re.compile(rf"\b(?:{before})\s(?:the\s)?\Z"),
            # ("Chelsea's £24m striker": a fee may stand before the player)
            re.compile(rf"(?:['’]s)?\s(?:[£$€][\d.,]+(?:m|bn)?\s)?(?:{nouns})\b|\s(?:{verbs})\b|\s\d{{1,2}}-\d{{1,2}}\b"))


def _written_at_most(text: str, place: str) -> int:
    """At least as many as the times ``text`` names ``place``: every occurrence of a way of writing it, even
    inside another word."""
    return sum(text.count(form) for form in _forms().get(place, ()))


@cache
def _forms() -> dict[str, tuple[str, ...]]:
    """Each place's ways of being named: its names, adjectives and institutions, and those of the places it is
    the capital of ("the Afghan capital")."""
    gaz = gazetteer()
    forms: dict[str, set[str]] = {}
    for table in (gaz.aliases, gaz.adjectives, gaz.institutions):
        for form, place in table.items():
            forms.setdefault(place, set()).add(form.removeprefix("the "))
    for place in gaz.places.values():
        if place.capital:
            forms.setdefault(place.capital, set()).update(forms.get(place.name, ()))
    return {place: tuple(found) for place, found in forms.items()}


def _related(about: str, place: str) -> bool:
    """Whether naming ``place`` speaks of ``about``: the same place, one around it, or one inside it within a
    country (London for England; not Germany for Europe, a country of its own).
    """
    gaz = gazetteer()
    if place in gaz.ancestors(about):
        return True
    chain = gaz.ancestors(place)
    if about not in chain:
        return False
    inside = chain[: chain.index(about)]
    return not any(gaz.places[p].type in _SOVEREIGN for p in inside if p in gaz.places)


def _opening(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The headline (a first line that reads as one) and the lead sentence after it."""
    first = sentences[0]
    headline = len(first.text) <= _HEADLINE_LENGTH and not first.text.rstrip().endswith((".", ",", ";", ":")) and \
        "\n" in text[first.end : first.end + 3]
    return sentences[: (1 if headline else 0) + LEAD_SENTENCES]


def _places_named(text: str, adjectives: bool = True) -> list[str]:
    """The places a sentence names, canonically: by name, by an institution of the place, and by adjective.

    Organisations named after a place ("Islington Council"), offices ("the Mayor of London")
    and people ("Mr Houston") are left out, as they are for a figure's place.
    """
    found = _places_by_name(text) + _places_by_institution(text)
    return found + _places_by_adjective(text) if adjectives else found


def _places_by_name(sentence: str, lists: bool = False) -> list[str]:
    """A sentence's places, less those it names only by adjective (counted apart, or not); with ``lists``, each
    place of a list ("Japan, Brazil, India and Kenya") besides those named alone."""
    if not context.names_a_place(sentence):
        return []  # most sentences name none: they are spared the rest of the reading
    gaz = gazetteer()
    found = []
    for m in context.find_places(sentence):
        if m.text in gaz.adjectives:
            continue
        parts = [m.value] if m.value in gaz.aliases or not lists else _LIST_SEPARATOR.split(m.value)
        found.extend(gaz.aliases[part] for part in parts if part in gaz.aliases)
    return found + context.places_aside(sentence)


_LIST_SEPARATOR = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def _places_by_institution(text: str) -> list[str]:
    pattern, institutions = _institutions()
    return [institutions[m.group(0)] for m in pattern.finditer(text)]


def _places_by_adjective(text: str) -> list[str]:
    adjectives = gazetteer().adjectives
    return [adjectives[m.group(0)] for m in _adjectives().finditer(text)]


@cache
def _adjectives() -> re.Pattern[str]:
    """A place's adjective before any word: "Cypriot President", "British broadcasting"."""
    return re.compile(alternation_not_after(list(gazetteer().adjectives), r"[\w-]") + r"(?=\s\w)")


@cache
def _institutions() -> tuple[re.Pattern[str], dict[str, str]]:
    """Institutions that stand for a place in news (a national league, parliament or central bank)."""
    names = gazetteer().institutions
    return re.compile(alternation_not_after(list(names), r"[\w-]") + r"(?![\w-])"), names
