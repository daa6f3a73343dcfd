"""Turn a file, or bytes read from stdin, into a clean document text plus metadata.

The text of a :class:`LoadedDocument` is what claims are extracted from, and
claim offsets are character offsets into it. For plain text and Markdown it is
the decoded file with a leading byte-order mark dropped and newlines turned
into ``\\n`` -- nothing else -- so an offset can always be traced back to the
file; a file that opens with a front-matter block (``---`` lines around YAML)
is the text after that block, its metadata read from it. For HTML it is the
main text that trafilatura extracts from the page.
"""

from __future__ import annotations

import codecs
import datetime
import hashlib
import html.parser
import os
import pathlib
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from factcheck.errors import (
    BinaryContentError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    UnsupportedFileError,
)
from factcheck.ingest.frontmatter import split_front_matter

SUPPORTED_SUFFIXES = (".txt", ".md", ".html", ".htm")
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

KINDS = ("text", "markdown", "html")

_KIND_BY_SUFFIX = {".txt": "text", ".md": "markdown", ".html": "html", ".htm": "html"}

# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC_NUMBERS = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip archive"),
)

# Tab, line feed, vertical tab, form feed and carriage return turn up in real text.
_TEXT_CONTROLS = frozenset((0x09, 0x0A, 0x0B, 0x0C, 0x0D))
_CONTROL_SAMPLE = 8192
_MAX_CONTROL_SHARE = 0.1

# charset_normalizer often ranks a Central European or Baltic code page first for
# short Western text (it calls b"caf\xe9 cr\xe8me" cp1250: "crčme"). News copy is
# mostly Western, so Windows-1252 wins whenever the detector scores it about as
# well as its favourite.
_WESTERN = "cp1252"
_WESTERN_CHAOS_SLACK = 0.15

_MIB = 1024 * 1024
_KIB = 1024


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """A decoded document: its clean text and what is known about where it came from."""

    source: str
    text: str
    kind: str
    encoding: str
    title: str | None = None
    author: str | None = None
    publisher: str | None = None
    date: datetime.date | None = None
    url: str | None = None
    canonical: str | None = None  # the address a page states as its own (canonical link, og:url), as written


def sha256_text(text: str) -> str:
    """The SHA-256 of a document's text, as hex: how a text already stored is recognised."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def kind_for(path: pathlib.Path) -> str | None:
    """The document kind for a file name's suffix (case-insensitive); None when unsupported."""
    return _KIND_BY_SUFFIX.get(path.suffix.lower())


def normalize_text(text: str) -> str:
    """Drop one leading byte-order mark and turn CRLF and lone CR into LF.

    Nothing else changes, so offsets into the result stay easy to predict.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def decode_bytes(raw: bytes) -> tuple[str, str]:
    """Decode a document's bytes; return ``(text, encoding)`` with a lower-case codec name.

    A UTF-8 byte-order mark is dropped from the text. Raises BinaryContentError for
    data that looks binary and InputError when no text encoding fits; the messages
    do not name a file, callers add that.
    """
    for bom, codec in _WIDE_BOMS:
        if raw.startswith(bom):
            return _decode_wide(raw, codec), codec
    what = _binary_kind(raw)
    if what is not None:
        raise BinaryContentError(f"binary content ({what}), not text")
    if raw.startswith(codecs.BOM_UTF8):
        # The mark is an explicit claim to be UTF-8, so stray bad bytes become U+FFFD
        # rather than sending the whole file to a guesser.
        return raw[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    return _detect(raw)


def load_bytes(
    raw: bytes,
    source: str,
    kind: str | None = None,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    front_matter: bool = True,
) -> LoadedDocument:
    """Load a document from bytes, e.g. read from stdin or fetched from a URL.

    ``source`` names the input in the result and in error messages. ``kind`` is
    "text", "markdown" or "html"; when None it comes from the source's suffix, or
    else from whether the bytes start like an HTML page. Text and Markdown lose a
    front-matter block to their metadata unless ``front_matter`` is False. Raises
    an InputError subclass for anything wrong with the input.
    """
    if kind is not None and kind not in KINDS:
        raise UnsupportedFileError(f"{source}: unsupported document kind {kind!r} (use {', '.join(KINDS)})")
    if len(raw) > max_bytes:
        raise FileTooLargeError(too_large_message(source, len(raw), max_bytes))
    try:
        decoded, encoding = decode_bytes(raw)
    except InputError as exc:
        raise type(exc)(f"{source}: {exc}") from exc
    if kind is None:
        kind = kind_for(pathlib.Path(source)) or _sniff_kind(decoded)
    if not decoded.strip():
        raise EmptyDocumentError(f"{source}: no text")
    if kind == "html":
        return _load_html(decoded, source, encoding)
    text = normalize_text(decoded)
    if not front_matter:
        return LoadedDocument(source=source, text=text, kind=kind, encoding=encoding)
    try:
        meta, text = split_front_matter(text)
    except InputError as exc:
        raise InputError(f"{source}: {exc}") from exc
    if meta is None:
        return LoadedDocument(source=source, text=text, kind=kind, encoding=encoding)
    if not text.strip():
        raise EmptyDocumentError(f"{source}: no text after the front matter")
    return LoadedDocument(source=source, text=text, kind=kind, encoding=encoding, title=meta.title,
                          author=meta.author, publisher=meta.publisher, date=meta.date, url=meta.url)


def load_path(path: pathlib.Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> LoadedDocument:
    """Load a document file, checking its size before reading it.

    Raises UnsupportedFileError for a suffix not in SUPPORTED_SUFFIXES, and another
    InputError subclass for a missing, unreadable, oversized, binary or empty file.
    """
    source = str(path)
    try:
        status = os.stat(path)
        if stat.S_ISDIR(status.st_mode):
            raise InputError(f"{source}: is a directory")
        size = status.st_size
        kind = kind_for(path)
        if kind is None:
            raise UnsupportedFileError(_unsupported_message(source, path))
        if size > max_bytes:
            raise FileTooLargeError(too_large_message(source, size, max_bytes))
        with open(path, "rb") as handle:
            # One byte past the limit is enough to tell that a file grew after stat,
            # or that a device or pipe reported no size at all.
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(f"{source}: {_os_error_reason(exc)}") from exc
    except ValueError as exc:
        # os.stat refuses a path with an embedded NUL with ValueError, not OSError.
        raise InputError(f"{source!r}: invalid path") from exc
    return load_bytes(raw, source, kind, max_bytes=max_bytes)


def iter_document_paths(paths: Iterable[pathlib.Path]) -> Iterator[pathlib.Path]:
    """Yield the document files named by ``paths``, lazily.

    A path that is not a directory -- a file of any suffix, or a path that does
    not exist -- is yielded as is, so that load_path can report on it. A directory
    is walked recursively, entries in name order (a folder's files and subfolders
    interleaved, like sorting the paths); only files with a supported suffix are
    yielded, hidden names (starting with '.') are skipped, symlinked folders are
    not entered and folders that cannot be listed are skipped.
    """
    for path in paths:
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path


def _walk(root: pathlib.Path) -> Iterator[pathlib.Path]:
    # An explicit stack rather than recursion: a deep tree must not hit the
    # recursion limit, and symlinked folders are never entered so it cannot loop.
    stack = [iter(_sorted_entries(str(root)))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            is_real_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_real_dir:
            stack.append(iter(_sorted_entries(entry.path)))
        elif kind_for(pathlib.Path(entry.name)) is not None:
            yield pathlib.Path(entry.path)


def _sorted_entries(directory: str) -> list[os.DirEntry[str]]:
    try:
        with os.scandir(directory) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except OSError:
        return []


def _decode_wide(raw: bytes, codec: str) -> str:
    try:
        text = raw.decode(codec)
    except UnicodeDecodeError as exc:
        raise InputError(f"not valid {codec.upper()}: {exc.reason} at byte {exc.start}") from exc
    # UTF-16/32 text is full of NUL bytes, so the binary checks run on the decoded text.
    if _control_share(text[:_CONTROL_SAMPLE]) > _MAX_CONTROL_SHARE:
        raise BinaryContentError("binary content (control characters), not text")
    return text


def _binary_kind(raw: bytes) -> str | None:
    for magic, what in _MAGIC_NUMBERS:
        if raw.startswith(magic):
            return what
    if b"\x00" in raw:
        return "NUL bytes"
    if _control_share(raw[:_CONTROL_SAMPLE]) > _MAX_CONTROL_SHARE:
        return "control characters"
    return None


_CONTROL_BYTES = bytes(code for code in range(0x20) if code not in _TEXT_CONTROLS) + b"\x7f"
_CONTROL_CHARACTERS = str.maketrans("", "", _CONTROL_BYTES.decode("ascii"))


def _control_share(sample: bytes | str) -> float:
    """The share of control characters (other than tab, newlines and form feed) in a sample."""
    if not sample:
        return 0.0
    if isinstance(sample, bytes):
        kept = len(sample.translate(None, _CONTROL_BYTES))
    else:
        kept = len(sample.translate(_CONTROL_CHARACTERS))
    return (len(sample) - kept) / len(sample)


_MOSTLY_ASCII = 0.15  # Western European text stays well under; Cyrillic or Greek is mostly non-ASCII


def _mostly_ascii_western(raw: bytes) -> str | None:
    """Text in Windows-1252 when only a few characters are not ASCII.

    English news in an 8-bit code page is ASCII but for the odd "£", "é" or curly
    quote; detectors guess poorly on so few clues (Central European or Baltic pages
    turn "£40" into "Ł40"), while text in another script is mostly non-ASCII.
    """
    try:
        text = raw.decode(_WESTERN)
    except UnicodeDecodeError:
        return None
    foreign = sum(1 for ch in text if ord(ch) > 127)
    return text if foreign <= max(1, len(text) * _MOSTLY_ASCII) else None


def _detect(raw: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    western = _mostly_ascii_western(raw)
    if western is not None:
        return western, _WESTERN
    matches = from_bytes(raw)
    best = matches.best()
    if best is None:
        raise InputError("not UTF-8 and no other text encoding fits")
    for match in matches:
        if (
            _WESTERN in match.could_be_from_charset
            and match.chaos <= best.chaos + _WESTERN_CHAOS_SLACK
            and match.coherence >= best.coherence
        ):
            try:
                return raw.decode(_WESTERN), _WESTERN
            except UnicodeDecodeError:
                break
    encoding = _codec_name(best.encoding)
    try:
        return raw.decode(encoding), encoding
    except (UnicodeDecodeError, LookupError):
        # The detector works from samples, so a byte it never saw may not fit.
        return str(best), encoding


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name.lower()
    except LookupError:
        return name.lower()


def _sniff_kind(text: str) -> str:
    head = text.lstrip("\ufeff \t\r\n")[:14].lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "text"


def _load_html(html: str, source: str, encoding: str) -> LoadedDocument:
    # Imported here: trafilatura pulls in lxml, htmldate and more, which would
    # slow down every command, including those that never read HTML.
    import trafilatura

    url = source if source.startswith(("http://", "https://")) else None
    try:
        result = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            favor_precision=False,
            # its date is not used (see _publication_date): the quickest search will do
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
        page = _parse_page(html)
        date = _publication_date(page, url)
        canonical = _stated_url(page)
    except Exception as exc:
        # Hostile markup can make lxml or trafilatura fail in many ways (ValueError,
        # RecursionError, parser errors); to the caller they all mean bad input.
        raise InputError(f"{source}: could not parse the HTML ({type(exc).__name__})") from exc
    fields = _as_dict(result)
    text = normalize_text(_clean(fields.get("text")) or "")
    if not text.strip():
        # libxml2 stops reading at 256 levels of nesting (2,048 with its "huge"
        # option), so a page nested deeper loses its text there. Python's own
        # tokenizer has no such limit; it reads the visible text of such a page.
        deep = _DeepText.read(html)
        if deep.depth <= _LIBXML_MAX_DEPTH:
            raise EmptyDocumentError(f"{source}: no readable text in the HTML")
        text = normalize_text(deep.text())
        if not text.strip():
            raise EmptyDocumentError(f"{source}: no readable text in the HTML (nested {deep.depth:,} elements deep)")
    return LoadedDocument(
        source=source,
        text=text,
        kind="html",
        encoding=encoding,
        title=_clean(fields.get("title")),
        author=_clean(fields.get("author")),
        publisher=_stated_site_name(fields.get("sitename"), url),
        date=date,
        url=_clean(fields.get("url")),
        canonical=canonical,
    )


def fragment_text(markup: str) -> str:
    """The visible text of a piece of HTML, such as an article body in a CMS export: its
    paragraphs separated by blank lines, its tags and scripts gone.

    Unlike a whole page, a fragment has no boilerplate to remove, and trafilatura would
    drop a short one altogether.

    >>> fragment_text("<p>Fares rose <b>3%</b>.</p><p>Unions objected.</p><script>x()</script>")
    'Fares rose 3%.\\n\\nUnions objected.'
    """
    return normalize_text(_DeepText.read(markup).text())


_LIBXML_MAX_DEPTH = 255
_VOID_ELEMENTS = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"]
)
_HIDDEN_ELEMENTS = frozenset(("script", "style", "noscript", "template", "head", "title"))
_BLOCK_ELEMENTS = frozenset((
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "footer", "header",
    "h1", "h2", "h3", "h4", "h5", "h6", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th",
    "tr", "ul", "br", "hr",
))


class _DeepText(html.parser.HTMLParser):
    """The visible text of a page and how deeply its elements nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.depth = 0
        self._open: list[str] = []
        self._open_count: dict[str, int] = {}
        self._hidden = 0
        self._parts: list[str] = []

    @classmethod
    def read(cls, markup: str) -> _DeepText:
        reader = cls()
        reader.feed(markup)
        reader.close()
        return reader

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_ELEMENTS:
            self._parts.append("\n")
        if tag in _VOID_ELEMENTS:
            return
        self._open.append(tag)
        self._open_count[tag] = self._open_count.get(tag, 0) + 1
        self.depth = max(self.depth, len(self._open))
        if tag in _HIDDEN_ELEMENTS:
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in _BLOCK_ELEMENTS:
            self._parts.append("\n")
        if not self._open_count.get(tag):
            return  # a stray end tag closes nothing
        while self._open:
            closed = self._open.pop()
            self._open_count[closed] -= 1
            if closed in _HIDDEN_ELEMENTS:
                self._hidden -= 1
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self._parts.append(data)

    def text(self) -> str:
        lines = (" ".join(line.split()) for line in "".join(self._parts).split("\n"))
        return "\n\n".join(line for line in lines if line)


def _stated_site_name(name: object, url: str | None) -> str | None:
    """The site's name as the page states it: trafilatura's stand-in, the host of the page's
    URL, is no name (a feed or sitemap may know the real one)."""
    name = _clean(name)
    if name is None or url is None:
        return name
    import urllib.parse

    host = (urllib.parse.urlsplit(url).netloc or "").lower()
    return None if name.lower() in (host, host.removeprefix("www."), host.split(":")[0]) else name


def _as_dict(result: object) -> dict[str, Any]:
    # trafilatura 2.x returns a Document, 1.x a dict, and both return None for no text.
    if result is None:
        return {}
    if isinstance(result, dict):
        return result
    as_dict = getattr(result, "as_dict", None)
    return as_dict() if callable(as_dict) else {}


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value or None


# Where a page states its own date of publication: its meta tags, its canonical URL, its
# JSON-LD and microdata. Never its visible text, where a "© 2023" footer, a copyright line
# or the dates of a sidebar's other stories would be taken for it.
_METADATA = ("//meta | //link[@rel='canonical'] | //script[@type='application/ld+json']"
             " | //body//*[@itemprop='datePublished' or @itemprop='dateCreated']")
# a year alone is no day of publication: read as 1 January, it would bound every period
_YEAR_ONLY_PROPERTIES = frozenset(("copyrightyear", "pubyear"))


def _parse_page(html: str) -> Any:
    """The page as an lxml tree, or None when lxml cannot read it."""
    import lxml.etree
    import lxml.html

    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.LxmlError, ValueError):
        return None


def _stated_url(page: Any) -> str | None:
    """The address a page gives as its own: its canonical link, else its og:url (possibly relative)."""
    if page is None:
        return None
    for query in ("//link[@rel='canonical']/@href", "//meta[@property='og:url']/@content"):
        for value in page.xpath(query):
            if str(value).strip():
                return str(value).strip()
    return None


def _publication_date(page: Any, url: str | None) -> datetime.date | None:
    """The date a page gives as its own publication date in its metadata, if any.

    htmldate reads the dates; it is shown only the page's metadata, so that none of
    its guesses from the text can stand in for a date the page does not state.
    """
    import htmldate
    import lxml.html

    if page is None:
        return None
    head = lxml.html.Element("head")
    for element in page.xpath(_METADATA):
        prop = (element.get("itemprop") or "").lower()
        if prop in _YEAR_ONLY_PROPERTIES:
            continue
        if element.tag in ("meta", "link", "script"):
            copy = lxml.html.Element(element.tag, dict(element.attrib))
            copy.text = element.text
        else:  # microdata in the body: <time itemprop="datePublished" datetime="…">
            stated = element.get("datetime") or element.get("content") or element.text_content()
            copy = lxml.html.Element("meta", {"itemprop": prop, "content": stated.strip()})
        head.append(copy)
    if not len(head):
        return None
    root = lxml.html.Element("html")
    root.append(head)
    metadata = lxml.html.tostring(root, encoding="unicode")
    found = htmldate.find_date(metadata, url=url, extensive_search=False, original_date=True)
    try:
        return datetime.date.fromisoformat(found) if found else None
    except ValueError:
        return None


def _unsupported_message(source: str, path: pathlib.Path) -> str:
    supported = ", ".join(SUPPORTED_SUFFIXES)
    what = f"'{path.suffix}'" if path.suffix else "(no suffix)"
    return f"{source}: unsupported file type {what} (supported: {supported})"


def too_large_message(source: str, size: int, limit: int) -> str:
    """``SOURCE: 21.0 MB is over the 20.0 MB limit``."""
    shown_size, shown_limit = _format_size(size), _format_size(limit)
    if shown_size == shown_limit:
        # Rounding would read "20.0 MB is over the 20.0 MB limit".
        shown_size, shown_limit = f"{size:,} bytes", f"{limit:,} bytes"
    return f"{source}: {shown_size} is over the {shown_limit} limit"


def _format_size(size: int) -> str:
    if size >= _MIB:
        return f"{size / _MIB:.1f} MB"
    if size >= _KIB:
        return f"{size / _KIB:.1f} KB"
    return f"{size} bytes"


def _os_error_reason(exc: OSError) -> str:
    # Fixed wording for the common cases: strerror text differs between platforms.
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    if isinstance(exc, NotADirectoryError):
        return "not a directory"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()
