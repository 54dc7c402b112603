"""The unit of work: one document's raw input, and a result that needs no worker."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from factcheck.model.findings import DocumentError, DocumentReport

TaskKind = Literal["file", "record", "text"]


@dataclass(frozen=True, slots=True)
class Task:
    """One document's raw input, self-contained: a worker needs no file system to run it.

    ``file``: the bytes of a Markdown/text/HTML file; ``record``: one JSON Lines line (``lineno`` is
    its 1-based line in ``path``); ``text``: text read from stdin.
    """

    doc_id: str
    kind: TaskKind
    data: bytes | str
    path: str | None = None
    lineno: int = 0

    def digest(self) -> str:
        """Content hash of the raw input (with its identity): the resume-state key."""
        h = hashlib.sha256()
        h.update(f"{self.kind}\0{self.doc_id}\0".encode())
        h.update(self.data if isinstance(self.data, bytes) else self.data.encode("utf-8", "surrogatepass"))
        return h.hexdigest()


@dataclass(frozen=True, slots=True)
class Ready:
    """A result known without a worker: a refused input, or one taken from the resume state.

    A cached result is loaded only when its turn comes (``loader``), so a long run of cached
    documents holds nothing but their keys in memory.
    """

    report: DocumentReport | None = None
    loader: Callable[[], DocumentReport] | None = None

    @property
    def cached(self) -> bool:
        return self.loader is not None

    def get(self) -> DocumentReport:
        if self.report is not None:
            return self.report
        assert self.loader is not None
        return self.loader()


def error_report(doc_id: str, stage: str, message: str, detail: str | None = None) -> DocumentReport:
    """A report that holds only an error entry naming the document."""
    return DocumentReport(path=doc_id, errors=[DocumentError(stage=stage, message=message, detail=detail)])  # type: ignore[arg-type]
