"""Facts as the engines see them: flat dicts of scalar fields, ``None`` left out.

Leaving ``None`` out is what makes "unknown" silence a rule in durable-rules (a present ``null`` would
count as a value); the Python engine reads the same dicts, so both agree.

:func:`engine_values` is applied by both engines to every fact they are given (differential testing,
tests/hardening/test_differential.py, found each of these): values durable-rules cannot read are left
out, i.e. treated as unknown, by both:
- ``None`` (callers other than :func:`engine_fact` may pass it);
- numbers that are not finite, or whose magnitude is at least 2**53 (``MAX_ENGINE_NUMBER``), or non-zero
  floats below 1e-4: ``json.dumps`` writes those in exponent notation (``1e+16``, ``1e-05``), which the
  C engine's parser does not read (it crashes with SIGSEGV, or drops facts); 2**53 also keeps integer
  arithmetic exact on both engines;
- lone surrogates in strings (possible from JSON input) become U+FFFD: the C engine cannot encode them.
"""

from __future__ import annotations

import math

from factcheck.evaluate.fieldtypes import fields_of
from factcheck.model.facts import FactBase

END_KIND = "__end__"
MAX_ENGINE_NUMBER = 2**53
MIN_ENGINE_FRACTION = 1e-4


def engine_fact(fact: FactBase) -> dict[str, object]:
    kind: str = fact.kind  # type: ignore[attr-defined]
    out: dict[str, object] = {"id": fact.id, "kind": kind, "_k": 0}
    for name in fields_of(kind):
        value = getattr(fact, name)
        if value is not None:
            out[name] = value
    return out


def engine_number_ok(value: int | float) -> bool:
    """A number durable-rules reads as written (``json.dumps`` writes it without an exponent)."""
    if isinstance(value, float):
        if not math.isfinite(value):
            return False
        if value != 0 and abs(value) < MIN_ENGINE_FRACTION:
            return False
    return abs(value) < MAX_ENGINE_NUMBER


def engine_values(fact: dict[str, object]) -> dict[str, object]:
    """``fact`` without values the C engine cannot read (the same dict if there are none)."""
    out: dict[str, object] | None = None
    for key, value in fact.items():
        t = type(value)  # the common values, kept as they are, tested first (exact types only)
        if t is str:
            if value.isascii():  # type: ignore[attr-defined]
                continue
        elif (t is int or t is float) and engine_number_ok(value):  # type: ignore[arg-type]
            continue
        keep, new = True, value
        if isinstance(value, bool):
            continue
        if value is None:  # unknown: as if left out (a present null would count as a value in durable)
            keep = False
        elif isinstance(value, int | float):
            keep = engine_number_ok(value)
        elif isinstance(value, str) and not value.isascii():
            try:
                value.encode("utf-8")
            except UnicodeEncodeError:
                new = value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
        if not keep or new is not value:
            if out is None:
                out = dict(fact)
            if keep:
                out[key] = new
            else:
                del out[key]
    return fact if out is None else out
