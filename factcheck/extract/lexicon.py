"""Shared word lists for the extractors: numbers in words, months, weekdays and country cues.

Data only (plus tiny lookups); every pattern built from these lists is a flat alternation, so it
matches in linear time.
"""

from __future__ import annotations

import re
from functools import lru_cache

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "half": 0.5,  # type: ignore[dict-item]
}
ORDINAL_WORDS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10,
}
# "a" / "an" only count as one where a pattern says so ("a year later"); keep them last.
NUMBER_WORD_RE = r"(?:" + "|".join(sorted((w for w in NUMBER_WORDS if len(w) > 2), key=len, reverse=True)) + r")"
SMALL_NUMBER_RE = r"(?:\d{1,3}|" + NUMBER_WORD_RE + r"|an?)"


# Under IGNORECASE these four match ASCII letters ("ſ" ~ "s", Kelvin "K" ~ "k", "ı"/"İ" ~ "i"): a text
# holding one is never gated by lower-case substrings (see ``lowered``).
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


@lru_cache(maxsize=2048)  # one sentence is gated by several extractors
def lowered(text: str) -> str | None:
    """``text.lower()`` for substring gates in front of IGNORECASE patterns; None when a gate could miss
    a match (the text holds a character that folds to an ASCII letter)."""
    return None if _FOLDS_TO_ASCII.search(text) else text.lower()


def may_hold(low: str | None, words: tuple[str, ...]) -> bool:
    """False only when the lower-cased text holds none of ``words`` (so a pattern needing one cannot match)."""
    if low is None:
        return True
    for w in words:  # noqa: SIM110 (a plain loop: cheaper than any() over a generator)
        if w in low:
            return True
    return False


def lower_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""A case-sensitive, lower-case copy of an IGNORECASE pattern, for ``lowered(text)``.

    IGNORECASE makes the regex engine compare every character case-insensitively at every offset (slow);
    on a lowered text without the four characters ``lowered`` refuses (``str.lower`` then keeps the length,
    ``\w``/``\s``/``\d`` and maps only ASCII letters to ASCII letters), the twin finds the same spans.
    Only spans may be read from its matches: their text is lower case.
    """
    assert pattern.flags & re.IGNORECASE
    # escapes ("\\S", "\\B") and named groups ("(?P<...>") keep their capitals
    source = re.sub(r"\\.|\(\?P[<=]|[A-Z]", lambda m: m.group(0) if len(m.group(0)) > 1 else m.group(0).lower(),
                    pattern.pattern)
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


def ci_finditer(pattern: re.Pattern[str], twin: re.Pattern[str], text: str, low: str | None,
                starts: re.Pattern[str] | None = None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` (an IGNORECASE pattern): found by its ``lower_twin`` on ``low``
    (``lowered(text)``), each match then taken again from ``pattern`` at the same offset, so groups hold
    the text as written. ``starts`` (lower case, optional): where the twin can start a match, see ``scan``."""
    if low is None:
        return list(pattern.finditer(text))
    found = scan(twin, starts, low) if starts is not None else twin.finditer(low)
    out = [pattern.match(text, m.start()) for m in found]
    if None in out:  # cannot happen (the twin matches where the pattern does); never guess
        return list(pattern.finditer(text))
    return out  # type: ignore[return-value]


def scan(pattern: re.Pattern[str], candidate: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """The matches of ``pattern.finditer(text)``, trying ``pattern`` only where ``candidate`` matches.

    ``candidate`` must match at every offset where a match of ``pattern`` can start (a cheap prefix
    of it); ``pattern`` must not match the empty string. Same matches as ``finditer``, without running
    a big alternation at every offset of the text.
    """
    out: list[re.Match[str]] = []
    pos = 0
    search = candidate.search
    match = pattern.match
    while True:
        c = search(text, pos)
        if c is None:
            return out
        m = match(text, c.start())
        if m is not None:
            out.append(m)
            pos = m.end()
        else:
            pos = c.start() + 1


def number_value(token: str) -> float | None:
    """'two' -> 2, '3' -> 3, '2.5' -> 2.5, 'a' -> 1; None if not a number."""
    t = token.strip().lower().replace(",", "")
    if t in NUMBER_WORDS:
        return float(NUMBER_WORDS[t])
    try:
        return float(t)
    except ValueError:
        return None


MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
# Month names are matched case-sensitively with a capital ("May", "March"), abbreviations may carry a dot.
MONTH_RE = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
)
WEEKDAYS: tuple[str, ...] = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY_RE = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"


def month_number(token: str) -> int | None:
    return MONTHS.get(token.strip().rstrip(".").lower())


# Country cues: a word or name in a sentence that says which country it is about. Keys are matched
# case-sensitively as whole words; values are ISO 3166 alpha-2 codes.
COUNTRY_CUES: dict[str, str] = {
    "Japan": "JP", "Japanese": "JP", "Tokyo": "JP", "Takaichi": "JP", "Ishiba": "JP", "Kishida": "JP",
    "Koizumi": "JP", "Diet": "JP",
    "U.S.": "US", "US": "US", "United States": "US", "American": "US", "America": "US", "Washington": "US",
    "Trump": "US", "Biden": "US", "Pentagon": "US", "Congress": "US",
    "Britain": "GB", "British": "GB", "U.K.": "GB", "UK": "GB", "United Kingdom": "GB", "London": "GB",
    "Starmer": "GB", "Reeves": "GB", "Westminster": "GB",
    "South Korea": "KR", "South Korean": "KR", "Korea": "KR", "Korean": "KR", "Seoul": "KR",
    "Germany": "DE", "German": "DE", "Berlin": "DE", "Bundestag": "DE", "Merz": "DE", "Scholz": "DE",
    "France": "FR", "French": "FR", "Paris": "FR", "Macron": "FR",
    "Australia": "AU", "Australian": "AU", "Canberra": "AU", "Albanese": "AU",
    "New Zealand": "NZ", "Wellington": "NZ",
    "India": "IN", "Indian": "IN", "New Delhi": "IN", "Modi": "IN",
    "Canada": "CA", "Canadian": "CA", "Ottawa": "CA", "Carney": "CA",
    "China": "CN", "Chinese": "CN", "Beijing": "CN",
    "Taiwan": "TW", "Taiwanese": "TW", "Taipei": "TW",
    "Philippines": "PH", "Philippine": "PH", "Manila": "PH",
    "Italy": "IT", "Italian": "IT", "Rome": "IT",
    "Poland": "PL", "Polish": "PL", "Warsaw": "PL",
    "Spain": "ES", "Spanish": "ES", "Madrid": "ES",
    "Netherlands": "NL", "Dutch": "NL",
    "Sweden": "SE", "Swedish": "SE", "Norway": "NO", "Norwegian": "NO",
    "Denmark": "DK", "Danish": "DK", "Finland": "FI", "Finnish": "FI",
    "Ukraine": "UA", "Ukrainian": "UA", "Kyiv": "UA", "Russia": "RU", "Russian": "RU", "Moscow": "RU",
    "Singapore": "SG", "Indonesia": "ID", "Indonesian": "ID", "Vietnam": "VN", "Vietnamese": "VN",
    "Brazil": "BR", "Brazilian": "BR", "Mexico": "MX", "Mexican": "MX",
}
COUNTRY_NAMES: dict[str, str] = {
    "JP": "Japan", "US": "United States", "GB": "United Kingdom", "KR": "South Korea", "DE": "Germany",
    "FR": "France", "AU": "Australia", "NZ": "New Zealand", "IN": "India", "CA": "Canada", "CN": "China",
    "TW": "Taiwan", "PH": "Philippines", "IT": "Italy", "PL": "Poland", "ES": "Spain", "NL": "Netherlands",
    "SE": "Sweden", "NO": "Norway", "DK": "Denmark", "FI": "Finland", "UA": "Ukraine", "RU": "Russia",
    "SG": "Singapore", "ID": "Indonesia", "VN": "Vietnam", "BR": "Brazil", "MX": "Mexico",
}
# Leaders' surnames among the cues: names, not places (a name may contain them).
PERSON_CUES = frozenset({"Takaichi", "Ishiba", "Kishida", "Koizumi", "Trump", "Biden", "Starmer", "Reeves",
                         "Merz", "Scholz", "Macron", "Albanese", "Modi", "Carney"})
# Words that are cues for place/person but would be wrong as a *holder* of a figure.
_NON_HOLDER = frozenset({"Tokyo", "Washington", "London", "Seoul", "Berlin", "Paris", "Canberra", "Wellington",
                         "New Delhi", "Ottawa", "Beijing", "Taipei", "Manila", "Rome", "Warsaw", "Madrid",
                         "Kyiv", "Moscow", "Diet", "Congress", "Pentagon", "Westminster", "Bundestag"})
NON_HOLDER = _NON_HOLDER

# the capital is tested before the look-behind (the same two tests, cheaper in this order: most offsets
# of a text are no capital)
COUNTRY_CUE_RE = re.compile(
    r"(?=[A-Z])(?<![\w.])(?:" + "|".join(re.escape(k) for k in sorted(COUNTRY_CUES, key=len, reverse=True)) + r")(?![\w])"
)


def countries_in(text: str) -> list[tuple[int, str, str]]:
    """(offset, cue, ISO2) for every country cue in ``text``, in order."""
    return [(m.start(), m.group(0), COUNTRY_CUES[m.group(0)]) for m in COUNTRY_CUE_RE.finditer(text)]


def holder_cues(text: str) -> list[tuple[int, str]]:
    """(offset, ISO2) for cues that can hold a figure (countries, demonyms, leaders; not capitals)."""
    return [(o, c) for o, cue, c in countries_in(text) if cue not in _NON_HOLDER]


def dominant_country(text: str) -> str | None:
    """The most frequent country cue in ``text`` (first seen wins ties); None if there is none."""
    counts: dict[str, int] = {}
    for _, _, code in countries_in(text):
        counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    best = max(counts.values())
    return next(c for c, n in counts.items() if n == best)


# A content clause after an event noun that tells what was announced or decided, in that event's future: a date in it
# is the content's, not the noun's ("the news that the derby would be moved to Sunday 9th March").
CONTENT_CLAUSE = re.compile(r"\bthat\b(?:(?!\.\s).){0,80}?\b(?:would|will|could|should|might|was to|were to|is to|"
                            r"are to)\b", re.IGNORECASE)

