"""A daily average over a stated span and the total it makes: "an average of 907 cases daily for October 31 to
November 6, for a total of 6,349"; "averaged 1,204 visitors a day over the past seven days, for a total of 8,428".

Slots: ``avg`` (the average, a number), ``total`` (a number), and either ``first``/``last`` (the span's days,
counted inclusively: Oct. 31 to Nov. 6 is seven days) or ``span`` (a duration in days or weeks). The average
stands for the interval it was rounded from (907 is 906.5 to 907.5), so the total may be anywhere in that
interval times the days; a stated total outside it is the claim's error.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from factcheck.extract.builders.common import certainty_of, placed
from factcheck.extract.builders.figures import display, figure
from factcheck.model.facts import ArithmeticClaim

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.mentions.model import Mention
    from factcheck.extract.relations.match import RelationMatch

_MAX_DAYS = 400  # a daily average over more than a year is no span this reads


def _days_between(first: Mention, last: Mention, year: int | None) -> int | None:
    """Days from ``first`` to ``last`` inclusive; a year left unsaid is the publication's, and a span that
    runs into January ("Dec. 28 to Jan. 3") crosses into the next."""
    f, la = first.value, last.value
    if f.get("day") is None or la.get("day") is None or not f.get("month") or not la.get("month"):
        return None
    fy = int(f["year"]) if f.get("year") else None
    ly = int(la["year"]) if la.get("year") else None
    fy = fy if fy is not None else (ly - 1 if ly is not None and int(f["month"]) > int(la["month"]) else ly or year)
    if fy is None:
        return None  # no year stated and no publication date: the span may hold a Feb. 29
    try:
        start = dt.date(fy, int(f["month"]), int(f["day"]))
        end = dt.date(ly if ly is not None else fy, int(la["month"]), int(la["day"]))
        if end < start and ly is None:
            end = dt.date(fy + 1, int(la["month"]), int(la["day"]))
    except ValueError:
        return None
    days = (end - start).days + 1
    return days if 2 <= days <= _MAX_DAYS else None


def _days_of(span: Mention) -> int | None:
    amount, unit = span.value.get("amount"), span.value.get("unit")
    if amount is None or amount != int(amount):
        return None
    per = {"day": 1, "week": 7}.get(str(unit))
    days = int(amount) * per if per else None
    return days if days is not None and 2 <= days <= _MAX_DAYS else None


def build(match: RelationMatch, a: Analysis) -> ArithmeticClaim | None:
    avg, total = figure(match.mention("avg")), figure(match.mention("total"))
    if avg is None or total is None or avg.kind != "number" or total.kind != "number" or avg.value <= 0:
        return None
    per = match.mention("per")
    if per is not None and (per.value.get("unit") != "day" or per.value.get("amount") not in (1, 1.0)):
        return None  # "averaged 2,150 a week": not a daily average
    first, last, span_m = match.mention("first"), match.mention("last"), match.mention("span")
    published = a.doc.published
    days = (_days_between(first, last, published.year if published else None)
            if first is not None and last is not None else _days_of(span_m) if span_m is not None else None)
    if days is None:
        return None
    avg_half = avg.half or 0.5 * avg.scale  # a count averaged is rounded, to the unit at least
    low, high = (avg.value - avg_half) * days, (avg.value + avg_half) * days
    return ArithmeticClaim(
        **placed(match, a),
        relation="total",
        stated=total.value,
        stated_text=total.text,
        computed=round(avg.value * days, 6),
        computed_low=round(low, 6),
        computed_high=round(high, 6),
        stated_low=round(total.low, 6),
        stated_high=round(total.high, 6),
        operands=[avg.value, float(days)],
        unit="amount",
        computed_text=f"{display(avg.value * days, total, 'amount')} ({avg.text} a day over {days} days)",
        certainty=certainty_of(match),  # type: ignore[arg-type]
        pattern=match.pattern.id,
    )
