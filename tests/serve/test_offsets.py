"""Body spans -> offsets in the submitted text (no server needed)."""

from __future__ import annotations

from factcheck.load import load_text
from factcheck.serve.offsets import submitted_range


def test_text_offsets_are_body_offsets() -> None:
    doc = load_text("moved up by three years", fmt="text")
    assert submitted_range(doc, 0, 8) == (0, 8)


def test_markdown_offsets_include_the_front_matter() -> None:
    source = "---\npublished: 2025-10-29\ntitle: T\n---\nIt was moved up by three years.\n"
    doc = load_text(source, fmt="markdown")
    start = doc.text.index("moved")
    offset, length = submitted_range(doc, start, start + 5)
    assert source[offset : offset + length] == "moved" and offset > start


def test_html_offsets_point_at_the_markup_text() -> None:
    source = "<p>First <b>bold</b> words.</p><p>Moved up by three years.</p>"
    doc = load_text(source, fmt="html")
    for word in ("bold", "Moved up", "words"):
        start = doc.text.index(word)
        offset, length = submitted_range(doc, start, start + len(word))
        assert source[offset : offset + length] == word


def test_empty_span() -> None:
    doc = load_text("---\na: 1\n---\nbody", fmt="markdown")
    assert submitted_range(doc, 0, 0) == (doc.source_map.to_source(0), 0)
