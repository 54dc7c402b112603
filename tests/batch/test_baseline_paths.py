"""One baseline, however the paths are typed: fingerprints name documents relative to the baseline's folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.cli.main import cli

SHIFT_ERROR = "The government said the 2% target would be moved up by three years, from fiscal 2027 to fiscal 2025.\n"
COMMON = ["--no-config", "--no-references", "-j", "0"]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    proj = tmp_path / "proj"
    (proj / "articles").mkdir(parents=True)
    (proj / "articles" / "a.md").write_text("---\npublished: 2025-10-29\n---\n" + SHIFT_ERROR, encoding="utf-8")
    feed = {"text": SHIFT_ERROR, "published": "2025-10-29"}  # a record without an id: named file:line
    (proj / "articles" / "feed.jsonl").write_text(json.dumps(feed) + "\n", encoding="utf-8")
    monkeypatch.chdir(proj)
    r = CliRunner().invoke(cli, ["baseline", *COMMON, "articles/", "-o", ".factcheck-baseline.json"])
    assert r.exit_code == 0, r.output
    entries = json.loads((proj / ".factcheck-baseline.json").read_text())["findings"]
    assert sorted(e["document"] for e in entries) == ["articles/a.md", "articles/feed.jsonl:1"]
    return proj


@pytest.mark.parametrize("spelling", ["articles/", "./articles", "ABSOLUTE", "FROM_PARENT"])
def test_every_spelling_of_a_path_matches_one_baseline(project: Path, spelling: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    baseline = ".factcheck-baseline.json"
    target = spelling
    if spelling == "ABSOLUTE":
        target = str(project / "articles")
    elif spelling == "FROM_PARENT":
        monkeypatch.chdir(project.parent)
        target, baseline = "proj/articles", "proj/.factcheck-baseline.json"
    r = CliRunner().invoke(cli, ["check", *COMMON, "--format", "json", "--baseline", baseline, target])
    assert r.exit_code == 0, r.output
    assert [d["findings"] for d in json.loads(r.stdout)["documents"]] == [[], []]
    assert "2 in baseline" in r.stderr
    assert "fixed since the baseline" not in r.stderr
