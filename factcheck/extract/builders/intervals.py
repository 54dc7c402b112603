"""A sentence's own interval between its two dates, where no pattern read one.

"Shares rose on Thursday (Jan. 15), a day after it announced, on Tuesday (Jan. 13), ...", "The council on
Monday, Oct. 27, confirmed the winner of the Oct. 12 election, 17 days after polling day", "the tournament
began nine days ago, on Thursday, Jan. 15": a sentence that dates two things to the day and states one
interval of days or weeks ("a day after", "17 days after", "the previous day", "nine days ago") puts that
interval between them. The relation patterns (``patterns/dates/interval.yaml``) read the forms whose
order they can tell; this reading takes the rest when the sentence leaves no doubt which two dates the
interval joins: exactly two dates (or one and the publication date, for "ago"), exactly one interval,
no range, no hedge. It states no order, only the distance, and it is always ``inferred`` (the two dates
are taken to be the interval's ends): at most a warning.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from factcheck.extract.builders.backrefs import is_range
from factcheck.extract.builders.sequence import _COMPOUND, _WEEKDAY_NAMES, _day_diff, _days, _hedge, _weekday_fits
from factcheck.model.document import Span
from factcheck.model.facts import FactBase, Sequence

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.clauses.segment import Sentence
    from factcheck.extract.mentions.model import Mention

PATTERN_ID = "dates.sentence-interval"
# a reporting clause set off by a comma right before the second date: that date is the report's, not the event's
_ATTRIBUTION_TAIL = re.compile(r",[^,]*\b(?:said|says|told|confirmed|announced|reported|showed|added|stated|disclosed|"
                               r"wrote|noted)\b[^,]*$", re.IGNORECASE)
_UNITS = ("day", "week")


def sentence_intervals(a: Analysis, facts: list[FactBase]) -> None:
    """Add a sequence fact for each sentence whose one interval joins its two dates (in place)."""
    told = {f.sentence for f in facts if isinstance(f, Sequence)}
    for sent in a.sentences:
        if sent.index in told:
            continue
        fact = _reading(a, sent)
        if fact is not None:
            facts.append(fact)


def _reading(a: Analysis, sent: Sentence) -> Sequence | None:
    dates: list[Mention] = []
    offsets: list[Mention] = []
    for it in sent.items:
        m = it.mention
        if m is None:
            continue
        if m.type == "date" or (m.type == "weekday" and not m.value.get("modifier")):
            dates.append(m)
        elif m.type in ("weekday", "relative") and m.value.get("unit") not in _UNITS:
            return None  # "last Tuesday", a month or a year away: not read to the day here
        elif m.type in ("relative", "duration") and m.value.get("unit") in _UNITS:
            offsets.append(m)
    if len(offsets) != 1:
        return None
    (offset,) = offsets
    if _hedge(a.text, offset) or _COMPOUND.search(a.text[max(0, offset.start - 30) : offset.start]):
        return None  # "about two weeks after", "two weeks and a day after"
    if any(is_range(a.text, d) or (d.type == "date" and (d.value.get("day") is None or d.value.get("month") is None))
           for d in dates):
        return None
    if offset.type == "relative" and offset.value.get("anchor") == "publication":
        return _ago(a, sent, offset, dates)
    if offset.type != "relative" or offset.value.get("anchor") != "event" or len(dates) != 2:
        return None
    days = _days(offset)
    if days is None:
        return None
    signed, tolerance, _ = days
    first, second = dates
    if not (first.end <= offset.start and offset.end <= second.start):
        # "on Thursday (Jan. 15), a day after it announced, on Tuesday (Jan. 13)": one date each side; with both
        # on one side ("delivered a week after the hearing closed on June 2, was appealed on June 20") the
        # interval may join an undated event to one of them
        return None
    if _ATTRIBUTION_TAIL.search(a.text[offset.end : second.start]):
        return None  # "..., three days after the New Year's round, the league confirmed on Monday": the statement's day
    if not offset.text.lower().endswith(("after", "before")) and a.text[offset.end : second.start].strip(" ,") not in ("", "on"):
        # "from 10,850 a week earlier, the ministry said on Thursday": an "earlier", a "later" or "the previous
        # day" joins a date only set beside it ("the previous day, Jan. 27"); else it may be said of a figure
        return None
    if signed == 0 or (first.type == "weekday" and second.type == "weekday"):
        return None
    if "weekday" in (first.type, second.type):
        # a weekday alone is placed by the publication date: any day of it within a week of publication that
        # lies the stated interval from the date reads consistently
        if _weekday_fits(a, first, second, abs(signed), tolerance) or _weekday_fits(a, second, first, abs(signed),
                                                                                    tolerance):
            return None
        diff = _weekday_diff(a, first, second)
    else:
        diff = _day_diff(first, second, a.doc.published)  # second - first
    if diff is None:
        return None
    earlier, later = (first, second) if diff >= 0 else (second, first)
    return _fact(a, sent, offset, earlier, later, abs(signed), tolerance, earlier.start, later.start,
                 f"{offset.text!r} is taken to join the sentence's two dates, {first.text!r} and {second.text!r}")


def _weekday_diff(a: Analysis, first: Mention, second: Mention) -> int | None:
    """Days from ``first`` to ``second``, one a weekday alone put on its day in the week up to publication."""
    published = a.doc.published
    if published is None:
        return None
    days = []
    for m in (first, second):
        if m.type == "weekday":
            want = _WEEKDAY_NAMES.index(str(m.value.get("weekday")))
            days.append(published - dt.timedelta(days=(published.weekday() - want) % 7))
        else:
            year = m.value.get("year") or published.year
            try:
                day = dt.date(int(year), int(m.value["month"]), int(m.value["day"]))  # type: ignore[arg-type]
            except (KeyError, TypeError, ValueError):
                return None
            if not m.value.get("year") and (day - published).days > 183:
                day = day.replace(year=day.year - 1)
            days.append(day)
    return (days[1] - days[0]).days


def _ago(a: Analysis, sent: Sentence, offset: Mention, dates: list[Mention]) -> Sequence | None:
    """"began nine days ago, on Thursday, Jan. 15": the date is the interval back from the publication date."""
    published = a.doc.published
    n = offset.value.get("offset")
    if published is None or len(dates) != 1 or not isinstance(n, int | float) or int(n) >= 0:
        return None
    (date,) = dates
    if a.text[offset.end : date.start].strip(" ,") not in ("", "on"):
        return None  # the date must be the offset's own ("nine days ago, on Thursday, Jan. 15")
    unit_days = 7 if offset.value.get("unit") == "week" else 1
    stated = -int(n) * unit_days
    year = date.value.get("year") or published.year
    try:
        day = dt.date(int(year), int(date.value["month"]), int(date.value["day"]))  # type: ignore[arg-type]
    except (KeyError, TypeError, ValueError):
        return None
    if day > published and not date.value.get("year"):
        day = day.replace(year=day.year - 1)
    fact = _fact(a, sent, offset, date, None, stated, 0 if unit_days == 1 else min(-int(n), 3), date.start, None,
                 f"{offset.text!r} is counted back from the publication date, {published.isoformat()}")
    fact.later_label = "the publication date"
    fact.later_date = published.isoformat()
    return fact


def _fact(a: Analysis, sent: Sentence, offset: Mention, earlier: Mention, later: Mention | None, days: int,
          tolerance: int, earlier_at: int, later_at: int | None, note: str) -> Sequence:
    ends = [earlier.start, earlier.end, offset.start, offset.end] + ([later.start, later.end] if later else [])
    span = Span(start=min(ends), end=max(ends))
    return Sequence(
        span=span,
        text=a.text[span.start : span.end],
        sentence=sent.index,
        cue=offset.text,
        earlier_label=earlier.text,
        later_label=later.text if later is not None else "",
        strict=days != 0,
        earlier_at=earlier_at,
        later_at=later_at,
        stated_days=days,
        tolerance_days=tolerance,
        certainty="inferred",
        inferred=note,
        pattern=PATTERN_ID,
    )
