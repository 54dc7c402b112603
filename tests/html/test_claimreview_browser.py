"""ClaimReview JSON-LD embedded in a page, in headless Chromium: a ``</script>`` claim cannot run."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from factcheck.report.formats import render
from factcheck.report.formats.htmljson import json_ld_script
from tests.html.cdp import CHROMIUM, Browser
from tests.html.test_claimreview import INJECTION, _injected_report

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium (apt-get install -y chromium)"),
]


def test_embedded_claimreview_does_not_run_injected_script(browser: Browser, tmp_path: Path) -> None:
    output = render(_injected_report(), "claimreview", date_published=dt.date(2025, 11, 1))
    reviews = json.loads(output)
    # the format's output pasted as it is, and each object in its own element (the module's advice)
    scripts = f'<script type="application/ld+json">{output}</script>'
    scripts += "\n".join(json_ld_script(r, indent=2) for r in reviews)
    page = tmp_path / "article.html"
    page.write_text(
        "<!doctype html><html><head><meta charset='utf-8'><title>article</title>"
        f"{scripts}</head><body><p>Article.</p>"
        "<script>document.documentElement.dataset.ready = '1'</script></body></html>",
        encoding="utf-8",
    )
    browser.open(page.as_uri(), ready="true")
    assert browser.evaluate("window.__pwned === undefined")
    parsed = browser.evaluate(
        "[...document.querySelectorAll('script[type=\"application/ld+json\"]')].map(s => JSON.parse(s.textContent))"
    )
    assert parsed == [reviews, *reviews]
    assert parsed[0][0]["claimReviewed"] == INJECTION
    assert browser.evaluate("document.querySelectorAll('script').length") == len(reviews) + 2
