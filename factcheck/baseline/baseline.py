"""The baseline file, and the filter that removes known findings from a stream of reports.

A finding is known when its fingerprint (rule, document id, normalised claim text; see
:mod:`factcheck.report.formats.fingerprint`) is in the baseline. A baseline entry whose document was
checked but whose fingerprint no longer occurs is *fixed*.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from factcheck.model.findings import DocumentReport
from factcheck.report.formats.fingerprint import claim_text, document_key, fingerprints


class BaselineError(Exception):
    """A baseline file that cannot be read (exit code 2)."""


class BaselineEntry(BaseModel):
    fingerprint: str
    rule: str
    document: str
    claim: str
    severity: str
    message: str = ""


class Baseline(BaseModel):
    version: int = 1
    tool: str = "factcheck"
    findings: list[BaselineEntry] = Field(default_factory=list)

    @classmethod
    def from_reports(cls, reports: Iterable[DocumentReport], root: str | Path | None = None) -> Baseline:
        """A baseline of the unsuppressed findings; with ``root`` (the folder the baseline file will be
        in) documents are named relative to it, so it matches however the paths are typed later."""
        entries = []
        for report in reports:
            for f, fp in zip(report.findings, fingerprints(report, root), strict=True):
                if f.suppressed is None:
                    entries.append(BaselineEntry(fingerprint=fp, rule=f.rule, document=document_key(report, root),
                                                 claim=claim_text(report, f), severity=f.severity,
                                                 message=f.message))
        entries.sort(key=lambda e: (e.document, e.rule, e.fingerprint))
        return cls(findings=entries)

    @classmethod
    def read(cls, path: str | Path) -> Baseline:
        try:
            return cls.model_validate_json(Path(path).read_bytes())
        except OSError as exc:
            raise BaselineError(f"{path}: cannot read baseline: {exc.strerror or exc}") from None
        except ValidationError as exc:
            raise BaselineError(f"{path}: not a factcheck baseline: {exc.errors()[0]['msg']}") from None

    def write(self, path: str | Path) -> None:
        """Write the baseline whole (a temporary file renamed over ``path``)."""
        from factcheck.report.atomic import atomic_output

        with atomic_output(path) as fh:
            fh.write(json.dumps(self.model_dump(), indent=2, ensure_ascii=False) + "\n")


class BaselineFilter:
    """Drops known findings from each report; remembers what was matched to list the fixed ones."""

    def __init__(self, baseline: Baseline, root: str | Path | None = None):
        self.baseline = baseline
        self.root = root
        self._known = {e.fingerprint for e in baseline.findings}
        self._matched: set[str] = set()
        self._documents: set[str] = set()
        self.known_count = 0

    def __call__(self, report: DocumentReport) -> DocumentReport:
        self._documents.add(document_key(report, self.root))
        if not report.findings:
            return report
        keep = []
        for f, fp in zip(report.findings, fingerprints(report, self.root), strict=True):
            if fp in self._known and f.suppressed is None:
                self._matched.add(fp)
                self.known_count += 1
            else:
                keep.append(f)
        if len(keep) == len(report.findings):
            return report
        return report.model_copy(update={"findings": keep})

    def fixed(self) -> list[BaselineEntry]:
        """Entries of documents checked in this run that no longer occur."""
        return [e for e in self.baseline.findings
                if e.document in self._documents and e.fingerprint not in self._matched]
