"""Verdicts: a fact-checker's rating of a claim, kept with its history and evidence.

A verdict is tied to its claim and, through the claim's document and span, to the
words it rates: when the document is re-extracted the verdict moves to the new
claim at the same place, and is reported as orphaned when no claim is there.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from urllib.parse import urlsplit

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from factcheck.errors import InputError
from factcheck.storage.models import Claim, Verdict

RATINGS = ("true", "mostly-true", "half-true", "misleading", "false", "unverifiable")


@dataclass(frozen=True, slots=True)
class VerdictInput:
    """What a fact-checker records."""

    rating: str
    note: str
    evidence: tuple[str, ...] = ()
    author: str | None = None


def record_verdict(session: Session, claim: Claim, given: VerdictInput) -> Verdict:
    """Add a verdict to a claim (earlier verdicts stay in its history)."""
    if given.rating not in RATINGS:
        raise InputError(f"rating must be one of: {', '.join(RATINGS)} (not {given.rating!r})")
    if not given.note.strip():
        raise InputError("a verdict needs a note saying why")
    for url in given.evidence:
        if not is_web_url(url):
            raise InputError(f"evidence must be an http(s) URL, not {url!r}")
    verdict = Verdict(claim_id=claim.id, document_id=claim.document_id, span_start=claim.start,
                      span_end=claim.end, mention=claim.mention, sentence=claim.sentence,
                      rating=given.rating, note=given.note.strip(),
                      evidence=json.dumps(list(given.evidence)), author=given.author)
    session.add(verdict)
    session.flush()
    return verdict


def is_web_url(url: str) -> bool:
    """Whether ``url`` is an absolute http(s) URL with a host and no spaces."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not any(c.isspace() for c in url)


def _utc(moment: dt.datetime | None) -> str | None:
    # SQLite hands back naive datetimes; they were written in UTC
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)).astimezone(dt.UTC).isoformat()


def utc_text(moment: dt.datetime | None) -> str | None:
    """A stored time as the exports write it: ISO 8601 in UTC, with no offset (as SQLite stores it),
    from any engine.

    >>> utc_text(dt.datetime(2024, 6, 2, 11, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))))
    '2024-06-02T09:30:00'
    """
    if moment is None:
        return None
    return (moment.astimezone(dt.UTC).replace(tzinfo=None) if moment.tzinfo else moment).isoformat()


def verdict_record(v: Verdict) -> dict:
    """A verdict as a JSON-ready dict."""
    return {"id": v.id, "claim_id": v.claim_id, "rating": v.rating, "note": v.note,
            "evidence": json.loads(v.evidence or "[]"), "by": v.author,
            "created_at": _utc(v.created_at),
            "document_id": v.document_id, "start": v.span_start, "end": v.span_end, "mention": v.mention}


def list_verdicts(session: Session, *, claim_id: int | None = None, orphaned: bool = False,
                  rating: str | None = None) -> list[Verdict]:
    """Verdicts, newest first: of one claim, only the orphaned ones, or of one rating."""
    stmt = select(Verdict).order_by(Verdict.created_at.desc(), Verdict.id.desc())
    if claim_id is not None:
        stmt = stmt.where(Verdict.claim_id == claim_id)
    if orphaned:
        stmt = stmt.where(Verdict.claim_id.is_(None))
    if rating:
        stmt = stmt.where(Verdict.rating == rating)
    return list(session.scalars(stmt))


def latest_verdicts(session: Session) -> dict[int, Verdict]:
    """The newest verdict of each claim that has one."""
    latest: dict[int, Verdict] = {}
    stmt = select(Verdict).where(Verdict.claim_id.is_not(None)).order_by(Verdict.created_at, Verdict.id)
    for v in session.scalars(stmt):
        latest[v.claim_id] = v  # type: ignore[index]  # the newest comes last
    return latest


def detach_verdicts(session: Session, document_id: int) -> None:
    """Loosen a document's verdicts from its claims before the claims are replaced."""
    session.execute(update(Verdict).where(Verdict.document_id == document_id).values(claim_id=None))


def reattach_verdicts(session: Session, document_id: int) -> list[int]:
    """Tie each of a document's verdicts to the new claim at its span; returns the ids left orphaned."""
    claims = list(session.execute(select(Claim.id, Claim.start, Claim.end, Claim.mention, Claim.sentence)
                                  .where(Claim.document_id == document_id)))
    orphans: list[int] = []
    for verdict in session.scalars(select(Verdict).where(Verdict.document_id == document_id)):
        match = _match(verdict, claims)
        if match is None:
            verdict.claim_id = None
            orphans.append(verdict.id)
        else:
            # the verdict follows its words: remember where they stand now
            verdict.claim_id, verdict.span_start, verdict.span_end = match[0], match[1], match[2]
    session.flush()
    return orphans


def _match(verdict: Verdict, claims: list) -> tuple[int, int, int] | None:
    """The claim with the verdict's words at its span, else with its words in the same sentence.

    A different figure at the old place, or the same figure in another sentence, is
    not the claim that was rated: the verdict is orphaned rather than moved to it.
    """
    for claim_id, start, end, mention, _ in claims:
        if (start, end) == (verdict.span_start, verdict.span_end) and mention == verdict.mention:
            return claim_id, start, end
    moved = [(abs(start - verdict.span_start), claim_id, start, end) for claim_id, start, end, mention, sentence
             in claims if mention == verdict.mention and verdict.sentence is not None and sentence == verdict.sentence]
    if moved:
        _, claim_id, start, end = min(moved)
        return claim_id, start, end
    return None
