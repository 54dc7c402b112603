"""The enricher against the fake Wikidata on 127.0.0.1: people, offices, dates, look-alikes."""

from __future__ import annotations

from enrich_helpers import doc_of, of_kind, role, seed_doc, seed_facts, tenure

from factcheck.enrich.testing import FakeWikidata, item, position_held
from factcheck.model.facts import ReferenceStatus, ReferenceTenure


def test_seed_references(make_enricher, wikidata) -> None:
    doc = seed_doc()
    result = make_enricher().enrich(doc, seed_facts(doc))
    assert result.errors == []
    refs = {r.text: r for r in of_kind(result.facts, "reference_tenure")}
    koizumi = refs["Minister Koizumi, who took office on the 21st"]
    assert isinstance(koizumi, ReferenceTenure)
    assert (koizumi.person, koizumi.person_id, koizumi.office) == ("Shinjirō Koizumi", "Q90000001", "Minister of Defense")
    assert koizumi.url == "https://www.wikidata.org/wiki/Q90000001"
    assert (koizumi.start, koizumi.precision, koizumi.end) == ("2025-10-21", "day", None)
    assert koizumi.person_key == "koizumi" and koizumi.office_key == "minister"  # the claim's keys
    assert koizumi.start_common == koizumi.claim_date_common == "2025-10-21"
    assert koizumi.span.start == doc.text.index("Minister Koizumi, who took office")
    assert koizumi.retrieved_at and koizumi.claim_kind == "tenure_start"
    assert refs["U.S. President Donald Trump"].start == "2025-01-20"  # the term that covers the date
    assert refs["U.S. Secretary of Defense Pete Hegseth"].office == "United States Secretary of Defense"
    assert refs["Japanese Prime Minister Sanae Takaichi"].office == "Prime Minister of Japan"
    statuses = of_kind(result.facts, "reference_status")
    assert len(statuses) == 5 and {s.status for s in statuses} == {"found"}
    assert all(s.in_office for s in statuses)
    assert all(f.id == "" for f in result.facts)
    # 4 searches (Koizumi searched once, by his full name) + people + positions, each batch once
    assert wikidata.count("wbsearchentities") == 4 and wikidata.count("wbgetentities") == 2


def test_wrong_day_disagrees_at_day_precision(make_enricher) -> None:
    doc = seed_doc("on the 12th")
    result = make_enricher().enrich(doc, seed_facts(doc, start="2025-10-12"))
    ref = next(r for r in of_kind(result.facts, "reference_tenure") if r.claim_kind == "tenure_start")
    assert ref.office == "Minister of Defense"  # not the deprecated 2025-10-12 statement, nor Agriculture
    assert (ref.start_common, ref.claim_date_common) == ("2025-10-21", "2025-10-12")


def test_month_precision_agrees(make_enricher) -> None:
    text = "Japanese Defense Minister Shinjiro Koizumi, who took office last October, met reporters."
    doc = doc_of(text, "2025-11-20")
    facts = [tenure(doc, "Shinjiro Koizumi, who took office last October", "Shinjiro Koizumi", "2025-10",
                    office="Defense Minister")]
    ref = of_kind(make_enricher().enrich(doc, facts).facts, "reference_tenure")[0]
    assert (ref.common_precision, ref.start_common, ref.claim_date_common) == ("month", "2025-10", "2025-10")


def test_diacritics_in_text(make_enricher) -> None:
    doc = doc_of("Defense Minister Shinjirō Koizumi spoke.")
    result = make_enricher().enrich(doc, [role(doc, "Defense Minister Shinjirō Koizumi", "Shinjirō Koizumi",
                                                "Defense Minister")])
    assert of_kind(result.facts, "reference_tenure")[0].person_id == "Q90000001"


def test_surname_alone_prefers_office_and_date(make_enricher) -> None:
    enricher = make_enricher()
    # 2005: "Prime Minister Koizumi" is Junichiro
    doc = doc_of("Prime Minister Koizumi visited Washington.", "2005-06-29")
    ref = of_kind(enricher.enrich(doc, [role(doc, "Prime Minister Koizumi", "Koizumi", "Prime Minister")]).facts,
                  "reference_tenure")[0]
    assert (ref.person, ref.office, ref.in_office) == ("Junichiro Koizumi", "Prime Minister of Japan", True)
    # 2025: "Defense Minister Koizumi" is Shinjiro
    doc = doc_of("Defense Minister Koizumi visited Washington.", "2025-10-29")
    ref = of_kind(enricher.enrich(doc, [role(doc, "Defense Minister Koizumi", "Koizumi", "Defense Minister")]).facts,
                  "reference_tenure")[0]
    assert (ref.person, ref.office) == ("Shinjirō Koizumi", "Minister of Defense")


def test_not_in_office(make_enricher) -> None:
    doc = doc_of("Japanese Prime Minister Junichiro Koizumi met reporters. Former Prime Minister Junichiro Koizumi.")
    facts = [
        role(doc, "Japanese Prime Minister Junichiro Koizumi", "Junichiro Koizumi", "Japanese Prime Minister"),
        role(doc, "Former Prime Minister Junichiro Koizumi", "Junichiro Koizumi", "Former Prime Minister"),
    ]
    statuses = of_kind(make_enricher().enrich(doc, facts).facts, "reference_status")
    current, former = statuses
    assert isinstance(current, ReferenceStatus)
    assert (current.status, current.in_office, current.office) == ("found", False, "Prime Minister of Japan")
    assert current.held == "2001-04-26 to 2006-09-26" and current.url == "https://www.wikidata.org/wiki/Q90000005"
    assert former.in_office is None  # "former" is not a claim of holding the office now


def test_unmatched_title_is_not_found_not_a_contradiction(make_enricher) -> None:
    doc = doc_of("Defense Minister Sanae Takaichi spoke.")
    result = make_enricher().enrich(doc, [role(doc, "Defense Minister Sanae Takaichi", "Sanae Takaichi",
                                                "Defense Minister")])
    (status,) = result.facts
    assert status.status == "not_found" and status.in_office is None and "Q90000002" in (status.reason or "")


def test_unknown_person(make_enricher) -> None:
    doc = doc_of("Defense Minister Nobody Atall spoke.")
    result = make_enricher().enrich(doc, [role(doc, "Defense Minister Nobody Atall", "Nobody Atall", "Defense Minister")])
    assert [(s.status, s.reason, s.unknown_to) for s in result.facts] == [
        ("not_found", "no entity named 'Nobody Atall'", "wikidata")]
    assert result.errors == []


def test_trump_terms(make_enricher) -> None:
    enricher = make_enricher()
    for published, date in (("2025-02-01", "2025-01-20"), ("2017-02-01", "2017-01-20")):
        doc = doc_of("President Donald Trump, who took office on January 20, spoke.", published)
        facts = [tenure(doc, "Donald Trump, who took office on January 20", "Donald Trump", date, office="President")]
        ref = of_kind(enricher.enrich(doc, facts).facts, "reference_tenure")[0]
        assert ref.start == date and ref.start_common == ref.claim_date_common


def test_prime_minister_of_canada(make_enricher) -> None:
    doc = doc_of("Mark Carney, prime minister of Canada, arrived.")
    facts = [role(doc, "Mark Carney, prime minister of Canada", "Mark Carney", "prime minister of Canada")]
    ref = of_kind(make_enricher().enrich(doc, facts).facts, "reference_tenure")[0]
    assert (ref.office, ref.in_office) == ("Prime Minister of Canada", True)


def test_no_claims_no_requests(make_enricher, wikidata) -> None:
    doc = doc_of("Nothing about officials here.")
    assert make_enricher().enrich(doc, []).facts == []
    assert wikidata.count() == 0


def test_etiquette_at_the_server(make_enricher, wikidata) -> None:
    doc = seed_doc()
    make_enricher().enrich(doc, seed_facts(doc))
    for seen in wikidata.requests:
        assert seen.params["maxlag"] == "5" and seen.params["format"] == "json"
        ua = seen.headers["User-Agent"]
        assert ua.startswith("factcheck/") and ") httpx/" in ua and "(" in ua
    gets = [r for r in wikidata.requests if r.action == "wbgetentities"]
    assert all(r.params["props"] == "claims|labels|aliases|descriptions" and r.params["languages"] == "en"
               for r in gets)


def test_redirected_entity(make_enricher, wikidata) -> None:
    records, failed = make_enricher().client.entities(["Q90000009"], _deadline())
    assert failed == {} and records["Q90000009"].id == "Q90000001"


def _deadline():
    from factcheck.enrich.http.deadline import Deadline

    return Deadline(5)


def test_diacritics_retried_without_when_the_source_does_not_fold(make_enricher) -> None:
    plain = {"Q1": item("Q1", "Taro Kono", description="Japanese politician",
                        positions=[position_held("Q1", "Q2", start="2019-09-11", end="2020-09-16")]),
             "Q2": item("Q2", "Minister of Defense", description="Japanese cabinet minister")}
    with FakeWikidata(plain, fold_search=False) as server:
        doc = doc_of("Defense Minister Tarō Kōno spoke.", "2020-01-10")
        facts = [role(doc, "Defense Minister Tarō Kōno", "Tarō Kōno", "Defense Minister")]
        result = make_enricher(server=server).enrich(doc, facts)
        assert [r.params["search"] for r in server.requests if r.action == "wbsearchentities"] == [
            "Tarō Kōno", "Taro Kono"]
    assert of_kind(result.facts, "reference_tenure")[0].person_id == "Q1"


def test_positions_that_failed_make_the_claim_failed_not_not_found(make_enricher, wikidata) -> None:
    doc = doc_of("Japanese Prime Minister Sanae Takaichi spoke.")
    facts = [role(doc, "Japanese Prime Minister Sanae Takaichi", "Sanae Takaichi", "Japanese Prime Minister")]
    enricher = make_enricher()
    enricher.client.search(["Sanae Takaichi"], _deadline())
    enricher.client.entities(["Q90000002"], _deadline())  # the person is cached, her positions are not
    wikidata.add_fault("500", times=-1, action="wbgetentities")
    result = enricher.enrich(doc, facts)
    assert [s.status for s in result.facts] == ["failed"] and result.notes[0].reason == "server_error"


def test_unwritable_cache_dir_runs_without_cache(tmp_path, wikidata) -> None:
    import pytest

    from factcheck.enrich.config import load_sources
    from factcheck.enrich.factory import build_wikidata_enricher

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cfg = load_sources(overrides={"wikidata": wikidata.url})["wikidata"]
    with pytest.warns(RuntimeWarning, match="cache disabled"):
        enricher = build_wikidata_enricher(cfg, cache_dir=blocker / "sub")
    try:
        doc = doc_of("Defense Minister Shinjiro Koizumi spoke.")
        facts = [role(doc, "Defense Minister Shinjiro Koizumi", "Shinjiro Koizumi", "Defense Minister")]
        assert of_kind(enricher.enrich(doc, facts).facts, "reference_tenure")
    finally:
        enricher.close()
