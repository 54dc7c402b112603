"""The dates a sequence's far side refers back to: the lead date of the sentence before ("The decision
came a day after ..."), and the date of an event named by its noun ("two days after the decision",
"four days after his arrival in Kyiv"), found where a verb of that event dates it ("arrived in Kyiv on
Nov. 20"). Both are inferences: facts built on them are ``inferred`` (at most a warning).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from functools import cache
from typing import TYPE_CHECKING

from factcheck.extract.clauses.segment import EMBEDDED, Item, Sentence
from factcheck.extract.mentions.resources import resource
from factcheck.extract.relations.compile import inflections
from factcheck.model.facts import DateMention

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.mentions.model import Mention
    from factcheck.model.facts import FactBase

DATED = frozenset({"date", "weekday", "day_of_month"})
_VERB_WINDOW = 11  # items before a date in which its verb is looked for ("confirmed the first measles case of the outbreak on Monday, March 16")
_SENTENCES_BACK = 2


@cache
def _back_references() -> dict[str, tuple[frozenset[str], bool]]:
    raw = resource("events")["back_references"]
    return {noun: (frozenset(f for v in spec["verbs"] for f in inflections(v)), bool(spec.get("lead", False)))
            for noun, spec in raw.items()}


@cache
def _dating_nouns() -> dict[str, frozenset[str]]:
    """The nouns a date modifies that date an event noun ("the Jan. 28-29 meeting" dates "the decision";
    "the March 12 general election" dates "the election"): the noun itself and its ``nouns``."""
    raw = resource("events")["back_references"]
    return {noun: frozenset([noun, *(n.lower() for n in spec.get("nouns", []))]) for noun, spec in raw.items()}


def _index_of(a: Analysis, sent: Sentence) -> int:
    index = a.memo.get("_sentence_index")
    if index is None:
        index = {id(s): i for i, s in enumerate(a.sentences)}
        a.memo["_sentence_index"] = index
    return index[id(sent)]  # type: ignore[index]


def _story_lead(a: Analysis) -> Mention | None:
    """The first lead date of the story (memoised)."""
    if "_story_lead" not in a.memo:
        a.memo["_story_lead"] = next((m for s in a.sentences if (m := lead_date(a, s)) is not None), None)
    return a.memo["_story_lead"]  # type: ignore[return-value]


def is_range(text: str, m: Mention) -> bool:
    """A date that opens a range ("the Oct. 28-29 meeting"): which day is meant is not said."""
    tail = text[m.end : m.end + 3]
    return len(tail) >= 2 and tail[0] in "-–" and tail[1].isdigit()


def range_days(text: str, m: Mention) -> int | None:
    """How many days past its first a date range runs ("Oct. 28-29": 1), or None if ``m`` opens none."""
    if not is_range(text, m) or not isinstance(m.value.get("day"), int):
        return None
    tail = text[m.end + 1 : m.end + 4]
    digits = "".join(c for c in tail[:2] if c.isdigit())
    end = int(digits) if digits and (len(tail) < 3 or not tail[2].isdigit()) else None
    return end - m.value["day"] if end is not None and 0 < end - m.value["day"] <= 7 else None


def _first_lead(a: Analysis, sent: Sentence, items: list[Item]) -> Mention | None:
    """The first full or weekday date among ``items`` outside embedded clauses (not a range)."""
    for it in items:
        m = it.mention
        if m is not None and m.type in DATED and sent.clauses[it.clause].kind not in EMBEDDED \
                and not is_range(a.text, m):
            return m
    return None


def lead_date(a: Analysis, sent: Sentence) -> Mention | None:
    """The date of what ``sent`` reports: its first full or weekday date outside embedded clauses."""
    return _first_lead(a, sent, sent.items)


def previous_lead_date(a: Analysis, sent: Sentence, item: int = 0) -> Mention | None:
    """What a clause opening at ``item`` refers back to: for a sentence's first item, the lead date of
    the sentence before (None for the first sentence); after a semicolon, the lead date of the sentence
    up to it ("met on the 14th; the talks came a day after ..."); else None."""
    if item == 0:
        i = _index_of(a, sent)
        return lead_date(a, a.sentences[i - 1]) if i > 0 else None
    if sent.items[item - 1].code != ";":
        return None
    return _first_lead(a, sent, sent.items[:item])


def previous_dates(a: Analysis, sent: Sentence) -> list[Mention]:
    """The full dates (month and day) the sentence before tells, outside embedded clauses and ranges, in
    order: what "Three days later, on Nov. 11, ..." opening ``sent`` may count from."""
    i = _index_of(a, sent)
    if i == 0:
        return []
    prev = a.sentences[i - 1]
    return [it.mention for it in prev.items
            if it.mention is not None and it.mention.type == "date" and prev.clauses[it.clause].kind not in EMBEDDED
            and isinstance(it.mention.value.get("month"), int) and isinstance(it.mention.value.get("day"), int)
            and not is_range(a.text, it.mention)]


def event_date(a: Analysis, sent: Sentence, before: int, noun: str) -> Mention | None:
    """The date of the event ``noun`` names, told before offset ``before`` in this sentence or the two
    before it: the nearest date whose clause has one of the noun's verbs just before it; for a lead noun
    ("the decision") with no such verb, the story's first lead date."""
    spec = _back_references().get(noun.lower())
    if spec is None:
        return None
    verbs, lead = spec
    nouns = _dating_nouns()[noun.lower()]
    i = _index_of(a, sent)
    for s in reversed(a.sentences[max(0, i - _SENTENCES_BACK) : i + 1]):
        found = _dated_by(a, s, before, verbs, nouns)
        if found is not None:
            return found
    if lead:
        m = _story_lead(a)
        if m is not None and m.start < before:
            return m
    return None


_ENDING = frozenset(["ending", "ended", "ends", "end"])
_END_WINDOW = 8  # items between a clause's date and "ending" ("returned to work on Sept. 22, ending a strike")


def event_end_date(a: Analysis, sent: Sentence, noun: str) -> Mention | None:
    """The date the event ``noun`` names was ended, in the two sentences before this one: the date of the
    clause whose verb "ending" (or "ended") takes the noun or one of its nouns ("returned to work on Sept.
    22, ending a strike that began on Sept. 1"), or the date after "NOUN ended on" ("the strike ended on
    Sept. 22"); None when none or several."""
    nouns = _event_nouns(noun.lower())
    i = _index_of(a, sent)
    found: list[Mention] = []
    for s in a.sentences[max(0, i - _SENTENCES_BACK) : i]:
        items = s.items
        for k, it in enumerate(items):
            if it.code not in _ENDING:
                continue
            after = items[k + 1 : k + 3]
            if len(after) == 2 and after[0].code == "on" and after[1].mention is not None \
                    and after[1].mention.type == "date" \
                    and any(x.code in nouns and x.mention is None and x.clause == it.clause for x in items[max(0, k - 6) : k]):
                found.append(after[1].mention)  # "the strike (began on Sept. 1 and) ended on Sept. 22"
                continue
            if not any(x.code in nouns and x.mention is None for x in items[k + 1 : k + 4]):
                continue
            for j in range(k - 1, max(-1, k - _END_WINDOW - 1), -1):
                m = items[j].mention
                if m is not None and m.type in DATED:
                    if m.type == "date":
                        found.append(m)  # "returned on Sept. 22, ending a strike"
                    break
    return found[0] if len(found) == 1 else None


_NOUN_WINDOW = 3  # words between a date and the noun it modifies ("the March 12 general election")


def _modifies(a: Analysis, items: list[Item], k: int, nouns: frozenset[str]) -> bool:
    """The date at ``k`` modifies one of ``nouns`` a few words on ("the Jan. 28-29 policy meeting")."""
    j = k + 1
    if is_range(a.text, items[k].mention) and j + 1 < len(items):  # type: ignore[arg-type]
        j += 2  # "Jan. 28 - 29": the range's end
    for it in items[j : j + _NOUN_WINDOW]:
        if it.clause != items[k].clause or it.mention is not None or not it.code[:1].isalpha():
            return False
        if it.code in nouns:
            return True
    return False


def _dated_by(a: Analysis, s: Sentence, before: int, verbs: frozenset[str],
              nouns: frozenset[str] = frozenset()) -> Mention | None:
    items = s.items
    for k in range(len(items) - 1, -1, -1):
        it = items[k]
        m = it.mention
        if m is None or m.type not in DATED or m.start >= before:
            continue  # a range ("met on Oct. 28-29") is kept: the interval's tolerance covers its days
        if nouns and m.type == "date" and _modifies(a, items, k, nouns):
            return m
        for j in range(k - 1, max(k - _VERB_WINDOW, -1) - 1, -1):
            if items[j].clause != it.clause:
                break
            if items[j].mention is not None and items[j].mention.type in ("date", "day_of_month"):
                break  # a verb before another date dates that one ("heard ... on Oct. 28 and ruled on Nov. 6")
            if items[j].code in verbs:
                return m
            if nouns and items[j].code in nouns and _happened_on(items, j, k):
                return m  # "The election was held on March 9": the noun itself, said to take place on the date
    return None


_HAPPENED = frozenset(["held", "staged", "took place", "happened", "began", "opened", "started", "took"])


def _happened_on(items: list[Item], noun_at: int, date_at: int) -> bool:
    """The noun at ``noun_at`` is the subject of a verb of taking place right before the date ("the
    election was held on", "the summit took place on", "the strike began on")."""
    between = [it.code for it in items[noun_at + 1 : date_at]]
    return 2 <= len(between) <= 4 and between[-1] in ("on", "on the") and \
        any(w in _HAPPENED for w in between[:-1]) and all(w.isalpha() for w in between)


_TARGET_TYPES = frozenset({"year", "fiscal_year", "month"})
_DUE_WORDS = frozenset(["due", "scheduled", "planned", "set", "slated", "timetabled", "meant", "targeted",
                        "originally", "initially", "previously", "envisaged", "promised"])
_TARGET_PREPS = frozenset(["in", "for", "by", "until", "to"])
_DUE_WINDOW = 6  # items between "due" and the year


def _sentence_offset(a: Analysis, sent: Sentence, step: int) -> Sentence | None:
    i = _index_of(a, sent) + step
    return a.sentences[i] if 0 <= i < len(a.sentences) else None


def original_target(a: Analysis, sent: Sentence, nouns: frozenset[str]) -> tuple[Mention, str] | None:
    """The old target of a move whose sentence names only the new one ("will delay its ban ... by five
    years to 2035"), told in the next or the previous sentence as what the same thing was due for ("The
    ban had been due to take effect in 2030"): the year after in/for/by within a few items of a due word,
    in a sentence that names one of ``nouns`` (or opens with "it") before that word; (mention, where)."""
    for step, where in ((1, "the next sentence"), (-1, "the sentence before")):
        other = _sentence_offset(a, sent, step)
        if other is None:
            continue
        items = other.items
        for k, it in enumerate(items):
            if it.code not in _DUE_WORDS or other.clauses[it.clause].kind in EMBEDDED:
                continue
            before = {x.code for x in items[:k]}
            if not (before & nouns or (items and items[0].code == "it")):
                continue
            for j in range(k + 1, min(k + 1 + _DUE_WINDOW, len(items))):
                m = items[j].mention
                if m is not None and m.type in _TARGET_TYPES and items[j - 1].code in _TARGET_PREPS:
                    return m, where
                if m is not None and m.type not in ("person", "country", "title"):
                    break
    return None


_ORIGINAL = frozenset(["original", "initial", "previous", "earlier", "old", "first"])
_ORIGINAL_NOUNS = frozenset(["deadline", "target", "goal", "date", "timetable", "timeline", "schedule", "plan"])
_ORIGINAL_LINKS = frozenset(["was", "is", "of", "had", "been", "for", "in", "by"])  # one item each ("had been": two)


def stated_original(a: Analysis, sent: Sentence, after: int) -> tuple[Mention, str] | None:
    """The original target stated as such ("Japan's original deadline was fiscal 2027", "the previous
    target of 2030") after offset ``after`` in ``sent``, else in the next or the previous sentence:
    (mention, where), or None when none or several are stated."""
    for other, where in ((sent, "later in the sentence"), (_sentence_offset(a, sent, 1), "the next sentence"),
                         (_sentence_offset(a, sent, -1), "the sentence before")):
        if other is None:
            continue
        items = other.items
        found = []
        for k in range(len(items) - 3):
            if items[k].start < after and other is sent:
                continue
            if items[k].code not in _ORIGINAL:
                continue
            m = items[k + 1].mention
            if m is not None and m.type in ("year", "fiscal_year") and items[k + 2].code in _ORIGINAL_NOUNS:
                found.append(m)  # "the original 2027 deadline"
                continue
            if items[k + 1].code not in _ORIGINAL_NOUNS:
                continue
            for j in (k + 2, k + 3, k + 4):
                m = items[j].mention if j < len(items) else None
                if m is not None and m.type in ("year", "fiscal_year") and \
                        all(items[x].code in _ORIGINAL_LINKS for x in range(k + 2, j)) and j > k + 2:
                    found.append(m)
                    break
        if len(found) == 1:
            return found[0], where
        if found:
            return None
    return None


_SHIFT_VERBS = ("move", "bring", "push", "pull", "advance", "accelerate", "delay", "postpone", "shift", "defer",
                "put", "set", "hasten", "expedite", "extend")
_DATED_TARGETS = frozenset({"year", "fiscal_year", "month", "date"})
_SHIFT_NOUNS = frozenset(["delay", "postponement", "extension", "slip", "slippage", "setback", "overrun", "advance"])


@cache
def _shift_verb_forms() -> frozenset[str]:
    return frozenset(f for v in _SHIFT_VERBS for f in inflections(v))


_SIZE_WORDS = frozenset(["by", "for"])  # "delayed the launch by two weeks" / "for an additional week"
_SHIFT_REACH = 16  # items from the verb to "by" ("pull forward the ban on selling new oil-fired heaters and gas boilers by
# four years")


def _verb_moves(other: Sentence) -> list[tuple[Mention, list[str]]]:
    """The moves a dateless sentence tells by a verb ("will be brought forward by five years", "delayed the launch for
    an additional week"), outside embedded clauses: (the duration, the words from the verb to "by"/"for")."""
    verbs = _shift_verb_forms()
    found: list[tuple[Mention, list[str]]] = []
    items = other.items
    for k, it in enumerate(items):
        if it.code not in verbs or other.clauses[it.clause].kind in EMBEDDED:
            continue
        for j in range(k + 1, min(k + _SHIFT_REACH, len(items) - 1)):
            m = items[j + 1].mention
            if items[j].code in _SIZE_WORDS and m is not None and m.type == "duration":
                found.append((m, [x.code for x in items[k:j]]))
                break
            if items[j].mention is not None:
                break
    return found


def _dated(other: Sentence) -> bool:
    return any(it.mention is not None and it.mention.type in _DATED_TARGETS for it in other.items)


def previous_shift(a: Analysis, sent: Sentence) -> tuple[Mention, list[str]] | None:
    """The size of a move told in the sentence before without any date ("A ban ... will be brought
    forward by five years.", "approved a two-year delay to the reform"), for a sentence that gives the old
    and new targets: (the duration, the words from the verb to "by", or the noun), or None when that
    sentence names a date or more than one such move."""
    other = _sentence_offset(a, sent, -1)
    if other is None or _dated(other):
        return None
    items = other.items
    found = _verb_moves(other)
    for k, it in enumerate(items):
        if other.clauses[it.clause].kind in EMBEDDED:
            continue
        if it.code in ("a", "an") and k + 2 < len(items) and items[k + 2].code in _SHIFT_NOUNS:
            m = items[k + 1].mention  # "approved a two-year delay to the pension reform"
            if m is not None and m.type == "duration":
                found.append((m, [items[k + 2].code]))
    return found[0] if len(found) == 1 else None


_LATER_REACH = 4  # sentences after a dated move that may tell its size ("... would put back the ban by four years")
_PLAIN = frozenset(["the", "a", "an", "of", "on", "for", "to", "new", "its", "their", "his", "her", "and", "in", "by"])


def later_shift(a: Analysis, sent: Sentence, moved: str) -> tuple[Mention, list[str]] | None:
    """The size of a move whose old and new targets ``sent`` gives without one ("The ban on new petrol cars will be
    pushed back from 2030 to 2035. ... he would put back a ban on new fossil fuel cars by four years"), told in one
    of the next few sentences that names no date: a verb of moving, what moved sharing a word with ``moved`` (the
    target of the dated move), "by" and a duration. (the duration, the words from the verb to "by"), or None when
    no such sentence, or more than one move in them, is found."""
    words = {w for w in moved.lower().split() if len(w) > 3 and w not in _PLAIN}
    if not words:
        return None
    found: list[tuple[Mention, list[str]]] = []
    for step in range(1, _LATER_REACH + 1):
        other = _sentence_offset(a, sent, step)
        if other is None:
            break
        if not _dated(other):  # a sentence with its own targets tells its own move
            found.extend(move for move in _verb_moves(other) if words & set(move[1]))
    return found[0] if len(found) == 1 else None


def previous_target(a: Analysis, sent: Sentence) -> Mention | None:
    """The target year a sentence opening "That deadline is ..." / "That is ..." refers back to: the
    last year, fiscal year or month after in/by/until/to in the sentence before, outside embedded
    clauses; None if that sentence names none or several such targets."""
    other = _sentence_offset(a, sent, -1)
    if other is None:
        return None
    found = [it.mention for j, it in enumerate(other.items)
             if it.mention is not None and it.mention.type in _TARGET_TYPES and j > 0
             and other.items[j - 1].code in _TARGET_PREPS and other.clauses[it.clause].kind not in EMBEDDED]
    return found[0] if len(found) == 1 else None


_AFTER_WINDOW = 4  # items after a verb in which its date is looked for ("Mnangagwa on Thursday appointed ..." / "appointed ... on Thursday")


def lead_or_previous(a: Analysis, sent: Sentence, before: int) -> Mention | None:
    """The date of what ``sent`` reports: its lead date if it comes before offset ``before``, else the
    lead date of the sentence before (a story told on, "The president notably dropped ... ")."""
    lead = lead_date(a, sent)
    if lead is not None:
        return lead if lead.start < before else None
    return previous_lead_date(a, sent)


def verb_date(a: Analysis, sent: Sentence, verbs: frozenset[str], skip: int) -> Mention | None:
    """The date of the act a gerund names ("a day after appointing him"): in this sentence, the two
    before it or the next one, the single dated clause whose verb is one of ``verbs`` (the date within a
    few items before or after the verb, in its clause); ``skip`` is the gerund's own offset. None when no
    clause or more than one dates that verb."""
    i = _index_of(a, sent)
    return _single_verb_date(
        a, a.sentences[max(0, i - _SENTENCES_BACK) : i + 2], verbs,
        lambda k, n: [*range(max(0, k - _VERB_WINDOW), k), *range(k + 1, min(n, k + 1 + _AFTER_WINDOW))], skip)


def _single_verb_date(a: Analysis, sentences: list[Sentence], verbs: frozenset[str],
                      window: Callable[[int, int], Iterable[int]], skip: int = -1) -> Mention | None:
    """The one date that the verbs of ``verbs`` in ``sentences`` have: for each verb (not at offset
    ``skip``), the first dated mention of its clause among the items ``window(verb index, sentence
    length)`` gives; None when none or several dates are found."""
    found: list[Mention] = []
    for s in sentences:
        items = s.items
        for k, it in enumerate(items):
            if it.code not in verbs or it.start == skip:
                continue
            for j in window(k, len(items)):
                m = items[j].mention
                if m is not None and m.type in DATED and items[j].clause == it.clause and not is_range(a.text, m):
                    if all(m is not f for f in found):
                        found.append(m)
                    break
    return found[0] if len(found) == 1 else None


_REPORTING = frozenset(f for v in ("say", "tell", "report", "announce", "confirm", "issue") for f in inflections(v))
_EXTRA_NOUNS = {"clash": "match", "fixture": "match", "approval": "vote", "final": "final", "semifinal": "final", "semi-final": "final", "race": "match",
                "launch": "launch", "liftoff": "launch", "session": "meeting", "plenary": "vote", "debate": "hearing"}
_NOT_THE_SAME = frozenset(["next", "last", "this", "ahead", "before", "until", "by", "since", "upcoming", "coming"])
_OTHER_PARTY = frozenset(["by", "of", "from", "against", "with", "between", "versus", "vs", "at"])


_NOUN_PREFIXES = frozenset(["by", "bye", "re", "mid"])


def _event_nouns(noun: str) -> frozenset[str]:
    """The nouns that name the event ``noun`` names ("polls", "ballot" for "election"), itself included."""
    nouns = _dating_nouns()
    return nouns.get(noun) or nouns.get(_EXTRA_NOUNS.get(noun, "")) or frozenset([noun])


def _noun_dated_before(a: Analysis, i: int, nouns: frozenset[str]) -> Mention | None:
    """The single date given right after one of ``nouns`` ("went to the polls on Sunday", "at the summit
    on Nov. 3"), or right before it ("on Saturday in a match"), in the two sentences before sentence
    ``i``; None when none or several."""
    found: list[Mention] = []
    for s in a.sentences[max(0, i - _SENTENCES_BACK) : i]:
        items = s.items
        for j in range(len(items) - 2):
            m = items[j + 2].mention
            if items[j].code in nouns and items[j].mention is None and items[j + 1].code == "on" and m is not None \
                    and m.type in ("date", "weekday") and items[j + 2].clause == items[j].clause:
                found.append(m)
            d = items[j].mention
            if d is not None and d.type in ("date", "weekday") and items[j + 1].code in ("in", "for") \
                    and items[j + 2].code in ("a", "an", "the") and j + 3 < len(items) and items[j + 3].code in nouns \
                    and items[j + 3].clause == items[j].clause:
                found.append(d)  # "host Mumbai on Saturday (Feb. 21) in a match that ...": the date, then the noun
    return found[0] if len(found) == 1 else None


def _noun_verbs(noun: str) -> frozenset[str] | None:
    refs = _back_references()
    spec = refs.get(noun) or refs.get(_EXTRA_NOUNS.get(noun, ""))
    if spec is None:
        return None
    return spec[0] - _REPORTING


def event_weekday_links(a: Analysis, facts: list[FactBase]) -> None:
    """One event given two weekdays or two dates across sentences: "The bank raised its rate on Thursday.
    After Wednesday's decision, the governor said ..."; "The board approved the merger on Nov. 19. The
    Nov. 20 approval ...". A weekday or a date naming an event by its noun ("Wednesday's decision", "the
    Thursday vote", "the Nov. 20 approval") is compared with the date where a verb of that event dated it
    in the sentence or two before ("raised ... on Thursday"); a different weekday is marked on its date
    fact (``other_weekday``), a different day (``other_date``), and the fact is then ``inferred``: that
    the two name one event is a guess."""
    by_start = {f.span.start: f for f in facts if isinstance(f, DateMention)}
    if not by_start:
        return
    for i, sent in enumerate(a.sentences):
        if i == 0:
            continue
        items = sent.items
        for k, it in enumerate(items):
            m = it.mention
            if m is None or m.type not in ("weekday", "date") or m.value.get("modifier") or k + 1 >= len(items):
                continue
            if m.type == "date" and not (isinstance(m.value.get("month"), int) and isinstance(m.value.get("day"), int)):
                continue
            noun_at = event_noun_after(a, items, k)
            if noun_at is None:
                continue
            verbs = _noun_verbs(items[noun_at].code)
            fact = by_start.get(m.start)
            if verbs is None or fact is None or fact.other_weekday is not None or fact.other_date is not None:
                continue
            told = None
            for s in reversed(a.sentences[max(0, i - _SENTENCES_BACK) : i]):
                told = _dated_by(a, s, s.end, verbs)
                if told is not None:
                    break
            if told is None:  # "went to the polls on Sunday to elect ...": the verb after its date
                told = _verb_dated_before(a, i, verbs)
            if told is None:  # "went to the polls on Sunday": one of the event's nouns, then its date
                told = _noun_dated_before(a, i, _event_nouns(items[noun_at].code))
            if told is None or told is m or is_range(a.text, told) or is_range(a.text, m) or _another_before(a, told):
                continue
            told_fact = by_start.get(told.start)
            if fact.tense == "future" and told_fact is not None and told_fact.tense != "future":
                continue  # "will meet Dunmore in the final on Saturday" after "beat ... in the semi-finals on Nov. 1": one to come
            noun = items[noun_at]
            named = a.text[min(m.start, noun.start) : max(m.end, noun.end)]
            if m.type == "weekday":
                other = told.value.get("weekday") or weekday_of_day(a, told)
                if not isinstance(other, str) or other == m.value.get("weekday"):
                    continue
                fact.other_weekday = other
            else:
                if told.type != "date" or (told.value.get("month"), told.value.get("day")) == \
                        (m.value.get("month"), m.value.get("day")):
                    continue
                iso = iso_near_publication(a, told)
                if iso is None:
                    continue
                fact.other_date = iso
            fact.certainty = "inferred"
            fact.inferred = f"{named!r} is taken to be the event dated {told.text!r} earlier in the story"


_ANOTHER = frozenset(["another", "other", "earlier", "previous", "prior", "second", "last"])


def _another_before(a: Analysis, told: Mention) -> bool:
    """The event dated at ``told`` is said to be another one ("the first stage of another Falcon 9 rocket launched
    on July 9 ... Saturday's launch"): a word of that in its sentence, before its date."""
    head = a.text[max(0, told.start - 100) : told.start]
    head = head[max(head.rfind(". "), head.rfind("; ")) + 1 :]
    return not _ANOTHER.isdisjoint(w.strip(",;:()\"'").lower() for w in head.split())


def event_noun_after(a: Analysis, items: list[Item], k: int) -> int | None:
    """The index of the event noun a weekday or date at ``k`` names ("Wednesday's decision", "the Thursday
    vote", "the Nov. 20 approval", "Wednesday's policy decision"), or None when there is none or the phrase
    may name another event ("ahead of Saturday's match", "Wednesday's decision by the Fed", "Tuesday's vote
    in the House")."""
    m = items[k].mention
    possessive = bool(m is not None and m.value.get("possessive"))
    if not possessive and k > 2 and items[k - 1].code == "on" and items[k - 3].code in ("the", "this", "that") \
            and _noun_verbs(items[k - 2].code) is not None and items[k - 2].mention is None \
            and items[k - 2].clause == items[k].clause and (k < 4 or items[k - 4].code not in _NOT_THE_SAME):
        return k - 2  # "During the visit on Saturday": the noun before its date
    if not possessive and not (k > 0 and items[k - 1].code == "the"):
        return None
    if (k > 0 and items[k - 1].code in _NOT_THE_SAME) or (k > 1 and items[k - 2].code in ("ahead", "next")):
        return None  # "ahead of Saturday's match", "until Saturday's match": another event
    noun_at = k + 1
    if noun_at + 2 < len(items) and items[noun_at].code in _NOUN_PREFIXES and items[noun_at + 1].code == "-":
        noun_at += 2  # "Saturday's by-election": the noun after its prefix
    if _noun_verbs(items[noun_at].code) is None and noun_at + 1 < len(items) and items[noun_at].mention is None:
        noun_at += 1  # "Wednesday's policy decision"
    if _noun_verbs(items[noun_at].code) is None:
        return None
    if noun_at + 1 < len(items) and items[noun_at + 1].code in _OTHER_PARTY:
        return None  # "Wednesday's decision by the Fed": whose event it is is said, and may differ
    if noun_at + 3 < len(items) and items[noun_at + 1].code == "in" and items[noun_at + 2].code == "the" \
            and items[noun_at + 3].text[:1].isupper():
        return None  # "Tuesday's vote in the House": a body named, which may not be the one dated before
    return noun_at


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def iso_near_publication(a: Analysis, m: Mention) -> str | None:
    """A month-and-day date in its stated year, else in the year that puts it nearest the publication date."""
    month, day, year = m.value.get("month"), m.value.get("day"), m.value.get("year")
    published = a.doc.published
    years = [int(year)] if isinstance(year, int) else [published.year - 1, published.year, published.year + 1] \
        if published is not None else []
    found = []
    for y in years:
        try:
            found.append(dt.date(y, int(month), int(day)))  # type: ignore[arg-type]
        except (TypeError, ValueError):
            continue
    if not found:
        return None
    best = min(found, key=lambda d: abs((d - published).days)) if published is not None else found[0]
    return best.isoformat()


def weekday_of_day(a: Analysis, m: Mention) -> str | None:
    """The weekday a month-and-day date falls on (placed as :func:`iso_near_publication` does)."""
    if m.type != "date":
        return None
    iso = iso_near_publication(a, m)
    return _WEEKDAY_NAMES[dt.date.fromisoformat(iso).weekday()] if iso else None


def _verb_dated_before(a: Analysis, i: int, verbs: frozenset[str]) -> Mention | None:
    """The single date a verb of ``verbs`` has within a few items before it, in the two sentences before
    sentence ``i`` (in the verb's clause); None when none or several."""
    return _single_verb_date(a, a.sentences[max(0, i - _SENTENCES_BACK) : i], verbs,
                             lambda k, _n: range(max(0, k - _AFTER_WINDOW), k))
