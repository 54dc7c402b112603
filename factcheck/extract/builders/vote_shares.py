"""Shares of one vote that add up to more than all of it: "A won 52.3% of the vote, B 41.1% and C 9.2%"; or of
one whole a pattern names before them ("Revenue composition was Japan 33.6%, Americas 21.8%, ...").

The parts are the shares a ``part`` list slot holds, the whole is 100% and implied. A list of shares may
leave out the minor candidates, so only a sum above 100% is read (a short sum says nothing); each share stands
for the interval it was rounded from, so "52.3%, 41.1% and 6.7%" (100.1%) holds. A list is read only when
nothing in it or right after it says the shares are of different wholes (another place, round or group, a
count of ballots, a change): the words are the ``vote_shares`` resource of ``arithmetic.yaml``.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.builders.common import certainty_of, placed
from factcheck.extract.builders.figures import display, figure
from factcheck.extract.mentions.resources import resource
from factcheck.model.facts import ArithmeticClaim

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.clauses.segment import Item
    from factcheck.extract.relations.match import RelationMatch

# mentions a share list may hold besides its shares: who got them
_NAMES = frozenset({"person", "organization", "country", "title"})
_LOOK_AFTER = 4  # items after the last share that may still qualify it ("... and 9.2% in the runoff")


@cache
def _words() -> tuple[tuple[tuple[str, ...], ...], frozenset[str]]:
    raw = resource("arithmetic")["vote_shares"]
    return tuple(tuple(w.split()) for w in raw["whole"]), frozenset(raw["not_one_whole"])


def _starts_with(codes: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(codes[: len(p)]) == p for p in phrases)


def _one_whole(items: list[Item], after: list[Item]) -> bool:
    """Nothing among the list's items, or right after it, makes its shares of different wholes."""
    wholes, blocked = _words()
    for k, it in enumerate(items):
        m = it.mention
        if _day_of_the_vote(items, k):
            continue  # "won 48.6% of the vote on Sunday, ...": the day of the one vote
        if m is not None:
            if m.type != "percent" and m.type not in _NAMES:
                return False  # a year, a date, a count or money: another reading than shares of one vote
            continue
        if it.code in blocked:
            return False
        if it.code == "of" and not _starts_with([x.code for x in items[k:]], wholes):
            return False  # "60% of the seats": another whole
    for k, it in enumerate(after):
        if it.mention is not None and it.mention.type not in _NAMES:
            return False
        if it.code in blocked or (it.code == "of" and not _starts_with([x.code for x in after[k:]], wholes)):
            return False
        if it.code in (".", ";", ":"):
            break
    return True


def _day_of_the_vote(items: list[Item], k: int) -> bool:
    """Item ``k`` is "on" before a weekday or date, or that weekday or date, after the first share and before any
    other ("won 48.6% of the vote on Sunday, ..."): the day of the vote, said once for all the shares."""
    shares_before = sum(1 for it in items[:k] if it.mention is not None and it.mention.type == "percent")
    if shares_before != 1:
        return False
    day = ("weekday", "date")
    it = items[k]
    if it.code == "on":
        nxt = items[k + 1] if k + 1 < len(items) else None
        return nxt is not None and nxt.mention is not None and nxt.mention.type in day
    return (it.mention is not None and it.mention.type in day and k > 0 and items[k - 1].code == "on")


def build(match: RelationMatch, a: Analysis) -> ArithmeticClaim | None:
    slot = match.get("part")
    if slot is None:
        return None
    wholes, _ = _words()
    sent = match.sentence.items
    shares = {id(m) for m in slot.mentions}
    at = [k for k in range(match.first_item, match.last_item) if sent[k].mention is not None
          and id(sent[k].mention) in shares]
    listed = match.pattern.spec.set.get("whole") == "listed"  # "Revenue composition was Japan 33.6%, ..."
    if len(at) < 2 or (not listed and not _starts_with([it.code for it in sent[at[0] + 1 : match.last_item]], wholes)):
        return None  # the first share must say what it is a share of, unless the pattern names the whole first
    items = sent[at[0] : at[-1] + 1]
    after = sent[at[-1] + 1 : at[-1] + 1 + _LOOK_AFTER]
    if not _one_whole(items, after):
        return None
    figs = [f for it in items if it.mention is not None and id(it.mention) in shares
            and (f := figure(it.mention)) is not None]
    if len(figs) < 2 or any(f.value <= 0 or f.value > 100 for f in figs):
        return None
    low, high, point = sum(f.low for f in figs), sum(f.high for f in figs), sum(f.value for f in figs)
    if low <= 100:
        return None  # a list may leave out the minor candidates: only a sum above the whole is read
    return ArithmeticClaim(
        **placed(match, a),
        relation="total",
        stated=100.0,
        stated_text="100% (the whole)" if listed else "100% (all of the vote)",
        computed=round(point, 6),
        computed_low=round(low, 6),
        computed_high=round(high, 6),
        stated_low=0.0,
        stated_high=100.0,
        operands=[f.value for f in figs],
        unit="percent",
        computed_text=display(point, figs[0], "percent"),
        whole=f"the {match.words('whole').split()[0]}" if listed and match.words("whole") else "the vote",
        certainty=certainty_of(match),  # type: ignore[arg-type]
        pattern=match.pattern.id,
    )
