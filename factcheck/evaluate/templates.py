"""Message templates: ``{alias.field}`` placeholders and ``{{``/``}}`` escapes, nothing else.

No ``str.format``: no attribute chains, indexing, conversions or format specs (``{0.__init__}``,
``{a.b:>99999}``) can reach Python objects. Values are rendered by :func:`render_value`, coded values
through the label table (:mod:`factcheck.evaluate.labels`).

A rule's message may be a list of sentence variants (:class:`Message`): the first whose fields are
all set is used, so a message never says "unknown" for a field that a fact does not have.
``rules lint`` checks that every way a rule can fire leaves some variant with all its fields set.

A unit written ``word(s)`` right after a number takes the number's grammatical number: the template
``{shift.stated_years} year(s)`` renders "1 year" and "3 years" (and "-2 days"), so a message reads as
an editor would write it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from factcheck.evaluate.labels import label

# a number, then a unit written "word(s)": "2 year(s)", "-1 day(s)", "1.5 point(s)"
_COUNTED_UNIT = re.compile(r"(?<![\w.,])(-?\d+(?:\.\d+)?) ([a-z]+)\(s\)")
_NUMBER_END = re.compile(r"(?<![\w.,])-?\d+(?:\.\d+)?$")
_TOKEN = re.compile(r"\{\{|\}\}|\{([a-z][a-z0-9_]*)\.([a-z][a-z0-9_]*)\}|[{}]")
MAX_VALUE_CHARS = 300
MISSING = "(not stated)"  # only if a rule is used without `rules lint`'s field check


class TemplateError(Exception):
    def __init__(self, reason: str, column: int):
        self.reason, self.column = reason, column
        super().__init__(reason)


Values = Mapping[str, Mapping[str, object]]


@dataclass(frozen=True)
class Template:
    parts: tuple[str | tuple[str, str], ...]

    def render(self, values: Values, kinds: Mapping[str, str] | None = None) -> str:
        out: list[str] = []
        for p in self.parts:
            if isinstance(p, str):
                # the template's own "word(s)", after its own number or after a rendered one; never in a value
                lead = _NUMBER_END.search(out[-1]) if out and "(s)" in p else None
                text = _COUNTED_UNIT.sub(_counted_unit, (lead.group(0) if lead else "") + p) if "(s)" in p else p
                out.append(text[len(lead.group(0)):] if lead else text)
            else:
                alias, name = p
                value = values.get(alias, {}).get(name)
                out.append(render_value(label((kinds or {}).get(alias), name, value)))
        return "".join(out)

    def fields(self) -> list[tuple[str, str]]:
        return [p for p in self.parts if isinstance(p, tuple)]

    def complete(self, values: Values) -> bool:
        """True if every field the template names has a value (is not None)."""
        return all(values.get(alias, {}).get(name) is not None for alias, name in self.fields())


@dataclass(frozen=True)
class Message:
    """Sentence variants, most specific first; renders the first whose fields are all set."""

    variants: tuple[Template, ...]

    def render(self, values: Values, kinds: Mapping[str, str] | None = None) -> str:
        chosen = next((v for v in self.variants if v.complete(values)), self.variants[-1])
        return chosen.render(values, kinds)

    def fields(self) -> list[tuple[str, str]]:
        return [f for v in self.variants for f in v.fields()]


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


def _counted_unit(m: re.Match[str]) -> str:
    number, unit = m.group(1), m.group(2)
    return f"{number} {unit if abs(float(number)) == 1 else unit + 's'}"


def render_value(value: object) -> str:
    if value is None:
        return MISSING
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        text = str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:g}"
    elif isinstance(value, list | tuple):
        text = ", ".join(render_value(v) for v in value)
    else:
        text = str(value)
    return text if len(text) <= MAX_VALUE_CHARS else text[: MAX_VALUE_CHARS - 1] + "…"
