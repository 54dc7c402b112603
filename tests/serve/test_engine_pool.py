"""The service's engine pool recovers when pebble strands a task: one scheduled just as the pool
breaks (a worker killed while idle) can sit in a queue no thread reads, neither started nor aborted.
Such a task is run in a new pool instead of holding its request until the client gives up."""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import datetime as dt
import time

from pebble import ProcessPool

from factcheck.batch.settings import CheckerSettings
from factcheck.serve.engine import EngineTask
from factcheck.serve.pool import WATCH_INTERVAL, EnginePool

SHIFT = "The 2% target was moved up by three years, from fiscal 2027 to fiscal 2025."


def test_a_task_stranded_in_a_broken_pool_runs_in_a_new_one() -> None:
    engine = EnginePool(CheckerSettings(references=False), workers=1, timeout=30)
    engine.start()
    real_schedule = engine._schedule
    stranded: list[cf.Future[bytes]] = []

    def strand_once(task: EngineTask) -> tuple[ProcessPool, cf.Future[bytes]]:
        if stranded:
            return real_schedule(task)
        broken = ProcessPool(max_workers=1)  # what pebble leaves: a pool no longer active, a task never started
        broken.stop()
        broken.join()
        stranded.append(cf.Future())
        return broken, stranded[0]

    engine._schedule = strand_once  # type: ignore[method-assign]
    try:
        began = time.monotonic()
        body = asyncio.run(_check(engine))
        waited = time.monotonic() - began
    finally:
        engine.close()
    assert b"timeline" in body  # the shift finding, from the new pool
    assert stranded[0].cancelled() and engine.replaced == 0  # the stranded pool was not ours to replace
    assert waited < 20 * WATCH_INTERVAL + 10  # not the client's 30 s: found within a few looks


async def _check(engine: EnginePool) -> bytes:
    engine._slots = asyncio.Semaphore(engine.workers)  # the semaphore belongs to this test's event loop
    return await engine.run(EngineTask(body=SHIFT, fmt="text", doc_id="draft", published=dt.date(2025, 10, 29)))
