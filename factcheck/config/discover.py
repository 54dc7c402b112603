"""Where the project config is: the nearest ``factcheck.yaml`` (or ``.yml``), or ``pyproject.toml``
with a ``[tool.factcheck]`` table, from the working directory upward; the nearer file wins."""

from __future__ import annotations

import os
import re
from pathlib import Path

from factcheck.load.yamlsource import MAX_BYTES, RuleFileError, read_bounded

NAMES = ("factcheck.yaml", "factcheck.yml", ".factcheck.yaml")
_TOOL_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*factcheck\s*(?:\]|\.)", re.M)


def discover(start: str | Path | None = None) -> Path | None:
    here = Path(start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in NAMES:
            candidate = directory / name
            if os.path.lexists(candidate):  # not only regular files: loading it says what is wrong
                return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _declares_table(pyproject):
            return pyproject
    return None


def _declares_table(pyproject: Path) -> bool:
    """True if the file has a ``[tool.factcheck]`` table; one that cannot be read safely (too large, not
    a regular file, not UTF-8) is taken as ours, so that loading it reports why."""
    try:
        text = read_bounded(pyproject, what="pyproject.toml", max_bytes=MAX_BYTES)
    except RuleFileError:
        return True
    return _TOOL_TABLE.search(text) is not None
