"""Batch runs look reference claims up across documents (factcheck.batch.prefetch).

A batch of 1,000 articles naming 20 countries makes at most one World Bank request per 50 distinct
(country, indicator) pairs, plus paging, measured at the fake API's request counter; a second run
over the same articles makes no request.
"""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.batch.prefetch import Prefetcher, prefetched, wanted, windows
from factcheck.batch.run import run_batch
from factcheck.batch.settings import BatchSettings, CheckerSettings
from factcheck.batch.tasks import Task
from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWorldBank
from tests.enrich.test_worldbank import COUNTRIES, TEMPLATES

CLOSED = "http://127.0.0.1:9/w/api.php"  # nothing listens: these articles name no official anyway


def _feed(tmp_path: Path, n: int = 1000) -> Path:
    texts = [TEMPLATES[ind].format(c=name) for name in COUNTRIES for ind in TEMPLATES]
    feed = tmp_path / "articles.jsonl"
    with feed.open("w", encoding="utf-8") as out:
        for i in range(n):
            out.write(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)], "published": "2025-10-29"}) + "\n")
    return feed


def _settings(url: str, cache: Path) -> CheckerSettings:
    return CheckerSettings(
        sources={"worldbank": url, "wikidata": CLOSED}, cache_dir=str(cache),
        source_config={"worldbank": FAST_SOURCE_CONFIG, "wikidata": FAST_SOURCE_CONFIG},
    )


def test_a_batch_of_1000_articles_makes_one_request_per_50_pairs_and_a_second_run_none(tmp_path: Path) -> None:
    series = {ind: {code: {"name": name, "iso3": code + "X", "values": {"2023": 1.0}} for name, code in COUNTRIES.items()}
              for ind in TEMPLATES}
    feed = _feed(tmp_path)
    pairs = len(COUNTRIES) * len(TEMPLATES)  # 140 distinct (country, indicator) pairs
    with FakeWorldBank(series, {i: i for i in TEMPLATES}) as server:
        settings = _settings(server.url, tmp_path / "cache")
        first = list(run_batch([str(feed)], settings, BatchSettings(jobs=2)))
        requests = server.requests
        assert len(first) == 1000
        assert all(r.errors == [] and r.notes == [] for r in first)
        assert all([f.rule for f in r.findings] in (["statistics.confirmed"], ["statistics.mismatch"]) for r in first)
        # distinct requests: on a loaded machine a slow answer may time out and be asked again, which is
        # the retry layer's job, not a second batch
        distinct = {(tuple(r.countries), tuple(r.indicators), r.params["page"]) for r in requests}
        first_pages = [d for d in distinct if d[2] == "1"]
        assert len(first_pages) <= -(-pairs // 50)  # one request per 50 pairs ...
        # ... plus paging: 49 pairs x 27 years (2000 to now) is 2 pages of 1,000 rows
        assert all(d[2] in ("1", "2") for d in distinct) and len(distinct) <= 2 * len(first_pages)
        assert all(len(r.countries) * len(r.indicators) <= 50 for r in requests)
        print(f"\n1,000 articles, {pairs} pairs: {len(requests)} World Bank requests")
        second = list(run_batch([str(feed)], settings, BatchSettings(jobs=2)))
        assert server.count() == len(requests)  # the second run makes no request
    assert [[f.rule for f in r.findings] for r in second] == [[f.rule for f in r.findings] for r in first]


def test_paging_counts_apart(tmp_path: Path) -> None:
    series = {ind: {code: {"name": name, "iso3": code + "X", "values": {str(y): 1.0 for y in range(2000, 2025)}}
                    for name, code in COUNTRIES.items()} for ind in TEMPLATES}
    feed = _feed(tmp_path, n=140)
    with FakeWorldBank(series, {i: i for i in TEMPLATES}) as server:
        settings = _settings(server.url, tmp_path / "cache")
        settings = settings.model_copy(update={"source_config": {
            "worldbank": {**FAST_SOURCE_CONFIG, "per_page": 500}, "wikidata": FAST_SOURCE_CONFIG}})
        reports = list(run_batch([str(feed)], settings, BatchSettings(jobs=0)))
        requests = server.requests
    assert all(r.errors == [] for r in reports)
    first_pages = [r for r in requests if r.params["page"] == "1"]
    assert len(first_pages) <= 3 and len(requests) > len(first_pages)  # several pages per request, followed


def test_windows_are_bounded_and_keep_order() -> None:
    tasks = [Task(doc_id=f"d{i}", kind="text", data=b"x" * 10) for i in range(7)]
    assert [[t.doc_id for t in w] for w in windows(tasks, 3, 1000)] == [["d0", "d1", "d2"], ["d3", "d4", "d5"], ["d6"]]
    assert [len(w) for w in windows(tasks, 100, 25)] == [3, 3, 1]  # bounded by bytes too
    off = CheckerSettings(references=False)
    assert not wanted(off) and list(prefetched(iter(tasks), off)) == tasks
    assert not wanted(CheckerSettings(offline=True))
    assert not wanted(CheckerSettings(factory="tests.batch.stub_checker:build"))


def test_a_document_that_does_not_load_is_left_to_its_worker(tmp_path: Path) -> None:
    with FakeWorldBank({}, {}) as server:
        prefetcher = Prefetcher(_settings(server.url, tmp_path))
        try:
            bad = Task(doc_id="bad.jsonl:1", kind="record", data="{not json", path="bad.jsonl", lineno=1)
            good = Task(doc_id="g", kind="text", data=b"Nothing to look up here.")
            assert prefetcher.claims(bad) is None and prefetcher.claims(good) is None
            assert prefetcher.warm([bad, good]) == 0
        finally:
            prefetcher.close()
        assert server.count() == 0
