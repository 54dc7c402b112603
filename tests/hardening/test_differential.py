"""The two engines agree: saved minimal cases replayed, and a bounded random differential run.

Cases run in a worker subprocess (durable-rules can crash or hang). ``bench/differential.py`` runs the
same generator at scale (≥10,000 cases); set ``FACTCHECK_DIFF_CASES`` to change the bounded count here.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from diffgen import Outcome, Tally, Worker, generate, render, saved_cases

CI_CASES = int(os.environ.get("FACTCHECK_DIFF_CASES", "100"))


@pytest.fixture(scope="module")
def worker() -> Iterator[Worker]:
    w = Worker(timeout=30.0)
    yield w
    w.stop()


@pytest.mark.parametrize("path", saved_cases(), ids=lambda p: p.stem)
def test_saved_case_agrees(path: Path, worker: Worker) -> None:
    record = json.loads(path.read_text())
    out = worker.run(record["case"])
    expect = record.get("expect", "ok")
    assert out.status == expect, f"{record['note']}\n{record['where']}\n{out.detail}"


def test_bounded_random_differential(worker: Worker) -> None:
    tally = Tally()
    failures: list[tuple[dict[str, object], Outcome]] = []
    for i in range(CI_CASES):
        case = generate(f"ci:{i}")
        out = worker.run(case)
        tally.add(case, out)
        if out.failed:
            failures.append((case, out))
    detail = "\n".join(
        f"{o.status}: {[render(r['tree']) for r in c['rules']]} {o.detail[:300]}"  # type: ignore[index]
        for c, o in failures[:5]
    )
    assert not failures, f"{len(failures)} failing cases (run bench/differential.py to shrink and save):\n{detail}"
    assert tally.statuses.get("ok", 0) > CI_CASES // 2, tally  # the generator mostly makes loadable rules
    assert tally.matches > CI_CASES, tally  # and the rules do fire: the comparison is not vacuous


@pytest.mark.slow
def test_long_random_differential(worker: Worker) -> None:
    failures = []
    for i in range(2_000):
        case = generate(f"slow:{i}")
        out = worker.run(case)
        if out.failed:
            failures.append((render(case["rules"][0]["tree"]), out.status, out.detail[:300]))
    assert not failures, failures[:5]
