"""Engine worker processes for the service, on top of the batch package's :class:`ProcessExecutor`.

The batch executor is built for ordered streams (``map_ordered``), not for concurrent single
requests, so the service holds ``workers`` executors of one process each and checks one out per
request (an asyncio queue of free slots). What the executor already guarantees is reused as is:
a worker that dies fails only the document it held (here: that request, ``engine_crashed``) and is
replaced by a fresh process, so the next request succeeds; a document that runs past ``timeout``
gets its worker killed (``timeout``). ``retries=0``: a draft that crashed a worker is not re-run.

A slot is returned to the queue when its thread has really finished (a future's done-callback), so
a client that disconnects mid-check can never hand a busy executor to the next request.
"""

from __future__ import annotations

import asyncio
import concurrent.futures as cf
import time
from dataclasses import dataclass

from factcheck.batch.pool import ProcessExecutor, WorkerInitError
from factcheck.batch.settings import CheckerSettings
from factcheck.serve.engine import EngineTask, build_engine

WARM_UP = EngineTask(body="The ministers met in Tokyo on the 29th.", fmt="text", doc_id="<warm-up>")


@dataclass(frozen=True)
class Lost:
    """What ``on_lost`` hands back for a request whose worker died or was killed."""

    reason: str

    @property
    def timed_out(self) -> bool:
        return self.reason.startswith("timed out")


class EngineFailure(Exception):
    def __init__(self, lost: Lost):
        super().__init__(lost.reason)
        self.lost = lost


class Overloaded(Exception):
    """No worker became free within the request's time limit."""


def _on_lost(task: EngineTask, reason: str) -> Lost:
    return Lost(reason)


def _run_one(executor: ProcessExecutor[CheckerSettings, EngineTask, bytes | Lost], task: EngineTask) -> bytes | Lost:
    # Run the generator to its end: abandoning it mid-way makes the executor close its workers.
    (result,) = list(executor.map_ordered([task]))
    return result


class EnginePool:
    def __init__(self, settings: CheckerSettings, *, workers: int, timeout: float):
        self.settings = settings
        self.workers = workers
        self.timeout = timeout
        self._executors = [
            ProcessExecutor(build_engine, settings, _on_lost, jobs=1, retries=0, timeout=timeout)
            for _ in range(workers)
        ]
        self._threads = cf.ThreadPoolExecutor(max_workers=workers, thread_name_prefix="factcheck-engine")
        self._free: asyncio.Queue[ProcessExecutor[CheckerSettings, EngineTask, bytes | Lost]] | None = None

    def start(self) -> None:
        """Start every worker and wait until each has checked a tiny draft (rules compiled, imports done).

        Called before any thread exists, so the workers are forked (fast) rather than forkserver-started.
        """
        self._free = asyncio.Queue()
        for ex in self._executors:
            _run_one(ex, WARM_UP)
            self._free.put_nowait(ex)

    async def run(self, task: EngineTask) -> bytes:
        """The response JSON; raises :class:`Overloaded` or :class:`EngineFailure`."""
        assert self._free is not None, "EnginePool.start() first"
        began = time.monotonic()
        try:
            ex = await asyncio.wait_for(self._free.get(), timeout=self.timeout)
        except asyncio.TimeoutError:
            raise Overloaded(f"no engine worker free within {time.monotonic() - began:.1f} s") from None
        loop = asyncio.get_running_loop()
        free = self._free
        future = self._threads.submit(_run_one, ex, task)
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(free.put_nowait, ex))
        try:
            result = await asyncio.wrap_future(future)
        except WorkerInitError as exc:  # workers keep dying before they are ready (the executor restarts)
            raise EngineFailure(Lost(f"engine worker could not start: {exc}")) from None
        if isinstance(result, Lost):
            raise EngineFailure(result)
        return result

    def restarts(self) -> int:
        return sum(ex.restarts for ex in self._executors)

    def close(self) -> None:
        self._threads.shutdown(wait=True, cancel_futures=True)
        for ex in self._executors:
            ex.close()
