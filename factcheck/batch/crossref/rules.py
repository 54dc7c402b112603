"""The cross-article rules: ids, titles and descriptions (for SARIF and ``--format`` rule lists)."""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.model.findings import Severity


@dataclass(frozen=True)
class BatchRule:
    id: str
    title: str
    severity: Severity
    description: str


CONFLICTING_FIGURE = BatchRule(
    "batch.conflicting-figure", "The same figure stated with different values in two articles", "warning",
    "Two articles of the run give the same subject, holder, kind of claim, period and unit different values "
    "(Canada's defence spending in 2024 as 1.4% and 1.9% of GDP). Both documents are flagged, each naming the other.",
)
CONFLICTING_DATE = BatchRule(
    "batch.conflicting-date", "One event dated differently in two articles", "warning",
    "Two articles of the run date the same event (same kind, same participants, dates at most a week apart) "
    "on different days. Both documents are flagged, each naming the other.",
)
BATCH_RULES: tuple[BatchRule, ...] = (CONFLICTING_FIGURE, CONFLICTING_DATE)
BATCH_RULE_IDS = frozenset(r.id for r in BATCH_RULES)
