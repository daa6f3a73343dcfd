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

from factcheck.extract.lexicon import (
    WordCue,
    alternation,
    change_verbs,
    cued_matches,
    fold,
    grammar_words,
    left_from_verbs,
    lexicon,
    matches_near,
    transitive_change_verbs,
)
from factcheck.extract.units import country_currency, currency_for, money, name_key, subunit, to_base


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
    symbol_after: re.Pattern[str]  # "10 €", "100zł", "75m USD"
    code_after: re.Pattern[str]
    name_after: re.Pattern[str]  # "125 million australian dollars", "50 cents"
    coin_after: re.Pattern[str]  # "65 Canadian cents", "99 US cents"
    scale_after: re.Pattern[str]  # "75 USD million"
    physical: re.Pattern[str]
    unit_before: re.Pattern[str]  # "magnitude 9.0"
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
    cash = money()
    # a symbol that opens on a sign ("$", "£", "€") may follow a letter ("US$" is read whole, the longest);
    # one that opens on a letter ("HK$", "kr", "Rs") or a code ("USD") may not ("SEK" is not "EK")
    signs = [s for s in cash.symbols if not s[0].isalpha()]
    lettered = [s for s in cash.symbols if s[0].isalpha()]
    currency_before = (alternation(signs, boundary=False) + r"|(?<![A-Za-z])"
                       + alternation(lettered + sorted(cash.codes), boundary=False))
    scales = alternation(list(lex.numbers["scales"]), boundary=False)
    cardinals = alternation(lex.numbers["cardinal_words"], boundary=False)
    money_scales = alternation(list(lex.numbers["scales_with_currency"]), boundary=False)
    money_names = list(cash.names) + list(cash.subunits)
    # the first word of a unit's name is enough to tell "10 000 dollars" from "10 000 people"
    first_words = sorted({w.split()[0] for w in [*units["physical"], *money_names] if len(w) > 3})
    unit_words = alternation(first_words, boundary=False)
    # after a number in words, a hyphen leads only to a unit ("one-yen", "four-megapixel"), not a compound
    hyphen_units = alternation(sorted({w.lower() for w in first_words if w not in units["not_after_an_article"]}
                                      | {w.lower() for w in money_names if " " not in w}), boundary=False)
    digits = re.compile(
        rf"""
        (?P<sign>(?<![\w.,\d-])[-−](?=[£$€¥]?\d))?                     # -15, -£3 (not the dash of 10-20)
        (?P<currency>(?:{currency_before})\s?)?                   # £, US$, kr, GBP ...
        (?P<sign2>(?<=[£$€¥])[-−](?=\d))?                          # $-99.99
        (?P<number>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?               # 21,000 / 1,234.5
          |\d{{1,3}}(?:[\u00a0\u2009\u202f]\d{{3}})+(?!\d)           # 10 000 with thin or no-break spaces
          |\d{{1,3}}(?:\ \d{{3}})+(?=\s(?i:{unit_words})\b)         # 10 000 dollars
          |\d+(?:\.\d+)?|\.\d+)                                     # 47 / 1.2 / .5
        (?:\s?(?P<scale>{scales})(?![A-Za-z])                      # bn, million, k, crore ...
          |(?P<money_scale>(?<=\d){money_scales})(?![A-Za-z]))?     # €10M, $2.174T (after money only)
        """,
        re.VERBOSE,
    )
    fraction_digits = re.compile(
        r"(?<![\w/.,])(?:(?P<whole>\d{1,3})\s)?(?P<num>\d{1,3})/(?P<den>\d{1,3})(?![\w/]|[.,]\d)")
    # 2.48×10−5, and 8x2^10 in powers of another base
    # (with no caret, only "×10" after a mantissa under ten: "6.02×1023" lost its superscript, "2048 * 1080" did not)
    scientific = re.compile(r"(?<![\w.])(?:(?P<mantissa>\d+(?:\.\d+)?)\s?[×x*]\s?(?P<base>10|2)(?:\^|\*\*)"
                            r"|(?P<small>\d(?:\.\d+)?)\s?×\s?10)(?P<exp>[-−]?\d{1,3})\b")
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
        (?P<half>[\s-]and[\s-]a[\s-]half(?:\s(?:{cardinals_lower}))?)?   # two and a half million, four-and-a-half
        (?!\w|-(?!(?:{hyphen_units})\b))                            # "one-yen", not "five-star"
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
    # "a score of people" is twenty of them; "a score of 4.5" is a rating
    dozen = re.compile(alternation(list(lex.numbers["dozen"])) + rf"(?!\s+(?:\d|(?:{cardinals})\b))",
                       re.IGNORECASE)
    percent = re.compile(r"\s?(?:%(?!\d)|per\s?cents?\b|percents?\b|percentage\b|pct\b|(?-i:pc)\b)", re.IGNORECASE)
    point = re.compile(r"\s(?:percentage|per\s?cent(?:age)?)\s?points?\b|\s?pp\b|\s?(?:basis\spoints?|bps|bp)\b",
                       re.IGNORECASE)
    symbol_after = re.compile(r"\s?(?:" + alternation(list(cash.symbols), boundary=False) + r")(?![\w$])")
    code_after = re.compile(r"\s?(?:" + alternation(sorted(cash.codes), boundary=False) + r")(?![\w])",
                            re.IGNORECASE)
    name_after = re.compile(r"[\s-]?(?:of\s)?" + alternation(money_names, boundary=False) + r"(?![\w])",
                            re.IGNORECASE)
    # a coin with its country: the country's name or people keep their capitals ("US", not "us")
    coin_after = re.compile(r"[\s-](?P<cue>" + alternation(list(cash.cues), boundary=False) + r")\s(?P<coin>(?i:"
                            + alternation(list(cash.subunits), boundary=False) + r"))(?![\w])")
    big_scales = [w for w in lex.numbers["scales"] if len(w) > 1 and w.lower() == w]
    scale_after = re.compile(r"\s(?P<scale>" + alternation(big_scales, boundary=False) + r")(?![\w])")
    # keys of three characters or fewer, or with a capital, keep their case (mg, MW, GHz, Mb/s against MB/s);
    # other unit words do not (Degrees Celsius)
    kept = [u for u in units["physical"] if len(u) <= 3 or u.lower() != u]
    folded = [u for u in units["physical"] if u not in kept]
    physical = re.compile(r"[\s-]?(?:" + alternation(folded, boundary=False).replace("(?:", "(?i:", 1) + "|"
                          + alternation(kept, boundary=False) + r")(?!\w)(?!/(?!\d))")  # "20Mbps/5Mbps"
    before = [w for w in units["unit_before"] if not w.startswith("_")]
    unit_before = re.compile(r"(?<![\w-])(?i:" + alternation(before, boundary=False)[3:-1] + r")[\s-]$")
    inch = re.compile(r"\s?in\b(?=\.?\s*$|[,;)]|\s+(?:thick|long|wide|tall|high|deep|across|in\s+diameter|"
                      r"screens?|displays?|tablets?|phones?|monitors?|touchscreens?)\b)")
    # "a litre", "a penny", "a dollar": units and one-word money names after an article
    article_words = [w for w in folded if w not in units["not_after_an_article"]] + [
        w for w in money_names if " " not in w]
    article_unit = re.compile(r"(?<![\w-])(?P<article>[Aa]n?)\s(?=(?i:"
                              + alternation(article_words, boundary=False)[3:-1] + r")\b)")
    # sign, currency and a space, sign, and the point of ".5"
    digits_reach = 1 + max(len(c) for c in [*cash.symbols, *cash.codes]) + 1 + 1 + 1
    # Each cue is a part that every match of its pattern holds: a sentence without it is spared
    # the pattern, which the regex engine tries at every character. The end of a ratio, "in 5",
    # "out of every ten", in lower case (the start may be a number in words as well):
    ratio_tail = rf"\s(?:in|out\sof)\s(?:every\s)?(?:\d{{1,3}}|{cardinals_lower})(?![\w/,.-]\d|\w)"
    return _Patterns(digits, words, fractions, ratio, vague, zero, dozen, percent, point,
                     symbol_after, code_after, name_after, coin_after, scale_after, physical, unit_before, inch,
                     fraction_digits, scientific, article_unit, digits_reach,
                     scientific_cue=re.compile(r"[×x*]\s?(?:10|2)"),
                     ratio_cue=re.compile(ratio_tail),
                     words_cue=WordCue.of(lex.numbers["cardinal_words"]),
                     fractions_cue=WordCue.of(lex.numbers["fractions"]),
                     vague_cue=WordCue.of(lex.numbers["vague"]),
                     zero_cue=WordCue.of(lex.numbers["zero"]),
                     dozen_cue=WordCue.of(lex.numbers["dozen"]),
                     article_unit_cue=WordCue.of(article_words))


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
    cleaned = cleaned.replace("-and-a-half", " and a half")  # "four-and-a-half"
    sign = Decimal(1)
    if m := _NEGATIVE.match(cleaned):
        sign, cleaned = Decimal(-1), cleaned[m.end() :]
    cleaned = _ARTICLE_ONE.sub("one ", cleaned)
    half = _AND_A_HALF.match(cleaned)
    try:
        if half:
            base = Decimal(text2num(half.group(1), "en")) + Decimal("0.5")
            scale = half.group(2)
            return normalize(sign * (base * Decimal(text2num(f"one {scale}", "en")) if scale else base))
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
    if m := p.point.match(text, end):
        basis = "basis" in m.group(0).lower() or "bp" in m.group(0).lower()
        return "percentage_point", m.end(), _HUNDREDTH if basis else _ONE  # 25 basis points = 0.25
    if m := p.percent.match(text, end):
        return "percent", m.end(), _ONE
    following = text[end + 1 : end + 2] if text[end : end + 1] == " " else text[end : end + 1]
    if not following or following in _NO_UNIT_NEXT:
        return None, end, _ONE  # the end, punctuation or another number: no unit follows
    if currency is None and _video_lines(text, end):
        return "px", end + 1, _ONE  # "1080p": a resolution, not pence
    if found := _money_after(text, end, symbols=currency is None):
        code, stop, factor = found
        if currency is None or currency == code:
            if code in _POUND_CODES and (weight := _pound_weight(text, end, stop)):
                return "lb", weight, _ONE
            return code, stop, factor
    if currency is None and (m := p.physical.match(text, end)):
        key = _word_key(m.group(0), "physical")
        if _unit_fits(text, end, m.start() < end or text[end] in " -", key, m.end()):
            return lexicon().units["physical"][key], m.end(), _ONE
    if currency is None and (m := p.inch.match(text, end)):
        return "in", m.end(), _ONE
    return None, end, _ONE


_ONE = Decimal(1)
_HUNDREDTH = Decimal("0.01")
_NO_UNIT_NEXT = frozenset(",.;:!?)]}\"'“”‘’0123456789 \n")
_POUND_CODES = frozenset({"GBP"})


def _money_after(text: str, end: int, symbols: bool = True) -> tuple[str, int, Decimal] | None:
    """A currency written after a figure: a symbol (``10 €``), a code (``20 usd``, ``75 USD million``) or a
    name (``154m naira``, ``50 cents``): (code, new end, factor). ``symbols``: whether a symbol is read (not
    after a figure that has one before it: in ``$ 20 $ 37`` the second ``$`` is the next figure's)."""
    p = _patterns()
    cash = money()
    if symbols and (m := p.symbol_after.match(text, end)):
        written, stop = m.group(0).strip(), m.end()
        if written.endswith(".") and written[:-1] in cash.symbols and (stop == len(text) or text[stop].isspace()):
            written, stop = written[:-1], stop - 1  # "costs 5 kr.": the full stop ends the sentence
        if code := currency_for(written, text):
            return _with_scale(text, code, stop)
    if m := p.code_after.match(text, end):
        written = m.group(0).strip()
        if written.isupper() or (written.islower() and written.upper() not in cash.word_codes):
            return _with_scale(text, written.upper(), m.end())
    if m := p.name_after.match(text, end):
        key = name_key(_UNIT_LEAD.sub("", m.group(0)))
        if coin := subunit(key):
            return coin[0], m.end(), coin[1]
        code = currency_for(key, text)
        if code and (key not in names_also_verbs() or _a_sum_of_it(text, end, m.end())):
            return code, m.end(), _ONE
    if m := p.coin_after.match(text, end):
        coin = subunit(m.group("coin"))
        if coin and (code := country_currency(m.group("cue"))):
            return code, m.end(), coin[1]
    return None


@cache
def names_also_verbs() -> frozenset[str]:
    """Currencies' names that are also English verbs ("won"): money only after a figure that can be a sum."""
    return frozenset(lexicon().units["money"]["names_also_verbs"])


# a figure and its scale right before a word: "100 trillion won", "4.2m Euros" (the word is the sum's currency)
SUM_BEFORE = re.compile(r"\d(?:[\d.,]*\d)?\s*(?:m|bn|k|million|billion|trillion|thousand)?\s*$")
_FIGURE_BEFORE = re.compile(r"(?P<number>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>[a-z]+)?\s*$", re.IGNORECASE)
_NOT_AFTER = re.compile(r"['’]t\b")


def _a_sum_of_it(text: str, end: int, stop: int) -> bool:
    """Whether the figure ending at ``end`` can be a sum of a currency whose name is also a verb ("1.2 trillion
    won", "512,000 won"), not a year or a count that did the verb ("2004 won't be remembered", "3 won, 2 lost")."""
    if _NOT_AFTER.match(text, stop):
        return False
    figure = _FIGURE_BEFORE.search(text, max(0, end - 30), end)
    if figure is None:
        return True  # a figure in words: "a million won"
    if figure.group("scale"):
        return figure.group("scale").lower() in lexicon().scales
    number = figure.group("number")
    value = Decimal(number.replace(",", ""))
    return "," in number or (value >= 100 and not (len(number) == 4 and 1800 <= value <= 2100))


def _with_scale(text: str, code: str, end: int) -> tuple[str, int, Decimal]:
    """``75 USD million``: a scale written after the currency code."""
    if m := _patterns().scale_after.match(text, end):
        return code, m.end(), lexicon().scales[m.group("scale")]
    return code, end, _ONE


@cache
def _video_line_counts() -> frozenset[str]:
    return frozenset(str(n) for n in lexicon().numbers["video_lines"]["lines"])


_DIGITS_BEFORE = re.compile(r"(\d+)(?:\.(\d+))?$")


def _video_lines(text: str, end: int) -> bool:
    """``1080p``: a figure glued to a ``p`` that is a video's number of lines."""
    if text[end : end + 1] != "p" or text[end + 1 : end + 2].isalnum():
        return False
    m = _DIGITS_BEFORE.search(text, max(0, end - 6), end)
    return m is not None and m.group(2) is None and m.group(1) in _video_line_counts()


def _unit_fits(text: str, end: int, spaced: bool, key: str, stop: int) -> bool:
    """Whether a unit symbol read after a number (``text[end:stop]``) holds there (see ``_notes`` in
    ``data/units.json``)."""
    units = lexicon().units
    if key in units["ordinal_homonyms"] and _JOINED_ON.match(text, stop):
        return False  # "three second-half goals", "10 second-hand cars": an ordinal in a compound word
    if key in units["after_figure_only_when_glued"]:
        return not spaced  # "40C", not "Grade 5 C"
    if key in units["time_like_symbols"]:
        # "2.123 pm" is a length; "5 pm" and "5.30pm" are times of day
        m = _DIGITS_BEFORE.search(text, max(0, end - 12), end)
        return m is not None and m.group(2) is not None and len(m.group(2)) != 2
    return True


@cache
def _pound_rules() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    rules = lexicon().units["pound_weight"]
    before = re.compile(r"\b" + alternation(rules["before"], boundary=False) + r"\s+(?:\S+\s+){0,3}$", re.IGNORECASE)
    after = re.compile(r"\s+" + alternation(rules["after"], boundary=False) + r"\b", re.IGNORECASE)
    nouns = re.compile(r"\s+(?:\w+\s+)?" + alternation(rules["nouns_after_hyphen"], boundary=False) + r"\b",
                       re.IGNORECASE)
    return before, after, nouns


def _pound_weight(text: str, end: int, stop: int) -> int | None:
    """Where ``pounds`` of weight end, when ``text[end:stop]`` is the word ``pound(s)`` and it weighs something."""
    word = text[end:stop].strip(" -").lower()
    if word not in lexicon().units["pound_weight"]["words"]:
        return None
    before, after, nouns = _pound_rules()
    start = _DIGITS_BEFORE.search(text, max(0, end - 20), end)
    head = text[max(0, (start.start() if start else end) - 60) : start.start() if start else end]
    if before.search(head) or after.match(text, stop):
        return stop
    if text[end : end + 1] == "-" and nouns.match(text, stop):
        return stop  # "a 300-pound bear"
    return None


_JOINED_ON = re.compile(r"-[A-Za-z]")
_UNIT_LEAD = re.compile(r"^[\s-]*(?:of\s)?")


def _word_key(matched: str, table: str) -> str:
    """The key of the units table ``table`` that the unit words ``matched`` stand for."""
    key = _UNIT_LEAD.sub("", matched).strip()
    if key in lexicon().units[table]:
        return key
    return _lowered_keys(table)[_SPACES.sub(" ", key.lower())]


@cache
def _lowered_keys(table: str) -> dict[str, str]:
    return {k.lower(): k for k in lexicon().units[table] if k.lower() == k or k.lower() not in lexicon().units[table]}


_MINUS_BEFORE = re.compile(r"(?<![\w-])(?:[Mm]inus|[Nn]egative)\s$")
_DIGIT = re.compile(r"\d")
_GROUP_SPACE = re.compile(r"[\s\u00a0\u2009\u202f]")


def _digit_quantities(text: str) -> list[Quantity]:
    p = _patterns()
    scales = lexicon().scales
    found: list[Quantity] = []
    taken = 0  # where the last figure, with the unit written after it, ends
    for m in matches_near(p.digits, text, _DIGIT, p.digits_reach):
        start = m.start()
        sign, currency_before, sign2, number, scale, money_scale = m.group(
            "sign", "currency", "sign2", "number", "scale", "money_scale")
        currency = currency_for(currency_before.strip(), text) if currency_before else None
        if currency_before and (start < taken or not _prefix_holds(currency_before, number, scale or money_scale)):
            # "10 $ 30": the "$" is the first figure's; "COP26", "TOP 10", "SDG 4": no money
            currency_before, currency, sign, start = None, None, None, m.start("number")
        elif currency_before and currency_before.strip() == "$" and (
                spaced := _SPACED_PREFIX.search(text, max(0, start - 6), start)):
            symbol = spaced.group("prefix").replace(".", "").upper() + "$"
            if symbol in money().symbols:  # "hk $ 10.05 billion", "u.s $ 100"
                currency, start = currency_for(symbol, text), spaced.start()
        after_slash = start > 1 and text[start - 1] == "/" and text[start - 2].isalpha()  # "down/50Mbps"
        if start > 0 and not currency_before and not after_slash and (
                text[start - 1].isalnum() or text[start - 1] in "._/"):
            continue  # part of a word, a decimal or a code: "G8", "2015/16"
        value = _decimal(number if number.isdigit() else _GROUP_SPACE.sub("", number))
        if not (sign or sign2 or currency_before) and (word := _MINUS_BEFORE.search(text, max(0, start - 10), start)):
            sign, start = word.group(0), word.start()  # "minus 270 degrees"
        if sign or sign2:
            value = -value
        end = m.end()
        if money_scale:
            if not currency:
                continue  # "10M" without money is a code, not ten million
            value *= Decimal(lexicon().numbers["scales_with_currency"][money_scale])
        if scale == "m" and not currency and _m_is_metres(text, start, m.end("number"), end):
            scale, end = None, m.end("number")
        if scale:
            value *= scales.get(scale, scales.get(scale.lower(), Decimal(1)))
        unit, end2, factor = _unit_after(text, end, currency)
        glued = end < len(text) and text[end].isalpha() and not scale
        if glued and (unit is None or (end2 < len(text) and text[end2].isalnum())):
            continue  # glued letters: "3rd", "4G", "10am"; a glued unit symbol ("5km") is allowed
        if unit is None and currency is None and (before := p.unit_before.search(text, max(0, start - 12), start)):
            unit, start = _unit_before_key(before.group(0)), before.start()  # "magnitude 9.0"
        unit = currency or unit or "count"
        if after_slash and unit == "count":
            continue  # "and/or 5", "w/5": only a figure with its unit is read after a word and a slash
        value *= factor
        bare = not (currency_before or scale or money_scale or not number.isdigit() or end2 > end or sign
                    or start < m.start("number") - 1)
        found.append(Quantity(start, end2, text[start:end2], normalize(value), unit, "digits", bare=bare))
        taken = end2
    return found + _fraction_digit_quantities(text) + _scientific_quantities(text)


# "hk $ 10.05 billion", "u.s $ 100": a dollar's letters written apart from its sign, in any case; a single
# letter only where it cannot be an article or a pronoun ("a $5 bill" is no Australian dollar)
_SPACED_PREFIX = re.compile(r"(?<![\w.'’])(?P<prefix>(?:[A-Za-z]\.?){2,3}|[b-hj-zB-HJ-Z])\s$")


def _prefix_holds(prefix: str, number: str, scale: str | None) -> bool:
    """Whether a currency written before a number is read as one.

    A code glued to the number (``COP26``) or one that is also a word (``TOP 10``, ``SDG 4``)
    is money only before a figure that money has: a scale, decimals or thousands separators
    (``GBP27m``, ``PHP 5 billion``).
    """
    written = prefix.strip()
    if written not in money().codes:
        return True
    plain = scale is None and number.isdigit()
    glued = prefix == written
    return not (plain and (glued or written in money().word_codes))


def _unit_before_key(written: str) -> str:
    key = written.rstrip(" -").lower()
    return lexicon().units["unit_before"][key]


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
    """``2.48×10−5``, ``8x2^10``: scientific notation, in powers of ten or two."""
    found: list[Quantity] = []
    if not _patterns().scientific_cue.search(text):
        return found
    for m in _patterns().scientific.finditer(text):
        exponent = int(m.group("exp").replace("−", "-"))
        mantissa, base = (m.group("mantissa"), m.group("base")) if m.group("mantissa") else (m.group("small"), "10")
        value = Decimal(mantissa) * Decimal(base) ** exponent
        unit, end, factor = _unit_after(text, m.end(), None)
        found.append(Quantity(m.start(), end, text[m.start():end], normalize(value * factor), unit or "count",
                              "scientific"))
    return found


@dataclass(frozen=True)
class _MRules:
    after: re.Pattern[str]
    before: re.Pattern[str]
    stop: re.Pattern[str]  # a function word or a number: the noun phrase after the figure has ended
    words: re.Pattern[str]
    determiner: re.Pattern[str]


@cache
def _m_rules() -> _MRules:
    rules = lexicon().numbers["m_suffix"]
    cardinals = alternation(lexicon().numbers["cardinal_words"], boundary=False)
    return _MRules(
        after=re.compile(r"[\s-]+" + alternation(rules["length_after"], boundary=False) + r"\b", re.IGNORECASE),
        before=re.compile(r"\b" + alternation(rules["length_before"], boundary=False) + r"\s+(?:about\s+|some\s+|"
                          r"nearly\s+|almost\s+|over\s+|just\s+)?$", re.IGNORECASE),
        stop=re.compile(r"\s+(?:" + alternation(rules["function_words"], boundary=False) + rf"|{cardinals}|\d)\b",
                        re.IGNORECASE),
        words=re.compile(alternation(rules["length_words"]), re.IGNORECASE),
        determiner=re.compile(r"\b" + alternation(rules["determiners_before"], boundary=False) + r"\s+$",
                              re.IGNORECASE))


_WORD_AFTER = re.compile(r"[\s-]+([A-Za-z][\w'’]*)")
_JOINED_M = re.compile(r"\s*(?:and|or|to|-|–)\s*(?P<number>\d[\d,]*(?:\.\d+)?)m\b")
_BRACKETED_LENGTH = re.compile(r"\s*\(\s*[\d.,]+\s?(?:ft|feet|in|inches|yd|yards|mi|miles|km|cm|mm)\b")
_MONEY_BEFORE = re.compile(r"(?:[£$€¥]\s?\d[\d,.]*\s?(?:bn|m|k)?|\d\s?(?:bn|million|billion|trillion))\b[^.;]{0,24}$")
_MONEY_OR_SCALE = re.compile(r"[£$€¥]\s?\d|\d\s?(?:bn|billion|million|trillion)\b|\beuros?\b|\bdollars?\b|\bpounds\b")


def _m_is_metres(text: str, start: int, number_end: int, end: int) -> bool:
    """Whether an ``m`` after a number with no currency before it means metres, not million.

    Money settles it first (``650m euros``, ``£3m to 5m``), then a length word just before it
    (``jumped 8.95m``) or the words after it: a length word (``6,000m deep``, ``the 100m
    final``) makes it metres, a plural noun (``4m DS consoles``, ``1.6m Muslims``) million.
    Still undecided, a sentence about money reads million, and a figure after ``the`` or in a
    sentence about lengths metres. The rules and their words are in ``m_suffix`` of
    ``data/numbers.json``.
    """
    rules = _m_rules()
    if text[end : end + 1] == "/":
        return True  # "17m/s": a speed
    if _money_after(text, end) or _MONEY_BEFORE.search(text, max(0, start - 40), start):
        return False
    if _BRACKETED_LENGTH.match(text, end) or rules.before.search(text, max(0, start - 40), start):
        return True
    position = end
    for _ in range(3):
        if rules.after.match(text, position):
            return True
        word = _WORD_AFTER.match(text, position)
        if word is None or rules.stop.match(text, position):
            break
        if _plural(word.group(1)):
            return False  # a count: "4m DS consoles", "1.4m cash machines"
        position = word.end()
    if joined := _JOINED_M.match(text, end):  # "800m and 1500m champion": both alike
        return _m_is_metres(text, joined.start("number"), joined.end("number"), joined.end())
    if _MONEY_OR_SCALE.search(text[:start] + " " + text[end:]):
        return False  # "77m euros, up from 38m"
    if text[number_end] == " ":
        return False  # "5 m": rare for metres in news copy, "5 million" is spelled out
    return bool(rules.determiner.search(text, max(0, start - 20), start) or rules.words.search(text))


def _plural(word: str) -> bool:
    """Whether ``word`` reads as a plural noun: ``viewers``, ``DS``, not ``glass`` or ``bus``."""
    lower = word.lower()
    return (lower.endswith("s") and not lower.endswith(("ss", "us", "is", "'s", "’s")) and len(lower) > 2) or (
        word.isupper() and len(word) > 1)


_SCALE_ALONE = re.compile(r"(?:an?\s)?(?:hundred|thousand|million|billion|trillion)", re.IGNORECASE)


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
            if text[stop : stop + 1] == "-" and (unit is None or _SCALE_ALONE.fullmatch(text, start, stop)):
                continue  # "a billion-dollar industry": a figure of speech, no figure
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
# "half a million", "a quarter of a billion", "half million", "a quarter million": a fraction of a scale word
_OF_A_SCALE = re.compile(r"[\s-]+(?:of\s+)?(?:an?\s+)?(hundred|thousand|million|billion|trillion)\b", re.IGNORECASE)


def _day_of_a_month(text: str, start: int) -> bool:
    """Whether the number at ``start`` is the day of a date written month first ("June 4", "June 4 and 5")."""
    m = _WORD_BEFORE.search(text, max(0, start - 20), start)
    return m is not None and m.group(1).lower() in grammar_words("months")


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\.?\s(?:\d{1,2}(?:st|nd|rd|th)?\s(?:and|&|or)\s)?$")


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
        if (unit and unit not in ("percent", "percentage_point")) or fraction >= 1:
            # "one-half miles": a fraction of a unit; "three halves": a number, not a share
            found.append(Quantity(m.start(), end, text[m.start():end], normalize(fraction * factor), unit or "count",
                                  "fraction", words=True))
            continue
        found.append(Quantity(m.start(), m.end(), m.group(0), normalize((fraction * 100).quantize(Decimal("0.01"))),
                              "percent", "fraction", words=True))
    for m in _BARE_POINT.finditer(text) if "point" in text else ():
        if not any(q.start <= m.start() < q.end for q in found):
            fraction = Decimal("0.5") if m.group(0)[0] in "hH" else Decimal("0.25")
            found.append(Quantity(m.start(), m.end(), m.group(0), fraction, "percentage_point",
                                  "point_fraction", words=True))
    for m in _PERCENT_OF.finditer(text) if "cent" in text else ():
        number = _small_number(m.group("number").replace(",", ""))
        if number is not None and not _ENDS_WITH_NUMBER.search(text, max(0, m.start() - 20), m.start()):
            # "per cent of twenty-two": the share is the number after it ("40 per cent of 300" is 40 per cent)
            found.append(Quantity(m.start(), m.end(), m.group(0), normalize(number), "percent", "percent_of",
                                  words=not m.group("number")[0].isdigit()))
    ratios = p.ratio.finditer(text) if p.ratio_cue.search(fold(text)) else ()
    for m in ratios:
        if _day_of_a_month(text, m.start()):
            continue  # "on June 4 in 300 towns": the day of a date, not one in 300
        a, b = _small_number(m.group("a")), _small_number(m.group("b"))
        if a is not None and b and a <= b:  # "a rare 10 out of 10": all of it
            share = (a / b * 100).quantize(Decimal("0.01"))
            found.append(Quantity(m.start(), m.end(), m.group(0), normalize(share), "percent", "ratio",
                                  words=not m.group("a").isdigit()))
    for m in cued_matches(p.dozen, p.dozen_cue, text):
        unit, end, _ = _unit_after(text, m.end(), None)
        found.append(Quantity(m.start(), end, text[m.start():end], Decimal(lex["dozen"][m.group(0).lower()]),
                              unit or "count", "dozen", words=True))
    for m in cued_matches(p.zero, p.zero_cue, text):
        if _BUT_A_NUMBER.match(text, m.end()):
            continue  # "not one but two reports": the figure is the one after "but"
        found.append(Quantity(m.start(), m.end(), m.group(0), Decimal(0), "count", "zero", words=True))
    for m in cued_matches(p.vague, p.vague_cue, text):
        stop = m.end()
        if (again := _REPEATED.match(text, stop)) and again.group(1).lower() == m.group(0).lower():
            stop = again.end()  # "hundreds and hundreds": one vague amount
        unit, end, _ = _unit_after(text, stop, None)
        found.append(Quantity(m.start(), end, text[m.start():end], None, unit or "count", "vague",
                              vague=True, words=True))
    return found


_BUT_A_NUMBER = re.compile(r",?\s+but\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|several|many|dozens|"
                           r"hundreds|thousands)\b)", re.IGNORECASE)


def _small_number(token: str) -> Decimal | None:
    if token.replace(".", "", 1).isdigit():
        return Decimal(token)
    return words_to_number(token)


_PERCENT_OF = re.compile(r"(?<![\w-])(?:[Pp]er\s?cents?|[Pp]ercents?)\s+of\s+(?P<number>\d[\d,]*(?:\.\d+)?(?![\w,.]\d)"
                         r"|[a-z]+(?:-[a-z]+)?)\b")
_ENDS_WITH_NUMBER = re.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                               r"[a-z]+teen|[a-z]+ty|hundred|thousand|million|billion|half|quarter|third))\s*$",
                               re.IGNORECASE)


def _currency_prefix_for_words(text: str, q: Quantity) -> Quantity:
    """``£2 million`` is digits; ``£ two million`` or ``$ tens of millions`` borrow the symbol."""
    if q.unit != "count":
        return q
    before = text[max(0, q.start - 6) : q.start]
    stripped = before.rstrip()
    for length in range(min(5, len(stripped)), 0, -1):
        symbol = stripped[-length:]
        if symbol in money().symbols and (code := currency_for(symbol, text)):
            start = q.start - (len(before) - len(stripped)) - length
            return replace(q, start=start, text=text[start:q.end], unit=code)
    return q


_BETWEEN_GAP = re.compile(r"\s*and\s*")
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
            # ("16 or 32GB" are two options: the double of a figure in digits is not its neighbour)
            either = (_OR_GAP.fullmatch(gap) and q.unit == "count" and q.words == nxt.words
                      and _neighbours(_or_low(q, nxt), nxt.value, q.words))
            same_unit = q.unit == "count" or q.unit == nxt.unit
            dash = (_DASH_GAP.fullmatch(gap) and (same_unit or nxt.unit == "count")
                    and q.value < nxt.value * _scale_factor(nxt, q))  # ascending: "28-8" is a score, not a range
            # "fell by 70 per cent to 3,111" and "rose from 10 to 20" are two figures, not a range
            # ("in 2003 to 28,041": a year and a figure, not a range)
            # in ascending size too: "voted by 229 to 206", "lead by 39% to 34%" are two tallies ("-18C to -34C" is
            # a range)
            to = (_TO_GAP.fullmatch(gap) and same_unit and _year_like(q) == _year_like(nxt)
                  and abs(q.value) < abs(nxt.value * _scale_factor(nxt, q)) and not _change_then_level(text, q, nxt))
            if between or dash or to or either:
                low = q.value
                if (q.unit == "count" and nxt.unit != "count") or _scale_of(nxt, q):
                    low = _rescale(q, nxt)
                elif either:
                    low = _or_low(q, nxt)
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


def _neighbours(low: Decimal, high: Decimal, words: bool) -> bool:
    """Whether two figures joined by "or" are a range: "five or six awards" (but "16 or 32GB" are two options:
    the double of a figure in digits is not its neighbour)."""
    return low < high and (high < low * 2 or (words and high == low * 2))


def _or_low(low: Quantity, high: Quantity) -> Decimal:
    """The lower figure of "six or seven million": the scale written once applies to both."""
    assert low.value is not None
    if low.words and _SCALE_WORD.search(high.text) and not _SCALE_WORD.search(low.text):
        return _rescale(low, high)
    return low.value


def _year_like(q: Quantity) -> bool:
    return q.bare and len(q.text) == 4 and q.value is not None and 1800 <= q.value <= 2100


@cache
def _change_lead() -> re.Pattern[str]:
    # "went from", "had gone from": a level left for another, as after a verb of change (data: left_from_verbs)
    return re.compile(r"(?:\bby|\b" + alternation([*change_verbs(), *left_from_verbs()], boundary=False)
                      + r"\s+from)\s+(?:[\w$£€.,]+\s+){0,3}$")


def _change_then_level(text: str, q: Quantity, nxt: Quantity) -> bool:
    """Whether "``q`` to ``nxt``" is a change and the level it leads to, not a range: after "rose from" always
    ("rose from 10 to 20"); after a verb of change ("fell $2.86 to $41.32", "rose by 30 to 4,800") when the
    level is of another order than the change, as a range's ends are not ("grow by 3 to 5%")."""
    assert q.value is not None and nxt.value is not None
    lead = _change_lead().search(text[max(0, q.start - 40) : q.start].lower())
    if lead is not None and not lead.group(0).startswith("by"):
        return True
    if _object_changed_from().search(text[max(0, q.start - 110) : q.start].lower()):
        return True  # "increase the number of sport colleges from 350 to 400": its level before and after
    changed = lead is not None or _change_verb_before().search(text[max(0, q.start - 20) : q.start].lower()) \
        or _object_changed_before().search(text[max(0, q.start - 60) : q.start].lower())
    return bool(changed) and nxt.value >= _LEVEL_OVER_CHANGE * q.value * _scale_factor(nxt, q)


_LEVEL_OVER_CHANGE = 4


@cache
def _change_verb_before() -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(change_verbs(), boundary=False) + r"\s+(?:by\s+)?$")


@cache
def _object_changed_before() -> re.Pattern[str]:
    """A transitive verb of change and its object ("lifted interest rates 0.25% to 5.5%")."""
    verbs = alternation(list(transitive_change_verbs()), boundary=False)
    return re.compile(rf"\b{verbs}\s+(?:[a-z'’-]+\s+){{1,4}}$")


@cache
def _object_changed_from() -> re.Pattern[str]:
    """A transitive verb of change, its object and "from" ("cut the bank's stake in the venture from")."""
    verbs = alternation(list(transitive_change_verbs()), boundary=False)
    return re.compile(rf"\b{verbs}\s+(?:[\w'’-]+\s+){{1,10}}from\s+$")


def _scale_factor(high: Quantity, low: Quantity) -> Decimal:
    """How much larger ``high``'s written number is than its digits say, when ``low`` shares its scale."""
    if high.value is None or not _scale_of(high, low):
        return Decimal(1)
    digits = _WRITTEN_DIGITS.search(high.text)
    written = Decimal(digits.group(0).replace(",", "")) if digits else high.value
    return Decimal(1) / (high.value / written) if written and high.value else Decimal(1)


_WRITTEN_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALED = re.compile(r"\d\s?(?:bn|m|k|million|billion|thousand|trillion|lakh|crore)\b")
_SCALE_WORD = re.compile(r"(?:bn|m|k|million|billion|thousand|trillion|lakh|crore)\b")


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
    if "://" in text or "www." in text:  # the digits of a web address are no figures
        addresses = [m.span() for m in _ADDRESS.finditer(text)]
        candidates = [q for q in candidates if not any(s < q.end and q.start < e for s, e in addresses)]
    candidates.sort(key=lambda q: (-(q.end - q.start), q.start))
    chosen: list[Quantity] = []
    for q in candidates:
        if all(q.end <= c.start or q.start >= c.end for c in chosen):
            chosen.append(q)
    chosen.sort(key=lambda q: q.start)
    chosen = _ratings(chosen)
    if "out of" in text:
        chosen = _rating_scales(text, chosen)
    if ")" in text:
        chosen = _accounting(text, chosen)
    if len(chosen) < 2:
        return chosen
    merged = _merge_ranges(text, _merge_compound_units(text, _merge_coins(text, chosen)))
    return _elliptical_units(text, _shared_units(text, merged))


def _ratings(quantities: list[Quantity]) -> list[Quantity]:
    """``four stars`` is a rating, ``40 stars`` a crowd: above its top mark, a rating unit counts things."""
    tops = lexicon().units["ratings"]
    if not any(q.unit in tops for q in quantities):
        return quantities
    return [replace(q, unit="count") if q.unit in tops and q.value is not None and q.value > tops[q.unit] else q
            for q in quantities]


_OUT_OF = re.compile(r"\s+out\s+of\s+")


def _rating_scales(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``four stars out of five``: the top mark is the rating's scale, no figure of its own."""
    out: list[Quantity] = []
    for q in quantities:
        last = out[-1] if out else None
        if last is not None and last.unit in lexicon().units["ratings"] and q.unit == "count" and \
                _OUT_OF.fullmatch(text, last.end, q.start):
            out[-1] = replace(last, end=q.end, text=text[last.start : q.end])
            continue
        out.append(q)
    return out


_STATED_BEFORE = re.compile(r"(?:\b(?:is|was|are|were|be|been|of|at|stood\s+at|totall?ed)|:)\s*\($", re.IGNORECASE)


def _accounting(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``revenue was ($99.99)``: money in brackets, stated as the value of something, is negative.

    Brackets after another figure or a noun hold a conversion or an aside (``£5m ($8m)``,
    ``the fine (£500)``), which keep their sign.
    """
    out = []
    for q in quantities:
        if (q.value is not None and q.value > 0 and q.unit in money().all_codes and not q.is_range
                and text[q.end : q.end + 1] == ")" and _STATED_BEFORE.search(text, max(0, q.start - 16), q.start)):
            start, end = q.start - 1, q.end + 1
            q = replace(q, start=start, end=end, text=text[start:end], value=-q.value, rule="accounting")
        out.append(q)
    return out


_ADDRESS = re.compile(r"\S*(?:://|www\.)\S*")
_COIN_GAP = re.compile(r"\s*(?:,\s*|\s+and\s+|\s+)")


@cache
def _coin_end() -> re.Pattern[str]:
    return re.compile(r"[\s-]?" + alternation(list(money().subunits), boundary=False) + r"$", re.IGNORECASE)


def _merge_coins(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``3 dollars 50 cents``, ``thirteen dollars and forty-five cents``, ``£5 and 50p``: one sum of money.

    The coins belong to the currency before them, whatever currency they stand for alone.
    """
    merged: list[Quantity] = []
    for q in quantities:
        last = merged[-1] if merged else None
        if (last is not None and last.value is not None and q.value is not None and not last.is_range
                and last.unit in money().all_codes and _COIN_GAP.fullmatch(text, last.end, q.start)
                and (coin := _coin_end().search(q.text)) and (found := subunit(coin.group(0).strip(" -")))):
            count = q.value / found[1]
            if 0 < count < 100 and _whole(count) and _whole(last.value):
                value = normalize(last.value + count * found[1])
                merged[-1] = Quantity(last.start, q.end, text[last.start:q.end], value, last.unit, "coins",
                                      words=last.words and q.words)
                continue
        merged.append(q)
    return merged


@cache
def _compound_pairs() -> frozenset[tuple[str, str]]:
    return frozenset(tuple(pair.split()) for pair in lexicon().units["compound_units"]["pairs"])


_COMPOUND_GAP = re.compile(r"\s*(?:,\s*|\s+and\s+|\s+)")


def _merge_compound_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``5ft 9in``, ``7lb 6oz``, ``one minute 46.68 seconds``, ``2 hours 15 minutes and 25 seconds``: one figure in
    its smallest unit (69 in, 118 oz, 106.68 s), as a reader sums it."""
    merged: list[Quantity] = []
    for q in quantities:
        last = merged[-1] if merged else None
        if (last is not None and last.value is not None and q.value is not None and not last.is_range
                and not q.is_range and (last.unit, q.unit) in _compound_pairs() and _whole(last.value)
                and _COMPOUND_GAP.fullmatch(text, last.end, q.start)
                and (ratio := _ratio(last.unit, q.unit)) is not None and 0 <= q.value < ratio):
            value = normalize(last.value * ratio + q.value)
            merged[-1] = Quantity(last.start, q.end, text[last.start : q.end], value, q.unit, "compound_units",
                                  words=last.words and q.words)
            continue
        merged.append(q)
    return merged


def _ratio(larger: str, smaller: str) -> Decimal | None:
    """How many of unit ``smaller`` make one of ``larger`` (12 for ft and in)."""
    large, small = to_base(Decimal(1), larger), to_base(Decimal(1), smaller)
    return None if large is None or small is None or not small[0] else large[0] / small[0]


def _whole(value: Decimal) -> bool:
    return value == value.to_integral_value()


_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
_LEVEL_BEFORE = re.compile(r"\b(?:to|at)\s+$", re.IGNORECASE)  # "to 12.5 percent from 10", not "by 23% from 36,185"
_FROM_GAP = re.compile(r"\s+from\s+", re.IGNORECASE)
_TO_GAP_ONLY = re.compile(r"\s+to\s+", re.IGNORECASE)
_NOTHING_COUNTED = re.compile(r"\s*(?:$|[,;:.)]|\s(?:which|that|in|on|at|and|or|but|a|an|the|last|this|per|over|"
                              r"since|before|after|under|when|where|while|as|by)\b)", re.IGNORECASE)


_DIMENSION_GAP = re.compile(r"\s*(?:[x×*]|by|,|and|or)\s*")
_PLAIN_NUMBER = re.compile(r"\d[\d,]*(?:\.\d+)?")


def _shared_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``142.0 x 72.5 x 8.1 mm``, ``5.6 by 2.8 by 0.31 inches``: a unit written once, after the last of a run of
    bare numbers, is the unit of each (money and shares excepted: ``5 and 10%`` may be a count and a share)."""
    out = list(quantities)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if (q.unit == "count" and _PLAIN_NUMBER.fullmatch(q.text) and not nxt.is_range
                and nxt.unit not in ("count", "percent", "percentage_point") and nxt.unit not in money().all_codes
                and _DIMENSION_GAP.fullmatch(text, q.end, nxt.start)):
            out[i] = replace(q, unit=nxt.unit, bare=False)
    return out


def _elliptical_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """A bare number that states the other end of a change takes the unit written once for both.

    ``to 12.5 percent from 10``, ``from 10m euros to 3m``: the second figure, with nothing counted
    after it, is in the first one's unit; ``from 10 to 12.5 percent``: the first is in the second's.
    A change stated with ``by`` has its own unit: ``fell by 23% from 36,185``.
    """
    out = list(quantities)
    for i in range(1, len(out)):
        a, b = out[i - 1], out[i]
        if a.value is None or b.value is None or a.is_range or b.is_range:
            continue
        gap = text[a.end : b.start]
        if b.unit == "count" and a.unit != "count" and not b.words and _NOTHING_COUNTED.match(text, b.end) and (
                (_FROM_GAP.fullmatch(gap) and _LEVEL_BEFORE.search(text, max(0, a.start - 8), a.start))
                or (_TO_GAP_ONLY.fullmatch(gap) and _FROM_BEFORE.search(text, max(0, a.start - 8), a.start))):
            out[i] = replace(b, unit=a.unit, bare=False)
        elif a.unit == "count" and b.unit != "count" and a.bare and _TO_GAP_ONLY.fullmatch(gap) and \
                _FROM_BEFORE.search(text, max(0, a.start - 8), a.start):
            out[i - 1] = replace(a, unit=b.unit, bare=False)
    return out
