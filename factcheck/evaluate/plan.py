"""Match plans: a rule's DNF arranged as the Rete engine needs it, shared by both engines.

Each conjunction becomes a :class:`Branch`: one :class:`Pattern` per alias, in ``when`` order, each with
the tests that can be decided once that alias is bound. durable-rules requires the left side of every
test to be a bare field of the fact being matched, so comparisons are turned around or rearranged
(``a.x + b.y > 3`` becomes ``b.y > 3 - a.x``) until they are; the Python engine evaluates the very same
plans, so both see identical conditions.

Guards added to every branch (found by differential testing, tests/hardening/test_differential.py):
- every field a comparison reads must exist (``$ex``) in the pattern of its alias: durable-rules reads a
  missing field on the right side of a test (``{"$m": f}`` or another alias's field) as garbage, and in a
  join frees an invalid pointer (SIGABRT/SIGSEGV); a comparison with a missing field is false anyway;
- every divisor that is not a constant must be non-zero: durable divides by zero (giving inf/nan and
  firing ``<`` and ``!=``), where a division by zero is "unknown" (false) for this project;
- arithmetic on the right may combine fields of the owning alias (``{"$m": f}``) with constants, or
  fields of earlier aliases with constants, but not both: that mix crashes durable-rules (SIGSEGV,
  every time); such rules are refused with an error;
- constants must be numbers durable-rules can read (see ``facts_out.engine_number_ok``): folding can
  make ``1e+30`` from ``1e15 * 1e15``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

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
from factcheck.evaluate.facts_out import engine_number_ok


@dataclass(frozen=True)
class Pattern:
    alias: str
    kind: str
    tests: tuple[Compare | Exists, ...]
    guards: tuple[Compare | Exists, ...] = ()  # implied by ``tests``; evaluated first (see module doc)

    @cached_property
    def all_tests(self) -> tuple[Compare | Exists, ...]:
        return self.guards + tuple(t for t in self.tests if t not in self.guards)


@dataclass(frozen=True)
class Branch:
    patterns: tuple[Pattern, ...]


def plan_branch(conj: Conjunction, when: dict[str, str]) -> Branch:
    order = {alias: i for i, alias in enumerate(when)}
    per_alias: dict[str, list[Compare | Exists]] = {alias: [] for alias in when}
    guards: dict[str, list[Compare | Exists]] = {alias: [] for alias in when}
    divisors: list[Compare] = []
    for test in conj:
        if isinstance(test, Exists):
            per_alias[test.field.alias].append(test)
            continue
        for divisor in _divisors(test.left) + _divisors(test.right):  # durable would divide by zero
            guard = Compare("!=", divisor, Const(0))
            if guard not in divisors:
                divisors.append(guard)
        per_alias[_owner(test, order)].append(_planned(test, order, guards))
    for guard in divisors:
        try:
            planned = _planned(guard, order, guards)
        except ExprError:
            raise ExprError(
                "cannot guard a division against zero: divide by a single field or a sum of fields"
            ) from None
        guards[_owner(guard, order)].append(planned)
    patterns = tuple(Pattern(alias, when[alias], tuple(per_alias[alias]), tuple(guards[alias])) for alias in when)
    return Branch(patterns)


def _owner(test: Compare, order: dict[str, int]) -> str:
    return max(_aliases(test.left) | _aliases(test.right), key=order.__getitem__)


def _planned(test: Compare, order: dict[str, int], guards: dict[str, list[Compare | Exists]]) -> Compare:
    """``test`` normalised for its owner; the fields it reads are required to exist (guards)."""
    for ref in sorted(_fields(test.left) | _fields(test.right), key=lambda r: (order[r.alias], r.name)):
        exists = Exists(ref, True)
        if exists not in guards[ref.alias]:
            guards[ref.alias].append(exists)
    owner = _owner(test, order)
    normal = _normalise(test, owner)
    _check_constants(normal.right)
    if isinstance(normal.right, Arith) and len(_aliases(normal.right)) > 1 and owner in _aliases(normal.right):
        raise ExprError(
            f"cannot be matched by the engine: arithmetic that mixes fields of `{owner}` with fields of another "
            f"fact crashes durable-rules; compare `{owner}`'s fields with the other fact's separately, or add a "
            "derived field to the fact model"
        )
    return normal


def _fields(op: Operand) -> set[FieldRef]:
    if isinstance(op, FieldRef):
        return {op}
    if isinstance(op, Arith):
        return _fields(op.left) | _fields(op.right)
    return set()


def _divisors(op: Operand) -> list[Operand]:
    if not isinstance(op, Arith):
        return []
    found = _divisors(op.left) + _divisors(op.right)
    if op.op == "/":
        divisor = fold(op.right)
        if not isinstance(divisor, Const):
            found.append(op.right)
        elif divisor.value == 0:
            raise ExprError("division by zero")
    return found


def _check_constants(op: Operand) -> None:
    if isinstance(op, Const):
        v = op.value
        if isinstance(v, int | float) and not isinstance(v, bool) and not engine_number_ok(v):
            raise ExprError(f"number out of range for the engine: {v!r} (after folding constants)")
    elif isinstance(op, Arith):
        _check_constants(op.left)
        _check_constants(op.right)


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
