"""Arithmetic as news states it (session 26): votes for and against with the share in favour, yearly raises and
their cumulative total (summed or compounded), a league lead against two tallies, and a whole
with a long qualifier before its part and share."""

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


def test_votes_for_and_against_make_the_whole_of_the_share() -> None:
    ok = "The crews backed the deal, with 1,530 voting in favour and 510 against, or 75 per cent approval."
    (c,) = claims(ok)
    assert c.relation == "share" and c.consistent and c.operands == [1530.0, 2040.0]
    assert severities(ok.replace("or 75 per cent", "or 80 per cent")) == ["error"]


def test_a_share_said_against_is_the_second_count() -> None:
    (c,) = claims("The offer failed, with 250 in favour and 750 against, or 75% against.")
    assert c.consistent and c.operands == [750.0, 1000.0]


def test_a_share_of_another_whole_is_not_read() -> None:
    assert not claims("It passed with 1,530 in favour and 510 against, or 51 per cent of all members.")


@pytest.mark.parametrize(("total", "consistent"), [
    ("9%", True),     # 3 + 3 + 3
    ("9.3%", True),   # 1.03 cubed, less one: 9.27%
    ("9.6%", False),
    ("8.5%", False),
])
def test_cumulative_raises_are_their_sum_or_their_product(total: str, consistent: bool) -> None:
    (c,) = claims(f"The deal gives raises of 3%, 3% and 3%, for a cumulative {total}, the union said.")
    assert c.relation == "total" and c.consistent is consistent


def test_before_compounding_reads_the_sum_only() -> None:
    (c,) = claims("The deal gives raises of 3%, 3% and 3%, for a cumulative 9.3% before compounding.")
    assert not c.consistent and c.computed_high == pytest.approx(9.0)


@pytest.mark.parametrize("text", [
    "The deal gives raises of 3% in each of the first two years and 2% in the third, for a cumulative 8%.",
    "The deal gives raises of 3%, 3% and 3%, for a cumulative 12% including a signing bonus.",
])
def test_raises_that_are_not_one_a_year_or_a_total_of_more(text: str) -> None:
    assert not claims(text)


def test_a_lead_is_the_leader_tally_less_the_runner_up() -> None:
    ok = ("Westford pushed their lead out to five points after beating Carrow 2-0 on Saturday, moving on "
          "to 34 points from 15 matches, with second-placed Ashby on 29.")
    (c,) = claims(ok)
    assert c.relation == "difference" and c.consistent and c.certainty == "certain"
    assert severities(ok.replace("five points", "six points")) == ["error"]


def test_a_whole_with_a_long_qualifier_before_its_part() -> None:
    ok = ("Of the 9,100 flats granted planning permission across the three boroughs of the county in 2023-24, "
          "2,730, or 30%, are to be let at social rents.")
    (c,) = claims(ok)
    assert c.relation == "share" and c.consistent
    assert severities(ok.replace("or 30%", "or 40%")) == ["error"]


def test_a_lead_then_the_two_tallies() -> None:
    ok = "The win stretched her lead in the standings to 21 points, 287 to 266, with four rounds to go."
    (c,) = claims(ok)
    assert c.relation == "difference" and c.consistent
    assert severities(ok.replace("to 21 points", "to 12 points")) == ["error"]


@pytest.mark.parametrize(("third", "severity"), [
    ("12", None),        # 11 + 15 + 12 = 38
    ("10", "warning"),   # short: overtime may make up the rest
    ("14", "error"),     # more than the whole game
])
def test_parts_by_period_against_the_game_total(third: str, severity: str | None) -> None:
    text = f"The visitors outshot the hosts 38-25, including 11 shots in the first period, 15 in the second and {third} in the third."
    assert severities(text) == ([severity] if severity else [])


@pytest.mark.parametrize("text", [
    "The visitors outshot the hosts 38-25, including 11 shots in the first period and 15 in the third.",
    "The visitors outshot the hosts 38-25, including 11 shots in the first period, 15 in the second and 10 in the third, and 2 in overtime.",
    "The hosts were outshot 30-26, including 9 in the first period and 8 in the second.",
])
def test_periods_left_out_or_the_rival_figure_say_nothing(text: str) -> None:
    assert severities(text) == []
