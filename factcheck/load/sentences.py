"""Sentence boundaries for news text: one linear pass, abbreviation-aware."""

from __future__ import annotations

import re

from factcheck.model.document import Span

_BOUNDARY = re.compile(r"[.!?][\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|\n+")
ABBREVIATIONS = _ABBREV = frozenset(
    ["mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "adm", "rep", "sen", "gov", "pres", "st", "jr", "sr", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
     # currency and office abbreviations: "Rs. 18.6 trillion", "Re. 1", "the govt. said"
     "rs", "re", "govt", "dept", "approx"]
)


def split_sentences(text: str) -> list[Span]:
    """Spans of sentences; line breaks always end a sentence, abbreviations ("U.S.", "Gen.") do not."""
    spans: list[Span] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(0)[0] == ".":
            word_start = max(text.rfind(" ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            word = text[word_start : m.start()].lower().lstrip("(\"'“")
            if word in _ABBREV or (len(word) == 1 and word.isalpha()):
                continue
        end = m.end() if m.group(0)[0] != "\n" else m.start()
        _add(spans, text, start, end)
        start = m.end()
    _add(spans, text, start, len(text))
    return spans


def _add(spans: list[Span], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        spans.append(Span(start=start, end=end))
