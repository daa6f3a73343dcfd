"""End-to-end workflows through the CLI: verdicts and their survival, search, CSV for
spreadsheets, and ClaimReview for publishing.

Each test drives ``factcheck`` the way a fact-checker would (``invoke``), then reads
the result back the way its consumer would: JSON, Python's ``csv`` module, the
ClaimReview Pydantic models, or the SQLite file itself.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from clihelpers import assert_one_line_error, no_traceback, ok_json
from engines import assert_search_index_intact, ranked_search, scalar

from factcheck.claimreview import ClaimReview
from factcheck.export import neutralize, write_csv
from factcheck.ingest.pipeline import ingest_paths
from factcheck.storage.claims import get_claim
from factcheck.storage.database import open_database
from factcheck.storage.verdicts import VerdictInput, record_verdict

SEED_CLAIMS = 30
SEED_DOCUMENTS = 5
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
EXPORT_TEXT = "Workforce figures show 20,592."
URL_A = "https://stats.example.org/police"
URL_B = "https://www.example.gov.uk/workforce"

# A short article for the survival tests: two figures in two paragraphs.
HEAD = "Council budget under pressure\n\n"
ROADS = "The council said it had spent £12 million on road repairs in 2023.\n\n"
POTHOLES = "Officials also reported that 340 potholes were filled in March.\n"
NO_FIGURES = "A new paragraph about the weather goes here, with no numbers in it.\n\n"


@pytest.fixture(autouse=True)
def _no_publisher_in_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The publisher comes from ``factcheck config`` in these tests, never from the caller's shell."""
    monkeypatch.delenv("FACTCHECK_PUBLISHER_NAME", raising=False)
    monkeypatch.delenv("FACTCHECK_PUBLISHER_URL", raising=False)


# --- helpers ------------------------------------------------------------------------------


def flat(text: str) -> str:
    return " ".join(text.split())


def table_rows(output: str) -> list[list[str]]:
    """The cells of a Rich table's body, each cell's wrapped lines joined (a row starts where the id is)."""
    rows: list[list[str]] = []
    for line in output.splitlines():
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.strip("│").split("│")]
        if cells[0]:
            rows.append(cells)
        else:
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells, strict=True)]
    return rows


def claims(invoke: Any, db: Path, *args: str) -> list[dict[str, Any]]:
    return ok_json(invoke(db, "claims", "--format", "json", *args))


def find(rows: list[dict[str, Any]], mention: str, document: str = "") -> dict[str, Any]:
    """The one claim with this mention, in a document whose source contains ``document``."""
    found = [r for r in rows if r["mention"] == mention and document in r["document"]]
    assert len(found) == 1, (mention, document, [(r["id"], r["mention"]) for r in rows])
    return found[0]


def seed_claim(invoke: Any, db: Path, mention: str, seed: str) -> dict[str, Any]:
    return find(claims(invoke, db), mention, seed)


def verdicts(invoke: Any, db: Path, *args: str) -> list[dict[str, Any]]:
    return ok_json(invoke(db, "verdicts", "--format", "json", *args))


def add_verdict(invoke: Any, db: Path, claim_id: int, rating: str, note: str, *extra: str) -> dict[str, Any]:
    return ok_json(invoke(db, "verdict", str(claim_id), "--rating", rating, "--note", note, *extra,
                          "--format", "json"))


def count_rows(db: Path | str, table: str) -> int:
    return scalar(db, f"select count(*) from {table}")


fts_is_intact = assert_search_index_intact


def search_ids(invoke: Any, db: Path, query: str, *extra: str) -> list[int]:
    return [r["id"] for r in claims(invoke, db, "--search", query, *extra)]


def ingest(invoke: Any, db: Path, path: Path, *extra: str) -> Any:
    result = invoke(db, "ingest", str(path), *extra)
    assert result.exit_code == 0, result.output
    return result


def configure_publisher(invoke: Any, db: Path, name: str = "Fact Desk", url: str = "https://facts.example.org") -> None:
    for key, value in (("publisher.name", name), ("publisher.url", url)):
        result = invoke(db, "config", key, value)
        assert result.exit_code == 0, result.output
        assert f"{key} = {value}" in result.stdout


def claim_reviews(invoke: Any, db: Path) -> list[dict[str, Any]]:
    return ok_json(invoke(db, "export", "--format", "claimreview"))


def write_article(path: Path, *parts: str) -> Path:
    path.write_text("".join(parts), encoding="utf-8")
    return path


# --- verdicts: recording and showing ----------------------------------------------------------


def test_verdict_shows_everywhere(invoke, seeded_db):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    recorded = add_verdict(invoke, seeded_db, claim["id"], "misleading", EXPORT_TEXT,
                           "--evidence", URL_A, "--evidence", URL_B, "--by", "Data desk")
    assert recorded["claim_id"] == claim["id"]
    assert (recorded["rating"], recorded["note"], recorded["by"]) == ("misleading", EXPORT_TEXT, "Data desk")
    assert recorded["evidence"] == [URL_A, URL_B]

    shown = ok_json(invoke(seeded_db, "show", str(claim["id"]), "--format", "json"))
    assert [(v["rating"], v["note"], v["evidence"], v["by"]) for v in shown["verdicts"]] == [
        ("misleading", EXPORT_TEXT, [URL_A, URL_B], "Data desk")]

    table = invoke(seeded_db, "show", str(claim["id"]))
    assert table.exit_code == 0, table.output
    text = flat(table.stdout)
    assert f"verdict: misleading — {EXPORT_TEXT} (Data desk," in text
    assert f"evidence: {URL_A}" in text and f"evidence: {URL_B}" in text
    assert "earlier verdicts" not in text

    listed = verdicts(invoke, seeded_db)
    assert [(v["id"], v["claim_id"], v["rating"], v["evidence"]) for v in listed] == [
        (recorded["id"], claim["id"], "misleading", [URL_A, URL_B])]

    rated = claims(invoke, seeded_db, "--rating", "misleading")
    assert [r["id"] for r in rated] == [claim["id"]]
    assert claims(invoke, seeded_db, "--rating", "false") == []


def test_verdicts_table_and_csv(invoke, seeded_db):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    recorded = add_verdict(invoke, seeded_db, claim["id"], "misleading", "Too high.",
                           "--evidence", URL_A, "--evidence", URL_B, "--by", "Data desk")

    table = invoke(seeded_db, "verdicts")
    assert table.exit_code == 0, table.output
    (row,) = table_rows(table.stdout)
    assert row[:4] == [str(recorded["id"]), str(claim["id"]), "misleading", "over 21,000"]
    assert row[5] == "Data desk"
    assert row[4].replace(" ", "") == "Toohigh."  # folded in a narrow column, see the test below

    result = invoke(seeded_db, "verdicts", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1
    assert (rows[0]["id"], rows[0]["claim_id"], rows[0]["rating"], rows[0]["by"]) == (
        str(recorded["id"]), str(claim["id"]), "misleading", "Data desk")
    assert rows[0]["evidence"].split() == [URL_A, URL_B]
    assert rows[0]["mention"] == "over 21,000"


def test_verdict_in_export_csv(invoke, seeded_db):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    recorded = add_verdict(invoke, seeded_db, claim["id"], "misleading", EXPORT_TEXT, "--by", "Data desk")

    result = invoke(seeded_db, "export", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == SEED_CLAIMS
    for row in rows:
        expected = (("misleading", EXPORT_TEXT, "Data desk", recorded["created_at"][:19])
                    if row["id"] == str(claim["id"]) else ("", "", "", ""))
        assert (row["verdict"], row["verdict_note"], row["verdict_by"], row["verdict_date"][:19]) == expected


def test_verdict_in_claimreview_export(invoke, seeded_db):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    configure_publisher(invoke, seeded_db, "Fact Desk", "https://facts.example.org")
    recorded = add_verdict(invoke, seeded_db, claim["id"], "misleading", EXPORT_TEXT, "--by", "Data desk")

    (review,) = claim_reviews(invoke, seeded_db)
    ClaimReview.model_validate(review)
    assert review["url"] == f"https://facts.example.org/claims/{claim['id']}"
    assert review["claimReviewed"] == claim["sentence"]
    assert review["datePublished"] == recorded["created_at"][:10]
    assert review["reviewRating"]["alternateName"] == "Misleading"
    assert review["reviewRating"]["ratingExplanation"] == EXPORT_TEXT


def test_history_keeps_every_verdict_and_shows_the_latest(invoke, seeded_db):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    first = add_verdict(invoke, seeded_db, claim["id"], "misleading", "First look.", "--by", "Ann")
    second = add_verdict(invoke, seeded_db, claim["id"], "false", "Second look.", "--by", "Bob")

    shown = ok_json(invoke(seeded_db, "show", str(claim["id"]), "--format", "json"))
    assert [(v["id"], v["rating"]) for v in shown["verdicts"]] == [(second["id"], "false"), (first["id"], "misleading")]
    assert [v["id"] for v in verdicts(invoke, seeded_db, "--claim", str(claim["id"]))] == [second["id"], first["id"]]

    text = flat(invoke(seeded_db, "show", str(claim["id"])).stdout)
    assert "verdict: false — Second look. (Bob," in text
    assert "1 earlier verdicts: misleading" in text

    # the latest rating is the one that counts for filters and exports
    assert [r["id"] for r in claims(invoke, seeded_db, "--rating", "false")] == [claim["id"]]
    assert claims(invoke, seeded_db, "--rating", "misleading") == []
    rows = list(csv.DictReader(io.StringIO(invoke(seeded_db, "export").stdout, newline="")))
    (row,) = [r for r in rows if r["verdict"]]
    assert (row["id"], row["verdict"], row["verdict_note"], row["verdict_by"]) == (
        str(claim["id"]), "false", "Second look.", "Bob")
    configure_publisher(invoke, seeded_db)
    (review,) = claim_reviews(invoke, seeded_db)
    assert review["reviewRating"]["alternateName"] == "False"
    assert review["reviewRating"]["ratingValue"] == 1


@pytest.mark.parametrize(("args", "message"), [
    (["--rating", "bogus", "--note", "x"], "rating must be one of"),
    (["--rating", "FALSE", "--note", "x"], "rating must be one of"),
    (["--rating", "false", "--note", ""], "needs a note"),
    (["--rating", "false", "--note", "   "], "needs a note"),
    (["--rating", "false", "--note", "x", "--evidence", "notaurl"], "evidence must be an http(s) URL"),
    (["--rating", "false", "--note", "x", "--evidence", URL_A, "--evidence", "ftp://example.org/a"],
     "evidence must be an http(s) URL"),
    (["--rating", "false", "--note", "x", "--evidence", "javascript:alert(1)"], "evidence must be an http(s) URL"),
], ids=["bad-rating", "upper-case-rating", "empty-note", "blank-note", "not-a-url", "ftp-url", "javascript"])
def test_bad_verdict_is_refused_and_nothing_stored(invoke, seeded_db, args, message):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    line = assert_one_line_error(invoke(seeded_db, "verdict", str(claim["id"]), *args))
    assert message in line
    assert count_rows(seeded_db, "verdicts") == 0


@pytest.mark.parametrize("url", ["https://", "https://exa mple.org/report"], ids=["no-host", "space"])
def test_evidence_must_be_a_whole_url(invoke, seeded_db, url):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    result = invoke(seeded_db, "verdict", str(claim["id"]), "--rating", "false", "--note", "x", "--evidence", url)
    assert "evidence must be an http(s) URL" in assert_one_line_error(result)
    assert count_rows(seeded_db, "verdicts") == 0


def test_verdicts_table_leaves_room_for_the_note(invoke, seeded_db):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    add_verdict(invoke, seeded_db, claim["id"], "misleading", "Too high.", "--by", "Data desk")
    table = invoke(seeded_db, "verdicts")
    assert any("Too high." in line for line in table.stdout.splitlines()), table.stdout


def test_verdict_on_unknown_claim(invoke, seeded_db):
    line = assert_one_line_error(invoke(seeded_db, "verdict", "9999", "--rating", "false", "--note", "x"))
    assert "no claim with id 9999" in line
    assert count_rows(seeded_db, "verdicts") == 0


def test_claims_with_unknown_rating(invoke, seeded_db):
    assert "rating must be one of" in assert_one_line_error(invoke(seeded_db, "claims", "--rating", "wrong"))


def test_verdict_time_is_reported_the_same_way_everywhere(invoke, seeded_db):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    recorded = add_verdict(invoke, seeded_db, claim["id"], "false", "x")
    (listed,) = verdicts(invoke, seeded_db)
    assert listed["created_at"] == recorded["created_at"]


# --- verdicts: surviving re-extraction and changed documents --------------------------------------


def test_verdict_survives_reextract(invoke, seeded_db):
    claim = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    recorded = add_verdict(invoke, seeded_db, claim["id"], "misleading", "x")
    result = invoke(seeded_db, "reextract")
    assert result.exit_code == 0, result.output
    assert f"re-extracted {SEED_DOCUMENTS} documents" in result.stderr

    again = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    assert again["id"] == claim["id"]
    assert [v["id"] for v in verdicts(invoke, seeded_db, "--claim", str(claim["id"]))] == [recorded["id"]]
    assert verdicts(invoke, seeded_db, "--orphaned") == []
    assert count_rows(seeded_db, "claims") == SEED_CLAIMS


def test_verdict_follows_its_sentence_when_the_document_moves(invoke, db_path, tmp_path):
    article = write_article(tmp_path / "article.txt", HEAD, ROADS, POTHOLES)
    ingest(invoke, db_path, article)
    before = find(claims(invoke, db_path), "340")
    recorded = add_verdict(invoke, db_path, before["id"], "true", "Council records agree.")

    write_article(article, HEAD, NO_FIGURES, ROADS, POTHOLES)
    result = ingest(invoke, db_path, article)
    assert "updated 1" in result.stderr

    after = find(claims(invoke, db_path), "340")
    assert after["start"] == before["start"] + len(NO_FIGURES)
    shown = ok_json(invoke(db_path, "show", str(after["id"]), "--format", "json"))
    assert [v["id"] for v in shown["verdicts"]] == [recorded["id"]]
    assert [r["id"] for r in claims(invoke, db_path, "--rating", "true")] == [after["id"]]
    assert verdicts(invoke, db_path, "--orphaned") == []
    # the other claim has no verdict
    roads = find(claims(invoke, db_path), "£12 million")
    assert ok_json(invoke(db_path, "show", str(roads["id"]), "--format", "json"))["verdicts"] == []


def verdict_then_figure_removed(invoke, db_path: Path, tmp_path: Path) -> tuple[Path, dict]:
    """An article ingested with a verdict on its '340', then rewritten without that figure (not re-ingested)."""
    article = write_article(tmp_path / "article.txt", HEAD, ROADS, POTHOLES)
    ingest(invoke, db_path, article)
    recorded = add_verdict(invoke, db_path, find(claims(invoke, db_path), "340")["id"], "true", "Checked.")
    write_article(article, HEAD, ROADS, POTHOLES.replace("340 potholes", "many potholes"))
    return article, recorded


def test_verdict_is_orphaned_when_its_figure_disappears(invoke, db_path, tmp_path):
    article, recorded = verdict_then_figure_removed(invoke, db_path, tmp_path)
    ingest(invoke, db_path, article)

    assert [r["mention"] for r in claims(invoke, db_path)] == ["£12 million"]
    orphaned = verdicts(invoke, db_path, "--orphaned")
    assert [(v["id"], v["claim_id"], v["mention"], v["note"]) for v in orphaned] == [
        (recorded["id"], None, "340", "Checked.")]
    assert count_rows(db_path, "verdicts") == 1
    assert claims(invoke, db_path, "--rating", "true") == []
    table = invoke(db_path, "verdicts", "--orphaned")
    assert "orphaned" in table.stdout and "340" in table.stdout


def test_ingest_outcome_counts_orphaned_verdicts(invoke, db_path, tmp_path):
    article, _ = verdict_then_figure_removed(invoke, db_path, tmp_path)

    database = open_database(str(db_path))
    try:
        (outcome,) = ingest_paths(database, [article]).outcomes
    finally:
        database.close()
    assert outcome.status == "updated"
    assert outcome.reason == "1 verdicts orphaned"


def test_ingest_summary_mentions_orphaned_verdicts(invoke, db_path, tmp_path):
    article, _ = verdict_then_figure_removed(invoke, db_path, tmp_path)
    result = ingest(invoke, db_path, article)
    assert "orphaned" in result.stderr


def test_verdict_does_not_move_to_a_different_figure_at_the_same_place(invoke, db_path, tmp_path):
    article = write_article(tmp_path / "article.txt", HEAD, ROADS, POTHOLES)
    ingest(invoke, db_path, article)
    recorded = add_verdict(invoke, db_path, find(claims(invoke, db_path), "340")["id"], "true", "Checked.")

    write_article(article, HEAD, ROADS, POTHOLES.replace("340", "560"))
    ingest(invoke, db_path, article)
    new = find(claims(invoke, db_path), "560")
    assert ok_json(invoke(db_path, "show", str(new["id"]), "--format", "json"))["verdicts"] == []
    assert [v["id"] for v in verdicts(invoke, db_path, "--orphaned")] == [recorded["id"]]


def test_verdict_does_not_move_to_an_unrelated_claim_over_its_old_span(invoke, db_path, tmp_path):
    article = write_article(tmp_path / "article.txt", HEAD, ROADS, POTHOLES)
    ingest(invoke, db_path, article)
    potholes = find(claims(invoke, db_path), "340")
    recorded = add_verdict(invoke, db_path, potholes["id"], "true", "Checked.")

    # drop the potholes paragraph and pad the top so that "£12 million" now starts where "340" was
    lead = ROADS.index("£")
    filler = "x" * (potholes["start"] - len(HEAD) - len("\n\n") - lead)
    write_article(article, HEAD, filler, "\n\n", ROADS)
    ingest(invoke, db_path, article)
    roads = find(claims(invoke, db_path), "£12 million")
    assert roads["start"] == potholes["start"]  # the set-up: the old span is now inside another figure
    assert ok_json(invoke(db_path, "show", str(roads["id"]), "--format", "json"))["verdicts"] == []
    assert [v["id"] for v in verdicts(invoke, db_path, "--orphaned")] == [recorded["id"]]


def test_verdict_stays_with_its_sentence_when_the_same_figure_appears_elsewhere(invoke, db_path, tmp_path):
    article = write_article(tmp_path / "article.txt", HEAD, POTHOLES)
    ingest(invoke, db_path, article)
    recorded = add_verdict(invoke, db_path, find(claims(invoke, db_path), "340")["id"], "true", "Checked.")

    write_article(article, HEAD, "Last year 340 bins were emptied by the crews in the district.\n\n", POTHOLES)
    ingest(invoke, db_path, article)
    rows = claims(invoke, db_path)
    potholes = next(r for r in rows if "potholes" in r["sentence"])
    shown = ok_json(invoke(db_path, "show", str(potholes["id"]), "--format", "json"))
    assert [v["id"] for v in shown["verdicts"]] == [recorded["id"]]


# --- search ------------------------------------------------------------------------------------


def test_search_finds_the_officer_claims_ranked(invoke, seeded_db):
    found = claims(invoke, seeded_db, "--search", "police officer")
    ids = [r["id"] for r in found]
    assert len(ids) == len(set(ids)) >= 5
    for r in found:
        text = " ".join((r["mention"], r["sentence"], r["measure"])).lower()
        assert "polic" in text and "officers" in text, r
    # "officer" is stemmed: the seeds only ever say "officers"
    mentions = {(Path(r["document"]).name[:3], r["mention"]) for r in found}
    assert {("004", "over 21,000"), ("004", "over 300"), ("001", "21,000"), ("000", "21,000")} <= mentions

    # ranked, not in id order: claims about police officers come before those about "officers"
    both = ["police" in r["measure"] and "officer" in r["measure"] for r in found]
    assert both == sorted(both, reverse=True) and any(both) and not all(both)
    assert ids != sorted(ids)
    assert ids == ranked_search(seeded_db, ["police", "officer"])
    assert search_ids(invoke, seeded_db, "police officer", "--sort", "id") == sorted(ids)


def test_search_stems_both_ways(invoke, seeded_db):
    assert search_ids(invoke, seeded_db, "officer") == search_ids(invoke, seeded_db, "officers") != []


def test_search_needs_every_word(invoke, seeded_db):
    police = set(search_ids(invoke, seeded_db, "police"))
    officers = set(search_ids(invoke, seeded_db, "officer"))
    assert set(search_ids(invoke, seeded_db, "police officer")) == police & officers
    assert police - officers and officers - police


@pytest.mark.parametrize(("query", "same_as"), [
    ('"unbalanced', "unbalanced"),
    ("(police", "police"),
    ("police)", "police"),
    ("NEAR(", None),
    ("officer*", "officer"),
    ("'; DROP TABLE claims; --", None),
    ("AND OR NOT", None),
    ("police:officer", "police officer"),
    ("-police", "police"),
    ("^police", "police"),
    ("£40", "40"),
    ("Zürich", None),
])
def test_hostile_search_is_safe(invoke, seeded_db, query, same_as):
    found = search_ids(invoke, seeded_db, query)  # exit 0, JSON, no traceback
    if same_as is not None:
        assert found == search_ids(invoke, seeded_db, same_as)
    assert count_rows(seeded_db, "claims") == SEED_CLAIMS
    assert count_rows(seeded_db, "documents") == SEED_DOCUMENTS
    fts_is_intact(seeded_db)


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(", "'; DROP TABLE claims; --"])
def test_hostile_search_in_a_table(invoke, seeded_db, query):
    result = invoke(seeded_db, "claims", "--search", query)
    assert result.exit_code == 0, result.output
    no_traceback(result)
    assert result.stderr.strip() == "0 claims"
    assert count_rows(seeded_db, "claims") == SEED_CLAIMS


def test_search_for_a_pound_figure(invoke, seeded_db):
    found = claims(invoke, seeded_db, "--search", "£40")
    assert {r["mention"] for r in found[:2]} == {"£40 million"}
    assert all("40" in r["sentence"] for r in found)


@pytest.mark.parametrize("query", ['"', "*", "()", "'"])
def test_search_without_words(invoke, seeded_db, query):
    result = invoke(seeded_db, "claims", "--search", query, "--format", "json")
    no_traceback(result)
    if result.exit_code == 0:
        assert json.loads(result.stdout) == []
    else:
        assert "nothing to search for" in assert_one_line_error(result)
    assert count_rows(seeded_db, "claims") == SEED_CLAIMS


def test_search_finds_accented_words(invoke, db_path, tmp_path):
    article = write_article(tmp_path / "swiss.txt", "Trams in Zürich carried 420 million passengers in 2019.\n")
    ingest(invoke, db_path, article)
    (claim,) = claims(invoke, db_path)
    assert search_ids(invoke, db_path, "Zürich") == [claim["id"]]
    assert search_ids(invoke, db_path, "Zürich tram") == [claim["id"]]
    assert search_ids(invoke, db_path, "Zurich Geneva") == []


def _with_words(sentence: str, measure: str, index: int = 0):
    """An extractor that behaves like the real one but words one claim's sentence and measure differently."""
    from factcheck.extract import analyse

    def fake(text: str, published: Any = None) -> Any:
        found = analyse(text, published)
        claims = list(found.claims)
        claims[index] = dataclasses.replace(claims[index], sentence=sentence, measure=measure)
        return dataclasses.replace(found, claims=claims)

    return fake


def test_search_index_follows_reextract(invoke, seeded_db, monkeypatch):
    import factcheck.ingest.pipeline as pipeline

    target = seed_claim(invoke, seeded_db, "10,110", "000_")
    assert search_ids(invoke, seeded_db, "zeppelin") == []

    # a new extractor names the measure differently: same claim (same id), new words
    monkeypatch.setattr(pipeline, "analyse", _with_words("There were 10,110 zeppelin sightings.", "zeppelin sightings"))
    assert invoke(seeded_db, "reextract", "--document", "000_").exit_code == 0
    assert search_ids(invoke, seeded_db, "zeppelin") == [target["id"]]
    assert search_ids(invoke, seeded_db, "zeppelin sighting") == [target["id"]]
    assert target["id"] not in search_ids(invoke, seeded_db, "offensive weapon")

    # and back: the old words are found again, the words only the other extractor had are gone
    monkeypatch.undo()
    assert invoke(seeded_db, "reextract").exit_code == 0
    assert search_ids(invoke, seeded_db, "zeppelin") == []
    assert target["id"] in search_ids(invoke, seeded_db, "offensive weapon")
    assert count_rows(seeded_db, "claims") == SEED_CLAIMS
    fts_is_intact(seeded_db)


def test_search_index_follows_a_changed_document(invoke, db_path, tmp_path):
    article = write_article(tmp_path / "article.txt", HEAD, ROADS, POTHOLES)
    ingest(invoke, db_path, article)
    assert len(search_ids(invoke, db_path, "potholes")) == 1

    # same spans, new words: the claims are updated in place
    write_article(article, HEAD, ROADS, POTHOLES.replace("potholes were filled", "craters were mended"))
    ingest(invoke, db_path, article)
    assert search_ids(invoke, db_path, "pothole") == []
    assert search_ids(invoke, db_path, "crater") == [find(claims(invoke, db_path), "340")["id"]]
    fts_is_intact(db_path)

    # shifted spans and a new figure: claims are deleted and inserted
    write_article(article, HEAD, "Firefighters rescued 17 kittens in 2022.\n\n", ROADS)
    ingest(invoke, db_path, article)
    rows = claims(invoke, db_path)
    assert sorted(r["mention"] for r in rows) == ["17", "£12 million"]
    assert search_ids(invoke, db_path, "kitten") == [find(rows, "17")["id"]]
    assert search_ids(invoke, db_path, "crater") == []
    assert search_ids(invoke, db_path, "road repairs") == [find(rows, "£12 million")["id"]]
    assert count_rows(db_path, "claims") == 2
    fts_is_intact(db_path)


# Articles whose words test what a search index makes of them: stems, words that are common
# elsewhere, accents, decimals, hyphens, figures with symbols, addresses.
SEARCH_ARTICLES = {
    "rates.txt": "Interest rates\n\nAfter three rises, rates rose by 0.25 percentage points to 4.2% in 2023, "
                 "nearly the highest level in a decade, as prices keep rising, the bank said.\n",
    "cafes.txt": "Café culture\n\nCafés in Zürich and München charged €4.50 for a coffee in 2022, "
                 "said François Müller of the well-known café-owners' group (info@example.org).\n",
    "cuts.txt": "Council cuts\n\nThe council is cutting 120 jobs and cut £3.5m from its budget; "
                "not one of the 40 libraries will close, it said on www.example.gov.uk.\n",
}
SEARCHES = [
    "police officer", "officers", "rises", "rising", "rise", "cutting", "cut", "cuts", "nearly", "near",
    "the police", "not", "of the", "Zurich", "Zürich", "cafe", "Cafés", "Munchen", "well-known", "owners",
    "4.2", "0.25 percentage points", "£40 million", "€4.50", "3.5m", "example.org", "info", "gov",
    "NEAR(police", "jobs", "budget", "libraries", "library", "killings", "knife crime", "1,000",
]


def test_the_same_searches_find_the_same_claims_on_both_engines(invoke, postgres, seeds_dir, tmp_path):
    """Stemming, words kept, accents, decimals and punctuation: PostgreSQL's search answers as SQLite's."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in seeds_dir.glob("*.txt"):
        (folder / seed.name).write_bytes(seed.read_bytes())
    for name, text in SEARCH_ARTICLES.items():
        write_article(folder / name, text)
    sqlite_db = tmp_path / "search.db"
    name = postgres.new_name("search")
    postgres_db = postgres.create(name)
    try:
        found: dict[str, dict[str, set[tuple[str, str]]]] = {}
        for db in (sqlite_db, postgres_db):
            ingest(invoke, db, folder)
            for query in SEARCHES:
                found.setdefault(query, {})[str(db)] = {(Path(r["document"]).name, r["mention"])
                                                        for r in claims(invoke, db, "--search", query)}
        assert {query: len(by_engine[str(sqlite_db)]) for query, by_engine in found.items() if
                by_engine[str(sqlite_db)] != by_engine[postgres_db]} == {}
        assert all(found[query][str(sqlite_db)] for query in ("rises", "cutting", "Zurich", "4.2", "not", "cafe"))
    finally:
        postgres.drop(name)


# --- CSV for spreadsheets ---------------------------------------------------------------------------

HOSTILE_ARTICLE = (
    "Town hall notes\n\n"
    '=HYPERLINK("http://x","y") 45 readers clicked the link in 2022.\n\n'
    "Readers clicked =HYPERLINK(\"http://x\",\"y\") 46 times in 2023.\n\n"
    "+1 caller said 30 buses were late.\n\n"
    "-2 degrees froze 12 pipes in Zürich.\n\n"
    "@SUM(A1) counted 7 ballots.\n\n"
    'The mayor said "we hired 250 teachers" and\nthen left the café with £40 million, “a record”.\n'
)
NUMERIC_COLUMNS = ("id", "value", "low", "high", "start", "end", "statistic")


def _hostile_export(invoke: Any, db: Path, tmp_path: Path) -> list[dict[str, Any]]:
    """Ingest the hostile article with hostile metadata and a hostile verdict; the JSON export as reference."""
    article = write_article(tmp_path / "hostile.txt", HOSTILE_ARTICLE)
    ingest(invoke, db, article, "--title", "\tTabbed =title", "--publisher", "-Minus Media")
    rows = claims(invoke, db)
    add_verdict(invoke, db, find(rows, "250")["id"], "false", '=HYPERLINK("http://evil","click")',
                "--by", "@attacker")
    return ok_json(invoke(db, "export", "--format", "json"))


def test_csv_export_neutralizes_formulas_and_round_trips_text(invoke, db_path, tmp_path):
    reference = _hostile_export(invoke, db_path, tmp_path)
    result = invoke(db_path, "export", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [r["id"] for r in rows] == [str(r["id"]) for r in reference]
    assert len(rows) == len(reference) >= 7

    neutralized = set()
    for row, expected in zip(rows, reference, strict=True):
        for column, want in expected.items():
            cell = row[column]
            # a negative number is a number to a spreadsheet, not a formula
            is_number = column in NUMERIC_COLUMNS and re.fullmatch(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", cell)
            assert is_number or not cell.startswith(FORMULA_START), (column, cell)
            if want is None:
                assert cell == "", (column, cell)
            elif column in NUMERIC_COLUMNS:
                assert isinstance(want, int | float) and float(cell) == want, (column, cell, want)
            elif isinstance(want, str) and want.startswith(FORMULA_START):
                assert cell == "'" + want, (column, cell)
                neutralized.add(column)
            else:
                assert cell == str(want), (column, cell, want)  # quotes, newlines, é £ “ ” untouched
    # the set-up really put formulas in text, metadata and verdict cells
    assert {"sentence", "title", "publisher", "verdict_note", "verdict_by"} <= neutralized
    sentences = {r["sentence"] for r in rows}
    assert 'The mayor said "we hired 250 teachers" and\nthen left the café with £40 million, “a record”.' in sentences
    assert "'-2 degrees froze 12 pipes in Zürich." in sentences
    assert 'Readers clicked =HYPERLINK("http://x","y") 46 times in 2023.' in sentences


def test_csv_export_lines_and_byte_order_mark(invoke, db_path, tmp_path):
    reference = _hostile_export(invoke, db_path, tmp_path)
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    for path, extra in ((plain, []), (excel, ["--excel"])):
        result = invoke(db_path, "export", "--format", "csv", "--output", str(path), *extra)
        assert result.exit_code == 0, result.output
        assert result.stdout == ""
        assert f"{len(reference)} claims written to {path}" in flat(result.stderr)

    raw = plain.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert excel.read_bytes() == b"\xef\xbb\xbf" + raw
    # RFC 4180: every record ends with CRLF; the bare LF inside the quoted sentence stays as written
    assert raw.endswith(b"\r\n")
    assert raw.count(b"\r\n") == len(reference) + 1
    assert raw.split(b"\r\n", 1)[0].decode() == ",".join(reference[0])

    with excel.open(encoding="utf-8-sig", newline="") as handle:
        from_excel = list(csv.DictReader(handle))
    with plain.open(encoding="utf-8", newline="") as handle:
        assert list(csv.DictReader(handle)) == from_excel
    assert next(iter(from_excel[0])) == "id"


def test_csv_to_stdout_has_no_byte_order_mark_unless_excel(invoke, seeded_db):
    plain = invoke(seeded_db, "export", "--format", "csv")
    excel = invoke(seeded_db, "export", "--format", "csv", "--excel")
    assert plain.stdout.startswith("id,document,")
    assert excel.stdout == "\ufeff" + plain.stdout


def test_write_csv_neutralizes_every_formula_start():
    out = io.StringIO(newline="")
    cells = {"eq": "=1+1", "plus": "+1", "minus": "-2", "at": "@SUM(A1)", "tab": "\tx", "cr": "\rx",
             "safe": "a=b", "quote": 'say "hi"', "number": -5, "float": -2.5, "none": None}
    assert write_csv(out, [cells]) == 1
    (row,) = list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))
    assert row == {"eq": "'=1+1", "plus": "'+1", "minus": "'-2", "at": "'@SUM(A1)", "tab": "'\tx", "cr": "'\rx",
                   "safe": "a=b", "quote": 'say "hi"', "number": "-5", "float": "-2.5", "none": ""}
    assert neutralize(-5) == -5 and neutralize("") == ""


# --- ClaimReview ---------------------------------------------------------------------------------


def _check_review(review: dict[str, Any], publisher_url: str) -> None:
    """Validation by the Pydantic models plus the structure that consumers of ClaimReview rely on."""
    ClaimReview.model_validate(review)
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"]
    assert review["url"].startswith(publisher_url.rstrip("/") + "/claims/")
    assert review["author"]["@type"] == "Organization" and review["author"]["url"].startswith(publisher_url)
    assert len(review["datePublished"]) == 10
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert {"appearance", "about"} <= set(item)
    if "author" in item:
        assert item["author"]["@type"] in ("Person", "Organization") and item["author"]["name"]
    assert item["appearance"]["@type"] == "CreativeWork"
    rating = review["reviewRating"]
    assert rating["@type"] == "Rating"
    assert {"bestRating", "worstRating", "alternateName"} <= set(rating)
    about = item["about"]
    assert about["@type"] == "QuantitativeValue"
    assert "unitText" in about


def test_claimreview_for_every_verdict_on_the_seeds(invoke, seeded_db):
    configure_publisher(invoke, seeded_db, "Fact Desk", "https://facts.example.org/checks")
    rows = claims(invoke, seeded_db)
    ratings = ["true", "mostly-true", "half-true", "misleading", "false", "unverifiable"]
    add_verdict(invoke, seeded_db, rows[0]["id"], "true", "Note 0.")  # through the CLI once, the rest in bulk
    database = open_database(str(seeded_db))
    try:
        with database.write() as session:
            for i, row in enumerate(rows[1:], start=1):
                record_verdict(session, get_claim(session, row["id"]),
                               VerdictInput(ratings[i % len(ratings)], f"Note {i}."))
    finally:
        database.close()
    reviews = claim_reviews(invoke, seeded_db)
    assert len(reviews) == len(rows)
    by_id = {int(r["url"].rsplit("/", 1)[1]): r for r in reviews}
    assert set(by_id) == {r["id"] for r in rows}
    for row in rows:
        review = by_id[row["id"]]
        _check_review(review, "https://facts.example.org/checks")
        assert review["author"] == {"@type": "Organization", "name": "Fact Desk",
                                    "url": "https://facts.example.org/checks"}
        assert review["claimReviewed"] == row["sentence"]
        about = review["itemReviewed"]["about"]
        assert about["unitText"] == row["unit"]
        numbers = {k: about[k] for k in ("value", "minValue", "maxValue") if k in about}
        if row["value"] is None:
            assert numbers == {}  # a vague amount ("hundreds") has no number to publish
        elif row["qualifier"] == "lower_bound":
            assert numbers == {"minValue": row["value"]}
        elif row["qualifier"] == "upper_bound":
            assert numbers == {"maxValue": row["value"]}
        else:
            assert numbers == {"value": row["value"]}
        assert ("spatialCoverage" in review["itemReviewed"]) == (row["place"] is not None)
        assert ("temporalCoverage" in review["itemReviewed"]) == (row["period"] is not None)
        if row["place"]:
            assert review["itemReviewed"]["spatialCoverage"] == {"@type": "Place", "name": row["place"]}
        # the seeds have no publisher: the claim's author is its speaker when one is named
        expected_author = {"@type": "Person", "name": row["speaker"]} if row["speaker"] else None
        assert review["itemReviewed"].get("author") == expected_author
        assert review["itemReviewed"]["appearance"]["@type"] == "CreativeWork"
    ratings_seen = {r["reviewRating"]["alternateName"]: r["reviewRating"].get("ratingValue") for r in reviews}
    assert ratings_seen == {"True": 5, "Mostly true": 4, "Half true": 3, "Misleading": 2, "False": 1,
                            "Unverifiable": None}


def test_claimreview_bounds_units_period_and_place(invoke, seeded_db):
    configure_publisher(invoke, seeded_db)
    lower = seed_claim(invoke, seeded_db, "over 21,000", "004_")
    upper = seed_claim(invoke, seeded_db, "nearly 20,000", "000_")
    money = seed_claim(invoke, seeded_db, "£40 million", "000_")
    percent = seed_claim(invoke, seeded_db, "47 per cent", "000_")
    for claim in (lower, upper, money, percent):
        add_verdict(invoke, seeded_db, claim["id"], "half-true", "x")
    abouts = {int(r["url"].rsplit("/", 1)[1]): r["itemReviewed"] for r in claim_reviews(invoke, seeded_db)}

    assert abouts[lower["id"]]["about"] == {"@type": "QuantitativeValue", "minValue": 21000, "unitCode": "C62",
                                            "unitText": "count", "description": "decrease police officers"}
    assert abouts[lower["id"]]["temporalCoverage"] == "2010-01-01/.."
    assert {k: abouts[upper["id"]]["about"].get(k) for k in ("value", "minValue", "maxValue")} == {
        "value": None, "minValue": None, "maxValue": 20000}
    assert abouts[money["id"]]["about"]["value"] == 40_000_000
    assert abouts[money["id"]]["about"]["unitText"] == "GBP" and "unitCode" not in abouts[money["id"]]["about"]
    assert abouts[percent["id"]]["about"]["unitCode"] == "P1" and abouts[percent["id"]]["about"]["value"] == 47
    assert abouts[percent["id"]]["temporalCoverage"] == "2007-04-01/2017-03-31"
    assert abouts[percent["id"]]["spatialCoverage"] == {"@type": "Place", "name": "Scotland"}


def test_claimreview_range_and_article_metadata(invoke, db_path, tmp_path):
    article = write_article(tmp_path / "rents.txt",
                            "Rents in Leeds rose by between 10 and 20 per cent in 2021, the council said.\n\n"
                            "The scheme covered 12 km of road.\n")
    ingest(invoke, db_path, article, "--url", "https://news.example.com/rents", "--publisher", "The Herald",
           "--title", "Rents rise", "--date", "2022-01-15")
    configure_publisher(invoke, db_path)
    rows = claims(invoke, db_path)
    for row in rows:
        add_verdict(invoke, db_path, row["id"], "true", "Checked.")
    reviews = {r["claimReviewed"][:5]: r for r in claim_reviews(invoke, db_path)}
    for review in reviews.values():
        _check_review(review, "https://facts.example.org")
        item = review["itemReviewed"]
        assert item["appearance"] == {"@type": "CreativeWork", "url": "https://news.example.com/rents",
                                      "headline": "Rents rise", "datePublished": "2022-01-15",
                                      "publisher": {"@type": "Organization", "name": "The Herald"}}
        assert item["datePublished"] == "2022-01-15"
    # the council says so of the rents; the article itself of the road
    assert reviews["Rents"]["itemReviewed"]["author"] == {"@type": "Organization", "name": "council"}
    assert reviews["The s"]["itemReviewed"]["author"] == {"@type": "Organization", "name": "The Herald"}

    rents = reviews["Rents"]["itemReviewed"]
    assert {k: v for k, v in rents["about"].items() if k != "description"} == {
        "@type": "QuantitativeValue", "minValue": 10, "maxValue": 20, "unitCode": "P1", "unitText": "percent"}
    assert rents["temporalCoverage"] == "2021-01-01/2021-12-31"
    assert rents["spatialCoverage"] == {"@type": "Place", "name": "Leeds"}
    road = reviews["The s"]["itemReviewed"]["about"]
    assert (road["value"], road["unitCode"], road["unitText"]) == (12, "KMT", "km")


def test_claimreview_never_publishes_a_local_path(invoke, db_path, tmp_path):
    article = write_article(tmp_path / "article.txt", HEAD, ROADS)
    ingest(invoke, db_path, article)
    configure_publisher(invoke, db_path)
    add_verdict(invoke, db_path, find(claims(invoke, db_path), "£12 million")["id"], "true", "Checked.")
    (review,) = claim_reviews(invoke, db_path)
    url = review["itemReviewed"]["appearance"].get("url")
    assert url is None or url.startswith(("http://", "https://")), url
    assert str(tmp_path) not in json.dumps(review)


@pytest.mark.parametrize("settings", [[], [("publisher.name", "Fact Desk")],
                                      [("publisher.url", "https://facts.example.org")]],
                         ids=["none", "name-only", "url-only"])
def test_claimreview_needs_the_publisher(invoke, seeded_db, settings):
    add_verdict(invoke, seeded_db, seed_claim(invoke, seeded_db, "over 21,000", "004_")["id"], "false", "x")
    for key, value in settings:
        assert invoke(seeded_db, "config", key, value).exit_code == 0
    line = assert_one_line_error(invoke(seeded_db, "export", "--format", "claimreview"))
    assert "publisher.name" in line and "publisher.url" in line


def test_claimreview_publisher_from_environment(invoke, seeded_db):
    add_verdict(invoke, seeded_db, seed_claim(invoke, seeded_db, "over 21,000", "004_")["id"], "false", "x")
    result = invoke(seeded_db, "export", "--format", "claimreview",
                    env={"FACTCHECK_PUBLISHER_NAME": "Env Desk", "FACTCHECK_PUBLISHER_URL": "https://env.example"})
    (review,) = ok_json(result)
    _check_review(review, "https://env.example")
    assert review["author"]["name"] == "Env Desk"


def test_config_refuses_a_publisher_url_that_is_not_http(invoke, seeded_db):
    assert "publisher.url" in assert_one_line_error(invoke(seeded_db, "config", "publisher.url", "facts.example"))
    assert "publisher.url = \n" in invoke(seeded_db, "config").stdout


def test_claimreview_without_verdicts_is_empty(invoke, seeded_db):
    configure_publisher(invoke, seeded_db)
    assert claim_reviews(invoke, seeded_db) == []
