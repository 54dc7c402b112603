"""``--state DIR``: unchanged documents are not checked again; an interrupted run continues."""

from __future__ import annotations

import functools
from pathlib import Path

from click.testing import CliRunner

from factcheck.batch import BatchSettings, CheckerSettings, run_batch
from factcheck.cli.main import cli
from factcheck.state import StateStore, code_fingerprint
from tests.batch.stub_checker import FACTORY

STUB = CheckerSettings(factory=FACTORY, references=False)


def docs(root: Path, n: int) -> list[str]:
    root.mkdir(exist_ok=True)
    for i in range(n):
        (root / f"{i:03d}.md").write_text(f"Doc {i}. [warning:stub.x] figure {i}\n")
    (root / "broken.md").write_bytes(b"\xff\xfe\x00")
    return [str(root)]


@functools.lru_cache(maxsize=1)
def code() -> str:
    """Computed once: the code cannot change between two runs of one test (in CI it never does)."""
    return code_fingerprint()


def store(tmp_path: Path, settings: CheckerSettings = STUB) -> StateStore:
    return StateStore(tmp_path / "state", settings.fingerprint(code()))


def test_second_run_reuses_every_result(tmp_path: Path) -> None:
    paths = docs(tmp_path / "d", 20)
    first = list(run_batch(paths, STUB, BatchSettings(jobs=2), state=(s1 := store(tmp_path))))
    assert s1.hits == 0 and s1.stored == 20  # the broken document is not stored: tried again next time
    second = list(run_batch(paths, STUB, BatchSettings(jobs=2), state=(s2 := store(tmp_path))))
    assert s2.hits == 20 and s2.stored == 0
    assert [r.model_dump() for r in second] == [r.model_dump() for r in first]


def test_changed_document_and_changed_settings_are_checked_again(tmp_path: Path) -> None:
    paths = docs(tmp_path / "d", 10)
    list(run_batch(paths, STUB, BatchSettings(jobs=1), state=store(tmp_path)))
    (tmp_path / "d" / "004.md").write_text("Doc 4 changed. [error:stub.y] new claim\n")
    again = list(run_batch(paths, STUB, BatchSettings(jobs=1), state=(s := store(tmp_path))))
    assert s.hits == 9 and s.stored == 1 and again[4].findings[0].rule == "stub.y"
    other = STUB.model_copy(update={"disabled_rules": ["stub.x"]})
    list(run_batch(paths, other, BatchSettings(jobs=1), state=(s3 := store(tmp_path, other))))
    assert s3.hits == 0


def test_interrupted_run_continues_where_it_stopped(tmp_path: Path) -> None:
    paths = docs(tmp_path / "d", 30)
    gen = run_batch(paths, STUB, BatchSettings(jobs=2), state=store(tmp_path))
    done = [next(gen) for _ in range(12)]
    gen.close()  # as on Ctrl-C: workers are stopped
    assert len(done) == 12
    rest = list(run_batch(paths, STUB, BatchSettings(jobs=2), state=(s := store(tmp_path))))
    assert len(rest) == 31 and s.hits >= 12 and s.hits + s.stored == 30


def test_cli_state_summary(tmp_path: Path) -> None:
    paths = docs(tmp_path / "d", 5)
    args = ["check", "--no-config", "--no-references", "-j", "1", "--format", "jsonl", "--fail-on", "never",
            "--state", str(tmp_path / "st"), *paths]
    CliRunner().invoke(cli, args)
    again = CliRunner().invoke(cli, args)
    assert "5 unchanged (from --state)" in again.stderr
