"""Tokens and mentions: plain slotted classes (thousands per article; pydantic is for facts only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Mention types (the names patterns use in ``type:``).
NUMBER, MONEY, PERCENT, POINTS, YEAR, FISCAL_YEAR, MONTH, DATE, DAY_OF_MONTH, WEEKDAY = (
    "number", "money", "percent", "points", "year", "fiscal_year", "month", "date", "day_of_month", "weekday",
)
DURATION, RELATIVE, COUNTRY, TITLE, PERSON = "duration", "relative", "country", "title", "person"
TYPES = frozenset({NUMBER, MONEY, PERCENT, POINTS, YEAR, FISCAL_YEAR, MONTH, DATE, DAY_OF_MONTH, WEEKDAY,
                   DURATION, RELATIVE, COUNTRY, TITLE, PERSON})


@dataclass(slots=True)
class Token:
    """A word, number or punctuation mark: ``low`` is its lower-case text."""

    start: int
    end: int
    text: str
    low: str
    digit: bool
    cap: bool


@dataclass(slots=True)
class Mention:
    """A typed, normalised value over tokens ``[first, last)`` of the document's token list.

    ``value`` holds the normalised fields of the type, e.g. money: ``{"amount": 1.2e12, "value": 1.2,
    "scale": 1e12, "currency": "JPY", "decimals": 1}``; year: ``{"year": 2027}``.
    """

    type: str
    start: int
    end: int
    text: str
    first: int
    last: int
    value: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, default: Any = None) -> Any:
        return self.value.get(key, default)
