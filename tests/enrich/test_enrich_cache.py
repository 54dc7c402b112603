"""The persistent cache: second runs, offline mode, TTL, batching and single-flight across threads."""

from __future__ import annotations

import threading
import time
from collections import Counter

from enrich_helpers import doc_of, of_kind, role, seed_doc, seed_facts

from factcheck.enrich.testing import FakeWikidata
from factcheck.enrich.testing.generate import officials


def _found(result) -> list[tuple[str, str]]:
    return [(r.text, r.start) for r in of_kind(result.facts, "reference_tenure")]


def test_second_run_makes_zero_requests(make_enricher, wikidata) -> None:
    doc = seed_doc()
    first = make_enricher().enrich(doc, seed_facts(doc))
    assert wikidata.count() > 0
    wikidata.reset_counts()
    again = make_enricher().enrich(doc, seed_facts(doc))  # a new enricher: a new process, same cache dir
    assert wikidata.count() == 0
    assert _found(again) == _found(first)


def test_same_enricher_second_document_zero_requests(make_enricher, wikidata) -> None:
    enricher = make_enricher(use_cache=False)  # memory only
    doc = seed_doc()
    enricher.enrich(doc, seed_facts(doc))
    wikidata.reset_counts()
    enricher.enrich(doc, seed_facts(doc))
    assert wikidata.count() == 0


def test_offline_with_empty_cache_is_unverified_without_network(make_enricher, wikidata) -> None:
    doc = seed_doc()
    result = make_enricher(offline=True).enrich(doc, seed_facts(doc))
    assert wikidata.count() == 0
    assert {s.status for s in of_kind(result.facts, "reference_status")} == {"offline"}
    assert of_kind(result.facts, "reference_tenure") == [] and result.errors == []


def test_offline_with_warm_cache_answers(make_enricher, wikidata) -> None:
    doc = seed_doc()
    online = make_enricher().enrich(doc, seed_facts(doc))
    wikidata.reset_counts()
    offline = make_enricher(offline=True, cache={"ttl": 0.001}).enrich(doc, seed_facts(doc))  # stale is fine offline
    assert wikidata.count() == 0 and _found(offline) == _found(online)


def test_ttl_expiry_refetches(make_enricher, wikidata) -> None:
    doc = seed_doc()
    make_enricher(cache={"ttl": 0.2}).enrich(doc, seed_facts(doc))
    time.sleep(0.3)
    wikidata.reset_counts()
    make_enricher(cache={"ttl": 0.2}).enrich(doc, seed_facts(doc))
    assert wikidata.count() > 0


def test_ids_batched_at_most_50(make_enricher) -> None:
    people, entities = officials(120)
    with FakeWikidata(entities) as server:
        text = " ".join(f"{p.title} {p.name} spoke." for p in people)
        doc = doc_of(text)
        facts = [role(doc, f"{p.title} {p.name}", p.name, p.title) for p in people]
        result = make_enricher(server=server).enrich(doc, facts)
        assert {s.status for s in of_kind(result.facts, "reference_status")} == {"found"}
        batches = [r.params["ids"].split("|") for r in server.requests if r.action == "wbgetentities"]
        ids = [i for b in batches for i in b]
        assert max(map(len, batches)) <= 50
        assert len(ids) == len(set(ids)) == 120 + len({p.position_id for p in people})
        assert len(batches) == 3 + 1  # 120 people in 3 batches, 50 posts in 1


def test_threads_share_lookups(make_enricher, wikidata) -> None:
    enricher = make_enricher()
    doc = seed_doc()
    threads = [threading.Thread(target=enricher.enrich, args=(doc, seed_facts(doc))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    searches = Counter(r.params["search"] for r in wikidata.requests if r.action == "wbsearchentities")
    assert set(searches.values()) == {1}
    ids = [i for r in wikidata.requests if r.action == "wbgetentities" for i in r.params["ids"].split("|")]
    assert len(ids) == len(set(ids))


def test_prefetch_batches_across_documents(make_enricher) -> None:
    people, entities = officials(60)
    with FakeWikidata(entities) as server:
        items = []
        for p in people:
            doc = doc_of(f"{p.title} {p.name} spoke.")
            items.append((doc, [role(doc, f"{p.title} {p.name}", p.name, p.title)]))
        enricher = make_enricher(server=server)
        enricher.prefetch(items)
        assert server.count("wbgetentities") == 2 + 1  # 60 people, then their 50 posts
        server.reset_counts()
        for doc, facts in items:
            assert of_kind(enricher.enrich(doc, facts).facts, "reference_tenure")
        assert server.count() == 0


_CHILD = """
import sys
from factcheck.enrich.config import load_sources
from factcheck.enrich.factory import build_wikidata_enricher
from factcheck.enrich.testing.generate import officials
from factcheck.load import load_text
from factcheck.model.document import Span
from factcheck.model.facts import RoleMention
people, _ = officials(40)
cfg = load_sources(overrides={"wikidata": sys.argv[1]})["wikidata"]
enricher = build_wikidata_enricher(cfg, cache_dir=sys.argv[2])
for p in people:
    text = f"{p.title} {p.name} spoke."
    doc = load_text(text)
    fact = RoleMention(span=Span(start=0, end=len(text) - 7), text=text[:-7], person=p.name,
                       person_key=p.name.lower().replace(" ", "_"), title=p.title)
    assert enricher.enrich(doc, [fact]).errors == []
enricher.close()
"""


def test_processes_share_the_cache_file(tmp_path) -> None:
    import subprocess
    import sys

    _, entities = officials(40)
    with FakeWikidata(entities) as server:
        cache = tmp_path / "shared"
        procs = [
            subprocess.Popen([sys.executable, "-c", _CHILD, server.url, str(cache)], stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        for proc in procs:
            _, err = proc.communicate(timeout=120)
            assert proc.returncode == 0, err
        server.reset_counts()
        third = subprocess.run([sys.executable, "-c", _CHILD, server.url, str(cache)], capture_output=True,
                               text=True, timeout=120)
        assert third.returncode == 0, third.stderr
        assert server.count() == 0
