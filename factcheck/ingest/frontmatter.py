"""Front matter: the ``---`` block of YAML at the top of a Markdown or text article.

Pure functions: text in, metadata and the article's own text out. The block is
removed from the text the document is stored with, so that its lines neither
become the headline nor give claims; claim offsets are into the text that follows it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from factcheck.errors import InputError
from factcheck.ingest.dates import as_date

_OPENING = "---\n"
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE)
_MAX_LINES = 200  # a block longer than this is not front matter but an article that starts with a rule
# what makes an unparsable block front matter all the same: it starts like "title: ..."
_KEY_LINE = re.compile(r"\A\s*[A-Za-z_][\w -]*:(?:\s|$)")

# the names each field goes by in the wild (Jekyll, Hugo, Pandoc, CMS exports), lower case
FIELDS = {
    "title": ("title", "headline"),
    "date": ("date", "published", "pubdate", "publication_date", "date_published"),
    "url": ("url", "canonical_url", "canonical", "link", "permalink"),
    "publisher": ("publisher", "site", "site_name", "source", "outlet"),
    "author": ("author", "authors", "byline"),
}


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What a front-matter block says about its article."""

    title: str | None = None
    date: dt.date | None = None
    url: str | None = None
    publisher: str | None = None
    author: str | None = None


def split_front_matter(text: str) -> tuple[FrontMatter | None, str]:
    """The front matter of ``text`` (normalized: ``\\n`` newlines) and the text after it.

    Text without a front-matter block comes back as it is, with ``None``. A block that
    is front matter by its look (``key: value`` lines between ``---`` lines) but not
    valid YAML, or whose date is no date, raises InputError.

    >>> meta, body = split_front_matter("---\\ntitle: Rail fares\\ndate: 4 March 2019\\n---\\nFares rose 3%.\\n")
    >>> meta.title, meta.date.isoformat(), body
    ('Rail fares', '2019-03-04', 'Fares rose 3%.\\n')
    >>> split_front_matter("---\\n\\nA rule, then prose.\\n")
    (None, '---\\n\\nA rule, then prose.\\n')
    """
    if not text.startswith(_OPENING):
        return None, text
    closing = _CLOSING.search(text, len(_OPENING))
    if closing is None or text.count("\n", 0, closing.start()) > _MAX_LINES:
        return None, text
    block = text[len(_OPENING) : closing.start()]
    body = text[closing.end() :].removeprefix("\n").lstrip("\n")
    fields = _parse_block(block)
    if fields is None:
        return None, text
    return _front_matter(fields), body


def _parse_block(block: str) -> dict[str, Any] | None:
    import yaml

    try:
        parsed = yaml.safe_load(block)
    except yaml.YAMLError as exc:
        if not _KEY_LINE.match(block):
            return None  # a rule, some lines, another rule: not front matter
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 2}" if where is not None else ""  # + the opening line, 1-based
        problem = getattr(exc, "problem", None) or type(exc).__name__
        raise InputError(f"front matter is not valid YAML{at}: {problem}") from None
    if not isinstance(parsed, dict):
        return None
    return {str(key).lower(): value for key, value in parsed.items()}


def _front_matter(fields: dict[str, Any]) -> FrontMatter:
    found: dict[str, Any] = {}
    for name, keys in FIELDS.items():
        value = next((fields[key] for key in keys if fields.get(key) not in (None, "")), None)
        if name == "date":
            try:
                found[name] = as_date(value)
            except InputError as exc:
                raise InputError(f"front matter date: {exc}") from None
        else:
            found[name] = text_value(value)
    return FrontMatter(**found)


def text_value(value: object) -> str | None:
    """A metadata value as one line of text: a list of names joined with commas, a mapping by its name.

    >>> text_value(["Ann Lee", "Raj Patel"]), text_value({"name": "The Herald"}), text_value("  ")
    ('Ann Lee, Raj Patel', 'The Herald', None)
    """
    if value is None:
        return None
    if isinstance(value, dict):
        return text_value(value.get("name"))
    if isinstance(value, list):
        names = [name for name in (text_value(item) for item in value) if name]
        return ", ".join(names) or None
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    shown = " ".join(str(value).split())
    return shown or None
