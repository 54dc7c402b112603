"""World Bank client: series per (indicator, country), batched, cached, de-duplicated across threads.

Look-ups go memory (bounded, least recently used out first) -> SQLite cache -> the network, through
the shared transport layers (breaker -> retry -> guard). A series is every year from ``first_year``
to now, so one cached row answers claims about any year. Pairs are fetched in batches of at most
``batch_size`` (country x indicator) pairs per request: several countries and several indicators of
one API source at once, every page of the answer followed. A pair being fetched by another thread is
waited for rather than fetched twice (single flight).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from typing import Any

import httpx
from pydantic import BaseModel, ConfigDict

from factcheck.enrich.cache import SqliteCache
from factcheck.enrich.config import SourceConfig
from factcheck.enrich.errors import SourceError
from factcheck.enrich.http.deadline import DEADLINE_EXTENSION, Deadline
from factcheck.enrich.http.flights import collect
from factcheck.enrich.memory import MEMORY_ITEMS, BoundedMemory
from factcheck.enrich.worldbank.parse import parse_page

Pair = tuple[str, str]  # (indicator id, ISO alpha-2 country code)
LANG = "worldbank-series"
MAX_PAGES = 50


class Series(BaseModel):
    """What is cached per (indicator, country): the country's name and its value per year (None: no data)."""

    model_config = ConfigDict(extra="forbid", strict=True)

    name: str
    values: dict[str, float | None]


def cached_series(value: Any) -> Any:
    """A cached series, validated as a live one is written; raises for anything else (the row is deleted)."""
    if not isinstance(value, dict):
        raise ValueError("not a series")
    Series.model_validate({"name": value.get("name"), "values": value.get("values")})
    if set(value) != {"name", "values"}:
        raise ValueError("not a series as this version writes it")
    return value


def _key(pair: Pair) -> str:
    return f"{pair[0]}|{pair[1]}"


def batches(pairs: list[Pair], size: int) -> list[tuple[list[str], list[str]]]:
    """(countries, indicators) groups whose cross product covers ``pairs``, each at most ``size`` pairs."""
    by_country: dict[str, set[str]] = {}
    for indicator, country in pairs:
        by_country.setdefault(country, set()).add(indicator)
    out: list[tuple[list[str], list[str]]] = []
    countries: list[str] = []
    indicators: set[str] = set()
    for country, wanted in sorted(by_country.items(), key=lambda kv: (sorted(kv[1]), kv[0])):
        union = indicators | wanted
        if countries and (len(countries) + 1) * len(union) > size:
            out.append((countries, sorted(indicators)))
            countries, union = [], set(wanted)
        countries.append(country)
        indicators = union
        if len(indicators) > size:  # more indicators for one country than a batch holds
            items = sorted(indicators)
            out.extend(([country], items[i : i + size]) for i in range(0, len(items), size))
            countries, indicators = [], set()
    if countries:
        out.append((countries, sorted(indicators)))
    return out


class WorldBankClient:
    def __init__(
        self, cfg: SourceConfig, *, http: httpx.Client, cache: SqliteCache | None, offline: bool = False,
        memory_items: int = MEMORY_ITEMS,
        offline_endpoints: Sequence[str] = (),
    ) -> None:
        self.cfg = cfg
        self.offline = offline
        #: Offline, rows of these endpoints answer too (the ones this source's rows were fetched from).
        self.offline_endpoints = tuple(offline_endpoints) if offline else ()
        self._http = http
        self._cache = cache
        self._lock = threading.Lock()
        self._memory: BoundedMemory[str] = BoundedMemory(memory_items)
        self._flights: dict[str, Future[tuple[Any, float]]] = {}
        self.stats: Counter[str] = Counter()

    def record_url(self, indicator: str, country: str) -> str:
        template = self.cfg.record_url or "{endpoint}/country/{country}/indicator/{indicator}?format=json"
        return template.format(endpoint=self.cfg.endpoint.rstrip("/"), indicator=indicator, country=country)

    def close(self) -> None:
        self._http.close()
        if self._cache is not None:
            self._cache.close()

    # --- look-ups --------------------------------------------------------------------------------

    def series(
        self, pairs: Iterable[Pair], deadline: Deadline
    ) -> tuple[dict[Pair, tuple[dict[str, Any], float]], dict[Pair, SourceError]]:
        """``{pair: (series, fetched_at)}`` and the pairs whose look-up failed.

        A series is ``{"name": country name, "values": {"2023": 1.23 or None, ...}}``.
        """
        wanted = list(dict.fromkeys(pairs))
        found: dict[Pair, tuple[dict[str, Any], float]] = {}
        failed: dict[Pair, SourceError] = {}
        now = time.time()
        rest: list[Pair] = []
        with self._lock:
            for pair in wanted:
                hit = self._memory.get(_key(pair))
                if hit is not None and (self.offline or now - hit[1] < self.cfg.cache.ttl):
                    found[pair] = hit
                    self.stats["memory"] += 1
                else:
                    rest.append(pair)
        if rest and self._cache is not None:
            unreadable: dict[str, str] = {}
            try:
                read = self._cache.get_many(
                    "entities", self.cfg.endpoint, LANG, [_key(p) for p in rest], allow_stale=self.offline,
                    validate=cached_series, fallback=self.offline_endpoints,
                )
                cached, unreadable = read.rows, read.bad
            except sqlite3.Error:  # a locked cache is a miss, not a failure (a damaged one is rebuilt)
                self.stats["cache_read_errors"] += 1
                cached = {}
            self.stats["cache_bad_rows"] += len(unreadable)
            for pair in rest:
                if _key(pair) in cached:
                    found[pair] = cached[_key(pair)]
                    self._remember(_key(pair), cached[_key(pair)])
            self.stats["cache"] += len(cached)
            rest = [p for p in rest if p not in found]
        if not rest:
            return found, failed
        if self.offline:
            return found, {p: SourceError("offline", "offline, and not in the cache") for p in rest}
        mine: list[Pair] = []
        waits: dict[Pair, Future[tuple[Any, float]]] = {}
        with self._lock:
            for pair in rest:
                hit = self._memory.get(_key(pair))
                if hit is not None:
                    found[pair] = hit
                    continue
                flight = self._flights.get(_key(pair))
                if flight is None:
                    flight = Future()
                    self._flights[_key(pair)] = flight
                    mine.append(pair)
                waits[pair] = flight
        for countries, indicators in batches(mine, self.cfg.batch_size):
            group = [p for p in mine if p[1] in countries and p[0] in indicators]
            self._run_flight(countries, indicators, group, deadline)
        collect(waits, deadline, found, failed)
        return found, failed

    def _remember(self, key: str, value: tuple[Any, float]) -> None:
        with self._lock:
            self._memory.put(key, value)

    def _run_flight(self, countries: list[str], indicators: list[str], group: list[Pair], deadline: Deadline) -> None:
        try:
            values, errors = self._fetch_split(countries, indicators, deadline)
        except Exception as exc:  # never leave a waiter hanging
            self._settle(group, {}, 0.0, {}, SourceError("malformed", f"{type(exc).__name__}: {exc}"))
            return
        fetched_at = time.time()
        if self._cache is not None and values:
            try:
                self._cache.put_many("entities", self.cfg.endpoint, LANG, values, fetched_at, source=self.cfg.name)
            except Exception:  # a read-only or locked cache must not fail the look-up
                self.stats["cache_write_errors"] += 1
        for key, value in values.items():
            self._remember(key, (value, fetched_at))
        self._settle(group, values, fetched_at, errors, None)

    def _fetch_split(
        self, countries: list[str], indicators: list[str], deadline: Deadline
    ) -> tuple[dict[str, Any], dict[str, SourceError]]:
        """One batched request; when the API refuses it (one code it does not know, such as Taiwan's,
        fails a whole request), the countries are split in halves and asked again."""
        try:
            return self._fetch(countries, indicators, deadline), {}
        except SourceError as exc:
            if exc.reason != "api_error" or len(countries) == 1:
                return {}, {_key((i, c)): exc for i in indicators for c in countries}
        half = len(countries) // 2
        values, errors = self._fetch_split(countries[:half], indicators, deadline)
        more_values, more_errors = self._fetch_split(countries[half:], indicators, deadline)
        return {**values, **more_values}, {**errors, **more_errors}

    def _settle(
        self, group: list[Pair], values: dict[str, Any], fetched_at: float, errors: dict[str, SourceError],
        error: SourceError | None,
    ) -> None:
        with self._lock:
            flights = [(p, self._flights.pop(_key(p), None)) for p in group]
        for pair, flight in flights:
            if flight is None:
                continue
            key = _key(pair)
            if key in values:
                flight.set_result((values[key], fetched_at))
            else:
                flight.set_exception(errors.get(key) or error or SourceError("malformed", f"no answer for {key}"))

    # --- requests --------------------------------------------------------------------------------

    def _fetch(self, countries: list[str], indicators: list[str], deadline: Deadline) -> dict[str, Any]:
        """Every page of one batched request, as ``{key: series}`` for the whole cross product."""
        last_year = dt.date.today().year
        url = f"{self.cfg.endpoint.rstrip('/')}/country/{';'.join(countries)}/indicator/{';'.join(indicators)}"
        params = {"format": "json", "date": f"{self.cfg.first_year}:{last_year}", "per_page": str(self.cfg.per_page)}
        if len(indicators) > 1 and self.cfg.api_source is not None:
            params["source"] = str(self.cfg.api_source)
        out: dict[str, Any] = {_key((i, c)): {"name": c, "values": {}} for i in indicators for c in countries}
        page, pages = 1, 1
        while page <= pages:
            deadline.check("worldbank series")
            self.stats["http"] += 1
            try:
                response = self._http.get(
                    url, params={**params, "page": str(page)}, extensions={DEADLINE_EXTENSION: deadline}
                )
            except httpx.HTTPError as exc:
                raise SourceError("unreachable", f"{type(exc).__name__}: {exc}") from None
            if response.status_code != 200:
                raise SourceError("http_error", f"HTTP {response.status_code}")
            try:
                data = response.json()
            except ValueError:
                raise SourceError("malformed", "the answer is not JSON") from None
            parsed = parse_page(data)
            pages = min(parsed.meta.pages, MAX_PAGES)
            for row in parsed.rows:
                key = _key((row.indicator.id, row.country.id.upper()))
                series = out.get(key)
                if series is None:
                    continue
                series["name"] = row.country.value or series["name"]
                series["values"][row.date] = row.value
            page += 1
        return out
