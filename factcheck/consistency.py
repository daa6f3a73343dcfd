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

import re
from dataclasses import dataclass

from factcheck.amounts import amount
from factcheck.crossref import Fact, interval, measure_key


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


def _levels_around(change: Located, claims: list[Located]) -> tuple[Located, Located] | None:
    """The two levels of the same statistic a change sits between, in its sentence or the one before."""
    levels = [c for c in claims if c.fact.change is None and c.fact.value is not None
              and c.fact.unit not in ("percent", "percentage_point")
              and c.sentence_start in (change.sentence_start, _previous_sentence(change, claims))
              and _same_measure(c.fact, change.fact)]
    before = [c for c in levels if c.start < change.start]
    after = [c for c in levels if c.start > change.start]
    if before and after and before[-1].fact.unit == after[0].fact.unit:
        return before[-1], after[0]
    if len(before) >= 2 and before[-2].fact.unit == before[-1].fact.unit:
        return before[-2], before[-1]
    return None


def _previous_sentence(change: Located, claims: list[Located]) -> int:
    earlier = [c.sentence_start for c in claims if c.sentence_start < change.sentence_start]
    return max(earlier) if earlier else change.sentence_start


def _direction_ok(change: str | None, old: float, new: float) -> bool:
    return (change == "decrease" and new < old) or (change == "increase" and new > old)


def check_changes(doc: str, claims: list[Located]) -> list[Check]:
    """Stated changes against the levels they connect."""
    results: list[Check] = []
    for c in claims:
        f = c.fact
        if f.change is None or f.value is None:
            continue
        pair = _levels_around(c, claims)
        if pair is None:
            continue
        old_c, new_c = pair
        old, new = float(old_c.fact.value or 0), float(new_c.fact.value or 0)
        span = interval(f)
        if f.unit == "percent" and old:
            actual = abs(new - old) / abs(old) * 100
            kind, shown = "percent_change", _pct(actual)
        elif f.unit == old_c.fact.unit:
            actual = abs(new - old)
            kind, shown = "absolute_change", amount(actual, f.unit)
        else:
            continue
        ok = span is not None and span.low - 0.5 <= actual <= span.high + 0.5 and _direction_ok(f.change, old, new)
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
            stated = min(percents, key=lambda p: abs(p.start - part.start))
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

