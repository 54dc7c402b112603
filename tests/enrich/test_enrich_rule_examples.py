"""The tenure rules' own examples, run against the fake Wikidata (online) or an empty cache (offline)."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.checker import Checker, resolve_ruleset
from factcheck.enrich.testing import FAST_SOURCE_CONFIG, FakeWikidata
from factcheck.evaluate.ruletest import run_examples

TENURE = Path(__file__).resolve().parents[2] / "rules" / "tenure"


@pytest.mark.parametrize("path", sorted(TENURE.glob("*.yaml")), ids=lambda p: p.stem)
def test_tenure_rule_examples(path: Path, wikidata: FakeWikidata, tmp_path: Path) -> None:
    ruleset = resolve_ruleset(None)  # all shipped rules: examples must hold among the others
    rules = [r for r in ruleset.rules if Path(r.path).resolve() == path.resolve()]
    assert len(rules) == 1
    offline = rules[0].spec.examples.sources == "offline"
    with Checker(ruleset, sources={"wikidata": wikidata.url}, offline=offline, cache_dir=tmp_path,
                 source_config={"wikidata": FAST_SOURCE_CONFIG}) as checker:
        results = run_examples(rules, {}, {rules[0].spec.examples.sources or "": checker})
    assert len(results) >= 6
    assert [r for r in results if not r.ok] == []
    if offline:
        assert wikidata.count() == 0
