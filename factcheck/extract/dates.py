"""Date mentions: absolute dates, day-of-month only, weekdays, relative phrases, months and years.

Extraction records what is written (``form``, ``expression``, stated ``weekday``, ``tense``) and, for
fully stated dates, the ISO date; everything that needs the publication date or another event is
resolved later (:mod:`factcheck.resolve.dates`), from the parts :func:`parse_expression` recovers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.extract.context import DATES, Context, build_context
from factcheck.extract.lexicon import (
    MONTH_RE,
    NUMBER_WORD_RE,
    SMALL_NUMBER_RE,
    WEEKDAY_RE,
    WEEKDAYS,
    lower_twin,
    lowered,
    month_number,
    number_value,
)
from factcheck.model.document import Document, Span
from factcheck.model.facts import DateMention

_SUFFIX = r"(?:st|nd|rd|th)?"
_PART_OF_DAY = r"(?:\s(?:morning|afternoon|evening|night))?"  # "on Tuesday evening (Oct. 14)"
_REL_UNITS = r"(?:days?|weeks?|months?|years?)"
_RELATIVE = (
    r"the day after tomorrow|the day before yesterday"
    r"|the (?:previous|preceding|following|next) day|the day (?:before|after)|a day (?:earlier|later)"
    r"|yesterday|today|tomorrow|tonight"
    r"|(?:earlier |later )?(?:this|last|next) (?:week|month|year)"
    r"|" + SMALL_NUMBER_RE + r" " + _REL_UNITS + r" (?:earlier|later|ago)"
)
DATE_RE = re.compile(
    r"\b(?P<iso_y>\d{4})-(?P<iso_m>\d{2})-(?P<iso_d>\d{2})\b"
    r"|\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\s)?(?P<wd1>" + WEEKDAY_RE + r")" + _PART_OF_DAY + r",?\s\(?(?P<m1>" + MONTH_RE + r")\s(?P<d1>\d{1,2})" + _SUFFIX
    + r"\b(?![-–]\d)(?:,?\s(?P<y1>\d{4})\b)?\)?"
    r"|\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\s)?(?P<wd2>" + WEEKDAY_RE + r")" + _PART_OF_DAY + r",?\s\(?(?P<d2>\d{1,2})" + _SUFFIX + r"(?![-–]\d)\s(?P<m2>" + MONTH_RE
    + r")(?:,?\s(?P<y2>\d{4})\b)?\)?"
    r"|\b(?P<m3>" + MONTH_RE + r")\s(?P<d3>\d{1,2})" + _SUFFIX + r"\b(?:,?\s(?P<y3>\d{4})\b|\s(?P<yr3>last|this|next)\syear\b)?"
    r"(?:\s\((?P<wd3>" + WEEKDAY_RE + r")\)|,\s(?:which\s(?:is|was|will\sbe|falls\son|fell\son|falls|fell)\s)?an?\s(?P<wd5>"
    + WEEKDAY_RE + r")\b)?"
    r"|\b(?P<d4>\d{1,2})" + _SUFFIX + r"\s(?:of\s)?(?P<m4>" + MONTH_RE + r")(?:,?\s(?P<y4>\d{4})\b|\s(?P<yr4>last|this|next)\syear\b)?"
    # "on Tuesday the 14th" (British usage), "Tuesday the 14th of October"
    r"|\b(?:(?:[Ll]ast|[Nn]ext|[Tt]his)\s)?(?P<wd8>" + WEEKDAY_RE + r")" + _PART_OF_DAY + r",?\sthe\s(?P<d8>\d{1,2})(?:st|nd|rd|th)\b"
    r"(?![-–]\d)(?:\sof\s(?P<m8>" + MONTH_RE + r")(?:,?\s(?P<y8>\d{4})\b)?)?"
    # "TUESDAY, JUNE 18": a weekday and date in capitals (wire diaries, datelines); only with its day, so that a
    # capitalised headline's "MARCH" or "MAY" alone is no month
    r"|\b(?P<wdU>MONDAY|TUESDAY|WEDNESDAY|THURSDAY|FRIDAY|SATURDAY|SUNDAY),?\s(?P<mU>JANUARY|FEBRUARY|MARCH|APRIL|MAY"
    r"|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN\.?|FEB\.?|MAR\.?|APR\.?|JUN\.?|JUL\.?|AUG\.?|SEPT?\.?"
    r"|OCT\.?|NOV\.?|DEC\.?)\s(?P<dU>\d{1,2})\b(?:,?\s(?P<yU>\d{4})\b)?"
    # "on Tuesday (4)": the day of the month in brackets after the weekday (Sri Lankan and Indian usage)
    r"|\b(?P<wd9>" + WEEKDAY_RE + r")(?:['’]s)?\s\((?P<d9>\d{1,2})\)"
    r"|\bthe\s(?P<dom>\d{1,2})(?:st|nd|rd|th)\b(?:\sof\s(?P<m6>" + MONTH_RE + r")(?:,?\s(?P<y6>\d{4})\b)?)?"
    r"|\b(?P<mmod>(?:[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id)[\s-])?(?P<m5>" + MONTH_RE
    + r")(?:\s(?P<y5>\d{4})\b)?"
    r"|\b(?P<wmod>(?:[Ll]ast|[Nn]ext|[Tt]his)\s)?(?P<wd>" + WEEKDAY_RE + r")\b"
    # "said yesterday (Tuesday)", "delivered yesterday, Wednesday,": the day named twice; not before a date
    # ("yesterday, Wednesday, May 21" is the relative day, then the dated weekday) nor in a list of days
    r"|\b(?P<dei>(?i:yesterday|today|tomorrow|tonight))(?:\s\((?P<wd6>" + WEEKDAY_RE + r")\)|,\s(?P<wd7>" + WEEKDAY_RE
    + r")\b(?![-'’]|,?\s(?:and|or|to)\b|,?\s\(?(?:" + MONTH_RE + r"|\d)))"
    r"|\b(?P<rel>(?i:" + _RELATIVE + r"))\b"
    r"|\b(?P<year>(?:19|20)\d{2})\b"
)
_PREP_BEFORE_MONTH = re.compile(
    r"(?:\b(?:in|by|since|until|till|from|of|during|through|to|before|after|between|and|or|last|this|next|"
    r"early|late|mid|end|start|beginning)\s*|-)$",
    re.IGNORECASE,
)
_FISCAL_BEFORE = re.compile(r"(?:\bfiscal(?:\syear)?|\bFY|\bfinancial\syear)\s?$", re.IGNORECASE)
_NOT_DAY_AFTER = re.compile(r"\s(?:century|centuries|anniversary|amendment|birthday|floor|place|round|"
                            r"time|generation|congress|parliament|session|edition|minute)\b", re.IGNORECASE)
_FUTURE = re.compile(
    r"\b(?:will|shall|plans?\sto|planned\sto|is\sto|are\sto|due\sto|is\sdue|are\sdue|scheduled|slated|"
    r"expected\sto|set\sto|is\sset|going\sto|upcoming|intends?\sto|aims?\sto|hopes?\sto)\b",
    re.IGNORECASE,
)
_FUTURE_LOW = lower_twin(_FUTURE)
# the cues without their word boundaries, over the lowered sentence: where this finds nothing in a
# window, neither pattern above can match in it
_FUTURE_GATE = lower_twin(re.compile(_FUTURE.pattern.removeprefix(r"\b").removesuffix(r"\b"), re.IGNORECASE))
_CLAUSE_BREAK = re.compile(r"[;:]|,\s(?:and|but|while|whereas|after|before)\s")
# a verb in the past between the future cue and the date: the date is that verb's ("will be played on
# Saturday, six days after the leagues finished their seasons on Sunday"); a participle after a form of
# "be" or "have" ("will be played on") is no such verb
_PAST_VERB = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bbeing )(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bhas )(?<!\bhave )"
    r"(?<!\bhad )(?<!\bget )(?<!\bgot )\b(?:[a-z]{3,}ed|began|met|held|took|made|won|lost|rose|fell|came|went|saw|"
    r"told|gave|struck|spoke|hit|left|sold|bought|paid|said)\b(?<!\bscheduled)(?<!\bexpected)(?<!\bplanned)"
    r"(?<!\bslated)(?<!\bintended)(?<!\bneed)(?<!\bproposed)(?<!\bplanned)")


# a capital can start a date only as a month, a weekday, a modifier or a (case-insensitive) relative phrase
_CAPITAL_STARTS = (
    r"(?=[A-Z])(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|last|this|next|"
    r"early|late|mid|the|an?\s|yesterday|today|tomorrow|tonight|earlier|later|" + NUMBER_WORD_RE[3:-1] + r")"
)
_CANDIDATE = re.compile(
    r"\b\d|\b(?:" + _CAPITAL_STARTS + r"|the\s\d|the\s(?:previous|preceding|following|next|day)|yesterday|today|tomorrow|tonight|"
    r"this\s|last\s|next\s|earlier\s|later\s|early\s|late\s|mid|(?:an?|" + NUMBER_WORD_RE[3:-1]
    + r")\s(?:days?|weeks?|months?|years?)\b)"
)
# a date that is the new date of a move, right after its "to"/"until" ("postponed the vote until March 3",
# "moving the launch date from April 30 to May 7"): one does not move a thing into the past
_MOVED_TO = re.compile(
    r"\b(?:postpon(?:e|es|ed|ing)|delay(?:s|ed|ing)?|mov(?:e|es|ed|ing)|push(?:es|ed|ing)?(?:\sback)?|"
    r"reschedul(?:e|es|ed|ing)|brought\sforward|bring(?:s|ing)?\sforward|put(?:s|ting)?\s(?:back|off))\b"
    r"[^.;]{0,90}?\b(?:to|until|till)\s(?:next\s|the\s)?$", re.IGNORECASE)
_FUTURE_AFTER = re.compile(r"\s(?:will|is\sto|are\sto)\b")
_YEAR_NOT_AFTER = re.compile(r"(?:[-–/]\d|\.\d|%|\s?(?:percent|per\scent))")
_YEAR_NOT_BEFORE = re.compile(r"(?:[$¥£€₩]|\d[.,])$")
_DETERMINER_AFTER = re.compile(r"\s(?:the|a|an|his|her|their|its)\b")


@dataclass(frozen=True)
class DateParts:
    """What a date expression states (every part optional)."""

    form: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: str | None = None
    modifier: str | None = None  # 'last' / 'next' / 'this' / 'early' / ... for weekdays and months; 'last year' ... for a day
    relative: str | None = None  # normalised relative phrase ("previous day", "this year", ...)
    amount: int | None = None  # 'two days earlier' -> 2
    unit: str | None = None  # 'day' / 'week' / 'month' / 'year'


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _parts(m: re.Match[str]) -> DateParts | None:
    g = m.groupdict()
    if g["iso_y"]:
        return DateParts("absolute", int(g["iso_y"]), int(g["iso_m"]), int(g["iso_d"]))
    # (weekday groups, month, day, year): "Dec. 19 (Friday)" and "Dec. 19, a Friday" are wd3 and wd5
    for wds, mo, d, y in ((("wd1",), "m1", "d1", "y1"), (("wd2",), "m2", "d2", "y2"), (("wd3", "wd5"), "m3", "d3", "y3"),
                          ((), "m4", "d4", "y4"), ((), "m6", "dom", "y6")):
        if g[mo] and g[d]:
            weekday = next((g[w].lower() for w in wds if g[w]), None)
            # "on October 21 last year": the year is told relative to publication (``modifier``)
            rel = g.get("yr" + y[1:])
            return DateParts("absolute", _int(g[y]), month_number(g[mo]), int(g[d]), weekday,
                             modifier=f"{rel} year" if rel else None)
    if g["d8"]:
        wd8 = g["wd8"].lower()
        if g["m8"]:
            return DateParts("absolute", _int(g["y8"]), month_number(g["m8"]), int(g["d8"]), wd8)
        return DateParts("day_of_month", day=int(g["d8"]), weekday=wd8)
    if g.get("dU"):
        return DateParts("absolute", _int(g["yU"]), month_number(g["mU"]), int(g["dU"]), g["wdU"].lower())
    if g.get("d9") and 1 <= int(g["d9"]) <= 31:
        return DateParts("day_of_month", day=int(g["d9"]), weekday=g["wd9"].lower())
    if g["dom"]:
        return DateParts("day_of_month", day=int(g["dom"]))
    if g["m5"]:
        mod = g["mmod"].strip(" -").lower() if g["mmod"] else None
        return DateParts("month", _int(g["y5"]), month_number(g["m5"]), modifier=mod)
    if g["wd"]:
        mod = g["wmod"].strip().lower() if g["wmod"] else None
        return DateParts("weekday", weekday=g["wd"].lower(), modifier=mod)
    if g["dei"]:
        return dataclasses.replace(_relative(g["dei"].lower()), weekday=(g["wd6"] or g["wd7"]).lower())
    if g["rel"]:
        return _relative(g["rel"].lower())
    if g["year"]:
        return DateParts("year", int(g["year"]))
    return None


def _relative(phrase: str) -> DateParts:
    words = phrase.split()
    if words[-1] in ("earlier", "later", "ago") and len(words) == 3:
        amount = number_value(words[0])
        unit = words[1].rstrip("s")
        sign = "after" if words[-1] == "later" else "before"
        return DateParts("relative", relative=f"{sign}:{'anchor' if words[-1] != 'ago' else 'published'}",
                         amount=int(amount or 1), unit=unit)
    if phrase in ("the previous day", "the preceding day", "the day before", "a day earlier"):
        return DateParts("relative", relative="before:anchor", amount=1, unit="day")
    if phrase in ("the following day", "the next day", "the day after", "a day later"):
        return DateParts("relative", relative="after:anchor", amount=1, unit="day")
    if phrase == "the day after tomorrow":
        return DateParts("relative", relative="after:published", amount=2, unit="day")
    if phrase == "the day before yesterday":
        return DateParts("relative", relative="before:published", amount=2, unit="day")
    if phrase in ("yesterday",):
        return DateParts("relative", relative="before:published", amount=1, unit="day")
    if phrase in ("tomorrow",):
        return DateParts("relative", relative="after:published", amount=1, unit="day")
    if phrase in ("today", "tonight"):
        return DateParts("relative", relative="before:published", amount=0, unit="day")
    # '(earlier|later) (this|last|next) (week|month|year)'
    unit = words[-1]
    which = words[-2]
    amount = {"last": -1, "this": 0, "next": 1}.get(which, 0)
    return DateParts("relative", relative="calendar:published", amount=amount, unit=unit)


@lru_cache(maxsize=4096)
def parse_expression(expression: str) -> DateParts | None:
    """The parts of a date expression as extracted (used by the resolver)."""
    m = DATE_RE.fullmatch(expression)
    return _parts(m) if m else None


def tense_at(sentence: str, pos: int, end: int | None = None) -> str:
    """'future' if a future cue ('will', 'plans to', 'is scheduled') governs the words before ``pos``."""
    start = max(0, pos - 150)
    low_sentence = lowered(sentence)
    if low_sentence is None or _FUTURE_GATE.search(low_sentence, start, pos) is not None:  # most hold no cue
        window = sentence[start:pos]
        cuts = [m.end() for m in _CLAUSE_BREAK.finditer(window)]
        if cuts:
            window = window[cuts[-1] :]
        low = lowered(window)
        cues = list(_FUTURE.finditer(window) if low is None else _FUTURE_LOW.finditer(low))
        if cues and not _PAST_VERB.search(window, cues[-1].end()):
            return "future"
    tail = sentence[end : end + 25] if end is not None else ""
    if _FUTURE_AFTER.match(tail):
        return "future"
    if _MOVED_TO.search(sentence, start, pos):
        return "future"  # "was moving the launch from next Monday, April 30, to May 7": the new date lies ahead
    return "past"


@dataclass(frozen=True)
class RawDate:
    """A date expression found in a sentence, with offsets relative to the document."""

    start: int
    end: int
    expression: str
    parts: DateParts
    tense: str


def find_dates(text: str, base: int = 0) -> list[RawDate]:
    """Every date expression in ``text`` (one sentence), with document offsets ``base + ...``."""
    out: list[RawDate] = []
    for m in _scan(text):
        parts = _parts(m)
        if parts is None or not _plausible(text, m, parts):
            continue
        out.append(RawDate(base + m.start(), base + m.end(), m.group(0), parts,
                           tense_at(text, m.start(), m.end())))
    return _without_alternative_weekdays(text, base, _said_on_weekday(text, base, out))


# "The company said Tuesday Dec. 1 would be the launch date", "announced on Thursday, Dec. 12, was the last
# day": a weekday right after a verb of saying, then a date that a verb follows. The weekday is when it was
# said; the date is what was said of (the subject of the reported clause), not the weekday's day.
_SAID_BEFORE = re.compile(r"\b(?:said|says|announced|announces|told\s(?:reporters|journalists|lawmakers|parliament|"
                          r"investors|analysts|staff|employees)|confirmed|declared|warned|added|stated|indicated|"
                          r"signaled|signalled|predicted|wrote|posted|insisted|reiterated|agreed|decided)"
                          r"\s(?:on\s|late\s|early\s)?$", re.IGNORECASE)
_CLAUSE_VERB_AFTER = re.compile(r",?\s(?:would|will|was|is|could|should|might|must|may|remains|remained|marks|"
                                r"marked|had|has|were|are)\b")
_WEEKDAY_LEAD = re.compile(r"(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s",
                           re.IGNORECASE)


def _said_on_weekday(text: str, base: int, found: list[RawDate]) -> list[RawDate]:
    out: list[RawDate] = []
    for r in found:
        p = r.parts
        lead = _WEEKDAY_LEAD.match(r.expression) if p.form == "absolute" and p.weekday else None
        s, e = r.start - base, r.end - base
        if lead is None or not _SAID_BEFORE.search(text[max(0, s - 40) : s]) \
                or not _CLAUSE_VERB_AFTER.match(text, e):
            out.append(r)
            continue
        rest = r.expression[lead.end() :]
        parts = parse_expression(rest)
        if parts is None or parts.form != "absolute" or parts.weekday:
            out.append(r)
            continue
        wd_end = s + lead.end("wd")
        out.append(RawDate(r.start, base + wd_end, r.expression[: lead.end("wd")],
                           DateParts("weekday", weekday=p.weekday), tense_at(text, s, wd_end)))
        out.append(RawDate(r.start + lead.end(), r.end, rest, parts, tense_at(text, s + lead.end(), e)))
    return out


def _without_alternative_weekdays(text: str, base: int, found: list[RawDate]) -> list[RawDate]:
    """One day offered under two weekdays as alternatives ("Thursday, October 25 or Friday, October 25"):
    the text claims neither weekday, so neither is kept."""
    out = list(found)
    for k in range(len(found) - 1):
        a, b = found[k], found[k + 1]
        pa, pb = a.parts, b.parts
        if pa.form != "absolute" or pb.form != "absolute" or not pa.weekday or not pb.weekday \
                or (pa.month, pa.day) != (pb.month, pb.day) or pa.weekday == pb.weekday:
            continue
        if text[a.end - base : b.start - base].strip().lower() not in ("or", "or on", ", or"):
            continue
        out[k] = dataclasses.replace(a, parts=dataclasses.replace(pa, weekday=None))
        out[k + 1] = dataclasses.replace(b, parts=dataclasses.replace(pb, weekday=None))
    return out


def _scan(text: str) -> list[re.Match[str]]:
    """``DATE_RE.finditer`` restricted to the positions where a date can start (same matches, ~3x faster:
    the big alternation is only tried where a cheap candidate pattern says it might match)."""
    out: list[re.Match[str]] = []
    pos = 0
    while True:
        c = _CANDIDATE.search(text, pos)
        if c is None:
            return out
        m = DATE_RE.match(text, c.start())
        if m is not None and m.end() > m.start():
            out.append(m)
            pos = m.end()
        else:
            pos = c.start() + 1


def dates_in_sentence(ctx: Context, idx: int) -> list[RawDate]:
    """The date expressions of sentence ``idx`` with document offsets (found once per document)."""
    memo: dict[int, list[RawDate]] = ctx.memo.setdefault("dates", {})  # type: ignore[assignment]
    found = memo.get(idx)
    if found is None:
        sent = ctx.sentences[idx]
        found = find_dates(ctx.doc.text[sent.start : sent.end], sent.start)
        memo[idx] = found
    return found


def _plausible(text: str, m: re.Match[str], p: DateParts) -> bool:
    before = text[max(0, m.start() - 20) : m.start()]
    after = text[m.end() : m.end() + 16]
    if p.form == "year":
        if _FISCAL_BEFORE.search(before) or _YEAR_NOT_AFTER.match(after):
            return False
        return not _YEAR_NOT_BEFORE.search(before)
    if p.form == "month":
        if p.month is None:
            return False
        # a bare "May" / "March" may be a verb or a name
        return not (p.year is None and p.modifier is None and not _PREP_BEFORE_MONTH.search(before))
    if p.form == "day_of_month":
        return p.day is not None and 1 <= p.day <= 31 and not _NOT_DAY_AFTER.match(after)
    if p.form == "absolute":
        return p.month is not None and p.day is not None and 1 <= p.day <= 31
    if p.form == "relative" and m.group(0).lower() in ("the day after", "the day before"):
        return not _DETERMINER_AFTER.match(after)
    return True


def absolute_iso(p: DateParts) -> str | None:
    """The ISO date of a fully stated date (year, month and day); None if impossible or partial."""
    if p.year is None or p.month is None or p.day is None:
        return None
    try:
        return dt.date(p.year, p.month, p.day).isoformat()
    except ValueError:
        return None


def extract(doc: Document, ctx: Context | None = None) -> list[DateMention]:
    """The dates facts of ``doc``; ``ctx`` is the document's trigger context when the caller built it
    (the pipeline builds one per document and hands it to every extractor)."""
    ctx = ctx if ctx is not None and ctx.doc is doc else build_context(doc)
    facts: list[DateMention] = []
    for idx in ctx.for_family(DATES):
        for raw in dates_in_sentence(ctx, idx):
            facts.append(to_fact(raw, idx, doc.text))
    return facts


_LABEL_BEFORE = re.compile(r"\b(?:dated|datelined|postmarked|stamped)\s$", re.IGNORECASE)


def to_fact(raw: RawDate, sentence: int, text: str = "") -> DateMention:
    """``text`` is the document's, to read what stands before the date."""
    p = raw.parts
    # "an edition dated Thursday, October 24": the date printed on something, which the text may quote
    # as a misprint; its weekday is not the text's own claim for certain
    label = bool(p.weekday) and bool(_LABEL_BEFORE.search(text[max(0, raw.start - 16) : raw.start]))
    # "tomorrow, Friday": the day is counted from the publication date, which may be a day off the day the copy
    # was written (an update, another time zone), so its weekday is no certain claim against it
    counted = bool(p.weekday) and p.form == "relative" and _DAY_WORDS.match(raw.expression) is not None
    iso = absolute_iso(p) if p.form == "absolute" else None
    date: str | None = iso
    precision = "day" if iso else None
    if p.form == "month" and p.year is not None and p.month is not None:
        date, precision = f"{p.year:04d}-{p.month:02d}", "month"
    elif p.form == "year" and p.year is not None:
        date, precision = f"{p.year:04d}", "year"
    return DateMention(
        span=Span(start=raw.start, end=raw.end),
        text=raw.expression,
        sentence=sentence,
        form=p.form,  # type: ignore[arg-type]
        expression=raw.expression,
        date=date,
        precision=precision,  # type: ignore[arg-type]
        weekday=p.weekday,
        weekday_of_date=_weekday_of(date) if precision == "day" else None,
        tense=raw.tense,  # type: ignore[arg-type]
        certainty="inferred" if label or counted else "certain",
        inferred=f"{raw.expression!r} is the date something was marked with, which the text may quote" if label
        else f"{raw.expression!r} is counted from the publication date" if counted else None,
    )


_DAY_WORDS = re.compile(r"(?i)(?:the day (?:after|before) )?(?:yesterday|today|tomorrow|tonight)\b")


def _weekday_of(iso: str | None) -> str | None:
    if not iso or len(iso) != 10:
        return None
    return WEEKDAYS[dt.date.fromisoformat(iso).weekday()]
