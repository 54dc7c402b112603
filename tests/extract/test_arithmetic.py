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
    assert c.computed_text == "a fall of 2.2%"


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


def test_a_plain_count_is_exact_but_a_round_one_is_not() -> None:
    # 16 + 9 + 13 is 38, not 37: a count written to the unit has no rounding to hide the gap in
    (c,) = claims("Norway won 16 gold, 9 silver and 13 bronze medals, for a total of 37.")
    assert not c.consistent and (c.computed_low, c.computed_high) == (38.0, 38.0)
    # "5,400 troops" may be rounded to tens: each figure keeps half a unit
    (c,) = claims("Of the 5,400 troops deployed, 3,100 are from the army and 2,300 from the marines.")
    assert c.consistent and c.computed_high - c.computed_low == pytest.approx(2.0)


def test_a_percentage_given_to_a_decimal_allows_one_unit() -> None:
    # 6,374 / 7,969 is a fall of 20.0%; a reporter working from unrounded figures writes 20.1%
    (c,) = claims("Net profit declined 20.1% to Rs 6,374 crore, compared to Rs 7,969 crore in the previous quarter.")
    assert c.consistent and c.tolerance == pytest.approx(0.1)
    (c,) = claims("Net profit declined 20.4% to Rs 6,374 crore, compared to Rs 7,969 crore in the previous quarter.")
    assert not c.consistent


@pytest.mark.parametrize(
    ("text", "consistent"),
    [
        ("The ministry's budget will rise 5.0 percent, or 2.5 trillion won, to 52.5 trillion won.", True),
        ("The ministry's budget will rise 7.0 percent, or 2.5 trillion won, to 52.5 trillion won.", False),
        ("Subsidies will fall 10 percent, or 0.4 billion euros, to 3.6 billion euros.", True),
        ("Subsidies will fall 14 percent, or 0.4 billion euros, to 3.6 billion euros.", False),
    ],
)
def test_a_change_as_percent_and_amount_to_a_new_value(text: str, consistent: bool) -> None:
    # the base is the new value less the change (plus it, for a fall)
    (c,) = claims(text)
    assert c.relation == "percent_change" and c.consistent is consistent


def test_a_number_word_is_never_a_part_of_money() -> None:
    (c,) = claims("The clubs spent £1.82 billion in the window, with the top six accounting for £1.07 billion and "
                  "the rest £750 million.")
    assert c.operands == [1.07e9, 7.5e8] and c.consistent


def test_a_selection_short_of_its_total_says_nothing_but_one_above_it_is_wrong() -> None:
    assert claims("The earthquake killed 212 people, including 48 children and 19 aid workers.") == []
    (c,) = claims("The province recorded 1,563 new infections, including 1,081 in the capital and 582 in the north.")
    assert not c.consistent and c.certainty == "certain"


@pytest.mark.parametrize(
    "text",
    [
        "Quarterly sales climbed 18.3 per cent to 2.64 billion euros, compared with 2.27 billion euros a year before.",
        "The shortfall reached $318 billion in the first half, 9.4% higher than the $299 billion of a year earlier.",
        "The carrier reported an 18.9 per cent rise in passengers, at 11.0 million, compared with 10.1 million.",
        "Two terminals handled 18.4 million and 7.9 million passengers, or a combined 28.3 million.",
        "The fund will disburse 3.6 billion francs. Of that, 2.1 billion francs is for rail and 1.9 billion francs for roads.",
        "Divers have recovered 47 bodies, 29 from the lake and 28 from the riverbank.",
    ],
)
def test_news_phrasings_that_do_not_add_up(text: str) -> None:
    (c,) = claims(text)
    assert not c.consistent


def test_revenue_from_a_unit_is_not_the_old_value_of_a_change() -> None:
    # "from the cloud unit" must not start a "from X, a rise of" match that shadows the real one
    (c,) = claims("Revenue from the cloud unit was $12.7 billion, an increase of 38% over the $9.9 billion of a year "
                  "earlier.")
    assert c.pattern == "numbers.head-up-pct-from" and not c.consistent


@pytest.mark.parametrize(("text", "computed"), [
    ("The two schemes cost £1.2bn and £0.71bn, a total of £2.4bn.", "£1.91bn"),
    ("The plan sets Rs 9,000 crore for roads and Rs 6,100 crore for rail, Rs 14,100 crore in all.", "Rs 15,100 crore"),
    ("Divers have recovered 47 bodies, 29 from the lake and 28 from the riverbank.", "57"),
    ("The bank cut its rate by a quarter of a percentage point to 3.75% from 4.25%.", "a fall of 0.5 percentage points"),
])
def test_the_computed_figure_is_written_like_the_stated_one(text: str, computed: str) -> None:
    (c,) = claims(text)
    assert not c.consistent and c.computed_text == computed


def test_a_remainder_named_in_the_next_sentence_completes_the_parts() -> None:
    base = ("The club will pay 58 million euros for the striker. Of this amount, 35 million euros is guaranteed and "
            "15 million euros depends on results.{}")
    assert claims(base.format("")) == []  # the parts alone may be some of the total: nothing is read
    (whole,) = claims(base.format(" The remaining 8 million euros covers fees."))
    assert whole.consistent and whole.operands == [35e6, 15e6, 8e6] and whole.certainty == "inferred"
    (wrong,) = claims(base.format(" The remaining 18 million euros covers fees."))
    assert not wrong.consistent
    # a remainder of another kind is not a part
    assert claims(base.format(" The remaining 12 players were loaned out.")) == []
