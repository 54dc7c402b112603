"""Statistic claims: a stated current or past value of a known indicator, for a country and a year.

Read from the mention layer (percent, number, money, year, relative and country mentions) and the
clauses (tense, and the clause a figure is in). The indicators and their cue words, and the words that
make a figure a target, a request or a forecast, are data: ``sources/worldbank.yaml``.

A figure is a statistic claim when its clause (or a clause around it) names an indicator, a country
is named in the sentence, no target/request/forecast cue is in its clause or the clauses around it,
and the period is known: an explicit year ("in 2023"), a relative one ("last year"), or the present
tense and the publication date ("currently spends").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, cached_property

from factcheck.extract.analysis import Analysis
from factcheck.extract.clauses.segment import Clause, Sentence
from factcheck.extract.mentions.model import COUNTRY, MONEY, NUMBER, PERCENT, RELATIVE, YEAR, Mention
from factcheck.extract.quantities import _hedge as read_hedge
from factcheck.model.document import Span
from factcheck.model.facts import StatisticClaim

_FIGURE_TYPES = {"percent_of_gdp": PERCENT, "percent": PERCENT, "count": NUMBER, "usd": MONEY}
_GAP = r"(?:\W+[\w'%.,$-]+){0,8}?\W+"  # what "..." in a cue stands for: up to 8 words


@dataclass(frozen=True)
class IndicatorCues:
    id: str
    label: str
    unit: str
    patterns: tuple[re.Pattern[str], ...]
    gates: tuple[frozenset[str], ...]  # the words of each cue: a sentence without them all is skipped


@dataclass(frozen=True)
class Cues:
    indicators: tuple[IndicatorCues, ...]
    not_claim: tuple[re.Pattern[str], ...]

    @cached_property
    def gate_words(self) -> frozenset[str] | None:
        """Every word of every gate: a sentence with none of them passes no gate (None when a gate is
        empty: that one passes every sentence)."""
        gates = [g for ind in self.indicators for g in ind.gates]
        return None if not all(gates) else frozenset().union(*gates)

    def gated(self, words: frozenset[str]) -> bool:
        """Some indicator's cue has all its words in ``words``."""
        if self.gate_words is not None and self.gate_words.isdisjoint(words):
            return False
        return any(g <= words for ind in self.indicators for g in ind.gates)


def _cue_pattern(cue: str) -> re.Pattern[str]:
    parts = [r"\s+".join(re.escape(w) for w in p.split()) for p in cue.lower().split("...")]
    return re.compile(r"\b" + _GAP.join(p.strip() for p in parts if p.strip()) + r"\b")


@cache
def shipped_cues() -> Cues:
    """The cues of the shipped statistics source (``sources/worldbank.yaml``); none if it is absent."""
    from factcheck.enrich.config import SourceConfigError, load_sources

    try:
        cfg = load_sources().get("worldbank")
    except SourceConfigError:
        cfg = None
    if cfg is None:
        return Cues((), ())
    indicators = tuple(
        IndicatorCues(i.id, i.label, i.unit, tuple(_cue_pattern(c) for c in i.cues),
                      tuple(frozenset(re.findall(r"[a-z0-9]+", c.lower())) for c in i.cues))
        for i in cfg.indicators
    )
    words = [*cfg.claim_cues.target, *cfg.claim_cues.request, *cfg.claim_cues.forecast]
    return Cues(indicators, tuple(_cue_pattern(w) for w in words))


def extract(a: Analysis, cues: Cues | None = None) -> list[StatisticClaim]:
    cues = cues or shipped_cues()
    if not cues.indicators:
        return []
    out: list[StatisticClaim] = []
    for sent in a.sentences:
        out.extend(_sentence_claims(a, sent, cues))
    return out


def _clause_chain(sent: Sentence, index: int) -> list[Clause]:
    chain: list[Clause] = []
    seen: set[int] = set()
    current: int | None = index
    while current is not None and current not in seen and 0 <= current < len(sent.clauses):
        seen.add(current)
        chain.append(sent.clauses[current])
        current = sent.clauses[current].parent
    return chain


def _sentence_claims(a: Analysis, sent: Sentence, cues: Cues) -> Iterable[StatisticClaim]:
    text = a.text
    if "@country" not in sent.words or not cues.gated(sent.words):
        return []
    placed = [(it.mention, it.clause) for it in sent.items if it.mention is not None]
    # a code that is not a string is a resource-loading problem (YAML reads "NO" as false): not guessed
    countries = [(m, c) for m, c in placed if m.type == COUNTRY and isinstance(m.get("code"), str)]
    if not countries:
        return []
    out: list[StatisticClaim] = []
    figures_by_clause: dict[int, list[Mention]] = {}
    for m, c in placed:
        if m.type in (PERCENT, NUMBER, MONEY):
            figures_by_clause.setdefault(c, []).append(m)
    for clause_index, figures in figures_by_clause.items():
        chain = _clause_chain(sent, clause_index)
        clause = chain[0]
        clause_low = text[clause.start : clause.end].lower()
        if any(p.search(text[c.start : c.end].lower()) for c in chain for p in cues.not_claim):
            continue
        clause_countries = [m for m, c in countries if c == clause_index] or [m for m, _ in countries]
        clause_countries = list({m.get("code"): m for m in clause_countries}.values())
        paired = len(clause_countries) > 1 and len(clause_countries) == len(figures)
        for n, figure in enumerate(figures):
            indicator = _indicator(cues, clause_low, figure.start - clause.start, figure)
            if indicator is None:
                continue
            if paired:
                country = clause_countries[n]
            else:
                before = [m for m in clause_countries if m.start < figure.start]
                country = before[-1] if before else clause_countries[0] if len(clause_countries) == 1 else None
            if country is None:
                continue
            period = _period(a, sent, placed, clause_index, figure, clause)
            if period is None:
                continue
            claim = _claim(a, figure, indicator, country, period)
            if claim is not None:
                out.append(claim)
    return out


def _indicator(cues: Cues, clause_low: str, at: int, figure: Mention) -> IndicatorCues | None:
    """The indicator whose cue is nearest to the figure in its clause, of a unit the figure can be."""
    best: tuple[int, IndicatorCues] | None = None
    for ind in cues.indicators:
        if _FIGURE_TYPES[ind.unit] != figure.type:
            continue
        if ind.unit == "usd" and figure.get("currency") != "USD":
            continue
        if ind.unit == "percent_of_gdp" and "gdp" not in clause_low and "gross domestic product" not in clause_low:
            continue
        if ind.unit == "percent" and "gdp" in clause_low[at : at + 40] and "of gdp" in clause_low[at : at + 40]:
            continue  # "3% of GDP" is a share of GDP, not a rate
        for p in ind.patterns:
            for m in p.finditer(clause_low):
                distance = 0 if m.start() <= at <= m.end() else min(abs(at - m.start()), abs(at - m.end()))
                if best is None or distance < best[0]:
                    best = (distance, ind)
    return best[1] if best is not None and best[0] <= 80 else None


@dataclass(frozen=True)
class _Period:
    year: int
    source: str
    text: str | None


def _period(
    a: Analysis, sent: Sentence, placed: list[tuple[Mention, int]], clause_index: int, figure: Mention, clause: Clause
) -> _Period | None:
    published = a.doc.published
    years = [m for m, c in placed if m.type == YEAR and c == clause_index]
    if years:
        after = [m for m in years if m.start > figure.start]
        year = after[0] if after else years[-1]
        if year.first > 0 and a.tokens[year.first - 1].low in ("by", "until", "till"):
            return None  # "by 2027": a deadline
        value = int(year.get("year"))
        if published is not None and value > published.year:
            return None
        return _Period(value, "explicit", year.text)
    relatives = [m for m, c in placed if m.type == RELATIVE and c == clause_index and m.get("unit") == "year"]
    if relatives:
        rel = relatives[0]
        offset = int(rel.get("offset", 0))
        if published is None or offset > 0:
            return None
        return _Period(published.year + offset, "relative", rel.text)
    if clause.tense == "present" and published is not None:
        return _Period(published.year, "tense", None)
    return None


def _claim(a: Analysis, figure: Mention, ind: IndicatorCues, country: Mention, period: _Period) -> StatisticClaim | None:
    value = figure.get("amount") if figure.type == MONEY else figure.get("value")
    if value is None:
        return None
    decimals = int(figure.get("decimals", 0) or 0)
    scale = float(figure.get("scale", 1.0) or 1.0)
    hedge, _ = read_hedge(a.text[max(0, figure.start - 25) : figure.start])
    start = min(country.start, figure.start)
    end = max(country.end, figure.end)
    inferred = None
    if period.source != "explicit":
        inferred = f"the year {period.year} is implied by " + (
            f"'{period.text}'" if period.text else "the present tense and the publication date")
    return StatisticClaim(
        span=Span(start=figure.start, end=figure.end),
        text=figure.text,
        indicator=ind.id,
        indicator_label=ind.label,
        country=str(country.get("code")),
        country_name=_country_name(country.text),
        value=float(value),
        value_text=figure.text,
        unit=ind.unit,  # type: ignore[arg-type]
        decimals=decimals,
        scale=scale,
        hedge=hedge,  # type: ignore[arg-type]
        year=period.year,
        year_source=period.source,  # type: ignore[arg-type]
        period_text=period.text,
        certainty="certain" if inferred is None else "inferred",
        inferred=inferred,
        sentence=a.sentence_at(start).index if end >= start else 0,
    )


def _country_name(text: str) -> str:
    return text[:-2] if text.endswith(("'s", "’s")) else text
