"""``--format junit``: JUnit XML, one ``testcase`` per document, one ``failure`` per finding.

The shape CI servers read (Jenkins/GitLab/Azure): ``testsuites`` > ``testsuite`` (``name``, ``tests``,
``failures``, ``errors``, ``skipped``, ``time``) > ``testcase`` (``classname``, ``name``, ``file``,
``time``; a JSON Lines record's ``file`` is its JSON Lines file and ``line`` its line there) holding ``failure`` elements (``message``, ``type`` = rule id, text = location and message)
and an ``error`` element for a document that could not be checked. Suppressed findings are not
failures; with ``show_suppressed`` they are listed in ``system-out``.
"""

from __future__ import annotations

from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from factcheck.model.findings import DocumentReport, Report, Summary
from factcheck.report.formats.streaming import render_all

SUITE = "factcheck"


def _clean(text: str) -> str:
    """XML 1.0 cannot hold most control characters, even escaped."""
    return "".join(ch for ch in text if ch in "\t\n\r" or ord(ch) >= 0x20)


def _attr(text: str) -> str:
    return quoteattr(_clean(text))


def _text(text: str) -> str:
    return escape(_clean(text))


class Writer:
    """Collects each document's testcase as a string (the suite's counts come first in the XML)."""

    def __init__(self, out: TextIO, *, show_suppressed: bool = False, **_: object):
        self.out = out
        self.show_suppressed = show_suppressed
        self.cases: list[str] = []
        self.tests = self.failures = self.errors = self.skipped = 0

    def write(self, doc: DocumentReport) -> None:
        self.tests += 1
        record = doc.record_line is not None and bool(doc.source)
        where = f"file={_attr(doc.source)} line=\"{doc.record_line}\"" if record and doc.source else f"file={_attr(doc.path)}"
        parts = [f"    <testcase classname={_attr(SUITE)} name={_attr(doc.path)} {where} time=\"0\">"]
        if doc.not_checked:  # a language factcheck does not read: skipped, with the reason
            self.skipped += 1
            reason = "; ".join(n.message for n in doc.notes if n.kind == "language-not-supported")
            parts.append(f"      <skipped message={_attr(reason)}/>")
        if doc.errors:
            self.errors += 1
            msg = "; ".join(f"[{e.stage}] {e.message}" for e in doc.errors)
            detail = "\n".join(e.detail or e.message for e in doc.errors)
            parts.append(f"      <error message={_attr(msg)} type=\"unchecked\">{_text(detail)}</error>")
        shown = [f for f in doc.findings if f.suppressed is None]
        if shown:
            self.failures += 1
        for f in shown:
            body = f"{doc.path}:{f.span.line}:{f.span.column}: {f.severity} {f.rule}: {f.message}"
            parts.append(f"      <failure message={_attr(f.message)} type={_attr(f.rule)}>{_text(body)}</failure>")
        suppressed = [f for f in doc.findings if f.suppressed is not None]
        if suppressed and self.show_suppressed:
            lines = "\n".join(f"{doc.path}:{f.span.line}:{f.span.column}: suppressed {f.rule}: {f.message} "
                              f"(reason: {f.suppressed})" for f in suppressed)
            parts.append(f"      <system-out>{_text(lines)}</system-out>")
        parts.append("    </testcase>")
        self.cases.append("\n".join(parts))

    def close(self, summary: Summary | None = None) -> None:
        counts = f'tests="{self.tests}" failures="{self.failures}" errors="{self.errors}"'
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(f'<testsuites name="{SUITE}" {counts} time="0">\n')
        self.out.write(f'  <testsuite name="{SUITE}" {counts} skipped="{self.skipped}" time="0">\n')
        for case in self.cases:
            self.out.write(case + "\n")
        self.out.write("  </testsuite>\n</testsuites>\n")
        self.out.flush()


def render(report: Report, **opts: Any) -> str:
    return render_all(Writer, report, **opts)
