"""Malformed rule files: each problem names file:line:col and a one-line reason; nothing is checked."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.main import cli
from factcheck.evaluate import RuleLoadError, load_rules
from tests.conftest import SEED

GOOD = """\
id: test.good
severity: warning
title: A good rule
when:
  shift: timeline_shift
where: shift.stated_years != shift.years_between
message: "{shift.from_label} to {shift.to_label}"
"""


def write(tmp_path: Path, text: str, name: str = "rule.yaml") -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def problem(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(RuleLoadError) as err:
        load_rules([path])
    p = err.value.problems[0]
    return f"{Path(p.path).name}:{p.line}:{p.column}: {p.reason}"


def test_good_rule_loads(tmp_path: Path) -> None:
    rs = load_rules([write(tmp_path, GOOD)])
    assert [r.id for r in rs.rules] == ["test.good"]
    assert rs.rules[0].line == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (GOOD.replace("severity: warning", "severity: [warning"), "rule.yaml:3:6: invalid YAML"),
        (GOOD.replace("timeline_shift", "timeline_shiftt"), "rule.yaml:5:10: unknown fact kind 'timeline_shiftt'"),
        (GOOD + "colour: red\n", "rule.yaml:8:1: unknown key 'colour'"),
        (GOOD.replace("shift.stated_years !=", "shift.stated_yeers !="), "rule.yaml:6:8: where: unknown field 'stated_yeers'"),
        (GOOD.replace("where: shift.stated_years != shift.years_between", "where: shift.stated_years !="), "rule.yaml:6:"),
        (GOOD.replace("where: shift.stated_years", "where: shift.__class__"), "rule.yaml:6:8: where: names starting with '_'"),
        (GOOD.replace("severity: warning", "severity: fatal"), "rule.yaml:2:11: severity: Input should be"),
        (GOOD.replace('"{shift.from_label}', '"{shift.__init__}'), "rule.yaml:7:10: message: braces must hold"),
        (GOOD.replace('"{shift.from_label}', '"{shift.nope}'), "rule.yaml:7:10: template names unknown field"),
        ("id: !!python/object/apply:os.system ['true']\n", "rule.yaml:1:5: invalid YAML"),
        ("a: &x [1]\nb: *x\n", "rule.yaml:1:4: YAML anchors and aliases are not allowed"),
        ("- 1\n- 2\n", "rule.yaml:1:3: a rule must be a mapping"),
    ],
)
def test_malformed_rule_names_the_place(tmp_path: Path, text: str, expected: str) -> None:
    assert problem(tmp_path, text).startswith(expected)


def test_where_error_column_points_into_the_expression(tmp_path: Path) -> None:
    text = GOOD.replace("where: shift.stated_years != shift.years_between", "where: shift.stated_years != shift.bogus")
    assert problem(tmp_path, text).startswith("rule.yaml:6:30: where: unknown field 'bogus'")


def test_billion_laughs_is_refused_quickly(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    start = time.monotonic()
    assert "anchors and aliases" in problem(tmp_path, "\n".join(lines) + "\n")
    assert time.monotonic() - start < 5


def test_duplicate_ids_across_files(tmp_path: Path) -> None:
    write(tmp_path, GOOD, "a.yaml")
    write(tmp_path, GOOD, "b.yaml")
    with pytest.raises(RuleLoadError, match=r"duplicate rule id 'test\.good'"):
        load_rules([tmp_path])


def test_all_problems_are_collected(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("test.good", "test.one").replace("severity: warning", "severity: bad"), "a.yaml")
    write(tmp_path, GOOD.replace("test.good", "test.two") + "x: 1\n", "b.yaml")
    with pytest.raises(RuleLoadError) as err:
        load_rules([tmp_path])
    assert [Path(p.path).name for p in err.value.problems] == ["a.yaml", "b.yaml"]


def test_cli_exits_2_and_checks_nothing(tmp_path: Path) -> None:
    bad = write(tmp_path, GOOD.replace("timeline_shift", "nope"))
    result = CliRunner().invoke(cli, ["check", "--no-references", "--rules", str(bad), "--format", "json", str(SEED)])
    assert result.exit_code == 2
    assert f"{bad}:5:10: unknown fact kind 'nope'" in result.output
    assert '"documents"' not in result.output


def test_a_rule_written_enabled_false_never_runs(tmp_path: Path) -> None:
    from factcheck import Checker

    write(tmp_path, GOOD.replace("test.good", "test.on"), "on.yaml")
    write(tmp_path, GOOD.replace("test.good", "test.off") + "enabled: false\n", "off.yaml")
    ruleset = load_rules([tmp_path])
    assert [r.id for r in ruleset.rules] == ["test.on"]
    text = "The launch was moved up by two years, from 2027 to 2024."  # a shift of three years: both rules match
    with Checker(rules=[tmp_path], references=False) as checker:
        fired = {f.rule for f in checker.check(text, published=None, fmt="text").documents[0].findings}
    assert fired == {"test.on"}


def test_a_disabled_rule_is_still_checked(tmp_path: Path) -> None:
    write(tmp_path, GOOD.replace("severity: warning", "severity: fatal") + "enabled: false\n")
    with pytest.raises(RuleLoadError):
        load_rules([tmp_path])
