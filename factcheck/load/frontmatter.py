"""Markdown with YAML front matter: metadata from the header, the rest is the body."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from factcheck.load.errors import LoadError

_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, path: str) -> tuple[dict[str, object], int]:
    """Return ``(metadata, body_start)``. No front matter gives ``({}, 0)``."""
    m = _FENCE.match(text)
    if not m:
        return {}, 0
    raw = m.group(1) or ""
    try:
        meta = yaml.safe_load(raw) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        col = mark.column + 1 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc)
        raise LoadError(path, f"front matter is not valid YAML: {reason}", line, col) from None
    if not isinstance(meta, dict):
        raise LoadError(path, f"front matter must be a mapping, got {type(meta).__name__}", 2, 1)
    return {str(k): v for k, v in meta.items()}, m.end()


def parse_date(value: object, path: str, field: str = "published") -> dt.date | None:
    """A publication date from metadata: a YAML date, or an ISO string (a time part is ignored)."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
    raise LoadError(path, f"{field} is not a date (YYYY-MM-DD): {value!r}")
