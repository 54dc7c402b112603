"""Control characters from a draft, made harmless for the place they are shown.

A draft can hold ESC, BEL, CR, backspace and the C1 controls (a CSI ``\\x9b`` is ESC ``[`` to some
terminals): written to a terminal as they are, ``\\x1b]0;...\\x07`` retitles the window, ``\\x1b[2J``
clears the screen and ``\\r`` or backspaces overwrite what factcheck printed. In HTML, NUL and ESC
are not allowed at all.

- :func:`for_terminal`: every control character but tab becomes a visible escape (``\\x1b``, ``\\r``,
  ``\\n``): one line stays one line, and nothing the draft holds is lost.
- :func:`for_html`: every control character but tab, newline and carriage return becomes its Control
  Pictures symbol (U+2400 + code, U+2421 for DEL, U+FFFD for C1), one character for one, so offsets
  into the text are unchanged.
"""

from __future__ import annotations

import re

_TERMINAL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\b": "\\b", "\a": "\\a", "\f": "\\f", "\v": "\\v"}
_HTML = str.maketrans(
    {**{chr(c): chr(0x2400 + c) for c in range(0x20) if chr(c) not in "\t\n\r"}, "\x7f": "\u2421",
     **{chr(c): "\ufffd" for c in range(0x80, 0xA0)}}
)


def _escape(m: re.Match[str]) -> str:
    ch = m.group(0)
    return _NAMED.get(ch) or f"\\x{ord(ch):02x}"


def for_terminal(text: str) -> str:
    """``text`` with control characters written as escapes (tab is kept)."""
    return _TERMINAL.sub(_escape, text) if _TERMINAL.search(text) else text


def for_html(text: str) -> str:
    """``text`` with the control characters HTML forbids shown as symbols, one for one."""
    return text.translate(_HTML)
