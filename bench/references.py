"""Benchmark: reference look-ups for 1,000 generated articles naming 200 distinct officials.

A local fake Wikidata (127.0.0.1, 50 ms added to every answer) serves the officials; the script
prints the HTTP requests made (by action, and ids per ``wbgetentities``), and wall time on a cold
cache, then on a warm one. Goal: at most one ``wbgetentities`` per 50 unique entities, plus one
search per distinct name; zero requests when warm.

    .venv/bin/python bench/references.py [--articles 1000] [--officials 200] [--latency 0.05]

The articles' claims are built directly (as the extractors would emit them), so what is measured is
the reference stage alone. ``--no-prefetch`` skips the cross-document warm-up and shows per-document
batching instead.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.enrich.config import load_sources
from factcheck.enrich.enricher import WikidataEnricher
from factcheck.enrich.factory import build_wikidata_enricher
from factcheck.enrich.testing import FakeWikidata
from factcheck.enrich.testing.generate import Official, officials
from factcheck.load import load_text
from factcheck.model.document import Document, Span
from factcheck.model.facts import FactBase, RoleMention, TenureStart
from factcheck.model.keys import name_key


def article(i: int, people: list[Official], rng: random.Random) -> tuple[Document, list[FactBase]]:
    named = rng.sample(people, rng.randint(2, 4))
    parts: list[tuple[str, Official, str]] = []
    text = f"Article {i}. "
    for p in named:
        mention = f"{p.title} {p.name}"
        parts.append((mention, p, "role"))
        text += f"{mention} met reporters on Tuesday. "
        if rng.random() < 0.3:
            claim = f"{p.name}, who took office on {p.start}"
            parts.append((claim, p, "tenure"))
            text += f"{claim}, spoke. "
    doc = load_text(text, doc_id=f"article-{i}")
    doc.published = dt.date(2025, 10, 29)
    facts: list[FactBase] = []
    for mention, p, kind in parts:
        start = text.index(mention)
        span = Span(start=start, end=start + len(mention))
        if kind == "role":
            facts.append(RoleMention(span=span, text=mention, person=p.name, person_key=name_key(p.name),
                                     title=p.title, office_key=name_key(p.title)))
        else:
            facts.append(TenureStart(span=span, text=mention, person=p.name, person_key=name_key(p.name),
                                     office=p.title, date_text=p.start, date=p.start, precision="day"))
    return doc, facts


def run(enricher: WikidataEnricher, items: list[tuple[Document, list[FactBase]]], prefetch: bool) -> tuple[float, int]:
    started = time.perf_counter()
    if prefetch:
        enricher.prefetch(items)
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda it: enricher.enrich(*it), items))
    found = sum(1 for r in results for f in r.facts if f.kind == "reference_status" and f.status == "found")
    return time.perf_counter() - started, found


def report(label: str, server: FakeWikidata, seconds: float, found: int, claims: int) -> None:
    reqs = server.requests
    gets = [r for r in reqs if r.action == "wbgetentities"]
    ids = [i for r in gets for i in r.params["ids"].split("|")]
    unique = len(set(ids))
    searches = sum(1 for r in reqs if r.action == "wbsearchentities")
    print(f"{label}: {seconds:7.2f} s wall, {len(reqs):5d} HTTP requests "
          f"({searches} wbsearchentities, {len(gets)} wbgetentities for {len(ids)} ids / {unique} unique; "
          f"goal <= {-(-unique // 50) if unique else 0}), max in flight {server.max_in_flight}; "
          f"{found}/{claims} claims found")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--officials", type=int, default=200)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--no-prefetch", action="store_true")
    args = ap.parse_args()

    people, entities = officials(args.officials)
    rng = random.Random(1)
    items = [article(i, people, rng) for i in range(args.articles)]
    claims = sum(len(f) for _, f in items)
    named = len({f.person_key for _, fs in items for f in fs})  # type: ignore[attr-defined]
    print(f"{args.articles} articles, {claims} claims naming {named} distinct officials; "
          f"server latency {args.latency * 1000:.0f} ms")
    with FakeWikidata(entities, latency=args.latency) as server, tempfile.TemporaryDirectory() as cache:
        cfg = load_sources(config={"wikidata": {"endpoint": server.url}})["wikidata"]
        for label in ("cold cache", "warm cache"):
            server.reset_counts()
            enricher = build_wikidata_enricher(cfg, cache_dir=cache)  # a new process would do the same
            try:
                seconds, found = run(enricher, items, prefetch=not args.no_prefetch)
            finally:
                enricher.close()
            report(label, server, seconds, found, claims)


if __name__ == "__main__":
    main()
