"""What a document says: code and comments are not prose, HTML metadata is read, quotations are named."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner

import factcheck
from factcheck.cli.main import cli
from factcheck.load import load_text

SHIFT = "the 2% target would be moved up by three years, from fiscal 2027 to fiscal 2025"
PROSE = f"The government said {SHIFT}.\n"


def shift_findings(text: str, fmt: str = "markdown", published: str | None = "2025-10-29") -> list[factcheck.Finding]:
    with factcheck.Checker(references=False) as checker:
        report = checker.check(text, published=published, fmt=fmt)
    return [f for f in report.findings if f.rule == "timeline.shift-mismatch"]


def test_markdown_code_and_comments_are_not_prose() -> None:
    planted = (
        "# Draft\n\n"
        f"```text\nThe government said {SHIFT}.\n```\n\n"
        f"    The government said {SHIFT}.\n\n"
        f"An editor wrote `The government said {SHIFT}` in the notes.\n\n"
        f"<!-- editor note: The government said {SHIFT}. -->\n\n"
    )
    assert shift_findings(planted) == []
    (finding,) = shift_findings(planted + PROSE)
    source = planted + PROSE
    line = source[: source.rindex("The government said")].count("\n") + 1
    assert finding.span.line == line
    assert source.splitlines()[line - 1][finding.span.column - 1:].startswith(finding.quote)


def test_markdown_blanking_keeps_offsets_of_the_file() -> None:
    text = "---\npublished: 2025-10-29\n---\nSee `code` and <!-- a\nnote --> then " + PROSE
    doc = load_text(text, doc_id="d.md")
    assert len(doc.text) == len(doc.raw_text or "") == len(text) - text.index("See")
    assert "code" not in doc.text and "note" not in doc.text and doc.raw_text and "code" in doc.raw_text
    (finding,) = shift_findings(text, published=None)
    assert text.splitlines()[finding.span.line - 1][finding.span.column - 1:].startswith(finding.quote)


def test_html_code_comments_and_scripts_are_not_prose() -> None:
    page = (f"<html><body><pre>The government said {SHIFT}.</pre><p><code>The government said {SHIFT}</code></p>"
            f"<!-- The government said {SHIFT}. --><script>var s = 'The government said {SHIFT}.';</script>"
            f"<template><p>The government said {SHIFT}.</p></template><style>p::after {{content: '{SHIFT}'}}</style>"
            "</body></html>")
    assert shift_findings(page, fmt="html") == []
    assert len(shift_findings(page.replace("</body>", f"<p>{PROSE}</p></body>"), fmt="html")) == 1


def test_html_publication_date_title_and_language_from_the_page(tmp_path: Path) -> None:
    page = ('<html lang="en"><head><title>Budget | News</title>'
            '<meta property="article:published_time" content="2025-10-29T09:00:00+09:00"></head>'
            "<body><p>The two ministers met in Tokyo on the 29th. The meeting followed the summit between the two "
            "leaders in Tokyo the following day.</p></body></html>")
    doc = load_text(page, doc_id="p.html", fmt="html")
    assert (doc.published, doc.title, doc.language) == (dt.date(2025, 10, 29), "Budget | News", "en")
    path = tmp_path / "page.html"
    path.write_text(page)
    r = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "0", "--format", "json", str(path)])
    doc_json = json.loads(r.stdout)["documents"][0]
    assert doc_json["published"] == "2025-10-29" and doc_json["title"] == "Budget | News"
    assert [f["rule"] for f in doc_json["findings"]] == ["dates.sequence"]  # the relative dates were resolved
    assert doc_json["notes"] == []
    over = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "0", "--format", "json",
                                    "--published", "2025-11-02", str(path)])
    assert json.loads(over.stdout)["documents"][0]["published"] == "2025-11-02"


def test_html_date_from_json_ld_and_time_and_og_title() -> None:
    ld = ('<html><head><meta property="og:title" content="The budget">'
          '<script type="application/ld+json">{"@context": "https://schema.org", "@graph": '
          '[{"@type": "NewsArticle", "datePublished": "2025-10-28T10:00:00Z"}]}</script></head><body>x</body></html>')
    doc = load_text(ld, doc_id="p.html", fmt="html")
    assert (doc.published, doc.title) == (dt.date(2025, 10, 28), "The budget")
    timed = '<article><time datetime="2025-10-27">Oct 27</time><p>Text.</p></article>'
    assert load_text(timed, doc_id="t.html", fmt="html").published == dt.date(2025, 10, 27)


def test_findings_in_a_quotation_say_whose_words_they_are() -> None:
    quoted = (f"“We said {SHIFT},” Defense Minister Shinjiro Koizumi said.\n\n"
              f"Koizumi told reporters: “Now {SHIFT}.”\n\n"
              f"“The plan is that {SHIFT},” a source said.\n\n")
    findings = shift_findings(quoted + PROSE)
    assert [f.message.split("earlier", 2)[-1] for f in findings] == [
        " (in a quotation attributed to Defense Minister Shinjiro Koizumi).",
        " (in a quotation attributed to Koizumi).",
        " (in a quotation).",
        ".",
    ]
    assert findings[0].quotation is not None and findings[0].quotation.speaker == "Defense Minister Shinjiro Koizumi"
    assert findings[-1].quotation is None
