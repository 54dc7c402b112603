"""Fiscal-year glosses: a fiscal year with its months spelled out, "fiscal year 2027 (April 2027-March
2028)", "FY2027 (April 2026 to March 2027)", "the 2027 fiscal year (which runs from April 2027 to March
2028)". The expected months come from the country's calendar in resolve (:mod:`factcheck.resolve.fiscal`).
"""

from __future__ import annotations

import re

from factcheck.extract.context import FISCAL, Context, context_for
from factcheck.extract.lexicon import MONTH_RE, month_number
from factcheck.model.document import Document, Span
from factcheck.model.facts import FiscalYearGloss

GLOSS_RE = re.compile(
    r"(?:\b(?:fiscal\s(?:year\s)?|financial\syear\s|FY\s?)(?P<fy1>(?:19|20)\d{2})"
    r"|\b(?P<fy2>(?:19|20)\d{2})\s(?:fiscal|financial)\syear)"
    r",?\s\((?:[a-z]+\s){0,4}?(?:from\s)?(?P<m1>" + MONTH_RE + r")\s(?P<y1>\d{4})\s?(?:[-–—]|to|through|until)\s?"
    r"(?P<m2>" + MONTH_RE + r")\s(?P<y2>\d{4})\)"
)


def extract(doc: Document) -> list[FiscalYearGloss]:
    ctx = context_for(doc)
    out: list[FiscalYearGloss] = []
    for idx in ctx.for_family(FISCAL):
        sent = ctx.sentences[idx]
        text = doc.text[sent.start : sent.end]
        country: str | bool | None = False
        for m in GLOSS_RE.finditer(text):
            if country is False:
                country = _country(ctx, idx)
            m1, m2 = month_number(m.group("m1")), month_number(m.group("m2"))
            if m1 is None or m2 is None:
                continue
            out.append(FiscalYearGloss(
                span=Span(start=sent.start + m.start(), end=sent.start + m.end()),
                text=m.group(0),
                sentence=idx,
                fiscal_year=int(m.group("fy1") or m.group("fy2")),
                country=country or None,
                stated_start=f"{int(m.group('y1')):04d}-{m1:02d}",
                stated_end=f"{int(m.group('y2')):04d}-{m2:02d}",
            ))
    return out


def _country(ctx: Context, idx: int) -> str | None:
    cues = ctx.holder_cues(idx)
    if cues:
        return cues[0][1]
    return ctx.dominant_country()
