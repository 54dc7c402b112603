"""``--format jsonl``: one document per line (the ``documents[]`` items of the JSON format), streamed.

Memory stays flat however many documents there are; the summary goes to stderr, not into the file.
"""

from __future__ import annotations

from typing import Any, TextIO

from factcheck.model.findings import DocumentReport, Report, Summary
from factcheck.report.formats.streaming import render_all


class Writer:
    def __init__(self, out: TextIO, *, show_suppressed: bool = True, **_: object):
        self.out = out
        self.show_suppressed = show_suppressed

    def write(self, doc: DocumentReport) -> None:
        if not self.show_suppressed and any(f.suppressed is not None for f in doc.findings):
            doc = doc.model_copy(update={"findings": [f for f in doc.findings if f.suppressed is None]})
        self.out.write(doc.model_dump_json())
        self.out.write("\n")

    def close(self, summary: Summary | None = None) -> None:
        self.out.flush()


def render(report: Report, **opts: Any) -> str:
    return render_all(Writer, report, **opts)
