"""Find the figures in a sentence and normalize their value and unit.

This layer knows numbers, not meaning: it turns ``£1.2bn``, ``almost 70 per
cent``'s ``70 per cent``, ``twenty-one thousand``, ``a third`` or ``hundreds`` into
a :class:`Quantity` with an exact value, a unit and its span. Deciding which of
them are claims (and what they measure) happens in :mod:`factcheck.extract.claims`.

>>> [(q.text, q.value, q.unit) for q in find_quantities("It cost £1.2bn, up 5%.")]
[('£1.2bn', Decimal('1200000000'), 'GBP'), ('5%', Decimal('5'), 'percent')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from functools import cache, lru_cache

from text_to_num import text2num

from factcheck.extract.lexicon import WordCue, alternation, cued_matches, fold, lexicon, matches_near


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure as written: span, exact value (or bounds of a range), unit and rule."""

    start: int
    end: int
    text: str
    value: Decimal | None
    unit: str
    rule: str
    low: Decimal | None = None
    high: Decimal | None = None
    vague: bool = False
    words: bool = False  # written in words ("twenty", "half"), not digits
    bare: bool = False  # digits with no unit, scale, separator or decimal

    @property
    def is_range(self) -> bool:
        return self.low is not None and self.high is not None and self.low != self.high


@dataclass(frozen=True)
class _Patterns:
    digits: re.Pattern[str]
    words: re.Pattern[str]
    fractions: re.Pattern[str]
    ratio: re.Pattern[str]
    vague: re.Pattern[str]
    zero: re.Pattern[str]
    dozen: re.Pattern[str]
    percent: re.Pattern[str]
    point: re.Pattern[str]
    currency_after: re.Pattern[str]
    physical: re.Pattern[str]
    inch: re.Pattern[str]
    fraction_digits: re.Pattern[str]
    scientific: re.Pattern[str]
    article_unit: re.Pattern[str]
    digits_reach: int  # how far before its first digit a figure in digits can begin: "-US$ -5"
    # cues: what the matches of a pattern hold, looked for first
    scientific_cue: re.Pattern[str]
    ratio_cue: re.Pattern[str]  # in the text lower-cased by fold()
    words_cue: WordCue | None
    fractions_cue: WordCue | None
    vague_cue: WordCue | None
    zero_cue: WordCue | None
    dozen_cue: WordCue | None
    article_unit_cue: WordCue | None


@cache
def _patterns() -> _Patterns:
    lex = lexicon()
    units = lex.units
    symbols = alternation(list(units["currency_symbols"]), boundary=False)
    codes = alternation(units["currency_codes"], boundary=False)
    scales = alternation(list(lex.numbers["scales"]), boundary=False)
    cardinals = alternation(lex.numbers["cardinal_words"], boundary=False)
    money_scales = alternation(list(lex.numbers["scales_with_currency"]), boundary=False)
    unit_words = alternation([w for w in units["physical"] if len(w) > 3] + list(units["currency_words"]),
                             boundary=False)
    digits = re.compile(
        rf"""
        (?P<sign>(?<![\w.,\d-])[-−](?=[£$€¥]?\d))?                     # -15, -£3 (not the dash of 10-20)
        (?P<currency>{symbols}\s?|(?<![A-Za-z]){codes}\s?)?        # £, US$, GBP ...
        (?P<sign2>(?<=[£$€¥])[-−](?=\d))?                          # $-99.99
        (?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?               # 21,000 / 1,234.5
          |\d{{1,3}}(?:[\u00a0\u2009\u202f]\d{{3}})+(?!\d)           # 10 000 with thin or no-break spaces
          |\d{{1,3}}(?:\ \d{{3}})+(?=\s(?i:{unit_words})\b)         # 10 000 dollars
          |\d+(?:\.\d+)?|\.\d+)                                     # 47 / 1.2 / .5
        (?:\s?(?P<scale>{scales})(?![A-Za-z])                      # bn, million, k ...
          |(?P<money_scale>(?<=\d){money_scales})(?![A-Za-z]))?     # €10M, $2.174T (after money only)
        (?P<currency_after>[£$€¥](?!\d))?                          # 15€
        """,
        re.VERBOSE,
    )
    fraction_digits = re.compile(
        r"(?<![\w/.,])(?:(?P<whole>\d{1,3})\s)?(?P<num>\d{1,3})/(?P<den>\d{1,3})(?![\w/]|[.,]\d)")
    scientific = re.compile(r"(?<![\w.])(?P<mantissa>\d+(?:\.\d+)?)\s?[×x*]\s?10(?:\^|\*\*)?(?P<exp>[-−]?\d{1,3})\b")
    # numbers in words, whatever their case: matched in lower case in the text lower-cased by
    # fold(), which finds the same spans several times faster than a case-blind pattern
    cardinals_lower = alternation([w.lower() for w in lex.numbers["cardinal_words"]], boundary=False)
    words = re.compile(
        rf"""
        (?<![\w-])
        (?P<negative>(?:minus|negative)\s)?                        # minus ten
        (?:(?P<article>a|an)\s)?                                  # "a million"
        # twenty-one thousand; three million, two hundred & forty
        (?P<body>{cardinals_lower}(?:(?:\s|-|\sand\s|,\s|\s&\s){cardinals_lower})*)
        (?P<half>\sand\sa\shalf(?:\s(?:{cardinals_lower}))?)?     # two and a half million
        (?![\w-])
        """,
        re.VERBOSE,
    )
    fractions = re.compile(alternation(list(lex.numbers["fractions"])), re.IGNORECASE)
    ratio = re.compile(
        rf"(?<![\w,.£$€-])(?P<a>\d{{1,3}}|{cardinals})\s(?:in|out\sof)\s(?:every\s)?(?P<b>\d{{1,3}}|{cardinals})(?![\w/,.-]\d|\w)",
        re.IGNORECASE,
    )
    vague = re.compile(alternation(list(lex.numbers["vague"])), re.IGNORECASE)
    zero = re.compile(alternation(lex.numbers["zero"]), re.IGNORECASE)
    dozen = re.compile(alternation(list(lex.numbers["dozen"])), re.IGNORECASE)
    percent = re.compile(r"\s?(?:%|per\s?cent\b|percent\b|pct\b)", re.IGNORECASE)
    point = re.compile(r"\s(?:percentage|per\s?cent(?:age)?)\s?points?\b|\s?pp\b|\s(?:basis\spoints?|bps)\b",
                       re.IGNORECASE)
    currency_after = re.compile(
        r"\s?(?:of\s)?" + alternation(list(units["currency_words"]), boundary=False) + r"(?![\w])",
        re.IGNORECASE,
    )
    symbols_ = [u for u in units["physical"] if len(u) <= 3]
    words_ = [u for u in units["physical"] if len(u) > 3]
    # short symbols keep their case (mg, MW, L); unit words do not (degrees Celsius)
    physical = re.compile(r"[\s-]?(?:" + alternation(words_, boundary=False).replace("(?:", "(?i:", 1) + "|"
                          + alternation(symbols_, boundary=False) + r")(?![\w/])")
    inch = re.compile(r"\s?in\b(?=\.?\s*$|[,;)]|\s+(?:thick|long|wide|tall|high|deep|across|in\s+diameter)\b)")
    article_unit = re.compile(r"(?<![\w-])(?P<article>an?)\s(?=(?i:" + alternation(words_, boundary=False)[3:-1]
                              + r")\b)")
    # sign, currency and a space, sign, and the point of ".5"
    digits_reach = 1 + max(len(c) for c in list(units["currency_symbols"]) + units["currency_codes"]) + 1 + 1 + 1
    # Each cue is a part that every match of its pattern holds: a sentence without it is spared
    # the pattern, which the regex engine tries at every character. The end of a ratio, "in 5",
    # "out of every ten", in lower case (the start may be a number in words as well):
    ratio_tail = rf"\s(?:in|out\sof)\s(?:every\s)?(?:\d{{1,3}}|{cardinals_lower})(?![\w/,.-]\d|\w)"
    return _Patterns(digits, words, fractions, ratio, vague, zero, dozen, percent, point,
                     currency_after, physical, inch, fraction_digits, scientific, article_unit, digits_reach,
                     scientific_cue=re.compile(r"[×x*]\s?10"),
                     ratio_cue=re.compile(ratio_tail),
                     words_cue=WordCue.of(lex.numbers["cardinal_words"]),
                     fractions_cue=WordCue.of(lex.numbers["fractions"]),
                     vague_cue=WordCue.of(lex.numbers["vague"]),
                     zero_cue=WordCue.of(lex.numbers["zero"]),
                     dozen_cue=WordCue.of(lex.numbers["dozen"]),
                     article_unit_cue=WordCue.of(words_))


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def normalize(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or exponent noise (``2.50`` → ``2.5``, ``4E+1`` → ``40``)."""
    normalized = value.normalize()
    if normalized.adjusted() < 27 and normalized == normalized.to_integral_value():
        return normalized.quantize(Decimal(1))
    return normalized  # huge figures keep their exponent: quantizing them would overflow the context


_SPACES = re.compile(r"\s+")
_NEGATIVE = re.compile(r"(?:minus|negative) ")
_ARTICLE_ONE = re.compile(r"^(?:a|an) ")
_AND_A_HALF = re.compile(r"^(.*?) and a half(?: (\w+))?$")


@lru_cache(maxsize=4096)  # pure, and asked again for the same words: runs of number words are read greedily
def words_to_number(text: str) -> Decimal | None:
    """The value of a number written in words, or ``None``.

    >>> words_to_number("twenty-one thousand"), words_to_number("two and a half million")
    (Decimal('21000'), Decimal('2500000'))
    """
    cleaned = _SPACES.sub(" ", text.strip().lower().replace("&", "and").replace(",", ""))
    sign = Decimal(1)
    if m := _NEGATIVE.match(cleaned):
        sign, cleaned = Decimal(-1), cleaned[m.end() :]
    cleaned = _ARTICLE_ONE.sub("one ", cleaned)
    half = _AND_A_HALF.match(cleaned)
    try:
        if half:
            base = Decimal(text2num(half.group(1), "en")) + Decimal("0.5")
            scale = half.group(2)
            return sign * (base * Decimal(text2num(f"one {scale}", "en")) if scale else base)
        return sign * Decimal(text2num(cleaned, "en"))
    except (ValueError, InvalidOperation):
        return None


_WORD_TOKEN = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


def split_number_words(text: str) -> list[tuple[int, int, Decimal]]:
    """A run of number words as the numbers it holds: ``twenty five thirty six`` → 25 and 36.

    Greedy: from each position, the longest run of words that reads as one number.
    """
    tokens = list(_WORD_TOKEN.finditer(text))
    out: list[tuple[int, int, Decimal]] = []
    i = 0
    while i < len(tokens):
        for j in range(len(tokens), i, -1):
            start, end = tokens[i].start(), tokens[j - 1].end()
            if tokens[j - 1].group(0).lower() in ("and", "a", "an", "minus", "negative"):
                continue
            value = words_to_number(text[start:end])
            if value is not None:
                out.append((start, end, value))
                i = j
                break
        else:
            i += 1
    return out


def _unit_after(text: str, end: int, currency: str | None) -> tuple[str | None, int, Decimal]:
    """The unit written right after a number ending at ``end``: (unit, new end, factor)."""
    p = _patterns()
    units = lexicon().units
    if m := p.point.match(text, end):
        basis = "basis" in m.group(0).lower() or "bp" in m.group(0).lower()
        return "percentage_point", m.end(), _HUNDREDTH if basis else _ONE  # 25 basis points = 0.25
    if m := p.percent.match(text, end):
        return "percent", m.end(), _ONE
    if m := p.currency_after.match(text, end):
        code = units["currency_words"][_word_key(m.group(0), "currency_words")]
        if currency is None or currency == code.split("/")[0]:
            base, _, divisor = code.partition("/")
            return base, m.end(), Decimal(1) / Decimal(divisor or 1)
    if currency is None and (m := p.physical.match(text, end)):
        return units["physical"][_word_key(m.group(0), "physical")], m.end(), _ONE
    if currency is None and (m := p.inch.match(text, end)):
        return "in", m.end(), _ONE
    return None, end, _ONE


_ONE = Decimal(1)
_HUNDREDTH = Decimal("0.01")


_UNIT_LEAD = re.compile(r"^[\s-]*(?:of\s)?")


def _word_key(matched: str, table: str) -> str:
    """The key of the units table ``table`` that the unit words ``matched`` stand for."""
    key = _UNIT_LEAD.sub("", matched).strip()
    if key in lexicon().units[table]:
        return key
    return _lowered_keys(table)[_SPACES.sub(" ", key.lower())]


@cache
def _lowered_keys(table: str) -> dict[str, str]:
    return {k.lower(): k for k in lexicon().units[table]}


def _currency_code(prefix: str | None) -> str | None:
    if not prefix:
        return None
    symbol = prefix.strip()
    return lexicon().units["currency_symbols"].get(symbol, symbol.upper())


_MONEY_RANGE = re.compile(r"[£$€¥]\s?\d[\d,.]*\s?(?:-|–|to)\s?$")
_DIGIT = re.compile(r"\d")
_GROUP_SPACE = re.compile(r"[\s\u00a0\u2009\u202f]")


def _digit_quantities(text: str) -> list[Quantity]:
    p = _patterns()
    scales = lexicon().scales
    found: list[Quantity] = []
    for m in matches_near(p.digits, text, _DIGIT, p.digits_reach):
        start = m.start()
        sign, currency_before, sign2, number, scale, money_scale, currency_after = m.group(
            "sign", "currency", "sign2", "number", "scale", "money_scale", "currency_after")
        if start > 0 and not currency_before and (text[start - 1].isalnum() or text[start - 1] in "._/"):
            continue  # part of a word, a decimal or a code: "G8", "2015/16"
        value = _decimal(number if number.isdigit() else _GROUP_SPACE.sub("", number))
        if sign or sign2:
            value = -value
        currency = _currency_code(currency_before or currency_after)
        end = m.end()
        if money_scale:
            if not currency:
                continue  # "10M" without money is a code, not ten million
            value *= Decimal(lexicon().numbers["scales_with_currency"][money_scale])
        if (scale == "m" and not currency and not _MONEY_RANGE.search(text, max(0, start - 24), start)
                and _looks_like_metres(text, m.end("number"), end)):
            scale, end = None, m.end("number")
        if scale:
            value *= scales.get(scale, scales.get(scale.lower(), Decimal(1)))
        unit, end2, factor = _unit_after(text, end, currency)
        glued = end < len(text) and text[end].isalpha() and not scale
        if glued and (unit is None or (end2 < len(text) and text[end2].isalnum())):
            continue  # glued letters: "3rd", "4G", "10am"; a glued unit symbol ("5km") is allowed
        unit = currency or unit or "count"
        value *= factor
        bare = not (currency_before or currency_after or scale or money_scale
                    or not number.isdigit() or end2 > end or sign)
        found.append(Quantity(start, end2, text[start:end2], normalize(value), unit, "digits", bare=bare))
    return found + _fraction_digit_quantities(text) + _scientific_quantities(text)


def _fraction_digit_quantities(text: str) -> list[Quantity]:
    """``1/40``, ``2 1/2 in``: fractions and mixed numbers written in digits."""
    found: list[Quantity] = []
    if "/" not in text:
        return found
    for m in _patterns().fraction_digits.finditer(text):
        num, den = Decimal(m.group("num")), Decimal(m.group("den"))
        if not den or num >= den:
            continue  # "24/7", "3/3": not a fraction
        value = num / den + (Decimal(m.group("whole")) if m.group("whole") else 0)
        unit, end, factor = _unit_after(text, m.end(), None)
        exact = normalize((value * factor).quantize(Decimal("1E-6")))
        found.append(Quantity(m.start(), end, text[m.start():end], exact, unit or "count", "fraction_digits"))
    return found


def _scientific_quantities(text: str) -> list[Quantity]:
    """``2.48×10−5``: scientific notation."""
    found: list[Quantity] = []
    if not _patterns().scientific_cue.search(text):
        return found
    for m in _patterns().scientific.finditer(text):
        exponent = int(m.group("exp").replace("−", "-"))
        value = Decimal(m.group("mantissa")).scaleb(exponent)
        unit, end, factor = _unit_after(text, m.end(), None)
        found.append(Quantity(m.start(), end, text[m.start():end], normalize(value * factor), unit or "count",
                              "scientific"))
    return found


_COUNTED_AFTER = re.compile(r"\s+(?:of\b|people\b|[a-z]+s\b|more\b|extra\b|new\b|fewer\b)")
_LENGTHS_AFTER = re.compile(r"\s+(?:hurdles|metres|yards|races|heats)\b")


def _looks_like_metres(text: str, number_end: int, end: int) -> bool:
    """Whether an ``m`` after a number without a currency means metres, not million.

    ``5m people`` and ``2.5m viewers`` are millions; ``17.30m``, ``the 100m final``
    and ``a 40m penalty`` are lengths.
    """
    if text[number_end] == " ":
        return False  # "5 m" is rare for metres in news copy; "5 million" is spelled out
    following = text[end : end + 20]
    counted = _COUNTED_AFTER.match(following)
    return not counted or bool(_LENGTHS_AFTER.match(following))


def _word_quantities(text: str) -> list[Quantity]:
    p = _patterns()
    found: list[Quantity] = []
    for m in cued_matches(p.words, p.words_cue, text, fold(text)):  # the same offsets as in the text
        written = text[m.start() : m.end()]
        value = words_to_number(written)
        pieces = [(m.start(), m.end(), value)] if value is not None else [
            (m.start() + s, m.start() + e, v) for s, e, v in split_number_words(written)]
        for start, stop, number in pieces:
            unit, end, factor = _unit_after(text, stop, None)
            found.append(Quantity(start, end, text[start:end], normalize(number * factor),
                                  unit or "count", "words", words=True))
    for m in cued_matches(p.article_unit, p.article_unit_cue, text):
        # "a gallon", "a penny": one of a unit; the claims layer decides whether it is a figure
        unit, end, factor = _unit_after(text, m.end() - 1, None)
        if unit:
            found.append(Quantity(m.start(), end, text[m.start():end], normalize(factor), unit, "article_unit",
                                  words=True))
    return found


# "half a point", "a quarter of a percentage point", "a quarter-point"
_OF_A_POINT = re.compile(r"(?:\s+(?:of\s+)?a\s+|[\s-])(?:percentage[\s-])?point\b", re.IGNORECASE)
# "quarter percentage point rises", "half-point cuts": a fraction of a point with no article
_BARE_POINT = re.compile(r"\b(?:half|quarter)[\s-](?:percentage[\s-])?points?\b", re.IGNORECASE)
_REPEATED = re.compile(r"\s+and\s+(\w+)", re.IGNORECASE)
# "half a million", "a quarter of a billion": a fraction of a scale word
_OF_A_SCALE = re.compile(r"\s+(?:of\s+)?an?\s+(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)


def _share_quantities(text: str) -> list[Quantity]:
    """Fractions, ratios, dozens, zero phrases and vague amounts."""
    p = _patterns()
    lex = lexicon().numbers
    found: list[Quantity] = []
    for m in cued_matches(p.fractions, p.fractions_cue, text):
        fraction = Decimal(lex["fractions"][m.group(0).lower()])
        if point := _OF_A_POINT.match(text, m.end()):
            # "a quarter of a percentage point" is 0.25 points and "half a point" 0.5, not 25 or 50 per cent
            found.append(Quantity(m.start(), point.end(), text[m.start():point.end()], normalize(fraction),
                                  "percentage_point", "point_fraction", words=True))
            continue
        if scale := _OF_A_SCALE.match(text, m.end()):
            amount = fraction * (Decimal(100) if scale.group(1).lower() == "hundred" else
                                 lexicon().scales[scale.group(1).lower()])
            unit, end, factor = _unit_after(text, scale.end(), None)
            found.append(Quantity(m.start(), end, text[m.start():end], normalize(amount * factor),
                                  unit or "count", "fraction_of_scale", words=True))
            continue
        unit, end, factor = _unit_after(text, m.end(), None)
        if unit and unit not in ("percent", "percentage_point"):
            # "one-half miles": a fraction of a unit, not a share
            found.append(Quantity(m.start(), end, text[m.start():end], normalize(fraction * factor), unit,
                                  "fraction", words=True))
            continue
        found.append(Quantity(m.start(), m.end(), m.group(0), normalize((fraction * 100).quantize(Decimal("0.01"))),
                              "percent", "fraction", words=True))
    for m in _BARE_POINT.finditer(text) if "point" in text else ():
        if not any(q.start <= m.start() < q.end for q in found):
            fraction = Decimal("0.5") if m.group(0)[0] in "hH" else Decimal("0.25")
            found.append(Quantity(m.start(), m.end(), m.group(0), fraction, "percentage_point",
                                  "point_fraction", words=True))
    ratios = p.ratio.finditer(text) if p.ratio_cue.search(fold(text)) else ()
    for m in ratios:
        a, b = _small_number(m.group("a")), _small_number(m.group("b"))
        if a is not None and b and a < b:
            share = (a / b * 100).quantize(Decimal("0.01"))
            found.append(Quantity(m.start(), m.end(), m.group(0), normalize(share), "percent", "ratio",
                                  words=not m.group("a").isdigit()))
    for m in cued_matches(p.dozen, p.dozen_cue, text):
        unit, end, _ = _unit_after(text, m.end(), None)
        found.append(Quantity(m.start(), end, text[m.start():end], Decimal(lex["dozen"][m.group(0).lower()]),
                              unit or "count", "dozen", words=True))
    for m in cued_matches(p.zero, p.zero_cue, text):
        found.append(Quantity(m.start(), m.end(), m.group(0), Decimal(0), "count", "zero", words=True))
    for m in cued_matches(p.vague, p.vague_cue, text):
        stop = m.end()
        if (again := _REPEATED.match(text, stop)) and again.group(1).lower() == m.group(0).lower():
            stop = again.end()  # "hundreds and hundreds": one vague amount
        unit, end, _ = _unit_after(text, stop, None)
        found.append(Quantity(m.start(), end, text[m.start():end], None, unit or "count", "vague",
                              vague=True, words=True))
    return found


def _small_number(token: str) -> Decimal | None:
    return Decimal(token) if token.isdigit() else words_to_number(token)


def _currency_prefix_for_words(text: str, q: Quantity) -> Quantity:
    """``£2 million`` is digits; ``£ two million`` or ``$ tens of millions`` borrow the symbol."""
    if q.unit != "count":
        return q
    before = text[max(0, q.start - 3) : q.start]
    stripped = before.rstrip()
    for symbol, code in lexicon().units["currency_symbols"].items():
        if stripped.endswith(symbol):
            start = q.start - (len(before) - len(stripped)) - len(symbol)
            return replace(q, start=start, text=text[start:q.end], unit=code)
    return q


_BETWEEN_GAP = re.compile(r"\s*and\s*")
_AND_GAP = re.compile(r"\s+and\s+")
_OR_GAP = re.compile(r"\s+or\s+")
_DASH_GAP = re.compile(r"\s?[-–]\s?")
_TO_GAP = re.compile(r"-?\s+to\s+")


def _merge_ranges(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Join ``10-20 per cent``, ``£3m to £5m`` and ``between 10 and 20`` into ranges."""
    merged: list[Quantity] = []
    i = 0
    while i < len(quantities):
        q = quantities[i]
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        if nxt is not None and q.value is not None and nxt.value is not None:
            gap = text[q.end : nxt.start]
            before = text[max(0, q.start - 8) : q.start].lower()
            between = _BETWEEN_GAP.fullmatch(gap) and before.rstrip().endswith("between")
            # "five or six awards": two neighbouring small figures are a range
            either = (_OR_GAP.fullmatch(gap) and q.unit == "count" and q.words == nxt.words
                      and q.value < nxt.value <= q.value * 2)
            same_unit = q.unit == "count" or q.unit == nxt.unit
            dash = (_DASH_GAP.fullmatch(gap) and (same_unit or nxt.unit == "count")
                    and q.value < nxt.value * _scale_factor(nxt, q))  # ascending: "28-8" is a score, not a range
            # "fell by 70 per cent to 3,111" and "rose from 10 to 20" are two figures, not a range
            to = (_TO_GAP.fullmatch(gap) and same_unit
                  and not _change_lead().search(text[max(0, q.start - 40) : q.start].lower()))
            if _AND_GAP.fullmatch(gap) and not between and q.bare and q.unit == "count" and (
                    nxt.unit not in ("count", "percent") and not nxt.unit.isupper()):
                q = replace(q, unit=nxt.unit)  # "45 and 50 mg": the unit is written once for both
            if between or dash or to or either:
                low = q.value
                if (q.unit == "count" and nxt.unit != "count") or _scale_of(nxt, q):
                    low = _rescale(q, nxt)
                start = q.start
                if between:
                    start = q.start - len(before) + before.rfind("between")
                unit = nxt.unit if nxt.unit != "count" else q.unit
                merged.append(Quantity(start, nxt.end, text[start:nxt.end], low, unit, "range",
                                       low=min(low, nxt.value), high=max(low, nxt.value)))
                i += 2
                continue
        merged.append(q)
        i += 1
    return merged


@cache
def _change_lead() -> re.Pattern[str]:
    verbs = [w for words in lexicon().grammar["change_verbs"].values() for w in words]
    return re.compile(r"(?:\bby|\b" + alternation(verbs, boundary=False) + r"\s+from)\s+(?:[\w$£€.,]+\s+){0,2}$")


def _scale_factor(high: Quantity, low: Quantity) -> Decimal:
    """How much larger ``high``'s written number is than its digits say, when ``low`` shares its scale."""
    if high.value is None or not _scale_of(high, low):
        return Decimal(1)
    digits = _WRITTEN_DIGITS.search(high.text)
    written = Decimal(digits.group(0).replace(",", "")) if digits else high.value
    return Decimal(1) / (high.value / written) if written and high.value else Decimal(1)


_WRITTEN_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALED = re.compile(r"\d\s?(?:bn|m|k|million|billion|thousand|trillion)\b")
_SCALE_WORD = re.compile(r"(?:bn|m|k|million|billion|thousand|trillion)\b")


def _scale_of(high: Quantity, low: Quantity) -> bool:
    # "£3-5m": the scale written once applies to both ends.
    return bool(_SCALED.search(high.text)) and not _SCALE_WORD.search(low.text)


def _rescale(low: Quantity, high: Quantity) -> Decimal:
    assert low.value is not None and high.value is not None
    m = _SCALE_WORD.search(high.text)
    if m is None:
        return low.value
    return normalize(low.value * lexicon().scales.get(m.group(0), Decimal(1)))


@cache
def _trigger() -> re.Pattern[str]:
    """The number words, in lower case, to look for in a sentence lower-cased by :func:`fold`."""
    numbers = lexicon().numbers
    words = (numbers["cardinal_words"] + list(numbers["fractions"]) + list(numbers["vague"]) + numbers["zero"]
             + list(numbers["dozen"]) + ["half", "halves", "third", "quarter", "fifth", "sixth", "eighth", "tenth"])
    return re.compile(alternation([w.lower() for w in words]))


def might_hold_figure(text: str) -> bool:
    """Whether ``text`` has a digit or a number word: a quick test before :func:`find_quantities`."""
    # a case-sensitive pattern runs several times faster than a case-blind one
    return _DIGIT.search(text) is not None or _trigger().search(fold(text)) is not None


def find_quantities(text: str) -> list[Quantity]:
    """Every figure in ``text`` (a sentence), left to right, without overlaps.

    Where two readings overlap, the longer one wins (``two-thirds`` over ``two``).
    """
    candidates = _digit_quantities(text) + _word_quantities(text) + _share_quantities(text)
    candidates = [_currency_prefix_for_words(text, q) if q.words else q for q in candidates]
    candidates.sort(key=lambda q: (-(q.end - q.start), q.start))
    chosen: list[Quantity] = []
    for q in candidates:
        if all(q.end <= c.start or q.start >= c.end for c in chosen):
            chosen.append(q)
    chosen.sort(key=lambda q: q.start)
    return _merge_ranges(text, chosen)
