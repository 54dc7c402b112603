"""Markdown with YAML front matter: metadata from the header, the rest is the body."""

from __future__ import annotations

import datetime as dt
import re

from factcheck.load.errors import LoadError
from factcheck.load.yamlsource import RuleFileError, safe_load

MAX_DEPTH = 32
MAX_FRONT_MATTER = 256 * 1024  # characters; metadata, not content
_FENCE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", re.S)


def split_front_matter(text: str, path: str) -> tuple[dict[str, object], int]:
    """Return ``(metadata, body_start)``. No front matter gives ``({}, 0)``.

    Drafts are untrusted: the YAML goes through :func:`factcheck.load.yamlsource.safe_load` (no anchors
    or aliases, at most ``MAX_DEPTH`` levels, at most ``MAX_FRONT_MATTER`` characters).
    """
    m = _FENCE.match(text)
    if not m:
        return {}, 0
    raw = m.group(1) or ""
    if len(raw) > MAX_FRONT_MATTER:
        raise LoadError(path, f"front matter is longer than {MAX_FRONT_MATTER} characters", 2, 1)
    try:
        meta = safe_load(raw, path, max_bytes=4 * MAX_FRONT_MATTER, max_depth=MAX_DEPTH, line_offset=1,
                         what="front matter") if raw.strip() else {}
    except RuleFileError as exc:
        reason = exc.reason.removeprefix("invalid YAML: ")
        what = "front matter is not valid YAML: " if reason != exc.reason else "front matter: "
        raise LoadError(path, what + reason, exc.line, exc.column) from None
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
