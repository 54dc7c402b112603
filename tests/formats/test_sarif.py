"""SARIF 2.1.0: valid against the official schema; fingerprints stable across runs and edits above."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from factcheck.cli.main import cli
from factcheck.report.formats import sarif
from tests.conftest import SEED
from tests.formats.helpers import DOC_A, make_report

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text())


def validate(doc: dict) -> None:  # type: ignore[type-arg]
    jsonschema.Draft4Validator.check_schema(SCHEMA)
    jsonschema.Draft4Validator(SCHEMA).validate(doc)


def fingerprints(doc: dict) -> list[str]:  # type: ignore[type-arg]
    return [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in doc["runs"][0]["results"]]


def test_vendored_schema_is_the_oasis_one() -> None:
    assert SCHEMA["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    assert SCHEMA["$schema"] == "http://json-schema.org/draft-04/schema#"


def test_validates_and_carries_rules_levels_suppressions_notifications() -> None:
    out = json.loads(sarif.render(make_report()))
    validate(out)
    run = out["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["timeline.shift-mismatch", "attribution.unofficial-figure", "dates.sequence",
                                        "numbers.conflicting-figure"]
    results = run["results"]
    assert [r["level"] for r in results] == ["error", "warning", "warning", "note", "warning"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in results)
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "desk/a%20story.md"
    assert results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5
    assert results[3]["suppressions"] == [{"kind": "inSource", "justification": "checked by the desk"}]
    (note,) = run["invocations"][0]["toolExecutionNotifications"]
    assert "desk/broken.md" in note["message"]["text"] and note["level"] == "error"
    assert len(set(fingerprints(out))) == len(results)


def test_rule_metadata_from_the_rule_set() -> None:
    class Spec:
        id, title, severity, description = "timeline.shift-mismatch", "Shift", "error", "A  long\n description."

    out = json.loads(sarif.render(make_report(), rules=[Spec()]))
    validate(out)
    first = out["runs"][0]["tool"]["driver"]["rules"][0]
    assert first["fullDescription"]["text"] == "A long description." and first["shortDescription"]["text"] == "Shift"


def test_identical_across_runs_and_stable_under_edits_above() -> None:
    one, two = sarif.render(make_report()), sarif.render(make_report())
    assert one == two
    edited = DOC_A.replace("Intro line.\n", "Intro line.\nA whole new paragraph\nwith two lines.\n\n")
    moved = json.loads(sarif.render(make_report(edited)))
    assert fingerprints(moved) == fingerprints(json.loads(one))
    lines = [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in moved["runs"][0]["results"]]
    assert lines[0] == 5 + 3


def test_empty_report_is_valid() -> None:
    from factcheck.model.findings import Report

    validate(json.loads(sarif.render(Report.of([]))))


def test_cli_sarif_of_the_seed_validates(tmp_path: Path) -> None:
    out = tmp_path / "out.sarif"
    r = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "1", "--format", "sarif", "-o",
                                 str(out), str(SEED)])
    assert r.exit_code in (0, 1), r.output
    doc = json.loads(out.read_text())
    validate(doc)
    assert len(doc["runs"][0]["tool"]["driver"]["rules"]) >= 5  # every shipped rule, not only those that fired
