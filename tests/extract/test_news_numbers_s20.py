"""Totals, parts, changes and repeated figures in word orders of published news (session 20 study): each
reading with a variant that does not add up, and the look-alikes that must stay silent."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind

from factcheck.extract import extract_facts, quantities
from factcheck.extract.mentions import lex


def claims(text: str) -> list:
    return of_kind(extract_facts(doc(text)), "arithmetic_claim")


@pytest.mark.parametrize(("text", "amount"), [
    ("exports of $2,230.3 billion", 2230.3e9),  # thousands separators before a decimal point
    ("Rs 4,12,300 crore", 412300e7),  # lakh grouping
    ("₹1,04,278.5 crore", 104278.5e7),
])
def test_grouped_amounts_are_money(text: str, amount: float) -> None:
    (m,) = [m for m in lex(text)[1] if m.type == "money"]
    assert m.value["amount"] == pytest.approx(amount)


def test_a_comma_in_the_decimals_is_no_number() -> None:
    assert not [m for m in lex("the 1.234,5 figure")[1] if m.type == "money"]


@pytest.mark.parametrize(("text", "relation", "consistent"), [
    # value, then the change as an amount and a percentage: the base is the value less the change
    ("Exports were $1,874.6 billion last year, down $96.3 billion or 4.9 percent.", "percent_change", True),
    ("Exports were $1,874.6 billion last year, down $96.3 billion or 6.9 percent.", "percent_change", False),
    # a per-share gloss between the new and the old value; a base named before "to"
    ("Net income rose 24.6% year over year to ¥6.84 billion, or ¥41.20 per share, from ¥5.49 billion.",
     "percent_change", True),
    ("Net income rose 34.6% year over year to ¥6.84 billion, or ¥41.20 per share, from ¥5.49 billion.",
     "percent_change", False),
    ("Profit decreased 11.8% from the prior-year period to ¥2.47 billion, or ¥15.02 per share, from ¥2.80 billion.",
     "percent_change", True),
    ("Profit decreased 18.8% from the prior-year period to ¥2.47 billion, or ¥15.02 per share, from ¥2.80 billion.",
     "percent_change", False),
    # a value, then the change it represents over a base
    ("The allocation of PKR2.41 trillion, set out on Tuesday, represents a 16% increase over the revised budget "
     "of PKR2.08 trillion.", "percent_change", True),
    ("The allocation of PKR2.41 trillion, set out on Tuesday, represents a 12% increase over the revised budget "
     "of PKR2.08 trillion.", "percent_change", False),
    ("The allocation of Rs 4,90,600 crore represents a growth of 9.9 per cent over the budget estimates "
     "(Rs 4,54,670 crore).", "percent_change", False),
    # results shorthand without a verb
    ("EBIT 3.3% to Rs 6,921 crore versus Rs 7,033 crore.", "percent_change", False),
    ("Net profit down 2% to Rs 6,921 crore versus Rs 7,033 crore.", "percent_change", True),
    # totals
    ("Rs 7.10 billion for the division, Rs 13.25 billion for schools and Rs 1,960 billion for the services, "
     "making it a total of Rs 1,990.35 billion.", "total", False),
    ("Out of Rs 3,84,600 crore allocated, Rs 2,40,150 crore is for revenue and Rs 1,64,450 crore is for capital.",
     "total", False),
    ("Norway finished top with 29 medals (14 gold, 8 silver, 7 bronze).", "total", True),
    ("Norway finished top with 29 medals (14 gold, 9 silver, 7 bronze).", "total", False),
    ("The new 80-seat senate will comprise 36 government members, 29 opposition members, 11 Greens and "
     "6 independents.", "total", False),
    ("The club sold 41,200 season tickets, 28,900 to adults and the remaining 14,300 to children.", "total", False),
    ("The state runs 306 hospitals and 1,127 clinics, which takes the total number of sites to 1,533.", "total",
     False),
    ("Spain accounted for 18.2% of sales, Portugal 9.4% and Italy 7.7%, making together 37.3%.", "total", False),
    ("There were 1,187 patients on Sunday, which is 19 fewer than the 1,196 reported on Saturday.", "difference",
     False),
    ("There have been 18,642 cases, an increase of 588 on the 18,154 announced a day earlier.", "difference", False),
    ("The gap between the two bids, 587 million pounds and 529 million pounds, is 68 million pounds.", "difference",
     False),
])
def test_readings(text: str, relation: str, consistent: bool) -> None:
    found = [c for c in claims(text) if c.relation == relation]
    assert len(found) == 1, claims(text)
    assert found[0].consistent is consistent


def test_a_split_in_the_next_sentence_is_inferred() -> None:
    (c,) = claims("The package is worth 6.2 billion euros. It is split between 3.9 billion euros for rail and "
                  "2.8 billion euros for roads.")
    assert not c.consistent and c.certainty == "inferred" and "sentence before" in (c.inferred or "")


def test_a_change_stated_sentences_before_its_values_is_inferred() -> None:
    text = ("The group said quarterly revenue rose {} on strong demand. It posted $3.27 billion in revenue, "
            "compared with $3.00 billion a year ago.")
    (ok,) = claims(text.format("9%"))
    (bad,) = claims(text.format("19%"))
    assert ok.consistent and not bad.consistent and bad.certainty == "inferred"
    # another noun, or two candidate percentages: no reading
    assert claims("Sales rose 5% in Europe. Net profit was $2.0 billion, compared with $1.5 billion a year ago.") == []
    assert claims("Revenue rose 8% in Asia and 3% in Europe. Revenue in Asia was $4.1 billion, compared with "
                  "$3.8 billion a year earlier.") == []


def test_a_list_may_start_at_the_figure_the_clause_parser_left_out() -> None:
    # "passed ... with 241 votes in favor" is read as a clause of its own; the sum adds up with it
    (c,) = claims("The bill passed at a plenary session Thursday with 241 votes in favor, six against and "
                  "25 abstentions from the 272 lawmakers present.")
    assert c.consistent and c.operands == [241.0, 6.0, 25.0]


def test_a_farther_figure_that_adds_up_is_the_value_a_change_is_said_of() -> None:
    (c,) = claims("Kingsmoor averaged 41,250 spectators over their 19 home games, up 4.6% from 39,430 a year earlier.")
    assert c.consistent and c.operands == [39430.0, 41250.0]


@pytest.mark.parametrize("text", [
    "The factory index was 51.2 (50.8 in March and 49.9 in February).",  # a series over time, not parts
    "Revenue rose to $5.2 billion from $4.9 billion, up $0.3 billion or 6.1 percent.",  # two figures before
    "The 120-seat chamber will comprise 64 government members and 55 opposition members, with one seat vacant.",
])
def test_look_alikes_state_no_wrong_sum(text: str) -> None:
    assert all(c.consistent for c in claims(text))


def _keys(text: str) -> list[str | None]:
    return [q.subject_key for q in quantities.extract(doc(text))]


def test_core_inflation_is_not_headline_inflation() -> None:
    k = _keys("The bank expects headline inflation to average 2.0% in 2025. Core inflation is expected to ease "
              "to 2.4% in 2025.")
    assert k[0] and k[1] and k[0] != k[1]


def test_a_level_in_apposition_and_a_beaten_forecast_are_actual_values() -> None:
    k = _keys("Japan's defence budget for fiscal 2026 is ¥9.04 trillion. Japan's defence budget for fiscal 2026, "
              "at ¥9.40 trillion, is the largest on record.")
    assert k[0] is not None and k[0] == k[1]
    k = _keys("Quarterly revenue was $14.2 billion. Revenue of $12.4 billion for the quarter beat analysts' forecasts.")
    assert k[0] is not None and k[0] == k[1]
    # the forecast it beat is no claim of the text's own
    k = _keys("Quarterly revenue was $12.4 billion. Revenue beat forecasts of $12.1 billion.")
    assert k[1] is None or k[1] != k[0]


def test_trade_flows_and_profits_are_subjects_but_their_parts_are_not() -> None:
    k = _keys("Japan's exports were ¥9.2 trillion in April. Japan's exports in April, at ¥9.6 trillion, set a record.")
    assert k[0] is not None and k[0] == k[1]
    k = _keys("Exports rose to $61.2 billion in March. Exports of cars were $8.4 billion in March.")
    assert k[1] is None or k[1] != k[0]
    assert _keys("Car exports were $8.4 billion in March.") == [None]


def test_halves_of_a_year_are_periods() -> None:
    k = _keys("Operating profit was ¥312 billion in the first half. Operating profit in the second half was ¥298 "
              "billion.")
    assert k[0] is not None and k[1] is not None and k[0] != k[1]


@pytest.mark.parametrize(("text", "relation", "consistent"), [
    ("The jobless rate declined by 0.3 percentage point from 5.1 percent in March to 4.8 percent in April.",
     "difference", True),
    ("July's gain was revised to 81,000 from 46,000, an upward revision of 45,000.", "difference", False),
    ("The ruling party lost 9 of its 48 seats in the assembly, leaving it with 37.", "difference", False),
    ("The Nikkei share average rose 412.5 points, or 2.1%, to 38,920.3.", "percent_change", False),
    ("Exports of goods fell $2.1 billion, or 2.5%, to $82.2 billion in January.", "percent_change", True),
    ("Profit before tax rose 24 per cent to £2.31bn (2024: £2.03bn), the group said.", "percent_change", False),
    ("Revenue was £5.6bn (2024: £5.1bn), up 9.8 per cent.", "percent_change", True),
    ("Of the 650 seats, the Conservatives won 365, Labour 212, the SNP 48 and others 35.", "total", False),
])
def test_round_two_readings(text: str, relation: str, consistent: bool) -> None:
    found = [c for c in claims(text) if c.relation == relation]
    assert len(found) == 1, claims(text)
    assert found[0].consistent is consistent
