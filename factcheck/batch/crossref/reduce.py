"""The cross-article pass: index every report's entries while spooling it, then replay the reports
in input order with ``batch.conflicting-figure`` / ``batch.conflicting-date`` findings added.

Each finding stands in one document and names the other document, its line and its sentence; the
other document gets the mirror finding. The per-document findings are left as they are.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from factcheck.batch.crossref.index import CrossIndex, Witness
from factcheck.batch.crossref.rules import CONFLICTING_DATE, CONFLICTING_FIGURE
from factcheck.batch.crossref.spool import Spool
from factcheck.config.apply import apply_rule_settings
from factcheck.model.crossref import CrossFact
from factcheck.model.findings import Context, DocumentReport, Evidence, Finding, Severity


def cross_article(
    reports: Iterable[DocumentReport], *, disabled: Iterable[str] = (), severity: dict[str, Severity] | None = None
) -> Iterator[DocumentReport]:
    index = CrossIndex()
    spool = Spool()
    try:
        for report in reports:
            index.add(report.path, report.crossref)
            spool.put(report)
    except BaseException:
        spool.close()
        raise
    disabled = list(disabled)
    for report in spool.replay():
        found = [f for e in report.crossref if (w := index.conflict(report.path, e)) is not None
                 for f in [finding(e, w)]]
        if found:
            extra = apply_rule_settings(DocumentReport(path=report.path, findings=found), disabled, severity or {})
            merged = sorted([*report.findings, *extra.findings], key=lambda f: (f.span.start, f.span.end, f.rule, f.facts))
            report = report.model_copy(update={"findings": merged})
        yield report


def finding(entry: CrossFact, other: Witness) -> Finding:
    o = other.entry
    where = f"{other.doc}:{o.span.line}"
    if entry.kind == "figure":
        rule = CONFLICTING_FIGURE
        message = (f"The figure for {entry.label} is {entry.text} here but {o.text} in {where}: "
                   f"\"{o.sentence.strip()}\"")
    else:
        rule = CONFLICTING_DATE
        message = (f"{entry.label[:1].upper()}{entry.label[1:]} is dated {entry.value} here ({entry.text}) but "
                   f"{o.value} in {where} ({o.text}): \"{o.sentence.strip()}\"")
    end = min(entry.sentence_start + entry.span.end - entry.span.start, len(entry.sentence))
    return Finding(
        rule=rule.id, severity=rule.severity, title=rule.title, message=message, span=entry.span, quote=entry.quote,
        context=Context(sentence=entry.sentence, start=entry.sentence_start, end=end), facts=[entry.fact],
        evidence=[Evidence(source=other.doc, value=f"line {o.span.line}: {o.sentence.strip()}")],
        suppressed=entry.suppressed.get(rule.id),
    )
