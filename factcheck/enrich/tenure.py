"""Dates at a precision, and whether a set of P39 statements covers a date."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.enrich.wikidata.models import PositionHeld, TimePoint

_RANK = {"year": 0, "month": 1, "day": 2}
_LENGTH = {"year": 4, "month": 7, "day": 10}


def precision_of(date: str) -> str:
    return "day" if len(date) >= 10 else "month" if len(date) >= 7 else "year"


def coarser(a: str, b: str) -> str:
    return a if _RANK[a] <= _RANK[b] else b


def cut(date: str, precision: str) -> str:
    return date[: _LENGTH[precision]]


def common(a: str, a_precision: str | None, b: TimePoint) -> tuple[str, str, str]:
    """(precision, a cut, b cut) at the coarser of the two precisions."""
    p = coarser(a_precision or precision_of(a), b.precision)
    p = coarser(p, precision_of(a))
    return p, cut(a, p), cut(b.date, p)


def covers(statement: PositionHeld, date: str, precision: str | None = None) -> bool | None:
    """True if the statement's term includes ``date`` (at the shared precision), None if unknowable."""
    if statement.start is None:
        return None
    _, d, start = common(date, precision, statement.start)
    if d < start:
        return False
    if statement.end is None:
        return None if statement.end_unknown else True
    _, d, end = common(date, precision, statement.end)
    return d <= end


def held_on(statements: Iterable[PositionHeld], date: str, precision: str | None = None) -> bool | None:
    """Any statement covers the date -> True; all say no -> False; otherwise None."""
    answers = [covers(s, date, precision) for s in statements]
    if any(a is True for a in answers):
        return True
    if answers and all(a is False for a in answers):
        return False
    return None


def term_text(statement: PositionHeld) -> str:
    start = statement.start.date if statement.start else "?"
    if statement.end is not None:
        return f"{start} to {statement.end.date}"
    return f"{start} to ?" if statement.end_unknown else f"since {start}"


def start_distance(statements: list[PositionHeld], date: str) -> int:
    """Days (roughly) between ``date`` and the nearest start among ``statements`` (large if none)."""
    best = 10**9
    for s in statements:
        if s.start is not None:
            p, a, b = common(date, None, s.start)
            best = min(best, abs(_as_number(a, p) - _as_number(b, p)))
    return best


def nearest_start(statements: list[PositionHeld], date: str | None) -> PositionHeld | None:
    """The statement whose start is closest to ``date`` (the latest start if no date)."""
    dated = [s for s in statements if s.start is not None]
    if not dated:
        return statements[0] if statements else None
    if date is None:
        return max(dated, key=lambda s: s.start.date if s.start else "")

    def distance(s: PositionHeld) -> tuple[int, str]:
        assert s.start is not None
        p, a, b = common(date, None, s.start)
        return (abs(_as_number(a, p) - _as_number(b, p)), s.start.date)

    return min(dated, key=distance)


def _as_number(date: str, precision: str) -> int:
    parts = [int(x) for x in date.split("-")]
    if precision == "year":
        return parts[0] * 372
    if precision == "month":
        return parts[0] * 372 + parts[1] * 31
    return parts[0] * 372 + parts[1] * 31 + parts[2]
