"""Fixtures for reference-source tests: a real fake-Wikidata server on 127.0.0.1 and enrichers on it."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from factcheck.enrich.config import load_sources
from factcheck.enrich.enricher import WikidataEnricher
from factcheck.enrich.factory import build_wikidata_enricher
from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWikidata, fixtures_dir

FIXTURES = fixtures_dir()


@pytest.fixture
def wikidata() -> Iterator[FakeWikidata]:
    """The fake Wikidata with the seed's people, look-alikes and positions; fresh counts per test."""
    with FakeWikidata.from_dir(FIXTURES) as server:
        yield server


@pytest.fixture
def cache_dir(tmp_path: Path) -> Path:
    return tmp_path / "cache"


EnricherFactory = Callable[..., WikidataEnricher]


@pytest.fixture
def make_enricher(wikidata: FakeWikidata, cache_dir: Path) -> Iterator[EnricherFactory]:
    """``make_enricher(offline=False, server=None, cache_dir=None, **config)`` with fast timeouts."""
    made: list[WikidataEnricher] = []

    def make(
        *,
        offline: bool = False,
        server: FakeWikidata | None = None,
        cache_path: Path | None = None,
        use_cache: bool = True,
        **config: Any,
    ) -> WikidataEnricher:
        patch: dict[str, Any] = {"endpoint": (server or wikidata).url, **FAST_SOURCE_CONFIG}
        for key, value in config.items():
            patch[key] = {**patch[key], **value} if isinstance(value, dict) and key in patch else value
        cfg = load_sources(config={"wikidata": patch})["wikidata"]
        enricher = build_wikidata_enricher(cfg, offline=offline, cache_dir=cache_path or cache_dir, use_cache=use_cache)
        made.append(enricher)
        return enricher

    yield make
    for enricher in made:
        enricher.close()
