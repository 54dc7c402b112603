"""Countries: one table for every stage (names, cues in text, fiscal calendars).

The data is ``data/countries.yaml``; this module reads it once and exposes immutable views. Stages
ask here, never keep tables of their own: a fiscal calendar, a demonym or a capital means the same to
the lexer, the resolver and the reference sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType
from typing import Literal

import yaml

Naming = Literal["start", "end"]
CueKind = Literal["name", "demonym", "place", "leader"]


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    names: tuple[str, ...]
    demonyms: tuple[str, ...]
    places: tuple[str, ...]
    leaders: tuple[str, ...]
    fiscal: tuple[int, Naming] | None


@dataclass(frozen=True, slots=True)
class Cue:
    """A word or phrase that points at a country: ``kind`` says how (only names and demonyms hold)."""

    text: str
    code: str
    kind: CueKind

    @property
    def holds(self) -> bool:
        return self.kind in ("name", "demonym")


@cache
def _table() -> MappingProxyType[str, Country]:
    raw = yaml.load(
        resources.files("factcheck.model").joinpath("data/countries.yaml").read_text("utf-8"), Loader=yaml.CSafeLoader
    )
    out: dict[str, Country] = {}
    for code, row in raw.items():
        fiscal = row.get("fiscal")
        out[code] = Country(
            code=code,
            name=row["name"],
            names=tuple(row.get("names", ())),
            demonyms=tuple(row.get("demonyms", ())),
            places=tuple(row.get("places", ())),
            leaders=tuple(row.get("leaders", ())),
            fiscal=(int(fiscal[0]), fiscal[1]) if fiscal else None,
        )
    return MappingProxyType(out)


def countries() -> MappingProxyType[str, Country]:
    return _table()


def country(code: str | None) -> Country | None:
    return _table().get(code or "")


def country_name(code: str | None) -> str | None:
    c = country(code)
    return c.name if c else None


def fiscal_calendar(code: str | None) -> tuple[int, Naming] | None:
    c = country(code)
    return c.fiscal if c else None


@cache
def cues() -> MappingProxyType[str, Cue]:
    """Every cue by its exact text (case-sensitive); names win over demonyms over places over leaders."""
    out: dict[str, Cue] = {}
    for kind, attr in (("leader", "leaders"), ("place", "places"), ("demonym", "demonyms"), ("name", "names")):
        for c in _table().values():
            for text in getattr(c, attr):
                out[text] = Cue(text, c.code, kind)  # type: ignore[arg-type]
    return MappingProxyType(out)
