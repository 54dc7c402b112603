"""The lexer: one tokenising pass, then one left-to-right composition of tokens into mentions.

Composition is Duckling-style: small recognisers build typed values out of tokens and of each other
("<number> <scale> <currency>" is money, "<month> <day>, <year>" a date, "fiscal <year>" a fiscal
year). At each token the recognisers are tried in a fixed order and the first that matches wins, so a
token belongs to at most one mention. Every recogniser looks at a bounded number of tokens ahead, so
the pass is linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from operator import itemgetter

from factcheck.extract.mentions import model as m
from factcheck.extract.mentions.model import Mention, Token
from factcheck.extract.mentions.phrases import PhraseIndex
from factcheck.extract.mentions.resources import Lexicon, lexicon
from factcheck.extract.mentions.titles import match_person_or_title, may_start
from factcheck.model.countries import cues

TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}|\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*|[^\w\s]")
_YEAR_MIN, _YEAR_MAX = 1900, 2099
_DASHES = frozenset("-–—/")
_LAKH_GROUPS = re.compile(r"\d{1,2}(?:,\d\d)+,\d{3}")


_BEFORE_MAY = frozenset({"in", "since", "until", "till", "through", "thru", "to", "from", "of", "and", "between",
                         "during", "mid", "-", "–", "—"})


_FULL_MONTHS = frozenset({"january", "february", "march", "april", "may", "june", "july", "august", "september",
                          "october", "november", "december"})


def tokenize(text: str) -> list[Token]:
    # column by column, each by a C-level map (about a quarter faster than one Python loop over matches)
    found = list(TOKEN_RE.finditer(text))
    texts = list(map(_FIRST, found))
    firsts = list(map(_FIRST, texts))
    lows = list(map(str.lower, texts))
    if "’" in text:  # "that’s", "Japan’s": one spelling of a word for patterns and resources; a lone ’ stays a quote
        lows = [w.replace("’", "'") if len(w) > 1 else w for w in lows]
    return list(map(Token, map(re.Match.start, found), map(re.Match.end, found), texts, lows,
                    map(str.isdecimal, firsts), map(str.isupper, firsts)))


_FIRST = itemgetter(0)


def lex(text: str, tokens: list[Token] | None = None, lang: str = "en") -> tuple[list[Token], list[Mention]]:
    """Tokens and mentions of ``text`` (mentions in order, non-overlapping)."""
    toks = tokens if tokens is not None else tokenize(text)
    return toks, _Composer(text, toks, lexicon(lang)).run()


_ONE_DETERMINERS = frozenset({"the", "this", "that", "each", "every", "which", "any", "another", "no"})
_AFTER_PRONOUN_ONE = frozenset({"", "of", "who", "that", "which", "in", "at", "on", "from", "for", "with", "to", "by", "is", "was",
                                "has", "had", "have", "are", "were", "will", "would"})


def _num(tok: Token) -> float | None:
    if not tok.digit:
        return None
    s = tok.text
    if "," in s:
        whole, dot, frac = s.partition(".")  # "1,874.6": the separators are in the whole part only
        parts = whole.split(",")
        if "," in frac:
            return None
        if all(len(p) == 3 for p in parts[1:]) or _LAKH_GROUPS.fullmatch(whole):
            # thousands separators, or Indian lakh grouping ("4,12,300", "1,04,278")
            s = whole.replace(",", "") + dot + frac
        else:
            return None
    try:
        return float(s)
    except ValueError:
        return None


def _decimals(text: str) -> int:
    text = text.replace(",", "")
    return len(text.split(".", 1)[1]) if "." in text else 0


@cache
def _country_index() -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """First token text -> [(token texts, code, kind)], longest first."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
    for text, cue in cues().items():
        words = tuple(t.group() for t in TOKEN_RE.finditer(text))
        index.setdefault(words[0], []).append((words, cue.code, cue.kind))
    for v in index.values():
        v.sort(key=lambda e: len(e[0]), reverse=True)
    return index


def _may_be_country(tok: Token) -> bool:
    """False when no country cue starts at a token of this text (the look-up ``country_or_person`` makes)."""
    base = tok.text[:-2] if tok.low.endswith(("'s", "’s")) else tok.text
    index = _country_index()
    return bool(index.get(base) or index.get(tok.text))


class _Composer:
    def __init__(self, text: str, toks: list[Token], lx: Lexicon):
        self.text, self.t, self.lx = text, toks, lx
        self.n = len(toks)
        self.lows = [t.low for t in toks]
        self.bares = [w.rstrip(".") for w in self.lows]  # titles are matched without their dots
        self.out: list[Mention] = []
        self.ix = _indices(lx)

    # -- helpers ------------------------------------------------------------------------------------
    def tok(self, i: int) -> Token | None:
        return self.t[i] if 0 <= i < self.n else None

    def low(self, i: int) -> str:
        return self.t[i].low if 0 <= i < self.n else ""

    def adjacent(self, i: int) -> bool:
        """Token ``i`` follows token ``i-1`` with no space."""
        return 0 < i < self.n and self.t[i].start == self.t[i - 1].end

    def words_at(self, i: int, index: PhraseIndex) -> int:
        """Length (in tokens) of the longest phrase starting at ``i``, 0 if none."""
        if i >= self.n:
            return 0
        return index.longest(self.lows, i)

    def emit(self, typ: str, i: int, j: int, **value: object) -> int:
        a, b = self.t[i].start, self.t[j - 1].end
        self.out.append(Mention(typ, a, b, self.text[a:b], i, j, dict(value)))
        return j

    def year_after(self, e: int) -> tuple[int | None, int]:
        """An optional year at ``e`` ("2025" or ", 2025"): the year and the index after it."""
        yr = self.year_at(e)
        if yr is None and self.low(e) == "," and self.year_at(e + 1) is not None:
            return self.year_at(e + 1), e + 2
        return yr, e + 1 if yr is not None else e

    def year_at(self, i: int) -> int | None:
        tok = self.tok(i)
        if tok is None or len(tok.text) != 4 or not tok.text.isdecimal():
            return None
        y = int(tok.text)
        return y if _YEAR_MIN <= y <= _YEAR_MAX else None

    # -- the pass -----------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        i = 0
        t = self.t
        triggers = self.ix.triggers
        by_text: dict[str, tuple[Callable[[int], int], ...]] = {}  # this document's tokens -> their steps
        while i < self.n:
            tok = t[i]
            if not tok.digit and not tok.cap and tok.low not in triggers:
                i += 1
                continue
            steps = by_text.get(tok.text)
            if steps is None:
                steps = by_text[tok.text] = self._steps(tok)
            for step in steps:
                j = step(i)
                if j > i:
                    i = j
                    break
            else:
                i += 1
        return self.out

    def _steps(self, tok: Token) -> tuple[Callable[[int], int], ...]:
        """The recognisers, in their order, that can start at a token like ``tok``: each one left out
        returns 0 on it at once (its first test reads only the token's own text)."""
        low, ix, lx = tok.low, self.ix, self.lx
        base = low[:-2] if low.endswith(("'s", "’s")) else low
        can = (
            (self.relative, low in ix.relative),
            (self.fiscal, tok.digit or low in ("fy", "fys", "fiscal", "financial", "budget")),
            (self.money_symbol, tok.text in lx.currency_symbols or tok.text in lx.currency_letters
             or low in ("us", "a", "c", "nz", "hk", "s", "r")),
            (self.date_or_month, tok.digit or low in lx.date_modifiers or low in lx.months),
            (self.weekday, low in ("last", "next", "this") or base in ix.weekdays),
            (self.number_led, tok.digit or low in ("a", "an", "half") or low in lx.numbers),
            (self.country_or_person, tok.cap and (may_start(tok.text, low) or _may_be_country(tok))),
        )
        return tuple(step for step, ok in can if ok)

    # relative expressions ("the previous day", "last week", "three days ago") ---------------------
    def relative(self, i: int) -> int:
        low = self.t[i].low
        if low not in self.ix.relative:
            return 0
        k = self.words_at(i, self.ix.relative)
        if k and self.low(i + k) != "than":  # "a year later than planned" is a shift, not a date
            spec = self.lx.relative[tuple(self.t[i + j].low for j in range(k))]
            return self.emit(m.RELATIVE, i, i + k, **spec)
        return 0

    # fiscal years: "fiscal 2025", "fiscal year 2027", "FY2025", "FY25", "FY2024-25", "2024/25 fiscal year"
    def fiscal(self, i: int) -> int:
        t = self.t[i]
        low = t.low
        if low in ("fy", "fys"):
            j = i + 1
            if self.low(j) in ("-", "'", "’"):
                j += 1
            nt = self.tok(j)
            if nt is not None and nt.digit and len(nt.text) in (2, 4):
                y = int(nt.text) if len(nt.text) == 4 else 2000 + int(nt.text)
                return self._fy_range(i, j + 1, y, form="fy")
            return 0
        if low in ("fiscal", "financial", "budget"):
            j = i + 1
            if self.low(j) == "year":
                j += 1
            elif low != "fiscal":
                return 0
            y = self.year_at(j)
            if y is not None:
                return self._fy_range(i, j + 1, y, form="fiscal")
            # "the fiscal year to / ending March 2026", "the fiscal year beginning Oct. 1"
            if self.low(i + 1) == "year" and self.low(j) in ("to", "ending", "ended", "through", "beginning",
                                                              "starting", "from", "that", "which"):
                k = j + 1 if self.low(j) not in ("that", "which") else j + 2
                mon = self.lx.months.get(self.low(k))
                if mon is not None and self.t[k].cap:
                    e = k + 1
                    if self.low(e) == ".":
                        e += 1
                    day = None
                    nt = self.tok(e)
                    if nt is not None and nt.digit and len(nt.text) <= 2:
                        day = int(nt.text)
                        e += 1
                    yr, e = self.year_after(e)
                    ending = self.low(j) in ("to", "ending", "ended", "through")
                    return self.emit(m.FISCAL_YEAR, i, e, form="bounded", end_month=mon if ending else None,
                                     start_month=None if ending else mon, bound_year=yr, day=day, year=None)
            return 0
        # "the 2026 fiscal year"
        if t.digit and self.year_at(i) is not None and self.low(i + 1) in ("fiscal", "financial") \
                and self.low(i + 2) == "year":
            return self.emit(m.FISCAL_YEAR, i, i + 3, form="fiscal", year=int(t.text), year2=None, explicit=True)
        # "2024-25 fiscal year", "the 2028-29 fiscal year" and bare "2024/25"
        if t.digit and len(t.text) == 4 and self.year_at(i) is not None and self.low(i + 1) in _DASHES \
                and self.adjacent(i + 1) and self.adjacent(i + 2):
            nt = self.tok(i + 2)
            if nt is not None and nt.digit and len(nt.text) in (2, 4):
                y1 = int(t.text)
                y2 = int(nt.text) if len(nt.text) == 4 else (y1 // 100) * 100 + int(nt.text)
                if y2 == y1 + 1:
                    e = i + 3
                    explicit = False
                    if self.low(e) in ("fiscal", "financial", "budget") and self.low(e + 1) == "year":
                        e += 2
                        explicit = True
                    elif self.low(e) in ("fiscal", "financial"):
                        e += 1
                        explicit = True
                    prev = self.low(i - 1)
                    if prev in ("fiscal", "fy"):
                        explicit = True
                    return self.emit(m.FISCAL_YEAR, i, e, form="range", year=y1, year2=y2, explicit=explicit)
        return 0

    def _fy_range(self, i: int, j: int, y: int, form: str) -> int:
        """``fiscal 2024-25`` / ``FY2024-25``: an optional second year after the first."""
        y2 = None
        if self.low(j) in _DASHES and self.adjacent(j) and self.adjacent(j + 1):
            nt = self.tok(j + 1)
            if nt is not None and nt.digit and len(nt.text) in (2, 4):
                cand = int(nt.text) if len(nt.text) == 4 else (y // 100) * 100 + int(nt.text)
                if cand == y + 1:
                    y2 = cand
                    j += 2
        return self.emit(m.FISCAL_YEAR, i, j, form=form, year=y, year2=y2, explicit=True)

    # money with a symbol before the amount: "$42 billion", "£13.4bn", "US$1.2m", "¥1.2 trillion", "Sh7.85 billion";
    # a currency letter only written onto an amount with a scale word ("N3.2 trillion", "P6.352-trillion")
    def money_symbol(self, i: int) -> int:
        t = self.t[i]
        sym = t.text
        j = i + 1
        if t.low in ("us", "a", "c", "nz", "hk", "s", "r") and self.low(i + 1) == "$" and self.adjacent(i + 1):
            sym = t.text + "$"
            j = i + 2
        elif t.text == "Rs" and self.low(i + 1) == "." and self.adjacent(i + 1):
            j = i + 2
        currency = self.lx.currency_symbols.get(sym)
        letter = currency is None and j == i + 1 and sym in self.lx.currency_letters
        if letter:
            currency = self.lx.currency_letters[sym]
        if currency is None:
            return 0
        nt = self.tok(j)
        if nt is None or not nt.digit or (j > i and self.t[j].start - self.t[j - 1].end > (0 if letter else 1)):
            return 0
        value = _num(nt)
        if value is None:
            return 0
        e, scale = self._scale(j + 1)
        if letter and scale == 1.0:
            return 0
        sharers = self.lx.shared_currency.get(sym.lower())
        extra = {"shared": sharers} if sharers else {}
        return self.emit(m.MONEY, i, e, value=value, scale=scale, amount=value * scale,
                         currency=currency, decimals=_decimals(nt.text), **extra)

    def _scale(self, j: int) -> tuple[int, float]:
        if self.low(j) == "-" and self.adjacent(j) and self.adjacent(j + 1) and len(self.low(j + 1)) > 2 \
                and self.low(j + 1) in self.lx.scales:
            j += 1  # "P6.352-trillion", "a $2.1-billion contract"
        w = self.low(j)
        if w in self.lx.scales and (len(w) > 2 or self.adjacent(j)):  # "1.2m", "13.4bn" only when attached
            scale = self.lx.scales[w]
            nxt = self.low(j + 1)
            if w == "lakh" and nxt == "crore":  # "12.2 lakh crore": 12.2 x 1e5 x 1e7
                return j + 2, scale * self.lx.scales[nxt]
            return j + 1, scale
        return j, 1.0

    # dates and months: "Oct. 21", "October 21, 2025", "21 October 2025", "March 2027", "early February"
    def date_or_month(self, i: int) -> int:
        t = self.t[i]
        mod = None
        start = i
        if t.low in self.lx.date_modifiers and self.tok(i + 1) is not None:
            nxt = i + 1
            if self.low(nxt) == "-":
                nxt += 1
            if self.low(nxt) in self.lx.months and self.t[nxt].cap and not self._day_follows(nxt):
                mod = self.lx.date_modifiers[t.low]
                i = nxt
                t = self.t[i]
        # "the 21st (of October)", "21 October 2025"
        if t.digit and len(t.text) <= 2 and start == i:
            day = int(t.text)
            j = i + 1
            if self.low(j) in ("st", "nd", "rd", "th") and self.adjacent(j):
                j += 1
            if self.low(j) == "of":
                j += 1
            mon = self.lx.months.get(self.low(j))
            if mon is not None and self.t[j].cap and 1 <= day <= 31:
                e = j + 1
                if self.low(e) == "." and self.adjacent(e) and self.low(j) not in _FULL_MONTHS:  # "14 Sept." not "14 May."
                    e += 1
                yr, e = self.year_after(e)
                wd, e = self._weekday_after(e)
                return self.emit(m.DATE, i, e, year=yr, month=mon, day=day, **wd)
            if j > i + 1 and self.low(i - 1) == "the" and 1 <= day <= 31 and self.low(i + 1) in ("st", "nd", "rd", "th"):
                return self.emit(m.DAY_OF_MONTH, i, i + 2, day=day)
            return 0
        mon = self.lx.months.get(t.low)
        if mon is None or not t.cap:
            return 0
        if t.low == "may" and mod is None and self.low(i - 1) not in _BEFORE_MAY:
            # "May" opens sentences as a modal too (and names people): a day or a year, or a word that
            # only a month follows ("in May", "October through May"), makes it the month
            nt = self.tok(i + 1)
            if nt is None or not nt.digit:
                return 0
        if t.low == "march" and mod is None and self.low(i - 1) in ("a", "the", "protest"):
            nt = self.tok(i + 1)  # "the march on the capital"; "the March 12 election" is a date
            if nt is None or not nt.digit:
                return 0
        if mod is None and self._name_before(i):  # "Long March rockets", "General March"
            nt = self.tok(i + 1)
            if nt is None or not nt.digit:
                return 0
        j = i + 1
        if self.low(j) == "." and self.adjacent(j) and t.low not in _FULL_MONTHS:  # "Sept." but not "in May."
            j += 1
        nt = self.tok(j)
        if nt is not None and nt.digit and len(nt.text) <= 2 and 1 <= int(nt.text) <= 31:
            e = j + 1
            if self.low(e) in ("st", "nd", "rd", "th") and self.adjacent(e):
                e += 1
            yr, e = self.year_after(e)
            wd, e = self._weekday_after(e)
            return self.emit(m.DATE, start, e, year=yr, month=mon, day=int(nt.text), modifier=mod, **wd)
        yr = self.year_at(j)
        if yr is not None:
            return self.emit(m.MONTH, start, j + 1, year=yr, month=mon, modifier=mod)
        return self.emit(m.MONTH, start, j, year=None, month=mon, modifier=mod)

    def _day_range_at(self, e: int) -> bool:
        """A second day number joined to a date's day ("Sept. 23-24", "May 15–18")."""
        nt = self.tok(e + 1)
        return self.low(e) in ("-", "–") and self.adjacent(e) and nt is not None and nt.digit \
            and self.adjacent(e + 1) and len(nt.text) <= 2

    def _weekday_after(self, e: int) -> tuple[dict[str, str], int]:
        """A weekday set off after a date ("on Dec. 19, a Friday"): part of the date."""
        if self.low(e) == "," and self.low(e + 1) in ("a", "an") and self.low(e + 2) in self.ix.weekdays \
                and self.t[e + 2].cap:
            return {"weekday": self.low(e + 2)}, e + 3
        return {}, e

    # weekdays: "Tuesday", "on Friday (Nov. 7)", "Monday, Nov. 3", "Friday's speech", "last Monday"
    def weekday(self, i: int) -> int:
        t = self.t[i]
        start = i
        mod = None
        if t.low in ("last", "next", "this") and self.tok(i + 1) is not None and self.low(i + 1) in self.ix.weekdays \
                and self.t[i + 1].cap:
            mod = t.low
            i += 1
            t = self.t[i]
        base = t.low[:-2] if t.low.endswith(("'s", "’s")) else t.low
        if base not in self.ix.weekdays or not t.cap:
            return 0
        possessive = base != t.low
        j = i + 1
        # a date right after: "Monday, Nov. 3", "Tuesday (Nov 4)", "Friday, 7 March 2026"
        k = j
        paren = False
        if self.low(k) == ",":
            k += 1
        elif self.low(k) == "(":
            k += 1
            paren = True
        before = len(self.out)
        e = self.date_or_month(k) if k > j or paren or self.low(k) in self.ix.months else 0
        if e and self.out[-1].type == m.DATE and len(self.out) == before + 1:
            d = self.out.pop()
            if self._day_range_at(e):  # "Tuesday and Wednesday, Sept. 23-24": the weekday names no single day
                self.emit(m.WEEKDAY, start, j, weekday=base, modifier=mod, possessive=possessive)
                self.out.append(d)
                return e
            if paren and self.low(e) == ")":
                e += 1
            return self.emit(m.DATE, start, e, year=d.get("year"), month=d.get("month"), day=d.get("day"),
                             weekday=base, modifier=mod)
        if e:
            del self.out[before:]
        return self.emit(m.WEEKDAY, start, j, weekday=base, modifier=mod, possessive=possessive)

    # number-led: percent, points, money with a currency word, durations, years, plain numbers --------
    def _pronoun_one(self, i: int) -> bool:
        """"one" as a pronoun, no count: "the ongoing one", "this one", "each one has", "the last one,"."""
        nxt = self.low(i + 1)
        if nxt in self.lx.scales or nxt in ("hundred", "thousand", "dozen", "%", "percent", "per", "-"):
            return False
        before = self.low(i - 1)
        if before in _ONE_DETERMINERS:
            return nxt in _AFTER_PRONOUN_ONE or not nxt.isalpha()
        return before.isalpha() and before.islower() and self.low(i - 2) in _ONE_DETERMINERS \
            and not nxt.isalpha()

    def number_led(self, i: int) -> int:
        t = self.t[i]
        value: float | None
        decimals = 0
        word_number = False
        j = i + 1
        if t.digit and self._part_of_a_name(i):
            return 0
        if t.digit:
            # ISO date
            if len(t.text) == 4 and self.low(i + 1) == "-" and self.adjacent(i + 1):
                a, b = self.tok(i + 2), self.tok(i + 4)
                if a is not None and b is not None and a.digit and b.digit and len(a.text) == 2 and len(b.text) == 2 \
                        and self.low(i + 3) == "-" and self.year_at(i) is not None:
                    return self.emit(m.DATE, i, i + 5, year=int(t.text), month=int(a.text), day=int(b.text))
            value = _num(t)
            if value is None:
                return 0
            decimals = _decimals(t.text)
        else:
            frac = self._fraction_points(i)
            if frac:
                return frac
            if t.low in ("a", "an") and (self.low(i + 1) in ("dozen", "decade", "half", "quarter")
                                         or self.low(i + 1) in self.lx.duration_units
                                         or (self.low(i + 1) in ("additional", "extra", "further")
                                             and self.low(i + 2) in self.lx.duration_units)):
                value = 1.0
                word_number = True
            elif t.low in self.lx.numbers and t.low not in ("half", "couple", "hundred"):
                if t.low == "one" and self._pronoun_one(i):
                    return 0
                value = self.lx.numbers[t.low]
                word_number = True
                # "twenty-five"
                if self.low(j) == "-" and self.low(j + 1) in self.lx.numbers and value >= 20 and value % 10 == 0:
                    value += self.lx.numbers[self.low(j + 1)]
                    j += 2
                if self.low(j) == "hundred":
                    value *= 100
                    j += 1
                if self.low(j) == "dozen":
                    value *= 12
                    j += 1
            else:
                return 0
        start = i
        # percent
        k = self.words_at(j, self.ix.percent)
        if k:
            return self.emit(m.PERCENT, start, j + k, value=value, decimals=decimals)
        hyphened = self._hyphened_points(j)
        if hyphened:
            # "a 50-basis-point cut", "a 0.3-percentage-point rise", "a 25-bp hike": points as a modifier
            basis = self.low(j + 1) in ("basis", "bp", "bps")
            return self.emit(m.POINTS, start, j + hyphened, value=value / 100 if basis else value, basis=basis,
                             decimals=decimals + (2 if basis else 0))
        k = self.words_at(j, self.ix.points)
        if k and not (self.low(j) in ("point", "points") and self.tok(j + 1) is not None and self.t[j + 1].digit):
            words = [self.low(j + x) for x in range(k)]
            basis = "basis" in words or words[0] in ("bps", "bp")
            return self.emit(m.POINTS, start, j + k, value=value / 100 if basis else value, basis=basis,
                             decimals=decimals + (2 if basis else 0))
        # scale + currency word: "58.1 trillion won", "1.2m euros", "500 million"
        e, scale = self._scale(j)
        cur = self.lx.currency_words.get(self.low(e))
        if cur is not None and not (self.low(e) == "won" and scale == 1.0 and self.low(e + 1) in ("the", "a")):
            sharers = self.lx.shared_currency.get(self.low(e))
            extra = {"shared": sharers} if sharers else {}
            return self.emit(m.MONEY, start, e + 1, value=value, scale=scale, amount=value * scale, currency=cur,
                             decimals=decimals, **extra)
        # duration: "12 days", "five-year", "a decade", "two full years"
        d = j
        if self.low(d) == "-" and self.adjacent(d):
            d += 1
        if self.low(d) in ("full", "additional", "extra", "further", "more"):
            d += 1  # "two full years", "an additional week", "a further year", "two more years"
        unit = self.lx.duration_units.get(self.low(d))
        if unit is None and e == j:
            unit = self._interval_unit(d)
        if unit is not None and e == j:
            amount = value * unit[1]
            end = d + 1
            suffix = self.words_at(end, self.ix.suffixes)
            if suffix and self.low(end + suffix) in ("than", "of", "ahead"):  # "two years earlier than planned"
                suffix = 0
            spec = self.lx.relative_suffixes[tuple(self.low(end + x) for x in range(suffix))] if suffix else None
            if spec is not None and spec.get("after") and self.low(start - 1) != spec["after"]:
                spec = None  # "six weeks' time" is counted from now only after "in"
            if spec is not None:
                return self.emit(m.RELATIVE, start, end + suffix, unit=unit[0], offset=int(spec["sign"] * amount),
                                 anchor=spec["anchor"], count=amount)
            return self.emit(m.DURATION, start, end, amount=amount, unit=unit[0], hyphen=d > j and self.low(j) == "-",
                             word=word_number)
        if word_number and t.low in ("a", "an"):
            return 0
        # years
        if t.digit and e == j and len(t.text) == 4 and self.year_at(i) is not None and "." not in t.text:
            return self.emit(m.YEAR, start, j, year=int(t.text))
        if e > j:
            return self.emit(m.NUMBER, start, e, value=value * scale, scale=scale, decimals=decimals, word=word_number)
        if self.low(j) in ("st", "nd", "rd", "th") and self.adjacent(j):
            return 0
        return self.emit(m.NUMBER, start, j, value=value, scale=1.0, decimals=decimals, word=word_number)

    def _interval_unit(self, d: int) -> tuple[str, int] | None:
        """A unit counted only as an interval to another event ("two nights after", "three nights earlier"):
        its suffix must follow and count from the event, not from publication."""
        unit = self.lx.interval_units.get(self.low(d))
        if unit is None:
            return None
        k = self.words_at(d + 1, self.ix.suffixes)
        if not k or self.low(d + 1 + k) in ("than", "of", "ahead"):
            return None
        spec = self.lx.relative_suffixes[tuple(self.low(d + 1 + x) for x in range(k))]
        return unit if spec["anchor"] == "event" else None

    def _name_before(self, i: int) -> bool:
        """A capitalised word right before, inside a sentence, that is not a weekday or month: the month
        name is part of a name ("Long March", "General March")."""
        if i < 2:
            return False
        prev, before = self.t[i - 1], self.t[i - 2]
        if not prev.cap or not prev.text.isalpha() or before.text in (".", "!", "?", '"', "“", "(", ":"):
            return False
        return prev.low not in self.lx.months and prev.low not in self.lx.weekdays \
            and prev.low not in self.lx.date_modifiers

    def _day_follows(self, month: int) -> bool:
        """A day number right after the month ("beginning Oct. 1"): the word before is a verb, not a
        modifier of the month ("early February")."""
        j = month + 1
        if self.low(j) == ".":
            j += 1
        tok = self.tok(j)
        return tok is not None and tok.digit and len(tok.text) <= 2

    def _part_of_a_name(self, i: int) -> bool:
        """Digits written onto letters are a name, not a figure: "Q1", "G7", "F-35", "COVID-19". A number after
        "No." is a rank or an address ("world No. 2 Yui Takeda", "No. 10 Downing Street"), not a figure."""
        if i >= 2 and self.t[i - 1].text == "." and self.t[i - 2].text == "No" and self.adjacent(i - 1):
            return True
        if i >= 1 and self.t[i - 1].text == "No" and not self.adjacent(i):
            return True
        if not self.adjacent(i):
            return False
        prev = self.t[i - 1]
        if prev.text.isalpha():
            return True  # a currency written onto its amount ("Rs17.57") is read at the currency
        return prev.text == "-" and self.adjacent(i - 1) and self.t[i - 2].text.isalpha() and self.t[i - 2].cap

    def _hyphened_points(self, j: int) -> int:
        """Tokens from ``j`` that join points onto their number with hyphens ("-basis-point", "-percentage-point",
        "-bp"); 0 if none. A bare "-point" ("a 10-point lead") is a count of points in a game, not read here."""
        if self.low(j) != "-" or not self.adjacent(j) or not self.adjacent(j + 1):
            return 0
        if self.low(j + 1) in ("bp", "bps", "pp"):
            return 2
        if (self.low(j + 1) in ("basis", "percentage") and self.low(j + 2) == "-" and self.adjacent(j + 2)
                and self.adjacent(j + 3) and self.low(j + 3) in ("point", "points")):
            return 4
        return 0

    def _fraction_points(self, i: int) -> int:
        """"a quarter point", "a quarter of a percentage point", "half a percentage point", "a half-point"."""
        if self.t[i].low not in ("a", "an", "half"):
            return 0
        words = [self.low(i + x) for x in range(4)]
        fractions = {"quarter": 0.25, "half": 0.5}
        if words[0] in ("a", "an") and words[1] in fractions:
            value, j = fractions[words[1]], i + 2
            if self.low(j) == "of" and self.low(j + 1) in ("a", "one"):
                j += 2
        elif words[0] == "half" and words[1] in ("a", "one"):
            value, j = 0.5, i + 2
        else:
            return 0
        if self.low(j) == "-":
            j += 1
        k = self.words_at(j, self.ix.points)
        if not k:
            return 0
        return self.emit(m.POINTS, i, j + k, value=value, basis=False, decimals=2)

    # countries, titles and people ---------------------------------------------------------------------
    def country_or_person(self, i: int) -> int:
        t = self.t[i]
        if not t.cap:
            return 0
        hit = match_person_or_title(self, i)
        if hit:
            return hit
        base = t.text[:-2] if t.low.endswith(("'s", "’s")) else t.text
        for words, code, kind in _country_index().get(base, ()) or _country_index().get(t.text, ()):
            k = len(words)
            if i + k <= self.n and all(self.t[i + x].text == words[x] or (x == k - 1 and self.t[i + x].text[:-2] ==
                                                                          words[x]) for x in range(k)):
                last = self.t[i + k - 1].low
                if kind == "leader":  # a leader's name is a person of that country
                    return self.emit(m.PERSON, i, i + k, name=" ".join(words), title=None, country=code, former=False)
                return self.emit(m.COUNTRY, i, i + k, code=code, cue=kind, possessive=last.endswith(("'s", "’s")))
        return 0




@dataclass(frozen=True)
class _Indices:
    """Look-up tables built once per lexicon."""

    relative: PhraseIndex
    percent: PhraseIndex
    points: PhraseIndex
    suffixes: PhraseIndex
    triggers: frozenset[str]  # lower-case words that can start a mention (besides digits, capitals)
    weekdays: frozenset[str]
    months: frozenset[str]


@cache
def _indices(lx: Lexicon) -> _Indices:
    words = set(lx.numbers) | set(lx.months) | set(lx.weekdays) | set(lx.date_modifiers)
    words |= {"a", "an", "fy", "fys", "fiscal", "financial", "budget", "last", "next", "this", "mid", "us", "rs"}
    words |= {k[0] for k in lx.relative} | set(lx.currency_symbols)
    return _Indices(PhraseIndex.of(lx.relative), PhraseIndex.of(lx.percent_words), PhraseIndex.of(lx.points_words),
                    PhraseIndex.of(lx.relative_suffixes), frozenset(w.lower() for w in words),
                    frozenset(lx.weekdays), frozenset(lx.months))
