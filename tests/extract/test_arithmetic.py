"""Arithmetic claims: percentage changes, differences and totals, recomputed within rounding."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

from factcheck.extract import arithmetic


def claims(text: str) -> list:
    return arithmetic.extract(doc(text))


@pytest.mark.parametrize(
    ("text", "relation", "consistent"),
    [
        ("The budget will rise 7.5 percent, or 4.1 trillion won, higher than 54.6 trillion won.", "percent_change",
         True),
        ("The budget will rise 8.5 percent, or 4.1 trillion won, higher than 54.6 trillion won.", "percent_change",
         False),
        ("It cited the €9.2 billion gap between €41.5 billion and €50.7 billion.", "difference", True),
        ("It cited the €8.2 billion gap between €41.5 billion and €50.7 billion.", "difference", False),
        ("Raising the target from 2.5% to 3.5% of GDP would be nearly a 40% increase.", "percent_change", True),
        ("Raising the target from 2.5% to 3.5% of GDP would be nearly a 60% increase.", "percent_change", False),
        ("It agreed to a 40% increase from 2.5% to 3.5% of GDP.", "percent_change", True),
        ("Spending rose 7.5 percent to 58.7 trillion won from 54.6 trillion won.", "percent_change", True),
        ("Spending rose 9.5 percent to 58.7 trillion won from 54.6 trillion won.", "percent_change", False),
        ("The budget is 58.7 trillion won, up 4.1 trillion won from 54.6 trillion won.", "difference", True),
        ("The budget is 58.7 trillion won, up 3.1 trillion won from 54.6 trillion won.", "difference", False),
        ("The army gets £8.7 billion and the navy £5.1 billion, a total of £13.8 billion.", "total", True),
        ("The army gets £8.7 billion and the navy £5.1 billion, a total of £14.8 billion.", "total", False),
        ("Exports fell 10 percent to 45 billion dollars from 50 billion dollars.", "percent_change", True),
    ],
)
def test_relations(text: str, relation: str, consistent: bool) -> None:
    (c,) = claims(text)
    assert (c.relation, c.consistent) == (relation, consistent)


@pytest.mark.parametrize(
    ("text", "consistent"),
    [
        ("Spending rose about 8 percent to 58.7 trillion won from 54.6 trillion won.", True),  # about: +-5%
        ("Spending rose about 9 percent to 58.7 trillion won from 54.6 trillion won.", False),
        ("Spending rose more than 7 percent to 58.7 trillion won from 54.6 trillion won.", True),  # lower bound
        ("Spending rose more than 8 percent to 58.7 trillion won from 54.6 trillion won.", False),
        ("Spending rose less than 8 percent to 58.7 trillion won from 54.6 trillion won.", True),  # upper bound
        ("Spending rose less than 7 percent to 58.7 trillion won from 54.6 trillion won.", False),
        ("Revenue rose 3 percent to 103 billion yen from 100 billion yen.", True),
        ("It agreed to a 45% increase from 2.5% to 3.5% of GDP.", True),  # 2.45 -> 3.55 is 44.9%: within rounding
    ],
)
def test_hedges_and_rounding(text: str, consistent: bool) -> None:
    (c,) = claims(text)
    assert c.consistent is consistent


def test_derived_fields() -> None:
    (c,) = claims("The budget will rise 8.5 percent, or 4.1 trillion won, higher than 54.6 trillion won.")
    assert c.stated == 8.5 and c.stated_text == "8.5 percent"
    assert c.computed_text == "7.51%"
    assert c.tolerance == pytest.approx(0.05)
    assert c.operands == [4.1e12, 54.6e12]


@pytest.mark.parametrize(
    "text",
    [
        "Spending rose 7.5 percent this year.",
        "The ministers met on the 29th and agreed to 3 new projects.",
        "Inflation was 2.1 percent in September and 2.2 percent in August.",
    ],
)
def test_no_claims(text: str) -> None:
    assert claims(text) == []


def test_years_are_not_operands_of_a_difference() -> None:
    text = "Exports were $2,209.4 billion in 2016, down $51.7 billion from 2015, the bureau said."
    assert of_kind(run(doc(text, "2017-02-07")), "arithmetic_claim") == []
