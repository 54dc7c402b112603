"""Figures as numbers with their rounding interval: the arithmetic builder's view of a mention.

A figure stands for the interval it was rounded from: half a unit of its last stated decimal, times
its scale ("¥8.47 trillion" is 8.465-8.475 trillion); a plain count written to the unit ("16 gold") is
exact. Money carries its currency; a bare number next to money of one currency is read in it, and a
figure written without a scale word takes the scale of the figures it is compared with ("from 54.6 to
58.7 trillion won").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from factcheck.extract.mentions.model import Mention

FigureKind = Literal["money", "number", "percent", "points"]
AMOUNTS = ("money", "number")


@dataclass(frozen=True, slots=True)
class Figure:
    value: float  # in base units: 8.47e12 for "¥8.47 trillion", 3.9 for "3.9%"
    half: float  # half a unit of the last stated decimal, in base units
    kind: FigureKind
    currency: str | None
    scale: float
    decimals: int
    text: str
    start: int

    @property
    def scaled(self) -> bool:
        return self.scale != 1.0

    @property
    def low(self) -> float:
        return self.value - self.half

    @property
    def high(self) -> float:
        return self.value + self.half


def figure(m: Mention | None) -> Figure | None:
    """The figure a money, number, percent or points mention states; None for anything else."""
    if m is None:
        return None
    v = m.value
    dec = int(v.get("decimals", 0) or 0)
    unit = 0.5 * 10 ** (-dec)
    if m.type == "money":
        scale = float(v.get("scale", 1.0))
        return Figure(float(v["amount"]), unit * scale, "money", v.get("currency"), scale, dec, m.text, m.start)
    if m.type == "number":
        scale = float(v.get("scale", 1.0))
        value = float(v["value"])
        if _exact_count(value, scale, dec):
            unit = 0.0
        elif scale == 1.0 and dec == 0 and value == int(value) and value >= 10_000 \
                and (zeros := _trailing_zeros(int(value))) >= 3:
            # "a total of 275,000 houses" for 275,604: a large round count may be rounded or cut to its thousands
            # (never to fewer than three significant figures), a whole unit of them either way; "the 2,000 members"
            # is not read so
            unit = 10.0 ** min(zeros, len(str(int(value))) - 3)
        return Figure(value, unit * scale, "number", None, scale, dec, m.text, m.start)
    if m.type == "percent":
        return Figure(float(v["value"]), unit, "percent", None, 1.0, dec, m.text, m.start)
    if m.type == "points":
        # basis points are stored as percentage points with two more decimals
        return Figure(float(v["value"]), unit, "points", None, 1.0, dec, m.text, m.start)
    return None


def _trailing_zeros(n: int) -> int:
    zeros = 0
    while n and n % 10 == 0:
        n //= 10
        zeros += 1
    return zeros


def _exact_count(value: float, scale: float, decimals: int) -> bool:
    """A plain count written to the unit ("16 gold", "2,904 cases", "267"): exact, not rounded. A count
    ending in zero ("5,400 troops") may be rounded to tens or more and keeps half a unit."""
    return scale == 1.0 and decimals == 0 and value == int(value) and int(value) % 10 != 0


def comparable(a: Figure, b: Figure) -> bool:
    """Whether two figures can be operands of one change or sum: both amounts in one currency (a bare
    number takes the currency of money beside it), or both percentages."""
    if a.kind in AMOUNTS and b.kind in AMOUNTS:
        return a.currency is None or b.currency is None or a.currency == b.currency
    return a.kind == b.kind == "percent"


def difference_like(d: Figure, operand: Figure) -> bool:
    """Whether ``d`` can state the difference of operands like ``operand``: an amount for amounts,
    percentage points (or, ambiguously, percent) for percentages."""
    if operand.kind in AMOUNTS:
        return d.kind in AMOUNTS and (d.currency is None or operand.currency is None
                                      or d.currency == operand.currency)
    return d.kind in ("points", "percent")


def same_scale(figs: list[Figure]) -> list[Figure]:
    """Unscaled amounts below 1,000 take the scale of the scaled amounts they are compared with."""
    scaled = [f for f in figs if f.kind in AMOUNTS and f.scaled]
    if not scaled:
        return figs
    factor = scaled[0].scale
    if any(f.scale != factor for f in scaled):
        return figs  # "$893 billion ... $1.6 trillion": each already in base units
    out = []
    for f in figs:
        if f.kind in AMOUNTS and not f.scaled and abs(f.value) < 1000:
            f = replace(f, value=f.value * factor, half=(f.half or 0.5) * factor, scale=factor)
        out.append(f)
    return out


def display(value: float, like: Figure, kind: str) -> str:
    """``value`` written like the figure ``like``: in its own form where it is written with digits ("£2.4bn"
    gives "£1.91bn", "Rs 14,100 crore" gives "Rs 18,800 crore"), else with its scale word or unit; to one
    decimal more than ``like`` was stated with, trailing zeros dropped ("19", not "19.0")."""
    scaled = value / like.scale if like.kind in AMOUNTS else value
    digits = f"{abs(scaled):,.{like.decimals + 1}f}"
    if "." in digits:
        digits = digits.rstrip("0").rstrip(".")
    sign = "-" if scaled < 0 and digits.strip("0.,") else ""
    if like.kind in AMOUNTS and _DIGITS.search(like.text):
        return sign + _DIGITS.sub(digits, like.text, count=1)
    words = {1e12: " trillion", 1e9: " billion", 1e6: " million", 1e7: " crore", 1e5: " lakh"}.get(like.scale, "")
    points = like.kind == "points" or kind == "points"
    suffix = " percentage points" if points else "%" if kind == "percent" else words
    return f"{sign}{digits}{suffix}"


_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
