"""Reading news feeds (RSS, Atom) and sitemaps (with sitemap indexes and Google News sitemaps)
into the links they list, each with what the feed says of its article.

Pure functions: bytes in, links out; fetching them is :mod:`factcheck.ingest.fetch`'s job.
XML is parsed with its entity declarations and external references refused, so that a
hostile feed cannot expand to gigabytes or read local files.
"""

from __future__ import annotations

import datetime as dt
import io
import time
import urllib.parse
import xml.sax
import zlib
from dataclasses import dataclass, field

from factcheck.errors import InputError
from factcheck.ingest.dates import parse_date
from factcheck.ingest.frontmatter import text_value
from factcheck.ingest.metadata import Metadata
from factcheck.ingest.urls import SCHEMES

MAX_LINKS = 50_000  # the sitemaps protocol's own limit for one file


@dataclass(frozen=True, slots=True)
class Link:
    """An article a feed or sitemap points to: its URL, what the listing says of it, when it last changed."""

    url: str
    meta: Metadata = Metadata()
    modified: dt.date | None = None

    @property
    def day(self) -> dt.date | None:
        """The day the listing gives the article: its publication, else its last change."""
        return self.meta.date or self.modified


@dataclass(frozen=True, slots=True)
class Sitemap:
    """A sitemap's pages, or a sitemap index's sitemaps."""

    pages: list[Link] = field(default_factory=list)
    sitemaps: list[Link] = field(default_factory=list)


def parse_feed(raw: bytes, url: str) -> list[Link]:
    """The items of an RSS or Atom feed fetched from ``url``, in the feed's order; relative links resolved.

    An item's title, author and date become the article's metadata where its page has
    none. InputError when the bytes are no feed.
    """
    import feedparser

    _refuse_entities(raw)
    # a file object, never a string: feedparser would fetch a string that looks like a URL
    parsed = feedparser.parse(io.BytesIO(raw), response_headers={"content-location": url},
                              sanitize_html=False, resolve_relative_uris=False)
    if not parsed.get("version"):
        malformed = isinstance(parsed.get("bozo_exception"), xml.sax.SAXParseException)
        raise InputError("not an RSS or Atom feed" + (" (not well-formed XML)" if malformed else ""))
    links: list[Link] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = _absolute(entry.get("link") or _alternate(entry), url)
        if link is None or link in seen:
            continue
        seen.add(link)
        meta = Metadata(title=text_value(entry.get("title")), author=text_value(entry.get("author")),
                        date=_entry_date(entry, "published"))
        links.append(Link(link, meta, _entry_date(entry, "updated")))
    return links


def _alternate(entry: dict) -> str | None:
    for link in entry.get("links") or ():
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link["href"]
    return None


def _entry_date(entry: dict, name: str) -> dt.date | None:
    """The day an entry states, as written (its own time zone), else as feedparser read it (UTC)."""
    # read as a plain dict: feedparser's own lookup answers "updated" with the published date
    written = dict.get(entry, name)
    if isinstance(written, str) and written.strip():
        try:
            return parse_date(written)
        except InputError:
            pass
    parsed = dict.get(entry, f"{name}_parsed")
    if isinstance(parsed, time.struct_time):
        return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None


def parse_sitemap(raw: bytes, url: str, max_bytes: int) -> Sitemap:
    """The pages of a sitemap, or the sitemaps of a sitemap index, fetched from ``url``.

    Gzip-compressed sitemaps are read (up to ``max_bytes`` once decompressed), and so
    are plain-text ones (a URL a line). A Google News sitemap's publication date,
    title and publication name become the article's metadata.
    """
    if raw.startswith(b"\x1f\x8b"):
        raw = gunzip(raw, max_bytes)
    head = raw.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return Sitemap(pages=_text_sitemap(raw, url))
    root = _parse_xml(raw)
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise InputError(f"not a sitemap (its root element is <{kind}>)")
    entries: list[Link] = []
    seen: set[str] = set()
    for element in root:
        if _local(element.tag) not in ("url", "sitemap"):
            continue
        link = _sitemap_entry(element, url)
        if link is not None and link.url not in seen:
            seen.add(link.url)
            entries.append(link)
        if len(entries) >= MAX_LINKS:
            break
    return Sitemap(sitemaps=entries) if kind == "sitemapindex" else Sitemap(pages=entries)


_NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def _sitemap_entry(element, base: str) -> Link | None:
    """An entry's address and dates, and its Google News title and publication name (not, say, an image's title)."""
    values: dict[str, str] = {}
    for child in element.iter():
        name = _local(child.tag)
        direct = any(child is c for c in element)
        if (direct or str(child.tag).startswith(_NEWS)) and child.text and child.text.strip() and name not in values:
            values[name] = " ".join(child.text.split())
    link = _absolute(values.get("loc"), base)
    if link is None:
        return None
    meta = Metadata(title=values.get("title"), publisher=values.get("name"),
                    date=_optional_date(values.get("publication_date")))
    return Link(link, meta, _optional_date(values.get("lastmod")))


def _text_sitemap(raw: bytes, base: str) -> list[Link]:
    text = raw.decode("utf-8", errors="replace")
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    # each line a full URL, as the sitemaps protocol asks: a line of prose is no relative link
    links = [_absolute(line, base) if line.lower().startswith(("http://", "https://")) else None
             for line in lines[:MAX_LINKS]]
    if not lines or any(link is None for link in links):
        raise InputError("not a sitemap (neither XML nor a list of URLs)")
    return [Link(link) for link in links if link is not None]


def _parse_xml(raw: bytes):
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    try:
        return safe_xml.fromstring(raw)  # a document type is let be; entities are refused
    except DefusedXmlException as exc:
        raise InputError(f"XML refused: {_defused_reason(exc)}") from None
    except safe_xml.ParseError as exc:
        raise InputError(f"not a sitemap (not well-formed XML: {exc})") from None


def _refuse_entities(raw: bytes) -> None:
    """Refuse XML that declares entities or refers to external ones; leave malformed XML to the feed parser."""
    import defusedxml.ElementTree as safe_xml
    from defusedxml import DefusedXmlException

    try:
        safe_xml.fromstring(raw)
    except DefusedXmlException as exc:
        raise InputError(f"XML refused: {_defused_reason(exc)}") from None
    except safe_xml.ParseError:
        pass  # feedparser reads many broken feeds; it says whether this one is a feed at all


def _defused_reason(exc: Exception) -> str:
    name = type(exc).__name__
    return {"EntitiesForbidden": "it declares entities", "DTDForbidden": "it has a document type declaration",
            "ExternalReferenceForbidden": "it refers to an external resource"}.get(name, name)


def gunzip(data: bytes, limit: int) -> bytes:
    """Decompress gzip data, refusing more than ``limit`` bytes of output."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        out = inflater.decompress(data, limit + 1)
    except zlib.error as exc:
        raise InputError(f"not valid gzip ({exc})") from None
    if len(out) > limit or inflater.unconsumed_tail:
        raise InputError(f"over {limit / 1024 / 1024:.3g} MB once decompressed")
    return out


def _local(tag: object) -> str:
    return str(tag).rsplit("}", 1)[-1].lower()


def _absolute(link: str | None, base: str) -> str | None:
    if not link or not link.strip():
        return None
    resolved = urllib.parse.urljoin(base, link.strip())
    parts = urllib.parse.urlsplit(resolved)
    return resolved if parts.scheme.lower() in SCHEMES and parts.hostname else None


def _optional_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return parse_date(value)
    except InputError:
        return None  # a listing's odd date is no reason to skip its article
