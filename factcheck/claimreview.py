"""schema.org ClaimReview JSON-LD for reviewed claims, validated by Pydantic models.

The figure itself travels with the review as a ``QuantitativeValue`` (the claim's
``about``), with the period and place it covers.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, HttpUrl

from factcheck.errors import InputError

# ratingValue on a 1–5 scale; "unverifiable" is not a point on it.
RATING_VALUES = {"true": 5, "mostly-true": 4, "half-true": 3, "misleading": 2, "false": 1}
RATING_NAMES = {"true": "True", "mostly-true": "Mostly true", "half-true": "Half true", "misleading": "Misleading",
                "false": "False", "unverifiable": "Unverifiable"}
# UN/CEFACT common codes for the units that have one; money goes in unitText as its ISO 4217 code.
UNIT_CODES = {"percent": "P1", "count": "C62", "km": "KMT", "m": "MTR", "kg": "KGM", "t": "TNE", "mi": "SMI",
              "l": "LTR", "ha": "HAR", "h": "HUR"}


class _Node(BaseModel):
    model_config = ConfigDict(populate_by_name=True, extra="forbid")


class Organization(_Node):
    type: Literal["Organization"] = Field("Organization", alias="@type")
    name: str
    url: HttpUrl | None = None


class Person(_Node):
    type: Literal["Person"] = Field("Person", alias="@type")
    name: str


class CreativeWork(_Node):
    type: Literal["CreativeWork"] = Field("CreativeWork", alias="@type")
    url: HttpUrl | None = None
    headline: str | None = None
    datePublished: dt.date | None = None
    publisher: Organization | None = None


class QuantitativeValue(_Node):
    type: Literal["QuantitativeValue"] = Field("QuantitativeValue", alias="@type")
    value: float | None = None
    minValue: float | None = None
    maxValue: float | None = None
    unitCode: str | None = None
    unitText: str
    description: str | None = None


class Place(_Node):
    type: Literal["Place"] = Field("Place", alias="@type")
    name: str


class Claim(_Node):
    type: Literal["Claim"] = Field("Claim", alias="@type")
    author: Person | Organization | None = None
    datePublished: dt.date | None = None
    appearance: CreativeWork
    about: QuantitativeValue
    temporalCoverage: str | None = None
    spatialCoverage: Place | None = None


class Rating(_Node):
    type: Literal["Rating"] = Field("Rating", alias="@type")
    ratingValue: int | None = None
    bestRating: int = 5
    worstRating: int = 1
    alternateName: str
    ratingExplanation: str | None = None


class ClaimReview(_Node):
    context: Literal["https://schema.org"] = Field("https://schema.org", alias="@context")
    type: Literal["ClaimReview"] = Field("ClaimReview", alias="@type")
    url: HttpUrl
    datePublished: dt.date
    author: Organization
    claimReviewed: str
    itemReviewed: Claim
    reviewRating: Rating


def _temporal(record: dict[str, Any]) -> str | None:
    if record.get("period_start") and record.get("period_end"):
        return f"{record['period_start']}/{record['period_end']}"
    if record.get("period_start"):
        return f"{record['period_start']}/.."
    return record.get("period")


def _quantity(record: dict[str, Any]) -> QuantitativeValue:
    unit = record["unit"]
    ranged = record.get("low") is not None and record.get("high") is not None and record["low"] != record["high"]
    bounds = {"minValue": record["low"], "maxValue": record["high"]} if ranged else {}
    if record["qualifier"] == "lower_bound" and record["value"] is not None:
        bounds = {"minValue": record["value"]}
    elif record["qualifier"] == "upper_bound" and record["value"] is not None:
        bounds = {"maxValue": record["value"]}
    value = None if bounds else record["value"]
    return QuantitativeValue(value=value, unitCode=UNIT_CODES.get(unit), unitText=unit,
                             description=" ".join(x for x in (record.get("change"), record["measure"]) if x) or None,
                             **bounds)


_ORGANISATION_MARKS = re.compile(r"\b(?:[A-Z]{2,}|[A-Z]\w*(?:Council|Office|Ministry|Department|Bank|Group|Agency|"
                                 r"Institute|Association|Union|Party|Plc|Ltd|Inc|LLP|News|Times|Journal|Post|"
                                 r"Report|Survey|Commission|Committee|Authority|Trust|Service)s?)\b")


def _speaker(name: str) -> Person | Organization:
    """A claim's speaker as schema.org has it: a person's name ("Amber Rudd", "Rudd"), else an organisation
    ("Office for National Statistics", "IDC", "police", "analysts at Northgate Bank")."""
    words = name.split()
    person = 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not _ORGANISATION_MARKS.search(name)
    return Person(name=name) if person else Organization(name=name)


def claim_review(record: dict[str, Any], document: dict[str, Any], verdict: dict[str, Any],
                 publisher: Organization) -> ClaimReview:
    """The ClaimReview of one claim (a ``claim_record``), its document and its latest verdict."""
    if publisher.url is None:
        raise InputError("ClaimReview needs the publishing organisation's URL: "
                         "factcheck config publisher.url https://…")
    speaker = record.get("speaker")
    author: Person | Organization | None = _speaker(speaker) if speaker else (
        Organization(name=document["publisher"]) if document.get("publisher") else None)
    # a file path is no address for readers (and would expose the newsroom's disk): only web URLs go out
    web = next((u for u in (document.get("url"), document["source"]) if u and u.startswith(("http://", "https://"))),
               None)
    appearance = CreativeWork(url=web, headline=document.get("title") or document["source"].rsplit("/", 1)[-1],
                              datePublished=document.get("published"),
                              publisher=Organization(name=document["publisher"]) if document.get("publisher") else None)
    base = str(publisher.url).rstrip("/")
    return ClaimReview(
        url=f"{base}/claims/{record['id']}",
        datePublished=dt.date.fromisoformat(verdict["created_at"][:10]),
        author=publisher,
        claimReviewed=record["sentence"],
        itemReviewed=Claim(author=author, datePublished=document.get("published"), appearance=appearance,
                           about=_quantity(record), temporalCoverage=_temporal(record),
                           spatialCoverage=Place(name=record["place"]) if record.get("place") else None),
        reviewRating=Rating(ratingValue=RATING_VALUES.get(verdict["rating"]),
                            alternateName=RATING_NAMES[verdict["rating"]], ratingExplanation=verdict["note"]),
    )


def as_json_ld(review: ClaimReview) -> dict[str, Any]:
    """A review as the JSON-LD object to publish."""
    return review.model_dump(mode="json", by_alias=True, exclude_none=True)
