"""timeline_shift: a target moved from one year (or month) to another, with the shift as stated.

Slots: ``from`` and ``to`` (year, fiscal-year or month mentions), optional ``shift`` (a duration),
``verb``/``particle``/``dir`` (words that say which way), ``bound`` (a hedge), ``target`` (what moved).
The direction words and bounds are resources (``timeline.yaml``).
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.builders import backrefs
from factcheck.extract.builders.common import certainty_of, fiscal_country
from factcheck.extract.mentions.resources import lexicon, resource
from factcheck.extract.relations.compile import inflections
from factcheck.model.countries import fiscal_calendar, fiscal_year_of, range_label_year
from factcheck.model.document import Span
from factcheck.model.facts import TimelineShift

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.mentions.model import Mention
    from factcheck.extract.relations.match import RelationMatch


@cache
def _words() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    raw = resource("timeline")
    # every inflection of a listed verb says the same way ("extending" as "extend")
    earlier = frozenset(f for w in raw["earlier"] for f in inflections(w))
    later = frozenset(f for w in raw["later"] for f in inflections(w))
    return earlier, later, dict(raw["bounds"])


def _point(m: Mention | None, country: str | None, published: dt.date | None,
           other: Mention | None = None) -> tuple[int, int | None, bool] | None:
    """(year, month, fiscal) of a year, fiscal-year, month or relative ("the current fiscal year") mention.
    ``other`` is the mention on the other side of the shift."""
    if m is None:
        return None
    v = m.value
    if m.type == "year":
        return v["year"], None, False
    if m.type == "fiscal_year":
        y = v.get("year")
        if y is None:
            return _bounded_point(v, country, other)
        if v.get("year2"):
            if fiscal_calendar(country) is not None:
                y = range_label_year(y, v["year2"], country)
            elif other is not None and other.type == "fiscal_year" and other.value.get("year2"):
                # "from 2027-28 to 2029-30": whichever year a range is named by, both sides are named
                # alike, so the shift between them is the same
                y = v["year2"]
            else:
                return None  # "2028-29" names a different year by calendar: unknown without one
        return y, None, True
    if m.type in ("month", "date") and v.get("year"):
        return v["year"], v["month"], False
    if m.type == "relative" and v.get("anchor") == "publication" and published is not None:
        if v.get("unit") == "fiscal_year":
            fy = fiscal_year_of(published, country)
            return (fy + v["offset"], None, True) if fy is not None else None
        if v.get("unit") == "year":
            return published.year + v["offset"], None, False
    return None


def _bounded_point(v: dict[str, object], country: str | None,
                   other: Mention | None) -> tuple[int, int | None, bool] | None:
    """"The fiscal year to March 2027": against a month ("by March 2029") the month it ends in, so that
    both sides are months; against a fiscal year, the label of the year it ends, by the country's calendar."""
    end_month, bound_year = v.get("end_month"), v.get("bound_year")
    if v.get("form") != "bounded" or not isinstance(end_month, int) or not isinstance(bound_year, int):
        return None
    if other is not None and other.type in ("month", "date"):
        return bound_year, end_month, False
    if other is not None and other.type == "year":
        # "in the fiscal year ending March 31, 2026, ... six years earlier than the 2032 date": against a
        # calendar year, the year it ends in (the year it starts in is the other reading: _bounded_readings)
        return bound_year, None, False
    end = _safe_date(bound_year, end_month, 1)
    label = fiscal_year_of(end, country) if end is not None and fiscal_calendar(country) is not None else None
    return (label, None, True) if label is not None else None


def _bounded_readings(m: Mention | None, point: tuple[int, int | None, bool],
                      other: tuple[int, int | None, bool], stated_years: int) -> tuple[int, int | None, bool]:
    """A fiscal year told by its end ("the fiscal year ending March 31, 2026") against a calendar year
    spans two calendar years: the year it starts in is taken when it, and not the year it ends in, makes
    the stated shift hold (the text then reads consistently); when neither does, both readings contradict
    the text and the year it ends in stands."""
    if m is None or m.type != "fiscal_year" or m.value.get("form") != "bounded" or point[2] or other[2]:
        return point
    end_month = m.value.get("end_month")
    if not isinstance(end_month, int) or end_month == 12 or point[1] is not None or other[1] is not None:
        return point
    if abs(other[0] - point[0]) != stated_years and abs(other[0] - (point[0] - 1)) == stated_years:
        return point[0] - 1, None, False
    return point


def _days(fm: Mention | None, tm: Mention | None, yearless: bool = False) -> tuple[int | None, int | None]:
    """The days of the month of two full dates with their years ("from Sept. 30, 2026 to March 31, 2027"),
    or of two dates that both leave their year to the publication date (``yearless``), so that a move
    within one month has a direction; else none."""
    if fm is None or tm is None or fm.type != "date" or tm.type != "date":
        return None, None
    a, b = fm.value, tm.value
    if not isinstance(a.get("day"), int) or not isinstance(b.get("day"), int):
        return None, None
    if not (a.get("year") and b.get("year")) and not yearless:
        return None, None
    return a["day"], b["day"]


def _yearless_dates(fm: Mention | None, tm: Mention | None, published: dt.date | None
                    ) -> tuple[tuple[int, int, bool], tuple[int, int, bool], str | None] | None:
    """"originally scheduled for Monday, Sept. 9, ... took place on Thursday, Sept. 12": two dates that
    both leave their year to the publication date. They are read in the publication's year, the second
    in the next year when that is the nearer reading ("from Dec. 28 to Jan. 4"), which is a guess. The
    days between depend on the year only across a Feb. 29, also a guess."""
    if published is None or fm is None or tm is None or fm.type != "date" or tm.type != "date":
        return None
    a, b = fm.value, tm.value
    if a.get("year") or b.get("year"):
        return None
    y1 = y2 = published.year
    d1, d2 = _safe_date(y1, a.get("month"), a.get("day")), _safe_date(y2, b.get("month"), b.get("day"))
    if d1 is None or d2 is None:
        return None
    note = None
    if (d1 - d2).days > 183:
        y2 += 1
        note = f"the year of {tm.text!r} is not stated; it is taken as the year after {fm.text!r}"
    elif (d2 - d1).days > 183:
        return None
    spans = {(_safe_date(base + (y2 - y1), b["month"], b["day"]) or d2) - (_safe_date(base, a["month"], a["day"]) or d1)
             for base in (2023, 2024)}
    if len(spans) > 1 and note is None:
        note = "the year of the dates is not stated, and the days between them depend on it (Feb. 29)"
    return (y1, int(a["month"]), False), (y2, int(b["month"]), False), note


_QUARTER = re.compile(r"\b(?:(first|second|third|fourth|final|last|1st|2nd|3rd|4th)\s+quarter\s+of\s+|"
                      r"Q([1-4])\s+)$", re.IGNORECASE)
# "the first half of 2027", "H2 2026": a half counted by its first month, as a quarter is
_HALF = re.compile(r"\b(?:(first|second|1st|2nd)\s+half\s+of\s+|H([12])\s+)$", re.IGNORECASE)
_HALVES = {"first": 1, "1st": 1, "second": 2, "2nd": 2}
_QUARTERS = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "final": 4,
             "last": 4}


def _quarter(a: Analysis, m: Mention | None) -> tuple[int, int] | None:
    """(first month of the quarter, start offset of its phrase) of a year named with its quarter ("the
    third quarter of 2026", "Q3 2026") or its half ("the first half of 2027", "H2 2026"), so that a move
    between quarters or halves counts its months."""
    if m is None or m.type != "year":
        return None
    found = _QUARTER.search(a.text[max(0, m.start - 24) : m.start])
    if found is None:
        half = _HALF.search(a.text[max(0, m.start - 24) : m.start])
        if half is None:
            return None
        h = _HALVES[half.group(1).lower()] if half.group(1) else int(half.group(2))
        return 6 * h - 5, m.start - len(half.group(0))
    q = _QUARTERS[found.group(1).lower()] if found.group(1) else int(found.group(2))
    return 3 * q - 2, m.start - (len(found.group(0)))


# "the end of 2026", "the start of 2027": a year named by its end or its start. Only two years named alike
# are read as months ("until the end of 2029, from the end of 2028" is 12 months), since "the end of 2028"
# against a bare "2026" says no month of the other side.
_YEAR_EDGE = re.compile(r"\b(?:the\s+)?(end|close|start|beginning)\s+of\s+$", re.IGNORECASE)
_EDGE_MONTHS = {"end": 12, "close": 12, "start": 1, "beginning": 1}


def _year_edge(a: Analysis, m: Mention | None) -> tuple[int, int] | None:
    """(month, start offset of its phrase) of a year named by its end or start ("the end of 2026")."""
    if m is None or m.type != "year":
        return None
    found = _YEAR_EDGE.search(a.text[max(0, m.start - 20) : m.start])
    if found is None:
        return None
    return _EDGE_MONTHS[found.group(1).lower()], m.start - len(found.group(0))


def _safe_date(year: int, month: object, day: object) -> dt.date | None:
    try:
        return dt.date(year, int(month), int(day))  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return None


def _fiscal_mentions(*ms: Mention | None) -> bool:
    return any(m is not None and (m.type == "fiscal_year" or m.value.get("unit") == "fiscal_year") for m in ms)


def _direction(match: RelationMatch, earlier: frozenset[str], later: frozenset[str],
               old: tuple[int, int | None, bool] | None = None,
               new: tuple[int, int | None, bool] | None = None) -> str | None:
    """Which way the text says: the direction word, particle, a particle between the verb and the shift
    ("moved its ban ... up by five years") or the sign of a relative shift ("three years later"); else
    the verb. Where two of the first say different ways ("moved forward to 2028, two years later"), the
    text contradicts itself: the one the years contradict is reported."""
    verb = match.get("verb")
    particle = match.words("particle").split()
    if not particle and verb is not None:
        # the first particle between the verb and the shift: "forward the coal phase-out by ..." is forward
        sent = match.sentence
        stop = min((sl.start for n, sl in match.slots.items() if n in ("shift", "from", "to")), default=match.end)
        between = [it.code for it in sent.items if verb.end <= it.start < stop]
        particle = [w for w in between if w in ("up", "forward", "forwards", "back", "out", "ahead")][:1]
    said = [d for d in (_way(match.words("dir").split(), earlier, later), _way(particle, earlier, later),
                        _strict_way(match.words("verb").split()))
            if d is not None]
    shift = match.mention("shift")
    if shift is not None and shift.type == "relative" and shift.value.get("anchor") == "event":
        n = shift.value.get("offset")  # "five years later" +5, "two years earlier" -2
        if isinstance(n, int) and n:
            said.append("later" if n > 0 else "earlier")
    if len(set(said)) > 1 and old is not None and new is not None:
        a, b = (old[0], old[1] or 0), (new[0], new[1] or 0)
        actual = "earlier" if b < a else "later" if b > a else None
        return next((d for d in said if d != actual), said[0])
    if said:
        return said[0]
    d = _way(match.words("verb").split(), earlier, later)
    if d is not None:
        return d
    fixed = match.pattern.spec.set.get("direction")
    return str(fixed) if fixed else None


_STRICT_LATER = ("delay", "postpon", "defer", "slip")
_STRICT_EARLIER = ("advanc", "accelerat", "expedit", "hasten")


def _strict_way(words: list[str]) -> str | None:
    """The way a verb says on its own, whatever words go with it ("delayed", "postponed"; "advanced"),
    so that "delayed to 2026 from 2027, a year ahead of plan" contradicts itself; verbs that need their
    particle ("moved", "brought", "pushed") say nothing here."""
    for w in words:
        if w.startswith(_STRICT_LATER):
            return "later"
        if w.startswith(_STRICT_EARLIER):
            return "earlier"
    return None


def _way(words: list[str], earlier: frozenset[str], later: frozenset[str]) -> str | None:
    if any(w in later for w in words):
        return "later"
    if any(w in earlier for w in words):
        return "earlier"
    return None


_STOP_NOUNS = frozenset(["the", "its", "their", "his", "her", "a", "an", "of", "on", "for", "to", "by", "and", "new",
                         "plan", "plans", "this", "that", "it"])


def _moved_nouns(match: RelationMatch) -> frozenset[str]:
    """The words naming what moved: between the verb and the shift ("delay its ban on new petrol cars by")."""
    verb, shift = match.get("verb"), match.get("shift") or match.get("to")  # "push back X to 2020": up to the target
    if verb is None or shift is None:
        return frozenset()
    return frozenset(it.code for it in match.sentence.items if verb.end <= it.start < shift.start
                     and it.mention is None and it.code.isalpha() and it.code not in _STOP_NOUNS)


def _other_side(match: RelationMatch, a: Analysis) -> tuple[Mention | None, Mention | None, str | None]:
    """(from, to, what was inferred) with a side the pattern says is told in another sentence
    (``set: {from: adjacent}``, ``set: {from: previous}`` / ``set: {to: previous}``)."""
    fm, tm = match.mention("from"), match.mention("to")
    side = match.pattern.spec.set
    if fm is None and side.get("from") == "adjacent":
        found = backrefs.original_target(a, match.sentence, _moved_nouns(match))
        if found is None:
            return None, None, None
        fm = found[0]
        return fm, tm, f"the original target {fm.text!r} is read from {found[1]}"
    if fm is None and side.get("from") == "previous":
        fm = backrefs.previous_target(a, match.sentence)
        if fm is None:
            return None, None, None
        return fm, tm, f"the original target {fm.text!r} is read from the sentence before"
    if tm is None and side.get("to") == "previous":
        tm = backrefs.previous_target(a, match.sentence)
        if tm is None:
            return None, None, None
        return fm, tm, f"the new target {tm.text!r} is read from the sentence before"
    return fm, tm, None


_MODAL = frozenset(["will", "would", "could", "may", "might", "should", "can", "to", "be", "if", "not", "never"])


def _met_by_publication(match: RelationMatch, published: dt.date | None) -> int | None:
    """The publication year, for a target the text says was met already ("a milestone reached five
    years ahead of the 2030 deadline", "the goal was met two years early"): a past form of the verb in
    an asserted, not future clause, with no modal or "to be" just before it; else None."""
    verb = match.get("verb2")
    if published is None or verb is None:
        return None
    clause = match.sentence.clauses[verb.items[0].clause]
    if clause.tense == "future" or clause.modality != "asserted":
        return None
    items = match.sentence.items
    k = next(i for i, it in enumerate(items) if it is verb.items[0])
    if any(it.code in _MODAL for it in items[max(0, k - 3) : k]):
        return None
    return published.year


_SPAN_WORDS = frozenset(["run", "runs", "running", "ran", "last", "lasts", "lasting", "lasted", "held", "hold",
                         "holds", "stretch", "stretches", "span", "spans", "stay", "stays", "remain", "remains",
                         "operate", "operates", "close", "closes", "closed", "cover", "covers", "covering"])


_AMBIGUOUS_LATER = frozenset(["back", "put", "set", "move", "moved", "moves", "moving"])


def _only_back(match: RelationMatch, later: frozenset[str]) -> bool:
    """The only word saying "later" is "back" (with a plain verb of moving)."""
    words = set(" ".join(match.words(n) for n in ("verb", "particle", "dir")).split())
    said = words & later
    return "back" in said and said <= _AMBIGUOUS_LATER


def _only_the_pair(match: RelationMatch) -> bool:
    """The sentence names no date but the old and the new target ("... will end in 2035 rather than 2040"),
    so that a move told in the sentence before can be its move ("launch in 2029 and land in 2031 rather
    than 2030" names another)."""
    dated = [it for it in match.sentence.items
             if it.mention is not None and it.mention.type in ("year", "fiscal_year", "month", "date")]
    return len(dated) == 2


def _a_span_not_a_move(match: RelationMatch) -> bool:
    """"Postponed by a year, will run from June 3, 2026 to June 7, 2026": the from-to pair is how long the
    thing lasts, not where it moved from and to (a verb of lasting just before "from")."""
    fm = match.mention("from")
    if fm is None:
        return False
    items = match.sentence.items
    k = next((i for i, it in enumerate(items) if it.mention is fm), None)
    if k is None or k == 0 or items[k - 1].code != "from":
        return False
    if any(it.code in _SPAN_WORDS for it in items[max(0, k - 5) : k - 1]):
        return True
    # "extends the freeze for a further 3 years from 2028-29 to 2030-31": "for" a length, the years it covers
    shift = match.mention("shift")
    j = next((i for i, it in enumerate(items) if it.mention is shift), None) if shift is not None else None
    if j is None:
        return False
    before = [it.code for it in items[max(0, j - 3) : j]]
    return "for" in before and "by" not in before


_FIGURES = frozenset(["money", "percent", "number", "points"])
_PLURAL_TARGETS = frozenset(["dates", "deadlines", "targets", "years", "timelines", "goals"])


def _a_range_not_a_shift(match: RelationMatch) -> bool:
    """The move is a range, not one shift from one target to another: "by between two and five years",
    "by two to three years" (the size), or "from the dates of 2025 to 2028" (several old targets)."""
    items = match.sentence.items
    shift, fm = match.mention("shift"), match.mention("from")
    numbers = lexicon().numbers
    k = next((i for i, it in enumerate(items) if shift is not None and it.mention is shift), None)
    if k is not None and k >= 2 and items[k - 1].code in ("and", "to", "or", "-", "–"):
        low = items[k - 2]
        if (low.mention is not None and low.mention.type in ("number", "duration")) or low.code in numbers:
            return True
    j = next((i for i, it in enumerate(items) if fm is not None and it.mention is fm), None)
    if j is not None:
        back = items[max(0, j - 4) : j]
        if any(it.code in _PLURAL_TARGETS for it in back) and any(it.code == "from" for it in back):
            return True
    return False


# verbs of telling or deciding: "<verb> in <year>" dates the telling, not the target ("a year later than it
# forecast in 2024", "than the board promised in 2021"); "expected/planned/due/scheduled in 2028" name a target
_TOLD = frozenset(["forecast", "forecasts", "forecasted", "predicted", "projected", "estimated", "announced", "said",
                   "promised", "pledged", "agreed", "published", "signed", "told", "reported", "stated", "decided"])


def _year_of_telling(match: RelationMatch) -> bool:
    """The old target is the year a forecast, promise or announcement was made ("a year later than it
    forecast in 2024"): "<verb of telling> in" just before it."""
    fm = match.mention("from")
    if fm is None:
        return False
    items = match.sentence.items
    k = next((i for i, it in enumerate(items) if it.mention is fm), None)
    return k is not None and k >= 2 and items[k - 1].code == "in" and items[k - 2].code in _TOLD


def _moves_a_figure(match: RelationMatch) -> bool:
    """The verb moves a figure, not a date: a figure followed by to/from between the verb and the years
    ("pushed average prices up 4% to a record in 2025 from 2024")."""
    verb = match.get("verb")
    if verb is None:
        return False
    items = match.sentence.items
    for k in range(match.first_item, min(match.last_item, len(items) - 1)):
        it = items[k]
        if it.start >= verb.end and it.mention is not None and it.mention.type in _FIGURES \
                and items[k + 1].code in ("to", "from"):
            return True
    return False


def build(match: RelationMatch, a: Analysis) -> TimelineShift | None:
    fm, tm, elsewhere = _other_side(match, a)
    published = a.doc.published
    met_by = None  # "a milestone reached five years ahead of the 2030 deadline": met by the publication year
    if tm is None and match.pattern.spec.set.get("to") == "publication":
        met_by = _met_by_publication(match, published)
        if met_by is None or fm is None or fm.type != "year":
            return None
        elsewhere = f"the target is said to be met already; the new date is taken as {met_by}, the year of publication"
    elif tm is None or fm is tm or _moves_a_figure(match) or _a_span_not_a_move(match) or _a_range_not_a_shift(match) \
            or _year_of_telling(match):
        return None
    earlier, later, bounds = _words()
    fiscal = _fiscal_mentions(fm, tm)
    country = fiscal_country(a, match) if fiscal else None
    new = (met_by, None, False) if met_by is not None else _point(tm, country, published, fm)
    old = _point(fm, country, published, tm)
    inferred = elsewhere
    if new is None and tm is not None and tm.type == "date" and not tm.value.get("year") and published is not None \
            and fm is not None and fm.type in ("year", "fiscal_year"):
        # "opened on Sunday, Oct. 5, four years later than its 2021 target": a past event's date without
        # its year is the latest one on or before publication
        day = _safe_date(published.year, tm.value.get("month"), tm.value.get("day"))
        if day is not None:
            year = published.year if day <= published else published.year - 1
            new = (year, None, False)
            inferred = f"the year of {tm.text!r} is not stated; taken as {year}, the latest before publication"
    said = match.mention("shift")
    in_days = said is not None and said.value.get("unit") in ("day", "week")
    # two dates without their year are read only to check a shift stated in days or weeks
    pair = _yearless_dates(fm, tm, published) if new is None and old is None and in_days else None
    yearless = pair is not None
    if pair is not None:
        old, new, note = pair
        if note:
            inferred = f"{inferred}; {note}" if inferred else note
    if new is None:
        return None
    labels = (fm.text if fm is not None else str(old[0]) if old is not None else "",
              tm.text if tm is not None else str(met_by))
    quarters = (_quarter(a, fm), _quarter(a, tm))
    if old is not None and quarters[0] is not None and quarters[1] is not None:
        # "from the first quarter of 2027 to the third quarter of 2026": months, each quarter by its first
        old, new = (old[0], quarters[0][0], old[2]), (new[0], quarters[1][0], new[2])
        labels = (a.text[quarters[0][1] : fm.end], a.text[quarters[1][1] : tm.end])  # type: ignore[union-attr]
    elif old is not None and quarters == (None, None):
        edges = (_year_edge(a, fm), _year_edge(a, tm))
        if edges[0] is not None and edges[1] is not None and edges[0][0] == edges[1][0]:
            # "until the end of 2029, from the end of 2028": both by the same edge, twelve months a year apart
            old, new = (old[0], edges[0][0], old[2]), (new[0], edges[1][0], new[2])
            labels = (a.text[edges[0][1] : fm.end], a.text[edges[1][1] : tm.end])  # type: ignore[union-attr]
    direction = _direction(match, earlier, later, old, new)
    stated_years = stated_months = stated_days = None
    shift = match.mention("shift")
    told_before = match.pattern.spec.set.get("shift")
    told = backrefs.previous_shift(a, match.sentence) \
        if shift is None and told_before in ("previous", "previous_if_any") and _only_the_pair(match) else None
    if told is None and told_before == "previous":
        return None
    if shift is None and told is None and told_before is None and old is not None and _only_the_pair(match):
        # "The ban ... will be pushed back from 2030 to 2035. ... he would put back a ban on new fossil fuel cars
        # by four years": the size told a few sentences on, of the same thing
        ahead = backrefs.later_shift(a, match.sentence, _target(a, match))
        if ahead is not None:
            shift, moved = ahead
            direction = direction or _way(moved[1:], earlier, later) or _way(moved, earlier, later)
            note = f"the shift {shift.text!r} is read from a later sentence about the same move"
            inferred = f"{inferred}; {note}" if inferred else note
    if told is not None:
        # "A ban ... will be brought forward by five years. ... will end in 2035 rather than 2040."
        shift, moved = told
        direction = _way(moved[1:], earlier, later) or _way(moved, earlier, later)  # the particle first
        note = f"the shift {shift.text!r} is read from the sentence before"
        inferred = f"{inferred}; {note}" if inferred else note
    if shift is not None:
        unit = shift.value.get("unit")
        amount = shift.value.get("amount", shift.value.get("count"))
        if amount is None and shift.type == "relative":
            amount = shift.value.get("offset")  # "a year later": one
        if amount is None:
            return None
        amount = abs(float(amount))
        if unit == "year" and amount.is_integer():
            stated_years = int(amount)
        if unit == "month" and amount.is_integer():
            stated_months = int(amount)  # compared with the months between two month targets
            if amount % 12 == 0:
                stated_years = int(amount // 12)
        if unit in ("day", "week") and amount.is_integer():
            stated_days = int(amount) * (7 if unit == "week" else 1)  # compared only between two full dates
    if old is not None and stated_years is not None:
        old, new = _bounded_readings(fm, old, new, stated_years), _bounded_readings(tm, new, old, stated_years)
    if old is None and fm is None and match.pattern.spec.set.get("derive_from"):
        # "two years earlier than planned ... Japan's original deadline was fiscal 2027": the original
        # target stated beside the shift, before it is derived from the shift
        found = backrefs.stated_original(a, match.sentence, match.end)
        if found is not None and (point := _point(found[0], country, published, tm)) is not None \
                and point[2] == new[2]:
            fm, old = found[0], point
            inferred = f"the original target {fm.text!r} is read from {found[1]}"
    if old is None:
        # "expected in 2028, a year later than first forecast": the old year follows from the stated shift
        if fm is not None or stated_years is None or direction is None or not match.pattern.spec.set.get("derive_from"):
            return None
        sign = -1 if direction == "later" else 1
        old = (new[0] + sign * stated_years, None, new[2])
        inferred = f"the original target {old[0]} is not stated; it follows from the stated shift"
    if _days(fm, tm) != (None, None) and direction == "later" and _only_back(match, later):
        # "moved back by a day" of a fixture is said of an earlier day as often as of a later one
        direction = None
    bound = "exact"
    hedge = match.words("bound")
    if hedge:
        bound = bounds.get(hedge, "about")
    span = Span(start=match.start, end=match.end)
    same_month_kind = (old[1] is None) == (new[1] is None)
    from_day, to_day = _days(fm, tm, yearless) if same_month_kind else (None, None)
    return TimelineShift(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        target=_target(a, match),
        from_year=old[0],
        to_year=new[0],
        from_month=old[1] if same_month_kind else None,
        to_month=new[1] if same_month_kind else None,
        from_day=from_day,
        to_day=to_day,
        from_label=labels[0] if fm is not None else str(old[0]),
        to_label=labels[1],
        year_type="fiscal" if fiscal else "calendar",
        country=country,
        stated_years=stated_years,
        stated_months=stated_months,
        stated_days=stated_days,
        stated_bound=bound,  # type: ignore[arg-type]
        stated_direction=direction,  # type: ignore[arg-type]
        certainty="inferred" if inferred else "certain" if match.pattern.spec.set.get("across_clauses")
        else certainty_of(match),
        inferred=inferred,
        pattern=match.pattern.id,
    )


_TARGET_NOUNS = frozenset(["timeline", "deadline", "target", "goal", "timetable", "schedule", "plan", "plans", "pledge", "ban", "date"])
_TARGET_STOP = frozenset(["would", "will", "was", "is", "were", "has", "had", "have", "be", "been", "could", "should", "may", "might", "by", "from", "to", ",", "(", ";"])


def _target(a: Analysis, match: RelationMatch) -> str:
    """What moved: the words after "<timeline|deadline|target|goal> for|of" up to the verb, else the
    clause up to the match."""
    sent = match.sentence
    items = sent.items
    for k in range(match.first_item - 1, -1, -1):
        if items[k].code in _TARGET_NOUNS and k + 1 < len(items) and items[k + 1].code in ("for", "of", "on"):
            j = k + 2
            while (j < match.first_item and items[j].code not in _TARGET_STOP) or (
                    j < match.first_item and items[j].code == "to" and j + 1 < len(items)
                    and items[j + 1].code.startswith("@")):
                j += 1
            if j > k + 2:
                return a.text[items[k + 2].start : items[j - 1].end]
    clause = match.clause()
    return a.text[clause.start : match.start].strip(" ,") or a.text[match.start : match.end]
