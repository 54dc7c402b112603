"""The service's engine workers freeze their start-up heap (rules, engine) for the garbage collector, so a full
collection during a request walks only what requests allocated (no pause of tens of ms in the latency tail),
and collect their young generation every YOUNG_THRESHOLD net allocations rather than CPython's 700, and
after every check."""

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


def young_after_checks() -> list[int]:
    """In a worker: the young generation's count after each of a few checks of a ~5 KB draft."""
    from factcheck.serve import worker

    draft = worker.EngineTask(body="The ministers met in Tokyo on the 29th. " * 120, fmt="text", doc_id="d")
    counts = []
    for _ in range(6):
        worker.check(draft)
        counts.append(gc.get_count()[0])
    return counts


def test_engine_workers_collect_after_each_check() -> None:
    """Collected when its check is done, the young generation never fills up in the middle of the next
    one (a collection walking a check's live objects was a pause of 4-6 ms every few dozen requests)."""
    pool = EnginePool(CheckerSettings(references=False), workers=1, timeout=60)
    pool.start()
    try:
        assert pool._pool is not None
        counts = pool._pool.schedule(young_after_checks).result(timeout=120)
    finally:
        pool.close()
    assert max(counts) < 100, counts  # without the collection it grows with every check (here ~1,000 and up)
