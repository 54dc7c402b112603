"""Per worker process: the runner built once (a worker plugin), and the task that checks a chunk with it."""

from __future__ import annotations

import asyncio
import pickle
import threading
import time
import traceback
from collections.abc import Callable
from typing import Any

from distributed import Worker, get_worker
from distributed.diagnostics.plugin import WorkerPlugin

from factcheck.batch.dask.limits import cluster_limiters
from factcheck.heap import freeze_startup_heap

#: What a chunk task returns: ("ok", [("ok", pickled result) | ("error", reason), ...]), ("init_error", message),
#: or ("not_ready", message) when this worker has not set its runner up (yet).
#: Results travel pickled by the task itself (bytes, which Dask ships as they are): the worker's event loop
#: then only copies bytes (it does not walk the reports while the next chunk runs, competing for the GIL),
#: and the client's event loop, which runs the local cluster's scheduler too, does not unpickle them
#: (the main thread does, when their turn comes), so the scheduler hands the next chunk out without delay.
ChunkResult = tuple[str, Any]
PROTOCOL = pickle.HIGHEST_PROTOCOL
#: A restarted worker takes tasks before its plugins are set up (distributed starts the plugins after the
#: worker is running): a task waits this long for the runner, then asks to be sent again ("not_ready").
SETUP_WAIT_SECONDS = 60.0


class RunnerPlugin(WorkerPlugin):
    """Builds ``factory(settings)`` once when a worker starts (or when the plugin is registered), so the
    rules are compiled once per worker process, not once per task; a failure is kept and reported by
    the first task (the main process then stops the run, as a local worker that cannot start does)."""

    def __init__(self, factory: Callable[..., Callable[[Any], Any]], settings: Any, limits: dict[str, int]):
        self.factory = factory
        self.settings = settings
        self.limits = limits
        self.runner: Callable[[Any], Any] | None = None
        self.error: str | None = None
        self.builds = 0
        self.done = threading.Event()

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in ("done", "runner")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state, runner=None, done=threading.Event())

    async def setup(self, worker: Worker) -> None:
        limiters = cluster_limiters(worker, self.limits)
        # in a thread: building a checker takes seconds, and the worker's event loop must keep its heartbeat
        await asyncio.to_thread(self._build, limiters)

    def _build(self, limiters: dict[str, Any]) -> None:
        try:
            self.runner = self.factory(self.settings, limiters=limiters) if limiters else self.factory(self.settings)
            self.builds += 1
            freeze_startup_heap()  # full collections then skip the compiled rules (and Dask's own modules)
        except BaseException as exc:
            self.error = f"{type(exc).__name__}: {exc}"
        finally:
            self.done.set()

    def teardown(self, worker: Worker) -> None:
        runner, self.runner = self.runner, None
        close = getattr(runner, "close", None)
        if callable(close):
            close()


def run_chunk(plugin: str, tasks: list[Any]) -> ChunkResult:
    """Check ``tasks`` with this worker's runner; each result pickled, a task's exception (or a result that
    cannot be pickled) becomes its ("error", reason)."""
    worker = get_worker()
    deadline = time.monotonic() + SETUP_WAIT_SECONDS
    while plugin not in worker.plugins and time.monotonic() < deadline:
        time.sleep(0.05)
    p = worker.plugins.get(plugin)
    if not isinstance(p, RunnerPlugin) or not p.done.wait(max(deadline - time.monotonic(), 0)):
        return "not_ready", f"worker {worker.address} did not set up {plugin} within {SETUP_WAIT_SECONDS:g} s"
    if p.runner is None:
        return "init_error", p.error or "the worker has no runner"
    out: list[tuple[str, bytes | str]] = []
    for task in tasks:
        try:
            out.append(("ok", pickle.dumps(p.runner(task), PROTOCOL)))
        except Exception as exc:
            out.append(("error", f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}"))
    return "ok", out


def plugin_builds(plugin: str, dask_worker: Worker) -> int:
    """How many times this worker built its runner (``client.run`` helper, for tests and diagnostics)."""
    p = dask_worker.plugins.get(plugin)
    return p.builds if isinstance(p, RunnerPlugin) else 0
