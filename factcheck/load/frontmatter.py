"""Markdown with YAML front matter: metadata from the header, the rest is the body."""

from __future__ import annotations

import datetime as dt
import re

import yaml

from factcheck.load.errors import LoadError

MAX_DEPTH = 32
MAX_FRONT_MATTER = 256 * 1024  # characters; metadata, not content
# libyaml's C loader when PyYAML has it (the wheels do): ten times faster on every draft, same results.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, path: str) -> tuple[dict[str, object], int]:
    """Return ``(metadata, body_start)``. No front matter gives ``({}, 0)``."""
    m = _FENCE.match(text)
    if not m:
        return {}, 0
    raw = m.group(1) or ""
    try:
        _check_shape(raw, path)
        meta = yaml.load(raw, Loader=_LOADER) if raw.strip() else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        col = mark.column + 1 if mark is not None else 1
        reason = getattr(exc, "problem", None) or str(exc)
        raise LoadError(path, f"front matter is not valid YAML: {reason}", line, col) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # e.g. `published: 2025-13-45` (a timestamp that is no date), a 5,000-digit integer
        raise LoadError(path, f"front matter is not valid YAML: {exc}", 2, 1) from None
    if not isinstance(meta, dict):
        raise LoadError(path, f"front matter must be a mapping, got {type(meta).__name__}", 2, 1)
    return {str(k): v for k, v in meta.items()}, m.end()


def _check_shape(raw: str, path: str) -> None:
    """Refuse anchors/aliases (exponential "billion laughs" data) and nesting deeper than MAX_DEPTH.

    Drafts are untrusted. PyYAML builds nested values recursively (RecursionError), and its scanner is
    quadratic in the nesting depth (10,000 ``[`` took 90 s): the event stream is checked first, and
    the check stops at the first level too deep.
    """
    if len(raw) > MAX_FRONT_MATTER:
        raise LoadError(path, f"front matter is longer than {MAX_FRONT_MATTER} characters", 2, 1)
    depth = deepest = 0
    for ch in raw:  # flow brackets, counted naively (linear): the scanner would be quadratic in them
        if ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    if deepest > 2 * MAX_DEPTH:
        raise LoadError(path, f"front matter: nesting deeper than {MAX_DEPTH} levels", 2, 1)
    depth = 0
    for event in yaml.parse(raw, Loader=_LOADER):
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            m = event.start_mark
            raise LoadError(path, "front matter: YAML anchors and aliases are not allowed", m.line + 2, m.column + 1)
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                m = event.start_mark
                raise LoadError(path, f"front matter: nesting deeper than {MAX_DEPTH} levels", m.line + 2, m.column + 1)
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


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
