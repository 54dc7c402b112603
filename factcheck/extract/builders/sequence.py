"""sequence: two dated things and the interval the text puts between them.

"The results were released on May 15, the day after the board met on May 16" (``first`` the main date,
``offset`` the relative expression, ``second`` the other date: ``first - second = offset``);
"it adopted the package a week earlier, on Nov. 21" (``set: {offset_of: second}``: ``second - first =
offset``). The dates are linked to their resolved date mentions by the resolver (through the offsets
``earlier_at``/``later_at``); the rule compares their order and the stated interval.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from factcheck.extract.builders.common import certainty_of
from factcheck.model.document import Span
from factcheck.model.facts import Sequence

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.mentions.model import Mention
    from factcheck.extract.relations.match import RelationMatch

_UNIT_DAYS = {"day": 1, "week": 7}


def _days(offset: Mention) -> tuple[int, int] | None:
    """(signed days, tolerance) of a relative offset ("the day after" +1, "three weeks before" -21 +-3)."""
    unit = offset.value.get("unit")
    if unit not in _UNIT_DAYS or offset.value.get("anchor") != "event":
        return None
    n = offset.value.get("offset")
    if n is None:
        return None
    weeks = abs(int(n)) if unit == "week" else 0
    return int(n) * _UNIT_DAYS[unit], weeks  # "two weeks after" is 13 to 15 days: a day each way per week


def _is_range(text: str, m: Mention) -> bool:
    tail = text[m.end : m.end + 3]
    return len(tail) >= 2 and tail[0] in "-–" and tail[1].isdigit()


def build(match: RelationMatch, a: Analysis) -> Sequence | None:
    first, second, offset = match.mention("first"), match.mention("second"), match.mention("offset")
    if first is None or second is None or offset is None or first is second:
        return None
    if any(_is_range(a.text, m) for m in (first, second)):
        return None  # "the Oct. 28-29 meeting": which day of it is meant is not said
    days = _days(offset)
    if days is None:
        return None
    signed, tolerance = days
    of_second = match.pattern.spec.set.get("offset_of") == "second"
    # "the day after the board met on May 16" relates two events; "a week earlier" said of something
    # else ("from 10,850 a week earlier") does not, unless it introduces the second date ("a week
    # earlier, on Nov. 21")
    if offset.text.lower().endswith(("earlier", "later")) != of_second:
        return None
    if of_second:
        signed = -signed  # "..., a week earlier, on Nov. 21": the second date is the offset from the first
    # first - second = signed: a positive offset puts the first date later
    later, earlier = (first, second) if signed >= 0 else (second, first)
    span = Span(start=match.start, end=match.end)
    cue = offset.text
    return Sequence(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        cue=cue,
        earlier_label=earlier.text,
        later_label=later.text,
        strict=signed != 0,
        earlier_at=earlier.start,
        later_at=later.start,
        stated_days=abs(signed),
        tolerance_days=tolerance,
        certainty=certainty_of(match) if not match.pattern.spec.set.get("across_clauses") else "certain",
        pattern=match.pattern.id,
    )
