"""Split a document into paragraphs, sentences and clauses, keeping offsets.

Every unit carries its character offsets into the document text, so that a
claim found in a sentence can always point back to where it was written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from factcheck.extract.lexicon import matches_at
from factcheck.resources import data_dir


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: its text and offsets in the document, and its paragraph's index."""

    start: int
    end: int
    text: str
    paragraph: int


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n+|\n(?=[ \t]*(?:[•*\-–]|\d{1,2}[.)])\s)")

# A candidate sentence end: terminal punctuation, optional closing quotes or
# brackets, then whitespace and something that can open a sentence.
_SENTENCE_END = re.compile(
    r"""
    (?P<stop>[.!?]+|\.\.\.|…)           # the terminal punctuation
    (?P<close>["'”’)\]]*)               # closing quotes or brackets belong to this sentence
    (?=\s+["'“‘(\[]?[A-Z0-9£$€•*])      # followed by space and a sentence opener
    """,
    re.VERBOSE,
)


@cache
def _abbreviations() -> frozenset[str]:
    lines = (data_dir() / "abbreviations.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(x.strip().lower() for x in lines if x.strip() and not x.startswith("#"))


def _is_abbreviation(text: str, stop_at: int) -> bool:
    """Whether the full stop at ``stop_at`` ends an abbreviation or an initial."""
    # the word is the run of word characters and full stops that ends at the stop, within
    # 40 characters (or ends at a line break there: a regex's "$" also matches before one)
    low = max(0, stop_at - 40)
    end = stop_at - 1 if stop_at > low and text[stop_at - 1] == "\n" else stop_at
    start = end
    while start > low and (text[start - 1].isalnum() or text[start - 1] in "_."):  # what [\w.] matches
        start -= 1
    if start == end:
        return False
    word = text[start:end].lower().rstrip(".")
    if len(word) == 1 and word.isalpha():
        return True  # an initial, e.g. "J. K. Rowling"
    return word in _abbreviations()


def iter_lines(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the paragraphs of ``text`` (blank lines and list items separate them)."""
    position = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        yield position, match.start()
        position = match.end()
    yield position, len(text)


_NOT_SPACE = re.compile(r"\S")


def _join_wrapped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Split a paragraph at single newlines unless the line was merely wrapped."""
    position = start
    cut = text.find("\n", start, end)
    while cut >= 0:
        before = text[position:cut].rstrip()
        following = _NOT_SPACE.search(text, cut + 1, end)  # the first character of the next line
        after = following.group() if following else ""
        wrapped = bool(before) and before[-1].isalpha() and before[-1].islower() and after[:1].islower()
        wrapped = wrapped or (bool(before) and before[-1] == "," and after[:1].islower())
        if not wrapped:
            yield position, cut
            position = cut + 1
        cut = text.find("\n", cut + 1, end)
    yield position, end


_STOP = re.compile(r"[.!?…]")


def _stops(chunk: str) -> Iterator[int]:
    """Where a sentence end can begin: each of its terminal punctuation marks (a quick scan)."""
    return (m.start() for m in _STOP.finditer(chunk))


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text``, with offsets, stripped of surrounding whitespace."""
    sentences: list[Sentence] = []
    for paragraph, (p_start, p_end) in enumerate(iter_lines(text)):
        for l_start, l_end in _join_wrapped(text, p_start, p_end):
            position = l_start
            chunk = text[l_start:l_end]
            for match in matches_at(_SENTENCE_END, chunk, _stops(chunk)):
                stop = match.start("stop")
                if match.group("stop") == "." and _is_abbreviation(chunk, stop):
                    continue
                if chunk[position - l_start : stop].strip().isdigit():
                    continue  # "1. ITV Report": a list number, not a sentence
                _append(sentences, text, position, l_start + match.end(), paragraph)
                position = l_start + match.end()
            _append(sentences, text, position, l_end, paragraph)
    return sentences


MAX_SENTENCE = 1000  # characters; a longer "sentence" is a run-on line, cut at clause breaks


def _append(out: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    # Each figure reads its whole sentence, so a run-on line of megabytes would cost time
    # quadratic in its length: cut it at the last clause break (or space) before the limit.
    while end - start > MAX_SENTENCE:
        window = text[start : start + MAX_SENTENCE]
        cut = max(window.rfind("; "), window.rfind(", "))
        cut = cut + 1 if cut > MAX_SENTENCE // 2 else (window.rfind(" ") if window.rfind(" ") > 0 else MAX_SENTENCE)
        _append(out, text, start, start + cut, paragraph)
        start += cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, text[start:end], paragraph))
