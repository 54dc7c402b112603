"""A batch stopped by SIGINT (Ctrl-C) or SIGTERM (a CI runner cancelling the job), as a real process.

It exits 130, its summary says how many documents were done and that it was interrupted, ``-o FILE``
is left exactly as it was before the run (no truncated report, no temporary file), and ``--state``
keeps every result that was finished, so the next run starts where this one stopped.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

PARAGRAPH = (
    "Officials said the {n}% target would be moved up by three years, from fiscal 2027 to fiscal 2025. "
    "Spending rose about 8 percent to 58.7 trillion won from 54.6 trillion won, the ministry said on the 28th. "
)
PREVIOUS = '{"previous": "report"}\n'


def _corpus(root: Path, n: int) -> Path:
    docs = root / "articles"
    docs.mkdir()
    for i in range(n):
        body = "".join(PARAGRAPH.format(n=i * 10 + k) for k in range(12))
        (docs / f"a{i:03d}.md").write_text(f"---\npublished: 2025-10-29\n---\nStory {i}.\n{body}\n", encoding="utf-8")
    return docs


def _command(docs: Path, out: Path, state: Path, jobs: int) -> list[str]:
    return [sys.executable, "-m", "factcheck", "check", "--no-config", "--no-references", "-j", str(jobs),
            "--fail-on", "never", "--format", "sarif", "-o", str(out), "--state", str(state), str(docs)]


def _stored(state: Path) -> int:
    return sum(1 for _ in state.rglob("*.json")) if state.exists() else 0


def _interrupt(tmp_path: Path, sig: signal.Signals, jobs: int) -> tuple[subprocess.CompletedProcess[str], int]:
    docs = _corpus(tmp_path, 150)
    out, state = tmp_path / "factcheck.sarif", tmp_path / "state"
    out.write_text(PREVIOUS, encoding="utf-8")
    env = {**os.environ, "CI": "true"}
    proc = subprocess.Popen(_command(docs, out, state, jobs), cwd=tmp_path, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while _stored(state) < 3 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.02)
    assert proc.poll() is None, "the run finished before it could be interrupted: make the corpus larger"
    proc.send_signal(sig)
    stdout, stderr = proc.communicate(timeout=60)
    return subprocess.CompletedProcess(proc.args, proc.returncode, stdout, stderr), _stored(state)


@pytest.mark.parametrize(("sig", "jobs"), [(signal.SIGINT, 1), (signal.SIGTERM, 2)])
def test_interrupted_batch_exits_130_and_keeps_the_previous_output(tmp_path: Path, sig: signal.Signals,
                                                                    jobs: int) -> None:
    result, stored = _interrupt(tmp_path, sig, jobs)
    assert result.returncode == 130, result.stderr
    m = re.search(rf"interrupted by {sig.name} after (\d+) documents? done", result.stderr)
    assert m, result.stderr
    done = int(m.group(1))
    assert 0 < done < 150
    out = tmp_path / "factcheck.sarif"
    assert out.read_text(encoding="utf-8") == PREVIOUS, "the previous report must survive an interrupted run"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["articles", "factcheck.sarif", "state"], "no temp file left"
    assert "factcheck.sarif not written (the previous file is unchanged)" in result.stderr
    assert stored >= done, "every document reported done is in --state"
    # The next run continues where this one stopped: what was done comes from --state, and the
    # complete report replaces the previous one.
    again = subprocess.run(_command(tmp_path / "articles", out, tmp_path / "state", 2), cwd=tmp_path, text=True,
                           capture_output=True, env={**os.environ, "CI": "true"}, timeout=180)
    assert again.returncode == 0, again.stderr
    m2 = re.search(r"(\d+) unchanged \(from --state\)", again.stderr)
    assert m2 and int(m2.group(1)) >= done, again.stderr
    assert '"version": "2.1.0"' in out.read_text(encoding="utf-8")


def test_failed_run_leaves_the_previous_output(tmp_path: Path) -> None:
    """A run that fails to start (a rule file that does not compile) never truncates -o FILE."""
    from click.testing import CliRunner

    from factcheck.cli.main import cli

    docs = _corpus(tmp_path, 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x.y\nseverity: error\ntitle: t\nwhen: {a: quantity}\nwhere: a.nope == 1\nmessage: m\n")
    out = tmp_path / "report.json"
    out.write_text(PREVIOUS)
    r = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "--rules", str(bad), "--format", "json",
                                 "-o", str(out), str(docs)])
    assert r.exit_code == 2
    assert out.read_text() == PREVIOUS
