"""Small helpers the fact builders share: certainty, the country of a fiscal calendar."""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING, Any

from factcheck.extract.mentions.resources import resource
from factcheck.model.countries import country as country_record
from factcheck.model.countries import country_of_currency, cues, fiscal_calendar
from factcheck.model.document import Span

if TYPE_CHECKING:
    from factcheck.extract.analysis import Analysis
    from factcheck.extract.clauses.segment import Item
    from factcheck.extract.mentions.model import Mention
    from factcheck.extract.relations.match import RelationMatch


_CURRENCY_NOUNS = frozenset(["dollar", "dollars", "yen", "pounds", "pound", "euros", "euro", "won", "yuan", "rupees",
                             "rupee", "francs", "pesos", "crowns"])
# "exports to the United States", "talks with Washington", "imports from China": a partner, not the owner
_PARTNER_BEFORE = frozenset(["to", "from", "with", "into", "towards", "toward", "against", "versus", "vs"])


def placed(match: RelationMatch, a: Analysis) -> dict[str, Any]:
    """Where a fact a match reads sits: its span, its text and its sentence (the first fields of every fact)."""
    span = Span(start=match.start, end=match.end)
    return {"span": span, "text": a.text[span.start : span.end], "sentence": match.sentence.index}


def certainty_of(match: RelationMatch) -> str:
    """``certain`` when every slot sits in the clause the match starts in (a parenthesis counts as its
    clause); ``inferred`` when a slot came from an embedded or sibling clause."""
    sent = match.sentence

    def home_of(c: int) -> int:
        while sent.clauses[c].kind == "paren" and sent.clauses[c].parent is not None:
            c = sent.clauses[c].parent  # type: ignore[assignment]
        return c

    home = home_of(sent.items[match.first_item].clause)
    for slot in match.slots.values():
        for it in slot.items:
            if home_of(it.clause) != home:
                return "inferred"
    return "certain"


def fiscal_country(a: Analysis, match: RelationMatch) -> str | None:
    return fiscal_country_guessed(a, match)[0]


def fiscal_country_guessed(a: Analysis, match: RelationMatch) -> tuple[str | None, bool]:
    """(country, guessed) of a fiscal year: see :func:`_fiscal_country`; with no country named anywhere,
    a story whose only money is in dollars is taken to be American, as a guess (``guessed``: the facts
    built on it are inferred). A company's fiscal year has no country calendar ("Microsoft's fiscal 2026
    ends in June"): (None, False)."""
    code, partner = _fiscal_country(a, match)
    if _corporate(match):
        c = country_record(code)
        if c is None or not c.companies_keep_calendar:
            return None, False
        return code, False  # "Narmada Bank's Q3 FY25": Indian companies keep April-March by law
    if code is None and _only_dollars(a):
        if _story_subnational(a):
            return None, False  # "The governor signed ... Ohio runs its fiscal year from July 1": a state's year
        code, guessed = "US", True
    elif code is None and shared_currency_countries(a):
        # "Rs17.57 trillion" and no country named: India's, Pakistan's or Sri Lanka's? The sign's own country,
        # as a guess (the gloss builder drops the gloss when it fits another of them)
        code, guessed = shared_currency_countries(a)[0], True
    else:
        guessed = partner
    if code == "US" and _subnational(match):
        return None, False  # most U.S. states start their year in July, New York in April, Texas in September
    return code, guessed


def _only_dollars(a: Analysis) -> bool:
    """Only dollar figures, no country named, and words of public money (memoised per document)."""
    found = a.memo.get("_only_dollars")
    if found is None:
        currencies = {m.value.get("currency") for m in a.mentions_of("money")}
        public = _word_set("public_sector_words")
        found = currencies == {"USD"} and not a.mentions_of("country") and any(t.low in public for t in a.tokens)
        a.memo["_only_dollars"] = found
    return bool(found)


def _story_subnational(a: Analysis) -> bool:
    """Somewhere in the story a state, a governor or another word of a state's or a city's money
    (memoised per document): a guessed U.S. calendar would be the wrong one."""
    found = a.memo.get("_story_subnational")
    if found is None:
        words = _word_set("subnational_words") | _word_set("us_states") | {"governor"}
        found = any(t.low in words for t in a.tokens)
        a.memo["_story_subnational"] = found
    return bool(found)


def _subnational(match: RelationMatch) -> bool:
    """The sentence tells of a state's, a county's or a city's money, whose fiscal year is its own (in the
    U.S.; elsewhere states and provinces keep the nation's calendar)."""
    return mentions_any(match, "subnational_words") or _state_named(match)


def _state_named(match: RelationMatch) -> bool:
    """A U.S. state named as a place, not as the first part of a hyphened modifier ("Virginia-class
    submarines", "an Ohio-built engine": a class or a make, whose money is no state's)."""
    if not mentions_any(match, "us_states"):
        return False
    singles = _word_set("us_states")
    items = match.sentence.items
    for k, it in enumerate(items):
        w = it.code[:-2] if it.code.endswith(("'s", "’s")) else it.code
        if w in singles and not _hyphened(items, k):
            return True
    phrases = _phrases("us_states")
    text = match.sentence_text.lower()
    return phrases is not None and any(text[m.end() : m.end() + 1] != "-" for m in phrases.finditer(text))


def _hyphened(items: list[Item], k: int) -> bool:
    """The item is written onto a hyphen that joins it to the next word ("Virginia-class")."""
    return k + 2 < len(items) and items[k + 1].code == "-" and items[k + 1].start == items[k].end \
        and items[k + 2].start == items[k + 1].end


def _corporate(match: RelationMatch) -> bool:
    """The sentence tells of a company's results, not public money."""
    return mentions_any(match, "corporate_words") and not mentions_any(match, "government_words")


def mentions_any(match: RelationMatch, key: str) -> bool:
    """The sentence holds one of the lexicon's words under ``key``: a one-word entry as a word, a phrase
    ("fiscal policy") as the phrase, never as its words one by one ("fiscal" alone is no government word)."""
    words = match.sentence.words
    singles = _word_set(key)
    if not words.isdisjoint(singles) or any(w.endswith(("'s", "’s")) and w[:-2] in singles for w in words):
        return True  # "Texas" or "Texas's"
    phrases = _phrases(key)
    return phrases is not None and phrases.search(match.sentence_text.lower()) is not None


@cache
def _word_set(key: str) -> frozenset[str]:
    """The one-word entries under ``key``."""
    return frozenset(w for w in resource("lexicon")[key] if " " not in w)


@cache
def _phrases(key: str) -> re.Pattern[str] | None:
    """The entries of several words under ``key``, as one whole-word pattern (None if there are none)."""
    phrases = [r"\s+".join(map(re.escape, w.lower().split())) for w in resource("lexicon")[key] if " " in w]
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b") if phrases else None


def _fiscal_country(a: Analysis, match: RelationMatch) -> tuple[str | None, bool]:
    """Whose fiscal calendar: the nearest country named before the match in its sentence (else the
    nearest after it), else the document's most named country, else the one country whose own currency
    the story's figures are in; only countries whose calendar is known. A country after "to", "from" or
    "with" is a partner ("exports to the United States"), taken only when no other is named, and then as
    a guess (the second of the pair)."""
    before, after, partners = _sentence_countries(match)
    if before:
        return before[-1], False
    if after:
        return after[0], False
    if partners:
        return partners[0], True  # "Exports from India to the United States": the first named, as a guess
    region = _region_country(match)
    if region is not None:
        return region, False  # "NSW Treasurer ...": a state that keeps its nation's fiscal year
    # "₹600 crore ... for FY26": a currency only one country uses
    for it in match.sentence.items:
        if it.mention is not None and it.mention.type == "money" and not it.mention.value.get("shared"):
            code = country_of_currency(it.mention.value.get("currency"))
            if code and fiscal_calendar(code) is not None:
                return code, False
    return dominant_country(a) or currency_country(a) or dateline_country(a), False


@cache
def _regions() -> tuple[tuple[str, frozenset[str], re.Pattern[str] | None], ...]:
    """(country, one-word names, several-word names) of the states and provinces that keep their
    nation's fiscal year."""
    out = []
    for code, names in resource("lexicon").get("national_calendar_regions", {}).items():
        singles = frozenset(n for n in names if " " not in n)
        multi = [r"\s+".join(map(re.escape, n.split())) for n in names if " " in n]
        out.append((code, singles, re.compile(r"\b(?:" + "|".join(multi) + r")\b") if multi else None))
    return tuple(out)


def _region_country(match: RelationMatch) -> str | None:
    """The one nation whose states or provinces the sentence names, where they keep its fiscal year."""
    words = {w[:-2] if w.endswith(("'s", "’s")) else w for w in match.sentence.words}
    low = None
    found = []
    for code, singles, multi in _regions():
        if not words.isdisjoint(singles):
            found.append(code)
            continue
        if multi is not None:
            low = low if low is not None else match.sentence_text.lower()
            if multi.search(low):
                found.append(code)
    return found[0] if len(found) == 1 and fiscal_calendar(found[0]) is not None else None


def other_owners(match: RelationMatch) -> list[str]:
    """Countries that may also own the match's fiscal year: the first country the sentence names (its
    subject's: "India's imports of Australian coal in 2024-25", "British funds invested in Australian
    roads in 2024-25") and the country of the sentence's money ("UK Export Finance lent £2.9 billion in
    Saudi Arabia in 2024-25"). Only countries whose year does not run with the calendar: any January-
    December country fits a January-December gloss, which says nothing about whose year it is."""
    before, after, _partners = _sentence_countries(match)
    named = [c for c in before + after if c]
    out = named[:1]
    sent = match.sentence
    for it in sent.items:
        if sent.clauses[it.clause].kind == "paren":
            continue  # "NZ$9.4 billion (S$7.1 billion)": a conversion says nothing about whose year it is
        if it.mention is not None and it.mention.type == "money" and not it.mention.value.get("shared"):
            code = country_of_currency(it.mention.value.get("currency"))
            if code:
                out.append(code)
    return [c for c in dict.fromkeys(out) if (cal := fiscal_calendar(c)) is not None and cal[0] != 1]


def _sentence_countries(match: RelationMatch) -> tuple[list[str | None], list[str], list[str]]:
    """Countries with a known calendar named in the match's sentence: before the match's end (None for a
    country named before it whose calendar is not known: nothing is derived then), after it, and partners
    ("exports to the United States")."""
    sent = match.sentence
    before: list[str | None] = []
    after: list[str] = []
    partners: list[str] = []
    for k, it in enumerate(sent.items):
        m = it.mention
        if m is None or sent.clauses[it.clause].kind == "paren":
            continue  # "(about 814 billion U.S. dollars)": a conversion says nothing about the calendar
        if m.type == "country" and k + 1 < len(sent.items) and sent.items[k + 1].code in _CURRENCY_NOUNS:
            continue  # "U.S. dollars", "Australian dollars": a currency, not the country
        if m.type == "country" and m.value.get("cue") == "place" and k > 0 and _owned(sent.items[k - 1].mention):
            continue  # "Brazil's Congress", "Pakistan's National Assembly": the owner's body, not the place's country
        if m.type == "country" and k > 0 and sent.items[k - 1].code in ("like", "unlike"):
            continue  # "Kenya's fiscal year, like Uganda's, runs from July": a comparison, not the owner
        code = m.value.get("code") if m.type == "country" else m.value.get("country") if m.type in ("person", "title") \
            else None
        if code and fiscal_calendar(code) is None and m.type == "country" and it.start < match.start \
                and m.value.get("cue") == "name" and not _partner(sent.items, k):
            before.append(None)  # a country whose calendar is not known ("Nepal's fiscal year"): nothing is derived
            continue
        if code and fiscal_calendar(code) is not None:
            if m.type == "country" and _partner(sent.items, k):
                partners.append(code)  # "India's exports to the United States": the partner keeps no calendar of it
                continue
            (before if it.start < match.end else after).append(code)
    return before, after, partners


# "CANBERRA - ", "NEW DELHI, Oct 3 (Reuters) - ", "TOKYO (Kyodo) -- ", "Ottawa: ": the place a story is filed from
_DATELINE = re.compile(r"\s*([A-Z][A-Za-z .'’-]{1,40}?)(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?"
                       r"\s*(?:-{1,2}|–|—|:)\s")


def dateline_country(a: Analysis) -> str | None:
    """The country of the story's dateline ("CANBERRA - Treasury expects ..."), if its place or name is a
    country cue; the last resort for whose fiscal calendar an unnamed treasury keeps."""
    if "dateline_country" in a.memo:
        return a.memo["dateline_country"]  # type: ignore[return-value]
    m = _DATELINE.match(a.text[:80])
    code = None
    if m:
        place = " ".join(w.capitalize() if w.isupper() else w for w in m.group(1).split())
        cue = cues().get(place)
        code = cue.code if cue is not None and fiscal_calendar(cue.code) is not None else None
    a.memo["dateline_country"] = code
    return code


def _partner(items: list[Item], k: int) -> bool:
    """The country at ``k`` follows a preposition of trade or talks ("to the U.S.", "with Japan")."""
    j = k - 1
    if j >= 0 and items[j].code.lower() == "the":
        j -= 1
    return j >= 0 and items[j].code.lower() in _PARTNER_BEFORE


def _owned(before: Mention | None) -> bool:
    """A possessive country name right before ("Brazil's ..."): what follows is that country's."""
    return before is not None and before.type == "country" and bool(before.value.get("possessive"))


def currency_country(a: Analysis) -> str | None:
    """The one country whose own currency the story's figures are in ("122.3 trillion yen" in the next
    sentence), outside conversions in parentheses; None when none or several."""
    if "currency_country" in a.memo:
        return a.memo["currency_country"]  # type: ignore[return-value]
    found: set[str] = set()
    for sent in a.sentences:
        for it in sent.items:
            m = it.mention
            if m is None or m.type != "money" or m.value.get("shared") or sent.clauses[it.clause].kind == "paren":
                continue
            code = country_of_currency(m.value.get("currency"))
            if code and fiscal_calendar(code) is not None:
                found.add(code)
    result = found.pop() if len(found) == 1 else None
    a.memo["currency_country"] = result
    return result


def shared_currency_countries(a: Analysis) -> tuple[str, ...]:
    """The countries (with a known calendar) that write the story's money signs when every sign of it is shared
    by several ("Rs", "pesos"), outside conversions in parentheses; () when none is, or a sign of one country's."""
    if "shared_currency" in a.memo:
        return a.memo["shared_currency"]  # type: ignore[return-value]
    signs = [m.value.get("shared") for sent in a.sentences for it in sent.items
             if (m := it.mention) is not None and m.type == "money" and sent.clauses[it.clause].kind != "paren"]
    found: list[str] = []
    if signs and all(signs):
        for sharers in signs:
            found += [c for c in sharers if c not in found and fiscal_calendar(c) is not None]  # type: ignore[union-attr]
    result = tuple(found)
    a.memo["shared_currency"] = result
    return result


def dominant_country(a: Analysis) -> str | None:
    if "dominant_country" in a.memo:
        return a.memo["dominant_country"]  # type: ignore[return-value]
    counts: dict[str, int] = {}
    for m in a.mentions:
        code = m.value.get("code") if m.type == "country" else m.value.get("country") if m.type in ("person", "title") \
            else None
        if code:
            counts[code] = counts.get(code, 0) + 1
    best = max(counts.values()) if counts else 0
    result = next((c for c, n in counts.items() if n == best), None) if counts else None
    a.memo["dominant_country"] = result
    return result

