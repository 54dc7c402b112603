"""The run's compact index: (kind, key) -> a few distinct values, each with the first documents stating it.

Memory is bounded by the number of distinct claims, not by the number of documents or facts: at
most MAX_VALUES values per key and WITNESSES documents per value are kept, and at most MAX_KEYS keys.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from factcheck.model.crossref import CrossFact

MAX_VALUES = 8
WITNESSES = 2  # two, so that a document never has to be named against itself
MAX_KEYS = 200_000
SAME_EVENT_DAYS = 7  # two dates of "one event" further apart are taken for two events of the same kind


@dataclass(frozen=True)
class Witness:
    doc: str
    entry: CrossFact


@dataclass
class CrossIndex:
    keys: dict[tuple[str, str], dict[str, list[Witness]]] = field(default_factory=dict)
    dropped: int = 0  # entries not indexed because a bound was reached

    def add(self, doc: str, entries: list[CrossFact]) -> None:
        for e in entries:
            values = self.keys.get((e.kind, e.key))
            if values is None:
                if len(self.keys) >= MAX_KEYS:
                    self.dropped += 1
                    continue
                values = self.keys[(e.kind, e.key)] = {}
            witnesses = values.get(e.value)
            if witnesses is None:
                if len(values) >= MAX_VALUES:
                    self.dropped += 1
                    continue
                witnesses = values[e.value] = []
            if len(witnesses) < WITNESSES and all(w.doc != doc for w in witnesses):
                witnesses.append(Witness(doc, e))

    def conflict(self, doc: str, entry: CrossFact) -> Witness | None:
        """The first other document that states a different value for ``entry``'s key, if any."""
        for value, witnesses in self.keys.get((entry.kind, entry.key), {}).items():
            if value == entry.value or (entry.kind == "date" and not _near(value, entry.value)):
                continue
            other = next((w for w in witnesses if w.doc != doc), None)
            if other is not None:
                return other
        return None


def _near(a: str, b: str) -> bool:
    try:
        return abs((dt.date.fromisoformat(a) - dt.date.fromisoformat(b)).days) <= SAME_EVENT_DAYS
    except ValueError:
        return False
