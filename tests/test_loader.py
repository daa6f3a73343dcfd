"""Tests for factcheck.ingest.loader, on real files written to tmp_path."""

from __future__ import annotations

import datetime
import itertools
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from factcheck.errors import (
    BinaryContentError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    UnsupportedFileError,
)
from factcheck.ingest import loader
from factcheck.ingest.loader import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    LoadedDocument,
    decode_bytes,
    iter_document_paths,
    kind_for,
    load_bytes,
    load_path,
    normalize_text,
)

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Police numbers fall by 21,000 since 2010 | The Daily Ledger</title>
<meta name="author" content="Jane Reporter">
<meta property="og:site_name" content="The Daily Ledger">
<meta property="og:title" content="Police numbers fall by 21,000 since 2010">
<link rel="canonical" href="https://ledger.example.com/news/police-numbers">
<meta property="article:published_time" content="2018-04-09">
<style>body { font-family: serif; }</style>
<script>window.analytics = {tracking: true};</script>
</head>
<body>
<nav><ul>
<li><a href="/">Home</a></li>
<li><a href="/politics">Politics</a></li>
<li><a href="/subscribe">Subscribe to our newsletter</a></li>
</ul></nav>
<main>
<article>
<h1>Police numbers fall by 21,000 since 2010</h1>
<p>The number of police officers in England and Wales has fallen by more than
21,000 officers since 2010, according to figures published by the Home Office.</p>
<p>The government announced an extra £40 million for a new serious violence
strategy, which ministers said would help forces tackle the rise in knife crime.</p>
<p>Critics said the funding was a fraction of the cuts made over the past eight
years, and that forces had lost 19% of their budgets in real terms.</p>
<p>A Home Office spokesperson said the department was spending £1.2 billion on
counter-terrorism policing this year, up from the year before.</p>
</article>
</main>
<footer><p>Copyright 2018 The Daily Ledger. All rights reserved.
Contact the newsroom at news@ledger.example.com.</p></footer>
</body>
</html>
"""


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


# --- kind_for and normalize_text -------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("a.txt", "text"),
        ("a.md", "markdown"),
        ("a.html", "html"),
        ("a.htm", "html"),
        ("A.HTML", "html"),
        ("notes.Md", "markdown"),
        ("report.pdf", None),
        ("archive.txt.gz", None),
        ("README", None),
        (".txt", None),
    ],
)
def test_kind_for_uses_the_suffix_case_insensitively(name: str, kind: str | None) -> None:
    assert kind_for(Path(name)) == kind


def test_supported_suffixes_all_have_a_kind() -> None:
    assert {kind_for(Path("x" + suffix)) for suffix in SUPPORTED_SUFFIXES} == {
        "text",
        "markdown",
        "html",
    }


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\ufeffTitle\r\nBody\rEnd\n", "Title\nBody\nEnd\n"),
        ("a\r\r\nb", "a\n\nb"),
        ("keep \ufeff inner mark", "keep \ufeff inner mark"),
        ("  tabs\tand trailing spaces  \n", "  tabs\tand trailing spaces  \n"),
        ("\u2028line separator and NEL\x85 stay", "\u2028line separator and NEL\x85 stay"),
        ("", ""),
    ],
)
def test_normalize_text_only_drops_bom_and_unifies_newlines(raw: str, expected: str) -> None:
    assert normalize_text(raw) == expected


@given(st.text())
def test_normalize_text_leaves_no_carriage_returns(text: str) -> None:
    result = normalize_text(text)
    assert "\r" not in result
    assert result.count("\n") == text.count("\n") + text.count("\r") - text.count("\r\n")


@given(st.text(alphabet=st.characters(exclude_categories=["Cc", "Cs"])).filter(str.strip))
def test_utf8_text_round_trips_to_its_normalized_form(text: str) -> None:
    # Text that starts with a magic number is (rightly) refused as binary.
    assume(not text.startswith(("%PDF", "GIF8", "PK")))
    document = load_bytes(text.encode("utf-8"), "prop.txt")
    assert document.text == normalize_text(text)
    assert document.encoding == "utf-8"


# --- decoding ----------------------------------------------------------------------


def test_utf8_bom_and_crlf(tmp_path: Path) -> None:
    path = write(tmp_path, "bom.txt", b"\xef\xbb\xbfPolice: 21,000 fewer\r\nSince 2010\r\n")
    document = load_path(path)
    assert document == LoadedDocument(
        source=str(path),
        text="Police: 21,000 fewer\nSince 2010\n",
        kind="text",
        encoding="utf-8",
    )
    # Offsets are defined on the BOM-less, LF-only text.
    assert document.text.index("21,000") == 8
    assert document.text.index("Since") == 21


def test_cp1252_curly_quotes_and_euro() -> None:
    assert decode_bytes(b"caf\xe9 \x93quoted\x94 \x80 5") == ("café “quoted” € 5", "cp1252")


def test_cp1252_file(tmp_path: Path) -> None:
    text = "The café said “no” — the plan costs €5 million, and 10½% of staff agree."
    path = write(tmp_path, "cp1252.txt", text.encode("cp1252"))
    document = load_path(path)
    assert document.text == text
    assert document.encoding == "cp1252"


@pytest.mark.parametrize(
    "text",
    [
        # charset_normalizer alone calls this cp1257 and decodes "coūte", "Élčve".
        "Le café coûte 3 euros. Élève à l'école, garçon, déjà vu.",
        "Café crème à la française, naïve façade",
        "Grüße aus München, Straße",
        "El niño comió jamón en España. La cigüeña voló; ¿qué más?",
    ],
)
def test_latin1_text_decodes_correctly(tmp_path: Path, text: str) -> None:
    document = load_path(write(tmp_path, "latin1.txt", text.encode("latin-1")))
    assert document.text == text
    # Latin-1 letters sit at the same bytes in Windows-1252.
    assert document.encoding in {"cp1252", "iso8859-1"}


@pytest.mark.parametrize(
    ("codec", "text"),
    [
        ("cp1251", "Правительство объявило о дополнительных 40 миллионах рублей для школ."),
        ("cp1250", "Zażółć gęślą jaźń. Rząd ogłosił dodatkowe 40 milionów złotych na szkoły."),
        ("cp1253", "Η κυβέρνηση ανακοίνωσε επιπλέον 40 εκατομμύρια ευρώ για τα σχολεία."),
    ],
)
def test_the_western_preference_does_not_override_other_code_pages(codec: str, text: str) -> None:
    decoded, encoding = decode_bytes(text.encode(codec))
    assert decoded == text
    assert encoding == codec


@pytest.mark.parametrize(
    ("codec", "expected_encoding"),
    [
        ("utf-16", "utf-16"),
        ("utf-16-le", "utf-16"),
        ("utf-16-be", "utf-16"),
        ("utf-32", "utf-32"),
        ("utf-32-le", "utf-32"),
    ],
)
def test_utf16_and_utf32_with_bom(tmp_path: Path, codec: str, expected_encoding: str) -> None:
    text = "Officers: 21,000 fewer — £40 million\r\nПривет"
    raw = text.encode(codec)
    if not codec.endswith(("16", "32")):
        # The -le/-be codecs write no mark; add the one a Windows editor would.
        raw = ("\ufeff" + text).encode(codec)
    document = load_path(write(tmp_path, "wide.txt", raw))
    assert document.text == "Officers: 21,000 fewer — £40 million\nПривет"
    assert document.encoding == expected_encoding


def test_truncated_utf16_is_an_input_error(tmp_path: Path) -> None:
    path = write(tmp_path, "odd.txt", "hello".encode("utf-16") + b"\x00")
    with pytest.raises(InputError, match=r"odd\.txt: not valid UTF-16"):
        load_path(path)


def test_invalid_utf8_is_detected_not_refused(tmp_path: Path) -> None:
    raw = b"Spending rose to \xa340 million (\xc3 broken) in 2018"
    document = load_path(write(tmp_path, "bad.txt", raw))
    assert document.encoding != "utf-8"
    assert document.text.startswith("Spending rose to ")
    assert document.text.endswith(" in 2018")


def test_invalid_utf8_after_a_utf8_bom_is_replaced(tmp_path: Path) -> None:
    path = write(tmp_path, "bom-bad.txt", b"\xef\xbb\xbfok \xff end")
    document = load_path(path)
    assert document.text == "ok \ufffd end"
    assert document.encoding == "utf-8"


@pytest.mark.parametrize(
    "raw",
    [b"", b" \n\t\r\n  ", " \n ".encode("utf-16"), b"\xef\xbb\xbf  \r\n"],
    ids=["empty", "whitespace", "utf16-whitespace", "bom-whitespace"],
)
def test_empty_and_whitespace_only_files(tmp_path: Path, raw: bytes) -> None:
    path = write(tmp_path, "empty.txt", raw)
    with pytest.raises(EmptyDocumentError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}: no text"


@pytest.mark.parametrize(
    ("raw", "what"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
        (b"GIF89a\x01\x00\x01\x00", "GIF image"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00", "gzip archive"),
        (b"Total: 21,000 officers\x00\x00 more", "NUL bytes"),
        (bytes(range(1, 9)) * 50 + b"some text", "control characters"),
    ],
)
def test_binary_content_is_refused_and_named(tmp_path: Path, raw: bytes, what: str) -> None:
    path = write(tmp_path, "notes.pdf.txt", raw)
    with pytest.raises(BinaryContentError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}: binary content ({what}), not text"


def test_a_few_control_characters_are_still_text(tmp_path: Path) -> None:
    raw = b"Page one\x0cPage two\x1b[1mbold\x1b[0m and\ttabs " + b"x" * 200
    document = load_path(write(tmp_path, "form-feed.txt", raw))
    assert document.text.startswith("Page one\x0cPage two\x1b[1m")


def test_utf16_binary_is_checked_after_decoding() -> None:
    raw = ("\ufeff" + "".join(map(chr, range(1, 30))) * 40).encode("utf-16-le")
    with pytest.raises(BinaryContentError, match="control characters"):
        decode_bytes(raw)


# --- size, missing, unreadable, unsupported ----------------------------------------


def test_size_limit_is_checked_before_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "big.txt", b"x" * 2048)

    def refuse_to_open(*args: object, **kwargs: object) -> None:
        raise AssertionError("the file was opened")

    monkeypatch.setattr(loader, "open", refuse_to_open, raising=False)
    with pytest.raises(FileTooLargeError) as caught:
        load_path(path, max_bytes=1024)
    assert str(caught.value) == f"{path}: 2.0 KB is over the 1.0 KB limit"


def test_huge_sparse_file_message(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    with open(path, "wb") as handle:
        handle.truncate(int(31.2 * 1024 * 1024))
    with pytest.raises(FileTooLargeError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}: 31.2 MB is over the 20.0 MB limit"


def test_a_file_exactly_at_the_limit_loads(tmp_path: Path) -> None:
    path = write(tmp_path, "edge.txt", b"a" * 100)
    assert load_path(path, max_bytes=100).text == "a" * 100
    with pytest.raises(FileTooLargeError, match="101 bytes is over the 100 bytes limit"):
        load_path(write(tmp_path, "over.txt", b"a" * 101), max_bytes=100)


def test_size_limit_applies_to_bytes_from_stdin() -> None:
    with pytest.raises(FileTooLargeError) as caught:
        load_bytes(b"x" * 5000, "<stdin>", max_bytes=4096)
    assert str(caught.value) == "<stdin>: 4.9 KB is over the 4.0 KB limit"
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(InputError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}: no such file or directory"
    assert isinstance(caught.value.__cause__, FileNotFoundError)


def test_relative_path_is_named_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    with pytest.raises(InputError, match=r"^missing\.txt: no such file or directory$"):
        load_path(Path("missing.txt"))
    write(tmp_path, "here.md", b"# Heading\n")
    assert load_path(Path("here.md")).source == "here.md"


def test_directory_is_an_input_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(InputError, match=r"folder\.txt: is a directory$"):
        load_path(folder)


def test_path_with_nul_is_an_input_error() -> None:
    with pytest.raises(InputError, match="invalid path"):
        load_path(Path("bad\x00name.txt"))


def test_permission_error_is_converted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", b"secret figures")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(loader, "open", deny, raising=False)
    with pytest.raises(InputError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}: permission denied"


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root can read any file"
)
def test_unreadable_file_for_real(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", b"secret figures")
    path.chmod(0)
    try:
        with pytest.raises(InputError, match=r"locked\.txt: permission denied$"):
            load_path(path)
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


def test_other_os_errors_are_converted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "flaky.txt", b"text")

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(loader, "open", fail, raising=False)
    with pytest.raises(InputError, match=r"flaky\.txt: input/output error$"):
        load_path(path)


@pytest.mark.parametrize(("name", "shown"), [("report.pdf", "'.pdf'"), ("README", "(no suffix)")])
def test_unsupported_suffix(tmp_path: Path, name: str, shown: str) -> None:
    path = write(tmp_path, name, b"plain words")
    with pytest.raises(UnsupportedFileError) as caught:
        load_path(path)
    assert str(caught.value) == (
        f"{path}: unsupported file type {shown} (supported: .txt, .md, .html, .htm)"
    )


def test_markdown_is_kept_verbatim(tmp_path: Path) -> None:
    raw = "# Budget\r\n\r\n* **£40 million** for schools\r\n".encode()
    document = load_path(write(tmp_path, "notes.MD", raw))
    assert document.kind == "markdown"
    assert document.text == "# Budget\n\n* **£40 million** for schools\n"


# --- load_bytes --------------------------------------------------------------------


def test_load_bytes_from_stdin_sniffs_html() -> None:
    html = ARTICLE_HTML.encode("utf-8")
    document = load_bytes(html, "-")
    assert document.kind == "html"
    assert document.source == "-"
    assert "£40 million" in document.text


def test_load_bytes_from_stdin_defaults_to_text() -> None:
    document = load_bytes(b"<b>not a page</b> 21,000 officers\r\n", "<stdin>")
    assert document.kind == "text"
    assert document.text == "<b>not a page</b> 21,000 officers\n"


def test_load_bytes_explicit_kind_wins_over_suffix() -> None:
    document = load_bytes(b"# Title\n", "notes.txt", "markdown")
    assert document.kind == "markdown"
    assert document.text == "# Title\n"


def test_load_bytes_rejects_unknown_kind() -> None:
    with pytest.raises(UnsupportedFileError, match=r"^x\.txt: unsupported document kind 'pdf'"):
        load_bytes(b"text", "x.txt", "pdf")


def test_load_bytes_names_the_source_in_errors() -> None:
    with pytest.raises(BinaryContentError, match=r"^<stdin>: binary content \(PNG image\)"):
        load_bytes(b"\x89PNG\r\n\x1a\n", "<stdin>")


# --- HTML --------------------------------------------------------------------------


def test_html_article_text_and_metadata(tmp_path: Path) -> None:
    path = write(tmp_path, "article.html", ARTICLE_HTML.encode("utf-8"))
    document = load_path(path)
    assert document.kind == "html"
    assert document.encoding == "utf-8"
    for figure in ("21,000\nofficers", "£40 million", "19% of their budgets", "£1.2 billion"):
        assert figure.replace("\n", " ") in document.text.replace("\n", " ")
    assert "knife crime" in document.text
    for boilerplate in ("Subscribe", "newsletter", "Copyright", "All rights reserved", "analytics"):
        assert boilerplate not in document.text
    assert "font-family" not in document.text
    assert "\r" not in document.text
    assert document.title == "Police numbers fall by 21,000 since 2010"
    assert document.author == "Jane Reporter"
    assert document.publisher == "The Daily Ledger"
    assert document.date == datetime.date(2018, 4, 9)
    assert document.url == "https://ledger.example.com/news/police-numbers"


def test_html_in_cp1252_is_decoded_before_parsing(tmp_path: Path) -> None:
    raw = ARTICLE_HTML.replace('<meta charset="utf-8">', "").encode("cp1252")
    document = load_path(write(tmp_path, "legacy.HTM", raw))
    assert document.encoding == "cp1252"
    assert "£40 million" in document.text


def test_html_without_metadata_leaves_it_empty() -> None:
    html = b"<html><body><article><p>Jobless rate: 4.2% in March.</p></article></body></html>"
    document = load_bytes(html, "bare.html")
    assert document.text == "Jobless rate: 4.2% in March."
    assert (document.title, document.author, document.publisher) == (None, None, None)
    assert (document.date, document.url) == (None, None)


# A page's date comes from its own publication metadata, never from its visible text.
_STORY = ("<article><h1>Flood defences</h1><p>The council will spend £3.5m on flood defences along the river, "
          "protecting some 1,200 homes, it said on Monday.</p><p>Work is due to start in the autumn.</p></article>")


def _page(head: str = "", before: str = "", after: str = "") -> bytes:
    return f"<html><head><title>Flood defences</title>{head}</head><body>{before}{_STORY}{after}</body></html>".encode()


@pytest.mark.parametrize(("page", "expected"), [
    pytest.param(_page(head='<meta property="article:published_time" content="2019-03-04T08:30:00Z">'),
                 datetime.date(2019, 3, 4), id="open-graph-meta"),
    pytest.param(_page(head='<meta name="date" content="2016-11-20">'), datetime.date(2016, 11, 20), id="meta-date"),
    pytest.param(_page(head='<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
                            '"2021-07-15T10:00:00+01:00", "copyrightYear": "2023"}</script>'),
                 datetime.date(2021, 7, 15), id="json-ld"),
    pytest.param(_page(before='<time itemprop="datePublished" datetime="2017-06-07">7 June 2017</time>'),
                 datetime.date(2017, 6, 7), id="microdata"),
    pytest.param(_page(head='<link rel="canonical" href="https://news.example.net/2015/02/09/flood-defences">'),
                 datetime.date(2015, 2, 9), id="canonical-url"),
])
def test_html_date_comes_from_the_pages_publication_metadata(page: bytes, expected: datetime.date) -> None:
    assert load_bytes(page, "flood.html").date == expected


@pytest.mark.parametrize("page", [
    pytest.param(_page(after="<footer>© 2023 Riverside Gazette Ltd. All rights reserved.</footer>"),
                 id="copyright-footer"),
    pytest.param(_page(after="<p>Copyright 2022 Riverside Gazette</p>"), id="copyright-line"),
    pytest.param(_page(head='<meta itemprop="copyrightYear" content="2023">'), id="copyright-year-meta"),
    pytest.param(_page(after='<aside><h2>Most read</h2><ul><li><time datetime="2021-05-04T09:00">4 May 2021</time> '
                             "Bridge closed</li><li>12 March 2020: Ferry resumes</li></ul></aside>"), id="sidebar"),
    pytest.param(_page(before="<p class='date'>Updated 3 January 2018</p>"), id="a-date-in-the-text"),
])
def test_html_date_is_never_taken_from_the_text(page: bytes) -> None:
    document = load_bytes(page, "flood.html")
    assert "£3.5m" in document.text
    assert document.date is None


def test_html_of_only_scripts_and_styles_is_empty(tmp_path: Path) -> None:
    raw = (
        b"<html><head><style>body{color:red}</style><script>var x = 21000;</script></head>"
        b"<body><script>document.write('40 million')</script><style>p{}</style></body></html>"
    )
    path = write(tmp_path, "page.html", raw)
    with pytest.raises(EmptyDocumentError) as caught:
        load_path(path)
    assert str(caught.value) == f"{path}: no readable text in the HTML"


def test_html_nested_past_the_parser_limit_keeps_its_text() -> None:
    depth = 3000  # libxml2 reads 256 levels, 2,048 at most
    html = ("<html><head><title>Deep</title><script>var cut = 99;</script></head><body>" + "<section>" * depth
            + "<h2>School budgets</h2><p>Heads say schools lost &pound;5.4bn, about 8%.<br>Since 2015.</p>"
            + "</section>" * depth + "</body></html>")
    document = load_bytes(html.encode(), "deep.html")
    assert document.kind == "html"
    assert document.text == "School budgets\n\nHeads say schools lost £5.4bn, about 8%.\n\nSince 2015."


def test_html_nested_deep_around_nothing_names_the_depth() -> None:
    html = "<html><body>" + "<div>" * 600 + "<script>var x = 21000;</script>" + "</div>" * 600
    with pytest.raises(EmptyDocumentError) as caught:
        load_bytes(html.encode(), "deep.html")
    assert str(caught.value) == "deep.html: no readable text in the HTML (nested 603 elements deep)"


def test_whitespace_only_html_is_empty(tmp_path: Path) -> None:
    path = write(tmp_path, "blank.html", b"  \r\n ")
    with pytest.raises(EmptyDocumentError, match="no text"):
        load_path(path)


@pytest.mark.parametrize(
    "html",
    [
        "<html><body>" + "<div>" * 5000 + "<p>Deep: 21,000 officers.</p>" + "</div>" * 5000,
        "<b>" * 5000 + "<p>Bold 40 million</p>",
        "<<<>>><p<p<p>>> broken & </div></div><table><tr><td>",
        "<html><body><p>unclosed <i><b>nesting " * 2000,
        '<?xml version="1.0" encoding="utf-8"?><html><body><p>XML-declared page.</p></body></html>',
    ],
    ids=["nested-divs", "nested-bold", "garbage", "unclosed", "xml-declaration"],
)
def test_malformed_html_raises_only_input_errors(html: str) -> None:
    try:
        document = load_bytes(html.encode("utf-8"), "weird.html")
    except InputError:
        return
    assert document.kind == "html"
    assert document.text.strip()


def test_parser_failures_become_input_errors(monkeypatch: pytest.MonkeyPatch) -> None:
    import trafilatura

    def explode(*args: object, **kwargs: object) -> None:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "bare_extraction", explode)
    with pytest.raises(
        InputError, match=r"^page\.html: could not parse the HTML \(RecursionError\)$"
    ):
        load_bytes(b"<html><body><p>x</p></body></html>", "page.html")


# --- iter_document_paths -----------------------------------------------------------


def make_tree(root: Path) -> None:
    for name in (
        "b.txt",
        "a.md",
        "c.pdf",
        "d.HTML",
        ".hidden.txt",
        ".git/config.txt",
        "sub/z.htm",
        "sub/B.txt",
        "sub/deeper/e.txt",
        "sub/image.png",
        "zz/f.md",
    ):
        write(root, name, b"text")


def test_directory_walk_order_filtering_and_hidden_files(tmp_path: Path) -> None:
    make_tree(tmp_path)
    found = [path.relative_to(tmp_path).as_posix() for path in iter_document_paths([tmp_path])]
    assert found == [
        "a.md",
        "b.txt",
        "d.HTML",
        "sub/B.txt",
        "sub/deeper/e.txt",
        "sub/z.htm",
        "zz/f.md",
    ]


def test_walk_keeps_relative_paths_relative(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_tree(tmp_path)
    monkeypatch.chdir(tmp_path)
    found = list(iter_document_paths([Path("."), Path("sub")]))
    assert found[0] == Path("a.md")
    assert found[-3:] == [Path("sub/B.txt"), Path("sub/deeper/e.txt"), Path("sub/z.htm")]
    assert all(not path.is_absolute() for path in found)


def test_files_and_missing_paths_are_yielded_as_given(tmp_path: Path) -> None:
    pdf = write(tmp_path, "report.pdf", b"%PDF")
    hidden = write(tmp_path, ".hidden.txt", b"text")
    missing = tmp_path / "missing.txt"
    assert list(iter_document_paths([pdf, missing, hidden])) == [pdf, missing, hidden]


def test_symlink_loops_do_not_hang(tmp_path: Path) -> None:
    make_tree(tmp_path)
    try:
        (tmp_path / "sub" / "deeper" / "loop").symlink_to(tmp_path, target_is_directory=True)
        (tmp_path / "self").symlink_to(tmp_path / "self")
        (tmp_path / "linked.txt").symlink_to(tmp_path / "b.txt")
    except (OSError, NotImplementedError):
        pytest.skip("symlinks are not available here")
    found = list(itertools.islice(iter_document_paths([tmp_path]), 100))
    names = [path.relative_to(tmp_path).as_posix() for path in found]
    # A symlinked file is a document; a symlinked folder is not entered.
    assert "linked.txt" in names
    assert len(names) == len(set(names)) == 8
    assert not any(name.startswith("sub/deeper/loop") for name in names)


def test_iter_document_paths_is_lazy(tmp_path: Path) -> None:
    first = write(tmp_path, "first.txt", b"text")

    def paths() -> Iterator[Path]:
        yield first
        raise AssertionError("consumed too far")

    iterator = iter_document_paths(paths())
    assert next(iterator) == first
    with pytest.raises(AssertionError, match="consumed too far"):
        next(iterator)


def test_walked_documents_load(tmp_path: Path) -> None:
    write(tmp_path, "one.txt", "Spending: £40 million\r\n".encode())
    write(tmp_path, "two.html", ARTICLE_HTML.encode("utf-8"))
    documents = [load_path(path) for path in iter_document_paths([tmp_path])]
    assert [document.kind for document in documents] == ["text", "html"]
    assert documents[0].text == "Spending: £40 million\n"
