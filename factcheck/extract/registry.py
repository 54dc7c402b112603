"""The list of extractors, in the order they run.

Each extractor takes a Document and yields facts; they share one pass of trigger words over the text
(:mod:`factcheck.extract.context`), so each runs its detailed patterns only on sentences that need them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.extract import arithmetic, dates, events, fiscal, officials, quantities, timelines
from factcheck.model.document import Document
from factcheck.model.facts import FactBase

Extractor = Callable[[Document], Iterable[FactBase]]

EXTRACTORS: list[Extractor] = [
    dates.extract,
    events.extract,
    timelines.extract,
    quantities.extract,
    officials.extract,
    fiscal.extract,
    arithmetic.extract,
]


def extract_facts(doc: Document) -> list[FactBase]:
    facts: list[FactBase] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(doc))
    facts.sort(key=lambda f: (f.span.start, f.span.end, f.kind))  # type: ignore[attr-defined]
    return facts
