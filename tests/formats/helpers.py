"""Reports for format tests: stand-in findings on small documents, plus one unreadable document."""

from __future__ import annotations

from factcheck.batch import CheckerSettings
from factcheck.batch.tasks import error_report
from factcheck.load import load_text
from factcheck.model.findings import DocumentReport, Evidence, Report
from tests.batch.stub_checker import StubChecker

STUB = StubChecker(CheckerSettings(references=False))

DOC_A = """\
---
published: 2025-10-29
---
Intro line.
The plan [error:timeline.shift-mismatch] moved up by three years, from 2027 to 2025
It is known that [warning:attribution.unofficial-figure] the US asked for 3.5% of GDP
Same again: [warning:attribution.unofficial-figure] the US asked for 3.5% of GDP
Note [info:dates.sequence] "quoted" text, with commas: and % signs
"""
DOC_B = "Weird path. [warning:numbers.conflicting-figure] 5 vs 6\n"


def make_report(doc_a: str = DOC_A, *, with_error: bool = True) -> Report:
    a = STUB.check_document(load_text(doc_a, doc_id="desk/a story.md"))
    a.findings[0].evidence.append(Evidence(source="wikidata", url="https://www.wikidata.org/wiki/Q1", value="2025"))
    b = STUB.check_document(load_text(DOC_B, doc_id="desk/b,c:d%.md"))
    docs: list[DocumentReport] = [a, b]
    if with_error:
        docs.append(error_report("desk/broken.md", "load", "desk/broken.md:1:4: not valid UTF-8"))
    suppressed = a.findings[3].model_copy(update={"suppressed": "checked by the desk"})
    a.findings[3] = suppressed
    return Report.of(docs)
