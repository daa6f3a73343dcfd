"""The extraction grammar's word lists, loaded once from ``data/``.

The rules in :mod:`factcheck.extract` read these lists; changing what the
extractor knows (a currency, a speech verb, a place) means editing a data file.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache, cached_property, lru_cache
from typing import Any

from factcheck.resources import data_dir


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: its name, kind, and the place that contains it."""

    name: str
    type: str
    parent: str | None
    capital: str | None = None
    short: str | None = None  # how news writes it, when not by its full name ("UK")


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


def alternation_not_after(words: list[str] | set[str] | dict[str, Any], chars: str) -> str:
    """Any of ``words`` (as :func:`alternation`) where no character of the class ``chars`` comes before it.

    The check on the character before a word is written after the word's first character
    (``A(?<![\\w]A)...`` reads as ``(?<![\\w])A...``): a pattern that opens on a lookbehind is
    tried at every character of a text, one that opens on a literal character only where
    that character is, which is much faster when the words start with capitals.
    """
    root = _trie(words)
    if "" in root:
        return rf"(?<!{chars}){alternation(words, boundary=False)}"
    branches = []
    for ch, child in sorted(root.items()):
        first = re.escape(ch)
        branches.append(f"{first}(?<!{chars}{first}){_trie_pattern(child)}")
    return f"(?:{'|'.join(branches)})"


def fold(text: str) -> str:
    """``text`` lower-cased, to look quickly for the words that a case-blind pattern could match.

    Under ``re.IGNORECASE`` "i" also matches a dotted capital I (İ) and a dotless i (ı), and
    "s" a long s (ſ), yet ``lower()`` turns "İ" into two characters and leaves the others as
    they are: all three become the plain letter here, so that whatever a case-blind pattern
    finds in ``text``, its lower-case words are found in ``fold(text)``, at the same offsets
    (each character folds to one character).
    """
    if text.isascii():
        return text.lower()  # nothing to fold but the case
    return text.replace("İ", "i").lower().replace("ı", "i").replace("ſ", "s")


_LETTERS = re.compile(r"[a-z]+")


@lru_cache(maxsize=64)  # a sentence is asked about by several rules in turn, and its many cues all ask for its words
def folded_words(text: str) -> frozenset[str]:
    """The words of ``text``: its runs of the letters a-z once lower-cased by :func:`fold`."""
    return frozenset(_LETTERS.findall(fold(text)))


class WordCue:
    """What a sentence holds wherever a case-blind pattern can find one of ``entries`` in it.

    Where such a pattern finds an entry with no letter just before or after it, each run of
    letters of the entry is a whole word of the sentence (see :func:`folded_words`). So a
    sentence that does not hold all the words of at least one entry holds no entry at all,
    and is spared the pattern.
    """

    def __init__(self, entries: Iterable[str]) -> None:
        # each entry's words, listed under its longest word (which the sentence is asked for first)
        self._by_word: dict[str, list[frozenset[str]]] = {}
        for entry in entries:
            words = _LETTERS.findall(fold(entry))
            if not words:
                raise ValueError(f"{entry!r} has no letters to look for")
            self._by_word.setdefault(max(words, key=len), []).append(frozenset(words))
        self._keys = frozenset(self._by_word)

    @classmethod
    def of(cls, entries: Iterable[str]) -> WordCue | None:
        """The cue of ``entries``, or ``None`` if an entry has no letters (and so no cue)."""
        try:
            return cls(entries)
        except ValueError:
            return None

    def held_by(self, text: str) -> bool:
        """Whether ``text`` holds every word of one of the entries."""
        words = folded_words(text)
        if self._keys.isdisjoint(words):
            return False
        return any(entry <= words for key in self._keys & words for entry in self._by_word[key])


class WordCues:
    """Several named :class:`WordCue` cues, asked about a sentence at once: which of them it holds.

    One look at the sentence's words serves them all, where asking each cue in turn reads the
    sentence's words once per cue.
    """

    def __init__(self, cues: dict[str, WordCue]) -> None:
        self._by_word: dict[str, list[tuple[str, frozenset[str]]]] = {}
        for name, cue in cues.items():
            for key, entries in cue._by_word.items():
                self._by_word.setdefault(key, []).extend((name, entry) for entry in entries)
        self._keys = frozenset(self._by_word)

    def held_by(self, text: str) -> set[str]:
        """The names of the cues ``text`` holds."""
        words = folded_words(text)
        return {name for key in self._keys & words for name, entry in self._by_word[key] if entry <= words}


def cued_matches(pattern: re.Pattern[str], cue: WordCue | None, text: str,
                 scanned: str | None = None) -> Iterator[re.Match[str]]:
    """``pattern``'s matches in ``scanned`` (by default ``text``), if ``text`` holds the ``cue``.

    Without a cue, the pattern is always tried.
    """
    if cue is not None and not cue.held_by(text):
        return iter(())
    return pattern.finditer(text if scanned is None else scanned)


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, for a pattern that can only match from one of ``starts`` (ascending).

    Python's regex engine tries a pattern at every character of the text unless the pattern
    opens on a literal character; when a few known places are the only ones where a match can
    begin, trying just those is much faster. As with ``finditer``, the next match is looked
    for after the end of the last, and the pattern sees the whole text around each offset.
    The pattern must not match the empty string.
    """
    end = 0
    for start in starts:
        if start >= end and (m := pattern.match(text, start)):
            yield m
            end = m.end()


def matches_near(pattern: re.Pattern[str], text: str, anchor: re.Pattern[str], reach: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, for a pattern each of whose matches holds, at most ``reach`` characters
    after its start, a character that ``anchor`` (a one-character pattern, such as ``\\d``) matches.

    No match can then begin more than ``reach`` characters before the next such character, so the
    search for each match starts there rather than at every character since the last match. It is
    fast when the pattern matches at (or just before) each anchor character, as the digits of a
    figure do. The pattern must not match the empty string.
    """
    end = 0
    while (hit := anchor.search(text, end)) is not None:
        m = pattern.search(text, max(end, hit.start() - reach))
        if m is None:
            return
        yield m
        end = m.end()


@dataclass(frozen=True)
class Lexicon:
    """Every word list the grammar uses, with the regexes built from them."""

    numbers: dict[str, Any]
    units: dict[str, Any]
    grammar: dict[str, Any]

    @cached_property
    def scales(self) -> dict[str, Decimal]:
        """Scale words and their factors (``bn`` → 1000000000); read-only, built once."""
        return {k: Decimal(v) for k, v in self.numbers["scales"].items()}


@dataclass(frozen=True)
class Gazetteer:
    """Places by name, their aliases and adjectives, and the containment hierarchy."""

    places: dict[str, Place]
    aliases: dict[str, str]
    adjectives: dict[str, str]
    institutions: dict[str, str] = field(default_factory=dict)  # an institution → the place it stands for
    people: dict[str, str] = field(default_factory=dict)  # a noun for a place's people ("Germans", "Britons") → it

    def shown(self, name: str) -> str:
        """A place's name as a figure's place is written: its short name where news uses one ("UK")."""
        place = self.places.get(name)
        return place.short or place.name if place else name

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
def change_verbs() -> list[str]:
    """The verbs of change, rises and falls alike ("rose", "fell", "leapt"), as the grammar lists them."""
    return [verb for verbs in lexicon().grammar["change_verbs"].values() for verb in verbs]


@cache
def left_from_verbs() -> frozenset[str]:
    """The verbs whose subject leaves one level for another with "from" ("had gone from $17.8bn")."""
    return frozenset(lexicon().grammar["left_from_verbs"]["words"])


def past_tense(word: str) -> bool:
    """Whether ``word`` reads as a verb's past: it ends in "-ed" or is an irregular past ("won", "sold")."""
    return word.endswith("ed") or word in grammar_set("irregular_past_verbs")


@cache
def transitive_change_verbs() -> dict[str, str]:
    """The verbs that change what they take as object ("cut spending", "lifted revenues"), with the way each
    changes it (``increase`` or ``decrease``)."""
    return {verb: direction for direction, verbs in lexicon().grammar["transitive_change_verbs"].items()
            for verb in verbs}


@cache
def grammar_set(key: str) -> frozenset[str]:
    """A word list of the grammar as a set, as written, built once."""
    return frozenset(lexicon().grammar[key])


@cache
def grammar_words(key: str) -> frozenset[str]:
    """A word list of the grammar as a lower-cased set, built once: a list, or the ``words`` of an entry that says
    what they are for."""
    entry = lexicon().grammar[key]
    return frozenset(w.lower() for w in (entry["words"] if isinstance(entry, dict) else entry))


@cache
def first_names() -> frozenset[str]:
    """Given names, for telling people's names from other capitalised words."""
    lines = (data_dir() / "first_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@cache
def gazetteer() -> Gazetteer:
    """The places, loaded from ``data/places.json`` on first use."""
    data = _load("places.json")
    places_data = data["places"]
    places = {
        p["name"]: Place(p["name"], p.get("type", "place"), p.get("parent"), p.get("capital"), p.get("short"))
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
    people: dict[str, str] = {}
    for p in places_data:
        # "Germans", "Iraqis": the adjective with an s, where the adjective does not end as no noun does ("British")
        nouns = [a + "s" for a in p.get("adjectives", []) if not a.endswith(_NO_PLURAL)] + p.get("people", [])
        for noun in nouns:
            if noun not in aliases:  # "the Philippines" is the place itself
                people.setdefault(noun, p["name"])
    return Gazetteer(places, aliases, adjectives, data.get("institutions", {}), people)


_NO_PLURAL = ("sh", "ch", "ese", "s", "x", "ic", "ish")
