"""Facts as the engines see them: flat dicts of scalar fields, ``None`` left out.

Leaving ``None`` out is what makes "unknown" silence a rule in durable-rules (a present ``null`` would
count as a value); the Python engine reads the same dicts, so both agree.
"""

from __future__ import annotations

from factcheck.evaluate.fieldtypes import fields_of
from factcheck.model.facts import FactBase

END_KIND = "__end__"


def engine_fact(fact: FactBase) -> dict[str, object]:
    kind: str = fact.kind  # type: ignore[attr-defined]
    out: dict[str, object] = {"id": fact.id, "kind": kind, "_k": 0}
    for name in fields_of(kind):
        value = getattr(fact, name)
        if value is not None:
            out[name] = value
    return out
