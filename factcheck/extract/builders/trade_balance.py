"""A trade balance and its two flows told over neighbouring sentences: "For 2016, the goods and services deficit was
$502.3 billion. Exports were $2,209.4 billion ... Imports were $2,711.7 billion"; "Exports rose 3.5% to $252.6
billion in April. Imports fell 3.4% to $339.7 billion. The trade deficit narrowed to $87.1 billion".

Read over quantity facts: within four consecutive sentences, exactly one level of exports, one of imports and one
of the trade balance (a trade deficit or surplus, or a deficit or surplus in a sentence that says it is of trade
or of goods and services), in one currency and, where they name one, one period. The balance must be the gap of
the flows, within their rounding, and a deficit needs imports above exports. The flows are read from other
sentences than the balance, so the claim is an inference, at most a warning. One sentence holding all three is the
relation patterns' (``patterns/numbers``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from factcheck.extract.analysis import Analysis
from factcheck.extract.builders.figures import Figure, display
from factcheck.model.document import Span
from factcheck.model.facts import ArithmeticClaim, FactBase, Quantity

_WINDOW = 4  # the balance and its flows within four consecutive sentences
_BALANCE_CLAIMS = ("actual", "other", "forecast")
_BALANCES = {"trade deficit": "deficit", "trade surplus": "surplus"}
_PLAIN_BALANCES = {"deficit": "deficit", "surplus": "surplus"}
_OF_TRADE = re.compile(r"\b(?:trade|goods\sand\sservices|merchandise)\b", re.IGNORECASE)
_GOODS_AND_SERVICES = re.compile(r"\bgoods\sand\sservices\s(?:trade\s)?(?:deficit|surplus|gap)\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Level:
    q: Quantity
    fig: Figure  # the amount with its rounding interval, in base units
    period: str


def _level(q: Quantity, claims: tuple[str, ...] = ("actual", "other")) -> _Level | None:
    if q.unit != "currency" or q.claim_type not in claims or q.hedge != "exact":
        return None
    half = 0.5 * 10 ** (-q.decimals) * q.scale
    fig = Figure(q.value * q.scale, half, "money", q.currency, q.scale, q.decimals, q.text, q.span.start)
    parts = (q.subject_key or "").split("|")
    period = parts[3] if len(parts) > 3 else ""
    # "shrank 3.8 percent from May to June to $52.7 billion": the level is September's
    return _Level(q, fig, period.rsplit(" to ", 1)[-1])


_EXPECTED = re.compile(r"\b(?:expect\w*|forecast\w*|estimat\w*|consensus|poll\w*|predict\w*|projected)\b",
                       re.IGNORECASE)


def _expected(a: Analysis, q: Quantity) -> bool:
    """The figure is what was expected ("versus expectation of USD 89.3B", "Economists had expected the deficit
    would narrow to $61.0 billion"): a word of expectation before it in its sentence."""
    sent = a.sentences[q.sentence]
    return _EXPECTED.search(a.text[sent.start : q.span.start]) is not None


_PARTNER = re.compile(r"\b(?:with|against|vis-[àa]-vis|toward|towards)\s(?:the\s)?[A-Z]")


def _with_partner(a: Analysis, q: Quantity) -> bool:
    """The balance is with one partner ("a trade surplus with China of $3.2 billion", "its deficit with the United
    States"), not the difference of all exports and imports."""
    sent = a.sentences[q.sentence]
    return _PARTNER.search(a.text[sent.start : sent.end]) is not None


def _balance_kind(q: Quantity, a: Analysis) -> str | None:
    if q.subject == "total trade":
        return "total"  # "monthly two-way trade of US$87.3 billion, a record": the sum of the two flows
    if q.subject in _BALANCES:
        return _BALANCES[q.subject]
    sent = a.sentences[q.sentence]
    text = a.text[sent.start : sent.end]
    if q.subject in _PLAIN_BALANCES and _OF_TRADE.search(text):
        return _PLAIN_BALANCES[q.subject]
    if q.subject in ("services deficit", "services surplus") and _GOODS_AND_SERVICES.search(text):
        return q.subject.split()[1]  # "the goods and services deficit": the whole balance, not the services part
    return None


def _flows(window: list[Quantity], subject: str, period: str) -> list[_Level]:
    """The levels of one flow in the window: those of ``period`` if it is known and one of them has it, else those of
    that period or of none."""
    levels = [lv for x in window if x.subject == subject and (lv := _level(x)) is not None]
    if not period:
        return levels
    exact = [lv for lv in levels if lv.period == period]
    return exact if len(exact) == 1 else [lv for lv in levels if lv.period in ("", period)]


def _named_period(a: Analysis, q: Quantity, window: list[Quantity]) -> str:
    """The one period of the flows around ``q`` that ``q``'s own sentence names in words ("monthly two-way trade
    worth US$87.3 billion in June"), else ""."""
    sent = a.sentences[q.sentence]
    words = set(re.findall(r"[a-z]+", a.text[sent.start : sent.end].lower()))
    named = {lv.period for x in window if x.subject in ("exports", "imports") and (lv := _level(x)) is not None
             and lv.period and set(lv.period.split()) <= words}
    return named.pop() if len(named) == 1 else ""


def trade_balances(a: Analysis, facts: list[FactBase]) -> None:
    """Add an arithmetic claim for each trade balance whose flows the sentences around it give (in place)."""
    quantities = [f for f in facts if isinstance(f, Quantity)]
    if not any(q.subject in ("exports", "imports") for q in quantities):
        return
    done: set[int] = set()
    # a balance another reading already checks (the relation patterns' "That left a surplus of ...")
    claimed = [f for f in facts if isinstance(f, ArithmeticClaim)]
    by_sentence: dict[int, list[Quantity]] = {}
    for q in quantities:
        by_sentence.setdefault(q.sentence, []).append(q)
    for q in quantities:
        kind = _balance_kind(q, a)
        # a forecast word after the balance ("narrowed to $87.1 billion, against forecasts of $89.3 billion") makes the
        # quantity a "forecast"; one before it ("had expected") makes it one
        balance = _level(q, _BALANCE_CLAIMS) if kind and not _expected(a, q) and not _with_partner(a, q) else None
        if balance is None or id(q) in done or any(
                abs(c.sentence - q.sentence) < _WINDOW and (c.span.start <= q.span.start < c.span.end
                                                            or abs(c.stated - balance.fig.value) <= 1e-9 * balance.fig.value)
                for c in claimed):
            continue
        window = [x for s in range(q.sentence - _WINDOW + 1, q.sentence + _WINDOW) for x in by_sentence.get(s, [])]
        # flows of another period than the balance's ("... in March. ... in the first quarter ...") are others; a
        # balance with no period key takes the one its sentence names
        period = balance.period or _named_period(a, q, window)
        exports = _flows(window, "exports", period)
        imports = _flows(window, "imports", period)
        balances = [x for x in window if (k := _balance_kind(x, a)) and (k == "total") == (kind == "total")
                    and (lv := _level(x, _BALANCE_CLAIMS)) is not None
                    and not _expected(a, x) and (not period or lv.period in ("", period))]
        if len(exports) != 1 or len(imports) != 1 or len(balances) != 1:
            continue
        ex, im = exports[0], imports[0]
        if {ex.q.sentence, im.q.sentence} == {q.sentence}:
            continue  # one sentence: the relation patterns' reading
        if len({ex.q.currency, im.q.currency, q.currency}) != 1:
            continue
        periods = {p for p in (ex.period, im.period, balance.period) if p}
        if len(periods) > 1:
            continue
        done.add(id(q))
        facts.append(_claim(q, kind, balance, ex, im))  # type: ignore[arg-type]


def _claim(q: Quantity, kind: str, balance: _Level, ex: _Level, im: _Level) -> ArithmeticClaim:
    """The balance (or the total) the flows make, as a claim read from the sentences around ``q``."""
    e, i, b = ex.fig, im.fig, balance.fig
    where = sorted({ex.q.sentence, im.q.sentence} - {q.sentence})
    note = (f"the exports ({ex.q.text}) and imports ({im.q.text}) are read from "
            f"{'the sentence' if len(where) == 1 else 'the sentences'} around the {kind}")
    relation: Literal["total", "difference"]
    if kind == "total":  # "monthly two-way trade of US$87.3 billion, a record": the sum of the flows
        point, operands = e.value + i.value, [e.value, i.value]
        relation, said = "total", f"a total of {display(e.value + i.value, b, 'amount')}"
    else:
        point = i.value - e.value if kind == "deficit" else e.value - i.value
        way = kind if point >= 0 else ("surplus" if kind == "deficit" else "deficit")
        relation, said, operands = "difference", f"a {way} of {display(abs(point), b, 'amount')}", [i.value, e.value]
    return ArithmeticClaim(
        span=Span(start=q.span.start, end=q.span.end),
        text=q.text,
        sentence=q.sentence,
        relation=relation,
        stated=b.value,
        stated_text=q.text,
        computed=round(point, 6),
        computed_low=round(point - e.half - i.half, 6),
        computed_high=round(point + e.half + i.half, 6),
        stated_low=round(b.low, 6),
        stated_high=round(b.high, 6),
        operands=operands,
        unit="amount",
        computed_text=said,
        certainty="inferred",
        inferred=note,
        pattern=None,
    )
