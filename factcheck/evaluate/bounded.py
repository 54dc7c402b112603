"""Bounded evaluation: no document can make the engines do superlinear work.

A rule over one fact costs one test per fact. A rule that joins facts (``numbers.conflicting-figure``
pairs quantities with the same subject and unit) costs one test per pair that agrees on its join keys,
and ordinary dense text (a long table of figures for one subject) has quadratically many: measured,
durable-rules took 3.2 s for 400 such quantities, and the pure-Python engine 10 s for a 200 KB draft.

So the rule set is split in two engines of the same kind: rules over one fact see every fact; rules
that join two or more facts see at most ``max_joined`` facts of each kind (the earliest in the
document), so a join costs at most ``max_joined ** 2`` tests per rule however long the document. What
was left out of the joins is counted (``BoundedRun.dropped``) for the document's note. Below the limit
the matches are exactly those of one engine over the whole rule set.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.evaluate import Engine, Match, RuleSet, make_engine

MAX_JOINED_FACTS_PER_KIND = 200


@dataclass
class BoundedRun:
    matches: list[Match]
    dropped: dict[str, int] = field(default_factory=dict)  # kind -> facts left out of the joins


@dataclass
class _Part:
    engine: Engine
    rules: tuple[int, ...]  # index in the part's rule set -> index in the whole rule set
    limit: int | None


class BoundedEngine:
    """:class:`~factcheck.evaluate.Engine` over a rule set, with joins bounded (see the module doc)."""

    def __init__(self, ruleset: RuleSet, name: str = "durable", *, max_joined: int = MAX_JOINED_FACTS_PER_KIND):
        self.ruleset = ruleset
        self.max_joined = max_joined
        single = tuple(i for i, r in enumerate(ruleset.rules) if len(r.spec.when) <= 1)
        joins = tuple(i for i, r in enumerate(ruleset.rules) if len(r.spec.when) > 1)
        self._parts: list[_Part] = []
        for rules, limit in ((single, None), (joins, max_joined)):
            if rules:
                subset = ruleset.only(ids=[ruleset.rules[i].id for i in rules])
                self._parts.append(_Part(make_engine(subset, name), rules, limit))
        self.name = self._parts[0].engine.name if self._parts else name
        self._join_kinds = frozenset(k for i in joins for k in ruleset.rules[i].spec.when.values())

    def run(self, facts: list[dict[str, object]]) -> list[Match]:
        return self.run_bounded(facts).matches

    def run_bounded(self, facts: list[dict[str, object]]) -> BoundedRun:
        out = BoundedRun(matches=[])
        for part in self._parts:
            given = facts if part.limit is None else self._limited(facts, part.limit, out.dropped)
            for m in part.engine.run(given):
                out.matches.append(Match(part.rules[m.rule], m.facts))
        out.matches.sort()
        return out

    def _limited(self, facts: list[dict[str, object]], limit: int, dropped: dict[str, int]) -> list[dict[str, object]]:
        seen: dict[object, int] = {}
        kept = []
        for f in facts:
            kind = f["kind"]
            if kind not in self._join_kinds:
                continue
            seen[kind] = n = seen.get(kind, 0) + 1
            if n <= limit:
                kept.append(f)
            else:
                dropped[str(kind)] = dropped.get(str(kind), 0) + 1
        return kept

    def close(self) -> None:
        for part in self._parts:
            part.engine.close()
