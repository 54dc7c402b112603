"""One pass of trigger words over a document, shared by every extractor.

Each sentence's words are looked up in one trigger table (plus a digit and a currency-sign test); each
trigger word maps to the families it may matter to, and each family then runs its detailed patterns only on the
sentences that hold one of its triggers. The context of the last document is cached per thread, so
the registry's extractors share one pass.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.extract.lexicon import NON_HOLDER, countries_in
from factcheck.model.document import Document, Span

DATES, EVENTS, TIMELINES, QUANTITIES, OFFICIALS, FISCAL = (
    "dates", "events", "timelines", "quantities", "officials", "fiscal",
)
_DIGIT_FAMILIES = frozenset({DATES, TIMELINES, QUANTITIES, FISCAL, EVENTS, OFFICIALS})
_SIGN_FAMILIES = frozenset({QUANTITIES})

_WORDS: dict[str, frozenset[str]] = {}


def _add(families: frozenset[str], words: str) -> None:
    for w in words.split():
        _WORDS[w] = _WORDS.get(w, frozenset()) | families


_add(frozenset({DATES, EVENTS, OFFICIALS}), (
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight "
    "previous following next last earlier later before after day days week weeks month months year years ago "
    "weekend preceding "
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
))
_add(frozenset({EVENTS}), (
    "meeting meetings met meet meets summit summits talks talk address speech speeches announcement "
    "announced announces visit visited visits visiting conference call phone followed follows following "
    "previously since after before first earlier session hearing rally ceremony signing signed"
))
_add(frozenset({TIMELINES}), (
    "moved brought pushed delayed delay postponed postpone advanced accelerated ahead early earlier later "
    "schedule scheduled instead originally original sooner shifted forward back brings bring move moves "
    "pushes delays advancing"
))
_add(frozenset({QUANTITIES}), (
    "percent pct gdp won yen dollars euros pounds yuan rupees trillion billion million "
    "one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty half"
))
_add(frozenset({OFFICIALS}), (
    "office sworn appointed appointment inaugurated inauguration becoming became named elected "
    "president minister secretary chancellor premier governor senator ambassador treasurer chief "
    "spokesperson spokesman spokeswoman mayor speaker king queen director commissioner"
))
_add(frozenset({FISCAL}), "fiscal fy")

_KEYS = frozenset(_WORDS)
WORD_RE = re.compile(r"[a-z]+")
_DIGIT_RE = re.compile(r"\d")
_SIGN_RE = re.compile(r"[%$¥£€₩]")
# "U.S. dollars", "US$61 billion": a currency, not a holder
_CURRENCY_AFTER = re.compile(r"\s(?:dollars?|cents?)\b|\$", re.IGNORECASE)


@dataclass
class Context:
    """Sentences of one document and, per family, the indices of sentences holding its triggers."""

    doc: Document
    sentences: list[Span]
    starts: list[int]
    triggered: dict[str, list[int]] = field(default_factory=dict)
    memo: dict[str, object] = field(default_factory=dict)

    def sentence_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.starts, offset) - 1, 0)

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.doc.text[s.start : s.end]

    def for_family(self, family: str) -> list[int]:
        return self.triggered.get(family, [])

    # -- country cues, found once per document -------------------------------------------------------
    def _countries(self) -> list[tuple[int, str, str]]:
        found = self.memo.get("countries")
        if found is None:
            found = countries_in(self.doc.text)
            self.memo["countries"] = found
            self.memo["country_starts"] = [c[0] for c in found]
        return found  # type: ignore[return-value]

    def holder_cues(self, index: int) -> list[tuple[int, str]]:
        """``holder_cues(sentence_text(index))``, from the document's one scan: a cue never crosses a
        sentence boundary, and a sentence is bounded by white space (or the ends of the text), which the
        cue pattern treats like the ends of a string."""
        found = self._countries()
        starts: list[int] = self.memo["country_starts"]  # type: ignore[assignment]
        s = self.sentences[index]
        lo = bisect.bisect_left(starts, s.start)
        hi = bisect.bisect_left(starts, s.end, lo)
        return [(o - s.start, c) for o, cue, c in found[lo:hi] if cue not in NON_HOLDER and self._names_country(o, cue)]

    def _names_country(self, at: int, cue: str) -> bool:
        """The cue at ``at`` names a country, not a currency ("roughly 2.4 billion U.S. dollars", "US$61 billion")."""
        return _CURRENCY_AFTER.match(self.doc.text, at + len(cue)) is None

    def _head_countries(self) -> list[tuple[int, str, str]]:
        """``countries_in(text[:20000])``."""
        if len(self.doc.text) <= 20000:
            return self._countries()
        found = self.memo.get("head_countries")
        if found is None:
            found = countries_in(self.doc.text[:20000])
            self.memo["head_countries"] = found
        return found  # type: ignore[return-value]

    def head_holder_codes(self) -> set[str]:
        """``{code for _, code in holder_cues(text[:20000])}``."""
        return {c for o, cue, c in self._head_countries() if cue not in NON_HOLDER and self._names_country(o, cue)}

    def dominant_country(self) -> str | None:
        """``dominant_country(text[:20000])`` (memoised)."""
        if "dominant" not in self.memo:
            counts: dict[str, int] = {}
            for o, cue, code in self._head_countries():
                if self._names_country(o, cue):
                    counts[code] = counts.get(code, 0) + 1
            best = max(counts.values()) if counts else 0
            self.memo["dominant"] = next(c for c, n in counts.items() if n == best) if counts else None
        return self.memo["dominant"]  # type: ignore[return-value]


def build_context(doc: Document) -> Context:
    """Split into sentences and find, per family, the sentences holding one of its trigger words.

    One pass per sentence: the set of its lower-cased words meets the trigger table (a hash lookup per
    distinct word), plus a digit and a currency-sign test: linear in the text, whatever it holds.
    """
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    text = doc.text
    seen: dict[str, list[int]] = {}
    for idx, span in enumerate(sentences):
        chunk = text[span.start : span.end]
        fams: set[str] = set()
        for word in _KEYS.intersection(WORD_RE.findall(chunk.lower())):
            fams |= _WORDS[word]
        if _DIGIT_RE.search(chunk):
            fams |= _DIGIT_FAMILIES
        if _SIGN_RE.search(chunk):
            fams |= _SIGN_FAMILIES
        for fam in fams:
            seen.setdefault(fam, []).append(idx)
    ctx = Context(doc=doc, sentences=sentences, starts=starts)
    ctx.triggered = seen
    return ctx
