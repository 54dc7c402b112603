"""Quantities: percentages ("2% of GDP", "3.5 percent of gross domestic product (GDP)", "two percent",
"2 pct") and money ("58.1 trillion won ($42 billion)", "¥512.6 billion", "£8.7 billion"), with the
hedge, subject, holder, claim type and attribution of each.

``subject_key = "<subject>|<holder folded>|<claim_type>[|<period>]"`` (e.g. "defense spending|japan|target"),
only when the subject is known; the holder is the country whose figure it is (nearest country cue
before the subject, else the document's main country). A money figure glossed in parentheses right
after another ("($42 billion)") is a conversion, not a second claim: it gets no subject.
"""

from __future__ import annotations

import bisect
import math
import re
from functools import cache

from factcheck.extract.attribution import AttributionCue, carried, classify
from factcheck.extract.context import QUANTITIES, Context, build_context
from factcheck.extract.lexicon import (
    COUNTRY_NAMES,
    NUMBER_WORD_RE,
    ci_finditer,
    lower_twin,
    lowered,
    may_hold,
    number_value,
)
from factcheck.extract.mentions.resources import lexicon, resource
from factcheck.model.document import Document, Span
from factcheck.model.facts import Quantity
from factcheck.model.keys import fold

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_LEXICON = lexicon()
# scale words and currency signs come from the lexicon, the one table the lexer reads too
_SCALES = _LEXICON.scales
# "lakh crore" (1e5 x 1e7) is one scale: "Rs 5.95 lakh crore" is 5.95e12 rupees
_SCALE = r"lakh\scrore|" + "|".join(re.escape(k) for k in sorted(_SCALES, key=len, reverse=True))
# currency signs and codes written before the amount, from the lexicon (longest first): the signs
# ("$", "US$", "₹") as they are, the codes ("PKR", "Rs") in their own case and as whole words
_SYMBOLS = dict(_LEXICON.currency_symbols)
# codes are letters ("PKR", "Rs."); signs hold a symbol ("$", "C$", "US$", "₹")
_CODES = sorted((k for k in _SYMBOLS if k.rstrip(".").isalpha()), key=len, reverse=True)
_SIGNS = sorted((k for k in _SYMBOLS if k not in _CODES), key=len, reverse=True)
# a sign is matched as written (after a word boundary when it starts with a letter, "C$"); the codes sit
# behind a cheap look-ahead (two or three letters, then the amount), so that their alternation is tried
# only where an amount follows letters, not at every word
_SYM_RE = "|".join(re.escape(k) if not k[0].isalpha() else r"\b(?-i:" + re.escape(k) + ")" for k in _SIGNS) \
    + r"|\b(?=[A-Za-z]{2,3}\.?\s?\d)(?-i:" + "|".join(re.escape(k) for k in _CODES) + ")"
# a currency letter written onto an amount that has a scale word ("N3.2 trillion", "P6.352-trillion"), as the lexer reads it
_LETTERS = _LEXICON.currency_letters
_LONG_SCALES = "|".join(re.escape(k) for k in sorted(_SCALES, key=len, reverse=True) if len(k) > 2)
_SHORT_SCALES = "|".join(re.escape(k) for k in sorted(_SCALES, key=len, reverse=True) if len(k) <= 2)
if _LETTERS:
    _SYM_RE += r"|\b(?-i:[" + "".join(re.escape(k) for k in _LETTERS) + r"])(?=(?:" + _NUM + r")(?:[\s-](?:" \
        + _LONG_SCALES + r")|(?:" + _SHORT_SCALES + r"))\b)"
    _SYMBOLS.update(_LETTERS)
# currency words written after the amount, from the lexicon ("4.8 billion pound", "7.9 billion baht")
_CURRENCY_WORDS = {**{k: v for k, v in _LEXICON.currency_words.items()}, "u.s. dollars": "USD", "us dollars": "USD"}
_CUR_RE = "|".join(re.escape(k).replace(r"\ ", r"\s") for k in sorted(_CURRENCY_WORDS, key=len, reverse=True))
QUANTITY_RE = re.compile(
    r"(?P<pnum>\b(?:" + _NUM + r")|\b" + NUMBER_WORD_RE + r")(?:\s|-)?(?P<punit>%|percent\b|per\scent\b|pct\b|pc\b|"
    r"percentage\spoints?\b)(?P<gdp>\sof\s(?:the\s)?(?:[\w'’.]+\s)?(?:GDP|gross\sdomestic\sproduct|economic\soutput|"
    r"national\sincome|GNI)\b(?:\s\(GDP\))?)?"
    r"|(?P<sym>" + _SYM_RE + r")\s?(?P<snum>" + _NUM + r")(?:(?:\s?|-(?=[a-z]{3}))(?P<sscale>" + _SCALE + r")\b)?"
    r"|(?P<wnum>\b(?:" + _NUM + r"))[\s-](?:(?P<wscale>trillion|billion|million|thousand)[\s-])?"
    r"(?P<cur>" + _CUR_RE + r")\b",
    re.IGNORECASE,
)
_WORD_CURRENCY = _CURRENCY_WORDS
_HEDGES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("upper_bound", re.compile(r"\b(?:as\smuch\sas|up\sto|as\shigh\sas|no\smore\sthan|at\smost|less\sthan|"
                               r"under|below|fewer\sthan|not\sexceeding)\s$", re.IGNORECASE)),
    ("lower_bound", re.compile(r"\b(?:more\sthan|at\sleast|over|above|upwards\sof|in\sexcess\sof|"
                               r"no\sless\sthan|exceeding)\s$", re.IGNORECASE)),
    ("approx", re.compile(r"\b(?:about|around|roughly|nearly|almost|approximately|some|close\sto|"
                          r"an\sestimated|estimated|just\sover|just\sunder|approx\.)\s$", re.IGNORECASE)),
)
SUBJECTS: tuple[tuple[str, re.Pattern[str]], ...] = tuple((s, re.compile(p, re.IGNORECASE)) for s, p in (
    ("defense spending", r"\b(?:defen[cs]e|military)\s(?:spending|budget|budgets|expenditures?|outlays?)\b"),
    ("deficit", r"\b(?:budget\s|fiscal\s)?deficits?\b"),
    ("debt", r"\b(?:public\s|government\s|national\s)?debt\b"),
    ("core inflation", r"\b(?:core|underlying)\s(?:consumer\s)?(?:inflation|prices|price\sinflation)\b"),
    ("inflation", r"\binflation\b"),
    ("economic growth", r"\b(?:economic\sgrowth|GDP\sgrowth|growth|economy\s(?:grew|expanded|shrank|contracted))\b"),
    ("unemployment", r"\b(?:unemployment|jobless)(?:\srate)?\b"),
    ("emissions", r"\b(?:greenhouse[\s-]gas\s|carbon\s|CO2\s)?emissions\b"),
    ("interest rate", r"\b(?:interest|policy)\srates?\b"),
    ("tariff", r"\btariffs?\b"),
    ("aid", r"\b(?:foreign|development|military)\said\b"),
    ("revenue", r"\b(?:tax\s)?revenues?\b"),
    ("trade surplus", r"\btrade\s(?:surplus|surpluses)\b"),
    ("trade deficit", r"\btrade\s(?:deficits?|gap)\b"),
    # the whole flow only ("exports rose", "the country's exports", "the value of exports", "exports for
    # September"), not a part of it ("car exports", "exports to China", "exports of cars")
    # both flows together ("China's imports and exports were valued ...", "total trade"): neither flow alone
    ("total trade", r"\b(?:imports\s(?:and|&)\sexports|exports\s(?:and|&)\simports|combined\simport\sand\sexport\svalue|"
                    r"total\s(?:foreign\s)?trade|foreign\strade|trade\svolume|(?<=['’]s\s)trade(?=\s(?:saw|rose|fell|grew|increased|decreased|declined|expanded|contracted|reached|totalled|totaled)\b))\b"),
    ("exports", r"(?:^|(?<=[.;:]\s)|(?<=,\s)|\b(?:total|overall|its|their|the|while|whereas|but|and|that|meanwhile|of|with|said|says|showed|shows|US|UK|EU)\s|U\.S\.\s|['’]s\s)exports\b(?!\s(?:of(?!\sgoods\sand\sservices\b)|to|from|by|for(?!\s(?:the\s)?(?:January|February|March|April|May|June|July|August|September|October|November|December|month|quarter|year|first|second|third|fourth))|and|&)\b)"),
    ("imports", r"(?:^|(?<=[.;:]\s)|(?<=,\s)|\b(?:total|overall|its|their|the|while|whereas|but|and|that|meanwhile|of|with|said|says|showed|shows|US|UK|EU)\s|U\.S\.\s|['’]s\s)imports\b(?!\s(?:of(?!\sgoods\sand\sservices\b)|to|from|by|for(?!\s(?:the\s)?(?:January|February|March|April|May|June|July|August|September|October|November|December|month|quarter|year|first|second|third|fourth))|and|&)\b)"),
    ("operating profit", r"\boperating\s(?:profit|income)\b"),
    ("net profit", r"\bnet\s(?:profit|income)\b"),
    ("health spending", r"\bhealth(?:care)?\s(?:spending|budget)\b"),
    ("budget", r"\b(?:the\s|annual\s|national\s|state\s)?budget\b"),
    ("spending", r"\bspending\b"),
    ("wages", r"\b(?:minimum\s)?wages?\b"),
))
CLAIM_CUES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("request", re.compile(r"\b(?:request(?:ed|s|ing)?|ask(?:ed|s|ing)|urg(?:ed|es|ing)|call(?:ed|s|ing)\son|"
                           r"demand(?:ed|s|ing)?|press(?:ed|es|ing)|push(?:ed|es|ing)\sfor|want(?:s|ed))\b",
                           re.IGNORECASE)),
    ("target", re.compile(r"\b(?:target|targets|goal|aim(?:s|ed)?|pledge[ds]?|commit(?:ted|ment|s)?|timeline|"
                          r"deadline|plans?\sto|planned|to\sraise|raising|benchmark|promise[ds]?|objective|"
                          r"(?:raise|increase|boost|lift|bring)\s(?:[\w'’]+\s){0,4}?to(?=\s(?:about\s|around\s|"
                          r"as\smuch\sas\s|at\sleast\s)?[\d$¥£€₩]))\b", re.IGNORECASE)),
    ("forecast", re.compile(r"\b(?:forecast(?:s|ed)?|projected|projections?|(?<!than\s)(?<!as\s)expected\sto|expects|estimates?|"
                            r"predict(?:ed|s)?|outlook|(?:will|would)\s(?:rise|fall|grow|reach|increase|decrease|"
                            r"total|amount|be|climb|drop|hit|top))\b",
                            re.IGNORECASE)),
    ("change", re.compile(r"\b(?:(?:rose|fell|increased|decreased|grew|climbed|dropped|declined|jumped|gained|"
                          r"slipped|cut|raised|lowered|up|down|rise|rises|fall|falls|grow|grows|increase|increases|"
                          r"decrease|decreases|climb|climbs)(?:\sby)?(?=\s(?:about\s|nearly\s|some\s)?[\d$¥£€₩])|"
                          r"(?:an?\s)?(?:increase|decrease|rise|drop|decline|cut|jump|gain|fall)\sof|"
                          r"higher|lower|more\sthan\sa\syear|year[\s-]on[\s-]year)\b", re.IGNORECASE)),
    ("actual", re.compile(r"\b(?:stood\sat|totals?|totaled|totalled|totaling|totalling|amounted\sto|amounts\sto|"
                          r"spent|reached|accounted\sfor|was|were|is|rose\sto|fell\sto|climbed\sto|grew\sto|"
                          r"dropped\sto|up\sfrom|down\sfrom|compared\swith|compared\sto|last\syear|"
                          r"a\syear\s(?:earlier|ago))\b", re.IGNORECASE)),
)
_BASELINE = re.compile(
    r"\b(?:from|than|compared\s(?:with|to)|versus|vs\.?|over|between|and)\s(?:the\s|a\s|last\syear['’]s\s|"
    r"(?:about|around|roughly|nearly)\s)?(?:US|A|C|HK|NZ)?[$¥£€₩]?$", re.IGNORECASE)
# the period a figure is for, as written near it ("in December", "for 2024", "in fiscal 2025", "last year"):
# part of the join key, so that one subject's values for two periods never count as one figure stated twice
_MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_PERIOD = re.compile(
    r"\b(?:(?:fiscal\s(?:year\s)?)?(?:19|20)\d\d(?:[-/–]['’]?\d\d)?|FY\s?\d{2,4}(?:[-/–]\d\d)?|"
    # a span of months is one period ("in the April to November 2017 period"), apart from the whole year
    + _MONTH + r"\s(?:to|through|-|–)\s" + _MONTH + r"(?:\s(?:19|20)\d\d)?|" + _MONTH + "|"
    r"(?:first|second|third|fourth)\squarter|Q[1-4]|(?:first|second)\shalf|H[12]|full[\s-]year|"
    r"(?:first|last)\s(?:three|six|nine)\smonths|(?:12|twelve)\smonths|(?:last|this|next|the\scurrent|the\sprevious|the\scoming)\s"
    r"(?:year|fiscal\syear|quarter|month)|the\syear|a\syear\s(?:earlier|ago|before))\b", re.IGNORECASE)


def _periods(text: str) -> tuple[list[int], list[str]]:
    """Starts and texts of the periods written in a sentence (one pass)."""
    low = lowered(text)
    found = ([(m.start(), m.group(0).lower()) for m in _PERIOD.finditer(text)] if low is None else
             [(m.start(), m.group(0)) for m in _PERIOD_LOW.finditer(low)])  # the twin's text is lower case
    return [p for p, _ in found], [t.replace("'", "").replace("’", "") for _, t in found]  # "2017-'18" is 2017-18


def _in_brackets(text: str, pos: int) -> bool:
    """Whether ``pos`` lies inside an open parenthesis of the sentence."""
    opened = text.rfind("(", 0, pos)
    return opened >= 0 and text.find(")", opened, pos) < 0


def _period(periods: tuple[list[int], list[str]], pos: int, figures: list[int] | None = None,
            text: str | None = None) -> str:
    """The period written nearest the figure at ``pos`` in its sentence ('' if none). A period after it with
    another figure between is that figure's ("lifting outlays to 2.8% of GDP from 2.4% this year": this year is
    the 2.4%'s), when ``figures`` (the starts of the sentence's figures) are given."""
    starts, texts = periods
    if not starts:
        return ""
    i = bisect.bisect_left(starts, pos)
    near = [j for j in (i - 1, i) if 0 <= j < len(starts)]
    if figures is not None and i < len(starts) and any(pos < f < starts[i] for f in figures):
        near = [j for j in near if j != i]
        if not near:
            return ""
    if text is not None and i < len(starts) and i - 1 in near and "(" in text[pos : starts[i]]:
        # "2023/24 debt of 91.6% (March forecast 92.4%)": a period in brackets after the figure is the bracket's
        near = [j for j in near if j != i]
    best = min(near, key=lambda j: abs(starts[j] - pos))
    found = texts[best]
    if text is not None and found in _MONTHS:
        # "the fourth quarter that ended in September", "the 12 months ended on September 30": the span that ends then
        span = _SPAN_ENDED.search(text, max(0, starts[best] - 45), starts[best])
        if span is not None:
            return f"{span.group(1).lower()} to {found}"
    if _PART_OF_YEAR.match(found):
        # "for FY27 ..., with Q1 at 4.1 per cent; ... Q4 at 3.6 per cent": a quarter is of the year its sentence names
        years = [j for j, t in enumerate(texts) if _A_YEAR.search(t)]
        if years:
            before = [j for j in years if starts[j] < pos]
            return f"{found} {texts[before[-1] if before else years[0]]}"
    return found


_SPAN_ENDED = re.compile(r"\b((?:first|second|third|fourth)\squarter|(?:first|second)\shalf|(?:12|twelve|nine|six|three)"
                         r"\smonths|year)\s(?:that\s|which\s)?(?:ended|ending|ends|to|through)\s(?:on\s|in\s)?$",
                         re.IGNORECASE)
_PART_OF_YEAR = re.compile(r"(?:q[1-4]|h[12]|(?:first|second|third|fourth)\squarter|(?:first|second)\shalf)$")
_A_YEAR = re.compile(r"(?:19|20)\d\d|\bfy\s?\d{2}")


# "beat analysts' forecasts", "above expectations", "short of estimates": the figure is the actual one
_BEATEN = re.compile(r"\b(?:beat|beats|beating|missed|misses|missing|topped|tops|topping|exceeded|exceeds|exceeding|"
                     r"surpassed|surpasses|above|below|ahead\sof|short\sof|shy\sof|in\sline\swith)\s"
                     r"(?:[\w'’]+\s){0,2}$", re.IGNORECASE)
# a level in apposition after its subject: "..., at ¥9.40 trillion," / "(at $4.1 billion)"
_AT_LEVEL = re.compile(r"[,(—–]\s*at\s(?:about\s|around\s|roughly\s|nearly\s|almost\s)?(?:US|A|C|HK|NZ)?[$¥£€₩]?$",
                       re.IGNORECASE)


def _beaten_forecasts(text: str, low: str | None, cues: dict[str, list[int]]) -> list[int]:
    """Forecast cues that a result beat or missed ("beat analysts' forecasts"): they are taken out of the
    forecast cues and returned; a figure before one is the actual value, a figure after one ("forecasts of
    $12.1 billion") is no claim of the text's own."""
    kept: list[int] = []
    beaten: list[int] = []
    for pos in cues["forecast"]:
        (beaten if _ci_search(_BEATEN, text, low, max(0, pos - 40), pos) else kept).append(pos)
    cues["forecast"] = kept
    return beaten


# a figure right before "to <figure>" is the size of a move (or one end of a range), not a level
_TO_LEVEL = re.compile(r"\s(?:to|-)\s(?:about\s|around\s|nearly\s|roughly\s|a\srecord\s)?(?:US|A|C|HK|NZ|Rs\.?|R)?[$¥£€₩₹]?\s?\d")


def is_move(text: str, end: int) -> bool:
    """The figure ending at ``end`` is followed by "to <figure>": the size of a move or one end of a range."""
    return _TO_LEVEL.match(text, end) is not None


_NEW_LEVEL = re.compile(r"\bto\s(?:about\s|around\s|nearly\s|roughly\s)?(?:US|A|C|HK|NZ)?[$¥£€₩]?$", re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:will|would|is\sexpected|are\sexpected|plans?|forecast|projected)\b", re.IGNORECASE)
_SIGN_END = re.compile(r"(?:US|A|C|HK|NZ)?[$¥£€₩]$")
# a verb of moving, what moved and "by" right before the figure: the figure is the size of the move
_BY_MOVE = re.compile(r"\b(?:cut|cuts|cutting|raised|raise|raises|raising|lowered|lower|lowers|lowering|hiked|hike|"
                      r"hikes|reduced|reduce|reduces|trimmed|trim|eased|ease|increased|decreased|slashed|slash|"
                      r"decrease|decreases|decline|declines|declined|fall|falls|fell|drop|drops|dropped|rise|rises|"
                      r"rose|grow|grows|grew|increase|increases|climb|climbs|climbed)\b"
                      r"(?:\s[\w'’-]+){0,6}\sby\s(?:about\s|around\s|nearly\s|some\s|a\s|an\s)?$", re.IGNORECASE)
_AIM_BEFORE = re.compile(r"\b(?:aims?|aimed|aiming|plans?|planned|pledged?|pledges|targets?|goal|commit\w*|promise\w*|"
                         r"seeks?|wants?|intends?|vows?|vowed)\b(?:\s(?:to|of))?\s$", re.IGNORECASE)
_TARGET_AFTER = re.compile(r"\s(?:[\w-]+\s)?(?:target|goal|benchmark|threshold)\b", re.IGNORECASE)
_FORECAST_VERBS = ("expect", "forecast", "project", "predict", "estimate", "sees", "see ")
_CLAUSE = re.compile(r",\s|;\s|\s[-–—]\s|\swhile\s|\swhereas\s|\sbut\s|\sand\s(?=\w+\s(?:said|says))")


def extract(doc: Document, ctx: Context | None = None) -> list[Quantity]:
    """The quantities facts of ``doc``; ``ctx`` is the document's trigger context when the caller built it
    (the pipeline builds one per document and hands it to every extractor)."""
    ctx = ctx if ctx is not None and ctx.doc is doc else build_context(doc)
    out: list[Quantity] = []
    for idx in ctx.for_family(QUANTITIES):
        sent = ctx.sentences[idx]
        out.extend(_sentence(ctx, idx, doc.text[sent.start : sent.end], sent.start))
    return out


# a word each claim cue needs ("actual" matches "is"/"was": not gated)
_CLAIM_GATES: dict[str, tuple[str, ...] | None] = {
    "request": ("request", "ask", "urg", "call", "demand", "press", "push", "want"),
    "target": ("target", "goal", "aim", "pledge", "commit", "timeline", "deadline", "plan", "rais", "benchmark",
               "promise", "objective", "increase", "boost", "lift", "bring"),
    "forecast": ("forecast", "project", "expect", "estimate", "predict", "outlook", "will", "would"),
    "change": ("rose", "fell", "increase", "decrease", "grew", "climb", "drop", "declin", "jump", "gain", "slipped",
               "cut", "rais", "lower", "up", "down", "rise", "fall", "grow", "higher", "more", "year"),
    "actual": None,
}


_PERIOD_LOW = lower_twin(_PERIOD)
_TWIN = {p: lower_twin(p) for p in (_BASELINE, _NEW_LEVEL, _FUTURE, _BEATEN, _AT_LEVEL, *(p for _, p in _HEDGES))}
_QUANTITY_LOW = lower_twin(QUANTITY_RE)
# where a match of the twin can start (a superset, for ``scan``): a digit, a sign, a sign written with
# letters ("us$"), a currency code before its amount ("pkr 5"), a number word
_QUANTITY_START = re.compile(
    "[" + "".join(sorted({re.escape(k[0]) for k in _SIGNS if not k[0].isalpha()})) + r"\d]|\b(?:"
    + "|".join(re.escape(k.lower()) for k in _SIGNS if k[0].isalpha()) + r"|[a-z]{2,3}\.?\s?\d|" + NUMBER_WORD_RE
    # a currency letter written onto its amount ("n3.2 trillion" in the twin's lower case)
    + ("|[" + "".join(re.escape(k.lower()) for k in _LETTERS) + r"]\d" if _LETTERS else "") + ")"
)
_CLAIM_LOW = {name: lower_twin(p) for name, p in CLAIM_CUES}
_SUBJECTS_LOW = {name: lower_twin(p) for name, p in SUBJECTS}


_OPEN_QUOTES = ('"', "“")
_CLOSE_QUOTES = ('"', "”")
_QUOTE_MARKS = ('"', "“", "”")
_QUOTE_REACH = 3  # sentences a quotation may run on before its attribution


def _quote_attribution(ctx: Context, idx: int, text: str) -> AttributionCue | None:
    """A sentence that opens a quotation it does not close takes the attribution written after the
    quotation closes, a few sentences on ("'The budget includes $25 billion ... attacks,' an official
    told reporters.")."""
    stripped = text.lstrip()
    if not stripped.startswith(_OPEN_QUOTES) or sum(stripped.count(q) for q in _QUOTE_MARKS) > 1:
        return None  # no quotation, or one the sentence closes itself
    doc = ctx.doc.text
    for j in range(idx + 1, min(idx + 1 + _QUOTE_REACH, len(ctx.sentences))):
        nxt = doc[ctx.sentences[j].start : ctx.sentences[j].end]
        if nxt.lstrip().startswith(_OPEN_QUOTES):
            return None  # another quotation opens: the first one was closed unseen
        close = max(nxt.rfind(q) for q in _CLOSE_QUOTES)
        if close >= 0:
            return classify(nxt[close + 1 :])
    return None


def _previous(ctx: Context, idx: int) -> str | None:
    """The text of the sentence before sentence ``idx`` (None for the first)."""
    if idx <= 0:
        return None
    prev = ctx.sentences[idx - 1]
    return ctx.doc.text[prev.start : prev.end]


def _sentence(ctx: Context, idx: int, text: str, base: int) -> list[Quantity]:
    low = lowered(text)
    # the twin is tried only where a figure can start: cheaper than a pre-scan of the sentence for a unit
    matches = ci_finditer(QUANTITY_RE, _QUANTITY_LOW, text, low, _QUANTITY_START)
    if not matches:
        return []
    attribution = classify(text) or _quote_attribution(ctx, idx, text) or carried(_previous(ctx, idx), text)
    cues = ctx.holder_cues(idx)
    subjects = _subjects(text)
    ends = [x[1] for x in subjects]
    claim_cues = {name: [m.start() for m in (pattern.finditer(text) if low is None else _CLAIM_LOW[name].finditer(low))]
                  if _CLAIM_GATES[name] is None or may_hold(low, _CLAIM_GATES[name]) else []  # type: ignore[arg-type]
                  for name, pattern in CLAIM_CUES}
    beaten = _beaten_forecasts(text, low, claim_cues) if claim_cues["forecast"] else []
    fallback_claim = next((name for name, _ in CLAIM_CUES[:3] if claim_cues[name]), "other")
    out: list[Quantity] = []
    keys_seen: set[tuple[str, str]] = set()
    periods: tuple[list[int], list[str]] | None = None
    forecasters: list[tuple[int, str]] | None = None
    prev_money_end = -10
    figure_starts = [m.start() for m in matches]
    for m in matches:
        parsed = _value(m)
        if parsed is None:
            continue
        value, unit, currency, scale, num_text = parsed
        start = m.start()
        if m.group("sym") or m.group("cur"):
            glossed = 0 <= start - prev_money_end <= 3 and text[prev_money_end:start].strip() in ("(", "(about", "")
            prev_money_end = m.end()
        else:
            glossed = False
        hedge, hedge_text = _hedge(text[max(0, start - 25) : start])
        subject = None if glossed else _qualified(text, _subject(subjects, ends, start, m.end(), text), start)
        holder = _holder(ctx, cues, subject[1]) if subject else None
        claim = _claim_type(text, start, m.end(), claim_cues, fallback_claim)
        if claim == "other" and _ci_search(_AT_LEVEL, text, low, max(0, start - 30), start):
            claim = "actual"  # "Japan's defence budget for fiscal 2026, at ¥9.40 trillion, ...": a level, in apposition
        elif claim in ("other", "forecast") and any(0 < p - m.end() <= 60 for p in beaten):
            claim = "actual"  # "Revenue of $12.4 billion for the quarter beat analysts' forecasts"
        if subject and _compared_level(text, subject[1], start):
            subject = None  # "well below the inflation rate of 9.1%": a comparison point, no claim about the subject
        elif claim == "other" and subject and _named_level(text, subject[1], start):
            claim = "actual"  # "the June jobless rate of 4.4 per cent": a definite phrase naming the subject's level
        holder_name = COUNTRY_NAMES.get(holder) if holder else None
        org = _org_possessor(text, subject[1]) if subject else None
        if org is not None:
            holder_name = org  # "Nato's annual defence spending target": the alliance's figure, not the country's
        if claim != "change" and _TO_LEVEL.match(text, m.end()):
            claim = "change"  # "an increase in the goods deficit of $9.3 billion to $80.9 billion": the move, not a level
        elif claim != "change" and (move := _BY_MOVE.search(text, max(0, start - 80), start)) is not None \
                and not _AIM_BEFORE.search(text, max(0, move.start() - 30), move.start()):
            # "voted to lower its key rate by 0.50%": the size of the move ("aims to cut emissions by
            # 46%" stays a target)
            claim = "change"
        if _ci_search(_BASELINE, text, low, max(0, start - 40), start):
            claim = "actual"
            subject = None  # a comparison point ("from 54.6 trillion won"), not a claim about the subject now
        elif claim == "change" and _ci_search(_NEW_LEVEL, text, low, max(0, start - 12), start):
            claim = "forecast" if _ci_search(_FUTURE, text, low, max(0, start - 120), start) else "actual"
        # a figure joins others as a level (a target, a forecast, an actual value), not as a change or an
        # unclassified mention: "down $1.5 billion" and "up $1.9 billion" are two periods' changes
        if periods is None:
            periods = _periods(text)
        period = _period(periods, start, figure_starts, text) if subject else ""
        claim_part = claim
        if subject and claim == "forecast":
            if forecasters is None:
                forecasters = _forecasters(text) if may_hold(low, _FORECAST_VERBS) else []
            who = _forecaster(forecasters, start)
            claim_part = f"forecast~{who}" if who else claim
        if subject and claim == "change" and period and unit == "percent":
            # "exports rose 8.3% y/y in September": a change is one figure only with its subject, period and base
            measured_from = _change_base(text, m.end())
            claim_part = f"change~{measured_from}" if measured_from else ""
        key = (f"{subject[0]}|{fold(holder_name) if holder_name else ''}|{claim_part}" + (f"|{period}" if period else "")
               if subject and (claim not in ("change", "other") or claim_part.startswith("change~")) else None)
        if key is not None and _in_brackets(text, start):
            key = None  # "debt of 91.6% (March forecast 92.4%)": an aside comparing another estimate, not a restatement
        if key is not None and (key, unit) in keys_seen:
            key = None  # one sentence relates its figures (a change, a gap); it does not restate one
        elif key is not None:
            keys_seen.add((key, unit))
        out.append(Quantity(
            span=Span(start=base + start, end=base + m.end()),
            text=m.group(0),
            sentence=idx,
            value=value,
            unit=unit,
            currency=currency,
            scale=scale,
            subject=subject[0] if subject else None,
            subject_key=key,
            holder=holder_name,
            claim_type=claim,  # type: ignore[arg-type]
            hedge=hedge,  # type: ignore[arg-type]
            hedge_text=hedge_text,
            attribution=attribution.attribution if attribution else "none",  # type: ignore[arg-type]
            attribution_cue=attribution.cue if attribution else None,
            attributed_to=attribution.who if attribution else None,
            decimals=len(num_text.split(".", 1)[1]) if "." in num_text else 0,
        ))
    return out


def _value(m: re.Match[str]) -> tuple[float, str, str | None, float, str] | None:
    if m.group("pnum"):
        num = m.group("pnum")
        value = number_value(num)
        if value is None:
            return None
        unit_word = m.group("punit").lower()
        unit = "percent_of_gdp" if m.group("gdp") else ("percentage_points" if "point" in unit_word else "percent")
        return value, unit, None, 1.0, num
    if m.group("sym"):
        sym = m.group("sym")
        num, scale_word, currency = m.group("snum"), m.group("sscale"), _SYMBOLS.get(sym) or _SYMBOLS.get(sym.upper())
    else:
        num, scale_word = m.group("wnum"), m.group("wscale")
        currency = _WORD_CURRENCY.get(" ".join(m.group("cur").lower().split()))
    value = number_value(num)
    if value is None:
        return None
    scale = _scale(scale_word) if scale_word else 1.0
    return value, "currency", currency, scale, num.replace(",", "")


def _scale(word: str) -> float:
    """The multiplier a scale word stands for ("bn", "lakh", "lakh crore")."""
    return math.prod(_SCALES.get(w, 1.0) for w in word.lower().split())


def _hedge(before: str) -> tuple[str, str | None]:
    before = _SIGN_END.sub("", before)
    low = lowered(before)
    for name, pattern in _HEDGES:
        m = pattern.search(before) if low is None else _TWIN[pattern].search(low)
        if m:
            return name, before[m.start() : m.end()].strip()
    return "exact", None


def _ci_search(pattern: re.Pattern[str], text: str, low: str | None, lo: int, hi: int) -> bool:
    """``bool(pattern.search(text[lo:hi]))`` for an IGNORECASE pattern, by its twin on the lowered text."""
    if low is None:
        return pattern.search(text[lo:hi]) is not None
    return _TWIN[pattern].search(low[lo:hi]) is not None


# a word (lower case) each subject pattern needs; a pattern is skipped when its sentence holds none of
# them. Only ASCII text is gated: under IGNORECASE "ſ", "K" (Kelvin), "ı" and "İ" match ASCII letters.
_SUBJECT_GATES: dict[str, tuple[str, ...]] = {
    "defense spending": ("spending", "budget", "expenditure", "outlay"),
    "deficit": ("deficit",),
    "debt": ("debt",),
    "core inflation": ("core", "underlying"),
    "inflation": ("inflation",),
    "economic growth": ("growth", "economy"),
    "unemployment": ("unemployment", "jobless"),
    "emissions": ("emissions",),
    "interest rate": ("rate",),
    "tariff": ("tariff",),
    "aid": ("aid",),
    "revenue": ("revenue",),
    "trade surplus": ("surplus",),
    "trade deficit": ("deficit", "gap"),
    "total trade": ("exports", "trade"),
    "exports": ("exports",),
    "imports": ("imports",),
    "operating profit": ("operating",),
    "net profit": ("net",),
    "health spending": ("health",),
    "budget": ("budget",),
    "spending": ("spending",),
    "wages": ("wage",),
}
def _subjects(text: str) -> list[tuple[int, int, str]]:
    """(start, end, subject) of every subject phrase in a sentence, by end offset."""
    low = lowered(text)
    found = [(m.start(), m.end(), name) for name, pattern in SUBJECTS if may_hold(low, _SUBJECT_GATES[name])
             for m in (pattern.finditer(text) if low is None else _SUBJECTS_LOW[name].finditer(low))]
    found.sort(key=lambda x: (x[1], -x[0]))
    return found


_CLAUSE_BREAK = re.compile(r"[,;]\s")


def _subject(subjects: list[tuple[int, int, str]], ends: list[int], start: int, end: int,
             text: str | None = None) -> tuple[str, int] | None:
    """(normalised subject, offset) nearest before the figure in its sentence, else just after it in its clause (not
    across a comma: "Sales rose to $18.7 billion, the company said, with operating profit beating ...")."""
    i = bisect.bisect_right(ends, start) - 1
    if i >= 0 and start - subjects[i][1] <= 160:
        # among phrases ending at the same offset, prefer the most specific (listed first in SUBJECTS)
        same = [s for s in subjects[max(0, i - 4) : i + 1] if s[1] == subjects[i][1]]
        best = min(same, key=lambda s: _ORDER[s[2]])
        return best[2], best[0]
    j = bisect.bisect_right(ends, end)
    for s in subjects[j : j + 5]:
        if s[0] >= end and s[0] - end <= 60:
            # not across a comma, nor into the next coordinated clause ("exports rose to $203 billion and imports
            # climbed ...": the imports are the next figure's)
            return (s[2], s[0]) if text is None or not (_CLAUSE_BREAK.search(text, end, s[0])
                                                        or _AND_BEFORE.search(text, end, s[0])) else None
    return None


_AND_BEFORE = re.compile(r"\b(?:and|while|whereas|but)\s")


_ORDER = {name: i for i, (name, _) in enumerate(SUBJECTS)}
_WORD_BEFORE = re.compile(r"(?<![\w'’-])([A-Za-z][a-z-]*)\s+$")


@cache
def _change_bases() -> tuple[tuple[str, re.Pattern[str]], ...]:
    raw = resource("subjects")["change_bases"]
    return tuple((base, re.compile(r"\s*(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
                                   + r")\b", re.IGNORECASE)) for base, words in raw.items())


def _change_base(text: str, end: int) -> str | None:
    """The base a percentage change ending at ``end`` names right after it ("8.3% y/y", "2.1% from the previous
    month"), past a period or a closing word or two ("8.3% in September from a year earlier"); None if none."""
    after = text[end : end + 60]
    skip = re.match(r"(?:\s+(?:in|for|during)\s+[A-Z][a-z]+\.?(?:\s\d{4})?)?", after)
    rest = after[skip.end() if skip else 0 :]
    for base, pattern in _change_bases():
        if pattern.match(rest) or pattern.match(after):
            return base
    return None


@cache
def _subject_words() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    raw = resource("subjects")
    return frozenset(raw["parts"]), {k: frozenset(v) for k, v in (raw.get("competing") or {}).items()}


def _qualified(text: str, subject: tuple[str, int] | None, start: int) -> tuple[str, int] | None:
    """``subject`` as the figure at ``start`` has it: with the word before the phrase that names a part of the
    thing ("goods deficit"), or None when a head naming another thing of its kind ("the surplus in
    services") stands between the phrase and the figure (``resources/en/subjects.yaml``)."""
    if subject is None:
        return None
    name, at = subject
    parts, competing = _subject_words()
    rivals = competing.get(name)
    if rivals and at < start:
        between = text[at:start].lower().split()[1:]
        if any(w.strip(".,;:()") in rivals for w in between):
            return None
    m = _WORD_BEFORE.search(text, max(0, at - 40), at) if at < start else None  # "a $1.2 trillion deficit": no
    if m and m.group(1).lower() in parts and not name.startswith(m.group(1).lower()):
        return f"{m.group(1).lower()} {name}", at
    seg = _SEGMENT.search(text)
    if seg is not None:
        # "sales at the Home Devices segment": a segment's figure, not the company's
        return f"{name} of {seg.group(1).lower()}", at
    return subject


# a business segment the sentence is about ("the Home Devices segment")
_SEGMENT = re.compile(r"\b([A-Z][\w&-]*(?:\s(?:and\s|&\s)?[A-Z][\w&-]*){0,5})\s(?:business\s)?(?:segment|division)\b")


# "the June jobless rate of 4.4%", "Norland's inflation rate of 3.1%": the subject phrase (one or two words) right
# before "of" or "at" and its figure, after a determiner or a possessive over at most two words
_LEVEL_OF = re.compile(r"[\w-]+(?:\s[\w-]+)?\s(?:of|at)\s$")
_DEFINITE_BEFORE = re.compile(r"(?:^|(?:^|[,;:]|\b(?:said|says|say|that|told|showed|shows|noted|added))\s)"
                              r"((?:the|its|their|[\w.-]+['’]s)\s(?:[\w-]+\s){0,2})$", re.IGNORECASE)
# words that may stand between the determiner and the subject phrase: a period or a word that names no other value
_MONTHS = frozenset(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                     "november", "december"])
_LEVEL_WORDS = frozenset(["the", "its", "their", "headline", "overall", "official", "annual", "monthly", "quarterly",
                          "first-quarter", "second-quarter", "third-quarter", "fourth-quarter", "first-half",
                          "second-half", "full-year"])


@cache
def _not_the_level() -> frozenset[str]:
    """Words in such a phrase that make its figure another value of the subject than the level ("the previous
    jobless rate of 4.6%", "the forecast inflation rate of 3%") or one supposed ("a target")."""
    raw = resource("restatement")
    return frozenset(str(w) for w in [*(raw.get("contrasts") or ()), *(raw.get("forecast_words") or ()),
                                      *(raw.get("identity_blockers") or ())])


_COMPARED_BEFORE = re.compile(r"\b(?:below|above|than|from|under|over|versus|exceeding|beneath|beat|beats|missed|"
                              r"topped|surpassed)\s(?:the|its|their|[\w.-]+['’]s)\s(?:[\w-]+\s){0,2}$", re.IGNORECASE)


def _compared_level(text: str, at: int, start: int) -> bool:
    """The figure at ``start`` ends "<comparison> the <subject> of|at" ("well below the inflation rate of 9.1%")."""
    return 0 <= start - at <= 40 and _LEVEL_OF.fullmatch(text, at, start) is not None \
        and _COMPARED_BEFORE.search(text, max(0, at - 50), at) is not None


def _named_level(text: str, at: int, start: int) -> bool:
    """The figure at ``start`` follows "<the|a possessive> <up to two words> <subject> of|at", the subject phrase
    starting at ``at``: a definite noun phrase that states the subject's level."""
    if not 0 <= start - at <= 40 or _LEVEL_OF.fullmatch(text, at, start) is None:
        return False
    m = _DEFINITE_BEFORE.search(text, max(0, at - 40), at)
    if m is None:
        return False
    lead = m.group(1).lower().split()
    if any(not (w in _LEVEL_WORDS or w in _MONTHS or w.endswith(("'s", "’s")) or re.fullmatch(r"(?:19|20)\d\d", w))
           for w in lead):
        return False  # "the peak inflation rate of 9.1%": another value of the subject
    return not any(w in _not_the_level() for w in text[at:start].lower().split())


# an organisation's possessive right before a subject ("Nato's annual defence spending", "the IMF's deficit")
_ORG_POSSESSOR = re.compile(r"\b(?P<org>[A-Z][A-Za-z.&]*[A-Z][A-Za-z.&]*|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2})['’]s\s"
                            r"(?:[a-z-]+\s){0,2}$")


def _org_possessor(text: str, at: int) -> str | None:
    """The body of many countries (``organisations`` in subjects.yaml) whose subject the figure is, when its
    possessive opens the subject's phrase; None otherwise."""
    m = _ORG_POSSESSOR.search(text, max(0, at - 60), at)
    if m is None:
        return None
    org = m.group("org")
    return org if org in _organisations() else None


@cache
def _organisations() -> frozenset[str]:
    return frozenset(resource("subjects").get("organisations") or ())


def _holder(ctx: Context, cues: list[tuple[int, str]], at: int) -> str | None:
    before = [c for o, c in cues if o <= at]
    if before:
        return before[-1]
    if cues:
        return cues[0][1]
    return ctx.dominant_country()


# who makes a forecast, as the subject of its verb ("The IMF expects", "Analysts forecast", "the central bank now
# sees"): two forecasters' figures for one subject and period are two claims, not one figure stated twice
_FORECASTER = re.compile(r"(?:^|[,;:]\s|\b(?:while|whereas|but|and|than)\s)(?P<who>(?:the\s)?[\w.&'’-]+(?:\s[\w.&'’-]+){0,3}?)"
                         r"\s(?:now\s|also\s|still\s)?(?:expects?|forecasts?|projects?|predicts?|estimates?|sees)\b",
                         re.IGNORECASE)
_NO_FORECASTER = frozenset(["it", "they", "he", "she", "we", "i", "you", "which", "that", "who", "this", "one"])
# a word before the verb that makes it passive or a noun ("inflation is forecast to", "the IMF's latest forecast")
_NOT_A_SUBJECT_END = frozenset(["is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will",
                                "would", "a", "an", "the", "its", "their", "his", "her", "our", "latest", "new",
                                "own", "previous", "earlier", "revised", "central", "base", "official"])


def _forecasters(text: str) -> list[tuple[int, str]]:
    """Where each named forecaster's verb ends in the sentence, and who it is (lower case, without "the")."""
    out: list[tuple[int, str]] = []
    for m in _FORECASTER.finditer(text):
        who = m.group("who").lower()
        for lead in ("and ", "but ", "while ", "whereas ", "than ", "the "):
            who = who[len(lead):] if who.startswith(lead) else who
        last = who.rsplit(" ", 1)[-1]
        if who not in _NO_FORECASTER and not any(ch.isdigit() for ch in who) and last not in _NOT_A_SUBJECT_END \
                and not last.endswith(("'s", "’s")):
            out.append((m.end(), who))
    return out


def _forecaster(found: list[tuple[int, str]], start: int) -> str | None:
    """The forecaster whose verb comes last before the figure at ``start``."""
    before = [who for end, who in found if end <= start]
    return before[-1] if before else None


def _claim_type(text: str, start: int, end: int, cues: dict[str, list[int]], fallback: str) -> str:
    after = text[end : end + 25]
    if _TARGET_AFTER.match(after):
        return "target"
    lo, hi = _clause(text, start, end)
    for name, _ in CLAIM_CUES:
        positions = cues[name]
        i = bisect.bisect_left(positions, lo)
        if i < len(positions) and positions[i] < hi:
            return name
    return fallback


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    lo = max(0, start - 200)
    for m in _CLAUSE.finditer(text, lo, start):
        lo = m.end()
    nxt = _CLAUSE.search(text, end, end + 200)
    hi = nxt.start() if nxt else min(len(text), end + 200)
    return lo, hi
