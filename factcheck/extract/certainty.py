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


# words that never govern a date before them: skipped when looking for the verb a date belongs to
_FILLERS = frozenset(["on", "in", "at", "by", "the", "a", "an", "of", "early", "late", "mid", "last", "this", "next",
                      "until", "from", "since", "before", "after", "as", "reporters", "mps", "lawmakers", "parliament",
                      "journalists", "it", "them", "him", "her", "us"])
_FUTURE_VERBS = frozenset(["will", "'ll", "shall", "would", "due", "scheduled", "expected", "set", "plans",
                           "planned", "aims", "intends", "next", "upcoming"])
_PAST_VERBS = frozenset(["said", "told", "announced", "added", "noted", "stated", "confirmed", "met", "held", "was",
                         "were", "had", "did", "reported", "unveiled", "published", "released", "showed",
                         "presented", "delivered", "approved", "signed", "took", "opened", "began", "ended", "voted"])


_MODALS = frozenset(["may", "might", "could", "will", "would", "shall"])
_NOT_PAST_AUX = frozenset(["is", "are", "be", "being", "to", "may", "might", "can", "could", "must", "should"])


# -ed words that look back but point forward ("scheduled for Monday", "expected on Friday")
_FORWARD_ED = frozenset(["scheduled", "expected", "planned", "slated", "intended", "projected", "forecasted",
                         "timetabled", "pencilled", "penciled", "earmarked", "proposed", "needed", "required"])


_OBJECT_WORDS = 2  # words of an object that may stand between a verb and the date it hangs on


def _regular_past(code: str) -> bool:
    """A regular past verb ("finished", "ended"): a word in -ed that is no forward-looking participle."""
    return len(code) > 4 and code.endswith("ed") and code.isalpha() and code not in _FORWARD_ED


def _governing_tense(sent: Sentence, offset: int) -> str | None:
    """The tense of the verb a date hangs on: the nearest verb before it in its clause, past over
    fillers ("said on Tuesday", "told MPs on Wednesday") or future ("will open on", "is due to meet on")."""
    k = next((i for i, it in enumerate(sent.items) if it.start >= offset), len(sent.items))
    home = sent.items[k].clause if k < len(sent.items) else None
    skipped = 0
    for i in range(k - 1, max(k - 8, -1), -1):
        it = sent.items[i]
        if it.clause != home or it.code in (",", ";", ":", "(", ")", "and", "but", "while"):
            return None
        if it.code in _PAST_VERBS or _regular_past(it.code):
            aux = sent.items[i - 1].code if i > 0 else ""
            if aux in ("will", "would", "shall"):
                return "future"
            if aux in _NOT_PAST_AUX:  # "are reported by Feb. 14", "to be held on": a participle, not a past
                return None
            return "past"
        if it.code in _FUTURE_VERBS:
            return "future"
        if it.code in _FILLERS or it.mention is not None:
            continue
        # "may visit Berlin in early February", "could meet on Friday": a modal before the verb
        if any(sent.items[j].code in _MODALS for j in (i - 1, i - 2) if j >= 0 and sent.items[j].clause == home):
            return "future"
        if skipped < _OBJECT_WORDS:  # "finished their seasons on Sunday": the verb before its object
            skipped += 1
            continue
        break
    # "The Commission on Wednesday, July 2, proposed ...": the verb right after the date
    end = next((i for i, it in enumerate(sent.items) if it.start >= offset and it.mention is not None), None)
    for it in sent.items[end + 1 : end + 3] if end is not None else []:
        if it.code == ",":
            continue
        if it.code in _PAST_VERBS or (len(it.code) > 4 and it.code.endswith("ed") and it.code.isalpha()):
            return "past"
        if it.code in ("will", "would", "shall"):
            return "future"
        break
    return None


def _date_tense(a: Analysis, f: DateMention) -> None:
    """The verb a date hangs on decides its tense ("will open in 2030, ..., the railway said on Tuesday,
    Aug. 5" is past); otherwise a month, weekday or day-of-month in a future or conditional clause
    resolves forward, unless the clause also reports something past."""
    sent = a.sentence_at(f.span.start)
    governing = _governing_tense(sent, f.span.start)
    if governing == "past" and f.tense == "future":
        f.tense = "past"
        return
    if f.form not in ("month", "weekday", "day_of_month", "absolute") or f.tense == "future":
        return
    if governing == "future":
        f.tense = "future"
        return
    c = _clause_at(sent, f.span.start)
    if c is None:
        return
    clause = sent.clauses[c]
    past_cue = governing == "past" or bool(_PAST_CUES.intersection(clause.words))
    if clause.tense == "future" and not past_cue:
        f.tense = "future"
    elif f.form in ("absolute", "day_of_month") and governing is None and clause.tense == "present" and not past_cue:
        # no cue either way ("the deadline is Wednesday 6 December"): the resolver takes the occurrence
        # nearest the publication date
        f.tense = "present"


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
