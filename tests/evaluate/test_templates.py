from __future__ import annotations

import pytest

from factcheck.evaluate.templates import TemplateError, parse_template


def test_placeholders_and_escapes() -> None:
    tpl = parse_template("{{literal}} {a.x} and {a.y}")
    assert tpl.render({"a": {"x": 2.0, "y": None}}) == "{literal} 2 and (not stated)"


@pytest.mark.parametrize("bad", ["{0.__init__}", "{a.b:>99999}", "{a.b!r}", "{a}", "{a.b.c}", "{A.b}", "x } y", "{a.__class__}"])
def test_anything_but_alias_field_is_refused(bad: str) -> None:
    with pytest.raises(TemplateError):
        parse_template(bad)


def test_long_values_are_clipped() -> None:
    out = parse_template("{a.x}").render({"a": {"x": "y" * 10_000}})
    assert len(out) == 300 and out.endswith("…")


@pytest.mark.parametrize(("values", "expected"), [
    ({"x": 1.0, "y": 3.0}, "moved 1 year, not 3 years"),
    ({"x": 2.0, "y": -1.0}, "moved 2 years, not -1 year"),
    ({"x": 1.5, "y": 0.0}, "moved 1.5 years, not 0 years"),
    ({"x": None, "y": 2.0}, "moved (not stated) year(s), not 2 years"),
])
def test_a_unit_after_a_number_takes_its_grammatical_number(values: dict[str, object], expected: str) -> None:
    assert parse_template("moved {a.x} year(s), not {a.y} year(s)").render({"a": values}) == expected


def test_a_plural_mark_in_a_value_or_without_a_number_is_left_alone() -> None:
    tpl = parse_template("{a.x}: the day(s) of 2 vote(s)")
    assert tpl.render({"a": {"x": "item(s) 3 box(s)"}}) == "item(s) 3 box(s): the day(s) of 2 votes"
    assert parse_template("{a.x} day(s)").render({"a": {"x": "early"}}) == "early day(s)"


@pytest.mark.parametrize(("value", "expected"), [("2024-10", "October 2024"), ("--03", "March"), ("2024-13", "2024-13")])
def test_a_fiscal_gloss_names_its_months_in_words(value: str, expected: str) -> None:
    tpl = parse_template("runs from {g.expected_start}")
    assert tpl.render({"g": {"expected_start": value}}, {"g": "fiscal_year_gloss"}) == f"runs from {expected}"
