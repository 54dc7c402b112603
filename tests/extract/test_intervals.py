"""Two dated things and the interval the text puts between them (patterns/dates/interval.yaml)."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

from factcheck.extract.analysis import analyse


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


def test_a_date_range_widens_the_interval_by_its_days() -> None:
    """Either day of "the Oct. 28-29 meeting" may be meant: three weeks after it holds from both days,
    five weeks after it from neither."""
    text = "The minutes, released on Wednesday, Nov. 19, three weeks after the Oct. 28-29 meeting, showed a split."
    (s,) = sequences(text, "2025-11-20")
    assert (s.stated_days, s.tolerance_days, s.interval_ok) == (21, 4, True)
    (s,) = sequences(text.replace("three weeks", "five weeks"), "2025-11-20")
    assert s.interval_ok is False


def test_an_order_alone_says_nothing_about_a_date_range() -> None:
    text = ("Mayor Lena Ortiz, who took office on Jan. 14-15, visited the flood-hit district on Jan. 13, her first "
            "trip since taking office.")
    assert sequences(text, "2026-01-20") == []


@pytest.mark.parametrize(
    ("text", "published", "earlier", "ok"),
    [
        # counted from the date of the sentence before that the interval fits (the inauguration, not the vote)
        ("The country voted on May 8 and the new president was inaugurated on May 25. He named his cabinet "
         "four days later, on May 29.", "2025-06-02", "2025-05-25", True),
        # no date fits: the last one told, the event a narrative counts on from
        ("The country voted on May 8 and the new president was inaugurated on May 25. He named his cabinet "
         "four days later, on May 30.", "2025-06-02", "2025-05-25", False),
        ("The year closed on Dec. 30. Two days later, on Jan. 1, the new rules took effect.", "2026-01-05",
         "2025-12-30", True),
        ("The fire broke out on Sept. 2. Firefighters declared it contained on Sept. 14, ten days later.",
         "2025-09-20", "2025-09-02", False),
    ],
)
def test_an_interval_counted_from_the_sentence_before_is_an_inference(text: str, published: str, earlier: str,
                                                                       ok: bool) -> None:
    (s,) = sequences(text, published)
    assert (s.earlier_date, s.interval_ok, s.certainty) == (earlier, ok, "inferred")


def test_an_interval_from_the_sentence_before_is_at_most_a_warning() -> None:
    from factcheck import check

    report = check("The cabinet approved the package on Sept. 5. Parliament passed it a day later, on Sept. 7.",
                   published="2025-09-08", references=False)
    (f,) = report.documents[0].findings
    assert (f.rule, f.severity) == ("dates.sequence", "warning")
    assert "in the sentence before" in f.message


def test_the_rule_reports_a_wrong_interval() -> None:
    from factcheck import check

    report = check("The frigate sailed on Oct. 27, three days after the minister inspected the crew on Oct. 22.",
                   published="2025-10-29", references=False)
    assert [f.rule for f in report.documents[0].findings] == ["dates.sequence"]


@pytest.mark.parametrize(
    ("text", "bound", "ok"),
    [
        ("The convoy crossed on Nov. 6, less than a week after the ceasefire took effect on Nov. 3.", "at_most", True),
        ("The convoy crossed on Nov. 12, less than a week after the ceasefire took effect on Nov. 3.", "at_most", False),
        ("The convoy crossed on Nov. 20, more than two weeks after the ceasefire took effect on Nov. 3.", "at_least",
         True),
        ("The convoy crossed on Nov. 12, about a week after the ceasefire took effect on Nov. 3.", "exact", True),
    ],
)
def test_a_hedged_interval_is_a_bound(text: str, bound: str, ok: bool) -> None:
    (s,) = sequences(text, "2025-11-25")
    assert (s.stated_bound, s.interval_ok) == (bound, ok)


def test_hours_counted_in_days() -> None:
    (s,) = sequences("The convoy crossed on Nov. 6, just 72 hours after the ceasefire took effect on Nov. 3.",
                     "2025-11-25")
    assert (s.stated_days, s.interval_ok) == (3, True)
    (s,) = sequences("The convoy crossed on Nov. 3, hours after the ceasefire took effect on Nov. 3.", "2025-11-25")
    assert (s.stated_days, s.interval_ok) == (0, True)


def test_an_interval_opening_the_sentence() -> None:
    text = "Three days after the ceasefire took effect on Nov. 3, the first convoy crossed the border on Nov. 7."
    (s,) = sequences(text, "2025-11-25")
    assert (s.stated_days, s.days_between, s.interval_ok) == (3, 4, False)
    assert sequences("The bank cut rates on Nov. 4, and shares fell again on Nov. 10.", "2025-11-25") == []


def test_a_far_year_does_not_anchor_the_next_sentence() -> None:
    text = "He was born on May 3, 1960. Two days later, on May 5, his father registered the birth."
    assert sequences(text, "2025-11-26") == []


def test_the_previous_week_is_any_day_of_that_week() -> None:
    text = "The bank met on Monday, Nov. 17. The previous week, on Thursday, Nov. 13, it had published its minutes."
    (s,) = sequences(text, "2025-11-20")
    assert (s.stated_days, s.interval_ok) == (7, True)
    (s,) = sequences(text.replace("Thursday, Nov. 13", "Thursday, Nov. 20"), "2025-11-20")
    assert s.interval_ok is False


def test_a_compound_interval_is_not_read_by_its_last_part() -> None:
    assert sequences("The result was certified on Oct. 20, two weeks and a day after the vote on Oct. 5.",
                     "2025-11-20") == []


# --- s22: structures an independent set of drafts used --------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "days", "ok", "certainty"),
    [
        # the interval's event dated by the date that modifies its noun, then the clause's own date
        ("Five days after the March 12 general election, on March 17, the commission confirmed the count.",
         "2026-03-20", 5, True, "certain"),
        ("Five days after the March 12 general election, on March 19, the commission confirmed the count.",
         "2026-03-20", 7, False, "certain"),
        # an N-day event whose start a clause on it dates
        ("Dock workers returned to work on Nov. 14 after an 11-day strike that began on Nov. 3.", "2024-11-20",
         11, True, "certain"),
        ("Dock workers returned to work on Nov. 17 after an 11-day strike that began on Nov. 3.", "2024-11-20",
         14, False, "certain"),
        # a participle's interval, and "came on" dating the same thing
        ("Final results, declared 10 days after polling on Saturday, May 3, came on May 15.", "2025-05-16",
         12, False, "certain"),
        # the other side's act dated in a relative clause about it: read across clauses
        ("The Senate passed the budget on Thursday, February 13, a day after the House, which approved its "
         "version on February 11.", "2025-02-15", 2, False, "inferred"),
        # "after 28 days," with no place word
        ("Restrictions were lifted on April 20 after 28 days, having been imposed on March 20.", "2025-04-22",
         31, False, "certain"),
    ],
)
def test_s22_interval_structures(text: str, published: str, days: int, ok: bool, certainty: str) -> None:
    (s,) = sequences(text, published)
    assert (s.days_between, s.interval_ok, s.certainty) == (days, ok, certainty)


def test_an_event_noun_is_dated_where_the_story_told_it_and_the_reading_is_inferred() -> None:
    """"two days after that vote, on June 11": the vote is the approval the sentence dated before; "16
    days after the session began": the session the sentence before opened; "the decision" of a rate
    meeting is dated by "the Jan. 28-29 meeting" its date modifies. Each is an inference, with a note."""
    text = ("The committee approved the scheme on June 10, and three days after that vote, on June 11, the "
            "developer named a contractor.")
    (s,) = sequences(text, "2025-06-16")
    assert (str(s.earlier_date), s.interval_ok, s.certainty) == ("2025-06-10", False, "inferred")
    text = "The session opened on Friday, January 31. The house rose on February 13, sixteen days after the session began."
    (s,) = sequences(text, "2025-02-20")
    assert (str(s.earlier_date), s.days_between, s.certainty) == ("2025-01-31", 13, "inferred")
    text = ("Minutes of the Fed's Jan. 28-29 meeting, released on Wednesday, Feb. 19, two weeks after the decision, "
            "showed a split.")
    (s,) = sequences(text, "2025-02-19")
    assert (str(s.earlier_date), s.interval_ok, s.certainty) == ("2025-01-28", False, "inferred")
    (s,) = sequences(text.replace("two weeks", "three weeks"), "2025-02-19")
    assert s.interval_ok is True


@pytest.mark.parametrize(
    ("text", "published"),
    [
        ("A week after the vote, on Nov. 9, the count was still going on.", "2025-11-12"),  # the vote is never dated
        ("Nurses returned on March 21 after a 14-day strike over pay, the union said on March 22.", "2025-03-25"),
        ("The verdict, delivered a week after the hearing closed on June 2, was appealed on June 20.", "2025-06-25"),
        ("The March for Jobs drew 40,000 people on Nov. 4, a week after the rally on Oct. 28.", "2025-11-10"),
    ],
)
def test_s22_structures_not_read_where_they_do_not_hold(text: str, published: str) -> None:
    assert [s for s in sequences(text, published) if s.interval_ok is False] == []


def test_the_month_march_before_a_day_is_a_date_and_the_march_is_not() -> None:
    dates = [m.text for m in analyse(doc("After the March 12 election and the March on Washington, a rally.")).mentions
             if m.type in ("date", "month")]
    assert dates == ["March 12"]


@pytest.mark.parametrize(
    ("text", "days", "ok", "earlier"),
    [
        ("Talks resumed on Oct. 14, ten days since the attack on the pipeline on Oct. 4.", 10, True, "2025-10-04"),
        ("Talks resumed on Oct. 14, 12 days since the attack on the pipeline on Oct. 4.", 10, False, "2025-10-04"),
        # "ahead of": the first date is the earlier
        ("The party launched its manifesto on Oct. 6, a week ahead of the vote on Oct. 13.", 7, True, "2025-10-06"),
        ("The party launched its manifesto on Oct. 6, two weeks ahead of the vote on Oct. 13.", 7, False, "2025-10-06"),
        ("The strike, which began on Oct. 1, ended on Oct. 15 after two weeks.", 14, True, "2025-10-01"),
        ("The strike, which began on Oct. 1, ended on Oct. 18 after two weeks.", 17, False, "2025-10-01"),
    ],
)
def test_durations_since_ahead_of_and_after(text: str, days: int, ok: bool, earlier: str) -> None:
    (s,) = sequences(text, "2025-10-20")
    assert (s.days_between, s.interval_ok, str(s.earlier_date)) == (days, ok, earlier)


def test_a_duration_of_something_else_is_not_the_interval() -> None:
    assert sequences("The strike, which began on Oct. 1, ended on Oct. 18 after two weeks of talks.", "2025-10-20") == []
