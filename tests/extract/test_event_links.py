"""One event dated twice across sentences, and the intervals read in session 21 (patterns/dates/interval.yaml,
factcheck/extract/builders/backrefs.py)."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run


def dates(text: str, published: str) -> list:
    return of_kind(run(doc(text, published)), "date_mention")


def sequences(text: str, published: str) -> list:
    return [s for s in of_kind(run(doc(text, published)), "sequence") if s.pattern]


def test_a_possessive_weekday_is_compared_with_the_verb_that_dated_its_event_as_an_inference() -> None:
    text = "The central bank raised its key rate on Thursday. After Wednesday's decision, the governor spoke."
    (_, linked) = dates(text, "2025-11-22")
    assert (linked.weekday, linked.other_weekday, linked.weekday_conflict) == ("wednesday", "thursday", None)
    assert linked.certainty == "inferred" and "Wednesday's decision" in (linked.inferred or "")


def test_a_date_naming_an_event_is_compared_with_the_day_the_event_was_told() -> None:
    (_, linked) = dates("The board approved the merger on Nov. 19. The Nov. 20 approval clears a listing.",
                        "2025-11-22")
    assert (linked.date, linked.other_date, linked.certainty) == ("2025-11-20", "2025-11-19", "inferred")


@pytest.mark.parametrize(
    "text",
    [
        "The central bank cut its key rate on Wednesday. Thursday's decision by the euro zone's bank may follow.",
        "The Senate approved the bill on Monday. Tuesday's vote in the House was close.",
        "Harwood beat Stanmore 3-1 on Sunday. The squad will rest until Saturday's match.",
        "The governor said on Tuesday that rates would stay high. Wednesday's announcement surprised markets.",
    ],
)
def test_a_phrase_that_may_name_another_event_is_not_linked(text: str) -> None:
    assert all(d.other_weekday is None and d.other_date is None for d in dates(text, "2025-11-22"))


@pytest.mark.parametrize(
    ("text", "published", "days", "ok"),
    [
        ("The regulator opened an inquiry on Nov. 9, within 48 hours of the leak on Nov. 4.", "2025-11-20", 5, False),
        ("The union settled on March 3, within 24 hours of the strike deadline on March 4.", "2026-03-10", 1, True),
        ("The two quakes struck on Feb. 24 and Feb. 6, two weeks apart.", "2026-03-01", 18, False),
        ("On April 29, his 100th day in office, the president, who was sworn in on Jan. 20, spoke.", "2025-05-02",
         99, True),
        ("The crew returned on July 19 after 16 days in orbit, having launched on July 3.", "2025-07-25", 16, True),
        ("The Lost Pine fire, which ignited on Aug. 3, was contained on Aug. 19, 12 days later.", "2025-09-01",
         16, False),
    ],
)
def test_new_interval_forms(text: str, published: str, days: int, ok: bool) -> None:
    (s,) = sequences(text, published)
    assert (s.days_between, s.interval_ok) == (days, ok)


def test_an_order_without_interval_before_a_dated_event_noun() -> None:
    (s,) = sequences("Envoys met in Quito on Nov. 16, ahead of the leaders' summit on Nov. 14.", "2025-11-20")
    assert s.earlier_date == "2025-11-16" and s.later_date == "2025-11-14" and s.certainty == "certain"


@pytest.mark.parametrize(
    ("text", "other", "said"),
    [
        ("Friday's general election, held on May 14, handed the opposition 151 seats.", "sunday", "held on May 14"),
        ("Saturday's final, played on Sunday, May 7, drew a record crowd.", "sunday", "played on Sunday, May 7"),
        ("Tuesday's vote, scheduled for May 18, will decide the speaker.", "thursday", "scheduled for May 18"),
    ],
)
def test_a_participle_dating_the_event_a_weekday_names_is_the_same_event_for_certain(
        text: str, other: str, said: str) -> None:
    (weekday, *_) = dates(text, "2023-05-15")
    assert (weekday.weekday != other, weekday.other_weekday, weekday.other_expression) == (True, other, said)
    assert weekday.certainty == "certain"


@pytest.mark.parametrize(
    "text",
    [
        "Sunday's general election, held on May 14, handed the opposition 151 seats.",  # the same weekday
        "Friday's match, played in heavy rain, ended goalless.",  # no date
        "Friday's election, and the vote held on May 14, were both close.",  # not the participle of its noun
    ],
)
def test_no_other_weekday_without_a_participle_dating_the_same_noun(text: str) -> None:
    assert all(d.other_weekday is None for d in dates(text, "2023-05-15"))
