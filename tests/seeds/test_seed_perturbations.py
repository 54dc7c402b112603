"""The seed article and copies of it with one planted error each (references off: spine rules only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import Checker
from factcheck.cli.main import cli
from tests.conftest import SEED

SPINE_ERRORS = ("timeline.shift-mismatch", "fiscal.gloss-mismatch", "dates.sequence")


@pytest.fixture(scope="module", params=["durable", "python"])
def checker(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    with Checker(engine=request.param, references=False) as c:
        yield c


def test_seed_has_one_warning_and_no_error(checker: Checker, seed_text: str) -> None:
    report = checker.check(seed_text, doc_id=str(SEED))
    rules = [(f.rule, f.severity) for f in report.findings]
    assert rules == [("attribution.unofficial-figure", "warning")]
    (finding,) = report.findings
    assert "3.5" in finding.message
    assert "unofficially requested" in finding.context.sentence  # type: ignore[union-attr]
    assert not report.documents[0].errors


PERTURBATIONS = [
    ("moved up by two years", "moved up by three years", "timeline.shift-mismatch"),
    ("moved up by two years", "pushed back by two years", "timeline.shift-mismatch"),
    ("(April 2027-March 2028)", "(April 2026-March 2027)", "fiscal.gloss-mismatch"),
    ("in Tokyo the previous day", "in Tokyo the following day", "dates.sequence"),
]


@pytest.mark.parametrize(("old", "new", "rule"), PERTURBATIONS)
def test_one_edit_gives_exactly_the_expected_error(checker: Checker, seed_text: str, old: str, new: str, rule: str) -> None:
    assert seed_text.count(old) == 1
    report = checker.check(seed_text.replace(old, new), doc_id="perturbed.md")
    errors = [f for f in report.findings if f.severity == "error"]
    assert [f.rule for f in errors] == [rule]
    assert new.strip("()") in errors[0].context.sentence or new in errors[0].context.sentence  # type: ignore[union-attr]
    warnings = [f.rule for f in report.findings if f.severity == "warning"]
    assert warnings == ["attribution.unofficial-figure"]


@pytest.mark.parametrize(("old", "new", "rule"), PERTURBATIONS)
def test_cli_exit_codes_on_perturbed_copies(tmp_path: Path, seed_text: str, old: str, new: str, rule: str) -> None:
    p = tmp_path / "perturbed.md"
    p.write_text(seed_text.replace(old, new), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-references", str(p)])
    assert result.exit_code == 1, result.output
    assert f" error {rule} " in result.output


def test_cli_seed_exits_0() -> None:
    result = CliRunner().invoke(cli, ["check", "--no-references", str(SEED)])
    assert result.exit_code == 0, result.output
    assert " warning attribution.unofficial-figure " in result.output


def test_without_publication_date_relative_dates_stay_silent(checker: Checker, seed_text: str) -> None:
    body = seed_text.split("---\n", 2)[2]
    report = checker.check(body.replace("in Tokyo the previous day", "in Tokyo the following day"), fmt="text")
    assert report.documents[0].published is None
    assert not [f for f in report.findings if f.rule == "dates.sequence"]
