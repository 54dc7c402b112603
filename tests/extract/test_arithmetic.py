"""Arithmetic claims: percentage changes, differences and totals, recomputed within rounding.

Read by the patterns in ``patterns/numbers/`` and the ``arithmetic_claim`` builder."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

from factcheck.extract import extract_facts


def claims(text: str) -> list:
    return of_kind(extract_facts(doc(text)), "arithmetic_claim")


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
    assert c.computed_text == "7.51%"  # no direction stated beside the figures
    assert c.tolerance == pytest.approx(0.1)  # one unit of the last decimal: worked out from unrounded figures
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


@pytest.mark.parametrize(
    ("text", "relation", "consistent"),
    [
        # the change said of the figure before it
        ("The cabinet endorsed a ¥122.3 trillion budget, up 6.3% from the ¥115.1 trillion initial budget.",
         "percent_change", True),
        ("The cabinet endorsed a ¥122.3 trillion budget, up 9.3% from the ¥115.1 trillion initial budget.",
         "percent_change", False),
        ("The ministry requested ¥8.8 trillion, a 3.9% increase on the ¥8.47 trillion allocated this year.",
         "percent_change", True),
        # the old value, then the change in words
        ("Borrowing is forecast at £118.3bn, down from £137.3bn the previous year, a fall of £19bn.", "difference",
         True),
        ("Borrowing is forecast at £118.3bn, down from £137.3bn the previous year, a fall of £29bn.", "difference",
         False),
        ("Inflation eased to 3.6% in October from 3.8% in September, a fall of 0.2 percentage point.", "difference",
         True),
        ("Inflation eased to 3.6% in October from 3.8% in September, a fall of 0.5 percentage point.", "difference",
         False),
        # totals
        ("The project has $25.2 billion, made up of $20.1 billion in state money and $5.1 billion in grants.",
         "total", True),
        ("The project has $25.2 billion, made up of $20.1 billion in state money and $7.1 billion in grants.",
         "total", False),
        ("The plan combines €30 billion of savings with €14 billion of new taxes, €44 billion in all.", "total", True),
    ],
)
def test_relations_said_of_a_figure(text: str, relation: str, consistent: bool) -> None:
    (c,) = claims(text)
    assert (c.relation, c.consistent) == (relation, consistent)


def test_a_direction_word_against_the_figures_is_inconsistent() -> None:
    (c,) = claims("The deficit was $1.78 trillion, up 2.2% from $1.82 trillion a year earlier.")
    assert (c.stated_direction, c.actual_direction, c.consistent) == ("up", "down", False)
    assert c.computed_text == "a fall of 2.20%"


def test_a_figure_taken_from_earlier_with_rivals_is_inferred() -> None:
    (c,) = claims("Sales were $5 billion and profit $2 billion, up 10% from $1.8 billion.")
    assert c.certainty == "inferred" and "earlier in the sentence" in (c.inferred or "")


@pytest.mark.parametrize(
    "text",
    [
        # a conversion in parentheses is not the new value
        "The budget is 728 trillion won ($524 billion), up 8.1% from 673.3 trillion won.",
        # a gap never steps over another figure
        "Borrowing reached £116.8bn, £9.9bn above the same period last year and £7.2bn higher than forecast.",
        "Exports fell 0.5% in August from July to €129.7 billion and imports dropped 1.3% to €112.5 billion.",
    ],
)
def test_no_false_operands(text: str) -> None:
    assert all(c.consistent for c in claims(text))


def test_parts_per_item_are_not_summed() -> None:
    text = "The line costs ₹6,231 crore, made up of ₹1,110 crore from each of two governments and ₹4,011 crore in loans."
    assert claims(text) == []


def test_a_partial_list_short_of_its_total_is_inferred() -> None:
    (c,) = claims("Of its 179.4 billion baht budget, 43.1 billion baht covers track and 126.3 billion baht civil works.")
    assert (c.consistent, c.certainty) == (False, "inferred")


@pytest.mark.parametrize(
    "text",
    [
        "Spending will rise to £66.7bn from £54.6bn, a real-terms increase of 2%.",
        "Sales grew 5% a year to $12 billion in 2025 from $9 billion in 2020.",
        "Revenue rose 8% in constant currency to $7.3 billion from $6.9 billion.",
    ],
)
def test_adjusted_or_yearly_changes_are_not_recomputed(text: str) -> None:
    assert claims(text) == []


def test_a_year_earlier_is_not_a_yearly_rate() -> None:
    (c,) = claims("Revenue rose 5.8% to $7.3 billion from $6.9 billion a year earlier.")
    assert c.consistent


def test_one_phrase_can_state_a_percentage_and_an_amount() -> None:
    cs = claims("Car exports fell 24.9% to £516m in the second quarter from £687m a year earlier, a drop of £117m.")
    assert sorted((c.relation, c.consistent) for c in cs) == [("difference", False), ("percent_change", True)]


@pytest.mark.parametrize(
    ("text", "consistent"),
    [
        ("Brazil posted a trade surplus of $5.1 billion, as exports of $29.9 billion exceeded imports of $24.8 billion.",
         True),
        ("Brazil posted a trade surplus of $6.1 billion, as exports of $29.9 billion exceeded imports of $24.8 billion.",
         False),
        ("Exports rose 0.1% to $437.4 billion, while imports climbed 6.2% to $720.2 billion, widening the trade "
         "deficit to $282.8 billion.", True),
    ],
)
def test_trade_balances(text: str, consistent: bool) -> None:
    assert [c.consistent for c in claims(text) if c.relation == "difference"] == [consistent]
