"""Currencies and units: what a symbol or a name stands for, and how figures in two units compare.

Three data files hold what this module knows:

* ``data/currencies.json``, generated from CLDR by :mod:`factcheck.extract.build_tables`:
  ISO 4217 codes, English names, symbols, the names and symbols several currencies
  share, and the country words that settle which one is meant;
* ``data/unit_table.json``, generated with pint: each unit symbol's dimension and its
  factor (and offset) to the dimension's base unit;
* ``data/units.json``: the rules neither source settles (money's ``aliases``,
  ``subunits``, ``defaults``...).

A name or symbol that several current currencies share (``dollars``, ``pesos``, ``kr``)
is read as the currency of a country its sentence names (``Canada``, ``Swedish``), and
otherwise as its default (``USD``, ``MXN``, ``SEK``). A bare ``$`` is CLDR's English
choice, ``USD``, whatever the sentence: international copy writes other dollars with
their prefix (``C$``, ``A$``).

>>> currency_for("dollars", "Canada will spend 40bn dollars."), currency_for("dollars", "It cost 5 dollars.")
('CAD', 'USD')
>>> comparable(Decimal("142"), "mm", Decimal("5.6"), "in")
(Decimal('0.142'), Decimal('0.14224'))
>>> comparable(Decimal("10"), "GBP", Decimal("12"), "EUR") is None
True
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from factcheck.extract.lexicon import alternation
from factcheck.resources import data_dir

_SPACES = re.compile(r"\s+")


def _load(name: str) -> dict[str, Any]:
    with open(data_dir() / name, encoding="utf-8") as handle:
        return json.load(handle)


def name_key(written: str) -> str:
    """A currency name as the lexicon files it: lower case, single spaces (``Australian  Dollars`` → ...)."""
    return _SPACES.sub(" ", written.strip().lower())


@dataclass(frozen=True)
class Money:
    """The currency lexicon: CLDR's tables with the rules of ``data/units.json`` applied."""

    codes: frozenset[str]  # current ISO codes, read as codes
    word_codes: frozenset[str]  # codes that are also words ("TOP", "COP"): read only where unambiguous
    symbols: dict[str, str]  # symbol, as written → code ("" where ambiguous)
    names: dict[str, str]  # lower-cased name → code ("" where ambiguous)
    subunits: dict[str, tuple[str, Decimal]]  # lower-cased coin name → (currency when none is written, share)
    ambiguous: dict[str, tuple[str, ...]]  # ambiguous name or symbol → the currencies that have it
    defaults: dict[str, str]  # ambiguous name or symbol → its default currency
    cues: dict[str, frozenset[str]]  # country or nationality word → the currencies it points to
    all_codes: frozenset[str]  # current and historical currencies (these read by name only)


_LETTERS_ONLY = re.compile(r"[A-Za-z.]+")


@cache
def money() -> Money:
    """The currency lexicon, loaded once."""
    cldr = _load("currencies.json")
    rules = _load("units.json")["money"]
    allowed = set(rules["letter_symbols"])

    def readable(symbol: str) -> bool:  # "FC", "KM", "Le" are too often something else
        return not _LETTERS_ONLY.fullmatch(symbol) or symbol in allowed

    symbols = {s: c for s, c in cldr["symbols"].items() if readable(s)}
    symbols.update({s: "" for s in cldr["ambiguous_symbols"] if readable(s)})
    excluded = set(rules["not_currency_words"])
    names = {n: c for n, c in cldr["names"].items() if n not in excluded}
    names.update({n: "" for n in cldr["ambiguous_names"] if n not in excluded})
    ambiguous = {form: tuple(codes) for form, codes in {**cldr["ambiguous_names"], **cldr["ambiguous_symbols"]}.items()}
    defaults = dict(rules["defaults"])
    for variant, standard in rules["spellings"].items():  # "roubles" is read as "rubles", "russian roubles" too
        word = re.compile(rf"\b{re.escape(standard)}\b")
        for name, code in list(names.items()):
            if word.search(name):
                names[word.sub(variant, name)] = code
        if standard in ambiguous:
            ambiguous[variant] = ambiguous[standard]
            defaults.setdefault(variant, defaults[standard])
    for alias, code in rules["aliases"].items():
        if alias.islower():
            names[alias] = code
        else:
            symbols[alias] = code
    current = frozenset(code for code, now in cldr["codes"].items() if now)
    return Money(codes=current, word_codes=frozenset(rules["codes_also_words"]), symbols=symbols, names=names,
                 subunits={k: (code, Decimal(share)) for k, (code, share) in rules["subunits"].items()},
                 ambiguous=ambiguous, defaults=defaults,
                 cues={cue: frozenset(codes) for cue, codes in cldr["cues"].items()},
                 all_codes=frozenset(cldr["codes"]))


def is_money(unit: str) -> bool:
    """Whether a claim's unit is a currency (an ISO 4217 code, current or historical), not a unit like GB or MW."""
    return unit in money().all_codes


@cache
def _cue_pattern() -> re.Pattern[str]:
    return re.compile(alternation(list(money().cues)))


def currency_for(form: str, sentence: str) -> str | None:
    """The ISO code that a currency symbol, code or name ``form`` stands for in ``sentence``, or ``None``.

    >>> currency_for("kr", "In Norway a beer costs 90 kr."), currency_for("C$", ""), currency_for("usd", "")
    ('NOK', 'CAD', 'USD')
    """
    lex = money()
    code = lex.symbols.get(form)
    key = form
    if code is None:
        key = name_key(form)
        code = lex.names.get(key)
    if code is None:
        upper = form.upper()
        return upper if upper in lex.codes else None
    return code or _settle(key, sentence)


def _settle(form: str, sentence: str) -> str | None:
    """An ambiguous name or symbol: the currency of a country the sentence names, else the default."""
    lex = money()
    candidates = set(lex.ambiguous.get(form, ()))
    named: set[str] = set()
    for m in _cue_pattern().finditer(sentence):
        named |= lex.cues[m.group(0)] & candidates
    current = named & lex.codes
    if len(current) == 1:
        return next(iter(current))
    if not current and len(named) == 1:
        return next(iter(named))  # "France ... 10bn francs": the French franc
    return lex.defaults.get(form)


def country_currency(cue: str) -> str | None:
    """The one currency in use in a country, or of its people, as CLDR names them (``Canadian`` → ``CAD``);
    ``None`` when there are several or none."""
    codes = money().cues.get(cue, frozenset())
    current = codes & money().codes
    return next(iter(current)) if len(current) == 1 else None


def subunit(form: str) -> tuple[str, Decimal] | None:
    """A coin's currency (when no other is written) and its share of it: ``pence`` → ``('GBP', 0.01)``."""
    return money().subunits.get(name_key(form))


# --- units ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dimension:
    """What a unit measures and how it converts to that dimension's base unit: ``base = value * factor + offset``."""

    name: str
    factor: Decimal
    offset: Decimal = Decimal(0)


def _number(text: str) -> Decimal:
    numerator, _, denominator = text.partition("/")
    return Decimal(numerator) / Decimal(denominator) if denominator else Decimal(numerator)


@cache
def _dimensions() -> dict[str, Dimension]:
    table = _load("unit_table.json")["units"]
    found = {symbol: Dimension(row["dimension"], _number(row["factor"]), _number(row.get("offset", "0")))
             for symbol, row in table.items()}
    scales = {"count": "count", "percent": "percent", "percentage_point": "percentage point", "year": "year"}
    found.update({unit: Dimension(name, Decimal(1)) for unit, name in scales.items()})
    return found


def dimension(unit: str) -> Dimension | None:
    """The dimension of a claim's ``unit``; money is its own currency, with factor 1.

    >>> dimension("km").name, dimension("km").factor, dimension("GBP").name
    ('length', Decimal('1000'), 'money GBP')
    """
    found = _dimensions().get(unit)
    if found is None and unit in money().all_codes:
        return Dimension(f"money {unit}", Decimal(1))
    return found


def to_base(value: Decimal, unit: str) -> tuple[Decimal, str] | None:
    """``value`` in the base unit of ``unit``'s dimension, with that dimension's name; ``None`` for an unknown unit.

    >>> to_base(Decimal("5.1"), "oz")
    (Decimal('0.1445825679375'), 'mass')
    """
    found = dimension(unit)
    if found is None:
        return None
    return value * found.factor + found.offset, found.name


def comparable(value_a: Decimal, unit_a: str, value_b: Decimal, unit_b: str) -> tuple[Decimal, Decimal] | None:
    """The two figures in one unit when their units measure the same thing, else ``None``.

    ``142 mm`` and ``5.6 in`` compare as lengths, ``145 g`` and ``5.1 oz`` as masses; money
    compares only in one currency (no rate is assumed), counts only with counts, and a
    unit that is unknown only with itself.
    """
    if unit_a == unit_b:
        return value_a, value_b
    a, b = to_base(value_a, unit_a), to_base(value_b, unit_b)
    if a is None or b is None or a[1] != b[1]:
        return None
    return a[0], b[0]
