"""Sentences into clauses: coordination, relative and participial clauses, parentheses, quotations.

A sentence's *items* are its mentions and the tokens outside mentions, in order. Each item is given
a clause; embedded clauses (relative "who took office on the 21st", participial "laid out in a 2022
plan", parenthetical, quoted) are children of the clause around them, coordinated clauses ("…, and
…", "; ", "while …") are siblings. Tense and modality are read per clause from cue words; a clause
marked ``respectively`` pairs its lists in order.

The segmenter is deliberately shallow (no parser): a boundary is only drawn where a cue makes it
near certain, since a wrong boundary costs a missed fact while a missing one costs a wrong fact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate
from operator import add
from typing import Literal

from factcheck.extract.mentions.model import Mention, Token
from factcheck.extract.mentions.resources import resource
from factcheck.load.sentences import ABBREVIATIONS

ClauseKind = Literal["main", "coordinate", "relative", "participial", "paren", "quote"]
Tense = Literal["past", "present", "future"]
Modality = Literal["asserted", "conditional"]
EMBEDDED = frozenset({"relative", "participial", "paren", "quote"})


@dataclass(slots=True)
class Clause:
    index: int
    kind: ClauseKind
    parent: int | None
    start: int = 0  # char offsets
    end: int = 0
    tense: Tense = "present"
    modality: Modality = "asserted"
    respectively: bool = False
    words: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Item:
    """A mention or a token outside mentions: ``code`` is what patterns see (``@year``, ``moved``, ``,``)."""

    code: str
    start: int
    end: int
    text: str
    mention: Mention | None
    clause: int = 0


@dataclass(slots=True)
class Sentence:
    index: int
    start: int
    end: int
    items: list[Item]
    clauses: list[Clause]
    stream: str = ""
    offsets: list[int] = field(default_factory=list)  # stream offset of each element
    elements: list[int] = field(default_factory=list)  # element -> item index (-1 for markers)
    words: frozenset[str] = frozenset()

    def clause_of(self, item: int) -> Clause:
        return self.clauses[self.items[item].clause]


@dataclass(frozen=True, eq=False)
class _Cues:
    relative: frozenset[str]
    participles: frozenset[str]
    followers: frozenset[str]
    auxiliaries: frozenset[str]
    coordinators: frozenset[str]
    strong: frozenset[str]
    future: frozenset[str]
    conditional: frozenset[str]
    past: frozenset[str]
    present: frozenset[str]
    main_verbs: frozenset[str]


@cache
def _cues() -> _Cues:
    raw = resource("clauses")
    f = lambda k: frozenset(raw[k])  # noqa: E731
    return _Cues(f("relative_pronouns"), f("participles"), f("participle_followers"), f("auxiliaries"),
                 f("coordinators"), f("strong_coordinators"), f("future"), f("conditional"), f("past"), f("present"),
                 frozenset(raw.get("participle_enders") or ()))


_OPEN_QUOTES = frozenset('“"‘')
_CLOSE_QUOTES = frozenset('”"’')
_SINGLE_OPEN, _SINGLE_CLOSE = "‘", "’"  # a single quote opens only when one closes it later in the sentence


@cache
def _marking_codes(cues: _Cues) -> frozenset[str]:
    """The codes that open, close or mark a clause (every other item just joins the current clause)."""
    return frozenset({")", "(", ",", ";", ":", "respectively", *_OPEN_QUOTES, *_CLOSE_QUOTES, *cues.relative,
                      *cues.participles, *cues.strong, *cues.coordinators, *cues.main_verbs})


def _abbreviated(word: Token, dot: Token) -> bool:
    """``dot`` is written onto ``word``, an abbreviation the sentence splitter does not end a sentence at."""
    return word.end == dot.start and word.low in ABBREVIATIONS


def _name_word(tok: Token) -> bool:
    return tok.cap and tok.text.isalpha() and len(tok.text) > 1


def items_of(tokens: list[Token], mentions: list[Mention], t0: int, t1: int, m0: int) -> tuple[list[Item], int]:
    """Items for tokens ``[t0, t1)``; mentions from index ``m0`` on. Returns the items and the next mention."""
    out: list[Item] = []
    append = out.append
    item = Item
    mi = m0
    i = t0
    nm = len(mentions)
    while i < t1:
        while mi < nm and mentions[mi].first < i:
            mi += 1
        nxt = mentions[mi].first if mi < nm else t1
        if nxt == i:
            mm = mentions[mi]
            append(item("@" + mm.type, mm.start, mm.end, mm.text, mm))
            i = max(mm.last, i + 1)
            mi += 1
            continue
        stop = nxt if nxt < t1 else t1  # the tokens up to the next mention
        for k in range(i, stop):
            tok = tokens[k]
            if tok.text == "." and 0 < k < t1 - 1 and _abbreviated(tokens[k - 1], tok):
                continue  # "world No. 2", "Gen. Smith": the dot of an abbreviation ends nothing
            if tok.text == "and" and i < k < stop - 1 and _name_word(tokens[k - 1]) and _name_word(tokens[k + 1]):
                # "the Securities and Exchange Commission", "the Food and Drug Administration": the
                # "and" of a name joins no clauses or figures; it is coded as the "&" of "S&P"
                append(item("&", tok.start, tok.end, tok.text, None))
                continue
            if tok.text == "-" and _spaced_dash(tokens, k):
                # "until 2020 - three years later than ...": a hyphen set apart by spaces between words is a dash
                append(item("–", tok.start, tok.end, tok.text, None))
                continue
            append(item(tok.low, tok.start, tok.end, tok.text, None))
        i = stop
    return out, mi


def _spaced_dash(tokens: list[Token], k: int) -> bool:
    """Token ``k``, a hyphen, has a space on each side and a word (not a figure) on at least one: "2020 - three
    years later", not "10 - 4" (a score) or "2024 - 25"."""
    if k == 0 or k + 1 >= len(tokens):
        return False
    before, tok, after = tokens[k - 1], tokens[k], tokens[k + 1]
    if before.end == tok.start or tok.end == after.start:
        return False
    return not (before.text[:1].isdigit() and after.text[:1].isdigit())


def segment(index: int, items: list[Item]) -> Sentence:
    """Clauses of one sentence; sets ``item.clause`` and builds the pattern stream."""
    cues = _cues()
    clauses = [Clause(0, "main", None)]
    stack: list[int] = [0]  # open clauses, innermost last
    markers: list[tuple[int, str]] = []  # (before item index, marker code)
    quote_open = False
    n = len(items)
    marking = _marking_codes(cues)
    for k, it in enumerate(items):
        code = it.code
        if code not in marking:  # a word no branch below reads: it stays in the innermost open clause
            it.clause = stack[-1]
            continue
        cur = stack[-1]
        kind = clauses[cur].kind
        # closing embedded clauses
        if code == ")" and "paren" in (clauses[c].kind for c in stack):
            while clauses[stack[-1]].kind != "paren":
                markers.append((k, "]"))
                stack.pop()
            it.clause = stack[-1]
            stack.pop()
            continue
        if code in _CLOSE_QUOTES and quote_open and kind == "quote":
            it.clause = cur
            stack.pop()
            markers.append((k + 1, "]"))
            quote_open = False
            continue
        if (code in (",", ";", ":") and kind in ("relative", "participial")) or (
                code in cues.main_verbs and kind == "participial"):
            # a participle clause ends at a comma, or at the main clause's own verb ("The package approved by the
            # cabinet on Friday consists of ...")
            markers.append((k, "]"))
            stack.pop()
            cur = stack[-1]
            kind = clauses[cur].kind
        # opening
        if code == "(":
            clauses.append(Clause(len(clauses), "paren", cur))
            stack.append(len(clauses) - 1)
            it.clause = stack[-1]
            continue
        if code in _OPEN_QUOTES and not quote_open and (
                code != _SINGLE_OPEN or any(x.code == _SINGLE_CLOSE for x in items[k + 1 :])):
            clauses.append(Clause(len(clauses), "quote", cur))
            stack.append(len(clauses) - 1)
            markers.append((k, "[q"))
            it.clause = stack[-1]
            quote_open = True
            continue
        if code in cues.relative and k > 0 and kind not in ("relative",):
            clauses.append(Clause(len(clauses), "relative", cur))
            stack.append(len(clauses) - 1)
            markers.append((k, "[r"))
        elif code in cues.participles and 0 < k < n - 1 and kind not in ("relative", "participial") \
                and _is_modifier(items, k, cues):
            clauses.append(Clause(len(clauses), "participial", cur))
            stack.append(len(clauses) - 1)
            markers.append((k, "[p"))
        elif kind in ("main", "coordinate") and (
            code == ";" or (code in cues.strong) or (code in cues.coordinators and k > 0 and items[k - 1].code == ","
                                                     and _clause_follows(items, k))
        ):
            clauses.append(Clause(len(clauses), "coordinate", clauses[cur].parent))
            stack[-1] = len(clauses) - 1
            markers.append((k, "|"))
        it.clause = stack[-1]
        if code == "respectively":
            clauses[stack[-1]].respectively = True
    for c in range(len(stack) - 1, 0, -1):
        if clauses[stack[c]].kind in EMBEDDED and clauses[stack[c]].kind != "paren":
            markers.append((n, "]"))
    sent = Sentence(index, items[0].start if items else 0, items[-1].end if items else 0, items, clauses)
    _finish(sent, markers, cues)
    return sent


_DETERMINERS = frozenset(["the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those",
                          "'s", "’s"])


def _is_modifier(items: list[Item], k: int, cues: _Cues) -> bool:
    """``items[k]`` is a participle after a noun and before a preposition (not a verb after an auxiliary)."""
    prev, nxt = items[k - 1], items[k + 1]
    if prev.code in cues.auxiliaries or prev.code in (",", "(", "and", "or", "to") or prev.code.endswith("ly"):
        return False
    if prev.code in _DETERMINERS:  # "its forecast for", "the planned date": a noun or an adjective, not a clause
        return False
    if prev.mention is not None and prev.mention.type in ("person", "title", "country"):
        return False
    if _after_subordinator(items, k):
        return False  # "a day after eight members agreed at a meeting", "before ministers signed in Rome": a bare noun's verb
    # "the 2027 date laid out in a 2022 plan", "the target set in 2020": a participle before a preposition
    # or a time word; one before its object ("endorsed a budget", "approved $893 billion") is a verb
    return nxt.code in cues.followers


_SUBORDINATORS = frozenset(["after", "before", "since", "until", "when", "once", "because", "while"])


def _subordinator(it: Item) -> bool:
    """A conjunction that opens a clause of its own ("after", "when"), or an interval ending in one ("a day
    after", "two weeks before")."""
    if it.code in _SUBORDINATORS:
        return True
    m = it.mention
    return m is not None and m.type == "relative" and m.text.lower().endswith(("after", "before"))


def _after_subordinator(items: list[Item], k: int) -> bool:
    """A noun phrase of at most four words with no determiner ("eight OPEC+ members", "ministers") stands
    between a subordinator and ``items[k]``: the participle form is that clause's verb."""
    for j in range(k - 1, max(-1, k - 6), -1):
        it = items[j]
        if _subordinator(it):
            return j < k - 1
        if it.code in _DETERMINERS or it.code in (",", ";", ":", "(", ")", "and", "or", "that", "which", "who") \
                or (it.mention is not None and it.mention.type not in ("number", "country", "person", "title")):
            return False
    return False


def _clause_follows(items: list[Item], k: int) -> bool:
    """After ", and": a new clause when a verb-ish cue follows within a few items (else it is a list)."""
    return any(it.code in _VERBISH for it in items[k + 1 : k + 6])


_VERBISH = frozenset(["is", "are", "was", "were", "will", "would", "has", "have", "had", "said", "says", "did", "does", "could", "may", "might", "must", "can", "shall", "plans", "aims", "expects", "rose", "fell", "grew", "added", "noted", "announced", "met", "took", "became"])


def _finish(sent: Sentence, markers: list[tuple[int, str]], cues: _Cues) -> None:
    items, clauses = sent.items, sent.clauses
    codes = [it.code for it in items]  # codes hold no space (a token has none, nor a mention type)
    if len(clauses) == 1:  # one clause (most sentences): it spans the items, in order and not overlapping
        c = clauses[0]
        c.words = codes.copy()
        c.start, c.end = (items[0].start, items[-1].end) if items else (sent.start, sent.start)
    else:
        for c in clauses:
            c.start, c.end = 10**12, 0
        for it in items:
            c = clauses[it.clause]
            if it.start < c.start:
                c.start = it.start
            if it.end > c.end:
                c.end = it.end
            c.words.append(it.code)
        for c in clauses:
            if c.start > c.end:
                c.start = c.end = sent.start
    for c in clauses:
        c.tense, c.modality = _tense(c.words, cues)
    # inherit tense from the parent where a clause has no cue of its own
    for c in clauses:
        if c.kind in ("paren", "quote") and c.parent is not None and not _has_tense_cue(c.words, cues):
            c.tense, c.modality = clauses[c.parent].tense, clauses[c.parent].modality
        elif c.kind == "coordinate" and c.index > 0 and not _has_tense_cue(c.words, cues):
            # "will vote on Thursday, and the Senate on Friday": an elliptical sibling keeps the tense before it
            prev = clauses[c.index - 1]
            c.tense, c.modality = prev.tense, prev.modality
    parts: list[str]
    elements: list[int]
    if markers:  # each marker goes before the item it is recorded at (those past the end, last)
        mk = sorted(markers, key=lambda x: x[0])
        parts, elements = [], []
        j, nm = 0, len(mk)
        for k, code in enumerate(codes):
            while j < nm and mk[j][0] <= k:
                parts.append(mk[j][1])
                elements.append(-1)
                j += 1
            parts.append(code)
            elements.append(k)
        for _, marker in mk[j:]:
            parts.append(marker)
            elements.append(-1)
    else:
        parts, elements = codes, list(range(len(codes)))
    sent.stream = " ".join(parts) + " "
    # where each element starts: the lengths of the elements before it, and a space after each
    sent.offsets = list(map(add, accumulate(map(len, parts), initial=0), range(len(parts))))
    sent.elements = elements
    sent.words = frozenset(parts)


def _has_tense_cue(words: list[str], cues: _Cues) -> bool:
    return not _tense_cues(cues).isdisjoint(words)


@cache
def _tense_cues(cues: _Cues) -> frozenset[str]:
    return cues.future | cues.conditional | cues.past | cues.present


_BEFORE_A_MONTH = frozenset(["in", "since", "from", "until", "till", "through", "of", "last", "early", "late", "mid",
                             "by", "during", "before", "after", "between"])


def _tense(words: list[str], cues: _Cues) -> tuple[Tense, Modality]:
    modality: Modality = "asserted"
    tense: Tense | None = None
    if "may" in words:  # "from $73.4 billion in May": the month, not a modal
        words = ["@may" if w == "may" and i > 0 and words[i - 1] in _BEFORE_A_MONTH else w
                 for i, w in enumerate(words)]
    for i, w in enumerate(words):
        if tense is not None:  # only a conditional cue still counts, and only for the modality
            if not cues.conditional.isdisjoint(words[i:]):
                modality = "conditional"
            break
        if w in cues.conditional:
            modality = "conditional"
            tense = tense or "future"
        elif tense is None and w in cues.future:
            if w in ("set", "due", "expected", "planned", "scheduled") and (i == 0 or words[i - 1] not in (
                    "is", "are", "was", "were", "be", "been", "'s")):
                continue
            if w == "going" and (i + 1 >= len(words) or words[i + 1] != "to"):
                continue
            if w == "next" and (i + 1 >= len(words) or words[i + 1] in ("to",)):
                continue
            tense = "future"
        elif tense is None and w in cues.past:
            tense = "past"
        elif tense is None and w in cues.present:
            tense = "present"
        elif tense is None and len(w) > 4 and w.endswith("ed") and w.isalpha():
            tense = "past"
    return tense or "present", modality
