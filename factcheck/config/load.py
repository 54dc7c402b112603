"""Read and validate a config file; every error names ``file:line``.

YAML is composed into nodes first so that each key keeps its line; TOML (``pyproject.toml``) is
parsed with ``tomllib`` and its lines found by a scan of the table headers and ``key =`` lines.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from factcheck.config.errors import ConfigError
from factcheck.config.model import Config

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
        text = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(name, f"cannot read: {exc}") from None
    if p.suffix == ".toml":
        data, lines = _toml(text, name)
    else:
        data, lines = _yaml(text, name)
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
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise ConfigError(name, f"not valid YAML: {getattr(exc, 'problem', None) or exc}",
                          mark.line + 1 if mark else None) from None
    if data is None:
        return {}, {}
    if not isinstance(data, dict):
        raise ConfigError(name, "the config must be a mapping of keys", 1)
    lines: Lines = {(): 1}

    def walk(n: yaml.Node, path: tuple[str, ...]) -> None:
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                key = (*path, str(k.value))
                lines[key] = k.start_mark.line + 1
                walk(v, key)
        elif isinstance(n, yaml.SequenceNode):
            for i, item in enumerate(n.value):
                lines[(*path, str(i))] = item.start_mark.line + 1
                walk(item, (*path, str(i)))

    if node is not None:
        walk(node, ())
    return data, lines


_HEADER = re.compile(r"^\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"^\s*([A-Za-z0-9_.\"'-]+?)\s*=")


def _toml(text: str, name: str) -> tuple[dict[str, Any], Lines]:
    try:
        doc = tomllib.loads(text)
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
