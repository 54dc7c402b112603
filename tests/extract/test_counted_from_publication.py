"""A weekday named with "tomorrow" or "yesterday" is checked against the day counted from the publication date, which
may be a day off the day the copy was written: a mismatch is a warning that says so, never an error; a weekday named
with its own date stays certain."""

from __future__ import annotations

from extract_helpers import findings


def _weekday_findings(text: str, published: str) -> list[tuple[str, str]]:
    return findings(text, "dates.weekday-mismatch", published)


def test_tomorrow_with_another_weekday_is_a_warning() -> None:
    (found,) = _weekday_findings("The crew will try again tomorrow, Friday, at dawn.", "2026-05-12")  # a Tuesday
    assert found[0] == "warning" and "counted from the publication date" in found[1]


def test_tomorrow_with_its_weekday_is_quiet() -> None:
    assert _weekday_findings("The crew will try again tomorrow, Wednesday, at dawn.", "2026-05-12") == []


def test_a_dated_weekday_stays_an_error() -> None:
    (found,) = _weekday_findings("The crew will try again on Friday, May 13, at dawn.", "2026-05-12")
    assert found[0] == "error"
