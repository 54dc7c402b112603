"""The in-memory layer in front of each source's cache is bounded (the service runs for weeks)."""

from __future__ import annotations

from factcheck.enrich.memory import BoundedMemory


def test_least_recently_used_goes_first() -> None:
    m: BoundedMemory[str] = BoundedMemory(2)
    m.put("a", (1, 0.0))
    m.put("b", (2, 0.0))
    assert m.get("a") == (1, 0.0)  # "a" is now the most recently used
    m.put("c", (3, 0.0))
    assert (m.get("a"), m.get("b"), m.get("c"), len(m)) == ((1, 0.0), None, (3, 0.0), 2)



def test_the_wikidata_client_keeps_at_most_its_memory_items() -> None:
    """The client itself, against the local fake Wikidata: five entities fetched, three kept in memory."""
    from factcheck.enrich.config import load_sources
    from factcheck.enrich.http.client import build_http_client
    from factcheck.enrich.http.deadline import Deadline
    from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWikidata, fixtures_dir
    from factcheck.enrich.wikidata.client import WikidataClient

    ids = ["Q90000001", "Q90000002", "Q90000003", "Q90000004", "Q90000005"]
    with FakeWikidata.from_dir(fixtures_dir()) as fake:
        cfg = load_sources(config={"wikidata": {"endpoint": fake.url, **FAST_SOURCE_CONFIG}})["wikidata"]
        client = WikidataClient(cfg, http=build_http_client(cfg), cache=None, memory_items=3)
        try:
            records, failed = client.entities(ids, Deadline(5))
            assert not failed and sorted(records) == ids and not any(r.missing for r in records.values())
            assert len(client._memory) == 3
        finally:
            client.close()
