"""The same compiled rules, evaluated in plain Python: the cross-check and the fallback engine.

Semantics follow durable-rules as measured (ENGINE-NOTES): a test on a missing field is false; one
fact never binds two aliases of one rule; arithmetic is in floating point, division true division (the
durable compiler forces both); values durable cannot read are left out (``facts_out.engine_values``);
strings are ordered (``<`` etc.) as durable-rules orders them (measured; ISO dates are unaffected): it
compares the JSON text of a fact's value, escapes included, and that text is followed by the closing
quote rather than a terminator, so "a" > "a b" and a newline sorts after "2" (a constant in a rule is
terminated properly). Equality is unaffected.
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable

from factcheck.evaluate.engines import Match
from factcheck.evaluate.expr import Arith, Compare, Const, Exists, FieldRef, Operand
from factcheck.evaluate.facts_out import engine_values
from factcheck.evaluate.plan import Pattern
from factcheck.evaluate.rulefiles import RuleSet

Fact = dict[str, object]
Bindings = dict[str, Fact]

_MISSING = object()
_CMP: dict[str, Callable[[object, object], bool]] = {
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    "<=": operator.le,
    ">": operator.gt,
    ">=": operator.ge,
}
_ESCAPED = re.compile(r'[\x00-\x1f"\\]')
_ARITH: dict[str, Callable[[float, float], float]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
}


class PythonEngine:
    name = "python"

    def __init__(self, ruleset: RuleSet):
        self.ruleset = ruleset

    def close(self) -> None:
        return None

    def run(self, facts: list[Fact]) -> list[Match]:
        by_kind: dict[object, list[Fact]] = {}
        for f in facts:
            by_kind.setdefault(f["kind"], []).append(engine_values(f))
        found: set[Match] = set()
        for index, rule in enumerate(self.ruleset.rules):
            aliases = tuple(rule.spec.when)
            for branch in rule.branches:
                for bound in _match(branch.patterns, 0, {}, by_kind):
                    found.add(Match(index, tuple(str(bound[a]["id"]) for a in aliases)))
        return sorted(found)


def _match(patterns: tuple[Pattern, ...], i: int, bound: Bindings, by_kind: dict[object, list[Fact]]):  # type: ignore[no-untyped-def]
    if i == len(patterns):
        yield bound
        return
    pat = patterns[i]
    used = {id(f) for f in bound.values()}
    for fact in by_kind.get(pat.kind, ()):
        if id(fact) in used:
            continue
        bound[pat.alias] = fact
        if all(_test(t, bound) for t in pat.all_tests):
            yield from _match(patterns, i + 1, bound, by_kind)
        del bound[pat.alias]


def _test(test: Compare | Exists, bound: Bindings) -> bool:
    if isinstance(test, Exists):
        return (test.field.name in bound[test.field.alias]) == test.present
    left = _value(test.left, bound)
    right = _value(test.right, bound)
    if left is _MISSING or right is _MISSING:
        return False
    if test.op not in ("==", "!=") and isinstance(left, str) and isinstance(right, str) and left != right:
        # durable's order (measured): the fact's value as JSON text followed by its closing quote.
        left = _order_key(left) + '"'
        right = _order_key(right) + ('"' if isinstance(test.right, FieldRef) else "")
    try:
        return _CMP[test.op](left, right)
    except TypeError:
        return False


def _order_key(s: str) -> str:
    """The string as durable-rules reads it: JSON-escaped (control characters, quote, backslash)."""
    return json.dumps(s, ensure_ascii=False)[1:-1] if _ESCAPED.search(s) else s


def _value(op: Operand, bound: Bindings) -> object:
    if isinstance(op, Const):
        return op.value
    if isinstance(op, FieldRef):
        return bound[op.alias].get(op.name, _MISSING)
    assert isinstance(op, Arith)
    left, right = _value(op.left, bound), _value(op.right, bound)
    if left is _MISSING or right is _MISSING:
        return _MISSING
    try:
        return _ARITH[op.op](float(left), float(right))  # type: ignore[arg-type]
    except (ZeroDivisionError, TypeError, OverflowError):
        return _MISSING
