"""Generated perturbations: plant ONE error into a clean corpus passage, labelled with the rule it must raise.

    python bench/perturb.py [--split dev|frozen|all] [--show N] [--seed S] [--per-site K]

Each generator finds a structure in a consistent (or tricky) passage with its own small, conservative
regular expressions — nothing here imports ``factcheck``, so the labels cannot share a blind spot with
the extractors — checks that the structure is what it looks like (the stated shift equals the years
named, the weekday is the date's weekday, the parts add up to the total, ...), and only then edits one
value so that the inconsistency is certain:

==================  =============================  ========================================================
kind                rule                           edit
==================  =============================  ========================================================
``shift-amount``    ``timeline.shift-mismatch``    "by two years" -> "by three years", "a six-month delay" -> "a
                                                   seven-month delay" (one shift; years, or months and years, named)
``weekday``         ``dates.weekday-mismatch``     "on Monday, Nov. 3" -> "on Friday, Nov. 3"; "Monday's vote on Nov. 3"
``fiscal-gloss``    ``fiscal.gloss-mismatch``      "(April 2027-March 2028)" -> "(April 2026-March 2027)"
``sum-part``        ``numbers.arithmetic-mismatch`` one part of "X and Y, a total of Z", "Z, made up of X and Y", "Of the
                                                   Z budget, X ... and Y ..." or "... Z. Of the total, X ... and Y",
                                                   "X and Y. The two ... add up to Z" changed
``percent-change``  ``numbers.arithmetic-mismatch`` "rose 7.5% to A from B" -> "rose 12.5% ..." (out of tolerance)
``shift-direction`` ``timeline.shift-mismatch``    "moved up" <-> "pushed back", "earlier" <-> "later", "bringing the
                                                   goal forward" <-> "back"
==================  =============================  ========================================================

Several substitutes are tried per site; which ones is decided by a seeded RNG, so runs are reproducible.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_CEILING, Decimal
from pathlib import Path
from typing import Protocol

RULES: dict[str, str] = {
    "shift-amount": "timeline.shift-mismatch",
    "weekday": "dates.weekday-mismatch",
    "fiscal-gloss": "fiscal.gloss-mismatch",
    "sum-part": "numbers.arithmetic-mismatch",
    "percent-change": "numbers.arithmetic-mismatch",
    "shift-direction": "timeline.shift-mismatch",
}
KINDS: tuple[str, ...] = tuple(RULES)
CLEAN_CATEGORIES = frozenset({"consistent", "tricky"})
DEFAULT_PER_SITE = 6


class PassageLike(Protocol):
    id: str
    text: str
    published: dt.date | None
    category: str
    must: list[str]
    split: str
    base_id: str | None


@dataclass(frozen=True)
class Site:
    """A plantable place in a text: the span to replace and the replacements that certainly break it."""

    kind: str
    start: int
    end: int
    substitutes: tuple[str, ...]


@dataclass(frozen=True)
class Case:
    id: str
    text: str
    published: dt.date | None
    must: list[str]
    kind: str
    split: str
    base_id: str
    start: int
    before: str
    after: str

    @property
    def family(self) -> str:
        return self.must[0].split(".", 1)[0]


# --- shared lexicon --------------------------------------------------------------------------------

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS_FULL = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December")
MONTH_ABBR = {"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
              "oct": 10, "nov": 11, "dec": 12}
MONTH_RE = (r"\b(?:" + "|".join(MONTHS_FULL) + r")\b|\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)(?:\.|\b)")
WEEKDAY_RE = r"(?:" + "|".join(WEEKDAYS) + r")\b"
YEAR_RE = r"(?:19|20)\d{2}"
ABBREVIATIONS = frozenset({"U.S", "U.K", "U.N", "E.U", "Mr", "Mrs", "Ms", "Dr", "St", "No", "Gen", "Gov", "Sen",
                           "Rep", "Lt", "Col", "Corp", "Inc", "Ltd", "Co", "Jr", "vs", "approx", "Jan", "Feb",
                           "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"})


def month_number(token: str) -> int:
    word = token.rstrip(".").lower()
    for n, full in enumerate(MONTHS_FULL, 1):
        if word == full.lower():
            return n
    return MONTH_ABBR[word]


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans, split at . ! ? before a capital or digit, not after an abbreviation or initial."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in re.finditer(r"[.!?](?=\s+[A-Z0-9\"“‘'(])", text):
        token = re.search(r"[A-Za-z.]*$", text[start:m.start()])
        word = token.group(0) if token else ""
        if word in ABBREVIATIONS or len(word) == 1:
            continue
        spans.append((start, m.end()))
        start = m.end() + len(text[m.end():]) - len(text[m.end():].lstrip())
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def mask_parentheses(text: str) -> str:
    """The text with every (...) blanked to spaces, offsets kept."""
    return re.sub(r"\([^()]*\)", lambda m: " " * len(m.group(0)), text)


def with_case(word: str, like: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def pick(candidates: Sequence[str], k: int, rng: random.Random) -> list[str]:
    """Up to k distinct candidates, chosen by the seeded RNG, in the order of the candidate list."""
    unique = list(dict.fromkeys(candidates))
    if len(unique) <= k:
        return unique
    chosen = set(rng.sample(range(len(unique)), k))
    return [c for i, c in enumerate(unique) if i in chosen]


# --- (a) shift amount and (f) shift direction -------------------------------------------------------

NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a": 1, "an": 1}
WORDS_FOR = {v: k for k, v in NUMBER_WORDS.items() if k not in ("a", "an")}
NUM_RE = r"(?P<num>one|two|three|four|five|six|seven|eight|nine|ten|an?|\d{1,2})"
BOUNDS = {"": "exact", "at least ": "at_least", "at most ": "at_most", "no more than ": "at_most",
          "up to ": "at_most"}
SHIFT_HEDGE_RE = r"(?P<bound>at least |at most |no more than |up to |more than |about |nearly |around |some |almost |over |roughly )?"
UNIT_RE = r"(?P<yr>years?|months?)"
SHIFT_BY = re.compile(rf"\bby {SHIFT_HEDGE_RE}{NUM_RE} {UNIT_RE}\b", re.IGNORECASE)
SHIFT_REL = re.compile(rf"\b{SHIFT_HEDGE_RE}{NUM_RE} {UNIT_RE} (?P<dir>ahead of|behind|earlier than|later than|"
                       rf"sooner than|early|late)\b", re.IGNORECASE)
SHIFT_DELAY = re.compile(rf"\ba (?:delay|postponement) of {SHIFT_HEDGE_RE}{NUM_RE} {UNIT_RE}\b", re.IGNORECASE)
# "a two-year delay", "an 18-month postponement": the size as a hyphenated modifier of the move
SHIFT_NOUN = re.compile(rf"\ban? {SHIFT_HEDGE_RE}(?P<num>one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                        rf"\d{{1,2}})-(?P<yr>year|month) (?:delay|postponement|slip|slippage|setback)\b",
                        re.IGNORECASE)
EARLIER_VERBS = ("moved up", "brought forward", "moved forward", "pulled forward", "advanced")
LATER_VERBS = ("pushed back", "delayed", "postponed", "put back", "moved back", "put off", "extended")
VERB_RE = re.compile(r"(?<!\w)(?P<verb>" + "|".join(EARLIER_VERBS + LATER_VERBS) + r")\b", re.IGNORECASE)
# a verb of moving split from its particle by what moved: "bringing the goal forward", "pushed its exit back"
SPLIT_VERB = re.compile(r"\b(?:bring|brings|bringing|brought|push|pushes|pushing|pushed|move|moves|moving|moved|pull|"
                        r"pulls|pulling|pulled)\s(?:the|its|their|his|her)\s(?:[\w-]+\s){0,2}?(?P<particle>forward|back)\b",
                        re.IGNORECASE)
PARTICLE_FLIP = {"forward": "back", "back": "forward"}
# a year that dates a modifier of the old target, not a target: "the 2025 date set in 2020", "agreed in 2023"
MODIFIER_YEAR = re.compile(rf"\b(?:set|agreed|announced|promised|adopted|laid out|given|published|signed|made|fixed)\s"
                           rf"in\s(?:a\s|an\s|the\s|its\s)?(?P<y>{YEAR_RE})\b(?![-–/]\d)", re.IGNORECASE)
ADJECTIVE_BEFORE = re.compile(r"\b(?:a|an|the|its|their|his|her)\s+$", re.IGNORECASE)
REL_FLIP = {"ahead of": "behind", "behind": "ahead of", "earlier than": "later than", "later than": "earlier than",
            "sooner than": "later than", "early": "late", "late": "early"}
REL_DIRECTION = {"ahead of": "earlier", "behind": "later", "earlier than": "earlier", "later than": "later",
                 "sooner than": "earlier", "early": "earlier", "late": "later"}


@dataclass(frozen=True)
class ShiftSentence:
    start: int
    end: int
    years: tuple[int, int]  # (old, new), as the sentence orders them
    months: tuple[int, int] | None = None  # their months, when both years are named with different months

    @property
    def points(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(old, new) as (year, month): month 0 when the months are not told apart."""
        (o, n), (mo, mn) = self.years, self.months or (0, 0)
        return (o, mo), (n, mn)

    @property
    def diff(self) -> tuple[int, str]:
        """The distance between the old and new target: in months when both name a different month."""
        (o, mo), (n, mn) = self.points
        if self.months is not None:
            return abs((n * 12 + mn) - (o * 12 + mo)), "month"
        return abs(n - o), "year"


def _verbs(sentence: str) -> list[re.Match[str]]:
    return [m for m in VERB_RE.finditer(sentence) if not ADJECTIVE_BEFORE.search(sentence[:m.start()])]


def _amount_phrases(sentence: str) -> list[re.Match[str]]:
    found = list(SHIFT_REL.finditer(sentence)) + list(SHIFT_DELAY.finditer(sentence)) + list(SHIFT_NOUN.finditer(sentence))
    if _verbs(sentence) or SPLIT_VERB.search(sentence):
        found += list(SHIFT_BY.finditer(sentence))
    return sorted(found, key=lambda m: m.start())


def _is_shift_sentence(sentence: str) -> bool:
    return bool(_verbs(sentence) or SPLIT_VERB.search(sentence) or _amount_phrases(sentence))


def mask_modifier_years(masked: str) -> str:
    """The sentence with each year of a modifier ("set in 2020") blanked, offsets kept."""
    return MODIFIER_YEAR.sub(lambda m: m.group(0)[: m.start("y") - m.start()] + " " * 4, masked)


# "the fiscal year ending March 31, 2027": a year told by its end spans two calendar years, so a shift
# counted from it against a calendar year has two readings
FISCAL_END_BEFORE = re.compile(rf"\b(?:fiscal|financial|budget)\s+year\s+(?:ending|ended|to|through|that ends|which ends)"
                               rf"\s+(?:on\s+)?(?:{MONTH_RE})(?:\s\d{{1,2}})?,?\s*$", re.IGNORECASE)


def clean_years(masked: str) -> list[tuple[int, int]] | None:
    """(year, offset) of every year in the sentence; None if any year-like token is not a plain year."""
    years: list[tuple[int, int]] = []
    for m in re.finditer(rf"(?<![\d,.$€£¥])(?:FY\s?)?(?P<y>{YEAR_RE})(?!\d)", masked):
        after = masked[m.end():m.end() + 12]
        before = masked[max(0, m.start() - 2):m.start()]
        if re.match(r"[-–/]\d|s\b|\s?(?:%|percent|per cent|trillion|billion|million)", after) or re.search(r"[-–/]$", before):
            return None
        if FISCAL_END_BEFORE.search(masked[max(0, m.start() - 60):m.start()]):
            return None
        years.append((int(m.group("y")), m.start("y")))
    return years


def _month_before(masked: str, offset: int) -> int | None:
    m = re.search(rf"({MONTH_RE})\s+(?:of\s+)?(?:fiscal\s+(?:year\s+)?)?$", masked[:offset])
    return month_number(m.group(1).strip()) if m else None


def _year_order(masked: str, a: int, b: int) -> tuple[int, int] | None:
    """(old, new) if the sentence says "from X to Y", "to Y from X", "Y instead of/rather than X"."""
    gap = r"[^.;]{0,60}?"
    for old, new in ((a, b), (b, a)):
        o, n = rf"(?<!\d){old}(?!\d)", rf"(?<!\d){new}(?!\d)"
        patterns = (rf"\bfrom\b{gap}{o}{gap}\bto\b{gap}{n}", rf"\bto\b{gap}{n}{gap}\bfrom\b{gap}{o}",
                    rf"{n}{gap}\b(?:instead of|rather than)\b{gap}{o}",
                    rf"{n}{gap}\b(?:earlier|later|sooner) than\b{gap}{o}",
                    # "due in 2032 after the date was extended by two years from 2031", "until 2030, ..., a
                    # delay of two years from the 2025 date"
                    rf"\b(?:in|until|by|to)\s{n}{gap}\bfrom\s(?:the\s|its\s)?{o}")
        if any(re.search(p, masked, re.IGNORECASE) for p in patterns):
            return old, new
    return None


def _shift_sentence(text: str) -> ShiftSentence | None:
    """The passage's only shift sentence, if it names exactly two plain years (same month or none) and
    says which is the old one and which the new ("from X to Y", "Y instead of X", "earlier than X")."""
    spans = [(s, e) for s, e in sentences(text) if _is_shift_sentence(text[s:e])]
    if len(spans) != 1:
        return None
    start, end = spans[0]
    masked = mask_modifier_years(mask_parentheses(text[start:end]))
    years = clean_years(masked)
    if years is None or len({y for y, _ in years}) != 2:
        return None
    named = {(y, _month_before(masked, off)) for y, off in years}
    months = {y: mo for y, mo in named}
    if len({mo for _, mo in named}) > 1 and (len(named) != 2 or None in months.values()):
        return None  # "from 2026 to March 2027", or a year named with two months: not one pair of targets
    a, b = dict.fromkeys(y for y, _ in years)
    order = _year_order(masked, a, b)
    if order is None:
        return None
    pair = (months[order[0]], months[order[1]]) if len({mo for _, mo in named}) > 1 else None
    return ShiftSentence(start, end, order, pair)  # type: ignore[arg-type]


def _stated_direction(sentence: str) -> str | None:
    directions = {("earlier" if v.group("verb").lower() in EARLIER_VERBS else "later") for v in _verbs(sentence)}
    directions |= {("earlier" if v.group("particle").lower() == "forward" else "later") for v in SPLIT_VERB.finditer(sentence)}
    directions |= {REL_DIRECTION[m.group("dir").lower()] for m in SHIFT_REL.finditer(sentence)}
    if len(directions) > 1:
        return "mixed"
    return next(iter(directions), None)


def _direction_agrees(sentence: str, shift: ShiftSentence) -> bool:
    stated = _stated_direction(sentence)
    if stated == "mixed":
        return False
    if stated is None:
        return True
    old, new = shift.points
    return stated == ("earlier" if new < old else "later")


def _number_text(n: int, like: str, unit: str = "year", hyphen: bool = False) -> str:
    word = str(n) if like.isdigit() else WORDS_FOR.get(n, str(n))
    if hyphen:
        return with_case(f"{word}-{unit}", like)  # "a three-year delay"
    return with_case(f"{word} {unit if n == 1 else unit + 's'}", like)


def _amount_candidates(stated: int, diff: int, bound: str) -> list[int]:
    if bound == "at_least":
        return list(range(diff + 1, diff + 5))
    if bound == "at_most":
        return list(range(max(1, diff - 4), diff))
    near = [n for n in (diff - 1, diff + 1, diff - 2, diff + 2) if n >= 1]
    return near + [n for n in range(1, 11) if n not in near and n != diff]


def _amount_holds(stated: int, diff: int, bound: str) -> bool:
    """The stated shift agrees with the years named (else this is not the structure we think it is)."""
    return {"exact": stated == diff, "at_least": stated <= diff, "at_most": stated >= diff}[bound]


def find_shift_amount(text: str, published: dt.date | None) -> list[Site]:
    shift = _shift_sentence(text)
    if shift is None:
        return []
    sentence = text[shift.start:shift.end]
    phrases = _amount_phrases(sentence)
    if len(phrases) != 1 or not _direction_agrees(sentence, shift):
        return []
    m = phrases[0]
    bound = BOUNDS.get((m.group("bound") or "").lower())
    if bound is None:
        return []
    raw = m.group("num")
    stated = int(raw) if raw.isdigit() else NUMBER_WORDS[raw.lower()]
    diff, unit = shift.diff
    if not m.group("yr").lower().startswith(unit):
        return []  # "by six months" between two years, or "by two years" between two months
    if not _amount_holds(stated, diff, bound):
        return []
    numbers = [n for n in _amount_candidates(stated, diff, bound) if n != stated and (unit == "year" or n <= 36)]
    if m.re is SHIFT_NOUN:
        # "an eight-month delay" -> "a seven-month delay": the article goes with the number
        subs = tuple(with_case(_article(n, raw) + " ", m.group(0)) + _number_text(n, raw, unit, hyphen=True)
                     for n in numbers)
        return [Site("shift-amount", shift.start + m.start(), shift.start + m.end("yr"), subs)]
    subs = tuple(_number_text(n, raw, unit) for n in numbers)
    return [Site("shift-amount", shift.start + m.start("num"), shift.start + m.end("yr"), subs)]


def _article(n: int, like: str) -> str:
    """"an" before a number said with a vowel ("an eight-month", "an 18-month"), else "a"."""
    said = str(n) if like.isdigit() else WORDS_FOR.get(n, str(n))
    vowel = said.startswith(("eight", "eleven")) or (said.isdigit() and (said.startswith("8") or said in ("11", "18")))
    return "an" if vowel else "a"


def find_shift_direction(text: str, published: dt.date | None) -> list[Site]:
    shift = _shift_sentence(text)
    if shift is None:
        return []
    sentence = text[shift.start:shift.end]
    verbs, rels, split = _verbs(sentence), list(SHIFT_REL.finditer(sentence)), list(SPLIT_VERB.finditer(sentence))
    if len(verbs) + len(rels) + len(split) != 1 or not _direction_agrees(sentence, shift):
        return []
    if split:
        word = split[0].group("particle")
        return [Site("shift-direction", shift.start + split[0].start("particle"), shift.start + split[0].end("particle"),
                     (with_case(PARTICLE_FLIP[word.lower()], word),))]
    if verbs:
        v = verbs[0]
        word = v.group("verb")
        opposite = LATER_VERBS[:3] if word.lower() in EARLIER_VERBS else EARLIER_VERBS[:3]
        subs = tuple(with_case(o, word) for o in opposite)
        return [Site("shift-direction", shift.start + v.start("verb"), shift.start + v.end("verb"), subs)]
    r = rels[0]
    word = r.group("dir")
    return [Site("shift-direction", shift.start + r.start("dir"), shift.start + r.end("dir"),
                 (with_case(REL_FLIP[word.lower()], word),))]


# --- (b) weekday next to an explicit date -----------------------------------------------------------

_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR_OPT = rf"(?:,?\s(?P<year>{YEAR_RE}))?"
_MD = rf"(?P<mon>{MONTH_RE})\s{_DAY}(?:,\s(?P<year>{YEAR_RE}))?"
_DM = rf"{_DAY}\s(?P<mon>{MONTH_RE}){_YEAR_OPT}"
WEEKDAY_DATE = tuple(re.compile(p) for p in (
    rf"\b(?P<wd>{WEEKDAY_RE}),\s{_MD}(?![\w-])",
    rf"\b(?P<wd>{WEEKDAY_RE}),\s{_DM}(?![\w-])",
    rf"\b(?P<wd>{WEEKDAY_RE})\s\({_MD}\)",
    rf"\b(?P<wd>{WEEKDAY_RE})\s\({_DM}\)",
    rf"\b{_MD}\s\((?P<wd>{WEEKDAY_RE})\)",
    rf"\b{_DM}\s\((?P<wd>{WEEKDAY_RE})\)",
))


# "in Friday's vote on March 19": the weekday names the event the date right after its noun dates
EVENT_NOUNS = ("vote", "election", "meeting", "decision", "summit", "final", "match", "game", "ruling", "hearing",
               "referendum", "debate", "session", "announcement", "launch", "opening", "runoff")
WEEKDAY_EVENT_DATE = re.compile(rf"\b(?P<wd>{WEEKDAY_RE})'s\s(?:[a-z]+\s)?(?:{'|'.join(EVENT_NOUNS)})\son\s{_MD}(?![\w-])")


def _date_weekdays(month: int, day: int, year: int | None, published: dt.date | None) -> set[int]:
    """Weekdays the date can have: its own year, or the year before, of, or after publication."""
    years = [year] if year is not None else [] if published is None else [published.year + d for d in (-1, 0, 1)]
    found: set[int] = set()
    for y in years:
        try:
            found.add(dt.date(y, month, day).weekday())
        except ValueError:
            continue
    return found


def find_weekday(text: str, published: dt.date | None) -> list[Site]:
    sites: dict[int, Site] = {}
    for pattern in (*WEEKDAY_DATE, WEEKDAY_EVENT_DATE):
        for m in pattern.finditer(text):
            year = int(m.group("year")) if m.group("year") else None
            stated = WEEKDAYS.index(m.group("wd"))
            possible = _date_weekdays(month_number(m.group("mon")), int(m.group("day")), year, published)
            if stated not in possible or (year is None and published is None):
                continue
            others = tuple(w for i, w in enumerate(WEEKDAYS) if i != stated)
            sites[m.start("wd")] = Site("weekday", m.start("wd"), m.end("wd"), others)
    return [sites[k] for k in sorted(sites)]


# --- (c) fiscal-year gloss ---------------------------------------------------------------------------

_GLOSS = (rf"\s*\((?P<m1>{MONTH_RE})\s(?P<y1>{YEAR_RE})\s*(?:-|–|—|to|through|until)\s*(?P<m2>{MONTH_RE})\s"
          rf"(?P<y2>{YEAR_RE})\)")
_SPLIT_END = r"(?:[-/](?P<end>\d{2}(?:\d{2})?))?"
FISCAL_GLOSS = tuple(re.compile(p + _GLOSS, re.IGNORECASE) for p in (
    rf"\b(?:fiscal(?: year)?|financial year|FY)\s?(?P<fy>{YEAR_RE}){_SPLIT_END}(?:\s(?:budget|year))?",
    rf"\bthe (?P<fy>{YEAR_RE}){_SPLIT_END} (?:fiscal|financial) year",
    rf"(?<![\w-])(?P<fy>{YEAR_RE})[-/](?P<end>\d{{2}}(?:\d{{2}})?)(?:\s(?:budget|year))?",
))
COUNTRIES: dict[str, str] = {
    "JP": r"Japan|Japanese|Tokyo",
    "GB": r"Britain|British|United Kingdom|England|UK|U\.K\.",
    "US": r"U\.S\.|US|United States|American|Pentagon|Congress|Washington|White House",
    "AU": r"Australia|Australian|Canberra",
    "IN": r"India|Indian|New Delhi",
    "KR": r"South Korea|South Korean|Korea|Korean|Seoul",
    "CA": r"Canada|Canadian|Ottawa",
    "NZ": r"New Zealand|Wellington",
    "PK": r"Pakistan|Pakistani|Islamabad",
    "EG": r"Egypt|Egyptian|Cairo",
    "DE": r"Germany|German|Berlin",
    "FR": r"France|French|Paris",
    "CN": r"China|Chinese|Beijing",
    "TH": r"Thailand|Thai|Bangkok",
    "ZA": r"South Africa|South African|Pretoria",
}
COUNTRY_RES = {code: re.compile(rf"(?<![\w.])(?:{alts})(?!\w)") for code, alts in COUNTRIES.items()}
COMPANY_CUE = re.compile(r"\b(?:company|company's|companies|firm|firm's|corporation|Corp|Inc|Ltd|group|maker|automaker|"
                         r"retailer|carmaker|university|school|club|club's|earnings|results|profit|shares|revenue|sales)\b",
                         re.IGNORECASE)
GLOSS_EDITS = ((-1, -1), (1, 1), (-2, -2), (2, 2), (-1, 0), (0, 1))


def _sentence_at(text: str, offset: int) -> str:
    return next((text[s:e] for s, e in sentences(text) if s <= offset < e), text)


def countries(text: str) -> set[str]:
    return {code for code, pattern in COUNTRY_RES.items() if pattern.search(text)}


def _one_country(text: str, offset: int) -> bool:
    """Exactly one country named in the sentence (or, if none there, in the passage)."""
    named = countries(_sentence_at(text, offset)) or countries(text)
    return len(named) == 1


def _twelve_months(m1: int, y1: int, m2: int, y2: int) -> bool:
    return (y2 * 12 + m2) - (y1 * 12 + m1) == 11


def _label_fits(m: re.Match[str], y1: int, y2: int) -> bool:
    """The gloss is the year the label names: one year (either convention), or both years of "2025-26"."""
    fy, end = int(m.group("fy")), m.group("end")
    if end is None:
        return fy in (y1, y2)
    return int(end) in (fy + 1, (fy + 1) % 100) and (y1, y2) == (fy, fy + 1)


def find_fiscal_gloss(text: str, published: dt.date | None) -> list[Site]:
    sites: dict[int, Site] = {}
    for pattern in FISCAL_GLOSS:
        for m in pattern.finditer(text):
            y1, y2 = int(m.group("y1")), int(m.group("y2"))
            if not _twelve_months(month_number(m.group("m1")), y1, month_number(m.group("m2")), y2):
                continue
            if not _label_fits(m, y1, y2) or not _one_country(text, m.start()):
                continue
            if COMPANY_CUE.search(_sentence_at(text, m.start())):
                continue
            middle = text[m.end("y1"):m.start("y2")]
            subs = tuple(f"{y1 + d1}{middle}{y2 + d2}" for d1, d2 in GLOSS_EDITS)
            sites.setdefault(m.start("y1"), Site("fiscal-gloss", m.start("y1"), m.end("y2"), subs))
    return [sites[k] for k in sorted(sites)]


# --- figures: (d) parts of a total, (e) percentage changes -------------------------------------------

# currency letters ("N3.2 trillion", "P6.35-trillion", "R1.4bn") only right before an amount with a scale word
CUR_RE = (r"(?:US\$|A\$|C\$|NZ\$|HK\$|S\$|R\$|Rs\.?\s?|KSh\s?|Ksh\s?|Sh\s?|\$|€|£|¥|₩|₹|₦|₱|"
          r"(?-i:[NPR])(?=\d[\d,.]*[\s-]?(?:trillion|billion|million|bn|crore)\b))")
# digits grouped in threes, or the Indian way ("4,90,600 crore")
FIG_RE = r"(?:\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
SCALES = {"lakh crore": Decimal(10) ** 12, "trillion": Decimal(10) ** 12, "billion": Decimal(10) ** 9,
          "bn": Decimal(10) ** 9, "crore": Decimal(10) ** 7, "million": Decimal(10) ** 6, "mn": Decimal(10) ** 6,
          "lakh": Decimal(10) ** 5, "thousand": Decimal(10) ** 3, "m": Decimal(10) ** 6}
# "m" is millions only after a currency ("£800m"); "800m" alone is a distance (see _figure)
SCALE_RE = r"(?:lakh crore|trillion|billion|bn|crore|million|mn|lakh|thousand|m)"
UNIT_RE = (r"(?:yen|won|euros?|dollars?|pounds?|rupees?|yuan|francs?|rubles?|roubles?|pesos?|percent|per cent|pct|%|"
           r"people|troops|soldiers|jets|aircraft|ships|tanks|vehicles|tons?|tonnes?|barrels|units|workers|jobs|"
           r"votes|seats|cases|homes|houses)")
AMOUNT = re.compile(rf"(?<![\w.,])(?P<cur>{CUR_RE})?\s?(?P<num>{FIG_RE})(?!\d)(?:[\s-]?(?P<scale>{SCALE_RE})\b)?"
                    rf"(?:\s?(?P<unit>{UNIT_RE})(?![a-z]))?(?![\w])")
UNIT_ALIASES = {"percent": "%", "per cent": "%", "pct": "%", "euro": "€", "euros": "€", "pound": "£", "pounds": "£",
                "dollar": "$", "dollars": "$", "yen": "¥", "won": "₩", "rupee": "₹", "rupees": "₹", "rs": "₹",
                "sh": "KSh", "ksh": "KSh", "n": "₦", "p": "₱"}


@dataclass(frozen=True)
class Figure:
    start: int  # offsets of the number itself in the text
    end: int
    span: tuple[int, int]  # the whole amount, currency to unit
    value: Decimal  # as written, in its own scale
    decimals: int
    grouped: bool
    unit: str | None  # currency or unit
    scale: Decimal  # 1, 10**6, 10**9, ...

    @property
    def half(self) -> Decimal:
        """Half a unit of the last stated digit, in the figure's own scale."""
        return Decimal(5) / Decimal(10) ** (self.decimals + 1)

    @property
    def absolute(self) -> Decimal:
        return self.value * self.scale

    @property
    def half_absolute(self) -> Decimal:
        return self.half * self.scale


def _unit(m: re.Match[str]) -> str | None:
    raw = (m.group("cur") or m.group("unit") or "").strip().rstrip(".")
    return UNIT_ALIASES.get(raw.lower(), raw) if raw else None


def _figure(m: re.Match[str], offset: int = 0) -> Figure:
    raw = m.group("num")
    decimals = len(raw.split(".")[1]) if "." in raw else 0
    word = (m.group("scale") or "").lower()
    unit = _unit(m)
    if word == "m" and not m.group("cur"):
        word, unit = "", unit or "metre"  # "the 800m final": a distance, not millions
    scale = SCALES.get(word, Decimal(1))
    return Figure(offset + m.start("num"), offset + m.end("num"), (offset + m.start(), offset + m.end()),
                  Decimal(raw.replace(",", "")), decimals, "," in raw, unit, scale)


def _is_plain_count(m: re.Match[str], text: str) -> bool:
    """A bare number that is a year or a day of the month, not a figure."""
    if m.group("cur") or m.group("scale") or m.group("unit"):
        return False
    if re.fullmatch(YEAR_RE, m.group("num")):
        return True
    return bool(re.search(rf"(?:{MONTH_RE})\s$", text[:m.start()]))


def figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    chunk = text[start:end]
    return [_figure(m, start) for m in AMOUNT.finditer(chunk) if not _is_plain_count(m, chunk)]


def format_figure(value: Decimal, like: Figure) -> str:
    quantum = Decimal(1) / Decimal(10) ** like.decimals
    return f"{value.quantize(quantum):,}" if like.grouped else f"{value.quantize(quantum)}"


TOTAL_BEFORE = re.compile(r"\b(?:a total of|total of|totaling|totalling|totals|total|a combined|combined total of|"
                          r"for a combined|altogether|in all|totalled|totaled|"
                          # a period's total: "giving a first-quarter surplus of X", "for a first-half output of X"
                          r"(?:giving|for|making) (?:a|an) (?:(?:first|second|third|fourth|full|half|nine|six|three)-)?"
                          r"(?:quarter|half|year|month)(?:ly)? \w+ of)\s+(?:of\s+)?$", re.IGNORECASE)
WITH_AFTER = re.compile(r"(?:\s+[a-z]+){0,3}?,\s+with\b", re.IGNORECASE)
# "X in all", "85 applications in all", "214 people in total"
TOTAL_AFTER = re.compile(r"^(?:\s+[a-z]+){0,2}?\s+(?:in total|in all|combined|altogether)\b", re.IGNORECASE)
# a change, a comparison, a hedge or a rate beside the figures: no sure sum ("over", "under", "some" and "from" only
# before a figure: "over three years", "£4.1 billion from advertising" are no hedge and no change)
_BEFORE_FIGURE = r"(?=\s+(?:the\s+|a\s+|an\s+)?[$€£¥₹₦₱]?(?:US|A|C|NZ|HK|Rs\.?|K?Sh)?\s?\d)"
SUM_BLOCKERS = re.compile(r"\b(?:more than|less than|fewer than|up|down|rose|fell|increase[ds]?|decrease[ds]?|"
                          r"rise|fall|gap|difference|compared|versus|vs|about|around|nearly|almost|roughly|"
                          r"approximately|at least|at most|per|each|average|times|double|half|"
                          rf"percent of|share|par|(?:from|some|over|under){_BEFORE_FIGURE})\b", re.IGNORECASE)


def _totals(text: str, s: int, figs: list[Figure]) -> list[Figure]:
    """The figures introduced as a total ("a total of X", "X in all")."""
    return [f for f in figs if TOTAL_BEFORE.search(text[s:f.span[0]]) or TOTAL_AFTER.match(text[f.span[1]:])]


# the total before its parts: "X, made up of A and B", "X, of which A ... and B ...", "X: A ..., B ... and C ..."
TOTAL_HEAD = re.compile(r"(?:,|:|—|–)?\s*\b(?:made up of|comprising|consisting of|consists of|consisted of|comprises|"
                        r"split between|split into|"
                        r"divided between|divided into|broken down into|broken down as|breaks down as|of which|"
                        r"of whom)\b|:|—|–|\s-(?=\s)", re.IGNORECASE)
# a sentence led by its total: "Of the Sh9.42 billion budget, A ... and B ..."
LEADING_OF = re.compile(r"(?:Of|Out of)\s+(?:the|its|their|this|that|a|an)\b")
# a sentence of parts whose total is in the sentence before: "Of the total, A ... and B ..."
BACK_OF = re.compile(r"(?:Of|Out of)\s+(?:the|that|this|these|those|it|them)\b(?:\s+(?:total|sum|amount|money|package|"
                     r"budget|allocation|funding|figure))?\s*,", re.IGNORECASE)
_CUE_WORDS = re.compile(r"\bmade up of\b", re.IGNORECASE)  # "up" in it is no change
# the last part is what the others leave of the total ("Of the 28 units, 11 ..., and 9 more ..., leaving 8"): the parts
# are all of it, so a smaller part is planted too
LEAVING = re.compile(r",\s+leaving\s+(?:just\s+|only\s+)?\S*\d", re.IGNORECASE)
# a sentence that counts the parts of the sentence before and states their total ("The three programmes add up to X",
# "Together, the two crops accounted for X")
COUNTED_BACK = re.compile(r"(?:(?:Together|Combined|In all|In total|Altogether),\s+)?(?:The|These|Those|All)\s+"
                          r"(?P<count>two|three|four|five|six)\s+(?:[\w'’-]+\s+){1,3}?(?:together\s+|combined\s+)?"
                          r"(?:add up to|added up to|accounted for|account for|total|totalled|totaled|came to|come to|"
                          r"amount to|amounted to|made up|make up)\s+", re.IGNORECASE)
# words that make a sentence's figures a change or a comparison, not parts ("over the next five years" is no hedge)
CHANGE_WORDS = re.compile(r"\b(?:more than|less than|fewer than|up|down|from|than|rose|fell|increase[ds]?|decrease[ds]?|"
                          r"rise|fall|compared|versus|vs|about|around|nearly|almost|roughly|approximately|each|per|"
                          r"average|times|including|among|such as)\b", re.IGNORECASE)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


def _adds_up(parts: list[Figure], total: Figure) -> bool:
    tolerance = sum((f.half_absolute for f in [*parts, total]), Decimal(0))
    return 2 <= len(parts) <= 6 and abs(sum(p.absolute for p in parts) - total.absolute) <= tolerance


def _part_sites(parts: list[Figure], total: Figure, up_only: bool = False) -> list[Site]:
    """Sites at each part. ``up_only`` where the parts may be read as some of the total ("Of the total, A ... and
    B ...", "X, of which A and B"): a sum short of it is then no sure error, so only larger values are planted."""
    tolerance = sum((f.half_absolute for f in [*parts, total]), Decimal(0))
    least = max(tolerance * 3, total.absolute * Decimal("0.05"))
    return [Site("sum-part", p.start, p.end, tuple(sub for sub in _part_substitutes(p, least)
                                                   if not up_only or Decimal(sub.replace(",", "")) > p.value))
            for p in parts]


def _blocked(text: str) -> bool:
    return bool(SUM_BLOCKERS.search(_CUE_WORDS.sub(" ", text)))


def _sum_sites(text: str, s: int, e: int) -> list[Site]:
    """Parts and a total of one sentence that add up: a total marked as one ("a total of X", "X in all"), a total
    the parts are said to make up ("X, made up of A and B", "X, of which A and B"), or the total that leads the
    sentence ("Of the X budget, A ... and B ...")."""
    if _blocked(text[s:e]):
        return []
    figs = figures(text, s, e)
    totals = _totals(text, s, figs)
    if len(totals) == 1:
        total = totals[0]
        parts = [f for f in figs if f.unit == total.unit and f is not total]
        # "X, with A ... and B ...": the parts may be some of the total, so only larger ones are planted
        some = bool(WITH_AFTER.match(text, total.span[1]))
        return _part_sites(parts, total, up_only=some) if _adds_up(parts, total) else []
    if totals:
        return []
    if LEADING_OF.match(text, s) and figs:
        total = figs[0]
        parts = [f for f in figs[1:] if _kind(f) == _kind(total)]
        if _adds_up(parts, total):
            return _part_sites(parts, total, up_only=not LEAVING.search(text, s, e))
    for cue in TOTAL_HEAD.finditer(text, s, e):
        after = [f for f in figs if f.span[0] >= cue.end()]
        kinds = {_kind(f) for f in after}
        before = [f for f in figs if f.span[1] <= cue.start() and _kind(f) in kinds]
        if len(kinds) != 1 or not before:
            continue
        if _adds_up(after, before[-1]):
            return _part_sites(after, before[-1], up_only=cue.group(0).strip(",:—– ").lower() in _SOME_OF)
    return []


_SOME_OF = frozenset(["of which", "of whom"])


def _kind(f: Figure) -> str:
    """A figure's kind for a sum: its currency, a percentage, or a count ("53 seats" with "31" and "22")."""
    return f.unit if f.unit is not None and (not f.unit.isalpha() or f.unit == "KSh") else "count"


def _sum_across(text: str, first: tuple[int, int], second: tuple[int, int]) -> list[Site]:
    """Parts in one sentence that add up to the one figure of their kind in the sentence before ("... a Sh9.42 billion
    budget. Of the total, Sh6.12 billion will go to ... and Sh3.30 billion to ...")."""
    s, e = second
    if not BACK_OF.match(text, s) or _blocked(text[s:e]):
        return []
    parts = figures(text, s, e)
    units = {_kind(p) for p in parts}
    if len(units) != 1:
        return []
    earlier = [f for f in figures(text, *first) if _kind(f) in units]
    if len(earlier) != 1 or not _adds_up(parts, earlier[0]):
        return []
    return _part_sites(parts, earlier[0], up_only=True)


def _sum_counted_next(text: str, first: tuple[int, int], second: tuple[int, int]) -> list[Site]:
    """Every figure of one sentence, counted and totalled by the next ("... 265 billion yen on ... and 98 billion yen
    on .... The three programmes add up to 773 billion yen")."""
    s, e = second
    m = COUNTED_BACK.match(text, s)
    if not m or CHANGE_WORDS.search(text, *first):
        return []
    after = figures(text, m.end(), e)
    if not after or after[0].span[0] != m.end():
        return []
    total = after[0]
    parts = figures(text, *first)
    if len(parts) != _COUNTS[m.group("count").lower()] or any(_kind(p) != _kind(total) for p in parts):
        return []
    return _part_sites(parts, total) if _adds_up(parts, total) else []


def _part_substitutes(part: Figure, least: Decimal) -> tuple[str, ...]:
    """New values for one part, each at least ``least`` (absolute) away, on the part's own digit grid."""
    unit = Decimal(1) / Decimal(10) ** part.decimals
    step = max(unit, (least / part.scale / unit).to_integral_value(rounding=ROUND_CEILING) * unit)
    values = [part.value + k * step for k in (1, -1, 2, -2, 3, -3)]
    return tuple(format_figure(v, part) for v in values if v > 0)


def find_sum_part(text: str, published: dt.date | None) -> list[Site]:
    spans = sentences(text)
    sites = [site for s, e in spans for site in _sum_sites(text, s, e)]
    sites += [site for a, b in itertools.pairwise(spans) for site in _sum_across(text, a, b)]
    sites += [site for a, b in itertools.pairwise(spans) for site in _sum_counted_next(text, a, b)]
    return sites


HEDGES_RE = (r"about|around|roughly|approximately|almost|nearly|some|more than|just over|just under|over|less than|"
             r"under|at least|at most|up to")
HEDGE_KIND = {"about": "approx", "around": "approx", "roughly": "approx", "approximately": "approx", "some": "approx",
              "almost": "nearly", "nearly": "nearly", "just under": "nearly", "more than": "lower", "over": "lower",
              "just over": "lower", "at least": "lower", "less than": "upper", "under": "upper", "at most": "upper",
              "up to": "upper"}
DOWN_WORDS = frozenset({"fell", "fallen", "fall", "falls", "dropped", "declined", "decreased", "slid", "slipped", "down",
                        "shrank", "cut", "drop", "decline", "decrease", "reduction"})
_AMT = rf"{CUR_RE}?\s?{FIG_RE}(?:\s?{SCALE_RE})?(?:\s?{UNIT_RE})?"
_PCT = (rf"(?:(?P<hedge>{HEDGES_RE})\s+)?(?P<pct>\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b|pct\b)"
        rf"(?!\s?(?:percentage\s)?points?)")
_GDP = r"(?:\s+of\s+(?:GDP|gross domestic product))?"
_VERB = (r"(?P<verb>rose|risen|rise|rises|grew|grown|grow|increased|climbed|jumped|gained|up|fell|fallen|fall|falls|"
         r"dropped|declined|decreased|slid|slipped|down|shrank)")
_NOUN = r"(?P<verb>rise|increase|gain|jump|drop|decline|fall|decrease|cut|reduction)"
_BASE = r"\s+(?:on|over|from|compared with)\s+(?:the\s+)?(?:a\s+)?(?:revised\s+)?(?P<b>" + _AMT + ")"
PERCENT_CHANGE = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf"\b{_VERB}(?:\s+by)?\s+{_PCT}\s+to\s+(?P<a>{_AMT}){_GDP}\s+from\s+(?P<b>{_AMT})",
    rf"\b{_VERB}(?:\s+by)?\s+{_PCT}\s+from\s+(?P<b>{_AMT}){_GDP}\s+to\s+(?P<a>{_AMT})",
    rf"\bfrom\s+(?P<b>{_AMT}){_GDP}\s+to\s+(?P<a>{_AMT}){_GDP},\s+(?:a|an)\s+{_NOUN}\s+of\s+{_PCT}",
    rf"(?:\b(?P<hedge0>{HEDGES_RE})\s+)?\b(?:a|an)\s+{_PCT}\s+{_NOUN}\s+from\s+(?P<b>{_AMT}){_GDP}\s+to\s+(?P<a>{_AMT})",
    rf"\bfrom\s+(?P<b>{_AMT}){_GDP}\s+to\s+(?P<a>{_AMT}){_GDP},?\s+(?:would be|will be|is|was|marks|marking|"
    rf"represents|representing)\s+(?:(?P<hedge0>{HEDGES_RE})\s+)?(?:a|an)\s+{_PCT}\s+{_NOUN}\b",
))
# "A ..., up X% from B" / "A ..., a X% increase on B": A is the one earlier figure in the sentence that fits.
PERCENT_TAIL = tuple(re.compile(p, re.IGNORECASE) for p in (
    rf",\s+(?P<verb>up|down)\s+(?:by\s+)?{_PCT}{_BASE}",
    rf",\s+(?:(?P<hedge0>{HEDGES_RE})\s+)?(?:a|an)\s+{_PCT}\s+{_NOUN}{_BASE}",
))


@dataclass(frozen=True)
class PercentClaim:
    a: Figure  # the new value
    b: Figure  # the old value
    falling: bool
    hedge: str | None
    raw: str  # the stated percentage as written
    start: int
    end: int

    @property
    def half(self) -> float:
        decimals = len(self.raw.split(".")[1]) if "." in self.raw else 0
        return 0.5 / 10**decimals


def _group_figure(m: re.Match[str], group: str) -> Figure | None:
    inner = AMOUNT.fullmatch(m.group(group).strip())
    return _figure(inner, m.start(group) + (len(m.group(group)) - len(m.group(group).lstrip()))) if inner else None


def _same_quantity(a: Figure, b: Figure) -> bool:
    return a.unit == b.unit or (None in (a.unit, b.unit) and a.scale == b.scale)


def _claim(m: re.Match[str], a: Figure | None, b: Figure | None) -> PercentClaim | None:
    if a is None or b is None or not _same_quantity(a, b):
        return None
    word = (m.groupdict().get("hedge0") or m.group("hedge") or "").lower()
    return PercentClaim(a, b, m.group("verb").lower() in DOWN_WORDS, HEDGE_KIND.get(word), m.group("pct"),
                        m.start("pct"), m.end("pct"))


def change_range(claim: PercentClaim) -> tuple[float, float] | None:
    """Smallest and largest |percentage change| from b to a within the rounding of both figures."""
    a, b = claim.a, claim.b
    if b.absolute - b.half_absolute <= 0:
        return None
    corners = [abs(float((av - bv) / bv * 100)) for av in (a.absolute - a.half_absolute, a.absolute + a.half_absolute)
               for bv in (b.absolute - b.half_absolute, b.absolute + b.half_absolute)]
    return min(corners), max(corners)


def stated_range(x: float, half: float, hedge: str | None) -> tuple[float, float]:
    """The true changes a stated percentage allows, read generously (wider than any rule tolerance)."""
    if hedge == "approx":
        return 0.9 * x - half, 1.1 * x + half
    if hedge == "nearly":
        return 0.85 * x - half, x + half
    if hedge == "lower":
        return x - half, float("inf")
    if hedge == "upper":
        return float("-inf"), x + half
    return x - half, x + half


def consistent_range(claim: PercentClaim) -> tuple[float, float] | None:
    """The true range of the change, if the claim as written is consistent (else it is not our structure)."""
    if claim.a.absolute == claim.b.absolute or claim.falling != (claim.a.absolute < claim.b.absolute):
        return None
    true = change_range(claim)
    if true is None:
        return None
    lo, hi = stated_range(float(claim.raw), claim.half, claim.hedge)
    return true if lo <= true[1] + 1e-9 and hi >= true[0] - 1e-9 else None


def clearly_outside(x: float, half: float, hedge: str | None, true: tuple[float, float]) -> bool:
    lo, hi = stated_range(x, half, hedge)
    margin = max(1.0, 0.1 * (true[0] + true[1]) / 2)
    return lo - margin > true[1] or hi + margin < true[0]


def _pct_candidates(actual: float, falling: bool) -> list[float]:
    raw = [actual + d for d in (2, -2, 3, -3, 5, -5, 10, -10, 20)] + [actual * 2, actual / 2, actual * 1.5]
    return [v for v in raw if v > 0 and (not falling or v < 100)]


def _percent_site(claim: PercentClaim) -> Site | None:
    true = consistent_range(claim)
    if true is None:
        return None
    decimals = len(claim.raw.split(".")[1]) if "." in claim.raw else 0
    subs = [f"{v:.{decimals}f}" for v in _pct_candidates((true[0] + true[1]) / 2, claim.falling)]
    subs = [s for s in dict.fromkeys(subs)
            if s != claim.raw and float(s) > 0 and clearly_outside(float(s), claim.half, claim.hedge, true)]
    return Site("percent-change", claim.start, claim.end, tuple(subs)) if subs else None


def _tail_claim(text: str, m: re.Match[str]) -> PercentClaim | None:
    """The claim "A ..., up X% from B" when exactly one earlier figure of the sentence makes it consistent."""
    b = _group_figure(m, "b")
    start = next((s for s, e in sentences(text) if s <= m.start() < e), 0)
    claims = [_claim(m, a, b) for a in figures(text, start, m.start())]
    fitting = [c for c in claims if c is not None and consistent_range(c) is not None]
    return fitting[0] if len(fitting) == 1 else None


def percent_claims(text: str) -> list[PercentClaim]:
    claims = [_claim(m, _group_figure(m, "a"), _group_figure(m, "b")) for p in PERCENT_CHANGE for m in p.finditer(text)]
    claims += [_tail_claim(text, m) for p in PERCENT_TAIL for m in p.finditer(text)]
    return [c for c in claims if c is not None]


def find_percent_change(text: str, published: dt.date | None) -> list[Site]:
    sites: dict[int, Site] = {}
    for claim in percent_claims(text):
        site = _percent_site(claim)
        if site is not None:
            sites.setdefault(site.start, site)
    return [sites[k] for k in sorted(sites)]


# --- cases ------------------------------------------------------------------------------------------

FINDERS: dict[str, Callable[[str, dt.date | None], list[Site]]] = {
    "shift-amount": find_shift_amount,
    "weekday": find_weekday,
    "fiscal-gloss": find_fiscal_gloss,
    "sum-part": find_sum_part,
    "percent-change": find_percent_change,
    "shift-direction": find_shift_direction,
}


def find_sites(text: str, published: dt.date | None, kinds: Iterable[str] = KINDS) -> list[Site]:
    return [site for kind in kinds for site in FINDERS[kind](text, published) if site.substitutes]


def plantable(p: PassageLike) -> bool:
    """A base passage labelled as having no planted inconsistency."""
    return p.category in CLEAN_CATEGORIES and p.base_id is None


def cases_for(p: PassageLike, seed: int = 0, per_site: int = DEFAULT_PER_SITE) -> list[Case]:
    if not plantable(p):
        return []
    cases: list[Case] = []
    counts: Counter[str] = Counter()
    for site in find_sites(p.text, p.published):
        rule = RULES[site.kind]
        if rule in p.must:
            continue
        rng = random.Random(f"{seed}|{p.id}|{site.kind}|{site.start}")
        for sub in pick(site.substitutes, per_site, rng):
            counts[site.kind] += 1
            text = p.text[:site.start] + sub + p.text[site.end:]
            cases.append(Case(f"{p.id}~{site.kind}-{counts[site.kind]}", text, p.published, [rule], site.kind,
                              p.split, p.id, site.start, p.text[site.start:site.end], sub))
    return cases


def generate(passages: Iterable[PassageLike], seed: int = 0, per_site: int = DEFAULT_PER_SITE,
             limit: int | None = None) -> list[Case]:
    """Every case over the passages; with ``limit``, a seeded sample of that many, in corpus order."""
    cases = [c for p in passages for c in cases_for(p, seed, per_site)]
    if limit is None or limit >= len(cases):
        return cases
    keep = set(random.Random(f"{seed}|sample").sample(range(len(cases)), max(0, limit)))
    return [c for i, c in enumerate(cases) if i in keep]


# --- command line -----------------------------------------------------------------------------------

def _load_corpus(split: str) -> list[PassageLike]:
    import importlib.util

    name = "fc_bench_accuracy"
    module = sys.modules.get(name)
    if module is None:
        spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name("accuracy.py"))
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return list(module.load_and_warn(split))


def summary(passages: Sequence[PassageLike], cases: Sequence[Case]) -> str:
    base = [p for p in passages if plantable(p)]
    used = {c.base_id for c in cases}
    lines = [f"{len(cases)} cases from {len(used)} of {len(base)} clean base passages"]
    by_kind = Counter(c.kind for c in cases)
    sites = Counter((c.kind, c.base_id, c.start) for c in cases)
    for kind in KINDS:
        n_sites = sum(1 for k, _, _ in sites if k == kind)
        lines.append(f"  {kind:16} {RULES[kind]:28} {by_kind[kind]:6} cases at {n_sites:5} sites")
    return "\n".join(lines)


def show(cases: Sequence[Case], n: int, seed: int) -> str:
    chosen = random.Random(f"{seed}|show").sample(list(cases), min(n, len(cases)))
    lines = []
    for c in chosen:
        left = c.text[max(0, c.start - 50):c.start]
        right = c.text[c.start + len(c.after):c.start + len(c.after) + 50]
        lines.append(f"{c.id}  [{c.must[0]}]\n    …{left}[{c.before} -> {c.after}]{right}…")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "frozen", "all"])
    parser.add_argument("--show", type=int, default=0, metavar="N", help="print N sample cases")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--per-site", type=int, default=DEFAULT_PER_SITE, help="substitutes tried per site")
    args = parser.parse_args(argv)
    passages = _load_corpus(args.split)
    cases = generate(passages, args.seed, args.per_site)
    print(summary(passages, cases))
    if args.show:
        print()
        print(show(cases, args.show, args.seed))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
