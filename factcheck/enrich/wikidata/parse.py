"""Raw API JSON -> :mod:`models` records: times at their precision, P39 with qualifiers, errors."""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

from factcheck.enrich.errors import SourceError
from factcheck.enrich.wikidata.models import (
    EntityRecord,
    PositionHeld,
    RawApiError,
    RawEntity,
    RawGetEntities,
    RawSearch,
    RawSnak,
    SearchHit,
    TimePoint,
)

POSITION_HELD = "P39"
START_TIME = "P580"
END_TIME = "P582"
REPLACES = "P1365"
REPLACED_BY = "P1366"

_TIME = re.compile(r"^\+0*(\d{4,})-(\d\d)-(\d\d)T")
_PRECISIONS = {11: "day", 10: "month", 9: "year"}


def parse_time(value: dict[str, Any]) -> TimePoint | None:
    """``{"time": "+2025-10-21T00:00:00Z", "precision": 11}`` -> ``TimePoint("2025-10-21", "day")``.

    Precisions coarser than a year, negative (BCE) years and malformed strings give None.
    """
    precision = _PRECISIONS.get(value.get("precision", -1))
    match = _TIME.match(str(value.get("time", "")))
    if precision is None or match is None:
        return None
    year, month, day = match.groups()
    if precision == "year":
        return TimePoint(date=year, precision="year")
    if month == "00":
        return TimePoint(date=year, precision="year")
    if precision == "month" or day == "00":
        return TimePoint(date=f"{year}-{month}", precision="month")
    return TimePoint(date=f"{year}-{month}-{day}", precision="day")


def _item_id(snak: RawSnak) -> str | None:
    if snak.snaktype != "value" or not snak.datavalue:
        return None
    value = snak.datavalue.get("value")
    if not isinstance(value, dict):
        return None
    if isinstance(value.get("id"), str):
        return value["id"]
    if isinstance(value.get("numeric-id"), int) and value.get("entity-type", "item") == "item":
        return f"Q{value['numeric-id']}"
    return None


def _first_time(snaks: list[RawSnak]) -> tuple[TimePoint | None, bool]:
    """(time, 'some value') of a qualifier list."""
    for snak in snaks:
        if snak.snaktype == "somevalue":
            return None, True
        if snak.snaktype == "value" and snak.datavalue and isinstance(snak.datavalue.get("value"), dict):
            return parse_time(snak.datavalue["value"]), False
    return None, False


def _first_item(snaks: list[RawSnak]) -> str | None:
    return next((i for i in map(_item_id, snaks) if i), None)


def positions_held(entity: RawEntity) -> list[PositionHeld]:
    """Non-deprecated P39 statements, with start/end at their precision and predecessor/successor."""
    out: list[PositionHeld] = []
    for statement in entity.claims.get(POSITION_HELD, []):
        if statement.rank == "deprecated":
            continue
        position = _item_id(statement.mainsnak)
        if position is None:
            continue
        q = statement.qualifiers
        start, _ = _first_time(q.get(START_TIME, []))
        end, end_unknown = _first_time(q.get(END_TIME, []))
        out.append(
            PositionHeld(
                position_id=position,
                rank="preferred" if statement.rank == "preferred" else "normal",
                start=start,
                end=end,
                end_unknown=end_unknown,
                replaces=_first_item(q.get(REPLACES, [])),
                replaced_by=_first_item(q.get(REPLACED_BY, [])),
            )
        )
    return out


def _in_language(texts: dict[str, Any], lang: str) -> Any:
    return texts.get(lang) or texts.get("mul")


def entity_record(requested: str, entity: RawEntity, lang: str) -> EntityRecord:
    if entity.missing is not None:
        return EntityRecord(id=requested, missing=True)
    label = _in_language(entity.labels, lang)
    description = _in_language(entity.descriptions, lang)
    aliases = entity.aliases.get(lang, []) + entity.aliases.get("mul", [])
    return EntityRecord(
        id=entity.id or requested,
        label=label.value if label else None,
        description=description.value if description else None,
        aliases=[a.value for a in aliases],
        positions=positions_held(entity),
    )


def raise_for_api_error(data: Any, what: str) -> None:
    """Turn an ``{"error": {...}}`` body into a :class:`SourceError` (maxlag is retried below us)."""
    if isinstance(data, dict) and isinstance(data.get("error"), dict):
        try:
            err = RawApiError.model_validate(data["error"])
        except ValidationError:
            raise SourceError("malformed", f"{what}: error answer without a code") from None
        reason = "maxlag" if err.code == "maxlag" else "api_error"
        raise SourceError(reason, f"{what}: API error {err.code}: {err.info}".rstrip(": "))


def parse_get_entities(data: Any, requested: list[str], lang: str) -> dict[str, EntityRecord]:
    """Records for every requested id: a redirect is stored under the id asked for and its target."""
    raise_for_api_error(data, "wbgetentities")
    try:
        raw = RawGetEntities.model_validate(data)
    except ValidationError as exc:
        raise SourceError("malformed", f"wbgetentities: unexpected answer ({exc.error_count()} errors)") from None
    out: dict[str, EntityRecord] = {}
    for key, entity in raw.entities.items():
        record = entity_record(key, entity, lang)
        out[key] = record
        if record.id != key:
            out[record.id] = record
    for key in requested:
        out.setdefault(key, EntityRecord(id=key, missing=True))
    return out


def parse_search(data: Any) -> list[SearchHit]:
    raise_for_api_error(data, "wbsearchentities")
    try:
        raw = RawSearch.model_validate(data)
    except ValidationError as exc:
        raise SourceError("malformed", f"wbsearchentities: unexpected answer ({exc.error_count()} errors)") from None
    return [
        SearchHit(
            id=h.id,
            label=h.label,
            description=h.description,
            aliases=h.aliases,
            match_text=(h.match or {}).get("text"),
        )
        for h in raw.search
    ]
