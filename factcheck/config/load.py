"""Read and validate a config file; every error names ``file:line``.

The file is read and YAML parsed by :mod:`factcheck.load.yamlsource` (the rule files' limits: regular
files only, a bounded read of at most 1 MiB, no anchors or aliases, 32 levels of nesting), keeping each
key's line; TOML (``pyproject.toml``) is parsed with ``tomllib`` after the same bounded read and a nesting
check, and its lines found by a scan of the table headers and ``key =`` lines.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from factcheck.config.errors import ConfigError
from factcheck.config.model import Config
from factcheck.load.yamlsource import MAX_DEPTH, RuleFileError, load_yaml, read_bounded

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Lines = dict[tuple[str, ...], int]


def load_config(path: str | Path) -> Config:
    """The validated config of a ``factcheck.yaml`` or a ``pyproject.toml``; paths made absolute."""
    p = Path(path)
    name = str(path)
    try:
        text = read_bounded(p, what="config file")
        if p.suffix == ".toml":
            data, lines = _toml(text, name)
        else:
            data, lines = _yaml(text, name)
    except RuleFileError as exc:
        raise ConfigError(name, exc.reason.replace("invalid YAML:", "not valid YAML:", 1), exc.line) from None
    try:
        config = Config.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(str(x) for x in err["loc"])
        msg = f"unknown key {'.'.join(loc)!r}" if err["type"] == "extra_forbidden" else (
            f"{'.'.join(loc) or 'config'}: {err['msg']}"
        )
        raise ConfigError(name, msg, _line_of(loc, lines)) from None
    return _resolve(config, p.resolve().parent)


def _resolve(config: Config, base: Path) -> Config:
    def absolute(value: str) -> str:
        candidate = base / value
        return str(candidate) if candidate.exists() or "/" in value or value.startswith(".") else value

    return config.model_copy(update={
        "rules": [absolute(r) for r in config.rules],
        "cache_dir": str(base / config.cache_dir) if config.cache_dir else None,
    })


def _line_of(loc: tuple[str, ...], lines: Lines) -> int | None:
    for n in range(len(loc), -1, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return None


def _yaml(text: str, name: str) -> tuple[dict[str, Any], Lines]:
    doc = load_yaml(text, name, what="config file")
    data = doc.data
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError(name, "the config must be a mapping of keys", 1)
    lines: Lines = {(): 1}
    for loc, (line, _col) in doc.marks.items():
        if loc and loc[-1] == "__key__":
            lines[tuple(str(x) for x in loc[:-1])] = line
        else:
            lines.setdefault(tuple(str(x) for x in loc), line)
    return data, lines


_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\"'-]+?)\s*=")


def _toml(text: str, name: str) -> tuple[dict[str, Any], Lines]:
    _check_toml_depth(text, name)
    try:
        doc = tomllib.loads(text)
    except RecursionError:  # pragma: no cover - refused by the depth check first
        raise ConfigError(name, f"nesting deeper than {MAX_DEPTH} levels") from None
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"line (\d+)", str(exc))
        raise ConfigError(name, f"not valid TOML: {exc}", int(m.group(1)) if m else None) from None
    data = doc.get("tool", {}).get("factcheck")
    if data is None:
        raise ConfigError(name, "no [tool.factcheck] table")
    lines: Lines = {}
    table: tuple[str, ...] | None = None
    for lineno, line in enumerate(text.splitlines(), start=1):
        if h := _HEADER.match(line):
            parts = tuple(p.strip().strip("\"'") for p in h.group(1).split("."))
            table = parts[2:] if parts[:2] == ("tool", "factcheck") else None
            if table is not None:
                lines.setdefault(table, lineno)
        elif table is not None and (k := _KEY.match(line)):
            key = table + tuple(p.strip().strip("\"'") for p in k.group(1).split("."))
            lines.setdefault(key, lineno)
    return data, lines


def _check_toml_depth(text: str, name: str) -> None:
    """Refuse deep inline nesting (``a = [[[[...``) before ``tomllib`` recurses into it. Brackets are
    counted naively (quoted ones and table headers too), so the bound is twice the real limit."""
    depth = 0
    for lineno, line in enumerate(text.splitlines(), start=1):
        if "[" not in line and "{" not in line and depth == 0:
            continue
        for ch in line:
            if ch in "[{":
                depth += 1
                if depth > 2 * MAX_DEPTH:
                    raise ConfigError(name, f"nesting deeper than {MAX_DEPTH} levels", lineno)
            elif ch in "]}":
                depth = max(depth - 1, 0)
