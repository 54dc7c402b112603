"""The rule schema's documentation is generated from the fact models and kept current."""

from __future__ import annotations

from click.testing import CliRunner

from factcheck.cli.main import cli
from factcheck.evaluate import fielddoc
from tests.conftest import ROOT


def test_docs_rule_fields_is_current() -> None:
    assert (ROOT / "docs" / "rule-fields.md").read_text(encoding="utf-8") == fielddoc.markdown(), (
        "regenerate: factcheck rules fields --markdown > docs/rule-fields.md")


def test_rules_fields_lists_enum_values() -> None:
    r = CliRunner().invoke(cli, ["rules", "fields", "quantity"])
    assert r.exit_code == 0
    unit = next(line for line in r.stdout.splitlines() if line.split()[0] == "unit")
    assert "percent_of_gdp (percent of GDP)" in unit and "currency" in unit
