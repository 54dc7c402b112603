"""The rule schema as a person reads it: every fact kind, the fields a rule may name, their types and,
for enum fields, every value they can take (``factcheck rules fields``, ``docs/rule-fields.md``)."""

from __future__ import annotations

from factcheck.evaluate.fieldtypes import fields_of, may_be_unset
from factcheck.evaluate.labels import label
from factcheck.model.facts import FACT_TYPES

HEADER = """\
# Rule fields

What a rule's `where` may compare, per fact kind (generated from the fact models by
`factcheck rules fields --markdown`; `tests/evaluate/test_fielddoc.py` keeps this file current).
A comparison of an enum field with a value it never takes is refused by `rules lint` at
`file:line:col`, with the valid values. *optional* fields may be unset: a comparison with an unset
field is false, and a message that shows one needs a sentence variant without it (or a test
`alias.field is not None` in `where`).
"""


def field_rows(kind: str) -> list[tuple[str, str, str]]:
    """``(field, type, values)`` for each field of ``kind`` a rule can name."""
    rows = []
    for name, ft in sorted(fields_of(kind).items()):
        typ = ft.base + (", optional" if may_be_unset(kind, name) else "")
        values = ", ".join(
            f"`{v}`" + (f" ({label(kind, name, v)})" if label(kind, name, v) != v else "") for v in ft.choices or ()
        )
        rows.append((name, typ, values))
    return rows


def markdown() -> str:
    out = [HEADER]
    for kind, model in FACT_TYPES.items():
        doc = (model.__doc__ or "").strip().splitlines()[0]
        out.append(f"\n## `{kind}`\n\n{doc}\n\n| field | type | values |\n|---|---|---|")
        out.extend(f"| `{n}` | {t} | {v} |" for n, t, v in field_rows(kind))
    return "\n".join(out) + "\n"


def text(kinds: list[str] | None = None) -> str:
    out = []
    for kind in kinds or list(FACT_TYPES):
        out.append(kind)
        for name, typ, values in field_rows(kind):
            out.append(f"  {name:24} {typ:18} {values.replace('`', '')}".rstrip())
    return "\n".join(out) + "\n"
