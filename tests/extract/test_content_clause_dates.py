"""A date in a content clause after an event noun ("the news that the derby would be moved to Sunday") is the
content's date, not the noun's: no interval counts from it and the noun takes no date from it."""

from __future__ import annotations

from extract_helpers import doc, findings, of_kind, run

from factcheck.extract import extract_facts

MOVED = ("The cup tie has been switched to Saturday 12th September for television. The switch comes just one week "
         "after the announcement {that} on Sunday 13th September, the club said.")


def _sequence_findings(text: str) -> list[tuple[str, str]]:
    return findings(text, "dates.sequence", "2026-09-04")


def test_a_date_of_what_was_announced_dates_no_announcement() -> None:
    text = MOVED.format(that="that the tie would be staged")
    facts = extract_facts(doc(text, "2026-09-04"))
    assert not of_kind(facts, "sequence")
    assert all(e.date is None for e in of_kind(facts, "event") if "announcement" in e.label)
    assert _sequence_findings(text) == []


def test_a_date_of_the_announcement_itself_still_counts() -> None:
    text = ("The cup tie has been switched to Saturday 12th September. The switch comes just one week after the "
            "announcement of Saturday 5th September, the club said.")
    facts = run(doc(text, "2026-09-04"))
    (seq,) = of_kind(facts, "sequence")
    assert (seq.earlier_date, seq.later_date) == ("2026-09-05", "2026-09-12")
    assert [e.date for e in of_kind(facts, "event") if "announcement" in e.label] == ["2026-09-05"]
