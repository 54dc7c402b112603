"""``--format gitlab``: GitLab Code Quality report (a JSON array), streamed.

Each item has the fields GitLab requires: ``description``, ``check_name``, ``fingerprint`` (unique
in the report, stable across runs: see :mod:`.fingerprint`), ``severity`` (``info``, ``minor``,
``major``, ``critical`` or ``blocker``) and ``location.path`` with ``location.lines.begin``.
A document that could not be checked is a ``major`` item named ``factcheck.unchecked``.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from factcheck.model.findings import DocumentReport, Report, Summary
from factcheck.report.formats.fingerprint import fingerprints
from factcheck.report.formats.streaming import render_all

SEVERITIES = {"error": "major", "warning": "minor", "info": "info"}
UNCHECKED = "factcheck.unchecked"
NOT_CHECKED = "factcheck.not-checked"  # a language factcheck does not read


class Writer:
    def __init__(self, out: TextIO, *, show_suppressed: bool = False, **_: object):
        self.out = out
        self.show_suppressed = show_suppressed
        self._first = True
        self._seen: set[str] = set()
        out.write("[")

    def _unique(self, fp: str) -> str:
        n = 1
        candidate = fp
        while candidate in self._seen:
            n += 1
            candidate = hashlib.sha256(f"{fp}#{n}".encode()).hexdigest()[:32]
        self._seen.add(candidate)
        return candidate

    def _item(self, item: dict[str, object]) -> None:
        self.out.write("\n  " if self._first else ",\n  ")
        self._first = False
        self.out.write(json.dumps(item, ensure_ascii=False))

    def write(self, doc: DocumentReport) -> None:
        for i, err in enumerate(doc.errors):
            fp = hashlib.sha256(f"{UNCHECKED}\0{doc.path}\0{i}".encode()).hexdigest()[:32]
            self._item({
                "description": f"Could not be checked ({err.stage}): {err.message}",
                "check_name": UNCHECKED,
                "fingerprint": self._unique(fp),
                "severity": "major",
                "location": self._location(doc, 1),
            })
        for note in doc.notes:
            if note.kind == "language-not-supported":
                fp = hashlib.sha256(f"{NOT_CHECKED}\0{doc.path}".encode()).hexdigest()[:32]
                self._item({"description": note.message, "check_name": NOT_CHECKED, "fingerprint": self._unique(fp),
                            "severity": "minor", "location": self._location(doc, 1)})
        for f, fp in zip(doc.findings, fingerprints(doc), strict=True):
            if f.suppressed is not None and not self.show_suppressed:
                continue
            self._item({
                "type": "issue",
                "description": f.message,
                "check_name": f.rule,
                "fingerprint": self._unique(fp),
                "severity": "info" if f.suppressed is not None else SEVERITIES[f.severity],
                "location": self._location(doc, f.span.line),
                "categories": ["Fact check"],
            })

    @staticmethod
    def _location(doc: DocumentReport, line: int) -> dict[str, object]:
        """The file and line: a JSON Lines record is its file and its own line, whatever line of its text."""
        if doc.record_line is not None and doc.source:
            return {"path": doc.source, "lines": {"begin": doc.record_line}}
        return {"path": doc.path, "lines": {"begin": max(line, 1)}}

    def close(self, summary: Summary | None = None) -> None:
        self.out.write("\n]\n" if not self._first else "]\n")
        self.out.flush()


def render(report: Report, **opts: Any) -> str:
    return render_all(Writer, report, **opts)
