"""Claims as the public JSON objects of the contract: a stored claim, or one found by ``factcheck
extract`` and not stored. Pure: the objects are read, nothing is queried.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from factcheck.extract import ExtractedClaim


def claim_record(claim: Any) -> dict[str, Any]:
    """A stored claim (a :class:`factcheck.storage.models.Claim` with its document) as the public JSON
    object of the contract (plus provenance fields).
    """
    record = _record(claim.id, claim.document.source, claim, number(claim.value_text), claim.low, claim.high)
    record.update(kind=claim.kind, document_id=claim.document_id)
    return record


def extracted_record(source: str, position: int, c: ExtractedClaim) -> dict[str, Any]:
    """A claim found by ``factcheck extract`` (not stored), numbered by its ``position`` in the document."""
    return _record(position, source, c, number(str(c.value)) if c.value is not None else None,
                   float(c.low) if c.low is not None else None, float(c.high) if c.high is not None else None)


def _record(claim_id: int, source: str, c: Any, value: int | float | None,
            low: float | None, high: float | None) -> dict[str, Any]:
    """The fields a stored and an extracted claim share, in the contract's order."""
    return {
        "id": claim_id,
        "document": source,
        "start": c.start,
        "end": c.end,
        "mention": c.mention,
        "sentence": c.sentence,
        "value": value,
        "unit": c.unit,
        "qualifier": c.qualifier,
        "change": c.change,
        "measure": c.measure,
        "place": c.place,
        "period": c.period,
        "subject": c.subject,
        "speaker": c.speaker,
        "low": low,
        "high": high,
        "period_start": c.period_start.isoformat() if c.period_start else None,
        "period_end": c.period_end.isoformat() if c.period_end else None,
        "sentence_start": c.sentence_start,
        "sentence_end": c.sentence_end,
        "rule": c.rule,
    }


def number(text: str | None) -> int | float | None:
    """A JSON number for an exact decimal string: an int when integral."""
    if text is None:
        return None
    if text.isascii() and text.isdigit():
        return int(text)  # the common case, without a Decimal
    value = Decimal(text)
    return int(value) if value == value.to_integral_value() else float(value)
