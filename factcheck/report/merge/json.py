"""Merge ``--format json`` reports: every document, in the canonical order, and one summary."""

from __future__ import annotations

from pydantic import ValidationError

from factcheck.model.findings import DocumentReport, Report, SeverityCounts
from factcheck.report.formats import FORMATS
from factcheck.report.merge.order import MergeError, OrderKey, order_key


def doc_key(doc: DocumentReport) -> OrderKey:
    return order_key(doc.source or doc.path, doc.record_line)


def merge_json(texts: list[tuple[str, str]]) -> tuple[str, str]:
    docs: list[DocumentReport] = []
    hidden = SeverityCounts()
    for name, text in texts:
        try:
            report = Report.model_validate_json(text)
        except ValidationError as exc:
            err = exc.errors()[0]
            raise MergeError(f"{name}: not a factcheck JSON report: {'.'.join(map(str, err['loc']))}: {err['msg']}") from None
        docs.extend(report.documents)
        for k, n in report.summary.not_shown.model_dump().items():
            setattr(hidden, k, getattr(hidden, k) + n)
    docs.sort(key=doc_key)
    merged = Report.of(docs, hidden)
    s = merged.summary
    summary = (f"{s.documents} document(s): {s.findings.error} error(s), {s.findings.warning} warning(s), "
               f"{s.findings.info} info; {s.errors} not checked")
    return FORMATS["json"](merged), summary
