"""fiscal_year_gloss: a fiscal year with its months spelled out ("fiscal 2027 (April 2027-March 2028)").

Slots: ``year`` (a fiscal-year mention), ``first`` and ``last`` (month mentions with years).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.extract.builders.common import certainty_of, fiscal_country
from factcheck.model.countries import range_label_year
from factcheck.model.document import Span
from factcheck.model.facts import FiscalYearGloss

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.relations.match import RelationMatch


def build(match: RelationMatch, a: Analysis) -> FiscalYearGloss | None:
    fy, first, last = match.mention("year"), match.mention("first"), match.mention("last")
    if fy is None or first is None or last is None or fy.type != "fiscal_year":
        return None
    if fy.value.get("year") is None or not first.value.get("month") or not last.value.get("month"):
        return None
    y1 = first.value.get("year")
    y2 = last.value.get("year")
    if y2 is None:
        return None
    if y1 is None:  # "(April-March 2028)": the first month's year follows from the last
        y1 = y2 if first.value["month"] <= last.value["month"] else y2 - 1
    span = Span(start=match.start, end=match.end)
    label_year = fy.value["year"]
    country = fiscal_country(a, match)
    if fy.value.get("year2"):  # "fiscal 2025-26", "FY2024-25", "2028-29": named by the calendar
        label_year = range_label_year(fy.value["year"], fy.value["year2"], country)
    return FiscalYearGloss(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        fiscal_year=label_year,
        country=country,
        stated_start=f"{y1:04d}-{first.value['month']:02d}",
        stated_end=f"{y2:04d}-{last.value['month']:02d}",
        certainty=certainty_of(match),
        pattern=match.pattern.id,
    )
