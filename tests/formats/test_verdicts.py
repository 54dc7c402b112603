"""A verdict per checked claim (supported / contradicted / unverifiable) in JSON, SARIF and HTML.

Through the real pipeline with both fake reference sources: the seed's weakly attributed 3.5% is
unverifiable (not contradicted), Koizumi's start of tenure supported, a wrong figure contradicted, a
figure with no data unverifiable. The SARIF stays valid against the SARIF 2.1.0 schema.
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.checker import Checker
from factcheck.cli.main import cli
from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWorldBank, serve_fixtures, worldbank_fixtures
from factcheck.model.findings import DocumentReport, Finding
from factcheck.model.verdicts import claim_verdicts, default_verdict
from factcheck.report.formats.html import render as render_html
from tests.conftest import SEED
from tests.formats.test_sarif import validate

FIGURES = (
    "---\npublished: 2025-10-29\n---\n"
    "Japan spent 2.4% of GDP on defence in 2024. Germany's inflation was 5.9% in 2023.\n\n"
    "South Korea spent 2.8% of GDP on defence in 2024.\n"
)


def _run(tmp_path: Path, fmt: str, *paths: str) -> str:
    out = tmp_path / f"out.{fmt}"
    config = tmp_path / "factcheck.yaml"
    config.write_text(json.dumps({"sources": {"wikidata": FAST_SOURCE_CONFIG, "worldbank": FAST_SOURCE_CONFIG}}),
                      encoding="utf-8")
    with serve_fixtures() as wikidata, FakeWorldBank.from_file(worldbank_fixtures()) as worldbank:
        result = CliRunner().invoke(cli, [
            "check", "-j", "0", "--config", str(config), "--cache-dir", str(tmp_path / "cache"),
            "--source", f"wikidata={wikidata.url}", "--source", f"worldbank={worldbank.url}",
            "--fail-on", "never", "--format", fmt, "-o", str(out), *paths,
        ])
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def _figures(tmp_path: Path) -> str:
    path = tmp_path / "figures.md"
    path.write_text(FIGURES, encoding="utf-8")
    return str(path)


def test_json_carries_a_verdict_per_checked_claim(tmp_path: Path) -> None:
    report = json.loads(_run(tmp_path, "json", str(SEED), _figures(tmp_path)))
    seed, figures = report["documents"]
    by_text = {c["text"]: c for c in seed["claims"]}
    weak = next(c for t, c in by_text.items() if "3.5% of GDP" in t)
    assert weak["verdict"] == "unverifiable" and weak["rules"] == ["attribution.unofficial-figure"]
    tenure = next(c for c in seed["claims"] if c["rules"] == ["tenure.confirmed"])
    assert tenure["verdict"] == "supported" and tenure["kind"] == "tenure_start"
    assert "contradicted" not in {c["verdict"] for c in seed["claims"]}
    verdicts = {c["text"]: c["verdict"] for c in figures["claims"]}
    assert verdicts == {"2.4%": "contradicted", "5.9%": "supported", "2.8%": "unverifiable"}, figures["claims"]
    ids = {f["id"] for f in figures["facts"]}
    assert all(c["fact"] in ids and c["kind"] == "statistic_claim" for c in figures["claims"])
    # every finding carries its rule's verdict
    assert {f["rule"]: f["verdict"] for f in seed["findings"]} == {
        "tenure.confirmed": "supported", "attribution.unofficial-figure": "unverifiable"}


def test_sarif_carries_verdicts_and_stays_valid(tmp_path: Path) -> None:
    sarif = json.loads(_run(tmp_path, "sarif", str(SEED), _figures(tmp_path)))
    validate(sarif)
    results = sarif["runs"][0]["results"]
    by_rule: dict[str, list[dict[str, object]]] = {}
    for r in results:
        by_rule.setdefault(r["ruleId"], []).append(r["properties"])
    (weak,) = by_rule["attribution.unofficial-figure"]
    assert weak["verdict"] == "unverifiable"
    assert [c["verdict"] for c in weak["claims"]] == ["unverifiable"]  # type: ignore[attr-defined]
    (mismatch,) = by_rule["statistics.mismatch"]
    assert mismatch["verdict"] == "contradicted" and mismatch["claims"][0]["text"] == "2.4%"  # type: ignore[index]
    assert all(p["verdict"] == "supported" for p in by_rule["statistics.confirmed"] + by_rule["tenure.confirmed"])
    (unverified,) = by_rule["statistics.unverified"]
    assert unverified["verdict"] == "unverifiable"
    evidence = by_rule["statistics.mismatch"][0]["evidence"]
    assert evidence[0]["retrieved_at"] and evidence[0]["url"] and evidence[0]["source"] == "worldbank"  # type: ignore[index]


def test_html_says_unverifiable_for_a_weakly_attributed_figure(tmp_path: Path) -> None:
    with serve_fixtures() as wikidata, Checker(sources={"wikidata": wikidata.url, "worldbank": "http://127.0.0.1:9/v2"},
                                               source_config={"wikidata": FAST_SOURCE_CONFIG}, cache_dir=tmp_path) as c:
        report = c.check(SEED.read_text(encoding="utf-8"), doc_id=str(SEED), include_text=True)
    html = render_html(report)
    (doc,) = report.documents
    weak = next(f for f in doc.findings if f.rule == "attribution.unofficial-figure")
    row = html[html.index(f'data-fact="{weak.facts[0]}"'):]
    row = row[: row.index("</tr>")]
    assert "unverifiable" in row and "contradicted" not in row.lower()


def test_suppressed_findings_give_no_verdict_and_the_strongest_verdict_wins() -> None:
    from factcheck.model.facts import Quantity

    q = Quantity(id="f1", span={"start": 0, "end": 4}, text="3.5%", value=3.5, unit="percent")

    def finding(rule: str, severity: str, verdict: str | None = None, suppressed: str | None = None) -> Finding:
        return Finding(rule=rule, severity=severity, message="m", span={"start": 0, "end": 4, "line": 1, "column": 1},  # type: ignore[arg-type]
                       facts=["f1"], verdict=verdict, suppressed=suppressed)  # type: ignore[arg-type]

    weak = finding("attribution.unofficial-figure", "warning", "unverifiable")
    assert [c.verdict for c in claim_verdicts([q], [weak])] == ["unverifiable"]
    assert [c.verdict for c in claim_verdicts([q], [weak, finding("numbers.conflicting-figure", "warning")])] == [
        "contradicted"]
    assert claim_verdicts([q], [finding("numbers.conflicting-figure", "warning", suppressed="desk")]) == []
    doc = DocumentReport(path="x", facts=[q], findings=[weak])
    assert json.loads(doc.model_dump_json())["claims"][0]["verdict"] == "unverifiable"
    assert default_verdict("x.unverified", "info") == "unverifiable"
    assert default_verdict("x.y", "error") == "contradicted" and default_verdict("x.y", "info") == "supported"
