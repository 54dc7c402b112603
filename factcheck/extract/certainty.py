"""Clause-aware checks of facts read by the families that are not patterns yet (dates, tenures).

Those extractors read whole phrases; the clause layer knows what they cannot: a clause in the future
or conditional ("may visit in early February" resolves forward), a "respectively" list (people and
dates paired by order), a tenure whose date sits in a clause that is not about the person named.
Such facts are corrected (tense) or marked ``inferred``, so an error rule will not rest on them; an
arithmetic claim whose operands the lexer reads as years is dropped.
"""

from __future__ import annotations

from factcheck.extract.analysis import Analysis
from factcheck.extract.clauses.segment import Sentence
from factcheck.model.facts import ArithmeticClaim, DateMention, FactBase, TenureStart


def _clause_at(sent: Sentence, offset: int) -> int | None:
    for it in sent.items:
        if it.start <= offset < it.end or it.start >= offset:
            return it.clause
    return None


def annotate(a: Analysis, facts: list[FactBase]) -> list[FactBase]:
    """The facts, corrected or marked where the clause and mention layers know better; facts the
    mention layer contradicts (arithmetic whose operands are years) are dropped."""
    kept: list[FactBase] = []
    for f in facts:
        if isinstance(f, DateMention):
            _date_tense(a, f)
        elif isinstance(f, TenureStart):
            _tenure(a, f)
        elif isinstance(f, ArithmeticClaim) and _operands_are_years(a, f):
            continue  # "exports were $2.2tn in 2016, down $51.7bn from 2015": 2015 and 2016 are years
        kept.append(f)
    return kept


def _operands_are_years(a: Analysis, f: ArithmeticClaim) -> bool:
    years = {float(m.value["year"]) for m in a.mentions_of("year") if f.span.start <= m.start < f.span.end}
    return any(op in years for op in f.operands)


_PAST_CUES = frozenset(["said", "says", "told", "announced", "added", "noted", "stated", "confirmed", "met", "held", "was", "were", "had", "did"])


def _date_tense(a: Analysis, f: DateMention) -> None:
    """A month, weekday or day-of-month in a future or conditional clause resolves forward, unless the
    clause also reports something past ("will delay the ban, the minister said on Wednesday")."""
    if f.form not in ("month", "weekday", "day_of_month") or f.tense == "future":
        return
    sent = a.sentence_at(f.span.start)
    c = _clause_at(sent, f.span.start)
    if c is None:
        return
    clause = sent.clauses[c]
    if clause.tense == "future" and not _PAST_CUES.intersection(clause.words):
        f.tense = "future"


def _tenure(a: Analysis, f: TenureStart) -> None:
    sent = a.sentence_at(f.span.start)
    c = _clause_at(sent, max(f.span.end - 1, f.span.start))
    if c is None:
        return
    clause = sent.clauses[c]
    if any(cl.respectively for cl in sent.clauses):
        f.certainty = "inferred"
        f.inferred = "a 'respectively' list pairs people and dates by their order"
        return
    surname = f.person.split()[-1] if f.person else ""
    if clause.kind == "relative":
        # "X, who took office on the 21st": the person stands right before the relative clause
        first = next((k for k, it in enumerate(sent.items) if it.clause == c), None)
        k = (first or 0) - 1
        while k >= 0 and sent.items[k].code in (",", "("):
            k -= 1
        before = sent.items[k] if k >= 0 else None
        if before is None or surname not in before.text:
            f.certainty = "inferred"
            f.inferred = f"the tenure clause does not follow {f.person}'s name"
    elif not any(surname and surname in it.text for it in sent.items if it.clause == c):
        f.certainty = "inferred"
        f.inferred = f"{f.person} is not named in the clause that gives the date"
