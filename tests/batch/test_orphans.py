"""Workers die with their parent: SIGKILL (or SIGTERM, SIGHUP) of a batch or of ``serve`` leaves no worker.

The parent is a real subprocess; its workers are found in ``/proc`` (Linux) and must all be gone 5 s
after the parent was killed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")

PARENT = """
import sys
from factcheck.batch import BatchSettings, CheckerSettings, run_batch
settings = CheckerSettings(factory="tests.batch.stub_checker:build", references=False)
for report in run_batch([sys.argv[1]], settings, BatchSettings(jobs=2)):
    print(report.path, flush=True)
"""


def _stat(pid: int) -> tuple[int, str] | None:
    """(parent pid, state) of a process, or None once it is gone."""
    try:
        raw = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = raw[raw.rindex(")") + 2 :].split()
    return int(fields[1]), fields[0]


def descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and (st := _stat(int(entry.name))) is not None:
            children.setdefault(st[0], []).append(int(entry.name))
    out: set[int] = set()
    todo = [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


def alive(pids: set[int]) -> set[int]:
    return {p for p in pids if (st := _stat(p)) is not None and st[1] != "Z"}


def wait_for_workers(proc: subprocess.Popen[bytes], n: int, timeout: float = 60) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert proc.poll() is None, "the parent exited early"
        found = descendants(proc.pid)
        if len(found) >= n:
            return found
        time.sleep(0.1)
    raise AssertionError(f"fewer than {n} workers started")


def assert_all_gone(pids: set[int], within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = alive(pids)
    for pid in left:  # never leave them behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers still alive {within} s after their parent died: {sorted(left)}"


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_batch_workers_die_with_their_parent(tmp_path: Path, sig: signal.Signals) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for i in range(8):
        (docs / f"{i}.md").write_text(f"Document {i}. [warning:stub.claim] figure [sleep:30]\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", PARENT, str(docs)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        workers = wait_for_workers(proc, 2)
        time.sleep(0.5)  # the workers are busy with a document each
        os.kill(proc.pid, sig)
        proc.wait(timeout=10)
        assert_all_gone(workers)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_serve_workers_die_with_the_server(tmp_path: Path) -> None:
    from tests.serve.server import running_server

    with running_server(tmp_path, "--workers", "2") as server:
        workers = wait_for_workers(server.process, 2)
        os.kill(server.process.pid, signal.SIGKILL)
        server.process.wait(timeout=10)
        assert_all_gone(workers)
