"""The units module: currencies from CLDR, unit dimensions from pint, and comparison across units."""

from __future__ import annotations

import doctest
import json
from decimal import Decimal
from pathlib import Path

import pytest

from factcheck import bench
from factcheck.extract import build_tables, columns, numbers, units
from factcheck.extract.lexicon import lexicon
from factcheck.extract.numbers import find_quantities
from factcheck.extract.units import comparable, currency_for, dimension, money, to_base
from factcheck.resources import data_dir

D = Decimal


# --- comparison across units ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("a", "unit_a", "b", "unit_b"), [
    ("142", "mm", "5.59", "in"),
    ("145", "g", "5.11", "oz"),
    ("100", "°C", "212", "°F"),
    ("1", "mi", "1.609344", "km"),
    ("1", "sq mi", "258.9988110336", "ha"),
    ("2", "GB", "2000", "MB"),
    ("100", "km/h", "27.77777777777777777777777778", "m/s"),
    ("12", "kn", "22.224", "km/h"),
])
def test_the_same_figure_in_two_units_compares_equal(a: str, unit_a: str, b: str, unit_b: str) -> None:
    pair = comparable(D(a), unit_a, D(b), unit_b)
    assert pair is not None
    assert abs(pair[0] - pair[1]) <= D("0.005") * abs(pair[0]), pair


def test_written_scales_give_one_value() -> None:
    (a,) = find_quantities("The deficit was £1.2bn.")
    (b,) = find_quantities("The deficit was £1,200m.")
    assert comparable(a.value, a.unit, b.value, b.unit) == (D(1_200_000_000), D(1_200_000_000))


@pytest.mark.parametrize(("unit_a", "unit_b"), [
    ("GBP", "EUR"),  # no rate is assumed
    ("USD", "CAD"),
    ("km", "kg"),
    ("count", "km"),
    ("percent", "percentage_point"),
    ("MP", "px"),  # an image's megapixels are not a display's lines
    ("Mbps", "GHz"),
])
def test_different_dimensions_do_not_compare(unit_a: str, unit_b: str) -> None:
    assert comparable(D(1), unit_a, D(1), unit_b) is None


def test_an_unknown_unit_compares_only_with_itself() -> None:
    assert comparable(D(3), "widgets", D(4), "widgets") == (D(3), D(4))
    assert comparable(D(3), "widgets", D(4), "km") is None
    assert to_base(D(3), "widgets") is None


def test_money_is_its_own_dimension() -> None:
    assert dimension("EUR").name == "money EUR"
    assert dimension("DEM").name == "money DEM"  # historical currencies too
    assert to_base(D(5), "GBP") == (D(5), "money GBP")


def test_temperatures_convert_with_their_offset() -> None:
    assert to_base(D(0), "°C") == (D("273.15"), "temperature")
    kelvin, _ = to_base(D(32), "°F")
    assert abs(kelvin - D("273.15")) < D("1e-20")


def test_every_unit_symbol_has_a_dimension() -> None:
    before = {unit for key, unit in lexicon().units["unit_before"].items() if not key.startswith("_")}
    symbols = set(lexicon().units["physical"].values()) | before
    missing = {s for s in symbols if dimension(s) is None}
    assert not missing


# --- currencies -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("form", "sentence", "code"), [
    ("$", "The Canadian firm paid $3m.", "USD"),  # a bare $ is CLDR's English choice, whatever the sentence
    ("C$", "", "CAD"),
    ("S$", "", "SGD"),
    ("kr", "Denmark's central bank", "DKK"),
    ("kr", "", "SEK"),
    ("dollars", "Australia's miners", "AUD"),
    ("dollars", "Hong Kong's", "HKD"),
    ("pesos", "Argentina", "ARS"),
    ("pesos", "the Philippine economy", "PHP"),
    ("pesos", "", "MXN"),
    ("rupees", "Sri Lanka", "LKR"),
    ("pounds", "Lebanon's banks", "LBP"),
    ("pounds", "", "GBP"),
    ("won", "North Korea", "KPW"),
    ("euro", "", "EUR"),
    ("Japanese yen", "", "JPY"),
    ("south african rand", "", "ZAR"),
    ("roubles", "Belarus", "BYN"),
    ("usd", "", "USD"),
    ("widgets", "", None),
])
def test_currency_for(form: str, sentence: str, code: str | None) -> None:
    assert currency_for(form, sentence) == code


def test_every_shared_name_or_symbol_that_is_read_has_a_default() -> None:
    lex = money()
    read = {form for form, code in {**lex.names, **lex.symbols}.items() if code == ""}
    assert read, "the lexicon holds ambiguous forms"
    assert {form for form in read if form not in lex.defaults} == set()


def test_defaults_name_one_of_their_currencies() -> None:
    lex = money()
    for form, code in lex.defaults.items():
        if form in lex.ambiguous:
            assert code in lex.ambiguous[form], form


def test_codes_that_are_words_are_current_codes() -> None:
    assert money().word_codes <= money().codes


def test_words_that_are_not_currencies_are_not_read() -> None:
    lex = money()
    assert not {w for w in lexicon().units["money"]["not_currency_words"] if w in lex.names}


def test_every_current_currency_is_read_by_its_english_name() -> None:
    cldr = json.loads((data_dir() / "currencies.json").read_text(encoding="utf-8"))
    wrong = {name: code for name, code in cldr["names"].items()
             if cldr["codes"][code] and " " in name and currency_for(name, "") != code}
    assert wrong == {}


# --- the generated tables -------------------------------------------------------------------------------------


def _recorded(name: str) -> dict:
    return json.loads((data_dir() / name).read_text(encoding="utf-8"))["_source"]


def test_generated_tables_match_the_installed_babel_and_pint(tmp_path: Path) -> None:
    """The committed tables are those the build gives, when the libraries are the versions they were built with."""
    babel = pytest.importorskip("babel")
    pint = pytest.importorskip("pint")
    if _recorded(build_tables.CURRENCIES)["babel"] != babel.__version__ or \
            _recorded(build_tables.UNIT_TABLE)["pint"] != pint.__version__:
        pytest.skip("the tables were built with other versions of Babel or pint: rebuild them to compare")
    for name in (build_tables.CURRENCIES, build_tables.UNIT_TABLE):
        (tmp_path / name).write_text((data_dir() / name).read_text(encoding="utf-8"), encoding="utf-8")
    assert build_tables.main(["--check", "--data", str(tmp_path)]) == 0


def test_a_stale_table_is_reported(tmp_path: Path) -> None:
    pytest.importorskip("babel")
    pytest.importorskip("pint")
    (tmp_path / build_tables.CURRENCIES).write_text("{}\n", encoding="utf-8")
    assert build_tables.main(["--check", "--data", str(tmp_path)]) == 1


def test_a_unit_filed_under_the_wrong_symbol_is_refused() -> None:
    pytest.importorskip("pint")
    table = json.loads((data_dir() / "units.json").read_text(encoding="utf-8"))
    table["physical"] = {**table["physical"], "kilometres": "kg"}
    with pytest.raises(ValueError, match="kilometres"):
        build_tables.unit_table(table)


# --- doctests and the benchmark -------------------------------------------------------------------------------


@pytest.mark.parametrize("module", [units, numbers, columns])
def test_doctests(module) -> None:
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 0 and result.failed == 0


def test_extraction_benchmark_reports_its_rate() -> None:
    seeds = Path(__file__).parent.parent / "seeds"
    figures = bench.bench_extraction(seeds)
    assert figures["texts"] == len(list(seeds.glob("*.txt")))
    assert figures["claims"] > 0 and figures["chars_per_s"] > 0
