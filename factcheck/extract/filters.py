"""What is not a claim: dates, years, durations, ages, list numbers, names, scores, idioms.

:func:`blocked_spans` marks the parts of a sentence where a number only places
something in time or names a thing; :func:`rejection` says why a quantity is
not a claim, or returns ``None`` when it is one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from factcheck.extract.lexicon import (
    WordCue,
    WordCues,
    alternation,
    change_verbs,
    cued_matches,
    first_names,
    gazetteer,
    lexicon,
    matches_at,
)
from factcheck.extract.numbers import Quantity
from factcheck.extract.units import is_money


@dataclass(frozen=True, slots=True)
class Blocked:
    """A span of a sentence that holds no claim, and why."""

    start: int
    end: int
    reason: str


@dataclass(frozen=True, slots=True)
class _Rule:
    """A blocking rule: its pattern, and a cue that every match of the pattern holds.

    Most sentences cannot match most rules, and a pattern that opens on ``\\b`` or a
    lookbehind is tried at every character of the sentence; the cue tells fast when a rule is
    worth trying. It is a pattern that opens on a literal character (which the regex engine
    finds fast), or for a case-blind rule the words of its alternatives (see :class:`WordCue`).
    """

    name: str
    pattern: re.Pattern[str]
    # truthy when a sentence holds the cue; None for words, which all rules' words are asked for at once
    may_match: Callable[[str], object] | None


def _cue(cue: str | tuple[str, ...] | WordCue | None) -> Callable[[str], object] | None:
    if isinstance(cue, WordCue):
        return None
    if isinstance(cue, tuple):  # literal strings, one of which every match holds
        return lambda text: any(piece in text for piece in cue)
    return re.compile(cue or "").search  # no cue: the empty pattern, always found


# the bases rates are given per: "per 100 people", "for every 1,000 births"
RATE_BASE = r"(?:100|1,?000|10,?000|100,?000|1,?000,?000)"


@cache
def _blockers() -> tuple[list[_Rule], WordCues]:
    """The blocking rules, and the words that cue those of them cued by words."""
    lex = lexicon()
    g = lex.grammar
    months = alternation(g["months"], boundary=False)
    weekdays = alternation(g["weekdays"], boundary=False)
    cardinals = alternation(lex.numbers["cardinal_words"] + ["a", "an"], boundary=False)
    durations = alternation(lex.units["durations"], boundary=False)
    number = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{cardinals}(?:[\s-]{cardinals})*" \
             rf"(?:[\s-]and[\s-]a[\s-]half)?)(?![a-z])"
    part = rf"(?:\d{{1,3}}|{alternation(lex.numbers['cardinal_words'], boundary=False)})"  # "part two", "part 2"
    rules = {
        # 2015/16, 2006-7, 2016-17, 2010-2015: financial years and year spans
        "year_span": r"(?<![\w/])(?:19|20)\d{2}\s?[/–-]\s?(?:(?:19|20)?\d{2}|\d)(?![\w/])",
        "fiscal_year": r"\bFY\s?'?\d{2,4}(?:/\d{2})?\b",
        # 3 May, 3rd of May 2018, May 3, May 3rd, 2018
        # ... and days named with it: "on 12 and 13 March", "on March 12 and 13"
        "date": rf"\b(?:(?:[12]?\d|3[01])(?:st|nd|rd|th)?\s(?:and|&|or)\s)?"
                rf"\d{{1,2}}(?:st|nd|rd|th)?\s(?:of\s)?{months}\b\.?(?:,?\s\d{{4}})?"
                rf"|\b{months}\.?\s\d{{1,2}}(?:st|nd|rd|th)?\b(?:\s(?:and|&|or)\s(?:[12]?\d|3[01])(?:st|nd|rd|th)?\b"
                rf"(?=[,.;:)]|$|,?\s\d{{4}}|\s(?:at|in|on|from|to|when|after|before|as|with|and|but|while|during)\b))?"
                rf"(?:,?\s\d{{4}})?"
                rf"|\b{weekdays}\s\d{{1,2}}(?:st|nd|rd|th)?\b",
        "numeric_date": r"\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b\d{4}-\d{2}-\d{2}\b",
        "time": r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)(?!\w)|\b\d{1,2}:\d{2}(?::\d{2})?\b"
                r"|\b\d{1,2}\s?o['’]clock\b|\b[0-2]\d[0-5]\d\s?(?:GMT|BST|UTC|CET|EST|PST|hrs|hours)\b"
                r"|\b\d{1,2}\s?(?:GMT|BST|UTC|CET|EST|PST)\b",
        "time:words": rf"(?i:\b{cardinals}\s?o['’]clock\b)",  # "at four o'clock"
        # an age has several forms, each tried apart where its cue is (see below)
        "age:aged": rf"\b(?:aged|ages|age\sof|age)\s(?:between\s|under\s|over\s)?{number}(?:\s(?:to|and|-)\s{number})?"
                    rf"|\b(?:the\s)?ages\sof\s{number}(?:\s(?:to|and|-)\s{number})?"
                    rf"|\bage\sof\s(?:just\s|only\s|about\s|around\s)?{number}",
        "age:at_the_time": r"\b(?:was|were|is|are)\s\d{1,2}\s(?=at\sthe\stime\b|when\b)"
                           # "when she will be 34", "he turned 40 last week"
                           r"|\b(?:he|she|who|they|i|we|you)(?:\s(?:will|would)|['’]ll)\sbe\s\d{1,2}\b(?![.,]\d|\s?%|\s?per)"
                           r"|\bturn(?:s|ed|ing)?\s\d{1,2}\b(?![.,]\d|\s?%|\s?per)",
        # "signed at the age of 15 and released her first single at 18": an age again
        # (tried only in a sentence that speaks of an age: see the cues below)
        "age:at_again": r"(?<=\s)at\s\d{1,2}(?=\s*(?:[.,;]|$|and\b|when\b))",
        # "kids of 15, 16, 17", "children aged 5 to 11": the ages of young people
        "age:young": r"\b(?:kids|children|boys|girls|youngsters|teenagers|pupils)\s(?:aged\s|of\s)"
                     r"\d{1,2}(?:,\s\d{1,2})*(?:,?\s(?:and|or|to)\s\d{1,2})?\b"
                     r"(?![.,]\d|\s?(?:%|per\b|years?\b|months?\b|pence\b|pounds\b|[a-z]+s\b))",
        # "At 12, he was canvassing": how old someone was at the time
        "age:at": r"\bat\s\d{1,2},\s(?=(?:he|she|i|they|we|you|his|her|my)\b)",
        # "left school at 14", "died at 84": the age something happened at
        "age:when": r"\b(?:(?:left|leaving|leave|quit|quitting)\s(?:school|home|education|college)|died|retired|"
                    r"married|emigrated)\sat\s(?:the\sage\sof\s)?\d{1,2}\b"
                    r"(?![.,]\d|\s?%|\s(?:per|percent|points|mph|km|miles))",
        # "I am 25.", "she is 31 and", "he turned 40 in May": a person's age said of them
        "age:is": r"\b(?-i:I\sam|I['’]m|[Hh]e\sis|[Ss]he\sis|[Hh]e['’]s|[Ss]he['’]s|[Hh]e\swas|[Ss]he\swas|"
                  r"[Hh]e\sturned|[Ss]he\sturned|I\sturned|[Hh]e\sturns|[Ss]he\sturns)\s(?:now\s|only\s|just\s)?"
                  r"\d{1,2}(?![.,]\d)(?=\s?[.!?;,\"”]|\s(?:and|but|now|next|this|last|in|on|when|years?\sold)\b|$)",
        # "a majority of players are over 18": the threshold of an age
        "age:threshold": r"\b(?:are|were|is|was|be|aged|those|people|adults|children)\s(?:over|under)[\s-]"
                         r"(?:1[0-9]|2[0-5]|[3-9]0|65|75|85)s?\b(?![.,]\d|\s?%|\s?per)",
        # "Spacey, 45, wrote", "said Hynde, 53.": a person's age in apposition to the name (the space may be lost)
        # ("Warren Leblanc, 17 - who was jailed": an aside after a dash)
        "age:apposition": r"(?-i:[A-Z][a-z]{1,20}),\s?\d{1,2}"
                          r"(?:,\s(?=[a-z])|\s[-–—]\s(?=who\b|whose\b|now\b|a\b|an\b|the\b))"
                          r"|\b(?:said|says|added|adds)\s(?-i:(?:[A-Z][a-z]+\s)?[A-Z][a-z]{1,20}),\s\d{1,2}\b",
        "age:olds": rf"(?<![\w]){number}(?:\s|-)(?:years?|months?|weeks?)(?:\s|-)olds?\b",
        "age:bands": r"\b(?:under|over)-?\d+s\b|\b\d+-plus\b",
        # "two weeks", "two unbelievable weeks"
        "duration": rf"(?<![\w£$€.,])(?:{number}|a\scouple\sof|a\sfew|several)(?:\s|-)"
                    rf"(?:(?!(?:per|percent|cent|pc|million|billion|thousand|hundred|times|points?|next|last|this|"
                    rf"that|every|each|the|previous|past|coming|following|same|first|final|second|third|fourth|"
                    rf"fifth|one|two|three|four|five|six|seven|eight|nine|ten)\b)[a-z]{{3,}}\s)?"
                    rf"(?:{durations})(?!\w)",
        "ordinal": r"\b\d+(?:st|nd|rd|th)\b",
        # a race or event named by its distance: "the 200m champion", "100m silver medallist", "800m hope"
        "event": r"(?<![£$€¥\d.,\w])(?:\d{1,2},\d{3}|\d{2,5})\s?(?:m|metres|km|k|yards)"
                 r"(?:\s(?:and|&)\s(?:\d{1,2},\d{3}|\d{2,5})\s?(?:m|metres|km|k|yards))?"
                 r"(?:\s(?:freestyle|backstroke|breaststroke|"
                 r"butterfly|medley|hurdles|steeplechase|relay|sprint|individual))?\s(?:champion|final|finals|race|sprint|relay|"
                 r"hurdles|medallist|medal|silver|gold|bronze|title|record|runner|hope|event|heat|heats|"
                 r"semi-final|world\srecord|specialist|star|winner|freestyle|backstroke|breaststroke|butterfly|"
                 r"legend|great|sprinter|hurdler|swimmer|athlete|queen|king|runner-up|victory|win|triumph|crown|debut|"
                 r"man|woman|men|women|"
                 r"personal\sbest|season's\sbest)s?\b",
        # "the third fastest indoor 400m", "a 3,000m victory": the standard distances of running, named as
        # events (not "a 400m stretch", "800m away", "100m deep")
        "event:distance": r"\b(?:[Ii]ndoor|[Oo]utdoor|[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ww]orld|Olympic|European|"
                          r"British|[Mm]en's|[Ww]omen's|[a-z]+est)\s"
                          r"(?:60|100|110|200|400|800|1,?500|3,?000|5,?000|10,?000)\s?(?:m|metres)\b"
                          r"(?!\s(?:of\s(?!all\b)|long|wide|deep|high|tall|away|from|above|below|stretch|section|"
                          r"square|radius|drop|journey|walk|tunnel|pipeline|road|cable|wall|fence|beach|length|"
                          r"in\s(?:length|diameter|height|depth|width))"
                          r"|[\d-]|\s?[²2]|\s\(|\s(?:[a-z]+\s)?(?:pounds?|dollars?|euros?|yen|yuan|francs?|rupees?|people|users|"
                          r"customers|homes|jobs))",
        # "compete over 1500m", "his Olympic titles over 1500m and 5,000m", "in the marathon and 10,000m": the
        # races run, named by their distance after a verb or title of racing, or beside another race
        "event:race": r"\b(?:compete[sd]?|competing|race[sd]?|racing|run|runs|running|ran|titles?|golds?|medals?|"
                      r"victory|victories|wins?|won|win)\s(?:over|in)\s(?:the\s)?"
                      r"(?:800|1,?500|3,?000|5,?000|10,?000)\s?(?:m|metres)\b"
                      r"(?:\s(?:and|or)\s(?:the\s)?(?:800|1,?500|3,?000|5,?000|10,?000)\s?(?:m|metres)\b)?"
                      r"|\b(?:marathon|(?:800|1,?500|3,?000|5,?000|10,?000)\s?(?:m|metres))\s(?:and|or)\s(?:the\s)?"
                      r"(?:800|1,?500|3,?000|5,?000|10,?000)\s?(?:m|metres)\b(?!\s(?:of|long|deep|high|away))",
        "phone": r"(?<![\w])(?:\+\d{1,3}\s?)?\(?0\d{2,4}\)?\s\d{3,4}\s?\d{3,4}\b|\+\d{1,3}(?:[\s-]\d{2,5}){2,4}\b",
        "reference": r"\[\d+\]|\bNo\.?\s?\d+\b|#\d+\b|\b(?:[Nn]umber|[Pp]age|[Pp]p?\.)\s\d+\b|\b24/7\b|\b\d+/\d+\b",
        # "the last 16": a round of a competition; "slipped to 64 in the world": a ranking
        # "a 22-man squad": who is picked, not a statistic
        "label:squad": r"\b\d{1,2}-(?:man|woman|member|player|strong)\s(?:squad|team|game|crew|party|panel|jury|"
                       r"line-up|shortlist|list|side)\b",
        # "parts one and two of the trilogy", "episode three of the series": which parts, not how many
        "label:parts": rf"\b(?:[Pp]arts|[Ee]pisodes|[Cc]hapters|[Vv]olumes)\s{part}(?:,\s{part})*,?"
                       rf"\s(?:and|to|&)\s{part}\b"
                       rf"|\b(?:[Pp]art|[Ee]pisode|[Cc]hapter|[Vv]olume)\s{part}(?=\sof\b)",
        # "GTA San Andreas has an 18 certificate", "an 18-rated game": the age a film or game is classed for
        "label:rating": r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir)\s\d{1,2}[A-Z]?\s"
                        r"(?:certificate|classification)\b|(?<![\w.,])\d{1,2}[A-Z]?-rated\b",
        "rank:round": r"\b(?:[Ll]ast|[Ff]inal)\s(?:16|32|64|sixteen|eight|four)\b(?!\s(?:per\s?cent|%|years?|months?|"
                      r"weeks?|days?|games|matches|seasons|points))",
        "rank:world": r"\b(?:to|at|is|was|ranked|rank|now)\s\d{1,3}\s(?:in\s)?the\sworld\b",
        # "Henman, seeded three", "the fourth seed": a place in a draw
        "rank:seed": r"\b(?:[Ss]eeded|[Ss]eed|[Nn]o\.?)\s(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|"
                     r"eleven|twelve|thirteen|fourteen|fifteen|sixteen)\b(?!\s?%|\s(?:per|players|teams))",
        # "climbed from 40 to number two", "fell from No 3 to No 9": a position left for a ranked one
        "rank:from": r"(?<=\bfrom\s)\d{1,3}(?=\s(?:to|into)\s(?:[Nn]umber|No\.?)\s?(?:\d|[a-z]))",
        "rank": r"\b(?:[Tt]op|TOP|[Nn]umber|[Nn]o\.)[\s-](?:\d{1,3}|[Tt]en|[Ff]ive|[Tt]wenty|[Ff]orty|[Tt]hree|[Tt]wo|"
                r"[Ff]our|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]welve|[Ff]ifteen|[Ff]ifty|[Hh]undred)\b"
                r"|\b[Nn]umber\s(?:one|two|three)\b"
                # the odds of a bet: "odds of 6-9", "Clive Owen at 5-2"
                r"|\bodds\s(?:of\s|at\s|were\s|are\s)?\d{1,3}\s?[-/]\s?\d{1,3}\b|\bat\s\d{1,2}-\d{1,2}(?=[\s,.;]|$)",
        "score": r"(?<![\w.,£$€])\d{1,3}\s?[-–]\s?\d{1,3}(?![\w%]|[.,]\d)",
        "address": r"\b\d{1,4}[a-z]?\s(?:[A-Z][a-z]+\s){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Way|"
                   r"Drive|Terrace|Crescent|Close|Court|Gardens|Row|Hill|Walk|Mews)\b",
        "label": r"\b(?:[Gg]rade|[Ll]evel|[Ss]tage|[Tt]ier|[Cc]ategory|[Bb]and|[Yy]ear|[Cc]lass|[Pp]hase|[Rr]ound|"
                 r"[Ss]eries|[Ss]eason|[Ee]pisode|[Cc]hapter|[Aa]rticle|[Ss]ection|[Cc]lause|[Rr]oom|[Pp]latform|"
                 r"[Gg]ate|[Ff]light|[Rr]oute|[Ll]ine|[Tt]erminal|[Ww]ard|[Ll]ot|[Ii]tem|[Ff]ormula|[Dd]istrict|[Zz]one|"
                 r"[Ss]ector|[Bb]lock|[Pp]recinct|[Bb]ay|[Pp]ier|[Ww]ing|[Cc]ell|[Bb]ed|[Ss]eat|[Tt]able|[Ee]xhibit|"
                 r"[Aa]ppendix|[Ff]igure|[Pp]art|[Vv]olume|[Ii]ssue)\s\d+[a-z]?\b"
                 r"|\b[a-z]+[A-Z]\w*\s\d+\b"
                 # "Half-Life 2", "Tomb-Raider 3": a title of capitalised, hyphenated words and its number
                 r"|\b[A-Z][a-z]+-[A-Z][a-z]+\s\d\b(?![.,]\d|\s?%)",
        # "7.5 connections per 100 people", "4 deaths for every 1,000 births": the base of a rate, no figure
        "label:rate_base": rf"(?<=\b(?:per|PER)\s){RATE_BASE}(?=\s[a-z])|(?<=\bfor\severy\s){RATE_BASE}(?=\s[a-z])",
        # "007", "0800": digits a zero opens are a code, not a quantity
        "code:zero": r"(?<![\w.,£$€])0\d+(?![\w%]|[.,]\d)",
        # "the FTSE 100", "Standard and Poor's 500": a share index named by its number of shares
        "name:index": r"\b(?:FTSE(?:\sAll-Share|\sSmallCap)?|S&P|Poor['’]s|Fortune|Russell|Nikkei|DAX|CAC|Stoxx|"
                      r"Hang\sSeng|Nasdaq|Dow\sJones|Sensex|ASX|TSX|IBEX|FTSE\sAIM|MSCI\s\w+)\s\d{2,4}\b",
        # "50 Cent's G-Unit", "while Five's share held": a name that is a number (a capital after the number,
        # or a capitalised number word that owns something inside a sentence)
        "name:numbered": r"\b\d+\sCent\b|(?<=[a-z,;]\s)(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)['’]s\b",
        # "BBC Two", "Channel Four", "Formula One": a number word written as part of a name
        "name:number_word": rf"\b(?!(?:{months}|{weekdays})\b)[A-Z][\w&’']*\s"
                            r"(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)\b"
                            r"(?![\s-](?:hundred|thousand|million|billion|[Hh]undred|[Tt]housand|[Mm]illion|[Bb]illion)\b)",
        "code": r"\b[A-Z]{1,4}-?\d+[A-Za-z]*\b|\b\d+[A-Za-z]{1,3}\d+\w*\b|\b[A-Za-z]+-\d+\b",
    }
    # What every match of a rule holds, as cheap to look for as can be: literal strings (one of
    # which each match holds), whole words (see WordCue: a case-blind rule's words, or those a
    # rule matches as whole words whatever its case), or a pattern that opens on a literal
    # character or a single character class, so that it is found fast.
    cues: dict[str, str | tuple[str, ...] | WordCue | None] = {
        "year_span": r"\d\s?[/–-]\s?\d",
        "fiscal_year": r"FY",
        "date": alternation(g["months"] + g["weekdays"], boundary=False),
        "numeric_date": r"\d[/-]\d",
        "time": r"\d(?:\s?(?:[ap]\.?m|o['’]clock|GMT|BST|UTC|CET|EST|PST|hrs|hours)|:\d)",
        "time:words": WordCue.of(["o'clock", "o’clock"]),
        # "aged 5", "was 13 at the time", "Spacey, 45,", "five-year-olds", "under-18s", "50-plus"
        "age:aged": WordCue.of(["age", "aged", "ages"]),
        "age:at_the_time": WordCue.of(["at the time", "when", "will be", "would be", "ll be", "turn", "turns",
                                       "turned", "turning"]),
        "age:threshold": WordCue.of(["over", "under"]),
        "age:at": r"[Aa]t\s\d\d?,\s",
        "age:when": WordCue.of(["left", "leaving", "leave", "quit", "quitting", "died", "retired", "married",
                                "emigrated"]),
        "age:is": WordCue.of(["am", "is", "was", "turned", "turns", "I'm", "he's", "she's", "he’s", "she’s", "I’m"]),
        "age:young": WordCue.of(["kids", "children", "boys", "girls", "youngsters", "teenagers", "pupils"]),
        "age:at_again": WordCue.of(["age", "aged", "year-old", "years old"]),
        "age:apposition": r",\s?\d",
        "age:olds": WordCue.of(["old", "olds"]),
        "age:bands": WordCue.of(["under", "over", "plus"]),
        "duration": WordCue.of(lex.units["durations"]),
        "ordinal": r"\d(?:st|nd|rd|th)",
        "event": r"\d\s?(?:m|k|metres|km|yards)\s[a-z]",
        "event:distance": r"\d\s?m(?:\b|etres)",
        "event:race": r"\d\s?m(?:\b|etres)",
        "phone": r"0\d\d|\+\d",
        "reference": r"\[|No\.|No\s\d|#|umber|age|p\.|P\.|/",
        "label:squad": r"\d-(?:man|woman|member|player|strong)\s",
        "label:parts": WordCue.of(["parts", "episodes", "chapters", "volumes", "part", "episode", "chapter", "volume"]),
        "label:rating": WordCue.of(["certificate", "classification", "rated"]),
        "label:rate_base": WordCue.of(["per", "every"]),
        "rank:round": WordCue.of(["last", "final"]),
        "rank:world": WordCue.of(["the world"]),
        "rank:seed": r"eed",
        "rank:from": WordCue.of(["from number", "from no"]),
        "rank": r"op[\s-]|OP[\s-]|umber[\s-]|o\.[\s-]|odds|at\s\d",
        "score": r"\d\s?[-–]\s?\d",
        "address": WordCue.of(["Street", "St", "Road", "Rd", "Avenue", "Ave", "Lane", "Square", "Place", "Way", "Drive",
                               "Terrace", "Crescent", "Close", "Court", "Gardens", "Row", "Hill", "Walk", "Mews"]),
        "label": r"\s\d",
        # a digit after a letter or a letter and a hyphen, or before a letter: "G8", "GBP27m", "COVID-19"
        "code:zero": r"0\d",
        "name:index": WordCue.of(["FTSE", "S&P", "Poor's", "Fortune", "Russell", "Nikkei", "DAX", "CAC", "Stoxx",
                                  "Hang Seng", "Nasdaq", "Dow Jones", "Sensex", "ASX", "TSX", "IBEX", "MSCI"]),
        "name:numbered": ("Cent", "'s", "’s"),
        "name:number_word": r"\s(?:One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve)\b",
        "code": r"\d(?:[A-Za-z]|(?<=[A-Za-z]\d)|(?<=[A-Za-z]-\d))",
    }
    # number words are matched whatever their case ("Two years ago"); codes and names keep theirs
    folded = {"age", "duration"}
    return ([_Rule(name, re.compile(pattern, re.IGNORECASE if _reason(name) in folded else 0), _cue(cues[name]))
             for name, pattern in rules.items()],
            WordCues({name: cue for name, cue in cues.items() if isinstance(cue, WordCue)}))


def _reason(rule: str) -> str:
    """The reason a rule blocks for: its name, less what tells its forms apart ("age:olds" is an age)."""
    return rule.partition(":")[0]


def blocked_spans(text: str) -> list[Blocked]:
    """Spans of ``text`` where numbers are dates, times, ages, durations, codes or references."""
    rules, words = _blockers()
    held = words.held_by(text)
    return [Blocked(m.start(), m.end(), _reason(rule.name)) for rule in rules
            if (rule.name in held if rule.may_match is None else rule.may_match(text))
            for m in _rule_matches(rule, text)]


def _rule_matches(rule: _Rule, text: str) -> Iterator[re.Match[str]]:
    if rule.name == "label":
        # "Grade 5", "iPhone 7": a label is a whole word followed by a space and a digit, so it
        # is only tried at such words rather than at every character of the sentence
        return matches_at(rule.pattern, text, _words_before_digits(text))
    return rule.pattern.finditer(text)


_SPACE_DIGIT = re.compile(r"\s\d")


def _words_before_digits(text: str) -> Iterator[int]:
    """Where each word that stands right before a space and a digit begins, left to right."""
    for m in _SPACE_DIGIT.finditer(text):
        start = m.start()
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):  # what \w matches
            start -= 1
        if start < m.start():
            if start > 1 and text[start - 1] == "-" and text[start - 2].isalnum():
                first = start - 1  # "Half-Life 2": the hyphenated word's first part opens it
                while first > 0 and (text[first - 1].isalnum() or text[first - 1] == "_"):
                    first -= 1
                yield first
            yield start


@cache
def _idioms() -> tuple[re.Pattern[str], WordCue | None]:
    g = lexicon().grammar
    # "I'm 100% sure", "he is 110 per cent committed": wholeheartedly, not a share of anything
    whole = [f"{amount} {word}" for amount in ("100%", "100 per cent", "100 percent", "110%", "110 per cent")
             for word in g["wholehearted_words"]]
    idioms = g["idioms"] + whole
    return re.compile(alternation(idioms), re.IGNORECASE), WordCue.of(idioms)


@lru_cache(maxsize=64)  # asked again for each figure of the sentence
def _idiom_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where ``text`` uses a number in an idiom ("one of", "second to none")."""
    pattern, cue = _idioms()
    return tuple(m.span() for m in cued_matches(pattern, cue, text))


@cache
def _score_cues() -> re.Pattern[str]:
    return re.compile(alternation(lexicon().grammar["score_cues"]), re.IGNORECASE)


_FIRST_YEAR, _LAST_YEAR = Decimal(1800), Decimal(2100)


def _is_year(q: Quantity) -> bool:
    return q.bare and q.value is not None and _FIRST_YEAR <= q.value <= _LAST_YEAR and len(q.text) == 4


@cache
def _ordinary_words() -> frozenset[str]:
    g = lexicon().grammar
    words = set(g["np_stop_words"]) | {w.split()[-1] for w in g["qualifiers_before"]} | set(g["speech_verbs"])
    words |= set(change_verbs()) | {"just", "only", "another", "every", "almost"}
    return frozenset(w.lower() for w in words)


def _is_early_year(text: str, q: Quantity) -> bool:
    """A year before 1800, which a word of time leads to and no plural follows: "the sextant from 1731", "since
    1066" (not "in 1500 homes")."""
    if not (q.bare and q.value is not None and 1000 <= q.value < _FIRST_YEAR and len(q.text) == 4):
        return False
    if _THE_BEFORE.search(text, max(0, q.start - 5), q.start) and _NAMED_NEXT.match(text, q.end):
        return True  # "the 1701 Act of Settlement", "the 1666 Great Fire": a name's year
    return _TIME_LEAD.search(text, max(0, q.start - 8), q.start) is not None and \
        _PLURAL_NEXT.match(text, q.end) is None


_TIME_LEAD = re.compile(r"\b(?:from|in|since|until|till|of|circa|c\.|back\sto)\s+$", re.IGNORECASE)
_PLURAL_NEXT = re.compile(r"\s+[a-z][a-z-]*s\b")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
_NAMED_NEXT = re.compile(r"\s+[A-Z][a-z]")


def _is_year_range(text: str, q: Quantity) -> bool:
    """``from 2007 to 2017``: a span of years read as a range of numbers."""
    return (q.is_range and q.unit == "count" and q.low is not None and q.high is not None
            and all(_FIRST_YEAR <= v <= _LAST_YEAR and v == v.to_integral_value() for v in (q.low, q.high))
            and "," not in q.text and "." not in q.text)


_NAME_BEFORE = re.compile(r"\b([A-Z][a-zA-Z]+)\s$")
# a model's number and its variant's ("737-800"), and a variant that ends in letters ("-200LR", "-300ER")
_DESIGNATION = re.compile(r"\d{3}-\d{2,3}")
_VERSION_AFTER = re.compile(r"-\d+[A-Z]{1,3}\b")
_CAPITALISED_AFTER = re.compile(r"\s[A-Z][a-z]")
_ORDINAL_BEFORE = re.compile(r"\b(?:first|second|third|last|final|other)\s+$", re.IGNORECASE)
_ORDINAL_OR_SAME_BEFORE = re.compile(r"\b(?:first|second|third|fourth|last|final|other|same|previous|next)\s+$",
                                     re.IGNORECASE)
_WORD_BEFORE = re.compile(r"[\w'’]+")
@cache
def _compound_head() -> re.Pattern[str]:
    """A singular noun right after a number, followed by the noun it qualifies (``three party election``)."""
    heads = alternation(lexicon().grammar["compound_heads"], boundary=False)
    return re.compile(rf"[\s-](?:{heads})\s(?!(?:of|in|and|or|to|for|at|on|by|with|was|is|has|had|who|that)\b)[a-zA-Z]")


_PRONOUN_AFTER = re.compile(r"\s*(?:this|that|it|these|those|them|us|you|which|whom)\b", re.IGNORECASE)
_SCARE_QUOTED = re.compile(r"\s+of\s+[\"“‘']")


# An item of an elliptical list, whose verb and noun the item before it gave: "Labour won 412 seats, the
# Conservatives 166 and the Liberal Democrats 52", "Sky will show 116 games a season and BT 38". The item
# before ends with its figure (and up to three words), the name follows a comma or a conjunction, and the
# item ends with the number (or its noun): "copies of Vista and Windows 7" is a name.
_ITEM_BEFORE = re.compile(r"(?<![A-Z][\w]\s)(?<![A-Z]\s)(?<![\d,.])(?!(?:19|20)\d\d\b)\d[\d,.]*"
                          r"(?:\s?(?:%|m|bn|k|million|billion|per\s?cent|percent))?"
                          r"(?:\s[a-z][\w'’-]*){0,3}\s*(?:,|;|\sand|\swhile|\swhereas|\sbut)\s(?:the\s)?"
                          r"(?:[A-Z][\w&'’.-]*\s){0,3}$")
_ITEM_END = re.compile(r"(?:\s[a-z][\w'’-]*)?\s*(?:[,.;:)]|$|\sand\b|\swhile\b|\swhereas\b)")


def _list_item(text: str, q: Quantity, name_at: int) -> bool:
    """Whether the number after the name at ``name_at`` is an item of an elliptical list (see above)."""
    return _ITEM_BEFORE.search(text, max(0, name_at - 80), q.start) is not None and \
        _ITEM_END.match(text, q.end) is not None


def _percent_title(text: str, q: Quantity) -> bool:
    """A percentage that opens a title: after "of", "on" or a word that names something, and before a word in
    title case that is no place, people, month or day ("the host of 100% Homegrown", "a show called 100% Hits")."""
    if q.unit != "percent" or not q.text[:1].isdigit() or not q.text.endswith("%"):
        return False
    after = _TITLE_AFTER.match(text, q.end)
    if after is None or not _TITLE_LEAD.search(text, max(0, q.start - 12), q.start):
        return False
    word, gaz = after.group(1), gazetteer()
    g = lexicon().grammar
    return word not in gaz.aliases and word not in gaz.adjectives and word not in g["months"] and \
        word not in g["weekdays"]


# (not a source named after a missing comma: "a growth rate of 8% Axa said")
_TITLE_AFTER = re.compile(r"\s([A-Z][a-z]+)\b(?!['’]|\s(?:said|says|told|tells|added|adds|reported|estimated|"
                          r"predicted)\b)")
_TITLE_LEAD = re.compile(r"\b(?:of|on|called|titled|entitled|named|hosts?|presents?)\s$")


def _named_number(text: str, q: Quantity) -> bool:
    """``Windows 7``, ``Channel 4``, ``Article 50``, ``Boeing 737-800``: a number that is part of a name."""
    if _VERSION_AFTER.match(text, q.end):
        return True  # "the 777-200LR", "its X5-40d": a model's designation, letters and all
    if not (q.bare or (q.rule == "range" and q.unit == "count" and _DESIGNATION.fullmatch(q.text))):
        return False
    m = _NAME_BEFORE.search(text[: q.start])
    if not m:
        return False
    if _list_item(text, q, m.start()):
        return False
    word = m.group(1)
    g = lexicon().grammar
    if word in g["months"] or word in g["weekdays"] or word in gazetteer().aliases:
        return False
    if word.lower() in _ordinary_words():
        return False  # "About 300", "In 2015", "Some 500": an ordinary word that opens a sentence
    if word in first_names():
        return True  # "Andre 3000", wherever it stands: a person's name with a number in it
    before = text[: m.start()].rstrip()
    if before.endswith(('"', "“")):
        before = before[:-1].rstrip()  # '"Halo 2 is projected ...': a quote opens on the name as a sentence does
        if not before or before.endswith((".", "!", "?", ":", ",")):
            return True
    return m.start() == 0 or not before.endswith((".", "!", "?", ":"))


def _number_word_name(text: str, q: Quantity) -> bool:
    """``Six Nations``, ``Three Lions``, ``Million Dollar Baby``: capitalised number words that start a name.

    Only a figure written in title case counts: ``Two million Britons`` and ``A quarter of
    a million Sri Lankans`` start sentences, not names.
    """
    if not (q.words and all(word[:1].isupper() for word in q.text.split())):
        return False
    if _CAPITALISED_AFTER.match(text[q.end : q.end + 3]):
        return True
    if q.unit != "count" and len(q.text.split()) >= 2 and q.text.split()[-1].isalpha():
        return True  # "Three Degrees star Sheila Ferguson": a unit's word in title case is a name's
    # "League Two", "Channel Four", "Formula One": the number ends a name that starts before it
    m = _NAME_BEFORE.search(text[: q.start])
    return m is not None and m.start() > 0 and not text[: m.start()].rstrip().endswith((".", "!", "?", ":"))


_SHARE_AFTER = re.compile(r"\s+(?:of|the|their|its|our|his|her|my|your|a|an|all|this|that|these|those|"
                          r"per\s?cent|percent)\b", re.IGNORECASE)
_SHARE_BEFORE = re.compile(r"\b(?:by|than|nearly|almost|about|around|over|under|more|less|just|only|some|roughly|"
                           r"to|cut|lost|losing|lose|and|is|was|were|are|be|been|at|least|fell|rose|cutting|"
                           r"reduced|reduce|reducing|around|approximately|barely|well|exactly)\s+$", re.IGNORECASE)


def _share_context(text: str, q: Quantity) -> bool:
    """Whether a fraction word states a share (``half of their funding``, ``cut by a third``)."""
    if text[q.end : q.end + 1] == "-" or text[q.start - 1 : q.start] == "-" or _ORDINAL_BEFORE.search(text[: q.start]):
        return False  # "half-time", "the fly-half", "the first half"
    words = q.text.lower().split()
    if len(words) == 2 and words[0] == "a" and words[1] in _ordinal_words() and \
            (after := _NOUN_AFTER_AN_ORDINAL.match(text, q.end)) and after.group(1) not in _VERBS_AFTER_A_SHARE:
        return False  # "had there been a third set", "a fifth successive win": which one, not how much
    if (after := _WORD_AFTER.match(text, q.end)) and after.group(1) in _VERBS_AFTER_A_SHARE and \
            not text[: q.start].lower().endswith("the "):  # (not "the three-quarters had no space": the backs)
        return True  # "A fifth said they would vote again", "almost a third are interested"
    return bool(_SHARE_AFTER.match(text, q.end) or _SHARE_BEFORE.search(text[: q.start]))


# a word after "a third" that makes it an ordinal of a noun, not a share: any word but those a share goes on with
_NOUN_AFTER_AN_ORDINAL = re.compile(r"\s+(?!(?:of|in|on|to|at|for|by|from|since|over|under|last|this|next|more|less|"
                                    r"fewer|higher|lower|larger|smaller|bigger|and|or|but|than|compared|as|while|"
                                    r"between|among|after|before|during|because|if|when|with|without|per|a|an|"
                                    r"the)\b)([a-z][a-z-]+)\b")
_WORD_AFTER = re.compile(r"\s+([a-z]+)\b")
# what a share may do, right after it: "a third are interested", "a fifth said"
_VERBS_AFTER_A_SHARE = frozenset({"are", "were", "is", "was", "had", "have", "has", "said", "say", "says", "saying",
                                  "will", "would", "could", "can", "may", "might", "did", "do", "does", "want",
                                  "wanted", "think", "thought", "believe", "agreed", "voted", "admitted"})


@cache
def _ordinal_words() -> frozenset[str]:
    return frozenset(lexicon().numbers["ordinal_words"])


_LIST_NUMBER = re.compile(r"\s*\(?\d{1,3}[.)](?:\s|$)")
_BRACKETED_NUMBER = re.compile(r"\d{1,2}\)\s+[A-Z]")


# a unit's word in title case after a figure: a title ("60 Minutes", "21 Grams"), no quantity
_TITLE_CASE_UNIT = re.compile(r"\d\s+[A-Z][a-z]{2,}$")
# a substitution in a line-up: one player for another, then the minute in brackets
_SUBSTITUTION = re.compile(r"\b[A-Z][\w'’-]+\s+for\s+(?:[a-z]{2,3}\s+){0,2}[A-Z][\w'’-]+\s\($")
_LAST_MINUTE = 130
# a scorer in a match report's list of goals, right before the minute: "Goals: Bowyer 35, Dyer 69"
_GOAL_MINUTE = re.compile(r"\bGoals?:\s(?:[^.;:]*?,\s)?[A-Z][\w'’-]+(?:\s\((?:pen|og)\))?\s$")
# the scores of other sets of a match, next to one: "4-6 6-3 6-4", "6-4, 7-6"
_NEXT_SET = re.compile(r",?\s\d{1,2}\s?[-–]\s?\d{1,2}(?![\w%]|[.,]\d)")
_PREVIOUS_SET = re.compile(r"(?<![\w.,£$€])\d{1,2}\s?[-–]\s?\d{1,2},?\s$")
_FIRST_OLD_YEAR = Decimal(1000)
_YEAR_BEFORE = re.compile(r"\b(?:in|since|from|until|till|by|of|before|after|around|circa|back\sto)\s$",
                          re.IGNORECASE)
_NO_NOUN_AFTER = re.compile(r"\s*(?:[,.;:)!?]|$)|\s+(?:that|when|and|or|to|the|a|an|he|she|it|they|by|after|before|"
                            r"under|was|were|is|AD|BC|CE|BCE)\b")
_BETWEEN_NAMES = re.compile(r"[A-Z][\w.'’-]*\s$")
_NAME_AFTER = re.compile(r"\s[A-Z]")


def rejection(text: str, q: Quantity, blocked: list[Blocked], *, line_start: bool) -> str | None:
    """Why quantity ``q`` of sentence ``text`` is not a claim, or ``None`` if it is one."""
    return rejection_by_spans(q, blocked, text) or rejection_by_context(text, q, line_start=line_start)


# A short duration that is itself what is measured: "10 hours of web browsing", "0.3-second autofocus",
# "0.3 second autofocus times" (a battery's life, a camera's speed), not when something happened
_SHORT_DURATION = re.compile(r"(?:hours?|minutes?|mins?|seconds?|secs?|milliseconds?)$", re.IGNORECASE)
_MEASURED_AFTER = re.compile(r"\s+of\s+(?!(?:the|a|an|this|that|these|those|its|his|her|their|our|my|your|"
                             r"waiting|delay|play|time)\b)[A-Za-z]|[\s-]+(?!(?:of|in|on|at|to|ago|later|after|before|"
                             r"earlier|and|or|a|an|the|per|each|every|for|from|with|by|into|since|until|when|while|"
                             # "a 10-minute walk", "a two-hour meeting": how long something lasts, said in passing
                             r"walk|drive|ride|journey|flight|trip|break|silence|wait|delay|warning|meeting|speech|"
                             r"session|interval|nap|stroll|commute|call|chat|interview|programme|show|film|video|"
                             r"clip|stoppage|strike|walkout|shift|operation|battle|siege|standoff|debate|hearing|"
                             r"ceremony|visit|stay|away|long|late|early|old|"
                             # "with 11 minutes left": a match's clock
                             r"left|remaining|gone|played|elapsed|go)\b)[a-z]{3,}")


# "a time of one minute 46.68 seconds", "clocked 2 hours 8 minutes": a time a race was run in
_RACE_TIME_BEFORE = re.compile(r"(?:\b(?:time|times|timing|record|best)\s+of|\bclocked|\bin\s+a\s+time\s+of)\s+$",
                               re.IGNORECASE)


# "response times averaged 51 minutes", "an average wait of 40 minutes": a time measured, as a statistic
_AVERAGE_BEFORE = re.compile(r"\b(?:averaged|averages|averaging|average\s+(?:[a-z]+\s+)?of|median\s+(?:[a-z]+\s+)?of)"
                             r"\s+(?:just\s+|about\s+|around\s+|almost\s+|nearly\s+|over\s+|under\s+)?$",
                             re.IGNORECASE)


# "in 9.58 seconds", "52.1 secs": seconds timed to a fraction are a time clocked, never when something happened
_TIMED = re.compile(r"\d\.\d+[\s-]*(?:seconds?|secs?)$", re.IGNORECASE)


def duration_is_a_figure(text: str, start: int, end: int) -> bool:
    """Whether the duration written at ``start``–``end`` is a figure in its own right (see above)."""
    written = text[start:end]
    return bool(_SHORT_DURATION.search(written)) and (
        _MEASURED_AFTER.match(text, end) is not None or _RACE_TIME_BEFORE.search(text, max(0, start - 24), start)
        is not None or _TIMED.search(written) is not None
        or _AVERAGE_BEFORE.search(text, max(0, start - 30), start) is not None)


def rejection_by_spans(q: Quantity, blocked: list[Blocked], text: str = "") -> str | None:
    """Why ``q`` is not a claim, from the blocked spans of its sentence alone (see :func:`rejection`)."""
    for b in blocked:
        if b.start < q.end and q.start < b.end:
            if b.reason == "duration" and text and duration_is_a_figure(text, b.start, b.end):
                continue
            if (b.reason in ("code", "label") and q.unit != "count") or (b.reason == "score" and q.rule == "range"):
                continue  # "GBP27m" is money, "line 2.5GHz" a frequency; "10-20" read as a range is not a score
            if b.reason == "duration" and q.unit != "count" and q.start < b.start:
                continue  # "70 miles an hour", "30 frames a second": the time is the unit's, not a duration
            return b.reason
    return None


# what befell those counted: "no one was hurt", "nobody has been arrested", "no one under 20 years old was killed"
_BEFELL = re.compile(r"(?:\s+(?!(?:was|were|has|have|had|is|are|could|would|can|will)\b)[\w'’-]+){0,6}?"
                     r"\s+(?:(?:was|were|has|have|had|is|are)\s+(?:yet\s+|so\s+far\s+|since\s+)?(?:been\s+)?"
                     r"(?:[a-z]+ed|hurt|killed|held|found|seen|taken|left|charged|hit)|died|survived|escaped)\b")


def rejection_by_context(text: str, q: Quantity, *, line_start: bool) -> str | None:
    """Why ``q`` is not a claim, from everything but the blocked spans (see :func:`rejection`)."""
    if _is_year(q) or _is_year_range(text, q) or _is_early_year(text, q):
        return "year"
    if q.bare and text.startswith(("'s", "’s"), q.end):
        # "1776's Wealth of Nations", "2004's best seller": a year; "50's beef": a name
        return "year" if len(q.text) == 4 and q.value is not None and 1000 <= q.value <= _LAST_YEAR else "name"
    if q.bare and text[: q.start].strip() in ("", "(") and (
            _BRACKETED_NUMBER.match(text, q.start) or (line_start and _LIST_NUMBER.match(text, q.start))):
        return "list_number"  # "2) The terrorists ...", "(3) Ministers ...": an item of a list wherever it stands
    if q.rule == "words" and q.value == 1 and q.unit == "count":
        return "one"
    if q.rule == "zero" and q.text.lower() in ("no one", "nobody") and not _BEFELL.match(text, q.end):
        return "no_one"  # "in a way no one could have predicted": a figure of speech, not a count of none
    if q.rule == "article_unit":
        return "article"  # "a litre", "a mile": the unit, not a figure
    if q.rule == "zero" and _PRONOUN_AFTER.match(text, q.end):
        return "idiom"  # "none of this was mentioned": nothing counted
    for start, end in _idiom_spans(text):
        if start <= q.start < end:
            return "idiom"
    if q.words and q.unit == "count" and not q.vague and q.value is not None and q.value < 100 and \
            _compound_head().match(text, q.end):
        # "a three party election", "a five star hotel": a kind of thing, not a count ("a 114-page report",
        # in digits, is a figure)
        return "compound"
    if q.vague and _SCARE_QUOTED.match(text, q.end):
        return "idiom"  # millions of "cliques": a figure of speech, its noun in scare quotes
    if q.words and q.value is not None and q.value <= 10 and q.unit == "count":
        before = _WORD_BEFORE.findall(text[: q.start].lower())[-1:]
        if before and before[0] in lexicon().grammar["definite_before_small_numbers"]:
            return "anaphora"
    if _percent_title(text, q):
        return "name"  # "the host of 100% Homegrown on 1Xtra": a show's name
    if _named_number(text, q) or _number_word_name(text, q) or (
            q.unit != "count" and not is_money(q.unit) and q.text[:1].isdigit() and _TITLE_CASE_UNIT.search(q.text)):
        return "name"  # (and "TV show 60 Minutes", "21 Grams actress": a unit's word in title case)
    if q.rule == "fraction" and not _share_context(text, q):
        return "not_a_share"
    if q.rule == "point_fraction" and _ORDINAL_OR_SAME_BEFORE.search(text[: q.start]):
        return "not_a_share"  # "the second half point" of a match, "the fourth quarter points to ..."
    if q.is_range and q.unit == "count" and q.high is not None and q.high <= 20 and _score_cues().search(text):
        return "score"
    if q.bare and q.unit == "count" and "oals:" in text[: q.start] and _GOAL_MINUTE.search(text, 0, q.start):
        return "label"  # a match report's "Goals: Bowyer 35, Dyer 69": the minutes they were scored in
    if q.bare and q.unit == "count" and q.value is not None and q.value <= _LAST_MINUTE and \
            text.startswith(")", q.end) and _SUBSTITUTION.search(text, max(0, q.start - 60), q.start):
        return "label"  # a line-up's "Replacements: Everitt for Mapletoft (53)": the minute of the change
    if q.is_range and q.unit == "count" and (_NEXT_SET.match(text, q.end) or
                                             _PREVIOUS_SET.search(text, max(0, q.start - 10), q.start)):
        return "score"  # "ousted Volandri 4-6 6-3 6-4": the sets of a match
    if q.bare and q.value is not None and _FIRST_OLD_YEAR <= q.value < _FIRST_YEAR and len(q.text) == 4 and \
            _YEAR_BEFORE.search(text, max(0, q.start - 8), q.start) and _NO_NOUN_AFTER.match(text, q.end):
        return "year"  # "confirmed in 1701 that", "since 1066,": a year before those the years rule knows
    if q.rule == "range" and q.unit == "count" and _BETWEEN_NAMES.search(text[max(0, q.start - 30) : q.start]) and \
            _NAME_AFTER.match(text, q.end):
        return "score"  # "Italy 8-38 Wales"
    return None
