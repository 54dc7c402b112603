"""What runs inside one engine worker process of the service's pool (:mod:`.pool`).

:func:`init_worker` is the pool's initializer: it builds this process's engine once (rules compiled,
imports done, one tiny draft checked), freezes that heap for the garbage collector
(:mod:`factcheck.heap`) and raises the collector's first threshold (:data:`YOUNG_THRESHOLD`).
:func:`check` then runs per request. The engine lives in the one module-level slot below, which
belongs to the worker process and is written once, at its start: that is how a process pool hands
per-process state to its tasks (pebble, like ``multiprocessing``, pickles only the function and its
arguments). The service's own process never sets it.
"""

from __future__ import annotations

import gc
import os
import time

from factcheck.batch.settings import CheckerSettings
from factcheck.heap import freeze_startup_heap
from factcheck.serve.engine import EngineFn, EngineTask, build_engine

WARM_UP = EngineTask(body="The ministers met in Tokyo on the 29th.", fmt="text", doc_id="<warm-up>")

#: Net container allocations between two young-generation collections (CPython's default: 700). A 5 KB
#: draft allocates so many short-lived objects that the default collected 2.75 times per request,
#: with a generation-1 collection every 4 requests: 1.6 ms of the request's time on a loaded
#: 2-core machine (0.23 ms with this threshold; most objects are freed by reference counting
#: before any collection sees them). Cycles are still collected, a few thousand objects later.
YOUNG_THRESHOLD = 10_000

_engine: list[EngineFn] = []  # this worker process's engine, set once by init_worker


def init_worker(settings: CheckerSettings) -> None:
    engine = build_engine(settings)
    engine(WARM_UP)
    _engine.append(engine)
    freeze_startup_heap()  # full collections then skip the engine: no pause of tens of ms in the latency tail
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)


def check(task: EngineTask) -> bytes:
    (engine,) = _engine
    return engine(task)


def probe(hold: float) -> int:
    """This worker's pid, after holding it ``hold`` seconds (so that the next probe goes to another)."""
    (_engine_ready,) = _engine
    time.sleep(hold)
    return os.getpid()
