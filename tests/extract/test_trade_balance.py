"""A trade balance and its flows over neighbouring sentences (factcheck/extract/builders/trade_balance.py)."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind

from factcheck import check
from factcheck.extract import extract_facts


def balances(text: str) -> list:
    return [c for c in of_kind(extract_facts(doc(text)), "arithmetic_claim") if c.pattern is None]


def severities(text: str) -> list[str]:
    report = check(text, published="2025-10-29", references=False)
    return [f.severity for f in report.documents[0].findings if f.rule == "numbers.arithmetic-mismatch"]


CENSUS = ("The annual release put the goods and services deficit at ${balance} billion for 2024. Exports were "
          "$3,191.6 billion in 2024, the bureau said. Imports were $3,819.9 billion in 2024, a record.")
FLOWS_FIRST = ("Exports rose 3.5% to $252.6 billion in April. Imports fell 3.4% to ${imports} billion. The trade "
               "deficit narrowed to $87.1 billion, against forecasts of $89.3 billion.")


@pytest.mark.parametrize(("balance", "consistent"), [("628.3", True), ("618.3", False)])
def test_a_balance_before_its_flows_in_the_next_sentences(balance: str, consistent: bool) -> None:
    text = CENSUS.format(balance=balance)
    (c,) = balances(text)
    assert c.consistent is consistent and c.certainty == "inferred" and c.operands == [3819.9e9, 3191.6e9]
    assert "read from the sentences around the deficit" in (c.inferred or "")
    assert severities(text) == ([] if consistent else ["warning"])


@pytest.mark.parametrize(("imports", "consistent"), [("339.7", True), ("329.7", False)])
def test_flows_in_two_sentences_then_the_balance(imports: str, consistent: bool) -> None:
    (c,) = balances(FLOWS_FIRST.format(imports=imports))
    assert c.consistent is consistent and c.stated == 87.1e9


def test_the_message_names_the_gap_the_flows_make() -> None:
    report = check(CENSUS.format(balance="618.3"), published="2025-10-29", references=False)
    (f,) = [f for f in report.documents[0].findings if f.rule == "numbers.arithmetic-mismatch"]
    assert "a deficit of $628.3 billion" in f.message and "not certain" in f.message


@pytest.mark.parametrize("text", [
    # a balance with one partner is not the gap of all exports and imports
    "The country's trade deficit with China was $41.2 billion in May. Exports were $12.0 billion in May. "
    "Imports were $25.0 billion in May.",
    # the balance expected, not recorded
    "Economists had expected the trade deficit to narrow to $61.0 billion in April. Exports rose 2% to $262.4 "
    "billion. Imports fell 1.1% to $320.9 billion.",
    # another period's flows
    "The trade deficit was $70.1 billion in May. Exports were $250.0 billion in April. Imports were $310.0 billion "
    "in April.",
    # a goods deficit against flows of goods and services
    "The goods deficit was $90.2 billion in May. Exports of goods and services were $250.0 billion in May. Imports "
    "of goods and services were $310.0 billion in May.",
    # two candidate exports
    "The trade deficit was $70.1 billion. Exports were $250.0 billion and exports were $240.0 billion a year "
    "earlier. Imports were $310.0 billion.",
])
def test_no_balance_read_where_the_flows_are_not_sure(text: str) -> None:
    assert balances(text) == []


# flows named as "the value of exports", "Meanwhile, imports ...", "exports for June": whole flows, each its own
# subject, and a conversion into "U.S. dollars" names no holder
SPREAD = ("Customs figures on Thursday showed Norland back in the black in May. The trade surplus came to {balance} "
          "billion yen (roughly 1.1 billion U.S. dollars). Measured in value, the value of exports grew 6.2 percent to "
          "5,412.6 billion yen. Meanwhile, imports fell 9.1 percent to 5,248.4 billion yen.")


@pytest.mark.parametrize(("balance", "consistent"), [("164.2", True), ("264.2", False)])
def test_flows_named_in_other_words_over_three_sentences(balance: str, consistent: bool) -> None:
    text = SPREAD.format(balance=balance)
    (c,) = balances(text)
    assert c.consistent is consistent and c.certainty == "inferred"
    surplus = [q for q in of_kind(extract_facts(doc(text)), "quantity") if q.subject == "trade surplus"]
    assert surplus and all(q.holder != "US" for q in surplus)


def test_a_flow_before_a_period_and_the_next_flow_after_and() -> None:
    facts = extract_facts(doc("The bureau said that exports for April rose 2.4 percent to $191 billion and imports "
                              "increased 0.8 percent to $236.2 billion."))
    subjects = [(q.value, q.subject) for q in of_kind(facts, "quantity") if q.unit == "currency"]
    assert subjects == [(191.0, "exports"), (236.2, "imports")]


# total trade in one sentence, its flows for the same month in the next, the quarter's flows after: a sum
TOTAL = ("Goods flows gave Norland a trade volume of US$98.6 billion in April, 12.2 percent more than a year before. "
         "Exports in April reached US$52.41 billion, while imports reached US${imports} billion. Over the first four "
         "months, exports gained 10.1 percent to US$190.2 billion while imports were up 8.4 percent to US$171.5 billion.")


@pytest.mark.parametrize(("imports", "consistent"), [("46.19", True), ("41.19", False)])
def test_total_trade_is_the_sum_of_its_flows_of_that_month(imports: str, consistent: bool) -> None:
    (c,) = balances(TOTAL.format(imports=imports))
    assert c.relation == "total" and c.consistent is consistent and c.certainty == "inferred"
    assert c.operands == [52.41e9, float(imports) * 1e9]


# a surplus, the country's trade (its total) and, after "the ministry said", the two flows: both read
MONTH = ("For a 20th month Norland ran a trade surplus in October, this time of ${balance} billion. Norland's trade fell "
         "1.9 per cent to $187.53 billion over the month, figures showed. The statistics office said exports came to "
         "$99.12 billion, while imports rose 0.8 per cent to $88.41 billion.")


@pytest.mark.parametrize(("balance", "consistent"), [("10.71", True), ("12.71", False)])
def test_a_surplus_and_the_total_over_three_sentences(balance: str, consistent: bool) -> None:
    found = {c.relation: c for c in balances(MONTH.format(balance=balance))}
    assert set(found) == {"difference", "total"}
    assert found["difference"].consistent is consistent and found["total"].consistent
