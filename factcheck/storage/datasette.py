"""What Datasette is told about a database: the canned queries it offers, the document sets (the folder
each document came from, or its site) with their recorded source and licence, and the publisher.

The metadata itself is written by :mod:`factcheck.publish`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from factcheck.storage.models import Document
from factcheck.storage.settings import get_setting

# Canned queries, run by Datasette on an SQLite file: each agreeing (conflicting) pair with its figures.
AGREEMENTS_SQL = """
select l.id as link, a.id as claim_a, a.mention as figure_a, da.source as document_a,
       b.id as claim_b, b.mention as figure_b, db.source as document_b, a.measure,
       a.mention || ' ' || a.measure || coalesce(' in ' || a.place, '') || coalesce(' [' || a.period || ']', '')
       || ' versus ' || b.mention || ' ' || b.measure || coalesce(' in ' || b.place, '')
       || coalesce(' [' || b.period || ']', '') as explanation
from links l
join claims a on a.id = l.claim_a join documents da on da.id = a.document_id
join claims b on b.id = l.claim_b join documents db on db.id = b.document_id
where l.status = 'agree' order by l.id
"""
CONTRADICTIONS_SQL = AGREEMENTS_SQL.replace("'agree'", "'conflict'")


def document_sets(session: Session) -> list[dict[str, Any]]:
    """Each document set (the folder its files came from, or the site of a URL): its name, number of
    documents, and the source and licence recorded for it (``set.NAME.source``, ``set.NAME.licence``).
    """
    counts: dict[str, int] = {}
    for source in session.scalars(select(Document.source)):
        folder = Path(source).parent.name or source
        counts[folder] = counts.get(folder, 0) + 1
    return [{"name": name, "documents": n, "source": get_setting(session, f"set.{name}.source"),
             "licence": get_setting(session, f"set.{name}.licence")} for name, n in sorted(counts.items())]


def publisher(session: Session) -> dict[str, str | None]:
    """The publishing organisation's name and URL, and the licence of the database as a whole."""
    return {key: get_setting(session, key) for key in ("publisher.name", "publisher.url", "licence")}
