"""What a figure is a value of, on real copy: the size of a move is a change, a list of quarterly figures names
periods of its own, and a quarter is of the year its sentence names; none of them is one figure stated twice."""

from __future__ import annotations

from extract_helpers import doc, of_kind

from factcheck import check
from factcheck.extract import extract_facts


def _conflicts(text: str) -> list[str]:
    report = check(text, published="2025-06-10", references=False)
    return [f.message for f in report.documents[0].findings if f.rule == "numbers.conflicting-figure"]


def test_the_size_of_a_cut_is_a_change_not_a_level() -> None:
    text = ("The central bank decided to cut the benchmark interest rate by 0.25%, ending its tightening. On Friday "
            "the board said the benchmark interest rate will be cut to 2.75% from 3.00%.")
    (cut,) = [q for q in of_kind(extract_facts(doc(text)), "quantity") if q.value == 0.25]
    assert cut.claim_type == "change"
    assert _conflicts(text) == []


def test_an_aim_to_cut_by_stays_a_target() -> None:
    (q,) = of_kind(extract_facts(doc("Norland aims to cut emissions by 55% from 1990 levels.")), "quantity")[:1]
    assert q.claim_type == "target"


def test_quarters_of_two_fiscal_years_are_two_periods() -> None:
    text = ("Inflation is projected at 5.1 per cent for fiscal 2024-25 (FY25) with the fourth quarter (Q4) at 4.9 per "
            "cent. For FY26 inflation is projected at 4.3 per cent, with Q1 at 4.8 per cent; Q2 at 4.0 per cent; Q3 "
            "at 4.2 per cent; and Q4 at 4.4 per cent, the statement said.")
    keys = {q.value: q.subject_key for q in of_kind(extract_facts(doc(text)), "quantity")}
    assert keys[4.9] != keys[4.4]
    assert _conflicts(text) == []


def test_a_list_of_quarterly_figures_takes_no_period_from_before() -> None:
    text = ("The committee kept its inflation forecast for 2025-26 (FY26) at 4.0%. Its quarterly projections are "
            "unchanged: Q1FY26 at 4.4%; Q2FY26 at 3.6%; Q3FY26 at 3.9%; and Q4FY26 at 4.0%.")
    assert _conflicts(text) == []


def test_segments_are_their_own_subjects() -> None:
    text = ("The revenue for the Devices and Gaming segment reached $14.210 billion, a 6% increase from the previous "
            "year's $13.406 billion. The Cloud Services segment generated $21.900 billion in revenue, a 12% rise "
            "compared to the prior year's $19.554 billion.")
    assert _conflicts(text) == []


def test_a_quarter_and_the_twelve_months_ended_the_same_month_are_two_periods() -> None:
    text = ("For the fourth quarter that ended in March, net profit fell 4.1 percent to 301.2 billion yen, below the "
            "average forecast of 340.6 billion yen. Net profit for the 12 months ended on March 31 - widely expected "
            "to be a record - grew 71.3 percent to 1.64 trillion yen.")
    keys = {q.value: (q.subject_key, q.claim_type) for q in of_kind(extract_facts(doc(text)), "quantity")}
    assert keys[1.64][1] == "actual" and keys[1.64][0] != keys[301.2][0]
    assert _conflicts(text) == []
