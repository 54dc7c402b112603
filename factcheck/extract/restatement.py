"""Figures restated across sentences: "a budgetary deficit of C$39.6 billion ... The C$36.9 billion
shortfall" gives one deficit two values.

A *back-reference* is a figure right after a determiner (or a possessive) and right before a noun of a
group in ``resources/en/restatement.yaml`` ("the 4.5% goal", "June's 3.8% reading"), or after "<noun>,
now" ("the deposit rate, now 2.25%"). Its *antecedent* is the latest earlier figure of the same kind
(same currency; percent with percent) that a noun of the same group names, within a few words. The two
quantity facts are given one ``subject_key`` (the antecedent's, else a new one), so that the
conflicting-figure rule compares them; the back-reference is ``inferred`` (a link across sentences),
so the rule never makes an error of it.

The back-reference is read as a noun phrase: determiner or possessive, the figure, plain modifiers that the
antecedent's clause must hold ("the $6.8 billion pretax result"; neutral words such as "headline" apart, and
"new" marking a reference to an increment), the head noun, and the periods after it ("the 7.8% expansion in
the second quarter", "the 2.9% projection for the current fiscal year"), which the antecedent's clause must
name. The head may be named by the antecedent's verb ("grew", "killed", "projected", "targets"). An equal
figure that is the base of a change for another period ("from 4.68% in October") is no restatement of a
back-reference for November.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache

from factcheck.extract.analysis import Analysis
from factcheck.extract.builders.figures import Figure, figure
from factcheck.extract.clauses.segment import Clause, Item, Sentence
from factcheck.extract.mentions.model import Mention
from factcheck.extract.mentions.resources import resource
from factcheck.extract.quantities import is_move
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
    verbs: dict[str, frozenset[str]] | None = None  # "is seeking 8.8 trillion yen", "killed 17 people": verb -> groups
    counted_after_verb: frozenset[str] = frozenset()  # "killed 17 people": the nouns a verb's count may name
    generic: frozenset[str] = frozenset()  # "the June figure of 5.6%": a head that names whatever its period gave
    copulas: frozenset[str] = frozenset()  # "Turnout in Sunday's election was 58.2%": the verb after a subject
    forecast_words: frozenset[str] = frozenset()  # "Economists had expected a surplus of ...": a forecast's clause
    before_figure: frozenset[str] = frozenset()  # "the record 46.9 million passengers": between determiner and figure
    pronouns: frozenset[str] = frozenset()  # "It earned $2.4 billion": a subject that restates the antecedent's
    period_words: frozenset[str] = frozenset()  # "in the quarter", "in the first half": words that name a span
    ordinals: dict[str, int] | None = None  # "the second quarter": an ordinal before a span word names that span
    spans: frozenset[str] = frozenset()  # the span words an ordinal may stand before ("quarter", "half")
    group_kinds: dict[str, frozenset[str]] | None = None  # groups that name only figures of these kinds
    neutral: frozenset[str] = frozenset()  # "the 2.4% headline rate": modifiers that name no other thing
    increment_words: frozenset[str] = frozenset()  # "the 1,046 new beds": a back-reference to an increment
    increment_verbs: frozenset[str] = frozenset()  # "will add 1,064 beds": the figure is an increment
    lead_groups: dict[str, frozenset[str]] | None = None  # "targets a deficit of 4.7%": lead word -> groups
    agent_participles: frozenset[str] = frozenset()  # "the 3% target set by EU rules": another's figure


@cache
def _words() -> _Words:
    raw = resource("restatement")
    groups: dict[str, set[str]] = {}
    for g, words in raw["groups"].items():
        for w in words:
            groups.setdefault(w, set()).add(g)
    group_of = {w: frozenset(gs) for w, gs in groups.items()}
    qualifiers = {q: frozenset(words) for q, words in (raw.get("qualifiers") or {}).items()}
    verbs = {str(v): frozenset([str(g)]) for g, vs in (raw.get("verbs") or {}).items() for v in vs}
    return _Words(group_of, frozenset(raw["determiners"]), frozenset(raw["linkers"]), qualifiers,
                  frozenset(raw.get("count_groups") or ()), frozenset(raw.get("contrasts") or ()),
                  frozenset(raw.get("compare_to_after") or ()), verbs,
                  frozenset(raw.get("counted_after_verb") or ()), frozenset(raw.get("generic_heads") or ()),
                  frozenset(raw.get("copulas") or ()), frozenset(raw.get("forecast_words") or ()),
                  frozenset(raw.get("before_figure") or ()), frozenset(raw.get("pronouns") or ()),
                  frozenset(raw.get("period_words") or ()),
                  {str(k): int(v) for k, v in (raw.get("ordinals") or {}).items()}, frozenset(raw.get("spans") or ()),
                  {str(g): frozenset(ks) for g, ks in (raw.get("group_kinds") or {}).items()},
                  frozenset(raw.get("neutral_modifiers") or ()), frozenset(raw.get("increment_words") or ()),
                  frozenset(raw.get("increment_verbs") or ()),
                  {str(v): frozenset([str(g)]) for g, vs in (raw.get("lead_groups") or {}).items() for v in vs},
                  frozenset(raw.get("agent_participles") or ()))


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
    # the periods of its clause ("killed 17 people so far this year"), and, for a back-reference qualified only by
    # periods ("the 19 deaths recorded so far this year"), those periods: the antecedent's clause must name them all
    periods: frozenset[str] = frozenset()
    own_periods: frozenset[str] = frozenset()
    by_period: bool = False  # compared only because it names periods (own_periods)
    generic: bool = False  # "the June figure of 5.6%": names no group; own_periods must follow the antecedent
    after: frozenset[str] = frozenset()  # the periods named right after it ("5.4% in June from ...")
    # the periods right after it that are before the present one ("5.25% a year ago", "last month"): it joins only a
    # back-reference whose own clause names them too, never "the rate, now 4.25%"
    shifted: frozenset[str] = frozenset()
    # the countries it is said of: a back-reference's possessive ("France's 0.9 billion euro pledge"), the
    # antecedent's clause ("Germany pledged 1.2 billion euros"); two figures of two countries never join
    countries: frozenset[str] = frozenset()
    predicate: bool = True  # stated as a value ("rose to 3.1%", "the total was X"), not a definite noun phrase
    head: str = ""  # the noun of a definite noun phrase ("the 4.7% forecast": forecast)
    lead: frozenset[str] = frozenset()  # the words right before it in its clause ("had expected a surplus of")
    base: bool = False  # the base of a comparison ("up from 7.8% in April-June", "than 2.1%")
    # words each of which the antecedent's clause must hold: a back-reference's modifiers ("the $6.8 billion pretax
    # result": pretax) and what it is "in" or "of" ("the 9% rise in exports": exports)
    musts: frozenset[str] = frozenset()
    expected: bool = False  # a back-reference a forecasting participle follows ("the 1.1% gain expected by economists")
    increment: bool = False  # an increment ("will add 1,064 beds"), or a back-reference to one ("the 1,046 new beds")
    # "the $4.4 billion figure", "that figure of 4.4%": a generic head with no period, which restates the one earlier
    # figure of its kind (when the document has given exactly one)
    lone: bool = False
    # "the new $3.2 billion estimate": a word of the value now in force between the determiner and a sum or a percent;
    # it restates no figure its clause calls superseded ("the original estimate of $2.1 billion")
    latest: bool = False


def _same_value(a: Figure, b: Figure) -> bool:
    """Equal within the rounding of the more precise figure: "310 million" is "310 million", "3.3%" is not "3%"."""
    return abs(a.value - b.value) <= min(a.half, b.half) + 1e-9 * max(abs(a.value), abs(b.value), 1.0)


def _equal(a: Figure, b: Figure) -> bool:
    """Equal within the rounding of the less precise figure."""
    return abs(a.value - b.value) <= max(a.half, b.half) + 1e-9 * max(abs(a.value), abs(b.value), 1.0)


_COMPARISON = frozenset(["than", "from", "with", "against", "versus", "over", "on", "below", "above", "to"])
_TIME = frozenset(["year", "fiscal_year", "month", "date", "relative", "weekday"])  # not "the 17th in a row"
# "the budget for 2026 totals ...", "the trade deficit with China was ..."
_STEP_OVER = frozenset(["year", "fiscal_year", "month", "date", "relative", "country"])
# "cut its cash rate by 25 basis points to 3.60%": the size of a move between a rate and its new level
_MOVE = frozenset(["points", "percent"])


def _qualified(items: list[Item], k: int, w: _Words | None = None, clauses: list[Clause] | None = None) -> bool:
    """The figure at ``k`` is compared with another ("narrower than the HK$87.2 billion shortfall") or
    given for a period of its own ("the A$27.6 billion shortfall now expected for 2024-25"). "to" compares
    only after a word of change or comparison ("cut to the 3.5% ..."), not after another verb ("assent to the
    Sh9.24 billion budget")."""
    return _compared(items, k, w) or bool(_own_periods(items, k, clauses))


def _compared(items: list[Item], k: int, w: _Words | None) -> bool:
    """The figure at ``k`` comes after a word of comparison ("narrower than the ...")."""
    if k >= 2 and items[k - 2].code in _COMPARISON:
        if items[k - 2].code == "with" and (k == 2 or items[k - 3].code == ","):
            return False  # "..., with the 7.3 million electorate spread over": an absolute clause, no comparison
        if items[k - 2].code != "to" or w is None or not w.compare_to_after:
            return True
        if k >= 3 and items[k - 3].code in w.compare_to_after:
            return True
    return w is not None and _base_phrase(items, k, w)


def _base_phrase(items: list[Item], k: int, w: _Words) -> bool:
    """The figure at ``k`` ends a noun phrase that is the base of a change ("to 1.4% from its fall forecast of 2%",
    "higher than the previous year's 3.1%"): a figure compared with, never a restatement."""
    home = items[k].clause
    for j in range(k - 1, max(-1, k - 7), -1):
        it = items[j]
        if it.clause != home or it.mention is not None or it.code in (",", ";"):
            return False
        if it.code in w.determiners:
            return j >= 1 and items[j - 1].clause == home and items[j - 1].code in _BASE
    return False


def _period_key(m: Mention, pub: int | None = None) -> str:
    """A period mention as a key two clauses can share: "June" and "in June" alike; "last year" as the year it
    names when the publication year is known (``pub``), else as written."""
    if m.type == "relative" and pub is not None and m.value.get("unit") == "year" \
            and m.value.get("anchor") == "publication":
        return f"year:{pub + int(float(m.value.get('offset') or 0))}"
    if m.type == "fiscal_year":  # "the fiscal year ending March 2026", "2025-26": the year it ends in
        if m.value.get("form") == "bounded" and m.value.get("end_month") and m.value.get("bound_year"):
            return f"fy_end:{m.value['bound_year']}"
        if m.value.get("form") == "range" and m.value.get("year2"):
            return f"fy_end:{m.value['year2']}"
    if m.type == "relative" and m.value.get("unit") == "fiscal_year" and m.value.get("anchor") == "publication":
        return f"fy_rel:{int(float(m.value.get('offset') or 0))}"  # "the current fiscal year": see _fiscal_keys
    if m.type == "month" and m.value.get("month"):
        return f"month:{m.value['month']}" + (f"/{m.value['year']}" if m.value.get("year") else "")
    if m.type == "year" and m.value.get("year"):
        return f"year:{m.value['year']}"
    return f"{m.type}:{' '.join(m.text.lower().split())}"


def _span_key(items: list[Item], j: int) -> str | None:
    """"the second quarter", "the first half": an ordinal at ``j`` right before a span word, as a period key."""
    w = _words()
    if w.ordinals and items[j].code in w.ordinals and j + 1 < len(items) and items[j + 1].code in w.spans \
            and items[j + 1].clause == items[j].clause:
        return f"{items[j + 1].code}:{w.ordinals[items[j].code]}"
    return None


def _key_at(items: list[Item], j: int, pub: int | None) -> str | None:
    """The period key of the item at ``j``: a period mention, or an ordinal span ("the second quarter")."""
    m = items[j].mention
    if m is not None and m.type in _TIME:
        return _period_key(m, pub)
    return _span_key(items, j)


def _clause_periods(items: list[Item], k: int, pub: int | None = None) -> frozenset[str]:
    home = items[k].clause
    return frozenset(key for j, it in enumerate(items)
                     if it.clause == home and (key := _key_at(items, j, pub)) is not None)


def _periods_after(items: list[Item], k: int, pub: int | None = None) -> tuple[frozenset[str], frozenset[str]]:
    """The periods named right after the figure at ``k`` in its clause, up to a comma or comparison, and
    those of them that are relative to the present and before it ("a year ago", "last month")."""
    home = items[k].clause
    out: set[str] = set()
    shifted: set[str] = set()
    for j in range(k + 1, min(k + 6, len(items))):
        it = items[j]
        if it.clause != home or it.code in (",", ";", "from", "than", "with", "and", "compared"):
            break
        key = _key_at(items, j, pub)
        if key is not None:
            out.add(key)
            if it.mention is not None and it.mention.type == "relative" \
                    and float(it.mention.value.get("offset") or 0) < 0:
                shifted.add(key)
    return frozenset(out), frozenset(shifted)


def _own_periods(items: list[Item], k: int, clauses: list[Clause] | None, pub: int | None = None) -> frozenset[str]:
    """The periods the figure at ``k`` is given for, written after it ("the A$27.6 billion shortfall now
    expected for 2024-25"); not "the largest since March"."""
    home = items[k].clause
    modifier: int | None = None  # a participle set off after the noun ("the 4.5% target set for 2025-26")
    found: set[str] = set()
    for j in range(k + 1, min(k + 7, len(items))):
        it = items[j]
        if it.clause != home and modifier is None and clauses is not None and clauses[it.clause].kind == "participial":
            modifier = it.clause
        if it.clause not in (home, modifier) or it.code in (",", ";"):
            break
        key = _key_at(items, j, pub)
        before = items[j - 2] if j >= 2 and items[j - 1].code in ("the", "a", "an") else items[j - 1]
        if key is not None and before.code not in _NOT_FOR:
            found.add(key)  # not "the largest since March", "open before 2029"
    return frozenset(found)


_NOT_FOR = frozenset(["since", "before", "after", "until", "till"])


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
    if (n := _noun_after(items, k, w)) is not None and items[n].code in w.group_of:
        return w.group_of[items[n].code]  # "logged 2,314 dengue cases", "a $5 billion defence budget"
    j = k - 1
    steps = 0
    moved = False
    walked: frozenset[str] | None = None  # the groups of a verb walked over ("prices rose 2.8%": a rise)
    while j >= 0 and steps < 10 and (items[j].code not in w.group_of or _infinitive(items, j, w)):
        it = items[j]
        if walked is None and w.verbs and it.code in w.verbs:
            walked = w.verbs[it.code]
        if it.code in w.linkers or (it.mention is not None and it.mention.type in _STEP_OVER) \
                or it.code in w.spans or it.code == "-":  # "profit for the July-September quarter fell to"
            j -= 1
            steps += 1
        elif it.mention is not None and it.mention.type in _MOVE and j + 1 < k and _to_after(items, j, k) \
                and j >= 1 and (items[j - 1].code == "by" or items[j - 1].code in w.linkers):
            # "cut its cash rate by 25 basis points to 3.60%", "net profit fell 11 percent to A$1.42 billion":
            # over the size of the move
            back = 2 if items[j - 1].code == "by" else 1
            j -= back
            steps += back
            moved = True
        else:
            break
    if j >= 0 and items[j].code in w.group_of:  # "will cost £1.9 billion" too
        groups = w.group_of[items[j].code]
        if moved and items[j].code in groups:
            return frozenset([items[j].code])  # a move in points is said of the thing named: "rate", not inflation
        return groups
    if j >= 0 and w.verbs and items[j].code in w.verbs and not moved:
        return w.verbs[items[j].code]  # "the ministry is seeking a record 8.8 trillion yen"
    return _subject_group(items, k, j, w) or (walked if not moved else None)


_MODALS = frozenset(["will", "would", "to", "may", "might", "could", "should", "can", "must", "shall"])


def _infinitive(items: list[Item], j: int, w: _Words) -> bool:
    """"will rise 2.9% to ...": a verb at ``j`` that is also a group noun ("rise", "increase"), after a modal."""
    return items[j].code in w.linkers and j >= 1 and items[j - 1].code in _MODALS


def _to_after(items: list[Item], j: int, k: int) -> bool:
    """"to" follows the move at ``j``, over period mentions ("rise 2.9% next year to 10,320 won")."""
    i = j + 1
    while i < k and items[i].mention is not None and items[i].mention.type in _TIME:
        i += 1
    return i < k and items[i].code == "to"


def _subject_group(items: list[Item], k: int, j: int, w: _Words) -> frozenset[str] | None:
    """"Turnout in Sunday's local elections was 58.2%": the group of the noun that opens the figure's
    clause, when a copula stands right before the figure (over linkers, ``j`` is where the steps back
    stopped) and nothing between the noun and the figure is another figure or a comma."""
    if not w.copulas or not any(items[i].code in w.copulas for i in range(max(j + 1, 0), k)):
        return None
    home = items[k].clause
    first = next((i for i in range(k) if items[i].clause == home), k)
    n = first
    # over a determiner, a possessive or a country, and up to two plain words ("the country's overall turnout")
    while n < k and n - first < 4 and items[n].code not in w.group_of and (
            items[n].code in w.determiners or items[n].code.endswith(("'s", "’s"))
            or (items[n].mention is not None and items[n].mention.type == "country")):
        n += 1
    if n >= k or items[n].code not in w.group_of or k - n > 12:
        return None
    for i in range(n + 1, k):
        it = items[i]
        if it.code in (",", ";", "(", ")") or it.clause != home or (
                it.mention is not None and it.mention.type in ("money", "percent", "number", "points")):
            return None
    return w.group_of[items[n].code]


def _by_clause(items: list[Item], pub: int | None) -> dict[int, tuple[frozenset[str], frozenset[str]]]:
    """Each clause's words and period keys (``_clause_words``, ``_clause_periods``), all in one pass."""
    words: dict[int, set[str]] = {}
    periods: dict[int, set[str]] = {}
    for j, it in enumerate(items):
        c = it.clause
        if c not in words:
            words[c], periods[c] = set(), set()
        words[c].add(it.code)
        key = _key_at(items, j, pub)
        if key is not None:
            periods[c].add(key)
    return {c: (frozenset(words[c]), frozenset(periods[c])) for c in words}


def _clause_words(items: list[Item], k: int) -> frozenset[str]:
    home = items[k].clause
    return _synonyms(frozenset(it.code for it in items if it.clause == home), keep=True)


@cache
def _increment_heads() -> frozenset[str]:
    """Heads of a back-reference that name a change, not a level ("the 1,300 job losses" after "will cut 1,400
    jobs"): the back-reference restates an increment."""
    return frozenset(str(x) for x in resource("restatement").get("increment_heads") or ())


@cache
def _superseded() -> frozenset[str]:
    """Words that call a figure a value no longer in force ("the original estimate"), which "the new ..." restates not."""
    return frozenset(str(x) for x in resource("restatement").get("superseded_words") or ())


@cache
def _latest_words() -> frozenset[str]:
    """Words of "the <word> <noun> of X" that name the value now in force ("the new repo rate of 6.25%")."""
    return frozenset(str(x) for x in resource("restatement").get("latest_words") or ())


@cache
def _synonym_of() -> dict[str, str]:
    """Each word of ``synonyms`` (restatement.yaml) -> the word it stands for ("jobless" -> "unemployment")."""
    return {str(v): str(k) for k, vs in (resource("restatement").get("synonyms") or {}).items() for v in vs}


def _synonyms(words: frozenset[str], keep: bool = False) -> frozenset[str]:
    """``words`` with each synonym as the word it stands for (and as written too, with ``keep``)."""
    table = _synonym_of()
    if not any(x in table for x in words):
        return words
    named = frozenset(table.get(x, x) for x in words)
    return named | words if keep else named


def _named_year(items: list[Item], k: int, w: _Words, pub: int | None = None) \
        -> tuple[frozenset[str], int, frozenset[str], bool, frozenset[str]] | None:
    """"the 2025 deficit of 3.3%", "the deficit of 3.3%": a determiner, an optional year, a noun of a group
    and "of" right before the figure at ``k``: its groups, the year (0 if none), the plain words before the noun
    (each of which the antecedent's clause must hold: "the youth unemployment rate of 14%" is not the unemployment
    rate, "the May inflation rate" not June's), whether a comparison stands before the determiner ("well below
    the inflation rate of 9.1%"), and the period named before the noun instead of a year ("the Sunday crowd of
    44,100", "the second-quarter rate of 7.2%"), which the antecedent's clause must name."""
    if k < 3 or items[k - 1].code != "of" or items[k - 2].code not in w.group_of:
        return None
    j = k - 3
    year = 0
    named: frozenset[str] = frozenset()
    m = items[j].mention
    if m is not None and m.type == "year":
        year = int(m.value["year"])
        j -= 1
    elif m is not None and m.type in _NAMED_PERIODS and j >= 1 and items[j - 1].code in w.determiners:
        named = frozenset([_period_key(m, pub)])  # "the Sunday crowd of 44,100", "the March output of ..."
        j -= 1
    elif j >= 3 and w.ordinals and items[j].code in w.spans and items[j - 1].code == "-" \
            and items[j - 2].code in w.ordinals and items[j - 3].code in w.determiners:
        named = frozenset([f"{items[j].code}:{w.ordinals[items[j - 2].code]}"])  # "the second-quarter rate of"
        j -= 3
    rate_of = items[k - 2].code in _rate_heads() and k >= 3 and items[k - 3].code in w.group_of \
        and items[k - 3].mention is None  # "the growth rate of 5.2%": a rate of growth
    mods: set[str] = set()
    # "the new repo rate of 5.25%": up to two plain words before the noun, none of which says it is another value
    for _ in range(2):
        if j < 1 or items[j].code in w.determiners or items[j].mention is not None or items[j].code in w.contrasts \
                or not items[j].code.isalpha():
            break
        if not (rate_of and j == k - 3) and items[j].code not in w.neutral and items[j].code not in _latest_words():
            mods.add(items[j].code)  # not "the new repo rate of 6.25%": the one now in force
        if items[j - 1].code in w.determiners:
            j -= 1
            break
        j -= 1
    if not year and j >= 1 and items[j].mention is not None and items[j].mention.type == "year" \
            and items[j - 1].code in w.determiners:
        year = int(items[j].mention.value["year"])  # "the 2025 growth rate of 5.2%": the year before the modifiers
        j -= 1
    if j < 0 or items[j].code not in w.determiners:
        return None
    compared = j >= 1 and items[j - 1].clause == items[k].clause and items[j - 1].code in _COMPARED_BEFORE
    if rate_of:
        return w.group_of[items[k - 3].code], year, frozenset(mods), compared, named
    return w.group_of[items[k - 2].code], year, frozenset(mods), compared, named


_NAMED_PERIODS = frozenset(["weekday", "month", "date"])


# words before a determiner that make the noun phrase after them a base of comparison ("well below the ...")
_COMPARED_BEFORE = frozenset(["than", "from", "below", "above", "versus", "against", "under", "beneath", "exceeding",
                              "beat", "beats", "topped", "missed", "surpassed"])


_AFTER_PARTICIPLE = frozenset(["in", "during", "for", "last", "this", "was", "is", ",", ".", "so", "since"])


@cache
def _money_participles() -> dict[str, frozenset[str]]:
    """Participles right after a definite sum that name what it is ("the $3.9 billion earned"): verb -> groups."""
    out: dict[str, set[str]] = {}
    for g, vs in (resource("restatement").get("money_participles") or {}).items():
        for v in vs:
            out.setdefault(str(v), set()).add(str(g))
    return {v: frozenset(gs) for v, gs in out.items()}


@cache
def _rate_heads() -> frozenset[str]:
    """Heads that name the measure of the group noun before them ("the growth rate", "the inflation rate")."""
    return frozenset(str(x) for x in resource("restatement").get("rate_heads") or ())


def _is_definite(prev: Item | None, w: _Words) -> bool:
    return prev is not None and (prev.code in w.determiners or prev.code.endswith(("'s", "’s"))
                                 or (prev.mention is not None and bool(prev.mention.value.get("possessive"))))


def _frame(items: list[Item], pub: int | None = None) -> frozenset[str]:
    """The periods a sentence opens with, set off by a comma ("In 2019, ...", "During the same period in 2019,
    ...", "Last month, ..."): the figures after it are for those periods."""
    if not items or not (items[0].code in _FRAME_OPENERS or (items[0].mention is not None
                                                             and items[0].mention.type in _TIME)):
        return frozenset()
    found: set[str] = set()
    for it in items[:10]:
        if it.code == ",":
            return frozenset(found)
        if it.mention is not None and it.mention.type in _TIME:
            found.add(_period_key(it.mention, pub))
    return frozenset()


def _framed_in(frames: list[tuple[int, frozenset[str]]], since: int, periods: frozenset[str]) -> bool:
    """No sentence after sentence ``since`` opens with a period that ``periods`` (the antecedent's) lacks."""
    for si, frame in reversed(frames):
        if si <= since:
            return True
        if not frame <= periods:
            return False
    return True


_FRAME_OPENERS = frozenset(["in", "for", "during", "over", "through", "throughout", "by", "at", "since", "until"])


def _forecast(fig: _Figure, w: _Words) -> bool:
    """The figure is what someone forecasts or expects ("Economists had expected a surplus of US$45.70
    billion"): a predicate figure a forecasting word leads up to, or a definite one a forecasting noun names
    ("the 4.7% forecast"); not a definite back-reference that only names the value ("Economists expect the
    14.50% Selic to stay")."""
    return bool(fig.lead & w.forecast_words) if fig.predicate else (fig.head in w.forecast_words or fig.expected)


def _countries(items: list[Item], k: int) -> frozenset[str]:
    home = items[k].clause
    return frozenset(str(it.mention.value.get("code")) for it in items
                     if it.clause == home and it.mention is not None and it.mention.type == "country")


def _possessor(items: list[Item], k: int) -> frozenset[str]:
    """The country of a possessive right before the figure at ``k`` ("France's 0.9 billion euro pledge")."""
    m = items[k - 1].mention if k >= 1 else None
    if m is not None and m.type == "country" and m.value.get("possessive"):
        return frozenset([str(m.value.get("code"))])
    return frozenset()


_SAYING = frozenset(["said", "says", "say", "that", "told", "showed", "show", "shows"])


def _head_before(items: list[Item], h: int, w: _Words) -> bool:
    """The group noun at ``h`` is definite and opens its clause or what a verb of saying reports ("The deal",
    "... said the total", "the ministry's budget"): a determiner or possessive before it, over at most two
    plain words none of which says it is another value ("the estimated cost")."""
    home = items[h].clause
    d = h - 1
    for _ in range(2):
        if d < 0 or _is_definite(items[d], w) or items[d].clause != home:
            break
        it = items[d]
        if it.mention is not None or not it.code.isalpha() or it.code in w.contrasts or it.code in w.linkers:
            return False
        d -= 1
    if d < 0 or items[d].clause != home or not _is_definite(items[d], w) or items[d].code in w.contrasts:
        return False
    before = items[d - 1] if d >= 1 else None
    return before is None or before.clause != home or before.code in _SAYING or before.code in (".", ";")


def _named_before(items: list[Item], p: int) -> bool:
    """A name stands before the pronoun at ``p`` in its clause ("Exxon said it earned"): the pronoun is that
    name's, not the antecedent's holder. A capitalised first word counts unless it is a function word ("The")."""
    home = items[p].clause
    for i in range(p):
        it = items[i]
        if it.clause != home:
            continue
        if it.mention is not None and it.mention.type in ("country", "person", "title"):
            return True
        if it.text[:1].isupper() and not (i == 0 and it.code in _FUNCTION_WORDS):
            return True
    return False


_FUNCTION_WORDS = frozenset(["the", "its", "their", "this", "that", "a", "an", "but", "and", "so", "still", "yet"])


def _definite_subject(items: list[Item], k: int, clauses: list[Clause], w: _Words) \
        -> tuple[frozenset[str], str] | None:
    """A figure whose definite subject names it, as a back-reference: "The deal, which officials valued at
    R7.8 billion", "officials said the total was 180.2 billion euros". The figure comes right after linkers
    (a copula among them, or a relative clause's verb and "at"/"to"), and nothing but a relative clause
    stands between it and its subject."""
    home = items[k].clause
    if not w.copulas or clauses[home].modality != "asserted":
        return None  # not "the deficit would have been $826 billion" (if not for ...)
    j = k - 1
    copula = False
    while j >= 0 and k - j <= 4 and items[j].clause == home and items[j].code in w.linkers \
            and items[j].code not in w.group_of:
        copula = copula or items[j].code in w.copulas
        j -= 1
    if j < 0:
        return None
    if j == k - 1 and w.verbs and items[j].code in w.verbs and j >= 1 and items[j - 1].code in w.pronouns \
            and (j == 1 or items[j - 2].clause != home or items[j - 2].code in (",", ";", "and", "but") or
                 items[j - 2].code in _SAYING) and not _named_before(items, j - 1):
        return w.verbs[items[j].code], items[j].code  # "It earned $2.4 billion": the pronoun is the antecedent's holder
    if clauses[home].kind == "relative":
        first = next(i for i in range(k + 1) if items[i].clause == home)
        if items[first].code not in ("which", "that") or first < 2 or items[first - 1].code != "," \
                or k - first > 6 or j == k - 1:
            return None
        if any(it.mention is not None and it.mention.type in ("money", "percent", "number", "points")
               for it in items[first:k]):
            return None
        h = first - 2  # "The deal, which officials valued at R7.8 billion"
    elif copula and items[j].code in w.group_of:
        h = j  # "the total was 180.2 billion euros"
    elif copula and (of := _of_phrase(items, j, w)) is not None:
        h = of  # "the latest cost estimate for the harbour tunnel is $2.9 billion": the noun before "for"/"of"
    else:
        return None
    if items[h].code not in w.group_of or not _head_before(items, h, w):
        return None
    return w.group_of[items[h].code], items[h].code


def _of_phrase(items: list[Item], j: int, w: _Words) -> int | None:
    """The group noun before "for" or "of" and a plain noun phrase that ends at ``j`` ("the cost estimate for the
    harbour tunnel", "the price of the new frigates"): up to six words of its own clause, no figure, period, comma or
    other group noun between."""
    home = items[j].clause
    for i in range(j, max(0, j - 7), -1):
        it = items[i]
        if it.clause != home or (it.mention is not None and it.mention.type != "person") or not it.code.isalpha() \
                or (i < j and it.code in w.group_of):
            return None
        if it.code in ("for", "of") and i < j:
            return i - 1 if i >= 1 and items[i - 1].clause == home and items[i - 1].code in w.group_of else None
    return None


_LEAD = 8  # items before a figure that may hold the verb it is the object of


def _figures(sent: Sentence, w: _Words, pub: int | None = None) -> list[_Figure]:
    out: list[_Figure] = []
    items = sent.items
    by_clause: dict[int, tuple[frozenset[str], frozenset[str]]] | None = None  # each clause's words and periods
    for k, it in enumerate(items):
        f = figure(it.mention) if it.mention is not None and (it.mention.type in ("money", "percent") or (
            it.mention.type == "number" and _finite(it.mention))) else None
        if f is None or sent.clauses[it.clause].kind == "paren":
            continue
        if f.kind == "number" and not _counted(items, k, w):
            continue  # a bare number joins only as a count ("1,204 cases", "a crowd of 52,340")
        prev = items[k - 1] if k > 0 else None
        nxt = items[k + 1] if k + 1 < len(items) else None
        if by_clause is None:
            by_clause = _by_clause(items, pub)
        clause_of = by_clause[it.clause]
        words, years = clause_of[0], _years_after(items, k)
        latest = f.kind != "number" and prev is not None and prev.code in _latest_words() and k >= 2 \
            and _is_definite(items[k - 2], w)  # "the new $3.2 billion estimate" (not "the new 40 beds": an increment)
        definite = _is_definite(prev, w) or latest or (prev is not None and prev.code in w.before_figure and k >= 2
                                                       and _is_definite(items[k - 2], w))  # "the record 46.9 million"
        if definite and f.kind == "number" and prev is not None and prev.code in _DEMONSTRATIVES:
            # "This implies that 3,592,784 voters did not vote": before a count of a plural noun "that" is a
            # conjunction (a demonstrative would be "those"), so the count is stated, not referred back to
            definite = False
        needs: frozenset[str] = frozenset()
        head_at = k + 1
        if definite and nxt is not None and nxt.code in ("in", "of") and k + 2 < len(items) \
                and items[k + 2].code in w.group_of:
            nxt, head_at = items[k + 2], k + 2  # "the $7.42 billion in revenue it posted"
        elif definite and nxt is not None and nxt.code in w.qualifiers and k + 2 < len(items) \
                and items[k + 2].code in w.group_of:
            needs = w.qualifiers[nxt.code]  # "the $2.13 billion quarterly profit"
            nxt, head_at = items[k + 2], k + 2
        musts: frozenset[str] = frozenset()
        increment = False
        if definite and nxt is not None and nxt.code not in w.group_of and not needs:
            modified = _modified_head(items, k, w)
            if modified is not None:  # "the $6.8 billion pretax result", "the 1,046 new beds"
                head_at, musts, needs, increment = modified
                nxt = items[head_at]
        if definite and nxt is not None and nxt.code in w.group_of:
            while head_at + 1 < len(items) and items[head_at + 1].code in w.group_of \
                    and items[head_at + 1].clause == it.clause and items[head_at + 1].mention is None:
                musts = musts | {nxt.code}  # "the 3% deficit target": a target, of a deficit
                head_at += 1
                nxt = items[head_at]
            musts = musts | _object_after(items, head_at, w) | _forecaster_named(items, k, head_at, w)
        periods, (after, shifted) = clause_of[1], _periods_after(items, k, pub)
        countries = _countries(items, k)
        lead = frozenset(items[i].code for i in range(max(0, k - _LEAD), k) if items[i].clause == it.clause)
        if _lone_head(items, k, definite, w):
            out.append(_Figure(f, it.start, None, False, _compared(items, k, w), words=words, lead=lead, years=years,
                               periods=periods, predicate=False, lone=True))
            continue
        generic = _generic_period(items, k, w, pub) if not definite else None
        if generic is not None:  # "the June figure of 5.6%": whatever the antecedent named for that period
            out.append(_Figure(f, it.start, None, True, _compared(items, k, w), words=words, lead=lead, years=years,
                               periods=periods, own_periods=generic, generic=True, after=after,
                               shifted=shifted, predicate=False, head=items[k - 2].code))
            continue
        named = _named_year(items, k, w, pub) if not definite else None
        if named is not None:  # "the 2025 deficit of 3.3%": its year must be the antecedent's
            groups, year, mods, before, before_noun = named
            own = (_own_periods(items, k, sent.clauses, pub) if not year else frozenset()) | before_noun
            cmp = before or (_compared(items, k, w) if not year else False)
            out.append(_Figure(f, it.start, groups, True, cmp or bool(own), words=words, lead=lead, year=year or None,
                               years=years, periods=periods, own_periods=own, by_period=bool(own) and not cmp,
                               after=after, shifted=shifted, predicate=False, head=items[k - 2].code,
                               musts=_synonyms(mods)))
            continue
        backref = definite and nxt is not None and nxt.code in w.group_of
        verb_group = _participle_group(items, k, w) if definite and not backref else None
        if verb_group is not None:  # "each of the 39 people killed": the verb after the head names the count
            backref = True
        if not backref and k >= 3 and prev is not None and prev.code == "now" and items[k - 2].code == "," \
                and items[k - 3].code in w.group_of:
            out.append(_Figure(f, it.start, w.group_of[items[k - 3].code], True,  # "the deposit rate, now 2.25%"
                               _qualified(items, k, w, sent.clauses), words=words, lead=lead, years=years, periods=periods,
                               after=after, shifted=shifted))
            continue
        subject = _definite_subject(items, k, sent.clauses, w) if not backref and f.kind != "number" else None
        if subject is not None:  # "The deal, which officials valued at R7.8 billion"
            own = _own_periods(items, k, sent.clauses, pub)
            cmp = _compared(items, k, w)
            # the subject's noun leads up to the figure too ("the cost estimate for the line is $2.9 billion": an estimate)
            out.append(_Figure(f, it.start, subject[0], True, cmp or bool(own), words=words, lead=lead | {subject[1]},
                               years=years,
                               periods=periods, own_periods=own, by_period=bool(own) and not cmp, after=after,
                               shifted=shifted, countries=countries))
            continue
        own = _own_periods(items, k, sent.clauses, pub) if backref else frozenset()
        cmp = backref and (_compared(items, k, w) or _by_another(items, head_at, w))
        # "the ¥21.3 trillion package adopted on Friday": a day says when it was decided, not what it is for; the
        # antecedent must name that day, but the figure stays an antecedent of its own
        spans = frozenset(p for p in own if not p.startswith(("date:", "weekday:")))
        group = verb_group or (w.group_of[nxt.code] if backref and nxt else _group_near(items, k, w))
        if not backref:
            group = _with_lead(group, items, k, w)
        out.append(_Figure(f, it.start, _for_kind(group, f.kind, w),
                           backref, cmp or bool(spans), needs if backref else frozenset(), words,
                           years=years, periods=periods, own_periods=own, by_period=bool(own) and not cmp,
                           after=after, shifted=shifted, countries=_possessor(items, k) if backref else countries,
                           predicate=not backref, head=nxt.code if backref and nxt and not verb_group else "",
                           lead=lead, base=not backref and _is_base(items, k, w),
                           musts=musts if backref else frozenset(),
                           expected=backref and head_at + 1 < len(items) and items[head_at + 1].code in w.forecast_words,
                           increment=(increment or (nxt is not None and nxt.code in _increment_heads())) if backref
                           else _increment(items, k, w), latest=latest and backref))
    return out


def _lone_head(items: list[Item], k: int, definite: bool, w: _Words) -> bool:
    """"the $4.4 billion figure", "that figure of $4.4 billion": a definite generic head of no group right after the
    figure at ``k``, or before it across "of", with nothing after the head that says what it is of ("the figure for
    May", "the number of deaths")."""
    if definite:
        h = k + 1
    elif k >= 3 and items[k - 1].code == "of" and items[k - 3].code in w.determiners:
        h = k - 2
    else:
        return False
    if h >= len(items) or items[h].clause != items[k].clause or items[h].code not in w.generic \
            or items[h].code in w.group_of:
        return False
    after = items[h + 1] if h + 1 < len(items) else None
    if after is not None and after.code in w.forecast_words:
        return False  # "the 3.4% figure expected by economists": another claim's
    return after is None or h < k or after.code not in ("of", "for", "in", "from", "on", "at")


_BASE = frozenset(["from", "than", "versus", "against"])
_DEMONSTRATIVES = frozenset(["that", "this"])  # singular: they make no count of a plural noun definite
_GENERIC_GROUPS = frozenset(["target", "total"])  # heads that name no thing of their own ("the budgeted target of 3.5%")


def _is_base(items: list[Item], k: int, w: _Words) -> bool:
    """The figure at ``k`` is the base of a change or comparison ("up from 7.8%", "than 2.1%")."""
    return (k >= 1 and items[k - 1].code in _BASE) or _compared(items, k, w)


def _modified_head(items: list[Item], k: int, w: _Words) \
        -> tuple[int, frozenset[str], frozenset[str], bool] | None:
    """"the $6.8 billion pretax result", "the 4.5% deficit target", "the ¥1.2 trillion half-year profit": up to
    three plain words (or hyphens) between the figure at ``k`` and the last noun of a group after them. Returns
    that noun's index, the words the antecedent's clause must hold (all but neutral ones), a qualifier's words
    (one of which it must hold) and whether a word says it counts an increment ("new")."""
    home = items[k].clause
    musts: set[str] = set()
    needs: frozenset[str] = frozenset()
    increment = False
    for h in range(k + 1, min(k + 5, len(items))):
        it = items[h]
        if it.clause != home or it.mention is not None:
            return None
        if it.code in w.group_of and h > k + 1 and (h + 1 >= len(items) or items[h + 1].code not in w.group_of):
            return h, frozenset(musts), needs, increment
        if it.code == "-":
            continue
        if it.code in w.qualifiers:
            needs = w.qualifiers[it.code]
        elif it.code in w.increment_words:
            increment = True
        elif it.code in w.neutral:
            pass
        elif it.code in w.group_of or _modifier_at(items, h, w) or it.code in w.period_words:
            musts.add(it.code)
        else:
            return None
    return None


def _forecaster_named(items: list[Item], k: int, h: int, w: _Words) -> frozenset[str]:
    """"the IMF's 3.1% forecast": a forecast's possessor is its forecaster, whom the antecedent's clause must name
    (the bank's forecast and the fund's are two claims)."""
    if items[h].code not in w.group_of or "forecast" not in w.group_of[items[h].code]:
        return frozenset()
    j = k - 1
    if j >= 1 and items[j].code in w.before_figure:
        j -= 1
    code = items[j].code if j >= 0 else ""
    if items[j].mention is None and code.endswith(("'s", "’s")) and len(code) > 2:
        return frozenset([code[:-2]])
    return frozenset()


def _object_after(items: list[Item], h: int, w: _Words) -> frozenset[str]:
    """"the 9% rise in exports", "the 2.1% increase of sales": the plain word a back-reference's noun at ``h`` is
    "in" or "of" (over "the"), which the antecedent's clause must name; not a period ("in the second quarter")."""
    j = h + 1
    if j >= len(items) or items[j].code not in ("in", "of") or items[j].clause != items[h].clause:
        return frozenset()
    j += 1
    if j < len(items) and items[j].code in w.determiners:
        j += 1
    if j >= len(items) or items[j].mention is not None or not items[j].code.isalpha():
        return frozenset()
    code = items[j].code
    if code in w.period_words or (w.ordinals and code in w.ordinals) or code in w.spans or code in w.determiners:
        return frozenset()
    if w.group_of.get(code, frozenset()) & w.group_of.get(items[h].code, frozenset()):
        return frozenset()  # "the 44,100 spectators in attendance": the object names the head's own thing
    return frozenset([code])


def _with_lead(groups: frozenset[str] | None, items: list[Item], k: int, w: _Words) -> frozenset[str] | None:
    """"France's budget targets a deficit of 4.7%", "aims to cut emissions by 60%": a word before the figure in
    its clause that names what it is (a target) adds that group."""
    if not w.lead_groups:
        return groups
    home = items[k].clause
    extra: set[str] = set()
    for i in range(max(0, k - _TARGET_LEAD), k):
        if items[i].clause == home and items[i].code in w.lead_groups:
            extra |= w.lead_groups[items[i].code]
        elif items[i].clause == home and items[i].mention is not None \
                and items[i].mention.type in ("money", "percent", "number"):
            extra.clear()  # "targets a deficit of 4.7%, down from 5.4%": the word is the first figure's
    return (groups or frozenset()) | frozenset(extra) if extra else groups


_TARGET_LEAD = 12


def _increment(items: list[Item], k: int, w: _Words) -> bool:
    """The figure at ``k`` counts an increment: a verb of increment right before it ("will add 1,064 beds") or a
    word of one right after it ("logged 2,140 new cases")."""
    return (k >= 1 and items[k - 1].code in w.increment_verbs) or (
        k + 1 < len(items) and items[k + 1].code in w.increment_words)


def _by_another(items: list[Item], h: int, w: _Words) -> bool:
    """"the 3% deficit target set by European rules", "the 2% cap imposed under the treaty": a participle and
    "by" or "under" after the back-reference's noun at ``h`` give the figure another source; "now" after it a
    newer value: no restatement."""
    if h + 1 < len(items) and items[h + 1].code == "now":
        return True  # "the $5.1 billion estimate now includes land": a newer value
    return h + 2 < len(items) and items[h + 1].code in w.agent_participles and items[h + 2].code in ("by", "under")


def _for_kind(groups: frozenset[str] | None, kind: str, w: _Words) -> frozenset[str] | None:
    """The groups that may name a figure of this kind ("wage" names money: "the 10,230 won hourly rate", never
    a percent "rate")."""
    if groups is None or not w.group_kinds:
        return groups
    kept = frozenset(g for g in groups if g not in w.group_kinds or kind in w.group_kinds[g])
    return kept or None


def _participle_group(items: list[Item], k: int, w: _Words) -> frozenset[str] | None:
    """"the 39 people killed": a noun a verb's count may name right after the figure at ``k``, then that verb
    (as a participle): the verb's count groups."""
    m = items[k].mention
    if m is not None and m.type == "money" and k + 1 < len(items) and items[k + 1].code in _money_participles():
        # "the $3.9 billion earned in 2025": what was earned, when nothing after the verb says from what or where
        nxt = items[k + 2] if k + 2 < len(items) else None
        if nxt is None or nxt.code in _AFTER_PARTICIPLE or (nxt.mention is not None and nxt.mention.type in _TIME):
            return _money_participles()[items[k + 1].code]
        return None
    if k + 2 >= len(items) or items[k + 1].code not in w.counted_after_verb or not w.verbs:
        return None
    groups = w.verbs.get(items[k + 2].code, frozenset()) & w.count_groups
    return groups or None


def _noun_after(items: list[Item], k: int, w: _Words) -> int | None:
    """The item after the plain modifiers (up to three, hyphens between them) right after the figure at ``k``
    ("2,314 dengue cases", "860 intensive-care beds"), if there is at least one modifier."""
    j = k + 1
    while j < len(items) and j - k <= 3 and items[j].clause == items[k].clause and (
            _modifier_at(items, j, w) or (items[j].code == "-" and j > k + 1)):
        j += 1
    if j == k + 1 or j >= len(items) or items[j].clause != items[k].clause or items[j - 1].code == "-":
        return None
    return j


def _modifier_at(items: list[Item], j: int, w: _Words) -> bool:
    """A plain lower-case word at ``j`` that may stand between a figure and its noun ("2,314 dengue cases",
    "a $5 billion defence budget"): no function word, linker or group noun, and in the figure's clause."""
    it = items[j]
    return it.mention is None and it.code.isalpha() and it.text.islower() and it.code not in w.linkers \
        and it.code not in w.determiners and it.code not in w.group_of and it.code not in _COMPARISON \
        and it.code not in w.contrasts and it.code not in w.qualifiers


def _generic_period(items: list[Item], k: int, w: _Words, pub: int | None = None) -> frozenset[str] | None:
    """"the June figure of 5.6%", "the 2024 number of 45.7 million", "the first-half figure of 7.6%": a
    determiner, a month, a year or an ordinal span, a generic head and "of" right before the figure at ``k``: the
    period it names."""
    if k < 4 or items[k - 1].code != "of" or items[k - 2].code not in w.generic:
        return None
    m = items[k - 3].mention
    if m is None and k >= 6 and w.ordinals and items[k - 4].code == "-" and items[k - 5].code in w.ordinals \
            and items[k - 3].code in w.spans and items[k - 6].code in w.determiners:
        # "the first-half figure of 31.2%", "the third-quarter number of ...": an ordinal span joined by a hyphen
        return frozenset([f"{items[k - 3].code}:{w.ordinals[items[k - 5].code]}"])
    if m is None or m.type not in ("month", "year") or items[k - 4].code not in w.determiners:
        return None
    return frozenset([_period_key(m, pub)])


def _finite(m: Mention) -> bool:
    """A number a float can hold (not the 400 digits of an adversarial input)."""
    try:
        return math.isfinite(float(m.value.get("value", 0)) * float(m.value.get("scale", 1.0) or 1.0))
    except (TypeError, ValueError, OverflowError):
        return False


def _counted(items: list[Item], k: int, w: _Words) -> bool:
    """The number at ``k`` counts something a count group names: the noun right after it, two items
    after it over a possessive or "of" ("the year's 1,240 cases"), the noun before it across "of", or a
    verb of the group right before it ("killed 17 people")."""
    near = [items[j].code for j in (k + 1, k - 2) if 0 <= j < len(items)]
    if k >= 2 and items[k - 1].code != "of":
        near = near[:1]
    if (n := _noun_after(items, k, w)) is not None:
        near.append(items[n].code)  # "2,314 dengue cases", "860 intensive-care beds"
    if _participle_group(items, k, w):
        return True  # "the 39 people killed"
    if any(w.group_of.get(c, frozenset()) & w.count_groups for c in near):
        return True
    # "cholera has killed 1,284 people": a verb that says what the count is, and a noun for whom
    return k >= 1 and k + 1 < len(items) and w.verbs is not None and items[k + 1].code in w.counted_after_verb \
        and bool(w.verbs.get(items[k - 1].code, frozenset()) & w.count_groups)


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


def _other_period(earlier: _Figure, fig: _Figure) -> bool:
    """The earlier figure is the base of a comparison given for periods right after it, none of which the
    back-reference's own periods name ("from 4.68% in October" against "the 4.68% rate for November")."""
    return earlier.base and bool(fig.own_periods) and bool(earlier.after) \
        and not earlier.after & fig.own_periods


def _fits(fig: _Figure, ante: _Figure) -> bool:
    """A back-reference's qualifier and year agree with the antecedent's clause."""
    if fig.needs and not fig.needs & ante.words:
        return False
    if not fig.musts <= ante.words or ante.increment != fig.increment:
        # an increment restates an increment only ("will add 1,064 beds ... the 1,046 new beds"): "the 71 new
        # cases" are not the year's 600
        return False
    return fig.year is None or fig.year in ante.years


def _indefinite(text: str, q: Quantity) -> bool:
    """The figure opens an indefinite noun phrase ("a 3.7 percent rate", "an 8% rise")."""
    before = text[max(0, q.span.start - 4) : q.span.start].lower()
    return before.endswith((" a ", " an ")) or before in ("a ", "an ") or before.endswith(("\na ", "\nan "))


def _carry_periods(quantities: list[Quantity], text: str) -> None:
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
            if _indefinite(text, q):
                continue  # "A 3.7 percent unemployment rate would be the lowest since ...": a figure supposed, not restated
            earlier = periods.get(q.subject_key or "", [])
            if len({e.subject_key for e in earlier}) != 1:
                continue
            ante = earlier[-1]
            like = (ante.unit, ante.currency, ante.scale)
            if sum(1 for o in quantities if o.sentence == ante.sentence and (o.unit, o.currency, o.scale) == like) > 1:
                continue  # "66.3 trillion won next year and 70.1 trillion won in 2027": which one?
            if sum(1 for o in quantities if o.sentence == q.sentence and (o.unit, o.currency, o.scale) == like) > 1:
                continue  # "Q1 at 4.2%; Q2 at 3.7%; ...": a list whose figures name periods of their own
            if ante.sentence < q.sentence and like == (q.unit, q.currency, q.scale):
                q.subject_key = ante.subject_key
                q.certainty = "inferred"
                period = (ante.subject_key or "").rsplit("|", 1)[-1]
                q.inferred = f"{q.text} is taken to be for {period}, like the earlier {ante.text}"


def _fiscal_end(a: Analysis) -> int | None:
    """The year the current fiscal year ends in, when the document states its fiscal calendar ("the fiscal year
    ending March 2026") and has a publication date: "the current fiscal year" is then that year's."""
    published = a.doc.published
    if published is None:
        return None
    months = {int(m.value["end_month"]) for m in a.mentions_of("fiscal_year")
              if m.value.get("form") == "bounded" and m.value.get("end_month")}
    if len(months) != 1:
        return None
    end = months.pop()
    return published.year if published.month <= end else published.year + 1


def _fiscal_keys(figs: list[_Figure], fiscal_end: int | None) -> list[_Figure]:
    """Relative fiscal-year keys ("fy_rel:0") as the year that fiscal year ends in, when the document's fiscal
    calendar is known; else left as they are (they then match only one another)."""
    if fiscal_end is None:
        return figs

    def fix(keys: frozenset[str]) -> frozenset[str]:
        return frozenset(f"fy_end:{fiscal_end + int(k[7:])}" if k.startswith("fy_rel:") else k for k in keys)
    return [replace(f, periods=fix(f.periods), own_periods=fix(f.own_periods), after=fix(f.after),
                    shifted=fix(f.shifted)) for f in figs]


def _link_lone(fig: _Figure, seen: list[_Figure], sentence_of: dict[int, int], si: int,
               quantity_at: Callable[[int], Quantity | None], text: str) -> None:
    """"Exports rose to $4.2 billion ... the $4.4 billion figure": a generic head with no period restates the one
    figure of its kind the document gave before, in an earlier sentence, when it gave exactly one and that one is
    stated as a level (not the base of a change, a forecast or an increment). Two or more: which one? Left alone."""
    kind = [s for s in seen if _same_kind(s.fig, fig.fig)]
    if len(kind) != 1:
        return
    ante = kind[0]
    if sentence_of[ante.start] >= si or ante.base or ante.compared or ante.increment or ante.lone \
            or bool(ante.lead & _words().forecast_words) or _equal(ante.fig, fig.fig):
        return
    q_new, q_old = quantity_at(fig.start), quantity_at(ante.start)
    if q_new is None or q_old is None or q_new is q_old or q_new.scale != q_old.scale or q_new.unit != q_old.unit \
            or q_old.claim_type in ("change", "forecast", "target", "request") or q_old.hedge != "exact" \
            or is_move(text, q_old.span.end) or is_move(text, q_new.span.end):
        return
    key = q_old.subject_key if (q_old.subject_key or "").startswith("restated:") else f"restated:figure:{q_old.seq}"
    q_old.subject_key = q_new.subject_key = key
    q_new.subject = q_old.subject
    q_new.certainty = "inferred"
    q_new.inferred = f"'{fig.fig.text}' is taken to restate the earlier {ante.fig.text}, the one figure of its kind before it"


def link_restatements(a: Analysis, facts: list[FactBase]) -> None:
    """Give a restated figure and its antecedent one ``subject_key`` (in place)."""
    w = _words()
    quantities = [f for f in facts if isinstance(f, Quantity)]
    if len(quantities) < 2:
        return
    _carry_periods(quantities, a.text)
    by_start = {q.span.start: q for q in quantities}

    def quantity_at(start: int) -> Quantity | None:
        q = by_start.get(start)
        if q is not None:
            return q
        return next((q for q in quantities if q.span.start <= start < q.span.end), None)

    pub = a.doc.published.year if a.doc.published else None
    fiscal_end = _fiscal_end(a)
    seen: list[_Figure] = []
    sentence_of: dict[int, int] = {}  # a figure's start -> its sentence's index
    frames: list[tuple[int, frozenset[str]]] = []  # the sentences that open with a period ("In 2019, ...")
    n = 0
    for si, sent in enumerate(a.sentences):
        if frame := _frame(sent.items, pub):
            frames.append((si, frame))
        for fig in _fiscal_keys(_figures(sent, w, pub), fiscal_end):
            sentence_of[fig.start] = si
            if fig.lone and not fig.compared:
                _link_lone(fig, seen, sentence_of, si, quantity_at, a.text)
            if fig.backref and (fig.group is not None or fig.generic) and (not fig.compared or fig.by_period):
                # an earlier figure compared with another or given for its own period is no antecedent; a
                # back-reference given for periods ("the 19 deaths recorded so far this year") joins only a figure
                # whose clause names them all, a generic one ("the June figure of 5.6%") one that names them next
                same = [s for s in seen if s.group and (fig.generic or (fig.group is not None and s.group & fig.group))
                        and _same_kind(s.fig, fig.fig) and (not s.compared or s.by_period) and _fits(fig, s)
                        # an antecedent given for its own periods joins a back-reference for one of them only
                        and not (s.compared and fig.own_periods and s.own_periods and not fig.own_periods & s.own_periods)
                        and (not fig.by_period or fig.own_periods <= s.periods)
                        # ... and not those that follow another figure of its sentence instead ("rose to $2.4 billion
                        # in 2025 from $2.1 billion in 2024 ... the $2.2 billion earned in 2024": not the 2.4)
                        and not (fig.by_period and not fig.own_periods & s.after and any(
                            t is not s and sentence_of[t.start] == sentence_of[s.start] and _same_kind(t.fig, fig.fig)
                            and fig.own_periods & t.after for t in seen))
                        and (not fig.generic or fig.own_periods <= s.after) and s.shifted <= fig.periods
                        and not (fig.latest and s.words & _superseded())
                        and (not fig.countries or not s.countries or bool(fig.countries & s.countries))
                        and (fig.fig.kind != "number" or s.start < sent.start)
                        # a sentence between that opens with another period moves the story there
                        and _framed_in(frames, sentence_of[s.start], s.periods)
                        # a forecast and an outturn are two claims ("Economists had expected a surplus of ...")
                        and _forecast(s, w) == _forecast(fig, w)
                        # a subject restated as a clause ("It earned $5.3 billion in the first nine months")
                        # names the span its antecedent's clause names, or none
                        and (not fig.predicate or fig.words & w.period_words <= s.words)]
                # a count restates one of an earlier sentence: in its own, "12,418 votes, or 54.2% of the
                # 22,911 ballots cast" names a part and its whole
                # a restatement of any earlier value of the thing is no conflict ("reaffirmed the 90% goal")
                # nor is one that equals any earlier figure of its kind, named or not ("..., of which 310 million
                # dollars is for schools. The 310 million dollar request for schools")
                # an equal figure stated for another period is another value ("slowed to 4.46% in November from 4.68%
                # in October. The 4.68% annual rate for November"): it makes no restatement of it
                # a level stated for a period of its own is the antecedent only where no other is
                # ("1,204 cases this year, ... the 371 cases in 2023. Of the year's 1,240 cases": the 1,204)
                if any(not s.compared for s in same):
                    same = [s for s in same if not s.compared]
                # a figure of the kind just before it in its own sentence, of another thing, is the nearer reading
                # ("GDP would expand 2.4% in the current year, missing the budgeted target of 3.5%": growth's target)
                # (only for a head that names no thing of its own: a target, a goal)
                rival = next((s for s in reversed(seen) if sentence_of[s.start] == si and _same_kind(s.fig, fig.fig)
                              and not s.base and not s.compared), None)
                if rival is not None and rival not in same and fig.group is not None and fig.group <= _GENERIC_GROUPS:
                    same = []
                ante = same[-1] if same and not any(_equal(s.fig, fig.fig) for s in same) and not any(
                    _same_value(s.fig, fig.fig) for s in seen if _same_kind(s.fig, fig.fig)
                    and not _other_period(s, fig)) else None
                if ante is not None:
                    q_new, q_old = quantity_at(fig.start), quantity_at(ante.start)
                    if q_new is not None and q_old is not None and q_new is not q_old and q_new.scale == q_old.scale \
                            and is_move(a.text, q_new.span.end) == is_move(a.text, q_old.span.end):
                        # a move ("an increase in the goods deficit of $9.3 billion to ...") restates no level
                        n += 1
                        old_key = q_old.subject_key or ""
                        shared = sorted((fig.group or ante.group or frozenset()) & (ante.group or fig.group or frozenset()))
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
