"""What a figure is a value of, on real copy: the size of a move is a change, a list of quarterly figures names
periods of its own, and a quarter is of the year its sentence names; none of them is one figure stated twice."""

from __future__ import annotations

from extract_helpers import doc, findings, of_kind

from factcheck.extract import extract_facts


def _conflicts(text: str) -> list[tuple[str, str]]:
    return findings(text, "numbers.conflicting-figure", "2025-06-10")


def test_the_size_of_a_cut_is_a_change_not_a_level() -> None:
    text = ("Norland's central bank voted to lower its benchmark interest rate by 0.25%, its first easing in two years. "
            "The board said on Friday the benchmark interest rate would fall to 2.75% from 3.00%.")
    (cut,) = [q for q in of_kind(extract_facts(doc(text)), "quantity") if q.value == 0.25]
    assert cut.claim_type == "change"
    assert _conflicts(text) == []


def test_an_aim_to_cut_by_stays_a_target() -> None:
    (q,) = of_kind(extract_facts(doc("Norland aims to cut emissions by 55% from 1990 levels.")), "quantity")[:1]
    assert q.claim_type == "target"


def test_quarters_of_two_fiscal_years_are_two_periods() -> None:
    text = ("Inflation is forecast at 5.1 per cent for fiscal 2024-25 (FY25), with Q4 at 4.9 per cent. For FY26, "
            "inflation is forecast at 4.3 per cent, with Q1 at 4.8 per cent, Q2 at 4.0 per cent, Q3 at 4.2 per cent "
            "and Q4 at 4.4 per cent.")
    keys = {q.value: q.subject_key for q in of_kind(extract_facts(doc(text)), "quantity")}
    assert keys[4.9] != keys[4.4]
    assert _conflicts(text) == []


def test_a_list_of_quarterly_figures_takes_no_period_from_before() -> None:
    text = ("Policymakers left their inflation projection for 2025-26 (FY26) at 4.0%. Quarter by quarter the path is "
            "the same: Q1FY26 at 4.4%; Q2FY26 at 3.6%; Q3FY26 at 3.9%; and Q4FY26 at 4.0%.")
    assert _conflicts(text) == []


def test_segments_are_their_own_subjects() -> None:
    text = ("Sales at the Home Devices segment came to $14.210 billion, up 6% from $13.406 billion a year earlier. In "
            "the Cloud Services segment, revenue was $21.900 billion, 12% above the prior year's $19.554 billion.")
    assert _conflicts(text) == []


def test_a_quarter_and_the_twelve_months_ended_the_same_month_are_two_periods() -> None:
    text = ("For the fourth quarter that ended in September, net profit fell 4.1 percent to 301.2 billion yen, short of "
            "the 340.6 billion yen analysts had forecast. Net profit for the 12 months ended on September 30 - a year "
            "widely expected to be a record - grew 71.3 percent to 1.64 trillion yen.")
    keys = {q.value: (q.subject_key, q.claim_type) for q in of_kind(extract_facts(doc(text)), "quantity")}
    assert keys[1.64][1] == "actual" and keys[1.64][0] != keys[301.2][0]
    assert _conflicts(text) == []
