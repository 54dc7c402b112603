"""Countries: one table for every stage (names, cues in text, fiscal calendars).

The data is ``data/countries.yaml``; this module reads it once and exposes immutable views. Stages
ask here, never keep tables of their own: a fiscal calendar, a demonym or a capital means the same to
the lexer, the resolver and the reference sources.
"""

from __future__ import annotations

import datetime as dt
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
    currency: str | None = None
    fiscal_overrun_days: int = 0  # the year may end this many days into its first month (UK tax year: 5 April)
    companies_keep_calendar: bool = False  # companies keep the national fiscal year by law (India)


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
        if not isinstance(code, str):  # an unquoted NO / ON / YES key is a YAML boolean: refuse the table
            raise ValueError(f"countries.yaml: country code {code!r} is not a string; quote it")
        fiscal = row.get("fiscal")
        out[code] = Country(
            code=code,
            name=row["name"],
            names=tuple(row.get("names", ())),
            demonyms=tuple(row.get("demonyms", ())),
            places=tuple(row.get("places", ())),
            leaders=tuple(row.get("leaders", ())),
            fiscal=(int(fiscal[0]), fiscal[1]) if fiscal else None,
            currency=row.get("currency"),
            fiscal_overrun_days=int(row.get("fiscal_overrun_days", 0)),
            companies_keep_calendar=bool(row.get("companies_keep_calendar", False)),
        )
    return MappingProxyType(out)


def countries() -> MappingProxyType[str, Country]:
    return _table()


def country(code: str | None) -> Country | None:
    return _table().get(code or "")


@cache
def _by_currency() -> MappingProxyType[str, str]:
    return MappingProxyType({c.currency: c.code for c in _table().values() if c.currency})


def country_of_currency(currency: str | None) -> str | None:
    """The country a currency points at ("INR" -> "IN"); None for shared ones (USD, EUR) and unknown ones."""
    return _by_currency().get(currency or "")


def country_name(code: str | None) -> str | None:
    c = country(code)
    return c.name if c else None


def fiscal_calendar(code: str | None) -> tuple[int, Naming] | None:
    c = country(code)
    return c.fiscal if c else None


def fiscal_range(fiscal_year: int, country: str | None) -> tuple[str, str] | None:
    """('YYYY-MM', 'YYYY-MM') first and last month of ``fiscal_year`` in ``country``; None if unknown."""
    cal = fiscal_calendar(country)
    if cal is None:
        return None
    first, naming = cal
    if first == 1:
        return f"{fiscal_year:04d}-01", f"{fiscal_year:04d}-12"
    start_year = fiscal_year if naming == "start" else fiscal_year - 1
    last = first - 1
    return f"{start_year:04d}-{first:02d}", f"{start_year + 1:04d}-{last:02d}"


def fiscal_year_of(day: dt.date, country: str | None) -> int | None:
    """The fiscal year (by the country's naming) that ``day`` falls in; None if the calendar is unknown."""
    cal = fiscal_calendar(country)
    if cal is None:
        return None
    first, naming = cal
    if first == 1:
        return day.year
    start_year = day.year if day.month >= first else day.year - 1
    return start_year if naming == "start" else start_year + 1


def range_label_year(first: int, second: int, country: str | None) -> int:
    """The fiscal-year number of a range written 'first-second' ('2028-29'): by the country's naming;
    the first year when the country is unknown."""
    cal = fiscal_calendar(country)
    if cal is not None and cal[1] == "end" and cal[0] != 1:
        return second
    return first


@cache
def cues() -> MappingProxyType[str, Cue]:
    """Every cue by its exact text (case-sensitive); names win over demonyms over places over leaders."""
    out: dict[str, Cue] = {}
    for kind, attr in (("leader", "leaders"), ("place", "places"), ("demonym", "demonyms"), ("name", "names")):
        for c in _table().values():
            for text in getattr(c, attr):
                out[text] = Cue(text, c.code, kind)  # type: ignore[arg-type]
    return MappingProxyType(out)
