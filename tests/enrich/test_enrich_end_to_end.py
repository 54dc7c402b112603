"""The whole pipeline with references: Checker and the `factcheck check` command on the fake Wikidata."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from enrich_helpers import SEED

from factcheck.checker import Checker
from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWikidata

WRONG_DAY = SEED.read_text(encoding="utf-8").replace("took office on the 21st", "took office on the 12th")
KOIZUMI_URL = "https://www.wikidata.org/wiki/Q90000001"


@pytest.fixture
def checker(wikidata: FakeWikidata, cache_dir: Path):
    with Checker(sources={"wikidata": wikidata.url}, cache_dir=cache_dir,
                 source_config={"wikidata": FAST_SOURCE_CONFIG}) as c:
        yield c


def _by_rule(report, rule: str):
    return [f for f in report.findings if f.rule == rule]


def test_seed_confirms_koizumi_with_evidence(checker: Checker) -> None:
    report = checker.check(SEED.read_text(encoding="utf-8"), doc_id=str(SEED))
    (doc,) = report.documents
    assert doc.errors == []
    (confirmed,) = _by_rule(report, "tenure.confirmed")
    assert "Koizumi" in confirmed.message and "2025-10-21" in confirmed.message
    (evidence,) = confirmed.evidence
    assert (evidence.source, evidence.url) == ("wikidata", KOIZUMI_URL)
    assert "2025-10-21" in evidence.value
    assert not _by_rule(report, "tenure.start-mismatch") and not _by_rule(report, "tenure.not-in-office")
    assert not _by_rule(report, "tenure.unverified")


def test_wrong_day_is_a_start_mismatch(checker: Checker) -> None:
    report = checker.check(WRONG_DAY, doc_id="wrong-day.md")
    (mismatch,) = _by_rule(report, "tenure.start-mismatch")
    assert mismatch.severity == "error"
    assert "2025-10-21" in mismatch.message and "2025-10-12" in mismatch.message
    assert mismatch.evidence[0].url == KOIZUMI_URL
    assert not _by_rule(report, "tenure.confirmed")


def test_look_alike_in_an_office_he_left(checker: Checker) -> None:
    text = "Japanese Prime Minister Junichiro Koizumi met reporters in Tokyo on the 28th."
    report = checker.check(text, published="2025-10-29")
    (finding,) = _by_rule(report, "tenure.not-in-office")
    assert "Prime Minister of Japan" in finding.message and "2006-09-26" in finding.message
    assert finding.evidence[0].url == "https://www.wikidata.org/wiki/Q90000005"


def test_source_down_still_completes(wikidata: FakeWikidata, cache_dir: Path) -> None:
    wikidata.add_fault("500", times=-1)
    with Checker(sources={"wikidata": wikidata.url}, cache_dir=cache_dir,
                 source_config={"wikidata": FAST_SOURCE_CONFIG}) as c:
        report = c.check(SEED.read_text(encoding="utf-8"), doc_id=str(SEED))
    (doc,) = report.documents
    assert doc.errors == []  # a failed look-up is a note: the document was checked
    assert doc.notes and all(n.kind == "reference-lookup-failed" and "HTTP 500" in n.message for n in doc.notes)
    unverified = _by_rule(report, "tenure.unverified")
    assert unverified and all(f.severity == "info" for f in unverified)
    assert _by_rule(report, "attribution.unofficial-figure")  # nothing else is lost
    assert report.worst() != "error"


# --- the command line ---------------------------------------------------------------------------


def _cli(tmp_path: Path, *args: str, cache: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FACTCHECK_CACHE_DIR": str(cache)}
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "check", "--format", "json", *args],
        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120,
    )


def test_cli_start_mismatch_exit_1_then_zero_requests(tmp_path: Path, wikidata: FakeWikidata) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(WRONG_DAY, encoding="utf-8")
    cache = tmp_path / "cache"
    first = _cli(tmp_path, "--source", f"wikidata={wikidata.url}", str(draft), cache=cache)
    assert first.returncode == 1, first.stderr
    findings = json.loads(first.stdout)["documents"][0]["findings"]
    (mismatch,) = [f for f in findings if f["rule"] == "tenure.start-mismatch"]
    assert mismatch["evidence"][0]["url"] == KOIZUMI_URL
    assert wikidata.count() > 0
    wikidata.reset_counts()
    again = _cli(tmp_path, "--source", f"wikidata={wikidata.url}", str(draft), cache=cache)
    assert again.returncode == 1 and wikidata.count() == 0
    assert json.loads(again.stdout)["documents"][0]["findings"] == findings


def test_cli_offline_empty_cache_is_unverified(tmp_path: Path, wikidata: FakeWikidata) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(WRONG_DAY, encoding="utf-8")
    run = _cli(tmp_path, "--offline", "--source", f"wikidata={wikidata.url}", str(draft), cache=tmp_path / "empty")
    assert run.returncode == 0, run.stderr  # unverified is info: the exit code is unchanged
    assert wikidata.count() == 0
    rules = [f["rule"] for f in json.loads(run.stdout)["documents"][0]["findings"]]
    assert "tenure.unverified" in rules and "tenure.start-mismatch" not in rules


def test_a_person_the_source_does_not_know_is_unverified_not_dropped(checker: Checker) -> None:
    text = "Japanese Defense Minister Taro Nobodyatall met reporters in Tokyo on the 28th."
    report = checker.check(text, published="2025-10-29")
    (doc,) = report.documents
    (finding,) = _by_rule(report, "tenure.unverified")
    assert finding.severity == "info"
    assert finding.message.startswith("Could not verify Taro Nobodyatall: not found in wikidata")
    assert doc.errors == [] and doc.notes == []  # nothing failed: the source answered, it knows no one so named


def test_a_known_person_in_an_office_not_among_theirs_is_not_unverified(checker: Checker) -> None:
    # found, but no position matches the title: not a contradiction, and not "unknown to the source"
    report = checker.check("Japanese Agriculture Minister Sanae Takaichi met reporters on the 28th.",
                           published="2025-10-29")
    statuses = [f for f in report.documents[0].facts if f.kind == "reference_status"]
    assert statuses and all(s.person_id is not None and s.unknown_to is None for s in statuses)  # type: ignore[attr-defined]
    assert not _by_rule(report, "tenure.unverified")
