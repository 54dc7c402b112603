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
