"""The where-grammar: what it accepts, how it normalises, and everything it refuses."""

from __future__ import annotations

import pytest

from factcheck.evaluate.expr import Compare, Const, Exists, ExprError, FieldRef, parse_where
from factcheck.evaluate.plan import plan_branch

SHIFT = {"shift": "timeline_shift"}
JOIN = {"claim": "tenure_start", "ref": "reference_tenure"}


def test_simple_comparison_between_fields() -> None:
    dnf = parse_where("shift.stated_years != shift.years_between", SHIFT)
    assert dnf == ((Compare("!=", FieldRef("shift", "stated_years"), FieldRef("shift", "years_between")),),)


def test_or_becomes_alternatives_and_and_distributes() -> None:
    dnf = parse_where('(shift.stated_bound == "exact" or shift.stated_bound == "about") and shift.to_year > 2020', SHIFT)
    assert len(dnf) == 2
    assert all(len(c) == 2 for c in dnf)


def test_not_is_pushed_into_comparisons() -> None:
    dnf = parse_where("not (shift.from_year < 2020 and shift.to_year >= 2030)", SHIFT)
    assert dnf == (
        (Compare(">=", FieldRef("shift", "from_year"), Const(2020)),),
        (Compare("<", FieldRef("shift", "to_year"), Const(2030)),),
    )


def test_in_and_not_in_and_is_none() -> None:
    assert len(parse_where('shift.year_type in ("calendar", "fiscal")', SHIFT)) == 2
    (conj,) = parse_where('shift.year_type not in ("calendar", "fiscal")', SHIFT)
    assert [t.op for t in conj] == ["!=", "!="]  # type: ignore[union-attr]
    assert parse_where("shift.stated_years is None", SHIFT) == ((Exists(FieldRef("shift", "stated_years"), False),),)


def test_chained_comparison() -> None:
    (conj,) = parse_where("2000 < shift.from_year <= 2100", SHIFT)
    assert len(conj) == 2


def test_join_is_planned_on_the_later_alias_with_field_on_the_left() -> None:
    (conj,) = parse_where("claim.date != ref.start and claim.person_key == ref.person_key", JOIN)
    branch = plan_branch(conj, JOIN)
    claim, ref = branch.patterns
    assert claim.tests == ()
    assert all(isinstance(t, Compare) and t.left == FieldRef("ref", t.left.name) for t in ref.tests)


def test_arithmetic_is_rearranged_so_a_bare_field_is_on_the_left() -> None:
    when = {"a": "quantity", "b": "quantity"}
    (conj,) = parse_where("a.value + b.value > 10", when)
    (test,) = plan_branch(conj, when).patterns[1].tests
    assert isinstance(test, Compare) and test.left == FieldRef("b", "value")


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("shift.__class__ == 1", "names starting with '_'"),
        ("shift.from_year.__class__ == 1", "only `alias.field`"),
        ("().__class__.__bases__", "expected a comparison"),
        ("__import__('os').system('true') == 0", "function call"),
        ("shift.from_year == len('x')", "function call"),
        ("(lambda: 1)() == 1", "function call"),
        ("shift.from_year == (lambda: 1)", "lambda"),
        ("shift.from_year in [x for x in (1, 2)]", "tuple or list of constants"),
        ("shift.from_year == {1: 2}", "a dict"),
        ("shift.from_year == [x for x in (1, 2)][0]", "subscripting"),
        ("shift.from_year ** 99999999 > 1", "Pow"),
        ("shift.from_year == 10 ** 100", "Pow"),
        ("shift.nope == 1", "unknown field 'nope'"),
        ("other.from_year == 1", "unknown alias 'other'"),
        ("shift.id == 'f1'", "reserved"),
        ("shift.from_year == 'x'", "cannot compare number with string"),
        ('shift.year_type == "fiscl"', "not a possible value"),
        ("shift.from_year", "expected a comparison"),
        ("shift.from_year ==", "not an expression"),
        ("1 == 1", "must involve a fact field"),
        ("shift.from_year == 1e300", "out of range"),
        ("shift.target + 1 > 2", "arithmetic needs numbers"),
        ("f'{shift}' == 'x'", "f-string"),
        ("shift.from_year == 1 if shift.to_year else 2", "expected a comparison"),
    ],
)
def test_rejected_expressions(source: str, message: str) -> None:
    with pytest.raises(ExprError) as err:
        parse_where(source, SHIFT)
    assert message in err.value.reason


def test_error_reports_column_inside_expression() -> None:
    with pytest.raises(ExprError) as err:
        parse_where("shift.from_year > 1 and shift.bogus == 2", SHIFT)
    assert err.value.column == 25


def test_dnf_explosion_is_bounded() -> None:
    clause = " and ".join(f'(shift.from_year == {i} or shift.to_year == {i})' for i in range(10))
    with pytest.raises(ExprError, match="alternatives"):
        parse_where(clause, SHIFT)


def test_huge_expression_is_refused() -> None:
    with pytest.raises(ExprError, match="too large"):
        parse_where(" or ".join(["shift.from_year == 1"] * 200), SHIFT)


def test_same_fact_arithmetic_keeps_a_bare_field_on_the_left() -> None:
    (conj,) = parse_where("shift.to_year - shift.from_year > 3", SHIFT)
    (test,) = plan_branch(conj, SHIFT).patterns[0].tests
    assert isinstance(test, Compare) and test.left == FieldRef("shift", "to_year")


def test_multiplication_by_a_negative_constant_flips_the_operator() -> None:
    when = {"q": "quantity"}
    (conj,) = parse_where("q.value * -2 > 4", when)
    (test,) = plan_branch(conj, when).patterns[0].tests
    assert isinstance(test, Compare) and test.op == "<" and test.left == FieldRef("q", "value")
