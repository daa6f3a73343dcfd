"""The CSV export writes exactly the bytes of the plain path, on real articles and on any stored text.

For speed the export reads some cells from SQLite as a JSON array, quotes and
neutralizes text itself, and takes each claim's statistic from the claim itself. The
references here are built another way: statistics and their status from
the link rows, every cell written by the csv module after
:func:`factcheck.export.neutralize`. A hand-made database is also checked against
its CSV written out by hand. Stored values are drawn from any character, with
commas, quotes, line breaks, formula characters and pieces of JSON made common.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from clihelpers import ok_json
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, insert, select

from factcheck.export import (
    EXPORT_COLUMNS,
    _csv_cell,
    export_values,
    neutralize,
    write_csv_values,
    write_export_csv,
)
from factcheck.records import number
from factcheck.storage.database import open_database
from factcheck.storage.engine import Database
from factcheck.storage.models import Claim, Document, Link, Verdict
from factcheck.storage.verdicts import latest_verdicts, utc_text

SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

TRICKY = st.text(st.sampled_from(list(',"\r\n=+-@\t\' aZ0é€“\x00\\')), max_size=8)
# pieces of JSON as well: the export reads some cells from the database as a JSON array
PIECES = st.lists(st.sampled_from(["null", ",", '"', "\\", "\\u0000", "[", "]", "-1", "=A1", " "]),
                  max_size=4).map("".join)
TEXT = st.one_of(TRICKY, PIECES, st.text(st.characters(codec="utf-8"), max_size=12))
MAYBE_TEXT = st.none() | TEXT
DATE = st.none() | st.dates()
FIGURE = st.none() | st.decimals(min_value=-10**15, max_value=10**15, allow_nan=False).map(str) | st.sampled_from(
    ["1500.0", "2.50", "0", "-0", "1E+3", "0.000001", "007"])
NUMBER = st.none() | st.floats(allow_nan=False, allow_infinity=False)

DOCUMENT = st.fixed_dictionaries({"title": MAYBE_TEXT, "publisher": MAYBE_TEXT, "url": MAYBE_TEXT,
                                  "published": DATE})
CLAIM = st.fixed_dictionaries({
    "mention": TEXT, "sentence": TEXT, "value_text": FIGURE, "low": NUMBER, "high": NUMBER, "unit": TEXT,
    "qualifier": TEXT, "change": MAYBE_TEXT, "measure": TEXT, "place": MAYBE_TEXT, "period": MAYBE_TEXT,
    "period_start": DATE, "period_end": DATE, "speaker": MAYBE_TEXT, "kind": TEXT, "rule": TEXT,
    "statistic": st.none() | st.integers(1, 3),
})
VERDICT = st.none() | st.fixed_dictionaries({
    "rating": TEXT, "note": TEXT, "author": MAYBE_TEXT,
    "created_at": st.datetimes(dt.datetime(2000, 1, 1), dt.datetime(2100, 1, 1)),
})


def fitted(row: dict[str, Any] | None, model: Any) -> Any:
    """The row with every NUL character taken out of its texts, each cut to its column's length."""
    if row is None:
        return None
    columns = model.__table__.c

    def fit(key: str, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        length = getattr(columns[key].type, "length", None) if key in columns else None
        return value.replace("\x00", "")[:length]

    return {key: fit(key, value) for key, value in row.items()}


def store(database: Database, document: dict[str, Any], claims: list[dict[str, Any]], conflicted: int,
          verdict: dict[str, Any] | None) -> None:
    """Replace everything stored with one document, its claims, a conflict and maybe a verdict."""
    with database.write() as session:
        for model in (Verdict, Link, Claim, Document):
            session.execute(delete(model))
        doc_id = session.scalar(insert(Document).values(
            source="doc.txt", kind="text", encoding="utf-8", sha256="0" * 64, text="", extractor="test",
            **document).returning(Document.id))
        ids = [session.scalar(insert(Claim).values(
            document_id=doc_id, start=i, end=i + 1, sentence_start=0, sentence_end=1, **claim).returning(Claim.id))
            for i, claim in enumerate(claims)]
        session.execute(insert(Link).values(claim_a=ids[0], claim_b=ids[1], status="conflict", statistic=conflicted))
        if verdict:
            session.execute(insert(Verdict).values(claim_id=ids[0], document_id=doc_id, span_start=0, span_end=1,
                                                   mention=claims[0]["mention"], **verdict))


@SETTINGS
@given(document=DOCUMENT, claims=st.lists(CLAIM, min_size=2, max_size=5), conflicted=st.integers(1, 3),
       verdict=VERDICT)
def test_csv_export_is_what_the_csv_module_writes_for_the_export_rows(
        database: Database, document: dict[str, Any], claims: list[dict[str, Any]], conflicted: int,
        verdict: dict[str, Any] | None) -> None:
    if not database.is_sqlite:
        # PostgreSQL text cannot hold a NUL (no input that has one is ingested), nor more than a column's length
        document, verdict = fitted(document, Document), fitted(verdict, Verdict)
        claims = [fitted(claim, Claim) for claim in claims]
    store(database, document, claims, conflicted, verdict)
    exported, reference = io.StringIO(newline=""), io.StringIO(newline="")
    with database.read() as session:
        count = write_export_csv(session, exported)
        assert write_csv_values(reference, export_values(session), EXPORT_COLUMNS) == count
    assert count == len(claims)
    assert exported.getvalue() == reference.getvalue()


@settings(max_examples=500)
@given(TEXT)
def test_a_text_cell_is_what_the_csv_module_writes_once_neutralized(text: str) -> None:
    line = io.StringIO(newline="")
    csv.writer(line, lineterminator="\r\n").writerow(["x", neutralize(text), "x"])
    assert line.getvalue() == f"x,{_csv_cell(text)},x\r\n"


@pytest.mark.sqlite_only("only SQLite can hold a claim whose document is gone: its foreign keys can be off")
def test_a_claim_whose_document_is_gone_is_left_out_as_by_the_plain_path(database: Database,
                                                                         db_path: Path) -> None:
    claim = {"mention": "1", "sentence": "s", "value_text": "1", "low": 1.0, "high": 1.0, "unit": "count",
             "qualifier": "exact", "change": None, "measure": "m", "place": None, "period": None,
             "period_start": None, "period_end": None, "speaker": None, "kind": "fact", "rule": "r", "statistic": 1}
    store(database, {"title": "t", "publisher": None, "url": None, "published": None}, [claim] * 3, 1, None)
    connection = sqlite3.connect(db_path)  # foreign keys are off on a plain connection
    try:
        connection.execute("UPDATE claims SET document_id = 99 WHERE id = (SELECT min(id) FROM claims)")
        connection.commit()
    finally:
        connection.close()
    exported, reference = io.StringIO(newline=""), io.StringIO(newline="")
    with database.read() as session:
        assert write_export_csv(session, exported) == 2
        write_csv_values(reference, export_values(session), EXPORT_COLUMNS)
    assert exported.getvalue() == reference.getvalue()


def test_the_export_of_an_empty_database_is_its_header(database: Database) -> None:
    out = io.StringIO(newline="")
    with database.read() as session:
        assert write_export_csv(session, out) == 0
    assert out.getvalue() == ",".join(EXPORT_COLUMNS) + "\r\n"


# --- a hand-made database, and its CSV written out by hand -------------------------------------------------


def _claim(claim_id: int, **values: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": claim_id, "document_id": 1, "start": claim_id * 10, "end": claim_id * 10 + 5, "sentence_start": 0,
        "sentence_end": 40, "value_text": None, "value": None, "low": None, "high": None, "unit": "count",
        "qualifier": "exact", "change": None, "place": None, "period": None, "period_start": None,
        "period_end": None, "speaker": None, "subject": None, "kind": "fact", "rule": "count", "statistic": None}
    return {**row, **values}


HAND_MADE_CLAIMS = [
    _claim(1, mention="1,500", sentence='He said "1,500 jobs", then left.', value_text="1500", value=1500.0,
           low=1500.0, high=1500.0, measure="jobs", place="-London", period="in 2024",
           period_start=dt.date(2024, 1, 1), period_end=dt.date(2024, 12, 31), statistic=1),
    _claim(2, mention="about 2.50%", sentence="Rates\nfell by about 2.50%.", value_text="2.50", value=2.5,
           low=2.375, high=2.625, unit="percent", qualifier="approximate", change="decrease", measure="rates",
           speaker="@Bank", subject="Acme Ltd", statistic=1),
    _claim(3, mention="1E+3", sentence="=1E+3 jobs", value_text="1E+3", value=1000.0, low=1000.0, measure="jobs",
           kind="count", statistic=3),
    _claim(4, mention="dozens", sentence="\tDozens of jobs.", measure="jobs", qualifier="vague", rule="vague"),
    _claim(5, mention="0", sentence="No change: 0.", value_text="0", value=0.0, low=0.0, high=0.0, unit="percent",
           measure="change", change="increase"),
]
HAND_MADE_CSV = (
    "id,document,title,author,publisher,published,url,mention,value,low,high,unit,qualifier,change,measure,place,"
    "period,period_start,period_end,subject,speaker,kind,sentence,start,end,rule,statistic,statistic_status,verdict,"
    "verdict_note,"
    "verdict_by,verdict_date\r\n"
    '1,doc.txt,"\'=Title, ""quoted""",\'-Ana Smith,,2024-05-01,https://example.org/a?b=1,"1,500",1500,1500.0,1500.0,count,'
    "exact,,jobs,'-London,in 2024,2024-01-01,2024-12-31,,,fact,\"He said \"\"1,500 jobs\"\", then left.\",10,15,"
    "count,1,conflict,,,,\r\n"
    '2,doc.txt,"\'=Title, ""quoted""",\'-Ana Smith,,2024-05-01,https://example.org/a?b=1,about 2.50%,2.5,2.375,2.625,'
    "percent,approximate,decrease,rates,,,,,Acme Ltd,'@Bank,fact,\"Rates\nfell by about 2.50%.\",20,25,count,1,"
    "conflict,false,\"'=1+1, \"\"really\"\"\",'+desk,2024-06-02T09:30:00\r\n"
    "3,doc.txt,\"'=Title, \"\"quoted\"\"\",'-Ana Smith,,2024-05-01,https://example.org/a?b=1,1E+3,1000,1000.0,,count,"
    "exact,,jobs,,,,,,,count,'=1E+3 jobs,30,35,count,3,agree,,,,\r\n"
    "4,doc.txt,\"'=Title, \"\"quoted\"\"\",'-Ana Smith,,2024-05-01,https://example.org/a?b=1,dozens,,,,count,vague,,"
    "jobs,,,,,,,fact,'\tDozens of jobs.,40,45,vague,,,,,,\r\n"
    "5,doc.txt,\"'=Title, \"\"quoted\"\"\",'-Ana Smith,,2024-05-01,https://example.org/a?b=1,0,0,0.0,0.0,percent,"
    "exact,increase,change,,,,,,,fact,No change: 0.,50,55,count,,,,,,\r\n"
)


def test_the_csv_of_a_hand_made_database_is_written_out_here(database: Database) -> None:
    with database.write() as session:
        session.execute(insert(Document).values(
            id=1, source="doc.txt", kind="text", encoding="utf-8", sha256="0" * 64, text="", extractor="test",
            title='=Title, "quoted"', author="-Ana Smith", url="https://example.org/a?b=1",
            published=dt.date(2024, 5, 1)))
        session.execute(insert(Claim), HAND_MADE_CLAIMS)
        session.execute(insert(Link), [{"claim_a": 1, "claim_b": 2, "status": "conflict", "statistic": 1}])
        verdict = {"document_id": 1, "span_start": 20, "span_end": 25, "mention": "about 2.50%", "evidence": ""}
        session.execute(insert(Verdict), [
            {**verdict, "claim_id": 2, "rating": "true", "note": "first", "author": None,
             "created_at": dt.datetime(2024, 6, 1, 9, 30)},
            {**verdict, "claim_id": 2, "rating": "false", "note": '=1+1, "really"', "author": "+desk",
             "created_at": dt.datetime(2024, 6, 2, 9, 30)}])
    out = io.StringIO(newline="")
    with database.read() as session:
        assert write_export_csv(session, out) == 5
    assert out.getvalue() == HAND_MADE_CSV


# --- real articles: ingested, one replaced, verdicts recorded; each export against a reference -------------


def reference_rows(db_path: Path) -> list[list[Any]]:
    """Every claim's export values, its statistic and status read from the link rows (not from the claim)."""
    database = open_database(str(db_path))
    try:
        with database.read() as session:
            links = session.execute(select(Link.claim_a, Link.claim_b, Link.status, Link.statistic)).all()
            group: dict[int, int] = {}
            for a, b, _, statistic in links:
                for claim in (a, b):
                    group[claim] = min(group.get(claim, statistic), statistic)
            conflicted = {statistic for _, _, status, statistic in links if status == "conflict"}
            verdicts = latest_verdicts(session)
            rows = []
            for c in session.scalars(select(Claim).order_by(Claim.id)):
                d, v, statistic = c.document, verdicts.get(c.id), group.get(c.id)
                status = None if statistic is None else "conflict" if statistic in conflicted else "agree"
                rows.append([
                    c.id, d.source, d.title, d.author, d.publisher, d.published and d.published.isoformat(), d.url,
                    c.mention, number(c.value_text), c.low, c.high, c.unit, c.qualifier, c.change, c.measure, c.place,
                    c.period, c.period_start and c.period_start.isoformat(),
                    c.period_end and c.period_end.isoformat(), c.subject, c.speaker, c.kind, c.sentence, c.start,
                    c.end, c.rule, statistic, status,
                    *((v.rating, v.note, v.author, utc_text(v.created_at)) if v else (None,) * 4)])
            return rows
    finally:
        database.close()


def reference_csv(rows: list[list[Any]]) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_COLUMNS)
    writer.writerows([neutralize(cell) for cell in row] for row in rows)
    return out.getvalue()


GROUP = EXPORT_COLUMNS.index("statistic")
EXTRA = "Police numbers\n\nThe Home Office said there were 122,404 police officers in England and Wales.\n"
REPLACED = "000_695a07a4156f1e4b.txt"
# the figures of the document's first claims of two statistics go: one is left alone, the other renamed
EDITS = {"on our streets by 21,000,”": "on our streets,”", "Underpinned by £40 million of Home Office funding and":
         "Underpinned by"}
ADDED = ("\n\nJeremy Corbyn said police numbers had fallen by 25,000 since 2010, and that 9,000 more officers "
         "were needed; \"=cuts\" was the word, he said.\n")


def test_exports_of_ingested_articles_equal_the_reference(invoke, db_path: Path, seeds_dir: Path,
                                                          tmp_path: Path) -> None:
    def run(*args: str) -> Any:
        result = invoke(db_path, *args)
        assert result.exit_code == 0, result.output
        return result

    folder, extra = tmp_path / "articles", tmp_path / "extra.txt"
    shutil.copytree(seeds_dir, folder)
    extra.write_text(EXTRA, encoding="utf-8")
    run("ingest", str(folder))
    run("ingest", str(extra), "--title", '-Police, "numbers"', "--publisher", "@Desk")
    text = (folder / REPLACED).read_text(encoding="utf-8")
    for old, new in EDITS.items():
        assert old in text
        text = text.replace(old, new)
    (folder / REPLACED).write_text(text + ADDED, encoding="utf-8")
    groups_before = {row[0]: row[GROUP] for row in reference_rows(db_path)}
    assert "updated 1" in run("ingest", str(folder)).stderr
    groups = {row[0]: row[GROUP] for row in reference_rows(db_path)}
    checked = min(claim for claim, group in groups.items() if group is not None)
    for rating, note in (("true", "first look"), ("misleading", '=HYPERLINK("http://x","y"), see "notes"')):
        run("verdict", str(checked), "--rating", rating, "--note", note, "--by", "@desk")
    rows = reference_rows(db_path)
    # premises: the replacement left a claim of another document alone and renamed a statistic; agreeing,
    # conflicting and ungrouped claims, a verdict, cells to neutralize and cells to quote are all there
    changes = {(groups_before[claim], groups[claim]) for claim in groups_before.keys() & groups.keys()}
    assert any(before is not None and after is None for before, after in changes)
    assert any(None not in (before, after) and before != after for before, after in changes)
    assert {row[GROUP + 1] for row in rows} == {"agree", "conflict", None}
    assert [row[GROUP + 2 : GROUP + 4] for row in rows if row[0] == checked] == [
        ["misleading", '=HYPERLINK("http://x","y"), see "notes"']]
    cells = [cell for row in rows for cell in row if isinstance(cell, str)]
    assert any(cell.startswith("-") for cell in cells) and any(cell.startswith("=") for cell in cells)
    assert any("," in cell for cell in cells) and any('"' in cell for cell in cells)

    assert run("export", "--format", "csv").stdout_bytes == reference_csv(rows).encode("utf-8")
    target = tmp_path / "claims.csv"
    run("export", "--format", "csv", "--excel", "--output", str(target))
    assert target.read_bytes() == b"\xef\xbb\xbf" + reference_csv(rows).encode("utf-8")
    expected = [dict(zip(EXPORT_COLUMNS, row, strict=True)) for row in rows]
    assert ok_json(run("export", "--format", "json")) == expected
    assert [json.loads(line) for line in run("export", "--format", "jsonl").stdout.splitlines()] == expected
