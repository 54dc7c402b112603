"""arithmetic_claim: a stated percentage change, difference or total, recomputed from its operands.

Slots (``patterns/numbers/arithmetic*.yaml``):
- ``old`` / ``new``: the two values of a change ("to X from Y"); ``set: {new: head}`` takes the new value
  from the figure the change is said of, before the match ("a ¥8.8 trillion request, a 3.9% increase
  on ¥8.47 trillion");
- ``pct``: a stated percentage change; ``diff``: a stated difference; ``total`` and ``part`` (repeated):
  a stated sum and its parts (``set: {total: head}`` for "X, made up of A and B");
- ``hedge``: a hedge before the stated result; ``dir``: words that say which way the change goes.

Like statcheck, every figure stands for the interval it was rounded from and hedges widen or bound the
stated side (``resources/en/arithmetic.yaml``); a claim is inconsistent only when no reading meets it,
or when the stated direction is the opposite of the figures'. A value taken from outside the match
when another figure could also have been meant, or a sum that may not list every part, makes the fact
``inferred``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.builders import averages, direction, vote_shares
from factcheck.extract.builders.arithmetic_levels import held_level
from factcheck.extract.builders.arithmetic_odds import likely_range
from factcheck.extract.builders.common import certainty_of
from factcheck.extract.builders.figures import AMOUNTS, Figure, comparable, difference_like, display, figure, same_scale
from factcheck.extract.builders.lists import total_is_list_item
from factcheck.extract.mentions.resources import resource
from factcheck.model.document import Span
from factcheck.model.facts import ArithmeticClaim

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.clauses.segment import Item, Sentence
    from factcheck.extract.mentions.model import Mention
    from factcheck.extract.relations.match import RelationMatch, Slot

INF = float("inf")


@dataclass(frozen=True)
class _Words:
    up: frozenset[str]
    down: frozenset[str]
    not_a_partition: frozenset[str]
    hedges: dict[str, str]  # phrase -> approx | near | lower | upper
    not_recomputable: tuple[tuple[str, ...], ...]  # word sequences
    per_year: tuple[tuple[str, ...], ...]
    measures: frozenset[str]  # nouns that name what a change is of ("revenue", "profit", "exports")
    factors: dict[str, float]  # "doubled" -> 2, "halved" -> 0.5, "three times" -> 3
    league_points: dict[str, float]  # "wins" -> 3, "draws" -> 1, "defeats" -> 0
    expectations: tuple[tuple[str, ...], ...]  # "average estimate", "analysts": an old value someone expected
    earlier_guesses: tuple[tuple[str, ...], ...]  # "earlier estimate", "previous forecast": a revised value
    own_base: tuple[tuple[str, ...], ...]  # "on the previous year", "year on year": a change with its own base


@cache
def _words() -> _Words:
    raw = resource("arithmetic")
    hedges = {phrase: kind for kind, phrases in raw["hedges"].items() for phrase in phrases}
    not_recomputable = tuple(tuple(p.lower().replace("-", " - ").split()) for p in raw["not_recomputable"])
    per_year = tuple(tuple(p.split()) for p in raw["per_year"])
    # "three-fold" is read as the tokens "three - fold"
    factors = {str(w).replace("-", " - "): float(f) for f, ws in (raw.get("factors") or {}).items() for w in ws}
    league = {str(w): float(f) for f, ws in (raw.get("league_points") or {}).items() for w in ws}
    return _Words(frozenset(raw["up"]), frozenset(raw["down"]), frozenset(raw["not_a_partition"]), hedges,
                  not_recomputable, per_year, frozenset(raw.get("measures", ())), factors, league,
                  tuple(tuple(p.split()) for p in raw.get("expectations", ())),
                  tuple(tuple(p.split()) for p in raw.get("earlier_guesses", ())),
                  tuple(tuple(p.replace("-", " - ").split()) for p in raw.get("own_base", ())))


_LISTING = frozenset(["including", "includes", "included", "among", "such as"])


def _not_a_partition(match: RelationMatch, words: _Words) -> bool:
    """The match's parts are per item ("1,150 MW each") or a selection ("including 1,120 in the capital"). A
    listing word that only names examples of a part's own kind ("investment such as cyber defence") with no
    figure after it is no selection."""
    items = match.sentence.items
    for k in range(match.first_item, match.last_item):
        code = items[k].code
        if code not in words.not_a_partition:
            continue
        if code not in _LISTING:
            return True
        if any(it.mention is not None and figure(it.mention) is not None for it in items[k + 1 : k + 4]):
            return True
    return False


_RUNNING = frozenset(["bringing", "taking", "lifting", "pushing", "brings", "brought", "takes", "took", "lifts",
                      "lifted", "pushes", "pushed"])
_ADDED = frozenset(["also", "additional", "another", "further", "extra"])


def _running_total(match: RelationMatch, slot: Slot | None) -> bool:
    """The total may hold more than the parts listed: a running total ("312 on Monday and 287 on Tuesday,
    bringing the total to 4,599": the count since the start), or parts said to come on top of others ("also won
    17 silver and 19 bronze medals, for a total of 65": the golds were named before). A sum above the total is
    still wrong; one below it is only inferred."""
    items = match.sentence.items
    if any(items[k].code in _RUNNING for k in range(match.first_item, match.last_item)):
        return True
    first = next((it for it in (slot.items if slot else []) if it.mention is not None), None)
    if first is None:
        return False
    k = items.index(first)
    return any(it.code in _ADDED and it.clause == first.clause for it in items[max(0, k - 8) : k])


_REMAINDER = frozenset(["remainder", "rest", "balance", "remaining"])
_LEAVING = frozenset(["leaving", "leaves", "left"])  # "..., leaving 300 billion euros for federal projects"


def _remainder_named(match: RelationMatch, part_slot: Slot | None = None) -> bool:
    """The sentence says, after the match starts, that the parts leave something over ("..., with the
    remainder spread across parks", "the rest going to ...", "the remaining 40%", "leaving 300 billion euros").
    A remainder that is itself one of the parts ("..., with geothermal making up the remaining 24 GW") leaves
    nothing over."""
    items = match.sentence.items
    listed = {id(m) for m in (part_slot.mentions if part_slot is not None else [])}
    return any((items[k].code in _REMAINDER and items[k - 1].code in ("the", "its", "their")
                and not (k + 1 < len(items) and id(items[k + 1].mention) in listed))
               # "leaving C" after the match: a remainder the parts do not hold (inside it, C is one of them)
               or (k >= match.last_item and items[k].code in _LEAVING
                   and any(it.mention is not None for it in items[k + 1 : k + 3]))
               for k in range(max(1, match.first_item), len(items)))


def _total_first(match: RelationMatch, part_slot: Slot | None) -> bool:
    """The total is written before its parts ("NZ$3.9 billion ..., of which A ... and B ..., with the remainder
    ..."): a remainder after the parts is that total's. After the parts ("A, B and C, together X, with the rest
    going to ...") the remainder belongs to some larger whole."""
    total = match.mention("total")
    first = next((it.mention for it in (part_slot.items if part_slot else []) if it.mention is not None), None)
    return total is not None and first is not None and total.start < first.start


_LIST_SEPARATORS = frozenset([",", "and", "plus", ";"])
_LIST_ENDS = frozenset([".", ":", "(", ")", "—", "–", "as", "while", "when", "after", "before", "but", "which", "where", "who",
                        "whose", "than", "since", "because", "with", "against", "compared", "versus", "from", "up", "down",
                        # a reporting verb closes the list: "..., four on farming, the ministry said, and the two ..."
                        "said", "says", "told", "according", "added"])


def _balance_sign(match: RelationMatch, order: str) -> str | None:
    """The way a trade balance's word says its flows go: a surplus has exports above imports, a deficit below
    ("exports of $30.1 billion and imports of $35.2 billion, leaving a surplus of $5.1 billion" is wrong however
    the amounts round). ``order`` says which of the match's values are the exports: ``exports_new`` (the change's
    new value) or ``exports_old``. None when the match names both words, or neither."""
    codes = {match.sentence.items[k].code for k in range(match.first_item, match.last_item)}
    said = codes & {"surplus", "deficit"}
    if len(said) != 1:
        return None
    up = ("surplus" in said) == (order == "exports_new")
    return "up" if up else "down"


_OUT_OF = frozenset(["them", "whom", "which", "these", "those"])


def _counted_out(match: RelationMatch) -> bool:
    """The total slot's figure is counted out of something before it ("six of them", "40 of which"): a part."""
    slot = match.get("total")
    if slot is None or not slot.items:
        return False
    items = match.sentence.items
    k = items.index(slot.items[-1])
    return k + 2 < len(items) and items[k + 1].code == "of" and items[k + 2].code in _OUT_OF


def _list_cut_short(match: RelationMatch, slot: Slot) -> bool:
    """The list of parts goes on past the match: a part with more words of its own than a list item may have
    ("0.9 trillion yen for cash handouts to low-income households and 0.6 trillion yen for ...") ends the list
    early, and the parts read would leave out the rest. When no figure of the match follows the last part, a
    separator and another figure of the parts' kind in the same clause after it mean the list was cut short."""
    items = match.sentence.items
    mentions = [it for it in slot.items if it.mention is not None]
    if not mentions:
        return False
    last = mentions[-1]
    k = items.index(last)
    if any(it.mention is not None and figure(it.mention) is not None for it in items[k + 1 : match.last_item]):
        return False  # the match goes on to its total ("A and B, a total of C")
    kind = figure(last.mention)
    separated = False
    for it in items[k + 1 :]:
        if it.code in _LIST_ENDS or it.clause != last.clause:
            return False
        if it.code in _LIST_SEPARATORS:
            separated = True
        if it.mention is not None:
            f = figure(it.mention)
            if f is not None and kind is not None and f.kind == kind.kind:
                return separated
    return False


_PARTIAL_BALANCE = frozenset(["primary", "structural", "underlying", "operating", "cyclically", "cyclically-adjusted",
                              "adjusted", "cash", "current", "non-oil", "core", "fiscal", "net"])


def _partial_balance(match: RelationMatch) -> bool:
    """A deficit that is not all revenue less all spending: "a primary deficit" (before interest), "the
    structural deficit", "an underlying cash deficit", "the non-oil deficit"."""
    items = match.sentence.items
    return any(items[k].code in _PARTIAL_BALANCE for k in range(max(0, match.first_item - 3), match.last_item))


_DATED = frozenset(["@date", "@month", "@year", "@fiscal_year", "@relative", "@weekday", "@day_of_month"])


def _dashes_spaced(match: RelationMatch, text: str) -> bool:
    """Every hyphen of the match stands between spaces, as a dash does ("The 52 medals - 18 gold, ... - were"),
    not inside a score or a range ("6-4", "2024-25")."""
    items = match.sentence.items
    return all(text[it.start - 1 : it.start] == " " and text[it.end : it.end + 1] == " "
               for it in items[match.first_item : match.last_item] if it.code == "-")


def _dated(match: RelationMatch) -> bool:
    """The match holds a date or period ("51.2 (50.8 in March and 49.9 in February)"): its figures are a series
    over time, not parts of one whole."""
    items = match.sentence.items
    return any(items[k].code in _DATED for k in range(match.first_item, match.last_item))


_BASE_WORDS = frozenset(["from", "against", "versus", "vs", "with", "to", "on", "over", "than"])


def _expected_base(match: RelationMatch, words: _Words) -> bool:
    """The old value is an expectation, not the earlier value: "rose 28% to 120.6 billion yen, versus the 117.3
    billion yen average estimate of seven analysts", "compared with analysts' forecasts of 117.3 billion yen".
    Read in the words from the comparison word to the value and in the two items after it."""
    old = match.mention("old")
    if old is None:
        return False
    items = match.sentence.items
    k = next((i for i, it in enumerate(items) if it.mention is old), None)
    if k is None:
        return False
    before: list[str] = []
    for it in reversed(items[max(match.first_item, k - 6) : k]):
        if it.code in _BASE_WORDS or it.mention is not None:
            break
        before.append(it.code)
    after = [it.code for it in items[k + 1 : k + 3] if it.mention is None]
    return _expected([*before[::-1], "@", *after], words)


def _revision_against_another_base(match: RelationMatch, words: _Words) -> bool:
    """A revision from an earlier estimate, with a change said of another base: "raised its forecast to ¥2.27
    trillion from an earlier estimate of ¥2.25 trillion, a 4.4 percent increase on the previous year" (the 4.4%
    is against last year's result, which the sentence does not give)."""
    old = match.mention("old")
    stated = match.get("pct") or match.get("diff")
    if old is None or stated is None:
        return False
    items = match.sentence.items
    k = next((i for i, it in enumerate(items) if it.mention is old), None)
    end = next((i for i, it in enumerate(items) if it is stated.items[-1]), None)
    if k is None or end is None:
        return False
    before = [it.code for it in items[max(0, k - 4) : k]]
    if not any(tuple(before[i : i + len(p)]) == p for p in words.earlier_guesses for i in range(len(before))):
        return False
    after = [w for it in items[end + 1 : end + 6] for w in it.text.lower().replace("-", " - ").split()]
    after = after[1:] if after and after[0] in words.measures | {"increase", "rise", "gain", "fall", "drop", "decline"} \
        else after
    return any(tuple(after[: len(p)]) == p for p in words.own_base)


_COMPARISONS = frozenset(["from", "against", "versus", "vs", "than", "compared"])


def _base_moves_itself(match: RelationMatch, words: _Words) -> bool:
    """The words from the comparison word to the old value say that value is another figure's new level: "rose 3%
    to $9.2 billion and imports from the US fell to $5.1 billion" (a verb of change or "to" before it)."""
    old = match.mention("old")
    if old is None:
        return False
    items = match.sentence.items
    k = next((i for i, it in enumerate(items) if it.mention is old), None)
    if k is None:
        return False
    moved = False
    for j in range(k - 1, max(match.first_item, k - 6) - 1, -1):
        it = items[j]
        if it.code in _COMPARISONS:
            return moved  # the words between the comparison word and the value
        if it.mention is not None and figure(it.mention) is not None:
            return False
        if it.code == "to" and j > 0 and items[j - 1].code == "compared":
            continue  # "compared to"
        if it.code == "to" or it.code in words.up or it.code in words.down:
            moved = True
    return False


def _expected(codes: list[str], words: _Words) -> bool:
    """``codes`` hold a phrase of someone's expectation ("average estimate", "economists", "consensus")."""
    return any(tuple(codes[i : i + len(p)]) == p for p in words.expectations for i in range(len(codes)))


def _adjusted(match: RelationMatch, words: _Words) -> bool:
    """The clause of a change says it is adjusted, annualised or per head ("a real-terms increase of 2%")."""
    sent = match.sentence
    home = {sent.items[match.first_item].clause, sent.items[match.last_item - 1].clause}
    # words as written, mentions too ("5% a year": "a year" is a duration mention)
    text = " " + " ".join(w for it in sent.items if it.clause in home
                          for w in it.text.lower().replace("-", " - ").split()) + " "
    if any(" " + " ".join(phrase) + " " in text for phrase in words.not_recomputable):
        return True
    pct = match.get("pct")
    if pct is not None:  # "5% a year": a yearly rate, not the change between the figures
        after = [w for it in sent.items if it.start >= pct.end for w in it.text.lower().split()][:3]
        if any(tuple(after[: len(p)]) == p for p in words.per_year):
            return True
    return False


@dataclass(frozen=True)
class _Reading:
    relation: str
    stated: Figure
    point: float
    low: float
    high: float
    operands: list[float]
    unit: str
    actual_direction: str | None = None
    interval: tuple[float, float] | None = None  # the stated side, when not the stated figure's rounding
    stated_text: str | None = None  # the stated result as written, when not a figure ("more than doubled")
    stated_direction: str | None = None  # the way the stated result says it goes, when no `dir` slot says
    computed_text: str | None = None
    figures: tuple[Figure, Figure] | None = None  # the old and new amounts of a percentage change
    printed: float | None = None  # a gap in points as the two printed rates give it, when stated to their decimals


def build(match: RelationMatch, a: Analysis) -> ArithmeticClaim | None:
    """The claim a match reads. When the value a change is said of, or a total, is taken from earlier in the
    sentence and more than one figure could be meant ("averaged 41,250 spectators over their 19 home games,
    up 4.6% from 39,430"), a reading with a farther candidate that adds up is preferred to the nearest."""
    spec = match.pattern.spec.set
    if spec.get("whole") in ("vote", "listed"):
        return vote_shares.build(match, a)
    if spec.get("average"):
        return averages.build(match, a)
    if spec.get("direction_only"):
        return direction.build(match, a)
    first = _build(match, a, 0)
    if first is None or first.consistent or not {"head", "previous"} & {spec.get("new"), spec.get("total"),
                                                                        spec.get("diff"), spec.get("old")}:
        return first
    for pick in (1, 2):
        state: dict[str, bool] = {}
        other = _build(match, a, pick, state)
        if state.get("exhausted"):
            break
        if other is None and spec.get("total") == "previous":
            continue  # a farther total of the sentence before the parts fall short of: the nearest still reads
        if other is None or (other.consistent and other.stated_low <= other.computed <= other.stated_high):
            # a farther candidate that adds up as printed (not only within a coarse figure's rounding: "2 trillion
            # yen" would fit most changes), or with which the parts say nothing ("412 of the 1,020 seats in the
            # state's 25 largest towns, with the Greens taking 187, ..."): the nearest is no sure reading
            return other
    return first


def _build(match: RelationMatch, a: Analysis, pick: int, state: dict[str, bool] | None = None,
           ) -> ArithmeticClaim | None:
    words = _words()
    inferred: list[str] = []
    spec = match.pattern.spec.set
    if (not spec.get("subset") and match.get("part") is not None and match.get("each") is None
            and _not_a_partition(match, words)):
        return None
    total_m, part_slot = match.mention("total"), match.get("part")
    if total_m is not None and part_slot is not None and total_is_list_item(match.sentence.items, total_m,
                                                                            part_slot.mentions):
        return None  # "$1.18 billion for public works, $0.94 billion for health ...": one item of a list
    if total_m is not None and _second_of_a_score(match, total_m):
        return None  # "outshot them 38-25, including 11 ...": the rival's figure of a score is no total of these
    if spec.get("no_dates") and _dated(match):
        return None
    if _a_factor(match, match.mention("diff")):
        return None  # "7,242 gigawatts, 2.1 times greater than the 3,380 gigawatts": a multiple, no difference
    if spec.get("spaced_dashes") and not _dashes_spaced(match, a.text):
        return None  # "beating her 6-4, 3-6, 7-5": scores, not a total and its parts between dashes
    if spec.get("leads") and not _leads_sentence(match):
        return None  # "in favour of the budget proposals, with 80 against ...": no back-reference to a total
    if spec.get("balance") and _partial_balance(match):
        return None
    if part_slot is not None and not spec.get("periods") and _list_cut_short(match, part_slot):
        return None
    note = match.pattern.spec.set.get("inferred")
    if isinstance(note, str):  # the pattern's reading is a guess ("61 bodies, 38 from the river and 23 ...")
        inferred.append(note)
    reading = _read(match, a, inferred, pick, state)
    if reading is None or (reading.relation != "total" and _adjusted(match, words)):
        return None
    if reading.relation in ("percent_change", "difference") and _expected_base(match, words):
        return None  # measured against an estimate: no change between the two values is claimed
    if reading.relation in ("percent_change", "difference") and _revision_against_another_base(match, words):
        return None  # the change is against last year's result, not the estimate the value was revised from
    if reading.relation in ("percent_change", "difference") and _base_moves_itself(match, words):
        return None  # "... to $9.2 billion and imports from the US fell to $5.1 billion": another figure's level
    hedge_words = match.words("hedge")
    hedge = words.hedges.get(hedge_words) if hedge_words else None
    direction = reading.stated_direction or _direction(match.words("dir").split(), words)
    if direction is None and reading.relation == "difference" and spec.get("balance_sign"):
        order = str(spec["balance_sign"])
        direction = _balance_sign(match, order)
        if direction is not None and reading.actual_direction in ("up", "down"):
            above = (reading.actual_direction == "up") == (order == "exports_new")  # exports above imports
            reading = replace(reading, computed_text=("a surplus of " if above else "a deficit of ")
                              + _computed_text(reading, None))
    return claim_of(a, reading, hedge, direction, inferred, Span(start=match.start, end=match.end),
                    match.sentence.index, certainty_of(match), match.pattern.id)


def _a_factor(match: RelationMatch, m: Mention | None) -> bool:
    """The number ``m`` counts times ("2.1 times greater than", "three-fold"): a multiple, not an amount."""
    if m is None or m.type != "number":
        return False
    items = match.sentence.items
    k = next((i for i, it in enumerate(items) if it.mention is m), None)
    if k is None or k + 1 >= len(items):
        return False
    nxt = items[k + 1].code
    return nxt in _FACTOR_WORDS or (nxt == "-" and k + 2 < len(items) and items[k + 2].code in _FACTOR_WORDS)


def _second_of_a_score(match: RelationMatch, total: Mention) -> bool:
    """The total is the second figure of a score or tally written with a dash ("38-25", "94-68")."""
    items = match.sentence.items
    k = next((i for i, it in enumerate(items) if it.mention is total), -1)
    return (k >= 2 and items[k - 1].code == "-" and items[k - 2].mention is not None
            and items[k - 2].mention.type == "number" and total.type == "number")


def claim_of(a: Analysis, reading: _Reading, hedge: str | None, direction: str | None, inferred: list[str],
             span: Span, sentence: int, certainty: str, pattern: str) -> ArithmeticClaim:
    """The claim of a reading: the stated side widened by its rounding and hedge, the computed side narrowed to
    its likely readings; ``inferred`` when anything was (``certainty`` otherwise)."""
    stated = reading.stated
    if reading.relation in ("percent_change", "share") and stated.decimals > 0:
        # a percentage given to a decimal is usually worked out from the unrounded figures, not the rounded
        # ones printed beside it ("declined 20.1% to Rs 6,374 crore from Rs 7,969 crore" is 20.0% as
        # printed): one unit of its last decimal either way, not half
        stated = replace(stated, half=2 * stated.half)
    s_lo, s_hi = reading.interval or _stated(stated, hedge)
    if reading.relation == "share" and hedge is None:
        # a share is often cut rather than rounded ("two of three, or 66%"): up to a unit of its last decimal over
        s_hi = max(s_hi, reading.stated.value + 2 * reading.stated.half)
    c_lo, c_hi = reading.low, reading.high
    if (reading.printed is not None and hedge is None and abs(reading.printed - reading.stated.value) > 1e-9
            and c_hi >= s_lo and c_lo <= s_hi):
        # "rose 0.3 points to 5.6% from 5.2%": a gap stated to the rates' own decimals is, as printed, 0.4; it
        # holds only if both rates were rounded from values the text does not give (a warning that says so)
        c_lo = c_hi = reading.printed
        inferred.append(f"the printed rates give {reading.printed:g} points; {reading.stated.text} holds only "
                        "for unrounded rates the text does not give")
    if reading.figures is not None and hedge is None and c_hi >= s_lo and c_lo <= s_hi:
        unlikely = _unlikely(*reading.figures, s_lo, s_hi)
        if unlikely is not None:  # met only by an unlikely reading of the figures: a warning that says which
            c_lo, c_hi, note = unlikely
            inferred.append(note)
    return ArithmeticClaim(
        span=span,
        text=a.text[span.start : span.end],
        sentence=sentence,
        relation=reading.relation,  # type: ignore[arg-type]
        stated=float(f"{reading.stated.value:.12g}"),
        stated_text=reading.stated_text or reading.stated.text,
        computed=round(reading.point, 6),
        computed_low=round(c_lo, 6),
        computed_high=round(c_hi, 6),
        stated_low=round(s_lo, 6),
        stated_high=round(min(s_hi, 1e18), 6),
        operands=[float(f"{v:.12g}") for v in reading.operands],
        unit=reading.unit,
        hedge={"approx": "approx", "near": "approx", "lower": "lower_bound", "upper": "upper_bound"}.get(
            hedge or "", "exact"),  # type: ignore[arg-type]
        computed_text=reading.computed_text or _computed_text(reading, direction),
        stated_direction=direction if reading.actual_direction is not None else None,  # type: ignore[arg-type]
        actual_direction=reading.actual_direction,  # type: ignore[arg-type]
        certainty="inferred" if inferred else certainty,  # type: ignore[arg-type]
        inferred="; ".join(inferred) or None,
        pattern=pattern,
    )


_OPENERS = frozenset(['"', "“", "‘", "'", "and", "but", "yet", "so"])


def _leads_sentence(match: RelationMatch) -> bool:
    """The match opens its sentence ("Of the total, ..."), after at most a quotation mark or a conjunction."""
    return all(it.code in _OPENERS for it in match.sentence.items[: match.first_item])


def _same_clause_parts(slot: Slot | None) -> list[Mention]:
    """The mentions of a list slot that sit in its first item's clause: "14 in Dareth and nine in Kolvan,
    where about 6,000 people remain" lists two parts, not three (the last is in a relative clause)."""
    if slot is None:
        return []
    items = [it for it in slot.items if it.mention is not None]
    if not items:
        return []
    home = items[0].clause
    return [it.mention for it in _without_counted_things(slot) if it.clause == home]  # type: ignore[misc]


def _without_counted_things(slot: Slot) -> list[Item]:
    """The mention items of a list slot, less the counts of what its amounts of money are for (in "₹18,500 crore
    for 97 engines, ₹12,300 crore for six aircraft", 97 and six count things bought) and the amounts said to come
    on top ("..., with another 200 to follow"): they are no parts."""
    items = slot.items
    money = any(it.mention is not None and it.mention.type == "money" for it in items)
    first = next((k for k, it in enumerate(items) if it.mention is not None), 0)
    return [it for k, it in enumerate(items) if it.mention is not None
            and not (money and it.mention.type == "number" and k > 0 and items[k - 1].code in ("for", "of"))
            # "..., with another 200 to follow": more than the parts, not one of them
            and not (k > first and items[k - 1].code in _ADDED)
            # "Sh2.5 trillion, a slight improvement from the Sh2.46 trillion allocated last year, and ...": a part's
            # earlier value, the base it is compared with, is no part
            and not (k > first and _compared_base(items, k))]


_FACTOR_WORDS = frozenset(["times", "fold", "-fold", "x"])


_BASE_WORDS = frozenset(["from", "than", "against", "versus", "vs"])


def _compared_base(items: list[Item], k: int) -> bool:
    """The figure at ``k`` is what another is compared with: right after "from", "than", "against", "compared with"
    (a "the" or "its" between)."""
    j = k - 1
    if j >= 0 and items[j].code in ("the", "its", "their", "a", "an"):
        j -= 1
    if j < 0:
        return False
    return items[j].code in _BASE_WORDS or (items[j].code == "with" and j > 0 and items[j - 1].code == "compared")


def _as_count(f: Figure | None) -> Figure | None:
    return replace(f, kind="number") if f is not None and f.kind == "points" else f


def _read(match: RelationMatch, a: Analysis, inferred: list[str], pick: int = 0,
          state: dict[str, bool] | None = None) -> _Reading | None:
    pct = figure(match.mention("pct")) or _fraction(match)
    diff = figure(match.mention("diff"))
    old = figure(match.mention("old"))
    new = figure(match.mention("new"))
    total = figure(match.mention("total"))
    part_slot = match.get("part")
    spec = match.pattern.spec.set
    # "27 of the 30 delegations; the other three abstained": the pattern places each part itself
    in_parts = ([it.mention for it in _without_counted_things(part_slot)  # type: ignore[misc]
                 ] if part_slot is not None and spec.get("parts_across_clauses")
                else _same_clause_parts(part_slot))
    # "7,242 GW, a 2.1-fold increase from the 3,379 GW": a multiple is no part
    parts = [f for f in (figure(m) for m in in_parts if not _a_factor(match, m)) if f is not None]
    if spec.get("parts") == "previous_counted":
        # "... 98 billion yen on shelters. The three programmes add up to 793 billion yen": the parts are the
        # figures of the sentence before, as many as the back-reference counts
        return _counted_previous_total(match, a, total, inferred)
    if spec.get("counts"):
        # a tally ("on 31 points", "1,248 points"): "points" there are a count, not percentage points
        diff, old, new, total = (_as_count(f) for f in (diff, old, new, total))
        if spec.get("exact"):  # a league table's tallies are whole points, never rounded
            diff, old, new = (replace(f, half=0.0) if f is not None and not f.decimals else f
                              for f in (diff, old, new))
    elif diff is not None and diff.kind == "points" and old is not None and old.kind == "number":
        m = match.mention("diff")
        if m is not None and not m.value.get("basis") and "percent" not in m.text.lower():
            diff = _as_count(diff)  # "closed at 24,310, up 182 points from 24,128": index points between counts
    if pct is not None and pct.kind != "percent":
        return None
    if spec.get("aggregate"):
        return _aggregate(match, total)
    if spec.get("league_points"):
        return _league_points(match, total)
    if spec.get("share"):
        # the figures between the part and its percentage are what may make it another's; with the total
        # leading the parts ("Of the X budget, A ... and B ..., about 35% of the total") they are the other parts
        after = "part" if spec.get("total_leads") else "total"
        if _compared_after(match) or _figure_between(match, after, "pct"):
            return None
        if pct is None and spec.get("pct") == "previous_rate":
            pct = _previous_rate(match, a, inferred)
        part = figure(match.mention("part"))
        if spec.get("pair") == "previous_target" and part is None and total is None:
            # "The fiscal deficit stood at Rs 16.54 lakh crore as against the budgetary target of Rs 17.86 lakh crore.
            # With this, the fiscal gap has reached 92.6 percent of the budgetary target"
            part, total = _previous_against_target(match, a, inferred) or (None, None)
        if spec.get("whole") == "sum":
            # "2,316 in favour and 742 against, or 75.7%": the votes cast are the two counts together; a
            # percentage followed by "against" is the share of the second count
            other = figure(match.mention("other"))
            total = _sum_of(part, other)
            if _said_against(match):
                part = other
        return _share(pct, part, total, bool(match.words("part_hedge")))
    fold = figure(match.mention("fold"))
    if fold is not None:  # "rose three-fold": the multiple is the number
        return _ratio("", match.words("hedge"), old, new, f"{fold.text}-fold", fold.value)
    if match.get("factor") is not None:
        if _factor_of_another(match):
            return None
        return _ratio(match.words("factor"), match.words("hedge"), old, new, match.text("factor"))
    each = figure(match.mention("each"))
    if each is not None:
        # "with the Centre and the state each contributing ₹1,110 crore and the remaining ₹4,011 crore from loans":
        # two sharers named before "each" pay that amount apiece
        if not _two_sharers(match):
            return None
        parts = [each, each, *parts]
    if parts and spec.get("compound"):
        return _cumulative(match, parts, total)
    if parts and spec.get("periods"):
        return _periods(match, total, inferred)
    if parts:
        if total is None and spec.get("total") == "head":
            total = _head(match, a, parts[0], inferred, "the total", pick, state)
        if total is None and spec.get("total") == "previous":
            total = _previous(match, a, parts, inferred, pick, state)
            rest = _remainder_next(match, a, parts[0]) if total is not None else None
            if rest is not None:
                # "Of this amount, A ... and B .... The remaining C ...": the next sentence names the rest, so the
                # parts are all of the total
                inferred.append("the next sentence's remainder is taken as the last part")
                return _total([*parts, rest], total, False, inferred, False, None, False, True)
        if total is None and spec.get("total") == "only_previous":
            total = _only_previous(match, a, parts[0], inferred, "the total")
        if total is not None and _first_item_of_the_list(match, total, parts):
            return None
        if _counted_out(match):
            return None  # "14 accords, six of them on energy, five on ports and ...": "six" is a part, no total
        lead = _lead(match)
        if any(match.sentence.items[k].code == "net" for k in range(match.first_item, match.last_item)):
            return None  # "opened 362 and closed 140, a net addition of 222, bringing its total to ...": a difference
        partial = bool(spec.get("partial")) or _running_total(match, part_slot)
        # "118 medals (41 silver and 39 bronze)", the golds told before: two parts in brackets may be a part of the
        # breakdown, so only a sum above the total is read
        short_ok = bool(spec.get("two_may_be_partial")) and len(parts) <= 2
        # parts said to leave a remainder ("with the remainder spread across ...") are short of their total
        # by design: only a sum above it is read
        # a total written before its parts ("X, made up of A, B and C", "Of the 120 seats, A won ..., B ... and C
        # ..."): the list that follows is what it is made of, so no shorter run of it is read
        every = bool(spec.get("all_parts")) or (total is not None and total.start < parts[0].start)
        return _total(parts, total, partial, inferred, bool(spec.get("subset")), lead,
                      short_ok or (_remainder_named(match, part_slot) and _total_first(match, part_slot)), every)
    if spec.get("flows") == "previous" and diff is not None and old is None and new is None:
        # "... exports rose to 98.4 billion euros, while imports fell to 81.7 billion euros. That left a surplus of
        # 16.7 billion euros": the flows are the sentence before's
        new, old = _previous_flows(match, a, diff, inferred) or (None, None)
    if spec.get("diff") == "previous_balance" and diff is None and old is not None and new is not None:
        # "Brazil posted a trade surplus of $8.9 billion in September. Exports grew 4.4% to $28.4 billion, while
        # imports fell to $19.5 billion": the balance is the sentence before's
        diff = _previous_balance(match, a, new, inferred)
        if diff is None:
            return None
    if old is None and new is not None and spec.get("old") == "previous":
        # "... a deficit of $78.3 billion. The budget office put it at $68.5 billion, about $20 billion less than
        # the government's figure": the figure compared with is the one like it in the sentence before
        old = _only_previous(match, a, new, inferred, "the figure it is compared with")
    if old is None and new is not None and spec.get("old") == "head":
        # "blend 2% in 2025, rising to 6% in 2030, four percentage points higher": the level it rises from
        old = _head(match, a, new, inferred, "the value the change starts from", pick, state)
    if old is None:
        if new is None and spec.get("new") == "head" and pct is not None and diff is not None:
            # "Exports were $2,230.3 billion, down $112.9 billion or 4.8 percent": the change is said of the value
            # before it, and the base is that value less the change
            new = _head(match, a, diff, inferred, "the value the change is said of", pick, state)
        if pct is not None and diff is not None and new is not None:
            return _pct_of_result(pct, diff, new, _direction(match.words("dir").split(), _words()))
        return None
    if new is None and spec.get("new") == "head":
        new = _head(match, a, old, inferred, "the value the change is said of", pick, state)
    if new is None and spec.get("new") == "previous":
        new = _only_previous(match, a, old, inferred)
    if new is None and spec.get("new") == "held_before":
        new = _held_before(match, a, inferred)
    if new is None and spec.get("new") == "previous_exports":
        new = _previous_exports(match, a, old, inferred)
    if new is None and spec.get("new") == "previous_votes":
        new = _previous_votes(match, a, old, inferred)
    if diff is None and pct is None and spec.get("diff") == "head":
        diff = _head(match, a, old, inferred, "the difference", pick, state)
    if diff is None and pct is None and spec.get("diff") == "previous_move":
        diff = _previous_move(match, a, inferred)
    if pct is not None and diff is not None and new is None:
        return _pct_of_base(pct, diff, old)
    if pct is None and diff is None and spec.get("pct") == "previous" and new is not None:
        pct = _change_before(match, a, inferred)
    if pct is None and diff is None and spec.get("pct") == "next" and new is not None:
        pct = _change_next(match, a, inferred)
    if new is None or not comparable(old, new):
        return None
    old, new = same_scale([old, new])
    if pct is not None:
        return _pct_change(pct, old, new)
    if diff is not None:
        if not difference_like(diff, old):
            return None
        diff = same_scale([diff, old, new])[0]
        if _policy_step(diff, old, new):
            old, new = replace(old, half=0.0), replace(new, half=0.0)
        return _difference(diff, old, new)
    return None


# words between a figure and a list that make the figure the list's total ("9.6 GW: A, B and C", "made up of")
_TOTAL_OPENERS = frozenset([":", "consists", "consisting", "comprises", "comprising", "made", "including", "includes",
                            "split", "divided", "broken", "which"])


def _first_item_of_the_list(match: RelationMatch, total: Figure, parts: list[Figure]) -> bool:
    """A total read in the parts' own sentence, before them, that is smaller than one of them: "16.5 trillion won
    will go to research, 66.3 trillion won to defense and ..." is the first item of their list, not their total (a
    total of the sentence before that a part exceeds is another matter: that part is wrong)."""
    if not match.sentence.items or total.start < match.sentence.items[0].start or total.start > parts[0].start:
        return False
    between = {it.code for it in match.sentence.items if total.start < it.start < parts[0].start}
    if between & _TOTAL_OPENERS:
        return False  # "secured 9.6 GW of capacity: 10.2 GW of offshore wind, ...": the total, its part wrong
    figs = same_scale([*parts, total])
    return any(p.low > figs[-1].high for p in figs[:-1])


def _two_sharers(match: RelationMatch) -> bool:
    """The words before "each" name two sharers: one "and" between them, no comma and no figure ("the Centre
    and the Delhi government each ...")."""
    slot = match.get("each")
    if slot is None or not slot.items:
        return False
    items = match.sentence.items
    k = items.index(slot.items[0])
    before: list[str] = []
    for it in reversed(items[match.first_item : k]):
        if it.code == "with":
            break
        before.append(it.code)
    return before.count("and") == 1 and "," not in before and not any(c.startswith("@") and c in (
        "@money", "@number", "@percent") for c in before)


def _whole_of_a_part(items: list[Item], k: int) -> bool:
    """The figure at ``k`` is the whole a figure before it is part of ("47 of the chamber's 101 seats", "412 of
    618 votes")."""
    for j in range(k - 1, max(-1, k - 5), -1):
        if items[j].code == "of":
            return j > 0 and items[j - 1].mention is not None and figure(items[j - 1].mention) is not None
        if items[j].mention is not None:
            return False
    return False


def _head(match: RelationMatch, a: Analysis, like: Figure, inferred: list[str], what: str,
          pick: int = 0, state: dict[str, bool] | None = None) -> Figure | None:
    """The nearest figure before the match, in its sentence, comparable with ``like`` and not inside a
    parenthesis (a conversion, "($42 billion)"). Certain only when it is the only such figure and no
    semicolon or coordinated clause stands between it and the match."""
    sent = match.sentence
    home = sent.items[match.first_item].clause
    found: list[tuple[Figure, bool]] = []
    crossed = adjacent = False
    for k in range(match.first_item - 1, -1, -1):
        it = sent.items[k]
        if it.code == ";":
            crossed = True
        clause = sent.clauses[it.clause]
        if clause.kind == "coordinate" and it.clause != home:
            crossed = True
        if it.mention is None or clause.kind == "paren":
            continue
        f = figure(it.mention)
        if f is not None and f.kind == "points" and like.kind == "number" and not it.mention.value.get("basis"):
            f = _as_count(f)  # "Their 89 points were 11 more than last season's 78": a tally, not percentage points
        if f is None or (f.kind in AMOUNTS) != (like.kind in AMOUNTS) or not comparable(f, like):
            continue
        if f.kind == "number" and (it.mention.value.get("word") or (like.scaled and not f.scaled)):
            continue
        if what != "the total" and _whole_of_a_part(sent.items, k):
            continue  # "holds 47 of the chamber's 101 seats, four short of ...": the part is what is compared
        if not found and k == match.first_item - 1 and not crossed and not _is_base(sent.items, k):
            adjacent = True  # "should reach 41.6 billion yen, down 6.3 billion yen": the figure the change is said of
        found.append((f, crossed))
    sole = match.pattern.spec.set.get("head") == "sole"
    if not found or (len(found) > 1 and sole and not adjacent):
        return None  # "sole": a reading only when one figure could be meant, or the one right before the match
    if pick >= len(found):
        if state is not None:
            state["exhausted"] = True  # no farther candidate
        return None
    nearest, far = found[pick]  # pick > 0: a farther candidate (see build)
    if (len(found) > 1 and not (sole and adjacent and pick == 0)) or far:
        inferred.append(f"{what} ({nearest.text}) is taken from earlier in the sentence")
    return nearest


_BASE_OF_A_CHANGE = frozenset(["from", "than", "versus", "against"])


def _is_base(items: list[Item], k: int) -> bool:
    """The figure at ``k`` is the base of a change ("from $4.9 billion"), not a value a later change is said of."""
    return k > 0 and items[k - 1].code in _BASE_OF_A_CHANGE
_BEFORE_A_BASE = frozenset(["the", "its", "their", "a", "an", "last", "year's", "this", "that"])


def _after_base(items: list[Item], k: int) -> bool:
    """The figure at ``k`` is the base of a change or comparison, over a determiner or two ("bigger than the
    N49.99 trillion approved for 2025", "up from last year's 4.2%")."""
    j = k - 1
    while j >= 0 and k - j <= 3 and items[j].mention is None and items[j].code in _BEFORE_A_BASE:
        j -= 1
    return j >= 0 and items[j].code in _BASE_OF_A_CHANGE


def _previous(match: RelationMatch, a: Analysis, parts: list[Figure], inferred: list[str], pick: int = 0,
              state: dict[str, bool] | None = None) -> Figure | None:
    """"Of the total, ¥11.7 trillion ... and ¥6.0 trillion ...": the total is the last figure of the
    sentence before that is comparable with the parts and not below the largest of them (an inference across
    sentences: "... had risen to 126, with 26 people still missing. Of the dead, 81 ...": 126); ``pick`` 1, 2
    take the ones before it, when the parts add up to one of those."""
    like = parts[0]
    largest = max(p.low for p in parts)
    prev = _sentence_before(match, a)  # None also for the previous window of one long sentence
    if prev is None:
        return None
    seen = 0
    for k in range(len(prev.items) - 1, -1, -1):
        it = prev.items[k]
        if it.mention is None or prev.clauses[it.clause].kind == "paren":
            continue
        if _after_base(prev.items, k):
            continue  # "climbed to 590 GW from 509 GW": the earlier value a change is measured from is no total now
        f = figure(it.mention)
        if f is not None and f.kind in AMOUNTS and comparable(f, like) and f.high >= largest:
            if seen < pick:
                seen += 1
                continue
            inferred.append(f"the total ({f.text}) is taken from the sentence before")
            return f
    if state is not None and pick:
        state["exhausted"] = True
    if not pick:
        # "... a 2.8 trillion yen budget. Of the total, 3.4 trillion yen ...": a part above the one figure like it in
        # the sentence before is more than that total
        money = _money_of(prev, like)
        alone = [f for k, f in money if f.kind == like.kind and not _after_base(prev.items, k)]
        if len(alone) == 1 and len(money) == 1:
            inferred.append(f"the total ({alone[0].text}) is taken from the sentence before")
            return alone[0]
    return None


# words that make the figures of a sentence something other than parts of one whole: a change, a comparison
_NOT_PARTS = frozenset(["from", "than", "compared", "versus", "against", "previous", "earlier", "each", "per", "average",
                        "including", "among", "such", "respectively"])
_ADDING = frozenset(["and", "or", "plus", "with", "along", "besides", "excluding", "except"])


def _counted_previous_total(match: RelationMatch, a: Analysis, total: Figure | None,
                            inferred: list[str]) -> _Reading | None:
    """"Tokyo will spend 410 billion yen on ..., 265 billion yen on ... and 98 billion yen on .... The three
    programmes add up to 793 billion yen": the parts are every figure like the total in the sentence before, and
    only when the back-reference counts exactly that many (an inference across sentences: at most a warning). A
    sentence before that compares or changes its figures ("up from", "than", "each") holds no parts."""
    count = figure(match.mention("count"))
    if total is None or count is None or count.kind != "number" or not 2 <= count.value <= 8:
        return None
    slot = match.get("count")
    k = match.sentence.items.index(slot.items[-1]) if slot is not None and slot.items else match.first_item
    if any(it.code in _ADDING for it in match.sentence.items[k + 1 : match.last_item]):
        return None  # "The two crops and tea accounted for ...": more than the counted parts
    prev = _sentence_before(match, a)  # None also for the previous window of one long sentence
    if prev is None:
        return None
    words = _words()
    if any(_compares(prev.items, k, words) for k in range(len(prev.items))):
        return None
    parts: list[Figure] = []
    for it in prev.items:
        if it.mention is None or prev.clauses[it.clause].kind == "paren":
            continue
        f = figure(it.mention)
        if f is None or (f.kind not in AMOUNTS and f.kind != "percent") or it.mention.value.get("word"):
            continue
        if not comparable(f, total) or f.kind != total.kind:
            return None  # figures of another kind beside them: which are the parts is a guess
        parts.append(f)
    if len(parts) != int(count.value):
        return None
    inferred.append(f"the parts ({', '.join(p.text for p in parts)}) are taken from the sentence before")
    return _total(parts, total, False, inferred, every=True)


_RANKS = frozenset(["ahead", "behind"])


def _compares(items: list[Item], k: int, words: _Words) -> bool:
    """Item ``k`` compares or changes the figures of its sentence ("up from", "than", "each"). A ranking
    ("34.8% of the vote, ahead of the conservatives on 27.1%") lists results; it compares nothing."""
    code = items[k].code
    if code in _RANKS and k + 1 < len(items) and items[k + 1].code == "of":
        return False
    return code in _NOT_PARTS or code in words.up or code in words.down


_BALANCES = frozenset(["surplus", "deficit", "gap", "balance", "shortfall"])
_FLOW_END = frozenset([".", ";", "(", ")"])


_REMAINDER_OPENERS = (("the", "remaining"), ("the", "rest"), ("the", "balance"), ("the", "remainder"))


def _remainder_next(match: RelationMatch, a: Analysis, like: Figure) -> Figure | None:
    """The figure a next sentence opens with as what is left ("The remaining 13 million euros will cover ...",
    "The rest, 9 billion yen, ..."), comparable with the parts."""
    index = _sentence_index(match, a)
    if index is None or index + 1 >= len(a.sentences):
        return None
    nxt = a.sentences[index + 1]
    if nxt.index != match.sentence.index + 1 or len(nxt.items) < 3:
        return None
    words = tuple(it.text.lower() for it in nxt.items[:2])
    if words not in _REMAINDER_OPENERS:
        return None
    for it in nxt.items[2:5]:
        f = figure(it.mention) if it.mention is not None else None
        if f is None:
            continue
        if f.kind != like.kind or f.currency != like.currency:
            return None  # "The remaining 12 players ...": another kind of thing than the parts
        return f
    return None


def _sentence_index(match: RelationMatch, a: Analysis) -> int | None:
    """Where the match's sentence stands in the document's list of sentences."""
    return next((k for k, s in enumerate(a.sentences) if s is match.sentence), None)


def _sentence_before(match: RelationMatch, a: Analysis) -> Sentence | None:
    index = _sentence_index(match, a)
    if not index:
        return None
    prev = a.sentences[index - 1]
    return prev if prev.index == match.sentence.index - 1 else None


def _money_of(prev: Sentence, like: Figure) -> list[tuple[int, Figure]]:
    """The figures of a sentence comparable with ``like``, outside parentheses, with their item index."""
    out = []
    for k, it in enumerate(prev.items):
        if it.mention is None or prev.clauses[it.clause].kind == "paren":
            continue
        f = figure(it.mention)
        if f is not None and f.kind in AMOUNTS and not it.mention.value.get("word") and comparable(f, like):
            out.append((k, f))
    return out


def _previous_flows(match: RelationMatch, a: Analysis, diff: Figure,
                    inferred: list[str]) -> tuple[Figure, Figure] | None:
    """The exports and imports of the sentence before: its only two amounts like the balance, the first after
    the one word "exports" and the second after the one word "imports" (an inference across sentences)."""
    prev = _sentence_before(match, a)
    if prev is None:
        return None
    codes = [it.code for it in prev.items]
    if codes.count("exports") != 1 or codes.count("imports") != 1 or any(c in _BALANCES for c in codes):
        return None  # a balance of its own, or flows named twice ("exports to the US ...")
    figs = _money_of(prev, diff)
    if len(figs) != 2:
        return None
    flows: dict[str, Figure] = {}
    for word in ("exports", "imports"):
        k = codes.index(word)
        after = [f for j, f in figs if k < j <= k + 12 and not any(c in _FLOW_END for c in codes[k:j])]
        if not after:
            return None
        flows[word] = after[0]
    if flows["exports"] is flows["imports"]:
        return None
    inferred.append(f"the exports ({flows['exports'].text}) and imports ({flows['imports'].text}) are taken from the "
                    "sentence before")
    return flows["exports"], flows["imports"]


_TALLIES = frozenset(["votes", "ballots", "seats", "points"])


def _previous_votes(match: RelationMatch, a: Analysis, like: Figure, inferred: list[str]) -> Figure | None:
    """The winner's tally in the sentence before, for a rival's tally and the margin between them ("... elected with
    412 of 618 votes. Her rival received 189 votes, a margin of 223"): the one count of that sentence followed by
    "of N" or by a noun of tally (an inference across sentences)."""
    prev = _sentence_before(match, a)
    if prev is None:
        return None
    found: list[Figure] = []
    items = prev.items
    for k, it in enumerate(items):
        if it.mention is None or prev.clauses[it.clause].kind == "paren":
            continue
        f = figure(it.mention)
        if f is None or f.kind != "number" or it.mention.value.get("word") or _whole_of_a_part(items, k):
            continue  # "412 of 618 votes": the tally is 412, 618 is the whole
        nxt = items[k + 1].code if k + 1 < len(items) else ""
        if nxt in _TALLIES or (nxt == "of" and k + 2 < len(items) and items[k + 2].code == "@number"):
            found.append(f)
    if len(found) != 1 or not comparable(found[0], like):
        return None
    inferred.append(f"the winner's tally ({found[0].text}) is taken from the sentence before")
    return found[0]


def _previous_exports(match: RelationMatch, a: Analysis, like: Figure, inferred: list[str]) -> Figure | None:
    """The exports of the sentence before, for imports and a balance stated after them: its one amount like the
    imports, after its one word "exports" (not "exports to China": one market's), in a sentence that names no
    imports and no balance (an inference across sentences)."""
    items = match.sentence.items
    if match.last_item < len(items) and items[match.last_item].code in ("with", "against"):
        return None  # "leaving a surplus of $1.2 billion with China": a balance with one partner
    prev = _sentence_before(match, a)
    if prev is None:
        return None
    codes = [it.code for it in prev.items]
    if codes.count("exports") != 1 or "imports" in codes or any(c in _BALANCES for c in codes):
        return None
    k = codes.index("exports")
    if k + 1 < len(codes) and codes[k + 1] in ("to", "of", "from"):
        return None  # "exports to China", "exports of chips": a part of all exports
    figs = _money_of(prev, like)
    if len(figs) != 1:
        return None
    j, f = figs[0]
    if not (k < j <= k + 14) or any(c in _FLOW_END for c in codes[k:j]):
        return None
    inferred.append(f"the exports ({f.text}) are taken from the sentence before")
    return f


def _previous_balance(match: RelationMatch, a: Analysis, like: Figure, inferred: list[str]) -> Figure | None:
    """The trade balance of the sentence before: its only amount like the flows, within four words after
    "surplus" or "deficit" ("posted a trade surplus of $9.9 billion in September"), and not one with a partner
    ("a surplus with China of ...")."""
    prev = _sentence_before(match, a)
    if prev is None:
        return None
    codes = [it.code for it in prev.items]
    figs = _money_of(prev, like)
    if len(figs) == 2 and codes[figs[0][0] - 1] == "to" and codes[figs[1][0] - 1] in ("from", "from a"):
        # "The trade deficit narrowed 16.3% to $61.4 billion in June from $73.4 billion in May": the balance now
        # is the one it moved to
        figs = figs[:1]
    # flows named without a figure ("as imports of consumer goods fell back") leave the one amount the balance
    if len(figs) != 1 or "with" in codes:
        return None
    if any(it.code in _BALANCES for it in match.sentence.items):
        return None  # the flows' own sentence states a balance
    j, f = figs[0]
    if not any(codes[k] in ("surplus", "deficit") for k in range(max(0, j - 5), j)):
        return None
    clause = prev.clauses[prev.items[j].clause]
    if clause.modality != "asserted" or clause.tense == "future" or _expected(codes, _words()):
        return None  # "Economists had expected the deficit would fall to $44 billion": an expectation, not the balance
    inferred.append(f"the trade balance ({f.text}) is taken from the sentence before")
    return f


def _only_previous(match: RelationMatch, a: Analysis, like: Figure, inferred: list[str],
                   what: str = "the value the change is said of") -> Figure | None:
    """"... a deficit of A$42.1 billion for 2025-26. That is a deterioration of A$14.5 billion from the A$27.6
    billion ...": the value the change is said of is the one figure like ``like`` in the sentence before (none,
    or two, and there is no reading)."""
    prev = _sentence_before(match, a)  # None also for the previous window of one long sentence
    if prev is None:
        return None
    hits: list[tuple[int, Figure]] = []
    for k, it in enumerate(prev.items):
        if it.mention is None or prev.clauses[it.clause].kind == "paren":
            continue
        f = figure(it.mention)
        if f is not None and (f.kind in AMOUNTS) == (like.kind in AMOUNTS) and comparable(f, like):
            hits.append((k, f))
    if len(hits) != 1 or _after_base(prev.items, hits[0][0]):
        return None  # "... 10% bigger than the N49.99 trillion approved for 2025. It sets aside ...": a base, not it
    found = [hits[0][1]]
    inferred.append(f"{what} ({found[0].text}) is taken from the sentence before")
    return found[0]


def _previous_move(match: RelationMatch, a: Analysis, inferred: list[str]) -> Figure | None:
    """"The central bank lowered its main rate by 150 basis points on Monday. The board cut the policy
    rate to 26.5 percent from 28.0 percent": the move is the one change in points stated with "by" in the sentence
    before, when the match's own sentence states none (an inference across sentences)."""
    if any(it.code == "@points" for it in match.sentence.items):
        return None  # its own sentence states a move: the patterns of one sentence read it
    prev = _sentence_before(match, a)
    if prev is None:
        return None
    hits = [(k, it) for k, it in enumerate(prev.items) if it.code == "@points"]
    if len(hits) != 1 or any(it.code == "@percent" for it in prev.items):
        return None  # two moves, or a level of its own: which the new sentence restates is not known
    k, it = hits[0]
    if k == 0 or prev.items[k - 1].code != "by" or it.mention is None:
        return None
    f = figure(it.mention)
    if f is not None:
        inferred.append(f"the move ({f.text}) is taken from the sentence before")
    return f


_RATE_NOUNS = frozenset(["turnout", "participation", "polling", "occupancy", "uptake"])


def _previous_rate(match: RelationMatch, a: Analysis, inferred: list[str]) -> Figure | None:
    """"... putting turnout at 48.5 per cent, up from 47.6 per cent in 2023. Of the 4 lakh registered voters, about
    1.94 lakh cast their ballots": the rate the part of the whole is, named in the sentence before, the first
    percentage within four items after its one noun of rate (an inference across sentences)."""
    prev = _sentence_before(match, a)
    if prev is None:
        return None
    at = [k for k, it in enumerate(prev.items) if it.code in _RATE_NOUNS]
    if len(at) != 1:
        return None
    for it in prev.items[at[0] + 1 : at[0] + 5]:
        if it.mention is not None:
            f = figure(it.mention)
            if f is None or f.kind != "percent":
                return None
            inferred.append(f"the rate ({f.text}) is taken from the sentence before")
            return f
    return None


_MOVES = frozenset(["raising", "hiking", "lowering", "reducing", "tightening", "reversed", "reversing", "hikes",
                    "hiked"])


def _held_before(match: RelationMatch, a: Analysis, inferred: list[str]) -> Figure | None:
    """"... held the Selic at 15%. Policymakers raised it by a cumulative 425 basis points from 10.50% between ...":
    the level the rate was held at in the sentence before is where the move ended. None when the match's own
    sentence gives another level or move after the old one ("..., from 10.50%, to 15%", "... before raising it by
    25 basis points")."""
    prev = _sentence_before(match, a)
    if prev is None:
        return None
    items = match.sentence.items
    words = _words()
    if any(it.code in ("@percent", "@points") or it.code in words.up or it.code in words.down or it.code in _MOVES
           for it in items[match.last_item :]):
        return None  # "..., from 3.50%, to 3.00%", "... before cutting twice this year": another level or move
    level = held_level(prev)
    if level is not None:
        inferred.append(f"the level the move ended at ({level.text}, where the rate was held) is taken from the "
                        "sentence before")
    return level


def _change_before(match: RelationMatch, a: Analysis, inferred: list[str]) -> Figure | None:
    """"Revenue rose 11%. ... Accenture posted $4.41 billion in net revenue, compared with $4.08 billion a year
    ago": the percentage change of the two values is stated in one of the two sentences before, right after
    a word of change and near a noun of measure the values' sentence names too. A reading only when exactly
    one such percentage is found (an inference across sentences)."""
    words = _words()
    sent = match.sentence
    index = next((k for k, s in enumerate(a.sentences) if s is sent), None)
    if not index:
        return None
    mine = {it.code for it in sent.items[: match.last_item]} & words.measures
    if not mine:
        return None
    if any(it.code == "@percent" for it in sent.items):
        return None  # "exports were down 15.85 percent at $261.14 billion against $310.34 billion": its own change
    found: list[tuple[Figure | None, bool]] = []  # every percentage of the window: (figure, reads as the change)
    for prev in a.sentences[max(0, index - 2) : index]:
        if prev.index >= sent.index:
            continue
        for k, it in enumerate(prev.items):
            if it.code != "@percent":
                continue
            # the word of change before ("profit rose 33 percent") or right after ("a 33 percent increase
            # in quarterly profit"), and the measure within ten items either side
            near = [x.code for x in prev.items[max(0, k - 3) : k]] + [x.code for x in prev.items[k + 1 : k + 2]]
            around = {x.code for x in prev.items[max(0, k - 10) : k + 6]}
            changed = any(w in words.up or w in words.down for w in near) and bool(around & mine) \
                and not _has_own_value(prev.items, k) and _scope(sent.items[: match.last_item]) <= _scope(prev.items)
            found.append((figure(it.mention), changed))
    if len(found) != 1 or not found[0][1] or found[0][0] is None:
        return None  # none, or more than one percentage that could be meant
    found_fig = found[0][0]
    inferred.append(f"the percentage change ({found_fig.text}) is taken from an earlier sentence")
    return found_fig


_POINTERS = frozenset(["this", "that", "it"])
_POINTING_VERBS = frozenset(["marks", "marked", "represents", "represented", "is", "was", "amounts", "amounted"])


def _change_next(match: RelationMatch, a: Analysis, inferred: list[str]) -> Figure | None:
    """"Net income rose to $3.66 billion vs. $3.19 billion a year earlier. This marks a rise of 14.7% from the year
    earlier quarter": the percentage change of the two values, in the next sentence, which opens by pointing back
    ("This marks", "That was", "It represents") and states one percentage after a word of change and no other
    figure (an inference across sentences)."""
    words = _words()
    sent = match.sentence
    index = next((k for k, s in enumerate(a.sentences) if s is sent), None)
    if index is None or index + 1 >= len(a.sentences):
        return None
    nxt = a.sentences[index + 1].items
    if len(nxt) < 4 or nxt[0].code not in _POINTERS or nxt[1].code not in _POINTING_VERBS:
        return None
    figures = [k for k, it in enumerate(nxt) if it.mention is not None and it.mention.type in ("money", "number", "percent", "points")]
    if len(figures) != 1 or nxt[figures[0]].code != "@percent":
        return None
    k = figures[0]
    near = [x.code for x in nxt[max(0, k - 3) : k]] + [x.code for x in nxt[k + 1 : k + 2]]
    if not any(w in words.up or w in words.down for w in near):
        return None
    found = figure(nxt[k].mention)
    if found is not None:
        inferred.append(f"the percentage change ({found.text}) is taken from the next sentence")
    return found


def _has_own_value(items: list[Item], k: int) -> bool:
    """The percentage at ``k`` comes with the value it led to ("sales rose 8 percent to 12.4 billion yuan"):
    it is that pair's change, not a later sentence's."""
    return any(x.code in ("to", "at") for x in items[k + 1 : k + 3]) and any(
        x.mention is not None and x.mention.type in ("money", "number") for x in items[k + 2 : k + 5])


# words that narrow a figure to a part of the whole ("In China, sales rose ...", "the unit's revenue")
_PART_WORDS = frozenset(["segment", "division", "unit", "units", "region", "regional", "arm", "subsidiary",
                         "domestic", "overseas", "international", "abroad"])


def _scope(items: list[Item]) -> frozenset[str]:
    """The countries and part-of-the-whole words a stretch of a sentence names: a later sentence narrowed to
    one of them ("In China, sales rose to ...") is not the whole a lead sentence's percentage is of."""
    return frozenset([str(it.mention.value.get("code")) for it in items
                      if it.mention is not None and it.mention.type == "country"]
                     + [w for w in (it.code.removesuffix("'s").removesuffix("’s") for it in items) if w in _PART_WORDS])


def _abs_interval(lo: float, hi: float) -> tuple[float, float]:
    if lo >= 0:
        return lo, hi
    if hi <= 0:
        return -hi, -lo
    return 0.0, max(-lo, hi)


def _sign(old: Figure, new: Figure) -> str:
    return "up" if new.value > old.value else "down" if new.value < old.value else "same"


def _pct_change(pct: Figure, old: Figure, new: Figure) -> _Reading | None:
    if old.low <= 0:
        return None
    point = abs(new.value / old.value - 1) * 100
    lo, hi = _abs_interval(((new.low) / old.high - 1) * 100, ((new.high) / old.low - 1) * 100)
    if old.kind == "percent":
        # "rose 0.3% to 2.4% from 2.1%": a change in percentage points written as percent is one reading
        p_lo, p_hi = _abs_interval(new.low - old.high, new.high - old.low)
        if p_lo <= pct.high and p_hi >= pct.low:
            point, lo, hi = abs(new.value - old.value), p_lo, p_hi
            return _Reading("percent_change", pct, point, lo, hi, [old.value, new.value], "percent",
                            _sign(old, new))
    if old.kind not in AMOUNTS:  # rates ("from 2.5% to 3.5% of GDP"): every reading within rounding stands
        return _Reading("percent_change", pct, point, lo, hi, [old.value, new.value], "percent", _sign(old, new))
    return _Reading("percent_change", pct, point, lo, hi, [old.value, new.value], "percent", _sign(old, new),
                    figures=(old, new))


def _unlikely(old: Figure, new: Figure, s_lo: float, s_hi: float) -> tuple[float, float, str] | None:
    """A percentage change the figures meet only in an unlikely reading: at the far corners of both figures'
    rounding ("fell 12% to P4.2 billion from P4.9 billion"), or only with a round figure rounded as coarsely as it
    could be beside a precise one ("fell 22% to ¥820 billion from ¥1 trillion": a writer who knew the old value to
    three figures would not write ¥1 trillion for ¥1.05 trillion). The range the likely readings give, and what
    was inferred; None when a likely reading meets the stated change."""
    likely = likely_range((old.low, old.high), (new.low, new.high))
    if likely is None:
        return None
    if not (likely[1] >= s_lo and likely[0] <= s_hi):
        return (*likely, f"{old.text} and {new.text} give the stated change only if both were rounded from the far "
                "ends of their ranges")
    coarse, fine = (old, new) if old.half / old.value > new.half / new.value else (new, old)
    precision = fine.half / fine.value  # the finer figure's relative rounding
    if not _round(coarse) or precision <= 0 or coarse.half / coarse.value < 20 * precision:
        return None
    # the round figure read to one figure less than the precise one: "¥1 trillion" beside "¥820 billion" is
    # ¥994-1,006 billion
    tight = replace(coarse, half=10 * precision * coarse.value)
    t_old, t_new = (tight, new) if coarse is old else (old, tight)
    if t_old.low <= 0:
        return None
    lo, hi = _abs_interval((t_new.low / t_old.high - 1) * 100, (t_new.high / t_old.low - 1) * 100)
    if hi >= s_lo and lo <= s_hi:
        return None
    return lo, hi, f"{coarse.text} is read as precisely as {fine.text}"


def _round(f: Figure) -> bool:
    """A figure with one significant digit, written without decimals ("¥1 trillion", "$3 billion", "500")."""
    if f.decimals or f.value <= 0:
        return False
    digits = str(round(f.value / f.scale)).rstrip("0")
    return len(digits) == 1 and abs(f.value / f.scale - round(f.value / f.scale)) < 1e-9


def _pct_of_base(pct: Figure, diff: Figure, old: Figure) -> _Reading | None:
    """"7.5 percent, or 4.1 trillion won, higher than 54.6 trillion": the change as a share of the base."""
    if diff.kind not in AMOUNTS or old.kind not in AMOUNTS or not comparable(diff, old):
        return None
    diff, old = same_scale([diff, old])
    if old.low <= 0:
        return None
    point = diff.value / old.value * 100
    lo, hi = diff.low / old.high * 100, diff.high / old.low * 100
    return _Reading("percent_change", pct, point, lo, hi, [diff.value, old.value], "percent")


def _pct_of_result(pct: Figure, diff: Figure, new: Figure, direction: str | None) -> _Reading | None:
    """"will rise 6.8 percent, or 3.4 trillion won, to 53.4 trillion won": the base is the new value less
    the change (plus it, for a fall)."""
    if direction is None or diff.kind not in AMOUNTS or new.kind not in AMOUNTS or not comparable(diff, new):
        return None
    diff, new = same_scale([diff, new])
    diff = _round_change(diff)
    sign = 1.0 if direction == "up" else -1.0
    base, b_lo, b_hi = new.value - sign * diff.value, new.low - sign * diff.high, new.high - sign * diff.low
    if sign < 0:
        b_lo, b_hi = new.low + diff.low, new.high + diff.high
    if b_lo <= 0:
        return None
    point = diff.value / base * 100
    lo, hi = diff.low / b_hi * 100, diff.high / b_lo * 100
    return _Reading("percent_change", pct, point, lo, hi, [base, new.value], "percent")


def _round_change(diff: Figure) -> Figure:
    """"spending is set to grow by S$600 million or 3.9 per cent to S$16.1 billion": a change written as a whole number of hundreds
    (of its scale) is rounded to them, as a reporter rounds S$640 million, so it stands for half a hundred either
    side; other figures keep half their last digit."""
    if diff.kind != "money" or diff.decimals != 0 or not diff.scaled:
        return diff
    mantissa = round(diff.value / diff.scale)
    if mantissa < 100 or mantissa % 100:
        return diff
    return replace(diff, half=max(diff.half, 50 * diff.scale))


def _policy_step(diff: Figure, old: Figure, new: Figure) -> bool:
    """A move stated in basis points or fractions of a point that is a whole number of quarter points ("by 50
    basis points", "by a quarter point"), between rates written as a policy rate is, to two decimals or none
    ("to 5.75% from 6.50%", "to 15%"): a rate set in steps, which is the value written, not one rounded to it.
    Rates written to one decimal ("to 4.1% from 4.5%": unemployment, inflation, a bad-loan ratio) are rounded
    statistics, and yields move by any number of basis points."""
    if diff.kind != "points" or diff.decimals < 2 or old.kind != "percent" or new.kind != "percent":
        return False
    quarters = diff.value * 4
    return (abs(quarters - round(quarters)) < 1e-9 and round(quarters) > 0
            and _policy_written(old) and _policy_written(new))


def _policy_written(rate: Figure) -> bool:
    """Written as a policy rate is: to two decimals or none, or to one that is a half ("4.5%", the 4.50% of the
    quarter-point grid; "4.1%" is a rounded statistic)."""
    return rate.decimals in (0, 2) or (rate.decimals == 1 and abs(rate.value * 2 - round(rate.value * 2)) < 1e-9)


def _difference(diff: Figure, old: Figure, new: Figure) -> _Reading | None:
    point = abs(new.value - old.value)
    lo, hi = _abs_interval(new.low - old.high, new.high - old.low)
    unit = "percentage_points" if old.kind == "percent" else "amount"
    if old.kind == "percent" and diff.kind == "percent":
        # "a fall of 0.2%" between two rates: points, or a relative change; either reading may be meant
        if old.low <= 0:
            return None
        r_lo, r_hi = _abs_interval((new.low / old.high - 1) * 100, (new.high / old.low - 1) * 100)
        if not (lo <= diff.high and hi >= diff.low) and r_lo <= diff.high and r_hi >= diff.low:
            point, lo, hi, unit = abs(new.value / old.value - 1) * 100, r_lo, r_hi, "percent"
    printed = None
    if unit == "percentage_points" and diff.kind == "points" and diff.decimals == old.decimals == new.decimals:
        printed = round(abs(new.value - old.value), diff.decimals)
    return _Reading("difference", diff, point, lo, hi, [old.value, new.value], unit, _sign(old, new),
                    printed=printed)


_COMPARED = frozenset(["of", "more", "less", "fewer", "higher", "lower", "up", "down", "above", "below", "than",
                       "increase", "rise", "drop", "fall", "growth", "ahead", "behind", "gain", "decline", "points"])


def _compared_after(match: RelationMatch) -> bool:
    """The word after a share's last figure makes it something else: "or 37% of the vote" (a share of another
    whole), "or 12% more than a year earlier" (a change)."""
    items = match.sentence.items
    nxt = items[match.last_item].code if match.last_item < len(items) else ""
    return nxt in _COMPARED


_AFTER_A_CLOSING_FACTOR = frozenset([".", ",", ";", ":", ")", "—", "–", "in", "over", "since", "on", "from"])


def _factor_of_another(match: RelationMatch) -> bool:
    """A multiple closing the match ("rose to $3.6 billion from $1.7 billion, more than doubling") is the values'
    only when nothing follows it but the end of the clause or a period: "..., doubling its market share" is a
    multiple of something else. "Doubled down" is no multiple at all."""
    slot = match.get("factor")
    if slot is None or not slot.items:
        return False
    items = match.sentence.items
    k = items.index(slot.items[-1])
    if k + 1 < len(items) and items[k + 1].code in ("down", "up"):
        return True  # "doubled down on ...": an idiom, no multiple
    if match.last_item - 1 != k:
        return False
    return match.last_item < len(items) and items[match.last_item].code not in _AFTER_A_CLOSING_FACTOR


def _figure_between(match: RelationMatch, first: str, second: str) -> bool:
    """A figure written in digits between two slots ("14 of its 40 games at home and 9 away, or 35%"): the
    percentage may be of another figure. Number words ("the three state lenders") count things, not parts."""
    a, b = match.mention(first), match.mention(second)
    if a is None or b is None or a.end > b.start:
        return False
    lo, hi = a.end, b.start
    return any(it.mention is not None and lo <= it.start and it.end <= hi and figure(it.mention) is not None
               and not it.mention.value.get("word") for it in match.sentence.items)


def _league_points(match: RelationMatch, total: Figure | None) -> _Reading | None:
    """"22 wins and six draws from 35 games give them 70 points": each count of results times the points a result
    of its kind earns (``league_points`` in the arithmetic resource), against the stated points."""
    slot = match.get("part")
    if total is None or slot is None:
        return None
    weights = _words().league_points
    items = match.sentence.items
    point, operands = 0.0, []
    for k, it in enumerate(items):
        if it not in slot.items or it.mention is None:
            continue
        f = figure(it.mention)
        weight = weights.get(items[k + 1].code) if k + 1 < len(items) else None
        if f is None or f.kind != "number" or weight is None or f.value != int(f.value):
            return None
        point += weight * f.value
        operands.append(f.value)
    if len(operands) < 2 or total.kind != "number":
        return None
    return _Reading("total", total, point, point, point, operands, "amount",
                    computed_text=f"{point:.0f} points at three a win and one a draw")


_OWN_FIRST = frozenset(["win", "victory", "draw"])


def _aggregate(match: RelationMatch, total: Figure | None) -> _Reading | None:
    """"went through 4-2 on aggregate after a 1-1 draw and a 1-0 win": the side that went through scored the
    aggregate's first figure; its goals in a leg are the first figure of a win or draw, the second of a defeat.
    Both sides are checked: the reading is the side whose goals do not add up, if either does not."""
    against = figure(match.mention("against"))
    if total is None or against is None:
        return None
    mine: list[float] = []
    theirs: list[float] = []
    for leg, res in (("leg1", "res1"), ("leg2", "res2")):
        slot = match.get(leg)
        figs = [figure(m) for m in (slot.mentions if slot else [])]
        if len(figs) != 2 or any(f is None for f in figs):
            return None
        a, b = figs[0].value, figs[1].value  # type: ignore[union-attr]
        own_first = match.words(res) in _OWN_FIRST
        mine.append(a if own_first else b)
        theirs.append(b if own_first else a)
    if sum(mine) == total.value and sum(theirs) != against.value:
        return _Reading("total", against, sum(theirs), sum(theirs), sum(theirs), theirs, "amount")
    return _Reading("total", total, sum(mine), sum(mine), sum(mine), mine, "amount")


_AGAINST = frozenset(["against", "opposed", "no"])


def _sum_of(a: Figure | None, b: Figure | None) -> Figure | None:
    """Two counts of one kind as the whole they make ("2,316 in favour and 742 against": 3,058 votes)."""
    if a is None or b is None or a.kind != "number" or b.kind != "number" or a.scale != b.scale:
        return None
    return replace(a, value=a.value + b.value, half=a.half + b.half, text=f"{a.text} + {b.text}")


def _said_against(match: RelationMatch) -> bool:
    """The word after the match's percentage says it is the share against ("or 75 per cent against")."""
    items = match.sentence.items
    return match.last_item < len(items) and items[match.last_item].code in _AGAINST


def _fraction(match: RelationMatch) -> Figure | None:
    """A fraction word in a ``frac`` slot ("about a third of the 114 trillion-yen budget, or 36.89 trillion yen") as
    a percentage that is never exact: a third is 30.3% to 36.3% before any hedge (``fractions`` of
    ``arithmetic.yaml``)."""
    slot = match.get("frac")
    if slot is None:
        return None
    words = slot.words.replace(" - ", "-")
    value = _fraction_words().get(words)
    if value is None:
        return None
    return Figure(value, _FRACTION_SLACK, "percent", None, 1.0, 0, match.text("frac"), slot.start)


_FRACTION_SLACK = 3.0  # percentage points either side of a fraction word's value


@cache
def _fraction_words() -> dict[str, float]:
    return {str(k): float(v) for k, v in (resource("arithmetic").get("fractions") or {}).items()}


_TARGET_NOUNS = frozenset(["target", "estimate", "estimates", "goal", "projection", "allocation"])


def _previous_against_target(match: RelationMatch, a: Analysis, inferred: list[str]) -> tuple[Figure, Figure] | None:
    """The part and the target of a share stated in the next sentence: the sentence before holds exactly two amounts
    of one currency, the second right after "<target noun> of" ("stood at Rs 16.54 lakh crore as against the
    budgetary target of Rs 17.86 lakh crore"). An inference across sentences."""
    sent = match.sentence
    index = next((k for k, s in enumerate(a.sentences) if s is sent), None)
    if not index:
        return None
    prev = a.sentences[index - 1].items
    if any(it.code == "@percent" for it in prev):
        return None  # the sentence before states its own share: this one's is another period's or thing's
    if any(it.mention is not None and it.mention.type in ("relative", "year", "fiscal_year", "month", "date")
           for it in sent.items):
        return None  # "A year earlier the deficit had reached 46.5% of the target": another period's share
    figs = [(k, it.mention) for k, it in enumerate(prev) if it.mention is not None and it.mention.type in AMOUNTS]
    if len(figs) != 2:
        return None
    (_, m1), (k2, m2) = figs
    if k2 < 2 or prev[k2 - 1].code != "of" or prev[k2 - 2].code not in _TARGET_NOUNS:
        return None
    part, target = figure(m1), figure(m2)
    if part is None or target is None or not comparable(part, target):
        return None
    inferred.append(f"the part ({part.text}) and the target ({target.text}) are read from the sentence before")
    return part, target


def _share(pct: Figure | None, part: Figure | None, whole: Figure | None, hedged: bool) -> _Reading | None:
    """"12 of the 40 seats, or 30%": the stated percentage is the part over the whole. A hedge on the part
    ("about 1,900 of the 2,400 staff, or 79%") makes the part approximate (5% either way)."""
    if pct is None or part is None or whole is None or part.kind not in AMOUNTS or whole.kind not in AMOUNTS:
        return None
    if not comparable(part, whole):
        return None
    part, whole = same_scale([part, whole])
    lo_p, hi_p = part.low, part.high
    if hedged:
        lo_p, hi_p = min(lo_p, 0.95 * part.value), max(hi_p, 1.05 * part.value)
    if whole.low <= 0 or part.value > whole.high:
        return None  # "of" read wrongly: a part larger than its whole
    point = part.value / whole.value * 100
    lo, hi = max(0.0, lo_p) / whole.high * 100, hi_p / whole.low * 100
    return _Reading("share", pct, point, lo, hi, [part.value, whole.value], "percent")


# How far a multiple may be from the one stated ("doubled" for 1.76 to 2.24 times; 1.7 times is a 70% rise, not a
# doubling); "about" half as much again
_FACTOR_SLACK = 0.12


def _ratio(factor_words: str, hedge_words: str, old: Figure | None, new: Figure | None,
           factor_text: str, factor: float | None = None) -> _Reading | None:
    """"more than doubled to 1.9 million from 900,000", "halved to $21.4 billion from $42.9 billion": the new
    value over the old one against the stated multiple. Plain words allow 12% either way ("doubled" is 1.76 to
    2.24 times); "about" 18%; "nearly"/"almost" up to a quarter of the change short, never more than 2% over;
    "more than"/"less than" are exact bounds (on the size of the change: "more than halved" is below half)."""
    words = _words()
    f = factor if factor is not None else words.factors.get(factor_words)
    if f is None or f == 1.0 or (factor is not None and not 1 < f <= 100):
        return None  # "1-fold" or "300-fold": no multiple read
    if old is None or new is None or not comparable(old, new):
        return None
    old, new = same_scale([old, new])
    if old.low <= 0 or new.low < 0:
        return None
    hedge = words.hedges.get(hedge_words) if hedge_words else None
    up = f > 1
    if hedge == "lower":
        r_lo, r_hi = (f, INF) if up else (0.0, f)
    elif hedge == "upper":
        r_lo, r_hi = (0.0, f) if up else (f, INF)
    elif hedge == "near":
        r_lo, r_hi = (1 + 0.75 * (f - 1), 1.02 * f) if up else (0.98 * f, 1 - 0.75 * (1 - f))
    else:
        slack = 1.5 * _FACTOR_SLACK if hedge == "approx" else _FACTOR_SLACK
        r_lo, r_hi = (1 - slack) * f, (1 + slack) * f
    c_lo, c_hi = new.low / old.high, new.high / old.low
    point = new.value / old.value
    # as the size of the change in percent, like any percentage change
    if up:
        s_lo, s_hi = (r_lo - 1) * 100, INF if r_hi == INF else (r_hi - 1) * 100
    else:
        s_lo, s_hi = 0.0 if r_hi == INF else max(0.0, (1 - r_hi) * 100), (1 - r_lo) * 100
    cp_lo, cp_hi = _abs_interval((c_lo - 1) * 100, (c_hi - 1) * 100)
    stated = Figure(abs(f - 1) * 100, 0.0, "percent", None, 1.0, 0, factor_text, old.start)
    text = (f"{hedge_words} {factor_text}" if hedge_words else factor_text).strip()
    return _Reading("ratio", stated, abs(point - 1) * 100, cp_lo, cp_hi, [old.value, new.value], "percent",
                    _sign(old, new), interval=(s_lo, s_hi), stated_text=text,
                    stated_direction="up" if up else "down", computed_text=f"{point:.2f} times the earlier figure")


def _lead(match: RelationMatch) -> Figure | None:
    """The figure a few words before a list that may have begun earlier than the match ("passed with 241 votes
    in favor, six against and 25 abstentions from the 272 present": the clause parser put 241 in a clause of
    its own). Only a reading that then adds up uses it."""
    items = match.sentence.items
    for k in range(match.first_item - 1, max(-1, match.first_item - 6), -1):
        it = items[k]
        if it.mention is None:
            if it.code in (".", ";", ":", "(", ")"):
                return None
            continue
        if match.sentence.clauses[it.clause].kind == "paren" or it.mention.value.get("word"):
            return None  # a conversion, or a number word ("the two terminals"): a count of things
        return figure(it.mention)
    return None


def _total(parts: list[Figure], total: Figure | None, partial: bool, inferred: list[str],
           subset: bool = False, lead: Figure | None = None, short_ok: bool = False,
           every: bool = False) -> _Reading | None:
    """The parts against the total. ``every``: the pattern says the parts are all of it ("..., leaving 8"), so
    no shorter run of them is read."""
    if total is not None and total.kind == "money":
        # "The two lenders, with assets of $6.1 billion and ...", "with the top six accounting for £1.41 billion":
        # a number word is a count of things, not a part of money
        parts = [p for p in parts if p.kind != "number" or p.text[:1].isdigit()]
    if total is None or len(parts) < 2 or total.kind not in (*AMOUNTS, "percent"):
        return None
    # all amounts in one currency, or all percentages ("3.5% of GDP plus 1.5%, a total of 5%")
    if any(not comparable(p, total) or (p.kind == "percent") != (total.kind == "percent") for p in parts):
        return None
    if lead is not None and (lead.kind != parts[0].kind or not comparable(lead, total)
                             or lead.scaled != parts[0].scaled):
        lead = None
    figs = same_scale([*parts, total] + ([lead] if lead is not None else []))
    if lead is not None:
        lead, figs = figs[-1], figs[:-1]
    parts, total = figs[:-1], figs[-1]
    # "Of its $24.9 billion budget, science received $7.3 billion, ... together $19.1 billion": the list may
    # start at a later figure, or run on past its last part ("14 in Dareth and nine in Kolvan, where about
    # 6,000 people remain"). Any run of two or more that adds up is the reading; then the list with the figure
    # just before it (see _lead); if none does, the list from the start nearest the total
    n = len(parts)
    runs = [parts] if every else [parts[i:j] for i in range(n - 1) for j in range(n, i + 1, -1)]
    fits = [r for r in runs if sum(p.high for p in r) >= total.low and sum(p.low for p in r) <= total.high]
    if not fits and lead is not None:
        with_lead = [lead, *parts]
        if sum(p.high for p in with_lead) >= total.low and sum(p.low for p in with_lead) <= total.high:
            fits = [with_lead]
    tails = [parts] if every else [parts[k:] for k in range(n - 1)]
    parts = fits[0] if fits else min(tails, key=lambda r: abs(sum(p.value for p in r) - total.value))
    point = sum(p.value for p in parts)
    lo = sum(p.low for p in parts)
    hi = sum(p.high for p in parts)
    # "Of its 179.4 billion baht budget, A covers ... and B ...": the parts may not be all of it, so a sum
    # short of the total is not certain; a sum above it is wrong either way
    if subset and hi < total.low:
        return None  # "1,842 cases, including 1,120 in the capital and 30 deaths": a subset, not a sum
    if short_ok and hi < total.low:
        return None
    if partial and hi < total.low:
        inferred.append("the parts listed may not be all of the total")
    return _Reading("total", total, point, lo, hi, [p.value for p in parts],
                    "percent" if total.kind == "percent" else "amount")


# words within a list of yearly raises that make one rate stand for several years ("3% in each of the first two
# years", "in both years"), or say it is not one year's
_REPEATED = frozenset(["each", "every", "both", "years", "per", "annually", "a", "twice", "months"])


def _cumulative(match: RelationMatch, parts: list[Figure], total: Figure | None) -> _Reading | None:
    """"raises of 4%, 3% and 3%, for a cumulative 10%": agreed rates are exact, and their total is their sum or,
    compounded, 1.04 x 1.03 x 1.03 less one (10.3%); either is a reading unless the text says which ("before
    compounding", "compounded"). A rate said to hold for several years ("3% in each of the first two years")
    stands for more than one part: no reading."""
    slot = match.get("part")
    if total is None or total.kind != "percent" or len(parts) < 2 or slot is None:
        return None
    if any(p.kind != "percent" or p.value <= 0 or p.value > 25 for p in parts):
        return None
    items = match.sentence.items
    first, last = items.index(slot.items[0]), items.index(slot.items[-1])
    codes = [it.code for it in items[first:last + 1] if it.mention is None]
    if any(c in _REPEATED or (c.isdigit()) for c in codes) or any(
            it.mention is not None and it.mention.type != "percent" for it in items[first:last + 1]):
        return None
    after = " ".join(it.code for it in items[match.last_item:match.last_item + 3])
    if after.startswith(("including", "includes", "plus", "with", "when", "once", "counting", "if", "in pay and",
                         "in wages and", "and")):
        return None  # "a cumulative 12% including lump sums", "... when step increases are counted": more than these
    said = " ".join(it.code for it in items[match.first_item:match.last_item])
    simple = sum(p.value for p in parts)
    product = 1.0
    for p in parts:
        product *= 1 + p.value / 100
    compounded = (product - 1) * 100
    if after.startswith(("before compounding", "not compounded", "without compounding", "uncompounded")):
        lo = hi = point = simple
    elif "compounded" in said or after.startswith(("compounded", "when compounded", "with compounding")):
        lo = hi = point = compounded
    else:
        lo, hi = min(simple, compounded), max(simple, compounded)
        point = simple
        return _Reading("total", total, point, lo, hi, [p.value for p in parts], "percent",
                        computed_text=f"{display(simple, total, 'percent')} added up, or "
                        f"{display(compounded, total, 'percent')} compounded")
    return _Reading("total", total, point, lo, hi, [p.value for p in parts], "percent")


# the periods of regulation play, by what a game is split into
_PERIODS = {"half": 2, "halves": 2, "period": 3, "quarter": 4}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4}
_EXTRA_TIME = frozenset(["overtime", "ot", "extra", "shootout", "extra-time"])
_SECOND_HALF = ("after the break", "after halftime", "after half-time", "after half - time", "after the interval",
                "after the restart")


def _periods(match: RelationMatch, total: Figure | None, inferred: list[str]) -> _Reading | None:
    """"31 points, 17 in the first half and 14 after the break": parts that name every period of regulation in
    order (two halves, three periods, four quarters) are the whole game but for overtime, so a sum above the
    total is wrong and a sum short of it is only inferred (overtime or extra time may make up the rest). Parts
    that leave a period out say nothing."""
    slot = match.get("part")
    if total is None or slot is None:
        return None
    items = match.sentence.items
    first = items.index(slot.items[0])
    groups: list[tuple[Figure, str]] = []
    for k in range(first, match.last_item - 1):  # to the closing punctuation
        it = items[k]
        if it.mention is not None:
            f = figure(it.mention)
            if f is None or f.kind != "number" or f.decimals:
                return None
            groups.append((f, ""))
        elif groups:
            f, words = groups[-1]
            groups[-1] = (f, f"{words} {it.code}".strip())
    unit = None
    for _, words in groups:
        found = [u for u in _PERIODS if f" {u}" in f" {words}"]
        if found:
            if unit is not None and unit != found[0]:
                return None
            unit = found[0]
    if unit is None:
        return None
    seen: list[int] = []
    for _, words in groups:
        words = words.removesuffix(" and").removesuffix(" ,").strip(" ,")
        if unit in ("half", "halves") and words.startswith(_SECOND_HALF):
            seen.append(2)
            continue
        head = words.split()
        at = head.index("in") if "in" in head[:3] else -1  # "9 shots in the first period": a unit word may lead
        if at < 0 or head[at + 1:at + 2] != ["the"] or head[at + 2:at + 3] == [] or head[at + 2] not in _ORDINALS:
            return None  # each part says which period it is
        seen.append(_ORDINALS[head[at + 2]])
    if seen != list(range(1, _PERIODS[unit] + 1)):
        return None
    if any(it.code in _EXTRA_TIME for it in items[match.last_item:match.last_item + 6]):
        return None  # "..., 12 in the third and 3 in overtime": the list goes on past regulation
    parts = [f for f, _ in groups]
    total = _as_count(total)
    if total is None or total.kind != "number":
        return None
    exact = [replace(f, half=0.0) for f in parts]
    point = sum(f.value for f in exact)
    if point < total.value:
        inferred.append("overtime or extra time may account for the rest")
    return _Reading("total", replace(total, half=0.0), point, point, point, [f.value for f in exact], "amount")


def _stated(f: Figure, hedge: str | None) -> tuple[float, float]:
    s, h = f.value, f.half
    if hedge == "approx":
        w = max(h, 0.05 * abs(s))
        return s - w, s + w
    if hedge == "near":
        return min(s - h, 0.9 * s), s + h
    if hedge == "lower":
        return s, INF
    if hedge == "upper":
        return 0.0, s
    return s - h, s + h


def _computed_text(r: _Reading, stated_direction: str | None) -> str:
    text = display(r.point, r.stated, r.unit)
    if stated_direction is not None and r.actual_direction in ("up", "down"):
        return ("a rise of " if r.actual_direction == "up" else "a fall of ") + text
    return text


def _direction(words: list[str], w: _Words) -> str | None:
    """'up' or 'down' from the direction words; None if there are none, or they disagree."""
    found = {("up" if x in w.up else "down") for x in words if x in w.up or x in w.down}
    return found.pop() if len(found) == 1 else None
