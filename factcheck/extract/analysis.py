"""One document, analysed once: tokens, mentions (layer 1) and sentences of clauses (layer 2).

The relation patterns (layer 3) and the fact hooks read an :class:`Analysis`; it is built per call
and passed down explicitly, so extraction shares no state between documents or threads.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from factcheck.extract.clauses.segment import Sentence, items_of, segment
from factcheck.extract.mentions import lex
from factcheck.extract.mentions.model import Mention, Token
from factcheck.model.document import Document

MAX_SENTENCE_ITEMS = 400  # longer "sentences" (lists, tables) are cut into windows of this many items


@dataclass
class Analysis:
    doc: Document
    tokens: list[Token]
    mentions: list[Mention]
    sentences: list[Sentence]
    memo: dict[str, object] = field(default_factory=dict)  # per-document results shared by hooks

    @property
    def text(self) -> str:
        return self.doc.text

    def sentence_at(self, offset: int) -> Sentence:
        starts = self.memo.get("_starts")
        if starts is None:
            starts = [s.start for s in self.sentences]
            self.memo["_starts"] = starts
        i = max(bisect.bisect_right(starts, offset) - 1, 0)  # type: ignore[arg-type]
        return self.sentences[i]

    def mentions_of(self, typ: str) -> list[Mention]:
        key = "_type:" + typ
        found = self.memo.get(key)
        if found is None:
            found = [m for m in self.mentions if m.type == typ]
            self.memo[key] = found
        return found  # type: ignore[return-value]


def analyse(doc: Document) -> Analysis:
    tokens, mentions = lex(doc.text)
    starts = [t.start for t in tokens]
    sentences: list[Sentence] = []
    mi = 0
    for index, span in enumerate(doc.sentences):
        t0 = bisect.bisect_left(starts, span.start)
        t1 = bisect.bisect_left(starts, span.end, t0)
        items, mi = items_of(tokens, mentions, t0, t1, mi)
        for w in range(0, max(len(items), 1), MAX_SENTENCE_ITEMS):
            chunk = items[w : w + MAX_SENTENCE_ITEMS]
            if chunk:
                sentences.append(segment(index, chunk))  # a window keeps its sentence's index
    return Analysis(doc, tokens, mentions, sentences)
