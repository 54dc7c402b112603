"""Statistic claims -> World Bank series -> ``reference_statistic`` facts, one document at a time.

Each ``statistic_claim`` is answered by one ``reference_statistic``: the source's value for the
claim's country, indicator and year (for a year implied by the present tense, the latest year with
data up to two years back, as statistics lag), the stated interval (half a unit of the last stated
decimal, widened or bounded by the hedge, as ``numbers.arithmetic-mismatch`` reads figures), whether
they agree, and the time the series was fetched. A failed look-up is a ``failed``/``offline`` status
and a document note, never a document error.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

from factcheck.enrich import EnrichResult
from factcheck.enrich.errors import SourceError
from factcheck.enrich.http.deadline import Deadline
from factcheck.enrich.times import fetched_time
from factcheck.enrich.worldbank.client import WorldBankClient
from factcheck.model.document import Document
from factcheck.model.facts import FactBase, ReferenceStatistic, StatisticClaim
from factcheck.model.findings import LOOKUP_FAILED, Note

UNBOUNDED = 1e18
TENSE_LOOKBACK = 2


def stated_interval(claim: StatisticClaim) -> tuple[float, float, float]:
    """(low, high, half-unit): the values the stated figure admits, and half its last stated unit."""
    value = claim.value
    if claim.unit in ("count", "usd"):
        digits = claim.decimals
        unit = claim.scale * 10.0**-digits
        whole = round(value)
        if claim.scale == 1.0 and whole == value and whole != 0:  # 125,000,000: trailing zeros are rounding
            zeros = len(str(int(abs(whole)))) - len(str(int(abs(whole))).rstrip("0"))
            unit = 10.0**zeros
        half = unit / 2
    else:
        half = 0.5 * 10.0**-claim.decimals
    low, high = value - half, value + half
    if claim.hedge == "approx":
        low, high = min(low, value * 0.95), max(high, value * 1.05)
    elif claim.hedge == "upper_bound":
        low = -UNBOUNDED
    elif claim.hedge == "lower_bound":
        high = UNBOUNDED
    return low, high, half


def written_like(value: float, claim: StatisticClaim) -> str:
    if claim.unit in ("percent", "percent_of_gdp"):
        return f"{value:.{max(claim.decimals, 1)}f}%"
    if claim.unit == "usd":
        return f"${value / 1e9:,.1f} billion" if abs(value) >= 1e9 else f"${value:,.0f}"
    return f"{value / 1e6:,.1f} million" if abs(value) >= 1e6 else f"{value:,.0f}"


class StatisticsEnricher:
    """The :class:`factcheck.enrich.Enricher` for the World Bank."""

    source = "worldbank"

    def __init__(self, client: WorldBankClient, *, budget: float | None = None) -> None:
        self.client = client
        self.budget = budget or client.cfg.timeouts.document_budget
        self._notes_by_indicator = {i.id: i.note for i in client.cfg.indicators}

    def enrich(self, doc: Document, facts: list[FactBase]) -> EnrichResult:
        claims = [f for f in facts if isinstance(f, StatisticClaim)]
        if not claims:
            return EnrichResult()
        pairs = [(c.indicator, c.country) for c in claims]
        try:
            found, failed = self.client.series(pairs, Deadline(self.budget))
        except Exception as exc:  # a bug or an unforeseen answer must not lose the document
            error = SourceError("malformed", f"{type(exc).__name__}: {exc}")
            found, failed = {}, {p: error for p in pairs}
        result = EnrichResult()
        problems: dict[str, str] = {}  # message -> reason
        seen_unverified: set[tuple[str, str, int]] = set()
        for claim in claims:
            pair = (claim.indicator, claim.country)
            if pair in failed:
                error = failed[pair]
                if error.reason != "offline":
                    problems[f"{self.source}: look-up of {claim.indicator} for {claim.country} failed: {error}"] = error.reason
                status = "offline" if error.reason == "offline" else "failed"
                ref = self._reference(claim, status, str(error), None, claim.year, None, claim.country_name)
            else:
                series, fetched_at = found[pair]
                year, value = self._value(claim, series.get("values", {}))
                status = "found" if value is not None else "no_data"
                reason = None if value is not None else f"no {claim.indicator} value for {claim.country} in {year}"
                ref = self._reference(claim, status, reason, value, year, fetched_at, series.get("name") or claim.country_name)
            key = (claim.indicator, claim.country, ref.year)
            ref.first_mention = ref.status == "found" or key not in seen_unverified
            if ref.status != "found":
                seen_unverified.add(key)
            result.facts.append(ref)
        result.notes.extend(Note(kind=LOOKUP_FAILED, message=m, reason=r) for m, r in problems.items())
        return result

    def close(self) -> None:
        self.client.close()

    def prefetch(self, items: Iterable[tuple[Document, list[FactBase]]], *, budget: float | None = None) -> None:
        """Warm the cache for many documents at once, so that (country, indicator) pairs batch across
        documents (at most ``batch_size`` pairs per request). Optional; failures are left to ``enrich``."""
        pairs = [(f.indicator, f.country) for _, facts in items for f in facts if isinstance(f, StatisticClaim)]
        if pairs:
            self.client.series(pairs, Deadline(budget or max(self.budget, 300.0)))

    def _value(self, claim: StatisticClaim, values: dict[str, float | None]) -> tuple[int, float | None]:
        if claim.year_source != "tense":
            return claim.year, values.get(str(claim.year))
        for year in range(claim.year, claim.year - TENSE_LOOKBACK - 1, -1):
            if values.get(str(year)) is not None:
                return year, values[str(year)]
        return claim.year - 1, None

    def _reference(
        self, claim: StatisticClaim, status: str, reason: str | None, value: float | None, year: int,
        fetched_at: float | None, name: str,
    ) -> ReferenceStatistic:
        low, high, half = stated_interval(claim)
        agrees = None if value is None else low <= value <= high
        certainty, inferred = "certain", None
        if value is not None and not agrees:
            margin = max(2 * half, 0.1 * abs(claim.value))
            distance = max(low - value, value - high)
            reasons = []
            if claim.hedge != "exact":
                reasons.append("the stated figure is hedged")
            if claim.year_source != "explicit":
                reasons.append(f"the year is not stated (the data is for {year})")
            if not distance > margin or math.isclose(distance, margin):
                reasons.append("the difference is within twice the stated precision")
            if reasons:
                certainty, inferred = "inferred", "; ".join(reasons)
        return ReferenceStatistic(
            span=claim.span,
            text=claim.text,
            sentence=claim.sentence,
            claim=claim.id,
            claim_seq=claim.seq,
            indicator=claim.indicator,
            indicator_label=claim.indicator_label,
            country=claim.country,
            country_name=name,
            year=year,
            status=status,  # type: ignore[arg-type]
            reason=reason,
            value=value,
            value_text=None if value is None else written_like(value, claim),
            unit=claim.unit,
            stated=claim.value,
            stated_text=claim.value_text,
            stated_low=round(low, 10),
            stated_high=round(high, 10),
            year_explicit=claim.year_source == "explicit",
            source=self.source,
            url=self.client.record_url(claim.indicator, claim.country),
            retrieved_at=fetched_time(fetched_at),
            note=self._notes_by_indicator.get(claim.indicator),
            agrees=agrees,
            certainty=certainty,  # type: ignore[arg-type]
            inferred=inferred,
        )


class CompositeEnricher:
    """Several enrichers, one after the other; their facts, errors and notes together."""

    def __init__(self, enrichers: list[object]) -> None:
        self.enrichers = enrichers

    def enrich(self, doc: Document, facts: list[FactBase]) -> EnrichResult:
        out = EnrichResult()
        for enricher in self.enrichers:
            result = enricher.enrich(doc, facts)  # type: ignore[attr-defined]
            out.facts.extend(result.facts)
            out.errors.extend(result.errors)
            out.notes.extend(result.notes)
        return out

    def prefetch(self, items: Iterable[tuple[Document, list[FactBase]]], *, budget: float | None = None) -> None:
        listed = list(items)
        for enricher in self.enrichers:
            prefetch = getattr(enricher, "prefetch", None)
            if prefetch is not None:
                prefetch(listed, budget=budget)

    def close(self) -> None:
        for enricher in self.enrichers:
            enricher.close()  # type: ignore[attr-defined]
