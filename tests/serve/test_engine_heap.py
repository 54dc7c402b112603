"""The service's engine workers freeze their start-up heap (rules, engine) for the garbage collector, so a full
collection during a request walks only what requests allocated (no pause of tens of ms in the latency tail),
and collect their young generation every YOUNG_THRESHOLD net allocations rather than CPython's 700."""

from __future__ import annotations

import gc

from factcheck.batch.settings import CheckerSettings
from factcheck.heap import YOUNG_THRESHOLD
from factcheck.serve.pool import EnginePool


def test_engine_workers_freeze_their_start_up_heap_and_raise_the_young_threshold() -> None:
    pool = EnginePool(CheckerSettings(references=False), workers=1, timeout=60)
    pool.start()
    try:
        assert pool._pool is not None
        frozen = pool._pool.schedule(gc.get_freeze_count).result(timeout=60)
        threshold = pool._pool.schedule(gc.get_threshold).result(timeout=60)
    finally:
        pool.close()
    assert frozen > 10_000  # the compiled rules and the engine's modules, not a handful of objects
    assert threshold[0] == YOUNG_THRESHOLD != gc.get_threshold()[0]  # set in the worker, not in this process
