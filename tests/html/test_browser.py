"""The HTML report in headless Chromium: every finding highlighted at its text, evidence links, filter, no fetches.

Screenshots: ``artifacts/html/perturbed-seed.png`` (kept by CI) and ``artifacts/html/seed.png``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from factcheck import Checker
from factcheck.enrich.testing import FakeWikidata, fixtures_dir
from factcheck.model.findings import DocumentReport, Report
from factcheck.report.formats import render
from tests.conftest import ROOT, SEED
from tests.html.cdp import CHROMIUM, Browser
from tests.html.conftest import perturbed_seed_text, synthetic_report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"),
]
ARTIFACT = ROOT / "artifacts" / "html" / "perturbed-seed.png"

PROBE = """(() => {
  const out = [];
  document.querySelectorAll('section.fc-doc').forEach(sec => {
    const textEl = sec.querySelector('.fc-text');
    const doc = {path: sec.dataset.path, text: textEl ? textEl.textContent : null, findings: {}};
    sec.querySelectorAll('.fc-note').forEach(n => {
      const id = n.dataset.finding;
      const marks = textEl ? [...textEl.querySelectorAll('[data-findings~="' + id + '"]')] : [];
      let start = null;
      if (marks.length) {
        const r = document.createRange();
        r.setStart(textEl, 0);
        r.setEndBefore(marks[0]);
        start = r.toString().length;
      }
      doc.findings[id] = {
        rule: n.dataset.rule,
        start: start,
        text: marks.map(m => m.textContent).join(''),
        highlighted: marks.length > 0 && marks.every(m =>
          getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)' || m.classList.contains('suppressed')),
        visible: n.getClientRects().length > 0,
        message: n.querySelector('.fc-msg').textContent,
        ruleShown: n.querySelector('.fc-rule').textContent,
        links: [...n.querySelectorAll('a.fc-evidence-link')].map(a => a.getAttribute('href')),
      };
    });
    doc.claims = [...sec.querySelectorAll('tr.fc-claim')].map(tr =>
      [tr.dataset.fact, tr.querySelector('.fc-verdict').textContent]);
    out.push(doc);
  });
  return out;
})()"""


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Report]:
    """The seed and the perturbed seed through the real pipeline, references from the fake Wikidata."""
    cache = tmp_path_factory.mktemp("refcache")
    out = {}
    with FakeWikidata.from_dir(fixtures_dir()) as wikidata, Checker(
        sources={"wikidata": wikidata.url}, cache_dir=cache
    ) as checker:
        for name, text in (("seed", SEED.read_text(encoding="utf-8")), ("perturbed", perturbed_seed_text())):
            out[name] = checker.check(text, doc_id=f"seeds/{name}.md", include_text=True)
    return out


def open_report(browser: Browser, report: Report, path: Path) -> list[dict[str, Any]]:
    path.write_text(render(report, "html"), encoding="utf-8")
    browser.open(path.as_uri())
    assert browser.requests == [path.as_uri()], "the report fetched something besides itself"
    return browser.evaluate(PROBE)  # type: ignore[no-any-return]


def assert_every_finding_highlighted(doc: DocumentReport, seen: dict[str, Any]) -> None:
    assert doc.text is not None
    assert seen["text"] == doc.text
    assert len(seen["findings"]) == len(doc.findings)
    for i, f in enumerate(doc.findings):
        got = seen["findings"][str(i)]
        assert got["rule"] == f.rule and got["ruleShown"] == f.rule
        assert got["message"] == f.message
        assert got["visible"]
        if f.span.end > f.span.start:
            assert got["text"] == doc.text[f.span.start : f.span.end] == f.quote, f.rule
            assert got["start"] == f.span.start, f.rule
            assert got["highlighted"], f.rule
        assert got["links"] == [e.url for e in f.evidence if e.url and e.url.startswith(("http://", "https://"))]


@pytest.mark.parametrize("name", ["seed", "perturbed"])
def test_seed_reports_in_chromium(name: str, browser: Browser, seed_reports: dict[str, Report], tmp_path: Path) -> None:
    report = seed_reports[name]
    doc = report.documents[0]
    rules = {f.rule for f in doc.findings}
    assert "tenure.confirmed" in rules  # reference-backed, with evidence
    assert any(f.evidence for f in doc.findings)
    assert ("timeline.shift-mismatch" in rules) == (name == "perturbed")
    seen = open_report(browser, report, tmp_path / f"{name}.html")
    assert_every_finding_highlighted(doc, seen[0])
    assert any(seen[0]["findings"][str(i)]["links"] for i, f in enumerate(doc.findings) if f.evidence)
    verdicts = dict(seen[0]["claims"])
    shift = next((f for f in doc.findings if f.rule == "timeline.shift-mismatch"), None)
    if shift is not None:
        assert verdicts[shift.facts[0]] == "contradicted"
    confirmed = next(f for f in doc.findings if f.rule == "tenure.confirmed")
    assert verdicts[confirmed.facts[0]] == "supported"
    shot = ARTIFACT if name == "perturbed" else ARTIFACT.with_name("seed.png")
    browser.screenshot(shot)
    assert shot.stat().st_size > 10_000


def test_overlaps_suppressed_and_hostile_text_in_chromium(browser: Browser, tmp_path: Path) -> None:
    report, _ = synthetic_report()
    seen = open_report(browser, report, tmp_path / "synthetic.html")
    assert_every_finding_highlighted(report.documents[0], seen[0])
    assert browser.evaluate("document.querySelectorAll('script').length") == 1  # ours; the message's was escaped
    assert browser.evaluate("document.querySelectorAll('a[href^=\"javascript\"]').length") == 0


def test_severity_filter_hides_notes_and_highlights(browser: Browser, tmp_path: Path) -> None:
    report, _ = synthetic_report()
    open_report(browser, report, tmp_path / "filter.html")
    browser.evaluate("document.querySelector('input.fc-filter[value=\"info\"]').click()")
    state = browser.evaluate("""(() => {
      const note = document.querySelector('.fc-note[data-severity="info"]');
      const mark = document.querySelector('.fc-text [data-findings="' + note.dataset.finding + '"]');
      const err = document.querySelector('.fc-note[data-severity="error"]');
      return {noteShown: note.getClientRects().length > 0, markOff: mark.classList.contains('fc-off'),
              markBg: getComputedStyle(mark).backgroundColor, errShown: err.getClientRects().length > 0};
    })()""")
    assert state == {"noteShown": False, "markOff": True, "markBg": "rgba(0, 0, 0, 0)", "errShown": True}
    browser.evaluate("document.querySelector('input.fc-filter[value=\"info\"]').click()")
    assert browser.evaluate("document.querySelector('.fc-note[data-severity=\"info\"]').getClientRects().length") == 1


def test_clicking_a_highlight_activates_its_note(browser: Browser, tmp_path: Path) -> None:
    report, _ = synthetic_report()
    open_report(browser, report, tmp_path / "click.html")
    active = browser.evaluate("""(() => {
      const note = document.querySelector('.fc-note[data-severity="error"]');
      document.querySelector('.fc-text [data-findings~="' + note.dataset.finding + '"]').click();
      return note.classList.contains('active');
    })()""")
    assert active


def test_batch_index_links_every_page(browser: Browser, seed_reports: dict[str, Report], tmp_path: Path) -> None:
    from factcheck.report.formats.html import write_html_reports

    both = Report.of([d for r in seed_reports.values() for d in r.documents])
    index = write_html_reports(both, tmp_path / "site")
    browser.open(index.as_uri(), ready="true")
    hrefs = browser.evaluate("[...document.querySelectorAll('a.fc-doc-link')].map(a => a.href)")
    assert len(hrefs) == 2
    for href, doc in zip(hrefs, both.documents, strict=True):
        browser.open(href)
        assert browser.evaluate("document.querySelector('section.fc-doc').dataset.path") == doc.path
        assert browser.evaluate("document.querySelectorAll('.fc-note').length") == len(doc.findings)


def test_print_layout_shows_every_note_after_the_text(browser: Browser, tmp_path: Path) -> None:
    report, _ = synthetic_report()
    open_report(browser, report, tmp_path / "print.html")
    browser.evaluate("document.querySelector('input.fc-filter[value=\"warning\"]').click()")  # filters off on paper
    browser.call("Emulation.setEmulatedMedia", media="print")
    try:
        state = browser.evaluate("""(() => {
          const notes = [...document.querySelectorAll('.fc-note')];
          const text = document.querySelector('.fc-text').getBoundingClientRect();
          return {shown: notes.filter(n => n.getClientRects().length > 0).length, total: notes.length,
                  below: notes.every(n => n.getBoundingClientRect().top >= text.bottom),
                  positions: [...new Set(notes.map(n => getComputedStyle(n).position))],
                  filters: getComputedStyle(document.querySelector('.fc-filter-group')).display};
        })()""")
    finally:
        browser.call("Emulation.setEmulatedMedia", media="")
    assert state == {"shown": 4, "total": 4, "below": True, "positions": ["static"], "filters": "none"}
    pdf = browser.call("Page.printToPDF", printBackground=True)
    assert len(pdf["data"]) > 1000
