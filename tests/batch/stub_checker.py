"""A stand-in checker for batch and format tests: ``[severity:rule.id] claim text`` is a finding.

It needs no extractors or rule engine, so the tests of the batch machinery do not depend on them.
``[sleep:0.5]`` sleeps, ``[raise]`` raises inside the checker, ``[crash-once:PATH]`` SIGKILLs its
worker the first time (creating PATH) and checks normally on the retry.
"""

from __future__ import annotations

import os
import re
import signal
import time
from pathlib import Path

from factcheck.batch.settings import CheckerSettings
from factcheck.model.document import Document, Span
from factcheck.model.facts import DateMention
from factcheck.model.findings import DocumentReport, Finding

FACTORY = "tests.batch.stub_checker:build"
_CLAIM = re.compile(r"\[(error|warning|info):([a-z][a-z0-9.-]*)\]([^\n\[]*)")
_SLEEP = re.compile(r"\[sleep:([0-9.]+)\]")
_CRASH_ONCE = re.compile(r"\[crash-once:([^\]]+)\]")


class StubChecker:
    def __init__(self, settings: CheckerSettings):
        self.settings = settings

    def check_document(self, doc: Document) -> DocumentReport:
        if m := _SLEEP.search(doc.text):
            time.sleep(float(m.group(1)))
        if (m := _CRASH_ONCE.search(doc.text)) and not Path(m.group(1)).exists():
            Path(m.group(1)).touch()
            os.kill(os.getpid(), signal.SIGKILL)
        if "[raise]" in doc.text:
            raise RuntimeError("stub checker asked to raise")
        report = DocumentReport(path=doc.id, published=doc.published)
        for n, m in enumerate(_CLAIM.finditer(doc.text), start=1):
            span = Span(start=m.start(3), end=m.end(3))
            claim = m.group(3).strip()
            fact = DateMention(id=f"f{n}", span=span, text=claim, form="absolute", expression=claim, seq=n)
            report.facts.append(fact)  # type: ignore[arg-type]
            report.findings.append(Finding(
                rule=m.group(2), severity=m.group(1), message=f"Claim: {claim}", span=doc.locate(span),
                facts=[fact.id], title=f"Stub rule {m.group(2)}",
            ))
        return report


def build(settings: CheckerSettings) -> StubChecker:
    return StubChecker(settings)
