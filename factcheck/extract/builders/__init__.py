"""Fact builders: one module per fact kind turns a pattern match into a typed fact.

A builder declares the slots its patterns must capture and a ``build(match, analysis)`` function.
A new fact kind is its model (:mod:`factcheck.model.facts`), its pattern files (``patterns/``) and
its builder registered here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

from factcheck.extract.builders import arithmetic, counts, gloss, sequence, timeline

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.relations.match import RelationMatch
    from factcheck.model.facts import FactBase


@dataclass(frozen=True)
class Builder:
    fact: str
    slots: frozenset[str]
    build: Callable[[RelationMatch, Analysis], FactBase | None]
    # slots that say which claim a match reads: overlapping matches that read different ones are both kept
    # ("fell 24.9% to £516m from £687m, a drop of £171m" states a percentage and an amount)
    key: tuple[str, ...] = ()


BUILDERS: MappingProxyType[str, Builder] = MappingProxyType({
    b.fact: b
    for b in (
        Builder("timeline_shift", frozenset({"to"}), timeline.build),
        # "the first month of fiscal 2026, which began on Oct. 1": two bounds of one year, two claims
        Builder("fiscal_year_gloss", frozenset({"year"}), gloss.build, key=("first", "last", "bound")),
        Builder("arithmetic_claim", frozenset(), arithmetic.build, key=("pct", "diff", "total")),
        Builder("sequence", frozenset({"first", "second"}), sequence.build),  # offset, or set first_is
        Builder("quantity", frozenset({"value", "noun"}), counts.build),  # counts; money and percent: quantities.py
    )
})


def required_slots() -> dict[str, frozenset[str]]:
    return {k: b.slots for k, b in BUILDERS.items()}
