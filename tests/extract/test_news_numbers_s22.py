"""Figures as independent drafts state them: currencies written onto the amount, money used as a modifier, totals
before their parts and across two sentences, shares of a leading total, lists of one kind of figure, forecasts by
two forecasters, and back-references to a rate or a budget."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind

from factcheck import check
from factcheck.extract import extract_facts, quantities
from factcheck.extract.mentions import lex
from factcheck.extract.relations.compile import compile_sequence
from factcheck.extract.relations.spec import Element


def claims(text: str) -> list:
    return of_kind(extract_facts(doc(text)), "arithmetic_claim")


def findings(text: str, rule: str) -> list:
    report = check(text, published="2025-10-29", references=False)
    return [f for f in report.documents[0].findings if f.rule == rule]


@pytest.mark.parametrize(("text", "amount", "currency"), [
    ("a Sh7.85 billion budget", 7.85e9, "KES"),
    ("KSh120 million in grants", 120e6, "KES"),
    ("a N3.2 trillion budget", 3.2e12, "NGN"),
    ("the P6.352-trillion budget", 6.352e12, "PHP"),
    ("R1.4bn for water", 1.4e9, "ZAR"),
    ("₦450 billion", 450e9, "NGN"),
    ("a $2.1-billion contract", 2.1e9, "USD"),
])
def test_currencies_written_onto_the_amount(text: str, amount: float, currency: str) -> None:
    (m,) = [m for m in lex(text)[1] if m.type == "money"]
    assert m.value["amount"] == pytest.approx(amount) and m.value["currency"] == currency


@pytest.mark.parametrize("text", ["Staff wore N95 masks.", "Ward P4 reopened.", "The R2 road was shut.",
                                  "Section N 5 applies."])
def test_a_currency_letter_without_a_scale_is_a_name(text: str) -> None:
    assert [m for m in lex(text)[1] if m.type == "money"] == []


@pytest.mark.parametrize(("text", "value", "currency", "scale"), [
    ("The ministry approved the 4.8 billion pound upgrade of the line.", 4.8, "GBP", 1e9),
    ("The county passed a Sh7.85 billion budget.", 7.85, "KES", 1e9),
    ("The state passed a N3.2 trillion budget.", 3.2, "NGN", 1e12),
    ("The chamber approved the P4.86-trillion plan.", 4.86, "PHP", 1e12),
    ("The rail operator spent 7.9 billion baht on track.", 7.9, "THB", 1e9),
])
def test_money_as_a_modifier_and_new_currencies_are_quantities(text: str, value: float, currency: str,
                                                              scale: float) -> None:
    (q,) = quantities.extract(doc(text))
    assert (q.value, q.unit, q.currency, q.scale) == (value, "currency", currency, scale)


def test_a_restated_modifier_figure_that_differs_is_a_warning() -> None:
    text = ("The ministry approved the 2.9 billion pound upgrade of the coast line. Critics said the 3.4 billion "
            "pound scheme would close the line for three summers.")
    (f,) = findings(text, "numbers.conflicting-figure")
    assert f.severity == "warning"


@pytest.mark.parametrize(("text", "relation", "consistent"), [
    ("The county approved a Sh11.64 billion budget, made up of Sh7.92 billion for recurrent spending and Sh3.72 "
     "billion for development.", "total", True),
    ("The county approved a Sh11.64 billion budget, made up of Sh7.92 billion for recurrent spending and Sh3.27 "
     "billion for development.", "total", False),
    ("The assembly passed a N1.85 trillion budget, N0.35 trillion more than the N1.5 trillion the governor "
     "proposed.", "difference", True),
    ("The assembly passed a N1.85 trillion budget, N0.55 trillion more than the N1.5 trillion the governor "
     "proposed.", "difference", False),
    ("The chamber approved the P4.86-trillion plan for 2026, which is 9.3 percent bigger than the P4.53-trillion "
     "plan for this year.", "percent_change", False),
    ("The firm reported a 12.5 per cent rise in net profit for the April-June quarter, to ₹1,710 crore from "
     "₹1,520 crore a year earlier.", "percent_change", True),
    ("The firm reported a 15.5 per cent rise in net profit for the April-June quarter, to ₹1,710 crore from "
     "₹1,520 crore a year earlier.", "percent_change", False),
    ("Charging points have tripled in four years, from 1,150 in 2021 to 3,480 now.", "ratio", True),
    ("Charging points have tripled in four years, from 1,150 in 2021 to 2,480 now.", "ratio", False),
    ("Rana Odeh won with 11,420 votes, or 54.3% of the 21,030 valid ballots.", "share", True),
    ("Rana Odeh won with 11,420 votes, or 57.3% of the 21,030 valid ballots.", "share", False),
    ("Of the Sh8.20 billion budget, Sh5.74 billion will fund salaries and Sh2.46 billion capital projects, about "
     "30 per cent of the total.", "share", True),
    ("Of the Sh8.20 billion budget, Sh5.74 billion will fund salaries and Sh2.46 billion capital projects, about "
     "36 per cent of the total.", "share", False),
])
def test_structures_of_independent_drafts(text: str, relation: str, consistent: bool) -> None:
    found = [c for c in claims(text) if c.relation == relation]
    assert len(found) == 1, claims(text)
    assert found[0].consistent is consistent


def test_a_doubling_is_not_a_seventy_percent_rise() -> None:
    (c,) = claims("Cases doubled to 3,100 last year from 1,820 in 2023.")
    assert c.consistent is False
    (c,) = claims("Cases doubled to 3,600 last year from 1,820 in 2023.")
    assert c.consistent is True


def test_a_list_of_percentages_is_not_a_list_of_amounts() -> None:
    text = ("Sales at the three arms rose 3 per cent, 9 per cent and 6 per cent respectively, to $284 million, "
            "$131 million and $88 million, giving combined revenue of $530 million.")
    (c,) = claims(text)
    assert (c.relation, c.consistent, c.operands) == ("total", False, [284e6, 131e6, 88e6])


def test_a_list_element_compiles_one_kind_of_figure_per_list() -> None:
    c = compile_sequence([Element.model_validate({"list": ["money", "percent"], "as": "part"})])
    assert c.regex.fullmatch("@money , @money and @money ")
    assert c.regex.fullmatch("@percent and @percent ")
    assert not c.regex.fullmatch("@percent , @percent and @percent respectively , to @money ")
    assert not c.regex.fullmatch("@percent and @money ")


def test_parts_counted_out_of_a_total_short_of_it_are_only_inferred() -> None:
    (c,) = claims("The plan drew 436 submissions, 289 of them opposed and 137 supportive.")
    assert (c.consistent, c.certainty) == (False, "inferred")
    (c,) = claims("The plan drew 436 submissions, 309 of them opposed and 147 supportive.")
    assert (c.consistent, c.certainty) == (False, "certain")
    assert claims("The cabinet has 19 ministers, eight of them women, up from 16 in the last one.") == []


def test_a_back_reference_to_a_total_opens_its_sentence() -> None:
    text = ("The bill was passed by a majority of 41 votes. The clerk then read the tally: 118 in favour of the "
            "spending plan, with 77 against it and 3 abstentions.")
    assert claims(text) == []
    (c,) = claims("The council approved a N642 billion plan. Of the total, N410 billion will go to roads and N262 "
                  "billion to schools.")
    assert (c.consistent, c.certainty) == (False, "inferred")


def test_a_total_from_the_sentence_before_is_never_below_a_part() -> None:
    before = "The death toll had risen to 214, with 31 people still missing. "
    (c,) = claims(before + "Of the dead, 127 were in the delta, 61 in the hills and 26 in the capital.")
    assert (c.stated, c.consistent) == (214, True)
    (c,) = claims(before + "Of the dead, 127 were in the delta, 81 in the hills and 26 in the capital.")
    assert (c.stated, c.consistent, c.certainty) == (214, False, "inferred")
    # parts that may be some of the total: a sum short of it says nothing
    assert all(c.consistent for c in claims(before + "Of the dead, 127 were in the delta, 51 in the hills."))


def test_two_forecasters_are_two_claims() -> None:
    assert findings("The Treasury expects a deficit of 4.5% of GDP this year. The IMF expects a deficit of 5.1% of "
                    "GDP this year.", "numbers.conflicting-figure") == []
    assert findings("The Treasury expects a deficit of 4.5% of GDP this year. The Treasury expects a deficit of "
                    "5.1% of GDP this year.", "numbers.conflicting-figure")
    # a passive or a noun names no forecaster
    (q,) = quantities.extract(doc("Japan's inflation is forecast to reach 2.5 percent."))
    assert q.subject_key is not None and "~" not in q.subject_key


@pytest.mark.parametrize(("text", "conflict"), [
    ("The bank cut its repo rate by 25 basis points to 6.25 per cent. Lenders said the new repo rate of 6.00 per "
     "cent would reach borrowers soon.", True),
    ("The bank cut its repo rate by 25 basis points to 6.25 per cent. Lenders said the new repo rate of 6.25 per "
     "cent would reach borrowers soon.", False),
    ("The bank cut its repo rate by 25 basis points to 6.25 per cent. Economists said the previous repo rate of "
     "6.50 per cent had weighed on borrowing.", False),
    ("The bank cut its cash rate by 25 basis points to 4.10% on Tuesday. The governor said the cash rate, now "
     "4.35%, would stay restrictive.", True),
    ("The assembly passed a Sh10.38 billion budget for 2025/26. The governor has two weeks to assent to the "
     "Sh10.83 billion budget.", True),
    # compared with another year's figure, in a participle of its own
    ("The ministry set a deficit target of 4.2% of GDP for 2025-26. The figure is closer to the 3.9% target set "
     "for 2026-27.", False),
])
def test_back_references_to_a_rate_or_a_budget(text: str, conflict: bool) -> None:
    found = findings(text, "numbers.conflicting-figure")
    assert bool(found) is conflict
    assert all(f.severity == "warning" for f in found)
