"""Office text <-> position item matching ("Japanese Defense Minister" ~ "Minister of Defense", Japan).

Both sides become a bag of role words plus a set of countries: demonyms and abbreviations are
mapped to a country ("Japanese" -> japan, "U.S." -> united states), spelling variants are unified
("defence" -> defense), and filler words are dropped. A position matches when every role word of
the text is among the role words of one of its labels or aliases (or, weaker, of its description)
and the countries, where both sides name one, agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from factcheck.enrich.wikidata.models import EntityRecord
from factcheck.model.keys import fold

_COUNTRY_PHRASES: list[tuple[str, str]] = [
    (r"united states of america|united states|u s a|u s|usa|us|america|american", "united_states"),
    (r"united kingdom|u k|uk|britain|great britain|british", "united_kingdom"),
    (r"south korea|south korean|republic of korea|korea|korean", "south_korea"),
    (r"japan|japanese", "japan"),
    (r"canada|canadian", "canada"),
    (r"australia|australian", "australia"),
    (r"philippines|philippine|filipino", "philippines"),
    (r"people s republic of china|china|chinese", "china"),
    (r"taiwan|taiwanese", "taiwan"),
    (r"france|french", "france"),
    (r"germany|german", "germany"),
    (r"india|indian", "india"),
    (r"italy|italian", "italy"),
    (r"russia|russian", "russia"),
    (r"ukraine|ukrainian", "ukraine"),
    (r"new zealand", "new_zealand"),
]
_COUNTRY_RE = [(re.compile(rf"\b(?:{p})\b"), c) for p, c in _COUNTRY_PHRASES]
COUNTRIES = frozenset(c for _, c in _COUNTRY_PHRASES)
ISO_COUNTRIES = {
    "US": "united_states",
    "GB": "united_kingdom",
    "UK": "united_kingdom",
    "KR": "south_korea",
    "JP": "japan",
    "CA": "canada",
    "AU": "australia",
    "PH": "philippines",
    "CN": "china",
    "TW": "taiwan",
    "FR": "france",
    "DE": "germany",
    "IN": "india",
    "IT": "italy",
    "RU": "russia",
    "UA": "ukraine",
    "NZ": "new_zealand",
}
_SYNONYMS = {"defence": "defense", "pm": "prime minister", "secdef": "secretary defense", "potus": "president"}
_FILLER = frozenset({"of", "the", "for", "and", "a", "an", "s", "in", "to", "on", "at"})
_NOT_CURRENT = frozenset({"former", "ex", "then", "late", "previous", "past", "onetime", "erstwhile"})


@dataclass(frozen=True)
class OfficeWords:
    roles: frozenset[str]
    countries: frozenset[str]
    not_current: bool = False


@lru_cache(maxsize=8192)
def office_words(text: str, country: str | None = None) -> OfficeWords:
    s = fold(text)
    countries: set[str] = set()
    for pattern, code in _COUNTRY_RE:
        if pattern.search(s):
            countries.add(code)
            s = pattern.sub(" ", s)
    words: list[str] = []
    for word in s.split():
        words.extend(_SYNONYMS.get(word, word).split())
    if country:
        countries.add(ISO_COUNTRIES.get(country.upper(), fold(country).replace(" ", "_")))
    roles = frozenset(w for w in words if w not in _FILLER and w not in _NOT_CURRENT)
    return OfficeWords(roles, frozenset(countries), any(w in _NOT_CURRENT for w in words))


def is_not_current(text: str | None) -> bool:
    """'former Prime Minister', 'then-Defense Minister': the text does not claim the office is held now."""
    return bool(text) and office_words(text or "").not_current


def office_score(text: str, position: EntityRecord, *, country: str | None = None) -> float:
    """0 if ``position`` does not match the office named by ``text``; higher is a closer match."""
    claim = office_words(text, country)
    if not claim.roles or position.missing:
        return 0.0
    described = office_words(position.description or "")
    best = 0.0
    position_countries: set[str] = set(described.countries)
    for name in position.names():
        words = office_words(name)
        position_countries |= words.countries
        if claim.roles <= words.roles:
            best = max(best, len(claim.roles) / len(words.roles))
    if best == 0.0:
        for name in position.names():
            words = office_words(name)
            if claim.roles <= words.roles | described.roles:
                best = max(best, 0.5 * len(claim.roles) / len(words.roles | described.roles))
    if best == 0.0:
        return 0.0
    if claim.countries and position_countries:
        if not claim.countries & position_countries:
            return 0.0
        best += 0.5  # the country agrees as well
    return best
