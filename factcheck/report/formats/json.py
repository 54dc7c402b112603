"""``--format json``: the Report model as JSON (the same JSON as ``Report.model_dump_json()``)."""

from __future__ import annotations

from factcheck.model.findings import Report


def render(report: Report, *, indent: int | None = 2, **_: object) -> str:
    return report.model_dump_json(indent=indent, exclude_none=False) + "\n"
