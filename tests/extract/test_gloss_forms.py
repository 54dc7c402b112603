"""Fiscal-year glosses that give one end ("the 12 months that ended Sept. 30"), fiscal years named by
their end, and the country a currency points at."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

from factcheck.model.countries import country_of_currency


def gloss(text: str):
    (g,) = of_kind(run(doc(text)), "fiscal_year_gloss")
    return g


@pytest.mark.parametrize(
    ("text", "start", "end", "consistent"),
    [
        ("The U.S. deficit in fiscal 2025, the 12 months that ended Sept. 30, narrowed.", "2024-10", "2025-09", True),
        ("The U.S. deficit in fiscal 2025, the 12 months that ended June 30, narrowed.", "2024-07", "2025-06", False),
        ("Hong Kong forecast a deficit for the 2025-26 financial year starting April 1.", "2025-04", "2026-03", True),
        # the fiscal year's own name gives its months
        ("Sato Holdings forecast ¥85 billion for the fiscal year ending March 2026 (April 2024-March 2025).",
         "2024-04", "2025-03", False),
        ("Sato Holdings forecast ¥85 billion for the fiscal year ending March 2026 (April 2025-March 2026).",
         "2025-04", "2026-03", True),
        # a currency only India uses says whose calendar "FY26" is in
        ("The budget allocates ₹600 crore to the mission for FY26 (April 2026-March 2027).", "2026-04", "2027-03",
         False),
    ],
)
def test_one_sided_and_named_glosses(text: str, start: str, end: str, consistent: bool) -> None:
    g = gloss(text)
    assert (g.stated_start, g.stated_end) == (start, end)
    assert ((g.stated_start, g.stated_end) == (g.expected_start, g.expected_end)) is consistent


def test_a_day_that_is_not_a_bound_is_not_a_gloss() -> None:
    assert of_kind(run(doc("The U.S. deficit in fiscal 2025, the period ending June 15, narrowed.")),
                   "fiscal_year_gloss") == []


def test_shared_currencies_point_nowhere() -> None:
    assert (country_of_currency("INR"), country_of_currency("JPY")) == ("IN", "JP")
    assert (country_of_currency("USD"), country_of_currency("EUR"), country_of_currency(None)) == (None, None, None)


def test_a_part_of_the_year_in_parentheses_is_not_a_gloss() -> None:
    text = "Ordinary profit for the second quarter of the fiscal year ending February 2026 (March to August) rose."
    assert of_kind(run(doc(text)), "fiscal_year_gloss") == []


def test_a_currency_in_a_conversion_does_not_set_the_calendar() -> None:
    g = gloss("Japan's Cabinet approved a 96.3 trillion yen (about 814 billion U.S. dollars) budget for fiscal 2015 "
              "beginning in April.")
    assert (g.country, g.stated_start, g.expected_start) == ("JP", "2015-04", "2015-04")


def test_every_country_code_is_a_string() -> None:
    from factcheck.model.countries import countries, country

    assert all(isinstance(code, str) and len(code) == 2 for code in countries())
    assert country("NO") is not None and country("NO").name == "Norway"  # YAML reads an unquoted NO as false


@pytest.mark.parametrize(
    "text",
    [
        "Microsoft said revenue for fiscal 2026, the year ending June 30, 2026, would grow as the Federal Reserve cut rates.",
        "Nike, the U.S. sportswear maker, said sales in fiscal 2026, which ends in May 2026, would fall slightly.",
        "Walmart, whose fiscal 2026 ends in January 2026, raised its sales outlook as U.S. shoppers kept spending.",
    ],
)
def test_a_company_fiscal_year_is_its_own_not_its_countrys(text: str) -> None:
    g = gloss(text)
    assert g.country is None and g.expected_start is None  # nothing to compare it with: no finding


@pytest.mark.parametrize(
    ("text", "country", "certainty"),
    [
        # an institution names the country
        ("The Reserve Bank of India sees inflation of 2.6% in FY26, which ends in March 2027.", "IN", "certain"),
        # a currency the story's figures use elsewhere
        ("The minister will compile the fiscal 2026 budget (April 2025-March 2026) by December. Ministries "
         "asked for 122.3 trillion yen.", "JP", "certain"),
        # public money in dollars and no country named: a guess, never an error
        ("The stopgap funds federal agencies through the end of fiscal 2025 (October 2025-September 2026), "
         "adding $6 billion for defense.", "US", "inferred"),
    ],
)
def test_whose_calendar(text: str, country: str, certainty: str) -> None:
    g = gloss(text)
    assert (g.country, g.certainty) == (country, certainty)


@pytest.mark.parametrize(
    ("text", "country"),
    [
        # dollars alone, and a year that starts where Australia's, a U.S. state's or Canada's does: whose?
        ("The budget forecast a deficit of $42.1 billion in 2025-26, the financial year that begins on July 1.", None),
        ("Lawmakers passed a $60.9 billion budget hours before fiscal 2026 began on Tuesday, July 1.", None),
        ("Customs duties brought in $19.5 billion in fiscal 2025, the year ended March 31.", None),
        # a federal body named: the guess stands, and a July start is the wrong calendar for it
        ("Congress funded federal agencies for fiscal 2026, which runs from July 2025 to June 2026, adding "
         "$6 billion for defense.", "US"),
        # an October start in dollars is the federal calendar's own
        ("The stopgap funds federal agencies through the end of fiscal 2025 (October 2025-September 2026), "
         "adding $6 billion for defense.", "US"),
    ],
)
def test_a_dollar_guess_yields_to_other_dollar_calendars(text: str, country: str | None) -> None:
    glosses = of_kind(run(doc(text)), "fiscal_year_gloss")
    if country is None:  # no gloss, or one with no calendar to hold it to
        assert all(g.country is None and g.expected_start is None for g in glosses), glosses
    else:
        assert [g.country for g in glosses] == [country]
