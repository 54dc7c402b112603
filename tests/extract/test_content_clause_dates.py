"""A date in a content clause after an event noun ("the announcement that the game would be played on Sunday") is the
content's date, not the noun's: no interval counts from it and the noun takes no date from it."""

from __future__ import annotations

from extract_helpers import doc, of_kind, run

from factcheck import check
from factcheck.extract import extract_facts

MOVED = ("The derby will now be played on Saturday 12th September with an early kick-off. The change comes just one "
         "week after the announcement {that} on Sunday 13th September, the club said.")


def _sequence_findings(text: str) -> list[str]:
    report = check(text, published="2026-09-04", references=False)
    return [f.rule for f in report.documents[0].findings if f.rule == "dates.sequence"]


def test_a_date_of_what_was_announced_dates_no_announcement() -> None:
    text = MOVED.format(that="that the derby would be played")
    facts = extract_facts(doc(text, "2026-09-04"))
    assert not of_kind(facts, "sequence")
    assert all(e.date is None for e in of_kind(facts, "event") if "announcement" in e.label)
    assert _sequence_findings(text) == []


def test_a_date_of_the_announcement_itself_still_counts() -> None:
    text = ("The derby will now be played on Saturday 12th September. This news comes just one week after the "
            "announcement of Saturday 5th September, the club said.")
    facts = run(doc(text, "2026-09-04"))
    (seq,) = of_kind(facts, "sequence")
    assert (seq.earlier_date, seq.later_date) == ("2026-09-05", "2026-09-12")
    assert [e.date for e in of_kind(facts, "event") if "announcement" in e.label] == ["2026-09-05"]
