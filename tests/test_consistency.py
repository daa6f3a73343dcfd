"""Arithmetic checks inside one article: `check_document` on extracted claims, and the `check` command."""

from __future__ import annotations

import itertools
import json
import random
from pathlib import Path
from typing import Any

import pytest

from factcheck.consistency import Check, Located, check_document
from factcheck.crossref import Fact
from factcheck.extract import extract

GOLD_PATH = Path(__file__).resolve().parent / "data" / "seeds_gold.json"  # the seeds' hand annotations
INCONSISTENT_EXIT = 3  # `check` exits with 3 when any check fails

_ids = itertools.count(1)


def located(text: str, document_id: int = 1) -> list[Located]:
    """The claims the extractor finds in ``text``, with their positions, as stored claims would be."""
    out = []
    for c in extract(text):
        fact = Fact(
            id=next(_ids), document=f"doc{document_id}.txt", document_id=document_id, mention=c.mention,
            value=c.value, low=float(c.low) if c.low is not None else None,
            high=float(c.high) if c.high is not None else None, unit=c.unit, qualifier=c.qualifier,
            change=c.change, measure=c.measure, place=c.place, period=c.period, speaker=c.speaker,
            kind=c.kind, period_start=c.period_start, period_end=c.period_end,
        )
        out.append(Located(fact, c.start, c.sentence_start, c.sentence))
    return out


def checks(text: str) -> list[Check]:
    return check_document("doc.txt", located(text))


def mentions(check: Check, claims: list[Located]) -> list[str]:
    by_id = {c.fact.id: c.fact.mention for c in claims}
    return [by_id[i] for i in check.claims]


# --- check_document ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "kind", "status", "figures"), [
    pytest.param("Offensive weapons incidents fell from 10,110 in 2006/07 to 3,111 in 2015/16, a fall of "
                 "almost 70 per cent.", "percent_change", "consistent",
                 {"10,110", "3,111", "almost 70 per cent"}, id="seed-weapons"),
    pytest.param("Sales rose from 200 to 300, an increase of 20 per cent.", "percent_change", "inconsistent",
                 {"200", "300", "20 per cent"}, id="wrong-percent"),
    pytest.param("Prices rose from 200 to 300, an increase of 50 per cent.", "percent_change", "consistent",
                 {"200", "300", "50 per cent"}, id="right-percent"),
    pytest.param("Exports fell from 400 to 300, a rise of 25 per cent.", "percent_change", "inconsistent",
                 {"400", "300", "25 per cent"}, id="wrong-direction"),
    pytest.param("School budgets rose from £2bn to £2.5bn, an increase of 25 per cent.", "percent_change",
                 "consistent", {"£2bn", "£2.5bn", "25 per cent"}, id="money-percent"),
    pytest.param("The hospital treated 4,000 patients in 2016 and 5,000 in 2017, up 25 per cent.",
                 "percent_change", "consistent", {"4,000", "5,000", "25 per cent"}, id="up-after-levels"),
    pytest.param("The number of nurses fell from 1,000 to 800, a drop of 200.", "absolute_change", "consistent",
                 {"1,000", "800", "200"}, id="absolute"),
    pytest.param("The number of nurses fell from 1,000 to 800, a drop of 300.", "absolute_change",
                 "inconsistent", {"1,000", "800", "300"}, id="wrong-absolute"),
    pytest.param("The budget fell from £2bn to £1.5bn, a cut of £500m.", "absolute_change", "consistent",
                 {"£2bn", "£1.5bn", "£500m"}, id="money-absolute-scales"),
    pytest.param("The trust said 3,000 of the 10,000 staff, or 30 per cent, were nurses.", "share", "consistent",
                 {"3,000", "10,000", "30 per cent"}, id="share"),
    pytest.param("The trust said 3,000 of the 10,000 staff, or 40 per cent, were nurses.", "share",
                 "inconsistent", {"3,000", "10,000", "40 per cent"}, id="wrong-share"),
    pytest.param("In all, 30 per cent of pupils (3,000 out of 10,000) passed.", "share", "consistent",
                 {"3,000", "10,000", "30 per cent"}, id="share-out-of"),
])
def test_one_check(text, kind, status, figures):
    claims = located(text)
    results = check_document("doc.txt", claims)
    assert [(c.kind, c.status) for c in results] == [(kind, status)]
    assert set(mentions(results[0], claims)) == figures
    assert results[0].document == "doc.txt"
    assert status in results[0].explanation


@pytest.mark.parametrize("text", [
    pytest.param("Sales were 100 in 2015. They rose by 50 per cent to 150 in 2016.", id="level-in-another-sentence"),
    pytest.param("Acme's shares rose 10 per cent to 300 pence, while Bolt's shares fell 3 per cent to 500 pence.",
                 id="two-holders"),
    pytest.param("The league had 20 clubs and 500 players, up 4 per cent.", id="levels-of-two-things"),
    pytest.param("Wages rose 3 per cent to £400 a week; rents were £900 a month.", id="not-joined-as-levels"),
])
def test_a_change_is_checked_only_against_two_levels_its_sentence_joins(text):
    assert checks(text) == []


def test_levels_joined_the_other_way_round():
    [result] = checks("Output rose 50 per cent to 150 tonnes from 100 tonnes.")
    assert (result.kind, result.status) == ("percent_change", "consistent")
    assert "50.0%" in result.explanation


def test_a_rounding_of_the_levels_that_explains_the_change_is_consistent():
    # £5.5bn and £8.2bn may be £5.45bn and £8.25bn: a rise of up to 51.4%
    [result] = checks("Contributions increased from £5.5bn to £8.2bn, a rise of 49.7%.")
    assert result.status == "consistent"


def test_explanation_gives_the_actual_change():
    [result] = checks("Sales rose from 200 to 300, an increase of 20 per cent.")
    assert "50.0%" in result.explanation and "'20 per cent'" in result.explanation


def test_change_of_another_measure_is_not_checked_against_these_levels():
    results = checks("Prices rose from 200 to 300, an increase of 50 per cent, while wages rose by 2 per cent.")
    assert [(c.kind, c.status) for c in results] == [("percent_change", "consistent")]


@pytest.mark.parametrize("text", [
    "Sales rose by 20 per cent.",  # no levels to check against
    "There were 400 nurses in 2010 and 300 in 2018.",  # levels, no stated change
    "Half of all councils cut funding.",
    "",
])
def test_nothing_to_check(text):
    assert checks(text) == []


def test_order_of_claims_does_not_matter():
    claims = located("Sales rose from 200 to 300, an increase of 20 per cent. "
                     "The trust said 3,000 of the 10,000 staff, or 30 per cent, were nurses.")
    shuffled = claims[:]
    random.Random(7).shuffle(shuffled)
    expected = check_document("doc.txt", claims)
    assert [(c.kind, c.status) for c in expected] == [("percent_change", "inconsistent"), ("share", "consistent")]
    assert check_document("doc.txt", shuffled) == expected


@pytest.mark.parametrize("text", [
    pytest.param("Some 3,000 of the 10,000 staff, or 40 per cent, were made redundant.", id="qualified-part"),
    pytest.param("The firm cut 3,000 of its 10,000 staff, or 40 per cent.", id="of-its"),
    pytest.param("The trust said 3,000 of the 10,000 staff, or 40 per cent, were nurses.", id="of-the"),
])
def test_wrong_share_is_found_in_other_wordings(text):
    assert [(c.kind, c.status) for c in checks(text)] == [("share", "inconsistent")]


# --- the `check` command --------------------------------------------------------------------------


def _ingest(invoke, db_path: Path, folder: Path, documents: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in documents.items():
        (folder / name).write_text(text + "\n", encoding="utf-8")
    result = invoke(db_path, "ingest", str(folder))
    assert result.exit_code == 0, result.output


def _rows(result) -> list[dict[str, Any]]:
    return json.loads(result.stdout)


def test_check_on_seeds_finds_the_weapons_figures_consistent(invoke, seeded_db):
    gold = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    [expected] = gold["consistency"]
    wanted = {next(c["mention"] for c in gold["claims"] if c["key"] == key) for key in expected["claims"]}
    claims = {c["id"]: c for c in json.loads(invoke(seeded_db, "claims", "--format", "json").stdout)}
    result = invoke(seeded_db, "check", "--format", "json")
    assert result.exit_code == 0, result.output
    rows = _rows(result)
    weapons = [r for r in rows if {claims[i]["mention"] for i in r["claims"]} == wanted]
    assert len(weapons) == 1, rows
    [row] = weapons
    assert row["status"] == expected["expect"] == "consistent"
    assert row["check"] == "percent_change"
    assert {Path(claims[i]["document"]).name for i in row["claims"]} == {"000_695a07a4156f1e4b.txt"}
    assert Path(row["document"]).name == "000_695a07a4156f1e4b.txt"
    assert "69.2%" in row["explanation"]


def test_check_document_option_on_seeds(invoke, seeded_db):
    rows = _rows(invoke(seeded_db, "check", "--document", "000_695a07a4156f1e4b", "--format", "json"))
    assert rows and all(Path(r["document"]).name == "000_695a07a4156f1e4b.txt" for r in rows)
    assert _rows(invoke(seeded_db, "check", "--document", "003_883677e372054453", "--format", "json")) == []


def test_inconsistent_change_fails_the_command(invoke, db_path, tmp_path):
    _ingest(invoke, db_path, tmp_path / "docs",
            {"sales.txt": "Sales rose from 200 to 300, an increase of 20 per cent."})
    result = invoke(db_path, "check", "--format", "json")
    assert result.exit_code == INCONSISTENT_EXIT
    [row] = _rows(result)
    assert (row["status"], row["check"]) == ("inconsistent", "percent_change")
    assert Path(row["document"]).name == "sales.txt"
    assert "50.0%" in row["explanation"]
    table = invoke(db_path, "check")
    assert table.exit_code == INCONSISTENT_EXIT
    assert "inconsistent" in table.stdout


@pytest.mark.parametrize(("text", "kind"), [
    ("The number of nurses fell from 1,000 to 800, a drop of 200.", "absolute_change"),
    ("The trust said 3,000 of the 10,000 staff, or 30 per cent, were nurses.", "share"),
])
def test_consistent_document_passes(invoke, db_path, tmp_path, text, kind):
    _ingest(invoke, db_path, tmp_path / "docs", {"doc.txt": text})
    result = invoke(db_path, "check", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [(r["status"], r["check"]) for r in _rows(result)] == [("consistent", kind)]


def test_wrong_share_fails_the_command(invoke, db_path, tmp_path):
    _ingest(invoke, db_path, tmp_path / "docs",
            {"staff.txt": "The trust said 3,000 of the 10,000 staff, or 40 per cent, were nurses."})
    result = invoke(db_path, "check", "--format", "json")
    assert result.exit_code == INCONSISTENT_EXIT
    assert [(r["status"], r["check"]) for r in _rows(result)] == [("inconsistent", "share")]


MIXED = {
    "good_change.txt": "Prices rose from 200 to 300, an increase of 50 per cent.",
    "bad_change.txt": "Sales rose from 200 to 300, an increase of 20 per cent.",
    "good_absolute.txt": "The number of nurses fell from 1,000 to 800, a drop of 200.",
    "bad_absolute.txt": "The number of teachers fell from 1,000 to 800, a drop of 300.",
    "good_share.txt": "The trust said 3,000 of the 10,000 staff, or 30 per cent, were nurses.",
    "bad_share.txt": "The school said 300 of the 1,000 pupils, or 40 per cent, were absent.",
}


def test_problems_lists_only_the_failures(invoke, db_path, tmp_path):
    _ingest(invoke, db_path, tmp_path / "docs", MIXED)
    everything = _rows(invoke(db_path, "check", "--format", "json"))
    assert sorted((Path(r["document"]).name, r["status"]) for r in everything) == sorted(
        (name, "inconsistent" if name.startswith("bad") else "consistent") for name in MIXED)
    result = invoke(db_path, "check", "--problems", "--format", "json")
    assert result.exit_code == INCONSISTENT_EXIT
    problems = _rows(result)
    assert problems == [r for r in everything if r["status"] == "inconsistent"]
    assert sorted(Path(r["document"]).name for r in problems) == ["bad_absolute.txt", "bad_change.txt",
                                                                  "bad_share.txt"]
    csv = invoke(db_path, "check", "--problems", "--format", "csv")
    assert csv.exit_code == INCONSISTENT_EXIT
    assert "bad_share.txt" in csv.stdout and "good_share.txt" not in csv.stdout


def test_problems_on_a_clean_corpus_is_empty_and_succeeds(invoke, db_path, tmp_path):
    _ingest(invoke, db_path, tmp_path / "docs", {k: v for k, v in MIXED.items() if k.startswith("good")})
    result = invoke(db_path, "check", "--problems", "--format", "json")
    assert result.exit_code == 0, result.output
    assert _rows(result) == []
    assert len(_rows(invoke(db_path, "check", "--format", "json"))) == 3


@pytest.mark.parametrize(("text", "status"), [
    ("The hospital employs 1,200 staff, including 700 nurses and 600 doctors.", "inconsistent"),
    ("The trust has 1,500 staff, including 700 nurses and 600 doctors.", "consistent"),
    ("The school has 900 pupils, of whom 450 are boys and 430 are girls.", "consistent"),
    ("The firm sold 2,000 cars: 1,500 in Europe and 800 in Asia.", "inconsistent"),
])
def test_parts_against_their_total(text, status):
    found = [c for c in checks(text) if c.kind == "parts"]
    assert [c.status for c in found] == [status], [c.explanation for c in found]


def test_a_level_another_change_goes_to_is_not_the_start_of_this_one():
    text = "Shares in Acme closed 2 per cent higher at 410 pence, while Bolt rose 5 per cent to 120 pence."
    assert checks(text) == []


def test_a_bound_that_the_levels_do_not_reach_is_inconsistent():
    [result] = checks("The average rent fell by more than £50 from £1,020 in March to £990 in April.")
    assert (result.kind, result.status) == ("absolute_change", "inconsistent")
    assert "£30" in result.explanation
