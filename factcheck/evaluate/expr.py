"""The ``where`` grammar: a whitelisted subset of Python expressions, never evaluated as code.

Accepted: ``alias.field`` references, int/float/str/bool constants, ``+ - * /`` and unary minus,
comparisons (``== != < <= > >=``, chained), ``in``/``not in`` a tuple or list of constants,
``is None``/``is not None``, ``and``/``or``/``not`` and parentheses. Everything else — calls, subscripts,
lambdas, comprehensions, ``**``, names starting with ``_``, attribute chains — is rejected with the
column where it stands.

The result is typed and normalised to disjunctive normal form: a tuple of conjunctions of
:class:`Compare`/:class:`Exists` tests, ``not`` pushed into the comparisons. Both engines consume
exactly this form, which is what makes their results comparable.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass

from factcheck.evaluate.fieldtypes import FieldType, fields_of

MAX_CONJUNCTIONS = 16
MAX_NODES = 400
MAX_ABS_NUMBER = 1e15


class ExprError(Exception):
    """An invalid expression; ``line``/``column`` are 1-based within the expression text."""

    def __init__(self, reason: str, line: int = 1, column: int = 1):
        self.reason, self.line, self.column = reason, line, column
        self.more: list[ExprError] = []  # further problems in the same expression, in order
        super().__init__(reason)

    @property
    def all(self) -> list[ExprError]:
        return [self, *self.more]


@dataclass(frozen=True)
class FieldRef:
    alias: str
    name: str


@dataclass(frozen=True)
class Const:
    value: str | int | float | bool


@dataclass(frozen=True)
class Arith:
    op: str  # + - * /
    left: Operand
    right: Operand


Operand = FieldRef | Const | Arith

NEGATE = {"==": "!=", "!=": "==", "<": ">=", "<=": ">", ">": "<=", ">=": "<"}
FLIP = {"==": "==", "!=": "!=", "<": ">", "<=": ">=", ">": "<", ">=": "<="}


@dataclass(frozen=True)
class Compare:
    op: str
    left: Operand
    right: Operand


@dataclass(frozen=True)
class Exists:
    field: FieldRef
    present: bool


Test = Compare | Exists
Conjunction = tuple[Test, ...]
DNF = tuple[Conjunction, ...]

_CMP = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
_ARITH = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/"}


def parse_where(source: str, when: dict[str, str]) -> DNF:
    """Parse, type-check and normalise a ``where`` expression for the aliases in ``when``."""
    try:
        tree = ast.parse(source.strip(), mode="eval")
    except SyntaxError as exc:
        raise ExprError(f"not an expression: {exc.msg}", exc.lineno or 1, exc.offset or 1) from None
    count = sum(1 for _ in ast.walk(tree))
    if count > MAX_NODES:
        raise ExprError(f"expression too large ({count} nodes, limit {MAX_NODES})")
    parser = _Parser(when)
    dnf = parser.dnf(tree.body)
    if parser.errors:
        first, *rest = parser.errors
        first.more = rest
        raise first
    return dnf


def _pos(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 1), getattr(node, "col_offset", 0) + 1


class _Parser:
    def __init__(self, when: dict[str, str]):
        self.when = when
        self.errors: list[ExprError] = []  # one per faulty comparison: every problem is reported at once

    def fail(self, node: ast.AST, reason: str) -> ExprError:
        return ExprError(reason, *_pos(node))

    # --- boolean structure -> DNF -------------------------------------------------------------
    def dnf(self, node: ast.AST, negate: bool = False) -> DNF:
        if isinstance(node, ast.BoolOp):
            parts = []
            for v in node.values:
                try:
                    parts.append(self.dnf(v, negate))
                except ExprError as exc:
                    self.errors.append(exc)
                    parts.append(((),))
            is_and = isinstance(node.op, ast.And) != negate
            result = _and_all(parts) if is_and else tuple(c for p in parts for c in p)
            if len(result) > MAX_CONJUNCTIONS:
                raise self.fail(node, f"expression expands to more than {MAX_CONJUNCTIONS} alternatives")
            return result
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            return self.dnf(node.operand, not negate)
        if isinstance(node, ast.Compare):
            return self.compare(node, negate)
        raise self.fail(node, f"expected a comparison, got {_describe(node)}")

    def compare(self, node: ast.Compare, negate: bool) -> DNF:
        # a < b < c  ==  a < b and b < c
        links: list[DNF] = []
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=True):
            try:
                links.append(self.link(left, op, right, node))
            except ExprError as exc:  # go on: the other comparisons may have problems of their own
                self.errors.append(exc)
                links.append(((),))
            left = right
        combined = _and_all(links)
        return _negate(combined) if negate else combined

    def link(self, left: ast.AST, op: ast.cmpop, right: ast.AST, node: ast.AST) -> DNF:
        if isinstance(op, ast.Is | ast.IsNot):
            if not (isinstance(right, ast.Constant) and right.value is None):
                raise self.fail(right, "`is` / `is not` only compare with None")
            ref = self.operand(left)
            if not isinstance(ref, FieldRef):
                raise self.fail(left, "`is None` applies to a field")
            return ((Exists(ref, isinstance(op, ast.IsNot)),),)
        if isinstance(op, ast.In | ast.NotIn):
            if not isinstance(right, ast.Tuple | ast.List) or not right.elts:
                raise self.fail(right, "`in` needs a non-empty tuple or list of constants")
            lhs = self.operand(left)
            items = [self.operand(e) for e in right.elts]
            if not all(isinstance(i, Const) for i in items):
                raise self.fail(right, "`in` lists may hold constants only")
            for i in items:
                self.check_types(lhs, i, node)
            if isinstance(op, ast.In):
                return tuple((Compare("==", lhs, i),) for i in items)
            return (tuple(Compare("!=", lhs, i) for i in items),)
        sym = _CMP.get(type(op))
        if sym is None:
            raise self.fail(node, f"operator {type(op).__name__} is not allowed")
        lhs, rhs = self.operand(left), self.operand(right)
        if not (_has_field(lhs) or _has_field(rhs)):  # also `1 * 2 > 1`, or `0 >= -1` inside a chain
            raise self.fail(node, "a comparison must involve a fact field")
        self.check_types(lhs, rhs, node)
        if sym in ("<", "<=", ">", ">=") and self.type_of(lhs).base == "bool":
            raise self.fail(node, "booleans can only be compared with == or !=")
        return ((Compare(sym, lhs, rhs),),)

    # --- operands --------------------------------------------------------------------------------
    def operand(self, node: ast.AST) -> Operand:
        if isinstance(node, ast.Attribute):
            if not isinstance(node.value, ast.Name):
                raise self.fail(node, "only `alias.field` references are allowed")
            alias, name = node.value.id, node.attr
            if alias.startswith("_") or name.startswith("_"):
                raise self.fail(node, f"names starting with '_' are not allowed: {alias}.{name}")
            if alias not in self.when:
                raise self.fail(node, f"unknown alias {alias!r} (declared in `when`: {', '.join(self.when)})")
            kind = self.when[alias]
            if name in ("id", "sid"):
                raise self.fail(node, f"`{name}` is reserved by the engine; use `seq` to order facts")
            if name not in fields_of(kind):
                known = ", ".join(sorted(fields_of(kind)))
                raise self.fail(node, f"unknown field {name!r} of {kind} (fields: {known})")
            return FieldRef(alias, name)
        if isinstance(node, ast.Constant):
            v = node.value
            if isinstance(v, str):
                try:
                    v.encode("utf-8")
                except UnicodeEncodeError:
                    raise self.fail(node, f"string is not valid Unicode (a lone surrogate): {v!r}") from None
                return Const(v)
            if isinstance(v, bool):
                return Const(v)
            if isinstance(v, int | float):
                if abs(v) > MAX_ABS_NUMBER or v != v:
                    raise self.fail(node, f"number out of range: {v!r}")
                return Const(v)
            raise self.fail(node, f"constant of type {type(v).__name__} is not allowed")
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner = self.operand(node.operand)
            if isinstance(inner, Const) and isinstance(inner.value, int | float) and not isinstance(
                inner.value, bool
            ):
                return Const(-inner.value)
            return Arith("-", Const(0), inner)
        if isinstance(node, ast.BinOp):
            sym = _ARITH.get(type(node.op))
            if sym is None:
                raise self.fail(node, f"operator {type(node.op).__name__} is not allowed")
            left, right = self.operand(node.left), self.operand(node.right)
            if sym == "/" and isinstance(right, Const) and right.value == 0:
                raise self.fail(node.right, "division by zero")
            for side, n in ((left, node.left), (right, node.right)):
                if self.type_of(side).base != "number":
                    raise self.fail(n, "arithmetic needs numbers")
            return Arith(sym, left, right)
        if isinstance(node, ast.Name):
            if node.id in ("true", "false", "True", "False"):
                return Const(node.id in ("true", "True"))
            raise self.fail(node, f"bare name {node.id!r}: write `alias.field`")
        raise self.fail(node, f"{_describe(node)} is not allowed in rule expressions")

    def type_of(self, op: Operand) -> FieldType:
        if isinstance(op, FieldRef):
            return fields_of(self.when[op.alias])[op.name]
        if isinstance(op, Const):
            v = op.value
            return FieldType("bool" if isinstance(v, bool) else "string" if isinstance(v, str) else "number")
        return FieldType("number")

    def check_types(self, a: Operand, b: Operand, node: ast.AST) -> None:
        ta, tb = self.type_of(a), self.type_of(b)
        if ta.base != tb.base:
            raise self.fail(node, f"cannot compare {ta.base} with {tb.base}")
        for field_type, other in ((ta, b), (tb, a)):
            if field_type.choices and isinstance(other, Const) and other.value not in field_type.choices:
                allowed = ", ".join(repr(c) for c in field_type.choices)
                raise self.fail(node, f"{other.value!r} is not a possible value (one of {allowed})")


def _has_field(op: Operand) -> bool:
    if isinstance(op, FieldRef):
        return True
    return isinstance(op, Arith) and (_has_field(op.left) or _has_field(op.right))


def _and_all(parts: list[DNF]) -> DNF:
    result: DNF = ((),)
    for p in parts:
        result = tuple(a + b for a in result for b in p)
        if len(result) > MAX_CONJUNCTIONS:
            raise ExprError(f"expression expands to more than {MAX_CONJUNCTIONS} alternatives")
    return result


def _negate(dnf: DNF) -> DNF:
    """not (c1 or c2 ...) == (not c1) and (not c2) ...; not (t1 and t2) == (not t1) or (not t2)."""
    parts: list[DNF] = []
    for conj in dnf:
        parts.append(tuple((_negate_test(t),) for t in conj))
    return _and_all(parts)


def _negate_test(t: Test) -> Test:
    if isinstance(t, Exists):
        return Exists(t.field, not t.present)
    return Compare(NEGATE[t.op], t.left, t.right)


def _describe(node: ast.AST) -> str:
    names = {
        ast.Call: "a function call",
        ast.Lambda: "a lambda",
        ast.Subscript: "subscripting",
        ast.ListComp: "a comprehension",
        ast.SetComp: "a comprehension",
        ast.DictComp: "a comprehension",
        ast.GeneratorExp: "a generator",
        ast.NamedExpr: "an assignment expression",
        ast.IfExp: "a conditional expression",
        ast.JoinedStr: "an f-string",
        ast.Await: "await",
        ast.Starred: "unpacking",
        ast.Dict: "a dict",
        ast.Set: "a set",
    }
    return names.get(type(node), type(node).__name__)


def fields_used(dnf: DNF) -> set[FieldRef]:
    out: set[FieldRef] = set()

    def walk(op: Operand) -> None:
        if isinstance(op, FieldRef):
            out.add(op)
        elif isinstance(op, Arith):
            walk(op.left)
            walk(op.right)

    for conj in dnf:
        for t in conj:
            if isinstance(t, Exists):
                out.add(t.field)
            else:
                walk(t.left)
                walk(t.right)
    return out
