"""The summary matches the exit code: findings hidden by --min-severity are counted, never shown as zero."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli.main import cli

UNOFFICIAL = ("However, it is known that the United States has unofficially requested Japan to raise its defense "
              "spending to as much as 3.5% of GDP.\n")


def test_fail_on_warning_with_min_severity_error_says_what_was_hidden(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text("---\npublished: 2025-10-29\n---\n" + UNOFFICIAL)
    args = ["check", "--no-config", "--no-references", "-j", "0", "--fail-on", "warning", "--min-severity", "error"]
    r = CliRunner().invoke(cli, [*args, str(doc)])
    assert r.exit_code == 1
    assert r.stdout.strip().splitlines()[-1] == (
        "1 document checked: 0 error(s), 0 warning(s), 0 info; 1 warning not shown (below --min-severity)")
    assert "1 finding (1 warning), 1 warning not shown (below --min-severity)" in r.stderr
    js = CliRunner().invoke(cli, [*args, "--format", "json", str(doc)])
    assert js.exit_code == 1
    summary = json.loads(js.stdout)["summary"]
    assert summary["findings"]["warning"] == 0 and summary["not_shown"]["warning"] == 1
