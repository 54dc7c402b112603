"""A day counted from today with its day of the month in brackets: "will be sworn in the day after tomorrow (9)",
"met the President yesterday (6)" (Sri Lankan and Indian usage).

Slots: ``first`` (a relative mention counted from publication, in days) and ``second`` (the bracketed number).
The bracketed day is placed on the side of publication the relative expression points to (the next 9th for a
day ahead, the last 6th for a day behind), and the fact states the interval between it and publication. The
publication date is taken as the day the story was written, which a story put online after midnight is not:
the fact is an inference, at most a warning.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from factcheck.extract.builders.common import placed
from factcheck.model.facts import Sequence

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.relations.match import RelationMatch

_NOTE = "counted from the publication date, taken as the day the story was written"


def _nearest_day(day: int, published: dt.date, ahead: bool) -> dt.date | None:
    """The first ``day``-th on or after publication (``ahead``), else the last on or before it."""
    step = dt.timedelta(days=1 if ahead else -1)
    d = published
    for _ in range(62):
        if d.day == day:
            return d
        d += step
    return None


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"the {n}{suffix}"


def build(match: RelationMatch, a: Analysis) -> Sequence | None:
    rel, num = match.mention("first"), match.mention("second")
    published = a.doc.published
    if rel is None or num is None or published is None or rel.type != "relative" or num.type != "number":
        return None
    if rel.value.get("anchor") != "publication" or rel.value.get("unit") != "day":
        return None
    value = num.value.get("value")
    offset = rel.value.get("offset")
    if not isinstance(value, int | float) or value != int(value) or not 1 <= int(value) <= 31 or offset is None:
        return None
    day = _nearest_day(int(value), published, ahead=int(offset) >= 0)
    if day is None:
        return None
    pub_side, day_side = ("today", published.isoformat()), (_ordinal(int(value)), day.isoformat())
    earlier, later = (pub_side, day_side) if int(offset) >= 0 else (day_side, pub_side)
    return Sequence(
        **placed(match, a),
        cue=rel.text,
        earlier_label=earlier[0],
        later_label=later[0],
        earlier_date=earlier[1],
        later_date=later[1],
        strict=int(offset) != 0,
        stated_days=abs(int(offset)),
        certainty="inferred",
        inferred=_NOTE,
        pattern=match.pattern.id,
    )
