"""The tense a date is resolved with comes from the verb it hangs on, then from its clause."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run


def dates(text: str, published: str = "2025-11-20") -> dict[str, str | None]:
    return {d.expression: d.date for d in of_kind(run(doc(text, published)), "date_mention")}


@pytest.mark.parametrize(
    ("text", "expression", "date"),
    [
        # a reporting verb in the past governs its date, whatever the clause said before
        ("The line will open in 2030, the railway said on Tuesday, Aug. 5.", "Tuesday, Aug. 5", "2025-08-05"),
        ("Budgets will grow by 2% a year, the chancellor told MPs on Wednesday, June 11.", "Wednesday, June 11",
         "2025-06-11"),
        # the verb right after the date
        ("The Commission on Wednesday, July 2, proposed a binding target.", "Wednesday, July 2", "2025-07-02"),
        # a future cue before the date, also for a full date without its year
        ("Elections are expected on Sunday, March 15.", "Sunday, March 15", "2026-03-15"),
        # an elliptical coordinated clause keeps the tense before it
        ("Parliament will vote on Thursday, Dec. 11, and the Senate on Friday, Dec. 12.", "Friday, Dec. 12",
         "2025-12-12"),
        # "to" before a date is a preposition, not a future
        ("The bank cut its rate by a quarter point to 2.00% on Thursday, June 5.", "Thursday, June 5", "2025-06-05"),
        # no cue either way: the occurrence nearest publication
        ("The deadline is Wednesday, Dec. 3.", "Wednesday, Dec. 3", "2025-12-03"),
        ("The deadline is Monday, Nov. 17.", "Monday, Nov. 17", "2025-11-17"),
        # told in the past but a few days after publication: that date, not the one a year before
        ("Customs data showed on Monday, Nov. 24, that exports rose.", "Monday, Nov. 24", "2025-11-24"),
        # told in the past and months after publication in this year: last year's
        ("Customs data showed on Monday, Nov. 25, 2024, that exports rose.", "Monday, Nov. 25, 2024", "2024-11-25"),
        ("The treaty was signed on June 3.", "June 3", "2025-06-03"),
    ],
)
def test_tense_of_a_date(text: str, expression: str, date: str) -> None:
    assert dates(text)[expression] == date


def test_a_weekday_said_on_is_not_the_event_s_weekday() -> None:
    text = ("The meeting between the chamber and Minister Chan Chun Sing was a betrayal of trust, the chamber's "
            "president said on Tuesday. A recording of the meeting last Monday was circulated widely.")
    facts = run(doc(text, "2020-02-20"))
    assert all(d.other_weekday is None for d in of_kind(facts, "date_mention"))


def _tense_ungated(sentence: str, pos: int, end: int) -> str:
    """``tense_at`` as it was before its lower-case gate (the reference the gate must agree with)."""
    from factcheck.extract import dates as d

    window = sentence[max(0, pos - 90) : pos]
    cuts = [m.end() for m in d._CLAUSE_BREAK.finditer(window)]
    if cuts:
        window = window[cuts[-1] :]
    low = d.lowered(window)
    if d._FUTURE.search(window) if low is None else d._FUTURE_LOW.search(low):
        return "future"
    return "future" if d._FUTURE_AFTER.match(sentence[end : end + 25]) else "past"


@pytest.mark.parametrize("sentence", [
    "The minister WILL visit Seoul on Friday.",
    "The talks, which are Scheduled to open on Monday, were held in İstanbul on Tuesday.",
    "He ſhall return on Friday; she left on Monday.",
    "The plan is set to start in March, and the review ended in May 2024.",
    "Officials said on Tuesday the summit will open on Dec. 3, but the vote came on Nov. 4.",
    "Kelvin \u212aeeps planning to meet on Friday. " + "x " * 60 + "on Monday",
    "Nothing about the future here: the board met on Thursday and on the 21st.",
])
def test_the_tense_gate_never_changes_the_tense(sentence: str) -> None:
    from factcheck.extract import dates as d

    found = d.find_dates(sentence)
    assert found
    for raw in found:
        assert raw.tense == _tense_ungated(sentence, raw.start, raw.end), raw.expression


@pytest.mark.parametrize(
    ("text", "expression", "date"),
    [
        # a past verb between the future cue and the date: the date is that verb's
        ("The final will be played on Saturday, May 30, six days after the leagues finished their seasons on Sunday.",
         "Sunday", "2026-05-24"),
        ("Leaders will meet on Tuesday after talks that began on Sunday.", "Sunday", "2026-05-24"),
        # a participle after "be" is no past: the date stays the future one
        ("The deal will be signed on Thursday.", "Thursday", "2026-05-28"),
        ("The line will open to passengers on Sunday.", "Sunday", "2026-05-31"),
    ],
)
def test_a_past_verb_after_a_future_cue_dates_its_own_event(text: str, expression: str, date: str) -> None:
    assert dates(text, "2026-05-25")[expression] == date
