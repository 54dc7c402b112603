"""Totals and parts as outside writers state them: parts counted and totalled in the next sentence, parts that
leave a remainder, a period's total after its monthly parts, a rate with the part of the whole it stands for, and a
total whose participle clause runs into "consists of"."""

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


LISTED = ("The city will put 275 million euros into trams, 120 million euros into cycle lanes and 55 million euros "
          "into bus lanes over four years. The three schemes add up to {total} million euros, the mayor said.")


def test_parts_counted_in_the_next_sentence_are_a_warning_at_most() -> None:
    (ok,) = claims(LISTED.format(total=450))
    assert ok.consistent and ok.certainty == "inferred" and ok.operands == [275e6, 120e6, 55e6]
    assert severities(LISTED.format(total=450)) == []
    (bad,) = claims(LISTED.format(total=480))
    assert not bad.consistent and "sentence before" in (bad.inferred or "")
    assert severities(LISTED.format(total=480)) == ["warning"]


@pytest.mark.parametrize("text", [
    # the count is not the number of figures before: a part may be missing
    "The city will put 275 million euros into trams and 120 million euros into cycle lanes. The three schemes add "
    "up to 480 million euros.",
    # the sentence before compares its figures
    "Coffee earned $2.6 billion this season, up from $1.9 billion. Together, the two seasons accounted for $4.9 "
    "billion.",
    # more than the counted parts are totalled
    "Coffee earned $2.6 billion and cocoa $1.7 billion. The two crops and tea accounted for $5.1 billion.",
    # figures of another kind stand beside them
    "Coffee earned $2.6 billion on 40,000 farms and cocoa $1.7 billion. The two crops accounted for $4.9 billion.",
])
def test_no_counted_total_without_exactly_the_counted_parts(text: str) -> None:
    assert claims(text) == [] and severities(text) == []


def test_parts_that_leave_a_remainder_are_all_of_the_total() -> None:
    text = "Of the 34 coal units in service in 2018, 13 have closed, and {n} more are due to shut, leaving {r} idle."
    (ok,) = claims(text.format(n=12, r=9))
    assert ok.consistent and ok.operands == [13, 12, 9]
    (bad,) = claims(text.format(n=16, r=9))
    assert not bad.consistent and bad.computed == 38  # every part, not the run nearest the total
    (short,) = claims(text.format(n=12, r=5))
    assert not short.consistent and short.computed == 30  # the rest is named: a sum short of the total is wrong too
    assert severities(text.format(n=12, r=5)) == ["warning"]  # read across the coordinated clause


@pytest.mark.parametrize(("total", "consistent"), [("6.7", True), ("7.7", False)])
def test_a_period_total_after_monthly_parts(total: str, consistent: bool) -> None:
    text = (f"The country ran trade surpluses of $1.8 billion in April, $2.3 billion in May and $2.6 billion in June, "
            f"giving a second-quarter surplus of ${total} billion.")
    (c,) = claims(text)
    assert c.relation == "total" and c.consistent is consistent and c.certainty == "certain"
    assert severities(text) == ([] if consistent else ["error"])


def test_an_annual_rate_after_monthly_figures_is_no_total() -> None:
    assert claims("Prices rose 0.4% in April, 0.3% in May and 0.5% in June, giving an annual rate of 3.1%.") == []


@pytest.mark.parametrize(("text", "consistent"), [
    ("Turnout in the by-election reached 43.5 percent, with 21,750 of the 50,000 registered voters voting.", True),
    ("Turnout in the by-election reached 48.5 percent, with 21,750 of the 50,000 registered voters voting.", False),
    ("Hotel occupancy stood at 88%, with 1,320 of the 1,500 rooms taken.", True),
])
def test_a_rate_with_the_part_of_the_whole_it_stands_for(text: str, consistent: bool) -> None:
    (c,) = claims(text)
    assert c.relation == "share" and c.consistent is consistent


def test_a_change_of_a_rate_is_no_share() -> None:
    assert claims("Turnout rose by 6 percent, with 21,750 of the 50,000 registered voters voting.") == []


@pytest.mark.parametrize(("part", "consistent"), [("0.9", True), ("1.2", False)])
def test_a_total_with_a_participle_clause_before_consists_of(part: str, consistent: bool) -> None:
    text = (f"The 2.8 trillion yen package endorsed by ministers on Monday consists of 1.3 trillion yen for relief, "
            f"{part} trillion yen for pensioners and 0.6 trillion yen for embankments.")
    (c,) = claims(text)
    assert c.consistent is consistent and c.certainty == "certain"


@pytest.mark.parametrize(("imports", "consistent"), [("52.5", True), ("51.5", False)])
def test_a_balance_after_the_flows_of_the_sentence_before(imports: str, consistent: bool) -> None:
    text = (f"Exports climbed 1.8% in May to 61.2 billion euros, while imports slipped 0.4% to {imports} billion "
            f"euros. That left a trade surplus of 8.7 billion euros.")
    (c,) = claims(text)
    assert c.relation == "difference" and c.consistent is consistent and c.certainty == "inferred"
    assert severities(text) == ([] if consistent else ["warning"])


@pytest.mark.parametrize(("balance", "consistent"), [("6.2", True), ("7.2", False)])
def test_flows_after_the_balance_of_the_sentence_before(balance: str, consistent: bool) -> None:
    text = (f"The country posted a trade surplus of ${balance} billion in March. Exports grew 3.1% to $24.9 billion, "
            f"led by soy and iron ore, while imports fell 8.4% to $18.7 billion.")
    (c,) = claims(text)
    assert c.consistent is consistent and c.certainty == "inferred" and c.operands == [18.7e9, 24.9e9]


@pytest.mark.parametrize("text", [
    # a balance with one partner is not the difference of all exports and imports
    "The country posted a trade surplus with China of $3.2 billion. Exports grew to $24.9 billion, while imports "
    "fell to $18.7 billion.",
    # exports named twice before: which figure is the flow is a guess
    "Exports climbed to 61.2 billion euros, while imports slipped to 52.5 billion euros and exports to the United "
    "States reached 9.8 billion euros. That left a trade surplus of 9.7 billion euros.",
    # no back-reference opens the sentence
    "Exports climbed to 61.2 billion euros, while imports slipped to 52.5 billion euros. Officials expect a trade "
    "surplus of 9.7 billion euros next month.",
])
def test_no_balance_across_sentences_without_sure_flows(text: str) -> None:
    assert claims(text) == []


@pytest.mark.parametrize(("text", "consistent"), [
    ("Output rose three-fold, from 1.2 million tonnes to 3.5 million tonnes.", True),
    ("Output rose three-fold, from 1.2 million tonnes to 5.9 million tonnes.", False),
    ("Sales grew more than fivefold, from 410 million euros to 2.3 billion euros.", True),
    ("Sales grew more than fivefold, from 410 million euros to 1.3 billion euros.", False),
])
def test_a_multiple_written_as_an_adverb(text: str, consistent: bool) -> None:
    (c,) = claims(text)
    assert c.relation == "ratio" and c.consistent is consistent


def test_a_hundredfold_number_is_no_multiple_read() -> None:
    assert claims("Output rose 300-fold, from 1.2 million tonnes to 5.9 million tonnes.") == []


@pytest.mark.parametrize(("text", "consistent", "certainty"), [
    ("Of the 1,150 delegates, 640 backed the motion while the remaining 510 voted against it.", True, "inferred"),
    ("Of the 1,150 delegates, 640 backed the motion while the remaining 610 voted against it.", False, "inferred"),
    ("Salaries absorb 3.8 billion dollars of the 5.9 billion dollar budget, leaving 2.4 billion dollars for the rest.",
     False, "certain"),
    ("The agency has 2,600 staff, of whom 1,700 work at headquarters and the rest, 1,100, in regional offices.",
     False, "inferred"),
])
def test_a_part_and_the_rest_are_all_of_the_total(text: str, consistent: bool, certainty: str) -> None:
    (c,) = claims(text)
    assert c.relation == "total" and c.consistent is consistent and c.certainty == certainty


@pytest.mark.parametrize(("development", "consistent"), [("4.3", True), ("5.3", False)])
def test_a_budget_that_allocates_its_parts(development: str, consistent: bool) -> None:
    text = (f"The county's Sh12.4 billion budget allocates Sh8.1 billion to recurrent spending and Sh{development} "
            f"billion to development, the executive said.")
    (c,) = claims(text)
    assert c.consistent is consistent and c.certainty == "certain"


def test_parts_a_budget_sets_aside_may_be_some_of_it() -> None:
    text = "The county's Sh12.4 billion budget sets aside Sh2.1 billion for health and Sh1.3 billion for water."
    assert claims(text) == [] and severities(text) == []


def test_set_scores_are_no_total_between_dashes() -> None:
    assert claims("She won 6 matches in a row, beating the top seed 6-4, 3-6, 7-5 in the final.") == []
    (c,) = claims("The 57 medals - 21 gold, 19 silver and 19 bronze - are the country's best haul.")
    assert not c.consistent and c.computed == 59


@pytest.mark.parametrize(("business", "consistent"), [("97", True), ("127", False)])
def test_of_which_three_parts_across_the_relative_clause(business: str, consistent: bool) -> None:
    text = (f"The plan puts rates revenue at NZ$436 million, of which NZ$318 million comes from homes, NZ${business} "
            f"million from businesses and NZ$21 million from farms and lifestyle blocks.")
    (c,) = claims(text)
    assert c.consistent is consistent and c.certainty == "inferred" and len(c.operands) == 3
    assert severities(text) == ([] if consistent else ["warning"])


def test_a_part_above_the_one_total_of_the_sentence_before() -> None:
    text = ("The government will compile a 2.6 trillion yen extra budget. Of the total, 3.1 trillion yen will come "
            "from reserves and 0.8 trillion yen from new bonds.")
    (c,) = claims(text)
    assert not c.consistent and c.stated == 2.6e12 and c.certainty == "inferred"


@pytest.mark.parametrize(("text", "consistent"), [
    ("The ministry's budget of £4.2bn is £700m more than the £3.5bn it received last year.", True),
    ("The ministry's budget of £4.2bn is £900m more than the £3.5bn it received last year.", False),
    ("Imports of 82.4 million tonnes were 9.8 million tonnes more than exports of 76.1 million tonnes.", False),
])
def test_a_figure_is_an_amount_more_than_another(text: str, consistent: bool) -> None:
    (c,) = claims(text)
    assert c.relation == "difference" and c.consistent is consistent and c.certainty == "certain"


def test_more_than_an_expectation_without_a_figure_reads_no_difference() -> None:
    assert claims("The budget of £6.4bn is £800m more than analysts had expected.") == []


@pytest.mark.parametrize(("text", "consistent"), [
    ("Revenue climbed to €3.4bn from €2.1bn, up 62%.", True),
    ("Revenue climbed to €3.4bn from €2.1bn, up 84%.", False),
])
def test_to_from_then_up_a_percentage(text: str, consistent: bool) -> None:
    (c,) = claims(text)
    assert c.relation == "percent_change" and c.consistent is consistent


def test_a_percentage_from_a_year_earlier_is_of_another_base() -> None:
    text = "Exports rose to $30.2 billion in May from $28.1 billion in April, up 12% from a year earlier."
    assert [c for c in claims(text) if c.relation == "percent_change"] == []


@pytest.mark.parametrize(("part", "consistent"), [("297,600", True), ("327,600", False)])
def test_of_whom_a_percentage_or_the_part(part: str, consistent: bool) -> None:
    (c,) = claims(f"The district has 480,000 residents, of whom 62 percent, or {part}, are of working age.")
    assert c.relation == "share" and c.consistent is consistent
