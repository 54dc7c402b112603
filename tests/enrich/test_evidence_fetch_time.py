"""Evidence an editor can cite: every reference-backed finding says when its data was fetched.

A cached answer fetched at T and checked later reports T (not the time of the check), for both
sources: the cache rows are given an old fetch time by hand, then a new checker answers from them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from pathlib import Path

from enrich_helpers import SEED

from factcheck.checker import Checker
from factcheck.enrich.factory import CACHE_FILE
from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWikidata, FakeWorldBank, worldbank_fixtures
from factcheck.model.facts import ReferenceStatistic, ReferenceTenure
from factcheck.model.findings import DocumentReport

STATISTIC = "Japan spent 1.4% of GDP on defence in 2024."


def _age_rows(cache_dir: Path, fetched_at: float) -> int:
    with sqlite3.connect(cache_dir / CACHE_FILE) as conn:
        changed = conn.execute("UPDATE entities SET fetched_at = ?", (fetched_at,)).rowcount
        conn.execute("UPDATE searches SET fetched_at = ?", (fetched_at,))
    conn.close()
    return int(changed)


def _iso(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(microsecond=0).isoformat()


def _check(sources: dict[str, str], text: str, cache_dir: Path, **kw: object) -> DocumentReport:
    config = {name: FAST_SOURCE_CONFIG for name in ("wikidata", "worldbank")}
    with Checker(sources=sources, source_config=config, cache_dir=cache_dir, **kw) as checker:  # type: ignore[arg-type]
        return checker.check(text, published="2025-10-29", doc_id="doc.md").documents[0]


def test_wikidata_finding_carries_the_fetch_time_of_a_cached_answer(wikidata: FakeWikidata, tmp_path: Path) -> None:
    sources = {"wikidata": wikidata.url, "worldbank": "http://127.0.0.1:9/v2"}
    text = SEED.read_text(encoding="utf-8")
    first = _check(sources, text, tmp_path)
    (confirmed,) = [f for f in first.findings if f.rule == "tenure.confirmed"]
    assert confirmed.evidence[0].retrieved_at is not None
    fetched = float(int(time.time()) - 3 * 3600)  # three hours ago, inside the TTL
    assert _age_rows(tmp_path, fetched) > 0
    requests = wikidata.count()
    later = _check(sources, text, tmp_path)
    assert wikidata.count() == requests  # answered from the cache
    (confirmed,) = [f for f in later.findings if f.rule == "tenure.confirmed"]
    (evidence,) = confirmed.evidence
    assert (evidence.source, evidence.url) == ("wikidata", "https://www.wikidata.org/wiki/Q90000001")
    assert "2025-10-21" in evidence.value
    assert evidence.retrieved_at == _iso(fetched)
    tenures = [f for f in later.facts if isinstance(f, ReferenceTenure)]
    assert tenures and all(t.retrieved_at == _iso(fetched) for t in tenures)


def test_wikidata_not_in_office_evidence_carries_the_fetch_time(wikidata: FakeWikidata, tmp_path: Path) -> None:
    sources = {"wikidata": wikidata.url, "worldbank": "http://127.0.0.1:9/v2"}
    text = "Japanese Prime Minister Junichiro Koizumi met reporters in Tokyo on the 28th."
    _check(sources, text, tmp_path)
    fetched = float(int(time.time()) - 7200)
    _age_rows(tmp_path, fetched)
    doc = _check(sources, text, tmp_path)
    (finding,) = [f for f in doc.findings if f.rule == "tenure.not-in-office"]
    assert finding.evidence[0].retrieved_at == _iso(fetched)


def test_worldbank_finding_carries_the_fetch_time_of_a_cached_answer(tmp_path: Path) -> None:
    with FakeWorldBank.from_file(worldbank_fixtures()) as server:
        sources = {"worldbank": server.url, "wikidata": "http://127.0.0.1:9/w/api.php"}
        _check(sources, STATISTIC, tmp_path)
        fetched = float(int(time.time()) - 5 * 3600)
        assert _age_rows(tmp_path, fetched) > 0
        requests = server.count()
        doc = _check(sources, STATISTIC, tmp_path)
        assert server.count() == requests
    (confirmed,) = doc.findings
    assert confirmed.rule == "statistics.confirmed"
    (evidence,) = confirmed.evidence
    assert evidence.source == "worldbank" and evidence.url and "MS.MIL.XPND.GD.ZS" in evidence.url
    assert "2024" in evidence.value
    assert evidence.retrieved_at == _iso(fetched)
    (ref,) = [f for f in doc.facts if isinstance(f, ReferenceStatistic)]
    assert ref.retrieved_at == _iso(fetched)


def test_offline_answers_keep_the_fetch_time_too(tmp_path: Path) -> None:
    with FakeWorldBank.from_file(worldbank_fixtures()) as server:
        sources = {"worldbank": server.url, "wikidata": "http://127.0.0.1:9/w/api.php"}
        _check(sources, STATISTIC, tmp_path)
    fetched = float(int(time.time()) - 30 * 24 * 3600)  # past the TTL, within max_age: offline still answers
    _age_rows(tmp_path, fetched)
    doc = _check(sources, STATISTIC, tmp_path, offline=True)
    (confirmed,) = doc.findings
    assert confirmed.rule == "statistics.confirmed"
    assert confirmed.evidence[0].retrieved_at == _iso(fetched)
