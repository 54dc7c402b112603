"""The World Bank source end to end, against a local fake of its API (tests/fixtures/worldbank).

Covers: supported and contradicted claims, a year without data, targets and requests not checked,
two countries in one sentence, batching and paging, the API's error shape, faults (500/503,
timeouts, garbage, huge bodies), an unreachable source (unverified, notes not errors), and the cache.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.checker import Checker
from factcheck.cli.main import cli
from factcheck.enrich.config import load_sources
from factcheck.enrich.errors import SourceError
from factcheck.enrich.factory import build_worldbank_enricher
from factcheck.enrich.http.deadline import Deadline
from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWorldBank, worldbank_fixtures
from factcheck.enrich.worldbank.client import batches
from factcheck.enrich.worldbank.parse import parse_page
from factcheck.extract import extract_facts
from factcheck.load import load_text
from factcheck.model.facts import ReferenceStatistic, StatisticClaim
from factcheck.model.findings import DocumentReport

PUBLISHED = "2025-10-29"


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def worldbank() -> Iterator[FakeWorldBank]:
    with FakeWorldBank.from_file(worldbank_fixtures()) as server:
        yield server


def _config(**patch: object) -> dict[str, object]:
    return {"worldbank": {**FAST_SOURCE_CONFIG, **patch}, "wikidata": f"http://127.0.0.1:{_closed_port()}/w/api.php"}


def check(url: str, text: str, cache_dir: Path, **patch: object) -> DocumentReport:
    with Checker(sources={"worldbank": url}, source_config=_config(**patch), cache_dir=cache_dir) as checker:
        return checker.check(text, published=PUBLISHED).documents[0]


def refs(doc: DocumentReport) -> list[ReferenceStatistic]:
    return [f for f in doc.facts if isinstance(f, ReferenceStatistic)]


def rules_of(doc: DocumentReport) -> list[str]:
    return sorted(f.rule for f in doc.findings)


def claims_in(text: str) -> list[StatisticClaim]:
    doc = load_text(text, doc_id="t", fmt="markdown", published=dt.date.fromisoformat(PUBLISHED))
    return [f for f in extract_facts(doc) if isinstance(f, StatisticClaim)]


# --- claims -------------------------------------------------------------------------------------


def test_supported_claim_is_confirmed_with_evidence(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    doc = check(worldbank.url, "Japan spent 1.4% of GDP on defence in 2024.", tmp_path)
    assert rules_of(doc) == ["statistics.confirmed"]
    (ref,) = refs(doc)
    assert (ref.indicator, ref.country, ref.year, ref.value, ref.status) == ("MS.MIL.XPND.GD.ZS", "JP", 2024, 1.41, "found")
    assert ref.url == "https://data.worldbank.org/indicator/MS.MIL.XPND.GD.ZS?locations=JP"
    assert ref.retrieved_at is not None and ref.retrieved_at.endswith("+00:00")
    finding = doc.findings[0]
    assert "2024" in finding.message and "Japan" in finding.message
    assert finding.evidence and "MS.MIL.XPND.GD.ZS Japan 2024: 1.41" in finding.evidence[0].value


def test_contradicted_claim_is_an_error_with_explicit_year_and_exact_figure(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    doc = check(worldbank.url, "Japan spent 2.4% of GDP on defence in 2024.", tmp_path)
    (finding,) = doc.findings
    assert finding.rule == "statistics.mismatch" and finding.severity == "error"
    assert "1.4% for military expenditure (% of GDP) in Japan in 2024, not 2.4%" in finding.message
    assert "SIPRI" in finding.message and "NATO" in finding.message  # definitions can differ


def test_mismatch_is_a_warning_when_the_year_is_implied_or_the_figure_hedged(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    implied = check(worldbank.url, "Japan currently spends 2.4% of GDP on defense.", tmp_path / "a")
    hedged = check(worldbank.url, "Japan spent about 1.9% of GDP on defence in 2024.", tmp_path / "b")
    for doc in (implied, hedged):
        (finding,) = doc.findings
        assert finding.rule == "statistics.mismatch" and finding.severity == "warning", finding
    assert "2024" in implied.findings[0].message  # the data is for the latest year with data
    close = check(worldbank.url, "Japan spent 1.5% of GDP on defence in 2024.", tmp_path / "c")
    assert [f.severity for f in close.findings] == ["warning"]  # within twice the stated precision


def test_year_with_null_data_is_unverified(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    doc = check(worldbank.url, "South Korea spent 2.8% of GDP on defence in 2024.", tmp_path)
    assert rules_of(doc) == ["statistics.unverified"]
    (ref,) = refs(doc)
    assert ref.status == "no_data" and ref.value is None and ref.year == 2024
    assert doc.errors == [] and doc.notes == []


@pytest.mark.parametrize("text", [
    "Japan aims to raise defence spending to 2% of GDP by 2027.",
    "The U.S. asked Japan to raise defense spending to 3.5% of GDP.",
    "Japan's inflation is expected to reach 4% in 2025.",
    "Japan pledged to lift defence spending to 2% of GDP.",
    "Japan will spend 2% of GDP on defence next year.",
])
def test_targets_requests_and_forecasts_are_not_checked(worldbank: FakeWorldBank, tmp_path: Path, text: str) -> None:
    assert claims_in(text) == []
    doc = check(worldbank.url, text, tmp_path)
    assert refs(doc) == [] and not [f for f in doc.findings if f.rule.startswith("statistics.")]
    assert worldbank.count() == 0


def test_two_countries_in_one_sentence_one_request(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    text = "Germany and France spent 1.5% and 2.1% of GDP on defence in 2023, respectively."
    doc = check(worldbank.url, text, tmp_path)
    assert sorted((r.country, r.value, r.agrees) for r in refs(doc)) == [("DE", 1.52, True), ("FR", 2.06, True)]
    assert rules_of(doc) == ["statistics.confirmed", "statistics.confirmed"]
    (request,) = worldbank.requests
    assert sorted(request.countries) == ["DE", "FR"] and request.indicators == ["MS.MIL.XPND.GD.ZS"]


def test_period_explicit_relative_and_tense() -> None:
    got = {c.indicator: (c.year, c.year_source) for c in claims_in(
        "Japan spent 1.4% of GDP on defence in 2024. Japan's population was 124 million last year. "
        "Japan's unemployment rate is 2.5%."
    )}
    assert got == {"MS.MIL.XPND.GD.ZS": (2024, "explicit"), "SP.POP.TOTL": (2024, "relative"),
                   "SL.UEM.TOTL.ZS": (2025, "tense")}


def test_seed_article_has_no_statistic_claims(seed_text: str) -> None:
    doc = load_text(seed_text, doc_id="seed", fmt="markdown")
    assert [f for f in extract_facts(doc) if isinstance(f, StatisticClaim)] == []


# --- batching, paging, the error shape -----------------------------------------------------------


def test_batches_hold_at_most_batch_size_pairs() -> None:
    countries = [f"C{i:02d}" for i in range(20)]
    indicators = [f"I.{i}" for i in range(7)]
    pairs = [(i, c) for c in countries for i in indicators]
    groups = batches(pairs, 50)
    assert all(len(cs) * len(inds) <= 50 for cs, inds in groups)
    covered = {(i, c) for cs, inds in groups for c in cs for i in inds}
    assert covered >= set(pairs)
    assert len(groups) <= -(-len(pairs) // 49)  # about one request per 50 pairs


def test_many_documents_batch_and_a_second_run_makes_no_request(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    texts = [
        "Japan spent 1.4% of GDP on defence in 2024.",
        "Germany's inflation was 5.9% in 2023.",
        "France's unemployment rate was 7.3% in 2023.",
        "The United States spent 3.4% of GDP on defense in 2024.",
        "Japan's public debt was 210% of GDP in 2023.",
    ] * 20
    with Checker(sources={"worldbank": worldbank.url}, source_config=_config(), cache_dir=tmp_path) as checker:
        first = [checker.check(t, published=PUBLISHED).documents[0] for t in texts]
    assert all(rules_of(d) == ["statistics.confirmed"] for d in first), [rules_of(d) for d in first[:5]]
    assert worldbank.count() == 5  # one per distinct (country, indicator) pair, each fetched once
    with Checker(sources={"worldbank": worldbank.url}, source_config=_config(), cache_dir=tmp_path) as checker:
        second = [checker.check(t, published=PUBLISHED).documents[0] for t in texts]
    assert worldbank.count() == 5  # the cache answered everything
    assert [rules_of(d) for d in second] == [rules_of(d) for d in first]
    assert refs(second[0])[0].retrieved_at == refs(first[0])[0].retrieved_at  # the fetch time, not the check time


def test_paging_is_followed(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    doc = check(worldbank.url, "Germany and France spent 1.5% and 2.1% of GDP on defence in 2023, respectively.",
                tmp_path, per_page=7)
    assert rules_of(doc) == ["statistics.confirmed", "statistics.confirmed"]
    pages = [r.params["page"] for r in worldbank.requests]
    assert len(pages) > 2 and pages == [str(n) for n in range(1, len(pages) + 1)]


def test_error_message_array_is_an_api_error() -> None:
    body = [{"message": [{"id": "120", "key": "Invalid value", "value": "The provided parameter value is not valid"}]}]
    with pytest.raises(SourceError) as info:
        parse_page(body)
    assert info.value.reason == "api_error" and "Invalid value" in str(info.value)
    with pytest.raises(SourceError) as bad:
        parse_page({"not": "a list"})
    assert bad.value.reason == "malformed"


def test_unknown_indicator_answers_the_error_shape(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    cfg = load_sources(config={"worldbank": {"endpoint": worldbank.url, **FAST_SOURCE_CONFIG}})["worldbank"]
    enricher = build_worldbank_enricher(cfg, cache_dir=tmp_path)
    try:
        found, failed = enricher.client.series([("NO.SUCH.IND", "JP")], Deadline(5))
    finally:
        enricher.close()
    assert found == {} and failed[("NO.SUCH.IND", "JP")].reason == "api_error"


# --- faults ---------------------------------------------------------------------------------------


def test_a_500_is_retried(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    worldbank.add_fault("500")
    doc = check(worldbank.url, "Japan spent 1.4% of GDP on defence in 2024.", tmp_path)
    assert rules_of(doc) == ["statistics.confirmed"]
    assert [r.fault for r in worldbank.requests] == ["500", None]


@pytest.mark.parametrize("fault, reason", [("503", "server_error"), ("garbage", "malformed"), ("huge", "too_large"),
                                           ("hang", "timeout")])
def test_faults_leave_claims_unverified_and_a_note(
    worldbank: FakeWorldBank, tmp_path: Path, fault: str, reason: str
) -> None:
    worldbank.add_fault(fault, times=-1, seconds=5.0)  # type: ignore[arg-type]
    patch: dict[str, object] = {"max_response_bytes": 1_000_000}
    if fault == "hang":
        patch["timeouts"] = {"connect": 1.0, "read": 0.3, "document_budget": 5.0}
    doc = check(worldbank.url, "Japan spent 1.4% of GDP on defence in 2024.", tmp_path, **patch)
    assert rules_of(doc) == ["statistics.unverified"]
    (ref,) = refs(doc)
    assert ref.status == "failed"
    assert doc.errors == []
    assert [n.kind for n in doc.notes] == ["reference-lookup-failed"]
    assert reason.replace("_", " ") in doc.notes[0].message.replace("_", " ") or ref.reason


def test_unreachable_source_every_document_checked_same_exit_code(tmp_path: Path) -> None:
    files = []
    for n, text in enumerate(["Japan spent 2.4% of GDP on defence in 2024.", "Germany's inflation was 3.9% in 2023."]):
        path = tmp_path / f"doc{n}.md"
        path.write_text(f"---\npublished: {PUBLISHED}\n---\n{text}\n", encoding="utf-8")
        files.append(str(path))
    dead = f"http://127.0.0.1:{_closed_port()}/v2"
    config = tmp_path / "factcheck.yaml"
    config.write_text(json.dumps({"sources": _config()}), encoding="utf-8")
    runner = CliRunner()
    off = runner.invoke(cli, ["check", "-j", "0", "--no-config", "--no-references", "--format", "json", *files])
    out = tmp_path / "report.json"
    result = runner.invoke(cli, ["check", "-j", "0", "--config", str(config), "--source", f"worldbank={dead}",
                                 "--format", "json", "-o", str(out), *files])
    assert result.exit_code == off.exit_code, result.output
    report = json.loads(out.read_text(encoding="utf-8"))
    assert len(report["documents"]) == 2
    for doc in report["documents"]:
        assert doc["errors"] == []
        assert [f["rule"] for f in doc["findings"]] == ["statistics.unverified"]
        assert [n["kind"] for n in doc["notes"]] == ["reference-lookup-failed"]


def test_offline_with_an_empty_cache_is_unverified_without_a_note(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    with Checker(sources={"worldbank": worldbank.url}, source_config=_config(), cache_dir=tmp_path, offline=True) as c:
        doc = c.check("Japan spent 1.4% of GDP on defence in 2024.", published=PUBLISHED).documents[0]
    assert rules_of(doc) == ["statistics.unverified"] and doc.notes == [] and doc.errors == []
    assert worldbank.count() == 0


def test_memory_layer_is_bounded(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    from factcheck.enrich.http.client import build_http_client
    from factcheck.enrich.worldbank.client import WorldBankClient

    cfg = load_sources(config={"worldbank": {"endpoint": worldbank.url, **FAST_SOURCE_CONFIG}})["worldbank"]
    client = WorldBankClient(cfg, http=build_http_client(cfg), cache=None, memory_items=3)
    try:
        found, failed = client.series([("MS.MIL.XPND.GD.ZS", c) for c in ("JP", "DE", "FR", "US", "GB")], Deadline(5))
        assert not failed and len(found) == 5
        assert len(client._memory) == 3
    finally:
        client.close()


# --- many documents, one request per 50 pairs ----------------------------------------------------

COUNTRIES = {"Japan": "JP", "Germany": "DE", "France": "FR", "Italy": "IT", "Spain": "ES", "Canada": "CA",
             "Australia": "AU", "Brazil": "BR", "India": "IN", "Mexico": "MX", "Poland": "PL", "Sweden": "SE",
             "Finland": "FI", "Denmark": "DK", "Netherlands": "NL", "Belgium": "BE", "Austria": "AT",
             "Portugal": "PT", "Greece": "GR", "Ireland": "IE"}
TEMPLATES = {
    "MS.MIL.XPND.GD.ZS": "{c} spent 1.4% of GDP on defence in 2023.",
    "FP.CPI.TOTL.ZG": "{c}'s inflation was 3.1% in 2023.",
    "SL.UEM.TOTL.ZS": "{c}'s unemployment rate was 5.0% in 2023.",
    "GC.DOD.TOTL.GD.ZS": "{c}'s public debt was 80% of GDP in 2023.",
    "NY.GDP.MKTP.KD.ZG": "{c}'s economy grew 1.9 percent in 2023.",
    "SP.POP.TOTL": "{c}'s population was 40 million in 2023.",
    "NY.GDP.MKTP.CD": "{c} had a GDP of $2.2 trillion in 2023.",
}


def test_a_batch_of_1000_articles_makes_one_request_per_50_pairs_plus_paging(tmp_path: Path) -> None:
    series = {ind: {code: {"name": name, "iso3": code + "X", "values": {"2023": 1.0}} for name, code in COUNTRIES.items()}
              for ind in TEMPLATES}
    texts = [TEMPLATES[ind].format(c=name) for name in COUNTRIES for ind in TEMPLATES]
    texts = (texts * (1000 // len(texts) + 1))[:1000]
    with FakeWorldBank(series, {i: i for i in TEMPLATES}) as server, Checker(
        sources={"worldbank": server.url}, source_config=_config(), cache_dir=tmp_path
    ) as checker:
        docs = [load_text(t, doc_id=f"d{n}", fmt="markdown", published=dt.date(2025, 10, 29)) for n, t in enumerate(texts)]
        items = [(d, extract_facts(d)) for d in docs]
        pairs = {(f.indicator, f.country) for _, facts in items for f in facts if isinstance(f, StatisticClaim)}
        assert len(pairs) == 140
        assert checker.enricher is not None
        checker.enricher.prefetch(items)  # type: ignore[attr-defined]
        first_pages = [r for r in server.requests if r.params["page"] == "1"]
        assert len(first_pages) <= -(-len(pairs) // 49)  # 3 batches of 7 countries x 7 indicators
        assert all(len(r.countries) * len(r.indicators) <= 50 for r in server.requests)
        before = server.count()
        reports = [checker.check_document(d) for d in docs[:50]]
        assert server.count() == before  # every document is answered from what was prefetched
    assert all(r.errors == [] and any(f.rule.startswith("statistics.") for f in r.findings) for r in reports)


def test_a_code_the_api_does_not_know_fails_only_its_own_claims(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    doc = check(worldbank.url, "Japan and Taiwan spent 1.4% and 2.5% of GDP on defence in 2024, respectively.", tmp_path)
    by_country = {r.country: r.status for r in refs(doc)}
    assert by_country == {"JP": "found", "TW": "failed"}
    assert rules_of(doc) == ["statistics.confirmed", "statistics.unverified"]
    assert doc.errors == [] and [n.kind for n in doc.notes] == ["reference-lookup-failed"]


def test_an_unreadable_cached_series_is_fetched_again(worldbank: FakeWorldBank, tmp_path: Path) -> None:
    import sqlite3

    from factcheck.enrich.factory import CACHE_FILE

    text = "Japan's population was about 124 million in 2023."
    assert rules_of(check(worldbank.url, text, tmp_path)) == ["statistics.confirmed"]
    with sqlite3.connect(tmp_path / CACHE_FILE) as conn:
        conn.execute("UPDATE entities SET body = ? WHERE key = ?", ('{"name": 1, "values": "x"}', "SP.POP.TOTL|JP"))
    assert rules_of(check(worldbank.url, text, tmp_path)) == ["statistics.confirmed"]
    assert worldbank.count() == 2  # the bad row was deleted and the series fetched once more
