"""One figure named by one noun in two sentences, where no back-reference linked them.

"The bank held its two-week repo rate at 3.50% ... Keeping the two-week repo rate at 3.75% was right": two
figures in different sentences whose noun is the same word, with the same word before it ("repo rate"), are
read as two statements of one value when nothing tells them apart. The noun is the one the figure quantifies:
the word right before "at" or "of" ("rate at 3.5%", "revenue of $4 billion"), before "stood at" and the like
("storage stood at 28.6%"), before "by <move> to" ("cut its
repo rate by 25 basis points to 6.75%"), or right after a determiner and the figure ("the 780 strikers"); it
must be a noun of ``resources/en/restatement.yaml`` (its groups and ``identity_nouns``).

Strict guards, since a miss costs less than a false warning: same unit, currency and scale; same holder or
none; no country named in the later sentence, and no capitalised name before the later figure, that the
earlier sentence does not name; no period named by the later figure unless the earlier names the same, and at most one named by the
earlier; neither figure hedged, the size of a move ("rose 5%", "by 25 points to") or its base ("from 4%",
"than 4%"); no word of condition, forecast, target or another time in either clause (``identity_blockers``);
neither already linked by a restatement; and exactly two figures of that noun and unit in the document (a
third makes it ambiguous). The later figure is ``inferred`` and says which noun joined them: at most a warning.

``link_ages``: a named person's age in apposition ("Margaret Olsen, 71,") and the one "the 74-year-old" after it, in a
document that gives no other age, become two ``count`` quantities of that person's age (the later ``inferred``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cache

from factcheck.extract.analysis import Analysis
from factcheck.extract.mentions.resources import resource
from factcheck.extract.quantities import is_move
from factcheck.model.document import Span
from factcheck.model.facts import FactBase, Quantity

_TIME = frozenset(["year", "fiscal_year", "month", "date", "relative", "weekday", "quarter"])
_DAY = frozenset(["date", "weekday"])
_DETERMINERS = frozenset(["the", "its", "their", "his", "her", "this", "that"])
_WORD = re.compile(r"[a-z][a-z'’-]*")
# "<mod> <noun> (now|still|currently)? (at|of) FIG", "<mod> <noun> by <move> to FIG"
_BEFORE_AT = re.compile(r"(?:^|[\s(])([a-z][a-z'’-]*)\s+([a-z]+)\s+(?:(?:now|still|currently)\s+)?(?:at|of)\s+$")
# "<mod> <noun> <verb> at FIG": "gas storage stood at 28.6%" (the verb one of ``identity_verbs``)
_BEFORE_VERB_AT = re.compile(r"(?:^|[\s(])([a-z][a-z'’-]*)\s+([a-z]+)\s+([a-z]+)\s+at\s+$")
_BEFORE_BY_TO = re.compile(r"(?:^|[\s(])([a-z][a-z'’-]*)\s+([a-z]+)\s+by\s+[^,;]{1,40}?\s+to\s+$")
_NAME = re.compile(r"\b[A-Z][\w-]*")
_AFTER = re.compile(r"\s+([a-z]+)\b")
# an acronym as the figure's noun: "with the OCR now at 2.75%", "the CPI at 3.1%" (as written, in capitals)
_ACRONYM_AT = re.compile(r"(?:^|[\s(])(?:the|its|their)\s([A-Z]{2,5})\s+(?:(?:now|still|currently)\s+)?(?:at|of)\s+$")
# the words a figure's noun ends ("cut the official cash rate by ... to", "official cash rate at"): up to three
# words before the noun, for the initials an acronym may stand for
_PHRASE_AT = re.compile(r"((?:[a-z][a-z'’-]*\s+){1,3})([a-z]+)\s+(?:(?:now|still|currently)\s+)?(?:at|of)\s+$")
_PHRASE_BY_TO = re.compile(r"((?:[a-z][a-z'’-]*\s+){1,3})([a-z]+)\s+by\s+[^,;]{1,40}?\s+to\s+$")


@dataclass(frozen=True)
class _Words:
    nouns: frozenset[str]
    blockers: frozenset[str]
    moves: frozenset[str]
    verbs: frozenset[str]  # "stood", "remained": a verb between the noun and "at"
    plain: frozenset[str] = frozenset()  # "held its key rate at": words before the noun that name no other thing


@cache
def _words() -> _Words:
    raw = resource("restatement")
    nouns = {str(w) for ws in raw["groups"].values() for w in ws} | {str(w) for w in raw.get("identity_nouns") or ()}
    nouns -= set(raw.get("generic_heads") or ())  # "the June figure": a head of whatever its period gave
    return _Words(frozenset(nouns), frozenset(raw.get("identity_blockers") or ()),
                  frozenset(raw.get("identity_moves") or ()), frozenset(raw.get("identity_verbs") or ()),
                  frozenset(raw.get("identity_plain") or ()) | _DETERMINERS)


@dataclass(frozen=True)
class _Reading:
    q: Quantity
    key: tuple[str, str]  # (the word before the noun, the noun)
    periods: frozenset[str]
    days: frozenset[str]
    countries: frozenset[str]  # the countries its sentence names
    names: frozenset[str]  # the capitalised words before it in its sentence, the first word apart
    sentence_words: frozenset[str]  # every word of its sentence, as written
    initials: frozenset[str] = frozenset()  # "ocr" for "official cash rate": what an acronym of its noun would be


def _head(text: str, q: Quantity, sent_start: int, w: _Words) -> tuple[str, str] | None:
    before = text[sent_start : q.span.start].lower()
    after = text[q.span.end : q.span.end + 30].lower()
    for rx in (_BEFORE_AT, _BEFORE_BY_TO):
        m = rx.search(before)
        if m is not None and m.group(2) in w.nouns:
            mod = m.group(1)
            return ("" if mod in w.plain else mod, m.group(2))
    m = _BEFORE_VERB_AT.search(before)
    if m is not None and m.group(3) in w.verbs and m.group(2) in w.nouns:
        return ("" if m.group(1) in w.plain else m.group(1), m.group(2))
    prev = _WORD.findall(before[-20:])
    m = _AFTER.match(after)
    if prev and m is not None and m.group(1) in w.nouns and (prev[-1] in _DETERMINERS or prev[-1].endswith(("'s", "’s"))):
        return ("" if prev[-1] in _DETERMINERS else prev[-1], m.group(1))
    return None


def _acronym(text: str, q: Quantity, sent_start: int) -> str | None:
    """The acronym the figure's noun is ("the OCR now at 2.75%": "ocr"), cheaply gated on a capital letter."""
    before = text[max(sent_start, q.span.start - 40) : q.span.start]
    if not any(c.isupper() for c in before[-16:]):
        return None
    m = _ACRONYM_AT.search(before)
    return m.group(1).lower() if m is not None else None


def _initials(text: str, q: Quantity, sent_start: int) -> frozenset[str]:
    """The initials of the last two to four words that end at the figure's noun ("official cash rate": "ocr",
    "cr"): what an acronym naming the same thing would be."""
    before = text[max(sent_start, q.span.start - 120) : q.span.start].lower()
    m = _PHRASE_AT.search(before) or _PHRASE_BY_TO.search(before)
    if m is None:
        return frozenset()
    words = [*m.group(1).split(), m.group(2)]
    words = [w for w in words if w not in _DETERMINERS]
    return frozenset("".join(x[0] for x in words[i:]) for i in range(len(words) - 1))


def _clause_words(a: Analysis, si: int, q: Quantity) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """The words of the figure's clause, its period keys and its day keys (``None`` when the figure is not found)."""
    sent = a.sentences[si]
    k = next((i for i, it in enumerate(sent.items) if it.start <= q.span.start < it.end), None)
    if k is None:
        return None
    home = sent.items[k].clause
    words: set[str] = set()
    periods: set[str] = set()
    days: set[str] = set()
    for it in sent.items:
        if it.clause != home:
            continue
        if it.start >= q.span.end and it.code in (",", ";", "from", "than"):
            # "to 2.5% on Wednesday, a bigger move than economists had expected": an aside on what was done; "was down
            # from 31% four years ago": the base of a comparison, with its own time
            break
        m = it.mention
        if m is not None and m.type in _TIME:
            key = f"{m.type}:{' '.join(m.text.lower().split())}"
            (days if m.type in _DAY else periods).add(key)
        elif m is None:
            words.add(it.text.lower())
    return frozenset(words), frozenset(periods), frozenset(days)


def _plain(a: Analysis, q: Quantity, w: _Words) -> bool:
    """Neither hedged, a move, nor the base of one: the word right before the figure says so."""
    if q.hedge != "exact" or q.unit == "percentage_points" or q.claim_type in ("change", "forecast", "target", "request"):
        return False
    prev = _WORD.findall(a.text[max(0, q.span.start - 24) : q.span.start].lower())
    if prev and (prev[-1] in w.moves or (len(prev) > 1 and prev[-2:] == ["up", "to"])):
        return False
    return not is_move(a.text, q.span.end)


def link_figures(a: Analysis, facts: list[FactBase]) -> None:
    """Give two figures of one noun in two sentences one ``subject_key`` (in place)."""
    w = _words()
    quantities = [f for f in facts if isinstance(f, Quantity)]
    if len(quantities) < 2:
        return
    starts = [s.start for s in a.sentences]
    readings: dict[tuple[str, str, str | None, float], list[_Reading | None]] = {}
    for q in sorted(quantities, key=lambda q: q.span.start):
        si = bisect.bisect_right(starts, q.span.start) - 1  # the sentence the figure is in (one lookup, not a scan)
        if si < 0 or not a.sentences[si].start <= q.span.start < a.sentences[si].end:
            continue
        key = _head(a.text, q, a.sentences[si].start, w)
        initials: frozenset[str] = frozenset()
        acronym: str | None = None
        if key is None:
            acronym = _acronym(a.text, q, a.sentences[si].start)
            # an acronym joins the one earlier noun whose words it abbreviates ("the official cash rate ... the OCR")
            named = {r.key for g in readings.values() for r in g if r is not None and acronym in r.initials} \
                if acronym else set()
            if len(named) != 1:
                continue
            key = named.pop()
        else:
            initials = _initials(a.text, q, a.sentences[si].start)
        group = readings.setdefault((key[0] + "|" + key[1], q.unit, q.currency, q.scale), [])
        cw = _clause_words(a, si, q)
        if cw is None or not _plain(a, q, w) or cw[0] & w.blockers or (q.subject_key or "").startswith("restated:"):
            group.append(None)  # counted for ambiguity, never linked
            continue
        countries = frozenset(str(it.mention.value.get("code")) for it in a.sentences[si].items
                              if it.mention is not None and it.mention.type == "country")
        sent_text = a.text[a.sentences[si].start : a.sentences[si].end]
        names = frozenset(_NAME.findall(a.text[a.sentences[si].start : q.span.start])[1:])
        # the one who says it is its source, not its holder ("economist Mereana Holt said that with the OCR now at
        # 2.75%"); an acronym resolved to the earlier noun names nothing else
        names -= frozenset((q.attributed_to or "").split()) | ({acronym.upper()} if acronym else set())
        group.append(_Reading(q, key, cw[1], cw[2], countries, names, frozenset(_NAME.findall(sent_text)), initials))
    for group in readings.values():
        if len(group) != 2 or None in group:
            continue
        first, second = group  # type: ignore[misc]
        assert first is not None and second is not None
        if first.q.sentence == second.q.sentence or first.q.value == second.q.value:
            continue
        if first.q.holder and second.q.holder and first.q.holder != second.q.holder:
            continue
        if (second.periods and second.periods != first.periods) or len(first.periods) > 1:
            continue
        if second.days and not second.days <= first.days:
            continue
        if not second.countries <= first.countries:
            continue  # "In Uganda, the central bank held the rate at 9.75%": another country's figure
        if not second.names <= first.sentence_words:
            continue  # "Its neighbour Orlo Bank kept the rate at 4.5%": a name the earlier sentence does not give
        name = " ".join(p for p in first.key if p)
        shared = f"figure:{name}:{first.q.seq}"
        first.q.subject_key = second.q.subject_key = shared
        first.q.subject = first.q.subject or name
        second.q.subject = first.q.subject
        second.q.certainty = "inferred"
        second.q.inferred = (f"{second.q.text} and the earlier {first.q.text} are taken to be one figure: "
                             f"both are of the {name}")


# "Margaret Olsen, 71, ...": a person's age in apposition (a name of two or more capitalised words), and any
# number in apposition after a word ("her husband, 74,"), which makes "the 74-year-old" ambiguous
_AGE_NAMED = re.compile(r"\b([A-Z][a-z'’-]+(?:\s(?:[A-Z][a-z'’-]+|[A-Z]\.))+),\s(\d{1,3}),\s")
_AGE_ANY = re.compile(r"\b[\w'’-]+,\s\d{1,3},\s")
_YEAR_OLD = re.compile(r"\b(\d{1,3})-year-old\b")
# "the 68-year-old" standing for a person: possessive, or a verb, a comma or the end of the sentence after it (not
# "the 68-year-old driver": another noun names whom)
_THE_YEAR_OLD = re.compile(r"[Tt]he\s$")
_AFTER_YEAR_OLD = re.compile(r"(?:['’]s\b|[,.;]|\s(?:was|is|had|has|said|says|told|died|who|remains|remained|will|would|"
                             r"should|could|can|may|might|must|also)\b)")


def link_ages(a: Analysis, facts: list[FactBase]) -> None:
    """"Margaret Olsen, 71, ... the 74-year-old's death": the one age given in apposition to a named person and the
    one "the <N>-year-old" after it, in a document that gives no other age, are one person's age stated twice. Two
    ``count`` quantities of subject "age of <name>" are added (the later ``inferred``: at most a warning) when the
    ages differ; any other age, number in apposition or "<N>-year-old" makes the reference ambiguous: nothing."""
    text = a.text
    if "year-old" not in text:
        return
    olds = list(_YEAR_OLD.finditer(text))
    named = list(_AGE_NAMED.finditer(text))
    if len(olds) != 1 or len(named) != 1 or len(_AGE_ANY.findall(text)) != 1:
        return
    first, later = named[0], olds[0]
    age, stated = int(first.group(2)), int(later.group(1))
    if later.start() < first.end() or age == stated or not (0 < age <= 110 and 0 < stated <= 110):
        return
    if not _THE_YEAR_OLD.search(text[max(0, later.start() - 4) : later.start()]) \
            or not _AFTER_YEAR_OLD.match(text, later.end()):
        return
    starts = [s.start for s in a.sentences]
    name = first.group(1)
    key = f"age:{' '.join(name.lower().split())}"
    out: list[Quantity] = []
    for start, end, value in ((first.start(2), first.end(2), age), (later.start(1), later.end(1), stated)):
        si = bisect.bisect_right(starts, start) - 1
        out.append(Quantity(span=Span(start=start, end=end), text=text[start:end], sentence=max(si, 0),
                            value=float(value), unit="count", subject=f"age of {name}", subject_key=key,
                            claim_type="actual", hedge="exact", attribution="none", pattern="figures.age"))
    out[1].certainty = "inferred"
    out[1].inferred = f"'the {stated}-year-old' is taken to be {name}, the one person whose age the text gives"
    facts.extend(out)
