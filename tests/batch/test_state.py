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


def _entries(tmp_path: Path) -> list[Path]:
    return sorted((tmp_path / "state").rglob("*.json"))


def test_truncated_or_empty_entry_is_checked_again_with_a_note(tmp_path: Path) -> None:
    paths = docs(tmp_path / "d", 6)
    first = list(run_batch(paths, STUB, BatchSettings(jobs=1), state=store(tmp_path)))
    entries = _entries(tmp_path)
    assert len(entries) == 6
    entries[0].write_bytes(b"")  # what a power loss leaves after a rename without fsync
    entries[1].write_bytes(entries[1].read_bytes()[:25])  # truncated
    entries[2].write_text('{"path": 5}')  # JSON, but not a report
    again = list(run_batch(paths, STUB, BatchSettings(jobs=1), state=(s := store(tmp_path))))
    assert s.hits == 3 and s.stored == 3
    noted = [r for r in again if any("resume state entry was unreadable" in e.message for e in r.errors)]
    assert len(noted) == 3 and all(e.stage == "report" for r in noted for e in r.errors)
    assert any("(empty)" in e.message for r in noted for e in r.errors)
    assert [r.findings for r in again] == [r.findings for r in first]  # nothing lost
    assert not any(r.unchecked for r in noted)
    third = list(run_batch(paths, STUB, BatchSettings(jobs=1), state=(s3 := store(tmp_path))))
    assert s3.hits == 6 and not any(r.errors for r in third[:6])  # healed: stored whole, without the note


def test_cli_resume_with_an_empty_entry_does_not_crash(tmp_path: Path) -> None:
    paths = docs(tmp_path / "d", 3)
    args = ["check", "--no-config", "--no-references", "-j", "0", "--format", "json", "--fail-on", "never",
            "--state", str(tmp_path / "state"), *paths]
    CliRunner().invoke(cli, args)
    _entries(tmp_path)[0].write_bytes(b"")
    again = CliRunner().invoke(cli, args)
    assert again.exit_code == 3, again.output  # broken.md cannot be checked; the empty entry is only a note
    assert again.exception is None or isinstance(again.exception, SystemExit)
    assert "Traceback" not in again.output and "resume state entry was unreadable" in again.stdout


def test_entries_are_fsynced_and_stale_temporary_files_removed(tmp_path: Path, monkeypatch) -> None:
    import os
    import time

    synced: list[int] = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: (synced.append(fd), real(fd))[1])
    s = store(tmp_path)
    list(run_batch(docs(tmp_path / "d", 2), STUB, BatchSettings(jobs=0), state=s))
    assert len(synced) >= 2  # each entry (and its folder) before the next one
    folder = _entries(tmp_path)[0].parent
    stale, fresh = folder / ".tmp-killed", folder / ".tmp-live"
    stale.write_bytes(b"{")
    fresh.write_bytes(b"{")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    reopened = store(tmp_path)
    assert reopened.removed_tmp == 1 and not stale.exists() and fresh.exists()
