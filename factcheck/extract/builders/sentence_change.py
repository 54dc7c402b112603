"""A sentence's one percentage change or difference between its two amounts, where no pattern read one.

"Exports were worth 84.1 billion crowns last year, up 6% on the year from 79.2 billion crowns", "the group's
order book, at $14.6 billion, was 9% higher than the $13.4 billion of a year earlier": a sentence that states
one percentage change (a percentage beside a word that says which way something went) and exactly two amounts
of one unit, one of them marked as the earlier level ("from", "than", "compared with", "against", "versus", "a
year earlier"), states the change between them. The relation patterns (``patterns/numbers/arithmetic*.yaml``)
read the orders they know; this reading takes the rest when the sentence leaves no doubt what the operands
are: one percentage, no other percentage, no third amount of the unit, no range, no rate ("per"), no share
("of" after the percentage), no adjusted or expected value. It is recomputed as the patterns' changes are
(rounding, hedges, unlikely corners) and is always ``inferred`` (the two amounts are taken to be the change's
ends): at most a warning. A stated difference is read the same way: no percentage, three amounts of one unit,
one said as a move ("up $0.4 billion", "an increase of $0.4 billion", "$1.1 billion more than") and one of the
other two marked as the earlier level.
"""

from __future__ import annotations

import math
from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.builders.arithmetic import _difference, _direction, _pct_change, _words, claim_of
from factcheck.extract.builders.backrefs import is_range
from factcheck.extract.builders.figures import Figure, figure
from factcheck.extract.mentions.resources import resource
from factcheck.model.document import Span
from factcheck.model.facts import ArithmeticClaim, FactBase

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.clauses.segment import Item, Sentence

PATTERN_ID = "numbers.sentence-change"

# words that mark the amount after them as the earlier level
_BASE = frozenset(["from", "than", "against", "versus", "vs", "vs."])
_COMPARED = frozenset(["compared", "comparison"])
_BEFORE_BASE = frozenset(["the", "its", "their", "his", "her", "a", "an", "last", "year's", "this", "that", "with",
                          "to", "levels", "level", "of"])
# words after an amount that mark it as the earlier level ("84.1 billion crowns a year earlier")
_EARLIER = frozenset(["earlier", "ago", "previously", "before"])
# words that join another clause: the percentage and the amounts must not be split by one
_SPLIT = frozenset([";", "while", "whereas", "but", "although", "though", "meanwhile", "and", "which", "who", "when",
                    "after", "as", "with", "where", "since"])
_NEAR = 6  # items at most between the stated change and the nearer of its two levels
_WITH_OK = frozenset(["compared", "comparison"])  # "compared with": the base's marker, not another clause
# words anywhere in the sentence that leave the operands in doubt
_DOUBT = frozenset(["per", "each", "apiece", "average", "averaged", "averaging", "between", "share", "stake",
                    "expected", "forecast", "forecasts", "estimate", "estimates", "estimated", "target", "targets",
                    "budget", "budgeted", "plan", "planned", "guidance", "projected", "projection", "consensus",
                    "cumulative", "combined", "total", "totalled", "totaled", "respectively", "or", "margin",
                    "annual", "annualised", "annualized", "seasonally", "real", "adjusted", "excluding", "including",
                    "except", "nominal", "points", "point", "basis", "shares", "stock", "stocks", "index"])
# words that may stand between a direction word and its percentage ("up by 4%", "a rise of 4%")
_GLUE = frozenset(["by", "of", "a", "an", "some", "about", "around", "nearly", "almost", "roughly", "more", "than",
                   "over", "just", "under", "close"])
# words after an amount that still leave it a bare figure of the unit beside it
_FUNCTION = frozenset([",", ".", ";", ":", "(", ")", "in", "on", "at", "from", "to", "than", "a", "the", "for", "by",
                       "compared", "against", "versus", "vs", "last", "this", "year", "earlier", "ago", "previously",
                       "and", "while", "as", "after", "before", "with", "was", "were", "is", "are", "—", "–", "-",
                       "said", "according", "over", "during", "since", "until", "through", "up", "down"])


def sentence_changes(a: Analysis, facts: list[FactBase]) -> None:
    """Add an arithmetic claim for each sentence whose one percentage change joins its two amounts (in place)."""
    told = {f.sentence for f in facts if isinstance(f, ArithmeticClaim)}
    for sent in a.sentences:
        if sent.index in told:
            continue
        fact = _reading(a, sent)
        if fact is not None:
            facts.append(fact)


def _unit(items: list[Item], k: int, f: Figure) -> str | None:
    """The unit an amount is of: its currency, or the noun after a count ("1,200 cars"); None for a bare number."""
    if f.kind == "money":
        return f"money:{f.currency}"
    nxt = items[k + 1] if k + 1 < len(items) else None
    if nxt is None or nxt.mention is not None or nxt.code in _FUNCTION or not nxt.code.isalpha():
        return None
    name = nxt.code.removesuffix("s") if len(nxt.code) > 3 else nxt.code
    if k + 2 < len(items) and items[k + 2].mention is None and items[k + 2].code in ("hour", "hours"):
        name += "-hour"  # "terawatt hours"
    return f"count:{_unit_names().get(name, name)}"


@cache
def _unit_names() -> dict[str, str]:
    return {str(k): str(v) for k, v in (resource("arithmetic").get("unit_names") or {}).items()}


def _is_base(items: list[Item], k: int) -> bool:
    """Whether the amount at ``k`` is marked as the earlier level."""
    j = k - 1
    while j >= 0 and k - j <= 3 and items[j].mention is None and items[j].code in _BEFORE_BASE:
        j -= 1
    if j >= 0 and items[j].mention is None and (items[j].code in _BASE or items[j].code in _COMPARED
                                                 or (items[j].code in ("with", "to") and j > 0
                                                     and items[j - 1].code in _COMPARED)):
        return True
    after = [it for it in items[k + 1 : k + 4]]
    for it in after:
        if it.mention is not None:
            return it.mention.type == "relative" and isinstance(it.mention.value.get("offset"), int | float) \
                and float(it.mention.value["offset"]) < 0 and it.text.lower().endswith(tuple(_EARLIER))
        if it.code in _EARLIER:
            return True
        if it.code not in ("a", "the", "year", "month", "quarter", "week", "previously"):
            return False
    return False


_PERIOD = frozenset(["year", "years", "month", "months", "quarter", "quarters", "week", "weeks", "earlier", "ago",
                     "previous", "prior", "yoy", "y/y", "annual", "annually", "on-year", "on-month", "on-quarter",
                     "year-on-year", "month-on-month", "quarter-on-quarter", "year-over-year", "sequentially"])
_TIMES = frozenset(["relative", "year", "date", "month", "fiscal_year", "weekday", "duration"])


def _own_period(items: list[Item], k: int, operands: tuple[int, int]) -> bool:
    """Whether the percentage at ``k`` names a period of its own before its clause ends or an operand comes ("up
    12% from a year earlier", "up 12% year-on-year"): it may not be the change between the two amounts."""
    for i in range(k + 1, len(items)):
        it = items[i]
        if i in operands or (it.mention is None and it.code in (",", ".", ";", ":", "(", ")")):
            return False
        if it.mention is not None and it.mention.type in _TIMES:
            return True
        if it.mention is None and (it.code in _PERIOD or any(p in it.code for p in ("-on-", "-over-"))):
            return True
    return False


def _stated_direction(items: list[Item], k: int) -> tuple[str | None, str | None]:
    """The direction word of the percentage at ``k`` ("rose 4%", "up by 4%", "a 4% rise") and a hedge before it."""
    w = _words()
    moves = w.up | w.down
    before: list[str] = []
    j = k - 1
    while j >= 0 and k - j <= 4 and items[j].mention is None:
        code = items[j].code
        if code in moves:
            hedge_words = " ".join(reversed(before))
            hedge = None
            for n in range(len(before), 0, -1):  # the longest hedge phrase right before the percentage
                phrase = " ".join(hedge_words.split()[-n:])
                if phrase in w.hedges:
                    hedge = w.hedges[phrase]
                    break
            if hedge is None and any(x not in ("by", "of", "a", "an") for x in before):
                return None, None  # "rose more than ... 4%": words not read here
            return _direction([code], w), hedge
        if code not in _GLUE:
            break
        before.append(code)
        j -= 1
    nxt = items[k + 1] if k + 1 < len(items) else None
    if nxt is not None and nxt.mention is None and nxt.code in moves and not before:
        return _direction([nxt.code], w), None  # "a 4% rise", "4% higher"
    return None, None


def _names_a_phrase(items: list[Item], words: frozenset[str] | set[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    """The sentence holds one of ``phrases`` (word sequences), tried only where its first word is in the sentence."""
    codes = [it.code for it in items]
    for seq in phrases:
        if not seq or seq[0] not in words:
            continue
        n = len(seq)
        if any(tuple(codes[i : i + n]) == seq for i in range(len(codes) - n + 1)):
            return True
    return False


def _reading(a: Analysis, sent: Sentence) -> ArithmeticClaim | None:
    items = sent.items
    words = sent.words
    if words & _DOUBT:
        return None
    w = _words()
    pcts: list[int] = []
    amounts: list[tuple[int, Figure]] = []
    for k, it in enumerate(items):
        m = it.mention
        if m is None:
            continue
        if m.type in ("percent", "points"):
            pcts.append(k)
        elif m.type in ("money", "number"):
            try:
                f = figure(m)
            except (OverflowError, ValueError):  # a figure too large to read ("1e999"-like digit runs)
                return None
            if f is None or not math.isfinite(f.value):
                return None
            if is_range(a.text, m) or a.text[m.end : m.end + 2].strip()[:1] in ("-", "–") or \
                    a.text[max(0, m.start - 3) : m.start].rstrip().endswith(("-", "–")):
                return None
            amounts.append((k, f))
    if len(pcts) > 1 or (pcts and items[pcts[0]].mention.type != "percent"):  # type: ignore[union-attr]
        return None
    want = 2 if pcts else 3  # a percentage and two levels, or a stated difference and two levels
    if len(amounts) < want or _names_a_phrase(items, words, (*w.not_recomputable, *w.expectations)):
        return None  # checked only where a reading is possible: the phrase search is the costly part
    group = _operands(items, amounts, want)
    if group is None:
        return None
    if pcts:
        p, stated = pcts[0], figure(items[pcts[0]].mention)
        levels = group
    else:
        marked = [x for x in group if _stated_direction(items, x[0])[0] is not None]
        if len(marked) != 1:
            return None
        (p, stated), levels = marked[0], [x for x in group if x is not marked[0]]
    if stated is None or not math.isfinite(stated.value):
        return None
    if p + 1 < len(items) and items[p + 1].code in ("of", "a", "per", "annually", "each", "every"):
        return None  # "5% of sales", "5% a year": a share or a rate, not the change
    after = a.text[items[p].end : items[p].end + 16].lower().split()
    if any(tuple(after[: len(q)]) == q for q in w.per_year):
        return None  # "grew 5% a year": a yearly rate
    direction, hedge = _stated_direction(items, p)
    if direction is None:
        return None
    first, second = levels
    lo, hi = min(first[0], second[0], p), max(first[0], second[0], p)
    if any(it.mention is None and it.code in _SPLIT and not (it.code in ("with", "to") and i > 0
                                                                and items[i - 1].code in _WITH_OK)
           for i, it in enumerate(items[lo:hi], start=lo)):
        return None
    if any(it.mention is not None and it.mention.type in ("money", "number", "percent", "points")
           and i not in (first[0], second[0], p) for i, it in enumerate(items[lo:hi], start=lo)):
        return None
    if min(abs(first[0] - p), abs(second[0] - p)) > _NEAR:
        return None  # the stated change stands apart from both levels: it may be said of something else
    moves = w.up | w.down
    if any(it.mention is None and it.code.endswith("ing") and it.code not in moves and it.code not in ("during", "having")
           for it in items[lo:hi]):
        return None  # "..., sending the shares up 3%": a clause of its own
    if _own_period(items, p, (first[0], second[0])):
        return None
    base = [x for x in (first, second) if _is_base(items, x[0])]
    if len(base) != 1:
        return None
    old = base[0]
    new = second if old is first else first
    o, n = old[1], new[1]
    if o.scale != n.scale and n.kind == o.kind == "number":
        return None
    if pcts:
        reading = _pct_change(stated, o, n)
        if reading is None or reading.unit != "percent" or reading.figures is None:
            return None
        what = "change"
    else:
        reading = _difference(stated, o, n)
        if reading is None or reading.unit != "amount":
            return None
        what = "difference"
    note = f"{stated.text!r} is taken to be the {what} from {o.text!r} to {n.text!r}"
    ends = [items[i].start for i in (old[0], new[0], p)] + [items[i].end for i in (old[0], new[0], p)]
    return claim_of(a, reading, hedge, direction, [note], Span(start=min(ends), end=max(ends)), sent.index,
                    "inferred", PATTERN_ID)


def _operands(items: list[Item], amounts: list[tuple[int, Figure]], want: int) -> list[tuple[int, Figure]] | None:
    """The ``want`` amounts of the sentence's one unit, when no other amount could be one of them: counts of
    other named things may stand beside money ("1.27 million tonnes worth 172.3 billion kroner"), nothing else."""
    units = [_unit(items, k, f) for k, f in amounts]
    named = {u for u in units if u is not None}
    if len([u for u in named if u.startswith("money:")]) > 1:
        return None  # two currencies: which is the change's is not said
    if None in units and len(named) > 1:
        return None  # a bare number beside two units: whose it is is not said
    groups: dict[str, list[tuple[int, Figure]]] = {}
    for (k, f), u in zip(amounts, units, strict=True):
        key = u if u is not None else (next(iter(named)) if named else "bare")
        groups.setdefault(key, []).append((k, f))
    sets = [g for g in groups.values() if len(g) == want]
    if len(sets) != 1 or any(len(g) > want for g in groups.values()):
        return None
    group = sets[0]
    if len(groups) > 1 and (None in units or group[0][1].kind != "money"):
        return None
    return group
