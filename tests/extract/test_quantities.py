"""Quantities: values, units, currencies, scales, hedges, subjects, holders and claim types."""

from __future__ import annotations

import pytest
from extract_helpers import doc

from factcheck.extract import quantities
from factcheck.model.facts import Quantity


def figures(text: str) -> list[Quantity]:
    return quantities.extract(doc(text))


@pytest.mark.parametrize(
    ("text", "value", "unit", "currency", "scale", "decimals"),
    [
        ("Japan will raise spending to 2% of GDP.", 2.0, "percent_of_gdp", None, 1.0, 0),
        ("NATO wants 3.5 percent of gross domestic product (GDP).", 3.5, "percent_of_gdp", None, 1.0, 1),
        ("Japan will raise spending to 2 per cent of its GDP.", 2.0, "percent_of_gdp", None, 1.0, 0),
        ("Inflation slowed to 2 per cent.", 2.0, "percent", None, 1.0, 0),
        ("Growth was 2 pct.", 2.0, "percent", None, 1.0, 0),
        ("Inflation reached two percent.", 2.0, "percent", None, 1.0, 0),
        ("Rates rose 0.25 percentage points.", 0.25, "percentage_points", None, 1.0, 2),
        ("The budget is 58.1 trillion won.", 58.1, "currency", "KRW", 1e12, 1),
        ("The budget is ¥512.6 billion.", 512.6, "currency", "JPY", 1e9, 1),
        ("The plan costs £8.7 billion.", 8.7, "currency", "GBP", 1e9, 1),
        ("The bill is $1.2 trillion.", 1.2, "currency", "USD", 1e12, 1),
        ("The fund holds €41.5 billion.", 41.5, "currency", "EUR", 1e9, 1),
        ("Aid of US$300 million was pledged.", 300.0, "currency", "USD", 1e6, 0),
        ("The country spent 9,040 billion yen.", 9040.0, "currency", "JPY", 1e9, 0),
        ("Pakistan allocated PKR2.55 trillion to defence.", 2.55, "currency", "PKR", 1e12, 2),
        ("Canada's deficit was C$42.2 billion.", 42.2, "currency", "CAD", 1e9, 1),
        ("New Zealand forecast a NZ$15.6 billion deficit.", 15.6, "currency", "NZD", 1e9, 1),
        ("The loan is worth USD 9 billion.", 9.0, "currency", "USD", 1e9, 0),
        ("Revenue was ₹38,920 crore.", 38920.0, "currency", "INR", 1e7, 0),
        ("Outlay was Rs.2,122 billion.", 2122.0, "currency", "INR", 1e9, 0),
        ("The deficit was Rs 5.95 lakh crore.", 5.95, "currency", "INR", 1e12, 2),
        ("Receipts were ₹2.4 lakh.", 2.4, "currency", "INR", 1e5, 1),
    ],
)
def test_values(text: str, value: float, unit: str, currency: str | None, scale: float, decimals: int) -> None:
    q = figures(text)[0]
    assert (q.value, q.unit, q.currency, q.scale, q.decimals) == (value, unit, currency, scale, decimals)


@pytest.mark.parametrize(
    ("text", "hedge", "hedge_text"),
    [
        ("The U.S. asked Japan to spend as much as 3.5% of GDP.", "upper_bound", "as much as"),
        ("Spending could rise up to 3% of GDP.", "upper_bound", "up to"),
        ("Spending is about 1.8% of GDP.", "approx", "about"),
        ("Spending is around $42 billion.", "approx", "around"),
        ("Spending rose nearly 40%.", "approx", "nearly"),
        ("Spending is more than 2% of GDP.", "lower_bound", "more than"),
        ("Spending is at least ¥9 trillion.", "lower_bound", "at least"),
        ("Spending is 2% of GDP.", "exact", None),
    ],
)
def test_hedges(text: str, hedge: str, hedge_text: str | None) -> None:
    q = figures(text)[0]
    assert (q.hedge, q.hedge_text) == (hedge, hedge_text)


@pytest.mark.parametrize(
    ("text", "subject", "holder", "claim_type"),
    [
        ("The timeline for raising Japan’s defense spending to 2% of GDP would be moved up.", "defense spending",
         "Japan", "target"),
        ("The United States has unofficially requested Japan to raise its defense spending to as much as 3.5% of "
         "GDP.", "defense spending", "Japan", "request"),
        ("Germany's defence budget stood at 2.1% of GDP last year.", "defense spending", "Germany", "actual"),
        ("South Korea's defense budget will rise 7.5 percent next year.", "defense spending", "South Korea",
         "forecast"),
        ("Japan's inflation is forecast to reach 2.5 percent.", "inflation", "Japan", "forecast"),
        ("Britain's budget deficit fell by 0.5 percent.", "deficit", "United Kingdom", "change"),
        ("Japan aims to cut emissions by 46% from 2013 levels.", "emissions", "Japan", "target"),
    ],
)
def test_subject_holder_claim(text: str, subject: str, holder: str, claim_type: str) -> None:
    q = figures(text)[0]
    assert (q.subject, q.holder, q.claim_type) == (subject, holder, claim_type)
    if claim_type in ("change", "other"):
        assert q.subject_key is None
    else:  # subject, holder, claim type, and the period written nearest, if any
        assert (q.subject_key or "").split("|")[:3] == [subject, holder.lower(), claim_type]


def test_a_currency_code_is_read_only_in_capitals_as_a_word() -> None:
    assert [q.unit for q in figures("The customers 500 left after the usd 5 fee.")] == []


def test_target_and_request_do_not_share_a_key() -> None:
    text = ("Takaichi announced that the timeline for raising Japan’s defense spending to 2% of GDP would be moved up. "
            "However, it is known that the United States has unofficially requested Japan to raise its defense "
            "spending to as much as 3.5% of GDP.")
    a, b = figures(text)
    assert a.subject_key == "defense spending|japan|target"
    assert b.subject_key == "defense spending|japan|request"


def test_currency_gloss_is_a_conversion_not_a_claim() -> None:
    won, usd = figures("South Korea's defense budget will total 58.1 trillion won ($42 billion) next year.")
    assert (won.currency, usd.currency) == ("KRW", "USD")
    assert won.subject == "defense spending"
    assert usd.subject is None and usd.subject_key is None


def test_unknown_subject_has_no_key() -> None:
    (q,) = figures("The figure was 12 percent, officials said.")
    assert q.subject is None and q.subject_key is None


@pytest.mark.parametrize(
    "text",
    ["The meeting was held on the 29th in 2025.", "Room 101 was booked for 3 people.", "Call 555-1234."],
)
def test_no_quantities(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(
    ("text", "period"),
    [
        # a financial year written with an apostrophe is the same period as without one
        ("In 2023-'24, the fiscal deficit was Rs 6.1 lakh crore.", "2023-24"),
        ("In 2023-24, the fiscal deficit was Rs 6.1 lakh crore.", "2023-24"),
        # a span of months is its own period, apart from the year it falls in
        ("The deficit in the April to October 2024 period was Rs 7.5 lakh crore.", "april to october 2024"),
        ("The deficit for 2024 was Rs 7.5 lakh crore.", "2024"),
    ],
)
def test_period_in_the_join_key(text: str, period: str) -> None:
    q = figures(text)[0]
    assert (q.subject_key or "").split("|")[3] == period


def test_a_fiscal_year_and_part_of_it_are_two_periods() -> None:
    whole, part = figures("In 2023-'24, the deficit was Rs 5.9 lakh crore. The deficit in the April to "
                          "November 2023 period was Rs 6.1 lakh crore.")
    assert whole.subject == part.subject == "deficit"
    assert whole.subject_key != part.subject_key
