"""Parsing the recorded Wikidata responses (tests/fixtures/wikidata/recorded, real shapes)."""

from __future__ import annotations

import json

import pytest
from enrich_helpers import RECORDED

from factcheck.enrich.errors import SourceError
from factcheck.enrich.wikidata.models import RawEntity
from factcheck.enrich.wikidata.parse import parse_get_entities, parse_search, parse_time, positions_held


def recorded(name: str) -> object:
    return json.loads((RECORDED / name).read_text(encoding="utf-8"))


def test_p39_with_start_end_and_successors() -> None:
    entity = RawEntity.model_validate(recorded("wbsdk__Q646148.json"))
    held = positions_held(entity)
    assert [p.position_id for p in held] == ["Q5449541", "Q6866144"]
    term = held[1]
    assert (term.start and term.start.date, term.start and term.start.precision) == ("1978-08-30", "day")
    assert term.end is not None and term.end.date == "1979-10-26"
    assert (term.replaces, term.replaced_by) == ("Q312881", "Q323762")
    assert held[0].start is None and held[0].end is None


def test_missing_entity_and_old_time_format() -> None:
    records = parse_get_entities(recorded("wdtk__wbgetentities-Q6-Q42-P31.json"), ["Q6", "Q42", "P31"], "en")
    assert records["Q6"].missing
    assert records["Q42"].label == "Douglas Adams" and not records["Q42"].missing
    # "+00000001991-11-25T00:00:00Z" (older serialisation, numeric-id only)
    assert parse_time({"time": "+00000001991-11-25T00:00:00Z", "precision": 11}).date == "1991-11-25"  # type: ignore[union-attr]


def test_redirect_is_stored_under_requested_and_target_id() -> None:
    records = parse_get_entities(recorded("wdtk__wbgetentities-Q32063953.json"), ["Q32063953"], "en")
    assert records["Q32063953"].id == "Q1040" and records["Q1040"].label == "Karlsruhe"


def test_empty_labels_serialised_as_list() -> None:
    data = recorded("wbsdk__wbgetentities_response.json")
    ids = list(data["entities"])  # type: ignore[index]
    records = parse_get_entities(data, ids, "en")
    assert all(r.id for r in records.values())


@pytest.mark.parametrize(
    ("name", "reason", "code"),
    [
        ("wdtk__wbgetentities-bogus.json", "api_error", "no-such-entity"),
        ("wdtk__error-maxlag.json", "maxlag", "maxlag"),
        ("wdtk__error-maxlag-full.json", "maxlag", "maxlag"),
    ],
)
def test_api_errors(name: str, reason: str, code: str) -> None:
    with pytest.raises(SourceError) as info:
        parse_get_entities(recorded(name), ["Q1"], "en")
    assert info.value.reason == reason and code in str(info.value)


def test_search_shapes() -> None:
    hits = parse_search(recorded("wdtk__wbsearchentities-abc.json"))
    assert hits[0].id == "Q169889" and hits[0].match_text == "ABC" and hits[0].aliases == ["ABC"]
    assert parse_search(recorded("wdtk__wbsearchentities-empty.json")) == []


def test_garbage_is_malformed() -> None:
    with pytest.raises(SourceError) as info:
        parse_search({"searchinfo": {}})
    assert info.value.reason == "malformed"
    with pytest.raises(SourceError):
        parse_get_entities(["not", "a", "dict"], ["Q1"], "en")


@pytest.mark.parametrize(
    ("time", "precision", "expected"),
    [
        ("+2025-10-21T00:00:00Z", 11, ("2025-10-21", "day")),
        ("+2025-10-00T00:00:00Z", 10, ("2025-10", "month")),
        ("+2025-00-00T00:00:00Z", 9, ("2025", "year")),
        ("+2025-10-21T00:00:00Z", 9, ("2025", "year")),
        ("+2020-00-00T00:00:00Z", 8, None),  # decade: too coarse to compare
        ("-0044-03-15T00:00:00Z", 11, None),
        ("garbage", 11, None),
    ],
)
def test_time_precision(time: str, precision: int, expected: tuple[str, str] | None) -> None:
    point = parse_time({"time": time, "precision": precision})
    assert (point.date, point.precision) == expected if point else expected is None


def test_deprecated_rank_ignored_and_unknown_end() -> None:
    from factcheck.enrich.testing.shapes import item, position_held

    entity = item(
        "Q1",
        "X",
        positions=[
            position_held("Q1", "Q2", start="2025-10-12", rank="deprecated"),
            position_held("Q1", "Q2", start="2025-10-21", rank="preferred"),
            position_held("Q1", "Q3", start="2001", end_unknown=True),
        ],
    )
    held = positions_held(RawEntity.model_validate(entity))
    assert [(p.position_id, p.start.date if p.start else None) for p in held] == [
        ("Q2", "2025-10-21"),
        ("Q3", "2001"),
    ]
    assert held[0].rank == "preferred" and held[1].end_unknown
