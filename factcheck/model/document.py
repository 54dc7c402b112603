"""Documents: the body text that every stage reads, and the map back to the original file."""

from __future__ import annotations

import bisect
import datetime as dt

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr


class Span(BaseModel):
    """Half-open character range ``[start, end)`` in a document's body text."""

    model_config = ConfigDict(frozen=True)

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class Location(BaseModel):
    """A span with 1-based line/column of its start in the original file."""

    start: int
    end: int
    line: int
    column: int


class SourceMap(BaseModel):
    """Maps body offsets to offsets in the original file.

    ``anchors`` are ``(body_offset, source_offset)`` pairs, sorted; between anchors the text is copied
    one character for one. A Markdown body is one anchor (after the front matter); HTML has one per
    text run and per character reference.
    """

    anchors: list[tuple[int, int]] = Field(default_factory=lambda: [(0, 0)])

    def to_source(self, offset: int) -> int:
        keys = [a[0] for a in self.anchors]
        i = max(bisect.bisect_right(keys, offset) - 1, 0)
        body, src = self.anchors[i]
        return src + (offset - body)


class Document(BaseModel):
    """One article: its body text, metadata, sentences and the map back to the source."""

    id: str = Field(description="Path, record id, or '<stdin>'.")
    path: str | None = None
    text: str = Field(description="Plain body text; spans are offsets into it. Markdown code and comments "
                      "are blanked out (spaces), so they are not read as prose and offsets stay exact.")
    raw_text: str | None = Field(None, description="The body before code and comments were blanked (same "
                                 "length as `text`), for showing; None when nothing was blanked.")
    published: dt.date | None = None
    title: str | None = None
    language: str | None = None
    url: str | None = None
    metadata: dict[str, object] = Field(default_factory=dict)
    source_text: str | None = Field(None, description="The original file text (for line/column).")
    source_map: SourceMap = Field(default_factory=SourceMap)
    line_offset: int = Field(0, description="Lines before the source text (e.g. JSON Lines record number).")
    record_line: int | None = Field(None, description="1-based line of a JSON Lines record in `path`.")

    _line_starts: list[int] | None = PrivateAttr(default=None)
    _sentences: list[Span] | None = PrivateAttr(default=None)
    _sentence_starts: list[int] | None = PrivateAttr(default=None)

    @property
    def sentences(self) -> list[Span]:
        """Sentence spans of the body (computed once)."""
        if self._sentences is None:
            from factcheck.load.sentences import split_sentences

            self._sentences = split_sentences(self.text)
        return self._sentences

    def sentence_index(self, offset: int) -> int:
        if self._sentence_starts is None:  # once: rebuilding it per call made findings quadratic
            self._sentence_starts = [s.start for s in self.sentences]
        return max(bisect.bisect_right(self._sentence_starts, offset) - 1, 0)

    def sentence_at(self, offset: int) -> Span:
        sents = self.sentences
        return sents[self.sentence_index(offset)] if sents else Span(start=0, end=len(self.text))

    def locate(self, span: Span) -> Location:
        """1-based line and column of a body span in the original file."""
        source = self.source_text if self.source_text is not None else self.text
        off = self.source_map.to_source(span.start) if self.source_text is not None else span.start
        if self._line_starts is None:
            starts = [0]
            pos = source.find("\n")
            while pos != -1:
                starts.append(pos + 1)
                pos = source.find("\n", pos + 1)
            self._line_starts = starts
        line = bisect.bisect_right(self._line_starts, off) - 1
        return Location(
            start=span.start,
            end=span.end,
            line=line + 1 + self.line_offset,
            column=off - self._line_starts[line] + 1,
        )
