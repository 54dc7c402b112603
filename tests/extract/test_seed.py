"""The seed article's full expected fact set (kinds and key values), extracted and resolved."""

from __future__ import annotations

from extract_helpers import of_kind, run, seed


def facts() -> list:
    return run(seed())


def test_kind_counts() -> None:
    kinds: dict[str, int] = {}
    for f in facts():
        kinds[f.kind] = kinds.get(f.kind, 0) + 1
    assert kinds == {
        "role_mention": 11, "event": 5, "date_mention": 7, "tenure_start": 1, "sequence": 2,
        "quantity": 2, "timeline_shift": 1, "fiscal_year_gloss": 1,
    }


def test_events() -> None:
    got = [(e.event_type, e.participants, e.place, e.date) for e in of_kind(facts(), "event")]
    assert got == [
        ("meeting", ["Pete Hegseth", "Shinjiro Koizumi"], "Tokyo", "2025-10-29"),
        ("meeting", ["Shinjiro Koizumi", "Pete Hegseth"], None, "2025-10-29"),  # "the first in-person meeting"
        ("summit", ["Donald Trump", "Sanae Takaichi"], "Tokyo", "2025-10-28"),
        ("address", ["Sanae Takaichi"], None, "2025-10-24"),
        ("summit", [], None, "2025-10-28"),  # "At the U.S.-Japan summit held the previous day"
    ]


def test_dates() -> None:
    got = [(d.expression, d.form, d.date, d.anchor is not None) for d in of_kind(facts(), "date_mention")]
    assert got == [
        ("the 29th", "day_of_month", "2025-10-29", False),
        ("the 21st", "day_of_month", "2025-10-21", False),
        ("the previous day", "relative", "2025-10-28", True),
        ("the 24th", "day_of_month", "2025-10-24", False),
        ("April 2027", "month", "2027-04", False),
        ("March 2028", "month", "2028-03", False),
        ("the previous day", "relative", "2025-10-28", True),
    ]


def test_previous_day_anchors_on_the_meeting() -> None:
    fs = facts()
    meeting = of_kind(fs, "event")[0]
    assert {d.anchor for d in of_kind(fs, "date_mention") if d.form == "relative"} == {meeting.id}


def test_sequences() -> None:
    got = [(s.cue, s.earlier_date, s.later_date) for s in of_kind(facts(), "sequence")]
    assert got == [("followed", "2025-10-28", "2025-10-29"), ("Previously", "2025-10-24", "2025-10-29")]


def test_following_day_contradicts_the_order() -> None:
    fs = run(seed(("in Tokyo the previous day", "in Tokyo the following day")))
    s = of_kind(fs, "sequence")[0]
    assert (s.earlier_date, s.later_date) == ("2025-10-30", "2025-10-29")
    assert s.later_date < s.earlier_date


def test_tenure() -> None:
    (t,) = of_kind(facts(), "tenure_start")
    assert (t.person, t.person_key, t.office, t.office_key, t.date) == (
        "Shinjiro Koizumi", "shinjiro_koizumi", "Defense Minister", "defense minister|jp", "2025-10-21")


def test_roles() -> None:
    got = [(r.text, r.person_key, r.office_key, r.date) for r in of_kind(facts(), "role_mention")]
    assert got[:6] == [
        ("U.S. Secretary of Defense Pete Hegseth", "pete_hegseth", "defense secretary|us", "2025-10-29"),
        ("Japanese Defense Minister Shinjiro Koizumi", "shinjiro_koizumi", "defense minister|jp", "2025-10-29"),
        ("Minister Koizumi", "shinjiro_koizumi", "defense minister|jp", "2025-10-29"),
        ("Secretary Hegseth", "pete_hegseth", "defense secretary|us", "2025-10-29"),
        ("U.S. President Donald Trump", "donald_trump", "president|us", "2025-10-28"),
        ("Japanese Prime Minister Sanae Takaichi", "sanae_takaichi", "prime minister|jp", "2025-10-28"),
    ]
    assert ("Prime Minister Takaichi", "sanae_takaichi", "prime minister|jp", "2025-10-24") in got


def test_timeline_and_gloss() -> None:
    fs = facts()
    (s,) = of_kind(fs, "timeline_shift")
    assert (s.from_year, s.to_year, s.stated_years, s.stated_direction, s.year_type, s.country) == (
        2027, 2025, 2, "earlier", "fiscal", "JP")
    assert s.target == "raising Japan’s defense spending to 2% of GDP"
    (g,) = of_kind(fs, "fiscal_year_gloss")
    assert (g.fiscal_year, g.country, g.stated_start, g.stated_end, g.expected_start, g.expected_end) == (
        2027, "JP", "2027-04", "2028-03", "2027-04", "2028-03")


def test_quantities() -> None:
    target, request = of_kind(facts(), "quantity")
    assert (target.value, target.unit, target.claim_type, target.hedge, target.attribution) == (
        2.0, "percent_of_gdp", "target", "exact", "on_record")
    assert (request.value, request.unit, request.claim_type, request.hedge, request.attribution) == (
        3.5, "percent_of_gdp", "request", "upper_bound", "hearsay")
    assert request.attribution_cue == "it is known that"
    # subject, holder, claim type and the period written nearest the figure (the target's year)
    assert target.subject_key == "defense spending|japan|target|fiscal year 2027"
    assert request.subject_key == "defense spending|japan|request"


def test_spans_match_text() -> None:
    d = seed()
    for f in run(d):
        assert d.text[f.span.start : f.span.end] == f.text, f
