"""``--offline`` answers from the cache for whichever endpoints were cached, without ``--source`` again.

The cache remembers which endpoint each source's rows came from; offline, a source whose endpoint the
user did not name answers from those rows too. Naming an endpoint offline uses that endpoint's rows only.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli.main import cli
from factcheck.enrich.cache import SqliteCache
from factcheck.enrich.factory import endpoint_named
from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWorldBank, serve_fixtures, worldbank_fixtures

TEXT = (
    "---\npublished: 2025-10-29\n---\n"
    "Japanese Defense Minister Shinjiro Koizumi, who took office on the 21st, met reporters in Tokyo.\n\n"
    "Japan spent 1.4% of GDP on defence in 2024.\n"
)


def test_the_cache_remembers_endpoints_per_source_and_falls_back_in_order(tmp_path: Path) -> None:
    cache = SqliteCache(tmp_path / "c.sqlite3", ttl=10, max_age=1000)
    now = time.time()
    cache.put_many("entities", "http://mirror-a", "en", {"Q1": {"a": 1}}, now - 20, source="wikidata")
    cache.put_many("entities", "http://mirror-b", "en", {"Q1": {"b": 1}, "Q2": {"b": 2}}, now - 5, source="wikidata")
    cache.put_many("entities", "http://wb", "worldbank-series", {"X|JP": {}}, now, source="worldbank")
    assert cache.endpoints("wikidata") == ["http://mirror-b", "http://mirror-a"]
    assert cache.endpoints("worldbank") == ["http://wb"]
    plain = cache.get_many("entities", "http://default", "en", ["Q1", "Q2"], allow_stale=True)
    assert plain.rows == {}
    read = cache.get_many("entities", "http://default", "en", ["Q1", "Q2"], allow_stale=True,
                          fallback=cache.endpoints("wikidata"))
    assert {k: v for k, (v, _) in read.rows.items()} == {"Q1": {"b": 1}, "Q2": {"b": 2}}
    only_a = cache.get_many("entities", "http://mirror-a", "en", ["Q1", "Q2"], allow_stale=True)
    assert set(only_a.rows) == {"Q1"}
    assert cache.evict(now=now + 990) == 1 and cache.endpoints("wikidata") == ["http://mirror-b"]
    cache.close()


def test_endpoint_named_by_flag_or_config() -> None:
    assert endpoint_named("wikidata", {"wikidata": "http://x"}, None)
    assert endpoint_named("wikidata", None, {"wikidata": "http://x"})
    assert endpoint_named("wikidata", None, {"wikidata": {"endpoint": "http://x"}})
    assert not endpoint_named("wikidata", {"worldbank": "http://x"}, {"wikidata": {"cache": {"ttl": 5}}})


def test_offline_answers_from_the_endpoints_cached_without_repeating_source(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(TEXT, encoding="utf-8")
    config = tmp_path / "factcheck.yaml"
    config.write_text(json.dumps({"sources": {"wikidata": FAST_SOURCE_CONFIG, "worldbank": FAST_SOURCE_CONFIG}}),
                      encoding="utf-8")
    base = ["check", "-j", "0", "--config", str(config), "--cache-dir", str(tmp_path / "cache"), "--format", "json"]
    runner = CliRunner()
    with serve_fixtures() as wikidata, FakeWorldBank.from_file(worldbank_fixtures()) as worldbank:
        online = runner.invoke(cli, [*base, "--source", f"wikidata={wikidata.url}",
                                     "--source", f"worldbank={worldbank.url}", str(draft)])
    assert online.exit_code == 0, online.output
    expected = sorted(f["rule"] for f in json.loads(online.stdout)["documents"][0]["findings"])
    assert expected == ["statistics.confirmed", "tenure.confirmed"]

    # both servers are gone; no --source: the rows of the endpoints they served answer
    offline = runner.invoke(cli, [*base, "--offline", str(draft)])
    assert offline.exit_code == 0, offline.output
    (doc,) = json.loads(offline.stdout)["documents"]
    assert sorted(f["rule"] for f in doc["findings"]) == expected
    assert doc["errors"] == [] and doc["notes"] == []
    assert all(f["evidence"][0]["retrieved_at"] for f in doc["findings"])

    # an endpoint named offline is the one used: nothing is cached for it
    named = runner.invoke(cli, [*base, "--offline", "--source", "worldbank=http://127.0.0.1:9/elsewhere/v2", str(draft)])
    (doc,) = json.loads(named.stdout)["documents"]
    assert sorted(f["rule"] for f in doc["findings"]) == ["statistics.unverified", "tenure.confirmed"]
