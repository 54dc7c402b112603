"""Reference look-up failures are a document's notes, never its errors, for both sources.

With Wikidata and the World Bank stopped (nothing listens) or answering 503, every document is still
checked, its reference claims are unverified, the exit code is the one without references, and no
document has an ``errors`` entry: a CI consumer can tell a broken article from a missing network.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.main import cli
from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWorldBank, serve_fixtures, worldbank_fixtures

PUBLISHED = "2025-10-29"
TEXTS = [
    "Japanese Defense Minister Shinjiro Koizumi, who took office on the 12th, met reporters in Tokyo.",
    "Japan spent 2.4% of GDP on defence in 2024.",
    "U.S. Secretary of Defense Pete Hegseth said Germany's inflation was 3.9% in 2023.",
]


def _articles(tmp_path: Path) -> list[str]:
    files = []
    for n, text in enumerate(TEXTS):
        path = tmp_path / f"doc{n}.md"
        path.write_text(f"---\npublished: {PUBLISHED}\n---\n{text}\n", encoding="utf-8")
        files.append(str(path))
    return files


@pytest.mark.parametrize("how, jobs", [("stopped", "1"), ("503", "0")])  # workers and prefetch; in-process
def test_unreachable_sources_leave_notes_not_errors(tmp_path: Path, how: str, jobs: str) -> None:
    files = _articles(tmp_path)
    config = tmp_path / "factcheck.yaml"
    config.write_text(json.dumps({"sources": {"wikidata": FAST_SOURCE_CONFIG, "worldbank": FAST_SOURCE_CONFIG}}),
                      encoding="utf-8")
    runner = CliRunner()
    without = runner.invoke(cli, ["check", "-j", jobs, "--no-config", "--no-references", "--format", "json", *files])
    wikidata, worldbank = serve_fixtures(), FakeWorldBank.from_file(worldbank_fixtures()).start()
    urls = wikidata.url, worldbank.url
    try:
        if how == "stopped":
            wikidata.stop()
            worldbank.stop()
        else:
            wikidata.add_fault("503", times=-1)
            worldbank.add_fault("503", times=-1)
        out = tmp_path / "report.json"
        result = runner.invoke(cli, [
            "check", "-j", jobs, "--config", str(config), "--cache-dir", str(tmp_path / "cache"),
            "--source", f"wikidata={urls[0]}", "--source", f"worldbank={urls[1]}",
            "--format", "json", "-o", str(out), *files,
        ])
    finally:
        wikidata.stop()
        worldbank.stop()
    assert result.exit_code == without.exit_code == 0, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["summary"]["errors"] == 0
    assert len(report["documents"]) == len(TEXTS)
    for doc in report["documents"]:
        assert doc["errors"] == [], doc["errors"]
        notes = [n for n in doc["notes"] if n["kind"] == "reference-lookup-failed"]
        assert notes, doc["notes"]
        assert {n["message"].split(":")[0] for n in notes} <= {"wikidata", "worldbank"}
        rules = {f["rule"] for f in doc["findings"]}
        assert rules & {"tenure.unverified", "statistics.unverified"}
        assert not rules & {"tenure.start-mismatch", "statistics.mismatch", "tenure.confirmed", "statistics.confirmed"}
    sources = {n["message"].split(":")[0] for d in report["documents"] for n in d["notes"]}
    assert sources == {"wikidata", "worldbank"}
    verdicts = [c["verdict"] for d in report["documents"] for c in d["claims"]]
    assert verdicts and "contradicted" not in verdicts and "unverifiable" in verdicts
