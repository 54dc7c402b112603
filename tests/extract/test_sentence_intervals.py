"""A sentence's one interval between its two dates (factcheck/extract/builders/intervals.py)."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

from factcheck.resolve import resolve_facts

PUB = "2026-01-26"


def readings(text: str, published: str = PUB) -> list:
    d = doc(text, published)
    facts = resolve_facts(d, run(d))
    return [s for s in of_kind(facts, "sequence") if s.pattern == "dates.sentence-interval"]


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Shares in the pump maker rose 6% on Thursday (Jan. 15), a day after it reported, on Wednesday (Jan. 14), "
         "record orders.", True),
        ("Shares in the pump maker rose 6% on Thursday (Jan. 15), a day after it reported, on Tuesday (Jan. 13), "
         "record orders.", False),
        ("The fourth unit, switched on on Jan. 17, began supplying the grid 14 days after the third, which was "
         "connected on Jan. 3.", True),
        ("The fourth unit, switched on on Jan. 17, began supplying the grid 12 days after the third, which was "
         "connected on Jan. 3.", False),
        ("Norway have won five games since the championship began nine days ago, on Saturday, Jan. 17.", True),
        ("Norway have won five games since the championship began seven days ago, on Saturday, Jan. 17.", False),
    ],
)
def test_the_interval_joins_the_two_dates(text: str, ok: bool) -> None:
    (s,) = readings(text)
    assert s.certainty == "inferred" and s.inferred
    assert s.interval_ok is ok


@pytest.mark.parametrize(
    "text",
    [
        # both dates after the interval: it may join an undated event to either
        "The ruling, handed down a week after the inquiry closed on Jan. 4, was appealed on Jan. 23.",
        # "a week earlier" said of a figure, not set beside a date
        "Cases rose to 2,410 in the week to Jan. 18 from 2,021 a week earlier, the ministry said on Thursday, Jan. 22.",
        # the second date is the day of the statement, in a reporting clause
        "The derby will be played on Sunday, Feb. 1, three days after the midweek round, the league confirmed on "
        "Monday, Jan. 19.",
        # a hedge, a range, three dates
        "The vote came about two weeks after the deadline of Jan. 2, on Jan. 19.",
        "The talks, held from Jan. 5-7, ended a day before the summit on Jan. 12.",
        "The bill passed on Jan. 20, six days after its reading on Jan. 14 and a week before Jan. 27.",
    ],
)
def test_no_reading_where_the_sentence_leaves_doubt(text: str) -> None:
    assert readings(text) == []


def test_a_pattern_reading_of_the_sentence_comes_first() -> None:
    text = "The frigate sailed on Jan. 17, three days after the minister inspected the crew on Jan. 12."
    facts = run(doc(text, PUB))
    sequences = of_kind(facts, "sequence")
    assert sequences and all(s.pattern != "dates.sentence-interval" for s in sequences)
