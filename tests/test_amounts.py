"""Figures in explanations are written as a journalist would write them, never in a computer's notation."""

from __future__ import annotations

import itertools
import re

import pytest

from factcheck.amounts import amount, plain
from factcheck.consistency import Located, check_document
from factcheck.crossref import Fact, explain_conflict
from factcheck.extract import extract


@pytest.mark.parametrize(("value", "unit", "written"), [
    (80_000_000, "GBP", "£80m"),
    (8e7, "GBP", "£80m"),
    (159_999_996, "GBP", "£160m"),
    (1_250_000_000, "USD", "$1.25bn"),
    (2.4e12, "USD", "$2.4tn"),
    (450_000, "EUR", "€450,000"),
    (4.5, "GBP", "£4.50"),
    (-3_000_000, "GBP", "-£3m"),
    (2_000_000, "CHF", "CHF 2m"),
    (300_000_000, "CAD", "CA$300m"),
    (80_000_000, "count", "80,000,000"),
    (8e7, None, "80,000,000"),
    (159_999_996, "count", "159,999,996"),
    (0.1 + 0.2, "count", "0.3"),
    (12.5, "percent", "12.5%"),
    (1.5, "percentage_point", "1.5 points"),
    (42_195, "m", "42,195 m"),
])
def test_amounts_as_written_in_news(value: float, unit: str | None, written: str) -> None:
    assert amount(value, unit) == written


@pytest.mark.parametrize("value", [1e-7, 8e7, 1.5e15, 123456789012, 0.5, 7])
def test_plain_numbers_have_no_exponent(value: float) -> None:
    assert "e" not in plain(value).lower()


_ids = itertools.count(1)


def _located(text: str, document_id: int = 1) -> list[Located]:
    out = []
    for c in extract(text):
        fact = Fact(id=next(_ids), document=f"doc{document_id}.txt", document_id=document_id, mention=c.mention,
                    value=c.value, low=float(c.low) if c.low is not None else None,
                    high=float(c.high) if c.high is not None else None, unit=c.unit, qualifier=c.qualifier,
                    change=c.change, measure=c.measure, place=c.place, period=c.period, speaker=c.speaker,
                    kind=c.kind, period_start=c.period_start, period_end=c.period_end)
        out.append(Located(fact, c.start, c.sentence_start, c.sentence))
    return out


def test_a_change_between_large_sums_of_money_is_written_in_millions() -> None:
    claims = _located("The museum's budget rose from £80 million in 2015 to £160 million in 2020, "
                      "an increase of £60 million.")
    [found] = check_document("doc.txt", claims)
    assert "is a £80m rise" in found.explanation, found.explanation
    assert not re.search(r"\de[+-]\d", found.explanation)


def test_a_conflict_between_large_counts_gives_the_gap_in_full() -> None:
    [a] = [x.fact for x in _located("The census counted 81,500,000 residents in the country.", 1)]
    [b] = [x.fact for x in _located("The census counted 80,000,000 residents in the country.", 2)]
    explanation = explain_conflict(a, b)
    assert "they differ by 1,500,000" in explanation and not re.search(r"\de[+-]\d", explanation), explanation
