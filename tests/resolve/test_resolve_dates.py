"""Resolution of partial and relative dates against the publication date."""

from __future__ import annotations

import datetime as dt

import pytest
from extract_helpers import doc, of_kind, run

from factcheck.extract.dates import parse_expression
from factcheck.resolve.dates import day_of_month, resolve_parts, weekday

PUB = dt.date(2025, 10, 29)  # a Wednesday


def resolved(text: str, published: str | None = "2025-10-29") -> list[tuple[str, str | None]]:
    return [(d.expression, d.date) for d in of_kind(run(doc(text, published)), "date_mention")]


@pytest.mark.parametrize(
    ("day", "published", "future", "expected"),
    [
        (29, PUB, False, "2025-10-29"),  # the publication day itself counts
        (21, PUB, False, "2025-10-21"),
        (30, PUB, False, "2025-09-30"),  # not yet the 30th: the previous month's
        (31, dt.date(2025, 11, 15), False, "2025-10-31"),
        (31, dt.date(2025, 10, 15), False, "2025-08-31"),  # September has no 31st: skipped
        (30, dt.date(2025, 3, 1), False, "2025-01-30"),  # February has no 30th
        (29, dt.date(2024, 3, 1), False, "2024-02-29"),  # leap year
        (29, dt.date(2025, 3, 1), False, "2025-01-29"),  # not a leap year
        (2, dt.date(2025, 1, 1), False, "2024-12-02"),  # across the year boundary
        (30, PUB, True, "2025-10-30"),
        (5, PUB, True, "2025-11-05"),
        (31, dt.date(2025, 11, 1), True, "2025-12-31"),
    ],
)
def test_day_of_month(day: int, published: dt.date, future: bool, expected: str) -> None:
    got = day_of_month(day, published, future)
    assert got is not None and got.isoformat() == expected


@pytest.mark.parametrize(
    ("name", "future", "modifier", "expected"),
    [
        ("wednesday", False, None, "2025-10-29"),  # the publication day itself
        ("tuesday", False, None, "2025-10-28"),
        ("thursday", False, None, "2025-10-23"),
        ("monday", True, None, "2025-11-03"),
        ("wednesday", True, None, "2025-10-29"),
        ("wednesday", False, "last", "2025-10-22"),
        ("wednesday", False, "next", "2025-11-05"),
        ("friday", False, "next", "2025-10-31"),
    ],
)
def test_weekdays(name: str, future: bool, modifier: str | None, expected: str) -> None:
    assert weekday(name, PUB, future, modifier).isoformat() == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("They met on Oct. 21.", "2025-10-29", "2025-10-21"),
        ("They met on Dec. 30.", "2026-01-05", "2025-12-30"),  # past tense: last year's
        ("They will meet on Jan. 5.", "2025-12-30", "2026-01-05"),  # future tense: next year's
        ("They met on Feb. 29.", "2025-10-29", "2024-02-29"),  # the latest that exists
        ("He was appointed last October.", "2025-10-29", "2024-10"),
        ("He was appointed in May.", "2025-10-29", "2025-05"),
        ("He will retire in May.", "2025-10-29", "2026-05"),
        ("The ministry said yesterday it agreed.", "2025-10-29", "2025-10-28"),
        ("The talks were held today.", "2025-03-01", "2025-03-01"),
        ("Prices rose last month.", "2025-01-10", "2024-12"),
        ("The plan was adopted earlier this month.", "2025-10-29", "2025-10"),
        ("Spending rose this year.", "2025-10-29", "2025"),
        ("The deal was struck two days ago.", "2025-03-01", "2025-02-27"),
        ("Spending rose last week.", "2025-10-29", None),  # a week has no precision of its own
        ("He spoke on Monday, Nov. 4, 2024.", "2025-10-29", "2024-11-04"),
        # a stated weekday that fits only the occurrence on the other side, within half a year: that one
        # (the year of a date written without one is an inference; the writer's weekday says which is meant)
        ("Preliminary results were posted, and the final count is Friday 6th Nov.", "2020-10-22", "2020-11-06"),
        ("The final count was released on Friday, Dec. 25.", "2020-10-22", "2020-12-25"),
        ("The match was originally slated for Sunday, 15 October, in Ahmedabad.", "2023-08-09", "2023-10-15"),
        # ... and when it fits neither, the tense's reading stays, to be checked against the weekday
        ("The final count was released on Thursday, Dec. 25.", "2020-10-22", "2019-12-25"),
    ],
)
def test_resolved_mentions(text: str, published: str, expected: str | None) -> None:
    assert resolved(text, published)[-1][1] == expected


def test_weekday_of_date_is_derived() -> None:
    (d,) = of_kind(run(doc("He spoke on Monday (Nov 4).", "2025-11-06")), "date_mention")
    assert (d.date, d.weekday, d.weekday_of_date) == ("2025-11-04", "monday", "tuesday")


@pytest.mark.parametrize(
    "text",
    ["They met on the 29th.", "They met on Friday.", "They met the previous day.", "They met yesterday.",
     "They met on Oct. 21.", "He was appointed last October."],
)
def test_no_publication_date_leaves_partial_dates_unresolved(text: str) -> None:
    assert resolved(text, None)[-1][1] is None


def test_full_dates_resolve_without_a_publication_date() -> None:
    assert resolved("They met on October 21, 2025.", None) == [("October 21, 2025", "2025-10-21")]


def test_impossible_dates_are_skipped() -> None:
    p = parse_expression("February 30, 2025")
    assert p is not None and resolve_parts(p, "past", PUB) is None


def test_relative_to_an_anchor_needs_the_anchor() -> None:
    p = parse_expression("the previous day")
    assert p is not None
    assert resolve_parts(p, "past", PUB) is None
    assert resolve_parts(p, "past", PUB, dt.date(2025, 3, 1)) == ("2025-02-28", "day")
    assert resolve_parts(p, "past", PUB, dt.date(2024, 3, 1)) == ("2024-02-29", "day")


def test_one_event_two_weekdays_is_marked() -> None:
    text = ("U.S. President Donald Trump and Japanese Prime Minister Sanae Takaichi held a summit in Tokyo on Tuesday. "
            "At the summit on Monday, Takaichi pledged more spending.")
    first, second = of_kind(run(doc(text, "2025-10-30")), "date_mention")
    assert (first.weekday, first.other_weekday) == ("tuesday", None)
    assert (second.weekday, second.other_weekday) == ("monday", "tuesday")


def test_two_different_meetings_on_two_mondays_are_not_marked() -> None:
    text = "Koizumi met Hegseth on Monday. He met the Australian minister again on another Monday."
    assert all(d.other_weekday is None for d in of_kind(run(doc(text)), "date_mention"))
