"""Run compiled patterns over a sentence: matches with their slots mapped back to items and mentions."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from factcheck.extract.clauses.segment import Clause, Item, Sentence
from factcheck.extract.mentions.model import Mention

if TYPE_CHECKING:
    from factcheck.extract.relations.loader import Pattern


@dataclass(slots=True)
class Slot:
    """The items a pattern element captured."""

    name: str
    items: list[Item]

    @property
    def start(self) -> int:
        return self.items[0].start

    @property
    def end(self) -> int:
        return self.items[-1].end

    @property
    def mention(self) -> Mention | None:
        for it in self.items:
            if it.mention is not None:
                return it.mention
        return None

    @property
    def mentions(self) -> list[Mention]:
        return [it.mention for it in self.items if it.mention is not None]

    @property
    def words(self) -> str:
        return " ".join(it.code for it in self.items)


@dataclass
class RelationMatch:
    pattern: Pattern
    sentence: Sentence
    start: int  # char offsets of the whole match
    end: int
    slots: dict[str, Slot] = field(default_factory=dict)
    first_item: int = 0
    last_item: int = 0
    sentence_text: str = ""

    def get(self, name: str) -> Slot | None:
        return self.slots.get(name)

    def mention(self, name: str) -> Mention | None:
        s = self.slots.get(name)
        return s.mention if s else None

    def words(self, name: str) -> str:
        s = self.slots.get(name)
        return s.words if s else ""

    def text(self, name: str) -> str:
        """The source text a slot covers ('' if not captured)."""
        s = self.slots.get(name)
        if not s:
            return ""
        return self.sentence_text[s.start - self.sentence.start : s.end - self.sentence.start]

    def clause(self) -> Clause:
        return self.sentence.clauses[self.sentence.items[self.first_item].clause]


def _items(sent: Sentence, a: int, b: int) -> tuple[int, int]:
    """Stream offsets [a, b) -> item index range [i, j) (markers dropped)."""
    offsets = sent.offsets
    e0 = bisect.bisect_left(offsets, a)
    e1 = bisect.bisect_left(offsets, b, e0)
    elements = sent.elements
    while e0 < e1 and elements[e0] < 0:  # markers are few: step over them at either end
        e0 += 1
    while e1 > e0 and elements[e1 - 1] < 0:
        e1 -= 1
    if e0 >= e1:
        return -1, -1
    return elements[e0], elements[e1 - 1] + 1


def match_sentence(patterns: Iterable[Pattern], sent: Sentence, text: str) -> list[RelationMatch]:
    """Every match of every pattern in ``sent`` (``text``: the document body)."""
    out: list[RelationMatch] = []
    words = sent.words
    sentence_text = text[sent.start : sent.end]
    for p in patterns:
        if p.requires and p.requires.isdisjoint(words):
            continue
        for req in p.compiled.required:  # a plain loop: cheaper than any() over a generator
            if req.isdisjoint(words):
                break
        else:
            _matches(p, sent, sentence_text, out)
    return out


def match_candidates(patterns: Iterable[Pattern], sent: Sentence, text: str) -> list[RelationMatch]:
    """Every match of ``patterns`` in ``sent``, for patterns already known to pass their word gates
    (``PatternSet.candidates``)."""
    out: list[RelationMatch] = []
    sentence_text = text[sent.start : sent.end]
    stream = sent.stream
    for p in patterns:
        probe = p.compiled.probe
        if probe is not None and probe.search(stream) is None:
            continue  # most candidates stop here: tested here, without a call per pattern
        _run(p, sent, sentence_text, out)
    return out


def _matches(p: Pattern, sent: Sentence, sentence_text: str, out: list[RelationMatch]) -> None:
    """Append the matches of ``p`` in ``sent`` to ``out``."""
    probe = p.compiled.probe
    if probe is not None and probe.search(sent.stream) is None:
        return  # what follows the pattern's leading gaps is nowhere in the sentence
    _run(p, sent, sentence_text, out)


def _run(p: Pattern, sent: Sentence, sentence_text: str, out: list[RelationMatch]) -> None:
    """``_matches`` past the probe."""
    groups = p.compiled.group_numbers
    items = sent.items
    unless = p.unless
    for mt in p.compiled.regex.finditer(sent.stream):
        regs = mt.regs  # every group's span at once
        i, j = _items(sent, *regs[0])
        if i < 0:
            continue
        if unless and any(items[k].code in unless for k in range(i, j)):
            continue  # a word the pattern refuses stands inside the match
        rm = RelationMatch(p, sent, items[i].start, items[j - 1].end, first_item=i, last_item=j,
                           sentence_text=sentence_text)
        slots = rm.slots
        for number, slot in groups:
            a, b = regs[number]
            if a < 0 or a == b:
                continue
            si, sj = _items(sent, a, b)
            if si < 0:
                continue
            if slot in slots:  # a name used twice ("part" ... "part") collects both, in order
                slots[slot].items.extend(items[si:sj])
            else:
                slots[slot] = Slot(slot, items[si:sj])
        out.append(rm)
