"""False errors met on clean real copy: a part's comparison base read as a part, a multiple read as a difference, a
large round total held to the unit."""

from __future__ import annotations

import pytest

from factcheck import check


def errors(text: str) -> list[str]:
    report = check(text, published="2025-10-29", references=False)
    return [f.rule for f in report.documents[0].findings if f.severity == "error"]


@pytest.mark.parametrize("text", [
    # "from the Sh2.46 trillion" is the national government's earlier allocation, not a part of the budget
    "Of the Sh4.2 trillion budget, the national government's allocation is Sh2.5 trillion, a slight improvement "
    "from the Sh2.46 trillion allocated in the current year, and Sh391.12 billion goes to the counties.",
    # "2.1 times greater than": a multiple, not an amount of difference
    "National renewable targets for 2030 add up to 7,242 gigawatts, 2.1 times greater than the installed capacity "
    "of 3,380 gigawatts in 2022.",
    # a large round total cut to its thousands
    "Out of a total of 275,000 houses destroyed, 235,831 were in the south, 25,442 in the east, 8,626 in the west, "
    "4,392 in the north, 1,243 in the hills and 70 on the islands.",
])
def test_no_error_on_these_clean_passages(text: str) -> None:
    assert errors(text) == []


@pytest.mark.parametrize("text", [
    # the same parts against a total they overshoot
    "Of the Sh4.2 trillion budget, the national government's allocation is Sh4.0 trillion and the counties get "
    "Sh391.12 billion, the Treasury said.",
    # a round total the parts miss by more than its thousands
    "Out of a total of 275,000 houses destroyed, 245,831 were in the south, 25,442 in the east, 8,626 in the west, "
    "4,392 in the north, 1,243 in the hills and 70 on the islands.",
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
    text = ("Current national renewable energy targets for 2030 total 7,242 GW, a 2.1-fold increase from the 3,379 GW "
            "recorded in 2022.")
    assert errors(text) == []


@pytest.mark.parametrize(("part", "consistent"), [("36.89", True), ("56.89", False)])
def test_a_fraction_word_is_a_loose_share(part: str, consistent: bool) -> None:
    text = f"About a third of the 114 trillion-yen budget, or {part} trillion yen, will go to social security."
    assert errors(text) == ([] if consistent else ["numbers.arithmetic-mismatch"])
