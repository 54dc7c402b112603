"""Extraction, top to bottom: analyse (mentions, clauses) -> relation patterns -> fact builders.

``extract_facts(doc, patterns)`` is a pure function of the document and the pattern set. Families
not yet expressed as patterns still run their own extractor (``LEGACY``) over the same document.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable
from functools import cache

from factcheck.extract import dates, events, officials, quantities, statistics
from factcheck.extract.analysis import Analysis, analyse
from factcheck.extract.builders import BUILDERS
from factcheck.extract.builders.anniversary import anniversaries
from factcheck.extract.builders.backrefs import event_weekday_links
from factcheck.extract.builders.event_dates import participle_dates
from factcheck.extract.builders.intervals import sentence_intervals
from factcheck.extract.builders.sentence_change import sentence_changes
from factcheck.extract.builders.spans import date_range_lengths
from factcheck.extract.builders.trade_balance import trade_balances
from factcheck.extract.certainty import annotate
from factcheck.extract.context import Context, build_context
from factcheck.extract.figure_identity import link_ages, link_figures
from factcheck.extract.relations.loader import PatternSet, load_patterns
from factcheck.extract.relations.match import RelationMatch, match_candidates
from factcheck.extract.restatement import link_restatements
from factcheck.model.document import Document
from factcheck.model.facts import FactBase
from factcheck.resources import shipped_dir

Extractor = Callable[[Document, Context], Iterable[FactBase]]

# Families still extracted by whole-phrase code, until their patterns land.
LEGACY: tuple[Extractor, ...] = (dates.extract, events.extract, quantities.extract, officials.extract)


@cache
def shipped_patterns() -> PatternSet:
    return load_patterns([shipped_dir("patterns")])


def extract_facts(doc: Document, patterns: PatternSet | None = None) -> list[FactBase]:
    pset = patterns if patterns is not None else shipped_patterns()
    a = analyse(doc)
    facts = relation_facts(a, pset) + statistics.extract(a)  # type: ignore[operator]
    legacy: list[FactBase] = []
    ctx = build_context(doc)  # one trigger pass per document, handed to every legacy extractor
    for extractor in LEGACY:
        legacy.extend(extractor(doc, ctx))
    # where a pattern read a fact of a kind a legacy extractor also reads, the pattern's reading wins
    taken = _Spans(facts)
    legacy = [f for f in legacy if not taken.overlaps(f.kind, f.span.start, f.span.end)]  # type: ignore[attr-defined]
    facts.extend(annotate(a, legacy))
    event_weekday_links(a, facts)
    participle_dates(a, facts)
    sentence_intervals(a, facts)
    anniversaries(a, facts)
    date_range_lengths(a, facts)
    sentence_changes(a, facts)
    link_restatements(a, facts)
    link_figures(a, facts)
    trade_balances(a, facts)
    link_ages(a, facts)
    facts.sort(key=lambda f: (f.span.start, f.span.end, f.kind))  # type: ignore[attr-defined]
    return facts


class _Spans:
    """Spans of facts by kind, for overlap tests in O(log n): pattern facts of one kind never overlap
    (``select`` keeps non-overlapping matches), so sorted starts and ends answer it."""

    def __init__(self, facts: list[FactBase]) -> None:
        by_kind: dict[str, list[tuple[int, int]]] = {}
        for f in facts:
            by_kind.setdefault(f.kind, []).append((f.span.start, f.span.end))  # type: ignore[attr-defined]
        self._starts = {k: [s for s, _ in sorted(v)] for k, v in by_kind.items()}
        self._ends = {k: [e for _, e in sorted(v)] for k, v in by_kind.items()}

    def overlaps(self, kind: str, start: int, end: int) -> bool:
        starts = self._starts.get(kind)
        if not starts:
            return False
        i = bisect.bisect_left(starts, end)  # spans starting before ``end``
        if i == 0:
            return False
        return self._ends[kind][i - 1] > start or any(e > start for e in self._ends[kind][max(0, i - 4) : i])


def relation_facts(a: Analysis, pset: PatternSet) -> list[FactBase]:
    out: list[FactBase] = []
    text = a.text
    for sent in a.sentences:
        candidates = pset.candidates(sent.words)
        if not candidates:
            continue
        matches = match_candidates(candidates, sent, text)
        out.extend(_built(select(matches, build=lambda m: BUILDERS[m.pattern.fact].build(m, a))))
    return out


def _built(kept: list[tuple[RelationMatch, FactBase]]) -> list[FactBase]:
    return [f for _, f in kept]


def _claim_key(m: RelationMatch) -> tuple[int, ...] | None:
    builder = BUILDERS.get(m.pattern.fact)
    if builder is None or not builder.key:
        return None
    return tuple(mt.start for name in builder.key if (mt := m.mention(name)) is not None)


def select(matches: list[RelationMatch], build: Callable[[RelationMatch], FactBase | None]) -> list[tuple[RelationMatch, FactBase]]:
    """Per fact kind, the highest-priority matches that do not overlap one kept before them (unless the
    two read different claims: their builder's key slots hold different mentions), with their facts. A
    match its builder turns down keeps no place: a lower-priority match over the same words is tried
    ("The Nov. 3 announcement came three days after ..." is no back-reference to the sentence before)."""
    kept: list[tuple[RelationMatch, tuple[int, ...] | None, FactBase]] = []
    for m in sorted(matches, key=lambda m: (-m.pattern.spec.priority, m.start, -(m.end - m.start))):
        key = _claim_key(m)
        if any(k.pattern.fact == m.pattern.fact and k.start < m.end and m.start < k.end
               and (key is None or kk is None or not key or not kk or set(key) & set(kk)) for k, kk, _ in kept):
            continue
        fact = build(m)
        if fact is not None:
            kept.append((m, key, fact))
    return [(m, f) for m, _, f in kept]
