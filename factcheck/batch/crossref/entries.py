"""A document's entries for the cross-article checks, made in the worker (where the text is).

Figures: a :class:`~factcheck.model.facts.Quantity` with a join key (subject, holder, claim type), an
exact value (no hedge), a known holder and a period that resolves to a year ("in 2024", "fiscal 2025",
"last year" against the publication date). A figure without a period is left out: two articles
published a year apart may both be right about "defence spending" now. Months and quarters without
a year are left out too (which year they mean depends on the day of writing).

Dates: an :class:`~factcheck.model.facts.Event` with two or more participants, dated to the day in
its own clause (not inherited from an earlier mention), read with certainty.
"""

from __future__ import annotations

import datetime as dt
import re

from factcheck.batch.crossref.rules import BATCH_RULE_IDS
from factcheck.model.crossref import MAX_SENTENCE_CHARS, CrossFact
from factcheck.model.document import Document, Span
from factcheck.model.facts import Event, Quantity
from factcheck.model.findings import DocumentReport
from factcheck.suppress.directives import parse_directives

MAX_ENTRIES = 64  # per document: a long wire digest must not make the index grow with its facts
LEVEL_CLAIMS = frozenset({"target", "request", "actual", "forecast"})
_YEAR = re.compile(r"(fiscal\s(?:year\s)?|fy\s?)?((?:19|20)\d\d)([-/–]\d\d)?")
_RELATIVE = {"last year": -1, "the previous year": -1, "a year earlier": -1, "a year ago": -1, "a year before": -1,
             "this year": 0, "the current year": 0, "the year": 0, "next year": 1, "the coming year": 1}


def resolve_period(text: str, published: dt.date | None) -> str | None:
    """The year a period names ('2024', 'fiscal 2025', '2024-25'), or None when it names none."""
    t = " ".join(text.lower().split())
    if m := _YEAR.fullmatch(t):
        return ("fiscal " if m.group(1) else "") + m.group(2) + (m.group(3) or "").replace("/", "-").replace("–", "-")
    if t in _RELATIVE and published is not None:
        return str(published.year + _RELATIVE[t])
    return None


def _sentence(doc: Document, span: Span) -> tuple[str, int]:
    sent = doc.sentence_at(span.start)
    start, end = sent.start, sent.end
    if end - start > MAX_SENTENCE_CHARS:  # keep the claim in view
        start = max(start, span.start - MAX_SENTENCE_CHARS // 2)
        end = min(end, start + MAX_SENTENCE_CHARS)
    return doc.text[start:end].replace("\n", " "), max(span.start - start, 0)


def _figure(q: Quantity, published: dt.date | None) -> tuple[str, str, str] | None:
    if not q.subject_key or q.hedge != "exact" or not q.holder or q.claim_type not in LEVEL_CLAIMS:
        return None
    parts = q.subject_key.split("|")
    if len(parts) != 4:
        return None
    subject, holder, claim, period_text = parts
    period = resolve_period(period_text, published)
    if period is None:
        return None
    key = "|".join([subject, holder, claim, period, q.unit, *([q.currency] if q.currency else [])])
    return key, f"{q.value * q.scale:.10g}", f"{q.subject} ({q.holder}, {period})"


def _date(e: Event) -> tuple[str, str, str] | None:
    if (not e.event_key or "+" not in e.event_key or not e.date or e.precision != "day" or not e.date_text
            or e.certainty != "certain"):
        return None
    return e.event_key, e.date, e.label


def cross_facts(doc: Document, report: DocumentReport) -> list[CrossFact]:
    """The document's entries, one per distinct (kind, key, value), in text order, at most MAX_ENTRIES."""
    published = doc.published or report.published
    out: list[CrossFact] = []
    seen: set[tuple[str, str, str]] = set()
    for fact in report.facts:
        if isinstance(fact, Quantity):
            kind, found = "figure", _figure(fact, published)
            text = fact.text
        elif isinstance(fact, Event):
            kind, found = "date", _date(fact)
            text = fact.date_text or ""
        else:
            continue
        if found is None or (kind, found[0], found[1]) in seen:
            continue
        seen.add((kind, found[0], found[1]))
        sentence, at = _sentence(doc, fact.span)
        out.append(CrossFact(kind=kind, key=found[0], value=found[1], text=text, quote=fact.text, label=found[2], fact=fact.id,  # type: ignore[arg-type]
                             span=doc.locate(fact.span), sentence=sentence, sentence_start=at))
        if len(out) >= MAX_ENTRIES:
            break
    return _suppressions(doc, out) if out else out


def _suppressions(doc: Document, entries: list[CrossFact]) -> list[CrossFact]:
    """Each entry with the inline suppressions of the ``batch.*`` rules that cover its line."""
    suppressions, _ = parse_directives(doc.source_text if doc.source_text is not None else doc.text)
    if not suppressions:
        return entries
    out = []
    for e in entries:
        line = e.span.line - doc.line_offset
        hits = {rule: s.reason for rule in sorted(BATCH_RULE_IDS) for s in suppressions if s.covers(rule, line)}
        out.append(e.model_copy(update={"suppressed": hits}) if hits else e)
    return out
