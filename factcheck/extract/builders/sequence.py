"""sequence: two dated things and the interval the text puts between them.

"The results were released on May 15, the day after the board met on May 16" (``first`` the main date,
``offset`` the relative expression, ``second`` the other date: ``first - second = offset``);
"it adopted the package a week earlier, on Nov. 21" (``set: {offset_of: second}``: ``second - first =
offset``). The dates are linked to their resolved date mentions by the resolver (through the offsets
``earlier_at``/``later_at``); the rule compares their order and the stated interval.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import TYPE_CHECKING

from factcheck.extract.builders import backrefs, bracket_day
from factcheck.extract.builders.common import certainty_of
from factcheck.extract.lexicon import CONTENT_CLAUSE
from factcheck.extract.relations.compile import inflections
from factcheck.model.document import Span
from factcheck.model.facts import Sequence

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.mentions.model import Mention
    from factcheck.extract.relations.match import RelationMatch

_UNIT_DAYS = {"day": 1, "week": 7}
_WEEK_ROUNDING = 3  # days a count of weeks rounded to the nearest week may be off by
_MONTH_DAYS = 30.44  # "a month after": 28 to 31 days, give or take a few more for loose usage
# a report set off by commas between an interval and a date ("..., officials said, on July 2")
_SAID_ASIDE = re.compile(r",[^,]*\b(?:said|says|told|confirmed|announced|reported|added|stated|noted)\b[^,]*,")
_COMPOUND = re.compile(r"\b(?:days?|weeks?|months?|years?|hours?)\s+and\s*$", re.IGNORECASE)


def _days(offset: Mention) -> tuple[int, int, int] | None:
    """(signed days, tolerance, sign) of a relative offset: "the day after" +1, "three weeks before" -21
    give or take 3; "hours after" the same day or the next (0, give or take 1, after)."""
    if offset.type == "duration":
        # "returned on July 19 after 16 days in orbit": the time spent since the start, so the first is later
        amount = offset.value.get("amount")
        if not isinstance(amount, int | float) or amount != int(amount) or offset.value.get("unit") not in _UNIT_DAYS:
            return None
        days = int(amount) * _UNIT_DAYS[offset.value["unit"]]
        # a day either way for a count of days (where the count starts); for weeks, a day a week, at most
        # the half week a count rounded to the nearest week may be off by
        return days, 1 if offset.value["unit"] == "day" else min(int(amount), _WEEK_ROUNDING), 1
    if offset.value.get("anchor") != "event":
        return None
    unit, n = offset.value.get("unit"), offset.value.get("offset")
    if n is None or int(n) == 0:
        return None
    sign = 1 if int(n) > 0 else -1
    if unit == "hour":
        return 0, 1, sign  # "hours after": the same day or the next (a count before it: _hours_counted)
    if unit == "year" and abs(int(n)) <= 10:
        # "a year after it was signed on Jan. 15, 2023": 365 days, a month either way (loose usage)
        return sign * 365 * abs(int(n)), 31 * abs(int(n)), sign
    if unit == "month" and abs(int(n)) <= 12:
        # "a month after" Nov. 1 is Dec. 1 (30 days), "two months after" 59 to 62: four days either way
        # for one month, a day more for each further month
        return sign * round(abs(int(n)) * _MONTH_DAYS), 3 + abs(int(n)), sign
    if unit not in _UNIT_DAYS:
        return None
    weeks = min(abs(int(n)), _WEEK_ROUNDING) if unit == "week" else 0
    # "two weeks after" is 13 to 15 days: a day each way per week, and no more than three ("nine weeks
    # after" is not eight weeks, 56 days, later)
    return int(n) * _UNIT_DAYS[unit], weeks, sign


_HEDGES = {"less than": "at_most", "under": "at_most", "within": "at_most", "nearly": "at_most", "almost": "at_most",
           "barely": "at_most", "not even": "at_most", "more than": "at_least", "over": "at_least",
           "at least": "at_least", "some": "about", "about": "about", "around": "about", "roughly": "about",
           "approximately": "about"}


def _hedge(text: str, offset: Mention) -> str | None:
    """The hedge just before an interval ("less than a week after", "about two weeks after")."""
    before = " ".join(text[max(0, offset.start - 24) : offset.start].lower().split()[-2:])
    for words, bound in _HEDGES.items():
        if before == words or before.endswith(" " + words):
            return bound
    return None


def _hours_counted(match: RelationMatch, offset: Mention) -> float | None:
    """The number of hours an "hours after" interval counts, when a number stands right before it
    ("72 hours after")."""
    if offset.value.get("unit") != "hour":
        return None
    items = match.sentence.items
    for k, it in enumerate(items):
        if it.mention is offset and k > 0:
            m = items[k - 1].mention
            if m is not None and m.type == "number" and isinstance(m.value.get("value"), float | int):
                return float(m.value["value"])
    return None


def _certainty(match: RelationMatch, inferred: bool) -> str:
    if inferred:
        return "inferred"  # a side found by reference back: never grounds an error
    return "certain" if match.pattern.spec.set.get("across_clauses") else certainty_of(match)


def _label(match: RelationMatch, side: Mention, first: Mention) -> str:
    """What a side is called: its date, or what the pattern says the second date is (``second_label:
    taking office`` gives "taking office on the 21st")."""
    named = match.pattern.spec.set.get("second_label")
    if side is not first and isinstance(named, str):
        return f"{named} on {'the ' if side.type == 'day_of_month' else ''}{side.text}"
    return side.text


def _appositive(text: str, offset: Mention, second: Mention) -> bool:
    """The second date set off right after the offset ("the previous day, Jan. 15"): the date the offset
    gives, not an event the offset counts from."""
    between = text[offset.end : second.start] if offset.end <= second.start else "x"
    return between.startswith(",") and between.strip(" ,").lower() in ("", "on", "on the")


def build(match: RelationMatch, a: Analysis) -> Sequence | None:
    if match.pattern.spec.set.get("bracket_day"):
        return bracket_day.build(match, a)
    first, second, offset = match.mention("first"), match.mention("second"), match.mention("offset")
    if match.pattern.spec.set.get("sentence_start") and match.first_item != 0:
        return None  # "Three days after ..., the convoy crossed on Nov. 6" opens its sentence
    inferred = False
    if first is None and match.pattern.spec.set.get("first") == "previous":
        # "The decision came ..." opening a sentence, or a clause after a semicolon
        first, inferred = backrefs.previous_lead_date(a, match.sentence, match.first_item), True
    notes: list[str] = []
    if first is None and match.pattern.spec.set.get("first") == "previous_fitting" and offset is not None \
            and second is not None and match.first_item == 0:
        # "Three days later, on Nov. 11, ..." opening a sentence: counted from a date the sentence before tells
        first, inferred = _fitting_previous(a, match, offset, second), True
        if first is not None:
            notes.append(f"{offset.text!r} is counted from {first.text!r}, in the sentence before")
    if first is None and match.pattern.spec.set.get("first") == "lead" and offset is not None:
        first, inferred = backrefs.lead_or_previous(a, match.sentence, offset.start), True
        if first is not None:
            notes.append(f"the date of the event the sentence tells is taken as {first.text!r}")
    act = match.get("act")
    if second is None and act is not None and match.pattern.spec.set.get("second") == "verb":
        gerund = act.items[0]
        verbs = frozenset(f for f in _lemma_forms(gerund.code) if f != gerund.code)
        second, inferred = backrefs.verb_date(a, match.sentence, verbs, gerund.start), True
        if second is not None:
            notes.append(f"the date of {gerund.code!r} is taken from {second.text!r}, where the story tells that act")
    event = match.get("event")
    if first is None and event is not None and match.pattern.spec.set.get("first") == "event_end":
        # "The 25-day stoppage ...": the event's end, where the story told it ended
        ended = event.words.replace(" - ", "-").split()[-1]
        first, inferred = backrefs.event_end_date(a, match.sentence, ended), True
        if first is not None:
            notes.append(f"{ended!r} is taken to have ended on {first.text!r}")
    if second is None and event is not None and offset is not None:
        noun = event.words.replace(" - ", "-").split()[-1]  # "swearing - in" as the text has it
        second, inferred = backrefs.event_date(a, match.sentence, offset.start, noun), True
        if second is not None:
            notes.append(f"{noun!r} is taken to be the event dated {second.text!r}")
    if first is None or second is None or first is second:
        return None
    first, second = _its_date(a, match, first), _its_date(a, match, second)
    if first is second:
        return None
    if offset is not None and offset.end <= second.start and CONTENT_CLAUSE.search(a.text, offset.end, second.start):
        return None  # "a week after the news that the derby would be moved to Sunday": the game's date
    spread = 0
    for m in (first, second):
        if backrefs.is_range(a.text, m):
            # "three weeks after the Oct. 28-29 meeting": which day of it is meant is not said, so an
            # interval may count from any of them; an order alone says nothing certain
            width = backrefs.range_days(a.text, m)
            if width is None or offset is None:
                return None
            spread += width
    if offset is None and match.pattern.spec.set.get("day_count"):
        return _day_count(match, a, first, second)
    if offset is None and (match.pattern.spec.set.get("within") or match.pattern.spec.set.get("apart")):
        return _within(match, a, first, second, inferred)
    if offset is None:
        return _order_only(match, a, first, second, inferred)
    days = _days(offset)
    if days is None or _COMPOUND.search(a.text[max(0, offset.start - 30) : offset.start]):
        return None  # "two weeks and a day after": the interval is more than the words the offset covers
    signed, tolerance, sign = days
    year_between = _year_between(match, first, offset)
    if year_between is not None:
        if offset.value.get("unit") not in ("day", "week", "hour"):
            return None  # "... in 2026, a year after": the interval may count from that year's event
        # "said on June 9 that its reactor would not start before 2027, a day after ...": a year dates no day,
        # so a count of days runs from the day date; which clause the interval belongs to is a reading
        inferred = True
        notes.append(f"{year_between.text!r} is taken as what was said of, not the date {offset.text!r} counts from")
    if offset.type == "duration" and match.pattern.spec.set.get("duration_before"):
        signed, sign = -signed, -sign  # "on May 20, two weeks ahead of the vote on May 27": the first is earlier
    if offset.value.get("unit") == "week" and abs(signed) == 7 and offset.text.lower().startswith(("the ", "that ")):
        tolerance = 6  # "the previous week", "the following week": any day of that calendar week
    hours = _hours_counted(match, offset)
    if hours is not None and hours >= 24:  # "just 72 hours after": three days, give or take one
        signed = sign * round(hours / 24)
    tolerance += spread
    hedge = _hedge(a.text, offset)
    bound = hedge if hedge in ("at_most", "at_least") else "exact"
    if hedge == "about":
        tolerance += max(1, abs(signed) // 7)  # "about two weeks": a day or two more either way
    of_second = match.pattern.spec.set.get("offset_of") == "second"
    # "the day after the board met on May 16" relates two events; "a week earlier" said of something
    # else ("from 10,850 a week earlier") does not, unless it is set off by commas beside the second date
    # ("a week earlier, on Nov. 21", "the previous day, Jan. 15", "on Sept. 10, four days earlier")
    if not of_second and offset.text.lower().endswith(("earlier", "later")):
        return None
    if not of_second and offset.end <= second.start and _SAID_ASIDE.search(a.text, offset.end, second.start):
        return None  # "a week after the board met, club officials said, on July 2": the report's date
    if not of_second and _appositive(a.text, offset, second):
        return None  # "held talks the previous day, Jan. 15": the date is the offset's, read with offset_of
    cert = "inferred"
    if of_second and not inferred:
        first, cert = _anchor(a, match, first, offset, second)
        inferred = cert == "inferred"
        if first is second:
            return None
    if of_second:
        signed, sign = -signed, -sign  # the second date is the offset from the first
    # first - second = signed: a positive offset puts the first date later
    later, earlier = (first, second) if sign > 0 else (second, first)
    if _weekday_fits(a, earlier, later, abs(signed), tolerance):
        return None  # "opens on Thursday, a week after their Dec. 11 meeting": Thursday, Dec. 18 fits
    if _range_start_fits(a, match, earlier, later, abs(signed), tolerance):
        return None  # "runs from April 6 to April 5, 2026, while ... began five days earlier, on April 1"
    span = Span(start=match.start, end=match.end)
    cue = offset.text
    reading = match.pattern.spec.set.get("reading")
    if isinstance(reading, str):
        inferred = True  # the pattern's reading of which date a side is: said in the finding
        notes.append(reading)
    if match.pattern.spec.set.get("travel"):
        # "leaves on Monday for a three-day visit, returning on Wednesday": N days from the first to the
        # last day count N - 1 or N between them, never more; the days on the road may be left out
        inferred, bound, tolerance = True, "at_most", 0
        notes.append(f"the {offset.text!r} may leave out the days of travel")
    for guess in (_weekday_guess(earlier), _range_end_guess(a, earlier), _range_end_guess(a, later),
                  _weekday_guess(later)):
        if guess:
            inferred = True
            notes.append(guess)
    return Sequence(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        cue=cue,
        earlier_label=_label(match, earlier, first),
        later_label=_label(match, later, first),
        strict=signed != 0,
        earlier_at=earlier.start,
        later_at=later.start,
        stated_days=abs(signed),
        tolerance_days=tolerance,
        stated_bound=bound,  # type: ignore[arg-type]
        certainty="inferred" if inferred else cert if of_second else _certainty(match, inferred),
        inferred="; ".join(notes) or None,
        pattern=match.pattern.id,
    )


def _year_between(match: RelationMatch, first: Mention, offset: Mention) -> Mention | None:
    """A year alone between the first date and the offset (a ``nodays`` gap steps over one)."""
    for it in match.sentence.items:
        m = it.mention
        if m is not None and m.type in ("year", "fiscal_year") and first.end <= m.start and m.end <= offset.start:
            return m
    return None


def _its_date(a: Analysis, match: RelationMatch, m: Mention) -> Mention:
    """A weekday with its event's date a few words on ("Sunday's first round on Nov. 16"): the date."""
    if m.type != "weekday":
        return m
    items = match.sentence.items
    k = next((i for i, it in enumerate(items) if it.mention is m), None)
    if k is None:
        return m
    for it in items[k + 1 : k + 6]:
        if it.mention is not None:
            return it.mention if it.mention.type == "date" and it.clause == items[k].clause else m
        if it.code in (",", ".", ";", ":", "(", ")", "and", "but"):
            return m
    return m


def _weekday_guess(m: Mention) -> str | None:
    """A weekday alone ("opens on Thursday") is placed by the publication date and the tense: a guess
    when it is one end of an interval, for it may belong to a week the text tells elsewhere."""
    if m.type == "weekday":
        return f"the date of {m.text!r} is taken from the publication date"
    return None


def _range_end_guess(a: Analysis, m: Mention) -> str | None:
    """The end of a range ("runs from April 6, 2025, to April 5, 2026, while ... began five days
    earlier"): which end the interval counts from is not said."""
    before = a.text[max(0, m.start - 12) : m.start].lower().rstrip()
    if before.endswith((" to", " until", " through", " till", "–", "-")):
        return f"{m.text!r} ends a range; the interval may count from its start"
    return None


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _weekday_fits(a: Analysis, earlier: Mention, later: Mention, days: int, tolerance: int) -> bool:
    """One side a weekday alone, the other a full date: when a day of that weekday lies the stated
    interval from the date, within a week of publication, the text reads consistently with that week
    (the weekday alone is placed only by the publication date and the tense, a guess)."""
    if earlier.type == later.type == "weekday" and {earlier.value.get("weekday"), later.value.get("weekday")} \
            <= set(_WEEKDAY_NAMES):
        # two weekdays alone ("on Thursday, a week after Thursday's failed vote"): only their distance in
        # the week is stated, and any number of weeks may lie between them
        gap = (_WEEKDAY_NAMES.index(later.value["weekday"]) - _WEEKDAY_NAMES.index(earlier.value["weekday"])) % 7
        return any((d - gap) % 7 == 0 for d in range(max(0, days - tolerance), days + tolerance + 1))
    for wd, other, sign in ((earlier, later, -1), (later, earlier, 1)):
        if wd.type != "weekday" or other.type != "date" or wd.value.get("weekday") not in _WEEKDAY_NAMES:
            continue
        v = other.value
        year = v.get("year") or (a.doc.published.year if a.doc.published is not None else None)
        try:
            base = dt.date(int(year), int(v["month"]), int(v["day"]))  # type: ignore[arg-type]
        except (KeyError, TypeError, ValueError):
            continue
        want = _WEEKDAY_NAMES.index(wd.value["weekday"])
        published = a.doc.published
        for d in range(max(0, days - tolerance), days + tolerance + 1):
            day = base + dt.timedelta(days=sign * d)
            # a weekday alone names a day of the week around publication, not one weeks away
            if day.weekday() == want and (published is None or abs((day - published).days) <= 7):
                return True
    return False


def _range_start_fits(a: Analysis, match: RelationMatch, earlier: Mention, later: Mention, days: int,
                      tolerance: int) -> bool:
    """A side that ends a range ("from April 6, 2025, to April 5, 2026") whose start, put in its place,
    makes the stated interval hold: the text has a consistent reading, so no order is claimed."""
    items = match.sentence.items
    for side in (earlier, later):
        if _range_end_guess(a, side) is None:
            continue
        k = next((i for i, it in enumerate(items) if it.mention is side), None)
        start = next((it.mention for it in reversed(items[max(0, (k or 0) - 8) : k or 0])
                      if it.mention is not None and it.mention.type == "date"), None)
        if start is None:
            continue
        e, lt = (start, later) if side is earlier else (earlier, start)
        diff = _day_diff(e, lt, a.doc.published)
        if diff is not None and abs(diff - days) <= tolerance:
            return True
    return False


def _fitting_previous(a: Analysis, match: RelationMatch, offset: Mention, second: Mention) -> Mention | None:
    """Of the dates the sentence before tells, the last one the stated interval fits (the text is then
    consistent with one reading), else the last one: the event a narrative counts on from."""
    published = a.doc.published
    # a date told with a far year ("born on May 3, 1960") cannot lend its year to the day-and-month after it
    candidates = [c for c in backrefs.previous_dates(a, match.sentence)
                  if not c.value.get("year") or second.value.get("year") or published is None
                  or abs(int(c.value["year"]) - published.year) <= 1]
    days = _days(offset)
    if not candidates or days is None or second.type != "date":
        return None
    signed, tolerance, _ = days
    fitting = [c for c in candidates
               if (d := _day_diff(c, second, a.doc.published)) is not None and abs(d - signed) <= tolerance]
    return (fitting or candidates)[-1]


def _day_diff(earlier: Mention, later: Mention, published: dt.date | None) -> int | None:
    """Days from one month-and-day date to another, each in its stated year, else in the year that puts
    them within half a year of each other."""
    a, b = earlier.value, later.value
    year = b.get("year") or a.get("year") or (published.year if published is not None else 2024)
    try:
        to = dt.date(int(year), int(b["month"]), int(b["day"]))  # type: ignore[call-overload]
        days = []
        for y in ([a["year"]] if a.get("year") else [to.year - 1, to.year, to.year + 1]):
            days.append((to - dt.date(int(y), int(a["month"]), int(a["day"]))).days)  # type: ignore[call-overload]
    except (KeyError, TypeError, ValueError):
        return None
    return min(days, key=abs)


def _lemma_forms(gerund: str) -> list[str]:
    """'appointing' -> appoint, appoints, appointed ...; 'naming' -> name ..."""
    stem = gerund[:-3] if gerund.endswith("ing") else gerund
    out: list[str] = []
    for lemma in {stem, stem + "e", stem[:-1] if len(stem) > 2 and stem[-1] == stem[-2] else stem}:
        out.extend(inflections(lemma))
    return out


_SUBORDINATORS = frozenset(["after", "before", "since", "following", "when", "while", "that", "which", "who",
                            "until", "as", "where", "once"])


def _anchor(a: Analysis, match: RelationMatch, first: Mention, offset: Mention,
            second: Mention) -> tuple[Mention, str]:
    """What "the following day, Jan. 13" counts from: the date of the event the sentence is about.

    The pattern's ``first`` is the nearest date before the offset. When that date sits in a subordinate
    clause after the sentence's lead date ("arrived on Jan. 12, after talks that began on Jan. 9, and
    signed the accord the following day, Jan. 13"), the offset counts from the lead date instead, as an
    inference. When ``first`` is the lead date and no other date comes between it and the offset, with the
    second date set off right after the offset, the reading is certain even across a coordinated clause
    ("arrived on Monday, Feb. 9, and met her counterpart the following day, Feb. 10")."""
    sent = match.sentence
    lead = backrefs.lead_date(a, sent)
    between = [it.mention for it in sent.items
               if it.mention is not None and it.mention.type in backrefs.DATED
               and first.end <= it.mention.start and it.mention.end <= offset.start]
    if lead is not None and lead is not first and lead.start < first.start:
        words = {it.code for it in sent.items if lead.end <= it.start < first.start}
        if words & _SUBORDINATORS:
            return lead, "inferred"
    if lead is first and not between and _appositive(a.text, offset, second):
        return first, "certain"
    return first, _certainty(match, False)


def _order_only(match: RelationMatch, a: Analysis, first: Mention, second: Mention,
                inferred: bool) -> Sequence | None:
    """An order with no interval ("his first trip since taking office": ``first_is: later``)."""
    first_is = match.pattern.spec.set.get("first_is")
    if first_is not in ("later", "earlier"):
        return None
    if match.pattern.spec.set.get("plain_between") and _PLANNED.search(a.text, min(first.end, second.end),
                                                                         max(first.start, second.start)):
        # "rose on March 12 after the two sides agreed to meet on March 19": the second date is what was
        # planned or foreseen, not the act the conjunction orders
        return None
    later, earlier = (first, second) if first_is == "later" else (second, first)
    span = Span(start=match.start, end=match.end)
    cue = " ".join(a.text[span.start : span.end].split()[-4:])
    if match.pattern.spec.set.get("plain_between"):
        conj = _CONJUNCTION.search(a.text, min(first.end, second.end), max(first.start, second.start))
        cue = conj.group(0) if conj else cue  # "after", as the text has it
    return Sequence(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        cue=cue,
        earlier_label=_label(match, earlier, first),
        later_label=_label(match, later, first),
        strict=False,
        earlier_at=earlier.start,
        later_at=later.start,
        certainty=_certainty(match, inferred),
        pattern=match.pattern.id,
    )


# an infinitive, a modal or a word of plans between a conjunction and its clause's date: that date is of
# something foreseen ("agreed to meet on", "said it would vote on", "is scheduled for"); a verb that calls,
# fixes or moves an event may take the event's own date ("after the ministry called elections on March 19")
_PLANNED = re.compile(r"\b(?:to|would|will|could|should|might|may|must|shall|plans?|planned|planning|scheduled|"
                      r"due|set|expected|next|until|till|by|deadline|ahead|announc\w*|declar\w*|call(?:ed|ing|s)?|"
                      r"fix(?:ed|ing)?|named|order(?:ed|ing)|propos\w*|request\w*|sought|seeking|invit\w*|postpon\w*|"
                      r"delay\w*|mov(?:ed|ing)|brought|push(?:ed|ing)|reschedul\w*|confirm\w*|chose|picked|slated)\b",
                      re.IGNORECASE)

_CONJUNCTION = re.compile(r"\b(?:(?:shortly|soon|just|only|hours) )?(?:after|before|following|in the wake of)\b",
                          re.IGNORECASE)


_WITHIN_UNITS = {"hours": 1 / 24, "hour": 1 / 24, "days": 1, "day": 1, "weeks": 7, "week": 7}


def _within(match: RelationMatch, a: Analysis, first: Mention, second: Mention, inferred: bool) -> Sequence | None:
    """"opened an inquiry on Nov. 6, within 48 hours of the leak on Nov. 4": the two dates at most the
    stated span apart, either way round ("within 48 hours of the deadline" may be before it); "on Feb. 6
    and Feb. 20, two weeks apart" (``apart``): that span apart. Both dates need their month and day, so
    that which is the earlier is known here."""
    count, unit = match.mention("count"), match.get("unit")
    if count is None or first.type != "date" or second.type != "date":
        return None
    if count.type == "duration":  # "within three days of"
        value, per = count.value.get("amount"), _WITHIN_UNITS.get(str(count.value.get("unit")))
    elif unit is not None:  # "within 48 hours of"
        value, per = count.value.get("value"), _WITHIN_UNITS.get(unit.words.lower())
    else:
        return None
    if not isinstance(value, int | float) or per is None or value <= 0:
        return None
    span_days = math.ceil(float(value) * per - 1e-9)
    diff = _day_diff(second, first, a.doc.published)
    if diff is None:
        return None
    later, earlier = (first, second) if diff >= 0 else (second, first)
    apart = bool(match.pattern.spec.set.get("apart"))  # "two weeks apart": that span, give or take a day a week
    tolerance = (int(value) if per == 7 else 0) if apart else 0
    span = Span(start=match.start, end=match.end)
    return Sequence(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        cue=" ".join(a.text[span.start : span.end].split()[-12:]),
        earlier_label=earlier.text,
        later_label=later.text,
        strict=False,
        earlier_at=earlier.start,
        later_at=later.start,
        stated_days=span_days,
        tolerance_days=tolerance,
        stated_bound="exact" if apart else "at_most",
        certainty=_certainty(match, inferred),
        pattern=match.pattern.id,
    )


_ORDINAL_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
                  "ninth": 9, "tenth": 10, "hundredth": 100}


def _ordinal(words: str) -> int | None:
    """30 from "30 th", 100 from "100th" or "hundredth", else None."""
    low = words.lower().replace(" ", "")
    if low in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[low]
    digits = low[:-2] if low.endswith(("st", "nd", "rd", "th")) else ""
    return int(digits) if digits.isdigit() and 1 <= int(digits) <= 3000 else None


def _day_count(match: RelationMatch, a: Analysis, first: Mention, second: Mention) -> Sequence | None:
    """"On March 3, his 30th day in office, ... sworn in on Jan. 20": day 1 is the day of taking office,
    so the Nth day is N - 1 days after it (a day either way: some count the day after as the first)."""
    n = _ordinal(match.words("nth"))
    if n is None:
        return None
    span = Span(start=match.start, end=match.end)
    return Sequence(
        span=span,
        text=a.text[span.start : span.end],
        sentence=match.sentence.index,
        cue=f"{match.words('nth').replace(' ', '')} day",
        earlier_label=_label(match, second, first),
        later_label=first.text,
        strict=n > 1,
        earlier_at=second.start,
        later_at=first.start,
        stated_days=n - 1,
        tolerance_days=1,
        certainty=_certainty(match, False),
        pattern=match.pattern.id,
    )
