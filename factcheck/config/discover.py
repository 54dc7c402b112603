"""Where the project config is: the nearest ``factcheck.yaml`` (or ``.yml``), or ``pyproject.toml``
with a ``[tool.factcheck]`` table, from the working directory upward; the nearer file wins."""

from __future__ import annotations

import re
from pathlib import Path

NAMES = ("factcheck.yaml", "factcheck.yml", ".factcheck.yaml")
_TOOL_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*factcheck\s*(?:\]|\.)", re.M)


def discover(start: str | Path | None = None) -> Path | None:
    here = Path(start or Path.cwd()).resolve()
    for directory in (here, *here.parents):
        for name in NAMES:
            candidate = directory / name
            if candidate.is_file():
                return candidate
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and _TOOL_TABLE.search(pyproject.read_text(encoding="utf-8", errors="replace")):
            return pyproject
    return None
