"""A stated length against the date range it is given for: "the two-day meeting on Dec. 9-11", "reported in
just one week (Aug. 10-26)", "over the five days from March 2 to March 8".

A duration in days or weeks, then, within a few words of the same clause and with no other date or
figure between, a range of days: "D1-D2" (the second a day of the same month) or "from D1 to D2" /
"D1 through D2". The range's days are counted inclusively (Dec. 9-11 is three days); "from D1 to D2" may
also count the days between (a 30-day window from June 1 to July 1); a week may be a day off either way
(tolerance); ranges of more than 31 days are not read. A hyphenated length right before its noun ("two-day meeting on Dec. 9-11")
is read as certain; a length set off from the range ("in just one week (Aug. 10-26)") is inferred, at
most a warning. Hedged lengths ("about a week", "more than three days") are not read.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from factcheck.extract.builders.backrefs import iso_near_publication
from factcheck.model.document import Span
from factcheck.model.facts import FactBase, Sequence

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.clauses.segment import Item, Sentence
    from factcheck.extract.mentions.model import Mention

PATTERN_ID = "dates.length-of-date-range"
_UNIT_DAYS = {"day": 1, "week": 7}
_REACH = 6  # items from the length to the range's first day
_PUNCT_BETWEEN = frozenset({"(", ","})  # besides words: "in just one week (Aug. 10-26)", "three-day visit, from"
_CONJUNCTIONS = frozenset({"and", "or", "but", ";"})
_TO = frozenset({"-", "–", "to", "through", "until", "till"})
_HEDGED = re.compile(r"\b(?:about|around|almost|nearly|roughly|some|more than|less than|fewer than|over|under|up to|"
                     r"at least|at most)\s*$"
                     # a range of lengths: "cases eased over two to three weeks (June 2 to June 13)"
                     r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s?(?:to|or|-|–)\s?$", re.IGNORECASE)


def date_range_lengths(a: Analysis, facts: list[FactBase]) -> None:
    """Add a sequence fact for each length stated for a range of days (in place)."""
    for sent in a.sentences:
        items = sent.items
        for i, it in enumerate(items):
            m = it.mention
            if m is None or m.type != "duration" or m.value.get("unit") not in _UNIT_DAYS:
                continue
            fact = _reading(a, sent, items, i, m)
            if fact is not None:
                facts.append(fact)


def _reading(a: Analysis, sent: Sentence, items: list[Item], i: int, length: Mention) -> Sequence | None:
    amount = length.value.get("amount")
    if not isinstance(amount, int | float) or amount != int(amount) or amount < 1:
        return None
    if _HEDGED.search(a.text[max(0, length.start - 12) : length.start]):
        return None
    for j in range(i + 1, min(len(items), i + 1 + _REACH)):
        x = items[j]
        if x.mention is not None and x.mention.type == "date":
            return _range(a, sent, items, i, j, length, int(amount))
        if x.mention is not None or x.text.lower() in _CONJUNCTIONS or not (x.text.isalpha() or x.text in _PUNCT_BETWEEN):
            return None
    return None


def _range(a: Analysis, sent: Sentence, items: list[Item], i: int, j: int, length: Mention,
           amount: int) -> Sequence | None:
    first = items[j].mention
    if first is None or j + 2 >= len(items) or items[j + 1].text.lower() not in _TO:
        return None
    end_item = items[j + 2]
    month, day = first.value.get("month"), first.value.get("day")
    if not isinstance(month, int) or not isinstance(day, int):
        return None
    end = end_item.mention
    if end is not None and end.type == "number" and items[j + 1].text in "-–" and end_item.text.isdigit():
        end_month, end_day = month, int(end_item.text)  # "Dec. 9-11"
    elif end is not None and end.type == "date" and isinstance(end.value.get("day"), int):
        end_month, end_day = int(end.value["month"]), int(end.value["day"])  # "from May 30 to June 2"
    else:
        return None
    if j + 3 < len(items) and items[j + 3].text in ("-", "–", "%", "per"):
        return None  # "Dec. 9-11-12", a figure
    if end is not None and end.type == "date" and end.value.get("year") and first.value.get("year") is None:
        return None  # "from Dec. 30 to Jan. 2, 2026": whose year the first day has is left to the reader
    start_iso = iso_near_publication(a, first)
    if start_iso is None:
        return None
    start_date = dt.date.fromisoformat(start_iso)
    try:
        end_date = dt.date(start_date.year + (1 if (end_month, end_day) < (month, day) else 0), end_month, end_day)
    except ValueError:
        return None
    counted = (end_date - start_date).days + 1
    if not 2 <= counted <= 31:
        return None
    unit = str(length.value["unit"])
    span_days = amount * _UNIT_DAYS[unit]
    tolerance = amount if unit == "week" else 0
    hyphen_range = items[j + 1].text in "-–"
    if not hyphen_range and span_days == counted - 1:
        return None  # "a 30-day window from June 1 to July 1": "from ... to" may count the days between
    hyphenated = bool(length.value.get("hyphen")) and j - i <= 3
    span = Span(start=length.start, end=end_item.end)
    fact = Sequence(
        span=span, text=a.text[span.start : span.end], sentence=sent.index, cue=length.text,
        earlier_label=first.text, later_label=a.text[first.start : end_item.end],
        earlier_date=start_date.isoformat(), later_date=end_date.isoformat(), range_days=counted,
        span_days=span_days, tolerance_days=tolerance, strict=False,
        certainty="certain" if hyphenated else "inferred", pattern=PATTERN_ID,
        inferred=None if hyphenated else f"{length.text!r} is taken to be the length of {a.text[first.start:end_item.end]!r}",
    )
    return fact

