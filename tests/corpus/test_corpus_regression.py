"""The labelled development corpus as a regression suite: no labelled finding or fact may regress,
and both engines agree on every passage. Accuracy thresholds are reported by bench/accuracy.py."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load_bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fc_bench_accuracy", ROOT / "bench" / "accuracy.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load_bench()
PASSAGES = bench.load_corpus()
IDS = [p.id for p in PASSAGES]


def test_corpus_shape() -> None:
    n = len(PASSAGES)
    assert n >= 200
    cats = [p.category for p in PASSAGES]
    assert cats.count("tricky") * 3 >= n
    assert cats.count("planted") * 3 >= n
    assert all(p.source for p in PASSAGES)
    planted = [p for p in PASSAGES if p.category == "planted"]
    assert all(len(p.must) >= 1 for p in planted)  # a planted inconsistency is labelled with its rule


@pytest.fixture(scope="module", params=["python", "durable"])
def outcomes(request: pytest.FixtureRequest) -> dict[str, Any]:
    result, rules = bench.evaluate(request.param)
    return {"by_id": {o.passage.id: o for o in result}, "rules": rules}


@pytest.mark.parametrize("pid", IDS)
def test_labelled_findings(outcomes: dict[str, Any], pid: str) -> None:
    o = outcomes["by_id"][pid]
    scored = set(outcomes["rules"])
    assert sorted(o.fired & scored) == sorted(o.passage.must), o.passage.text


@pytest.mark.parametrize("pid", IDS)
def test_labelled_facts(outcomes: dict[str, Any], pid: str) -> None:
    o = outcomes["by_id"][pid]
    assert o.missing_facts == [], o.passage.text


def test_engines_agree() -> None:
    python, _ = bench.evaluate("python")
    durable, _ = bench.evaluate("durable")
    assert [(o.passage.id, sorted(o.fired)) for o in python] == [(o.passage.id, sorted(o.fired)) for o in durable]
