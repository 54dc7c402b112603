"""The same compiled rules, evaluated in plain Python: the cross-check and the fallback engine.

Semantics follow durable-rules as measured (ENGINE-NOTES): a test on a missing field is false; one
fact never binds two aliases of one rule; arithmetic is in floating point, division true division (the
durable compiler forces both); values durable cannot read are left out (``facts_out.engine_values``);
strings are ordered (``<`` etc.) as durable-rules orders them (measured; ISO dates are unaffected): it
compares the JSON text of a fact's value, escapes included, and that text is followed by the closing
quote rather than a terminator, so "a" > "a b" and a newline sorts after "2" (a constant in a rule is
terminated properly). Equality is unaffected.

Facts are indexed by kind, and by the value of each field a rule joins on with ``==`` (a field of an
earlier alias, or a constant): a pattern with such a test looks only at the facts whose value is equal
(a dict look-up; Python's ``==`` and ``hash`` agree on the scalars facts hold, 2 and 2.0 included),
instead of every fact of its kind, so work grows with the matches rather than with all pairs, as in
the Rete engine. Every test still runs on the candidates, so the index only ever narrows.
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
        index = _Index(facts)
        found: set[Match] = set()
        for number, rule in enumerate(self.ruleset.rules):
            aliases = tuple(rule.spec.when)
            for branch in rule.branches:
                for bound in _match(branch.patterns, 0, {}, index):
                    found.add(Match(number, tuple(str(bound[a]["id"]) for a in aliases)))
        return sorted(found)


class _Index:
    """One document's facts by kind, and (built on first use) by kind and the value of one field."""

    def __init__(self, facts: list[Fact]):
        self.by_kind: dict[object, list[Fact]] = {}
        for f in facts:
            self.by_kind.setdefault(f["kind"], []).append(engine_values(f))
        self._by_value: dict[tuple[object, str], dict[object, list[Fact]] | None] = {}

    def candidates(self, pat: Pattern, bound: Bindings) -> list[Fact] | tuple[()]:
        """The facts that can bind ``pat``: the smallest group among its ``==`` join keys, else its kind."""
        best: list[Fact] | tuple[()] | None = None
        for test in pat.all_tests:
            key = _join_key(test, pat.alias)
            if key is None:
                continue
            table = self._table(pat.kind, key[0])
            value = _value(key[1], bound)
            if value is _MISSING:
                return ()
            if table is None:  # a value that cannot be hashed: this key cannot narrow
                continue
            try:
                group = table.get(value, ())
            except TypeError:
                continue
            if best is None or len(group) < len(best):
                best = group
        return self.by_kind.get(pat.kind, ()) if best is None else best

    def _table(self, kind: object, field: str) -> dict[object, list[Fact]] | None:
        if (kind, field) not in self._by_value:
            table: dict[object, list[Fact]] | None = {}
            try:
                for f in self.by_kind.get(kind, ()):
                    if field in f:
                        table.setdefault(f[field], []).append(f)  # type: ignore[union-attr]
            except TypeError:
                table = None
            self._by_value[(kind, field)] = table
        return self._by_value[(kind, field)]


def _join_key(test: Compare | Exists, alias: str) -> tuple[str, Operand] | None:
    """``(field, operand)`` if ``test`` is ``alias.field == operand`` with an operand known before ``alias``
    is bound (a constant, or a field of an earlier alias)."""
    if not isinstance(test, Compare) or test.op != "==" or not isinstance(test.left, FieldRef):
        return None
    if test.left.alias != alias:
        return None
    right = test.right
    if isinstance(right, Const) or (isinstance(right, FieldRef) and right.alias != alias):
        return test.left.name, right
    return None


def _match(patterns: tuple[Pattern, ...], i: int, bound: Bindings, index: _Index):  # type: ignore[no-untyped-def]
    if i == len(patterns):
        yield bound
        return
    pat = patterns[i]
    used = {id(f) for f in bound.values()}
    for fact in index.candidates(pat, bound):
        if id(fact) in used:
            continue
        bound[pat.alias] = fact
        if all(_test(t, bound) for t in pat.all_tests):
            yield from _match(patterns, i + 1, bound, index)
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
