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
from functools import cache

from text_to_num import text2num

from factcheck.extract.lexicon import alternation, lexicon


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


@cache
def _patterns() -> _Patterns:
    lex = lexicon()
    units = lex.units
    symbols = alternation(list(units["currency_symbols"]), boundary=False)
    codes = alternation(units["currency_codes"], boundary=False)
    scales = alternation(list(lex.numbers["scales"]), boundary=False)
    cardinals = alternation(lex.numbers["cardinal_words"], boundary=False)
    digits = re.compile(
        rf"""
        (?P<currency>{symbols}\s?|(?<![A-Za-z]){codes}\s?)?        # £, US$, GBP ...
        (?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)  # 21,000 / 1.2 / 47
        (?:\s?(?P<scale>{scales})(?![A-Za-z]))?                  # bn, million, k ...
        """,
        re.VERBOSE,
    )
    words = re.compile(
        rf"""
        (?<![\w-])
        (?:(?P<article>a|an)\s)?                                  # "a million"
        (?P<body>{cardinals}(?:(?:\s|-|\sand\s){cardinals})*)     # twenty-one thousand
        (?P<half>\sand\sa\shalf(?:\s(?:{cardinals}))?)?           # two and a half million
        (?![\w-])
        """,
        re.VERBOSE | re.IGNORECASE,
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
    physical = re.compile(r"\s?" + alternation(list(units["physical"]), boundary=False) + r"(?![\w/])")
    return _Patterns(digits, words, fractions, ratio, vague, zero, dozen, percent, point,
                     currency_after, physical)


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ""))


def normalize(value: Decimal) -> Decimal:
    """``value`` without trailing zeros or exponent noise (``2.50`` → ``2.5``, ``4E+1`` → ``40``)."""
    normalized = value.normalize()
    if normalized == normalized.to_integral_value():
        return normalized.quantize(Decimal(1))
    return normalized


def words_to_number(text: str) -> Decimal | None:
    """The value of a number written in words, or ``None``.

    >>> words_to_number("twenty-one thousand"), words_to_number("two and a half million")
    (Decimal('21000'), Decimal('2500000'))
    """
    cleaned = re.sub(r"\s+", " ", text.strip().lower())
    cleaned = re.sub(r"^(?:a|an) ", "one ", cleaned)
    half = re.match(r"^(.*?) and a half(?: (\w+))?$", cleaned)
    try:
        if half:
            base = Decimal(text2num(half.group(1), "en")) + Decimal("0.5")
            scale = half.group(2)
            return base * Decimal(text2num(f"one {scale}", "en")) if scale else base
        return Decimal(text2num(cleaned, "en"))
    except (ValueError, InvalidOperation):
        return None


def _unit_after(text: str, end: int, currency: str | None) -> tuple[str | None, int, Decimal]:
    """The unit written right after a number ending at ``end``: (unit, new end, factor)."""
    p = _patterns()
    units = lexicon().units
    if m := p.point.match(text, end):
        return "percentage_point", m.end(), Decimal(1)
    if m := p.percent.match(text, end):
        return "percent", m.end(), Decimal(1)
    if m := p.currency_after.match(text, end):
        code = units["currency_words"][_word_key(m.group(0), units["currency_words"])]
        if currency is None or currency == code.split("/")[0]:
            base, _, divisor = code.partition("/")
            return base, m.end(), Decimal(1) / Decimal(divisor or 1)
    if currency is None and (m := p.physical.match(text, end)):
        return units["physical"][_word_key(m.group(0), units["physical"])], m.end(), Decimal(1)
    return None, end, Decimal(1)


def _word_key(matched: str, table: dict[str, str]) -> str:
    key = re.sub(r"^\s*(?:of\s)?", "", matched).strip()
    if key in table:
        return key
    lowered = {k.lower(): k for k in table}
    return lowered[re.sub(r"\s+", " ", key.lower())]


def _currency_code(prefix: str | None) -> str | None:
    if not prefix:
        return None
    symbol = prefix.strip()
    return lexicon().units["currency_symbols"].get(symbol, symbol.upper())


def _digit_quantities(text: str) -> list[Quantity]:
    p = _patterns()
    scales = lexicon().scales
    found: list[Quantity] = []
    for m in p.digits.finditer(text):
        start = m.start()
        if start > 0 and not m.group("currency") and (text[start - 1].isalnum() or text[start - 1] in "._/"):
            continue  # part of a word, a decimal or a code: "G8", "2015/16"
        number = m.group("number")
        value = _decimal(number)
        currency = _currency_code(m.group("currency"))
        scale = m.group("scale")
        end = m.end()
        money_range = re.search(r"[£$€¥]\s?\d[\d,.]*\s?(?:-|–|to)\s?$", text[:start])
        if scale == "m" and not currency and not money_range and _looks_like_metres(text, m.end("number"), end):
            scale, end = None, m.end("number")
        if scale:
            value *= scales.get(scale, scales.get(scale.lower(), Decimal(1)))
        if end < len(text) and text[end].isalpha() and not scale:
            # glued letters: "3rd", "4G", "10am"; a glued unit symbol ("5km") is allowed below
            unit, unit_end, factor = _unit_after(text, end, currency)
            if unit is None or (unit_end < len(text) and text[unit_end].isalnum()):
                continue
        unit, end2, factor = _unit_after(text, end, currency)
        unit = currency or unit or "count"
        value *= factor
        bare = not (m.group("currency") or scale or "," in number or "." in number or end2 > end)
        found.append(Quantity(start, end2, text[start:end2], normalize(value), unit, "digits", bare=bare))
    return found


def _looks_like_metres(text: str, number_end: int, end: int) -> bool:
    """Whether an ``m`` after a number without a currency means metres, not million.

    ``5m people`` and ``2.5m viewers`` are millions; ``17.30m``, ``the 100m final``
    and ``a 40m penalty`` are lengths.
    """
    if text[number_end] == " ":
        return False  # "5 m" is rare for metres in news copy; "5 million" is spelled out
    following = text[end : end + 20]
    counted = re.match(r"\s+(?:of\b|people\b|[a-z]+s\b|more\b|extra\b|new\b|fewer\b)", following)
    return not counted or bool(re.match(r"\s+(?:hurdles|metres|yards|races|heats)\b", following))


def _word_quantities(text: str) -> list[Quantity]:
    p = _patterns()
    found: list[Quantity] = []
    for m in p.words.finditer(text):
        body = m.group(0)
        value = words_to_number(body)
        if value is None:
            continue
        unit, end, factor = _unit_after(text, m.end(), None)
        found.append(Quantity(m.start(), end, text[m.start():end], normalize(value * factor),
                              unit or "count", "words", words=True))
    return found


def _share_quantities(text: str) -> list[Quantity]:
    """Fractions, ratios, dozens, zero phrases and vague amounts."""
    p = _patterns()
    lex = lexicon().numbers
    found: list[Quantity] = []
    for m in p.fractions.finditer(text):
        share = Decimal(lex["fractions"][m.group(0).lower()]) * 100
        found.append(Quantity(m.start(), m.end(), m.group(0), normalize(share.quantize(Decimal("0.01"))),
                              "percent", "fraction", words=True))
    for m in p.ratio.finditer(text):
        a, b = _small_number(m.group("a")), _small_number(m.group("b"))
        if a is not None and b and a < b:
            share = (a / b * 100).quantize(Decimal("0.01"))
            found.append(Quantity(m.start(), m.end(), m.group(0), normalize(share), "percent", "ratio",
                                  words=not m.group("a").isdigit()))
    for m in p.dozen.finditer(text):
        unit, end, _ = _unit_after(text, m.end(), None)
        found.append(Quantity(m.start(), end, text[m.start():end], Decimal(lex["dozen"][m.group(0).lower()]),
                              unit or "count", "dozen", words=True))
    for m in p.zero.finditer(text):
        found.append(Quantity(m.start(), m.end(), m.group(0), Decimal(0), "count", "zero", words=True))
    for m in p.vague.finditer(text):
        unit, end, _ = _unit_after(text, m.end(), None)
        found.append(Quantity(m.start(), end, text[m.start():end], None, unit or "count", "vague",
                              vague=True, words=True))
    return found


def _small_number(token: str) -> Decimal | None:
    return Decimal(token) if token.isdigit() else words_to_number(token)


def _currency_prefix_for_words(text: str, q: Quantity) -> Quantity:
    """``£2 million`` is digits; ``£ two million`` or ``$ tens of millions`` borrow the symbol."""
    before = text[max(0, q.start - 3) : q.start]
    for symbol, code in lexicon().units["currency_symbols"].items():
        if before.rstrip().endswith(symbol) and q.unit == "count":
            start = q.start - (len(before) - len(before.rstrip())) - len(symbol)
            return replace(q, start=start, text=text[start:q.end], unit=code)
    return q


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
            between = re.fullmatch(r"\s*and\s*", gap) and before.rstrip().endswith("between")
            same_unit = q.unit == "count" or q.unit == nxt.unit
            ascending = q.value < nxt.value * _scale_factor(nxt, q)  # "28-8" is a score, not a range
            dash = re.fullmatch(r"\s?[-–]\s?", gap) and (same_unit or nxt.unit == "count") and ascending
            lead = text[max(0, q.start - 30) : q.start].lower()
            to = (re.fullmatch(r"\s+to\s+", gap) and same_unit
                  and not re.search(r"\b(?:from|by)\s+(?:\w+\s+){0,2}$", lead))
            if between or dash or to:
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


def _scale_factor(high: Quantity, low: Quantity) -> Decimal:
    """How much larger ``high``'s written number is than its digits say, when ``low`` shares its scale."""
    if high.value is None or not _scale_of(high, low):
        return Decimal(1)
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", high.text)
    written = Decimal(digits.group(0).replace(",", "")) if digits else high.value
    return Decimal(1) / (high.value / written) if written and high.value else Decimal(1)


def _scale_of(high: Quantity, low: Quantity) -> bool:
    # "£3-5m": the scale written once applies to both ends.
    return bool(re.search(r"\d\s?(?:bn|m|k|million|billion|thousand|trillion)\b", high.text)) and not re.search(
        r"(?:bn|m|k|million|billion|thousand|trillion)\b", low.text)


def _rescale(low: Quantity, high: Quantity) -> Decimal:
    assert low.value is not None and high.value is not None
    m = re.search(r"(?:bn|m|k|million|billion|thousand|trillion)\b", high.text)
    if m is None:
        return low.value
    return normalize(low.value * lexicon().scales.get(m.group(0), Decimal(1)))


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
