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
    """Rewrite so that ``left`` is a bare field of ``owner``."""
    op, left, right = test.op, test.left, test.right
    if not _is_field_of(left, owner) and _is_field_of(right, owner):
        op, left, right = FLIP[op], right, left
    for _ in range(16):
        if _is_field_of(left, owner):
            return Compare(op, left, right)
        if not _contains(left, owner):
            op, left, right = FLIP[op], right, left
            continue
        if not isinstance(left, Arith) or left.op not in "+-":
            break
        a, b = left.left, left.right
        if _contains(a, owner) and not _contains(b, owner):
            # (A + b) op R -> A op R - b ;  (A - b) op R -> A op R + b
            left, right = a, Arith("-" if left.op == "+" else "+", right, b)
        elif _contains(b, owner) and not _contains(a, owner):
            if left.op == "+":  # (a + B) op R -> B op R - a
                left, right = b, Arith("-", right, a)
            else:  # (a - B) op R -> B flip(op) a - R
                left, right, op = b, Arith("-", a, right), FLIP[op]
        else:
            break
    raise ExprError(
        f"cannot be matched by the engine: compare one field of `{owner}` with an expression, "
        f"e.g. `{owner}.field > other.field + 1` (the field may appear on one side only)"
    )


def constant_only(op: Operand) -> bool:
    return isinstance(op, Const)
