"""What in a Markdown body is not prose: code and comments, blanked out so offsets stay exact.

Fenced code blocks (```` ``` ```` or ``~~~``), indented code blocks (four spaces or a tab after a
blank line, outside lists), inline code spans and HTML comments (``<!-- editor notes -->``) are not
checked as claims. They are replaced by spaces, newlines kept, so every character offset, line and
column of the remaining prose is the one in the file (deleting them would shift every finding after
them). One linear pass over the lines, then two linear patterns over what is left.
"""

from __future__ import annotations

import itertools
import re
from collections import defaultdict, deque

_FENCE = re.compile(r" {0,3}(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r" {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TICKS = re.compile(r"`+")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def _blank(chars: list[str], start: int, end: int) -> None:
    for i in range(start, end):
        if chars[i] not in "\r\n":
            chars[i] = " "


def code_blocks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every fenced or indented code block line, in order."""
    out: list[tuple[int, int]] = []
    fence: str | None = None
    prev_blank, in_indented, in_list = True, False, False
    pos = 0
    for line in text.splitlines(keepends=True):
        start, pos = pos, pos + len(line)
        content = line.rstrip("\r\n")
        blank = not content.strip()
        if fence is not None:
            out.append((start, pos))
            stripped = content.strip()
            if stripped.startswith(fence) and set(stripped) == {fence[0]}:
                fence = None
            continue
        if m := _FENCE.match(content):
            fence = m.group(1)
            out.append((start, pos))
            prev_blank = in_indented = False
            continue
        indented = content.startswith(("    ", "\t"))
        if not blank and indented and (in_indented or (prev_blank and not in_list)):
            out.append((start, pos))
            in_indented = True
            prev_blank = False
            continue
        if not blank:
            in_indented = False
            if _LIST_ITEM.match(content):
                in_list = True
            elif not indented:
                in_list = False
        prev_blank = blank
    return out


def mask_markdown(text: str) -> str:
    """``text`` with code blocks, inline code and HTML comments replaced by spaces (same length)."""
    if "`" not in text and "~~~" not in text and "<!--" not in text and "    " not in text and "\t" not in text:
        return text
    chars = list(text)
    for start, end in code_blocks(text):
        _blank(chars, start, end)
    rest = "".join(chars)
    for m in _COMMENT.finditer(rest):
        _blank(chars, m.start(), m.end())
    for start, end in inline_code("".join(chars)):
        _blank(chars, start, end)
    return "".join(chars)


def inline_code(text: str) -> list[tuple[int, int]]:
    """Code spans: a backtick run up to the next run of the same length in the same paragraph.

    Runs are paired in one pass per paragraph (a queue of runs per length), so text full of
    unmatched backticks stays linear where a regular expression would rescan the paragraph.
    """
    out: list[tuple[int, int]] = []
    bounds = [0, *(m.end() for m in _PARAGRAPH_BREAK.finditer(text)), len(text)]
    for lo, hi in itertools.pairwise(bounds):
        runs = [(m.start(), m.end()) for m in _TICKS.finditer(text, lo, hi)]
        by_length: dict[int, deque[int]] = defaultdict(deque)
        for i, (s, e) in enumerate(runs):
            by_length[e - s].append(i)
        i = 0
        while i < len(runs):
            s, e = runs[i]
            queue = by_length[e - s]
            while queue and queue[0] <= i:
                queue.popleft()
            if queue:
                j = queue.popleft()
                out.append((s, runs[j][1]))
                i = j + 1
            else:
                i += 1
    return out
