"""Every shipped rule's examples pass on both engines (what `factcheck rules test` runs)."""

from __future__ import annotations

import pytest

from factcheck.checker import Checker, resolve_ruleset
from factcheck.evaluate import available_engines
from factcheck.evaluate.ruletest import run_examples

RULESET = resolve_ruleset(None)


@pytest.fixture(scope="module")
def checkers():  # type: ignore[no-untyped-def]
    pool = {e: Checker(RULESET, engine=e, references=False) for e in available_engines()}
    yield pool
    for c in pool.values():
        c.close()


def test_every_shipped_rule_has_three_flag_and_three_pass_examples() -> None:
    for rule in RULESET.rules:
        assert len(rule.spec.examples.flag) >= 3, rule.id
        assert len(rule.spec.examples.pass_) >= 3, rule.id


@pytest.mark.parametrize("rule", [r for r in RULESET.rules if r.spec.examples.sources is None], ids=lambda r: r.id)
def test_rule_examples(rule, checkers) -> None:  # type: ignore[no-untyped-def]
    assert set(checkers) == {"durable", "python"}
    failures = [f"{r.location}: {r.problem}\n    {r.text}" for r in run_examples([rule], checkers) if not r.ok]
    assert not failures, "\n".join(failures)
