"""``--format claimreview``: schema.org ClaimReview JSON-LD for confirmed findings."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from factcheck.report.formats import render
from factcheck.report.formats.fingerprint import fingerprints
from tests.html.conftest import synthetic_report

DAY = dt.date(2025, 11, 1)


def test_fields_and_ratings() -> None:
    report, _ = synthetic_report()
    reviews = json.loads(render(report, "claimreview", date_published=DAY, article_url="https://news.example/a"))
    # the suppressed numbers.conflicting-figure finding is not confirmed
    assert [r["identifier"].split("/")[0] for r in reviews] == [
        "timeline.shift-mismatch", "tenure.confirmed", "attribution.unofficial-figure"]
    first = reviews[0]
    assert first["@context"] == "https://schema.org" and first["@type"] == "ClaimReview"
    assert first["datePublished"] == "2025-11-01"
    assert first["url"].startswith("https://news.example/a#factcheck-")
    assert "moved up by three years" in first["claimReviewed"]
    assert first["reviewRating"] | {"ratingExplanation": None} == {
        "@type": "Rating", "ratingValue": 1, "bestRating": 5, "worstRating": 1, "alternateName": "False",
        "ratingExplanation": None}
    assert first["itemReviewed"]["@type"] == "Claim"
    assert first["itemReviewed"]["appearance"] == {
        "@type": "CreativeWork", "url": "https://news.example/a", "datePublished": "2025-10-29"}
    assert reviews[1]["reviewRating"]["ratingValue"] == 5
    assert reviews[1]["citation"] == ["https://www.wikidata.org/wiki/Q1362781"]  # http(s) only
    assert reviews[2]["reviewRating"]["alternateName"] == "Needs context"
    assert len({r["url"] for r in reviews}) == 3


def test_confirmed_by_fingerprint_or_rule_id() -> None:
    report, _ = synthetic_report()
    fps = fingerprints(report.documents[0])
    from factcheck.report.formats.claimreview import claim_reviews

    picked = claim_reviews(report, confirmed=[fps[3]], date_published=DAY)
    assert [r["identifier"] for r in picked] == [f"numbers.conflicting-figure/{fps[3]}"]
    by_rule = claim_reviews(report, confirmed=["timeline.shift-mismatch"], date_published=DAY)
    assert len(by_rule) == 1 and by_rule[0]["reviewRating"]["alternateName"] == "False"


def test_cli_format_claimreview(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from factcheck.cli.main import cli
    from tests.html.conftest import perturbed_seed_text

    p = tmp_path / "draft.md"
    p.write_text(perturbed_seed_text(), encoding="utf-8")
    out = tmp_path / "reviews.json"
    result = CliRunner().invoke(cli, ["check", "--no-references", "--format", "claimreview", "-o", str(out), str(p)])
    assert result.exit_code == 1, result.output
    reviews = json.loads(out.read_text(encoding="utf-8"))
    shift = next(r for r in reviews if r["identifier"].startswith("timeline.shift-mismatch/"))
    assert shift["reviewRating"]["ratingValue"] == 1
    assert shift["itemReviewed"]["appearance"]["url"] == p.resolve().as_uri()
    assert shift["itemReviewed"]["appearance"]["datePublished"] == "2025-10-29"


INJECTION = 'The minister said </script><script>window.__pwned = 1</script><!-- & "quoted" > here.'


def _injected_report():
    report, _ = synthetic_report()
    finding = report.documents[0].findings[0]
    finding.context = finding.context.model_copy(update={"sentence": INJECTION})
    finding.message = "Rated </SCRIPT>&amp; <b>bold</b>"
    return report


def test_script_breakouts_are_escaped_for_html_embedding() -> None:
    text = render(_injected_report(), "claimreview", date_published=DAY)
    assert "<" not in text and ">" not in text and "&" not in text
    assert "\\u003c/script\\u003e" in text and "\\u0026" in text
    reviews = json.loads(text)  # the same values for every JSON parser
    assert reviews[0]["claimReviewed"] == INJECTION
    assert reviews[0]["reviewRating"]["ratingExplanation"] == "Rated </SCRIPT>&amp; <b>bold</b>"
