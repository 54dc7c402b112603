"""The list of extractors, in the order they run."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.model.document import Document
from factcheck.model.facts import FactBase

Extractor = Callable[[Document], Iterable[FactBase]]

EXTRACTORS: list[Extractor] = []


def extract_facts(doc: Document) -> list[FactBase]:
    facts: list[FactBase] = []
    for extractor in EXTRACTORS:
        facts.extend(extractor(doc))
    facts.sort(key=lambda f: (f.span.start, f.span.end, f.kind))  # type: ignore[attr-defined]
    return facts
