"""A worker that dies (SIGKILL, SIGSEGV) fails only the document it held; the rest complete."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.batch import BatchSettings, CheckerSettings, run_batch
from factcheck.batch.worker import CRASH_MARKER_ENV, CRASH_SIGNAL_ENV
from factcheck.cli.main import cli
from factcheck.cli.options import EXIT_UNCHECKED
from tests.batch.stub_checker import FACTORY

STUB = CheckerSettings(factory=FACTORY, references=False)
MARKER = "KILL-THIS-WORKER-NOW"


def write_docs(root: Path, n: int, marked: set[int], extra: dict[int, str] | None = None) -> list[str]:
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        body = f"Document {i}. [warning:stub.claim] figure {i}\n"
        if i in marked:
            body += f"The {MARKER} marker.\n"
        body += (extra or {}).get(i, "")
        p = root / f"{i:04d}.md"
        p.write_text(body)
        paths.append(p.as_posix())
    return paths


@pytest.mark.parametrize("sig", ["SIGKILL", "SIGSEGV"])
def test_killed_worker_fails_only_its_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sig: str) -> None:
    monkeypatch.setenv(CRASH_MARKER_ENV, MARKER)
    monkeypatch.setenv(CRASH_SIGNAL_ENV, sig)
    paths = write_docs(tmp_path / "docs", 60, marked={17})
    reports = list(run_batch([str(tmp_path / "docs")], STUB, BatchSettings(jobs=2)))
    assert [r.path for r in reports] == paths
    failed = [r for r in reports if r.errors]
    assert [r.path for r in failed] == [paths[17]]
    msg = failed[0].errors[0].message
    assert sig in msg and "retried 1 time(s) in a fresh worker" in msg and paths[17] in msg
    assert all(len(r.findings) == 1 for i, r in enumerate(reports) if i != 17)


def test_two_deaths_and_a_flaky_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two documents that always kill their worker, one that kills it only once (its retry succeeds)."""
    monkeypatch.setenv(CRASH_MARKER_ENV, MARKER)
    flag = tmp_path / "crashed-once"
    paths = write_docs(tmp_path / "docs", 40, marked={3, 4}, extra={20: f"[crash-once:{flag}]\n"})
    reports = list(run_batch(paths, STUB, BatchSettings(jobs=2)))
    assert [r.path for r in reports] == paths
    assert [r.path for r in reports if r.errors] == [paths[3], paths[4]]
    assert flag.exists() and not reports[20].errors and reports[20].findings


def test_no_retry_when_retries_is_zero(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    flag = tmp_path / "crashed-once"
    paths = write_docs(tmp_path / "docs", 5, marked=set(), extra={2: f"[crash-once:{flag}]\n"})
    reports = list(run_batch(paths, STUB, BatchSettings(jobs=1, retries=0)))
    assert [bool(r.errors) for r in reports] == [False, False, True, False, False]
    assert "SIGKILL" in reports[2].errors[0].message


def test_timeout_stops_a_hung_document(tmp_path: Path) -> None:
    paths = write_docs(tmp_path / "docs", 6, marked=set(), extra={1: "[sleep:30]\n"})
    reports = list(run_batch(paths, STUB, BatchSettings(jobs=2, timeout=1.0)))
    assert [bool(r.errors) for r in reports] == [False, True, False, False, False, False]
    assert "timed out after 1 s" in reports[1].errors[0].message


def test_checker_exception_is_an_error_entry(tmp_path: Path) -> None:
    paths = write_docs(tmp_path / "docs", 4, marked=set(), extra={0: "[raise]\n"})
    reports = list(run_batch(paths, STUB, BatchSettings(jobs=1)))
    assert "RuntimeError: stub checker asked to raise" in reports[0].errors[0].message
    assert not any(r.errors for r in reports[1:])


def test_cli_with_real_checker_survives_a_killed_worker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(CRASH_MARKER_ENV, MARKER)
    paths = write_docs(tmp_path / "docs", 30, marked={11})
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "2", "--fail-on", "never",
                                      "--format", "jsonl", str(tmp_path / "docs")])
    assert result.exit_code == EXIT_UNCHECKED, result.output
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["path"] for d in docs] == paths
    assert [d["path"] for d in docs if d["errors"]] == [paths[11]]
    assert "SIGKILL" in docs[11]["errors"][0]["message"]
