"""quantity (unit ``count``): a figure that counts people or things ("1,204 cases of dengue", "a crowd of
52,340", "the death toll rose to 340"), with its hedge and its attribution.

Slots: ``value`` (a number mention), ``noun`` (the words naming what is counted, mapped to a subject by
``resources/en/counts.yaml``), optional ``bound`` (a hedge). A count gets no ``subject_key``: it joins
another figure only through a restatement ("The attendance of 53,240"), so that the many counts of one
noun in a story never meet by their noun alone.
"""

from __future__ import annotations

import math
import re
from functools import cache
from itertools import pairwise
from typing import TYPE_CHECKING

from factcheck.extract.attribution import AttributionCue, carried, classify
from factcheck.extract.builders.common import certainty_of
from factcheck.extract.mentions.resources import lexicon, resource
from factcheck.model.document import Span
from factcheck.model.facts import Quantity

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.relations.match import RelationMatch


@cache
def _not_after(subject: str) -> frozenset[str]:
    """The words after a counted noun of ``subject`` that make the count one of sources ("who" only after people)."""
    raw = resource("counts")
    words = {str(w) for w in raw.get("not_after") or ()}
    if subject in {str(s) for s in raw.get("source_subjects") or ()}:
        words |= {str(w) for w in raw.get("source_not_after") or ()}
    return frozenset(words)


@cache
def _subjects() -> dict[str, str]:
    """Each counting word (or phrase) -> its subject."""
    out: dict[str, str] = {}
    for subject, words in resource("counts")["subjects"].items():
        for w in words:
            out[str(w)] = str(subject)
    return out


def _subject(words: str) -> str | None:
    """The subject the noun words name: the longest counting phrase they end with."""
    table = _subjects()
    parts = words.split()
    for i in range(len(parts)):
        if (phrase := " ".join(parts[i:])) in table:
            return table[phrase]
    return None


_CONTRAST = re.compile(r",\s(?:but|while|whereas|although|though)\s|;\s")


def _attribution(sentence: str, at: int) -> AttributionCue | None:
    """The attribution of a figure at offset ``at``: the cue of its own part of the sentence when a
    contrast splits it ("Unconfirmed reports put the toll at 120, but officials confirmed 48 deaths"),
    else the sentence's."""
    cuts = [0, *(m.end() for m in _CONTRAST.finditer(sentence)), len(sentence) + 1]
    if len(cuts) > 2:
        part = next((sentence[a:b] for a, b in pairwise(cuts) if a <= at < b), sentence)
        own = classify(part)
        if own is not None:
            return own
    return classify(sentence)


def _previous(a: Analysis, index: int) -> str | None:
    """The text of the sentence before sentence ``index`` (None for the first)."""
    spans = a.doc.sentences
    if index <= 0 or index > len(spans):
        return None
    prev = spans[index - 1]
    return a.text[prev.start : prev.end]


def _hedge(words: str) -> str:
    if not words:
        return "exact"
    return lexicon().hedges.get(tuple(words.split()), "approx")


def build(match: RelationMatch, a: Analysis) -> Quantity | None:
    num = match.mention("value")
    subject = _subject(match.words("noun"))
    if num is None or num.type != "number" or subject is None:
        return None
    items = match.sentence.items
    if match.last_item < len(items) and items[match.last_item].code in _not_after(subject):  # one past the end
        return None  # "three people familiar with the matter": the sources, not a count of the story
    v = num.value
    value = float(v["value"])  # the lexer's value holds its scale already ("5.62 million" is 5,620,000)
    if not math.isfinite(value):
        return None  # the 400 digits of an adversarial input are no count
    decimals = int(v.get("decimals", 0) or 0)
    cue = _attribution(match.sentence_text, num.start - match.sentence.start) or carried(
        _previous(a, match.sentence.index), match.sentence_text)
    return Quantity(
        span=Span(start=num.start, end=num.end),
        text=num.text,
        sentence=match.sentence.index,
        value=value,
        unit="count",
        subject=subject,
        claim_type="actual",
        hedge=_hedge(match.words("bound")),  # type: ignore[arg-type]
        hedge_text=match.text("bound") or None,
        attribution=cue.attribution if cue else "none",  # type: ignore[arg-type]
        attribution_cue=cue.cue if cue else None,
        attributed_to=cue.who if cue else None,
        decimals=decimals,
        certainty=certainty_of(match),  # type: ignore[arg-type]
        pattern=match.pattern.id,
    )
