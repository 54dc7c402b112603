"""Arithmetic as news states it (session 25): Gulf currency signs written onto the amount, a change by a count
with its unit, "an improvement of D on Y", a tally's majority over a rival on theirs, parts counted out of a total
in a list, a rise by an amount with no "by" and a reporting clause before its base, and "Total X is N, with ..."."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind

from factcheck import check
from factcheck.extract import extract_facts


def claims(text: str) -> list:
    return of_kind(extract_facts(doc(text)), "arithmetic_claim")


def severities(text: str) -> list[str]:
    report = check(text, published="2025-10-29", references=False)
    return [f.severity for f in report.documents[0].findings if f.rule == "numbers.arithmetic-mismatch"]


@pytest.mark.parametrize(("text", "currency"), [
    ("Profit rose 15 per cent to Dh4.6 billion from Dh4.0 billion.", "AED"),
    ("Revenue climbed 8.5 percent to Dhs1.28 billion from Dhs1.18 billion.", "AED"),
    ("Sales rose 10% to QR2.2 billion from QR2.0 billion.", "QAR"),
])
def test_gulf_currency_signs_make_amounts(text: str, currency: str) -> None:
    (q, *_) = [f for f in extract_facts(doc(text)) if f.kind == "quantity" and f.unit == "currency"]
    assert q.currency == currency
    (c,) = claims(text)
    assert c.relation == "percent_change" and c.consistent


def test_a_road_number_is_no_riyal_amount() -> None:
    assert not [f for f in extract_facts(doc("Crews closed SR 520 for 12 hours on Sunday.")) if f.kind == "quantity"
                and f.unit == "currency"]


def test_a_change_by_a_count_steps_over_its_unit() -> None:
    ok = "Output fell by 85,000 barrels per day to 0.93 million bpd in June from 1.015 million bpd in May."
    (c,) = claims(ok)
    assert c.relation == "difference" and c.consistent and c.certainty == "certain"
    assert severities(ok.replace("85,000", "65,000")) == ["error"]


def test_an_improvement_of_an_amount_on_the_earlier_figure() -> None:
    ok = "The deficit is now forecast at $6.4 billion, an improvement of $1.9 billion on the $8.3 billion projected in June."
    (c,) = claims(ok)
    assert c.consistent and c.operands == [8.3e9, 6.4e9]
    assert severities(ok.replace("$1.9 billion", "$2.9 billion")) == ["error"]


def test_a_majority_over_a_rival_on_their_tally() -> None:
    ok = "She won the by-election with 9,874 votes, a majority of 1,512 over Labour's Owen Pratt on 8,362."
    (c,) = claims(ok)
    assert c.relation == "difference" and c.consistent
    assert severities(ok.replace("1,512", "2,512")) == ["error"]


def test_parts_counted_out_of_a_total_in_a_list() -> None:
    ok = ("The two sides signed 16 agreements on Thursday, seven of them on energy, five on transport and four on "
          "farming, the presidency said, and the two governments set a trade target.")
    (c,) = claims(ok)
    assert c.relation == "total" and c.stated == 16 and c.operands == [7, 5, 4] and c.consistent
    # the part counted out ("eight of them") is no total of the parts after it: one finding, on the 16
    bad = claims(ok.replace("seven of them", "eight of them"))
    assert [(x.stated, x.consistent) for x in bad] == [(16, False)]


def test_a_rise_by_an_amount_then_a_reporting_clause_then_its_base() -> None:
    ok = ("Port traffic rose 1.4 million tonnes from a year earlier to 21.9 million tonnes in the first half, port "
          "chief Lena Varga said on Wednesday, compared with 20.5 million tonnes in the first half of 2024.")
    (c,) = claims(ok)
    assert c.relation == "difference" and c.consistent and c.certainty == "certain"
    assert severities(ok.replace("rose 1.4", "rose 2.4")) == ["error"]


def test_a_total_named_as_one_with_its_parts() -> None:
    ok = "Total enrolment stands at 14,800, with 8,600 in primary schools and 6,200 in secondary schools."
    (c,) = claims(ok)
    assert c.relation == "total" and c.consistent
    assert severities(ok.replace("8,600", "8,900")) == ["error"]
    # "with" may name some of it: a sum short of the total says nothing
    assert severities(ok.replace("8,600", "7,600")) == []


def test_a_trade_balance_word_says_which_flow_is_larger() -> None:
    ok = "Exports and imports reached $41.2 billion and $37.9 billion respectively, for a trade surplus of $3.3 billion."
    (c,) = claims(ok)
    assert c.consistent and c.stated_direction == "up"
    (bad,) = claims(ok.replace("surplus", "deficit"))
    assert not bad.consistent and bad.computed_text == "a surplus of $3.3 billion"
    flows = ("Exports rose 2% to $30.1 billion, while imports climbed 4% to $35.2 billion, leaving a trade {} of "
             "$5.1 billion.")
    (good,) = claims(flows.format("deficit"))
    assert good.consistent
    (wrong,) = claims(flows.format("surplus"))
    assert not wrong.consistent and wrong.computed_text == "a deficit of $5.1 billion"
