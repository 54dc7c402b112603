"""Date mentions: forms, stated weekdays, tense, and what must not be taken for a date."""

from __future__ import annotations

import pytest
from extract_helpers import doc

from factcheck.extract import dates
from factcheck.model.facts import DateMention


def mentions(text: str) -> list[DateMention]:
    return dates.extract(doc(text))


@pytest.mark.parametrize(
    ("text", "expression", "form", "date", "weekday"),
    [
        ("They met on October 21, 2025.", "October 21, 2025", "absolute", "2025-10-21", None),
        ("They met on Oct. 21.", "Oct. 21", "absolute", None, None),
        ("They met on 21 October 2025.", "21 October 2025", "absolute", "2025-10-21", None),
        ("The report is dated 2025-10-21.", "2025-10-21", "absolute", "2025-10-21", None),
        ("He spoke on Monday, Nov. 4, 2025.", "Monday, Nov. 4, 2025", "absolute", "2025-11-04", "monday"),
        ("He was sworn in on Monday (Jan 20).", "Monday (Jan 20)", "absolute", None, "monday"),
        ("The vote is on Nov. 4 (Tuesday).", "Nov. 4 (Tuesday)", "absolute", None, "tuesday"),
        ("The strike begins on Sept. 18, a Friday.", "Sept. 18, a Friday", "absolute", None, "friday"),
        ("The board meets on Tuesday and Wednesday, Sept. 23-24.", "Sept. 23", "absolute", None, None),
        ("The poll ran from Thursday to Sunday (May 15-18).", "May 15", "absolute", None, None),
        ("They met in Tokyo on the 29th.", "the 29th", "day_of_month", None, None),
        ("She took office on the 21st.", "the 21st", "day_of_month", None, None),
        ("The talks were held on Friday.", "Friday", "weekday", None, "friday"),
        ("Takaichi took office Tuesday.", "Tuesday", "weekday", None, "tuesday"),
        ("The summit was held the previous day.", "the previous day", "relative", None, None),
        ("The ministers met again the following day.", "the following day", "relative", None, None),
        ("The ministry said yesterday that it agreed.", "yesterday", "relative", None, None),
        ("Spending rose last week.", "last week", "relative", None, None),
        ("The plan was adopted earlier this month.", "earlier this month", "relative", None, None),
        ("He was appointed last October.", "last October", "month", None, None),
        ("The deadline is by March 2029.", "March 2029", "month", "2029-03", None),
        ("The agreement was signed in 2019.", "2019", "year", "2019", None),
        ("The two sides met two days later.", "two days later", "relative", None, None),
        # a relative day with its weekday beside it
        ("The agency said yesterday (Tuesday) that it agreed.", "yesterday (Tuesday)", "relative", None, "tuesday"),
        ("The plan delivered yesterday, Wednesday, was tight.", "yesterday, Wednesday", "relative", None, "wednesday"),
        ("The ministry said today (Monday) that supplies would be cut.", "today (Monday)", "relative", None, "monday"),
        ("Talks were held yesterday, Monday and Tuesday.", "yesterday", "relative", None, None),
        ("Shares fell yesterday, Tuesday's losses deepening.", "yesterday", "relative", None, None),
        ("The index fell yesterday, Tuesday, Nov. 4 being a holiday.", "yesterday", "relative", None, None),
        # a weekday with a day of the month ("Tuesday the 14th"), a weekday told in a relative clause
        ("The board met on Tuesday the 14th.", "Tuesday the 14th", "day_of_month", None, "tuesday"),
        ("The board met on Monday the 13th of October 2025.", "Monday the 13th of October 2025", "absolute",
         "2025-10-13", "monday"),
        ("The strike is called for Oct. 14, which is a Tuesday.", "Oct. 14, which is a Tuesday", "absolute", None,
         "tuesday"),
    ],
)
def test_forms(text: str, expression: str, form: str, date: str | None, weekday: str | None) -> None:
    found = [m for m in mentions(text) if m.expression == expression]
    assert found, [m.expression for m in mentions(text)]
    m = found[0]
    assert m.form == form
    assert m.date == date
    assert m.weekday == weekday
    assert text[m.span.start : m.span.end] == expression


@pytest.mark.parametrize(
    ("text", "tense"),
    [
        ("Takaichi took office on Tuesday.", "past"),
        ("Takaichi will take office on Tuesday.", "future"),
        ("The leaders plan to meet on the 30th.", "future"),
        ("The summit is scheduled for Friday.", "future"),
        ("The ministers met on Friday, and they will meet again on Monday.", "future"),
        # a future cue far back in the clause still governs the date
        ("Shareholders in the miner will vote on the company's proposed merger with its larger rival at an "
         "extraordinary general meeting in the city on Monday, August 19.", "future"),
    ],
)
def test_tense(text: str, tense: str) -> None:
    assert mentions(text)[-1].tense == tense


@pytest.mark.parametrize(
    "text",
    [
        "Spending rose 2025 percent.",  # a number, not a year
        "The 21st century began in earnest.",  # not a day of the month
        "Officials may march on the capital.",  # 'may' and 'march' are not months
        "The target is fiscal year 2027.",  # a fiscal year is not a calendar year
        "The budget is $2025 billion.",
    ],
)
def test_not_dates(text: str) -> None:
    assert [m.expression for m in mentions(text)] == []


def test_weekday_with_date_derives_weekday_of_date() -> None:
    (m,) = mentions("He spoke on Monday, Nov. 4, 2025.")
    assert m.weekday == "monday"
    assert m.weekday_of_date == "tuesday"


def test_impossible_absolute_date_stays_unresolved() -> None:
    (m,) = mentions("The deal was signed on February 30, 2025.")
    assert m.date is None


def test_parse_expression_round_trips() -> None:
    p = dates.parse_expression("Monday (Jan 20)")
    assert p is not None and (p.month, p.day, p.weekday) == (1, 20, "monday")
    rel = dates.parse_expression("the previous day")
    assert rel is not None and (rel.relative, rel.amount, rel.unit) == ("before:anchor", 1, "day")
