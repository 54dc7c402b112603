"""Source configuration: shipped sources/wikidata.yaml, config-file patches, --source overrides."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.enrich.config import SourceConfigError, default_cache_dir, load_sources, shipped_sources_dir
from factcheck.enrich.factory import build_enricher
from factcheck.enrich.http.client import user_agent


def test_shipped_wikidata_source() -> None:
    cfg = load_sources()["wikidata"]
    assert cfg.endpoint == "https://www.wikidata.org/w/api.php"
    assert cfg.maxlag == 5 and cfg.concurrency <= 3 and cfg.batch_size <= 50
    assert (shipped_sources_dir() / "wikidata.yaml").is_file()


def test_overrides_and_config_patches() -> None:
    cfg = load_sources(
        config={"wikidata": {"timeouts": {"read": 2}, "cache": {"ttl": 60}}},
        overrides={"wikidata": "http://127.0.0.1:9/w/api.php"},
    )["wikidata"]
    assert cfg.endpoint == "http://127.0.0.1:9/w/api.php"
    assert cfg.timeouts.read == 2 and cfg.timeouts.connect == 5 and cfg.cache.ttl == 60
    assert load_sources(config={"wikidata": "http://mirror/w/api.php"})["wikidata"].endpoint == "http://mirror/w/api.php"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"overrides": {"nosuch": "http://x"}}, "unknown source"),
        ({"overrides": {"wikidata": "ftp://x"}}, "http"),
        ({"config": {"wikidata": {"concurrency": 10}}}, "concurrency"),
        ({"config": {"wikidata": {"batch_size": 500}}}, "batch_size"),
        ({"config": {"wikidata": {"bogus": 1}}}, "bogus"),
    ],
)
def test_bad_configuration_is_an_error(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(SourceConfigError, match=message):
        load_sources(**kwargs)  # type: ignore[arg-type]


def test_cache_dir_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "c"))
    assert default_cache_dir() == tmp_path / "c"
    enricher = build_enricher(overrides={"wikidata": "http://127.0.0.1:9/w/api.php"})
    assert enricher is not None
    try:
        assert (tmp_path / "c" / "references-v1.sqlite3").exists()
    finally:
        enricher.close()


def test_disabled() -> None:
    assert build_enricher(enabled=False) is None


def test_user_agent_form() -> None:
    ua = user_agent("me@example.org")
    assert ua.startswith("factcheck/") and "(me@example.org) httpx/" in ua
