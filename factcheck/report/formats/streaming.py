"""Streaming writers: formats that write each document as it arrives (batch runs use them directly).

A writer is built on an output stream, gets ``write(doc)`` per document and ``close(summary)`` at the
end; :func:`render_all` runs one over a whole :class:`Report` for the ``render(report)`` interface.
"""

from __future__ import annotations

import io
from typing import Any, Protocol, TextIO

from factcheck.model.findings import DocumentReport, Report, Summary


class StreamWriter(Protocol):
    def write(self, doc: DocumentReport) -> None: ...

    def close(self, summary: Summary | None = None) -> None: ...


def render_all(writer_class: Any, report: Report, **opts: Any) -> str:
    """Render a whole report with a streaming writer class ``writer_class(out: TextIO, **opts)``."""
    buf: TextIO = io.StringIO()
    writer: StreamWriter = writer_class(buf, **opts)
    for doc in report.documents:
        writer.write(doc)
    writer.close(report.summary)
    return buf.getvalue()  # type: ignore[attr-defined, no-any-return]
