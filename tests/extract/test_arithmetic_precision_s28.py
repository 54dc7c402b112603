"""False errors met on clean real copy: a part's comparison base read as a part, a multiple read as a difference, a
large round total held to the unit."""

from __future__ import annotations

import pytest

from factcheck import check


def errors(text: str) -> list[str]:
    report = check(text, published="2025-10-29", references=False)
    return [f.rule for f in report.documents[0].findings if f.severity == "error"]


@pytest.mark.parametrize("text", [
    # "from the $1.32 trillion" is the ministry's earlier allocation, not a part of the budget
    "Of the $2.9 trillion budget, the health ministry is given $1.4 trillion, up from the $1.32 trillion it "
    "received this year, and $260.5 billion goes to the provinces.",
    # "2.4 times greater than": a multiple, not an amount of difference
    "The region's offshore wind pipeline now stands at 96 gigawatts, 2.4 times greater than the 40 gigawatts "
    "it had planned three years ago.",
    # a large round total cut to its thousands
    "The storm damaged 184,000 homes in all: 151,372 along the coast, 24,806 in the valleys and 8,417 in the "
    "capital, the agency said.",
])
def test_no_error_on_these_clean_passages(text: str) -> None:
    assert errors(text) == []


@pytest.mark.parametrize("text", [
    # the same parts against a total they overshoot
    "Of the $2.9 trillion budget, the health ministry is given $2.8 trillion and the provinces get $260.5 "
    "billion, the Treasury said.",
    # a round total the parts miss by more than its thousands
    "The storm damaged 184,000 homes in all: 161,372 along the coast, 24,806 in the valleys and 8,417 in the "
    "capital, the agency said.",
    # a round count of a few thousand is held to the unit
    "Turnout in the ballot came to 69.2%, with 1,284 of the 2,000 members taking part.",
])
def test_the_errors_around_them_are_still_seen(text: str) -> None:
    assert errors(text) == ["numbers.arithmetic-mismatch"]


def warnings(text: str) -> list[str]:
    report = check(text, published="2025-10-29", references=False)
    return [f.rule for f in report.documents[0].findings if f.severity == "warning"]


def test_an_earlier_estimate_in_brackets_is_no_restatement() -> None:
    text = ("The watchdog forecasts 2025/26 public debt of 91.6% of GDP (March forecast 92.4%). The watchdog forecasts "
            "2026/27 public debt of 92.7% of GDP (March forecast 93.7%).")
    assert "numbers.conflicting-figure" not in warnings(text)


def test_a_sentence_with_its_own_change_takes_none_from_the_sentence_before() -> None:
    text = ("Exports in April were $20.57 billion, down 6.74 percent against $22.05 billion a year earlier. For the "
            "fiscal year, exports were down 15.85 percent at $261.14 billion against $310.34 billion.")
    assert warnings(text) == [] and errors(text) == []


def test_a_multiple_is_no_part_of_a_total() -> None:
    text = ("Planned grid batteries for 2028 total 8,450 MW, a 2.6-fold increase from the 3,250 MW "
            "in service last year.")
    assert errors(text) == []


@pytest.mark.parametrize(("part", "consistent"), [("32.1", True), ("45.1", False)])
def test_a_fraction_word_is_a_loose_share(part: str, consistent: bool) -> None:
    text = f"About a third of the 96 trillion-yen budget, or {part} trillion yen, is set aside for pensions."
    assert errors(text) == ([] if consistent else ["numbers.arithmetic-mismatch"])
