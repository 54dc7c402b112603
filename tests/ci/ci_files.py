"""Shared by the tests of the files CI systems and operators read: paths, the YAML loader, check's options."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from factcheck.cli.main import cli
from factcheck.load.yamlsource import load_file

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[2]


def load_yaml(name: str) -> Any:
    return load_file(ROOT / name, what="CI file")


def console_scripts() -> dict[str, str]:
    with (ROOT / "pyproject.toml").open("rb") as f:
        return dict(tomllib.load(f)["project"]["scripts"])


def command_options(name: str) -> set[str]:
    """Every option spelling of ``factcheck NAME`` (``--format``, ``-o``, ...)."""
    command = cli.commands[name]
    return {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}


def options_in(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", text))
