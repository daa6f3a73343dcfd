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


def _trie(words: list[str] | set[str] | dict[str, Any]) -> dict[str, Any]:
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = True
    return root


def _trie_pattern(node: dict[str, Any]) -> str:
    ends = "" in node
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if ends:
        # greedy: the longer phrase is tried first, the shorter one is the fallback
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


def alternation(words: list[str] | set[str] | dict[str, Any], *, boundary: bool = True) -> str:
    """A regex matching any of ``words``, the longest where several fit.

    The words are compiled into a character trie, so that a list of a thousand
    place names costs little more to match than one name.

    >>> re.findall(alternation(["Islington", "Islington North"]), "Islington North, Islington")
    ['Islington North', 'Islington']
    """
    body = f"(?:{_trie_pattern(_trie(words))})"
    return rf"(?<![\w]){body}(?![\w])" if boundary else body


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
