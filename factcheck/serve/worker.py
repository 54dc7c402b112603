"""What runs inside one engine worker process of the service's pool (:mod:`.pool`).

:func:`init_worker` is the pool's initializer: it builds this process's engine once (rules compiled,
imports done, extraction warmed on the rules' examples, one tiny draft checked), freezes that heap
for the garbage collector (:mod:`factcheck.heap`) and raises the collector's first threshold
(:data:`~factcheck.heap.YOUNG_THRESHOLD`).
:func:`check` then runs per request, and collects once its check is done
(:func:`~factcheck.heap.collect_between_tasks`), so that no collection pauses a check half-way.
The engine lives in the one module-level slot below, which belongs to the worker process and is
written once, at its start: that is how a process pool hands per-process state to its tasks
(pebble, like ``multiprocessing``, pickles only the function and its arguments). The service's own
process never sets it.
"""

from __future__ import annotations

import os
import time

from factcheck.batch.settings import CheckerSettings
from factcheck.heap import collect_between_tasks, freeze_startup_heap, raise_young_threshold
from factcheck.serve.engine import EngineFn, EngineTask, build_engine

WARM_UP = EngineTask(body="The ministers met in Tokyo on the 29th.", fmt="text", doc_id="<warm-up>")

_engine: list[EngineFn] = []  # this worker process's engine, set once by init_worker


def init_worker(settings: CheckerSettings) -> None:
    engine = build_engine(settings)
    engine(WARM_UP)
    _engine.append(engine)
    freeze_startup_heap()  # full collections then skip the engine: no pause of tens of ms in the latency tail
    raise_young_threshold()


def check(task: EngineTask) -> bytes:
    (engine,) = _engine
    try:
        return engine(task)
    finally:  # the check's objects are dead: what is left to collect is its garbage in cycles
        collect_between_tasks()


def probe(hold: float) -> int:
    """This worker's pid, after holding it ``hold`` seconds (so that the next probe goes to another)."""
    (_engine_ready,) = _engine
    time.sleep(hold)
    return os.getpid()
