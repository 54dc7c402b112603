"""``build_enricher``: what the checker calls once per :class:`~factcheck.checker.Checker`."""

from __future__ import annotations

import sqlite3
import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx

from factcheck.enrich import Enricher
from factcheck.enrich.cache import SqliteCache
from factcheck.enrich.config import SourceConfig, default_cache_dir, load_sources
from factcheck.enrich.enricher import WikidataEnricher
from factcheck.enrich.http.client import build_http_client
from factcheck.enrich.http.transports import Limiter
from factcheck.enrich.statistics import CompositeEnricher, StatisticsEnricher
from factcheck.enrich.wikidata.client import WikidataClient
from factcheck.enrich.worldbank.client import WorldBankClient

CACHE_FILE = "references-v1.sqlite3"


def build_wikidata_enricher(
    cfg: SourceConfig,
    *,
    offline: bool = False,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    transport: httpx.BaseTransport | None = None,
    remembered_endpoints: bool = False,
    limiter: Limiter | None = None,
) -> WikidataEnricher:
    """``remembered_endpoints``: offline, also answer from rows of the endpoints this source's rows were
    fetched from (the user did not name an endpoint)."""
    cache = _cache(cfg, cache_dir, use_cache)
    http = build_http_client(cfg, inner=transport, limiter=limiter)
    fallback = _offline_endpoints(cfg, cache, offline and remembered_endpoints)
    return WikidataEnricher(WikidataClient(cfg, http=http, cache=cache, offline=offline, offline_endpoints=fallback))


def _offline_endpoints(cfg: SourceConfig, cache: SqliteCache | None, wanted: bool) -> list[str]:
    if not wanted or cache is None:
        return []
    return [e for e in cache.endpoints(cfg.name) if e != cfg.endpoint]


def endpoint_named(name: str, overrides: dict[str, str] | None, config: dict[str, Any] | None) -> bool:
    """True if the user chose the source's endpoint (``--source NAME=URL`` or the config file's)."""
    chosen = (config or {}).get(name)
    return name in (overrides or {}) or isinstance(chosen, str) or (isinstance(chosen, dict) and "endpoint" in chosen)


def _cache(cfg: SourceConfig, cache_dir: str | Path | None, use_cache: bool) -> SqliteCache | None:
    if not use_cache:
        return None
    directory = Path(cache_dir) if cache_dir else default_cache_dir()
    try:
        return SqliteCache(
            directory / CACHE_FILE, ttl=cfg.cache.ttl, max_age=cfg.cache.max_age, max_rows=cfg.cache.max_rows
        )
    except (OSError, sqlite3.Error) as exc:  # read-only home, full disk: run without a cache
        warnings.warn(f"reference cache disabled: {directory}: {exc}", RuntimeWarning, stacklevel=3)
        return None


def build_worldbank_enricher(
    cfg: SourceConfig,
    *,
    offline: bool = False,
    cache_dir: str | Path | None = None,
    use_cache: bool = True,
    transport: httpx.BaseTransport | None = None,
    remembered_endpoints: bool = False,
    limiter: Limiter | None = None,
) -> StatisticsEnricher:
    http = build_http_client(cfg, inner=transport, limiter=limiter)
    cache = _cache(cfg, cache_dir, use_cache)
    fallback = _offline_endpoints(cfg, cache, offline and remembered_endpoints)
    client = WorldBankClient(cfg, http=http, cache=cache, offline=offline, offline_endpoints=fallback)
    return StatisticsEnricher(client)


def build_enricher(
    *,
    overrides: dict[str, str] | None = None,
    offline: bool = False,
    cache_dir: str | None = None,
    enabled: bool = True,
    config: dict[str, Any] | None = None,
    limiters: Mapping[str, Limiter] | None = None,
) -> Enricher | None:
    """The enricher for the configured sources, or None when enrichment is off.

    ``overrides``: ``{"wikidata": URL}`` from ``--source wikidata=URL``; ``config``: the ``sources:``
    section of a project config file (``{name: URL}`` or ``{name: {field: value}}``). ``offline``
    answers from the cache only: from the endpoint named, or, when none is named, from whichever
    endpoints the source's cached rows were fetched from (most recent first). ``limiters``: a bound
    on requests in flight per source name shared with other processes (a Dask cluster). ``cache_dir``
    defaults to ``$FACTCHECK_CACHE_DIR`` or the user cache dir. Raises
    :class:`~factcheck.enrich.config.SourceConfigError` for a bad configuration (exit code 2).
    """
    if not enabled:
        return None
    sources = load_sources(config=config, overrides=overrides)
    enrichers: list[object] = []
    for cfg in sources.values():
        remembered = not endpoint_named(cfg.name, overrides, config)  # offline: whichever endpoints were cached
        if cfg.kind == "wikidata":
            enrichers.append(build_wikidata_enricher(cfg, offline=offline, cache_dir=cache_dir,
                                                     remembered_endpoints=remembered,
                                                     limiter=(limiters or {}).get(cfg.name)))
        elif cfg.kind == "worldbank":
            enrichers.append(build_worldbank_enricher(cfg, offline=offline, cache_dir=cache_dir,
                                                      remembered_endpoints=remembered,
                                                      limiter=(limiters or {}).get(cfg.name)))
    if not enrichers:
        return None
    return enrichers[0] if len(enrichers) == 1 else CompositeEnricher(enrichers)  # type: ignore[return-value]
