"""Archive exports (CSV, JSON Lines, JSON), front matter, manifests and the dates people write."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from clihelpers import assert_one_line_error, no_traceback, ok_json
from engines import rows

from factcheck.errors import InputError
from factcheck.ingest.archives import ArchiveFields, csv_records, json_records, jsonl_records
from factcheck.ingest.dates import parse_date
from factcheck.ingest.frontmatter import split_front_matter

FARES = "Rail fares rose by 3.1% last year, the Office of Rail and Road said."
BUSES = "Bus passenger numbers fell by 4% in England, the Department for Transport said."
TRAMS = "Tram journeys rose to 290 million in the year to March, up 5% on the year before."


def sources(invoke, db: Path) -> dict[str, dict]:
    return {s["source"]: s for s in ok_json(invoke(db, "sources", "--format", "json"))}


def failures(result) -> list[str]:
    return [line for line in result.stderr.splitlines() if line.startswith("failed:")]


def assert_offsets_hold(db: Path) -> None:
    found = rows(db, "SELECT d.text, c.span_start, c.span_end, c.mention FROM claims c "
                     "JOIN documents d ON d.id = c.document_id")
    assert found
    for text, start, end, mention in found:
        assert text[start:end] == mention


# --- dates --------------------------------------------------------------------------------------


@pytest.mark.parametrize("written", [
    "2019-03-04", "2019-3-4", "4 March 2019", "4th March 2019", "4 Mar 2019", "Monday 4 March 2019",
    "March 4, 2019", "March 4 2019", "Mar. 4, 2019", "2019/03/04", "  4  march  2019 ",
    "Mon, 04 Mar 2019 23:30:00 -0500", "2019-03-04T23:30:00+01:00", "2019-03-04 10:00",
])
def test_dates_as_people_and_feeds_write_them(written):
    assert parse_date(written) == dt.date(2019, 3, 4)


@pytest.mark.parametrize("written", ["04/03/2019", "yesterday", "2019-02-30", "31 June 2019", "March 2019", "",
                                     "2019", "4 Marchember 2019"])
def test_what_is_no_date_is_refused_with_the_accepted_forms(written):
    with pytest.raises(InputError, match=r"is not a date \(write it as 2019-03-04, 4 March 2019 or March 4, 2019\)"):
        parse_date(written)


@pytest.mark.parametrize("written", ["4 March 2019", "March 4, 2019", "2019-03-04"])
def test_the_command_line_takes_the_same_dates(invoke, db_path, tmp_path, written):
    article = tmp_path / "fares.txt"
    article.write_text(f"Rail fares\n\n{FARES}\n", encoding="utf-8")
    assert invoke(db_path, "ingest", str(article), "--date", written).exit_code == 0
    [doc] = sources(invoke, db_path).values()
    assert doc["date"] == "2019-03-04"


def test_a_bad_since_is_one_line_naming_the_accepted_forms(invoke, db_path):
    line = assert_one_line_error(invoke(db_path, "ingest", "--feed", "http://127.0.0.1:9/feed", "--since", "soon"))
    assert line == "Error: --since: 'soon' is not a date (write it as 2019-03-04, 4 March 2019 or March 4, 2019)"


# --- front matter -----------------------------------------------------------------------------------

FRONT = """---
title: Rail fares rise again
date: 6 March 2019
url: https://ledger.example.org/news/rail-fares
publisher: The Ledger
author: [Ann Lee, Raj Patel]
---

Rail fares rise again

""" + FARES + "\n"


def test_front_matter_is_read_and_removed_and_offsets_are_into_what_follows(invoke, db_path, tmp_path):
    article = tmp_path / "fares.md"
    article.write_text(FRONT, encoding="utf-8")
    result = invoke(db_path, "ingest", str(article))
    assert result.exit_code == 0, result.output
    [doc] = sources(invoke, db_path).values()
    assert (doc["title"], doc["date"], doc["url"], doc["publisher"], doc["author"]) == (
        "Rail fares rise again", "2019-03-06", "https://ledger.example.org/news/rail-fares", "The Ledger",
        "Ann Lee, Raj Patel")
    [(text,)] = rows(db_path, "SELECT text FROM documents")
    assert text == "Rail fares rise again\n\n" + FARES + "\n"
    assert_offsets_hold(db_path)
    claims = ok_json(invoke(db_path, "claims", "--format", "json"))
    [fares] = [c for c in claims if c["mention"] == "3.1%"]
    assert text[fares["start"]:fares["end"]] == "3.1%"
    assert (fares["period_start"], fares["period_end"]) == ("2018-01-01", "2018-12-31")


@pytest.mark.parametrize("text", [
    "---\n\nA rule, then prose with 21,000 officers.\n",
    "---\nA line that is no mapping.\n---\nThe force has 21,000 officers.\n",
    "The force has 21,000 officers.\n---\ntitle: not at the top\n---\n",
])
def test_text_without_front_matter_is_kept_as_it_is(text):
    assert split_front_matter(text) == (None, text)


def test_front_matter_that_is_not_yaml_refuses_the_file_alone(invoke, db_path, tmp_path):
    (tmp_path / "bad.md").write_text("---\ntitle: Fares: the figures: again\n---\n" + FARES, encoding="utf-8")
    (tmp_path / "good.md").write_text("---\ntitle: Buses\n---\n" + BUSES, encoding="utf-8")
    (tmp_path / "late.md").write_text("---\ndate: last Tuesday\n---\n" + TRAMS, encoding="utf-8")
    result = invoke(db_path, "ingest", str(tmp_path))
    assert result.exit_code == 1
    no_traceback(result)
    assert failures(result) == [
        f"failed: {tmp_path / 'bad.md'}: front matter is not valid YAML at line 2: mapping values are not allowed "
        "here",
        f"failed: {tmp_path / 'late.md'}: front matter date: 'last Tuesday' is not a date (write it as 2019-03-04, "
        "4 March 2019 or March 4, 2019)",
    ]
    assert [Path(s).name for s in sources(invoke, db_path)] == ["good.md"]


# --- manifests and metadata for many files ---------------------------------------------------------------


def newsroom_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "desk"
    (folder / "2019").mkdir(parents=True)
    (folder / "2019" / "fares.txt").write_text(f"Rail fares\n\n{FARES}\n", encoding="utf-8")
    (folder / "buses.txt").write_text(f"Buses\n\n{BUSES}\n", encoding="utf-8")
    (folder / "trams.md").write_text(f"---\ndate: 2018-01-02\npublisher: Tram Times\n---\nTrams\n\n{TRAMS}\n",
                                     encoding="utf-8")
    return folder


def test_a_manifest_gives_many_files_their_metadata(invoke, db_path, tmp_path):
    folder = newsroom_folder(tmp_path)
    (folder / "manifest.csv").write_text(
        "path,url,title,publisher,date\n"
        "2019/fares.txt,https://ledger.example.org/fares,Fares rise,The Ledger,\"March 6, 2019\"\n"
        f"{folder / 'buses.txt'},,,The Ledger,7 March 2019\n"
        "trams.md,,,,2019-03-08\n", encoding="utf-8")
    result = invoke(db_path, "ingest", str(folder), "--manifest", str(folder / "manifest.csv"))
    assert result.exit_code == 0, result.output
    found = {Path(s["source"]).name: (s["title"], s["publisher"], s["date"], s["url"])
             for s in sources(invoke, db_path).values()}
    assert found == {
        "fares.txt": ("Fares rise", "The Ledger", "2019-03-06", "https://ledger.example.org/fares"),
        "buses.txt": ("Buses", "The Ledger", "2019-03-07", None),
        "trams.md": ("Trams", "Tram Times", "2019-03-08", None),  # the manifest's date over the file's own
    }
    # the command line wins over both
    again = invoke(db_path, "ingest", str(folder), "--manifest", str(folder / "manifest.csv"),
                   "--publisher", "Wire")
    assert "updated 3," in again.stderr, again.stderr
    assert {s["publisher"] for s in sources(invoke, db_path).values()} == {"Wire"}


def test_a_manifest_written_later_dates_documents_already_stored(invoke, db_path, tmp_path):
    folder = newsroom_folder(tmp_path)
    assert invoke(db_path, "ingest", str(folder)).exit_code == 0
    [fares] = [c for c in ok_json(invoke(db_path, "claims", "--format", "json")) if c["mention"] == "3.1%"]
    assert fares["period_start"] is None
    ids = [c["id"] for c in ok_json(invoke(db_path, "claims", "--format", "json"))]
    manifest = tmp_path / "dates.csv"
    manifest.write_text("path,date\ndesk/2019/fares.txt,2019-03-06\n", encoding="utf-8")
    result = invoke(db_path, "ingest", str(folder), "--manifest", str(manifest))
    assert result.exit_code == 0, result.output
    assert "added 0, updated 1, unchanged 2," in result.stderr
    claims = ok_json(invoke(db_path, "claims", "--format", "json"))
    assert [c["id"] for c in claims] == ids  # the same claims, now dated
    [fares] = [c for c in claims if c["mention"] == "3.1%"]
    assert (fares["period_start"], fares["period_end"]) == ("2018-01-01", "2018-12-31")
    # and ingesting without the manifest does not take the date away
    plain = invoke(db_path, "ingest", str(folder))
    assert "unchanged 3," in plain.stderr, plain.stderr


def test_a_manifest_naming_files_not_ingested_says_so(invoke, db_path, tmp_path):
    folder = newsroom_folder(tmp_path)
    (folder / "manifest.csv").write_text("path,date\nbuses.txt,2019-03-07\nbusses.txt,2019-03-07\n",
                                         encoding="utf-8")
    result = invoke(db_path, "ingest", str(folder), "--manifest", str(folder / "manifest.csv"))
    assert result.exit_code == 0, result.output
    assert f"1 of its files not among those ingested (first: {folder / 'busses.txt'})" in result.stderr


@pytest.mark.parametrize("content, message", [
    ("path,date\nbuses.txt,7/3/2019\n", "row 1 (buses.txt): '7/3/2019' is not a date (write it as 2019-03-04, "
                                        "4 March 2019 or March 4, 2019)"),
    ("file_name,date\nbuses.txt,2019-03-07\n", "no 'path' column (the header has: file_name, date)"),
])
def test_a_bad_manifest_refuses_the_command_before_anything_is_stored(invoke, db_path, tmp_path, content, message):
    folder = newsroom_folder(tmp_path)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(content, encoding="utf-8")
    line = assert_one_line_error(invoke(db_path, "ingest", str(folder), "--manifest", str(manifest)))
    assert line == f"Error: manifest {manifest}: {message}"
    assert sources(invoke, db_path) == {}


# --- archive exports -----------------------------------------------------------------------------------


def test_a_csv_export_stores_each_row_with_its_date(invoke, db_path, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        "headline,body,link,published,byline\n"
        f"Fares,\"{FARES}\",https://ledger.example.org/fares?utm_medium=email,2019-03-06T07:00:00Z,Ann Lee\n"
        f"Buses,\"{BUSES}\",,7 March 2019,\n", encoding="utf-8")
    result = invoke(db_path, "ingest", str(export))
    assert result.exit_code == 0, result.output
    assert "added 2," in result.stderr
    stored = sources(invoke, db_path)
    assert set(stored) == {"https://ledger.example.org/fares", f"{export}#row=2"}
    fares = stored["https://ledger.example.org/fares"]
    assert (fares["title"], fares["date"], fares["author"]) == ("Fares", "2019-03-06", "Ann Lee")
    assert stored[f"{export}#row=2"]["date"] == "2019-03-07"
    assert_offsets_hold(db_path)
    again = invoke(db_path, "ingest", str(export))
    assert "added 0, updated 0, unchanged 2," in again.stderr


def test_bad_rows_are_refused_alone_with_their_numbers(invoke, db_path, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(
        "title,text,date\n"
        f"Fares,\"{FARES}\",2019-03-06\n"
        "Empty,,2019-03-06\n"
        f"Buses,\"{BUSES}\",the other day\n"
        f"Trams,\"{TRAMS}\",2019-03-08,an extra cell\n"
        f"Ferries,\"Ferry fares rose 6% in 2018.\" and then some,2019-03-09\n"
        f"Planes,\"Air fares rose 2% in 2018, the airline said.\",2019-03-10\n", encoding="utf-8")
    result = invoke(db_path, "ingest", str(export))
    assert result.exit_code == 1
    no_traceback(result)
    assert failures(result) == [
        f"failed: {export}#row=2: no text in 'text'",
        f"failed: {export}#row=3: date: 'the other day' is not a date (write it as 2019-03-04, 4 March 2019 or "
        "March 4, 2019)",
        f"failed: {export}#row=4: 4 cells where the header has 3",
        f"failed: {export}#row=5: not valid CSV (',' expected after '\"')",
    ]
    assert sorted(Path(s).name for s in sources(invoke, db_path)) == ["export.csv#row=1", "export.csv#row=6"]


def test_a_jsonl_export_with_nested_fields_named_by_options(invoke, db_path, tmp_path):
    export = tmp_path / "cms.jsonl"
    lines = [
        {"id": 1, "content": {"body": f"<p>{FARES}</p><p>Unions <b>objected</b>.</p>"},
         "meta": {"when": "March 6, 2019", "web": "https://ledger.example.org/fares"}, "headline": "Fares"},
        "not an object",
        {"id": 3, "content": {"body": BUSES}, "meta": {"when": "2019-03-07"}},
    ]
    text = "\n".join(json.dumps(line) for line in lines) + "\n{broken\n\n"
    export.write_text(text, encoding="utf-8")
    result = invoke(db_path, "ingest", str(export), "--text-field", "content.body", "--date-field", "meta.when",
                    "--url-field", "meta.web")
    assert result.exit_code == 1
    assert failures(result) == [
        f"failed: {export}#line=2: a JSON str, not an object",
        f"failed: {export}#line=4: not JSON (Expecting property name enclosed in double quotes at column 2)",
    ]
    stored = sources(invoke, db_path)
    assert set(stored) == {"https://ledger.example.org/fares", f"{export}#line=3"}
    assert stored["https://ledger.example.org/fares"]["date"] == "2019-03-06"
    [(kind, body)] = rows(db_path, "SELECT kind, text FROM documents WHERE source LIKE 'https:%'")
    assert (kind, body) == ("html", f"{FARES}\n\nUnions objected.")  # the body's HTML read as text


def test_a_json_array_export(invoke, db_path, tmp_path):
    export = tmp_path / "articles.json"
    export.write_text(json.dumps({"articles": [{"text": FARES, "date": "2019-03-06"}, {"text": BUSES}]}),
                      encoding="utf-8")
    result = invoke(db_path, "ingest", str(export))
    assert result.exit_code == 0, result.output
    assert sorted(Path(s).name for s in sources(invoke, db_path)) == ["articles.json#item=1", "articles.json#item=2"]


@pytest.mark.parametrize("name, data, reason", [
    ("no-text.csv", b"title,summary\nFares,short\n",
     "no text field: name it with --text-field (tried body, text, content, article, maintext, full_text, fulltext, "
     "story, article_text; the fields are 'title', 'summary')"),
    ("empty.csv", b"", "no header row: the file is empty"),
    ("binary.csv", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "binary content (PDF), not text"),
    ("broken.json", b'[{"text": "x"', "not JSON (Expecting ',' delimiter at column 14)"),
    ("scalar.json", b"42", "not an array of articles"),
])
def test_an_archive_that_cannot_be_read_is_one_line(invoke, db_path, tmp_path, name, data, reason):
    (tmp_path / name).write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(f"Buses\n\n{BUSES}\n", encoding="utf-8")
    result = invoke(db_path, "ingest", str(tmp_path / name), str(good))
    assert result.exit_code == 1
    assert failures(result) == [f"failed: {tmp_path / name}: {reason}"]
    assert list(sources(invoke, db_path)) == [str(good)]


def test_a_text_field_named_but_missing_is_one_line(invoke, db_path, tmp_path):
    export = tmp_path / "export.csv"
    export.write_text(f"body\n\"{FARES}\"\n", encoding="utf-8")
    result = invoke(db_path, "ingest", str(export), "--text-field", "story")
    assert failures(result) == [f"failed: {export}: no field 'story' for the text (the fields are 'body')"]


def test_a_long_article_in_a_csv_cell_is_read_whole():
    body = "Fares rose 3% again. " * 20_000  # 420,000 characters: past the csv module's default cell limit
    [record] = list(csv_records(f'text\n"{body}"\n'))
    assert record.error is None and record.text == body


def test_records_name_their_numbers():
    found = list(jsonl_records([b'{"text": "a"}\n', b"\n", b"[1]\n"]))
    assert [(r.label, r.error) for r in found] == [("line=1", None), ("line=3", "a JSON list, not an object")]
    found = list(json_records('[{"body": "a"}, {"body": ""}]', ArchiveFields(text="body")))
    assert [(r.label, r.error) for r in found] == [("item=1", None), ("item=2", "no text in 'body'")]


def test_an_export_is_extracted_in_worker_processes_with_jobs(invoke, db_path, tmp_path):
    export = tmp_path / "export.jsonl"
    lines = [{"text": f"Depot {i} counted {1000 + i:,} buses in 2018, the council said.", "date": "2019-03-04"}
             for i in range(40)]
    export.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    result = invoke(db_path, "ingest", str(export), "--jobs", "2")
    assert result.exit_code == 0, result.output
    assert "added 40," in result.stderr
    assert rows(db_path, "SELECT count(*), count(DISTINCT published) FROM documents") == [(40, 1)]
    assert_offsets_hold(db_path)
