"""Where reports go: a format's streaming ``Writer`` if it has one, else collected and rendered once.

Streaming formats (jsonl, sarif, gitlab, github, junit) keep memory flat; ``text`` and ``json`` are
rendered from one :class:`Report` at the end (``text`` without its facts, which it does not show).
"""

from __future__ import annotations

import importlib
from typing import Any, TextIO

from factcheck.model.findings import SEVERITY_RANK, DocumentReport, Report, Summary
from factcheck.report.formats import FORMATS


def visible(doc: DocumentReport, min_severity: str, show_suppressed: bool) -> DocumentReport:
    """The findings to show: at or above ``min_severity``; suppressed ones only when asked."""
    floor = SEVERITY_RANK[min_severity]
    keep = [f for f in doc.findings
            if SEVERITY_RANK[f.severity] >= floor and (show_suppressed or f.suppressed is None)]
    return doc if len(keep) == len(doc.findings) else doc.model_copy(update={"findings": keep})


class Sink:
    def __init__(self, fmt: str, out: TextIO, *, keep_facts: bool = False, **options: Any):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        module = importlib.import_module(f"factcheck.report.formats.{fmt}")
        self.fmt = fmt
        self.out = out
        self.options = options
        self.writer = module.Writer(out, **options) if hasattr(module, "Writer") else None
        self.keep_facts = keep_facts or fmt != "text"  # only the text format never shows facts
        self.docs: list[DocumentReport] = []

    def write(self, doc: DocumentReport) -> None:
        if self.writer is not None:
            self.writer.write(doc)
        else:
            self.docs.append(doc if self.keep_facts else doc.model_copy(update={"facts": []}))

    def close(self, summary: Summary | None = None) -> None:
        if self.writer is not None:
            self.writer.close(summary)
            return
        self.out.write(FORMATS[self.fmt](Report.of(self.docs), **self.options))
        self.out.flush()
