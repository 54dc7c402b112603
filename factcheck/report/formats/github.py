"""``--format github``: GitHub Actions workflow commands, one annotation per finding, streamed.

``::error file=PATH,line=L,col=C,title=RULE::MESSAGE`` (``warning``/``notice`` for the lower
severities); values are escaped as the runner expects (``%``, CR, LF; and ``:`` ``,`` in properties).
A document that could not be checked is an ``::error`` on its file.
"""

from __future__ import annotations

from typing import Any, TextIO

from factcheck.model.findings import DocumentReport, Report, Summary
from factcheck.report.formats.streaming import render_all

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(level: str, message: str, **props: object) -> str:
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level}{' ' + given if given else ''}::{escape_data(message)}"


class Writer:
    def __init__(self, out: TextIO, *, show_suppressed: bool = False, **_: object):
        self.out = out
        self.show_suppressed = show_suppressed

    def write(self, doc: DocumentReport) -> None:
        for err in doc.errors:
            self.out.write(annotation("error", f"could not be checked ({err.stage}): {err.message}",
                                      file=doc.path, title="factcheck") + "\n")
        for f in doc.findings:
            if f.suppressed is not None and not self.show_suppressed:
                continue
            level = "notice" if f.suppressed is not None else LEVELS[f.severity]
            note = f" (suppressed: {f.suppressed})" if f.suppressed is not None else ""
            self.out.write(annotation(level, f.message + note, file=doc.path, line=f.span.line,
                                      col=f.span.column, title=f.rule) + "\n")

    def close(self, summary: Summary | None = None) -> None:
        self.out.flush()


def render(report: Report, **opts: Any) -> str:
    return render_all(Writer, report, **opts)
