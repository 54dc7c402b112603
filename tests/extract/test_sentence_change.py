"""A sentence's one percentage change between its two amounts (factcheck/extract/builders/sentence_change.py)."""

from __future__ import annotations

import pytest
from extract_helpers import doc, of_kind, run

PUB = "2026-02-10"


def changes(text: str) -> list:
    return [c for c in of_kind(run(doc(text, PUB)), "arithmetic_claim") if c.pattern == "numbers.sentence-change"]


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Finland shipped 2.4 million tonnes of pulp worth 3.81 billion euros in 2025, up 6% in value from "
         "3.6 billion euros in 2024, the federation said.", True),
        ("Finland shipped 2.4 million tonnes of pulp worth 3.81 billion euros in 2025, up 6% in value from "
         "3.96 billion euros in 2024, the federation said.", False),
        ("Quarterly earnings slid 20% to 2.4 billion rand, the miner said, having reported 3.0 billion rand a year "
         "earlier.", True),
        # a stated difference, its unit written in full once and abbreviated after
        ("Solar parks generated 14.2 gigawatt hours in May, up 2.9 GWh from 11.3 GWh a year earlier.", True),
        ("Solar parks generated 14.2 gigawatt hours in May, up 3.9 GWh from 11.3 GWh a year earlier.", False),
        ("Milk deliveries reached 8.25 million litres in June, down 0.6 million litres from 8.65 million litres a "
         "year earlier.", False),
    ],
)
def test_change(text: str, ok: bool) -> None:
    (c,) = changes(text)
    assert (c.consistent, c.certainty) == (ok, "inferred")


@pytest.mark.parametrize(
    "text",
    [
        # the percentage has a base period of its own
        "Imports rose to $14.2 billion in March from $12.9 billion in February, up 3% from a year earlier.",
        # a third amount of the unit
        "Sales rose 4% to $8.1 billion, with $2.2 billion from services, compared with $7.9 billion.",
        # two currencies
        "Profit rose 30% to 5.2 billion kroner ($480 million) from 4.0 billion kroner.",
        # a share, not a change
        "The fund grew to $9.6 billion from $9.1 billion, up 12% of assets in equities.",
        # the percentage is said of something else, in a clause of its own
        "Profit reached $2.1 billion from $1.8 billion, sending the company's bonds up 3%.",
        "Output rose 5% in the quarter as the plant reopened, lifting revenue to $640 million from $525 million.",
        "Orders totalled 4.4 billion euros against 3.9 billion euros, the firm said, and its workforce was 2% larger.",
        # power and energy are not one unit
        "Capacity reached 12.4 gigawatts in 2025, up 1.2 GWh from 11.2 GWh.",
        # against an expectation
        "Revenue rose 9% to $3.3 billion, against the $3.1 billion analysts had expected.",
    ],
)
def test_no_change_read(text: str) -> None:
    assert changes(text) == []


@pytest.mark.parametrize(
    ("text", "ok", "certainty"),
    [
        ("The jobless rate fell 0.5 percentage point to 6.4% from 6.9%.", True, "certain"),
        # within the rates' rounding, but not as printed: a warning that says so
        ("The jobless rate fell 0.4 percentage point to 6.4% from 6.9%.", False, "inferred"),
    ],
)
def test_a_points_gap_is_read_from_the_printed_rates(text: str, ok: bool, certainty: str) -> None:
    (c,) = of_kind(run(doc(text, PUB)), "arithmetic_claim")
    assert (c.consistent, c.certainty) == (ok, certainty)
