"""Project config: discovery upward, factcheck.yaml and [tool.factcheck], unknown keys with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.main import cli
from factcheck.cli.options import EXIT_USAGE
from factcheck.config import ConfigError, apply_rule_settings, discover, load_config
from factcheck.config.resolve import checker_settings
from factcheck.model.document import Location
from factcheck.model.findings import DocumentReport, Finding

YAML = """\
rules: [timeline, ./my-rules]
disable:
  - numbers.conflicting-figure
severity:
  attribution.unofficial-figure: error
sources:
  wikidata: http://127.0.0.1:9/w/api.php
  other:
    endpoint: http://127.0.0.1:9/other
    enabled: false
cache_dir: .cache/factcheck
jsonl:
  date_field: pubDate
"""


def test_yaml_config_and_discovery_upward(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text(YAML)
    (tmp_path / "my-rules").mkdir()
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    found = discover(deep)
    assert found == (tmp_path / "factcheck.yaml").resolve()
    cfg = load_config(found)
    assert cfg.disable == ["numbers.conflicting-figure"]
    assert cfg.severity == {"attribution.unofficial-figure": "error"}
    assert cfg.endpoints() == {"wikidata": "http://127.0.0.1:9/w/api.php"}
    assert cfg.source_patches() == {"wikidata": {"endpoint": "http://127.0.0.1:9/w/api.php"}}
    assert cfg.cache_dir == str(tmp_path.resolve() / ".cache/factcheck")
    assert cfg.rules[1] == str(tmp_path.resolve() / "my-rules")
    s = checker_settings(cfg, sources={"wikidata": "http://127.0.0.1:10/"})
    assert s.sources == {"wikidata": "http://127.0.0.1:10/"} and s.date_field == "pubDate"
    assert s.source_config == {"wikidata": {"endpoint": "http://127.0.0.1:9/w/api.php"}}
    assert s.rules[0].endswith("rules/timeline")


def test_nearer_file_wins_and_pyproject_needs_the_table(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text("disable: [a.b]\n")
    sub = tmp_path / "proj"
    sub.mkdir()
    (sub / "pyproject.toml").write_text("[project]\nname = 'x'\n")
    assert discover(sub) == (tmp_path / "factcheck.yaml").resolve()
    (sub / "pyproject.toml").write_text("[project]\nname = 'x'\n\n[tool.factcheck]\ndisable = ['c.d']\n"
                                        "[tool.factcheck.severity]\n'timeline.shift-mismatch' = 'warning'\n")
    cfg = load_config(discover(sub))  # type: ignore[arg-type]
    assert cfg.disable == ["c.d"] and cfg.severity == {"timeline.shift-mismatch": "warning"}


@pytest.mark.parametrize(
    ("name", "text", "where", "what"),
    [
        ("factcheck.yaml", "disable: []\nseverity:\n  a.b: error\nrule_packs: [x]\n", ":4:", "unknown key 'rule_packs'"),
        ("factcheck.yaml", "sources:\n  wikidata:\n    endpoint: http://x\n    retry_count: 3\n", ":4:",
         "unknown key 'sources.wikidata.retry_count'"),
        ("factcheck.yaml", "severity:\n  a.b: fatal\n", ":2:", "severity.a.b"),
        ("factcheck.yaml", "jsonl:\n  date: x\n", ":2:", "unknown key 'jsonl.date'"),
        ("factcheck.yaml", "sources:\n  wikidata:\n    timeouts:\n      read: -1\n", ":4:",
         "sources.wikidata.timeouts.read"),
        ("factcheck.yaml", "disable: [\n", ":", "not valid YAML"),
        ("pyproject.toml", "[tool.factcheck]\ndisable = []\ncolour = 'red'\n", ":3:", "unknown key 'colour'"),
        ("pyproject.toml", "[tool.factcheck]\n\n[tool.factcheck.jsonl]\ndate_feild = 'x'\n", ":4:",
         "unknown key 'jsonl.date_feild'"),
    ],
)
def test_errors_name_file_and_line(tmp_path: Path, name: str, text: str, where: str, what: str) -> None:
    p = tmp_path / name
    p.write_text(text)
    with pytest.raises(ConfigError) as info:
        load_config(p)
    assert str(info.value).startswith(f"{p}{where}") and what in str(info.value)


def test_source_fields_pass_through_and_disable(tmp_path: Path) -> None:
    p = tmp_path / "factcheck.yaml"
    p.write_text("sources:\n  wikidata:\n    timeouts: {read: 3}\n    language: ja\n")
    s = checker_settings(load_config(p))
    assert s.source_config == {"wikidata": {"timeouts": {"read": 3.0}, "language": "ja"}} and s.references
    p.write_text("sources:\n  wikidata:\n    enabled: false\n")
    assert not checker_settings(load_config(p)).references


def test_cli_config_error_exits_2(tmp_path: Path) -> None:
    (tmp_path / "factcheck.yaml").write_text("disable: []\nbogus: 1\n")
    doc = tmp_path / "a.md"
    doc.write_text("Text.")
    result = CliRunner().invoke(cli, ["check", "--config", str(tmp_path / "factcheck.yaml"), str(doc)])
    assert result.exit_code == EXIT_USAGE and f"{tmp_path / 'factcheck.yaml'}:2: unknown key 'bogus'" in result.stderr
    (tmp_path / "factcheck.yaml").write_text("disable: [no.such-rule]\n")
    result = CliRunner().invoke(cli, ["check", "--config", str(tmp_path / "factcheck.yaml"), str(doc)])
    assert result.exit_code == EXIT_USAGE and "unknown rule id 'no.such-rule'" in result.stderr


def _finding(rule: str, severity: str = "warning") -> Finding:
    return Finding(rule=rule, severity=severity, message="m", span=Location(start=0, end=1, line=1, column=1),
                   facts=[])  # type: ignore[arg-type]


def test_apply_disables_and_overrides_with_families() -> None:
    report = DocumentReport(path="x", findings=[_finding("a.one"), _finding("a.two"), _finding("b.one")])
    out = apply_rule_settings(report, ["a.two"], {"b.*": "error"})
    assert [(f.rule, f.severity) for f in out.findings] == [("a.one", "warning"), ("b.one", "error")]
    assert [f.rule for f in apply_rule_settings(report, ["a.*"], {}).findings] == ["b.one"]
