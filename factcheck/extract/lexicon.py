"""The extraction grammar's word lists, loaded once from ``data/``.

The rules in :mod:`factcheck.extract` read these lists; changing what the
extractor knows (a currency, a speech verb, a place) means editing a data file.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from factcheck.resources import data_dir


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: its name, kind, and the place that contains it."""

    name: str
    type: str
    parent: str | None
    capital: str | None = None


def _load(name: str) -> dict[str, Any]:
    with open(data_dir() / name, encoding="utf-8") as handle:
        return json.load(handle)


def alternation(words: list[str] | set[str], *, boundary: bool = True) -> str:
    """A regex alternation of ``words``, longest first so that longer phrases win."""
    escaped = sorted({re.escape(w) for w in words}, key=len, reverse=True)
    body = "|".join(escaped)
    return rf"(?<![\w]){'(?:' + body + ')'}(?![\w])" if boundary else f"(?:{body})"


@dataclass(frozen=True)
class Lexicon:
    """Every word list the grammar uses, with the regexes built from them."""

    numbers: dict[str, Any]
    units: dict[str, Any]
    grammar: dict[str, Any]

    @property
    def scales(self) -> dict[str, Decimal]:
        return {k: Decimal(v) for k, v in self.numbers["scales"].items()}

    def word_set(self, key: str) -> frozenset[str]:
        """A grammar list as a lower-cased set."""
        return frozenset(w.lower() for w in self.grammar[key])



@dataclass(frozen=True)
class Gazetteer:
    """Places by name, their aliases and adjectives, and the containment hierarchy."""

    places: dict[str, Place]
    aliases: dict[str, str]
    adjectives: dict[str, str]

    def ancestors(self, name: str) -> list[str]:
        """``name`` and every place that contains it, innermost first."""
        chain: list[str] = []
        current: str | None = name
        while current is not None and current not in chain:
            chain.append(current)
            place = self.places.get(current)
            current = place.parent if place else None
        return chain


@cache
def lexicon() -> Lexicon:
    """The grammar's word lists, loaded from the data folder on first use."""
    return Lexicon(numbers=_load("numbers.json"), units=_load("units.json"), grammar=_load("grammar.json"))


@cache
def first_names() -> frozenset[str]:
    """Given names, for telling people's names from other capitalised words."""
    lines = (data_dir() / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def gazetteer() -> Gazetteer:
    """The places, loaded from ``data/places.json`` on first use."""
    places_data = _load("places.json")["places"]
    places = {
        p["name"]: Place(p["name"], p.get("type", "place"), p.get("parent"), p.get("capital"))
        for p in places_data
    }
    aliases: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for p in places_data:
        aliases[p["name"]] = p["name"]
        for alias in p.get("aliases", []):
            aliases.setdefault(alias, p["name"])
        for adjective in p.get("adjectives", []):
            adjectives.setdefault(adjective, p["name"])
    return Gazetteer(places, aliases, adjectives)
