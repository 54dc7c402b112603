"""The months a fiscal-year gloss should give, by the country's fiscal calendar.

The calendars and their arithmetic are in :mod:`factcheck.model.countries` (one table for every
stage); countries without one are unknown and nothing is derived for them (no guessing).
"""

from __future__ import annotations

from factcheck.model.countries import fiscal_range, fiscal_year_of, range_label_year
from factcheck.model.facts import FactBase, FiscalYearGloss

__all__ = ["fiscal_range", "fiscal_year_of", "range_label_year", "resolve_glosses"]


def resolve_glosses(facts: list[FactBase]) -> None:
    """Fill ``expected_start``/``expected_end`` of fiscal-year glosses from the country's calendar (unless
    the fiscal year's own name gave them: "the fiscal year ending March 2026")."""
    for f in facts:
        if isinstance(f, FiscalYearGloss) and f.expected_start is None and f.fiscal_year is not None:
            rng = fiscal_range(f.fiscal_year, f.country)
            if rng is not None:
                f.expected_start, f.expected_end = rng
