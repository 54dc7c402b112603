"""An anniversary counted from a dated event: "Residents on Tuesday marked the second anniversary of the
earthquake that hit the city on Feb. 6, 2023".

The count is checkable when the sentence dates the event (a full date, or a month and year) after the
ordinal, and the anniversary is marked on a day the text gives: the sentence's own date or weekday before
the ordinal, else the publication date. A sentence that may speak of another anniversary than the one
being marked ("ahead of the 10th anniversary", "since the fifth anniversary") is not read, nor is one
whose marking day is not within ``tolerance_days`` of some anniversary of the event (the rule then has
nothing to compare: ``interval_ok`` is None). The words are resources
(``extract/resources/en/anniversary.yaml``). A marking day taken from the publication date or a weekday
is an inference: at most a warning; a full date is certain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.mentions.resources import resource
from factcheck.model.document import Span
from factcheck.model.facts import FactBase, Sequence

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.clauses.segment import Item, Sentence
    from factcheck.extract.mentions.model import Mention

PATTERN_ID = "dates.anniversary-of-dated-event"
_DIGIT_ORDINAL = re.compile(r"(\d{1,3})(?:st|nd|rd|th)", re.IGNORECASE)
_EVENT_REACH = 24  # items from "anniversary" to the event's date


@dataclass(frozen=True)
class _Words:
    ordinals: dict[str, int]
    marking: frozenset[str]
    marking_before: tuple[str, ...]
    elsewhere: tuple[str, ...]
    tolerance_days: int


@cache
def _words() -> _Words:
    raw = resource("anniversary")
    return _Words({str(k).lower(): int(v) for k, v in raw["ordinals"].items()},
                  frozenset(str(w).lower() for w in raw["marking"]),
                  tuple(str(w).lower() for w in raw["marking_before"]),
                  tuple(str(w).lower() for w in raw["elsewhere"]), int(raw["tolerance_days"]))


def anniversaries(a: Analysis, facts: list[FactBase]) -> None:
    """Add a sequence fact for each anniversary counted from a dated event (in place)."""
    if "anniversar" not in a.text.lower() and "centenary" not in a.text.lower():
        return
    w = _words()
    for sent in a.sentences:
        items = sent.items
        for i, it in enumerate(items):
            if it.text.lower() not in ("anniversary", "centenary") or (it.text.lower() == "anniversary" and i == 0):
                continue
            fact = _reading(a, sent, items, i, w)
            if fact is not None:
                facts.append(fact)


def _ordinal(it: Item, w: _Words) -> int | None:
    text = it.text.lower()
    if text in w.ordinals:
        return w.ordinals[text]
    m = _DIGIT_ORDINAL.fullmatch(text)
    return int(m.group(1)) if m else None


def _reading(a: Analysis, sent: Sentence, items: list[Item], i: int, w: _Words) -> Sequence | None:
    head = items[i]
    if head.text.lower() == "centenary":
        count, at = 100, i
    elif (i >= 2 and items[i - 1].text.lower() in ("st", "nd", "rd", "th") and items[i - 2].text.isdigit()
          and items[i - 2].end == items[i - 1].start):
        count, at = int(items[i - 2].text), i - 2  # "50th", tokenised as "50" and "th"
    else:
        count, at = (_ordinal(items[i - 1], w), i - 1)
    if not count:
        return None
    before = " ".join(x.text.lower() for x in items[max(0, at - 4) : at])
    if any(f" {e} " in f" {before} " for e in w.elsewhere):
        return None
    event = _event_date(items, i)
    if event is None:
        return None
    marked = next((x.mention for x in reversed(items[:at]) if x.mention is not None
                   and x.mention.type in ("date", "weekday") and _full_day(x.mention)), None)
    on_the = any(before.endswith(p) for p in w.marking_before)
    if marked is None and not on_the and not any(x.text.lower() in w.marking for x in items[:at]):
        return None
    published = a.doc.published
    if marked is None and published is None:
        return None
    ordinal_start = items[at].start
    ends = [ordinal_start, event.end] + ([marked.start] if marked is not None else [])
    span = Span(start=min(ends), end=max(ends))
    certain = marked is not None and marked.type == "date" and marked.value.get("year") is not None
    fact = Sequence(
        span=span, text=a.text[span.start : span.end], sentence=sent.index,
        cue=a.text[ordinal_start : head.end], earlier_label=event.text,
        later_label=marked.text if marked is not None else "the publication date",
        earlier_at=event.start, later_at=marked.start if marked is not None else None,
        stated_years=count, tolerance_days=w.tolerance_days if event.value.get("day") else w.tolerance_days + 15,
        certainty="certain" if certain else "inferred", pattern=PATTERN_ID,
        inferred=None if certain else (f"the anniversary is taken to be marked on {marked.text!r}" if marked is not None
                                       else "the anniversary is taken to be marked on the publication date"),
    )
    if marked is None:
        fact.later_date = published.isoformat()  # type: ignore[union-attr]
    return fact


def _full_day(m: Mention) -> bool:
    return m.type == "weekday" or (m.value.get("day") is not None and m.value.get("month") is not None)


def _event_date(items: list[Item], i: int) -> Mention | None:
    """The first date with a year after "anniversary of" (a full date, or a month and year), within reach; none
    if another anniversary or a second date-with-year comes first."""
    if i + 1 >= len(items) or items[i + 1].text.lower() != "of":
        return None
    for x in items[i + 2 : i + 2 + _EVENT_REACH]:
        m = x.mention
        if x.text.lower() in ("anniversary", ";"):
            return None
        if m is None:
            continue
        if m.type == "date" and m.value.get("year") is not None and m.value.get("month") is not None:
            return m
        if m.type in ("date", "year", "weekday", "day_of_month"):
            return None  # a year alone, or a date without its year: the count cannot be told to the day
    return None
