"""A move said to go one way between two stated values that go the other: "the share declined from about 22 per
cent to 25 per cent", "Operating income was up to 2.75 trillion yen from 2.85 trillion".

Slots: ``dir`` (the words of direction), ``old`` and ``new`` (two figures of one kind). Only plain words of rising
and falling are read (``direction_words`` of ``arithmetic.yaml``): "narrowed", "improved", "weakened" and the like
go either way with the quantity (a deficit, a jobless rate, a currency quoted per dollar). The two values must
differ beyond their rounding, so that "rose from 4.1% to 4.1%" says nothing. The claim holds no amount: it is the
direction alone, stated against the values' own.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.builders.common import certainty_of, placed
from factcheck.extract.builders.figures import comparable, display, figure, same_scale
from factcheck.extract.mentions.resources import resource
from factcheck.model.facts import ArithmeticClaim

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.relations.match import RelationMatch


@cache
def _words() -> tuple[frozenset[str], frozenset[str]]:
    raw = resource("arithmetic")["direction_words"]
    return frozenset(raw["up"]), frozenset(raw["down"])


def build(match: RelationMatch, a: Analysis) -> ArithmeticClaim | None:
    up, down = _words()
    said = match.words("dir").split()
    ways = {"up" for w in said if w in up} | {"down" for w in said if w in down}
    if len(ways) != 1:
        return None
    stated = ways.pop()
    old, new = figure(match.mention("old")), figure(match.mention("new"))
    if old is None or new is None or not comparable(old, new) or (old.kind == "percent") != (new.kind == "percent"):
        return None
    old, new = same_scale([old, new])
    if new.low > old.high:
        actual = "up"
    elif new.high < old.low:
        actual = "down"
    else:
        return None  # within rounding of each other: no direction to read
    change = new.value - old.value
    kind = "percent" if old.kind == "percent" else "amount"
    size = display(abs(change), new, "points" if kind == "percent" else kind)
    return ArithmeticClaim(
        **placed(match, a),
        relation="difference",
        stated=round(abs(change), 9),
        stated_text=f"a {'rise' if stated == 'up' else 'fall'} (\"{match.text('dir')}\")",
        computed=round(abs(change), 9),
        computed_low=round(abs(change), 9),
        computed_high=round(abs(change), 9),
        stated_low=round(abs(change), 9),
        stated_high=round(abs(change), 9),
        operands=[old.value, new.value],
        unit="percentage_points" if kind == "percent" else "amount",
        computed_text=f"a {'rise' if actual == 'up' else 'fall'} of {size}",
        stated_direction=stated,  # type: ignore[arg-type]
        actual_direction=actual,  # type: ignore[arg-type]
        certainty=certainty_of(match),  # type: ignore[arg-type]
        pattern=match.pattern.id,
    )
