"""Names with diacritics folded; office text against position labels, aliases and descriptions."""

from __future__ import annotations

import pytest

from factcheck.enrich.names import FULL, SURNAME, WIDER, name_score
from factcheck.enrich.offices import is_not_current, office_score
from factcheck.enrich.tenure import common, held_on
from factcheck.enrich.testing.shapes import position_held
from factcheck.enrich.wikidata.models import EntityRecord, PositionHeld, RawEntity, TimePoint
from factcheck.enrich.wikidata.parse import positions_held


@pytest.mark.parametrize(
    ("query", "names", "score"),
    [
        ("Shinjiro Koizumi", ["Shinjirō Koizumi"], FULL),
        ("SHINJIRŌ KOIZUMI", ["Shinjiro Koizumi"], FULL),
        ("Shinjiro Koizumi", ["Koizumi Shinjirō"], FULL),
        ("Donald Trump", ["Donald John Trump"], WIDER),
        ("Donald Trump", ["Donald Trump Jr."], 0),
        ("Koizumi", ["Junichiro Koizumi"], SURNAME),
        ("Junichiro Koizumi", ["Shinjirō Koizumi"], 0),
    ],
)
def test_name_score(query: str, names: list[str], score: int) -> None:
    assert name_score(query, names) == score


MOD = EntityRecord(
    id="Q1",
    label="Minister of Defense",
    aliases=["Defense Minister of Japan"],
    description="member of the Cabinet of Japan in charge of the Ministry of Defense",
)
SECDEF = EntityRecord(
    id="Q2",
    label="United States Secretary of Defense",
    aliases=["Secretary of Defense", "SecDef"],
    description="head of the United States Department of Defense",
)
PM_CA = EntityRecord(id="Q3", label="Prime Minister of Canada", description="head of government of Canada")
PM_JP = EntityRecord(id="Q4", label="Prime Minister of Japan", description="head of government of Japan")
AGRI = EntityRecord(id="Q5", label="Minister of Agriculture, Forestry and Fisheries", description="Japanese cabinet minister")


@pytest.mark.parametrize(
    ("text", "country", "best"),
    [
        ("Defense Minister", None, "Q1"),
        ("Japanese Defense Minister", None, "Q1"),
        ("Minister of Defense", None, "Q1"),
        ("Defence Minister", "JP", "Q1"),
        ("prime minister of Canada", None, "Q3"),
        ("Japanese Prime Minister", None, "Q4"),
        ("U.S. Secretary of Defense", None, "Q2"),
        ("Secretary", "US", "Q2"),
        ("Agriculture Minister", None, "Q5"),
    ],
)
def test_office_matching(text: str, country: str | None, best: str) -> None:
    scores = {p.id: office_score(text, p, country=country) for p in (MOD, SECDEF, PM_CA, PM_JP, AGRI)}
    assert max(scores, key=lambda k: scores[k]) == best
    assert scores[best] > 0


def test_country_disagreement_rules_out() -> None:
    assert office_score("Japanese Prime Minister", PM_CA) == 0
    assert office_score("prime minister of Canada", PM_JP) == 0
    assert office_score("U.S. Secretary of Defense", MOD) == 0


def test_not_current_titles() -> None:
    assert is_not_current("former Prime Minister")
    assert is_not_current("then-Defense Minister")
    assert not is_not_current("Defense Minister")


def _terms(*specs: tuple[str | None, str | None]) -> list[PositionHeld]:
    raw = {"claims": {"P39": [position_held("Q1", "Q9", start=s, end=e) for s, e in specs]}}
    return positions_held(RawEntity.model_validate(raw))


def test_common_precision() -> None:
    assert common("2025-10", "month", TimePoint(date="2025-10-21", precision="day")) == ("month", "2025-10", "2025-10")
    assert common("2025-10-12", "day", TimePoint(date="2025-10-21", precision="day"))[1:] == ("2025-10-12", "2025-10-21")
    assert common("2025-10-12", "day", TimePoint(date="2025", precision="year")) == ("year", "2025", "2025")


def test_held_on_two_terms_and_gaps() -> None:
    trump = _terms(("2017-01-20", "2021-01-20"), ("2025-01-20", None))
    assert held_on(trump, "2025-10-29") is True
    assert held_on(trump, "2019-06-01") is True
    assert held_on(trump, "2023-06-01") is False
    assert held_on(trump, "2016-12-31") is False
    assert held_on(trump, "2021", "year") is True  # at year precision 2021 overlaps the first term
    assert held_on(_terms((None, None)), "2025-01-01") is None
