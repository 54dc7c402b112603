"""Wikidata client: searches and batched entity fetches, cached, de-duplicated across threads.

Look-ups go memory -> SQLite cache -> the network. A key being fetched by another thread is waited
for rather than fetched twice ("single flight"), so within a run and across runs each entity is
fetched at most once per TTL. Entity ids are fetched ``batch_size`` (<= 50) to a request; batches
and searches run on a small pool, and the transport's semaphore keeps at most ``concurrency``
requests in flight for the whole run.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import httpx
from pydantic import TypeAdapter

from factcheck.enrich.cache import SqliteCache, Table
from factcheck.enrich.config import SourceConfig
from factcheck.enrich.errors import SourceError
from factcheck.enrich.http.deadline import DEADLINE_EXTENSION, Deadline
from factcheck.enrich.http.flights import collect
from factcheck.enrich.memory import MEMORY_ITEMS, BoundedMemory
from factcheck.enrich.wikidata.models import EntityRecord, SearchHit
from factcheck.enrich.wikidata.parse import parse_get_entities, parse_search

T = TypeVar("T")
_ENTITY_ID = re.compile(r"^[QPL][1-9]\d{0,11}$")
_HITS = TypeAdapter(list[SearchHit])


def cached_search(value: Any) -> Any:
    """A cached search answer, validated against the models a live answer goes through: exactly what
    ``_fetch_search`` writes (a list of dumped :class:`SearchHit`), or an error."""
    if [h.model_dump() for h in _HITS.validate_python(value, strict=True)] != value:
        raise ValueError("not a list of search hits as this version writes them")
    return value


def cached_entity(value: Any) -> Any:
    """A cached entity, validated like :func:`cached_search` (a dumped :class:`EntityRecord`)."""
    if EntityRecord.model_validate(value, strict=True).model_dump() != value:
        raise ValueError("not an entity record as this version writes it")
    return value


VALIDATORS: dict[Table, Callable[[Any], Any]] = {"searches": cached_search, "entities": cached_entity}


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


class WikidataClient:
    def __init__(
        self,
        cfg: SourceConfig,
        *,
        http: httpx.Client,
        cache: SqliteCache | None,
        offline: bool = False,
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
        self._memory: BoundedMemory[tuple[Table, str]] = BoundedMemory(memory_items)
        self._flights: dict[tuple[Table, str], Future[tuple[Any, float]]] = {}
        self._pool = ThreadPoolExecutor(max_workers=cfg.concurrency, thread_name_prefix="wikidata")
        self.stats: Counter[str] = Counter()

    # --- public --------------------------------------------------------------------------------

    def search(self, names: Iterable[str], deadline: Deadline) -> tuple[dict[str, list[SearchHit]], dict[str, SourceError]]:
        """Search hits per name (``wbsearchentities``), and the names whose search failed."""
        found, failed = self._resolve("searches", list(dict.fromkeys(names)), deadline, 1, self._fetch_search)
        return {k: [SearchHit.model_validate(h) for h in v] for k, (v, _) in found.items()}, failed

    def entities(
        self, ids: Iterable[str], deadline: Deadline
    ) -> tuple[dict[str, EntityRecord], dict[str, SourceError]]:
        """Records per id (``wbgetentities``, batched), and the ids whose fetch failed."""
        wanted = list(dict.fromkeys(ids))
        bad = [i for i in wanted if not _ENTITY_ID.match(i)]
        good = [i for i in wanted if _ENTITY_ID.match(i)]
        found, failed = self._resolve("entities", good, deadline, self.cfg.batch_size, self._fetch_entities)
        records = {k: EntityRecord.model_validate({**v, "fetched_at": at}) for k, (v, at) in found.items()}
        records.update({i: EntityRecord(id=i, missing=True) for i in bad})
        return records, failed

    def entity_url(self, entity_id: str) -> str:
        return self.cfg.entity_url.format(id=entity_id)

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._http.close()
        if self._cache is not None:
            self._cache.close()

    # --- resolution: memory -> cache -> single-flight network ----------------------------------

    def _resolve(
        self,
        table: Table,
        keys: list[str],
        deadline: Deadline,
        group: int,
        fetch: Callable[[list[str], Deadline], dict[str, Any]],
    ) -> tuple[dict[str, tuple[Any, float]], dict[str, SourceError]]:
        """``found[key] = (value, fetched_at)``: the time the answer was fetched, whichever layer held it."""
        found: dict[str, tuple[Any, float]] = {}
        failed: dict[str, SourceError] = {}
        now = time.time()
        ttl = self.cfg.cache.ttl
        rest: list[str] = []
        with self._lock:
            for key in keys:
                hit = self._memory.get((table, key))
                if hit is not None and (self.offline or now - hit[1] < ttl):
                    found[key] = hit
                    self.stats[f"memory:{table}"] += 1
                else:
                    rest.append(key)
        unreadable: dict[str, str] = {}
        if rest and self._cache is not None:
            try:
                read = self._cache.get_many(
                    table, self.cfg.endpoint, self.cfg.language, rest, allow_stale=self.offline,
                    validate=VALIDATORS[table], fallback=self.offline_endpoints,
                )
                cached, unreadable = read.rows, read.bad
            except sqlite3.Error:  # a locked cache is a miss, not a failure (a damaged one is rebuilt)
                self.stats["cache_read_errors"] += 1
                cached = {}
            self.stats["cache_bad_rows"] += len(unreadable)
            with self._lock:
                for key, (value, fetched_at) in cached.items():
                    self._memory.put((table, key), (value, fetched_at))
                    found[key] = (value, fetched_at)
            self.stats[f"cache:{table}"] += len(cached)
            rest = [k for k in rest if k not in cached]
        if not rest:
            return found, failed
        if self.offline:
            for key in rest:
                if key in unreadable:  # deleted; says so, unlike a plain miss
                    failed[key] = SourceError(
                        "cache", f"the cached answer for {key} was unreadable and was deleted "
                        f"({unreadable[key]}); run online once to fetch it again",
                    )
                else:
                    failed[key] = SourceError("offline", "offline, and not in the cache")
            return found, failed

        mine: list[str] = []
        waits: dict[str, Future[tuple[Any, float]]] = {}
        with self._lock:
            for key in rest:
                # Another thread's flight may have landed since the look-ups above: its value is in
                # memory before its flight is removed, so checking here again closes the race.
                hit = self._memory.get((table, key))
                if hit is not None:
                    found[key] = hit
                    continue
                flight = self._flights.get((table, key))
                if flight is None:
                    flight = Future()
                    self._flights[(table, key)] = flight
                    mine.append(key)
                waits[key] = flight
        for chunk in _chunks(mine, group):
            self._pool.submit(self._run_flight, table, chunk, deadline, fetch)
        collect(waits, deadline, found, failed)
        return found, failed

    def _run_flight(
        self, table: Table, keys: list[str], deadline: Deadline, fetch: Callable[[list[str], Deadline], dict[str, Any]]
    ) -> None:
        try:
            values = fetch(keys, deadline)
        except SourceError as exc:
            self._settle(table, keys, error=exc)
        except Exception as exc:  # never leave a waiter hanging
            self._settle(table, keys, error=SourceError("malformed", f"{type(exc).__name__}: {exc}"))
        else:
            fetched_at = time.time()
            if self._cache is not None:
                try:
                    self._cache.put_many(table, self.cfg.endpoint, self.cfg.language, values, fetched_at,
                                         source=self.cfg.name)
                except Exception:  # a read-only or locked cache must not fail the lookup
                    self.stats["cache_write_errors"] += 1
            with self._lock:
                for key, value in values.items():
                    self._memory.put((table, key), (value, fetched_at))
            self._settle(table, keys, values=values, fetched_at=fetched_at)

    def _settle(
        self, table: Table, keys: list[str], *, values: dict[str, Any] | None = None, fetched_at: float = 0.0,
        error: SourceError | None = None,
    ) -> None:
        with self._lock:
            flights = [(k, self._flights.pop((table, k), None)) for k in keys]
        for key, flight in flights:
            if flight is None:
                continue
            if values is not None and key in values:
                flight.set_result((values[key], fetched_at))
            else:
                flight.set_exception(error or SourceError("malformed", f"no answer for {key}"))

    # --- requests ------------------------------------------------------------------------------

    def _get(self, params: dict[str, str], deadline: Deadline) -> Any:
        deadline.check(params["action"])
        query = {"format": "json", "maxlag": str(self.cfg.maxlag), **params}
        self.stats[f"http:{params['action']}"] += 1
        try:
            response = self._http.get(self.cfg.endpoint, params=query, extensions={DEADLINE_EXTENSION: deadline})
        except httpx.HTTPError as exc:
            raise SourceError("unreachable", f"{type(exc).__name__}: {exc}") from None
        if response.status_code != 200:
            raise SourceError("http_error", f"HTTP {response.status_code}")
        try:
            return response.json()
        except ValueError:
            raise SourceError("malformed", "the answer is not JSON") from None

    def _fetch_search(self, names: list[str], deadline: Deadline) -> dict[str, Any]:
        (name,) = names
        data = self._get(
            {
                "action": "wbsearchentities",
                "search": name,
                "language": self.cfg.language,
                "uselang": self.cfg.language,
                "type": "item",
                "limit": str(self.cfg.search_limit),
            },
            deadline,
        )
        return {name: [h.model_dump() for h in parse_search(data)]}

    def _fetch_entities(self, ids: list[str], deadline: Deadline) -> dict[str, Any]:
        data = self._get(
            {
                "action": "wbgetentities",
                "ids": "|".join(ids),
                "props": "claims|labels|aliases|descriptions",
                "languages": self.cfg.language,
            },
            deadline,
        )
        records = parse_get_entities(data, ids, self.cfg.language)
        return {k: r.model_dump() for k, r in records.items()}
