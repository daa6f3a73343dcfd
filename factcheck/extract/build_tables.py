"""Build the generated tables under ``data/``: currencies from CLDR (Babel), unit conversions from pint.

    python -m factcheck.extract.build_tables           # rewrite data/currencies.json and data/unit_table.json
    python -m factcheck.extract.build_tables --check   # exit 1 when they differ from what the libraries give

Nothing here runs during extraction, which reads only the JSON files: loading Babel's
locale data for every locale takes about a second, and pint's registry a quarter of
one, far too long for each worker process. The tables are rebuilt when Babel (its CLDR
release) or pint changes, or when ``data/units.json`` lists a new unit; the files name
the versions they were built from.

**Currencies** (``currencies.json``), from CLDR as Babel ships it:

* ``codes``: the ISO 4217 code of every currency that some territory has had as legal
  tender, ``true`` when one still has it (current), ``false`` when historical;
* ``names``: each currency's English names (display name, singular and plural, lower
  case), also without ``new`` (``israeli shekels``) and as their acronym and noun
  (``cfa francs``); and the bare noun (``naira``, ``rand``) when a single currency has
  it — or a single current one (``lira``: the Turkish lira, not the Italian), or, when
  none is current, the last one in use (``pesetas``: the Spanish peseta);
* ``symbols``: every symbol of a current currency in any CLDR locale (``zł`` from
  Polish, ``kr`` from Swedish, ``S$`` from Tamil in Malaysia) that is written in Latin
  letters or currency signs and is not the code itself or a single letter (``R``,
  ``K``), or that is a single ideograph (``元``). Where several currencies share one, the English locale's choice wins
  (``$`` is USD, ``£`` GBP, ``¥`` JPY), then a dollar for a symbol with ``$`` in it
  (``C$`` is the Canadian dollar, not the Nicaraguan córdoba);
* ``ambiguous_names`` and ``ambiguous_symbols``: the names and symbols that several
  current currencies share (``dollars``, ``pesos``; ``kr``, ``Rs``), with every
  currency, current or not, that has them — to be settled by a country named nearby or
  by a default (``data/units.json``);
* ``cues``: the words that name a currency's country — CLDR's English territory names
  (``Sweden``) and the qualifiers of currency names (``Swedish``, ``Hong Kong``) — with
  the currencies each stands for, for the ambiguous names and symbols.

**Units** (``unit_table.json``), from pint: for each unit symbol of ``data/units.json``,
its dimension (``length``, ``data_rate``...), the factor to that dimension's base unit
(exact, from pint's definitions computed with fractions) and, for temperatures, the
offset. Units pint does not know (``MP``, ``ppi``, ``magnitude``) are listed in
``data/units.json`` with their dimension. Every spelled-out form of a unit that pint can
parse is checked against its symbol's dimension, so that ``kilometres`` cannot be filed
under ``kg``.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

from factcheck.resources import data_dir

CURRENCIES = "currencies.json"
UNIT_TABLE = "unit_table.json"

_BRACKETS = re.compile(r"\s*\([^)]*\)")


def _in_use() -> dict[str, bool]:
    """Every currency some territory has had as legal tender: code → still tender somewhere."""
    return {code: end is None for code, end in _last_tender().items()}


def _last_tender() -> dict[str, tuple[int, int, int] | None]:
    """Every currency some territory has had as legal tender: code → the last day it was (``None``: still is)."""
    from babel.core import get_global

    last: dict[str, tuple[int, int, int] | None] = {}
    for entries in get_global("territory_currencies").values():
        for code, _start, end, tender in entries:
            if tender:
                known = last.get(code, (0, 0, 0))
                last[code] = None if end is None or known is None else max(known, end)
    return last


def _name_forms(name: str) -> tuple[list[str], str, list[str]]:
    """A CLDR currency name's forms (lower case), its bare noun, and the words that qualify it (as written)."""
    words = _BRACKETS.sub("", name).split()
    forms = [" ".join(words).lower()]
    if "New" in words or "new" in words:  # "Israeli New Shekel" is the Israeli shekel
        forms.append(" ".join(w for w in words if w.lower() != "new").lower())
    if len(words) >= 3 and words[-2].isupper():  # "West African CFA franc": also "CFA franc"
        forms.append(" ".join(words[-2:]).lower())
    qualifiers = [w for w in words[:-1] if w.lower() != "new"]
    return forms, words[-1].lower(), qualifiers


def _usable_symbol(symbol: str, codes: dict[str, bool]) -> bool:
    """Whether a CLDR symbol can be read in English text: Latin letters and currency signs, not a code, not a
    single letter (``R``, ``K``), no space, and no letters after a leading sign (the French ``$AU``); or a
    single ideograph (``元``), which English copy about China keeps."""
    def sign(ch: str) -> bool:
        return unicodedata.category(ch) == "Sc"

    if len(symbol) == 1 and unicodedata.name(symbol, "").startswith("CJK UNIFIED IDEOGRAPH"):
        return True

    written = all(sign(ch) or ch in "./" or "LATIN" in unicodedata.name(ch, "") for ch in symbol)
    return (written and symbol not in codes and " " not in symbol and len(symbol.rstrip(".")) >= (1 if any(
        sign(ch) for ch in symbol) else 2) and not (sign(symbol[0]) and any(ch.isalpha() for ch in symbol)))


def currency_table() -> dict[str, Any]:
    """The currency lexicon, from the CLDR data that Babel ships (see the module's docstring)."""
    import babel
    from babel import Locale, localedata
    from babel.core import get_global

    english = Locale("en")
    last_tender = _last_tender()
    in_use = _in_use()
    codes = {code: current for code, current in sorted(in_use.items()) if code in english.currencies}
    plurals = english._data["currency_names_plural"]

    by_form: dict[str, set[str]] = defaultdict(set)
    by_noun: dict[str, set[str]] = defaultdict(set)
    cues: dict[str, set[str]] = defaultdict(set)
    for code in codes:
        for name in {english.currencies[code], *plurals.get(code, {}).values()}:
            forms, noun, qualifiers = _name_forms(name)
            for form in forms:
                by_form[form].add(code)
            by_noun[noun].add(code)
            if qualifiers:
                cues[" ".join(qualifiers)].add(code)

    names: dict[str, str] = {}
    ambiguous_names: dict[str, list[str]] = {}
    for form, found in sorted({**by_noun, **by_form}.items()):
        if form in by_noun and form in by_form:
            found = by_noun[form] | by_form[form]
        current = {c for c in found if codes[c]}
        if len(found) == 1 or len(current) == 1:
            names[form] = next(iter(current or found))
        elif current:
            ambiguous_names[form] = sorted(found)
        else:  # only historical currencies: the last in use ("pesetas": the Spanish peseta, to 2002)
            names[form] = max(sorted(found), key=lambda code: last_tender[code] or (9999, 0, 0))

    symbols: dict[str, set[str]] = defaultdict(set)
    for identifier in localedata.locale_identifiers():
        for code, symbol in Locale.parse(identifier).currency_symbols.items():
            if codes.get(code) and _usable_symbol(symbol, codes):
                symbols[symbol].add(code)
    english_symbols = {s: c for c, s in english.currency_symbols.items() if c in codes}
    dollars = {c for c in codes if english.currencies[c].lower().endswith("dollar")}
    chosen: dict[str, str] = {}
    ambiguous_symbols: dict[str, list[str]] = {}
    for symbol, found in sorted(symbols.items()):
        if len(found) == 1:
            chosen[symbol] = next(iter(found))
        elif symbol in english_symbols:
            chosen[symbol] = english_symbols[symbol]
        elif "$" in symbol and len(found & dollars) == 1:
            chosen[symbol] = next(iter(found & dollars))
        else:
            ambiguous_symbols[symbol] = sorted(found)

    shared = {c for found in [*ambiguous_names.values(), *ambiguous_symbols.values()] for c in found}
    for territory, name in english.territories.items():
        cues[name] |= _territory_codes(territory, shared)
    return {
        "_about": "Generated by `python -m factcheck.extract.build_tables` from CLDR (Babel): do not edit. "
                  "See that module for what each table holds and data/units.json for the rules that use it.",
        "_source": {"babel": babel.__version__, "cldr": str(get_global("cldr").get("version", ""))},
        "codes": codes,
        "names": names,
        "symbols": chosen,
        "ambiguous_names": ambiguous_names,
        "ambiguous_symbols": ambiguous_symbols,
        "cues": {cue: sorted(found) for cue, found in sorted(cues.items()) if found & shared},
    }


def _territory_codes(territory: str, shared: set[str]) -> set[str]:
    """The territory's current currencies among ``shared``, or if none, those it had (France: the franc)."""
    from babel.core import get_global

    tender = [(code, end) for code, _start, end, tender in get_global("territory_currencies").get(territory, ())
              if tender and code in shared]
    return {code for code, end in tender if end is None} or {code for code, _ in tender}


# --- units ----------------------------------------------------------------------------------------------------


def _exact(value: Fraction) -> str:
    """A fraction as an exact decimal (``0.3048``), or as ``numerator/denominator`` when it has none (``5/18``)."""
    value = Fraction(value)
    rest = value.denominator
    for prime in (2, 5):
        while rest % prime == 0:
            rest //= prime
    if rest != 1:
        return f"{value.numerator}/{value.denominator}"
    return format((Decimal(value.numerator) / Decimal(value.denominator)).normalize(), "f")


def unit_table(units: dict[str, Any]) -> dict[str, Any]:
    """Dimension, factor and offset of every unit symbol of ``units`` (the ``physical`` table of units.json)."""
    import pint

    registry = pint.UnitRegistry(non_int_type=Fraction)
    spec = units["symbols"]
    dimensions = units["dimensions"]
    table: dict[str, dict[str, str]] = {}
    for symbol in sorted(set(units["physical"].values())):
        entry = spec.get(symbol, {})
        if "dimension" in entry:  # a unit pint does not know, or one that only compares with itself
            table[symbol] = {"dimension": entry["dimension"], "factor": entry.get("factor", "1")}
            continue
        expression = entry.get("pint", symbol)
        one = registry.Quantity(Fraction(1), expression).to_base_units()
        zero = registry.Quantity(Fraction(0), expression).to_base_units()
        base = _base_name(one.units)
        if base not in dimensions:
            raise ValueError(f"{symbol!r} ({expression}) is in {base}: add that dimension to units.json")
        row = {"dimension": dimensions[base], "factor": _exact(one.magnitude - zero.magnitude)}
        if zero.magnitude:
            row["offset"] = _exact(zero.magnitude)
        table[symbol] = row
    _check_forms(registry, units, table)
    return {
        "_about": "Generated by `python -m factcheck.extract.build_tables` with pint from data/units.json: do not "
                  "edit. Each unit symbol's dimension and its factor (and offset) to the dimension's base unit: "
                  "value in base = value * factor + offset.",
        "_source": {"pint": pint.__version__},
        "units": table,
    }


def _base_name(units: Any) -> str:
    """``meter ** 2``, ``bit / second``: pint's base units as one stable string."""
    parts = sorted(units._units.items())
    return " * ".join(name if power == 1 else f"{name} ** {power}" for name, power in parts) or "dimensionless"


_PINT_SPELLING = [
    (re.compile(r"^(?:sq|square)\s+(.+)$"), r"\1 ** 2"),
    (re.compile(r"^(?:cu|cubic)\s+(.+)$"), r"\1 ** 3"),
    (re.compile(r"^(.+?)\s+(?:cubed)$"), r"\1 ** 3"),
    (re.compile(r"\s+(?:per|a|an)\s+"), " / "),
    (re.compile(r"\s+hours?$"), "_hour"),
    (re.compile(r"^degrees?\s+"), "degree_"),
    (re.compile(r"^kilos$"), "kilograms"),  # not kilo-seconds
]


def _check_forms(registry: Any, units: dict[str, Any], table: dict[str, dict[str, str]]) -> None:
    """Every spelled-out form that pint can parse has its symbol's dimension (a guard against typos)."""
    import pint

    for form, symbol in units["physical"].items():
        if len(form) <= 3 or table[symbol]["dimension"] not in set(units["dimensions"].values()):
            continue
        expression = form.lower()
        for pattern, replacement in _PINT_SPELLING:
            expression = pattern.sub(replacement, expression)
        try:
            parsed = registry.Quantity(Fraction(1), expression.replace(" ", "_").replace("_**_", " ** ")
                                       .replace("_/_", " / ")).to_base_units()
        except (pint.errors.UndefinedUnitError, pint.errors.DimensionalityError, AttributeError, TypeError,
                ValueError, AssertionError):
            continue  # a news spelling that pint does not parse ("kph"): nothing to check against
        dimension = units["dimensions"].get(_base_name(parsed.units))
        # pint splits some news spellings oddly ("kilos": kilo-seconds); only a clash between two of our
        # dimensions is taken for a mistake in units.json
        if dimension is not None and dimension != table[symbol]["dimension"]:
            raise ValueError(f"units.json files {form!r} under {symbol!r} ({table[symbol]['dimension']}), "
                             f"but pint reads it as {dimension or _base_name(parsed.units)}")


# --- the command ------------------------------------------------------------------------------------------------


def tables() -> dict[str, dict[str, Any]]:
    """Both generated tables, by file name, as they would be written."""
    with open(data_dir() / "units.json", encoding="utf-8") as handle:
        units = json.load(handle)
    return {CURRENCIES: currency_table(), UNIT_TABLE: unit_table(units)}


def _dump(table: dict[str, Any]) -> str:
    return json.dumps(table, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the generated tables into the data folder, or with ``--check`` compare them with it."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="compare instead of writing; exit 1 on a difference")
    parser.add_argument("--data", type=Path, default=data_dir(), help="the data folder (default: the package's)")
    args = parser.parse_args(argv)
    stale = []
    for name, table in tables().items():
        path = args.data / name
        text = _dump(table)
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path}", file=sys.stderr)
    if stale:
        print(f"out of date: {', '.join(stale)} (run python -m factcheck.extract.build_tables)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
