"""Figures written for people, as a journalist would write them: ``£80m``, ``$1.2bn``, ``80,000,000``.

Never in a computer's notation (``8e+07``). Money is scaled to millions and billions;
other figures are written out in full, with thousands separators.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache

# scale words of money, largest first
_MONEY_SCALES = ((Decimal(10) ** 12, "tn"), (Decimal(10) ** 9, "bn"), (Decimal(10) ** 6, "m"))
# units shown after the figure with no space, as in "5%"
_SUFFIXES = {"percent": "%", "percentage_point": " points"}


def is_money(unit: str | None) -> bool:
    """Whether a claim's unit is money: an ISO 4217 code (three capital letters)."""
    return unit is not None and len(unit) == 3 and unit.isascii() and unit.isalpha() and unit.isupper()


@cache
def currency_symbol(code: str) -> str:
    """The symbol English news uses for a currency (CLDR's, in English): ``£``, ``$``, ``CA$``; else its code."""
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(code, locale="en")


def plain(value: float | Decimal | int) -> str:
    """A number in full with thousands separators, to twelve significant digits.

    >>> plain(8e7), plain(159999996), plain(0.1 + 0.2), plain(-2.5)
    ('80,000,000', '159,999,996', '0.3', '-2.5')
    """
    exact = Decimal(f"{float(value):.12g}") if not isinstance(value, Decimal) else value
    text = f"{exact:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def amount(value: float | Decimal | int, unit: str | None) -> str:
    """A figure with its unit: money scaled (``£80m``, ``$1.25bn``, ``€4.50``), others in full.

    >>> amount(8e7, "GBP"), amount(1_250_000_000, "USD"), amount(4.5, "EUR"), amount(30_000, "GBP")
    ('£80m', '$1.25bn', '€4.50', '£30,000')
    >>> amount(8e7, "count"), amount(12.5, "percent"), amount(3, "km"), amount(2_000_000, "CHF")
    ('80,000,000', '12.5%', '3 km', 'CHF 2m')
    """
    if is_money(unit):
        assert unit is not None
        return _money(Decimal(f"{float(value):.12g}"), unit)
    number = plain(value)
    if unit in _SUFFIXES:
        return number + _SUFFIXES[unit]
    if unit in (None, "", "count"):
        return number
    return f"{number} {unit}"


def _money(value: Decimal, code: str) -> str:
    symbol = currency_symbol(code)
    sign, size = ("-" if value < 0 else ""), abs(value)
    for scale, word in _MONEY_SCALES:
        if size >= scale:
            number = plain(round(size / scale, 2)) + word
            break
    else:
        # pence and cents as money is written: £4.50, not £4.5
        number = f"{size:,.2f}" if size != size.to_integral_value() else plain(size)
    separator = " " if symbol.isalpha() else ""  # "CHF 2m", but "£2m" and "CA$2m"
    return f"{sign}{symbol}{separator}{number}"
