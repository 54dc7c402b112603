"""HTML to plain text with a source map: tags stripped, character references decoded, offsets kept.

A single linear scan (no backtracking patterns): tags and comments are skipped, ``script``/``style``/``template``, ``pre``/``code``
contents dropped, block-level tags become line breaks, and every run of copied text adds an anchor so
that a span in the text maps back to the exact place in the HTML. Unclosed tags and deep nesting are
harmless here because nothing is built as a tree.
"""

from __future__ import annotations

import html
import re

TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*>|<!--.*?(?:-->|\Z)|<![^>]*>|<\?[^>]*>", re.S)
_ENTITY = re.compile(r"&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")
_BLOCK = frozenset(
    ["p", "br", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section", "article", "header", "footer", "blockquote", "pre", "hr", "title"]
)
# Not prose: code (``pre``, ``code``, ``kbd``, ``samp``) and what a browser does not show as text.
_SKIP = frozenset({"script", "style", "template", "noscript", "pre", "code", "kbd", "samp"})


def html_to_text(source: str, start: int = 0) -> tuple[str, list[tuple[int, int]]]:
    """Return ``(text, anchors)`` for ``source[start:]``; anchors map text offsets to source offsets."""
    out: list[str] = []
    anchors: list[tuple[int, int]] = []
    length = 0
    pos = start
    skipping: str | None = None

    def emit_text(chunk_start: int, chunk_end: int) -> None:
        nonlocal length
        i = chunk_start
        for m in _ENTITY.finditer(source, chunk_start, chunk_end):
            if m.start() > i:
                anchors.append((length, i))
                out.append(source[i : m.start()])
                length += m.start() - i
            decoded = html.unescape(m.group(0))
            anchors.append((length, m.start()))
            out.append(decoded)
            length += len(decoded)
            i = m.end()
        if chunk_end > i:
            anchors.append((length, i))
            out.append(source[i:chunk_end])
            length += chunk_end - i

    # A tag needs a '>' after it: scanning stops at the last one. Otherwise every '<' without a '>'
    # after it would scan to the end of the text (quadratic: 32,000 "<a " took 9 s; tests/hardening).
    end = source.rfind(">") + 1
    comment_open = False
    for m in TAG.finditer(source, start, max(end, start)):
        comment_open = m.group(0).startswith("<!--") and not m.group(0).endswith("-->")
        if skipping is None and m.start() > pos:
            emit_text(pos, m.start())
        pos = m.end()
        name = (m.group(2) or "").lower()
        closing = m.group(1) == "/"
        if skipping is not None:
            if closing and name == skipping:
                skipping = None
            continue
        if name in _SKIP and not closing and not m.group(0).endswith("/>"):
            skipping = name
        elif name in _BLOCK and length and out and not out[-1].endswith("\n"):
            anchors.append((length, m.start()))
            out.append("\n")
            length += 1
    if comment_open:  # a comment left open runs to the end of the text
        pos = len(source)
    elif skipping is None and pos < len(source):
        opened = source.find("<!--", max(pos, end))
        if opened != -1:  # an unclosed comment after the last '>'
            if opened > pos:
                emit_text(pos, opened)
            pos = len(source)
    if skipping is None and pos < len(source):
        emit_text(pos, len(source))
    text = "".join(out)
    return text, anchors or [(0, start)]
