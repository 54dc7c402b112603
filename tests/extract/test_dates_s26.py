"""Stop 26 readings of dates: nights counted as days before an interval's suffix, a year alone between a day
date and a count of days, a weekday said on before the date a reported clause is about, a yearless date in
a past year its sentence names, a state's name in a hyphened modifier."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

from factcheck.extract import dates
from factcheck.extract.mentions import lex


def _types(text: str) -> list[tuple[str, str]]:
    return [(m.type, m.text) for m in lex(text)[1]]


@pytest.mark.parametrize(("text", "offset"), [
    ("It won two nights after the opener.", 2),
    ("The vote came three nights earlier.", -3),
])
def test_nights_before_a_suffix_are_an_interval_of_days(text: str, offset: int) -> None:
    (rel,) = [m for m in lex(text)[1] if m.type == "relative"]
    assert (rel.value["unit"], rel.value["offset"], rel.value["anchor"]) == ("day", offset, "event")


@pytest.mark.parametrize("text", ["She spent two nights in a cell.", "The show ran for three nights.",
                                  "It happened two nights ago."])
def test_nights_alone_are_no_interval(text: str) -> None:
    assert [t for t, _ in _types(text) if t in ("relative", "duration")] == []


def _sequence(text: str, published: str):
    return [s for s in of_kind(run(doc(text, published)), "sequence") if s.pattern]


def test_a_year_between_the_day_date_and_a_count_of_days_is_stepped_over_as_an_inference() -> None:
    text = ("The carrier said on June 9 that the new route would not open before 2027, a day after the regulator "
            "raised fresh objections on June 10.")
    (s,) = _sequence(text, "2025-06-12")
    assert (s.stated_days, s.interval_ok, s.certainty) == (1, False, "inferred")
    assert "2027" in (s.inferred or "")


def test_a_year_between_does_not_carry_a_count_of_years() -> None:
    text = ("The carrier said on June 9 that the new route would open in 2027, a year after the regulator "
            "raised fresh objections on June 10, 2025.")
    assert _sequence(text, "2025-06-12") == []


@pytest.mark.parametrize(("text", "weekday", "date"), [
    ("The agency said Monday Nov. 4 would be the last day to apply.", "Monday", "Nov. 4"),
    ("The board announced on Friday, Dec. 12, was the final day of trading.", "Friday", "Dec. 12"),
])
def test_a_weekday_said_on_is_not_the_date_the_report_is_about(text: str, weekday: str, date: str) -> None:
    found = dates.extract(doc(text))
    assert [(d.expression, d.form, d.weekday) for d in found] == [(weekday, "weekday", weekday.lower()),
                                                                   (date, "absolute", None)]


@pytest.mark.parametrize("text", ["The bank said it cut rates on Wednesday Dec. 17.",
                                  "The bank said on Wednesday, Dec. 17, that it cut rates.",
                                  "The bank said on Wednesday, Dec. 17, as markets fell, that it cut rates."])
def test_a_weekday_and_date_of_the_saying_stay_one_date(text: str) -> None:
    (d,) = dates.extract(doc(text))
    assert (d.form, d.weekday) == ("absolute", "wednesday")


def test_a_yearless_date_takes_the_past_year_its_sentence_names_when_the_weekday_fits() -> None:
    fs = run(doc("In 2019, the paper mill closed on Friday, Nov. 1, and never reopened.", "2025-12-01"))
    d = next(d for d in of_kind(fs, "date_mention") if d.weekday)
    assert (d.date, d.weekday_of_date) == ("2019-11-01", "friday")


@pytest.mark.parametrize("text", [
    # a year to come is a target, not the story's year
    "The mill will reopen in 2030, the owner said. It closed on Friday, Nov. 1.",
    # the date of the saying lies near publication
    "Output has risen from 2019 levels, the owner said on Friday, Nov. 1.",
])
def test_a_yearless_date_keeps_the_year_of_publication(text: str) -> None:
    fs = run(doc(text, "2025-12-01"))
    d = next(d for d in of_kind(fs, "date_mention") if d.weekday)
    assert d.date == "2025-11-01"


def test_a_state_in_a_hyphened_modifier_is_not_whose_fiscal_year() -> None:
    fs = run(doc("The U.S. Navy's fiscal 2026 spending plan, which starts on July 1, 2025, funds repairs to four "
                 "Ohio-class submarines."))
    (g,) = of_kind(fs, "fiscal_year_gloss")
    assert (g.country, g.expected_start) == ("US", "2025-10")
