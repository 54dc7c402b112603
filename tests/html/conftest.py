"""Fixtures for the HTML report: a synthetic report over the perturbed seed (overlaps, evidence, suppressed)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from factcheck.load import load_text
from factcheck.model.document import Document, Span
from factcheck.model.facts import Quantity, ReferenceTenure, TenureStart, TimelineShift
from factcheck.model.findings import Context, DocumentReport, Evidence, Finding, Report
from tests.conftest import SEED
from tests.html.cdp import Browser

PERTURBED = ("moved up by two years", "moved up by three years")


def perturbed_seed_text() -> str:
    text = SEED.read_text(encoding="utf-8")
    assert PERTURBED[0] in text
    return text.replace(*PERTURBED)


def _span(doc: Document, needle: str) -> Span:
    start = doc.text.index(needle)
    return Span(start=start, end=start + len(needle))


def _finding(doc: Document, needle: str, rule: str, severity: str, facts: list[str], **kw: object) -> Finding:
    span = _span(doc, needle)
    sent = doc.sentence_at(span.start)
    return Finding(
        rule=rule,
        severity=severity,  # type: ignore[arg-type]
        message=kw.pop("message", f"{rule} fired"),  # type: ignore[arg-type]
        span=doc.locate(span),
        quote=needle,
        context=Context(sentence=doc.text[sent.start : sent.end], start=span.start - sent.start, end=span.end - sent.start),
        facts=facts,
        **kw,  # type: ignore[arg-type]
    )


def synthetic_report(text: str | None = None, *, with_text: bool = True) -> tuple[Report, Document]:
    doc = load_text(text or perturbed_seed_text(), doc_id="seeds/hegseth-koizumi-tokyo.md")
    shift_text = "moved up by three years, from the original target of fiscal year 2027"
    tenure_text = "who took office on the 21st"
    figure_text = "unofficially requested Japan to raise its defense spending to as much as 3.5% of GDP"
    facts = [
        TimelineShift(id="f1", span=_span(doc, shift_text), text=shift_text, target="defense spending to 2% of GDP",
                      from_year=2027, to_year=2025, from_label="fiscal 2027", to_label="fiscal 2025",
                      year_type="fiscal", country="JP", stated_years=3, stated_direction="earlier"),
        TenureStart(id="f2", span=_span(doc, tenure_text), text=tenure_text, person="Shinjiro Koizumi",
                    person_key="shinjiro koizumi", office="Minister of Defense", date_text="on the 21st",
                    date="2025-10-21", precision="day"),
        Quantity(id="f3", span=_span(doc, "3.5% of GDP"), text="3.5% of GDP", value=3.5, unit="percent_of_gdp",
                 attribution="unofficial", attribution_cue="unofficially"),
        ReferenceTenure(id="f4", span=_span(doc, tenure_text), text=tenure_text, person="Shinjiro Koizumi",
                        person_key="shinjiro koizumi", person_id="Q1362781", office="Minister of Defense",
                        office_id="Q2089498", start="2025-10-21", url="https://www.wikidata.org/wiki/Q1362781"),
        Quantity(id="f5", span=_span(doc, "2% of GDP"), text="2% of GDP", value=2, unit="percent_of_gdp"),
    ]
    findings = [
        _finding(doc, "moved up by three years", "timeline.shift-mismatch", "error", ["f1"],
                 message="Moved by 3 years, but fiscal 2027 to fiscal 2025 is 2.", title="Stated shift disagrees"),
        _finding(doc, tenure_text, "tenure.confirmed", "info", ["f2", "f4"],
                 message="Shinjiro Koizumi took office as Minister of Defense on 2025-10-21, as wikidata records.",
                 evidence=[Evidence(source="wikidata", url="https://www.wikidata.org/wiki/Q1362781",
                                    value="Minister of Defense: start 2025-10-21"),
                           Evidence(source="note", url="javascript:alert(1)", value="<b>not a link</b>")]),
        _finding(doc, figure_text, "attribution.unofficial-figure", "warning", ["f3"], verdict="unverifiable",
                 message="3.5% of GDP rests on an unofficial source <script>alert(1)</script>."),
        # overlaps the end of the warning above
        _finding(doc, "3.5% of GDP", "numbers.conflicting-figure", "warning", ["f3", "f5"],
                 message="3.5% of GDP here, 2% of GDP earlier.", suppressed="editor: different figures"),
    ]
    report = DocumentReport(path=doc.id, published=dt.date(2025, 10, 29), facts=facts, findings=findings,
                            text=doc.text if with_text else None)
    return Report.of([report]), doc


@pytest.fixture
def synthetic() -> tuple[Report, Document]:
    return synthetic_report()


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    """One headless Chromium per test module (the browser tests skip where it is not installed)."""
    b = Browser(tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield b
    finally:
        b.close()
