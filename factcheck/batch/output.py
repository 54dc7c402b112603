"""Where reports go: a format's streaming ``Writer`` if it has one, else collected and rendered once.

Streaming formats (jsonl, sarif, gitlab, github, junit) keep memory flat; ``text`` and ``json`` are
rendered from one :class:`Report` at the end (``text`` without its facts, which it does not show).
"""

from __future__ import annotations

import importlib
from typing import Any, TextIO

from factcheck.model.findings import SEVERITY_RANK, DocumentReport, Report, SeverityCounts, Summary
from factcheck.report.formats import FORMATS


def visible(doc: DocumentReport, min_severity: str, show_suppressed: bool) -> DocumentReport:
    """The findings to show: at or above ``min_severity``; suppressed ones only when asked."""
    floor = SEVERITY_RANK[min_severity]
    keep = [f for f in doc.findings
            if SEVERITY_RANK[f.severity] >= floor and (show_suppressed or f.suppressed is None)]
    return doc if len(keep) == len(doc.findings) else doc.model_copy(update={"findings": keep})


def below(doc: DocumentReport, min_severity: str) -> SeverityCounts:
    """Unsuppressed findings of ``doc`` below ``min_severity``, by severity (what --min-severity hides)."""
    floor = SEVERITY_RANK[min_severity]
    counts = SeverityCounts()
    for f in doc.findings:
        if f.suppressed is None and SEVERITY_RANK[f.severity] < floor:
            setattr(counts, f.severity, getattr(counts, f.severity) + 1)
    return counts


class Sink:
    """Takes every report whole; shows what ``min_severity``/``show_suppressed`` allow and counts the rest."""

    def __init__(self, fmt: str, out: TextIO, *, keep_facts: bool = False, min_severity: str = "info",
                 **options: Any):
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}")
        module = importlib.import_module(f"factcheck.report.formats.{fmt}")
        self.fmt = fmt
        self.out = out
        self.options = options
        self.writer = module.Writer(out, **options) if hasattr(module, "Writer") else None
        self.keep_facts = keep_facts or fmt != "text"  # only the text format never shows facts
        self.docs: list[DocumentReport] = []
        self.min_severity = min_severity
        self.not_shown = SeverityCounts()

    def write(self, doc: DocumentReport) -> None:
        hidden = below(doc, self.min_severity)
        for k, n in hidden.model_dump().items():
            setattr(self.not_shown, k, getattr(self.not_shown, k) + n)
        doc = visible(doc, self.min_severity, bool(self.options.get("show_suppressed")))
        if self.writer is not None:
            self.writer.write(doc)
        else:
            self.docs.append(doc if self.keep_facts else doc.model_copy(update={"facts": []}))

    def close(self, summary: Summary | None = None) -> None:
        if self.writer is not None:
            self.writer.close(summary)
            return
        self.out.write(FORMATS[self.fmt](Report.of(self.docs, self.not_shown), **self.options))
        self.out.flush()
