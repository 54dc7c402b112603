"""The seed article's findings match its hand-reviewed golden file, through the CLI, with references."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from click.testing import CliRunner

from factcheck.cli.main import cli
from factcheck.enrich.testing import serve_fixtures
from tests.conftest import SEED

GOLDEN = SEED.with_name("hegseth-koizumi-tokyo.expected.yaml")


def summarise(finding: dict) -> dict:  # type: ignore[type-arg]
    out = {
        "rule": finding["rule"],
        "severity": finding["severity"],
        "line": finding["span"]["line"],
        "column": finding["span"]["column"],
        "quote": finding["quote"],
    }
    if finding["evidence"]:
        out["evidence"] = finding["evidence"][0]["url"]
    return out


def test_seed_findings_match_the_golden_file(tmp_path: Path) -> None:
    golden = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    with serve_fixtures() as server:
        args = ["check", "--jobs", "0", "--format", "json", "--cache-dir", str(tmp_path),
                "--source", f"wikidata={server.url}", str(SEED)]
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output  # a warning is below the default --fail-on
    (doc,) = json.loads(result.stdout)["documents"]
    assert doc["published"] == str(golden["published"])
    assert doc["errors"] == []
    assert [summarise(f) for f in doc["findings"]] == golden["findings"]
    # Every line/column points at the quoted text in the original file.
    lines = SEED.read_text(encoding="utf-8").splitlines()
    for f in doc["findings"]:
        line = lines[f["span"]["line"] - 1]
        assert line[f["span"]["column"] - 1 :].startswith(f["quote"])


def test_seed_without_references_is_the_golden_file_minus_reference_findings(tmp_path: Path) -> None:
    golden = yaml.safe_load(GOLDEN.read_text(encoding="utf-8"))
    result = CliRunner().invoke(cli, ["check", "--jobs", "0", "--format", "json", "--no-references", str(SEED)])
    (doc,) = json.loads(result.stdout)["documents"]
    expected = [f for f in golden["findings"] if not f["rule"].startswith("tenure.")]
    assert [summarise(f) for f in doc["findings"]] == expected
