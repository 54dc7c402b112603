"""Timeline shifts: a target moved from one year (or month) to another, with the shift as stated.

Covers "moved up / brought forward / advanced / pushed back / delayed / postponed (by N years)",
"N years ahead of schedule / early / earlier than its original fiscal 2030 goal", "a year later than
first forecast", "by at least N years, to 2035", "instead of by 2030 as originally planned",
"from the 2028-29 fiscal year to the current fiscal year" and month deadlines ("by March 2029").
Years are classified as the old (from) or new (to) target by the last cue word before them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.context import TIMELINES, Context, context_for
from factcheck.extract.lexicon import (
    MONTH_RE,
    SMALL_NUMBER_RE,
    lower_twin,
    lowered,
    may_hold,
    month_number,
    number_value,
)
from factcheck.model.document import Document, Span
from factcheck.model.facts import TimelineShift
from factcheck.resolve.fiscal import fiscal_year_of, range_label_year

_EARLIER_VERBS = ("moved up", "move up", "moving up", "moves up", "brought forward", "bring forward",
                  "bringing forward", "brings forward", "advanced", "advance", "advancing", "accelerated",
                  "accelerate", "pulled forward", "moved forward", "pull forward", "moved", "move", "shifted")
VERB_RE = re.compile(
    r"\b(?P<verb>mov(?:ed|e|es|ing)\s(?:up|forward|back)|br(?:ought|ing|ings|inging)\sforward|advanc(?:ed|e|ing)|"
    r"accelerat(?:ed|e|ing)|pull(?:ed)?\sforward|push(?:ed|es|ing)?\s(?:back|out)|delay(?:ed|s|ing)?|"
    r"postpon(?:ed|e|es|ing)|put\sback|set\sback)\b"
)
_BARE_VERB = re.compile(r"\b(?P<verb>shift(?:ed|s)?|mov(?:ed|e|es|ing))\b")
_SPLIT_VERB = re.compile(r"\b(?P<verb>mov(?:ed|e|es|ing)|br(?:ought|ing|ings|inging)|push(?:ed|es|ing)?|"
                         r"pull(?:ed)?|put)\s(?:[\w'’%-]+\s){1,8}?(?P<particle>up|forward|back)\b")
BY_RE = re.compile(
    r"\bby\s(?P<bound>at\sleast\s|at\smost\s|about\s|around\s|some\s|nearly\s|almost\s|more\sthan\s|roughly\s"
    r"|up\sto\s|over\s)?(?P<n>" + SMALL_NUMBER_RE + r")\s(?:full\s)?(?P<unit>years?|months?)\b",
    re.IGNORECASE,
)
AHEAD_RE = re.compile(
    r"\b(?P<bound>at\sleast\s|at\smost\s|about\s|around\s|some\s|nearly\s|almost\s|more\sthan\s|roughly\s)?"
    r"(?P<n>" + SMALL_NUMBER_RE + r")\s(?:full\s)?(?P<unit>years?|months?)\s"
    r"(?P<dir>ahead\sof|ahead|early|earlier|sooner|before|later|late|behind|after)\b",
    re.IGNORECASE,
)
YEAR_RE = re.compile(
    r"(?P<current>\b(?:the\s)?(?:current|this|next|last)\s(?:fiscal|financial)\syear\b|\bthis\syear\b|\bnext\syear\b)"
    r"|(?:(?P<fy>\b(?:fiscal\s(?:year\s)?|financial\syear\s|FY\s?))|\b(?:(?P<month>" + MONTH_RE + r")\s)?)"
    r"(?P<y>(?:19|20)\d{2})(?:[-–/](?P<y2>\d{4}|\d{2})\b)?(?P<fy_after>\s(?:fiscal|financial)\syear)?\b"
    r"|\bFY\s?(?P<short>\d{2})\b"
)
_FROM_CUES = re.compile(
    r"\b(?:from|instead\sof|rather\sthan|than|originally|original|initial|initially|previous|previously|earlier|old|prior|"
    r"former|first)\b", re.IGNORECASE)
_TO_CUES = re.compile(r"\b(?:to|until|by|in|for|into|now|new)\b", re.IGNORECASE)
_TARGET_RE = re.compile(
    r"\b(?:timeline|deadline|target\sdate|timetable|schedule|goal|target|plans?|date)\s(?:for|of|to)\s"
    r"(?P<t>[^,;()]{3,150}?)(?=\s(?:would|will|was|is|has|had|be|been|by|from|to\s(?:fiscal|FY|\d{4}\b)|"
    r"in\s\d{4})\b|,|;|\(|$)"
)
_SUBJECT_RE = re.compile(
    r"(?:^|\bthat\s|,\s)(?P<t>[^,;]{3,120}?)\s(?:(?:was|were|is|are|has\sbeen|have\sbeen|will\sbe|would\sbe|had\sbeen|"
    r"will|would|has|have|had)\s)?(?:been\s)?$"
)
_DEADLINE_NOUN = re.compile(
    r"\b(?:target|targets|deadline|timeline|timetable|schedule|scheduled|goal|date|plan|plans|planned|"
    r"completion|launch|rollout|introduction|phase-out|ban|pledge|forecast|objective|milestone|opening|"
    r"elimination|exit|retirement|start|delivery|deliveries|handover|commissioning|construction|project|"
    r"opening|debut|release|rollout)\b", re.IGNORECASE)
_INSTEAD = re.compile(r"\binstead\sof\s(?:by\s|in\s)?(?:the\s)?$")
_AS_PLANNED = re.compile(r",?\s(?:as|than)\s(?:originally|initially|previously|first)\s(?:planned|scheduled|envisaged|"
                         r"expected|forecast|announced|promised|pledged|intended|targeted|set)")
_NOUN_PHRASE = re.compile(
    r"\b(?:its|the|their|a|an)\s(?:[\w'’-]+\s){0,3}?(?:target|deadline|goal|ban|plan|pledge|timeline)"
    r"(?:\s(?:of|for|on|to)\s[^,;()]{1,60}?(?=\s(?:by|in|from|to|was|will|is|would)\b|,|$))?")
_ORIGINAL_FORECAST = re.compile(r"\b(?:than|from)\s(?:first|initially|originally|previously)\s"
                                r"(?:forecast|planned|scheduled|expected|projected|announced)\b")


@dataclass
class _Year:
    start: int
    end: int
    year: int
    month: int | None
    fiscal: bool
    label: str
    role: str | None


def extract(doc: Document) -> list[TimelineShift]:
    ctx = context_for(doc)
    out: list[TimelineShift] = []
    for idx in ctx.for_family(TIMELINES):
        fact = _sentence(ctx, idx)
        if fact is not None:
            out.append(fact)
    return out


def _sentence(ctx: Context, idx: int) -> TimelineShift | None:
    sent = ctx.sentences[idx]
    text = ctx.doc.text[sent.start : sent.end]
    verb = _verb(text)
    ahead = _ahead(text)
    if verb is None and ahead is None and not re.search(r"\binstead\sof\b", text):
        return None
    if not _DEADLINE_NOUN.search(text):
        return None
    country = _country(ctx, idx)
    years = _years(ctx, text, country)
    if not years:
        return None
    _assign_roles(text, years)
    olds = [y for y in years if y.role == "from"]
    news = [y for y in years if y.role == "to"]
    stated, bound, direction = _stated(text, verb, ahead)
    if not olds and news and stated is not None and direction and _ORIGINAL_FORECAST.search(text):
        new = news[0]
        sign = 1 if direction == "earlier" else -1
        old = _Year(new.start, new.end, new.year + sign * stated, new.month, new.fiscal,
                    f"the original forecast ({new.year + sign * stated}, implied)", "from")
        olds = [old]
    if not olds or not news:
        return None
    old, new = olds[0], news[-1] if news[-1].start > olds[0].start else news[0]
    fiscal = old.fiscal or new.fiscal
    start = min(old.start, new.start, verb[0] if verb else sent.end, ahead.start() if ahead else sent.end)
    end = max(old.end, new.end)
    return TimelineShift(
        span=Span(start=sent.start + start, end=sent.start + end),
        text=text[start:end],
        sentence=idx,
        target=_target(text, verb[0] if verb else (ahead.start() if ahead else 0)),
        from_year=old.year,
        to_year=new.year,
        from_month=old.month,
        to_month=new.month,
        from_label=old.label,
        to_label=new.label,
        year_type="fiscal" if fiscal else "calendar",
        country=country if fiscal else None,
        stated_years=stated,
        stated_bound=bound,  # type: ignore[arg-type]
        stated_direction=direction,  # type: ignore[arg-type]
    )


_AHEAD_LOW = lower_twin(AHEAD_RE)


def _ahead(text: str) -> re.Match[str] | None:
    """``AHEAD_RE.search(text)``: needs "year" or "month"; found on the lowered text by the twin, then
    matched again as written."""
    low = lowered(text)
    if not may_hold(low, ("year", "month")):
        return None
    if low is None:
        return AHEAD_RE.search(text)
    m = _AHEAD_LOW.search(low)
    return AHEAD_RE.match(text, m.start()) if m is not None else None


def _verb(text: str) -> tuple[int, str] | None:
    m = VERB_RE.search(text)
    if m:
        return m.start(), re.sub(r"\s+", " ", m.group("verb").lower())
    m = _SPLIT_VERB.search(text)
    if m:
        return m.start(), f"{m.group('verb').lower()} {m.group('particle').lower()}"
    m = _BARE_VERB.search(text)
    if m:
        return m.start(), m.group("verb").lower()
    return None


def _direction_of(verb: str) -> str | None:
    if re.match(r"(?:mov\w*|pull\w*)\s(?:up|forward)|br\w+\sforward|advanc|accelerat", verb):
        return "earlier"
    if re.match(r"(?:mov\w*|push\w*|put|set)\s(?:back|out)|push|delay|postpon", verb):
        return "later"
    return None


def _stated(text: str, verb: tuple[int, str] | None, ahead: re.Match[str] | None) -> tuple[int | None, str, str | None]:
    direction = _direction_of(verb[1]) if verb else None
    stated: int | None = None
    bound = "exact"
    m = BY_RE.search(text, verb[0]) if verb else None
    if m is None and verb is None:
        m = None
    src = m or ahead
    if src is not None:
        n = number_value(src.group("n"))
        unit = src.group("unit").lower()
        if n is not None and unit.startswith("year") and n == int(n):
            stated = int(n)
        b = (src.group("bound") or "").strip().lower()
        bound = {"at least": "at_least", "more than": "at_least", "over": "at_least", "at most": "at_most",
                 "up to": "at_most", "about": "about", "around": "about", "some": "about", "nearly": "about",
                 "almost": "about", "roughly": "about"}.get(b, "exact")
    if ahead is not None and direction is None:
        d = ahead.group("dir").lower()
        direction = "earlier" if d in ("ahead of", "ahead", "early", "earlier", "sooner", "before") else "later"
    return stated, bound, direction


def _years(ctx: Context, text: str, country: str | None) -> list[_Year]:
    out: list[_Year] = []
    depth_spans = _paren_spans(text)
    for m in YEAR_RE.finditer(text):
        if any(a <= m.start() < b for a, b in depth_spans):
            continue
        if m.group("current"):
            y = _current(ctx, m.group("current").lower(), country)
            if y is None:
                continue
            out.append(_Year(m.start(), m.end(), y, None, "fiscal" in m.group("current").lower() or
                             "financial" in m.group("current").lower(), m.group("current"), None))
            continue
        if m.group("short"):
            out.append(_Year(m.start(), m.end(), 2000 + int(m.group("short")), None, True, m.group(0), None))
            continue
        after = text[m.end() : m.end() + 12]
        if re.match(r"\s?(?:%|percent|per\scent|billion|million|trillion)", after):
            continue
        year = int(m.group("y"))
        fiscal = bool(m.group("fy") or m.group("fy_after"))
        if m.group("y2"):
            y2s = m.group("y2")
            y2 = int(y2s) if len(y2s) == 4 else (year // 100) * 100 + int(y2s)
            if y2 != year + 1:
                continue
            year = range_label_year(year, y2, country) if fiscal else year
            fiscal = fiscal or bool(re.search(r"\bfiscal|financial", text[m.end() : m.end() + 20]))
        month = month_number(m.group("month")) if m.group("month") else None
        out.append(_Year(m.start(), m.end(), year, month, fiscal, m.group(0).strip(), None))
    return out


def _paren_spans(text: str) -> list[tuple[int, int]]:
    """Each "(" (not inside an open one) to the next ")"."""
    spans: list[tuple[int, int]] = []
    i = text.find("(")
    while i >= 0:
        j = text.find(")", i + 1)
        if j < 0:
            break
        spans.append((i, j + 1))
        i = text.find("(", j + 1)
    return spans


def _current(ctx: Context, phrase: str, country: str | None) -> int | None:
    pub = ctx.doc.published
    if pub is None:
        return None
    shift = 1 if "next" in phrase else -1 if "last" in phrase else 0
    if "fiscal" in phrase or "financial" in phrase:
        fy = fiscal_year_of(pub, country)
        return fy + shift if fy is not None else None
    return pub.year + shift


def _assign_roles(text: str, years: list[_Year]) -> None:
    prev_end = 0
    for y in years:
        gap = text[max(prev_end, y.start - 80) : y.start]
        last_from = max((m.end() for m in _FROM_CUES.finditer(gap)), default=-1)
        last_to = max((m.end() for m in _TO_CUES.finditer(gap)), default=-1)
        after = text[y.end : y.end + 30]
        if _INSTEAD.search(gap) or _AS_PLANNED.match(after) or last_from > last_to:
            y.role = "from"
        elif last_to >= 0:
            y.role = "to"
        prev_end = y.end
    if any(y.role == "from" for y in years):
        for y in years:
            if y.role is None:
                y.role = "to"
    elif any(y.role == "to" for y in years):
        for y in years:
            if y.role is None:
                y.role = "from"
    tos = [y for y in years if y.role == "to"]
    if len(tos) >= 2 and not any(y.role == "from" for y in years):
        # "moved from 2027 ... to 2025" without a from-cue: the first is the old target
        tos[0].role = "from"


def _country(ctx: Context, idx: int) -> str | None:
    cues = ctx.holder_cues(idx)
    if cues:
        return cues[0][1]
    return ctx.dominant_country()


def _target(text: str, verb_at: int) -> str:
    m = _TARGET_RE.search(text)
    if m:
        return m.group("t").strip()
    split = _SPLIT_VERB.search(text)
    if split:
        obj = text[split.start() : split.start("particle")].split(None, 1)
        if len(obj) == 2:
            return obj[1].strip()
    noun = _NOUN_PHRASE.search(text)
    if noun:
        return noun.group(0).strip()
    before = text[max(0, verb_at - 120) : verb_at]
    s = _SUBJECT_RE.search(before)
    if s:
        return re.sub(r"^(?:the|its|their|his|her)\s", "", s.group("t").strip())
    return before.strip()[-80:]
