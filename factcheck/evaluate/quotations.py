"""Direct quotations in a body text, and who the text says spoke them.

Claims inside a quotation are checked like any other, but a finding there says so ("in a
quotation attributed to Shinjiro Koizumi"): an editor handles a misquoted figure differently from
the reporter's own error. A quotation is text between curly quotes (“…”) or a pair of straight
double quotes within one paragraph, of at least three words (a scare-quoted term is not a
quotation). The speaker is read from the words around it: ``“…,” Koizumi said``, ``“…,” said the
minister``, ``Koizumi said: “…”``, ``according to X``. Pronouns and unnamed speakers give none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MIN_WORDS = 3
_PAIR = re.compile(r"“([^“”\n]*(?:\n(?![ \t]*\n)[^“”\n]*)*)”|\"([^\"\n]*(?:\n(?![ \t]*\n)[^\"\n]*)*)\"")
_NAME = r"(?:(?:the|a)\s+)?(?:[A-Z][\w.'’-]*\s+){0,5}[A-Z][\w'’-]*|the\s+(?:[a-z]+\s+){0,2}(?:minister|secretary|president|spokesperson|spokesman|spokeswoman|official|ministry|department|government)"
_VERB = r"(?:said|says|told\s+[\w\s]{1,40}?|added|stated|wrote|declared|insisted|explained|noted)"
_AFTER = re.compile(rf"[,.]?\s*(?:{_VERB}\s+(?P<a>{_NAME})|(?P<b>{_NAME})\s+{_VERB}\b|according\s+to\s+(?P<c>{_NAME}))")
_BEFORE = re.compile(rf"(?P<who>{_NAME})\s+(?:{_VERB}|wrote|added)\s*[:,]?\s*\Z")
_NOT_SPEAKERS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "the", "a"})


@dataclass(frozen=True, slots=True)
class Quote:
    start: int  # body offsets of the quoted words (inside the marks)
    end: int
    speaker: str | None


def _speaker(text: str, open_at: int, close_at: int) -> str | None:
    after = _AFTER.match(text, close_at, min(len(text), close_at + 120))
    who = None
    if after:
        who = after.group("a") or after.group("b") or after.group("c")
    else:
        line_start = max(text.rfind("\n", 0, open_at), text.rfind(". ", 0, open_at), open_at - 120, 0)
        before = _BEFORE.search(text, line_start, open_at)
        if before:
            who = before.group("who")
    if who is None:
        return None
    who = " ".join(who.split())
    return None if who.lower() in _NOT_SPEAKERS else who


def find_quotations(text: str) -> list[Quote]:
    """Every direct quotation of ``text``, in order."""
    if "“" not in text and '"' not in text:
        return []
    out = []
    for m in _PAIR.finditer(text):
        inner = m.group(1) if m.group(1) is not None else m.group(2)
        if len(inner.split()) < MIN_WORDS:
            continue
        out.append(Quote(m.start() + 1, m.end() - 1, _speaker(text, m.start(), m.end())))
    return out


def quotation_at(quotes: list[Quote], start: int, end: int) -> Quote | None:
    """The quotation that holds ``[start, end)``, if any."""
    return next((q for q in quotes if q.start <= start and end <= q.end), None)


def describe(quote: Quote) -> str:
    return f"in a quotation attributed to {quote.speaker}" if quote.speaker else "in a quotation"
