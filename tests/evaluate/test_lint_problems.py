"""`rules lint`: impossible enum values, every problem of a file at once, fields a message may lack."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.checker import Checker
from factcheck.cli.main import cli
from factcheck.evaluate import RuleLoadError, load_rules
from factcheck.evaluate.fieldtypes import fields_of
from factcheck.evaluate.labels import has_label
from factcheck.model.facts import FACT_TYPES
from factcheck.resources import shipped_rules

FIGURE = """\
id: test.figure
severity: warning
title: A figure rule
when:
  q: quantity
where: {where}
message: {message}
"""


def problems(tmp_path: Path, text: str) -> list[str]:
    p = tmp_path / "rule.yaml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(RuleLoadError) as err:
        load_rules([p])
    return [f"{Path(x.path).name}:{x.line}:{x.column}: {x.reason}" for x in err.value.problems]


def test_a_value_an_enum_field_never_takes_is_refused_with_the_valid_values(tmp_path: Path) -> None:
    text = FIGURE.format(where='q.unit == "percent_gdp"', message='"{q.text}"')
    (p,) = problems(tmp_path, text)
    assert p == ("rule.yaml:6:8: where: 'percent_gdp' is not a possible value (one of 'percent', 'percent_of_gdp', "
                 "'percentage_points', 'currency', 'count')")
    lint = CliRunner().invoke(cli, ["rules", "lint", str(tmp_path / "rule.yaml")])
    assert lint.exit_code == 2 and "'percent_gdp' is not a possible value" in lint.stderr


def test_every_problem_in_a_file_is_reported(tmp_path: Path) -> None:
    text = FIGURE.format(where='q.unit == "percent_gdp" and q.valu > 1 and q.hedge == "roughly"',
                         message='"{q.nope} and {q.text}"')
    got = problems(tmp_path, text)
    assert got == [
        "rule.yaml:6:8: where: 'percent_gdp' is not a possible value (one of 'percent', 'percent_of_gdp', "
        "'percentage_points', 'currency', 'count')",
        "rule.yaml:6:36: where: unknown field 'valu' of quantity " + got[1].split("of quantity ", 1)[1],
        "rule.yaml:6:51: where: 'roughly' is not a possible value (one of 'exact', 'approx', 'upper_bound', "
        "'lower_bound')",
        "rule.yaml:7:10: template names unknown field q.nope",
    ]
    schema = problems(tmp_path, "id: Bad Id\nseverity: fatal\ntitle: t\nwhen: {q: quantity}\nwhere: q.value > 1\n"
                                "message: m\ncolour: red\n")
    assert [p.split(": ", 1)[1].split(":")[0] for p in schema] == ["id", "severity", "unknown key 'colour'"]


def test_a_message_field_that_may_be_unset_needs_a_variant_or_a_test(tmp_path: Path) -> None:
    text = FIGURE.format(where='q.attribution == "unofficial"', message='"{q.text} ({q.attribution_cue})"')
    (p,) = problems(tmp_path, text)
    assert p.startswith("rule.yaml:7:10: message: when `where` matches, q.attribution_cue may be unset")
    with_variant = FIGURE.format(where='q.attribution == "unofficial"',
                                 message='["{q.text} ({q.attribution_cue})", "{q.text}"]')
    tested = FIGURE.format(where='q.attribution == "unofficial" and q.attribution_cue is not None',
                           message='"{q.text} ({q.attribution_cue})"')
    for ok in (with_variant, tested):
        (tmp_path / "ok.yaml").write_text(ok)
        assert load_rules([tmp_path / "ok.yaml"]).rules
    one_branch = FIGURE.format(where='q.attribution == "unofficial" or q.attribution_cue == "sources said"',
                               message='"{q.attribution_cue}"')
    (p,) = problems(tmp_path, one_branch)
    assert "when alternative 1 of `where` matches, q.attribution_cue may be unset" in p


def test_the_variant_without_a_missing_field_is_used(tmp_path: Path) -> None:
    text = FIGURE.format(where='q.attribution in ("unofficial", "hearsay")',
                         message='["{q.text} rests on \\"{q.attribution_cue}\\".", "{q.text} rests on hearsay."]')
    (tmp_path / "r.yaml").write_text(text)
    with Checker(load_rules([tmp_path / "r.yaml"]), references=False) as checker:
        cued = checker.check("Officials reportedly plan to spend 2% of GDP.", published="2025-10-29").findings
    assert [f.message for f in cued] == ['2% of GDP rests on "reportedly".']
    rule = load_rules([tmp_path / "r.yaml"]).rules[0]
    values = {"q": {"text": "2% of GDP", "attribution_cue": None}}
    assert rule.message.render(values, rule.spec.when) == "2% of GDP rests on hearsay."


def test_coded_values_have_human_labels() -> None:
    """Every enum value with an underscore, of every field a rule can name, reads as words."""
    missing = [
        f"{kind}.{name}={value}"
        for kind in FACT_TYPES
        for name, ft in fields_of(kind).items()
        for value in ft.choices or ()
        if "_" in str(value) and not has_label(kind, name, str(value))
    ]
    assert missing == []


def test_shipped_messages_show_no_codes_and_no_placeholders() -> None:
    """Every flag example of every shipped rule, as an editor reads it."""
    ruleset = load_rules([shipped_rules()])
    codes = {str(v) for k in FACT_TYPES for ft in fields_of(k).values() for v in ft.choices or () if "_" in str(v)}
    seen = 0
    with Checker(ruleset, references=False) as checker:
        for rule in ruleset.rules:
            for ex in rule.spec.examples.flag:
                published = ex.published or rule.spec.examples.published
                for f in checker.check(ex.text, published=published).findings:
                    seen += 1
                    words = set(re.findall(r"[a-z]+(?:_[a-z]+)+", f.message))
                    assert not words & codes, f.message
                    assert "unknown" not in f.message and "(not stated)" not in f.message, f.message
    assert seen >= 20
