"""``.pre-commit-hooks.yaml``: every hook is well formed, its entry is an installed command, and it runs."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.cli.main import cli
from tests.ci.ci_files import ROOT, command_options, console_scripts, load_yaml, options_in

REQUIRED = {"id", "name", "entry", "language"}
KNOWN = REQUIRED | {"description", "types_or", "types", "files", "exclude", "args", "require_serial",
                    "minimum_pre_commit_version", "pass_filenames", "stages", "always_run"}
DRAFT_TYPES = {"markdown", "plain-text", "html"}  # identify's tags for .md, .txt, .html

HOOKS = load_yaml(".pre-commit-hooks.yaml")


def test_hooks_are_a_list_of_mappings_with_unique_ids() -> None:
    assert isinstance(HOOKS, list) and HOOKS
    assert all(isinstance(h, dict) for h in HOOKS)
    ids = [h["id"] for h in HOOKS]
    assert len(ids) == len(set(ids)) and "factcheck" in ids


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_hook_is_well_formed(hook: dict[str, object]) -> None:
    assert set(hook) >= REQUIRED, hook
    assert set(hook) <= KNOWN, set(hook) - KNOWN
    assert hook["language"] == "python"  # pre-commit installs this repository (pyproject.toml) into a venv
    assert set(hook["types_or"]) <= DRAFT_TYPES and hook["types_or"]  # type: ignore[arg-type]
    assert isinstance(hook.get("args", []), list)


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_entry_is_an_installed_command_with_real_options(hook: dict[str, object]) -> None:
    program, subcommand, *rest = shlex.split(str(hook["entry"]))
    assert program in console_scripts()
    assert subcommand in cli.commands
    used = options_in(" ".join([*rest, *map(str, hook.get("args", []))]))  # type: ignore[call-overload]
    assert used <= command_options(subcommand), used - command_options(subcommand)


def test_the_hook_runs_on_a_staged_draft_and_fails_on_an_error(tmp_path: Path) -> None:
    """What pre-commit runs: entry + args + the file names (here without reference look-ups)."""
    (hook,) = [h for h in HOOKS if h["id"] == "factcheck"]
    bad = tmp_path / "draft.md"
    bad.write_text("---\npublished: 2025-10-29\n---\n"
                   "The 2% target was moved up by three years, from fiscal 2027 to fiscal 2025.\n", encoding="utf-8")
    good = tmp_path / "fine.txt"
    good.write_text("The ministers met in Tokyo.\n", encoding="utf-8")
    program, *entry = shlex.split(hook["entry"])
    exe = str(Path(sys.executable).with_name(program))

    def run(*files: Path) -> subprocess.CompletedProcess[str]:
        cmd = [exe, *entry, *hook["args"], "--no-references", "--jobs", "0", *map(str, files)]
        return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=120)

    failed = run(bad, good)
    assert failed.returncode == 1, failed.stderr
    assert f"{bad}:4:" in failed.stdout and "timeline.shift-mismatch" in failed.stdout
    assert run(good).returncode == 0
