"""Linking facts to each other: event dates, the anchor of "the previous day", sequence sides, tenure
dates and the date a role mention implies.

Order matters and is fixed: (1) dates that need only the publication date; (2) events take the date
mention of their clause; (3) anchor-relative dates ("the previous day") in document order, each
anchored on another event of its sentence (a dated event, or the event a Sequence in the sentence names),
else on the story's main event (the first event dated without an anchor); (4) undated events inherit
the date of an earlier event of the same type with a shared participant; (5) sequences, tenures and
role mentions read the linked dates.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import TypeVar

from factcheck.extract.dates import DateParts, parse_expression
from factcheck.extract.events import EVENT_RE, EVENT_TYPES
from factcheck.extract.people import person_key
from factcheck.model.document import Document
from factcheck.model.facts import DateMention, Event, FactBase, RoleMention, Sequence, TenureStart
from factcheck.resolve.dates import Resolved, resolve_parts, weekday_of

_F = TypeVar("_F", bound=FactBase)
_NEAR = 8  # how many facts on either side sentence-level linking looks at
_LOOKBACK = 200  # how many earlier events a back-reference may reach
_DEFINITE = re.compile(r"\b(?:the|this|that)\s(?:[\w.’'-]+\s){0,3}$", re.IGNORECASE)
_ANOTHER = re.compile(r"\b(?:another|second|again|next|new|follow-up|separate|later|earlier)\b", re.IGNORECASE)
_N_AFTER = re.compile(r"^(?P<n>\w+)\s(?P<unit>days?|weeks?|months?)\s(?P<rel>after|before)\b")


_OWN_DATE_DISTANCE = 60
_NEAR_PUBLICATION = 14  # days
_WEEKDAY_FITS_WITHIN = 183  # days from publication in which a date whose stated weekday fits is preferred
_REPORTED_ON = re.compile(r"\b(?:said|says|told|announced|added|confirmed|reported|stated|wrote|tweeted|posted)\b"
                          r"(?:\s+\w+){0,2}\s+(?:on|in|at|late|early|this|last)?\s*$")


class Linker:
    def __init__(self, doc: Document, facts: list[FactBase]) -> None:
        self.doc = doc
        self.facts = facts
        self.dates = [f for f in facts if isinstance(f, DateMention)]
        self.events = [f for f in facts if isinstance(f, Event)]
        self.sequences = [f for f in facts if isinstance(f, Sequence)]
        self.tenures = [f for f in facts if isinstance(f, TenureStart)]
        self.event_date: dict[int, DateMention] = {}
        self.events_by_date: dict[int, list[Event]] = {}
        self.event_starts = [e.span.start for e in self.events]
        self.events_of_type: dict[str, list[int]] = {}  # event type -> indices into self.events
        for k, e in enumerate(self.events):
            self.events_of_type.setdefault(e.event_type, []).append(k)
        self.dates_by_start = sorted(self.dates, key=lambda d: d.span.start)
        self.date_starts = [d.span.start for d in self.dates_by_start]
        self.dates_in: dict[int, list[DateMention]] = {}
        self.events_in: dict[int, list[Event]] = {}
        self.sequences_in: dict[int, list[Sequence]] = {}
        for d in self.dates:
            self.dates_in.setdefault(d.sentence, []).append(d)
        for e in self.events:
            self.events_in.setdefault(e.sentence, []).append(e)
        for s in self.sequences:
            self.sequences_in.setdefault(s.sentence, []).append(s)

    def run(self) -> None:
        pub = self.doc.published
        named_years: list[tuple[int, int]] | None = None
        for d in self.dates:
            p = parse_expression(d.expression)
            if p is not None and not (p.relative or "").endswith(":anchor"):
                resolved = self._nearest_if_untensed(p, resolve_parts(p, d.tense, pub), d.tense)
                if p.weekday and p.form == "absolute" and p.year is None and resolved is not None \
                        and resolved[1] == "day" and weekday_of(resolved[0]) != p.weekday \
                        and not _REPORTED_ON.search(self.doc.text[max(0, d.span.start - 40) : d.span.start]):
                    if named_years is None:
                        named_years = self._named_years()
                    resolved = _in_named_year(p, d, named_years, pub) or resolved
                self._set(d, resolved)
        for e in self.events:
            mention = self._mention_for(e)
            if mention is not None:
                self.event_date[id(e)] = mention
                self.events_by_date.setdefault(id(mention), []).append(e)
                self._copy(e, mention)
        main = next((e for e in self.events if e.date and id(e) in self.event_date and
                     self.event_date[id(e)].anchor is None and not _is_anchored(self.event_date[id(e)])), None)
        for d in self.dates:
            p = parse_expression(d.expression)
            if p is None or not (p.relative or "").endswith(":anchor"):
                continue
            anchor = self._anchor_for(d, main)
            if anchor is None or not anchor.date or len(anchor.date) != 10:
                continue
            d.anchor = anchor.id or None
            self._set(d, resolve_parts(p, d.tense, pub, dt.date.fromisoformat(anchor.date)))
            for e in self.events_by_date.get(id(d), []):
                self._copy(e, d)
        self._corefer()
        self._event_weekdays()
        for t in self.tenures:
            self._tenure(t)
        for s in self.sequences:
            self._sequence(s)
        for f in self.facts:
            if isinstance(f, RoleMention):
                self._role(f)

    # -- dates -------------------------------------------------------------------------------------
    def _nearest_if_untensed(self, p: DateParts, resolved: Resolved | None, tense: str | None) -> Resolved | None:
        """A date written without its year is placed by its tense, except that a news report's dates lie
        near its publication: with no tense cue ("the deadline is Wednesday 6 December", tense 'present') it
        is the occurrence nearest the publication date; told in the past or future but lying within two
        weeks the other way ("data showed on Monday, Dec. 9" in a report of Dec. 8), it is that one, not
        the one a year off. A date with a stated weekday that fits only the occurrence the other way, within a
        half a year of publication, is that one."""
        pub = self.doc.published
        if resolved is None or pub is None or resolved[1] != "day" or p.year is not None \
                or p.form not in ("absolute", "day_of_month"):
            return resolved
        other = resolve_parts(p, "past" if tense == "future" else "future", pub)
        if other is None or other[1] != "day":
            return resolved
        here, there = dt.date.fromisoformat(resolved[0]), dt.date.fromisoformat(other[0])
        near_here, near_there = abs((here - pub).days), abs((there - pub).days)
        if p.weekday and near_there <= _WEEKDAY_FITS_WITHIN and weekday_of(other[0]) == p.weekday \
                and weekday_of(resolved[0]) != p.weekday:
            # "final count Friday 6th Nov." in a report of Oct. 22: the coming Nov. 6 is a Friday, the past
            # one is not; the writer's weekday says which is meant
            return other
        if tense == "present":
            return other if near_there < near_here else resolved
        return other if near_there <= _NEAR_PUBLICATION and near_here > 183 else resolved

    def _named_years(self) -> list[tuple[int, int, int]]:
        """(offset, sentence, year) of every year the text states ("in 2001", "Sept. 11, 2001", "October 2012")."""
        out = []
        for d in self.dates_by_start:
            p = parse_expression(d.expression)
            if p is not None and p.year is not None and p.form in ("year", "month", "absolute"):
                out.append((d.span.start, d.sentence, p.year))
        return out

    @staticmethod
    def _set(d: DateMention, resolved: tuple[str, str] | None) -> None:
        if resolved is None:
            return
        d.date, d.precision = resolved  # type: ignore[assignment]
        d.weekday_of_date = weekday_of(d.date) if d.precision == "day" else None

    @staticmethod
    def _copy(e: Event, d: DateMention) -> None:
        e.date, e.precision = d.date, d.precision

    def _mention_for(self, e: Event) -> DateMention | None:
        if not e.date_text:
            return None
        same = [d for d in _near(self.dates_in.get(e.sentence, []), e.span.start) if d.expression == e.date_text]
        if not same:
            return None
        return min(same, key=lambda d: abs(d.span.start - e.span.start))

    def _anchor_for(self, d: DateMention, main: Event | None) -> Event | None:
        candidates = [e for e in _near(self.events_in.get(d.sentence, []), d.span.start)
                      if e.date and self.event_date.get(id(e)) is not d]
        for s in self.sequences_in.get(d.sentence, []):
            for at in (s.earlier_at, s.later_at):
                linked = self.event_at(at)
                if linked is not None and linked.date and self.event_date.get(id(linked)) is not d:
                    candidates.append(linked)
        if candidates:
            return min(candidates, key=lambda e: abs(e.span.start - d.span.start))
        return main

    # -- events ------------------------------------------------------------------------------------
    def event_at(self, at: int | None) -> Event | None:
        """The event named at offset ``at``: one whose span holds it, else the latest earlier event of the
        type named there (a back-reference such as "The meeting")."""
        if at is None:
            return None
        i = bisect.bisect_right(self.event_starts, at) - 1
        if i >= 0 and self.events[i].span.start <= at < self.events[i].span.end:
            return self.events[i]
        m = EVENT_RE.search(self.doc.text, at, at + 60)
        if m is None:
            return None
        kind = EVENT_TYPES[re.sub(r"\s+", " ", m.group("trigger").lower())]
        # the events of that type among self.events[max(0, i - _LOOKBACK) : i + 1], in order
        of_type = self.events_of_type.get(kind, [])
        lo = bisect.bisect_left(of_type, max(0, i - _LOOKBACK))
        hi = bisect.bisect_right(of_type, i)
        earlier = [e for e in (self.events[k] for k in of_type[lo:hi]) if e.span.start < at]
        dated = [e for e in earlier if e.date]
        if dated:
            return dated[0] if len({e.date for e in dated}) == 1 else dated[-1]
        return earlier[-1] if earlier else None

    def _corefer(self) -> None:
        for i, e in enumerate(self.events):
            if e.date or e.date_text:
                continue
            for prior in reversed(self.events[max(0, i - _LOOKBACK) : i]):
                if prior.event_type != e.event_type or not prior.date:
                    continue
                definite = not e.participants and e.label.lower().startswith(("the ", "this ", "that "))
                if definite or set(prior.participants) & set(e.participants):
                    e.date, e.precision = prior.date, prior.precision
                    break

    def _event_weekdays(self) -> None:
        """Key mentions of one event alike; a definite back-reference ('the summit') whose stated weekday
        differs from the one the event was first given is marked on its date mention (other_weekday)."""
        first_weekday: dict[str, str] = {}
        last_key: dict[str, str] = {}
        for e in self.events:
            mention = self.event_date.get(id(e))
            e.weekday = mention.weekday if mention is not None else None
            if e.participants:
                e.event_key = e.event_type + "|" + "+".join(sorted(person_key(p) for p in e.participants))
            elif _is_back_reference(self.doc.text, e) and e.event_type in last_key:
                e.event_key = last_key[e.event_type]
            else:
                continue
            last_key[e.event_type] = e.event_key
            if not e.weekday or mention is None or not self._own_date(e, mention):
                continue
            seen = first_weekday.setdefault(e.event_key, e.weekday)
            if seen != e.weekday and mention is not None and not e.participants:
                mention.other_weekday = seen

    def _own_date(self, e: Event, d: DateMention) -> bool:
        """Whether a date is the event's own ("held a summit in Tokyo on Tuesday", "at the summit on
        Monday"), not one a reporting verb carries ("..., the president said on Tuesday")."""
        gap = d.span.start - e.span.end if d.span.start >= e.span.end else e.span.start - d.span.end
        if gap > _OWN_DATE_DISTANCE:
            return False
        before = self.doc.text[max(0, d.span.start - 30) : d.span.start].lower()
        return _REPORTED_ON.search(before) is None

    # -- sequences, tenures, roles -----------------------------------------------------------------
    def _date_at(self, sentence: int, at: int | None) -> DateMention | None:
        """The date mention whose span holds offset ``at``: in ``sentence``, else anywhere before it (a side
        a pattern found by reference back, "The decision came a day after ...")."""
        if at is None:
            return None
        here = next((d for d in self.dates_in.get(sentence, []) if d.span.start <= at < d.span.end), None)
        if here is not None:
            return here
        i = bisect.bisect_right(self.date_starts, at) - 1
        if i >= 0 and self.dates_by_start[i].span.start <= at < self.dates_by_start[i].span.end:
            return self.dates_by_start[i]
        return None

    def _place_by_interval(self, s: Sequence, earlier: DateMention, later: DateMention) -> None:
        """Two dates a stated interval apart, one written without its year: when another year of that
        date makes the stated interval hold, it is the year meant ("reported by Feb. 14, 42 days after the
        last patient tested negative on Jan. 3", each placed from the publication date by its own tense).
        A year never fixes a wrong day, so no error is hidden; a date whose stated weekday fits stays."""
        if s.stated_days is None:
            return
        for moving in sorted((later, earlier), key=lambda d: d.weekday is not None):
            if not (earlier.date and later.date and len(earlier.date) == 10 and len(later.date) == 10):
                return
            if moving.weekday is not None and moving.weekday == moving.weekday_of_date:
                continue
            p = parse_expression(moving.expression)
            if p is None or p.year is not None or p.form not in ("absolute", "day_of_month"):
                continue
            m = dt.date.fromisoformat(moving.date)
            other = dt.date.fromisoformat((earlier if moving is later else later).date or "")
            for year in (m.year - 1, m.year + 1, m.year - 2, m.year + 2):
                try:
                    cand = m.replace(year=year)
                except ValueError:
                    continue
                days = (cand - other).days if moving is later else (other - cand).days
                if abs(days - s.stated_days) <= s.tolerance_days:
                    self._set(moving, (cand.isoformat(), "day"))
                    return

    def _sequence(self, s: Sequence) -> None:
        if s.pattern is not None:  # read by a relation pattern: both sides are date mentions
            earlier_d, later_d = self._date_at(s.sentence, s.earlier_at), self._date_at(s.sentence, s.later_at)
            if earlier_d is not None and later_d is not None:
                self._place_by_interval(s, earlier_d, later_d)
                s.earlier_ref, s.earlier_date = earlier_d.id or None, earlier_d.date
                s.later_ref, s.later_date = later_d.id or None, later_d.date
            elif s.later_at is None and s.later_date and earlier_d is not None:
                s.earlier_ref, s.earlier_date = earlier_d.id or None, earlier_d.date  # "nine days ago, on ...": to publication
            return
        if s.earlier_label.endswith(" taking office"):
            self._after_office(s)
            return
        earlier = self.event_at(s.earlier_at)
        later = self.event_at(s.later_at)
        if s.cue.endswith(" since") and s.earlier_at is not None:
            inside = [d for d in self.dates_in.get(s.sentence, []) if s.earlier_at <= d.span.start < s.span.end
                      and d.date]
            if inside:
                s.earlier_date = inside[0].date
                earlier = None
        if earlier is not None:
            s.earlier_ref, s.earlier_date = earlier.id or None, earlier.date
        if later is not None:
            s.later_ref, s.later_date = later.id or None, later.date

    def _after_office(self, s: Sequence) -> None:
        person = s.earlier_label[: -len(" taking office")]
        starts = [t for t in self.tenures if t.person == person and t.date and not _N_AFTER.match(t.date_text)]
        if starts:
            s.earlier_ref, s.earlier_date = starts[0].id or None, starts[0].date
        later = self.event_at(s.later_at)
        if later is not None:
            s.later_ref, s.later_date = later.id or None, later.date

    def _tenure(self, t: TenureStart) -> None:
        n_after = _N_AFTER.match(t.date_text)
        if n_after:
            self._tenure_relative(t, n_after)
            return
        inside = [d for d in self.dates_in.get(t.sentence, []) if t.span.start <= d.span.start < t.span.end
                  and d.date]
        if inside:
            t.date, t.precision = inside[-1].date, inside[-1].precision

    def _tenure_relative(self, t: TenureStart, m: re.Match[str]) -> None:
        from factcheck.extract.lexicon import number_value

        n = number_value(m.group("n"))
        if n is None or not m.group("unit").startswith("day"):
            return
        ev = [e for e in self.events_in.get(t.sentence, []) if e.date and len(e.date) == 10]
        if ev:
            base = ev[0].date
        else:
            ds = [d for d in self.dates_in.get(t.sentence, []) if d.date and len(d.date) == 10 and
                  not (t.span.start <= d.span.start < t.span.end)]
            if not ds:
                return
            base = ds[0].date
        assert base is not None
        sign = -1 if m.group("rel") == "after" else 1
        t.date = (dt.date.fromisoformat(base) + dt.timedelta(days=sign * int(n))).isoformat()
        t.precision = "day"

    def _role(self, r: RoleMention) -> None:
        ev = [e for e in _near(self.events_in.get(r.sentence, []), r.span.start) if e.date]
        own = [e for e in ev if r.person in e.participants]
        pick = own or ev
        if pick and len({e.date for e in pick}) == 1:
            r.date, r.precision = pick[0].date, pick[0].precision


def _near(items: list[_F], pos: int, k: int = _NEAR) -> list[_F]:
    """The up to 2k items (sorted by span start) nearest to ``pos``: keeps linking linear in long sentences."""
    if len(items) <= 2 * k:
        return items
    i = bisect.bisect_left(items, pos, key=lambda f: f.span.start)
    return items[max(0, i - k) : i + k]


def _is_back_reference(text: str, e: Event) -> bool:
    before = text[max(0, e.span.start - 40) : e.span.start]
    return bool(_DEFINITE.search(before)) and not _ANOTHER.search(before)


def _in_named_year(p: DateParts, d: DateMention, named: list[tuple[int, int, int]],
                   published: dt.date | None) -> Resolved | None:
    """A date written without its year whose stated weekday does not fit the occurrence near publication,
    but fits a past year the text stated just before it, in its sentence or the one before ("In 2001, the
    towers fell on Tuesday, Sept. 11"; "The storm hit in October 2012. On Monday, Oct. 29, ..."): the story
    is telling of that year. A year to come ("will open in 2030") is a target, a year further back sets no
    scene for this date, and a date the text was said on ("the ministry said on Tuesday, April 16") is the
    report's, near publication."""
    if published is None:
        return None
    for start, sentence, year in reversed(named):
        if start >= d.span.start or year >= published.year or not d.sentence - 1 <= sentence <= d.sentence:
            continue
        try:
            day = dt.date(year, p.month, p.day)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
        # the latest such year only: any of several years may fit a weekday by chance
        return (day.isoformat(), "day") if weekday_of(day.isoformat()) == p.weekday else None
    return None


def _is_anchored(d: DateMention) -> bool:
    p = parse_expression(d.expression)
    return p is not None and (p.relative or "").endswith(":anchor")


def link(doc: Document, facts: list[FactBase]) -> None:
    Linker(doc, facts).run()
