"""Links between facts: event dates, anchors of relative dates, sequence sides, role dates."""

from __future__ import annotations

from extract_helpers import doc, of_kind, run, seed


def test_previous_day_anchors_on_the_other_event_of_the_sentence() -> None:
    fs = run(doc("The ministers met in Tokyo on the 29th. The meeting followed the summit between the leaders in "
                 "Tokyo the previous day."))
    meeting, summit = of_kind(fs, "event")
    rel = of_kind(fs, "date_mention")[-1]
    assert (rel.anchor, rel.date, summit.date) == (meeting.id, "2025-10-28", "2025-10-28")


def test_previous_day_without_other_event_anchors_on_the_main_event() -> None:
    fs = run(doc("The ministers met in Tokyo on the 29th. Separately, the summit held the previous day ended."))
    assert of_kind(fs, "date_mention")[-1].date == "2025-10-28"


def test_previous_day_at_a_month_boundary() -> None:
    fs = run(doc("The ministers met in Tokyo on the 1st. The summit was held the previous day.", "2025-11-03"))
    assert [d.date for d in of_kind(fs, "date_mention")] == ["2025-11-01", "2025-10-31"]


def test_no_anchor_no_date() -> None:
    fs = run(doc("The summit was held the previous day."))
    (d,) = of_kind(fs, "date_mention")
    assert d.date is None and d.anchor is None


def test_no_publication_date_no_relative_dates() -> None:
    fs = run(doc("The ministers met in Tokyo on the 29th. The summit was held the previous day.", None))
    assert [d.date for d in of_kind(fs, "date_mention")] == [None, None]
    assert all(s.earlier_date is None for s in of_kind(fs, "sequence"))


def test_seed_sequence_dates_and_refs() -> None:
    fs = run(seed())
    by_id = {f.id: f for f in fs}
    followed, previously = of_kind(fs, "sequence")
    assert by_id[followed.earlier_ref].event_type == "summit"
    assert by_id[followed.later_ref].event_type == "meeting"
    assert by_id[previously.earlier_ref].event_type == "address"
    assert (previously.earlier_date, previously.later_date) == ("2025-10-24", "2025-10-29")


def test_seed_following_day_variant() -> None:
    fs = run(seed(("in Tokyo the previous day", "in Tokyo the following day")))
    followed = of_kind(fs, "sequence")[0]
    assert followed.later_date == "2025-10-29" and followed.earlier_date == "2025-10-30"


def test_role_date_is_the_date_of_the_sentence_event() -> None:
    fs = run(doc("Japanese Prime Minister Sanae Takaichi met U.S. President Donald Trump in Tokyo on the 28th."))
    assert [(r.person, r.date) for r in of_kind(fs, "role_mention")] == [
        ("Sanae Takaichi", "2025-10-28"), ("Donald Trump", "2025-10-28")]


def test_role_without_event_has_no_date() -> None:
    fs = run(doc("Japanese Prime Minister Sanae Takaichi said spending would rise."))
    assert of_kind(fs, "role_mention")[0].date is None


def test_undated_repeat_mention_inherits_the_date() -> None:
    fs = run(doc("Secretary Pete Hegseth and Minister Shinjiro Koizumi held a meeting on the 29th. It was the first "
                 "meeting between Minister Koizumi and Secretary Hegseth."))
    assert [e.date for e in of_kind(fs, "event")] == ["2025-10-29", "2025-10-29"]
