"""People named with a title ("Japanese Defense Minister Shinjiro Koizumi") and their later short forms.

Finds every titled name in a document once (memoised on the extraction context) and links short
mentions ("Minister Koizumi", "Takaichi") to the full name introduced earlier, so that every mention
of one person shares a ``person_key``. Office keys are normalised titles plus the country:

    office_key = "<canonical title>|<iso2 lower>"   e.g. "defense minister|jp", "defense secretary|us"
    office_key = "<canonical title>"                 when the country is unknown

The canonical title is folded (lower case, no diacritics), British spellings are made American
("defence" -> "defense"), and "<X> of/for (the) <Y>" becomes "<Y> <X>" ("Secretary of Defense" ->
"defense secretary", "Minister for Foreign Affairs" -> "foreign affairs minister").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from factcheck.extract.context import Context
from factcheck.extract.lexicon import COUNTRY_CUES, MONTHS, PERSON_CUES, WEEKDAYS
from factcheck.extract.mentions.resources import resource
from factcheck.model.keys import fold, name_key

_DEMONYM = (
    r"U\.S\.|US|American|Japanese|Japan['’]s|British|U\.K\.|UK|Britain['’]s|South\sKorean|Korean|German|"
    r"Germany['’]s|French|France['’]s|Australian|Australia['’]s|Chinese|China['’]s|Indian|India['’]s|"
    r"Canadian|Canada['’]s|Italian|Polish|Spanish|Dutch|Ukrainian|Russian|Taiwanese|Philippine|"
    r"New\sZealand|Indonesian|Brazilian|Mexican|Swedish|Norwegian|Danish|Finnish"
)
_PORTFOLIO = (
    r"Defen[cs]e|Foreign|Finance|Trade|Economy|Economic|Health|Interior|Justice|Education|Industry|Energy|"
    r"Environment|Agriculture|Labou?r|Transport|Digital|Home|Treasury|Foreign\sAffairs|Economy\sand\sFinance|"
    r"National\sDefen[cs]e|State|Commerce|Homeland\sSecurity|Climate|Budget|Culture|Veterans\sAffairs"
)
_HEAD = (
    r"Prime\sMinister|Vice\sPresident|President|Chancellor|Premier|Minister|Secretary|Governor|Senator|"
    r"Ambassador|Treasurer|Mayor|Speaker|King|Queen|Chief\sCabinet\sSecretary|Chief\sof\sStaff|Director|"
    r"Commissioner|Spokesperson|Spokesman|Spokeswoman|Sen\.|Rep\."
)
_TITLE = (
    r"(?:(?:Deputy|Vice|Acting|Junior|State)\s)?(?:(?:" + _PORTFOLIO + r")\s)?(?:" + _HEAD + r")"
    r"(?:\s(?:of|for)\s(?:the\s)?(?:Exchequer|" + _PORTFOLIO + r"))?"
)
_NAME_TOKEN = r"[A-Z][\w'’.-]{0,30}"
PERSON_RE = re.compile(
    r"(?<![\w.])(?P<former>(?:[Ff]ormer|[Ee]x-|[Tt]hen-?)\s?)?(?:(?P<country>" + _DEMONYM + r")\s)?"
    r"(?P<title>" + _TITLE + r")\s(?P<name>" + _NAME_TOKEN + r"(?:\s" + _NAME_TOKEN + r"){0,3})"
)
# words that end a name: the title lexicon's (one list for the lexer's titled persons and these)
_STOP_TOKENS = frozenset(str(w) for w in resource("titles")["not_names"])
_DEMONYM_COUNTRY: dict[str, str] = {
    "u.s.": "US", "us": "US", "american": "US", "japanese": "JP", "japan's": "JP", "british": "GB",
    "u.k.": "GB", "uk": "GB", "britain's": "GB", "south korean": "KR", "korean": "KR", "german": "DE",
    "germany's": "DE", "french": "FR", "france's": "FR", "australian": "AU", "australia's": "AU",
    "chinese": "CN", "china's": "CN", "indian": "IN", "india's": "IN", "canadian": "CA", "canada's": "CA",
    "italian": "IT", "polish": "PL", "spanish": "ES", "dutch": "NL", "ukrainian": "UA", "russian": "RU",
    "taiwanese": "TW", "philippine": "PH", "new zealand": "NZ", "indonesian": "ID", "brazilian": "BR",
    "mexican": "MX", "swedish": "SE", "norwegian": "NO", "danish": "DK", "finnish": "FI",
}
_BRITISH = (("defence", "defense"), ("labour", "labor"))


@dataclass(frozen=True)
class PersonMention:
    """A titled (or linked) person mention; offsets are document offsets."""

    start: int
    end: int
    name_start: int
    name: str  # as written ("Koizumi")
    full_name: str  # linked full name ("Shinjiro Koizumi")
    title: str  # as written ("Minister")
    office: str  # the full title it stands for ("Defense Minister")
    office_key: str
    country: str | None
    sentence: int


@lru_cache(maxsize=4096)
def canonical_title(title: str) -> str:
    t = fold(title)
    for brit, us in _BRITISH:
        t = t.replace(brit, us)
    t = re.sub(r"^(sen|rep)$", lambda m: {"sen": "senator", "rep": "representative"}[m.group(1)], t)
    m = re.fullmatch(r"(.*?)\s(?:of|for)\s(?:the\s)?(.+)", t)
    if m:
        t = f"{m.group(2)} {m.group(1)}"
    return t


@lru_cache(maxsize=4096)
def office_key(title: str, country: str | None) -> str:
    key = canonical_title(title)
    return f"{key}|{country.lower()}" if country else key


def _clean_name(raw: str) -> str:
    tokens: list[str] = []
    for tok in raw.split():
        bare = tok.rstrip(".,")
        if (bare in _STOP_TOKENS or (bare in COUNTRY_CUES and bare not in PERSON_CUES) or bare.lower().rstrip(".") in MONTHS
                or bare.lower() in WEEKDAYS):
            break
        if tok.endswith(("'s", "’s")):
            break
        tokens.append(bare)
    return " ".join(tokens)


def find_people(ctx: Context) -> list[PersonMention]:
    """Every titled person mention, linked to earlier full names (memoised per document)."""
    cached = ctx.memo.get("people")
    if cached is not None:
        return cached  # type: ignore[return-value]
    from factcheck.extract.context import OFFICIALS

    mentions: list[PersonMention] = []
    for idx in ctx.for_family(OFFICIALS):
        sent = ctx.sentences[idx]
        text = ctx.doc.text[sent.start : sent.end]
        for m in PERSON_RE.finditer(text):
            if m.group("former"):
                continue
            name = _clean_name(m.group("name"))
            if not name:
                continue
            title = re.sub(r"\s+", " ", m.group("title"))
            cue = m.group("country")
            country = _DEMONYM_COUNTRY.get(cue.lower().replace("’", "'")) if cue else None
            start = sent.start + m.start()
            name_start = sent.start + m.start("name")
            mentions.append(PersonMention(start, name_start + len(name), name_start, name, name, title, title,
                                          office_key(title, country), country, idx))
    linked = link_mentions(mentions)
    only = _only_country(ctx)
    if only is not None:
        linked = [m if m.country else replace(m, country=only, office_key=office_key(m.office, only)) for m in linked]
    ctx.memo["people"] = linked
    return linked


def _only_country(ctx: Context) -> str | None:
    """The country of a story that names exactly one (by holder cues), else None."""
    codes = ctx.head_holder_codes()
    return codes.pop() if len(codes) == 1 else None


def people_in(ctx: Context, idx: int) -> list[PersonMention]:
    """The person mentions of sentence ``idx`` (indexed once per document)."""
    index = ctx.memo.get("people_by_sentence")
    if index is None:
        index = {}
        for p in find_people(ctx):
            index.setdefault(p.sentence, []).append(p)
        ctx.memo["people_by_sentence"] = index
    return index.get(idx, [])  # type: ignore[union-attr]


def link_mentions(mentions: list[PersonMention]) -> list[PersonMention]:
    """Give short mentions the full name, office and country of the matching earlier full mention."""
    out: list[PersonMention] = []
    full: list[PersonMention] = []
    multi: list[PersonMention] | None = None
    for m in mentions:
        parts = m.name.split()
        match = _match_full(m, full) if len(parts) == 1 else None
        if match is None and len(parts) == 1:
            if multi is None:
                multi = [x for x in mentions if len(x.name.split()) > 1]
            match = _match_full(m, multi)
        if match is not None:
            office, country = m.title, m.country or match.country
            if _title_covers(match.office, m.title):
                office = match.office
            if country is None and m.name in COUNTRY_CUES:
                country = COUNTRY_CUES[m.name]
            m = PersonMention(m.start, m.end, m.name_start, m.name, match.full_name, m.title, office,
                              office_key(office, country), country, m.sentence)
        else:
            prior = next((x for x in reversed(full) if x.full_name == m.name), None)
            country = m.country or (prior.country if prior else None) or COUNTRY_CUES.get(parts[-1])
            office = m.title
            if prior is not None and _title_covers(prior.office, m.title):
                office = prior.office
            m = PersonMention(m.start, m.end, m.name_start, m.name, m.full_name, m.title, office,
                              office_key(office, country), country, m.sentence)
            if len(parts) > 1:
                full.append(m)
        out.append(m)
    return out


def _match_full(m: PersonMention, candidates: list[PersonMention]) -> PersonMention | None:
    for c in reversed(candidates):
        if c.full_name.split()[-1] == m.name:
            return c
    return None


def _title_covers(full_title: str, short: str) -> bool:
    """'Defense Minister' covers 'Minister'; 'Secretary of Defense' covers 'Secretary'."""
    f, s = canonical_title(full_title), canonical_title(short)
    return f == s or f.endswith(" " + s) or f.startswith(s + " ")


def resolve_name(name: str, people: list[PersonMention], before: int) -> PersonMention | None:
    """The titled mention a bare name ('Koizumi', 'Sanae Takaichi') refers to, preferring earlier ones."""
    last = name.split()[-1]
    earlier = [p for p in people if p.start < before]
    for group in (earlier, people):
        for p in reversed(group):
            if p.full_name == name or p.full_name.split()[-1] == last:
                return p
    return None


@lru_cache(maxsize=4096)
def person_key(full_name: str) -> str:
    return name_key(full_name)
