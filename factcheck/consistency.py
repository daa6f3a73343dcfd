"""Arithmetic consistency inside one article: do its figures add up?

Four checks, each pure over one document's claims:

- a stated change against the two levels it connects (``10,110`` → ``3,111`` is a
  69.2% fall, which ``almost 70 per cent`` describes);
- a stated absolute change against the same two levels;
- a percentage against the count and total it is a share of (``3,000 of 10,000``
  against ``30%``);
- parts against the total they make up (``1,200 staff, including 700 nurses and 600
  doctors`` does not add up).
"""

from __future__ import annotations

import itertools
import math
import re
from dataclasses import dataclass

from factcheck.amounts import amount
from factcheck.crossref import Fact, Interval, interval, measure_key


@dataclass(frozen=True, slots=True)
class Located:
    """A claim with its place in the text, for finding the figures it relates to."""

    fact: Fact
    start: int
    sentence_start: int
    sentence: str


@dataclass(frozen=True, slots=True)
class Check:
    """The result of one arithmetic check."""

    status: str  # "consistent" or "inconsistent"
    kind: str  # "percent_change", "absolute_change", "share"
    claims: tuple[int, ...]
    document: str
    explanation: str


def _pct(value: float) -> str:
    return f"{value:.1f}%"


def _same_measure(a: Fact, b: Fact) -> bool:
    ka, kb = measure_key(a.measure), measure_key(b.measure)
    return not ka or not kb or bool(ka & kb)


# the words that join the two levels a change connects: "from A to B", "to B from A", "A in 2016 and B in 2017";
# a short time phrase may follow the first ("from 10,110 in 2006/07 to 3,111")
_WHEN = r"(?:\s+[a-z][\w'-]*){0,2}?(?:\s*,?\s+(?:in|at|on|by|during|for)\s+(?:the\s+)?[\w/'-]+(?:\s+[\w/'-]+)?)?"
_FORWARD = re.compile(_WHEN + r"\s*,?\s+to\s+$")
_PAIRED = re.compile(_WHEN + r"\s*,?\s+and\s+(?:to\s+)?$")
_BACKWARD = re.compile(_WHEN + r"\s*,?\s+from\s+$")
_FROM = re.compile(r"\bfrom\s+$")
_GOES_TO = re.compile(r"\s+(?:\w+\s+){0,2}?(?:to|at)\s+$")
# a change that goes on from the level before it: "10,110 incidents in 2006/07, a figure which fell by ..."
_REFERS_BACK = re.compile(r"\b(?:which|that|and\s+then)\b")


def _levels_around(change: Located, claims: list[Located]) -> tuple[Located, Located] | None:
    """The two levels a change connects, in its own sentence, oldest first: joined as levels are ("from A to
    B", "to B from A", "A and B") when the change is the nearest one to them, or the level the change goes
    to ("fell by 70 per cent to 3,111") and the one it comes from (written after it with "from", else the
    level before the change that no other change goes to). ``None`` when the sentence does not say."""
    own = [c for c in claims if c.sentence_start == change.sentence_start]
    levels = [c for c in own if c.fact.change is None and c.fact.value is not None
              and c.fact.unit not in ("percent", "percentage_point")]
    changes = [c for c in own if c.fact.change is not None and c.fact.value is not None]
    sentence = change.sentence
    at = change.start - change.sentence_start
    # the levels another change goes to ("rose 2% to 300", "closed 1% higher at 10,137")
    targets = {id(c) for c in levels for other in changes
               if _GOES_TO.match(sentence[other.start - other.sentence_start + len(other.fact.mention):
                                          c.start - c.sentence_start])}
    for i, level in enumerate(levels):
        offset = level.start - level.sentence_start
        if offset > at and re.fullmatch(r"\s+to\s+", sentence[at + len(change.fact.mention):offset]):
            rest = levels[i + 1:]
            if rest and _BACKWARD.fullmatch(sentence[offset + len(level.fact.mention):rest[0].start
                                                     - rest[0].sentence_start]):
                return _alike(rest[0], level, change)
            # the level before: only when it measures what the change and its new level measure, in words
            earlier = [c for c in levels[:i] if c.start < change.start and id(c) not in targets
                       and measure_key(c.fact.measure) & measure_key(level.fact.measure)
                       and _REFERS_BACK.search(sentence[c.start - c.sentence_start:at])]
            return _alike(earlier[-1], level, change) if earlier else None
    for first, second in itertools.pairwise(levels):
        end = first.start - first.sentence_start + len(first.fact.mention)
        between = sentence[end:second.start - second.sentence_start]
        before = sentence[:first.start - first.sentence_start]
        nearest = min(changes, key=lambda c: min(abs(c.start - first.start), abs(c.start - second.start)))
        if nearest is not change:
            continue
        if (_FORWARD.fullmatch(between) and _FROM.search(before)) or _PAIRED.fullmatch(between):
            return _alike(first, second, change)
        if _BACKWARD.fullmatch(between):
            return _alike(second, first, change)
    return None


def _alike(old: Located, new: Located, change: Located) -> tuple[Located, Located] | None:
    """The two levels, when they can be of one statistic with the change: one unit, one holder, one measure."""
    if old.fact.unit != new.fact.unit or not _one_holder(old.fact, new.fact, change.fact):
        return None
    return (old, new) if _same_measure(old.fact, new.fact) else None


def _one_holder(*facts: Fact) -> bool:
    """Whether the claims name no two different holders."""
    return len({f.subject.lower() for f in facts if f.subject}) <= 1


_SCALED = re.compile(r"\d\s*(?:k|m|bn|tn|million|billion|trillion|thousand)\b", re.IGNORECASE)


def _level_span(f: Fact) -> Interval | None:
    """The values a level allows in an arithmetic check: a figure with a scale word (``£2.5bn``) is rounded
    to its last digit, one written out in full (``10,110``, ``200``) is taken as exact."""
    if f.value is None:
        return None
    if f.qualifier == "exact" and not _SCALED.search(f.mention):
        value = float(f.value)
        return Interval(value, value)
    return interval(f)


def _change_range(change: str, unit: str, old: Interval, new: Interval) -> tuple[float, float] | None:
    """The smallest and largest change (in percent for a percentage) that two rounded levels allow, signed."""
    corners = [(o, n) for o in (old.low, old.high) for n in (new.low, new.high)]
    if any(math.isinf(x) for pair in corners for x in pair):
        return None
    if unit == "percent":
        if any(o <= 0 for o, _ in corners):
            return None
        values = [(n - o) / o * 100 for o, n in corners]
    else:
        values = [n - o for o, n in corners]
    return min(values), max(values)


def check_changes(doc: str, claims: list[Located]) -> list[Check]:
    """Stated changes against the two levels of the same statistic they connect, in the same sentence; a
    change is inconsistent only when no rounding of the figures as written brings them together."""
    results: list[Check] = []
    for c in claims:
        f = c.fact
        if f.change is None or f.value is None:
            continue
        pair = _levels_around(c, claims)
        if pair is None:
            continue
        old_c, new_c = pair
        if f.unit == "percent":
            kind = "percent_change"
        elif f.unit == old_c.fact.unit:
            kind = "absolute_change"
        else:
            continue
        span, old_span, new_span = interval(f), _level_span(old_c.fact), _level_span(new_c.fact)
        if span is None or old_span is None or new_span is None:
            continue
        allowed = _change_range(f.change, f.unit, old_span, new_span)
        if allowed is None:
            continue
        sign = 1 if f.change == "increase" else -1
        low, high = (allowed if sign > 0 else (-allowed[1], -allowed[0]))
        slack = 0.5 if f.unit == "percent" else 0.0
        ok = span.low - slack <= high and low <= span.high + slack
        old, new = float(old_c.fact.value or 0), float(new_c.fact.value or 0)
        actual = abs(new - old) / abs(old) * 100 if kind == "percent_change" and old else abs(new - old)
        shown = _pct(actual) if kind == "percent_change" else amount(actual, f.unit)
        verdict = "consistent" if ok else "inconsistent"
        why = (f"{old_c.fact.mention} → {new_c.fact.mention} is a {shown} {'fall' if new < old else 'rise'}; "
               f"the article states {f.mention!r} ({f.change}): {verdict}")
        results.append(Check(verdict, kind, (old_c.fact.id, c.fact.id, new_c.fact.id), doc, why))
    return results


_SHARE = re.compile(r"(?P<part>\d[\d,.]*)\s+(?:\w+\s+){0,3}?(?:of|out\s+of)\s+"
                    r"(?:(?:the|all|its|their|our|his|her|a\s+total\s+of)\s+)?(?P<whole>\d[\d,.]*)")


def _digits_at(mention: str) -> int:
    m = re.search(r"\d", mention)
    return m.start() if m else 0


def check_shares(doc: str, claims: list[Located]) -> list[Check]:
    """Percentages against the count and total written next to them in the same sentence."""
    results: list[Check] = []
    by_sentence: dict[int, list[Located]] = {}
    for c in claims:
        by_sentence.setdefault(c.sentence_start, []).append(c)
    for group in by_sentence.values():
        percents = [c for c in group if c.fact.unit == "percent" and c.fact.change is None and c.fact.value is not None]
        # keyed by where each figure's digits start ("Some 3,000" is found at "3,000")
        counts = {c.start - c.sentence_start + _digits_at(c.fact.mention): c for c in group if c.fact.unit == "count"}
        if not percents or len(counts) < 2:
            continue
        for m in _SHARE.finditer(group[0].sentence):
            part, whole = counts.get(m.start("part")), counts.get(m.start("whole"))
            if part is None or whole is None or not whole.fact.value:
                continue
            share = float(part.fact.value or 0) / float(whole.fact.value) * 100
            written = [p for p in percents if not re.search(r"\bof\b", p.fact.mention)]  # not "two out of 16"
            if not written:
                continue
            stated = min(written, key=lambda p: abs(p.start - part.start))
            span = interval(stated.fact)
            ok = span is not None and span.low - 0.5 <= share <= span.high + 0.5
            verdict = "consistent" if ok else "inconsistent"
            why = (f"{part.fact.mention} of {whole.fact.mention} is {_pct(share)}; the article states "
                   f"{stated.fact.mention!r}: {verdict}")
            results.append(Check(verdict, "share", (part.fact.id, whole.fact.id, stated.fact.id), doc, why))
    return results


_PARTS_OPEN = re.compile(r"\b(?:including|of\s+(?:which|whom)|among\s+them|made\s+up\s+of|comprising)\b|:\s")


def check_parts(doc: str, claims: list[Located]) -> list[Check]:
    """Parts against the total they make up: ``1,200 staff, including 700 nurses and 600 doctors``."""
    results: list[Check] = []
    by_sentence: dict[int, list[Located]] = {}
    for c in claims:
        if c.fact.value is not None and c.fact.change is None and c.fact.unit not in ("percent", "percentage_point"):
            by_sentence.setdefault(c.sentence_start, []).append(c)
    for group in by_sentence.values():
        sentence = group[0].sentence
        for i, total in enumerate(group):
            tail_start = total.start - total.sentence_start
            opener = _PARTS_OPEN.search(sentence, tail_start)
            if opener is None:
                continue
            parts = [c for c in group[i + 1 :] if c.fact.unit == total.fact.unit
                     and c.start - c.sentence_start > opener.start()]
            if len(parts) < 2:
                continue
            added = sum(float(p.fact.value or 0) for p in parts)
            span = interval(total.fact)
            whole = float(total.fact.value or 0)
            # a stated total is taken at its word unless it is hedged ("about", "more than")
            hedged = total.fact.qualifier in ("approx", "lower_bound") and span is not None
            ok = added <= (span.high if hedged else whole) + 0.5
            verdict = "consistent" if ok else "inconsistent"
            listed = " + ".join(p.fact.mention for p in parts)
            why = (f"{listed} = {added:,.10g}, against a stated total of {total.fact.mention!r}: "
                   f"{'the parts fit in the total' if ok else 'the parts add up to more than the total'}")
            results.append(Check(verdict, "parts", (total.fact.id, *(p.fact.id for p in parts)), doc, why))
            break
    return results


def check_document(doc: str, claims: list[Located]) -> list[Check]:
    """Every arithmetic check on one document's claims (in text order)."""
    ordered = sorted(claims, key=lambda c: c.start)
    return check_changes(doc, ordered) + check_shares(doc, ordered) + check_parts(doc, ordered)

