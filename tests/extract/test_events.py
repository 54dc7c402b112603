"""Events and stated orders (Sequence facts)."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

from factcheck.extract import events


def extracted(text: str) -> list:
    return events.extract(doc(text))


@pytest.mark.parametrize(
    ("text", "event_type", "participants", "place", "date_text"),
    [
        ("U.S. Secretary of Defense Pete Hegseth and Japanese Defense Minister Shinjiro Koizumi held a "
         "face-to-face meeting in Tokyo on the 29th.", "meeting", ["Pete Hegseth", "Shinjiro Koizumi"], "Tokyo",
         "the 29th"),
        ("The summit between U.S. President Donald Trump and Japanese Prime Minister Sanae Takaichi was held in "
         "Tokyo on Tuesday.", "summit", ["Donald Trump", "Sanae Takaichi"], "Tokyo", "Tuesday"),
        ("Previously, on the 24th, Prime Minister Sanae Takaichi announced in a parliamentary address that "
         "spending would rise.", "address", ["Sanae Takaichi"], None, "the 24th"),
        ("The two ministers met in Tokyo on the 29th.", "meeting", [], "Tokyo", "the 29th"),
        ("Chancellor Friedrich Merz will visit Paris on Friday.", "visit", ["Friedrich Merz"], None, "Friday"),
        ("President Lee Jae-myung held talks with Prime Minister Sanae Takaichi in Seoul on Oct. 30.",
         "meeting", ["Lee Jae-myung", "Sanae Takaichi"], "Seoul", "Oct. 30"),
        ("Defense Minister Shinjiro Koizumi held a phone call with Pete Hegseth on Monday.", "call",
         ["Shinjiro Koizumi"], None, "Monday"),
    ],
)
def test_events(text: str, event_type: str, participants: list[str], place: str | None,
                date_text: str | None) -> None:
    evs = of_kind(extracted(text), "event")
    assert len(evs) == 1, [e.label for e in evs]
    e = evs[0]
    assert (e.event_type, e.participants, e.place, e.date_text) == (event_type, participants, place, date_text)


def test_back_references_are_not_new_events() -> None:
    assert of_kind(extracted("After the meeting, Minister Koizumi told reporters he was pleased."), "event") == []


def test_the_verb_address_is_not_an_event() -> None:
    assert of_kind(extracted("The ministers will address the issue on Friday."), "event") == []


@pytest.mark.parametrize(
    ("text", "cue", "earlier", "later"),
    [
        ("The ministers met in Tokyo on the 29th. The meeting followed the summit between the two leaders in Tokyo "
         "the previous day.", "followed", "the summit", "The meeting"),
        ("The ministers met in Tokyo on the 29th. The summit was followed by a meeting of the ministers on the "
         "30th.", "was followed by", "The summit", "a meeting"),
        ("The ministers met in Tokyo on the 29th. The meeting preceded a summit in Seoul on the 30th.", "preceded",
         "The meeting", "a summit"),
    ],
)
def test_follow_sequences(text: str, cue: str, earlier: str, later: str) -> None:
    (s,) = of_kind(extracted(text), "sequence")
    assert s.cue == cue
    assert s.earlier_label.startswith(earlier)
    assert s.later_label.startswith(later)


def test_previously_opener_orders_against_the_main_event() -> None:
    text = ("Hegseth and Koizumi held a meeting in Tokyo on the 29th. Previously, on the 24th, Prime Minister "
            "Sanae Takaichi announced in a parliamentary address that spending would rise.")
    (s,) = of_kind(run(doc(text)), "sequence")
    assert (s.cue, s.earlier_date, s.later_date) == ("Previously", "2025-10-24", "2025-10-29")


def test_after_taking_office_sequence() -> None:
    text = ("Defense Minister Shinjiro Koizumi, who took office on the 21st, met his U.S. counterpart on the 20th, "
            "two days after taking office.")
    (s,) = of_kind(run(doc(text)), "sequence")
    assert s.earlier_label == "taking office on the 21st"
    assert (s.earlier_date, s.later_date, s.strict) == ("2025-10-21", "2025-10-20", True)
    assert (s.stated_days, s.interval_ok, s.certainty) == (2, False, "certain")


def test_days_after_taking_office_reads_the_tenure_of_the_same_sentence_not_the_nearest_person() -> None:
    text = ("Foreign Minister Haruka Onodera, who took office on the 21st, held talks with Australian Foreign "
            "Minister Claire Dunmore on the 23rd, two days after taking office.")
    (s,) = of_kind(run(doc(text)), "sequence")
    assert (s.earlier_date, s.later_date, s.stated_days, s.interval_ok) == ("2025-10-21", "2025-10-23", 2, True)


def test_first_meeting_since_sequence() -> None:
    text = "Koizumi met Hegseth in Tokyo on the 29th, their first meeting since the talks in Singapore in May."
    (s,) = of_kind(run(doc(text)), "sequence")
    assert s.cue == "first meeting since"
    assert (s.earlier_date, s.later_date) == ("2025-05", "2025-10-29")
