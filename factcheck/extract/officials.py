"""Officials: role mentions ("U.S. President Donald Trump") and stated tenure starts ("who took office on
the 21st", "was sworn in on Monday (Jan 20)", "since becoming chancellor last May", "newly appointed").

Names and offices are linked and keyed by :mod:`factcheck.extract.people`; a tenure's date is left to
the resolver, which reads the date mention inside the tenure's span (or, for "two days after he took
office", counts back from the sentence's event).
"""

from __future__ import annotations

import bisect
import re

from factcheck.extract.context import OFFICIALS, Context, build_context
from factcheck.extract.dates import RawDate, dates_in_sentence
from factcheck.extract.lexicon import COUNTRY_CUES, PERSON_CUES, SMALL_NUMBER_RE
from factcheck.extract.people import (
    PersonMention,
    find_people,
    office_key,
    people_in,
    person_key,
    resolve_name,
)
from factcheck.model.document import Document, Span
from factcheck.model.facts import FactBase, RoleMention, TenureStart

TENURE_RE = re.compile(
    r"\b(?P<verb>took\soffice|assumed\soffice|took\sup\s(?:the\s)?(?:post|office|position)|"
    r"(?:was|were|been|be|is|being)\s(?:formally\s|officially\s)?(?:sworn\sin|inaugurated|appointed|named|installed)"
    r"|take\soffice|takes\soffice|taking\soffice|(?:was\s)?elected|became|becoming|took\sover)\b"
    r"(?:\sas\s(?P<as_office>(?:the\s)?(?:[a-zA-Z-]+\s){0,3}?(?:[Mm]inister|[Ss]ecretary|[Pp]resident|"
    r"[Cc]hancellor|[Pp]remier|[Gg]overnor|[Tt]reasurer|[Ss]peaker|[Mm]ayor)))?"
)
# literals TENURE_RE (case-sensitive) needs: a sentence without any of them cannot match
_TENURE_WORDS = ("took", "assumed", "sworn", "inaugurated", "appointed", "named", "installed", "take", "taking",
                 "elected", "became", "becoming")
_SINCE_BECOMING = re.compile(
    r"\bsince\sbecoming\s(?:the\s)?(?:(?P<country>[A-Z][\w.]*['’]s)\s)?(?P<office>(?:[a-zA-Z-]+\s){0,3}?"
    r"(?:[Mm]inister|[Ss]ecretary|[Pp]resident|[Cc]hancellor|[Pp]remier|[Gg]overnor|[Tt]reasurer|[Ss]peaker))"
)
_NEWLY = re.compile(r"\b(?:newly[\s-](?:appointed|installed|elected|named|sworn[\s-]in)|new(?=\s[A-Z]))\b")
_AFTER_TOOK = re.compile(
    r"\b(?P<n>" + SMALL_NUMBER_RE + r")\s(?P<unit>days?|weeks?|months?)\s(?P<rel>after|before)\s"
    r"(?:he|she|they|[A-Z]\w+)\s(?:took\soffice|was\ssworn\sin|was\sinaugurated|was\sappointed|became)",
)
_NOT_NAMES = frozenset(["The", "A", "An", "He", "She", "They", "It", "This", "That", "Officials", "Ministers", "Lawmakers"])
_SENTENCE_SUBJECT = re.compile(r"([A-Z][\w'’-]+\s[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?)\s(?:has|had|who|was|is|,)")
_PRONOUN_BEFORE = re.compile(r"\b(?:he|she|who|they)\s(?:had\s|has\s)?$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"([A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2}),?\s(?:who\s)?(?:had\s|has\s)?$")


def extract(doc: Document, ctx: Context | None = None) -> list[FactBase]:
    """The officials facts of ``doc``; ``ctx`` is the document's trigger context when the caller built it
    (the pipeline builds one per document and hands it to every extractor)."""
    ctx = ctx if ctx is not None and ctx.doc is doc else build_context(doc)
    people = find_people(ctx)
    facts: list[FactBase] = [_role(p, doc) for p in people]
    for idx in ctx.for_family(OFFICIALS):
        facts.extend(_tenures(ctx, idx, people))
    return facts


def _role(p: PersonMention, doc: Document) -> RoleMention:
    return RoleMention(
        span=Span(start=p.start, end=p.end),
        text=doc.text[p.start : p.end],
        sentence=p.sentence,
        person=p.full_name,
        person_key=person_key(p.full_name),
        title=p.title,
        office_key=p.office_key,
        country=p.country,
    )


def _tenures(ctx: Context, idx: int, people: list[PersonMention]) -> list[TenureStart]:
    sent = ctx.sentences[idx]
    text = ctx.doc.text[sent.start : sent.end]
    out: list[TenureStart] = []
    dates: list[RawDate] = []
    starts: list[int] = []
    tenure_words = any(w in text for w in _TENURE_WORDS)
    if tenure_words or "since" in text:  # only a tenure or "since becoming" phrase reads the sentence's dates
        dates = [RawDate(d.start - sent.start, d.end - sent.start, d.expression, d.parts, d.tense)
                 for d in dates_in_sentence(ctx, idx)]
        starts = [d.start for d in dates]
    taken: list[tuple[int, int]] = []
    for m in _AFTER_TOOK.finditer(text) if "after" in text or "before" in text else ():
        taken.append((m.start(), m.end()))
        subjects = [p for p in people_in(ctx, idx) if p.end <= sent.start + m.start()]
        person = subjects[0] if subjects else _subject(ctx, text, sent.start, m.start(), people, idx)
        if person is not None:
            out.append(_tenure(ctx, idx, sent.start + m.start(), sent.start + m.end(), person, None,
                               m.group(0)))
    for m in TENURE_RE.finditer(text) if tenure_words else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        date = next((d for d in dates if m.end() <= d.start <= m.end() + 4), None)
        if date is None or (date.parts.form == "year" and m.group("verb") in ("became", "becoming", "elected")):
            continue
        person = _subject(ctx, text, sent.start, m.start(), people, idx)
        if person is None:
            continue
        office = m.group("as_office")
        out.append(_tenure(ctx, idx, sent.start + m.start(), sent.start + date.end, person, office,
                           text[m.start() : date.end]))
    for m in _SINCE_BECOMING.finditer(text) if "since" in text else ():
        date = _date_after(dates, starts, m.end())
        person = _subject(ctx, text, sent.start, m.start(), people, idx)
        if date is None or person is None:
            continue
        office = (m.group("country") + " " if m.group("country") else "") + m.group("office")
        out.append(_tenure(ctx, idx, sent.start + m.start(), sent.start + date.end, person, office,
                           text[m.start() : date.end]))
    for m in _NEWLY.finditer(text) if "new" in text else ():
        p = next((p for p in people_in(ctx, idx) if 0 <= p.start - (sent.start + m.end()) <= 2), None)
        if p is not None:
            out.append(_tenure(ctx, idx, sent.start + m.start(), p.end, p, None, m.group(0)))
    return out


def _date_after(dates: list[RawDate], starts: list[int], pos: int) -> RawDate | None:
    """The date expression starting within four characters after ``pos`` ("took office on the 21st")."""
    i = bisect.bisect_left(starts, pos)
    return dates[i] if i < len(dates) and dates[i].start <= pos + 4 else None


def _subject(ctx: Context, text: str, base: int, pos: int, people: list[PersonMention],
             idx: int) -> PersonMention | None:
    """Who the tenure verb at ``pos`` is about: the titled or named person just before it, else the last
    person mentioned (for 'he'/'she')."""
    before = [p for p in people_in(ctx, idx) if p.end <= base + pos]
    if before and base + pos - before[-1].end <= 40:
        return before[-1]
    m = _NAME_BEFORE.search(text[max(0, pos - 60) : pos])
    if m:
        named = resolve_name(m.group(1), people, base + pos)
        if named is not None:
            return named
        name = m.group(1)
        if name.split()[0] not in _NOT_NAMES and (name not in COUNTRY_CUES or name in PERSON_CUES):
            start = base + max(0, pos - 60) + m.start(1)
            return PersonMention(start, start + len(name), start, name, name, "", "", "", _cue(name), idx)
    if _PRONOUN_BEFORE.search(text[max(0, pos - 12) : pos]):
        i = bisect.bisect_left(people, base + pos, key=lambda p: p.start)
        if i > 0:
            return people[i - 1]
    if before:
        return before[-1]
    m = _SENTENCE_SUBJECT.match(text)
    if m and m.end(1) <= pos and m.group(1).split()[0] not in _NOT_NAMES:
        named = resolve_name(m.group(1), people, base + pos)
        if named is not None:
            return named
        name = m.group(1)
        return PersonMention(base, base + len(name), base, name, name, "", "", "", _cue(name), idx)
    return None


def _tenure(ctx: Context, idx: int, start: int, end: int, p: PersonMention, office: str | None,
            date_text: str) -> TenureStart:
    country = p.country
    if office:
        office = re.sub(r"^the\s", "", office).strip()
        cue = re.match(r"([A-Z][\w.]*)['’]s\s", office)
        if cue and cue.group(1) in COUNTRY_CUES:
            country = COUNTRY_CUES[cue.group(1)]
            office = office[cue.end() :]
        key = office_key(office, country)
    else:
        office, key = p.office or None, p.office_key or None
    return TenureStart(
        span=Span(start=start, end=end),
        text=ctx.doc.text[start:end],
        sentence=idx,
        person=p.full_name,
        person_key=person_key(p.full_name),
        office=office,
        office_key=key,
        date_text=date_text,
    )


def _cue(name: str) -> str | None:
    last = name.split()[-1]
    return COUNTRY_CUES.get(last) if last in PERSON_CUES else None
