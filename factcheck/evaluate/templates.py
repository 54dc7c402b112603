"""Message templates: ``{alias.field}`` placeholders and ``{{``/``}}`` escapes, nothing else.

No ``str.format``: no attribute chains, indexing, conversions or format specs (``{0.__init__}``,
``{a.b:>99999}``) can reach Python objects. Values are rendered by :func:`render_value`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\}|[{}]")
MAX_VALUE_CHARS = 300


class TemplateError(Exception):
    def __init__(self, reason: str, column: int):
        self.reason, self.column = reason, column
        super().__init__(reason)


@dataclass(frozen=True)
class Template:
    parts: tuple[str | tuple[str, str], ...]

    def render(self, values: Mapping[str, Mapping[str, object]]) -> str:
        out: list[str] = []
        for p in self.parts:
            if isinstance(p, str):
                out.append(p)
            else:
                alias, name = p
                out.append(render_value(values.get(alias, {}).get(name)))
        return "".join(out)

    def fields(self) -> list[tuple[str, str]]:
        return [p for p in self.parts if isinstance(p, tuple)]


def parse_template(text: str) -> Template:
    parts: list[str | tuple[str, str]] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        if m.start() > pos:
            parts.append(text[pos : m.start()])
        tok = m.group(0)
        if tok == "{{":
            parts.append("{")
        elif tok == "}}":
            parts.append("}")
        elif m.group(1):
            parts.append((m.group(1), m.group(2)))
        else:
            raise TemplateError(
                "braces must hold `{alias.field}` (lower case, no formatting); write {{ or }} for a brace",
                m.start() + 1,
            )
        pos = m.end()
    if pos < len(text):
        parts.append(text[pos:])
    return Template(tuple(parts))


def render_value(value: object) -> str:
    if value is None:
        return "unknown"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:g}"
    elif isinstance(value, list | tuple):
        text = ", ".join(render_value(v) for v in value)
    else:
        text = str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"
