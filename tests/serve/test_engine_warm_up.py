"""An engine worker warms its extraction at start-up on the shipped rules' examples, so that the first
request does not pay for what extraction builds on first use (a 5 KB draft: 40 ms instead of 15), and
makes no reference look-up doing so."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.batch.settings import CheckerSettings
from factcheck.enrich.testing import FakeWikidata, fixtures_dir
from factcheck.model.document import Document
from factcheck.serve import engine


def test_build_engine_warms_extraction_on_the_rule_examples_without_look_ups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warmed: list[Document] = []
    real = engine.extract_facts

    def extract(doc: Document, patterns: object) -> object:
        warmed.append(doc)
        return real(doc, patterns)  # type: ignore[arg-type]

    monkeypatch.setattr(engine, "extract_facts", extract)
    with FakeWikidata.from_dir(fixtures_dir()) as wikidata:
        run = engine.build_engine(CheckerSettings(sources={"wikidata": wikidata.url}, cache_dir=str(tmp_path)))
        assert wikidata.requests == []
    assert len(warmed) == 1 and len(warmed[0].text) > 10_000  # the examples of every shipped rule
    assert run(engine.EngineTask(body="The ministers met in Tokyo on the 29th.", fmt="text", doc_id="d"))
