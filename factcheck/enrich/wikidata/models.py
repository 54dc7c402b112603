"""Pydantic models: the API's raw shapes (validated at the boundary) and the compact records we keep.

Raw shapes follow the recorded responses (``shared/fixtures/wikidata``): ``wbsearchentities`` gives
``search[]`` hits; ``wbgetentities`` gives ``entities`` keyed by the *requested* id, each either
``{"id", "missing": ""}`` or an item with ``labels``/``aliases``/``descriptions``/``claims`` (which
PHP serialises as ``[]`` when empty) and, for a redirect, ``redirects: {from, to}``.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Precision = Literal["day", "month", "year"]


def _empty_list_is_dict(value: Any) -> Any:
    return {} if value == [] else value


class RawText(BaseModel):
    model_config = ConfigDict(extra="ignore")
    value: str


class RawSnak(BaseModel):
    model_config = ConfigDict(extra="ignore")
    snaktype: str = "value"
    property: str | None = None
    datavalue: dict[str, Any] | None = None


class RawStatement(BaseModel):
    model_config = ConfigDict(extra="ignore")
    mainsnak: RawSnak
    rank: str = "normal"
    qualifiers: dict[str, list[RawSnak]] = Field(default_factory=dict)

    _fix_qualifiers = field_validator("qualifiers", mode="before")(_empty_list_is_dict)


class RawEntity(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str | None = None
    missing: str | None = None
    type: str | None = None
    labels: dict[str, RawText] = Field(default_factory=dict)
    descriptions: dict[str, RawText] = Field(default_factory=dict)
    aliases: dict[str, list[RawText]] = Field(default_factory=dict)
    claims: dict[str, list[RawStatement]] = Field(default_factory=dict)
    redirects: dict[str, str] | None = None

    _fix = field_validator("labels", "descriptions", "aliases", "claims", mode="before")(_empty_list_is_dict)


class RawGetEntities(BaseModel):
    model_config = ConfigDict(extra="ignore")
    entities: dict[str, RawEntity]


class RawSearchHit(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    label: str | None = None
    description: str | None = None
    aliases: list[str] = Field(default_factory=list)
    match: dict[str, Any] | None = None


class RawSearch(BaseModel):
    model_config = ConfigDict(extra="ignore")
    search: list[RawSearchHit]


class RawApiError(BaseModel):
    model_config = ConfigDict(extra="ignore")
    code: str
    info: str = ""


# --- what we keep (and cache) -------------------------------------------------------------------


class TimePoint(BaseModel):
    """A Wikidata time at its precision: ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month) or ``YYYY``."""

    date: str
    precision: Precision


class PositionHeld(BaseModel):
    """One non-deprecated P39 statement with its qualifiers."""

    position_id: str
    rank: Literal["preferred", "normal"] = "normal"
    start: TimePoint | None = None
    end: TimePoint | None = None
    end_unknown: bool = Field(False, description="P582 is 'some value': ended, date unknown.")
    replaces: str | None = None
    replaced_by: str | None = None


class EntityRecord(BaseModel):
    """An entity as far as enrichment needs it, in one language."""

    id: str
    missing: bool = False
    label: str | None = None
    aliases: list[str] = Field(default_factory=list)
    description: str | None = None
    positions: list[PositionHeld] = Field(default_factory=list)
    fetched_at: float | None = Field(
        None, exclude=True, description="When the source's answer was fetched (epoch seconds); not cached in the body."
    )

    def names(self) -> list[str]:
        return [n for n in [self.label, *self.aliases] if n]


class SearchHit(BaseModel):
    id: str
    label: str | None = None
    description: str | None = None
    aliases: list[str] = Field(default_factory=list)
    match_text: str | None = None

    def names(self) -> list[str]:
        return [n for n in [self.label, self.match_text, *self.aliases] if n]
