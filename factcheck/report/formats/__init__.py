"""Output formats, one module each, all with ``render(report, **options) -> str``.

Formats are kept together and apart from checking: a format sees only the :class:`Report`.
"""

from __future__ import annotations

from collections.abc import Callable

from factcheck.model.findings import Report
from factcheck.report.formats import claimreview, github, gitlab, html, jsonl, junit, sarif
from factcheck.report.formats import json as json_format
from factcheck.report.formats import text as text_format

Renderer = Callable[..., str]

FORMATS: dict[str, Renderer] = {
    "text": text_format.render,
    "json": json_format.render,
    "jsonl": jsonl.render,
    "sarif": sarif.render,
    "junit": junit.render,
    "gitlab": gitlab.render,
    "github": github.render,
    "html": html.render,
    "claimreview": claimreview.render,
}


def render(report: Report, fmt: str, **options: object) -> str:
    try:
        renderer = FORMATS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r} (one of: {', '.join(FORMATS)})") from None
    return renderer(report, **options)
