"""Titles of office and the people named with them ("Japanese Defense Minister Shinjiro Koizumi").

A title is ``[demonym] [modifier] [portfolio] head [of|for (the) portfolio]``; a person is a title
followed by one to four capitalised name tokens. The words are resources (``titles.yaml``); country
words come from :mod:`factcheck.model.countries`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.mentions import model as m
from factcheck.extract.mentions.phrases import PhraseIndex
from factcheck.extract.mentions.resources import Titles, titles
from factcheck.model.countries import cues
from factcheck.model.keys import fold

if TYPE_CHECKING:
    from factcheck.extract.mentions.lexer import _Composer

_BRITISH = {"defence": "defense", "labour": "labor", "national defence": "national defense"}


@cache
def _index(phrases: tuple[tuple[str, ...], ...]) -> PhraseIndex:
    """First word -> the phrases starting with it (dots dropped)."""
    return PhraseIndex.of(tuple(w.rstrip(".") for w in ph) for ph in phrases)


@dataclass(frozen=True, eq=False)
class _TitleIndex:
    portfolios: PhraseIndex
    heads: PhraseIndex


@cache
def _title_index(tt: Titles) -> _TitleIndex:
    """The phrase indices of one word list (keyed by the object: hashing its phrases per call was slow)."""
    return _TitleIndex(_index(tt.portfolios), _index(tt.heads))


def _phrase(c: _Composer, i: int, index: PhraseIndex) -> int:
    if i >= c.n or not c.t[i].cap:
        return 0
    return index.longest(c.bares, i)


def canonical(head: str, portfolio: str | None, modifier: str | None) -> str:
    """'Secretary of Defense' and 'Defense Secretary' -> 'defense secretary' (folded, American spelling)."""
    parts = [p for p in (modifier if modifier in ("deputy", "vice", "acting", "junior", "state") else None,
                         portfolio, head) if p]
    text = fold(" ".join(parts))
    for a, b in _BRITISH.items():
        text = text.replace(a, b)
    return text.replace("the exchequer", "exchequer")


def may_start(text: str, low: str) -> bool:
    """False when :func:`match_person_or_title` returns 0 at a token of this text whatever follows it
    (its first tests: a country cue, a modifier, or the first word of a portfolio or a head)."""
    tt = titles()
    ix = _title_index(tt)
    cue = cues().get(text)
    bare = low.rstrip(".")
    return (cue is not None and cue.kind in ("demonym", "name")) or low in tt.modifiers \
        or low in ("former", "then", "ex") or bare in ix.portfolios or bare in ix.heads


def match_person_or_title(c: _Composer, i: int) -> int:
    tt = titles()
    ix = _title_index(tt)
    start = i
    country = None
    former = False
    cue = cues().get(c.t[i].text)
    if cue is not None and cue.kind in ("demonym", "name") and c.t[i].cap:
        # "Japanese Defense Minister ...", "U.S. Defense Secretary ..."
        nxt = i + 1 if len(cue.text.split()) == 1 else i + len(cue.text.split())
        if _phrase(c, nxt, ix.portfolios) or _phrase(c, nxt, ix.heads) or c.low(nxt) in tt.modifiers:
            country = cue.code
            i = nxt
        else:
            return 0
    modifier = None
    if (c.low(i) in tt.modifiers and c.t[i].cap) or c.low(i) in ("former", "then", "ex"):
        modifier = c.low(i)
        former = modifier in ("former", "then", "ex", "outgoing")
        i += 1
        if c.low(i) == "-":
            i += 1
    portfolio = None
    k = _phrase(c, i, ix.portfolios)
    if k and not _phrase(c, i, ix.heads):
        portfolio = " ".join(c.t[i + x].low for x in range(k))
        i += k
    k = _phrase(c, i, ix.heads)
    if not k:
        return 0
    head = " ".join(c.t[i + x].low for x in range(k)).rstrip(".")
    i += k
    if c.low(i) in ("of", "for"):
        j = i + 1
        if c.low(j) == "the":
            j += 1
        k2 = _phrase(c, j, ix.portfolios)
        if k2:
            portfolio = " ".join(c.t[j + x].low for x in range(k2))
            i = j + k2
    title_end = i
    # the name: capitalised tokens, not stop words, not months/weekdays, not countries (unless leaders)
    j = i
    names: list[str] = []
    while j < c.n and len(names) < 4:
        tok = c.t[j]
        bare = tok.text[:-2] if tok.low.endswith(("'s", "’s")) else tok.text
        if not tok.cap or bare in tt.not_names or (bare in cues() and cues()[bare].kind != "leader") \
                or tok.low in c.lx.months or tok.low in c.lx.weekdays:
            break
        names.append(bare)
        j += 1
        if bare != tok.text:
            break
        if c.low(j) == "-" and c.adjacent(j) and j + 1 < c.n and c.t[j + 1].cap:  # "Lee Jae-myung"
            names[-1] += "-" + c.t[j + 1].text
            j += 2
    title = canonical(head, portfolio, modifier)
    if not names:
        if start == title_end:
            return 0
        return c.emit(m.TITLE, start, title_end, title=title, country=country, former=former)
    a, b = c.t[start].start, c.t[title_end - 1].end
    c.out.append(m.Mention(m.TITLE, a, b, c.text[a:b], start, title_end,
                           {"title": title, "country": country, "former": former}))
    return c.emit(m.PERSON, title_end, j, name=" ".join(names), title=title, country=country, former=former)
