"""The lexer's language resources, read once from ``factcheck/extract/resources/<lang>/lexicon.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml


@dataclass(frozen=True, eq=False)
class Lexicon:
    numbers: dict[str, float]
    ordinals: dict[str, int]
    scales: dict[str, float]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    currency_letters: dict[str, str]
    shared_currency: dict[str, tuple[str, ...]]  # signs and words several countries write ("Rs") -> those countries
    percent_words: tuple[tuple[str, ...], ...]
    points_words: tuple[tuple[str, ...], ...]
    months: dict[str, int]
    weekdays: tuple[str, ...]
    duration_units: dict[str, tuple[str, int]]
    interval_units: dict[str, tuple[str, int]]  # units counted only before an event-anchored suffix ("two nights after")
    relative: dict[tuple[str, ...], dict[str, Any]]
    relative_suffixes: dict[tuple[str, ...], dict[str, Any]]
    date_modifiers: dict[str, str]
    hedges: dict[tuple[str, ...], str]

    @property
    def max_relative(self) -> int:
        return max(len(k) for k in self.relative)


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


@cache
def resource(name: str, lang: str = "en") -> Any:
    """A language resource shipped with the package (``extract/resources/<lang>/<name>.yaml``): trusted data,
    read once per process."""
    return yaml.load(resources.files("factcheck.extract").joinpath(f"resources/{lang}/{name}.yaml").read_text("utf-8"),
                     Loader=yaml.CSafeLoader)


@cache
def lexicon(lang: str = "en") -> Lexicon:
    raw = resource("lexicon", lang)
    return Lexicon(
        numbers={k: float(v) for k, v in raw["numbers"].items()},
        ordinals=dict(raw["ordinals"]),
        scales={k: float(v) for k, v in raw["scales"].items()},
        currency_symbols=dict(raw["currency_symbols"]),
        currency_words=dict(raw["currency_words"]),
        currency_letters=dict(raw.get("currency_letters") or {}),
        shared_currency={str(w).lower(): tuple(map(str, cs)) for w, cs in (raw.get("shared_currency") or {}).items()},
        percent_words=tuple(sorted((_words(w) for w in raw["percent_words"]), key=len, reverse=True)),
        points_words=tuple(sorted((_words(w) for w in raw["points_words"]), key=len, reverse=True)),
        months=dict(raw["months"]),
        weekdays=tuple(raw["weekdays"]),
        duration_units={k: (v[0], int(v[1])) for k, v in raw["duration_units"].items()},
        interval_units={k: (v[0], int(v[1])) for k, v in (raw.get("interval_units") or {}).items()},
        relative={_words(k): v for k, v in raw["relative"].items()},
        relative_suffixes={_words(k): v for k, v in raw["relative_suffixes"].items()},
        date_modifiers=dict(raw["date_modifiers"]),
        hedges={_words(k): v for k, v in raw["hedges"].items()},
    )


@dataclass(frozen=True, eq=False)
class Titles:
    heads: tuple[tuple[str, ...], ...]
    portfolios: tuple[tuple[str, ...], ...]
    modifiers: frozenset[str]
    not_names: frozenset[str]


@cache
def titles(lang: str = "en") -> Titles:
    raw = resource("titles", lang)
    longest = lambda ws: tuple(sorted((_words(w) for w in ws), key=len, reverse=True))  # noqa: E731
    return Titles(longest(raw["heads"]), longest(raw["portfolios"]), frozenset(raw["modifiers"]),
                  frozenset(raw["not_names"]))
