"""Who a figure rests on: classify the attribution cues of a sentence.

Categories, weakest first: ``hearsay`` ("it is known that", "it was learned", "reportedly",
"allegedly", "it is said"), ``anonymous`` ("sources said", "citing a diplomatic source", "according to
people familiar with the matter"), ``unofficial`` ("unofficially requested", "informally asked"),
``media_report`` ("according to reports from Kyodo News", "the newspaper reported", "media reports
said"), ``on_record`` ("said", "the ministry said", "announced", "according to the government budget
proposal"). When a sentence holds several cues, the **weakest** wins: a figure is only as solid as the
weakest link in the chain that reports it ("it is known that the United States has unofficially
requested ..." is ``hearsay``). ``attribution_cue`` is the words of the winning cue.

The cues are language resources (``resources/en/attribution.yaml``); this module is the algorithm.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from factcheck.extract.lexicon import lower_twin, lowered, may_hold
from factcheck.extract.mentions.resources import resource


@dataclass(frozen=True)
class _Category:
    name: str
    pattern: re.Pattern[str]
    low: re.Pattern[str]  # the lower-case twin, for lowered text
    gates: tuple[str, ...]


def _compile(raw: dict[str, Any]) -> tuple[_Category, ...]:
    """The cue categories of ``resources/<lang>/attribution.yaml``, weakest first."""
    outlets = "|".join(re.escape(o).replace(r"\ ", r"\s") for o in sorted(raw["outlets"], key=len, reverse=True))
    out = []
    for cat in raw["categories"]:
        body = "|".join(f"(?:{c})" for c in cat["cues"]).replace("{outlet}", outlets)
        pattern = re.compile(r"\b(?:" + body + r")\b", re.IGNORECASE)
        out.append(_Category(cat["name"], pattern, lower_twin(pattern), tuple(g.lower() for g in cat["gates"])))
    return tuple(out)


@cache
def categories(lang: str = "en") -> tuple[_Category, ...]:
    return _compile(resource("attribution", lang))


_WHO = re.compile(
    r"(?:(?P<who>(?:the\s)?(?:[\w.'’-]+\s){0,2}(?:ministry|government|office|agency|newspaper|cabinet|"
    r"department|[A-Z][\w.'’-]*))\s(?:said|says|announced|stated|reported|told|confirmed))"
    r"|(?:according\sto\s(?P<who2>(?:the\s)?(?:[\w'’-]+\s){0,4}?[\w'’-]+)(?=[,.;]|\s(?:on|in|that)\b|$))"
)


@dataclass(frozen=True)
class AttributionCue:
    attribution: str
    cue: str
    start: int
    who: str | None


def classify(sentence: str) -> AttributionCue | None:
    """The weakest attribution cue in ``sentence``, or None if it has none."""
    low = lowered(sentence)
    for cat in categories():
        if not may_hold(low, cat.gates):
            continue
        m = cat.pattern.search(sentence) if low is None else cat.low.search(low)
        if m:  # the cue as written: the span of the lowered text's match in the sentence
            return AttributionCue(cat.name, sentence[m.start() : m.end()], m.start(),
                                  _who(sentence) if cat.name != "hearsay" else None)
    return None


# a relative clause set off by a comma, up to the next comma or the end: its modal describes a thing the sentence
# names ("The original price was $135 a share, which would give it control"), it says nothing of what may happen
_RELATIVE = re.compile(r",\s(?:which|who|whose)\b[^,;]*")


@dataclass(frozen=True)
class _Carry:
    categories: frozenset[str]
    modal: re.Pattern[str]


@cache
def _carry(lang: str = "en") -> _Carry | None:
    raw = resource("attribution", lang).get("carry")
    if not raw:
        return None
    body = "|".join(f"(?:{c})" for c in raw["modal"])
    return _Carry(frozenset(raw["categories"]), re.compile(r"\b(?:" + body + r")\b", re.IGNORECASE))


def carried(previous: str | None, sentence: str) -> AttributionCue | None:
    """The attribution a sentence without a cue of its own takes from the sentence before: a report that rests
    on unnamed sources runs on into a sentence that states what may happen ("..., Bloomberg reported citing
    people familiar with the matter. The company may cut about 8 percent of the workforce"). Only the weak
    categories carry (``carry`` in ``resources/en/attribution.yaml``), and only into a modal sentence."""
    spec = _carry()
    if spec is None or previous is None or classify(sentence) is not None \
            or not spec.modal.search(_RELATIVE.sub("", sentence)):
        return None
    cue = classify(previous)
    if cue is None or cue.attribution not in spec.categories:
        return None
    return AttributionCue(cue.attribution, cue.cue, -1, cue.who)


# Every match of ``_WHO`` holds one of these cues, and the words it takes in before its cue are a run of
# word characters, dots, apostrophes, hyphens and white space: no match starts before the run that ends
# at the first cue, so the search starts there (after the last other character before the cue).
_WHO_CUE = re.compile(r"\s(?:said|says|announced|stated|reported|told|confirmed)|according\sto\s")
_NOT_IN_WHO = re.compile(r"[^\w.'’\s-]")


def _who(sentence: str) -> str | None:
    cue = _WHO_CUE.search(sentence)
    if cue is None:
        return None
    lo = 0
    for other in _NOT_IN_WHO.finditer(sentence, 0, cue.start()):
        lo = other.end()
    m = _WHO.search(sentence, lo)
    if not m:
        return None
    who = (m.group("who") or m.group("who2") or "").strip()
    return who or None
