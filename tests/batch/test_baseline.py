"""Baselines: by rule + document + claim text, not offsets; only new findings reported; fixed listed."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.baseline import Baseline, BaselineFilter
from factcheck.batch import CheckerSettings
from factcheck.cli.main import cli
from factcheck.load import load_text
from factcheck.model.findings import DocumentReport
from tests.batch.stub_checker import StubChecker
from tests.conftest import SEED

STUB = StubChecker(CheckerSettings(references=False))


def report(text: str, doc_id: str = "a.md") -> DocumentReport:
    return STUB.check_document(load_text(text, doc_id=doc_id))


BEFORE = "Intro.\n[warning:n.x] Spending rose to 2%\n[error:t.y] moved by two years\n"


def test_edits_elsewhere_keep_findings_known() -> None:
    base = Baseline.from_reports([report(BEFORE), report(BEFORE, "b.md")])
    assert len(base.findings) == 4 and len({e.fingerprint for e in base.findings}) == 4
    flt = BaselineFilter(base)
    edited = "A new first paragraph.\n\nIntro.\n[warning:n.x]   Spending  rose to 2%\n[info:z.z] a new claim\n"
    out = flt(report(edited))
    assert [f.rule for f in out.findings] == ["z.z"]  # whitespace-only change: still known
    assert flt.known_count == 1
    assert [(e.document, e.rule) for e in flt.fixed()] == [("a.md", "t.y")]  # b.md was not checked


def test_duplicate_claims_are_counted() -> None:
    base = Baseline.from_reports([report("[warning:n.x] same\n[warning:n.x] same\n")])
    assert len({e.fingerprint for e in base.findings}) == 2
    out = BaselineFilter(base)(report("[warning:n.x] same\n[warning:n.x] same\n[warning:n.x] same\n"))
    assert len(out.findings) == 1


def test_baseline_file_round_trip(tmp_path: Path) -> None:
    base = Baseline.from_reports([report(BEFORE)])
    base.write(tmp_path / "b.json")
    assert Baseline.read(tmp_path / "b.json") == base
    assert json.loads((tmp_path / "b.json").read_text())["version"] == 1


def test_cli_baseline_then_check(tmp_path: Path) -> None:
    doc = tmp_path / "seed.md"
    doc.write_text(SEED.read_text())
    base = tmp_path / ".factcheck-baseline.json"
    common = ["--no-config", "--no-references", "-j", "1"]
    r = CliRunner().invoke(cli, ["baseline", *common, str(doc), "-o", str(base)])
    assert r.exit_code == 0, r.output
    n = len(json.loads(base.read_text())["findings"])
    assert n >= 1, "the seed has at least one finding"
    text = SEED.read_text().replace("---\nDuring", "---\nAn editor's note added above.\n\nDuring", 1)
    doc.write_text(text)
    r = CliRunner().invoke(cli, ["check", *common, "--fail-on", "info", "--format", "json", "--baseline", str(base),
                                 str(doc)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["documents"][0]["findings"] == []
    assert f"{n} in baseline" in r.stderr
    doc.write_text("Nothing to see.\n")
    r = CliRunner().invoke(cli, ["check", *common, "--baseline", str(base), str(doc)])
    assert f"baseline: {n} finding(s) fixed" in r.stderr
