"""Cross-referencing: intervals, measures and places (pure), pairs of small documents,
the seeds against the gold file, incremental links in the database, and the CLI's filters.

Facts are built by running the extractor on sentences wherever possible, so that these
tests exercise what a stored claim would really hold, not hand-written values.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from engines import engine_for
from sqlalchemy import select
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Session

from factcheck import crossref
from factcheck.crossref import (
    CROSSREF_VERSION,
    Fact,
    Figure,
    PairLink,
    blocking_keys,
    compare,
    cross_reference,
    explain_agreement,
    holder_words,
    interval,
    is_label,
    link_pairs,
    measure_key,
    place_relation,
    same_measure,
)
from factcheck.extract import extract
from factcheck.storage.engine import create_db_engine, resolve_url
from factcheck.storage.groups import load_facts
from factcheck.storage.models import ClaimKey, Link

GOLD_PATH = Path(__file__).resolve().parent / "data" / "seeds_gold.json"  # the seeds' hand annotations
GOLD: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))

_ids = itertools.count(1)


# --- helpers ----------------------------------------------------------------------------------


def facts(text: str, document_id: int) -> list[Fact]:
    """Every claim the extractor finds in ``text``, as Facts of one document with fresh ids."""
    return [
        Fact(
            id=next(_ids), document=f"doc{document_id}.txt", document_id=document_id, mention=c.mention,
            value=c.value, low=float(c.low) if c.low is not None else None,
            high=float(c.high) if c.high is not None else None, unit=c.unit, qualifier=c.qualifier,
            change=c.change, measure=c.measure, place=c.place, period=c.period, speaker=c.speaker,
            kind=c.kind, period_start=c.period_start, period_end=c.period_end, subject=c.subject,
            sentence=c.sentence,
        )
        for c in extract(text)
    ]


def one(text: str, document_id: int = 1) -> Fact:
    """The single claim in a sentence (the test's premise is checked, not assumed)."""
    found = facts(text, document_id)
    assert len(found) == 1, f"expected one claim in {text!r}, got {[f.mention for f in found]}"
    return found[0]


def measured(measure: str, document_id: int = 1) -> Fact:
    """A bare fact with only a measure, for the measure comparisons."""
    return Fact(next(_ids), f"doc{document_id}.txt", document_id, "1", None, None, None, "count", "exact",
                None, measure, None, None, None)


def statuses(*documents: str) -> set[str]:
    """The statuses of every link made between claims of the given documents (one text each)."""
    found = [facts(text, number) for number, text in enumerate(documents, start=1)]
    assert all(found), f"no claim extracted from one of {documents}"  # else "not linked" proves nothing
    return {link.status for link in link_pairs([f for fs in found for f in fs])}


# --- interval(): qualifier and rounding -----------------------------------------------------------


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("The government has cut 21,000 police officers since 2010.", 20_500, 21_500),
    ("Police recorded 20,900 officers lost since 2010.", 20_850, 20_950),
    ("The NHS received £1.2bn in extra funding.", 1.15e9, 1.25e9),
    ("Inflation was 3.2% in 2017.", 3.15, 3.25),
    ("The trust employs 437 nurses.", 436.5, 437.5),
])
def test_exact_figure_spans_its_rounding(sentence, low, high):
    span = interval(one(sentence))
    assert span is not None
    assert (span.low, span.high) == (pytest.approx(low), pytest.approx(high))


def test_lower_bound_is_open_above():
    fact = one("More than 21,000 officers have been lost since 2010.")
    assert fact.qualifier == "lower_bound"
    span = interval(fact)
    assert span is not None
    assert span.low == 21_000
    assert span.high == math.inf


def test_almost_ends_at_the_figure_and_starts_a_little_below():
    fact = one("Police officer numbers fell by almost 70 per cent.")
    assert fact.qualifier == "upper_bound"
    span = interval(fact)
    assert span is not None
    assert span.high == 70
    assert 63 <= span.low <= 65


def test_approximate_figure_spans_both_sides():
    span = interval(one("About 50,000 nurses left the NHS."))
    assert span is not None
    assert span.low <= 45_000 < 50_000 < 55_000 <= span.high


@pytest.mark.parametrize(("sentence", "low", "high"), [
    ("The number of nurses rose by between 3,000 and 5,000 in 2015.", 3_000, 5_000),
    ("The scheme cost £3m-£5m.", 3e6, 5e6),
    ("Between 10 and 15 per cent of pupils were absent in 2016.", 10, 15),
])
def test_range_is_taken_as_stated(sentence, low, high):
    span = interval(one(sentence))
    assert span is not None
    assert (span.low, span.high) == (low, high)


@pytest.mark.parametrize("sentence", ["Hundreds of officers were lost.", "Thousands of nurses have left."])
def test_vague_amount_has_no_interval(sentence):
    fact = one(sentence)
    assert fact.value is None
    assert interval(fact) is None
    assert blocking_keys(fact) == []


# --- scale ------------------------------------------------------------------------------------------

SCALES = [
    "The Treasury spent £35bn on the scheme.",
    "The Treasury spent £35 billion on the scheme.",
    "The Treasury spent 35,000 million pounds on the scheme.",
]


def test_scale_words_give_one_value_and_one_interval():
    found = [one(s, n) for n, s in enumerate(SCALES, start=1)]
    assert {(f.value, f.unit) for f in found} == {(35_000_000_000, "GBP")}
    assert len({interval(f) for f in found}) == 1


@pytest.mark.parametrize(("a", "b"), list(itertools.combinations(SCALES, 2)))
def test_scale_words_compare_as_the_same_figure(a, b):
    assert compare(one(a, 1), one(b, 2)) == "agree"


def test_millions_are_not_billions():
    assert compare(one(SCALES[0], 1), one("The Treasury spent £35 million on the scheme.", 2)) != "agree"


# --- measures by meaning -------------------------------------------------------------------------


def test_measure_key_is_singular_and_canonical():
    assert measure_key("police officers") == measure_key("officers") == {"officer"}
    assert measure_key("murders") == measure_key("people killed") == measure_key("homicide cases")
    assert "people" not in measure_key("people killed")  # too generic to identify a statistic


@pytest.mark.parametrize(("a", "b", "same"), [
    ("police officers", "officers", True),
    ("murders", "people killed", True),
    ("homicides", "homicide cases", True),
    ("Home Office funding", "Home Office funding", True),
    ("Home Office funding", "Young Londoners Fund", False),
    ("youth services", "Weapons offences", False),
    ("nurses", "teachers", False),
    ("pupils", "hospital admissions", False),
    ("PCSOs", "police community support officers", True),
    # qualifiers of one kind that differ tell two statistics apart, even beside a qualifier they share
    pytest.param("domestic TV rights", "overseas TV rights", False, id="domestic-and-overseas-rights"),
    pytest.param("radio audience", "TV audience", False, id="radio-and-tv-audiences"),
    pytest.param("next pay deal", "current pay deal", False, id="the-next-and-the-current-deal"),
    # qualifiers of different kinds do not
    pytest.param("next TV deal", "domestic contract", True, id="a-next-tv-deal-is-a-domestic-contract"),
    pytest.param("online sales", "domestic sales", True, id="online-and-domestic-sales"),
    # words of no kind that share nothing still do
    pytest.param("chip sales", "phone sales", False, id="chips-and-phones"),
    # a verb of trade or making is no head, and tells counts apart only from another such verb
    pytest.param("copies sold", "copies", True, id="copies-sold-are-copies"),
    pytest.param("tickets sold", "copies sold", False, id="tickets-sold-are-no-copies-sold"),
    pytest.param("homes built", "homes sold", False, id="homes-built-are-no-homes-sold"),
    # what a measure is of, after "from", is no head: "the death toll from the floods" counts deaths
    pytest.param("death toll from the floods", "death toll", True, id="a-death-toll-from-floods"),
])
def test_same_measure_by_meaning(a, b, same):
    assert same_measure(measured(a), measured(b)) is same
    assert same_measure(measured(b), measured(a)) is same



@pytest.mark.parametrize(("a", "b", "same"), [
    pytest.param("police community support officers", "police officers", False, id="pcsos-are-not-officers"),
    pytest.param("nursing homes", "nurses", False, id="nursing-homes-are-not-nurses"),
    pytest.param("Hospital waiting lists", "Waiting lists", True, id="capital-at-sentence-start"),
    pytest.param("Pupil numbers", "Student numbers", True, id="capitalised-synonyms"),
])
def test_same_measure_regressions(a, b, same):
    assert same_measure(measured(a), measured(b)) is same


# --- places ----------------------------------------------------------------------------------------

NESTED = ["Islington", "London", "England", "England and Wales", "UK"]


@pytest.mark.parametrize(("a", "b"), [("London", "London"), ("UK", "United Kingdom"), ("Britain", "UK"),
                                      ("Scotland", "Scotland")])
def test_place_same(a, b):
    assert place_relation(a, b) == "same"


@pytest.mark.parametrize(("inner", "outer"), list(itertools.combinations(NESTED, 2)))
def test_place_nested_both_ways(inner, outer):
    assert place_relation(inner, outer) == "nested"
    assert place_relation(outer, inner) == "nested"


@pytest.mark.parametrize(("a", "b"), [("France", "Germany"), ("Scotland", "England"), ("Glasgow", "London"),
                                      ("Islington", "Scotland")])
def test_place_different(a, b):
    assert place_relation(a, b) == "different"
    assert place_relation(b, a) == "different"


@pytest.mark.parametrize(("a", "b"), [(None, "London"), ("London", None), (None, None),
                                      ("the country", "England"), ("England", "the region")])
def test_place_unknown(a, b):
    assert place_relation(a, b) == "unknown"


# --- pairs of small documents ------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "b"), [
    pytest.param("Labour pledged 20,000 extra police officers.",
                 "The number of police officers fell by 20,000.", id="pledge-vs-fall"),
    pytest.param("Spending on youth services fell by 70 per cent.",
                 "Weapons offences fell by 70 per cent.", id="same-percent-other-measure"),
    pytest.param("In 2015 there were 120,000 police officers in England.",
                 "In 2018 there were 120,000 police officers in England.", id="other-year-same-figure"),
    pytest.param("In 2015 the NHS employed 300,000 nurses in England.",
                 "In 2018 the NHS employed 330,000 nurses in England.", id="other-year-other-figure"),
    pytest.param("The council cut 300 officers in Islington.",
                 "The government cut 21,000 officers in England.", id="borough-vs-country"),
    pytest.param("Over 300 officers were cut in Islington.",
                 "The government cut 21,000 officers in England.", id="borough-bound-vs-country"),
    pytest.param("Nearly 300 officers were cut in Islington.",
                 "Over 21,000 officers were cut in England.", id="borough-vs-country-no-conflict"),
    pytest.param("There are 21,000 officers in France.",
                 "There are 21,000 officers in Germany.", id="different-countries"),
    pytest.param("Unemployment rose by 2 percentage points.",
                 "Unemployment rose by 2 per cent.", id="points-vs-percent"),
    pytest.param("Unemployment rose to 2 per cent.",
                 "Unemployment rose by 2 per cent.", id="level-vs-change"),
    pytest.param("Inflation was 3.2% in 2017.",
                 "Unemployment was 3.2% in 2017.", id="economy-other-measure"),
    pytest.param("The number of teachers in England fell by 5,000.",
                 "The number of nurses in England fell by 5,000.", id="teachers-vs-nurses"),
    pytest.param("School funding was cut by £500 million.",
                 "Police funding was cut by £500 million.", id="school-vs-police-funding"),
    # a moment inside a trading day is not the day's close
    pytest.param("Shares in Harwick Foods were up 6% by noon on Tuesday.",
                 "Shares in Harwick Foods closed up 4.5% on Tuesday.", id="intraday-vs-close"),
    pytest.param("The pound was at $1.31 by 1030 GMT on Friday.",
                 "The pound ended Friday at $1.28.", id="clock-time-vs-close"),
    # two forecasters' estimates, or forecasts whose forecaster is unknown, differ as forecasters do
    pytest.param("The IMF forecasts that Kenya's economy will grow by 5% in 2026.",
                 "The World Bank forecasts that Kenya's economy will grow by 3.5% in 2026.",
                 id="two-forecasters"),
    pytest.param("The deficit is projected to reach $427bn in 2026.",
                 "Past forecasts said there would be a $348bn deficit in 2026.", id="forecasters-unknown"),
])
def test_never_linked(a, b):
    assert statuses(a, b) == set()


@pytest.mark.parametrize(("a", "b"), [
    pytest.param("The government has cut 21,000 police officers since 2010.",
                 "Police recorded 20,900 officers lost since 2010.", id="rounded-vs-precise"),
    pytest.param("The government has cut 21,000 police officers since 2010.",
                 "More than 21,000 officers have been lost since 2010.", id="exact-vs-lower-bound"),
    pytest.param("The NHS received £1.2bn in extra funding.",
                 "The NHS received £1,200 million in extra funding.", id="bn-vs-million"),
    pytest.param("Inflation rose to 3.2 per cent in 2017.", "Inflation was 3.2% in 2017.", id="economy"),
    pytest.param("The number of teachers in England fell by 5,000.",
                 "There are 5,000 fewer teachers in England.", id="schools"),
    pytest.param("Murders in London rose to 50 in 2018.",
                 "In 2018, 50 people were killed in London.", id="murders-vs-people-killed"),
    pytest.param("There are 21,000 officers in Islington.",
                 "There are 21,000 officers in England.", id="nested-identical-figure"),
])
def test_agree(a, b):
    assert statuses(a, b) == {"agree"}


@pytest.mark.parametrize(("a", "b"), [
    pytest.param("Nearly 20,000 police officers have been lost since 2010.",
                 "Over 21,000 officers have been cut since 2010.", id="nearly-vs-over"),
    pytest.param("In 2017 the NHS employed 312,000 nurses in England.",
                 "In 2017 the NHS employed 287,000 nurses in England.", id="health"),
    pytest.param("In 2017 there were 300,000 nurses in England.",
                 "In 2017 there were 240,000 nurses in England.", id="health-rounded"),
    pytest.param("The Treasury forecasts that Kenya's economy will grow by 5% in 2026.",
                 "The Treasury forecasts that Kenya's economy will grow by 3.5% in 2026.", id="one-forecaster"),
])
def test_conflict(a, b):
    assert statuses(a, b) == {"conflict"}


def test_a_larger_difference_is_still_a_conflict():
    assert statuses("In 2017 there were 300,000 nurses in England.",
                    "In 2017 there were 200,000 nurses in England.") == {"conflict"}


def test_nested_places_never_agree_on_different_figures():
    borough = one("There are 2,100 officers in Islington.", 1)
    for n, sentence in enumerate(["There are 2,100 officers in Islington.", "There are 2,100 officers in London."],
                                 start=2):
        assert compare(borough, one(sentence, n)) == "agree"  # the identical figure may agree
    for n, sentence in enumerate(["There are 2,000 officers in London.", "There are 2,150 officers in England."],
                                 start=4):
        assert compare(borough, one(sentence, n)) is None


@pytest.mark.parametrize(("a", "b"), [
    pytest.param("Waiting lists grew by 2 million in 2017.", "Waiting lists grew by 2.1 million in 2017.",
                 id="digits"),
    pytest.param("Waiting lists grew by two million in 2017.", "Waiting lists grew by 2.1 million in 2017.",
                 id="number-words-have-rounding-too"),
    pytest.param("Fewer than 1,000 nurses work in Scotland.", "There are 400 nurses in Scotland.",
                 id="fewer-than-is-a-bound"),
    pytest.param("Up to 1,000 nurses work in Scotland.", "There are 400 nurses in Scotland.",
                 id="up-to-is-a-bound"),
])
def test_figures_that_can_both_hold_do_not_conflict(a, b):
    assert "conflict" not in statuses(a, b)


def test_teacher_numbers_are_not_nurse_numbers():
    assert statuses("Teacher numbers fell by 5,000 in England.", "Nurse numbers fell by 5,000 in England.") == set()


def test_pcso_cut_is_not_an_officer_cut():
    assert statuses("The number of police community support officers fell by 40 per cent.",
                    "The number of police officers fell by 40 per cent.") == set()


def test_one_document_links_a_figure_it_repeats_and_never_conflicts_with_itself():
    text = ("The government has cut 21,000 police officers since 2010. Police recorded 21,000 officers lost "
            "since 2010. Nearly 20,000 police officers have been lost since 2010.")
    own = facts(text, 1)
    assert len(own) == 3
    repeated = [PairLink(own[0].id, own[1].id, "agree")]
    assert link_pairs(own) == repeated  # the headline's figure and the body's are one statistic
    assert link_pairs(own, own) == repeated  # candidates that are the new claims themselves
    assert all(compare(f, f) is None for f in own)
    assert cross_reference(own) == ([], [])  # a group spans two documents at least


def test_one_document_tells_two_of_its_figures_apart():
    text = "Sky will show 126 matches a season, up from 116 matches a season under the current deal."
    own = facts(text, 1)
    assert [f.value for f in own] == [126, 116]
    assert link_pairs(own) == []


def test_incremental_links_equal_links_from_scratch():
    first = facts("The government has cut 21,000 police officers since 2010. "
                  "The NHS received £1.2bn in extra funding.", 1)
    second = facts("Nearly 20,000 police officers have been lost since 2010. "
                   "The NHS received £1,200 million in extra funding.", 2)
    third = facts("More than 21,000 officers have been lost since 2010.", 3)
    scratch = {(x.a, x.b, x.status) for x in link_pairs(first + second + third)}
    step = {(x.a, x.b, x.status) for x in link_pairs(second, first)}
    step |= {(x.a, x.b, x.status) for x in link_pairs(third, first + second)}
    assert scratch == step
    assert {s for _, _, s in scratch} == {"agree", "conflict"}


def test_cross_reference_groups_span_documents():
    every = (facts("The government has cut 21,000 police officers since 2010.", 1)
             + facts("Police recorded 20,900 officers lost since 2010.", 2)
             + facts("More than 21,000 officers have been lost since 2010.", 3)
             + facts("Nearly 20,000 police officers have been lost since 2010.", 4))
    agreements, contradictions = cross_reference(every)
    # 21,000 and "more than 21,000" agree; 20,900 agrees with 21,000 but conflicts with the bound,
    # so it is not put in their group
    assert [sorted(f.document_id for f in g.claims) for g in agreements] == [[1, 3]]
    conflicting = {frozenset(f.document_id for f in g.claims) for g in contradictions}
    # 20,900 is not "more than 21,000"
    assert conflicting == {frozenset({4, 1}), frozenset({4, 3}), frozenset({4, 2}), frozenset({2, 3})}
    for g in contradictions:
        assert "figures that cannot both hold" in g.explanation


def test_an_agreement_group_holds_no_contradiction():
    every = (facts("The government has cut 21,000 police officers since 2010.", 1)
             + facts("Police recorded 20,900 officers lost since 2010.", 2)
             + facts("More than 21,000 officers have been lost since 2010.", 3))
    agreements, contradictions = cross_reference(every)
    conflicting = {frozenset(f.id for f in g.claims) for g in contradictions}
    assert conflicting
    for group in agreements:
        pairs = {frozenset(p) for p in itertools.combinations([f.id for f in group.claims], 2)}
        assert not pairs & conflicting


# --- seeds against the gold file ----------------------------------------------------------------


def _json(result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    return GOLD


def _locate(text: str, mention: str, context: str | None) -> tuple[int, int]:
    """A gold claim's span, found as the scorer finds it: a unique context, then the mention inside."""
    ctx = context or mention
    i = text.find(ctx)
    assert i >= 0 and text.find(ctx, i + 1) < 0, f"gold context not unique: {ctx!r}"
    j = text.find(mention, i)
    assert j >= 0 and j + len(mention) <= i + len(ctx)
    return j, j + len(mention)


@pytest.fixture(scope="module")
def seeds(invoke, seeded_template, seeds_dir, gold, copy_database) -> dict[str, Any]:
    """The seeds' claims, groups and the map from gold claim keys to our claim ids.

    Read once per module from one copy of the seeded template (what ``seeded_db`` is per
    test); the tests that use it only read.
    """
    seeded_db = copy_database(seeded_template, "crossref")
    claims = _json(invoke(seeded_db, "claims", "--format", "json"))
    names = gold["documents"]
    by_doc: dict[str, list[dict[str, Any]]] = {}
    for c in claims:
        for key, name in names.items():
            if Path(c["document"]).name == name:
                by_doc.setdefault(key, []).append(c)
    ids: dict[str, int] = {}
    for g in gold["claims"]:
        text = (seeds_dir / names[g["doc"]]).read_text(encoding="utf-8-sig")
        start, end = _locate(text, g["mention"], g.get("context"))
        overlapping = [(min(end, c["end"]) - max(start, c["start"]), c["id"]) for c in by_doc.get(g["doc"], [])
                       if min(end, c["end"]) > max(start, c["start"])]
        if overlapping:
            ids[g["key"]] = max(overlapping)[1]
    return {
        "db": seeded_db, "claims": {c["id"]: c for c in claims}, "ids": ids,
        "agreements": _json(invoke(seeded_db, "agreements", "--format", "json")),
        "contradictions": _json(invoke(seeded_db, "contradictions", "--format", "json")),
    }


def _members(group: dict[str, Any]) -> set[int]:
    return {c if isinstance(c, int) else c["id"] for c in group["claims"]}


@pytest.mark.parametrize("group", [pytest.param(g, id=g["key"]) for g in GOLD["groups"]
                                   if g["status"] == "agree" and g.get("required", True)])
def test_gold_agreement_is_one_group(seeds, group):
    wanted = {seeds["ids"].get(k) for k in group["members"]}
    assert None not in wanted, f"not extracted: {[k for k in group['members'] if k not in seeds['ids']]}"
    assert any(wanted <= _members(g) for g in seeds["agreements"]), (wanted, seeds["agreements"])


def test_gold_conflict_is_a_contradiction(seeds, gold):
    for conflict in gold["conflicts"]:
        pair = {seeds["ids"][k] for k in conflict["pair"]}
        assert any(pair <= _members(g) for g in seeds["contradictions"])


@pytest.mark.parametrize("pair", [pytest.param(p["pair"], id="+".join(p["pair"]))
                                  for p in GOLD["not_linked"]])
def test_gold_not_linked_pair_is_never_grouped(seeds, pair):
    ids = {seeds["ids"][k] for k in pair}
    assert len(ids) == 2
    for g in seeds["agreements"] + seeds["contradictions"]:
        assert not ids <= _members(g), g["explanation"]


def test_every_group_spans_two_documents(seeds):
    for g in seeds["agreements"] + seeds["contradictions"]:
        assert g["status"] in ("agree", "conflict")
        assert len({seeds["claims"][i]["document"] for i in _members(g)}) >= 2


def test_officers_conflict_is_explained(seeds):
    a, b = seeds["ids"]["000.officers_fall_decade"], seeds["ids"]["004.officers_cut_2010"]
    [group] = [g for g in seeds["contradictions"] if _members(g) == {a, b}]
    why = group["explanation"]
    for claim_id in (a, b):
        claim = seeds["claims"][claim_id]
        assert claim["mention"] in why
        assert claim["period"] and claim["period"] in why
        assert Path(claim["document"]).name in why
    assert "nearly 20,000" in why and "over 21,000" in why


def test_show_lists_the_conflict(invoke, seeds):
    a, b = seeds["ids"]["000.officers_fall_decade"], seeds["ids"]["004.officers_cut_2010"]
    shown = _json(invoke(seeds["db"], "show", str(a), "--format", "json"))
    related = {(r["status"], other) for r in shown["cross_references"] for other in r["claims"]}
    assert ("conflict", b) in related
    assert all(status in ("agree", "conflict") for status, _ in related)


# --- figures and filters ---------------------------------------------------------------------------


def test_figures_officers_is_a_conflict_across_three_documents(invoke, seeds):
    figures = _json(invoke(seeds["db"], "figures", "--format", "json"))
    officers = [g for g in figures if seeds["ids"]["004.officers_cut_2010"] in _members(g)]
    assert len(officers) == 1
    [group] = officers
    assert group["status"] == "conflict"
    documents = {Path(seeds["claims"][i]["document"]).name[:3] for i in _members(group)}
    assert documents == {"000", "001", "004"}
    assert {seeds["ids"]["000.officers_fall_decade"], seeds["ids"]["001.officers_lost_2010"]} <= _members(group)
    # the pledge of extra officers is another statistic
    assert seeds["ids"]["004.pledge_20000"] not in _members(group)
    home_office = [g for g in figures if seeds["ids"]["000.home_office_40m"] in _members(g)]
    assert [g["status"] for g in home_office] == ["agree"]


@pytest.mark.parametrize("command", ["agreements", "contradictions", "figures"])
@pytest.mark.parametrize(("option", "value", "field"), [
    ("--measure", "officer", "measure"),
    ("--place", "England and Wales", "place"),
    ("--document", "004_", "document"),
    ("--measure", "Home Office", "measure"),
])
def test_filters_keep_only_matching_groups(invoke, seeds, command, option, value, field):
    everything = _json(invoke(seeds["db"], command, "--format", "json"))
    kept = _json(invoke(seeds["db"], command, option, value, "--format", "json"))
    expected = [g["id"] for g in everything
                if any(value.lower() in (seeds["claims"][i][field] or "").lower() for i in _members(g))]
    assert [g["id"] for g in kept] == expected


def test_filters_narrow_the_seeds(invoke, seeds):
    db = seeds["db"]
    assert [len(_members(g)) for g in _json(invoke(db, "agreements", "--measure", "Home Office",
                                                   "--format", "json"))] == [2]
    assert _json(invoke(db, "contradictions", "--place", "Glasgow", "--format", "json")) == []
    assert _json(invoke(db, "figures", "--measure", "no such measure", "--format", "json")) == []
    conflicts = _json(invoke(db, "contradictions", "--document", "004_", "--format", "json"))
    assert conflicts and all(any("004_" in seeds["claims"][i]["document"] for i in _members(g))
                             for g in conflicts)
    combined = _json(invoke(db, "agreements", "--measure", "officer", "--document", "003_", "--format", "json"))
    assert combined == []


# --- the database: incremental links and blocking keys ------------------------------------------


OFFICERS_A = "The government has cut 21,000 police officers since 2010.\n"
OFFICERS_B = "Police figures show 21,000 officers have been lost since 2010.\n"
OFFICERS_C = "Nearly 20,000 police officers have been lost since 2010.\n"
WITHOUT_FIGURE = "Police figures show many officers have been lost since 2010.\n"


def _ingest(invoke, db_path: Path, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    result = invoke(db_path, "ingest", str(path))
    assert result.exit_code == 0, result.output


def _grouped(invoke, db_path: Path, command: str) -> list[set[str]]:
    """Each group as the set of its claims' file names and mentions."""
    return [{f"{Path(c['document']).name}:{c['mention']}" for c in g["claims"]}
            for g in _json(invoke(db_path, command, "--format", "json"))]


@pytest.fixture
def tables(db_path: Path) -> Iterator[Any]:
    """A function returning (claim keys by claim id, links) read straight from the database file."""
    engine = create_db_engine(resolve_url(str(db_path)))

    def read() -> tuple[dict[int, set[str]], list[tuple[int, int, str]]]:
        with Session(engine) as session:
            keys: dict[int, set[str]] = {}
            for claim_id, key in session.execute(select(ClaimKey.claim_id, ClaimKey.key)):
                keys.setdefault(claim_id, set()).add(key)
            links = [tuple(r) for r in session.execute(select(Link.claim_a, Link.claim_b, Link.status))]
            return keys, links

    yield read
    engine.dispose()


def test_links_follow_documents_as_they_come_and_go(invoke, db_path, tmp_path, tables):
    a, b, c = tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt"
    _ingest(invoke, db_path, a, OFFICERS_A)
    assert _grouped(invoke, db_path, "agreements") == []
    assert tables()[1] == []

    _ingest(invoke, db_path, b, OFFICERS_B)
    assert _grouped(invoke, db_path, "agreements") == [{"a.txt:21,000", "b.txt:21,000"}]
    assert [status for *_, status in tables()[1]] == ["agree"]

    _ingest(invoke, db_path, c, OFFICERS_C)
    assert sorted(map(sorted, _grouped(invoke, db_path, "contradictions"))) == [
        ["a.txt:21,000", "c.txt:Nearly 20,000"], ["b.txt:21,000", "c.txt:Nearly 20,000"]]

    _ingest(invoke, db_path, b, WITHOUT_FIGURE)  # b replaced by a version without the figure
    assert _grouped(invoke, db_path, "agreements") == []
    assert _grouped(invoke, db_path, "contradictions") == [{"a.txt:21,000", "c.txt:Nearly 20,000"}]
    assert [status for *_, status in tables()[1]] == ["conflict"]

    _ingest(invoke, db_path, b, OFFICERS_B)  # and back again
    assert _grouped(invoke, db_path, "agreements") == [{"a.txt:21,000", "b.txt:21,000"}]
    assert len(_grouped(invoke, db_path, "contradictions")) == 2


def test_reingesting_an_unchanged_document_makes_no_new_links(invoke, db_path, tmp_path, tables):
    _ingest(invoke, db_path, tmp_path / "a.txt", OFFICERS_A)
    _ingest(invoke, db_path, tmp_path / "b.txt", OFFICERS_B)
    before = tables()
    _ingest(invoke, db_path, tmp_path / "b.txt", OFFICERS_B)
    assert tables() == before


def test_links_only_between_claims_sharing_a_key(invoke, db_path, seeds_dir, tmp_path, tables):
    result = invoke(db_path, "ingest", str(seeds_dir))
    assert result.exit_code == 0, result.output
    _ingest(invoke, db_path, tmp_path / "health.txt",
            "The NHS received £1.2bn in extra funding. The number of nurses fell by 300. "
            "Hundreds of officers were lost.\n")
    keys, links = tables()
    assert links
    for a, b, _ in links:
        assert keys.get(a, set()) & keys.get(b, set()), (a, b)
    engine = create_db_engine(resolve_url(str(db_path)))
    try:
        with Session(engine) as session:
            stored = load_facts(session)
    finally:
        engine.dispose()
    for fact in stored:
        assert keys.get(fact.id, set()) == set(blocking_keys(fact)), fact.mention
    vague = [f.id for f in stored if f.value is None and f.low is None]
    assert vague, "the vague claim was not extracted"
    assert not {i for a, b, _ in links for i in (a, b)} & set(vague)


def test_reextract_keeps_the_same_groups(invoke, seeded_db):
    before = {command: _grouped(invoke, seeded_db, command) for command in ("agreements", "contradictions")}
    assert before["agreements"] and before["contradictions"]
    result = invoke(seeded_db, "reextract")
    assert result.exit_code == 0, result.output
    after = {command: _grouped(invoke, seeded_db, command) for command in ("agreements", "contradictions")}
    assert after == before


# --- links made by older rules ------------------------------------------------------------------------

STALE = "Warning: the cross-references were made by older rules; run factcheck db relink"


def _made_by_older_rules(db: Path | str) -> None:
    """The links as an older version of the rules left them: recorded as such, and some of them gone."""
    with engine_for(db) as engine, engine.begin() as connection:
        connection.execute(sql_text("UPDATE settings SET value = '0' WHERE key = 'crossref_version'"))
        connection.execute(sql_text("DELETE FROM links WHERE status = 'agree'"))


def test_links_made_by_older_rules_are_reported_not_silently_remade(invoke, seeded_db):
    before = {command: _grouped(invoke, seeded_db, command) for command in ("agreements", "contradictions")}
    _made_by_older_rules(seeded_db)
    result = invoke(seeded_db, "agreements", "--format", "json")
    assert result.exit_code == 0 and json.loads(result.stdout) == []  # opening the database relinked nothing
    assert result.stderr.startswith(STALE) and len(result.stderr.splitlines()) == 1
    assert STALE in invoke(seeded_db, "claims", "--limit", "1").stderr
    assert "made by older rules: run factcheck db relink" in invoke(seeded_db, "db", "current").stdout

    relinked = invoke(seeded_db, "db", "relink")
    assert relinked.exit_code == 0, relinked.output
    assert relinked.stderr.startswith("relinked: ")
    after = invoke(seeded_db, "agreements", "--format", "json")
    assert after.stderr == "" and _grouped(invoke, seeded_db, "agreements") == before["agreements"]
    assert _grouped(invoke, seeded_db, "contradictions") == before["contradictions"]
    assert "made by the current rules" in invoke(seeded_db, "db", "current").stdout


def test_a_new_database_is_linked_by_the_current_rules(invoke, new_database):
    db = new_database("fresh")
    result = invoke(db, "sources", "--format", "json")
    assert result.exit_code == 0 and result.stderr == ""
    assert f"made by the current rules (rules version {CROSSREF_VERSION})" in invoke(db, "db", "current").stdout


# --- the same statistic: units, currencies, periods, figures that recur by chance, labels -----------------


def test_units_are_converted_within_a_dimension():
    assert statuses("The new bridge is 1,200 metres long.", "The new bridge is 3,937 feet long.") == {"agree"}


def test_two_currencies_are_never_equated():
    assert statuses("The club paid $500m for the stadium.", "The club paid £500m for the stadium.") == set()


def test_periods_counted_in_different_numbers_are_different_statistics():
    assert statuses("The console sold 2 million units in 30 days.",
                    "The console sold 2 million units in 45 days.") == set()


@pytest.mark.parametrize(("a", "b", "expected"), [
    pytest.param("Sales at the chain rose 8% in the first three months.", "Sales at the chain rose 8%.", set(),
                 id="nothing-ties-them"),
    pytest.param("Shares rose after Acme said its sales rose 8% in the first quarter.",
                 "In a statement, Acme said its sales rose 8% in the first quarter.", {"agree"},
                 id="a-name-in-both-sentences"),
])
def test_a_percentage_recurs_by_chance_unless_a_name_ties_the_claims(a, b, expected):
    assert statuses(a, b) == expected


def test_a_race_named_by_its_distance_is_never_linked():
    # extraction takes the race for no figure at all; were it to come as a claim, it is a label, and has no key
    assert facts("She won the 200m in Madrid.", 1) == []
    assert is_label("200m", "m", "")
    assert not is_label("200m", "m", "length of the bridge")


def test_the_same_figure_of_a_measure_named_alike_is_compared_whatever_its_head_word():
    deal = "Northwind agreed a £2.4bn ferry deal with Baltic Lines."
    sale = "Northwind sold its ferry business for £2.4bn."
    a, b = Figure.of(one(deal, 1)), Figure.of(one(sale, 2))
    assert a.base != b.base and a.exact == b.exact  # premise: two head words, one exact figure
    assert statuses(deal, sale) == {"agree"}
    assert statuses(deal, "Northwind sold its hotel business for £2.4bn.") == set()  # nothing measured alike


def test_holders_listed_together_are_not_either_alone():
    alone = "England's Hodgson kicked three penalties against Italy in Rome."
    together = "England's Hodgson and Barkley kicked six penalties against Italy in Rome."
    assert [f.subject for f in facts(together, 2)] == ["Hodgson and Barkley"]  # premise: a joint holder
    assert statuses(alone, together) == set()
    assert statuses(together, "Hodgson and Barkley kicked six penalties against Italy in Rome.") == {"agree"}


def test_a_claim_whose_sentence_names_only_the_others_holder_can_contradict_it():
    holder = "The ferry operator Brightwave employed 2,400 staff in Liverpool in 2018."
    named = "Unions said Brightwave employed 2,900 staff in Liverpool in 2018."
    assert one(holder, 1).subject == "Brightwave" and one(named, 2).subject is None  # premise: one holder found
    assert statuses(holder, named) == {"conflict"}
    # a sentence that names someone else besides does not say whose the figure is
    other = "Unions at Kestrel said Brightwave employed 2,900 staff in Liverpool in 2018."
    assert one(other, 2).subject is None
    assert statuses(holder, other) != {"conflict"}


@pytest.mark.parametrize(("a", "b", "same"), [
    ("Premier League", "EPL", True),  # the initials of a name inside an abbreviation
    ("Sky", "BSkyB", True),  # one name inside the other
    ("Multiplex Group", "GW Pharma", False),  # "group" holds the letters of "GW Pharma", but is a word of its own
    ("Tesco", "Sainsbury's", False),
    ("MG Rover", "Mori", False),  # a name that holds the initials with two letters more is no abbreviation
    ("Harbour Energy", "Hera", False),
    ("Harbour Energy", "HE", True),
])
def test_holders_are_one_by_name_inside_name_or_initials(a: str, b: str, same: bool) -> None:
    assert crossref._same_holder(holder_words(a), holder_words(b)) is same


# --- the very same figure told in other words ------------------------------------------------------------


def test_a_country_lies_inside_the_union_it_is_a_member_of():
    assert place_relation("Malta", "EU") == "nested"
    assert place_relation("the EU", "Slovenia") == "nested"
    assert place_relation("Norway", "European Union") == "different"


BAILOUT = ("Malta was forced to close two lenders and impose heavy losses on savers in return for 6 billion euros "
           "in loans from the European Central Bank and the European Union.")


def test_a_figure_whose_sentence_names_no_measure_matches_the_same_figure_of_the_story_it_retells():
    retold = "To secure the 6bn euros, agreed by the EU and the ECB, Malta was forced to close two lenders."
    assert one_with(retold, "6bn euros").measure == ""  # premise: nothing says what the figure measures
    assert "agree" in statuses(BAILOUT, retold)
    other_story = "To build the new line, agreed by the EU, the rail company will borrow 6bn euros."
    assert statuses(BAILOUT, other_story) == set()


def test_a_figure_converted_from_another_unit_may_be_cut_short():
    assert statuses("The tablet measures 72.5 mm across.", "The tablet measures 2.8 inches across.") == {"agree"}
    assert statuses("The tablet measures 75.5 mm across.", "The tablet measures 2.8 inches across.") == set()


def test_each_side_of_a_deal_may_hold_its_figure():
    board = "The health board's record £4.2bn contract with Medline runs for four years."
    supplier = "The figure is a 20% rise on Medline's current £4.2bn deal."
    assert [f.subject for f in facts(board, 1)][-1] != [f.subject for f in facts(supplier, 2)][-1]  # two holders
    assert "agree" in statuses(board, supplier)
    assert statuses(board, "The figure is a 20% rise on Acme's current £4.2bn deal.") == set()


def test_a_period_that_names_a_deal_says_what_its_figure_is_the_value_of():
    agreement = ("The trust is in the first year of a four-year agreement with Medline and Carewell worth "
                 "4.25 billion pounds.")
    assert one_with(agreement, "4.25 billion pounds").measure == ""  # premise: no measure, the period says it
    assert "agree" in statuses(agreement, "The money is a 20% rise on Medline and Carewell's current £4.2bn deal.")


def test_a_word_of_what_a_measure_is_of_ties_no_small_counts_by_name():
    band = "Glasgow band Skyline won two prizes, as did Jo Kane, who was voted best act by digital TV viewers."
    show = "Bubbles was named best cartoon while TV comedy King of the Hill picked up two prizes for its tune."
    assert [f.subject for f in facts(show, 2)] == [None]  # premise: nothing says whose the second two are
    assert statuses(band, show) == set()  # "TV" in both is what the prizes are of, no name of one story
    duo = "Folk duo Ashby won three awards, one of them voted for by Radio listeners."
    drama = "The judges said Radio drama The Lanes took three awards for its writing."
    assert statuses(duo, drama) == set()


def _figure_of(measure: str, document_id: int) -> Fact:
    return Fact(next(_ids), f"doc{document_id}.txt", document_id, "$3bn", 3e9, None, None, "USD", "exact", None,
                measure, None, None, None)


@pytest.mark.parametrize(("a", "b", "status"), [
    ("fund operation", "proposed spending", "agree"),  # spending and a fund are one sort of money
    ("Trident Funds operation", "proposed spending", None),  # but a firm's name says nothing of spending
    ("ticket sales", "box office sales", "agree"),
    ("Lakeside Sales Group", "ticket sales", None),
])
def test_a_word_of_a_name_in_one_measure_only_ties_no_same_figure(a: str, b: str, status: str | None) -> None:
    assert compare(_figure_of(a, 1), _figure_of(b, 2)) == status
    assert compare(_figure_of(b, 1), _figure_of(a, 2)) == status


def test_a_unit_of_one_sort_of_thing_needs_no_measure_word_in_common():
    assert statuses("The camera has a 20-megapixel sensor.", "The phone's main camera is 20-megapixel.") == {"agree"}


def one_with(text: str, mention: str) -> Fact:
    """The claim of a sentence stated in ``mention``."""
    found = [f for f in facts(text, 1) if f.mention == mention]
    assert len(found) == 1, f"expected {mention!r} in {text!r}"
    return found[0]


def test_a_count_of_people_needs_a_name_to_tie_the_claims():
    investors = "An estimated 70,000 people took out the bonds, some investing their life savings."
    staff = "The brewer employs more than 70,000 people worldwide."
    assert one(investors).measure == one(staff, 2).measure == "people"  # premise: a measure that names no one
    assert statuses(investors, staff) == set()
    assert statuses("Across Europe the haulier Northwind employs 70,000 people.",
                    "The depots belong to Northwind, which employs 70,000 people.") == {"agree"}


def test_figures_of_different_sorts_of_period_do_not_contradict_each_other():
    deal = "Northwind Radio will broadcast 38 live concerts from Leeds over three years."
    assert statuses(deal, "Northwind Radio will broadcast 34 live concerts from Leeds over three years.") == {
        "conflict"}
    assert statuses(deal, "Northwind Radio will broadcast 34 live concerts from Leeds on Saturday.") == set()


def test_a_rise_is_a_rise_in_any_word():
    assert measure_key("jump") == measure_key("increase") == frozenset()
    assert same_measure(measured("sales jump"), measured("sales increase"))


def test_a_name_that_only_says_what_is_counted_ties_nothing():
    bafta = "Last night the drama collected six Bafta Awards, its makers said."
    assert statuses(bafta, "Last night the drama collected six Independent Spirit Awards.") == set()
    assert statuses("Last night the Northwind drama collected six Bafta Awards.", bafta) == set()
    assert statuses("In London the Northwind drama collected six Bafta Awards.",
                    "Last night the Northwind drama collected six Bafta Awards, its makers said.") == {"agree"}


def test_a_small_count_is_tied_by_whose_it_is_not_by_the_name_of_what_it_counts():
    reserves = "The coach has used the reserves sparingly in the opening two Harbour Cup wins."
    assert statuses(reserves, "The captain says the club can still lift the Harbour Cup despite two lacklustre "
                              "wins so far.") == set()
    assert statuses("The coach of Rovers has used the reserves sparingly in the opening two Harbour Cup wins.",
                    "Rovers have the reserves to thank for the opening two Harbour Cup wins.") == {"agree"}


def test_an_article_that_gives_a_figure_and_a_bound_at_it_says_two_things():
    text = ("The media centre's hard drive, at 64GB, is too small to store music and photos. "
            "Video recorders store television on hard drives of less than 64GB. "
            "A media centre has to store music, films and photos, and 64GB is too small.")
    own = facts(text, 1)
    assert [f.mention for f in own] == ["64GB", "less than 64GB", "64GB"]  # premise
    linked = {frozenset((x.a, x.b)) for x in link_pairs(own)}
    assert frozenset((own[0].id, own[2].id)) in linked
    assert not any(own[1].id in pair for pair in linked)


def test_the_word_for_a_places_people_ties_nothing():
    assert statuses("Yesterday a 26% stake in an Indian oil explorer was sold to investors.",
                    "Yesterday a 26% stake in an Indian newspaper group was sold to investors.") == set()


def test_a_percentage_of_a_measure_that_names_nothing_needs_a_name_even_when_dated():
    assert statuses("In 2003 the figure was 29%.", "The figure was 30% in 2003, the analysts at Gartner said.") == set()


def _change_links(*documents: str) -> set[str]:
    """The statuses of the links between the percentage changes of the given documents (one text each)."""
    found = [f for number, text in enumerate(documents, start=1) for f in facts(text, number)]
    changes = {f.id for f in found if f.unit == "percent" and f.change}
    assert len(changes) == len(documents)
    return {link.status for link in link_pairs(found) if link.a in changes and link.b in changes}


@pytest.mark.parametrize(("a", "b", "linked"), [
    # one change of one size, told apart by the levels it reaches: two years' results
    ("Severn Trent's profits rose 12% to £310m.", "Severn Trent's profits rose 12% to £276m.", set()),
    ("Ryanair's passenger numbers rose 15% to 27.6 million.",
     "Ryanair's passenger numbers rose 15% to 24 million.", set()),
    # the same level, or none stated by one of them, leaves them one statistic
    ("Severn Trent's profits rose 12% to £310m.", "Severn Trent's profits rose 12% to £310.4m.", {"agree"}),
    ("Ryanair's passenger numbers rose 15% to 27.6 million.", "Ryanair's passenger numbers rose 15%.",
     {"agree"}),
    # a forecast's level in the same sentence is not the level the fact reaches
    ("Severn Trent's profits rose 12% to £310m.",
     "Severn Trent's profits rose 12% to £276m, and it predicts profits of £310m next year.", set()),
])
def test_changes_of_one_size_are_told_apart_by_the_levels_they_reach(a, b, linked):
    assert _change_links(a, b) == linked


@pytest.mark.parametrize(("a", "b", "linked"), [
    # the whole world ties two articles about different things only where their sentences tell one story
    ("Sony Music said the album is one of six to sell more than three million copies worldwide in 2004.",
     "The game has sold more than three million copies worldwide since it went on sale in March, Capcom said.",
     set()),
    ("Analysts at Gartner say it is predicted that there will be three billion handsets in use worldwide by 2008.",
     "The phone maker Nokia said it is predicted that there will be three billion handsets in use worldwide by "
     "2008.", {"agree"}),
])
def test_the_world_ties_different_stories_only_in_one_story(a, b, linked):
    found = facts(a, 1) + facts(b, 2)
    worldwide = {f.id for f in found if f.place == "worldwide"}
    assert len(worldwide) == 2
    assert {link.status for link in link_pairs(found) if {link.a, link.b} == worldwide} == linked


@pytest.mark.parametrize(("a", "b", "linked"), [
    # a place inside another ties two articles about different things only where their sentences tell one story
    ("Each guided fishing trip on the lake in Texas will cost $150, the Parks Department said.",
     "The Zune music player went on sale in the US in November priced $150.", set()),
    ("Tickets for the Rangers game in Dallas cost $85 each.", "The console sells in America for $85, Sony said.",
     set()),
    ("The storm caused $2bn of damage to homes in Houston, insurers said.",
     "Insurers said the storm caused $2bn of damage to homes across Texas.", {"agree"}),
    ("Hurricane Ivan caused $3bn of insured losses in Florida, Swiss Re said.",
     "In the US, Hurricane Ivan caused $3bn of insured losses.", {"agree"}),
])
def test_a_place_inside_another_ties_different_stories_only_in_one_story(a, b, linked):
    assert statuses(a, b) == linked
    assert statuses(b, a) == linked  # whichever is read first


def _sum_in(text: str, document_id: int) -> Fact:
    return next(f for f in facts(text, document_id) if f.unit == "USD")


def test_an_agreement_names_no_difference_between_two_names_of_one_place():
    a = _sum_in("US exports rose to $1.2bn in March.", 1)
    b = _sum_in("United States exports rose to $1.2bn in March.", 2)
    c = _sum_in("UK exports rose to $1.2bn in March.", 3)
    assert {a.place, b.place, c.place} == {"US", "United States", "UK"}
    assert "place" not in explain_agreement([a, b])
    assert "place UK vs United States" in explain_agreement([b, c])


def test_a_figure_of_the_whole_world_is_not_one_of_a_country_in_it():
    world = "The singer's debut album has sold more than eight million copies worldwide in two years."
    country = "Her rival's new album has sold close to eight million copies in the US alone."
    assert statuses(world, country) == set()
    assert statuses(country, world) == set()  # whichever is read first
    global_ = "Smartphone makers shipped 300 million handsets globally last year."
    china = "Smartphone makers shipped 300 million handsets in China last year."
    assert statuses(global_, china) == set()
    assert "agree" in statuses(china, "Smartphone makers shipped some 300 million handsets in China last year.")


def test_money_is_no_word_that_ties_two_sums():
    pledge = "On Tuesday, the philanthropist pledged £400m of his own money to the vaccine alliance."
    budget = "Economists said there could be a boost to the current budget in 2004/05 of about £400m."
    assert statuses(pledge, budget) == set()
    prize = "The winner takes home £250,000 in prize money this year."
    grant = "The arts council will hand the theatre a grant of £250,000 this year."
    assert statuses(prize, grant) == set()


@pytest.mark.parametrize(("mention", "measure", "label"), [
    ("787", "Dreamliner plane", True),  # "its 787 Dreamliner plane": a model, by its number
    ("3", "Series saloon", True),  # "the 3 Series saloon": no count of three is one saloon
    ("12", "Labour MPs", False),  # a count of a named group's members
    ("300", "British troops", False),
    ("500", "Fortune companies", False),
    ("1", "Premiership title", False),  # one thing may be counted
    ("787", "planes", False),
    ("440", "Britons dead", False),  # people, and how they fare
    ("23", "Welsh miners", False),
])
def test_a_bare_number_before_a_name_and_one_thing_is_a_model(mention: str, measure: str, label: bool) -> None:
    assert is_label(mention, "count", measure) is label


def test_model_numbers_are_never_linked():
    one = "The airline is banking on its much-anticipated 787 Dreamliner plane, due to fly in 2008."
    other = "Boeing signed a deal to develop test systems for its 787 Dreamliner aircraft."
    assert statuses(one, other) == set()

