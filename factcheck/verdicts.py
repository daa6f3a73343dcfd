"""Verdicts: a fact-checker's rating of a claim, kept with its history and evidence.

A verdict is tied to its claim and, through the claim's document and span, to the
words it rates: when the document is re-extracted the verdict moves to the new
claim at the same place, and is reported as orphaned when no claim is there.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from factcheck.errors import InputError
from factcheck.models import Claim, Verdict

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
        if not url.startswith(("http://", "https://")):
            raise InputError(f"evidence must be an http(s) URL, not {url!r}")
    verdict = Verdict(claim_id=claim.id, document_id=claim.document_id, span_start=claim.start,
                      span_end=claim.end, mention=claim.mention, rating=given.rating, note=given.note.strip(),
                      evidence=json.dumps(list(given.evidence)), author=given.author)
    session.add(verdict)
    session.flush()
    return verdict


def verdict_record(v: Verdict) -> dict:
    """A verdict as a JSON-ready dict."""
    return {"id": v.id, "claim_id": v.claim_id, "rating": v.rating, "note": v.note,
            "evidence": json.loads(v.evidence or "[]"), "by": v.author,
            "created_at": v.created_at.isoformat() if v.created_at else None,
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


def latest_verdicts(session: Session, claim_ids: Sequence[int]) -> dict[int, Verdict]:
    """The newest verdict of each claim that has one."""
    latest: dict[int, Verdict] = {}
    ids = list(claim_ids)
    for i in range(0, len(ids), 500):
        stmt = select(Verdict).where(Verdict.claim_id.in_(ids[i : i + 500])).order_by(Verdict.created_at, Verdict.id)
        for v in session.scalars(stmt):
            latest[v.claim_id] = v  # type: ignore[index]
    return latest


def detach_verdicts(session: Session, document_id: int) -> None:
    """Loosen a document's verdicts from its claims before the claims are replaced."""
    session.execute(update(Verdict).where(Verdict.document_id == document_id).values(claim_id=None))


def reattach_verdicts(session: Session, document_id: int) -> list[int]:
    """Tie each of a document's verdicts to the new claim at its span; returns the ids left orphaned."""
    claims = list(session.execute(select(Claim.id, Claim.start, Claim.end, Claim.mention)
                                  .where(Claim.document_id == document_id)))
    orphans: list[int] = []
    for verdict in session.scalars(select(Verdict).where(Verdict.document_id == document_id)):
        match = _match(verdict, claims)
        verdict.claim_id = match
        if match is None:
            orphans.append(verdict.id)
    session.flush()
    return orphans


def _match(verdict: Verdict, claims: list) -> int | None:
    """The claim at the verdict's span; else the one with the same words nearest to it."""
    for claim_id, start, end, _ in claims:
        if (start, end) == (verdict.span_start, verdict.span_end):
            return claim_id
    same_words = [(abs(start - verdict.span_start), claim_id) for claim_id, start, _, mention in claims
                  if mention == verdict.mention]
    overlapping = [(abs(start - verdict.span_start), claim_id) for claim_id, start, end, _ in claims
                   if start < verdict.span_end and verdict.span_start < end]
    for candidates in (same_words, overlapping):
        if candidates:
            return min(candidates)[1]
    return None
