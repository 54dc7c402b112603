"""Engine worker processes for the service: a pebble ``ProcessPool`` behind an admission bound.

pebble gives what the service needs from a pool and what ``concurrent.futures`` lacks: a per-task
timeout that kills and replaces the worker running it (``timeout``, 504), and a worker that dies on
a draft (the C rule engine can SIGSEGV) fails only that task (``ProcessExpired``, ``engine_crashed``)
while the pool starts a fresh process. Each worker builds its engine once, in the pool's
initializer (:mod:`.worker`). A task that raised in the engine is ``engine_crashed`` too, without
losing the worker.

In front of the pool, an asyncio semaphore of ``workers`` slots: a request that gets no slot within
``timeout`` is :class:`Overloaded` (503), so requests queue in the event loop, where waiting costs
nothing, and never pile up inside the pool. A slot is released when pebble's future is done, not
when the request's coroutine ends, so a client that disconnects mid-check can never let more than
``workers`` drafts into the pool (and its check is not cancelled, which would cost a worker).

pebble breaks the whole pool when a worker dies while no task runs (its ``BrokenProcessPool``,
e.g. a worker killed from outside while idle); the pool is then replaced by a new one and the
requests it held, none of which had started, are run there. pebble can also strand a task: one
scheduled just as the pool breaks sits in a queue that no thread reads any more, neither started nor
aborted. A task is therefore watched while it waits: once its pool is no longer active and it has
not started, it is taken as aborted and run in a new pool, within ``WATCH_INTERVAL``.

Workers are started with ``forkserver`` (pebble starts replacements from its own threads, and
forking a threaded process can deadlock), the forkserver having imported the engine's modules once,
so that a replacement starts from warm imports.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import multiprocessing as mp
import threading
import time
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from pebble import ProcessExpired, ProcessPool

from factcheck.batch.pool import describe_exit
from factcheck.batch.settings import CheckerSettings
from factcheck.serve import worker
from factcheck.serve.engine import EngineTask

START_TIMEOUT = 120.0
WATCH_INTERVAL = 0.25  # seconds between looks at a waiting task's pool
PRELOAD = ["factcheck.serve.worker", "factcheck.checker"]


class EngineFailure(Exception):
    """The engine did not answer for this request; ``reason`` is for the server log (may hold a traceback)."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class EngineTimeout(EngineFailure):
    """The check ran past the time limit; its worker was killed and replaced."""


class EngineCrashed(EngineFailure):
    """The worker died on this draft (it is replaced), or the engine raised on it."""


class EngineUnavailable(EngineFailure):
    """The workers could not be started (bad configuration, or they die as they start)."""


class Overloaded(Exception):
    """No worker became free within the request's time limit."""


def _context() -> Any:
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(PRELOAD)
    return ctx


async def _outcome(pool: ProcessPool, future: cf.Future[bytes]) -> bytes:
    """``future``'s result, or :class:`BrokenProcessPool` if ``pool`` broke before the task started.

    A client that disconnects cancels this wait, never the task (the slot stays held until it ends)."""
    waiting = asyncio.wrap_future(future)
    while True:
        done, _ = await asyncio.wait({waiting}, timeout=WATCH_INTERVAL)
        if done:
            return waiting.result()
        if not future.running() and not pool.active and future.cancel():
            raise BrokenProcessPool("the pool broke before the task started")


class EnginePool:
    def __init__(self, settings: CheckerSettings, *, workers: int, timeout: float):
        self.settings = settings
        self.workers = workers
        self.timeout = timeout
        self.replaced = 0
        self._pool: ProcessPool | None = None
        self._slots: asyncio.Semaphore | None = None

    def _new_pool(self) -> ProcessPool:
        return ProcessPool(
            max_workers=self.workers, initializer=worker.init_worker, initargs=(self.settings,), context=_context()
        )

    def start(self) -> None:
        """Start the workers and wait until each has built its engine and checked a tiny draft.

        Raises :class:`EngineUnavailable` if they cannot (the server then does not start)."""
        self._slots = asyncio.Semaphore(self.workers)
        self._pool = self._new_pool()
        ready: set[int] = set()
        deadline = time.monotonic() + START_TIMEOUT
        try:
            while len(ready) < self.workers:
                if time.monotonic() > deadline:
                    raise EngineUnavailable(f"{len(ready)} of {self.workers} engine workers ready after {START_TIMEOUT:g} s")
                probes = [self._pool.schedule(worker.probe, args=(0.2,)) for _ in range(self.workers)]
                ready.update(p.result(timeout=max(deadline - time.monotonic(), 0.1)) for p in probes)
        except (BrokenProcessPool, RuntimeError, cf.TimeoutError) as exc:
            self.close()
            raise EngineUnavailable(f"engine workers could not start: {exc}") from None

    async def run(self, task: EngineTask) -> bytes:
        """The response JSON; raises :class:`Overloaded` or an :class:`EngineFailure`."""
        assert self._slots is not None and self._pool is not None, "EnginePool.start() first"
        slots = self._slots
        began = time.monotonic()
        if slots.locked():  # wait for a slot, at most the time limit (a free one is taken at once, without a task)
            try:
                await asyncio.wait_for(slots.acquire(), timeout=self.timeout)
            except asyncio.TimeoutError:
                raise Overloaded(f"no engine worker free within {time.monotonic() - began:.1f} s") from None
        else:
            await slots.acquire()
        try:
            return await self._run_in_pool(task, slots)
        except BrokenProcessPool as exc:  # twice in a row: the workers die as they start
            raise EngineUnavailable(f"engine workers lost ({exc}); they are restarted") from None

    async def _run_in_pool(self, task: EngineTask, slots: asyncio.Semaphore) -> bytes:
        """Run ``task`` holding one slot (released when pebble is done with it). pebble breaks the pool
        only when no task has started, so a task it aborted never ran: it is run once more, in a new pool."""
        loop = asyncio.get_running_loop()
        for attempt in (1, 2):
            if attempt == 2:  # the aborted future gave its slot back
                await slots.acquire()
            try:
                pool, future = self._schedule(task)
            except BaseException:
                slots.release()
                raise
            future.add_done_callback(lambda _: loop.call_soon_threadsafe(slots.release))
            try:
                return await _outcome(pool, future)
            except cf.TimeoutError:
                raise EngineTimeout(f"timed out after {self.timeout:g} s") from None
            except ProcessExpired as exc:
                raise EngineCrashed(describe_exit(exc.exitcode)) from None
            except BrokenProcessPool:
                self._replace(pool)
                if attempt == 2:
                    raise
            except Exception as exc:  # the engine raised: pebble hands the worker's exception back
                raise EngineCrashed(f"{type(exc).__name__}: {exc}\n{getattr(exc, 'traceback', '')}") from None
        raise AssertionError("unreachable")

    def _schedule(self, task: EngineTask) -> tuple[ProcessPool, cf.Future[bytes]]:
        pool = self._pool
        assert pool is not None
        try:
            return pool, pool.schedule(worker.check, args=(task,), timeout=self.timeout)
        except RuntimeError:  # the pool broke since the last request ("not active"): a new one, once
            pool = self._replace(pool)
            return pool, pool.schedule(worker.check, args=(task,), timeout=self.timeout)

    def _replace(self, broken: ProcessPool) -> ProcessPool:
        """A new pool in place of ``broken`` (unless another request replaced it already)."""
        assert self._pool is not None
        if broken is self._pool:
            old, self._pool = self._pool, self._new_pool()
            self.replaced += 1
            old.stop()
            threading.Thread(target=old.join, name="factcheck-pool-join", daemon=True).start()
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.stop()
            self._pool.join(timeout=10)
            self._pool = None
