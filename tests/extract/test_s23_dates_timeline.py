"""Dates and timeline structures read on outside drafts (s23): shifts told after an attribution aside,
by a verb of moving after "instead of", or "extended by N years from"; a fiscal year told by its end
against a calendar year; day counts "into the job" and "since taking office"; "October 21 last year";
a weekday naming an event dated right after its noun; quarters of a fiscal year told by its end; a fiscal
year of twelve months on any calendar."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

from factcheck import Checker


def shifts(text: str, published: str = "2025-10-15") -> list:
    return of_kind(run(doc(text, published)), "timeline_shift")


def sequences(text: str, published: str) -> list:
    return [s for s in of_kind(run(doc(text, published)), "sequence") if s.pattern]


def findings(text: str, published: str) -> set[tuple[str, str]]:
    with Checker(references=False, engine="python") as c:
        rep = c.check(text, published=doc(text, published).published, fmt="text").documents[0]
    return {(f.severity, f.rule) for f in rep.findings if f.severity in ("error", "warning")}


@pytest.mark.parametrize(
    ("text", "old", "new", "stated", "direction"),
    [
        ("The country will aim for net-zero emissions in 2045 instead of 2050, bringing the goal forward by "
         "five years.", 2050, 2045, 5, "earlier"),
        ("The port will finish the breakwater in 2031 rather than 2029, pushing completion back by two years.",
         2029, 2031, 2, "later"),
        # the year of the modifier ("set in 2019") is not the old target
        ("The tram line will not open until 2031, the city said, a delay of three years from the 2028 date set "
         "in 2019.", 2028, 2031, 3, "later"),
        ("The coastal line will reopen in 2029, the operator said on Tuesday, two years later than the 2027 date "
         "it gave in 2024.", 2027, 2029, 2, "later"),
        ("The last turbine is now due to enter service in 2030 after the completion date was extended by two "
         "years from 2028.", 2028, 2030, 2, "later"),
        ("Petrol cars will be banned from 2035 instead of 2030, as pledged in a 2021 law, pushing the ban back by "
         "five years.", 2030, 2035, 5, "later"),
    ],
)
def test_s23_shift_structures(text: str, old: int, new: int, stated: int, direction: str) -> None:
    (s,) = shifts(text)
    assert (s.from_year, s.to_year, s.stated_years, s.stated_direction, s.certainty) == \
        (old, new, stated, direction, "certain")


@pytest.mark.parametrize(
    ("stated", "new", "between"),
    [
        (3, 2027, 3),  # read by the year it ends in
        (4, 2026, 4),  # read by the year it starts in: that reading fits, so it is taken
        (6, 2027, 3),  # neither reading fits: the year it ends in stands, and the rule reports it
    ],
)
def test_a_fiscal_year_told_by_its_end_has_two_calendar_readings(stated: int, new: int, between: int) -> None:
    words = {3: "three", 4: "four", 6: "six"}[stated]
    text = (f"Australia will balance its budget in the fiscal year ending June 30, 2027, the treasurer said, {words} "
            "years earlier than the 2030 date in the last forecast.")
    (s,) = shifts(text, "2025-05-20")
    assert (s.to_year, s.stated_years, s.years_between) == (new, stated, between)
    fired = findings(text, "2025-05-20")
    assert fired == ({("error", "timeline.shift-mismatch")} if stated == 6 else set())


@pytest.mark.parametrize(
    ("text", "published", "days", "ok", "certainty"),
    [
        ("Officials declared the results on May 5, and the mayor was sworn in on May 9, four days after the count.",
         "2025-05-12", 4, True, "inferred"),
        ("Officials declared the results on May 5, and the mayor was sworn in on May 9, two days after the count.",
         "2025-05-12", 4, False, "inferred"),
        ("The minister, who took office on November 3 last year, unveiled her plan on Tuesday, January 13, "
         "71 days into the job.", "2026-01-20", 71, True, "certain"),
        ("The minister, who took office on November 3 last year, unveiled her plan on Tuesday, January 13, "
         "61 days into the job.", "2026-01-20", 71, False, "certain"),
        ("The governor signed the bill on April 20, marking 100 days since she took office on January 10.",
         "2025-04-25", 100, True, "certain"),
        ("The governor signed the bill on April 30, marking 100 days since she took office on January 10.",
         "2025-05-05", 110, False, "certain"),
    ],
)
def test_s23_day_counts(text: str, published: str, days: int, ok: bool, certainty: str) -> None:
    (s,) = [s for s in of_kind(run(doc(text, published)), "sequence")]
    assert (s.days_between, s.interval_ok, s.certainty) == (days, ok, certainty)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan was first drafted on October 21 last year.", "2024-10-21"),
        ("The plant reopens on March 2 next year.", "2026-03-02"),
        ("The strike began on 4 August this year.", "2025-08-04"),
    ],
)
def test_a_day_and_month_with_last_or_next_year(text: str, expected: str) -> None:
    (d,) = of_kind(run(doc(text, "2025-12-01")), "date_mention")
    assert d.date == expected


def test_a_weekday_naming_an_event_dated_right_after_its_noun_is_the_same_event() -> None:
    text = "Congress removed the president in Friday's vote on March 19, the sixth time since 2018."
    (weekday, *_) = of_kind(run(doc(text, "2026-03-21")), "date_mention")
    assert (weekday.other_weekday, weekday.other_expression, weekday.certainty) == \
        ("thursday", "on March 19", "certain")
    assert findings(text, "2026-03-21") == {("error", "dates.weekday-mismatch")}
    assert findings(text.replace("Friday's", "Thursday's"), "2026-03-21") == set()
    # the date of something else the noun is about ("a vote on the March 19 budget") is not the event's
    assert findings("Congress held Friday's vote on the March 19 budget.", "2026-03-21") == set()


def test_a_noun_of_the_verb_that_dated_the_event_is_compared_as_an_inference() -> None:
    text = ("The council adopted its annual plan on Tuesday, June 10. At Wednesday's adoption meeting, "
            "councillors also agreed to buy a library van.")
    assert findings(text, "2025-06-12") == {("warning", "dates.weekday-mismatch")}
    assert findings(text.replace("Wednesday's", "Tuesday's"), "2025-06-12") == set()


def test_the_quarter_of_a_fiscal_year_told_by_its_end() -> None:
    text = ("The carmaker's profit fell in the first quarter of its fiscal year ending March 2026, the three months "
            "from April to June, the company said.")
    (g,) = of_kind(run(doc(text, "2025-08-06")), "fiscal_year_gloss")
    assert (g.quarter, g.expected_start, g.expected_end, g.stated_start) == (1, "2025-04", "2025-06", "2025-04")
    assert findings(text, "2025-08-06") == set()
    wrong = text.replace("from April to June", "from January to March")
    assert findings(wrong, "2025-08-06") == {("error", "fiscal.gloss-mismatch")}


@pytest.mark.parametrize(
    ("months", "fired"),
    [
        ("from April to the following March", set()),
        ("from July to June", set()),
        ("from April to the following December", {("error", "fiscal.gloss-mismatch")}),
        ("from January to September", {("error", "fiscal.gloss-mismatch")}),
    ],
)
def test_a_fiscal_year_runs_twelve_months_on_any_calendar(months: str, fired: set) -> None:
    text = f"The brewer's fiscal year, like the government's, runs {months}."
    assert findings(text, "2025-04-10") == fired


def test_one_day_offered_under_two_weekdays_claims_neither() -> None:
    text = "Readers wondered whether the next issue would say Thursday, Oct. 25 or Friday, Oct. 25."
    assert all(d.weekday is None for d in of_kind(run(doc(text, "2012-10-26")), "date_mention"))
    assert findings(text, "2012-10-26") == set()


def test_a_date_something_was_marked_with_is_at_most_a_warning() -> None:
    """A misprinted date the text quotes ("an edition dated Thursday, Oct. 24") is not the text's own claim
    for certain; the same weekday told of an event is."""
    assert findings("The paper printed an edition dated Thursday, Oct. 24.", "2012-10-26") == \
        {("warning", "dates.weekday-mismatch")}
    assert findings("The board met on Thursday, Oct. 24, and approved the plan.", "2012-10-26") == \
        {("error", "dates.weekday-mismatch")}


@pytest.mark.parametrize(
    ("text", "fired"),
    [
        ("The summit on Oct. 14 came after the election on Oct. 12.", set()),
        ("The summit on Oct. 14 came after the election on Oct. 16.", {("error", "dates.sequence")}),
        ("The debate on Oct. 9 came before the vote on Oct. 7.", {("error", "dates.sequence")}),
        # "followed by" puts the first date first
        ("The rate cut on Oct. 14 was followed by the jobs report on Oct. 16.", set()),
    ],
)
def test_an_order_between_two_events_each_dated_after_its_noun(text: str, fired: set) -> None:
    assert findings(text, "2025-10-20") == fired


@pytest.mark.parametrize(
    ("text", "months", "between"),
    [
        ("The bypass, originally scheduled for an October 2024 completion, will now be finished in August 2026, "
         "22 months after the original deadline.", 22, 22),
        ("The regulator gave the bank until March 2027 to comply, 12 months later than the September 2025 "
         "deadline it first set.", 12, 18),
    ],
)
def test_shifts_in_months_from_the_original_deadline(text: str, months: int, between: int) -> None:
    (s,) = shifts(text, "2025-06-05")
    assert (s.stated_months, s.months_between, s.stated_direction) == (months, between, "later")


def test_weeks_are_counted_to_the_nearest_week() -> None:
    ok = "The bridge reopened on June 1, eight weeks after engineers closed it on April 6."
    assert findings(ok, "2026-06-15") == set()
    assert findings(ok.replace("eight weeks", "nine weeks"), "2026-06-15") == {("error", "dates.sequence")}


def test_an_event_noun_said_to_take_place_on_a_date_dates_it() -> None:
    text = "The election was held on March 9. Results were certified on March 21, 12 days after the vote."
    (s,) = sequences(text, "2025-03-25")
    assert (s.earlier_date, s.interval_ok, s.certainty) == ("2025-03-09", True, "inferred")
    (s,) = sequences(text.replace("12 days", "ten days"), "2025-03-25")
    assert s.interval_ok is False
