"""Hostile config files (``factcheck.yaml``, ``[tool.factcheck]``) and the one safe YAML loader.

In CI the config file comes from the pull request, so it gets the rule files' limits: bounded read,
regular files only, no aliases, bounded nesting; each problem is a config error (exit 2, file:line).
The CLI runs in a subprocess under a memory limit and a timeout, so a regression fails fast instead
of eating the machine.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

from factcheck.config import ConfigError, load_config
from factcheck.load import LoadError, load_text
from factcheck.load.yamlsource import MAX_BYTES, RuleFileError, read_bounded, safe_load
from tests.conftest import ROOT

MEMORY_LIMIT = 1024 * 2**20  # bytes of address space: far below what the bombs reached (2.1-23.8 GB)
DRAFT = "---\npublished: 2025-10-29\n---\nThe target was moved up by three years, from fiscal 2027 to fiscal 2025.\n"


def billion_laughs(levels: int = 9, width: int = 9) -> str:
    lines = ['a0: &a0 "lol"']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [{', '.join(f'*a{i - 1}' for _ in range(width))}]")
    lines.append(f"disable: *a{levels}")
    return "\n".join(lines) + "\n"


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_cli(cwd: Path, *args: str, timeout: float = 60) -> tuple[int, str, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    began = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-m", "factcheck", *args], cwd=cwd, env=env, capture_output=True, text=True,
        timeout=timeout, preexec_fn=_limit_memory,
    )
    return proc.returncode, proc.stdout + proc.stderr, time.monotonic() - began


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "draft.md").write_text(DRAFT)
    return tmp_path


def test_billion_laughs_config_is_refused_fast(project: Path) -> None:
    (project / "factcheck.yaml").write_text(billion_laughs())
    code, out, took = run_cli(project, "check", "draft.md", "--no-references")
    assert code == 2, out
    assert re.search(r"factcheck\.yaml:1: YAML anchors and aliases are not allowed", out), out
    assert "Traceback" not in out
    assert took < 30


def test_deep_nesting_config_is_a_config_error(project: Path) -> None:
    (project / "factcheck.yaml").write_text("disable: " + "[" * 10_000 + "]" * 10_000 + "\n")
    code, out, _ = run_cli(project, "check", "draft.md", "--no-references")
    assert code == 2, out
    assert "factcheck.yaml:1: nesting deeper than 32 levels" in out
    assert "RecursionError" not in out and "Traceback" not in out


def test_deep_block_nesting_config_is_a_config_error(project: Path) -> None:
    (project / "factcheck.yaml").write_text("disable:\n" + "- " * 10_000 + "x\n")
    code, out, _ = run_cli(project, "check", "draft.md", "--no-references")
    assert code == 2, out
    assert "nesting deeper than 32 levels" in out and "Traceback" not in out


@pytest.mark.parametrize("how", ["config", "option"])
def test_dev_zero_as_rules_is_refused_under_a_memory_limit(project: Path, how: str) -> None:
    if how == "config":
        (project / "factcheck.yaml").write_text("rules: [/dev/zero]\n")
        args = ["check", "draft.md", "--no-references"]
    else:
        args = ["check", "draft.md", "--no-references", "--no-config", "--rules", "/dev/zero"]
    code, out, _ = run_cli(project, *args)
    assert code == 2, out
    assert "/dev/zero:1:1: cannot read rule file: not a regular file" in out
    assert "MemoryError" not in out and "Traceback" not in out


def test_config_that_is_a_device_or_too_large_is_a_config_error(project: Path) -> None:
    (project / "factcheck.yaml").symlink_to("/dev/zero")
    code, out, _ = run_cli(project, "check", "draft.md", "--no-references")
    assert code == 2, out
    assert "factcheck.yaml:1: cannot read config file: not a regular file" in out
    (project / "factcheck.yaml").unlink()
    (project / "factcheck.yaml").write_text("# " + "x" * MAX_BYTES + "\n")
    code, out, _ = run_cli(project, "check", "draft.md", "--no-references")
    assert code == 2, out
    assert f"larger than {MAX_BYTES} bytes" in out


def test_pyproject_table_gets_the_same_limits(tmp_path: Path) -> None:
    deep = tmp_path / "pyproject.toml"
    deep.write_text("[tool.factcheck]\ndisable = " + "[" * 10_000 + "]" * 10_000 + "\n")
    with pytest.raises(ConfigError) as info:
        load_config(deep)
    assert str(info.value) == f"{deep}:2: nesting deeper than 32 levels"
    big = tmp_path / "big" / "pyproject.toml"
    big.parent.mkdir()
    big.write_text("[tool.factcheck]\n" + "# padding\n" * (MAX_BYTES // 10 + 1))
    with pytest.raises(ConfigError, match="larger than"):
        load_config(big)


def test_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "factcheck.yaml"
    os.mkfifo(fifo)
    with pytest.raises(RuleFileError, match="not a regular file"):
        read_bounded(fifo, what="config file")  # would block forever in open() without O_NONBLOCK


def test_front_matter_goes_through_the_same_loader() -> None:
    with pytest.raises(LoadError) as info:
        load_text("---\n" + billion_laughs() + "---\nBody.\n")
    assert "anchors and aliases are not allowed" in str(info.value) and ":2:5:" in str(info.value)
    with pytest.raises(LoadError, match="nesting deeper than 32"):
        load_text("---\ntags:\n" + "- " * 10_000 + "x\n---\nBody.\n")


def test_no_module_parses_yaml_around_the_safe_loader() -> None:
    """Only ``load/yamlsource.py`` calls PyYAML's parsers; packaged resources (trusted data shipped in the
    wheel and read with importlib.resources) are the only exception."""
    calls = re.compile(r"\byaml\.(?:safe_load|load|compose|parse|full_load|unsafe_load|load_all|safe_load_all)\(")
    offenders = []
    for path in sorted((ROOT / "factcheck").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == "factcheck/load/yamlsource.py":
            continue
        source = path.read_text(encoding="utf-8")
        for m in calls.finditer(source):
            window = source[m.start() : m.start() + 300]
            if "resources.files(" not in window:
                offenders.append(f"{rel}: {m.group(0)}")
    assert offenders == []


def test_safe_load_reports_lines_with_an_offset() -> None:
    with pytest.raises(RuleFileError) as info:
        safe_load("a: 1\nb: &x 2\n", "f.md", line_offset=1)
    assert (info.value.line, info.value.column) == (3, 4)


def test_explicit_config_that_is_a_device_is_a_config_error(project: Path) -> None:
    code, out, _ = run_cli(project, "check", "draft.md", "--no-references", "--config", "/dev/zero")
    assert code == 2, out
    assert "/dev/zero:1: cannot read config file: not a regular file" in out
