"""Figures set out as a table, whose words stand in its header and its rows' labels, not in sentences.

Two layouts turn up in news copy:

* a ranked list under a header, one line a row: a title ("TOP 10 CLUBS BY TV INCOME, SEASON
  2012-13"), column names ("CLUB   SALES") and the unit of the figures ("(EU MILLIONS)"),
  then rows ("1. Real Madrid   178");
* rows of cells, as a web page's table comes out as text: column names on one line between
  tabs ("Competition \\tAnnual cost \\tTotal cost"), then each row's label on a line of its
  own and its cells after it, one a paragraph; or, with no column names, a label and an
  empty cell (a line holding a tab alone) before its figures.

A figure on a row is the row label's (its subject), measures its column (or what the
header says the table ranks), applies over the header's period, and a bare number in it
is in the header's unit and scale ("178" in a table of EU millions is €178m).

>>> text = "TOP CLUBS BY TV INCOME, SEASON 2012-13\\n\\nCLUB      SALES\\n     (EU MILLIONS)\\n" \\
...        "1. Real Madrid   178\\n2. Barcelona     175\\n3. Juventus      154\\n"
>>> row = table_rows(text)[0]
>>> row.label, row.measure, row.period, row.unit, row.scale
('Real Madrid', 'sales', '2012-13', 'EUR', Decimal('1000000'))
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from factcheck.extract import context
from factcheck.extract.lexicon import lexicon

MIN_ROWS = 3  # a ranked list is a table from three rows on
HEADER_LINES = 5  # lines above a ranked list where its header may stand


@dataclass(frozen=True, slots=True)
class TableRow:
    """A row of a table: the document span of its cells, what its figures are of, and its column names."""

    start: int
    end: int
    label: str | None
    measure: str | None = None  # what the table's figures measure, when one column holds them
    period: str | None = None
    unit: str | None = None  # the unit of its bare numbers (an ISO code, "percent")
    scale: Decimal | None = None  # their scale (a table "in millions")
    columns: tuple[tuple[int, int, str], ...] = ()  # cells' document spans with their column names

    def column_at(self, offset: int) -> str | None:
        """The name of the column a figure at ``offset`` stands in, if known."""
        for start, end, name in self.columns:
            if start <= offset < end:
                return name
        return None


_RANKED_ROW = re.compile(r"^[ \t]*(?:\d{1,3}[.)][ \t]+)?(?P<label>[A-Za-z][^\t\n\d]*?)(?:[ \t]{2,}|\t+)"
                         r"(?P<value>[£$€]?\d[\d.,]*\s?(?:%|m|bn|k)?)[ \t]*$", re.MULTILINE)
_TAB_HEADER = re.compile(r"^[^\n\t]{2,40}(?:[ \t]*\t[ \t]*[^\n\t]{2,40}){1,6}[ \t]*$", re.MULTILINE)
_EMPTY_CELL = re.compile(r"^[ ]*\t[ \t]*$", re.MULTILINE)
_SCALE = re.compile(r"\b(?P<scale>millions?|billions?|thousands?|bn|mn|m|k)\b", re.IGNORECASE)
_BRACKETED = re.compile(r"\(([^()]{1,40})\)")


def table_rows(text: str) -> list[TableRow]:
    """The rows of every table in ``text``, in document order."""
    # a row holds a tab or two spaces running between its label and its figure
    if "\t" not in text and ("  " not in text or not _RANKED_ROW.search(text)):
        return []
    rows = _ranked_rows(text) + _cell_rows(text)
    return sorted(rows, key=lambda r: r.start)


def _ranked_rows(text: str) -> list[TableRow]:
    """Rows of ranked lists: at least :data:`MIN_ROWS` consecutive lines of a label and a figure."""
    rows: list[TableRow] = []
    run: list[re.Match[str]] = []
    for m in _RANKED_ROW.finditer(text):
        if run and text[run[-1].end() : m.start()].strip():
            rows += _ranked_table(text, run)
            run = []
        run.append(m)
    return rows + _ranked_table(text, run)


def _ranked_table(text: str, run: list[re.Match[str]]) -> list[TableRow]:
    if len(run) < MIN_ROWS:
        return []
    header = _header_above(text, run[0].start())
    unit, scale = _unit_and_scale(header)
    periods = context.find_periods(header)
    period = periods[0].text if periods else None
    measure = _ranked_measure(header)
    return [TableRow(m.start(), m.end(), m.group("label").strip(), measure, period, unit, scale) for m in run]


def _header_above(text: str, start: int) -> str:
    """The lines above a table (at most :data:`HEADER_LINES`, up to a sentence), as one text."""
    lines = text[:start].rstrip("\n").split("\n")
    taken: list[str] = []
    for line in reversed(lines[-HEADER_LINES - 2 :]):
        stripped = line.strip()
        if stripped.endswith((".", "!", "?", '"', "”")) and len(stripped) > 60:
            break  # a sentence of the article: the header is below it
        if stripped and set(stripped) - set("=-_*"):
            taken.insert(0, stripped)
        if len(taken) == HEADER_LINES:
            break
    return "\n".join(taken)


def _ranked_measure(header: str) -> str | None:
    """What a ranked list's figures measure: the name over its figures' column ("SALES"), else what its title
    ranks by ("BY TV INCOME")."""
    lines = [line for line in header.split("\n") if not _BRACKETED.fullmatch(line.strip())]
    if lines:
        columns = re.split(r"\s{2,}|\t", lines[-1].strip())
        if len(columns) >= 2 and columns[-1].replace(" ", "").isalpha():
            return columns[-1].lower()
    m = re.search(r"\bby\s([A-Za-z][A-Za-z ]{2,30}?)(?:,|$|\n)", header, re.IGNORECASE)
    return m.group(1).strip().lower() if m else None


def _unit_and_scale(header: str) -> tuple[str | None, Decimal | None]:
    """The unit and scale a header gives its figures: "(EU MILLIONS)", "(£m)", "in $bn"."""
    for m in _BRACKETED.finditer(header):
        inside = m.group(1)
        scale = _SCALE.search(inside)
        unit = _unit_in(inside)
        if unit or scale:
            return unit, _scale_of(scale.group("scale")) if scale else None
    return None, None


@cache
def _table_units() -> dict[str, str]:
    return {k: v for k, v in lexicon().grammar["table_units"].items() if not k.startswith("_")}


def _unit_in(text: str) -> str | None:
    units = _table_units()
    for token in re.findall(r"[A-Za-z]+|[£$€%]", text):
        if token in units or token.upper() in units:
            return units.get(token) or units[token.upper()]
    return None


def _scale_of(word: str) -> Decimal:
    word = word.lower()
    if word.startswith(("b", "bn")):
        return Decimal(10) ** 9
    if word.startswith("th") or word == "k":
        return Decimal(1000)
    return Decimal(10) ** 6


def _cell_rows(text: str) -> list[TableRow]:
    """Rows of a table written out cell by cell (see the module's second layout)."""
    rows: list[TableRow] = []
    for header in _TAB_HEADER.finditer(text):
        names = [c.strip().lower() for c in header.group(0).split("\t") if c.strip()]
        rows += _rows_under_columns(text, header.end(), names[1:])
    labelled = {r.start for r in rows}
    for cell in _EMPTY_CELL.finditer(text):
        row = _row_before_empty_cell(text, cell.start())
        if row is not None and row.start not in labelled:
            rows.append(row)
    return rows


_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
MAX_CELL_CHARS = 200  # a paragraph longer than this is the article again, not a cell


def _is_label(words: str) -> bool:
    """A row's label: short, no figure but in brackets, no sentence."""
    return len(words) <= 60 and not any(ch.isdigit() for ch in _BRACKETED.sub("", words)) and \
        not words.endswith((".", "!", "?", ":", '"', "”"))


def _is_cell(words: str) -> bool:
    return any(ch.isdigit() for ch in words) and len(words) <= MAX_CELL_CHARS


def _rows_under_columns(text: str, start: int, columns: list[str]) -> list[TableRow]:
    """Under column names: each row a label paragraph and then a paragraph per column after the first."""
    rows: list[TableRow] = []
    paragraphs = [(m.start(), m.end(), m.group(0).strip()) for m in _PARAGRAPH.finditer(text, start)]
    i = 0
    while i < len(paragraphs) and _is_label(paragraphs[i][2]):
        cells = []
        for p in paragraphs[i + 1 : i + 1 + len(columns)]:
            if not _is_cell(p[2]):
                break
            cells.append(p)
        if not cells:
            break
        spans = tuple((s, e, columns[k]) for k, (s, e, _) in enumerate(cells))
        periods = [m.text for _, _, words in cells for m in context.find_periods(words)]
        rows.append(TableRow(paragraphs[i][0], cells[-1][1], _label(paragraphs[i][2]),
                             period=periods[-1] if periods else None, columns=spans))
        i += 1 + len(cells)
    return rows


def _row_before_empty_cell(text: str, cell_at: int) -> TableRow | None:
    """A label on the line before an empty cell, and the paragraphs of figures after the cell."""
    line_start = text.rfind("\n", 0, max(0, cell_at - 1)) + 1
    label = text[line_start:cell_at].strip()
    if not label or not _is_label(label):
        return None
    cells = []
    for m in _PARAGRAPH.finditer(text, text.find("\n", cell_at) + 1 if "\n" in text[cell_at:] else len(text)):
        words = m.group(0).strip()
        if not _is_cell(words) or words.startswith(('"', "“")):
            break
        cells.append(m)
    if not cells:
        return None
    return TableRow(line_start, cells[-1].end(), _label(label))


def _label(words: str) -> str:
    """A row's label as its figures' holder: "NFL (American football)" → "NFL"."""
    return _BRACKETED.sub("", words).strip() or words
