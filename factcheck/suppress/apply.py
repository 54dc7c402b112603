"""Mark the findings that an inline suppression covers (``Finding.suppressed = reason``)."""

from __future__ import annotations

from factcheck.model.document import Document, Location
from factcheck.model.findings import DocumentReport, Finding
from factcheck.suppress.directives import parse_directives

BAD_DIRECTIVE_RULE = "factcheck.bad-suppression"


def apply_suppressions(doc: Document, report: DocumentReport) -> DocumentReport:
    source = doc.source_text if doc.source_text is not None else doc.text
    suppressions, bad = parse_directives(source)
    if not suppressions and not bad:
        return report
    findings: list[Finding] = []
    for f in report.findings:
        line = f.span.line - doc.line_offset
        hit = next((s for s in suppressions if s.covers(f.rule, line)), None) if f.suppressed is None else None
        findings.append(f.model_copy(update={"suppressed": hit.reason}) if hit else f)
    for d in bad:
        findings.append(Finding(
            rule=BAD_DIRECTIVE_RULE,
            severity="warning",
            message=d.problem,
            span=Location(start=0, end=0, line=d.line + doc.line_offset, column=d.column),
            facts=[],
            title="A suppression comment without a rule id or a reason",
        ))
    return report.model_copy(update={"findings": findings})
