"""The fake Wikidata misbehaving on purpose: each run completes, and the user sees what went wrong."""

from __future__ import annotations

import sqlite3
import threading
import time

from enrich_helpers import doc_of, of_kind, role, seed_doc, seed_facts

from factcheck.enrich.factory import CACHE_FILE
from factcheck.enrich.testing import FakeWikidata
from factcheck.enrich.testing.generate import officials


def _hegseth():
    doc = doc_of("U.S. Secretary of Defense Pete Hegseth arrived in Tokyo.")
    return doc, [role(doc, "U.S. Secretary of Defense Pete Hegseth", "Pete Hegseth", "U.S. Secretary of Defense")]


def _statuses(result):
    return [(s.status, s.reason) for s in of_kind(result.facts, "reference_status")]


def test_429_with_retry_after_is_waited_out(make_enricher, wikidata) -> None:
    wikidata.add_fault("429", retry_after="1", action="wbsearchentities")
    doc, facts = _hegseth()
    started = time.monotonic()
    result = make_enricher().enrich(doc, facts)
    assert time.monotonic() - started >= 1.0
    assert result.errors == [] and _statuses(result) == [("found", None)]
    assert [r.fault for r in wikidata.requests if r.action == "wbsearchentities"] == ["429", None]


def test_maxlag_as_200_is_retried(make_enricher, wikidata) -> None:
    wikidata.add_fault("maxlag", retry_after="1", action="wbgetentities")
    doc, facts = _hegseth()
    result = make_enricher().enrich(doc, facts)
    assert result.errors == [] and _statuses(result) == [("found", None)]
    assert wikidata.count("wbgetentities") == 3  # people (maxlag, retried) + positions


def test_persistent_maxlag_fails_and_is_not_cached(make_enricher, wikidata, cache_dir) -> None:
    wikidata.add_fault("maxlag", retry_after="0", times=-1)
    doc, facts = _hegseth()
    result = make_enricher().enrich(doc, facts)
    ((status, reason),) = _statuses(result)
    assert status == "failed" and "maxlag" in (reason or "")
    (note,) = result.notes
    assert note.kind == "reference-lookup-failed" and "Pete Hegseth" in note.message and note.reason == "maxlag"
    assert result.errors == []
    with sqlite3.connect(cache_dir / CACHE_FILE) as db:
        assert db.execute("SELECT count(*) FROM searches").fetchone() == (0,)
        assert db.execute("SELECT count(*) FROM entities").fetchone() == (0,)
    # the source recovers: the next run asks again and succeeds
    wikidata.clear_faults()
    assert _statuses(make_enricher().enrich(doc, facts)) == [("found", None)]


def test_500s_give_up_after_bounded_attempts(make_enricher, wikidata) -> None:
    wikidata.add_fault("500", times=-1)
    doc, facts = _hegseth()
    result = make_enricher().enrich(doc, facts)
    ((status, reason),) = _statuses(result)
    assert status == "failed" and "HTTP 500" in (reason or "") and "3 attempts" in (reason or "")
    assert wikidata.count() == 3


def test_hanging_response_times_out(make_enricher, wikidata) -> None:
    wikidata.add_fault("hang", seconds=30, times=-1, action="wbgetentities")
    doc, facts = _hegseth()
    started = time.monotonic()
    result = make_enricher(timeouts={"read": 0.3, "document_budget": 3.0}).enrich(doc, facts)
    assert time.monotonic() - started < 6.0  # budget 3 s
    ((status, reason),) = _statuses(result)
    assert status == "failed" and "timed out" in (reason or "")
    assert result.notes[0].reason == "timeout"


def test_malformed_json_is_reported_and_not_cached(make_enricher, wikidata, cache_dir) -> None:
    wikidata.add_fault("malformed", action="wbsearchentities")
    doc, facts = _hegseth()
    result = make_enricher().enrich(doc, facts)
    assert _statuses(result) == [("failed", "the answer is not JSON")]
    assert result.notes[0].reason == "malformed"
    with sqlite3.connect(cache_dir / CACHE_FILE) as db:
        assert db.execute("SELECT count(*) FROM searches").fetchone() == (0,)


def test_50mb_body_is_cut_off(make_enricher, wikidata) -> None:
    wikidata.add_fault("huge", action="wbsearchentities")  # 50 MB, no Content-Length
    doc, facts = _hegseth()
    started = time.monotonic()
    result = make_enricher().enrich(doc, facts)  # the shipped cap: 16 MB
    assert time.monotonic() - started < 8.0
    ((status, reason),) = _statuses(result)
    assert status == "failed" and "byte cap" in (reason or "")
    assert result.notes[0].reason == "too_large"
    assert wikidata.count("wbsearchentities") == 1  # an over-size answer is not retried


def test_api_error_answer(make_enricher, wikidata) -> None:
    wikidata.add_fault("api-error", action="wbgetentities")
    doc, facts = _hegseth()
    result = make_enricher().enrich(doc, facts)
    ((status, reason),) = _statuses(result)
    assert status == "failed" and "internal_api_error_DBQueryError" in (reason or "")


def test_unreachable_source(make_enricher) -> None:
    server = FakeWikidata({}).start()
    url = server.url
    server.stop()  # nothing listens there any more
    doc, facts = _hegseth()
    result = make_enricher(endpoint=url).enrich(doc, facts)
    ((status, reason),) = _statuses(result)
    assert status == "failed" and "cannot reach" in (reason or "")
    assert result.notes[0].reason == "unreachable"


def test_time_budget_per_document(make_enricher) -> None:
    people, entities = officials(12)
    with FakeWikidata(entities, latency=0.4) as slow:
        text = " ".join(f"{p.title} {p.name} spoke." for p in people)
        doc = doc_of(text)
        facts = [role(doc, f"{p.title} {p.name}", p.name, p.title) for p in people]
        started = time.monotonic()
        result = make_enricher(server=slow, timeouts={"document_budget": 1.0}).enrich(doc, facts)
        assert time.monotonic() - started < 4.0  # budget 1 s, plus slack for a loaded machine
    statuses = of_kind(result.facts, "reference_status")
    assert len(statuses) == 12  # every claim is accounted for
    assert any(s.status == "failed" and "budget" in (s.reason or "") for s in statuses)
    assert any(n.reason == "budget" for n in result.notes) and result.errors == []


def test_one_failing_lookup_loses_nothing_else(make_enricher, wikidata) -> None:
    wikidata.add_fault("500", times=-1, search="Pete Hegseth")
    doc = seed_doc()
    result = make_enricher().enrich(doc, seed_facts(doc))
    by_person = {s.person: s.status for s in of_kind(result.facts, "reference_status")}
    assert by_person == {"Pete Hegseth": "failed", "Shinjiro Koizumi": "found", "Koizumi": "found",
                         "Donald Trump": "found", "Sanae Takaichi": "found"}
    assert len(result.notes) == 1 and "Pete Hegseth" in result.notes[0].message and result.errors == []


def test_at_most_three_requests_in_flight(make_enricher) -> None:
    people, entities = officials(15)
    with FakeWikidata(entities, latency=0.1) as slow:
        enricher = make_enricher(server=slow)
        docs = []
        for p in people:
            doc = doc_of(f"{p.title} {p.name} spoke.")
            docs.append((doc, [role(doc, f"{p.title} {p.name}", p.name, p.title)]))
        threads = [threading.Thread(target=enricher.enrich, args=d) for d in docs]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert slow.max_in_flight <= 3
        assert slow.max_in_flight == 3  # and the limit is actually used
