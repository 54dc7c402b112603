"""Date arithmetic for resolution: day-of-month, weekdays, months and relative phrases become ISO dates.

Every function takes the publication date (and, for "the previous day", the anchor's date) and returns
``(iso, precision)`` or ``None``; impossible dates (30 February) are skipped, never produced.
"""

from __future__ import annotations

import datetime as dt

from factcheck.extract.dates import DateParts, absolute_iso
from factcheck.extract.lexicon import WEEKDAYS

Resolved = tuple[str, str]  # (iso, precision)


def _safe(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_of_month(day: int, published: dt.date, future: bool) -> dt.date | None:
    """The most recent ``day``-th on or before publication (future: the next one on or after)."""
    step = 1 if future else -1
    year, month = published.year, published.month
    for _ in range(14):
        cand = _safe(year, month, day)
        if cand is not None and ((cand >= published) if future else (cand <= published)):
            return cand
        year, month = _shift_month(year, month, step)
    return None


def weekday(name: str, published: dt.date, future: bool, modifier: str | None) -> dt.date:
    """The matching weekday in the week around publication: past -> on/before (the day itself allowed),
    future -> on/after; 'last' excludes the publication day going back, 'next' going forward."""
    target = WEEKDAYS.index(name)
    if modifier == "next" or (future and modifier != "last"):
        delta = (target - published.weekday()) % 7
        if modifier == "next" and delta == 0:
            delta = 7
        return published + dt.timedelta(days=delta)
    delta = (published.weekday() - target) % 7
    if modifier == "last" and delta == 0:
        delta = 7
    return published - dt.timedelta(days=delta)


def month_year(month: int, published: dt.date, future: bool, modifier: str | None) -> tuple[int, int]:
    pub = (published.year, published.month)
    if modifier == "last":
        return (pub[0] if month < pub[1] else pub[0] - 1), month
    if modifier == "next":
        return (pub[0] if month > pub[1] else pub[0] + 1), month
    if modifier == "this":
        return pub[0], month
    if future:
        return (pub[0] if month >= pub[1] else pub[0] + 1), month
    return (pub[0] if month <= pub[1] else pub[0] - 1), month


def absolute_without_year(p: DateParts, published: dt.date, future: bool) -> dt.date | None:
    assert p.month is not None and p.day is not None
    years = range(published.year, published.year + 9) if future else range(published.year, published.year - 9, -1)
    for y in years:
        cand = _safe(y, p.month, p.day)
        if cand is None:
            continue
        if (cand >= published) if future else (cand <= published):
            return cand
    return None


_YEAR_MODIFIERS = {"last year": -1, "this year": 0, "next year": 1}


def resolve_parts(p: DateParts, tense: str | None, published: dt.date | None,
                  anchor: dt.date | None = None) -> Resolved | None:
    """Resolve one date expression; None when it cannot be (no publication date, no anchor, impossible)."""
    future = tense == "future"
    if p.form == "absolute":
        if p.year is not None:
            iso = absolute_iso(p)
            return (iso, "day") if iso else None
        if published is None:
            return None
        if p.modifier in _YEAR_MODIFIERS:
            # "on October 21 last year": the year before publication, whatever the tense
            iso = absolute_iso(DateParts("absolute", published.year + _YEAR_MODIFIERS[p.modifier], p.month, p.day))
            return (iso, "day") if iso else None
        d = absolute_without_year(p, published, future)
        return (d.isoformat(), "day") if d else None
    if p.form == "year":
        return (f"{p.year:04d}", "year") if p.year is not None else None
    if p.form == "month":
        if p.month is None:
            return None
        if p.year is not None:
            return f"{p.year:04d}-{p.month:02d}", "month"
        if published is None:
            return None
        y, m = month_year(p.month, published, future, p.modifier)
        return f"{y:04d}-{m:02d}", "month"
    if p.form == "day_of_month":
        if published is None or p.day is None:
            return None
        d = day_of_month(p.day, published, future)
        return (d.isoformat(), "day") if d else None
    if p.form == "weekday":
        if published is None or p.weekday is None:
            return None
        return weekday(p.weekday, published, future, p.modifier).isoformat(), "day"
    if p.form == "relative":
        return _relative(p, published, anchor)
    return None


def _relative(p: DateParts, published: dt.date | None, anchor: dt.date | None) -> Resolved | None:
    kind, _, base_name = (p.relative or "").partition(":")
    base = anchor if base_name == "anchor" else published
    if base is None or p.unit is None:
        return None
    amount = p.amount or 0
    if kind == "calendar":
        if p.unit == "month":
            y, m = _shift_month(base.year, base.month, amount)
            return f"{y:04d}-{m:02d}", "month"
        if p.unit == "year":
            return f"{base.year + amount:04d}", "year"
        return None  # weeks have no precision of their own
    sign = -1 if kind == "before" else 1
    if p.unit == "day":
        return (base + dt.timedelta(days=sign * amount)).isoformat(), "day"
    if p.unit == "month":
        y, m = _shift_month(base.year, base.month, sign * amount)
        return f"{y:04d}-{m:02d}", "month"
    if p.unit == "year":
        return f"{base.year + sign * amount:04d}", "year"
    return None


def weekday_of(iso: str | None) -> str | None:
    if not iso or len(iso) != 10:
        return None
    return WEEKDAYS[dt.date.fromisoformat(iso).weekday()]
