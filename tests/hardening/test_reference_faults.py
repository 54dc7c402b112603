"""Reference faults at scale: documents checked against the local fake Wikidata while 20% of the
officials' look-ups fail (hangs past the read timeout, 429, 500, malformed JSON, reset connections).

Every document is accounted for; every claim gets exactly one reference status; claims whose look-up
was faulted are unverified (``tenure.unverified``), the others are checked. The slow test runs 1,000
documents and prints the numbers (``pytest -m slow -s tests/hardening/test_reference_faults.py``).
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from factcheck.checker import number_facts, resolve_ruleset
from factcheck.enrich.config import load_sources
from factcheck.enrich.factory import build_wikidata_enricher
from factcheck.enrich.testing import FakeWikidata
from factcheck.enrich.testing.generate import Official, officials
from factcheck.evaluate import make_engine
from factcheck.evaluate.facts_out import engine_fact
from factcheck.evaluate.findings import build_findings
from factcheck.load import load_text
from factcheck.model.document import Document, Span
from factcheck.model.facts import FactBase, ReferenceStatus, RoleMention, TenureStart
from factcheck.model.keys import name_key

FAULT_KINDS = ("429", "500", "malformed", "close", "hang", "api-error")
CONFIG = {
    "timeouts": {"connect": 1.0, "read": 0.5, "document_budget": 6.0},
    "retries": {"attempts": 4, "backoff": 0.01, "backoff_max": 0.05, "retry_after_max": 0.1},
}


def article(i: int, people: list[Official], rng: random.Random) -> tuple[Document, list[FactBase]]:
    """Claims built as the extractors would emit them: what is under test is the reference stage."""
    named = rng.sample(people, rng.randint(1, 3))
    text = f"Article {i}. "
    facts: list[FactBase] = []
    for p in named:
        mention = f"{p.title} {p.name}"
        start = len(text)
        text += f"{mention} met reporters on Tuesday. "
        span = Span(start=start, end=start + len(mention))
        if rng.random() < 0.5:
            facts.append(
                RoleMention(span=span, text=mention, person=p.name, person_key=name_key(p.name), title=p.title,
                            office_key=name_key(p.title))
            )  # fmt: skip
        else:
            facts.append(
                TenureStart(span=span, text=mention, person=p.name, person_key=name_key(p.name), office=p.title,
                            date_text=p.start, date=p.start, precision="day")
            )  # fmt: skip
    doc = load_text(text, doc_id=f"article-{i}")
    doc.published = dt.date(2025, 10, 29)
    return doc, number_facts(facts)


def run_batch(
    n_docs: int, n_officials: int, *, fault_share: float = 0.2, seed: int = 5, attempts: int = 4
) -> dict[str, object]:
    people, entities = officials(n_officials, seed=seed)
    rng = random.Random(seed)
    faulty = {
        p.name: FAULT_KINDS[i % len(FAULT_KINDS)]
        for i, p in enumerate(rng.sample(people, int(n_officials * fault_share)))
    }
    items = [article(i, people, rng) for i in range(n_docs)]
    ruleset = resolve_ruleset(None)
    engine = make_engine(ruleset, "durable")
    counts: Counter[str] = Counter()
    t0 = time.monotonic()
    with FakeWikidata(entities) as server:
        for name, kind in faulty.items():
            server.add_fault(kind, times=-1, search=name, retry_after="0", seconds=3.0)  # type: ignore[arg-type]
        config = {**CONFIG, "retries": {**CONFIG["retries"], "attempts": attempts}}
        cfg = load_sources(config={"wikidata": {"endpoint": server.url, **config}})["wikidata"]
        import tempfile

        with tempfile.TemporaryDirectory() as cache:
            enricher = build_wikidata_enricher(cfg, cache_dir=Path(cache))
            try:
                with ThreadPoolExecutor(max_workers=8) as pool:
                    results = list(pool.map(lambda it: (it, enricher.enrich(*it)), items))
            finally:
                enricher.close()
        faulted_requests = sum(1 for r in server.requests if r.fault)
        requests = len(server.requests)
    accounted = 0
    for (doc, claims), result in results:
        facts = claims + number_facts(list(result.facts), start=len(claims) + 1)
        matches = engine.run([engine_fact(f) for f in facts])
        findings = build_findings(ruleset, matches, {f.id: f for f in facts}, doc)
        statuses = [f for f in result.facts if isinstance(f, ReferenceStatus)]
        assert len(statuses) == len(claims), (doc.id, statuses)
        accounted += 1
        for claim in claims:
            (status,) = [s for s in statuses if s.span == claim.span]
            at_claim = {f.rule for f in findings if f.span.start == claim.span.start}
            if claim.person in faulty:  # type: ignore[attr-defined]
                counts["affected claims"] += 1
                assert status.status == "failed", (claim.text, faulty[claim.person], status)  # type: ignore[attr-defined]
                assert "tenure.unverified" in at_claim, (claim.text, at_claim)
                counts[f"unverified ({faulty[claim.person]})"] += 1  # type: ignore[attr-defined]
            else:
                counts["unaffected claims"] += 1
                if status.status == "found":
                    assert "tenure.unverified" not in at_claim
                    counts["checked"] += 1
                else:
                    assert "tenure.unverified" in at_claim, (claim.text, at_claim)
                    counts["unaffected but unverified"] += 1
                    reason = (status.reason or "")[-40:]
                    counts[f"unaffected but unverified: ...{reason}"] += 1
        counts["documents with errors"] += bool(result.errors)
    return {
        "documents": n_docs,
        "accounted": accounted,
        "officials": n_officials,
        "faulty officials": len(faulty),
        "requests": requests,
        "faulted requests": faulted_requests,
        "seconds": round(time.monotonic() - t0, 1),
        **counts,
    }


@pytest.fixture(autouse=True)
def _no_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(var, raising=False)
    yield


def test_reference_faults_small_batch() -> None:
    """Every document accounted for, every claim with one status, every faulted claim unverified."""
    numbers = run_batch(60, 30)
    print(numbers)
    assert numbers["accounted"] == 60
    assert numbers["affected claims"] and numbers["unaffected claims"]


def test_reference_faults_leave_unaffected_claims_checked() -> None:
    numbers = run_batch(60, 30, attempts=2)
    assert numbers.get("unaffected but unverified", 0) == 0, numbers


@pytest.mark.slow
def test_reference_faults_thousand_documents() -> None:
    numbers = run_batch(1_000, 200)
    print("\nreference faults at scale:", numbers)
    assert numbers["accounted"] == 1_000
