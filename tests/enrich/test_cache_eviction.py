"""Reference cache eviction: rows past ``max_age`` and beyond ``max_rows`` are deleted."""

from __future__ import annotations

import time
from pathlib import Path

from factcheck.enrich.cache import SqliteCache
from factcheck.enrich.config import load_sources


def test_rows_past_max_age_are_deleted(tmp_path: Path) -> None:
    cache = SqliteCache(tmp_path / "c.sqlite3", ttl=10, max_age=100)
    now = time.time()
    cache.put_many("entities", "e", "en", {"old": 1}, now - 1000)
    cache.put_many("entities", "e", "en", {"new": 2}, now)
    assert cache.evict(now=now) == 1
    rows = cache.get_many("entities", "e", "en", ["old", "new"], allow_stale=True).rows
    assert set(rows) == {"new"}
    cache.close()


def test_at_most_max_rows_are_kept_oldest_go_first(tmp_path: Path) -> None:
    path = tmp_path / "c.sqlite3"
    cache = SqliteCache(path, ttl=3600)
    now = time.time()
    for n in range(5):
        cache.put_many("searches", "e", "en", {f"k{n}": n}, now - 100 + n)
    cache.close()
    bounded = SqliteCache(path, ttl=3600, max_rows=3)  # evicts when opened
    rows = bounded.get_many("searches", "e", "en", [f"k{n}" for n in range(5)]).rows
    assert sorted(rows) == ["k2", "k3", "k4"]
    bounded.close()


def test_shipped_sources_bound_the_cache() -> None:
    for cfg in load_sources().values():
        assert cfg.cache.max_age > cfg.cache.ttl and cfg.cache.max_rows > 0
