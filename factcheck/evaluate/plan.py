"""Match plans: a rule's DNF arranged as the Rete engine needs it, shared by both engines.

Each conjunction becomes a :class:`Branch`: one :class:`Pattern` per alias, in ``when`` order, each with
the tests that can be decided once that alias is bound. durable-rules requires the left side of every
test to be a bare field of the fact being matched, so comparisons are turned around or rearranged
(``a.x + b.y > 3`` becomes ``b.y > 3 - a.x``) until they are; the Python engine evaluates the very same
plans, so both see identical conditions.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.evaluate.expr import (
    FLIP,
    Arith,
    Compare,
    Conjunction,
    Const,
    Exists,
    ExprError,
    FieldRef,
    Operand,
)


@dataclass(frozen=True)
class Pattern:
    alias: str
    kind: str
    tests: tuple[Compare | Exists, ...]


@dataclass(frozen=True)
class Branch:
    patterns: tuple[Pattern, ...]


def plan_branch(conj: Conjunction, when: dict[str, str]) -> Branch:
    order = {alias: i for i, alias in enumerate(when)}
    per_alias: dict[str, list[Compare | Exists]] = {alias: [] for alias in when}
    for test in conj:
        if isinstance(test, Exists):
            per_alias[test.field.alias].append(test)
            continue
        owner = max(_aliases(test.left) | _aliases(test.right), key=order.__getitem__)
        per_alias[owner].append(_normalise(test, owner))
    patterns = tuple(Pattern(alias, when[alias], tuple(per_alias[alias])) for alias in when)
    return Branch(patterns)


def _aliases(op: Operand) -> set[str]:
    if isinstance(op, FieldRef):
        return {op.alias}
    if isinstance(op, Arith):
        return _aliases(op.left) | _aliases(op.right)
    return set()


def _is_field_of(op: Operand, alias: str) -> bool:
    return isinstance(op, FieldRef) and op.alias == alias


def _contains(op: Operand, alias: str) -> bool:
    return alias in _aliases(op)


def _normalise(test: Compare, owner: str) -> Compare:
    """Rewrite so that ``left`` is a bare field of ``owner`` (the right side may use anything).

    Terms are moved across: ``(X + e) op R`` -> ``X op R - e``; ``(e - X) op R`` -> ``X flip(op) e - R``;
    ``(X * c)``/``(X / c)`` with a non-zero constant ``c`` divide or multiply across (flipping the
    operator when ``c`` is negative). The term kept on the left is a bare field of ``owner`` if there
    is one, else any term containing it.
    """
    op, left, right = test.op, test.left, test.right
    for _ in range(32):
        if _is_field_of(left, owner):
            return Compare(op, left, fold(right))
        if _is_field_of(right, owner) or not _contains(left, owner):
            op, left, right = FLIP[op], right, left
            continue
        if not isinstance(left, Arith):
            break
        a, b = left.left, left.right
        keep_a = _is_field_of(a, owner) or (not _is_field_of(b, owner) and _contains(a, owner))
        if left.op in "+-":
            if keep_a:  # (A + b) op R -> A op R - b ;  (A - b) op R -> A op R + b
                left, right = a, Arith("-" if left.op == "+" else "+", right, b)
            elif left.op == "+":  # (a + B) op R -> B op R - a
                left, right = b, Arith("-", right, a)
            else:  # (a - B) op R -> B flip(op) a - R
                left, right, op = b, Arith("-", a, right), FLIP[op]
            continue
        c = b if keep_a else a
        if not (isinstance(c, Const) and isinstance(c.value, int | float) and not isinstance(c.value, bool)):
            break
        if c.value == 0 or (left.op == "/" and not keep_a):
            break
        inverse = "/" if left.op == "*" else "*"
        left, right = (a if keep_a else b), Arith(inverse, right, c)
        if c.value < 0 and op not in ("==", "!="):
            op = FLIP[op]
    raise ExprError(
        f"cannot be matched by the engine: rewrite so that one field of `{owner}` stands alone on one side, "
        f"e.g. `{owner}.field > other.field + 1`"
    )


def fold(op: Operand) -> Operand:
    """Fold constant arithmetic (durable-rules cannot evaluate ``$mul`` of two constants)."""
    if not isinstance(op, Arith):
        return op
    left, right = fold(op.left), fold(op.right)
    if isinstance(left, Const) and isinstance(right, Const):
        a, b = left.value, right.value
        assert isinstance(a, int | float) and isinstance(b, int | float)
        if op.op == "+":
            return Const(a + b)
        if op.op == "-":
            return Const(a - b)
        if op.op == "*":
            return Const(a * b)
        if b != 0:
            return Const(a / b)
    return Arith(op.op, left, right)
