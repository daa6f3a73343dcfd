"""Tables whose header states the unit of their figures: ``(EUR MILLIONS)``, ``SALES (in £m)``.

A news table often gives its figures bare and states their unit and scale once, in a header
line; the rows below are read in it. :func:`column_unit` follows a document's lines (its
sentences) one by one: a header starts a column unit, each row of cells keeps it, anything
else ends it. :func:`in_column` reads a row's bare figures in it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import cache

from factcheck.extract.lexicon import alternation, lexicon
from factcheck.extract.numbers import Quantity, normalize
from factcheck.extract.units import currency_for, money

_ONE = Decimal(1)


@dataclass(frozen=True, slots=True)
class ColumnUnit:
    """The unit and scale that a table's header states for the figures of the rows below it."""

    unit: str
    factor: Decimal
    header: bool  # the line is the header itself, which states no figure


@cache
def _column_header() -> re.Pattern[str]:
    scales = alternation([w for w in lexicon().numbers["scales"] if w.lower() not in ("k",)]
                         + ["000s", "'000s", "thousands", "billions", "trillions"], boundary=False)
    # the currency is any short run of signs and letters here; column_unit() asks the lexicon what it is
    return re.compile(
        rf"""(?:^|[^\d\n]*\s)                                    # column titles, without figures ("SALES")
        \(\s*(?:in\s+)?                                         # "(in
        (?:(?P<currency>[^\s\d()]{{1,6}}?)\s?)?                  # EUR, £, US$
        (?P<scale>{scales})?                                    # millions, m, bn
        (?:\s+of\s+(?P<named>[A-Za-z][A-Za-z ]{{1,40}}?))?       # of euros
        \s*\)\s*$""",
        re.VERBOSE | re.IGNORECASE,
    )


_HEADER_LENGTH = 60  # a header is short: a sentence that ends on "(in pounds)" is not one

# a cell: a number after two or more spaces or a tab, at the end of the line or before the next cell
_CELL = re.compile(r"(?:\s{2,}|\t)(?P<number>\d[\d,]*(?:\.\d+)?)(?=\s{2,}|\t|\s*$)", re.MULTILINE)


def column_unit(line: str, above: ColumnUnit | None) -> ColumnUnit | None:
    """The unit of the table column that ``line`` (a sentence) belongs to, if any.

    A header that states only a currency and a scale, ``(EUR MILLIONS)`` or ``SALES (in £m)``, or a
    scale spelled out, ``(millions)``, starts it; each row of cells below keeps it; anything else ends it.

    >>> header = column_unit("(US$ millions)", None); header
    ColumnUnit(unit='USD', factor=Decimal('1000000'), header=True)
    >>> column_unit("Total revenue        1,250", header).header
    False
    >>> column_unit("Height (m)", None), column_unit("Agencies (AFP)", None)
    (None, None)
    """
    if len(line) <= _HEADER_LENGTH and "(" in line and (m := _column_header().search(line)):
        written, scale = m.group("currency") or m.group("named"), m.group("scale")
        code = _header_currency(written, line) if written else None
        # a currency, or a scale spelled out: "(m)" alone may head a column of metres
        if code or (scale and not written and len(scale) > 2):
            return ColumnUnit(code or "count", _header_scale(scale) if scale else _ONE, header=True)
    if above is not None and _CELL.search(line):
        return replace(above, header=False)
    return None


def _header_currency(written: str, line: str) -> str | None:
    aliases = lexicon().units["money"]["column_header_aliases"]
    if written.upper() in money().word_codes:
        return None  # "(ALL)", "(TOP)": words, not the lek or the paʻanga
    return aliases.get(written.upper()) or currency_for(written, line)


def _header_scale(written: str) -> Decimal:
    key = written.lower().strip("'")
    if key in ("000s", "thousands"):
        return Decimal(1000)
    scales = lexicon().scales
    return scales.get(key, scales.get(key.rstrip("s"), _ONE))


def in_column(text: str, quantities: list[Quantity], column: ColumnUnit) -> list[Quantity]:
    """The figures of a table row (or of its header) read in the column's unit and scale.

    Only bare numbers in cells take it; a list number (``1.``) or a figure in the row's label does not.
    """
    if column.header:
        return []
    cells = {m.start("number") for m in _CELL.finditer(text)}
    return [replace(q, value=normalize(q.value * column.factor), unit=column.unit, bare=False, rule="column_unit")
            if q.start in cells and q.unit == "count" and q.value is not None and not q.is_range else q
            for q in quantities]
