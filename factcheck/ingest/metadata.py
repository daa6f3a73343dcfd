"""What is known of a document besides its text, and where each piece comes from.

A document's metadata is layered: what the user gives (command line, manifest) wins
over what the document says of itself (page metadata, front matter, an archive row's
fields), which wins over what the link to it said (a feed item, a news sitemap).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from factcheck.ingest.loader import LoadedDocument


@dataclass(frozen=True, slots=True)
class Metadata:
    """Title, publisher, URL, publication date and author; any may be unknown."""

    title: str | None = None
    publisher: str | None = None
    url: str | None = None
    date: dt.date | None = None
    author: str | None = None

    def over(self, other: Metadata) -> Metadata:
        """These values, with ``other``'s where these have none.

        >>> Metadata(title="A").over(Metadata(title="B", publisher="P"))
        Metadata(title='A', publisher='P', url=None, date=None, author=None)
        """
        return Metadata(*(getattr(self, f.name) if getattr(self, f.name) is not None else getattr(other, f.name)
                          for f in fields(self)))

    @classmethod
    def of(cls, doc: LoadedDocument) -> Metadata:
        """What a loaded document says of itself."""
        return cls(title=doc.title, publisher=doc.publisher, url=doc.url, date=doc.date, author=doc.author)


@dataclass(frozen=True, slots=True)
class StoredVersion:
    """What the database holds under a source name: its text's digest, claim count and metadata."""

    digest: str
    claims: int
    meta: Metadata


def first_line(text: str) -> str | None:
    """A plain-text article's headline: its first line, when that reads as one.

    >>> first_line("Rail fares rise\\n\\nFares rose 3%."), first_line("Fares rose 3% on Monday.")
    ('Rail fares rise', None)
    """
    line = text.strip().split("\n", 1)[0].strip()
    if not line or len(line) > 150 or line.endswith((".", ",", ":", ";")):
        return None
    return line
