"""Two dated things and the interval the text puts between them (patterns/dates/interval.yaml)."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run


def sequences(text: str, published: str) -> list:
    return [s for s in of_kind(run(doc(text, published)), "sequence") if s.pattern]


@pytest.mark.parametrize(
    ("text", "published", "days", "ok"),
    [
        ("The results were released on May 17, the day after the board approved a buyback on May 16.", "2025-05-20",
         1, True),
        ("The results were released on May 15, the day after the board approved a buyback on May 16.", "2025-05-20",
         -1, False),
        ("The frigate sailed on Friday (Jan. 9), three days after the minister inspected the crew on Jan. 6.",
         "2026-01-10", 3, True),
        ("The frigate sailed on Friday (Jan. 9), three days after the minister inspected the crew on Jan. 7.",
         "2026-01-10", 2, False),
        ("The cabinet approved the budget on Friday, Nov. 28, to fund the package it adopted a week earlier, on Nov. 21.",
         "2025-11-29", 7, True),
        # each date placed by its own tense would be years apart; the stated interval says which year is meant
        ("The outbreak may be declared over if no cases are reported by Feb. 14, 42 days after the last patient "
         "tested negative on Jan. 3.", "2025-02-01", 42, True),
    ],
)
def test_interval(text: str, published: str, days: int, ok: bool) -> None:
    (s,) = sequences(text, published)
    assert (s.days_between, s.interval_ok) == (days, ok)


def test_an_offset_said_of_a_figure_is_not_an_interval() -> None:
    text = "Cases rose to 12,846 in the week to Nov. 9 from 10,850 a week earlier, the ministry said on Thursday."
    assert sequences(text, "2025-11-14") == []


def test_a_date_range_is_not_one_day() -> None:
    text = "The minutes, released on Wednesday, Nov. 19, three weeks after the Oct. 28-29 meeting, showed a split."
    assert sequences(text, "2025-11-20") == []


def test_the_rule_reports_a_wrong_interval() -> None:
    from factcheck import check

    report = check("The frigate sailed on Oct. 27, three days after the minister inspected the crew on Oct. 22.",
                   published="2025-10-29", references=False)
    assert [f.rule for f in report.documents[0].findings] == ["dates.sequence"]
