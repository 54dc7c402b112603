"""Timeline shifts: the years named, the shift as stated, its direction and bound, fiscal calendars."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run


class timelines:
    @staticmethod
    def extract(d):  # type: ignore[no-untyped-def]
        return of_kind(run(d), "timeline_shift")

CASES = [
    # text, from, to, stated, bound, direction, year_type, country
    ("Prime Minister Takaichi announced that the timeline for raising Japan’s defense spending to 2% of GDP "
     "would be moved up by two years, from the original target of fiscal year 2027 (April 2027-March 2028) to "
     "fiscal year 2025.", 2027, 2025, 2, "exact", "earlier", "fiscal", "JP"),
    ("Japan brought forward its target of 2% of GDP by two years, from fiscal 2027 to fiscal 2025.",
     2027, 2025, 2, "exact", "earlier", "fiscal", "JP"),
    ("Japan will reach the goal in FY2025, two years ahead of schedule, instead of by FY2027.",
     2027, 2025, 2, "exact", "earlier", "fiscal", "JP"),
    ("Britain will meet the target three years earlier than its original fiscal 2030 goal, in fiscal 2027.",
     2030, 2027, 3, "exact", "earlier", "fiscal", "GB"),
    ("The EU moved its ban on new petrol cars up by at least five years, to 2035 from 2040.",
     2040, 2035, 5, "at_least", "earlier", "calendar", None),
    ("The opening of the new terminal was pushed back by three years to 2031 from 2028.",
     2028, 2031, 3, "exact", "later", "calendar", None),
    ("The launch was delayed by a year, from 2026 to 2027.", 2026, 2027, 1, "exact", "later", "calendar", None),
    ("The government postponed the deadline by two years, from 2030 to 2032.",
     2030, 2032, 2, "exact", "later", "calendar", None),
    ("Completion of the bridge is now expected in 2028, a year later than first forecast.",
     2027, 2028, 1, "exact", "later", "calendar", None),
    ("Germany will hit the target by 2028 instead of by 2030 as originally planned.",
     2030, 2028, None, "exact", None, "calendar", None),
    ("The deadline was pushed back to March 2029 from September 2027.",
     2027, 2029, None, "exact", "later", "calendar", None),
    ("Japan will meet the goal two years early, in fiscal 2025 rather than the original target of fiscal 2027.",
     2027, 2025, 2, "exact", "earlier", "fiscal", "JP"),
    ("Australia advanced its target date by two years, from fiscal 2030 to fiscal 2028.",
     2030, 2028, 2, "exact", "earlier", "fiscal", "AU"),
]


@pytest.mark.parametrize(("text", "old", "new", "stated", "bound", "direction", "year_type", "country"), CASES)
def test_shifts(text: str, old: int, new: int, stated: int | None, bound: str, direction: str | None,
                year_type: str, country: str | None) -> None:
    (s,) = timelines.extract(doc(text))
    assert (s.from_year, s.to_year) == (old, new)
    assert (s.stated_years, s.stated_bound, s.stated_direction) == (stated, bound, direction)
    assert (s.year_type, s.country) == (year_type, country)


def test_target_noun_phrase() -> None:
    (s,) = timelines.extract(doc(CASES[0][0]))
    assert s.target == "raising Japan’s defense spending to 2% of GDP"
    assert (s.from_label, s.to_label) == ("fiscal year 2027", "fiscal year 2025")


def test_months_are_kept() -> None:
    (s,) = timelines.extract(doc("The deadline was pushed back to March 2029 from September 2027."))
    assert (s.from_month, s.to_month) == (9, 3)


def test_current_fiscal_year_uses_publication_date_and_country() -> None:
    text = "Japan moved the deadline for the target from the 2028-29 fiscal year to the current fiscal year."
    (s,) = timelines.extract(doc(text, "2025-10-29"))
    assert (s.from_year, s.to_year, s.to_label) == (2028, 2025, "the current fiscal year")
    (s,) = timelines.extract(doc(text, "2026-02-15"))
    assert s.to_year == 2025  # February 2026 is still Japan's FY2025
    assert timelines.extract(doc(text, None)) == []  # unknown without a publication date


def test_us_fiscal_range_is_named_by_its_end_year() -> None:
    text = "The U.S. deadline for the target was moved up from the 2028-29 fiscal year to fiscal 2027."
    (s,) = timelines.extract(doc(text))
    assert (s.from_year, s.to_year, s.country) == (2029, 2027, "US")


@pytest.mark.parametrize(
    "text",
    [
        "Sales advanced 3% in 2024 from 2023.",
        "Exports moved higher in 2025 than in 2024.",
        "The minister was delayed by traffic on Monday.",
        "The target is 2% of GDP by 2027.",
    ],
)
def test_no_shift(text: str) -> None:
    assert timelines.extract(doc(text)) == []


@pytest.mark.parametrize(
    ("text", "months", "between", "stated", "direction"),
    [
        ("Launch of the weather satellite has been delayed by nine months, from March 2026 to December 2026.",
         9, 9, None, "later"),
        ("The defence ministry said delivery had been delayed by 18 months, to June 2028 from December 2026.",
         18, 18, None, "later"),
        ("The lunar rover's launch has been postponed again, to March 2027 from September 2026, a four-month delay.",
         4, 6, None, "later"),
        ("Delivery was pushed back by 24 months, to June 2029 from June 2027.", 24, 24, 2, "later"),
    ],
)
def test_a_shift_stated_in_months_is_compared_with_the_months(text: str, months: int, between: int,
                                                              stated: int | None, direction: str) -> None:
    (s,) = timelines.extract(doc(text))
    assert (s.stated_months, s.months_between, s.stated_years, s.stated_direction) == (months, between, stated,
                                                                                      direction)


def test_the_rule_reports_a_shift_in_months_that_the_months_contradict() -> None:
    from factcheck import check

    text = "Launch of the weather satellite has been delayed by six months, from March 2026 to December 2026."
    (f,) = check(text, published="2025-05-06", references=False).documents[0].findings
    assert (f.rule, f.severity) == ("timeline.shift-mismatch", "error")
    assert "by 6 months" in f.message and "is 9 months later" in f.message
    assert check(text.replace("six months", "nine months"), published="2025-05-06",
                 references=False).documents[0].findings == []


def test_full_dates_give_a_move_within_one_month_its_direction() -> None:
    (s,) = timelines.extract(doc("The hearing was moved up to Oct. 14, 2026 from Oct. 21, 2026, a week earlier."))
    assert (s.from_day, s.to_day, s.actual_direction, s.stated_direction) == (21, 14, "earlier", "earlier")


@pytest.mark.parametrize(
    "text",
    [
        # day and month without a year: which way "moved back 24 hours" goes is not certain (fixtures say it
        # of an earlier day)
        "The match was moved back 24 hours and will now be played on Oct. 12 instead of Oct. 13.",
        "The cup tie was moved from Oct. 14 to Oct. 15 and will now be played 24 hours later.",
        # a range the thing will run over, not a move
        "The deadline was set weeks ago; the minister moved the fair to run from June 3, 2026 to June 7, 2026.",
    ],
)
def test_no_day_level_shift(text: str) -> None:
    assert timelines.extract(doc(text)) == []


@pytest.mark.parametrize(
    ("text", "old", "new", "stated", "direction"),
    [
        # the size of the move told in the sentence before, the two targets in this one
        ("A ban on new petrol cars will be brought forward by five years, the prime minister will say. Sales "
         "of new combustion cars will end in 2035 rather than 2040.", 2040, 2035, 5, "earlier"),
        ("Parliament approved a three-year delay to the pension reform. The higher retirement age will now "
         "apply from 2029 instead of 2027.", 2027, 2029, 3, "later"),
        # the new target from the sentence before, the old one in this one
        ("The prefecture said it would finish the work by March 2027. The work, originally due by March 2025, "
         "was delayed by two years after land purchases stalled.", 2025, 2027, 2, "later"),
        # the original stated beside a shift that would otherwise be derived from it
        ("Tokyo plans to reach 2% of GDP in fiscal 2025, three years earlier than planned. Japan's original "
         "deadline was fiscal 2027.", 2027, 2025, 3, "earlier"),
    ],
)
def test_a_side_told_in_the_next_sentence_is_an_inference(text: str, old: int, new: int, stated: int,
                                                          direction: str) -> None:
    (s,) = timelines.extract(doc(text))
    assert (s.from_year, s.to_year, s.stated_years, s.stated_direction) == (old, new, stated, direction)
    assert s.certainty == "inferred" and s.inferred


def test_a_target_met_already_is_met_in_the_year_of_publication() -> None:
    text = "Wind and solar now supply 40% of power, a milestone reached five years ahead of the 2030 deadline."
    (s,) = timelines.extract(doc(text, "2025-07-14"))
    assert (s.from_year, s.to_year, s.stated_years, s.certainty) == (2030, 2025, 5, "inferred")
    assert timelines.extract(doc(text.replace("reached", "to be reached"), "2025-07-14")) == []


@pytest.mark.parametrize(
    "text",
    [
        # how long the thing lasts, not where it moved from and to
        "The festival, postponed by a year, will run from June 3, 2026 to June 7, 2026.",
        "The works, delayed by two years, will close the line from 2027 to 2029.",
        # the move told in the sentence before is another target's: this sentence names a third year
        "The mission was delayed by two years. It will launch in 2029 and land in 2031 rather than 2030.",
    ],
)
def test_no_shift_read_from_a_span_or_another_target(text: str) -> None:
    from factcheck import check

    findings = check(text, published="2025-11-20", references=False).documents[0].findings
    assert [f.rule for f in findings if f.rule == "timeline.shift-mismatch"] == []


def test_moved_back_by_a_day_says_no_direction() -> None:
    """Fixture copy says "moved back 24 hours" of an earlier day as often as of a later one: between two
    full dates, "back" alone gives the shift no direction."""
    text = "The qualifier, which had been set for March 25, 2026, was moved back by a week to March 18, 2026."
    (s,) = timelines.extract(doc(text))
    assert (s.stated_direction, s.actual_direction) == (None, "earlier")
    (s,) = timelines.extract(doc(text.replace("moved back", "moved forward").replace("March 18", "April 1")))
    assert (s.stated_direction, s.actual_direction) == ("earlier", "later")


@pytest.mark.parametrize(
    ("text", "old", "new", "months", "stated_months", "direction"),
    [
        # a move between quarters counts months from each quarter's first month
        ("First production has moved from the first quarter of 2027 to the third quarter of 2026, three quarters "
         "ahead of the original plan.", (2027, 1), (2026, 7), 6, 9, "earlier"),
        ("Output was pulled forward to the third quarter of 2026 from the first quarter of 2027, two quarters "
         "ahead of plan.", (2027, 1), (2026, 7), 6, 6, "earlier"),
        ("The airline moved the delivery from Q1 2027 to Q3 2027, two quarters later than agreed.",
         (2027, 1), (2027, 7), 6, 6, "later"),
        # shifts in months, the move as a noun, then "rather than"
        ("The link faces a ten-month delay, with commissioning now slated for October 2027 rather than December 2026.",
         (2026, 12), (2027, 10), 10, 10, "later"),
        ("The arena is now expected to open in March 2028, nine months behind schedule, after the original "
         "September 2027 date slipped.", (2027, 9), (2028, 3), 6, 9, "later"),
    ],
)
def test_month_and_quarter_shifts(text: str, old: tuple[int, int], new: tuple[int, int], months: int,
                                  stated_months: int, direction: str) -> None:
    (t,) = timelines.extract(doc(text, "2025-09-09"))
    assert ((t.from_year, t.from_month), (t.to_year, t.to_month)) == (old, new)
    assert (t.months_between, t.stated_months, t.stated_direction) == (months, stated_months, direction)


@pytest.mark.parametrize(
    ("text", "old", "new", "stated", "certainty"),
    [
        ("The national census, delayed by four years from its original 2021 date, will now be held in 2027.",
         2021, 2027, 4, "certain"),
        ("The state will miss its 2030 renewable target by three years, pushing the goal back to 2033.",
         2030, 2033, 3, "certain"),
        # the size told in the sentence before, the verb eight words from its "by"
        ("The utility will delay the closure of its last coal unit by two years. The unit will now shut by the end "
         "of 2027, rather than in 2025.", 2025, 2027, 2, "inferred"),
    ],
)
def test_s22_shift_structures(text: str, old: int, new: int, stated: int, certainty: str) -> None:
    (t,) = timelines.extract(doc(text, "2025-01-22"))
    assert (t.from_year, t.to_year, t.stated_years, t.certainty) == (old, new, stated, certainty)


def test_a_participle_with_now_needs_a_verb_of_happening() -> None:
    text = "The bridge, delayed by a year from its planned 2029 opening, was now busier than ever in 2031."
    assert timelines.extract(doc(text, "2025-01-22")) == []


@pytest.mark.parametrize(
    ("text", "old", "new", "stated", "certainty"),
    [
        # the shift before a long noun phrase of what moved, then the targets after its comma (either order)
        ("The board brought forward by three years the date by which the city's buses must run on batteries, "
         "to 2032 from 2035.", 2035, 2032, 3, "certain"),
        ("The board brought forward by three years its deadline for electric buses, from 2035 to 2032.",
         2035, 2032, 3, "certain"),
        # the old target named as "the previous target of <year>" after the move as a noun
        ("The line should now open in 2034, a delay of two years from the previous target of 2032.",
         2032, 2034, 2, "certain"),
        # a parenthesis inside what moved
        ("The state extended the window to claim its 2 billion peso (US$110 million) grant by a year, "
         "to 2031 from 2030.", 2030, 2031, 1, "certain"),
        # the new and old target in a relative clause on what moved: read across clauses
        ("The treasury postponed by a year the levy on plastic trays, which will now apply in 2029 instead of 2028.",
         2028, 2029, 1, "inferred"),
    ],
)
def test_s26_shift_structures(text: str, old: int, new: int, stated: int, certainty: str) -> None:
    (t,) = timelines.extract(doc(text, "2025-05-05"))
    assert (t.from_year, t.to_year, t.stated_years, t.certainty) == (old, new, stated, certainty)


@pytest.mark.parametrize(
    ("text", "months"),
    [
        ("The agency extended the deadline by nine months, until the end of 2027, from the end of 2026.", (12, 12)),
        ("The agency moved the deadline up by three months, to the start of 2027 from the start of 2028.", (1, 1)),
        # a year by its end against a bare year, or against its start: no months are said
        ("The agency extended the deadline by nine months, until the end of 2027, from 2026.", (None, None)),
        ("The agency extended the deadline by 18 months, to the end of 2027 from the start of 2026.", (None, None)),
    ],
)
def test_years_named_by_their_end_or_start(text: str, months: tuple[int | None, int | None]) -> None:
    (t,) = timelines.extract(doc(text, "2025-05-05"))
    assert (t.from_month, t.to_month) == months


@pytest.mark.parametrize(
    "text",
    [
        "The central bank expects prices to settle at its goal in 2028, a year later than it predicted in 2025.",
        "The mine will open in 2030, two years later than the owners promised in 2021.",
    ],
)
def test_the_year_a_forecast_was_made_is_no_old_target(text: str) -> None:
    assert timelines.extract(doc(text, "2025-05-05")) == []
