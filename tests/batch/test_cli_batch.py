"""The command's batch options: --min-severity vs --fail-on, --progress, --output, summary; flat memory."""

from __future__ import annotations

import json
import resource
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.batch import BatchSettings, CheckerSettings, run_batch
from factcheck.cli.main import cli
from tests.batch.stub_checker import FACTORY
from tests.conftest import SEED

COMMON = ["check", "--no-config", "--no-references", "-j", "1"]


def test_min_severity_hides_but_fail_on_still_fails(tmp_path: Path) -> None:
    shown = CliRunner().invoke(cli, [*COMMON, "--format", "json", "--fail-on", "warning", str(SEED)])
    assert shown.exit_code == 1
    warnings = [f for f in json.loads(shown.stdout)["documents"][0]["findings"] if f["severity"] == "warning"]
    assert warnings, "the seed has a warning"
    hidden = CliRunner().invoke(cli, [*COMMON, "--format", "json", "--fail-on", "warning", "--min-severity", "error",
                                      str(SEED)])
    assert hidden.exit_code == 1
    assert all(f["severity"] == "error" for f in json.loads(hidden.stdout)["documents"][0]["findings"])
    relaxed = CliRunner().invoke(cli, [*COMMON, "--fail-on", "never", str(SEED)])
    assert relaxed.exit_code == 0


def test_progress_bar_output_file_and_summary(tmp_path: Path) -> None:
    out = tmp_path / "report.junit.xml"
    r = CliRunner().invoke(cli, [*COMMON, "--progress", "--fail-on", "never", "--format", "junit", "-o", str(out),
                                 str(SEED)])
    assert r.exit_code == 0, r.output
    assert r.stdout == "" and out.read_text().startswith("<?xml")
    assert "1/1" in r.stderr and "doc" in r.stderr  # tqdm: done/total, unit
    assert r.stderr.strip().splitlines()[-1].startswith("factcheck: 1 document, ")
    quiet = CliRunner().invoke(cli, [*COMMON, "--fail-on", "never", "--format", "github", str(SEED)])
    assert "1/1" not in quiet.stderr and quiet.stderr.startswith("factcheck: 1 document")


def test_every_format_through_the_command(tmp_path: Path) -> None:
    for fmt in ("text", "json", "jsonl", "sarif", "junit", "gitlab", "github"):
        r = CliRunner().invoke(cli, [*COMMON, "--format", fmt, "--fail-on", "never", str(SEED)])
        assert r.exit_code == 0, (fmt, r.output)
        assert r.stdout.strip(), fmt


@pytest.mark.slow
def test_memory_stays_flat_on_a_long_stream(tmp_path: Path) -> None:
    """12,000 records through two workers: the main process holds only a window of them."""
    feed = tmp_path / "feed.jsonl"
    with feed.open("w") as fh:
        for i in range(12_000):
            fh.write(json.dumps({"id": f"r{i}", "text": f"Story {i}. [warning:stub.x] figure {i} " + "words " * 100})
                     + "\n")
    settings = CheckerSettings(factory=FACTORY, references=False)
    n = 0
    rss_at_2000 = 0
    for report in run_batch([str(feed)], settings, BatchSettings(jobs=2)):
        n += 1
        assert report.path == f"r{n - 1}"
        if n == 2_000:
            rss_at_2000 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    growth_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_at_2000
    assert n == 12_000
    assert growth_kb < 16 * 1024, f"main process grew by {growth_kb / 1024:.1f} MB over 10,000 documents"
