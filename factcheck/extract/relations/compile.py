"""A pattern's sequence -> one regular expression over a sentence stream.

The stream (:mod:`factcheck.extract.clauses.segment`) is one code per item followed by a space: a
word in lower case (``moved``), a mention as ``@type`` (``@fiscal_year``), punctuation as itself, and
clause markers: ``[r``/``[p``/``[q`` open a relative, participial or quoted clause and ``]`` closes
it, ``(``/``)`` bound a parenthesis, ``|`` starts a coordinated clause. Gaps never step over a
marker, so a sequence stays inside one clause unless it says ``clause: skip``.

Every quantifier is bounded and gaps are lazy, and a sentence is at most a few hundred items, so a
match costs at most ``items x (gap + 1) ^ gaps`` steps: linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from factcheck.extract.mentions.model import TYPES
from factcheck.extract.mentions.resources import lexicon, resource
from factcheck.extract.relations.regexcache import compile_regex
from factcheck.extract.relations.spec import Element

_GAP_ITEM = r"(?:[^\s|\[\]()]\S* )"
# a plain word or a mention that is not a figure ("in @month", "the @relative"); never an and/or/but
# that brings in another figure at once or after one word ("... last year and @money")
_WORD_ITEM = (r"(?:(?!(?:and|or|but) (?:[^\s@]\S* )?@(?:money|number|percent|points) )"
              r"(?:[a-z0-9'’-][^\s@|\[\]()]*|@(?!money |number |percent |points )\w+) )")
# as _WORD_ITEM, and a number after a determiner, which counts things ("to the two clubs", "the five banks")
_COUNTED_ITEM = (r"(?:(?!(?:and|or|but) (?:[^\s@]\S* )?@(?:money|number|percent|points) )"
                 r"(?:[a-z0-9'’-][^\s@|\[\]()]*|@(?!money |number |percent |points )\w+|"
                 r"(?:(?<=the )|(?<=its )|(?<=their )|(?<=his )|(?<=her )|(?<=all )|(?<=these )|(?<=those ))@number) )")
# a word or a mention that is not a date ("the board met in @country on"), never and/or/but; the "+" and
# "&" of a name ("OPEC+ members", "S&P") are words of it
_UNDATED_ITEM = (r"(?:(?!(?:and|or|but) )"
                 r"(?:[a-z0-9'’&+-][^\s@|\[\]()]*|@(?!date |day_of_month |weekday |month |relative |year |fiscal_year )\w+) )")
# a word of a noun phrase, "and" and "or" included ("the 2030 ban on the sale of new petrol and diesel cars will be
# delayed"): no date, year or figure, no punctuation, never "but"
_PHRASE_ITEM = (r"(?:(?!but )"
                r"(?:[a-z0-9'’&+-][^\s@|\[\]()]*|@(?!date |day_of_month |weekday |month |relative |year |fiscal_year "
                r"|money |number |percent |points )\w+) )")
# any item of the clause but a date or a year: words, figures, relative expressions and punctuation
# ("on Oct. 31, that profit fell 22% to $4.9 billion from $6.3 billion a year earlier, a day after ...")
_NODATES_ITEM = r"(?:(?!@(?:date|day_of_month|weekday|month|year) )[^\s|\[\]()]\S* )"
# as _NODATES_ITEM, and a year alone: it dates no day ("said on June 9 that its reactor would not start before
# 2027, a day after ..."); the builder decides what a year between means for an interval of years or months
_NODAYS_ITEM = r"(?:(?!@(?:date|day_of_month|weekday|month) )[^\s|\[\]()]\S* )"
# a count of the things an amount is for, right after its preposition ("for 97 fighters", "of six aircraft")
_COUNT_OF_THINGS = r"(?:(?<=for )|(?<=of ))@number "
_RATIO_CODES = frozenset({"@percent", "@points"})
_TOTAL_WORDS = r"(?:together|total|totall?ing|combined|altogether|in all|overall|bringing|taking|giving|for a|a total|making) "
# a change after a figure is no further item of its list ("$62.4 billion on Oct. 1, an increase of $4.2 billion")
_CHANGE_WORDS = (r"(?:(?:(?:an?|the|its) )?(?:(?:[\w-]+ )?(?:increase|rise|gain|jump|drop|fall|decline|decrease|reduction|"
                 r"growth|surge|slump)s?|up|down) "
                 # a participle of changing the figure before ("a bill of 38.6 trillion naira, raising it by 2.4 trillion")
                 r"|(?:raising|lifting|increasing|boosting|cutting|lowering|reducing|trimming|taking|bringing|pushing)"
                 r" (?:it|them|the (?:[\w-]+ )?(?:total|figure|amount|sum|budget|bill|estimate)) (?:by|to|from) )")
_CLAUSE = r"(?:\[\S* (?:[^\s\]]\S* ){0,40}?\] |\( (?:[^\s)]\S* ){0,40}?\) )"


# An item starts the stream or follows the space that ends the item before. Patterns led by a lemma, a
# hedge, an alternative, a gap, a clause marker or an optional element are tried at every offset of the stream otherwise (the
# engine has no fixed first character to skip ahead to): the anchor makes the offsets inside a code
# fail at once (about half their matching time) and no match can start inside a word ("to" in "into").
# A type, list or punctuation mark starts with a fixed character the engine skips ahead to, which the
# anchor would defeat; a word list keeps its prefix scan too.
_ITEM_START = r"(?<![^ ])"


def _anchor(first: Element) -> bool:
    if first.optional:
        return True
    return any(x is not None for x in (first.lemma, first.hedge, first.any, first.gap, first.clause))


class CompileError(ValueError):
    def __init__(self, loc: tuple[str | int, ...], reason: str):
        self.loc, self.reason = loc, reason
        super().__init__(reason)


@cache
def _irregular() -> dict[str, tuple[str, ...]]:
    raw = resource("inflections")
    return {k: tuple(v) for k, v in raw.items()}


def inflections(lemma: str) -> list[str]:
    """'move' -> move, moves, moved, moving; 'delay' -> delays, delayed, delaying; plus irregular forms."""
    lemma = lemma.lower()
    if " " in lemma:  # "bring forward": inflect the first word
        head, rest = lemma.split(" ", 1)
        return [f"{f} {rest}" for f in inflections(head)]
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    forms |= set(_irregular().get(lemma, ()))
    return sorted(forms)


def _spelled(phrase: str) -> list[str]:
    """A phrase as the stream spells it: a possessive "'s" after a mention ("fiscal 2027's") is two
    words there, the apostrophe (either kind) and "s"."""
    words = phrase.lower().split()
    if not any(w in ("'s", "’s") for w in words):
        return [phrase]
    return [" ".join(f"{mark} s" if w in ("'s", "’s") else w for w in words) for mark in ("'", "’")]


def _phrase_re(phrases: list[str]) -> tuple[str, set[str]]:
    alts = []
    firsts: set[str] = set()
    # longest first; phrases of one length in a fixed order, so the regex is the same in every process
    for p in sorted({s for ph in phrases for s in _spelled(ph)}, key=lambda p: (-len(p), p)):
        words = p.lower().split()
        firsts.add(words[0])
        alts.append("".join(re.escape(w) + " " for w in words))
    return "(?:" + "|".join(alts) + ")", firsts


@dataclass
class Compiled:
    regex: re.Pattern[str]
    slots: dict[str, str]  # group name -> slot name
    required: list[frozenset[str]]  # each: a sentence must hold one of these codes
    # a tail of the sequence: after its leading elements that may match nothing (gaps, optional
    # elements), else from its first later word or lemma. Any tail of a sequence matches wherever the
    # whole does, so a stream without it cannot match ``regex``; it is found by a literal scan, without
    # the gaps' backtracking at every offset where the head matches. None when there is no such tail.
    probe: re.Pattern[str] | None = None

    @cached_property
    def group_numbers(self) -> tuple[tuple[int, str], ...]:
        """``slots`` in its order, each group by its number (a match's spans are read by number at once)."""
        return tuple((self.regex.groupindex[g], slot) for g, slot in self.slots.items())


class _State:
    def __init__(self) -> None:
        self.groups: dict[str, str] = {}
        self.required: list[frozenset[str]] = []

    def group(self, slot: str) -> str:
        name = f"{slot}__{len(self.groups)}"
        self.groups[name] = slot
        return name


def compile_sequence(seq: list[Element]) -> Compiled:
    st = _State()
    body = _seq(seq, st, ("sequence",), required=True)
    if seq and _anchor(seq[0]):
        body = _ITEM_START + body
    try:
        regex = compile_regex(body)
    except re.error as exc:  # pragma: no cover - the element grammar cannot produce one
        raise CompileError(("sequence",), f"pattern does not compile: {exc}") from None
    return Compiled(regex, st.groups, minimal_sets(st.required), _probe(seq))


def _may_be_empty(e: Element) -> bool:
    return e.optional or e.gap is not None or e.clause is not None


def _probe(seq: list[Element]) -> re.Pattern[str] | None:
    """The regex of a tail of ``seq`` (see ``Compiled.probe``)."""
    k = 0
    while k < len(seq) and _may_be_empty(seq[k]):
        k += 1
    if k == len(seq):
        return None
    if k == 0:  # led by a mention or a mark: probe from its first later word, if any
        k = next((i for i in range(1, len(seq)) if not _may_be_empty(seq[i])
                  and (seq[i].word is not None or seq[i].lemma is not None)), 0)
        if k == 0:
            return None
    rest = seq[k:]
    body = _seq(rest, _State(), ("sequence",), required=False)
    if _anchor(rest[0]):
        body = _ITEM_START + body
    return _uncached(body)


def _uncached(source: str) -> re.Pattern[str]:
    """``re.compile`` without entering the module's cache of 512 patterns: a probe per pattern would
    fill it, and every ``re.sub(str, ...)`` call elsewhere whose entry is pushed out compiles again
    (from the on-disk cache of compiled regexes when it holds the source)."""
    return compile_regex(source)


def minimal_sets(sets: list[frozenset[str]]) -> list[frozenset[str]]:
    """The same condition ("the sentence holds a code of every set") in fewer tests: a set that holds
    another one (or repeats it: two commas, two amounts) is met whenever that one is; smallest first,
    the likeliest to fail."""
    out: list[frozenset[str]] = []
    for s in sorted(set(sets), key=lambda s: (len(s), sorted(s))):
        if not any(o <= s for o in out):
            out.append(s)
    return out


def _seq(seq: list[Element], st: _State, loc: tuple[str | int, ...], required: bool) -> str:
    if not seq:
        raise CompileError(loc, "an empty sequence")
    return "".join(_element(e, st, (*loc, i), required) for i, e in enumerate(seq))


def _element(e: Element, st: _State, loc: tuple[str | int, ...], required: bool) -> str:
    given = [k.rstrip("_") for k in ("word", "lemma", "type", "punct", "gap", "clause", "any", "hedge", "list_")
             if getattr(e, k) is not None]
    if len(given) != 1:
        raise CompileError(loc, "an element needs exactly one of word, lemma, type, punct, gap, clause, any, hedge, "
                           "list"
                           + (f" (has {', '.join(given)})" if given else ""))
    kind = given[0]
    codes: set[str] = set()
    if kind == "word":
        rx, codes = _phrase_re(e.word or [])
    elif kind == "lemma":
        forms = [f for lem in e.lemma or [] for f in inflections(lem)]
        rx, codes = _phrase_re(forms)
    elif kind == "hedge":
        rx, codes = _phrase_re([" ".join(h) for h in lexicon().hedges])
    elif kind == "type":
        bad = [t for t in e.type or [] if t not in TYPES]
        if bad:
            raise CompileError((*loc, "type"), f"unknown mention type {bad[0]!r}; known: {', '.join(sorted(TYPES))}")
        codes = {"@" + t for t in e.type or []}
        rx = "(?:" + "|".join(re.escape(c) for c in sorted(codes)) + ") "
    elif kind == "list":
        bad = [t for t in e.list_ or [] if t not in TYPES]
        if bad:
            raise CompileError((*loc, "list"), f"unknown mention type {bad[0]!r}; known: {', '.join(sorted(TYPES))}")
        if e.min > e.max:
            raise CompileError((*loc, "min"), "min is larger than max")
        codes = {"@" + t for t in e.list_ or []}
        own = f"{_WORD_ITEM}{{0,9}}?"  # the item's own words: "of offshore wind", "to low - income households"
        # ", the South East", "and the air force", "plus"
        # never a word that states the total ("..., together $19.1 billion")
        sep = f"(?:, (?:and |plus )?|; (?:and )?|and |plus )(?!{_TOTAL_WORDS})(?!{_CHANGE_WORDS}){_WORD_ITEM}{{0,5}}?"
        # one list holds one kind of figure: percentages apart from amounts and counts ("rose 4%, 11% and 7%,
        # respectively, to $310 million, $145 million and $92 million" holds two lists, not one of six)
        kinds = [k for k in (codes & _RATIO_CODES, codes - _RATIO_CODES) if k]
        lists = []
        for kind_codes in kinds:
            item = "(?:" + "|".join(re.escape(c) for c in sorted(kind_codes)) + ") "
            lists.append(f"{item}(?:{own}{sep}{item}){{{e.min - 1},{e.max - 1}}}")
        if "@money" in codes:
            # a list of money whose items count what the money is for ("₹18,500 crore for 97 engines, ₹12,300 crore
            # for six aircraft and ..."): tried only where the plain list does not match
            counted = f"(?:{_WORD_ITEM}|{_COUNT_OF_THINGS}){{0,9}}?"
            lists.append(f"@money (?:{counted}{sep}@money ){{{e.min - 1},{e.max - 1}}}")
        rx = lists[0] if len(lists) == 1 else "(?:" + "|".join(lists) + ")"
    elif kind == "punct":
        codes = set(e.punct or [])
        rx = "(?:" + "|".join(re.escape(c) for c in sorted(codes)) + ") "
    elif kind == "gap":
        item = {"words": _WORD_ITEM, "counted": _COUNTED_ITEM, "undated": _UNDATED_ITEM,
                "nodates": _NODATES_ITEM, "nodays": _NODAYS_ITEM, "phrase": _PHRASE_ITEM}.get(e.over, _GAP_ITEM)
        rx = f"{item}{{0,{e.gap}}}?"
        codes = set()
    elif kind == "clause":
        if e.clause not in ("skip", "open", "close", "next"):
            raise CompileError((*loc, "clause"), "clause: one of skip (step over an embedded clause), open "
                               "(enter one: its opening marker), close (its end), next (into the next "
                               "coordinated clause)")
        rx = {"skip": _CLAUSE + "?", "open": r"(?:\[\S* )?", "close": r"(?:\] )?", "next": r"(?:\| )?"}[e.clause]
        codes = set()
    else:
        alts = [_seq(alt, st, (*loc, "any", i), required=False) for i, alt in enumerate(e.any or [])]
        if not alts:
            raise CompileError((*loc, "any"), "any: needs at least one alternative")
        rx = "(?:" + "|".join(alts) + ")"
    if e.as_:
        rx = f"(?P<{st.group(e.as_)}>{rx})"
    if e.optional:
        rx = f"(?:{rx})?"
    elif required and codes and kind not in ("gap", "clause", "any"):
        st.required.append(frozenset(codes))
    return rx
