"""What every merge shares: the document order, format detection, and dispatch."""

from __future__ import annotations

import json
from pathlib import Path, PurePosixPath
from typing import Any

OrderKey = tuple[tuple[str, ...], int]


class MergeError(ValueError):
    """An input that is not a factcheck JSON, SARIF or JUnit report, or inputs of different formats."""


def order_key(path: str, line: int | None = None) -> OrderKey:
    """Folder by folder, names sorted (a folder argument's walk order), then a record's line."""
    return tuple(PurePosixPath(path.replace("\\", "/")).parts), line or 0


def detect_format(name: str, text: str) -> str:
    head = text.lstrip()[:1]
    if head == "<":
        return "junit"
    if head != "{":
        raise MergeError(f"{name}: not a JSON, SARIF or JUnit report")
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise MergeError(f"{name}:{exc.lineno}:{exc.colno}: not valid JSON: {exc.msg}") from None
    if isinstance(data, dict) and "runs" in data:
        return "sarif"
    if isinstance(data, dict) and "documents" in data:
        return "json"
    raise MergeError(f"{name}: JSON that is neither a factcheck report nor SARIF")


def merge_reports(paths: list[str]) -> tuple[str, str, str]:
    """(format, merged text, one-line summary) of the reports at ``paths``; raises :class:`MergeError`."""
    texts: list[tuple[str, str]] = []
    for p in paths:
        try:
            texts.append((p, Path(p).read_text(encoding="utf-8")))
        except (OSError, UnicodeDecodeError) as exc:
            raise MergeError(f"{p}: cannot be read: {exc}") from None
    formats = {detect_format(name, text) for name, text in texts}
    if len(formats) != 1:
        raise MergeError(f"the inputs are of different formats ({', '.join(sorted(formats))}); merge one format at a time")
    fmt = formats.pop()
    if fmt == "json":
        from factcheck.report.merge.json import merge_json as merge
    elif fmt == "sarif":
        from factcheck.report.merge.sarif import merge_sarif as merge
    else:
        from factcheck.report.merge.junit import merge_junit as merge
    text, summary = merge(texts)
    return fmt, text, summary
