"""An anniversary counted from a dated event, against the day it is marked (builders/anniversary.py)."""

from __future__ import annotations

import pytest

from factcheck import check
from factcheck.model.facts import Sequence


def _seq(text: str, published: str) -> list[Sequence]:
    doc = check(text, published=published, references=False).documents[0]
    return [f for f in doc.facts if isinstance(f, Sequence) and f.pattern == "dates.anniversary-of-dated-event"]


def _rules(text: str, published: str) -> list[tuple[str, str]]:
    doc = check(text, published=published, references=False).documents[0]
    return [(f.rule, f.severity) for f in doc.findings]


QUAKE = "Residents on Tuesday marked the {} anniversary of the earthquake that struck the city on Feb. 6, 2023."


def test_the_count_is_checked_against_the_day_it_is_marked() -> None:
    (ok,) = _seq(QUAKE.format("second"), "2025-02-06")
    assert (ok.stated_years, ok.years_between, ok.interval_ok) == (2, 2, True)
    assert ok.later_date == "2025-02-04" and ok.certainty == "inferred"
    assert _rules(QUAKE.format("second"), "2025-02-06") == []
    assert _rules(QUAKE.format("third"), "2025-02-06") == [("dates.sequence", "warning")]


def test_a_full_marking_date_makes_it_certain_and_digits_count_as_ordinals() -> None:
    text = "On June 12, 2025, the town commemorated the 25th anniversary of the dam collapse of June 10, 1999."
    (f,) = _seq(text, "2025-06-13")
    assert (f.certainty, f.years_between, f.interval_ok) == ("certain", 26, False)
    assert _rules(text, "2025-06-13") == [("dates.sequence", "error")]
    assert _rules(text.replace("25th", "26th"), "2025-06-13") == []


def test_the_publication_date_marks_it_when_the_sentence_gives_no_day() -> None:
    text = "Survivors gathered at the memorial to mark the 10th anniversary of the ferry sinking on April 16, 2014."
    assert _rules(text, "2024-04-16") == []
    assert _rules(text, "2025-04-16") == [("dates.sequence", "warning")]


@pytest.mark.parametrize("text", [
    # another anniversary than the one being marked, or no marking at all
    "Preparations began ahead of the 10th anniversary of the ferry sinking on April 16, 2014.",
    "The fund has grown since the fifth anniversary of the ferry sinking on April 16, 2014.",
    "The committee will mark the 10th anniversary of the ferry sinking on April 16, 2014.",
    "The 10th anniversary of the ferry sinking on April 16, 2014, drew little notice abroad.",
    # the event dated by its year alone: the count cannot be told to the day
    "Survivors gathered to mark the 10th anniversary of the ferry sinking in 2014.",
])
def test_no_reading_where_the_anniversary_may_not_be_the_one_marked(text: str) -> None:
    assert _rules(text, "2025-04-16") == []


def test_a_marking_day_far_from_any_anniversary_says_nothing() -> None:
    (f,) = _seq("Survivors gathered to mark the 10th anniversary of the ferry sinking on April 16, 2014.",
                "2024-09-30")
    assert f.years_between is None and f.interval_ok is None
