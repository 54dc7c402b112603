"""The HTML report without a browser: self-contained, escaped, verdicts, text fallback, batch index, CLI."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli.main import cli
from factcheck.model.facts import ReferenceStatus, TenureStart
from factcheck.model.findings import DocumentReport, Finding, Report
from factcheck.report.formats import FORMATS, render
from factcheck.report.formats.html import body_text, claim_verdicts, segments, write_html_reports
from tests.conftest import SEED
from tests.html.conftest import synthetic_report


class Marks(HTMLParser):
    """Text per finding id inside ``.fc-text``, and the whole text."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[list[str]] = []
        self.in_text = 0
        self.text = ""
        self.by_finding: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if self.in_text:
            self.in_text += 1
            self.stack.append((a.get("data-findings") or "").split())
        elif "fc-text" in (a.get("class") or "").split():
            self.in_text = 1

    def handle_endtag(self, tag: str) -> None:
        if self.in_text:
            self.in_text -= 1
            if self.stack:
                self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not self.in_text:
            return
        self.text += data
        for ids in self.stack:
            for i in ids:
                self.by_finding[i] = self.by_finding.get(i, "") + data


def parse(html: str) -> Marks:
    m = Marks()
    m.feed(html)
    return m


def test_registered() -> None:
    assert "html" in FORMATS and "claimreview" in FORMATS


def test_self_contained_and_no_fetches() -> None:
    report, _ = synthetic_report()
    html = render(report, "html")
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert not re.search(r"<(link|img|iframe|object|embed)\b", html)
    assert not re.search(r"<script[^>]+src=", html)
    assert "url(" not in html and "@import" not in html


def test_every_finding_marked_at_its_text() -> None:
    report, doc = synthetic_report()
    m = parse(render(report, "html"))
    assert m.text == doc.text
    for i, f in enumerate(report.documents[0].findings):
        assert m.by_finding[str(i)] == doc.text[f.span.start : f.span.end] == f.quote


def test_hostile_text_is_escaped_and_only_http_links() -> None:
    report, _ = synthetic_report()
    html = render(report, "html")
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="javascript:' not in html and "&lt;b&gt;not a link&lt;/b&gt;" in html
    assert 'href="https://www.wikidata.org/wiki/Q1362781"' in html


def test_segments_split_overlaps() -> None:
    assert segments(10, [(2, 6), (4, 8)]) == [(0, 2, []), (2, 4, [0]), (4, 6, [0, 1]), (6, 8, [1]), (8, 10, [])]
    assert segments(5, [(-1, -1)]) == [(0, 5, [])]


def test_claim_verdicts() -> None:
    report, _ = synthetic_report()
    v = claim_verdicts(report.documents[0])
    # f1 error, f2 info (tenure.confirmed), f3 only weakly attributed (a warning whose rule says
    # unverifiable); f5 only by a suppressed finding; f4 is a reference
    assert v == {"f1": "contradicted", "f2": "supported", "f3": "unverifiable"}


def test_unverified_reaches_the_claim_through_its_reference_status() -> None:
    claim = TenureStart(id="f1", span={"start": 10, "end": 30}, text="took office on the 21st", person="A",
                        person_key="a", date_text="on the 21st")
    status = ReferenceStatus(id="f2", span={"start": 10, "end": 30}, text="took office on the 21st", person="A",
                             person_key="a", status="offline")
    finding = Finding(rule="tenure.unverified", severity="info", message="could not verify",
                      span={"start": 10, "end": 30, "line": 1, "column": 11}, facts=["f2"])
    doc = DocumentReport(path="x", facts=[claim, status], findings=[finding])
    assert claim_verdicts(doc) == {"f1": "unverifiable"}


def test_body_text_is_reloaded_from_the_file_when_it_still_fits(tmp_path: Path) -> None:
    p = tmp_path / "draft.md"
    p.write_text(SEED.read_text(encoding="utf-8").replace("two years", "three years"), encoding="utf-8")
    report, doc = synthetic_report(p.read_text(encoding="utf-8"), with_text=False)
    d = report.documents[0].model_copy(update={"path": str(p)})
    assert body_text(d) == doc.text
    p.write_text("something else entirely", encoding="utf-8")
    assert body_text(d) is None
    html = render(Report.of([d]), "html")
    assert "not available" in html and html.count('class="fc-note ') == len(d.findings)


def test_text_is_not_serialised() -> None:
    report, _ = synthetic_report()
    assert report.documents[0].text
    assert '"text": null' not in report.model_dump_json() and "During his tour" not in report.model_dump_json()


def test_batch_index_and_pages(tmp_path: Path) -> None:
    report, _ = synthetic_report()
    other = report.documents[0].model_copy(update={"path": "../weird name?.md"})
    both = Report.of([report.documents[0], other])
    index = write_html_reports(both, tmp_path / "out")
    html = index.read_text(encoding="utf-8")
    hrefs = re.findall(r'class="fc-doc-link" href="([^"]+)"', html)
    assert hrefs == ["0001-hegseth-koizumi-tokyo.md.html", "0002-weird-name-.md.html"]
    for h in hrefs:
        page = (index.parent / h).read_text(encoding="utf-8")
        assert page.count('class="fc-note ') == 4


def test_cli_format_html(tmp_path: Path) -> None:
    p = tmp_path / "draft.md"
    p.write_text(SEED.read_text(encoding="utf-8").replace("two years", "three years"), encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["check", "--no-references", "--format", "html", "-o", str(out), str(p)])
    assert result.exit_code == 1, result.output
    html = out.read_text(encoding="utf-8")
    m = parse(html)
    assert 'data-rule="timeline.shift-mismatch"' in html
    assert "moved up by three years" in "".join(m.by_finding.values())


def test_site_writer_streams_pages_and_counts_in_the_index(tmp_path: Path) -> None:
    from factcheck.report.formats.html import SiteWriter

    report, _ = synthetic_report()
    site = SiteWriter(tmp_path / "site", title="Nightly run")
    first = site.write(report.documents[0])
    assert first.exists() and first.name == "0001-hegseth-koizumi-tokyo.md.html"
    site.write(report.documents[0].model_copy(update={"findings": [], "errors": []}))
    index = site.close().read_text(encoding="utf-8")
    # suppressed findings are not counted: 1 error, 1 warning, 1 info in the first document only
    assert "2 document(s): 1 error(s), 1 warning(s), 1 info; 0 with problems." in index
    assert "<title>Nightly run</title>" in index and index.count('class="fc-doc-link"') == 2
