"""CliRunner tests for every ``factcheck`` command, on the demo corpus in ``seeds/``."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer.main
from clihelpers import assert_one_line_error, no_traceback, ok_json

import factcheck
from factcheck.cli import app
from factcheck.storage.schema import head_revision

SEEDS = Path(__file__).parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))

CLAIM_FIELDS = {"id", "document", "start", "end", "mention", "sentence", "value", "unit", "qualifier",
                "change", "measure", "place", "period", "speaker"}
QUALIFIERS = {"exact", "approx", "lower_bound", "upper_bound"}
PNG_BYTES = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"
ARTICLE = (
    "Kent Police hired 5,000 officers in 2019, the force said.\n"
    "The county council spent £3 million on youth clubs.\n"
)


# --- helpers ------------------------------------------------------------------------


def seed_text(document: str) -> str:
    """A seed's text as the contract defines offsets: UTF-8, BOM dropped, newlines as \\n."""
    raw = (SEEDS / Path(document).name).read_bytes().decode("utf-8")
    return raw.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def doc(claim: dict[str, Any]) -> str:
    """The seed number (``"000"`` … ``"004"``) of a claim's document."""
    return Path(claim["document"]).name[:3]


def all_claims(invoke: Any, db: Path) -> list[dict[str, Any]]:
    return ok_json(invoke(db, "claims", "--format", "json"))


def group_ids(group: dict[str, Any]) -> set[int]:
    return {c["id"] if isinstance(c, dict) else c for c in group["claims"]}


def flat(text: str) -> str:
    return " ".join(text.split())


def one(claims: list[dict[str, Any]], seed: str, mention: str) -> dict[str, Any]:
    found = [c for c in claims if doc(c) == seed and c["mention"].lower() == mention]
    assert len(found) == 1, (seed, mention, [(doc(c), c["mention"]) for c in claims])
    return found[0]


# --- ingest ----------------------------------------------------------------------------


def test_ingest_seeds_reports_five_added(invoke, db_path, seeds_dir):
    result = invoke(db_path, "ingest", str(seeds_dir))
    assert result.exit_code == 0, result.output
    assert re.search(r"\badded 5\b", result.stderr), result.stderr
    assert result.stdout == ""
    sources = ok_json(invoke(db_path, "sources", "--format", "json"))
    assert sorted(Path(s["source"]).name for s in sources) == [p.name for p in SEED_FILES]
    assert all(s["claims"] > 0 for s in sources)


def test_reingest_is_unchanged_and_adds_nothing(invoke, seeded_db, seeds_dir):
    before = all_claims(invoke, seeded_db)
    result = invoke(seeded_db, "ingest", str(seeds_dir))
    assert result.exit_code == 0, result.output
    assert "unchanged" in result.stderr
    assert re.search(r"\badded 0\b", result.stderr), result.stderr
    after = all_claims(invoke, seeded_db)
    assert len(after) == len(before)
    assert [c["id"] for c in after] == [c["id"] for c in before]


def test_failing_file_among_good_ones(invoke, db_path, tmp_path):
    folder = tmp_path / "mix"
    folder.mkdir()
    for seed in SEED_FILES[:2]:
        shutil.copy(seed, folder / seed.name)
    (folder / "bad.txt").write_bytes(PNG_BYTES)
    result = invoke(db_path, "ingest", "mix")
    assert result.exit_code != 0
    no_traceback(result)
    naming = [line for line in result.stderr.splitlines() if "bad.txt" in line]
    assert len(naming) == 1, result.stderr
    assert "binary" in naming[0].lower()
    sources = ok_json(invoke(db_path, "sources", "--format", "json"))
    assert sorted(Path(s["source"]).name for s in sources) == [p.name for p in SEED_FILES[:2]]
    assert all(s["claims"] > 0 for s in sources)


def test_failing_file_reason_stays_on_one_line_for_long_paths(invoke, db_path, tmp_path):
    folder = tmp_path / "a_rather_long_folder_name_as_newsroom_archives_tend_to_have"
    folder.mkdir()
    (folder / "bad_file.txt").write_bytes(PNG_BYTES)
    shutil.copy(SEED_FILES[0], folder / SEED_FILES[0].name)
    result = invoke(db_path, "ingest", str(folder))
    assert result.exit_code != 0
    bad = str(folder / "bad_file.txt")
    assert any(bad in line and "binary" in line for line in result.stderr.splitlines()), result.stderr


def test_ingest_stdin_with_metadata(invoke, db_path):
    url = "https://news.example.com/kent-police"
    result = invoke(db_path, "ingest", "-", "--title", "Kent hires officers", "--publisher",
                    "Kent Ledger", "--url", url, "--date", "2019-05-02", input=ARTICLE.encode())
    assert result.exit_code == 0, result.output
    assert re.search(r"\badded 1\b", result.stderr), result.stderr
    [source] = ok_json(invoke(db_path, "sources", "--format", "json"))
    assert source["title"] == "Kent hires officers"
    assert source["publisher"] == "Kent Ledger"
    assert source["url"] == url
    assert source["date"] == "2019-05-02"
    assert source["claims"] > 0
    claims = all_claims(invoke, db_path)
    assert {c["mention"] for c in claims} >= {"5,000", "£3 million"}
    for c in claims:
        assert ARTICLE[c["start"]:c["end"]] == c["mention"]


def test_ingest_file_metadata_options(invoke, db_path, seeds_dir):
    seed = seeds_dir / SEED_FILES[0].name
    result = invoke(db_path, "ingest", str(seed), "--title", "Corbyn in Glasgow", "--publisher",
                    "The Herald", "--url", "https://herald.example/corbyn", "--date", "2018-04-09")
    assert result.exit_code == 0, result.output
    [source] = ok_json(invoke(db_path, "sources", "--format", "json"))
    assert Path(source["source"]).name == seed.name
    assert (source["title"], source["publisher"], source["url"], source["date"]) == (
        "Corbyn in Glasgow", "The Herald", "https://herald.example/corbyn", "2018-04-09")


@pytest.mark.parametrize("option", [("--title", "T"), ("--url", "https://x.example/")])
def test_single_document_options_refuse_a_directory(invoke, db_path, seeds_dir, option):
    result = invoke(db_path, "ingest", str(seeds_dir), *option)
    assert_one_line_error(result)
    assert ok_json(invoke(db_path, "sources", "--format", "json")) == []


def test_date_and_publisher_apply_to_every_document_of_a_folder(invoke, db_path, seeds_dir):
    result = invoke(db_path, "ingest", str(seeds_dir), "--date", "9 April 2018", "--publisher", "The Herald")
    assert result.exit_code == 0, result.output
    sources = ok_json(invoke(db_path, "sources", "--format", "json"))
    assert len(sources) == len(SEED_FILES)
    assert {(s["date"], s["publisher"]) for s in sources} == {("2018-04-09", "The Herald")}


@pytest.mark.parametrize("bad", ["2018-13-01", "yesterday", "09/04/2018"])
def test_ingest_bad_date(invoke, db_path, bad):
    result = invoke(db_path, "ingest", str(SEED_FILES[0]), "--date", bad)
    line = assert_one_line_error(result)
    assert bad in line
    assert ok_json(invoke(db_path, "sources", "--format", "json")) == []


def test_ingest_missing_path(invoke, db_path):
    result = invoke(db_path, "ingest", "no-such-article.txt")
    assert result.exit_code != 0
    no_traceback(result)
    naming = [line for line in result.stderr.splitlines() if "no-such-article.txt" in line]
    assert naming, result.stderr
    assert "no such file" in naming[0].lower()


# --- sources ------------------------------------------------------------------------


def test_sources_json(invoke, seeded_db):
    sources = ok_json(invoke(seeded_db, "sources", "--format", "json"))
    claims = all_claims(invoke, seeded_db)
    assert len(sources) == 5
    for s in sources:
        assert set(s) >= {"id", "source", "title", "publisher", "date", "url", "claims"}
        assert s["claims"] == sum(1 for c in claims if c["document"] == s["source"])
        for key in ("title", "publisher", "date", "url"):
            assert s[key] is None or isinstance(s[key], str), (key, s)


def test_sources_csv(invoke, seeded_db):
    result = invoke(seeded_db, "sources", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    as_json = ok_json(invoke(seeded_db, "sources", "--format", "json"))
    assert [int(r["id"]) for r in rows] == [s["id"] for s in as_json]
    assert [r["source"] for r in rows] == [s["source"] for s in as_json]
    assert [int(r["claims"]) for r in rows] == [s["claims"] for s in as_json]


def test_sources_table(invoke, seeded_db):
    result = invoke(seeded_db, "sources", env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    for seed in SEED_FILES:
        assert seed.name in result.stdout


# --- claims ---------------------------------------------------------------------------


def test_claims_json_has_every_contract_field(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    counts = {s["source"]: s["claims"] for s in ok_json(invoke(seeded_db, "sources", "--format", "json"))}
    assert len(claims) == sum(counts.values()) > 0
    assert len({c["id"] for c in claims}) == len(claims)
    for c in claims:
        assert set(c) >= CLAIM_FIELDS, c
        assert type(c["id"]) is int
        assert isinstance(c["document"], str)
        assert type(c["start"]) is int and type(c["end"]) is int
        assert isinstance(c["mention"], str) and c["mention"]
        assert seed_text(c["document"])[c["start"]:c["end"]] == c["mention"], c
        assert isinstance(c["sentence"], str) and c["mention"] in c["sentence"]
        assert c["value"] is None or (isinstance(c["value"], int | float)
                                      and not isinstance(c["value"], bool)), c
        assert isinstance(c["unit"], str) and c["unit"]
        assert c["qualifier"] in QUALIFIERS, c
        assert c["change"] in (None, "increase", "decrease"), c
        assert isinstance(c["measure"], str)
        for key in ("place", "period", "speaker"):
            assert c[key] is None or isinstance(c[key], str), (key, c)


def test_claims_json_is_not_limited(invoke, seeded_db):
    # A table stops at 50 by default; JSON prints every claim.
    claims = all_claims(invoke, seeded_db)
    assert len(ok_json(invoke(seeded_db, "claims", "--format", "json", "--limit", "1000"))) == len(claims)


def _contains(value: str | None, needle: str) -> bool:
    return value is not None and needle.lower() in value.lower()


@pytest.mark.parametrize(("option", "needle", "keep"), [
    ("--search", "homicide",
     lambda c, n: any(_contains(c[k], n) for k in ("mention", "sentence", "measure"))),
    ("--document", "000_695a07a4156f1e4b", lambda c, n: _contains(c["document"], n)),
    ("--speaker", "corbyn", lambda c, n: _contains(c["speaker"], n)),
    ("--measure", "officers", lambda c, n: _contains(c["measure"], n)),
    ("--place", "scotland", lambda c, n: _contains(c["place"], n)),
    ("--unit", "gbp", lambda c, n: c["unit"].lower() == n),
])
def test_claims_filters(invoke, seeded_db, option, needle, keep):
    claims = all_claims(invoke, seeded_db)
    expected = [c["id"] for c in claims if keep(c, needle)]
    assert expected, f"the seeds should have claims for {option} {needle}"
    assert len(expected) < len(claims)
    got = ok_json(invoke(seeded_db, "claims", "--format", "json", option, needle))
    assert [c["id"] for c in got] == expected


def test_claims_search_needs_every_word(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    words = ("officers", "corbyn")
    expected = [c["id"] for c in claims
                if all(any(_contains(c[k], w) for k in ("mention", "sentence", "measure")) for w in words)]
    got = ok_json(invoke(seeded_db, "claims", "--format", "json", "--search", " ".join(words)))
    assert sorted(c["id"] for c in got) == expected  # ranked by relevance, not by id
    assert expected


def test_claims_document_by_id(invoke, seeded_db):
    sources = ok_json(invoke(seeded_db, "sources", "--format", "json"))
    target = sources[3]
    got = ok_json(invoke(seeded_db, "claims", "--format", "json", "--document", str(target["id"])))
    assert len(got) == target["claims"] > 0
    assert {c["document"] for c in got} == {target["source"]}


def test_claims_min_max(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    expected = [c["id"] for c in claims if c["value"] is not None and 1000 <= c["value"] <= 25000]
    got = ok_json(invoke(seeded_db, "claims", "--format", "json", "--min", "1000", "--max", "25000"))
    assert [c["id"] for c in got] == expected
    assert 0 < len(expected) < len(claims)


def test_claims_limit(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    got = ok_json(invoke(seeded_db, "claims", "--format", "json", "--limit", "3"))
    assert [c["id"] for c in got] == [c["id"] for c in claims[:3]]


def test_claims_sort_value_desc(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    got = ok_json(invoke(seeded_db, "claims", "--format", "json", "--sort", "value", "--desc"))
    assert sorted(c["id"] for c in got) == sorted(c["id"] for c in claims)
    values = [c["value"] for c in got if c["value"] is not None]
    assert values == sorted(values, reverse=True)
    assert values[0] == max(c["value"] for c in claims if c["value"] is not None)
    # Vague amounts (no value) come after every figure in descending order.
    nulls = [i for i, c in enumerate(got) if c["value"] is None]
    assert nulls == list(range(len(values), len(got)))


def test_claims_bad_sort(invoke, seeded_db):
    line = assert_one_line_error(invoke(seeded_db, "claims", "--sort", "nonsense"))
    assert "nonsense" in line


def test_claims_table(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    result = invoke(seeded_db, "claims", env={"COLUMNS": "400"})
    assert result.exit_code == 0, result.output
    assert not result.stdout.lstrip().startswith("[")
    for c in claims:
        assert re.search(rf"^\W*{c['id']}\b", result.stdout, re.MULTILINE), c["id"]
    assert "homicide cases" in result.stdout


def test_claims_csv(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    result = invoke(seeded_db, "claims", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [int(r["id"]) for r in rows] == [c["id"] for c in claims]
    assert [r["mention"] for r in rows] == [c["mention"] for c in claims]


# --- show ---------------------------------------------------------------------------------


def test_show_claim_with_cross_references(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    homicides = one(claims, "000", "47 per cent")
    twin = one(claims, "003", "47 per cent")
    result = invoke(seeded_db, "show", str(homicides["id"]), env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    out = flat(result.stdout)
    assert flat(homicides["sentence"]) in out
    for key in ("mention", "unit", "qualifier", "measure", "place", "period"):
        assert homicides[key] in out, key
    assert "agree" in out
    assert re.search(rf"\b{twin['id']}\b", out)


def test_show_json(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    homicides = one(claims, "000", "47 per cent")
    twin = one(claims, "003", "47 per cent")
    shown = ok_json(invoke(seeded_db, "show", str(homicides["id"]), "--format", "json"))
    assert {k: shown[k] for k in CLAIM_FIELDS} == {k: homicides[k] for k in CLAIM_FIELDS}
    assert any(r["status"] == "agree" and twin["id"] in r["claims"] for r in shown["cross_references"])


def test_show_unknown_id(invoke, seeded_db):
    line = assert_one_line_error(invoke(seeded_db, "show", "999999"))
    assert "999999" in line


# --- export -------------------------------------------------------------------------------


def test_export_csv_to_stdout(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    sources = {s["source"]: s for s in ok_json(invoke(seeded_db, "sources", "--format", "json"))}
    result = invoke(seeded_db, "export")
    assert result.exit_code == 0, result.output
    reader = csv.DictReader(io.StringIO(result.stdout, newline=""))
    rows = list(reader)
    assert {"title", "publisher", "url"} <= set(reader.fieldnames or [])
    assert [int(r["id"]) for r in rows] == [c["id"] for c in claims]
    for row, claim in zip(rows, claims, strict=True):
        assert row["mention"] == claim["mention"]
        assert row["sentence"] == claim["sentence"]
        assert row["document"] == claim["document"]
        assert row["title"] == (sources[claim["document"]]["title"] or "")


def test_export_json(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    exported = ok_json(invoke(seeded_db, "export", "--format", "json"))
    assert isinstance(exported, list)
    assert [e["id"] for e in exported] == [c["id"] for c in claims]
    assert all("title" in e and "publisher" in e for e in exported)


def test_export_jsonl(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    result = invoke(seeded_db, "export", "--format", "jsonl")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert len(lines) == len(claims)
    assert [json.loads(line)["id"] for line in lines] == [c["id"] for c in claims]


def test_export_to_file(invoke, seeded_db, tmp_path):
    claims = all_claims(invoke, seeded_db)
    target = tmp_path / "claims.csv"
    result = invoke(seeded_db, "export", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [int(r["id"]) for r in rows] == [c["id"] for c in claims]


# --- agreements and contradictions ------------------------------------------------------


def _groups(invoke: Any, db: Path, command: str, status: str) -> list[dict[str, Any]]:
    groups = ok_json(invoke(db, command, "--format", "json"))
    assert isinstance(groups, list)
    for g in groups:
        assert set(g) >= {"id", "status", "claims", "explanation"}, g
        assert g["status"] == status
        assert isinstance(g["explanation"], str) and g["explanation"]
        assert len(g["claims"]) >= 2
    return groups


def test_agreements_on_seeds(invoke, seeded_db):
    claims = {c["id"]: c for c in all_claims(invoke, seeded_db)}
    groups = _groups(invoke, seeded_db, "agreements", "agree")
    for g in groups:
        assert len({claims[i]["document"] for i in group_ids(g)}) >= 2, g
    homicides = {one(list(claims.values()), "000", "47 per cent")["id"],
                 one(list(claims.values()), "003", "47 per cent")["id"]}
    assert any(homicides <= group_ids(g) for g in groups)


def test_contradictions_on_seeds(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    groups = _groups(invoke, seeded_db, "contradictions", "conflict")
    nearly = one(claims, "000", "nearly 20,000")["id"]
    over = one(claims, "004", "over 21,000")["id"]
    assert any({nearly, over} <= group_ids(g) for g in groups)


def test_pledge_is_not_linked_with_a_cut(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    nearly = one(claims, "000", "nearly 20,000")["id"]
    [pledge] = [c["id"] for c in claims if doc(c) == "004" and "20,000 extra officers" in c["sentence"]
                and "20,000" in c["mention"]]
    groups = (_groups(invoke, seeded_db, "agreements", "agree")
              + _groups(invoke, seeded_db, "contradictions", "conflict"))
    assert not any({nearly, pledge} <= group_ids(g) for g in groups)


@pytest.mark.parametrize("command", ["agreements", "contradictions"])
def test_groups_csv_and_table(invoke, seeded_db, command):
    groups = ok_json(invoke(seeded_db, command, "--format", "json"))
    result = invoke(seeded_db, command, "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == sum(len(g["claims"]) for g in groups)
    table = invoke(seeded_db, command, env={"COLUMNS": "300"})
    assert table.exit_code == 0, table.output
    for g in groups:
        for c in g["claims"]:
            assert c["mention"] in table.stdout


@pytest.mark.parametrize("command", ["agreements", "contradictions"])
def test_groups_table_prints_whole_explanations(invoke, seeded_db, command):
    groups = ok_json(invoke(seeded_db, command, "--format", "json"))
    table = invoke(seeded_db, command, env={"COLUMNS": "300"})
    assert table.exit_code == 0, table.output
    for g in groups:
        assert flat(g["explanation"]) in flat(table.stdout)


def test_show_prints_whole_explanations(invoke, seeded_db):
    claims = all_claims(invoke, seeded_db)
    homicides = one(claims, "000", "47 per cent")
    shown = ok_json(invoke(seeded_db, "show", str(homicides["id"]), "--format", "json"))
    result = invoke(seeded_db, "show", str(homicides["id"]), env={"COLUMNS": "300"})
    assert shown["cross_references"]
    for r in shown["cross_references"]:
        assert flat(r["explanation"]) in flat(result.stdout)


def test_groups_on_an_empty_database(invoke, db_path):
    assert ok_json(invoke(db_path, "agreements", "--format", "json")) == []
    assert ok_json(invoke(db_path, "contradictions", "--format", "json")) == []
    assert ok_json(invoke(db_path, "claims", "--format", "json")) == []


# --- extract --------------------------------------------------------------------------------


def test_extract_writes_no_database(invoke, seeded_db, tmp_path):
    target = tmp_path / "never.db"
    seed = SEED_FILES[0]
    found = ok_json(invoke(target, "extract", str(seed), "--format", "json"))
    assert not target.exists()
    assert not (tmp_path / "factcheck.db").exists()
    text = seed_text(seed.name)
    assert [c["id"] for c in found] == list(range(1, len(found) + 1))  # numbered in the document
    for c in found:
        assert set(c) >= CLAIM_FIELDS
        assert text[c["start"]:c["end"]] == c["mention"]
    # The same text gives the same claims as were stored by ingest.
    stored = [c for c in all_claims(invoke, seeded_db) if Path(c["document"]).name == seed.name]
    fields = ("start", "end", "mention", "sentence", "value", "unit", "qualifier", "change", "measure", "place",
              "period", "period_start", "period_end", "speaker", "low", "high", "sentence_start", "sentence_end",
              "rule")
    assert [[c[k] for k in fields] for c in found] == [[c[k] for k in fields] for c in stored]


def test_extract_missing_file(invoke, tmp_path):
    result = invoke(tmp_path / "x.db", "extract", "missing.txt", "--format", "json")
    assert result.exit_code != 0
    no_traceback(result)
    assert result.stdout == ""


# --- db --------------------------------------------------------------------------------------


def test_db_upgrade_on_a_new_database(invoke, new_database):
    target = new_database("new")
    result = invoke(target, "db", "upgrade")
    assert result.exit_code == 0, result.output
    assert head_revision() in result.stdout
    assert ok_json(invoke(target, "sources", "--format", "json")) == []


def test_db_current_reports_head(invoke, db_path):
    result = invoke(db_path, "db", "current")
    assert result.exit_code == 0, result.output
    assert head_revision() in result.stdout
    assert "up to date" in result.stdout


def test_db_current_on_an_unmigrated_database(invoke, new_database):
    target = new_database("empty")
    if isinstance(target, Path):
        target.touch()  # an empty file: a database with no table
    result = invoke(target, "db", "current")
    assert result.exit_code == 0, result.output
    assert "current: none" in result.stdout and "up to date" not in result.stdout


# --- database selection ----------------------------------------------------------------------


def test_factcheck_db_environment_variable(invoke, seeded_db, monkeypatch):
    expected = all_claims(invoke, seeded_db)
    monkeypatch.setenv("FACTCHECK_DB", str(seeded_db))
    assert ok_json(invoke(None, "claims", "--format", "json")) == expected


def test_db_option_wins_over_environment(invoke, seeded_db, db_path, monkeypatch):
    monkeypatch.setenv("FACTCHECK_DB", str(db_path))
    assert len(ok_json(invoke(seeded_db, "sources", "--format", "json"))) == 5
    assert ok_json(invoke(None, "sources", "--format", "json")) == []


def test_default_database_is_in_the_current_folder(invoke, tmp_path):
    assert ok_json(invoke(None, "sources", "--format", "json")) == []
    assert (tmp_path / "factcheck.db").exists()


def test_db_in_a_missing_folder(invoke, tmp_path):
    line = assert_one_line_error(invoke(tmp_path / "nowhere" / "x.db", "sources"))
    assert "nowhere" in line


# --- help ---------------------------------------------------------------------------------


def _command_paths(command: Any, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    paths = [prefix]
    for name, sub in getattr(command, "commands", {}).items():
        paths.extend(_command_paths(sub, (*prefix, name)))
    return paths


COMMAND_PATHS = _command_paths(typer.main.get_command(app))


def test_every_command_is_listed():
    names = {" ".join(p) for p in COMMAND_PATHS}
    assert names >= {"", "ingest", "extract", "claims", "sources", "show", "export", "agreements",
                     "contradictions", "db", "db upgrade", "db current"}


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=lambda p: " ".join(p) or "factcheck")
def test_help_has_an_example(runner, path):
    result = runner.invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.stdout


def test_version(invoke):
    result = invoke(None, "--version")
    assert result.exit_code == 0 and result.stdout.strip() == factcheck.__version__


def test_datasette_help_shows_the_extra_to_install(runner):
    result = runner.invoke(app, ["datasette", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "pip install 'factcheck[datasette]'" in result.stdout


# --- what a new user runs into ---------------------------------------------------------------

MONEY = ("Budgets\n\nThe airline raised $40 million from investors in May. Its rival raised £12 million, "
         "and a third carrier 90 million euros.\n")


@pytest.fixture
def money_db(invoke, db_path):
    assert invoke(db_path, "ingest", "-", input=MONEY).exit_code == 0
    return db_path


@pytest.mark.parametrize(("unit", "mentions"), [
    ("$", {"$40 million"}), ("dollars", {"$40 million"}), ("USD", {"$40 million"}), ("usd", {"$40 million"}),
    ("£", {"£12 million"}), ("pounds", {"£12 million"}), ("gbp", {"£12 million"}),
    ("€", {"90 million euros"}), ("euros", {"90 million euros"}),
])
def test_claims_unit_as_a_user_writes_it(invoke, money_db, unit, mentions):
    found = ok_json(invoke(money_db, "claims", "--unit", unit, "--format", "json"))
    assert {c["mention"] for c in found} == mentions


def test_claims_unit_of_a_currency_without_claims_is_no_error(invoke, money_db):
    assert ok_json(invoke(money_db, "claims", "--unit", "yen", "--format", "json")) == []
    assert ok_json(invoke(money_db, "claims", "--unit", "JPY", "--format", "json")) == []


def test_claims_unknown_unit_names_the_accepted_ones(invoke, money_db):
    line = assert_one_line_error(invoke(money_db, "claims", "--unit", "zorkmids"))
    assert line.startswith("Error: unknown unit 'zorkmids': use one the claims have (")
    for unit in ("EUR", "GBP", "USD"):
        assert unit in line


def test_a_cut_table_says_how_many_there_are_in_all(invoke, seeded_db):
    total = len(ok_json(invoke(seeded_db, "claims", "--format", "json")))
    result = invoke(seeded_db, "claims", "--limit", "4")
    assert result.exit_code == 0
    assert f"showing the first 4 of {total}; use --limit to see more" in result.stderr
    filtered = len(ok_json(invoke(seeded_db, "claims", "--measure", "officer", "--format", "json")))
    result = invoke(seeded_db, "claims", "--measure", "officer", "--limit", "2")
    assert f"showing the first 2 of {filtered};" in result.stderr and filtered > 2


def test_a_table_written_to_a_pipe_keeps_each_row_on_one_line(invoke, seeded_db):
    # no terminal and no COLUMNS: what a pipe or a redirection gets
    result = invoke(seeded_db, "claims", env={"COLUMNS": None})
    assert result.exit_code == 0
    records = ok_json(invoke(seeded_db, "claims", "--format", "json"))
    lines = result.stdout.splitlines()
    for record in records:
        row = [line for line in lines if re.match(rf"│\s*{record['id']} │", line)]
        assert len(row) == 1, (record["id"], row)
        assert record["measure"] in row[0] and (record["speaker"] or "") in row[0]
    assert len(lines) == len(records) + 4  # top border, header, rule, rows, bottom border


def test_sources_and_show_carry_the_author(invoke, db_path):
    page = ("<html><head><title>Rail fares</title><meta name='author' content='Priya Natarajan'></head><body>"
            "<article><h1>Rail fares</h1><p>Regulated rail fares will rise by 2.7% in March, the "
            "operators' body said.</p><p>It is the smallest rise for four years.</p></article></body></html>")
    assert invoke(db_path, "ingest", "-", "--url", "https://rail.example.org/fares", input=page).exit_code == 0
    [source] = ok_json(invoke(db_path, "sources", "--format", "json"))
    assert source["author"] == "Priya Natarajan"
    assert "Priya Natarajan" in invoke(db_path, "sources", env={"COLUMNS": "200"}).stdout
    assert "Priya Natarajan" in invoke(db_path, "show", "1", env={"COLUMNS": "200"}).stdout
    [exported] = ok_json(invoke(db_path, "export", "--format", "json"))
    assert exported["author"] == "Priya Natarajan"


@pytest.mark.parametrize("args", [["claims"], ["db", "current"], ["db", "upgrade"]])
def test_a_database_password_is_never_printed(invoke, args):
    result = invoke("postgresql://desk:s3cret-Pa55@127.0.0.1:9/newsroom", *args)
    line = assert_one_line_error(result)
    assert "s3cret" not in result.output
    assert "postgresql://desk:***@127.0.0.1:9/newsroom" in line


def test_a_postgresql_url_without_its_driver_says_how_to_get_it(invoke):
    result = invoke("postgresql+pg8000://desk:s3cret@127.0.0.1:9/newsroom", "claims")
    line = assert_one_line_error(result)
    assert "s3cret" not in line and "desk:***@" in line
    assert "pip install 'factcheck[postgres]'" in line


def test_an_unreadable_url_hides_its_password_too(invoke):
    line = assert_one_line_error(invoke("no such://desk:s3cret@host/db", "claims"))
    assert "s3cret" not in line and "desk:***@" in line
