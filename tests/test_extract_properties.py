"""Properties of extract() that hold for any text: it never raises, every claim points back to its
words inside its sentence, and the same text gives the same claims.

Two kinds of text: arbitrary characters from a broad alphabet (digits, currency signs, punctuation,
curly quotes, newlines), and news-like text built from a small grammar of fragments (numbers as
digits and words, scales, qualifiers, units, change words, places, periods, speech, quotes).
``-m slow`` runs the same properties on many more examples.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.extract import ExtractedClaim, extract
from factcheck.extract.numbers import find_quantities

FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- arbitrary text ---------------------------------------------------------------------------------------------

ALPHABET = st.sampled_from(
    list("0123456789") * 3
    + list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
    + list("£$€¥%.,;:!?-–—/()[]'\"“”‘’…&+*#@ \n\t\u00a0")
    + list("٣１²½⅓−×")  # other digits, fractions and signs
    + [" "] * 8
)
ARBITRARY = st.one_of(
    st.text(ALPHABET, max_size=200),
    st.text(max_size=80),  # anything at all, including surrogates' neighbours and control characters
)

# --- news-like text -------------------------------------------------------------------------------------------

DIGITS = st.one_of(
    st.integers(0, 10_000_000).map(str),
    st.integers(1_000, 10_000_000).map("{:,}".format),
    st.decimals(0, 1000, places=2, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["2015", "2015/16", "2006-7", "1990s", "10-20", "3-1", "1/4", "020 7946 0958", "24/7", "0"]),
)
WORDS = st.sampled_from([
    "one", "two", "twenty-one", "a hundred", "two and a half", "a dozen", "half", "a third", "two-thirds",
    "one in five", "hundreds", "tens of thousands", "no one", "nobody", "none of", "zero", "a million",
    "Three", "Six", "One",
])
SCALE = st.sampled_from(["", "", " million", "m", "bn", " billion", "k", " thousand", " trillion", "M", "B"])
CURRENCY = st.sampled_from(["", "", "", "£", "$", "€", "US$", "GBP ", "USD "])
UNIT = st.sampled_from([
    "", "", "", "%", " per cent", " percent", " percentage points", "pp", " basis points", " people",
    " officers", " km", " miles", " tonnes", "kg", " degrees Celsius", " pounds", " dollars", " euros", "p",
    " years", " months", "-year-old", " o'clock", "am", " pm", " times",
])
QUALIFIER = st.sampled_from([
    "", "", "", "about ", "around ", "almost ", "nearly ", "more than ", "over ", "at least ", "up to ",
    "less than ", "just under ", "an estimated ", "some ", "between ",
])
NUMBER = st.one_of(
    st.tuples(QUALIFIER, CURRENCY, DIGITS, SCALE, UNIT).map("".join),
    st.tuples(QUALIFIER, WORDS, UNIT).map("".join),
)
FRAGMENT = st.one_of(
    NUMBER,
    st.sampled_from([
        "fell by", "rose to", "was cut by", "an extra", "a loss of", "down", "up", "and", "to", "from",
        "in Scotland", "in London", "across England and Wales", "in the US", "Islington", "France",
        "since 2010", "in 2015/16", "in the ten years to 2016/17", "last year", "on May 3", "at 10.30am",
        "the number of", "police officers", "homicide cases", "funding", "jobs", "Windows 7", "Channel 4",
        "COVID-19", "G8", "the Six Nations", "one too many", "one of the", "the two men", "half-time", "top 10",
        "said Jane Smith", "Mr Hunt said", "according to the Office for National Statistics", "he added",
        "1.", "(", ")", ",", ";", ":", "–", "-", "/", '"', "“", "”", "‘", "’", ".", "!", "?", "\n", "\n\n", "*",
    ]),
)
NEWSLIKE = st.lists(FRAGMENT, max_size=30).map(" ".join)
GLUED = st.lists(FRAGMENT, max_size=12).map("".join)  # fragments without the spaces between them
TEXTS = st.one_of(ARBITRARY, NEWSLIKE, GLUED)


# --- the properties -------------------------------------------------------------------------------------------

def _check_claim(text: str, c: ExtractedClaim) -> None:
    assert text[c.start : c.end] == c.mention, (c.start, c.end, c.mention)
    assert c.sentence_start <= c.start < c.end <= c.sentence_end, c
    assert text[c.sentence_start : c.sentence_end] == c.sentence, c
    assert c.mention in c.sentence
    assert c.qualifier in ("exact", "approx", "lower_bound", "upper_bound")
    assert c.change in (None, "increase", "decrease")
    if c.low is not None and c.high is not None:
        assert c.low <= c.high, c


def _check(text: str) -> None:
    claims = extract(text)
    assert isinstance(claims, list)
    for c in claims:
        _check_claim(text, c)
    assert [c.start for c in claims] == sorted(c.start for c in claims), "claims are in document order"
    assert extract(text) == claims, "extraction is deterministic"


def _check_quantities(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
        assert q.start < q.end


@FAST
@given(TEXTS)
def test_extract_properties(text: str) -> None:
    _check(text)


@FAST
@given(TEXTS)
def test_find_quantities_spans(text: str) -> None:
    _check_quantities(text)


@FAST
@given(st.lists(NEWSLIKE, min_size=1, max_size=4))
def test_claims_are_found_in_longer_documents(paragraphs: list[str]) -> None:
    _check("\n\n".join(paragraphs))


@pytest.mark.slow
@SLOW
@given(TEXTS)
def test_extract_properties_slow(text: str) -> None:
    _check(text)
    _check_quantities(text)


# --- crashes the properties found -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["10000000000000000000000000000", "10000000000000000 trillion"])
def test_figure_of_10_to_the_28_does_not_crash(text: str) -> None:
    _check_claims_of(text)


def _check_claims_of(text: str) -> None:
    for c in extract(text):
        _check_claim(text, c)
