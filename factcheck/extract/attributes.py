"""What the words around a figure say about it: qualifier, change, and measure.

Each function reads one sentence (offsets relative to it) and the figure's span;
they are pure and small so that each rule can be tested on its own.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from itertools import islice, pairwise

from factcheck.extract.context import find_periods
from factcheck.extract.lexicon import (
    alternation,
    change_verbs,
    fold,
    gazetteer,
    grammar_set,
    grammar_words,
    left_from_verbs,
    lexicon,
    past_tense,
    transitive_change_verbs,
)
from factcheck.extract.numbers import SUM_BEFORE, Quantity, names_also_verbs
from factcheck.extract.units import dimension, is_money, money

_WORD = re.compile(r"[‘'\"“]?[\w](?:[\w'’&-]|\.(?=\w))*[’'\"”]?|[,;:()–—]|(?<=\s)-(?=\s)")


# --- qualifier ----------------------------------------------------------------


@cache
def _qualifier_patterns() -> tuple[re.Pattern[str], re.Pattern[str], int]:
    g = lexicon().grammar
    # "at least another £100m", "up to a further 200 jobs", "at least a 12 percent drop": the bound is the figure's
    # (an article only after a bound that is no preposition: not "sign up to a $1.1bn package", "around a ranch")
    before = re.compile(r"(?<![\w])(?P<q>" + alternation(list(g["qualifiers_before"]), boundary=False) + r")"
                        r"(?:\s+(?:another|a\s+further|an\s+extra|an\s+additional)"
                        r"|(?:(?<=least)|(?<=most)|(?<=than)|(?<=nearly)|(?<=almost)|(?<=roughly)|(?<=approximately))"
                        r"\s+(?:a|an))?\s*$", re.IGNORECASE)
    after = re.compile(r"^\s?(?P<q>" + alternation(list(g["qualifiers_after"]), boundary=False) + r")(?![\w])",
                       re.IGNORECASE)
    return before, after, max(len(w) for w in g["qualifiers_before"]) + len(" an additional")


def qualifier(text: str, q: Quantity) -> tuple[str, int, int]:
    """The figure's qualifier and the span of the mention including the qualifier words.

    >>> from factcheck.extract.numbers import find_quantities
    >>> qualifier("a fall of nearly 20,000", find_quantities("a fall of nearly 20,000")[0])
    ('upper_bound', 10, 23)
    """
    g = lexicon().grammar
    before, after, longest = _qualifier_patterns()
    start, end, found = q.start, q.end, "approx" if q.vague else "exact"
    # the qualifier ends where the text before the figure does, less spaces: it is searched for
    # there only, rather than from the start of the sentence
    words_end = len(text[: q.start].rstrip())
    if m := before.search(text, max(0, words_end - longest), q.start):
        found = g["qualifiers_before"][m.group("q").lower()]
        start = m.start("q")
    elif m := after.match(text[q.end :]):
        found = g["qualifiers_after"][m.group("q").lower()]
        end = q.end + m.end("q")
    return found, start, end


# --- change -------------------------------------------------------------------


@cache
def _change_words() -> dict[str, dict[str, str]]:
    g = lexicon().grammar
    tables: dict[str, dict[str, str]] = {}
    for key in ("change_verbs", "change_nouns", "change_modifiers", "participle_change"):
        tables[key] = {w: direction for direction, words in g[key].items() for w in words}
    return tables


def _words(text: str) -> list[str]:
    return [w.lower().strip("‘'\"“’”") for w in _WORD.findall(text)]


def _first_words(text: str, start: int, count: int) -> list[str]:
    """``_words(text[start:])[:count]``, without reading the rest of the sentence."""
    return [m.group(0).lower().strip("‘'\"“’”") for m in islice(_WORD.finditer(text, start), count)]


@cache
def _stops() -> frozenset[str]:
    return frozenset(lexicon().grammar["np_stop_words"])


def change(text: str, start: int, end: int, clause_start: int, unit: str = "count") -> str | None:
    """``increase`` or ``decrease`` when the figure at ``start``–``end`` (of ``unit``) is a change, else ``None``."""
    t = _change_words()
    if _DATA_RATE.search(text, start, end) and _UP_OR_DOWN.match(text, end):
        return None  # "150Mbps down/50Mbps up": a connection's directions, not changes
    # no rule reads further back (the word cut at the window's start is left out)
    cut = max(clause_start, start - _CHANGE_REACH)
    before = _words(text[cut:start])[(1 if cut > clause_start else 0) :]
    after = _first_words(text, end, 7)  # nor further on
    focusing = grammar_words("focusing_adverbs")
    while len(before) > 1 and (" ".join(before[-2:]) in focusing or before[-1] in focusing):
        # "fell just 0.03%", "climbed a mere 1.5%": the verb before the words that weigh the figure
        del before[-2 if " ".join(before[-2:]) in focusing else -1 :]
    if text[clause_start:start].lower().rstrip().endswith(("in addition to", "as well as", "on top of")):
        # an elliptical item shares the change of the clause it is added to
        for word in reversed(_words(text[:start])):
            if word in t["change_verbs"]:
                return t["change_verbs"][word]
    if before and before[-1] in _taking_off() and after[:1] == ["off"]:
        return "decrease"  # "would knock 125m euros off its profits": a fall of the profits
    if before and before[-1] in ("to", "from", "at", "reached", "hit"):
        return None  # "fell to 3,111" is a level
    if before and before[-1] in ("extra", "additional", "further"):
        return "increase"  # "an extra 5,000 nurses"
    money = is_money(unit)
    if before and before[-1] in t["change_verbs"]:
        if money and before[-1].startswith("rais"):
            return None  # "the charity raised £21,000": money raised, not a rise
        if before[-1] == "up" and len(before) >= 2 and before[-2] in _MADE:
            return None  # "makes up two-thirds of output": a part of a whole, not a rise
        if before[-1] in _ADDING and _a_physical_unit(unit) and text[start:end].lower().startswith("up to"):
            return None  # "you can add up to 128GB via a microSD card": a capacity, not a rise
        if before[-1] == "up" and len(before) >= 2 and before[-2] in _taking_up() and (
                unit not in _CHANGE_UNITS or after[:1] == ["of"]):
            # "stand to pick up £60m", "picked up five nominations", "scooped up 40% of the vote": taken or won,
            # not a rise
            return None
        return t["change_verbs"][before[-1]]
    if before and before[-1] in ("by", "of"):
        if before[-1] == "of" and len(before) >= 2 and before[-2] in t["change_nouns"]:
            return t["change_nouns"][before[-2]]
        if before[-1] == "by":
            transitive = transitive_change_verbs()
            for word in reversed(before[-16:-1]):
                if word in t["change_verbs"]:
                    return t["change_verbs"][word]
                if word in transitive:
                    return transitive[word]  # "lifted its output by 8%"
    if len(before) >= 2 and before[-1] in ("all", "of") and before[-2] in t["change_verbs"] and \
            not (before[-2] == "up" and len(before) >= 3 and before[-3] in _MADE):
        return t["change_verbs"][before[-2]]  # "up all of", not "made up of 1,920 pixels"
    if len(after) > 1 and after[1] == "than" and after[0] in _COMPARATIVE_CHANGE:
        return _COMPARATIVE_CHANGE[after[0]]  # "profit will be £5m lower than expected": a fall of £5m
    if after and after[0] in t["change_nouns"]:
        return t["change_nouns"][after[0]]
    if len(after) > 1 and after[1] in t["change_nouns"] and after[0].replace("-", "").isalpha() and \
            after[0] not in _stops():
        return t["change_nouns"][after[1]]  # "a 1% tax increase", "a 74% year-over-year drop"
    if len(before) >= 3 and before[-1] == "of" and before[-2] == "rate":
        for word in reversed(before[-8:-2]):
            if word in t["change_verbs"]:
                return t["change_verbs"][word]  # "grew at an annual rate of 3.9%"
    if after and after[0] in t["change_modifiers"]:
        return t["change_modifiers"][after[0]]
    if (changed := changed_object(text, start, clause_start, unit)) is not None:
        return changed[0]  # "lifted broadcast revenues 25 percent"
    if unit == "percent" and _OF_A_FORMER_LEVEL.match(text, end) and _COPULA_BEFORE.search(text, clause_start, start):
        # "sales are half of previous models", "turnout was half that of 2010": a level set against a former one,
        # which at half is a fall by half
        return "decrease" if _HALF.search(text, start, end) else None
    if money and after and after[0].startswith("rais"):
        return None  # "The £625m raised is double ...": the money raised
    return _participle_after(after, t["participle_change"])


# the units in which a figure taken up is a change ("sales picked up 5%")
_CHANGE_UNITS = frozenset({"percent", "percentage_point"})


@cache
def _taking_off() -> frozenset[str]:
    return frozenset(lexicon().grammar["taking_off"]["verbs"])


@cache
def _taking_up() -> frozenset[str]:
    return frozenset(lexicon().grammar["taking_up"]["verbs"])


_CHANGE_REACH = 200  # characters: the 16 words the rules read before a figure, and more
_DATA_RATE = re.compile(r"bps\b|bit/s|B/s", re.IGNORECASE)
_UP_OR_DOWN = re.compile(r"\s*(?:up|down)(?:load|stream)?\b")


@cache
def _participle_stops() -> frozenset[str]:
    return _stops() - {"have", "has", "had", "been", "were", "was", "being", "are", "is"}


def _participle_after(after: list[str], participles: dict[str, str]) -> str | None:
    """``300 police officers cut from ...``, ``21,000 officers have been cut``."""
    stop = _participle_stops()
    for i, word in enumerate(after[:7]):
        if word in participles and (i == 0 or after[i - 1] not in ("to", "will", "would", "could")):
            return participles[word]
        if word in stop or word in ",;:()":
            return None
    return None


# --- kind -------------------------------------------------------------------------


@cache
def _kind_patterns() -> list[tuple[str, re.Pattern[str]]]:
    cues = lexicon().grammar["kind_cues"]
    return [(kind, re.compile(alternation(words), re.IGNORECASE)) for kind, words in cues.items()]


def kind(text: str, start: int, clause_start: int) -> str:
    """``pledge``, ``forecast`` or ``fact``, from the words just before the figure in its clause.

    A pledge of 20,000 extra officers is not a report that 20,000 were hired.
    """
    window = " ".join(text[clause_start:start].split()[-8:])
    for name, pattern in _kind_patterns():
        if pattern.search(window):
            return name
    return "fact"


# --- measure ------------------------------------------------------------------


def noun_phrase(text: str) -> str:
    """The noun phrase that opens ``text``, without its determiners: "the market share of ..." → "market share"."""
    return _strip_determiners(_np_after(text))


def _np_after(text: str) -> str:
    """The noun phrase that opens ``text``, up to a verb, preposition or punctuation."""
    stops, verbs, closing = _stops(), _np_verbs(), grammar_words("closing_adverbs")
    stops_or_article = stops | {"the", "a"}
    text = _ABBREVIATION.sub("", text[:200]) if "(" in text[:200] else text  # "Deutsche Boerse's (DB) shares"
    tokens = [m.group(0) for m in islice(_WORD.finditer(text), 14)]  # the rules read no further
    taken: list[str] = []
    quoted = False
    for i, token in enumerate(tokens[:12]):
        bare = token.lower().strip("‘'\"“’”")
        if token.startswith(("‘", "“", '"', "'")):
            quoted = True
        if not quoted:
            if token in ",;:()–—-":
                break
            if bare == "of" and taken and i + 1 < len(tokens) and tokens[i + 1].lower() not in stops_or_article:
                taken.append(token)
                continue
            if bare == "of" and taken and i + 2 < len(tokens) and tokens[i + 1].lower() in ("the", "a", "an"):
                taken.append(token)
                continue
            if bare in ("a", "an", "the") and taken and (taken[-1].lower() == "of" or taken[-1].endswith("ing")):
                taken.append(token)
                continue
            if token == "A" and taken and taken[-1][:1].isupper():
                taken.append(token)  # "two Serie A titles", "a Grade A rating": a letter of a name
                continue
            if token in _place_adverbs() and (i + 1 == len(tokens) or tokens[i + 1].lower() in stops_or_article
                                              or tokens[i + 1] in ",;:()–—-."):
                break  # "took $300m worldwide", "rose 5% nationally": where, not what (not "worldwide sales")
            if bare in closing and (i + 1 == len(tokens) or tokens[i + 1].lower() in stops_or_article
                                    or tokens[i + 1] in ",;:()–—-."):
                break  # "grew 2.6% overall", "flying 11,000 miles non-stop": how, not what ("overall sales" is)
            if (bare in stops and bare != "of" and not (len(token) > 1 and token.isupper())) or \
                    (bare in verbs and taken and not _plural_change_noun(bare) and not _plural_noun_at(tokens, i)):
                break  # "us" is a stop word, "US firms" a noun phrase; "tax cuts" is one
            if taken and bare in _verbs_after_a_noun() and not token[:1].isupper():
                break  # "five million visitors made the gallery", "liabilities totalling $648m"
            if taken and bare in ("rather", "instead"):
                break  # "nine judges rather than the usual five"
            if taken and bare in _BEFORE_TO and i + 1 < len(tokens) and tokens[i + 1].lower() == "to":
                break  # "14 players due to injury", "2,000 jobs thanks to the deal": a preposition of two words
            if taken and taken[-1].lower().endswith("s") and bare.isalpha() and token.islower() and \
                    not bare.endswith("s") and i + 1 < len(tokens) and tokens[i + 1].lower() in ("the", "a", "an"):
                break  # "3 million customers use the app": a plural's verb, before its object
            if taken and bare.endswith("ing") and bare not in _ing_nouns() and i + 1 < len(tokens) and \
                    tokens[i + 1].lower() in stops and taken[-1].lower() not in _GERUND_BEFORE:
                break  # "21 films competing for the prize" (not "public spending on health", "of handling a knife")
            # a plural after a word that is none ("first-half possessions in their half") is the noun, not a verb
            plural_after_a_modifier = bool(taken) and bare.endswith("s") and not bare.endswith("ss") and \
                not taken[-1].lower().endswith("s")
            if taken and i + 2 < len(tokens) and tokens[i + 1].lower() in _GERUND_BEFORE and \
                    tokens[i + 2].lower() in _OPENING_A_NOUN_PHRASE and not plural_after_a_modifier:
                break  # "300 villages rely on their own wells": a verb, before its object
            if taken and i + 1 < len(tokens) and tokens[i + 1].lower() in _OPENING_A_NOUN_PHRASE and \
                    not plural_after_a_modifier:
                break  # "1m websites run their forums": a word before another noun phrase is its verb
            if taken and bare.endswith("ed") and bare not in _NOUN_PARTICIPLES and \
                    not (token[:1].isupper() and taken[-1][:1].isupper()):
                break  # (not a word of a name that goes on: "India's United Breweries")
            if not taken and bare.endswith("ed") and bare not in _NOUN_PARTICIPLES and i + 1 < len(tokens) and \
                    tokens[i + 1].lower() == "to":
                break  # "more than 2.5 million expected to be sold": a verb, not what is counted
        taken.append(token)
        if token.endswith(("’", "”", '"', "'")) and quoted:
            break
        if len(taken) >= 8:
            break
    while taken and taken[-1].lower() in ("of", "the", "a", "an", "and"):
        taken.pop()
    return " ".join(taken).strip("‘'\"“’” ")


@cache
def _place_adverbs() -> frozenset[str]:
    """Single words that say where and nothing else ("worldwide", "globally", "nationwide"): the gazetteer's and
    the generic places' written in lower case."""
    generic = lexicon().grammar["generic_places"]
    return frozenset(word for word in (*gazetteer().aliases, *generic) if word.islower() and " " not in word)


_BEFORE_TO = frozenset({"due", "thanks", "owing", "according", "prior"})
# possessives open a noun phrase of their own: the word before them is no noun of the phrase before
# (articles may open a relative clause, "the 46 matches the broadcaster bought", or a rate, "a season")
_OPENING_A_NOUN_PHRASE = frozenset({"their", "its", "his", "her", "our", "my", "your"})
# participles that are part of a noun phrase: "recorded crimes", "a pocket sized hard drive", "state owned banks"
_NOUN_PARTICIPLES = frozenset({"recorded", "reported", "registered", "estimated", "sized", "based", "owned", "funded",
                               "backed", "powered", "related", "shaped", "led", "run", "mixed", "combined", "listed",
                               "skilled", "armed", "advanced", "qualified", "detailed", "limited", "used", "unemployed",
                               "disabled", "retired", "married", "elected", "insured", "licensed", "trained"})
_ABBREVIATION = re.compile(r"\s\([A-Z]{2,6}\)")


# a word in -ing after these is a gerund inside the phrase: "incidents of handling a knife"
_GERUND_BEFORE = frozenset({"of", "for", "in", "on", "at", "by", "from", "to", "about", "with", "without"})


@cache
def _ing_nouns() -> frozenset[str]:
    return frozenset(lexicon().grammar["ing_nouns"])


def _plural_noun_at(tokens: list[str], i: int) -> bool:
    """Whether the word at ``i``, a verb that is also a plural noun ("claims", "notes"), is the noun: nothing
    after it opens an object or a clause ("95% of insurance claims were rejected", "88 piano notes to")."""
    if tokens[i].lower() not in grammar_words("plural_nouns_also_verbs"):
        return False
    after = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
    return after in ("", ",", ";", ":", ")") or (after in _stops() and after not in _OBJECT_OPENERS)


# what opens a verb's object or clause: after these, a word that is a verb or a noun is the verb
_OBJECT_OPENERS = frozenset({"that", "the", "a", "an", "this", "these", "those", "it", "he", "she", "they", "we", "i",
                             "you", "his", "her", "its", "their", "our", "my", "your", "them", "him", "us", "which",
                             "who", "what", "there", "no", "all", "both", "each", "every", "more", "fewer", "less"})


def _plural_change_noun(word: str) -> bool:
    """A change noun in the plural ("cuts", "rises"): the head of a noun phrase, not its verb."""
    return word.endswith("s") and word in _change_words()["change_nouns"]


@cache
def _verbs_after_a_noun() -> frozenset[str]:
    """Verbs that end a noun phrase: past and present forms that are no nouns, and the participles of level
    verbs."""
    g = lexicon().grammar
    return frozenset(g["irregular_past_verbs"]) | frozenset(g["present_verbs"]) | frozenset(
        w for w in g["level_verbs"] if w.endswith(("ing", "ed")) and " " not in w)


@cache
def _np_verbs() -> frozenset[str]:
    return frozenset(_change_words()["change_verbs"]) | frozenset(lexicon().grammar["speech_verbs"])


@cache
def _determiners() -> frozenset[str]:
    return frozenset(lexicon().grammar["np_determiners"]) | {"extra", "additional", "more", "fewer", "further",
                                                             "another"}


def _strip_determiners(phrase: str) -> str:
    dets = _determiners()
    words = phrase.split()
    while words and words[0].lower() in dets:
        words = words[1:]
    return " ".join(words)


@cache
def _link_pattern(money: bool) -> re.Pattern[str]:
    """The words that may link a figure to its noun, for a sum of money or for any other figure.

    The alternatives are tried in order; the first that matches is the one removed.
    """
    changes = "|".join(sorted(_change_words()["change_nouns"], key=len, reverse=True))
    # a change "on" something is one of a charge ("a 1p rise on income tax"), else it is set against a base ("a
    # 70% increase on the current deal", "on the same weekend last year")
    charged = r"\s+(?:[a-z]+\s+){0,2}(?:tax|taxes|duty|duties|levy|levies|VAT|rates|bills|fares|prices|charges|fees|" \
              r"tariffs|premiums|rents)\b"
    participles = "|".join(sorted(_change_words()["participle_change"], key=len, reverse=True))
    patterns = [
        r"\s*\([^)]{1,30}\)",  # "$368bn (£197bn) budget deficit": the conversion in brackets
        r"\s*,\s+(?=[a-z]+-[a-z]+\s+[a-z])",  # "a $250 million, three-year deal"
        # 47 per cent drop in homicides, a 74 percent year-over-year drop in profit, a 1p rise on income tax
        # (not "a $676m loss for 2004", "a £2m loss for the year": what the loss is for is a time)
        rf"\s*(?:[a-z]+(?:-[a-z]+)+\s+|annual\s+|quarterly\s+|monthly\s+)?(?:{changes})\s+"
        rf"(?:in|of|to|for(?!\s+(?:the\s+|this\s+)?(?:(?:last|past|first|next)\s+)?(?:[a-z]+\s+)?(?:\d|{_FOR_A_TIME}))|on(?={charged}))\s+",
        r"\s*worth\s+of\s+",  # £500,000 worth of funding
        rf"\s*(?:{participles})\s+(?:from|in|on|off|to|for)\s+",  # £880 million cut from the services
        r"\s*of\s+(?=(?:the|their|its|our|his|her|all|those|these)?\s*\w)",  # half of their funding
        # 3,000 of the 10,000 staff, 2.3 million of its 3 million customers: the noun is the total's
        r"\s*\d[\d,.]*(?:-odd|-plus)?(?:\s+(?:thousand|million|billion|trillion))?\s+(?=[a-z])",
        r"\s*or\s+so\s+",  # 220 or so incidents
        r"-strong\s+",  # its 130,000-strong workforce
        r"\s*(?:extra|additional|more|fewer|new|further)\s+",
        r"\s*as\s+(?:much|many)\s+",  # six times as much data
        r"\s*(?:then|now|former|current)\s+(?=[a-z])",  # three then directors
        r"\s*(?:a\s+year|a\s+month|annually|per\s+(?:year|annum|month))\s+(?=for\s)",  # $200,000 annually for rent
        # "a £3 per hour minimum wage", "a £40 a week rise": a rate, before the noun it is of
        r"\s*(?:a|an|per)\s+(?:hour|day|week|month|year|head|person)\s+"
        r"(?=(?!(?:for|to|in|on|at|and|or|from|by|with|more|less|than|the|a|an|of|since|until|over)\b)"
        r"(?![a-z]+(?:ed|ing)\b)[a-z]{3,})",
        r"\s*(?:all|the|their|its|our|his|her|those|these)\s+",  # 40 per cent (of) all PCSOs
    ]
    if money:
        # £5m for new schools, £2m on repairs (not "at 151.5 pence on the London Stock Exchange", "to raise 70m
        # euros on the stock market", "on the first day": where or when; what money is spent on the, the verb says)
        patterns.append(r"\s*(?:for|on(?!\s+(?:the|their|its|his|her|our)\s|\s+(?-i:[A-Z]))|towards|to\s+fund)\s+")
        # €10bn in aid (not "in Tuesday trading", "in the red")
        patterns.append(r"\s*in\s+(?!(?:the|a|an|its|their|his|her|our|total|all|cash)\b)(?-i:(?=[a-z]{3,}))")
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns), re.IGNORECASE)


def _skip_to_noun(text: str, q: Quantity) -> str:
    """The text after the figure with the words that only link it to its noun removed."""
    rest = text[q.end :]
    link = _link_pattern(is_money(q.unit))
    for _ in range(3):
        m = link.match(rest)
        if not m:
            break
        rest = rest[m.end() :]
    return rest


_ASIDE_ADVERB = re.compile(r",\s*(?:meanwhile|however|though|too|also|moreover|furthermore|in\sturn|in\sparticular|"
                           r"for\sexample|for\sinstance|by\scontrast|in\scontrast|as\sa\sresult|therefore|"
                           r"nevertheless|instead|overall|again|still|then|now|so\sfar|in\stotal)\s*,(?=\s)",
                           re.IGNORECASE)
_CLAUSE_VERBS = frozenset({"said", "says", "say", "told", "suggest", "suggests", "suggested", "show", "shows", "showed",
                           "showing", "implying", "suggesting", "indicating", "meaning",
                           "found", "warned", "argued", "insisted", "explained", "believes", "believe", "believed",
                           "thinks", "think", "thought", "predicted", "predicts", "expects", "expect", "expected",
                           "feared", "fears", "hope", "hoped", "hopes", "estimates", "forecasts", "reckons", "reckoned",
                           "want", "wants", "wanted", "allow", "allows", "allowed", "forced", "helped", "caused",
                           # "Carlsberg saw annual profits fall": what it saw is the subject
                           "saw", "see", "sees", "seen", "seeing"})
_ATTENDANCE_LABEL = re.compile(r"\b(?:Att|Attendance|Crowd):\s*$")
_MONEY_LOSSES = frozenset({"loss", "losses"})
# what a change "for" may be for that is a time, not a thing
_FOR_A_TIME = r"(?:years?|quarters?|half|months?|weeks?|period|seasons?|" \
              r"(?:first|second|third|fourth|full|financial|fiscal)\b)"
_LINKING = frozenset({"of", "in", "for", "to", "per", "on", "between", "with", "from"})
_AT_A_NAME = re.compile(r"(?:the\s)?(?:[a-z][\w-]*\s){0,3}[A-Z]")
_FROM_A_TIME = frozenset({"record", "current", "previous", "last", "peak", "high", "low", "start", "end"})


def _from_opens_no_phrase(tokens: list[str], i: int, before: str) -> bool:
    """Whether the "from" at ``tokens[i]`` starts where a change comes from ("has fallen from the record", "a fall
    from the current level"), not what a noun phrase is of ("income from continuing operations")."""
    change = _change_words()
    if before.endswith(("ed", "en", "ing")) or before in change["change_nouns"] or before in change["change_verbs"]:
        return True
    return i + 2 < len(tokens) and tokens[i + 1].lower() in ("the", "a", "its", "their") and \
        tokens[i + 2].lower() in _FROM_A_TIME


_ARTICLE = re.compile(r"^(?:the|a|an|its|their|our|his|her)\s+", re.IGNORECASE)


# ("a deficit projected to peak at": the participle may follow the noun directly)
_EXPECTED_TO = re.compile(r"(?:\s+(?:(?:is|are|was|were)\s+)?(?:expected|forecast|set|likely|due|projected|predicted|"
                          r"tipped|poised|estimated|thought|bound)\s+to(?:\s+[a-z]+ly)?)\s*$")
# "a market that has grown": the noun a restrictive clause is about
_THAT = re.compile(r"(?<=[\w'’])\s+that\s*$")
# "They expect house prices to rise": the subject of a change verb's infinitive (not "prompted the bank to cut
# interest rates": what a verb with an object changes is the object)
_INFINITIVE = re.compile(r"(?<=[\w'’])\s+to\s*$")
_WITH_AN_OBJECT = re.compile(r"[\w'’-]+\s+(?!(?:by|at|to|from|up|down|back|again|around|about|almost|nearly|some|over|"
                             r"more|less|just|only|another|a\sfurther)\b)[a-z]")
# the auxiliaries and adverbs between a subject and its verb ("sales have also")
_AUXILIARY_WORDS = ("have", "has", "had", "been", "was", "were", "is", "are", "being", "will", "would", "be", "also",
                    "now", "not", "could", "may", "might", "should", "can", "went", "go", "goes", "gone", "going",
                    "came", "come", "comes", "got", "gets", "get", "still", "already", "even", "then", "never")
_AUXILIARIES = re.compile(rf"(?:\s+(?:{'|'.join(_AUXILIARY_WORDS)}|[a-z]+ly))+\s*$")
_SUBJECT_TOKEN = re.compile(r"[\w'’&-]+|[,;:]")


def _cut_end(pattern: re.Pattern[str], ends: tuple[str, ...], text: str) -> str:
    """``pattern.sub("", text)`` for a pattern that matches only at the end of ``text``, tried only where the
    text, less its trailing spaces, ends as each match must (with one of ``ends``)."""
    return pattern.sub("", text) if text.rstrip().endswith(ends) else text


@cache
def _heads_of() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``the number of ...`` at the end of a phrase, and ``the number of ... by`` (both case-blind)."""
    heads = "|".join(lexicon().grammar["measure_heads_of"])
    return (re.compile(r"\b(?:the\s)?(?:" + heads + r")\s+of\s+(.+)$", re.IGNORECASE),
            re.compile(r"\b(?:the\s)?(?:" + heads + r")\s+of\s+(.+?)\s*\bby\s*$", re.IGNORECASE))


@cache
def _caused_to() -> re.Pattern[str]:
    """A verb whose object is the subject of an infinitive after it, and that object, before "to"."""
    verbs = alternation(lexicon().grammar["causing_to"]["verbs"])
    return re.compile(rf"\b{verbs}\s+(?P<np>(?:(?:its|their|the|his|her|our)\s+)?[\w'’-]+(?:\s+[\w'’-]+){{0,3}}?)"
                      r"\s+to\s*$")


def _no_subject_before_to(head: str) -> bool:
    """Whether the last word of ``head``, before "to", is no subject of the infinitive after it ("plans to cut",
    "was estimated to have", "is seeking to cut", "prompting the Federal Reserve to increase")."""
    word = head.rsplit(None, 1)[-1] if head.strip() else ""
    return not word or word.endswith(("ed", "ing")) or word[:1].isupper() or \
        word.lower() in lexicon().grammar["no_subject_before_to"]["words"]


def _subject_before(text: str, verb_at: int, of_a_change: bool = False) -> str:
    """The noun phrase right before position ``verb_at`` (the subject of a change verb); with ``of_a_change``,
    ``verb_at`` is a verb of change or level, whose infinitive may have its own subject before "to" ("expect house
    prices to rise"), whose clause may be a restrictive one ("a market that has grown") and whose subject may be
    followed by the claim's place ("sales of new homes in the US had fallen")."""
    head = text[:verb_at]
    if head.endswith(('"', "“", "‘")):
        head = head.rstrip("\"“‘")  # 'the average income had "risen': the quote opens on the verb
    # "The deficit, meanwhile, hit": the aside is no part of the subject
    head = _ASIDE_ADVERB.sub("", head) if head.count(",") >= 2 else head
    head = _ABBREVIATION.sub("", head) if "(" in head else head  # "Gross domestic product (GDP) rose"
    head = _cut_end(_DEGREE, ("than", "nearly", "almost", "roughly"), head)  # "loan losses more than halved"
    if head.rstrip().endswith(" to") and len(text[verb_at:].split()) <= 2 and (caused := _caused_to().search(head)):
        # "caused its shares to lose 18%": the shares (not "prompting the Fed to increase interest rates five
        # times": the verb's object is what changed)
        return _ARTICLE.sub("", caused.group("np"))
    head = _cut_end(_EXPECTED_TO, ("to", "ly"), head)
    head = _cut_end(_AUXILIARIES, (*_AUXILIARY_WORDS, "ly"), head)
    if of_a_change and (to := _INFINITIVE.search(head)) and not _no_subject_before_to(head[: to.start()]) and \
            not _WITH_AN_OBJECT.match(text, verb_at):
        head = head[: to.start()]
    head = _cut_end(_RELATIVE, ("which", "who", "that"), head)  # "Galaxy S4 sales, which reached": the noun
    head = _cut_end(_RELATIVE_CLAUSE, (",",), head)  # "The deal with Fox, that saw matches sublicensed, was worth"
    if of_a_change:
        head = _cut_end(_THAT, ("that",), head)
    head = _cut_end(_APPOSITIVE_END, (",",), head)  # "Shares in Acme, the retailer, fell": what Acme is
    head = _cut_end(_DASH_END, ("-", "–", "—"), head)  # "The owners - two from Taiwan": the noun the aside is about
    head = _without_periods(head, timed_only=True)  # "In the last four years sales rose": when is not who
    if (restrictive := _RESTRICTIVE_TAIL.search(head)) and past_tense(restrictive.group("verb")) and \
            _AUXILIARY_END.search(text, max(0, verb_at - 12), verb_at):
        # "The death toll from a powerful earthquake that struck southern Peru has risen": the noun the clause is
        # about, before it (an auxiliary opens the noun's own verb; "BMW, which saw revenues rise 11%" has none)
        head = head[: restrictive.start()]
    if (m := _heads_of()[0].search(head)) and not _to_change(m.group(1)):
        # (not "a number of things in an attempt to boost voter turnout, which fell": what was to be boosted)
        counted = _ARTICLE.sub("", m.group(1))
        found = _strip_place(_np_after(counted))
        if found and (doing := _DOING_AFTER.match(counted, counted.find(found) + len(found))):
            found += doing.group(0)  # "the number of people waiting for routine hospital treatment in England"
        if found:
            return found  # "the number of homicide cases", "share of the vote"
    if of_a_change and (placed := _PLACE_AT_THE_END.search(head)) and _is_place(placed.group("place")):
        head = head[: placed.start()]  # "sales of new homes in the US had fallen": the place is the claim's place
    tokens = _SUBJECT_TOKEN.findall(head)
    stops = _stops()
    taken: list[str] = []
    skipped_verb = False
    for i in range(len(tokens) - 1, -1, -1):
        token = tokens[i]
        if not taken and i == len(tokens) - 1 and token.lower() in _verbs_after_a_noun():
            skipped_verb = True
            continue  # "the creative industry brought £21bn": the verb before the figure is no part of it
        before_token = tokens[i - 1].lower() if i > 0 else ""
        linking = token.lower() in _LINKING and taken and i > 0 and before_token not in stops
        if linking and token.lower() == "from" and _from_opens_no_phrase(tokens, i, before_token):
            linking = False  # "has fallen from the record", "a fall from the current level": not of the phrase
        if linking and token.lower() == "to" and (taken[0].lower() in transitive_change_verbs()
                                                  or before_token.endswith("ed")):
            linking = False  # "tried to boost voter turnout, which fell": the noun, not the verb's
        # "Profits at US media giant TimeWarner": what is measured at a name is the name's
        linking = linking or (token.lower() == "at" and taken and _AT_A_NAME.match(" ".join(taken)) is not None and
                              before_token.isalpha() and before_token.islower() and before_token not in stops and
                              not before_token.endswith(("ed", "ing")) and before_token not in _verbs_after_a_noun())
        # "the gap between exports and imports": the "and" of a "between" belongs to the phrase
        linking = linking or (token.lower() == "and" and taken and "between" in (t.lower() for t in tokens[i - 4 : i]))
        # "Applications from England and Wales": names joined inside a phrase of a linking word belong to it
        linking = linking or (token.lower() == "and" and taken and taken[0][:1].isupper() and
                              before_token[:1].isalpha() and tokens[i - 1][:1].isupper() and
                              any(t.lower() in _LINKING for t in tokens[max(0, i - 4) : i - 1]))
        # "Shares in the company": an article right after a linking word belongs to the phrase
        article = token.lower() in ("the", "a", "an", "its", "their") and taken and i > 1 and (
            before_token in _LINKING or (before_token == "at" and taken[0][:1].isupper()))
        # "us" is a stop word, but "US" modifies a noun ("US exports"); "figures suggest inflation rose": the
        # subject starts after the verb
        stop = (token.lower() in stops and not (len(token) > 1 and token.isupper() and taken)) or \
            token.lower() in _CLAUSE_VERBS
        if not (linking or article) and (token in ",;:-" or stop or token[0].isdigit()):
            break  # "Shares in Cairn Energy" keeps its "in"; "since 2010 the number" stops at "since"
        taken.insert(0, token)
        # "the gap between A and B", "shares in the fifth biggest US carrier" are longer
        if len(taken) >= (8 if any(t.lower() in _LINKING for t in taken) else 6):
            break
    while taken and (taken[-1].lower() in _LINKING or taken[-1].lower() in ("the", "a", "an", "-")):
        taken.pop()  # "a combined tally of": the phrase ends with its noun
    while taken and taken[0].lower() in lexicon().scales:
        taken.pop(0)  # "The 865 million share offer": the scale is the figure's, not the phrase's
    if len(taken) > 1 and taken[0].islower() and taken[0] in transitive_change_verbs() and \
            taken[1].lower() not in _LINKING:
        taken.pop(0)  # "to boost voter turnout, which fell": what was to be boosted (not "increase in prices")
    found = " ".join(taken)
    if skipped_verb and len(taken) == 1 and found[:1].isupper() and not found.isupper():
        return ""  # "Okonkwo threw 68.40m": who did it, not what was counted
    if _is_place(found) and (m := _PLACE_BEFORE.search(head)):
        return _subject_before(head, m.start())  # "Sales around the world rose": the sales, the place aside
    if (m := _PLACE_AFTER.search(found)) and _is_place(m.group(1)):
        return found[: m.start()]  # "Unemployment in France fell": the place is the claim's place
    return found


# what those counted are doing, after them, up to a place or the end: " waiting for routine hospital treatment"
_DOING_AFTER = re.compile(r"\s[a-z]+ing(?:\s(?!(?:in|across|at|throughout)\s(?:the\s)?[A-Z])"
                          r"(?!(?:has|have|had|was|were|is|are|will|would|could|can|may)\b)[\w'’-]+){0,5}"
                          r"(?=\s(?:in|across|at|throughout)\s(?:the\s)?[A-Z]|\s*$)")
_NOUN_OF_BEFORE = re.compile(r"\b(?:a|an|the|another|its|their|his|her|our)\s+(?:[a-z'’-]+\s+){0,2}?"
                             r"(?P<noun>[a-z]+)\s+of\s+$", re.IGNORECASE)
_DEGREE = re.compile(r"\s+(?:more\s+than|less\s+than|nearly|almost|roughly)\s*$")
_AUXILIARY_END = re.compile(r"\s(?:has|have|had|was|were|is|are|will)\s+$")
# a relative clause with no commas at the end of a subject: " that struck southern Peru"
_RESTRICTIVE_TAIL = re.compile(r"\s(?:that|which|who)\s+(?P<verb>[a-z]+)\b[^,;:()\"“”]{0,60}$")


@cache
def _forecaster_next() -> re.Pattern[str]:
    """Those who forecast a figure, after it: "the 5.5 million analysts had forecast", "the 3% economists
    expected" (see "forecasters" in grammar.json)."""
    words = lexicon().grammar["forecasters"]
    return re.compile(rf"\s+(?:[a-z]+\s+)?{alternation(words['nouns'])}\s+(?:had\s+|have\s+)?"
                      rf"{alternation(words['verbs'])}")


# a word that opens a clause of its own inside what stands before a verb: no part of a thing's name
_NOT_OF_A_THING = frozenset({"to", "why", "how", "what", "when", "where", "who", "which", "that", "if", "whether"})


def _of_the_subject(subject: str, noun: str, generic: frozenset[str]) -> str:
    """The measure of a verb's figure with what the verb's subject is ("The new bridge will cost £2.5m": bridge
    cost), less a phrase after the thing that names someone ("The art collection of Gianni Versace could fetch": art
    collection price); a clause is no thing ("plans to let universities charge": charge)."""
    words = subject.split()
    if not words or subject.lower() in generic or any(word.lower() in _NOT_OF_A_THING for word in words):
        return noun
    for i, word in enumerate(words[1:-1], start=1):
        if word in _LINKING and words[i - 1][:1].islower() and any(later[:1].isupper() for later in words[i + 1 :]):
            return f"{' '.join(words[:i])} {noun}"
    return f"{subject} {noun}"


def _verb_measure(verb: str, q: Quantity) -> str | None:
    """What a figure after ``verb`` measures ("will cost £2.5m": a cost), when the figure can be it: the nouns
    of a sum only of money, a share or a vague amount ("spend millions"); "won 11 more than at the last
    election" are no winnings."""
    noun = lexicon().grammar["verb_measures"].get(verb)
    if noun == "takings" and not is_money(q.unit):
        return None  # "took $19.1m": takings; "took 35%" of a vote is none
    if noun is None or is_money(q.unit) or q.unit in ("percent", "times") or q.value is None or \
            noun in _any_unit_measures():
        return noun
    return None


@cache
def _any_unit_measures() -> frozenset[str]:
    return frozenset(lexicon().grammar["verb_measures_of_any_unit"]["nouns"])


def _to_change(phrase: str) -> bool:
    """Whether a phrase holds an infinitive of a verb of change ("in an attempt to boost voter turnout")."""
    words = phrase.lower().split()
    verbs = transitive_change_verbs()
    return any(word == "to" and after in verbs for word, after in pairwise(words))


def _is_place(phrase: str) -> bool:
    """Whether a phrase names a place, or places joined by "and" ("Spain and Portugal", "the South East and
    London"), or one by what it is ("the region")."""
    aliases, generic = gazetteer().aliases, lexicon().grammar["generic_places"]
    return bool(phrase) and all(part in aliases or f"the {part}" in aliases or part.removeprefix("the ") in aliases
                                or f"the {part.removeprefix('the ')}" in generic
                                for part in (_PART_OF_A_PLACE.sub("", part) for part in phrase.split(" and ")))


# "western Europe", "mainland China", "southern Spain": a part of a place, which the place names
_PART_OF_A_PLACE = re.compile(r"^(?:(?:north|south)(?:[\s-]?(?:east|west))?(?:ern)?|east(?:ern)?|west(?:ern)?|central"
                              r"|mainland)\s(?=[A-Z])")


_PLACE_BEFORE = re.compile(r"\s(?:in|across|around|throughout|within|outside|all\sover)\s+(?:the\s+)?[\w' -]+"
                           r"(?:,\s[\w' -]+)*$", re.IGNORECASE)  # "in England, France and Spain"
_PLACE_AFTER = re.compile(r"\s(?:in|across|around|throughout|within)\s+(?:the\s+)?(.+)$")
_PLACE_AT_THE_END = re.compile(r"\s(?:in|across|throughout)\s+(?:the\s+)?"
                               r"(?P<place>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){0,2})\s*$")


_RELATIVE = re.compile(r",\s+(?:which|who|that)\s*$")
# a bound a figure sets on what is named just before it ("incomes above £150,000")
_THRESHOLD = re.compile(r"(?:over|above|below|under|exceeding)\s", re.IGNORECASE)
_LINKED = re.compile(r"\s(?:on|of|in|for|to|from|with)\s")
_APPOSITIVE_END = re.compile(r",\s+(?:the|a|an|its|their|one\s+of)\s[^,;:()\"“”]{1,80}?,\s*$")
_RELATIVE_CLAUSE = re.compile(r",\s+(?:which|who|that)\b[^,;]{1,120},\s*$")
_DASH_END = re.compile(r"\s[-–—]\s*$")
_PLACE_PHRASE = re.compile(r"\s(?:in|across|throughout|within)\s")


# a name that ends in a place's ("the Bank of America"): the place is part of the name
_NAMED_OF = re.compile(r"\b[A-Z][\w'’&-]*\s+of(?:\s+the)?$")
_TRAILING_LINK = re.compile(r"(?:\s+(?:of|in|across|throughout|around|for|the|a|an))+$", re.IGNORECASE)


def _strip_place(phrase: str) -> str:
    return _PLACE_PHRASE.split(phrase)[0]


_LEVEL_MODIFIERS = ("a", "an", "the", "at", "to", "of", "about", "around", "some", "nearly", "almost", "just", "over",
                    "under", "more", "than", "less", "record", "new", "high", "low", "worse", "better", "expected",
                    "further", "extra", "record-breaking", "all-time", "combined", "total", "whopping")


@cache
def _level_verb() -> tuple[re.Pattern[str], tuple[str, ...]]:
    """A level verb and up to four words after it at the end of a phrase (case-blind), and the words it can end with."""
    level_verbs = lexicon().grammar["level_verbs"]
    verbs = alternation(level_verbs, boundary=False)
    # "stands at a punitive 17.25%": how the level is judged is no part of what is measured
    described = tuple(w for w in _level_adjectives() if w not in _LEVEL_MODIFIERS)
    modifiers = "|".join(re.escape(w) for w in _LEVEL_MODIFIERS + described)
    # ("was currently at 62%": an adverb between the verb and the level)
    pattern = re.compile(rf"\b(?:{verbs})\b(?:\s+[a-z]+ly)?(?:\s+(?:{modifiers}|[\w-]+-than-expected)){{0,4}}\s*$",
                         re.IGNORECASE)
    return pattern, tuple(w.lower() for w in level_verbs) + _LEVEL_MODIFIERS + described + ("-than-expected",)


_NOUN_OF = re.compile(r"(?<![\w'’])([A-Za-z][\w'’-]*(?:\s[A-Za-z][\w'’-]*)?)\s+of\s+"
                      r"(?:about\s+|around\s+|some\s+|nearly\s+|"
                      r"almost\s+|over\s+|more\s+than\s+|up\s+to\s+|above\s+|below\s+|under\s+|at\s+least\s+|"
                      r"an?\s+(?:estimated\s+|average\s+|extra\s+|additional\s+)?|roughly\s+|just\s+)?$")
_HELD_IN = re.compile(r"\b([A-Za-z][\w'’-]*(?:\s[A-Za-z][\w'’-]*)?)\s+(?:in|across|throughout)\s+(?:the\s+)?$")
_LEADING_AUXILIARY = re.compile(r"^(?:have|has|had|having|is|are|was|were|be|been|being)\s+", re.IGNORECASE)
# the words it ends with
_NOUN_OF_ENDS = ("of", "about", "around", "some", "nearly", "almost", "over", "than", "to", "above", "below",
                 "under", "least", "estimated", "average", "extra", "additional", "roughly", "just", "a", "an")
_PREVIOUS_FIGURE_ENDS = ("(", "to", "from", "of", "or", "and", "versus", "against")


_FOR_A_NAME = re.compile(r"(?:\s*\([^)]{1,30}\))?\s+(?:for|to)\s+(?:the\s+)?[A-Z]")
_OF_WHICH = re.compile(r"\s+of\s+(?:which|whom|them|those)\b")
_PARTICIPLE_BY = re.compile(r"\s+(?:announced|reported|posted|made|recorded|earned|raised|paid|spent)\s+by\b")
_PASSIVE_AFTER = re.compile(r"\b(?:was|were|been|be)\s+(\w+ed|killed|hurt|seen|taken|born)\b")
# "were killed", "were out of work"; not "were expected to attend" (what is said of them, not what befell them)
_PASSIVE_NEXT = re.compile(r"\s*(?:have|has|had)?\s*(?:been|were|was)\s+(?!(?:expected|believed|estimated|thought|"
                           r"reported|feared|understood|known|predicted|forecast|projected|scheduled|said)\b)"
                           r"(\w+ed|missing|out\sof\swork)\b")
# a figure set against the one before it, with no noun of its own: "rather than the usual five"
_RATHER_THAN = re.compile(r"\b(?:rather\s+than|instead\s+of|than)\s+(?:the\s+|a\s+|an\s+)?"
                          r"(?:usual|normal|typical|expected|previous|planned|original|average|customary)?\s*$",
                          re.IGNORECASE)
# a modal before a verb that opens a figure's phrase: "you can add up to 128GB"
_MODAL_BEFORE = re.compile(r"\b(?:can|could|will|would|may|might|must|should|shall|to)(?:\s+(?:also|still|now|only|"
                           r"easily|even))?\s+$")
# a figure of the same thing at another time, with nothing named after it: "its current 2.5%"
_FORMER_FIGURE = re.compile(r"\b(?:its|their|his|her|the)\s+(?:current|previous|former|existing|present|old|earlier|"
                            r"original|latest)\s+$")
_NOTHING_NAMED_AFTER = re.compile(r"\s*(?:[,.;:)]|$|\s(?:and|but|while|or)\b)")
_PREVIOUS_FIGURE = re.compile(r"(?:\(|\b(?:to|from|of|or|and|versus|against))\s*$")
# "Tutsis and moderate Hutus were killed": a second noun that shares the first's figure and verb
_COORDINATED_NOUN = re.compile(r"\s+(?:and|or)\s+(?:[a-z][\w-]*\s+){0,2}[A-Za-z][\w-]*s\b(?=\s+(?:were|are|have|had))")
# what people counted are doing: "were waiting for treatment" (not what is said of them: "were expected to attend")
_DOING_NEXT = re.compile(r"\s+(?:are|were|is|was)\s+("
                         r"(?!being\b|going\b)[a-z]{3,}ing(?:\s+(?:for|in|on|from)\s+(?:(?:the|their|a|an|his|her|its)\s+)?"
                         r"(?!(?:the|their|his|her|its)\b)[a-z]{3,})?)\b")
@cache
def _level_adjectives() -> tuple[str, ...]:
    """The words that say how a level stands ("a record", "a combined") or is judged ("a punitive")."""
    return tuple(w.lower() for w in grammar_set("level_adjectives")) + _judging_adjectives()


@cache
def _judging_adjectives() -> tuple[str, ...]:
    return tuple(w.lower() for w in lexicon().grammar["judging_adjectives"]["words"])


@cache
def _level_after_change() -> re.Pattern[str]:
    """"to a record", "to a combined": the level a change leads to, named by how it stands."""
    return re.compile(rf"\bto\s+(?:an?\s+)?{alternation(list(_level_adjectives()))}\s*$", re.IGNORECASE)


_ADVERB_AFTER_TO = re.compile(r"\b(?:to|from|or|versus)\s+[a-z]+ly\s*$")
# the unit of a change before "at" and the level it leads to
_UNIT_WORDS = frozenset({"cents", "pence", "points", "percent", "cent", "p", "pc", "yen", "euros", "dollars"})
_AT_OR_TO = re.compile(r"(?:\s(?P<verb>[\w'’]+))?\s(?:at|to)(?:\sthe)?\s*$")
_BEFORE_WORD = re.compile(r"[\w'’]+")
_MADE_UP_OF = re.compile(r"[^,;.]{0,80}?\s(?:is|are|was|were)\s(?:made\s+up\s+of|accounted\s+for\s+by)\s+(.{1,80})")
_YEARISH = re.compile(r"\d")
# verbs of motion that "up" or "down" make a change of: "went up", "came down"
_VERBS_AT_THE_END = re.compile(r"\s(?:to\s[a-z]+|[a-z]+ed(?:\s[a-z]+ly)?(?:\s(?:to\s)?[a-z]+)?)\s*$")
# "sent shares in the firm up 8.5p", "pushed the pound down 2%": what was made to move
_SENT_UP = re.compile(r"\b(?:sent|sends|sending|pushed|pushes|pushing|drove|drives|driving|lifted|lifts|lifting|"
                      r"dragged|drags|dragging|knocked|knocks|knocking)\s+(?P<np>[^,;:]{2,60}?)\s+(?:up|down)"
                      r"(?:\s+by)?\s*$", re.IGNORECASE)
# verbs whose subject is what varies: "rates could vary by as much as £100", "fees range from £50"
_VARY_VERBS = frozenset({"vary", "varies", "varied", "varying", "differ", "differs", "differed", "differing", "range",
                         "ranges", "ranged", "ranging"})
# and the verbs of a market's day that "up" or "down" makes one of: "the index closed down 7.9%"
_MOTION_VERBS = frozenset({"go", "goes", "going", "went", "gone", "come", "comes", "coming", "came", "move", "moves",
                           "moved", "moving", "shot", "shoot", "shoots", "edged", "edge", "edges", "crept", "creep",
                           "closed", "closes", "close", "ended", "ends", "finished", "finishes", "opened", "opens",
                           "traded", "trades", "trading", "was", "were", "is", "are"})
_RANGE_WORDS = frozenset({"between", "from", "of", "about", "around", "some", "over", "nearly", "almost", "just",
                          "more", "less", "than", "up", "to"})
# words between a verb and the sum it takes that say the sum comes on top: "spend an extra £8bn"
_ON_TOP = frozenset({"extra", "further", "additional", "another"})


@cache
def _holding_verbs() -> frozenset[str]:
    """The verbs of "level_verbs" that say a level is held ("remain", "stay")."""
    return frozenset(w for w in lexicon().grammar["level_verbs"] if w.startswith(("remain", "stay")))


# generic words that stand for a figure named elsewhere, and say nothing of what it measures
_PLACEHOLDERS = frozenset({"figure", "figures", "number", "numbers", "total", "amount", "sum", "tally", "result",
                           "results", "one", "ones", "it", "that", "this", "which", "value", "mark", "milestone"})


@cache
def _time_words() -> frozenset[str]:
    g = lexicon().grammar
    return frozenset(w.lower() for w in g["time_nouns"] + g["months"] + g["weekdays"])


@cache
def _times() -> frozenset[str]:
    """The plurals of the time nouns: "in two weeks", "for the three months to December", "in real terms" (not
    "times", more often a figure's own noun: "0.3 second autofocus times")."""
    return frozenset(f"{w.lower()}s" for w in lexicon().grammar["time_nouns"]) - {"times"}


@cache
def _generic_measures() -> frozenset[str]:
    return frozenset(lexicon().grammar["generic_measures"])


def names_no_measure(phrase: str) -> bool:
    """Whether a measure says nothing of what was measured: none, a generic word, or a change ("increase")."""
    return not phrase or phrase.lower() in _not_nouns_of()


@cache
def _not_nouns_of() -> frozenset[str]:
    return _generic_measures() | frozenset(_change_words()["change_nouns"])


def _compared_dimension(text: str, at: int) -> str | None:
    """What a multiple compares ("ten times faster": speed, "three times the size of": size), from the
    comparative after it."""
    pattern, dimensions = _comparatives()
    m = pattern.match(text, at)
    return dimensions[m.group(1).lower()] if m else None


@cache
def _comparatives() -> tuple[re.Pattern[str], dict[str, str]]:
    dimensions = lexicon().grammar["comparative_dimensions"]
    return re.compile(rf"\s+({alternation(list(dimensions), boundary=False)})\b", re.IGNORECASE), dimensions


def measure(text: str, q: Quantity, mention_start: int, clause_start: int, previous: str | None) -> str:
    """What the figure counts, in the article's words (``police officers``, ``Home Office funding``).

    The words around the figure decide (see :func:`_measure`); a figure among the sizes of
    one thing ("142 x 72.5 x 8.1 mm") measures its dimensions, one that qualifies a noun
    ("a 5.1-inch Super AMOLED display") that noun, one with nothing said of it what its
    unit measures (a 145 g that weighs is a weight), a size an adjective follows what the
    adjective names ("300m tall": a height), and the people a survey asked its respondents.
    """
    if q.unit == "count" and _ATTENDANCE_LABEL.search(text, max(0, mention_start - 14), mention_start):
        return "attendance"  # a match report's "Att: 50,430"
    found = _measured(text, q, mention_start, clause_start, previous)
    if _LEADING_PREPOSITION.match(found):
        found = _after_prepositions(found)
    if found.lower() in _NO_NOUN or found.lower() in _stops() or (
            found.lower() in money().names and _written_after_a_sum(text, found, mention_start)):
        # "Another 1,700 will go": more of what the article counted, unsaid here; "4bn euros ($5.2bn)": the
        # currency of the sum before, no measure (not "the dollar reached $1.29": an exchange rate)
        found = ""
    elif " " in found and _a_saying(found.split(None, 1)[0]):
        found = found.split(None, 1)[1]  # "saying police numbers had fallen by 1,132": the numbers
    else:
        found = _after_a_saying(_after_a_count(found))
    if " " in found and found.split(None, 1)[0].lower() in _judging_adjectives():
        found = found.split(None, 1)[1]  # "pulled in a disappointing audience of 6.3 million": the audience
    if (change := _change_in().match(found)) and _LEVEL_REACHED.search(text, max(0, mention_start - 8), mention_start):
        found = _strip_determiners(change.group(1))  # "a slight drop in pre-tax profits to £170m": the profits
    if found in _calendar_names():
        found = unit_measure(q.unit) or ""  # "launched last November at $6.99 a month": when, not what
    if not found and q.unit == "s":
        return "time"  # "won in 9.87 seconds": a time clocked, when the sentence names no record or best
    if found.lower() in lexicon().grammar["respondent_words"]["words"]:
        return "respondents"  # "54% of those asked in a poll"
    if is_money(q.unit) and found and len(found.split()) <= 3 and not _OF_OR_COST.search(found) and \
            found.split()[-1].lower() in lexicon().grammar["costed_things"]["words"] and \
            text.startswith(found, _QUALIFIED_NEXT.match(text, q.end).end()):
        return f"{found} cost"  # "the £456m system", "a £200m stadium": what they cost
    if (size := lexicon().grammar["dimension_adjectives"].get(found.lower())) and \
            text[q.end :].lstrip().lower().startswith(found.lower()) and \
            (of := dimension(q.unit)) is not None and of.name in ("length", "mass"):
        return size
    return found


def _written_after_a_sum(text: str, word: str, end: int) -> bool:
    """Whether ``word`` stands somewhere before ``end`` right after a figure and its scale ("4bn euros")."""
    return any(SUM_BEFORE.search(text, max(0, m.start() - 20), m.start())
               for m in re.finditer(rf"(?<![\w-]){re.escape(word)}\b", text[:end]))


def _after_a_saying(found: str) -> str:
    """A measure read back past a verb of saying to its speaker ("mining group reported losses", "JD Power
    estimates sales"): what is said to have changed, after the verb."""
    words = found.split()
    for i in range(1, len(words) - 1):
        if words[i] in _speech_verbs() and words[i + 1].lower() not in _stops() and words[i + 1][0].isalpha() and \
                not words[i - 1].endswith(("'s", "’s", "'", "’")) and words[i - 1].lower() not in _determiners():
            return " ".join(words[i + 1 :])  # (not "BA's estimated revenues": a participle of the noun)
    return found


def _after_a_count(found: str) -> str:
    """A measure that opens on a number ("six children" in "two of his six children"): the noun it counts."""
    first, _, rest = found.partition(" ")
    if rest[:1].islower() and rest.split()[0] not in _stops() and rest.split()[0] not in _LINKING and \
            (_DIGITS.fullmatch(first) or first in lexicon().numbers["cardinal_words"]):
        return rest
    return found


_DIGITS = re.compile(r"\d[\d,.]*")
_LEVEL_REACHED = re.compile(r"\b(?:to|from)\s+$")


@cache
def _change_in() -> re.Pattern[str]:
    """A noun of change and what it is in ("slight drop in pre-tax profits"), with up to two words before it."""
    nouns = alternation(_change_words()["change_nouns"])
    return re.compile(rf"(?:[\w-]+\s+){{0,2}}?{nouns}\s+in\s+(\S.*)$")


def _a_saying(word: str) -> bool:
    """Whether a word is the -ing form of a verb of saying ("saying", "forecasting", "predicting")."""
    if not word.endswith("ing") or len(word) < 6 or word in _ing_nouns():
        return False  # (not "two warning letters": a noun)
    stem = word[:-3]
    return any(form in _speech_verbs() for form in (stem, f"{stem}e", stem[:-1]))


_NO_NOUN = frozenset({"another", "other", "further", "such", "these", "those", "each", "both", "all", "some", "many",
                      "most", "more", "it's", "it’s", "that's", "that’s", "there's", "there’s"})
_LEADING_PREPOSITION = re.compile(r"(?:with|in|for|at|on|to|by)\s", re.IGNORECASE)
_PREPOSITION = re.compile(r"\b(?:with|in|for|at|on|to|by)\s+", re.IGNORECASE)


def _after_prepositions(found: str) -> str:
    """A measure read back past the noun it should have stopped at, to a preposition ("with a bid", "for US
    phone firm MCI with a bid worth $6.8bn"): the noun after the last preposition, unless it is a time or a
    place, which are no measure ("up 0.9% on the day")."""
    last = _strip_determiners(_PREPOSITION.split(found)[-1])
    words = last.lower().split()
    if not words or words[-1] in _time_words() or last in gazetteer().aliases:
        return ""
    return last


def _variant_measure(unit: str) -> str | None:
    """What a figure before a word for one of a product's versions measures, by its unit: "a 30GB version" a
    storage capacity, "the 145g model" a weight."""
    found = dimension(unit)
    return unit_measure(unit) or ("storage capacity" if found is not None and found.name == "data size" else None)


def _measured(text: str, q: Quantity, mention_start: int, clause_start: int, previous: str | None) -> str:
    if q.unit in _LENGTHS and _DIMENSIONS.search(text, max(0, q.start - 40), min(len(text), q.end + 40)) and \
            _in_dimensions(text, q):
        return "dimensions"
    if is_money(q.unit) and (spent := _spent_on(text, q, mention_start)):
        return spent
    head = _attributive_head(text, q)
    if head and head.lower() in grammar_words("product_variants") and (by_unit := _variant_measure(q.unit)):
        return by_unit  # "A 30GB version has been added": a storage capacity
    if head:
        return head
    if q.unit == "times" and (compared := _compared_dimension(text, q.end)):
        return compared  # "up to 10 times faster than current chips": their speed
    if unit_measure(q.unit) and not _np_after(_skip_to_noun(text, q)) and not _reached_by_a_change(
            text, clause_start, mention_start):
        return unit_measure(q.unit)  # "the new model weighs 145 g": a weight, whatever the subject
    if is_money(q.unit) and (priced := _PRICED_AT.search(text, max(clause_start, mention_start - 40), mention_start)):
        # "All postcards are priced at £35", "tickets priced at £125 sold out": the price of what is priced
        noun = lexicon().grammar["verb_measures"][priced.group("verb").lower()]
        if not (copula := _COPULA_END.search(text, max(clause_start, priced.start() - 30), priced.start())):
            return noun  # "tickets priced at £125 sold out", "a deal valued at $4bn"
        held = _strip_determiners(_subject_before(text[: copula.start()], copula.start()))
        return f"{noun} of {held}" if held and held.lower() not in _generic_measures() else noun
    found = _construction(text, q, mention_start, clause_start) or \
        _measure(text, q, mention_start, clause_start, previous)
    if q.unit == "times" and (done := _frequency_verb(text, mention_start)):
        verb, passive = done
        # "has competed four times": how often it was done; "whose operation had been cancelled seven times": what
        # befell what, how often
        found = f"{found} {verb}" if passive and found and found[:1].islower() and found != verb else verb
    if found and _verb_of_a_subject(found, text, mention_start):
        found = ""  # "he added 1.28p", "Idowu landed 17.30m": the verb says nothing of what is counted
    if not found and (per := _PER_THING.match(text, q.end)) and per.group("noun") not in _time_words() and \
            per.group("noun") not in _stops():
        return f"per {_np_after(text[per.start('noun') :]) or per.group('noun')}"  # "£143,000 per asylum seeker"
    if found.lower() in grammar_words("product_variants"):
        return _variant_measure(q.unit) or found  # "The 145g model": a weight
    if not found or found.lower() in _generic_measures() or found.lower() in ("x", "by"):
        return unit_measure(q.unit) or found
    return found


def _reached_by_a_change(text: str, clause_start: int, mention_start: int) -> bool:
    """Whether the figure is the change, the level it reaches or the change put another way, of what a verb
    changes: "raised its output by 300MW to 2,400MW", "by 12.6%, or 440,700MW" (the output, not a power)."""
    by = _BY_THEN_TO.search(text, max(clause_start, mention_start - 40), mention_start)
    if by is None:
        return False
    verbs = transitive_change_verbs()
    return any(word in verbs for word in _words(text[max(clause_start, by.start() - 80) : by.start()]))


_BY_THEN_TO = re.compile(r"\bby(?:\s[^\s,;]+(?:\s[^\s,;]+){0,2}(?:\sto|,?\sor))?\s+$")
_TIME_AT_THE_END = re.compile(r"\s+(?:last|this|next)\s+(?:year|month|week|season|quarter)$", re.IGNORECASE)


def _changed_from_or_by_object(text: str, clause_start: int, mention_start: int) -> str | None:
    """What a transitive verb of change changes, when "from" or "by" (and a figure "to") leads from it to the
    figure: "cutting national spending limits from £20m to £15m" (the limits), not the time it ends on."""
    changed = _changed_from_or_by().search(text, max(clause_start, mention_start - 120), mention_start)
    if changed is None:
        return None
    written = _TIME_AT_THE_END.sub("", changed.group("object").strip())
    unplaced = _strip_place(written)
    if unplaced != written:
        # "the number of flight attendants based in London", "fees for students studying in Scotland": the
        # participle goes with the place
        unplaced = _PARTICIPLE_AT_THE_END.sub("", unplaced)
    return _object_phrase(unplaced, 10) or None


_PARTICIPLE_AT_THE_END = re.compile(r"\s+[a-z]+(?:ed|ing)$")


@cache
def _changed_from_or_by() -> re.Pattern[str]:
    """A transitive verb of change, its object, and "from" or "by" (and a figure "to") right before a figure."""
    verbs = alternation(list(transitive_change_verbs()))
    return re.compile(rf"{verbs}\s+(?!(?:in|of|on|at|for)\s)"
                      rf"(?P<object>(?:(?!(?:by|from|to)\b)(?:[a-z][\w'’-]*|\d+['’]s)\s+){{1,10}}?)(?:by|from)\s+"
                      rf"(?:[^,;:]{{0,30}}?\s+to\s+)?(?:(?:about|around|some|almost|nearly|just|over)\s+)?[£$€¥]?$",
                      re.IGNORECASE)


# the verb right before a frequency, after its auxiliaries
_FREQUENCY_VERB = re.compile(r"(?:\b(?:has|have|had|was|were|is|are)|['’]ve|['’]s)\s+"
                             r"(?:(?:already|now|also|since|(been))\s+)*([a-z]+(?:\s(?:off|out|up|down|away|back|over))?)\s+$")


def _frequency_verb(text: str, mention_start: int) -> tuple[str, bool] | None:
    """The verb done as often as the frequency at ``mention_start`` says ("has competed four times"), and whether
    it is passive ("had been cancelled seven times"); not a verb of change ("has leaped 500,000 times" is a
    multiple)."""
    m = _FREQUENCY_VERB.search(text, max(0, mention_start - 40), mention_start)
    if m is None:
        return None
    verb = m.group(2)
    head = verb.split()[0]  # "sent off": the verb, less its particle
    done = past_tense(head)
    if not done or head in _change_words()["change_verbs"]:
        return None
    passive = m.group(1) is not None or text[m.start() : m.start() + 4].lower() in ("was ", "were", "is ", "are ")
    return verb, passive


def _verb_of_a_subject(found: str, text: str, mention_start: int) -> bool:
    """Whether ``found`` is only the verb a person or a name did the figure with, right before it: "he added
    1.28p", "Idowu landed 17.30m" (not "the 975 million euros earned by", nor "clubs will be guaranteed £3bn")."""
    words = text[:mention_start].split()[-2:]
    if len(words) < 2 or found not in (words[-1], " ".join(words)):
        return False
    lowered = words[-1].lower()
    past = (lowered.endswith("ed") and lowered not in _NOUN_PARTICIPLES) or lowered in _verbs_after_a_noun()
    return past and (words[0][:1].isupper() or words[0].lower() in _PRONOUNS)


_PRONOUNS = frozenset({"he", "she", "it", "they", "we", "i", "you", "who"})


_EVENT_VERB_BEFORE = re.compile(r"\b([a-z]+)\s+$")


def event_verb_before(text: str, mention_start: int, traded: bool = False) -> str | None:
    """The event verb right before a figure ("and wounded 1,000"), if one is; with ``traded``, a verb of trade
    or making too ("sold nearly 95,000 cars")."""
    m = _EVENT_VERB_BEFORE.search(text, max(0, mention_start - 20), mention_start)
    if m is None:
        return None
    verb = m.group(1).lower()
    if traded and verb.endswith("ing") and verb not in _traded_verbs():
        # "cancelling over 100 flights": flights cancelled ("shipping", "closing": shipped, closed)
        verb = next((past for past in (verb[:-3] + "ed", verb[:-3] + "d") if past in _traded_verbs()), verb)
    return verb if verb in _event_verbs() or (traded and verb in _traded_verbs()) else None


@cache
def _traded_verbs() -> frozenset[str]:
    return frozenset(lexicon().grammar["event_predicates"]["traded"])


@cache
def _event_verbs() -> frozenset[str]:
    """Verbs whose object an event count counts: "killed 52 people", "destroyed 2,000 homes" (data: event_verbs)."""
    return frozenset(lexicon().grammar["event_predicates"]["verbs"])


def people_of(measure: str) -> str | None:
    """The place whose people a measure counts ("Germans", "Britons evacuated"), if it opens on a noun for them."""
    people = gazetteer().people
    words = measure.split()
    return next((people[noun] for n in (3, 2, 1) if len(words) >= n and (noun := " ".join(words[:n])) in people),
                None)


@cache
def _event_words() -> frozenset[str]:
    return frozenset(lexicon().grammar["event_predicates"]["words"])


def event_words() -> frozenset[str]:
    """The predicates of event counts ("killed", "injured") and the verbs whose object they count."""
    return _event_words() | _event_verbs()


def event_after(measure: str, before: str) -> str | None:
    """An event count given after another ("52 people were killed and 700 injured") counts the other's
    noun with its own predicate: ``injured`` after ``people killed`` is ``people injured``."""
    words = _event_words()
    if measure.lower() not in words:
        return None
    noun, _, event = before.rpartition(" ")
    return f"{noun} {measure}" if noun and event.lower() in words else None


def unit_measure(unit: str) -> str | None:
    """What a figure of this unit measures when nothing else says: ``g`` a weight, ``GHz`` a processor's speed."""
    return lexicon().grammar["unit_measures"].get(unit)


# "142 x 72.5 x 8.1 mm", "5.6 by 2.8 by 0.31 inches": the sizes of one thing
_LENGTHS = frozenset({"count", "mm", "cm", "m", "km", "in", "ft", "yd", "mi"})
_SIZE = r"\d[\d,.]*\s?(?:(?:mm|cm|m|in|inches|ft|feet|\"|″)\s?)?"
_DIMENSIONS = re.compile(rf"{_SIZE}(?:x|×)\s?{_SIZE}(?:(?:x|×)\s?{_SIZE})?|{_SIZE}by\s{_SIZE}(?:by\s{_SIZE})?")


def _in_dimensions(text: str, q: Quantity) -> bool:
    """Whether the figure is one of the sizes a dimensions pattern spans."""
    return any(m.start() <= q.start < m.end() for m in _DIMENSIONS.finditer(text, max(0, q.start - 40),
                                                                         min(len(text), q.end + 40)))


# a figure that qualifies a noun: its unit written on to it ("5.1-inch", "2.5GHz", "16MP")
_ATTRIBUTIVE = re.compile(r"\d(?:-[a-z]+|[A-Za-z]{2,4})$")
_MODIFIER = re.compile(r"\s*,?\s*(?:[A-Z][\w+-]*|\d[\w.,-]*|[a-z]+-(?:core|bit|inch|megapixel)|ppi|dpi|pixels?|"
                       r"by-\d[\w]*|\(\w+\))(?=[\s,])")
_COORDINATED_FIGURE = re.compile(r"\s(?:and|or|to)\s\d[\d.,]*\s?[A-Za-z]{1,5}(?:\sof)?(?=\s)")
_HEAD = re.compile(r"\s+([a-z][a-z-]+(?:\s[a-z][a-z-]+){0,5})\b")


def _attributive_head(text: str, q: Quantity) -> str | None:
    """The noun a figure qualifies: "a 5.1-inch, 432 ppi 1080p Super AMOLED display" → "display"."""
    if q.unit in ("count", "percent", "percentage_point") or is_money(q.unit):
        return None  # "£25bn", "5m": a scale, not a unit written on to the figure
    at = q.end
    if m := _COORDINATED_FIGURE.match(text, at):
        at = m.end()  # "16 and 32GB storage models": the noun after the last of the figures
    elif not _ATTRIBUTIVE.search(q.text):
        return None
    for _ in range(8):  # past the other figures and names that qualify the same noun
        m = _MODIFIER.match(text, at)
        if m is None:
            break
        at = m.end()
    m = _HEAD.match(text, at)
    if m is None:
        return None
    words: list[str] = []
    for word in m.group(1).split():  # up to a word that ends the noun phrase; its head is last
        if word in _stops() or word in ("and", "or", "with", "of", "in", "on", "at", "for", "to") or \
                word in _np_verbs():
            break
        words.append(word)
    return " ".join(words[-2:]) if words else None


# "takes the league's earnings from media rights to £2.7bn": what is taken to the figure
_TAKES_TO = re.compile(r"\b(?:takes?|took|taking|brings?|brought|bringing|push(?:es|ed|ing)?|lifts?|lifted|lifting|"
                       r"boost(?:s|ed|ing)?|propel(?:s|led|ling)?)\s+(?!(?:down|up|back|forward)\s+to\s)"
                       r"(?P<np>[^,;:()]{3,90}?)\s+to\s+"
                       r"(?:(?:a|an|the)\s+)?(?:(?:record|new|high|low|total|combined)\s+)?$", re.IGNORECASE)
_PRONOUN_OR_FIGURE = re.compile(r"^(?:it|them|this|that|these|those|him|her|us)\b|\d")
_POSSESSOR = re.compile(r"^[A-Z][\w&-]*(?:\s[A-Z][\w&-]*)*['’]s?\s")
_POSSESSED = re.compile(r"^[A-Z][\w&-]*(?:\s[A-Z][\w&-]*)*['’]s?\s|\s(?:from|over|in|of|since|with)\s.*$")
# "sold its TV rights in Britain to BSkyB and BT for £3bn": what is sold for the figure
_SOLD_FOR = re.compile(r"\b(?:sold|sells|sell|selling|bought|buys|buy|buying|auctioned|acquired|leased)\s+"
                       r"(?P<np>(?!for\b)[^,;]{3,80}?)\s+(?:(?:to|from|with)\s+[^,;]{1,60}?\s+)?for\s+$")
# "to sell for £339", "retails for $199", "went on sale for £50": a price
_SELLS_FOR = re.compile(r"\b(?:sell|sells|selling|retail|retails|retailing|retailed|on\s+sale|priced|costs?)\s+"
                        r"(?:(?:in|across)\s+(?:the\s+)?[A-Z][\w.]*(?:\s+(?:and\s+)?[A-Z][\w.]*){0,3}\s+)?for\s+"
                        r"(?:about\s+|around\s+|just\s+|only\s+|under\s+|over\s+)?$", re.IGNORECASE)
# "a tasty cheque for $1.5m", "put in a bid for £5m": a noun after an article (and an adjective) before "for"
_NOUN_FOR = re.compile(r"\b(?i:a|an|the|its|their|his|her)\s+(?:[a-z]+\s+)?(?P<noun>[a-z]+)\s+for\s+"
                       r"(?:about\s+|around\s+|just\s+|only\s+|up\s+to\s+|more\s+than\s+|over\s+)?$")
_SUED_FOR = re.compile(r"\b(?:sued|sues|sue|suing)\b[^,;]{0,40}?\sfor\s+"
                       r"(?:about\s+|around\s+|up\s+to\s+|more\s+than\s+)?$", re.IGNORECASE)
# "download it for $0.99", "rent one for £3": what a buyer pays
_BOUGHT_FOR = re.compile(r"\b(?:download|buy|purchase|rent|order|stream|hire|subscribe)(?:s|ed|ing|d)?\s+"
                         r"(?:(?:it|them|one|each|a\s+copy|copies|a\s+ticket|tickets)\s+)?for\s+"
                         r"(?:about\s+|around\s+|just\s+|only\s+|under\s+|as\s+little\s+as\s+)?$", re.IGNORECASE)
# "moved to Chelsea for £2.25m from Anderlecht", "joined the Gunners from Seville for £17m": a player's move
_MOVED_FOR = re.compile(r"\b(?:(?:moved|moves|move|moving|transferred|signed|signs|signing)\s+(?:to|from|for|with)|"
                        r"joined|joins|join|joining)\s+[^,;]{1,60}?\s+for\s+(?:a\s+|about\s+|around\s+|just\s+)?$"
                        # "He was signed for £4.6m from AC Milan": a player signed, passive
                        r"|\b(?:was|were|is|been|being)\s+(?:signed|transferred)\s+for\s+"
                        r"(?:a\s+|about\s+|around\s+|just\s+)?$")
# "A much-loved guitar ... has been sold for £100,000"
# "from the £130m seen a year earlier": a participle that says when, not what
_PART_OF_A_TIME = re.compile(r"(?:(?:first|second|third|fourth|final|last|latest|same|past|previous)\s)?"
                             r"(?:(?:two|three|four|five|six|nine|twelve|\d{1,2})\s)?(?:quarters?|half|halves|years?|"
                             r"months?|weeks?|seasons?|period)\sof\s.+", re.IGNORECASE)
# a preposition and an article open a noun phrase of their own ("United Breweries in a deal")
_NEW_PHRASE = re.compile(r"\s(?:in|with|for|under|through|after)\s(?:a|an)\s([\w'’-]+(?:\s[\w'’-]+){0,3})$")


def _deal_worth(text: str, end: int) -> str | None:
    """What a sum "worth" after ``end`` is the worth of, when the words before it end on "in a deal" and the like
    ("buy 37.5% of United Breweries in a deal worth", "in a deal that could be worth")."""
    inner = _NEW_PHRASE.search(text, 0, end)
    return _np_after(inner.group(1)) if inner else None

_SEEN_THEN = frozenset({"seen", "recorded", "reported", "posted", "achieved", "registered"})
# "year-on-year", "month on month": a change against the same time before, no thing measured
_ON_THE_TIME_BEFORE = re.compile(r"(?:year|month|quarter|week|day)[\s-]on[\s-](?:year|month|quarter|week|day)",
                                 re.IGNORECASE)
def _spent_on(text: str, q: Quantity, mention_start: int) -> str | None:
    """"the £80m spent annually on the Energy Savings Trust", "has spent £3bn on new roads": spending on what (or
    investment in it)."""
    spent = _SPENT_ON.match(text, q.end)
    if spent is None:
        return None
    verb = text[q.end : spent.start("np")].strip()
    before = _SPENT_BEFORE.search(text, max(0, mention_start - 40), mention_start)
    if not ("spent" in verb or "invested" in verb or verb.startswith(("being", "been", "to be"))) and before is None:
        return None
    words: list[str] = []
    for word in spent.group("np").split()[:_MAX_SPENT_ON]:
        if word.lower() in ("the", "a", "an", "its", "their", "his", "her", "new"):
            words.append(word)
            continue
        if word.lower() in _stops() or not word[:1].isalpha():
            break
        words.append(word)
    while words and words[-1].lower() in ("the", "a", "an", "its", "their", "his", "her", "new"):
        words.pop()  # "on the new stand": a noun the words stopped at ("stand") is a verb as well
    found = _strip_determiners(" ".join(words))
    if not found:
        return None
    return f"investment in {found}" if "invest" in verb or (before and "invest" in before.group(0)) else \
        f"spending on {found}"


_MAX_SPENT_ON = 6
_OF_OR_COST = re.compile(r"\b(?:of|costs?)\b|['’]")
_QUALIFIED_NEXT = re.compile(r"[\s-]*(?:\([^)]{1,30}\)\s*)?")  # "£456m system", "£3m-a-year", "$5m (£2.7m) show"


# "That sale valued Ferrari at 2.3bn euros": the value of what was valued
_VALUES_AT = re.compile(r"\b(?:valued|values|valuing|value)\s+(?!at\b)[^,;:]{2,60}?\s+at\s+"
                        r"(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|just\s+)?$")
# "the £80m spent annually on the Energy Savings Trust", "has spent £3bn on new roads": spending on what
_SPENT_ON = re.compile(r"\s+(?:(?:will|would|could|should|is|are|was|were|has|have|had)\s+)?"
                       r"(?:(?:being|been|be|to\s+be)\s+)?(?:spent|invested)?\s*(?:[a-z]+ly\s+|each\s+year\s+|"
                       r"a\s+year\s+)?on\s+(?P<np>[^,;:.()]{2,80})")
_SPENT_BEFORE = re.compile(r"\b(?:spent|spend|spends|spending|invested|invest|invests|investing)\s+(?:a\s+further\s+|"
                           r"another\s+|an\s+extra\s+|about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|"
                           r"over\s+)?$")
_SOLD_PASSIVE = re.compile(r"\s(?:has|have|had|was|were|is|are|be|been|being)\s+(?:been\s+)?(?:sold|bought|auctioned|"
                           r"valued|priced|acquired)\s+(?:for|at)\s+$")
# "the deal for 2010-13 is worth £1.8bn", "deals worth more than £1bn"
_WORTH = re.compile(r"\s(?:(?:is|was|are|were|be|been|being)\s+)?(?:now\s+|still\s+|also\s+)?worth\s+$")
# "will now cost the broadcasters £6.6m": a verb of money, its indirect object, the figure
_COSTS_VERBS = frozenset(("cost", "costs", "costing", "pay", "pays", "paid", "paying", "give", "gives", "gave",
                          "giving", "save", "saves", "saved", "saving", "earn", "earns", "earned", "earning", "owe",
                          "owes", "owed", "charge", "charges", "charged"))
_COSTS_WHOM_REACH = 4  # words: the verb, a determiner and two words
_COSTS_WHOM = re.compile(rf"\b(?P<verb>{'|'.join(sorted(_COSTS_VERBS, key=len, reverse=True))})\s+"
                         r"(?:the\s+|a\s+|an\s+|each\s+|every\s+|its\s+|their\s+)?(?:[a-z]+\s+){1,2}$")
# "an average cost to the broadcasters of £10.2m": the noun before "to whom ... of"
_COST_TO_OF = re.compile(r"\b(?P<noun>(?:[a-z]+\s)?(?:cost|price|fee|bill|payment|value|charge|bonus|prize))\s+"
                         r"(?:to|for)\s+(?:the\s+)?[a-z][a-z ]{1,30}?\s+of\s+$")
# "£56m a year has been earmarked for grassroots projects"
_EARMARKED_FOR = re.compile(r"(?:\s+(?:a|per)\s+(?:year|month|week|season))?\s+(?:has|have|had|will|would)?\s*"
                            r"(?:been|be)\s+(?:[a-z]+ed|set\s+aside|put\s+aside)\s+(?:for|to|on)\s+(?P<np>[^,;.]{3,60})")
_TAKES_TO_ENDS = frozenset({"to", "a", "an", "the", "record", "new", "high", "low", "total", "combined"})
_PARTICLES = frozenset({"away", "out", "back", "up", "in", "aside"})
# "give away £250m": a verb and its particle
_PHRASAL = re.compile(r"\b(?P<verb>[a-z]+)\s+(?P<particle>away|out|back|up|in|aside)\s+$")
# "bought 19.9% of the firm", "holds a 30% stake": a share owned
_STAKE_VERBS = frozenset({"buy", "buys", "bought", "buying", "acquire", "acquires", "acquired", "acquiring", "own",
                          "owns", "owned", "owning", "hold", "holds", "held", "holding", "sell", "sells", "sold",
                          "selling", "take", "takes", "took", "taking", "offload", "offloaded", "a", "its", "their"})
_STAKE_OF = re.compile(r"\s+(?:of|in)\s+(?P<np>.{3,80})")
# "accounted for 37.5% of", "make up 40% of": a part of a whole, whose share it is
_MAKING_UP = frozenset({"accounted for", "account for", "accounts for", "accounting for", "make up", "makes up",
                        "made up", "making up", "represent", "represents", "represented", "representing", "comprise",
                        "comprises", "comprised", "constitute", "constitutes", "constituted"})
_PART_OF = re.compile(r"\s+of\s+(?P<np>.{3,80})")
_OWNED = re.compile(r"^[a-z]+['’]s?\s")  # "the country's economy": the economy
_OWNED_BY_A_NAME = re.compile(r"^[A-Z][\w&-]*['’]s?\s")
# what a share is taken of that is no one's to own: a vote, a market
_SHARED_THINGS = frozenset({"vote", "votes", "poll", "polls", "ballot", "market", "markets", "seats", "electorate"})
# (one holder's verbs: "Investors in Norway and Sweden hold about 2% each" measures the investors)
_OWNING = frozenset({"owns", "owned", "holds", "held", "controls", "controlled"})
# "£6.6m a fixture", "£50 per head": a rate of a thing, not of a time
_PER_THING = re.compile(r"\s+(?:a|per|each)\s+(?P<noun>[a-z]{3,})\b")


def _construction(text: str, q: Quantity, mention_start: int, clause_start: int) -> str | None:
    """What the figure measures when a construction of English says it, whatever lies after the figure."""
    before = text[max(clause_start, mention_start - 200) : mention_start]
    # The patterns below end where the figure starts: each is tried only when the words there fit,
    # as each would otherwise be tried at every character of ``before``.
    tail = [w.lower() for w in before.rsplit(None, _COSTS_WHOM_REACH)[-_COSTS_WHOM_REACH:]] \
        if before[-1:].isspace() else []
    last = tail[-1] if tail else ""
    if _LIMITED.match(text, mention_start) and before.rstrip().endswith(","):
        # "a microSD card slot, expandable to 128GB": what is expandable
        found = _strip_determiners(_subject_before(before.rstrip()[:-1], len(before.rstrip()) - 1))
        if found:
            return found
    if last in _TAKES_TO_ENDS and (m := _TAKES_TO.search(before)) and not _PRONOUN_OR_FIGURE.search(m.group("np")):
        np = _ARTICLE.sub("", _strip_period(m.group("np")))
        found = _strip_determiners(_strip_place(_POSSESSED.sub("", np)))  # "the league's next TV deal"
        if found:
            owner = _POSSESSOR.match(np)
            return f"{owner.group(0)}{found}" if owner else found
    if last == "at" and is_money(q.unit) and _VALUES_AT.search(before):
        return "value"  # "That sale valued Ferrari at 2.3bn euros"
    if last == "for" and is_money(q.unit) and _SELLS_FOR.search(before):
        return "price"  # "expects the Mac mini to sell for £339"
    if last == "for" and is_money(q.unit) and (m := _NOUN_FOR.search(before)) and \
            m.group("noun").lower() in _money_nouns_for():
        return m.group("noun")  # "a cheque for $1.5m", "an offer for £3m": the thing the money is
    if last == "for" and is_money(q.unit) and _SUED_FOR.search(before):
        return "damages sought"  # "a TV network is being sued for $2.5m"
    if last == "for" and is_money(q.unit) and _BOUGHT_FOR.search(before):
        return "price"  # "fans will be able to download it for $0.99"
    if last == "for" and is_money(q.unit) and _MOVED_FOR.search(before):
        return "transfer fee"  # "when he moved to Chelsea for £2.25m"
    if last == "for" and (m := _SOLD_FOR.search(before)):
        found = _strip_determiners(_strip_place(_np_after(_ARTICLE.sub("", m.group("np")))))
        if found:
            return found
    if last in ("for", "at") and (m := _SOLD_PASSIVE.search(before)):
        found = _strip_determiners(_subject_before(before, m.start()))
        if found:
            return found
        if is_money(q.unit) and "valued" not in m.group(0):
            return "price"  # "It was bought for $9.4bn", "The CD is being sold for £3.99": what it went for
    if last == "worth" and (m := _WORTH.search(before)):
        found = _strip_determiners(_subject_before(_strip_period(before[: m.start()]), len(_strip_period(
            before[: m.start()]))))
        deal = _deal_worth(before, m.start())
        if deal is None:
            deal = _deal_worth(found, len(found))
        found = found if deal is None else deal  # "buy 37.5% of United Breweries in a deal worth": the deal
        if found and found.lower() not in _generic_measures():
            return found
    if last == "of" and (m := _COST_TO_OF.search(before)):
        return m.group("noun")
    if not _COSTS_VERBS.isdisjoint(tail) and (m := _COSTS_WHOM.search(before)) and \
            m.group("verb") in lexicon().grammar["verb_measures"] and not _noun_follows(text, q):
        noun = lexicon().grammar["verb_measures"][m.group("verb")]
        return _of_the_subject(_strip_determiners(_subject_before(before, m.start())), noun, _generic_measures())
    if m := _EARMARKED_FOR.match(text, q.end):
        found = _strip_determiners(_np_after(m.group("np")))
        if found:
            return found
    making_up = " ".join(tail[-2:]) if " ".join(tail[-2:]) in _MAKING_UP else last
    if q.unit == "percent" and making_up in _MAKING_UP and (m := _PART_OF.match(text, q.end)) and \
            (found := _strip_determiners(_strip_place(_np_after(_ARTICLE.sub("", m.group("np")))))) and \
            not _OWNED_BY_A_NAME.match(found):  # ("20% of Jet's equity": Jet's, as the holder says)
        # "Japanese films accounted for 37.5% of Japan's box office": the films' share of the box office
        verb_at = before.rstrip().rfind(making_up)
        part = _strip_determiners(_subject_before(before, verb_at)) if verb_at > 0 else ""
        share = f"share of {_OWNED.sub('', found)}"
        words = part.split()
        # (the part named by common words, "consumer spending"; a name is the holder's, "Tesco accounts for")
        return f"{part} {share}" if 2 <= len(words) <= 3 and all(w.islower() for w in words[1:]) and \
            part.replace(" ", "").replace("-", "").isalpha() else share
    if q.unit == "percent" and last in _STAKE_VERBS and (m := _STAKE_OF.match(text, q.end)):
        found = _strip_determiners(_np_after(_ARTICLE.sub("", m.group("np"))))
        if found and found.split()[-1].lower() in _SHARED_THINGS:
            return f"share of {found}"  # "Labour took 40% of the vote": a share of it, no stake
        if found:
            return f"stake in {found}"  # "plans to buy 19.9% of the firm": a stake in the firm
    if q.unit == "percent" and last in _OWNING and not _STAKE_OF.match(text, q.end) and not _noun_follows(text, q):
        return "stake"  # "TCI, which holds about 5%, has asked for a meeting": a share owned
    if last in _PARTICLES and (m := _PHRASAL.search(before)):
        phrase = f"{m.group('verb')} {m.group('particle')}"
        if phrase in lexicon().grammar["verb_measures"]:
            return lexicon().grammar["verb_measures"][phrase]
    if (m := _PER_THING.match(text, q.end)) and m.group("noun") not in _time_words() and \
            m.group("noun") not in _stops() and before.rstrip().endswith(("-", "–", "—", ",", "(")):
        return m.group("noun")  # "... 116 live games - £6.6m a fixture": an aside giving a rate
    return None


@cache
def _ratio_bases() -> frozenset[str]:
    return frozenset(b.lower() for b in lexicon().grammar["ratio_bases"])


_SET_AGAINST = re.compile(r"\s(?:to|at|of|by|reach(?:ed|ing|es)?|hit|hits|exceed(?:ed|ing|s)?|equal\sto|"
                          r"(?:is|was|are|were|be|been|stood|stands)(?:\s(?:at|now|still|only|just))?|"
                          r"(?:about|around|some|nearly|almost|over|under|more\sthan|less\sthan|up\sto|just)"
                          r")\s*$", re.IGNORECASE)


@cache
def _verbs_set_against() -> re.Pattern[str]:
    """A verb that sets a figure against a base, or its auxiliary, at the end of a phrase: "must be cut", "is
    forecast", "will be held"."""
    verbs = [*change_verbs(), *transitive_change_verbs(), *_LEVEL_SETTERS]
    return re.compile(rf"\s(?:{alternation(verbs, boundary=False)}|must|will|would|should|could|can|may|might|"
                      r"being|has|have|had|expected|forecast|projected|estimated|predicted|makes\sup|make\sup|made\sup|"
                      r"in\sturn|also|already|currently|now)\s*$", re.IGNORECASE)


_LEVEL_SETTERS = ("held", "kept", "set", "put", "limited", "capped", "fixed", "brought down", "pushed")


def _set_against_a_base(text: str, mention_start: int, clause_start: int) -> str | None:
    """What a share of GDP measures: the noun phrase before the words that lead to the figure."""
    before = text[max(clause_start, mention_start - 200) : mention_start]
    cut = len(before)
    verbs = _verbs_set_against()
    while ((m := _SET_AGAINST.search(before, 0, cut)) is not None or (m := verbs.search(before, 0, cut)) is not None) \
            and m.start() < cut:
        cut = m.start()  # "the deficit must be cut to 3% of GDP": the deficit, less its verb
    found = _strip_determiners(_subject_before(before, cut)) if cut < len(before) else ""
    return found if found and found.lower() not in _generic_measures() else None


def _share_of_subject(text: str, q: Quantity, mention_start: int, clause_start: int) -> str | None:
    """The subject of a change to a share of something: "Unemployment fell to 5% of the workforce"."""
    if not _OF_AFTER.match(text, q.end):
        return None
    before = text[max(clause_start, mention_start - 200) : mention_start]
    m = _AT_OR_TO.search(before) if before.rstrip().endswith("to") else None
    if m is None or (m.group("verb") or "").lower() not in _change_words()["change_verbs"]:
        return None
    subject = _strip_determiners(_subject_before(before, m.start("verb")))
    return subject if subject and subject.lower() not in _generic_measures() else None


_OF_AFTER = re.compile(r"\s+of\s")


def _noun_follows(text: str, q: Quantity) -> bool:
    """Whether the figure qualifies a noun right after it ("to pay back a $900m (£479m) loan")."""
    after = _strip_determiners(_np_after(_skip_to_noun(text, q)))
    return bool(after) and not after.split()[0].endswith("ed") and after.lower() not in _generic_measures()


_LIMITED = re.compile(r"(?:expandable|extendable|upgradable|capped|limited)\b", re.IGNORECASE)
_TRAILING_PERIOD = re.compile(r"\s+(?:for|in|from|over|during|until|to)\s+[^,;]*\d[^,;]*$")


def _strip_period(phrase: str) -> str:
    """A noun phrase less a period at its end: "the TV deal for 2010-2013" → "the TV deal"."""
    return _TRAILING_PERIOD.sub("", phrase)


_RATE_WORDS = frozenset({"annual", "average", "overall", "yearly", "monthly", "quarterly", "weekly", "daily"})


def _without_periods(text: str, timed_only: bool = False) -> str:
    """``text`` less the periods in it: "an operating loss for the three months to December of" → "an operating
    loss of". ``timed_only``: only those that name a time (not "the first TV deal", a deal as much as a period).
    """
    if timed_only and not _timed().search(text):
        return text  # no time named: no period to take out
    periods = find_periods(text)
    if timed_only:
        periods = [p for p in periods if _timed().search(p.text)]
    for p in reversed(periods):
        rest = text[p.end :]
        # "last year's budget of", "above 2004's average of": the budget, the average
        rest = "the " + rest[2:].lstrip() if rest.startswith(("'s", "’s")) else rest
        text = text[: p.start].rstrip() + " " + rest.lstrip()
    return text


@cache
def _timed() -> re.Pattern[str]:
    """What a period that names a time holds: a digit, a unit of time or a month."""
    months = alternation(lexicon().grammar["months"], boundary=False)
    return re.compile(rf"\d|(?i:year|month|week|day|decade|quarter|centur|season|{months})")


@cache
def _calendar_names() -> frozenset[str]:
    g = lexicon().grammar
    return frozenset(g["months"]) | frozenset(g["weekdays"])


_BY_AT_THE_END = re.compile(r"\s+by\s*$", re.IGNORECASE)


def _object_changed(before: str, verb: re.Match[str]) -> str | None:
    """The object of a transitive change verb whose change is given by ``by``: "cut bin collections by half"
    measures the collections, not the council that cuts them."""
    if verb.group(0).lower() not in transitive_change_verbs():
        return None
    tail = _BY_AT_THE_END.search(before, verb.end())
    if tail is None:
        return None
    return _object_phrase(before[verb.end() : tail.start()], _MAX_OBJECT)


_MAX_OBJECT = 6  # words


def _object_phrase(written: str, most: int) -> str | None:
    """The noun phrase that ``written`` (the words between a transitive verb of change and its change) is, if it
    is one of at most ``most`` words: what is changed."""
    written = _without_periods(written, timed_only=True).split()
    while written and written[-1].lower().endswith("ly"):
        written.pop()  # "cut spending sharply by 20%"
    if not written or len(written) > most:
        return None
    written = _strip_determiners(" ".join(written))  # "cut its workforce by": the workforce
    phrase = _np_after(written)
    rest = written[len(phrase) :].split() if phrase and written.startswith(phrase) else None
    if rest and rest[0].lower() in _OBJECT_LINKS:
        # "spending on books", "the number of nurses"; "fares to Spain": the place is the figure's place
        phrase = phrase if rest[-1] in gazetteer().aliases else written
    elif phrase != written:
        return None  # not a noun phrase alone
    if _time_words() & {w.lower() for w in phrase.split()}:
        return None  # a time ("cut last year by")
    return _strip_determiners(phrase) or None


_OBJECT_LINKS = frozenset({"on", "of", "for", "in", "to", "at"})


@cache
def _speech_verbs() -> frozenset[str]:
    return frozenset(v.lower() for v in lexicon().grammar["speech_verbs"])


@cache
def _money_nouns_for() -> frozenset[str]:
    return frozenset(lexicon().grammar["money_nouns_for"])


_TIME_ORDINALS = frozenset({"final", "first", "last", "past", "next", "previous", "latest", "coming", "following",
                            "same", "recent", "other", "initial", "opening", "closing"})
_NUMBER_FIRST = re.compile(r"(?:\d|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|few|"
                           r"many|the\s|a\s|an\s)\b)", re.IGNORECASE)
# "of previous models", "that of 2010", "last year's": a former level a share is set against
_OF_A_FORMER_LEVEL = re.compile(r"\s+(?:of\s+(?:the\s+|its\s+|their\s+)?(?:previous|earlier|former|prior|"
                                r"last\s+year['’]s|last\s+season['’]s|a\s+year\s+(?:earlier|ago|before)|its\s+predecessor|"
                                r"their\s+predecessors)|(?:that|those)\s+(?:of|in)\s)", re.IGNORECASE)
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been)\s+(?:(?:now|only|just|apparently|reportedly|about|around|"
                            r"roughly|nearly|almost|barely|less\s+than|under)\s+)*$")
# a level half the former one is a fall by half (no other share is both the level and the fall)
_HALF = re.compile(r"\bhalf\b|\b50\s?(?:%|per\s?cent|percent)", re.IGNORECASE)
# "in his songs, " before "half of which": the whole the share is of
_WHOLE_BEFORE = re.compile(r"(?<![\w'’-])(?P<np>(?:[a-z][\w'’-]*\s){0,3}[a-z][\w'’-]*s),\s+$")
def _whole_noun(words: str) -> str:
    """The noun and its modifiers that ``words`` end on: "in his songs" → "songs", "rural farm workers"."""
    kept: list[str] = []
    for word in reversed(words.split()):
        if word.lower() in _stops() or word.lower() in _determiners() or word.lower() in _QUANTIFIERS:
            break
        kept.insert(0, word)
    return " ".join(kept)


_QUANTIFIERS = frozenset({"many", "few", "some", "all", "most", "several", "his", "her", "its", "their", "our", "my",
                          "your", "these", "those"})
_PRICING = frozenset({"priced", "valued"})
_COPULA_END = re.compile(r"\s(?:is|are|was|were|be|been|being|will\sbe|would\sbe)(?:\s(?:now|currently|still|also|"
                         r"already|expected\sto\sbe))?$")
# "are priced at", "priced at around": a price (or a value) right before the figure
_PRICED_AT = re.compile(rf"\s(?P<verb>{'|'.join(sorted(_PRICING))})\s+at\s+"
                        r"(?:(?:about|around|some|just|only|over|under|nearly|almost|up\sto|between|a\srecord|"
                        r"an\sestimated)\s+)*[£$€¥]?$", re.IGNORECASE)
_MADE = frozenset({"made", "make", "makes", "making"})
_ADDING = frozenset({"add", "adds", "added", "adding"})
# a figure that is a difference: "£5m lower than expected", "5% higher than a year earlier"
_COMPARATIVE_CHANGE = {"higher": "increase", "greater": "increase", "bigger": "increase", "larger": "increase",
                       "lower": "decrease", "smaller": "decrease", "cheaper": "decrease", "fewer": "decrease"}
_NOT_PHYSICAL = frozenset({"count", "percent", "percentage point", "multiple"})  # dimensions of no physical quantity


def _a_physical_unit(unit: str) -> bool:
    """Whether a unit measures a physical quantity (a size, a weight, data): no count, share or sum."""
    found = dimension(unit)
    return found is not None and found.name not in _NOT_PHYSICAL and not is_money(unit)

_LOSS_NOUNS = frozenset({"loss", "losses", "deficit", "shortfall"})
_LOSS_VERBS = frozenset({"lost", "lose", "loses", "losing"})
_LOSS_REACH = 120  # characters before the verb where the sentence names what lost


def loses_money(text: str, start: int, clause_start: int, unit: str) -> bool:
    """Whether the sum at ``start`` is what someone lost ("the airline lost £20m", "Shareholders lost about
    $180bn"): their losses (a fall in what they had), not the fall of a price ("the pound lost 2 cents", "shares
    lost 65p")."""
    if not is_money(unit):
        return False
    verb = _LOSS_VERB_BEFORE.search(text, max(clause_start, start - 20), start)
    if verb is None:
        return False
    # what lost may stand before the clause ("oil futures fell $2.86 ..., and have now lost $4")
    subject = text[max(0, verb.start() - _LOSS_REACH) : verb.start()]
    return not any(word in grammar_set("priced_things") or word.lower() in grammar_words("priced_things")
                   for word in _BEFORE_WORD.findall(subject))


_LOSS_VERB_BEFORE = re.compile(r"\b(?:lost|lose|loses|losing)\s+$")


@cache
def _verb_then_object() -> re.Pattern[str]:
    """A transitive verb of change and the words after it, up to the end of the text: "lifted the revenues of
    Europe's top leagues "."""
    verbs = alternation(list(transitive_change_verbs()))
    return re.compile(rf"{verbs}\s+(?P<object>[^,;:()\[\]\d%£$€¥\"“”]{{1,90}}?)\s*$", re.IGNORECASE)


_SHARES = frozenset({"percent", "percentage_point"})


@lru_cache(maxsize=64)  # asked for the figure's change and again for its measure
def changed_object(text: str, start: int, clause_start: int, unit: str) -> tuple[str, str] | None:
    """The object of a transitive verb of change whose change is the share at ``start`` with no "by" between:
    "lifted broadcast revenues 25 percent" is an increase of the revenues, "cut its workforce 10%" a decrease of
    the workforce. The direction and the object, or ``None``."""
    if unit not in _SHARES:
        return None
    window = text[max(clause_start, start - _OBJECT_REACH) : start]
    m = _verb_then_object().search(window)
    if m is None:
        return None
    verb = window[m.start() : m.start("object")].strip()
    if _LINK_AT_THE_END.search(m.group("object")):
        return None  # "cut spending by 18%", "cut its stake from 70%": the change or level a word leads to
    phrase = _object_phrase(m.group("object"), _MAX_SHARE_OBJECT)
    return (transitive_change_verbs()[verb.lower()], phrase) if phrase else None


_LINK_AT_THE_END = re.compile(r"\b(?:by|to|from|at|of|than|and|or|in|on|for|with)$", re.IGNORECASE)
_OBJECT_REACH = 120  # characters before a share that its verb and object can take
_MAX_SHARE_OBJECT = 8  # words ("broadcast revenues of Europe's top five soccer leagues")


# "The deficit with China, up 30.5%": a noun phrase, then its change in apposition
_APPOSITIVE_CHANGE = re.compile(r"^(?P<np>[^,;:()]{3,60}),\s+(?:up|down)\s+(?:by\s+)?$")
_PENALTIES = frozenset({"fine", "award"})
_REASON_AFTER = re.compile(r"\s(?:for|over|after)\s")


def _appositive_head(phrase: str) -> str | None:
    """The head of a noun phrase that opens a sentence, when the phrase is only that and what qualifies it
    ("The deficit with China"), not a clause ("Figures released this year showed exports")."""
    written = _ARTICLE.sub("", phrase.strip())
    head = _np_after(written)
    if not head or not written.startswith(head):
        return None
    rest = written[len(head) :].split()
    if rest and (rest[0].lower() not in _OBJECT_LINKS | {"with", "from"} or len(rest) > 4):
        return None
    return _strip_determiners(head) or None


def _double_object_measure(words: list[re.Match[str]], before: str) -> str | None:
    """What a verb of money with two objects gives: "fined Northampton's coach Ian Pope £2,000" is a fine,
    "cost the taxpayer £5m" a cost: the verb, then its first object (a name, or a short noun phrase), then
    the figure."""
    g = lexicon().grammar
    for back in range(2, min(len(words), 7) + 1):
        verb = words[-back].group(0).lower()
        if verb not in _double_object_verbs():
            continue
        between = before[words[-back].end() :].split()
        lowered = [w.lower() for w in between]
        if any(w in _stops() and w not in _determiners_and_possessives() for w in lowered):
            return None  # "paid off debts in 2004 of": not its object
        if len(between) > 5 or any(w.endswith("ly") for w in lowered):
            return None
        return g["verb_measures"].get(verb)
    return None


def _passive_money_measure(words: list[re.Match[str]], before: str) -> str | None:
    """What a sum is that a passive verb gives someone ("The bank was fined £5m", "she was awarded £20,000"):
    a fine, an award, whoever it goes to (they are whose figure it is, no part of what it measures)."""
    if not words or (verb := words[-1].group(0).lower()) not in _double_object_verbs():
        return None
    if not _PASSIVE_BEFORE.search(before, 0, words[-1].start()):
        return None
    return lexicon().grammar["verb_measures"].get(verb)


_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|be|is|are|being|get|gets|got)\s+(?:[a-z]+ly\s+)?$", re.IGNORECASE)


@cache
def _double_object_verbs() -> frozenset[str]:
    return frozenset(lexicon().grammar["double_object_verbs"])


@cache
def _determiners_and_possessives() -> frozenset[str]:
    return frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "my", "your", "each", "every"})


_OF_NEXT = re.compile(r"\s+of\s")
# a verb of owning, buying or selling, and the words that may stand between it and a share: "controls at least"
_OWNING_BEFORE = re.compile(r"\b(?:owns?|owned|owning|controls?|controlled|controlling|holds?|held|holding|has|have|"
                            r"had|buys?|bought|buying|sells?|sold|selling|acquired?|acquires|acquiring|offered|"
                            r"offers?)\s+(?:(?:a|an|the|its|their|at\s+least|about|around|some|almost|nearly|over|"
                            r"more\s+than|just|another|further|remaining)\s+)*$", re.IGNORECASE)


def _modifiers_before(text: str, at: int) -> str:
    """The words that qualify a noun of two words ending at ``at`` (``economic growth `` before ``rate
    target``): up to two, lower case, none a stop word, verb or adverb."""
    words = text[:at].split()[-_MORE_MODIFIERS - 1 :]
    taken: list[str] = []
    for i in range(len(words) - 1, max(-1, len(words) - 1 - _MORE_MODIFIERS), -1):
        if not _a_modifier(words[i]) or (i and words[i - 1].lower() in ("to", "for", "and", "or")):
            break  # (not "to seek annual price rises", "and reintroduce maintenance grants": a verb)
        taken.insert(0, words[i])
    return "".join(f"{word} " for word in taken)


@cache
def _not_noun_modifiers() -> frozenset[str]:
    return frozenset(lexicon().grammar["not_noun_modifiers"]["words"])


def _a_modifier(word: str) -> bool:
    """Whether a word may qualify a noun after it: lower case, and no stop word, verb, adverb, participle or
    plural ("growth" in "growth rate target"; not "forecasts", "reported", "seeing")."""
    return word.isalpha() and word.islower() and word not in _stops() and word not in _determiners() and \
        word not in _np_verbs() and \
        word not in _LINKING and word not in _not_noun_modifiers() and \
        word not in _speech_verbs() and not past_tense(word) and not word.endswith(("ly", "ing")) and \
        not (word.endswith("s") and not word.endswith("ss"))


_MORE_MODIFIERS = 2
# a verb, and the high or low it takes its subject to: "climbed to a record high of", "hit a 21-year low of"
_EXTREME_OF = re.compile(r"\s(?!(?:at|of|in|on|off|from|near|below|above|since)\s)[a-z]+\s+(?:to\s+)?"
                         r"(?:a|an|its|their|the|fresh|new)\s+(?:[\w-]+\s+){0,2}"
                         r"(?:high|low|peak|highs|lows)\s+of\s*$", re.IGNORECASE)


_OFF_NEXT = re.compile(r"\s+off\s+")
_LAST_WORD = re.compile(r"([\w'’]+)\W*$")


def _last_word(text: str, at: int) -> str:
    """The word that ends right before ``at``, lower case ("" if none)."""
    m = _LAST_WORD.search(text, max(0, at - 30), at)
    return m.group(1).lower() if m else ""


@cache
def _held_at() -> re.Pattern[str]:
    """A verb of keeping, its object and the state it is kept in, before "at" ("kept interest rates steady at")."""
    held = lexicon().grammar["holding_a_level"]
    return re.compile(rf"\b{alternation(held['verbs'])}\s+(?P<np>[^,;.]{{2,60}}?)\s+{alternation(held['states'])}"
                      r"(?:\s+again)?\s+at\s+$", re.IGNORECASE)


def _changed_right_before(before: str) -> bool:
    """Whether a verb of change stands right before the ``from`` or ``to`` that ends ``before``: a new level of
    the verb's own subject ("a survey of 280 schemes said contributions increased from £5.5bn"), however the
    figure before it was measured."""
    words = _BEFORE_WORD.findall(before[-40:])
    return len(words) >= 2 and words[-1].lower() in ("from", "to") and words[-2].lower() not in ("up", "down") and (
        words[-2].lower() in _change_words()["change_verbs"] or words[-2].lower() in left_from_verbs())


def _an_owned_name(phrase: str) -> bool:
    """Whether a phrase after a share is the name of something that can be owned (``Yukos``, ``Roc-A-Fella``):
    written with capitals, and no place, no people (``Britons``) and no plural of letters (``PCs``, ``MPs``)."""
    words = phrase.split()
    return all(word[:1].isupper() for word in words) and phrase not in gazetteer().aliases and \
        phrase not in gazetteer().people and not re.fullmatch(r"[A-Z]+s", words[-1])


def _measure(text: str, q: Quantity, mention_start: int, clause_start: int, previous: str | None) -> str:
    """What the words around the figure say it counts (see :func:`measure`)."""
    g = lexicon().grammar
    generic = _generic_measures()
    if is_money(q.unit):
        generic = generic - _MONEY_LOSSES  # "posted a $676m loss": a sum lost is what is measured, no change of one
    if is_money(q.unit) and _REASON_AFTER.match(text, q.end):
        # "fined the lender £5m for mis-selling": a fine, whatever it is for
        before = text[max(clause_start, mention_start - 300) : mention_start]
        words = list(_BEFORE_WORD.finditer(before))
        noun = _double_object_measure(words, before) or _passive_money_measure(words, before)
        if noun in _PENALTIES:  # (but "paid £5bn for TV rights": the rights, what the money bought)
            return noun
    if (off := _OFF_NEXT.match(text, q.end)) and _last_word(text, mention_start) in _taking_off() \
            and (taken := _strip_determiners(_np_after(_ARTICLE.sub("", text[off.end() : off.end() + 200])))):
        return taken  # "would knock 125m euros off its operating profits": the profits, which fall by the figure
    if text.endswith("at ", 0, mention_start) and \
            (kept := _held_at().search(text, max(clause_start, mention_start - 120), mention_start)):
        return _strip_determiners(kept.group("np"))  # "voted to keep interest rates steady at 4.75%": the rates
    after_np = _strip_determiners(_np_after(_skip_to_noun(text, q)))
    if after_np and q.unit == "percent" and _OF_A_FORMER_LEVEL.match(text, q.end):
        after_np = ""  # "sales are half of previous models": the sales, set against what they were
    if after_np.startswith(("odd ", "plus ")):
        after_np = after_np.split(" ", 1)[1]  # "the 80-odd resorts", "a 30-plus squad"
    first = after_np.split(" ", 1)[0]
    # ("revenue of £3m beat forecasts"; not "the case of six unnamed Roma Czechs")
    if ((" " not in after_np and first.endswith("ed")) or first in grammar_set("irregular_past_verbs")) and \
            first not in event_words() and first not in _NOUN_PARTICIPLES and \
            text.startswith(f" {after_np}", q.end) and \
            (noun_of := _NOUN_OF_BEFORE.search(text, max(clause_start, mention_start - 30), mention_start)) and \
            noun_of.group("noun").lower() not in generic:
        after_np = ""  # "A crowd of 61,104 watched", "revenue of £3m beat forecasts": the crowd, not what it did
    if (after_np.endswith("ly") and " " not in after_np) or _ON_THE_TIME_BEFORE.fullmatch(after_np) or \
            after_np in _SEEN_THEN or _PART_OF_A_TIME.fullmatch(after_np):
        # "a couple of times recently", "fell 25% year-on-year", "the £130m seen a year earlier", "a loss of $387m
        # for the fourth quarter of 2004"
        after_np = ""
    if " " in after_np and after_np.rpartition(" ")[2] in gazetteer().aliases and \
            not _NAMED_OF.search(after_np.rpartition(" ")[0]):
        after_np = after_np.rpartition(" ")[0]  # "eight million copies worldwide": the place is the claim's place
        after_np = _TRAILING_LINK.sub("", after_np)  # "a 13-date tour of the UK": the tour
    if after_np[:1].isupper() and _FOR_A_NAME.match(text, q.end):
        after_np = ""  # "generated £1.7bn for the Premier League": whom it is for, not what it is
    if after_np and (made := _MADE_UP_OF.match(text, q.end)):
        after_np = _strip_determiners(_np_after(made.group(1))) or after_np  # "57% of the market is made up of women"
    if q.rule == "zero" or after_np.lower() in ("under", ""):
        passive = _PASSIVE_AFTER.search(text[q.end :])
        if q.rule == "zero" and passive:
            return f"people {passive.group(1)}"
    if after_np and (after_np.split()[-1].lower() in _time_words() or (
            after_np.split()[-1].lower() in _times() and (q.unit != "count" or _NUMBER_FIRST.match(after_np)))):
        # "for the quarter", "a year", "rises in June", "$3 in two weeks", "440,000 six months earlier": when, not
        # what (but "grown for six quarters" counts quarters); "a £65,000 settlement four years ago": the settlement
        words = after_np.split()
        at = next((i for i, word in enumerate(words) if i and _NUMBER_FIRST.match(f"{word} ")), 0)
        after_np = "" if all(word.lower() in _TIME_ORDINALS for word in words[:at]) else " ".join(words[:at])
    if after_np and q.unit == "percent" and after_np.lower() in _ratio_bases() and \
            (set_against := _set_against_a_base(text, mention_start, clause_start)):
        return set_against  # "limit a country's deficit to 3% of GDP": the deficit, as a share of GDP
    if after_np and q.unit == "percent" and (share_of := _share_of_subject(text, q, mention_start, clause_start)):
        return share_of  # "unemployment fell to 5% of the workforce": unemployment, as a share of the workforce
    if after_np and previous and _forecaster_next().match(text, q.end):
        return previous  # "far more than the 5.5 million analysts had forecast": the figure before, forecast
    if not after_np and previous and _RATHER_THAN.search(text, max(clause_start, mention_start - 40), mention_start):
        return previous  # "a panel of nine law lords rather than the usual five": law lords, as the figure before
    if q.unit == "percent" and after_np and _OF_NEXT.match(text, q.end) and _an_owned_name(after_np) and \
            _OWNING_BEFORE.search(text, max(clause_start, mention_start - 40), mention_start):
        return f"stake in {after_np}"  # "which controls 51% of Yukos", "Shanda has 20% of Sina": a stake
    if after_np and after_np.lower() not in generic and not after_np[0].isdigit():
        rest = text[q.end + text[q.end :].find(after_np.split()[-1]) + len(after_np.split()[-1]) :]
        people = after_np.split()[-1].lower() in g["people_nouns"] or people_of(after_np) is not None
        if coordinated := _COORDINATED_NOUN.match(rest):
            rest = rest[coordinated.end() :]
        passive = _PASSIVE_NEXT.match(rest)
        if passive and (people or passive.group(1).lower() in event_words()):
            # "52 people were killed", "800,000 Tutsis and moderate Hutus were killed": what befell them
            both = f"{after_np}{coordinated.group(0)}" if coordinated else after_np
            return f"{both} {passive.group(1)}"
        if people and (doing := _DOING_NEXT.match(rest)):
            # "311,000 people were waiting for treatment", "120,000 people are expected to attend": what they do
            return f"{after_np} {doing.group(1)}"
        if verb := event_verb_before(text, mention_start, traded=q.unit == "count"):
            return f"{after_np} {verb}"  # "killed at least 8,000 people": people killed; "sold 95,000 cars"
        return after_np
    if previous and _PARTICIPLE_BY.match(text, q.end):
        return previous  # "dwarfed by the $204m announced by Google": the sentence's figure, again
    if previous and _OF_WHICH.match(text, q.end):
        return previous  # "71 million phones, 56 million of which ...": the figure before's
    if _OF_WHICH.match(text, q.end) and \
            (whole := _WHOLE_BEFORE.search(text, max(0, mention_start - 60), mention_start)):
        return _whole_noun(whole.group("np"))  # "in his songs, half of which": the songs
    before = text[max(clause_start, mention_start - 300) : mention_start]
    # The patterns below match at the end of ``before``: each is tried only when the last word
    # fits, as each would otherwise be tried at every character of it.
    last = before.rstrip()
    folded_last = fold(last)
    if folded_last.endswith("of") and (extreme := _EXTREME_OF.search(before)) and \
            (subject := _strip_determiners(_subject_before(before, extreme.start()))) and \
            subject.lower() not in generic:
        return subject  # "House prices climbed to a record high of £180,000": the prices, at their high
    if last.endswith(_NOUN_OF_ENDS) and (m := _NOUN_OF.search(unperiodic := _without_periods(before))):
        noun = _strip_determiners(_LEADING_AUXILIARY.sub("", m.group(1)))  # "would have sales of": sales
        # "an economic growth rate target of 5%": the words that qualify a noun of two
        more = _modifiers_before(unperiodic, m.start(1)) if noun == m.group(1) and \
            len(words := noun.split()) == 2 and _a_modifier(words[0]) else ""
        place = noun.split()[-1] if noun else ""
        if place in gazetteer().aliases and place in (noun, noun.removeprefix("in ")) and \
                (held := _HELD_IN.search(before, 0, m.start(1) + m.group(1).rfind(place))):
            # "economic growth in the eurozone of 1.9%", "unemployment in Spain of 12%": what is held there
            noun = _strip_determiners(_LEADING_AUXILIARY.sub("", held.group(1)))
        if " " in noun and (noun.split()[0].lower() in _speech_verbs() or
                            noun.split()[0].lower() in _not_noun_modifiers()):
            noun = noun.split(None, 1)[1]  # "still forecasts growth of 4%": growth; "make savings of £100m"
        if " " in noun and noun.split()[0].lower() in _stops():
            noun = noun.split(None, 1)[1]  # "works over distances of": distances
        words = noun.split()
        if len(words) == 2 and words[0].lower() in _MADE and words[1].lower() == "up":
            words = []  # "each line made up of 1,920 pixels": what it is made of is the figure's own
        if is_money(q.unit) and words and words[-1].lower() in _LOSS_NOUNS:
            return noun  # "compared with a loss of 984m euros": a loss, a sum of its own (not "a fall of 5%")
        # "revenue of $13,009 million", "a budget of £2m", "a combined tally of $80m" (not "a total of", nor "an
        # annual rate of")
        if words and any(w.lower() not in _not_nouns_of() and w.lower() not in _RATE_WORDS for w in words) and \
                words[0].lower() not in _LINKING and words[0] not in _calendar_names():
            return f"{more}{noun}" if noun == m.group(1) else noun
    if folded_last.endswith("by") and (m := _heads_of()[1].search(before)):
        found = _strip_determiners(_strip_place(_np_after(_ARTICLE.sub("", m.group(1)))))
        if found:
            return found
    if previous and last.endswith(("from", "to")) and (found := _changed_from_or_by_object(text, clause_start,
                                                                                          mention_start)):
        return found  # "The £500m plan will increase the number of colleges from 350": what the verb changes
    if previous and last.endswith(_PREVIOUS_FIGURE_ENDS) and _PREVIOUS_FIGURE.search(before) and \
            not _changed_right_before(before):
        return previous  # "(£1.3m)", "fell ... to 3,111", "a fall of 20,000": the sentence's figure
    if previous and _FORMER_FIGURE.search(before) and _NOTHING_NAMED_AFTER.match(text, q.end):
        return previous  # "control of 8% of Russia's oil output, an improvement on its current 2.5%": its output
    if previous and folded_last.endswith(_level_adjectives()) and _level_after_change().search(before):
        return previous  # "lifted revenues 25 percent to a combined 5 billion euros": the revenues, as a level
    if previous and last.endswith("ly") and (m := _ADVERB_AFTER_TO.search(before)):
        return previous  # "from eight million plants to potentially hundreds of millions"
    if last.endswith(("at", "to", "the")) and (m := _AT_OR_TO.search(before)):
        verb = (m.group("verb") or "").lower()
        if verb in _PRICING and last.endswith("at"):
            return g["verb_measures"][verb]  # "tickets priced at £125", "a stake valued at £5m": a price, a value
        if previous and verb in _UNIT_WORDS:
            return previous  # "closed down 51 cents at $44.38": the level of what the change was of
        if previous and verb.endswith("ing") and verb not in _change_words()["change_verbs"]:
            return previous  # "jumped to $53.09 before closing at $53.03": the figure before goes on
        # "doubled to 500,000": the subject of the verb; "held interest rates at 0.5%": what was held
        # "expected to peak at 127 million": the subject of the infinitive, as of a change verb
        infinitive = before[: m.start("verb")].endswith(" to ") if verb else False
        # "shares closed at 270p", "rates were held at 0.5%": the subject of the verb, less the verb
        past = (verb.endswith("ed") and verb not in _NOUN_PARTICIPLES) or verb in grammar_set("irregular_past_verbs")
        # ("will stay at 8,000": a verb that holds a level is no part of its subject either)
        cut = m.start("verb") if verb in _change_words()["change_verbs"] or infinitive or past or \
            verb in _holding_verbs() else m.end("verb") if verb else m.start()
        held = _strip_determiners(_subject_before(before, cut))
        if held and held.lower() not in generic:
            return held  # "held interest rates at 0.5%"
    level, level_ends = _level_verb()
    if folded_last.endswith(level_ends) and (m := level.search(before)):
        subject = _strip_determiners(_subject_before(before, m.start(), of_a_change=True))
        if before.endswith(" worth ") and (deal := _deal_worth(before, len(before) - len(" worth "))) is not None:
            subject = deal  # "buy 37.5% of India's United Breweries in a deal worth": the deal
        if subject and subject.lower() not in generic:
            return subject  # "The budget deficit hit a record $412bn"
        if previous:
            return previous  # "..., after reaching $377bn the year before": the sentence's figure
        if subject:
            return subject  # "the total is likely to top £5bn": a generic word, but the one there is
    words = list(_BEFORE_WORD.finditer(before))
    verb_words = words[:]
    if is_money(q.unit) and len(verb_words) > 2 and verb_words[-1].group(0).lower() in _ON_TOP:
        verb_words.pop()  # "spend an extra £8bn", "invest a further $300m": the verb
        if verb_words[-1].group(0).lower() in ("a", "an"):
            verb_words.pop()
    while len(verb_words) > 1 and verb_words[-1].group(0).lower() in _RANGE_WORDS:
        # "were paid between $60,000 and ...", "those earning over £100,000": the verb ("make up 16%" is no verb)
        if verb_words[-1].group(0).lower() == "up" and not before.rstrip().endswith("to"):
            break
        verb_words.pop()
    verbs = _change_words()["change_verbs"]
    verb = verb_words[-1].group(0).lower() if verb_words else ""
    if verb in names_also_verbs() and SUM_BEFORE.search(before, 0, verb_words[-1].start()):
        verb = ""  # "100 trillion won ($96bn)": the currency of the sum before, no verb
    if (changed := changed_object(text, mention_start, clause_start, q.unit)) is not None:
        return changed[1]  # "Strong exports lifted manufacturing output 3%": the output
    if loses_money(text, mention_start, clause_start, q.unit):
        subject = _strip_determiners(_subject_before(before, verb_words[-1].start()))
        # "The airline lost £20m": airline losses; "Delta, which lost $646m": losses (whose, the holder says)
        return f"{subject} losses" if subject[:1].islower() and subject.lower() not in generic else "losses"
    if is_money(q.unit) and (noun := _double_object_measure(words, before)):
        return noun  # "fined the club £2,000": a fine, paid by the club
    if (m := _APPOSITIVE_CHANGE.search(text, 0, mention_start)) and (head := _appositive_head(m.group("np"))):
        return head  # "The deficit with China, up 30.5% at $162bn": the deficit's change
    if found := _changed_from_or_by_object(text, clause_start, mention_start):
        # "cutting national spending limits from £20m to £15m", "raised its forecast by 2%": what the verb changed
        # (and "cut the share of the budget from 40%": the share, not a budget)
        return found
    # "The project will cost £2.5m" → project cost; "will save 790m euros" → savings ("lost 5%" is a change)
    if verb not in verbs and (noun := _verb_measure(verb, q)):
        if _passive_money_measure(verb_words, before):
            return noun  # "The club has been fined £2,000": a fine, paid by the club (whose figure it is)
        return _of_the_subject(_strip_determiners(_subject_before(before, verb_words[-1].start())), noun, generic)
    if folded_last.endswith(("up", "down", "up by", "down by")) and (m := _SENT_UP.search(before)) and \
            (found := _strip_determiners(_ARTICLE.sub("", m.group("np")))):
        return found  # "The news sent shares in GW Pharma up 8.5p": the shares
    for i in range(len(words) - 1, -1, -1):
        w = words[i]
        if w.group(0).lower() in ("up", "down") and i and words[i - 1].group(0).lower() in _MOTION_VERBS:
            w = words[i - 1]  # "Rates went up five times": the subject of "went up"
        elif w.group(0).lower() not in verbs and w.group(0).lower() not in _VARY_VERBS and not (
                w.group(0).lower() in left_from_verbs() and i + 1 < len(words)
                and words[i + 1].group(0).lower() == "from"):  # "the value had gone from $17.8bn to nothing"
            continue
        if (changed := _object_changed(before, w)) is not None:
            return changed  # "judges should reduce sentences by a third": what is reduced
        if words and w is words[-1] and is_money(q.unit) and verbs.get(w.group(0).lower()) == "increase" and \
                (noun := _verb_measure(w.group(0).lower(), q)):
            return noun  # "the company had raised about $900m": a sum raised, not a change of the company
        subject = _strip_determiners(_subject_before(before, w.start(), of_a_change=True))
        if subject and subject.lower() not in generic:
            return subject
        if previous:
            return previous  # "a figure which fell by ...": the figure named before
        if subject and subject.lower() not in _PLACEHOLDERS:
            return subject  # "rates would rise to 5%": a generic word, but the one there is (not "the figure")
        break
    if verb and (noun := _verb_measure(verb, q)):
        return _of_the_subject(_strip_determiners(_subject_before(before, verb_words[-1].start())), noun, generic)
    if previous and len(words) <= 3:
        return previous
    # "sales of HD-DVDs to reach 300bn yen", "shares recovered slightly to close 12% down": the subject, less
    # the verbs after it
    verbs_at_end = _VERBS_AT_THE_END.search(before)
    if verbs_at_end and verbs_at_end.group(0).split()[0] in _NOUN_PARTICIPLES:
        verbs_at_end = None  # "the number of recorded crimes": a participle of the noun phrase
    subject = _strip_determiners(_subject_before(before, verbs_at_end.start() if verbs_at_end else len(before)))
    if verbs_at_end is None and _THRESHOLD.match(text, mention_start, q.start) and (parts := _LINKED.split(subject)):
        subject = parts[-1]  # "a 50% rate on incomes above £150,000": the incomes the bound is of
    if " " in subject and subject.split()[0].lower() in _speech_verbs():
        subject = subject.split(None, 1)[1]  # "ECLAC forecasts growth of 4%": growth
    if " " not in subject and subject.lower() in _change_words()["change_verbs"] and \
            _MODAL_BEFORE.search(before, 0, max(0, before.rfind(subject))):
        return _variant_measure(q.unit) or ""  # "you can add up to 128GB": a verb of change, no subject
    return subject or (after_np if not _YEARISH.match(after_np) else "")  # "6% expansion in 2005": not "2005"
