"""Dates as people and programs write them: on the command line, in front matter, in
archive exports, feeds and sitemaps.

Pure functions, no clock. A date is read as the calendar day it states, in its own
time zone: "Mon, 04 Mar 2019 23:30:00 -0500" is 4 March, not 5 March in UTC.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.errors import InputError

ACCEPTED = "2019-03-04, 4 March 2019 or March 4, 2019"

_MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"), ("october", "oct"), ("november", "nov"),
    ("december", "dec"),
), start=1) for name in names}
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))

_ISO = re.compile(r"""
    (?P<year>\d{4}) - (?P<month>\d{1,2}) - (?P<day>\d{1,2})   # 2019-03-04
    (?: [T\s] \d{1,2}:\d{2} .* )?                            # a time of day, and a zone, ignored
    """, re.VERBOSE)
_SLASHED = re.compile(r"(?P<year>\d{4})/(?P<month>\d{1,2})/(?P<day>\d{1,2})")  # 2019/03/04
_DAY_FIRST = re.compile(rf"""
    (?: [a-z]+ ,? \s+ )?                    # a weekday: Monday, Mon,
    (?P<day>\d{{1,2}}) (?:st|nd|rd|th)?     # 4, 4th
    \s+ (?:of\s+)? (?P<month>{_MONTH}) \.?  # March, Mar.
    ,? \s+ (?P<year>\d{{4}})                # 2019
    (?: \s+ \d{{1,2}}:\d{{2}} .* )?         # RFC 822 feeds: 10:00:00 GMT
    """, re.VERBOSE | re.IGNORECASE)
_MONTH_FIRST = re.compile(rf"""
    (?: [a-z]+ ,? \s+ )?                    # a weekday: Monday,
    (?P<month>{_MONTH}) \.? \s+             # March, Mar.
    (?P<day>\d{{1,2}}) (?:st|nd|rd|th)? ,?  # 4, 4th,
    \s+ (?P<year>\d{{4}})                   # 2019
    (?: ,? \s+ (?:at\s+)? \d{{1,2}}[:.]\d{{2}} .* )?  # a time of day
    """, re.VERBOSE | re.IGNORECASE)


def parse_date(value: str) -> dt.date:
    """The calendar day that ``value`` states; InputError naming the accepted forms when it states none.

    >>> [parse_date(s).isoformat() for s in ("2019-03-04", "4 March 2019", "March 4, 2019")]
    ['2019-03-04', '2019-03-04', '2019-03-04']
    >>> parse_date("Mon, 04 Mar 2019 23:30:00 -0500").isoformat()
    '2019-03-04'
    >>> parse_date("2019-03-04T23:30:00+01:00").isoformat()
    '2019-03-04'

    Numeric forms other than year first (04/03/2019) are refused: day and month
    cannot be told apart.
    """
    text = " ".join(value.split())
    for pattern in (_ISO, _SLASHED, _DAY_FIRST, _MONTH_FIRST):
        match = pattern.fullmatch(text)
        if match is None:
            continue
        month = match["month"]
        number = int(month) if month.isdigit() else _MONTHS[month.lower()]
        try:
            return dt.date(int(match["year"]), number, int(match["day"]))
        except ValueError:
            break  # a day the calendar does not have: 2019-02-30
    raise InputError(f"{value!r} is not a date (write it as {ACCEPTED})")


def as_date(value: object) -> dt.date | None:
    """A date from a value read from YAML or JSON: a date, a datetime (its own day), or text; None when empty.

    >>> as_date(dt.datetime(2019, 3, 4, 23, 30)), as_date(""), as_date(None)
    (datetime.date(2019, 3, 4), None, None)
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return parse_date(value) if value.strip() else None
    raise InputError(f"{value!r} is not a date (write it as {ACCEPTED})")
