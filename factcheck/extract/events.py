"""Events (meetings, summits, talks, addresses, announcements, visits, calls) and stated orders
between them (Sequence facts: "The meeting followed the summit ... the previous day", "Previously, on
the 24th, ...", "the first meeting since ...").

An event is emitted where the text gives it at least one detail (participants, place or date);
a bare "the meeting" refers back to one and is only used as a side of a Sequence. Dates are attached
in resolve (the event's ``date_text`` names the date mention of its clause).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from factcheck.extract.context import EVENTS, Context, build_context
from factcheck.extract.dates import RawDate, dates_in_sentence
from factcheck.extract.lexicon import CONTENT_CLAUSE, MONTHS, SMALL_NUMBER_RE, WEEKDAYS, lower_twin, lowered, may_hold
from factcheck.extract.people import PersonMention, find_people, people_in
from factcheck.model.document import Document, Span
from factcheck.model.facts import Event, FactBase, Sequence

EVENT_TYPES: dict[str, str] = {
    "meeting": "meeting", "meetings": "meeting", "talks": "meeting", "met": "meeting",
    "summit": "summit", "summits": "summit",
    "address": "address", "speech": "address",
    "announcement": "announcement",
    "visit": "visit", "visited": "visit", "trip": "visit",
    "call": "call", "phone call": "call", "telephone call": "call", "video call": "call",
    "press conference": "conference", "news conference": "conference", "conference": "conference",
    "hearing": "hearing", "ceremony": "ceremony", "signing ceremony": "ceremony",
}
EVENT_RE = re.compile(
    r"\b(?P<trigger>(?:phone|telephone|video)\scall|(?:press|news)\sconference|signing\sceremony|"
    r"meetings?|talks|summits?|address|speech|announcement|visit|visited|trip|conference|hearing|ceremony|met)\b",
    re.IGNORECASE,
)
_EVENT_LOW = lower_twin(EVENT_RE)  # on lowered text: the trigger is lower-cased anyway
_EVENT_WORDS = ("call", "conference", "ceremony", "meeting", "talks", "summit", "address", "speech", "announcement",
                "visit", "trip", "hearing", "met")
_MODIFIER = re.compile(
    r"(?:(?:a|an|the|this|that|their|his|her|its|first|second|last|latest|next)\s)?"
    r"(?:(?:first|face-to-face|in-person|bilateral|trilateral|virtual|parliamentary|policy|keynote|"
    r"formal|informal|official|two-day|summit|leaders['’]?|[A-Z][\w.]*-[A-Z][\w.]*|[A-Z][a-z]+)\s){0,3}$"
)
_BACKREF = re.compile(r"\b(?:after|before|at|during|following|since|ahead\sof|from|of)\s(?:the|this|that)\s"
                      r"(?:[\w.-]+\s){0,3}$", re.IGNORECASE)
_PLACE = re.compile(r"\bin\s(?P<place>[A-Z][\w-]+(?:\s[A-Z][\w-]+)?)")
_NO_DATE_BEFORE = re.compile(
    r"(?:office|sworn\sin|appointed|inaugurated|named|elected|became|becoming\s\w+|\bby|\buntil|\bsince|"
    r"\bfrom|\bthrough|\bbefore|\bfiscal(?:\syear)?|\bFY|\bto)\s?(?:on\s)?$",
    re.IGNORECASE,
)
_FOLLOW = re.compile(
    r"\b(?P<cue>(?:was|were|is|are|be|been|being)\s(?:followed|preceded)\sby|followed|follows|came\safter|comes\safter|"
    r"preceded|precedes|"
    r"came\sbefore|comes\sbefore)\b"
)
_PASSIVE = frozenset(["was", "were", "is", "are", "be", "been", "being"])
_OPENER = re.compile(
    r"^(?P<cue>Previously|Earlier|Before\sthat|Prior\sto\sthat|Days\searlier|A\sday\searlier|The\sday\sbefore|"
    r"Later|Afterwards|Subsequently|After\sthat|The\snext\sday|The\sfollowing\sday)\b"
)
_AFTER_OFFICE = re.compile(
    r"\b(?:(?P<n>" + SMALL_NUMBER_RE + r")\s(?:days?|weeks?|months?)\s)?after\s(?:(?:taking|assuming)\soffice|"
    r"(?:he|she|they)\s(?:took|assumed)\soffice|being\s(?:sworn\sin|appointed|inaugurated))"
)
_FIRST_SINCE = re.compile(
    r"\bfirst\s(?:[\w-]+\s){0,3}?(?P<noun>meeting|summit|talks|visit|call)\b[^.;]{0,120}?\bsince\s"
    r"(?P<since>[^,.;]{3,100})"
)


# literals the case-sensitive patterns above need: a sentence without one of them cannot match
_FOLLOW_WORDS = ("follow", "preced", "came", "comes")


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    return any(w in text for w in words)


_ADDRESS_NOUN = re.compile(r"(?:an?|the|his|her|parliamentary|policy|keynote)\s$", re.IGNORECASE)
_BETWEEN = re.compile(r"\s(?:between|with|of|by)\b")


@dataclass
class _Mention:
    start: int
    end: int
    event_type: str
    backref: bool
    modifier: str
    participants: list[PersonMention] = field(default_factory=list)
    place: str | None = None
    date: RawDate | None = None


def extract(doc: Document, ctx: Context | None = None) -> list[FactBase]:
    """The events facts of ``doc``; ``ctx`` is the document's trigger context when the caller built it
    (the pipeline builds one per document and hands it to every extractor)."""
    ctx = ctx if ctx is not None and ctx.doc is doc else build_context(doc)
    people = find_people(ctx)
    events: list[Event] = []
    mentions_by_sentence: dict[int, list[_Mention]] = {}
    for idx in ctx.for_family(EVENTS):
        mentions = _mentions(ctx, idx, people)
        mentions_by_sentence[idx] = mentions
        for m in mentions:
            if m.participants or m.place or m.date:
                events.append(_event(ctx, idx, m))
    facts: list[FactBase] = list(events)
    main = next((e for e in events if e.date_text), None)
    for idx, mentions in mentions_by_sentence.items():
        facts.extend(_sequences(ctx, idx, mentions, main))
    return facts


def _mentions(ctx: Context, idx: int, people: list[PersonMention]) -> list[_Mention]:
    sent = ctx.sentences[idx]
    text = ctx.doc.text[sent.start : sent.end]
    out: list[_Mention] = []
    low = lowered(text)
    for m in (EVENT_RE.finditer(text) if low is None else _EVENT_LOW.finditer(low)) if may_hold(low, _EVENT_WORDS) else ():
        trig = m.group("trigger").lower()
        if trig == "address" and not _ADDRESS_NOUN.search(text[max(0, m.start() - 16) : m.start()]):
            continue  # the verb "to address"
        if trig in ("visit", "call", "met") and text[max(0, m.start() - 3) : m.start()] == "to ":
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        mod = _MODIFIER.search(before) if trig not in ("met", "visited") else None
        modifier = mod.group(0).strip() if mod else ""
        out.append(_Mention(sent.start + m.start(), sent.start + m.end(), EVENT_TYPES[" ".join(trig.split())],
                            bool(_BACKREF.search(before)), modifier))
    if not out:
        return out
    _assign_people(out, people_in(ctx, idx), idx, text, sent.start)
    for k, mention in enumerate(out):
        rel = mention.end - sent.start
        stop = out[k + 1].start - sent.start if k + 1 < len(out) else len(text)
        place = _PLACE.search(text[rel : min(rel + 140, stop)])
        if place and not _is_time_word(place.group("place")):
            mention.place = place.group("place")
    ends = [x.end for x in out]  # mentions do not overlap: ends are sorted like starts
    for d in dates_in_sentence(ctx, idx):
        if d.parts.form == "year" or _NO_DATE_BEFORE.search(text[max(0, d.start - sent.start - 30) : d.start -
                                                               sent.start]):
            continue
        i = bisect.bisect_right(ends, d.start) - 1
        before = out[i] if i >= 0 and d.start - out[i].end <= 150 else None
        if before is not None and CONTENT_CLAUSE.search(ctx.doc.text, before.end, d.start):
            continue  # "the news that the derby would be moved to Sunday 9th March": the game's date
        nearest = before if before is not None else _nearest(out, d.start, d.end)
        if nearest.date is None:
            nearest.date = d
    return out


def _assign_people(out: list[_Mention], people: list[PersonMention], idx: int, text: str, base: int) -> None:
    starts = [m.start for m in out]
    for p in people:
        i = bisect.bisect_left(starts, p.start)
        near = out[max(0, i - 4) : i + 4]
        candidates = [m for m in near if not m.backref or (p.start > m.end and _between(text, base, m, p))]
        if not candidates:
            continue
        nearest = _nearest(candidates, p.start, p.end)
        if all(q.full_name != p.full_name for q in nearest.participants):
            nearest.participants.append(p)


def _nearest(mentions: list[_Mention], start: int, end: int) -> _Mention:
    """The mention closest to [start, end) (mentions are sorted by position)."""
    i = bisect.bisect_left(mentions, start, key=lambda m: m.start)
    near = mentions[max(0, i - 1) : i + 1]
    return min(near, key=lambda x: min(abs(start - x.end), abs(x.start - end)))


def _between(text: str, base: int, m: _Mention, p: PersonMention) -> bool:
    gap = text[m.end - base : p.start - base]
    return bool(_BETWEEN.match(gap)) and len(gap) < 80


def _is_time_word(word: str) -> bool:
    w = word.split()[0].lower().rstrip(".")
    return w in MONTHS or w in WEEKDAYS or w[:1].isdigit()


def _label(m: _Mention) -> str:
    names = [p.full_name.split()[-1] for p in m.participants]
    base = f"{m.modifier} {m.event_type}".strip() if m.modifier else f"the {m.event_type}"
    if not base.lower().startswith(("a ", "an ", "the ", "this ", "that ", "his ", "her ", "their ")):
        base = "the " + base
    if len(names) >= 2:
        base += " between " + " and ".join([", ".join(names[:-1]), names[-1]])
    elif names:
        base += " by " + names[0] if m.event_type in ("address", "announcement", "visit") else " with " + names[0]
    return base


def _event(ctx: Context, idx: int, m: _Mention) -> Event:
    return Event(
        span=Span(start=m.start, end=m.end),
        text=ctx.doc.text[m.start : m.end],
        sentence=idx,
        event_type=m.event_type,
        label=_label(m),
        participants=[p.full_name for p in m.participants],
        place=m.place,
        date_text=m.date.expression if m.date else None,
    )


def _sequences(ctx: Context, idx: int, mentions: list[_Mention], main: Event | None) -> list[Sequence]:
    sent = ctx.sentences[idx]
    text = ctx.doc.text[sent.start : sent.end]
    out: list[Sequence] = []
    for m in _FOLLOW.finditer(text) if _has_any(text, _FOLLOW_WORDS) else ():
        pos = sent.start + m.start()
        left = [x for x in mentions if x.end <= pos]
        right = [x for x in mentions if x.start >= sent.start + m.end()]
        if not left or not right:
            continue
        a, b = left[-1], right[0]
        cue = m.group("cue")
        # "A followed B", "A was preceded by B": A is the later; "A will be followed by B": A is the earlier
        passive = cue.split()[0] in _PASSIVE
        first_is_later = cue.endswith("preceded by") if passive else cue.startswith(
            ("followed", "follows", "came after", "comes after"))
        later, earlier = (a, b) if first_is_later else (b, a)
        strict = any(x.date is not None and x.date.parts.unit == "day" for x in (a, b))
        out.append(_sequence(ctx, idx, pos, sent.start + m.end(), re.sub(r"\s+", " ", cue),
                             earlier, later, strict))
    opener = _OPENER.match(text)
    if opener and main is not None and main.sentence != idx:
        own = next((x for x in mentions if x.date is not None), mentions[0] if mentions else None)
        if own is not None and own.start != main.span.start:
            cue = opener.group("cue")
            main_m = _Mention(main.span.start, main.span.end, main.event_type, False, "")
            text_label = main.label
            this_is_earlier = not cue.startswith(("Later", "Afterwards", "Subsequently", "After", "The next",
                                                  "The following"))
            earlier, later = (own, main_m) if this_is_earlier else (main_m, own)
            seq = _sequence(ctx, idx, sent.start, sent.start + opener.end(), cue, earlier, later, True)
            if this_is_earlier:
                seq.later_label = text_label
            else:
                seq.earlier_label = text_label
            out.append(seq)
    for m in _AFTER_OFFICE.finditer(text) if "after" in text else ():
        later = [x for x in mentions if x.end <= sent.start + m.start()]
        person = [p for p in people_in(ctx, idx) if p.end <= sent.start + m.start()]
        if not later or not person:
            continue
        out.append(Sequence(
            span=Span(start=later[-1].start, end=sent.start + m.end()),
            text=ctx.doc.text[later[-1].start : sent.start + m.end()],
            sentence=idx,
            cue=m.group(0),
            earlier_label=f"{person[-1].full_name} taking office",
            later_label=_label(later[-1]),
            strict=bool(m.group("n")),
            earlier_at=sent.start + m.start(),
            later_at=later[-1].start,
        ))
    for m in _FIRST_SINCE.finditer(text) if "first" in text and "since" in text else ():
        later = next((x for x in mentions if x.start >= sent.start + m.start("noun")), None)
        if later is None:
            continue
        since = m.group("since").strip()
        seq = Sequence(
            span=Span(start=sent.start + m.start(), end=sent.start + m.end()),
            text=text[m.start() : m.end()],
            sentence=idx,
            cue="first " + m.group("noun") + " since",
            earlier_label=since,
            later_label=_label(later),
            strict=False,
            earlier_at=sent.start + m.start("since"),
            later_at=later.start,
        )
        out.append(seq)
    return out


def _sequence(ctx: Context, idx: int, start: int, end: int, cue: str, earlier: _Mention, later: _Mention,
              strict: bool) -> Sequence:
    sent = ctx.sentences[idx]
    inside = [x for x in (earlier, later) if sent.start <= x.start < sent.end]
    lo = min([start] + [x.start for x in inside])
    hi = max([end] + [x.end for x in inside])
    return Sequence(
        span=Span(start=lo, end=hi),
        text=ctx.doc.text[lo:hi],
        sentence=idx,
        cue=cue,
        earlier_label=_label(earlier),
        later_label=_label(later),
        strict=strict,
        earlier_at=earlier.start,
        later_at=later.start,
    )
