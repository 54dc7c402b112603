"""Figures restated across sentences: "a budgetary deficit of C$39.6 billion ... The C$36.9 billion
shortfall" gives one deficit two values.

A *back-reference* is a figure right after a determiner (or a possessive) and right before a noun of a
group in ``resources/en/restatement.yaml`` ("the 4.5% goal", "June's 3.8% reading"), or after "<noun>,
now" ("the deposit rate, now 2.25%"). Its *antecedent* is the latest earlier figure of the same kind
(same currency; percent with percent) that a noun of the same group names, within a few words. The two
quantity facts are given one ``subject_key`` (the antecedent's, else a new one), so that the
conflicting-figure rule compares them; the back-reference is ``inferred`` (a link across sentences),
so the rule never makes an error of it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from factcheck.extract.analysis import Analysis
from factcheck.extract.builders.figures import Figure, figure
from factcheck.extract.clauses.segment import Clause, Item, Sentence
from factcheck.extract.mentions.model import Mention
from factcheck.extract.mentions.resources import resource
from factcheck.model.facts import FactBase, Quantity


@dataclass(frozen=True)
class _Words:
    group_of: dict[str, frozenset[str]]
    determiners: frozenset[str]
    linkers: frozenset[str]
    qualifiers: dict[str, frozenset[str]]  # "quarterly" -> words the antecedent's clause must hold
    count_groups: frozenset[str]  # groups that name counts ("cases", "attendance")
    contrasts: frozenset[str] = frozenset()  # "the previous rate of 5.5%": another value of the thing
    compare_to_after: frozenset[str] = frozenset()  # words after which "to" compares ("cut to the 3.5% ...")


@cache
def _words() -> _Words:
    raw = resource("restatement")
    groups: dict[str, set[str]] = {}
    for g, words in raw["groups"].items():
        for w in words:
            groups.setdefault(w, set()).add(g)
    group_of = {w: frozenset(gs) for w, gs in groups.items()}
    qualifiers = {q: frozenset(words) for q, words in (raw.get("qualifiers") or {}).items()}
    return _Words(group_of, frozenset(raw["determiners"]), frozenset(raw["linkers"]), qualifiers,
                  frozenset(raw.get("count_groups") or ()), frozenset(raw.get("contrasts") or ()),
                  frozenset(raw.get("compare_to_after") or ()))


@dataclass(frozen=True)
class _Figure:
    fig: Figure
    start: int
    group: frozenset[str] | None  # the noun groups naming it, if any
    backref: bool
    compared: bool = False  # compared with, or qualified by another period: not a restatement
    needs: frozenset[str] = frozenset()  # words one of which the antecedent's clause must hold
    words: frozenset[str] = frozenset()  # the words of its own clause
    year: int | None = None  # the year a back-reference names ("the 2025 deficit of 3.3%")
    years: frozenset[int] = frozenset()  # the years named after it in its clause ("3.1% of GDP in 2025")


def _equal(a: Figure, b: Figure) -> bool:
    """Equal within the rounding of the less precise figure."""
    return abs(a.value - b.value) <= max(a.half, b.half) + 1e-9 * max(abs(a.value), abs(b.value), 1.0)


_COMPARISON = frozenset(["than", "from", "with", "against", "versus", "over", "on", "below", "above", "to"])
_TIME = frozenset(["year", "fiscal_year", "month", "date", "relative", "weekday"])  # not "the 17th in a row"
# "the budget for 2026 totals ...", "the trade deficit with China was ..."
_STEP_OVER = frozenset(["year", "fiscal_year", "month", "relative", "country"])
# "cut its cash rate by 25 basis points to 3.60%": the size of a move between a rate and its new level
_MOVE = frozenset(["points", "percent"])


def _qualified(items: list[Item], k: int, w: _Words | None = None, clauses: list[Clause] | None = None) -> bool:
    """The figure at ``k`` is compared with another ("narrower than the HK$87.2 billion shortfall") or
    given for a period of its own ("the A$27.6 billion shortfall now expected for 2024-25"). "to" compares
    only after a word of change or comparison ("cut to the 3.5% ..."), not after another verb ("assent to the
    Sh9.24 billion budget")."""
    if k >= 2 and items[k - 2].code in _COMPARISON:
        if items[k - 2].code != "to" or w is None or not w.compare_to_after:
            return True
        if k >= 3 and items[k - 3].code in w.compare_to_after:
            return True
    home = items[k].clause
    modifier: int | None = None  # a participle set off after the noun ("the 4.5% target set for 2025-26")
    for j in range(k + 1, min(k + 7, len(items))):
        it = items[j]
        if it.clause != home and modifier is None and clauses is not None and clauses[it.clause].kind == "participial":
            modifier = it.clause
        if it.clause not in (home, modifier) or it.code in (",", ";"):
            break
        if it.mention is not None and it.mention.type in _TIME and items[j - 1].code != "since":
            return True  # not "the largest since March"
    return False


def _same_kind(a: Figure, b: Figure) -> bool:
    if a.kind == "money" and b.kind == "money":
        return a.currency == b.currency and a.currency is not None
    return a.kind == b.kind and a.kind in ("percent", "number")


def _group_near(items: list[Item], k: int, w: _Words) -> frozenset[str] | None:
    """The noun groups naming the figure at ``k``: a noun right after it ("C$48.3 billion forecast"), or
    before it across linkers and a period ("deficit of C$39.6 billion", "rate at 2.00%", "surplus widened to
    A$4.39 billion", "budget for 2026 totals 8.2 billion kronor")."""
    if k + 1 < len(items) and items[k + 1].code in w.group_of:
        return w.group_of[items[k + 1].code]
    j = k - 1
    steps = 0
    moved = False
    while j >= 0 and steps < 8 and items[j].code not in w.group_of and (items[j].code in w.linkers or (
            items[j].mention is not None and items[j].mention.type in _STEP_OVER)):
        j -= 1
        steps += 1
        if j >= 1 and items[j].code == "@points" and items[j - 1].code == "by" and j + 1 < k \
                and items[j + 1].code == "to":
            j -= 2  # "cut its cash rate by 25 basis points to 3.60%": over the size of the move
            steps += 2
            moved = True
    if j >= 0 and items[j].code in w.group_of:  # "will cost £1.9 billion" too
        groups = w.group_of[items[j].code]
        if moved and items[j].code in groups:
            return frozenset([items[j].code])  # a move in points is said of the thing named: "rate", not inflation
        return groups
    return None


def _clause_words(items: list[Item], k: int) -> frozenset[str]:
    home = items[k].clause
    return frozenset(it.code for it in items if it.clause == home)


def _named_year(items: list[Item], k: int, w: _Words) -> tuple[frozenset[str], int] | None:
    """"the 2025 deficit of 3.3%", "the deficit of 3.3%": a determiner, an optional year, a noun of a group
    and "of" right before the figure at ``k``: its groups and the year (0 if none)."""
    if k < 3 or items[k - 1].code != "of" or items[k - 2].code not in w.group_of:
        return None
    j = k - 3
    year = 0
    m = items[j].mention
    if m is not None and m.type == "year":
        year = int(m.value["year"])
        j -= 1
    # "the new repo rate of 5.25%": up to two plain words before the noun, none of which says it is another value
    for _ in range(2):
        if j < 1 or items[j].code in w.determiners or items[j].mention is not None or items[j].code in w.contrasts \
                or not items[j].code.isalpha():
            break
        if items[j - 1].code in w.determiners:
            j -= 1
            break
        j -= 1
    if j < 0 or items[j].code not in w.determiners:
        return None
    return w.group_of[items[k - 2].code], year


def _is_definite(prev: Item | None, w: _Words) -> bool:
    return prev is not None and (prev.code in w.determiners or prev.code.endswith(("'s", "’s"))
                                 or (prev.mention is not None and bool(prev.mention.value.get("possessive"))))


def _figures(sent: Sentence, w: _Words) -> list[_Figure]:
    out: list[_Figure] = []
    items = sent.items
    for k, it in enumerate(items):
        f = figure(it.mention) if it.mention is not None and (it.mention.type in ("money", "percent") or (
            it.mention.type == "number" and _finite(it.mention))) else None
        if f is None or sent.clauses[it.clause].kind == "paren":
            continue
        if f.kind == "number" and not _counted(items, k, w):
            continue  # a bare number joins only as a count ("1,204 cases", "a crowd of 52,340")
        prev = items[k - 1] if k > 0 else None
        nxt = items[k + 1] if k + 1 < len(items) else None
        words, years = _clause_words(items, k), _years_after(items, k)
        definite = _is_definite(prev, w)
        needs: frozenset[str] = frozenset()
        if definite and nxt is not None and nxt.code in ("in", "of") and k + 2 < len(items) \
                and items[k + 2].code in w.group_of:
            nxt = items[k + 2]  # "the $7.42 billion in revenue it posted"
        elif definite and nxt is not None and nxt.code in w.qualifiers and k + 2 < len(items) \
                and items[k + 2].code in w.group_of:
            needs = w.qualifiers[nxt.code]  # "the $2.13 billion quarterly profit"
            nxt = items[k + 2]
        named = _named_year(items, k, w) if not definite else None
        if named is not None:  # "the 2025 deficit of 3.3%": its year must be the antecedent's
            groups, year = named
            out.append(_Figure(f, it.start, groups, True, _qualified(items, k, w, sent.clauses) if not year else False,
                               words=words, year=year or None, years=years))
            continue
        backref = definite and nxt is not None and nxt.code in w.group_of
        if not backref and k >= 3 and prev is not None and prev.code == "now" and items[k - 2].code == "," \
                and items[k - 3].code in w.group_of:
            out.append(_Figure(f, it.start, w.group_of[items[k - 3].code], True,  # "the deposit rate, now 2.25%"
                               _qualified(items, k, w, sent.clauses), words=words, years=years))
            continue
        out.append(_Figure(f, it.start, w.group_of[nxt.code] if backref and nxt else _group_near(items, k, w),
                           backref, backref and _qualified(items, k, w, sent.clauses), needs if backref else frozenset(), words,
                           years=years))
    return out


def _finite(m: Mention) -> bool:
    """A number a float can hold (not the 400 digits of an adversarial input)."""
    try:
        return math.isfinite(float(m.value.get("value", 0)) * float(m.value.get("scale", 1.0) or 1.0))
    except (TypeError, ValueError, OverflowError):
        return False


def _counted(items: list[Item], k: int, w: _Words) -> bool:
    """The number at ``k`` counts something a count group names: the noun right after it, two items
    after it over a possessive or "of" ("the year's 1,240 cases"), or the noun before it across "of"."""
    near = [items[j].code for j in (k + 1, k - 2) if 0 <= j < len(items)]
    if k >= 2 and items[k - 1].code != "of":
        near = near[:1]
    return any(w.group_of.get(c, frozenset()) & w.count_groups for c in near)


def _years_after(items: list[Item], k: int) -> frozenset[int]:
    """The years named after the figure at ``k`` in its clause, up to the next comma or comparison
    ("narrowed to 3.1% of GDP in 2025 from 3.4% in 2024": 2025 for 3.1%)."""
    home = items[k].clause
    out: set[int] = set()
    for it in items[k + 1:]:
        if it.clause != home or it.code in (",", ";", "from", "than", "with", "and"):
            break
        if it.mention is not None and it.mention.type == "year":
            out.add(int(it.mention.value["year"]))
    return frozenset(out)


def _fits(fig: _Figure, ante: _Figure) -> bool:
    """A back-reference's qualifier and year agree with the antecedent's clause."""
    if fig.needs and not fig.needs & ante.words:
        return False
    return fig.year is None or fig.year in ante.years


def _carry_periods(quantities: list[Quantity]) -> None:
    """"Korea's defense budget will total 66.3 trillion won next year ... Lawmakers said the defense budget
    would total 68.3 trillion won": a later figure for the same subject, holder and kind of claim that
    names no period of its own is read for the one period the document gave that subject before (in
    place; the later figure is ``inferred``). With two periods before, it could be either: left alone."""
    periods: dict[str, list[Quantity]] = {}
    for q in sorted(quantities, key=lambda q: q.seq):
        parts = (q.subject_key or "").split("|")
        if len(parts) == 4 and parts[0] and not parts[0].startswith("restated:"):
            periods.setdefault("|".join(parts[:3]), []).append(q)
        elif len(parts) == 3 and parts[0]:
            earlier = periods.get(q.subject_key or "", [])
            if len({e.subject_key for e in earlier}) != 1:
                continue
            ante = earlier[-1]
            like = (ante.unit, ante.currency, ante.scale)
            if sum(1 for o in quantities if o.sentence == ante.sentence and (o.unit, o.currency, o.scale) == like) > 1:
                continue  # "66.3 trillion won next year and 70.1 trillion won in 2027": which one?
            if ante.sentence < q.sentence and like == (q.unit, q.currency, q.scale):
                q.subject_key = ante.subject_key
                q.certainty = "inferred"
                period = (ante.subject_key or "").rsplit("|", 1)[-1]
                q.inferred = f"{q.text} is taken to be for {period}, like the earlier {ante.text}"


def link_restatements(a: Analysis, facts: list[FactBase]) -> None:
    """Give a restated figure and its antecedent one ``subject_key`` (in place)."""
    w = _words()
    quantities = [f for f in facts if isinstance(f, Quantity)]
    if len(quantities) < 2:
        return
    _carry_periods(quantities)
    by_start = {q.span.start: q for q in quantities}

    def quantity_at(start: int) -> Quantity | None:
        q = by_start.get(start)
        if q is not None:
            return q
        return next((q for q in quantities if q.span.start <= start < q.span.end), None)

    seen: list[_Figure] = []
    n = 0
    for sent in a.sentences:
        for fig in _figures(sent, w):
            if fig.backref and fig.group is not None and not fig.compared:
                # an earlier figure compared with another or given for its own period is no antecedent
                same = [s for s in seen if s.group and s.group & fig.group and _same_kind(s.fig, fig.fig)
                        and not s.compared and _fits(fig, s)
                        and (fig.fig.kind != "number" or s.start < sent.start)]
                # a count restates one of an earlier sentence: in its own, "12,418 votes, or 54.2% of the
                # 22,911 ballots cast" names a part and its whole
                # a restatement of any earlier value of the thing is no conflict ("reaffirmed the 90% goal")
                ante = same[-1] if same and not any(_equal(s.fig, fig.fig) for s in same) else None
                if ante is not None:
                    q_new, q_old = quantity_at(fig.start), quantity_at(ante.start)
                    if q_new is not None and q_old is not None and q_new is not q_old and q_new.scale == q_old.scale:
                        n += 1
                        old_key = q_old.subject_key or ""
                        shared = sorted(fig.group & (ante.group or fig.group))
                        # the group the written noun is named for ("the repo rate": rate, not inflation)
                        name = next((g for g in shared if g in fig.words), shared[0])
                        key = old_key if old_key.startswith("restated:") else f"restated:{name}:{n}"
                        q_old.subject_key = key
                        q_old.subject = q_old.subject or name
                        q_new.subject_key, q_new.subject = key, q_old.subject
                        if q_old.unit == "percent_of_gdp" and q_new.unit == "percent":
                            q_new.unit = "percent_of_gdp"  # "the 2025 deficit of 3.3%" after "3.1% of GDP"
                        q_new.certainty = "inferred"
                        q_new.inferred = f"'{fig.fig.text} {name}' is taken to restate the earlier {ante.fig.text}"
            seen.append(fig)
