"""Arithmetic claims: stated percentage changes, differences and totals, recomputed from their operands.

Templates (each one flat regular expression over a sentence that holds figures):
- "7.5 percent, or 4.1 trillion won, higher than 54.6 trillion" (percent and amount of a change, base)
- "rose 7.5 percent to 58.7 trillion won from 54.6 trillion", "nearly a 40% increase from 2.5% to 3.5%",
  "from 2.5% to 3.5%, an increase of 40%" (percent change between two values)
- "58.7 trillion won, up 4.1 trillion won from 54.6 trillion" (amount of change between two values)
- "the €9.2 billion gap between €41.5 billion and €50.7 billion" (difference)
- "€41.5 billion and €9.2 billion, a total of €50.7 billion" (total)
Every figure stands for the interval it was rounded from; see :class:`ArithmeticClaim`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.extract.context import QUANTITIES, context_for, scan
from factcheck.extract.lexicon import lower_twin, may_hold
from factcheck.extract.lexicon import lowered as gate_text
from factcheck.extract.quantities import unit_present
from factcheck.model.document import Document, Span
from factcheck.model.facts import ArithmeticClaim

_HEDGE = (r"(?:about|around|roughly|approximately|some|an\sestimated|close\sto|nearly|almost|just\sunder|"
          r"just\sover|more\sthan|over|at\sleast|above|less\sthan|under|up\sto|as\smuch\sas)")
_CHANGE_NOUN = r"(?:increase|rise|jump|gain|hike|growth|decrease|drop|fall|cut|decline|reduction)"
_CHANGE_VERB = (r"(?:rose|rise|rises|increased|increase|increases|grew|grow|grows|climbed|climb|jumped|jump|"
                r"fell|fall|falls|dropped|drop|declined|decline|decreased|decrease|cut|raised|raise|lowered|"
                r"up|down|higher|lower|more|less)")


def _val(name: str) -> str:
    # the look-behind anchors a figure at the start of its digits: without it a run of digits would be
    # re-scanned from every position (quadratic)
    return (r"(?P<" + name + r"_sym>US\$|\$|¥|£|€|₩)?(?<![\d.,])(?P<" + name
            + r">\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
            r"(?:\s?(?P<" + name + r"_sc>trillion|billion|million|bn|mn)\b)?"
            r"(?:\s(?:won|yen|dollars|euros|pounds|yuan|rupees)\b)?"
            r"(?P<" + name + r"_pct>\s?(?:%|percent\b|per\scent\b|pct\b|percentage\spoints?\b))?")


_SKIP = r"(?:the\s|its\s|their\s|a\s)?(?:[a-z'’-]+\s){0,4}?"
TEMPLATES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("pct_abs_base", re.compile(
        r"(?:(?P<h>" + _HEDGE + r")\s)?" + _val("p") + r",?\s(?:or\s)?(?:(?P<h2>" + _HEDGE + r")\s)?" + _val("d")
        + r",?\s(?:(?:higher|more|up|larger|bigger|greater|lower|less|down|smaller)\s)?(?:than|from|over)\s"
        + _SKIP + _val("a"), re.IGNORECASE)),
    ("pct_noun_from_to", re.compile(
        r"(?:(?P<h>" + _HEDGE + r")\s)?(?:an?\s)?" + _val("p") + r"\s" + _CHANGE_NOUN + r"\b[^.;]{0,40}?\bfrom\s"
        + _SKIP + _val("a") + r"\sto\s" + _SKIP + _val("b"), re.IGNORECASE)),
    ("verb_pct_to", re.compile(
        r"\b" + _CHANGE_VERB + r"\s(?:by\s)?(?:(?P<h>" + _HEDGE + r")\s)?" + _val("p") + r"(?:\sfrom\s" + _SKIP
        + _val("a") + r")?\sto\s" + _SKIP + _val("b") + r"(?:,?\s(?:up\s|down\s)?from\s" + _SKIP + _val("a2") + r")?",
        re.IGNORECASE)),
    ("from_to_pct", re.compile(
        r"\bfrom\s" + _SKIP + _val("a") + r"\sto\s" + _SKIP + _val("b") + r"[^.;\d]{0,30}?\s(?:(?P<h>" + _HEDGE
        + r")\s)?(?:an?\s)?(?:" + _CHANGE_NOUN + r"\sof\s(?:(?P<h2>" + _HEDGE + r")\s)?" + _val("p") + r"|"
        + _val("p2") + r"\s" + _CHANGE_NOUN + r")", re.IGNORECASE)),
    ("value_up_from", re.compile(
        _val("b") + r",?\s(?:up|down)\s(?:by\s)?(?:(?P<h>" + _HEDGE + r")\s)?" + _val("d") + r"\s(?:from|on|over)\s"
        + _SKIP + _val("a"), re.IGNORECASE)),
    ("gap_between", re.compile(
        r"(?:(?P<h>" + _HEDGE + r")\s)?" + _val("d") + r"\s(?:gap|difference|shortfall|increase|rise|gain|drop|"
        r"decrease)\sbetween\s" + _SKIP + _val("a") + r"(?:\s(?:in|of|for)\s(?:[a-z-]+\s){0,2}?[a-z-]+)?\sand\s"
        + _SKIP + _val("b"), re.IGNORECASE)),
    ("total", re.compile(
        _val("a") + r"\sand\s" + _SKIP + _val("b") + r"[^.;\d]{0,40}?\b(?:a\stotal\sof|totall?ing|"
        r"a\scombined|in\stotal\sof|together\sworth|for\sa\stotal\sof)\s(?:(?P<h>" + _HEDGE + r")\s)?"
        + _val("t"), re.IGNORECASE)),
)
# where a match of each template can start (a superset: the template itself decides), so that a template
# is tried at those offsets only instead of at every offset of the sentence
_VAL_START = r"us\$|[$¥£€₩]|(?<![\d.,])\d"
_STARTS: dict[str, re.Pattern[str]] = {name: re.compile(p, re.IGNORECASE) for name, p in (
    ("pct_abs_base", _HEDGE + r"\s|" + _VAL_START),
    ("pct_noun_from_to", _HEDGE + r"\s|an?\s|" + _VAL_START),
    ("verb_pct_to", r"\b" + _CHANGE_VERB + r"\s"),
    ("from_to_pct", r"\bfrom\s"),
    ("value_up_from", _VAL_START),
    ("gap_between", _HEDGE + r"\s|" + _VAL_START),
    ("total", _VAL_START),
)}
_TWINS = {name: lower_twin(p) for name, p in TEMPLATES}
_STARTS_LOW = {name: lower_twin(p) for name, p in _STARTS.items()}


def _find(name: str, pattern: re.Pattern[str], text: str, low: str | None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))``: the case-sensitive twin tried only where a match can start, on
    the lowered text, each match then taken again from ``pattern`` (groups as written)."""
    if low is None:
        return list(pattern.finditer(text))
    out = [pattern.match(text, m.start()) for m in scan(_TWINS[name], _STARTS_LOW[name], low)]
    if None in out:  # cannot happen (the twin matches where the pattern does); never guess
        return list(pattern.finditer(text))
    return out  # type: ignore[return-value]
_CUE = re.compile(r"\b(?:higher|more|up|down|lower|less|gap|difference|shortfall|total|totall?ing|combined|"
                  r"increase|rise|rose|fell|drop|dropped|jump|jumped|from|grew|climbed|declined|cut)\b", re.IGNORECASE)
_CUE_WORDS = ("higher", "more", "up", "down", "lower", "less", "gap", "difference", "shortfall", "total", "combined",
              "increase", "rise", "rose", "fell", "drop", "jump", "from", "grew", "climbed", "declined", "cut")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_PERCENT = re.compile(r"\d\s?(?:%|percent|per\scent|pct)", re.IGNORECASE)
# words one of which a template needs, tested before running it
_GATES: dict[str, tuple[str, ...]] = {
    "pct_abs_base": (" than ", " from ", " over "),
    "pct_noun_from_to": ("from ",),
    "verb_pct_to": (" to ",),
    "from_to_pct": ("from ",),
    "value_up_from": (" up ", " down "),
    "gap_between": ("between ",),
    "total": ("total", "combined", "together"),
}
_SCALES = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "million": 1e6, "mn": 1e6}


@dataclass(frozen=True)
class _Num:
    value: float
    half: float  # half a unit of the last stated decimal, times the scale
    percent: bool
    points: bool
    scaled: bool
    text: str
    scale: float = 1.0


def _num(m: re.Match[str], name: str) -> _Num | None:
    raw = m.group(name)
    if raw is None:
        return None
    digits = raw.replace(",", "")
    decimals = len(digits.split(".", 1)[1]) if "." in digits else 0
    sc = m.group(name + "_sc")
    scale = _SCALES.get(sc.lower(), 1.0) if sc else 1.0
    pct = m.group(name + "_pct") or ""
    text = raw + pct if pct else raw + (" " + sc if sc else "")
    return _Num(float(digits) * scale, 0.5 * 10 ** (-decimals) * scale, bool(pct), "point" in pct.lower(),
                bool(sc), text, scale)


def _same_scale(*nums: _Num) -> list[_Num]:
    """Operands written without a scale word take the scale of the others ("from 54.6 to 58.7 trillion")."""
    scaled = [n for n in nums if n.scaled]
    if not scaled or all(n.scaled for n in nums):
        return list(nums)
    factor = scaled[0].scale
    return [n if n.scaled else _Num(n.value * factor, n.half * factor, n.percent, n.points, True, n.text, factor)
            for n in nums]


def _pct_change(a: _Num, b: _Num) -> tuple[float, float, float] | None:
    """|b/a - 1| in percent, with its rounding interval; None if a is zero or an interval crosses it."""
    a_lo, a_hi = a.value - a.half, a.value + a.half
    if a_lo <= 0:
        return None
    point = abs(b.value / a.value - 1) * 100
    lo, hi = (b.value - b.half) / a_hi - 1, (b.value + b.half) / a_lo - 1
    return point, *_abs_interval(lo * 100, hi * 100)


def _abs_interval(lo: float, hi: float) -> tuple[float, float]:
    if lo >= 0:
        return lo, hi
    if hi <= 0:
        return -hi, -lo
    return 0.0, max(-lo, hi)


def _stated(n: _Num, hedge: str | None) -> tuple[float, float]:
    s, h = n.value, n.half
    hedge = (hedge or "").lower()
    if hedge in ("about", "around", "roughly", "approximately", "some", "an estimated", "close to"):
        w = max(h, 0.05 * s)
        return s - w, s + w
    if hedge in ("nearly", "almost", "just under"):
        return min(s - h, 0.9 * s), s + h
    if hedge in ("more than", "over", "above", "just over"):
        return s, s * 100 + 100  # a bound is exact: "more than 8 percent" excludes 7.7
    if hedge == "at least":
        return s, s * 100 + 100
    if hedge in ("less than", "under", "up to", "as much as"):
        return 0.0, s
    return s - h, s + h


def _hedge_name(hedge: str | None) -> str:
    h = (hedge or "").lower()
    if not h:
        return "exact"
    if h in ("more than", "over", "at least", "above", "just over"):
        return "lower_bound"
    if h in ("less than", "under", "up to", "as much as"):
        return "upper_bound"
    return "approx"


def extract(doc: Document) -> list[ArithmeticClaim]:
    ctx = context_for(doc)
    out: list[ArithmeticClaim] = []
    for idx in ctx.for_family(QUANTITIES):
        sent = ctx.sentences[idx]
        text = doc.text[sent.start : sent.end]
        low = gate_text(text)
        if not unit_present(ctx, idx, text) or not (may_hold(low, _CUE_WORDS) and _CUE.search(text)):
            continue
        if len(_NUMBER.findall(text)) < 3 and not (may_hold(low, ("%", "cent", "pct")) and _PERCENT.search(text)):
            continue
        lowered = text.lower()
        taken: list[tuple[int, int]] = []
        for name, pattern in TEMPLATES:
            if not any(word in lowered for word in _GATES[name]):
                continue
            for m in _find(name, pattern, text, low):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                claim = _claim(name, m, sent.start, idx)
                if claim is not None:
                    taken.append((m.start(), m.end()))
                    out.append(claim)
    return out


def _claim(name: str, m: re.Match[str], base: int, idx: int) -> ArithmeticClaim | None:
    g = m.groupdict()
    hedge = g.get("h") or g.get("h2")
    if name == "pct_abs_base":
        p, d, a = _num(m, "p"), _num(m, "d"), _num(m, "a")
        if not (p and d and a) or not p.percent or p.points or d.percent or a.percent:
            return None
        d, a = _same_scale(d, a)
        if a.value - a.half <= 0:
            return None
        point = d.value / a.value * 100
        lo, hi = (d.value - d.half) / (a.value + a.half) * 100, (d.value + d.half) / (a.value - a.half) * 100
        return _make(m, base, idx, "percent_change", p, hedge, point, lo, hi, [d.value, a.value], "percent")
    if name in ("pct_noun_from_to", "verb_pct_to", "from_to_pct"):
        p = _num(m, "p") or (_num(m, "p2") if "p2" in g else None)
        a = _num(m, "a") or (_num(m, "a2") if "a2" in g else None)
        b = _num(m, "b")
        if not (p and a and b) or not p.percent or p.points or a.percent != b.percent:
            return None
        a, b = _same_scale(a, b)
        change = _pct_change(a, b)
        if change is None:
            return None
        return _make(m, base, idx, "percent_change", p, hedge, *change, [a.value, b.value], "percent")
    if name == "value_up_from":
        b, d, a = _num(m, "b"), _num(m, "d"), _num(m, "a")
        if not (b and d and a) or a.percent != b.percent:
            return None
        a, b = _same_scale(a, b)
        if d.percent and not d.points and not a.percent:
            change = _pct_change(a, b)
            if change is None:
                return None
            return _make(m, base, idx, "percent_change", d, hedge, *change, [a.value, b.value], "percent")
        if d.percent and a.percent and not d.points:
            return None  # "3.5%, up 1% from 2.5%": percent or percentage points? not checkable
        d = _same_scale(d, a)[0]
        return _difference(m, base, idx, d, a, b, hedge)
    if name == "gap_between":
        d, a, b = _num(m, "d"), _num(m, "a"), _num(m, "b")
        if not (d and a and b) or a.percent != b.percent or (d.percent and not d.points and a.percent):
            return None
        d, a, b = _same_scale(d, a, b)
        return _difference(m, base, idx, d, a, b, hedge)
    if name == "total":
        a, b, t = _num(m, "a"), _num(m, "b"), _num(m, "t")
        if not (a and b and t) or a.percent or b.percent or t.percent:
            return None
        a, b, t = _same_scale(a, b, t)
        point = a.value + b.value
        return _make(m, base, idx, "total", t, hedge, point, point - a.half - b.half, point + a.half + b.half,
                     [a.value, b.value], "amount")
    return None


def _difference(m: re.Match[str], base: int, idx: int, d: _Num, a: _Num, b: _Num,
                hedge: str | None) -> ArithmeticClaim:
    point = abs(b.value - a.value)
    lo, hi = _abs_interval(b.value - b.half - a.value - a.half, b.value + b.half - a.value + a.half)
    return _make(m, base, idx, "difference", d, hedge, point, lo, hi, [a.value, b.value],
                 "percentage_points" if a.percent else "amount")


def _make(m: re.Match[str], base: int, idx: int, relation: str, stated: _Num, hedge: str | None, point: float,
          lo: float, hi: float, operands: list[float], unit: str) -> ArithmeticClaim:
    s_lo, s_hi = _stated(stated, hedge)
    return ArithmeticClaim(
        span=Span(start=base + m.start(), end=base + m.end()),
        text=m.group(0),
        sentence=idx,
        relation=relation,  # type: ignore[arg-type]
        stated=float(f"{stated.value:.12g}"),
        stated_text=stated.text,
        computed=round(point, 6),
        computed_low=round(lo, 6),
        computed_high=round(hi, 6),
        stated_low=round(s_lo, 6),
        stated_high=round(s_hi, 6),
        operands=[float(f"{v:.12g}") for v in operands],
        unit=unit,
        hedge=_hedge_name(hedge),  # type: ignore[arg-type]
        computed_text=_display(point, stated, unit),
    )


def _display(value: float, like: _Num, unit: str) -> str:
    """``value`` in the scale of the stated figure, one decimal more than it was stated with."""
    decimals = len(like.text.split()[0].split(".", 1)[1].rstrip("%")) if "." in like.text.split()[0] else 0
    scaled = value / like.scale
    words = {1e12: " trillion", 1e9: " billion", 1e6: " million"}.get(like.scale, "")
    suffix = "%" if unit == "percent" else (" points" if unit == "percentage_points" else words)
    return f"{scaled:.{decimals + 1}f}{suffix}"
