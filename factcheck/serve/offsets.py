"""Body spans -> offsets in the text the client submitted (LanguageTool-style ``offset``/``length``).

Spans are offsets into the document *body*; for Markdown with front matter the body starts after it,
and for HTML every text run has its own anchor. Offsets and lengths are counted in Unicode code
points (Python ``str`` indices) of the submitted string.
"""

from __future__ import annotations

from factcheck.model.document import Document


def submitted_range(doc: Document, start: int, end: int) -> tuple[int, int]:
    """``(offset, length)`` in the submitted text of the body span ``[start, end)``."""
    if doc.source_text is None:
        return start, end - start
    src_start = doc.source_map.to_source(start)
    if end <= start:
        return src_start, 0
    src_end = doc.source_map.to_source(end - 1) + 1  # the last character, so a span never runs into the next run
    return src_start, max(src_end - src_start, 0)
