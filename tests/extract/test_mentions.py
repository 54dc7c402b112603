"""Layer 1: the lexer's mentions and their normalised values."""

from __future__ import annotations

import pytest

from factcheck.extract.mentions import lex


def mentions(text: str) -> list[tuple[str, str, dict]]:
    return [(m.type, m.text, m.value) for m in lex(text)[1]]


def one(text: str, typ: str) -> dict:
    found = [(t, s, v) for t, s, v in mentions(text) if t == typ]
    assert len(found) == 1, mentions(text)
    return found[0][2]


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("a budget of ¥1.2 trillion", 1.2e12, "JPY"),
    ("58.1 trillion won", 58.1e12, "KRW"),
    ("($42 billion)", 42e9, "USD"),
    ("£13.4bn", 13.4e9, "GBP"),
    ("US$5 million", 5e6, "USD"),
    ("1,250 euros", 1250, "EUR"),
    ("an allocation of PKR2.55 trillion", 2.55e12, "PKR"),
    ("(USD 9 billion)", 9e9, "USD"),
    ("₹38,920 crore", 38920e7, "INR"),
])
def test_money(text: str, amount: float, currency: str) -> None:
    v = one(text, "money")
    assert v["amount"] == pytest.approx(amount)
    assert v["currency"] == currency


@pytest.mark.parametrize(("text", "year", "year2", "form"), [
    ("in fiscal 2025", 2025, None, "fiscal"),
    ("the FY2025 budget", 2025, None, "fy"),
    ("FY2024-25", 2024, 2025, "fy"),
    ("the 2028-29 fiscal year", 2028, 2029, "range"),
    ("the 2024/25 budget", 2024, 2025, "range"),
    ("the 2026 fiscal year", 2026, None, "fiscal"),
    ("FY25", 2025, None, "fy"),
])
def test_fiscal_years(text: str, year: int, year2: int | None, form: str) -> None:
    v = one(text, "fiscal_year")
    assert (v["year"], v.get("year2"), v["form"]) == (year, year2, form)


def test_bounded_fiscal_years() -> None:
    v = one("in the fiscal year to March 2026", "fiscal_year")
    assert (v["end_month"], v["bound_year"]) == (3, 2026)
    v = one("for the fiscal year beginning Oct. 1", "fiscal_year")
    assert (v["start_month"], v["day"]) == (10, 1)


@pytest.mark.parametrize(("text", "typ", "key", "value"), [
    ("rose 12.4 percent", "percent", "value", 12.4),
    ("up 3.4 percentage points", "points", "value", 3.4),
    ("a cut of 25 basis points", "points", "value", 0.25),
    ("about 2% of GDP", "percent", "value", 2.0),
    ("12 days later", "relative", "offset", 12),
    ("three days ago", "relative", "offset", -3),
    ("for a decade", "duration", "amount", 10),
    ("a five-year plan", "duration", "amount", 5),
    ("by two years", "duration", "amount", 2),
    ("a dozen ships", "number", "value", 12),
    ("twenty-five ships", "number", "value", 25),
    ("1.2m people", "number", "value", 1.2e6),
    ("on the 29th", "day_of_month", "day", 29),
    ("on Friday", "weekday", "weekday", "friday"),
    ("in Friday's speech", "weekday", "weekday", "friday"),
    ("last week", "relative", "unit", "week"),
    ("the previous day", "relative", "anchor", "event"),
    ("earlier this year", "relative", "part", "before"),
    ("in early February", "month", "modifier", "early"),
])
def test_values(text: str, typ: str, key: str, value: object) -> None:
    assert one(text, typ)[key] == value


def test_dates_with_weekdays() -> None:
    v = one("on Tuesday (Nov. 4)", "date")
    assert (v["weekday"], v["month"], v["day"]) == ("tuesday", 11, 4)
    v = one("on Monday, March 2, 2026", "date")
    assert (v["weekday"], v["year"], v["month"], v["day"]) == ("monday", 2026, 3, 2)
    v = one("on 21 October 2025", "date")
    assert (v["year"], v["month"], v["day"]) == (2025, 10, 21)


def test_people_titles_and_countries() -> None:
    found = mentions("Japanese Defense Minister Shinjiro Koizumi met U.S. Defense Secretary Pete Hegseth in Tokyo.")
    people = [(v["name"], v["title"], v["country"]) for t, _, v in found if t == "person"]
    assert people == [("Shinjiro Koizumi", "defense minister", "JP"), ("Pete Hegseth", "defense secretary", "US")]
    assert [v["code"] for t, _, v in found if t == "country"] == ["JP"]  # Tokyo is a place of Japan


def test_may_the_modal_is_not_a_month_and_year_is_not_money() -> None:
    assert [t for t, _, _ in mentions("Officials may visit soon.")] == []
    assert one("It won 2024 seats.", "year")["year"] == 2024


def test_a_year_later_than_is_a_duration_not_a_date() -> None:
    assert one("a year later than first forecast", "duration")["amount"] == 1


def test_a_verb_before_a_full_date_is_not_its_modifier() -> None:
    from factcheck.extract.mentions import lex

    _, ms = lex("for the year beginning Oct. 1, 2025, and in early February")
    dates = [(m.type, m.text, m.value.get("modifier")) for m in ms if m.type in ("date", "month")]
    assert dates == [("date", "Oct. 1, 2025", None), ("month", "early February", "early")]


def test_a_month_name_inside_a_name_is_not_a_month() -> None:
    from factcheck.extract.mentions import lex

    _, ms = lex("China flew 54 Long March rockets in March, and General March spoke on Sunday, March 8.")
    assert [(mt.type, mt.text) for mt in ms if mt.type in ("month", "date")] == [("month", "March"),
                                                                               ("date", "Sunday, March 8")]


@pytest.mark.parametrize(("text", "weekdays"), [
    ("The board meets on Tuesday and Wednesday, Sept. 23-24, and is expected to hold.", ["tuesday", "wednesday"]),
    ("The poll, conducted from Thursday to Sunday (May 15-18), put the party at 31%.", ["thursday", "sunday"]),
])
def test_a_weekday_before_a_day_range_is_not_the_first_day(text: str, weekdays: list[str]) -> None:
    found = mentions(text)
    dates = [v for t, _, v in found if t == "date"]
    assert len(dates) == 1 and "weekday" not in dates[0]
    assert [v["weekday"] for t, _, v in found if t == "weekday"] == weekdays


def test_a_weekday_set_off_after_a_date_is_part_of_it() -> None:
    assert one("The conclave begins on May 7, a Wednesday, the Vatican said.", "date")["weekday"] == "wednesday"
    assert one("Markets reopen on Aug. 4, a Monday.", "date")["weekday"] == "monday"
