"""Fiscal calendars by country, and the glosses they imply.

``FISCAL_CALENDARS`` maps ISO 3166 alpha-2 codes to (first month, naming): a fiscal year named
``start`` runs from its first month in that year (Japan's FY2027 = April 2027 - March 2028); one named
``end`` is named after the calendar year it ends in (US FY2027 = October 2026 - September 2027).
Countries not listed are unknown: nothing is derived for them (no guessing).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from factcheck.model.facts import FactBase, FiscalYearGloss

Naming = Literal["start", "end"]

FISCAL_CALENDARS: dict[str, tuple[int, Naming]] = {
    "JP": (4, "start"),  # April - March, named by the starting year
    "GB": (4, "start"),  # UK government: April - March ("2027-28" = FY2027)
    "IN": (4, "end"),  # India: April - March, "FY27" ends March 2027
    "US": (10, "end"),  # federal: October - September, named by the ending year
    "AU": (7, "end"),  # July - June, named by the ending year
    "NZ": (7, "end"),
    "CA": (4, "end"),  # Canada: April - March; "fiscal 2027" ends March 2027
    # calendar-year fiscal years
    "KR": (1, "start"), "CN": (1, "start"), "DE": (1, "start"), "FR": (1, "start"), "IT": (1, "start"),
    "ES": (1, "start"), "NL": (1, "start"), "PL": (1, "start"), "TW": (1, "start"), "PH": (1, "start"),
    "RU": (1, "start"), "UA": (1, "start"), "BR": (1, "start"), "MX": (1, "start"), "ID": (1, "start"),
    "SE": (1, "start"), "NO": (1, "start"), "DK": (1, "start"), "FI": (1, "start"), "SG": (4, "start"),
}


def fiscal_range(fiscal_year: int, country: str | None) -> tuple[str, str] | None:
    """('YYYY-MM', 'YYYY-MM') first and last month of ``fiscal_year`` in ``country``; None if unknown."""
    cal = FISCAL_CALENDARS.get(country or "")
    if cal is None:
        return None
    first, naming = cal
    if first == 1:
        return f"{fiscal_year:04d}-01", f"{fiscal_year:04d}-12"
    start_year = fiscal_year if naming == "start" else fiscal_year - 1
    last = first - 1
    return f"{start_year:04d}-{first:02d}", f"{start_year + 1:04d}-{last:02d}"


def fiscal_year_of(day: dt.date, country: str | None) -> int | None:
    """The fiscal year (by the country's naming) that ``day`` falls in; None if the calendar is unknown."""
    cal = FISCAL_CALENDARS.get(country or "")
    if cal is None:
        return None
    first, naming = cal
    if first == 1:
        return day.year
    start_year = day.year if day.month >= first else day.year - 1
    return start_year if naming == "start" else start_year + 1


def range_label_year(first: int, second: int, country: str | None) -> int:
    """The fiscal-year number of a range written 'first-second' ('2028-29'): by the country's naming;
    the first year when the country is unknown."""
    cal = FISCAL_CALENDARS.get(country or "")
    if cal is not None and cal[1] == "end" and cal[0] != 1:
        return second
    return first


def resolve_glosses(facts: list[FactBase]) -> None:
    """Fill ``expected_start``/``expected_end`` of fiscal-year glosses from the country's calendar."""
    for f in facts:
        if isinstance(f, FiscalYearGloss):
            rng = fiscal_range(f.fiscal_year, f.country)
            if rng is not None:
                f.expected_start, f.expected_end = rng
