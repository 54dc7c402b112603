"""``--format claimreview``: schema.org ClaimReview JSON-LD, one object per confirmed finding.

Output is a JSON array of ClaimReview objects (each with its own ``@context``, so each can be
embedded in its own ``<script type="application/ld+json">``: :func:`~.htmljson.json_ld_script`) with ``claimReviewed``,
``reviewRating``, ``itemReviewed``, ``url``, ``datePublished`` and ``author``.

Which findings: those an editor confirms. From the command line that is every finding not
suppressed (an editor dismisses a finding with an inline suppression); from the library pass
``confirmed=`` finding fingerprints (:mod:`.fingerprint`, the same as SARIF/GitLab) or rule ids.
``*.unverified`` findings are never exported: nothing was reviewed.

Ratings (1 worst, 5 best): error -> 1 "False", warning -> 2 "Needs context", info (e.g.
``tenure.confirmed``) -> 5 "True". Options: ``article_url`` (the reviewed article; default the
document's file URI or ``urn:factcheck:document:<path>``), ``review_url`` (where the review is
published; default ``<article_url>#factcheck-<fingerprint>``), ``author`` and ``publisher``
(organisation names; from the command line, the config's ``claimreview:`` section), ``date_published``
(review date, default today). The article URL is the document's own (front matter or record ``url``,
the page's canonical link) whenever it has one: ``file://``/``urn:`` only stand in when it has none.

The JSON escapes ``<``, ``>`` and ``&`` (``\\u003c`` ...), so a claim quoting ``</script>`` cannot end
the element it is embedded in (:mod:`.htmljson`); every JSON parser reads the same values.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from factcheck.model.findings import DocumentReport, Finding, Report
from factcheck.report.formats.fingerprint import fingerprints
from factcheck.report.formats.htmljson import dumps_for_html

RATINGS: dict[str, tuple[int, str]] = {"error": (1, "False"), "warning": (2, "Needs context"), "info": (5, "True")}


def article_url_for(doc: DocumentReport) -> str:
    """The article's own URL (front matter ``url``, the record's ``url``, the page's canonical link);
    only without one, the file's URI or ``urn:factcheck:document:<id>``."""
    if doc.url and doc.url.startswith(("https://", "http://")):
        return doc.url
    path = Path(doc.path)
    if doc.path and not doc.path.startswith("<") and path.exists():
        return path.resolve().as_uri()
    return f"urn:factcheck:document:{doc.path}"


def _claim_text(f: Finding) -> str:
    """The sentence the claim is in (a quote alone is often a fragment), else the quote, else the message."""
    sentence = f.context.sentence.strip() if f.context else ""
    return sentence or f.quote or f.message


def claim_review(
    doc: DocumentReport,
    finding: Finding,
    fingerprint: str,
    *,
    article_url: str,
    review_url: str | None,
    author: str,
    date_published: dt.date,
    publisher: str | None = None,
) -> dict[str, Any]:
    value, name = RATINGS[finding.severity]
    appearance: dict[str, Any] = {"@type": "CreativeWork", "url": article_url}
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if doc.published:
        appearance["datePublished"] = doc.published.isoformat()
        item["datePublished"] = doc.published.isoformat()
    if doc.title:
        appearance["headline"] = doc.title
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": review_url or f"{article_url}#factcheck-{fingerprint[:16]}",
        "datePublished": date_published.isoformat(),
        "author": {"@type": "Organization", "name": author},
        "claimReviewed": _claim_text(finding),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": name,
            "ratingExplanation": finding.message,
        },
        "itemReviewed": item,
        "identifier": f"{finding.rule}/{fingerprint}",
        "citation": [ev.url for ev in finding.evidence if ev.url and ev.url.startswith(("https://", "http://"))],
    }
    if publisher:
        review["publisher"] = {"@type": "Organization", "name": publisher}
    return review


def claim_reviews(
    report: Report,
    *,
    confirmed: Iterable[str] | None = None,
    article_url: str | None = None,
    review_url: str | None = None,
    author: str = "factcheck",
    date_published: dt.date | None = None,
    publisher: str | None = None,
) -> list[dict[str, Any]]:
    """ClaimReview objects for the confirmed findings of every document, in document order."""
    wanted = None if confirmed is None else set(confirmed)
    day = date_published or dt.date.today()
    out = []
    for doc in report.documents:
        url = article_url or article_url_for(doc)
        for finding, fp in zip(doc.findings, fingerprints(doc), strict=True):
            if finding.rule.endswith(".unverified"):
                continue
            if wanted is None and finding.suppressed is not None:
                continue
            if wanted is not None and fp not in wanted and finding.rule not in wanted:
                continue
            out.append(
                claim_review(
                    doc, finding, fp, article_url=url, review_url=review_url, author=author, date_published=day,
                    publisher=publisher,
                )
            )
    return out


def render(
    report: Report,
    *,
    confirmed: Iterable[str] | None = None,
    article_url: str | None = None,
    review_url: str | None = None,
    author: str = "factcheck",
    date_published: dt.date | None = None,
    publisher: str | None = None,
    indent: int | None = 2,
    **_: object,
) -> str:
    reviews = claim_reviews(
        report,
        confirmed=confirmed,
        article_url=article_url,
        review_url=review_url,
        author=author,
        date_published=date_published,
        publisher=publisher,
    )
    return dumps_for_html(reviews, indent=indent) + "\n"
