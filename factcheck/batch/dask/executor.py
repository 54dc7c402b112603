"""``DaskExecutor``: the batch :class:`~factcheck.batch.executor.Executor` on a Dask cluster.

- The runner is built once per worker process by a :class:`~.plugin.RunnerPlugin`.
- Documents travel in chunks (up to CHUNK documents and CHUNK_BYTES of input per task); earlier chunks
  have higher priority, and at most ``window`` documents are between "read from the input" and
  "yielded", as with local worker processes, so memory stays flat.
- Results are released in input order.
- A worker that dies takes its chunks with it: the scheduler gives them up at once (the local cluster
  runs with ``allowed-failures: 0``), and their documents are run again one per task, one at a time and
  ahead of the other chunks, on the workers alive. A document whose single task kills a worker again (it has then killed two) is
  reported through ``on_lost``; the others are reported once, with their real results.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic

from distributed import Client, Future
from distributed.scheduler import KilledWorker

from factcheck.batch.dask.plugin import RunnerPlugin, plugin_builds, run_chunk
from factcheck.batch.executor import Factory, OnLost, R, S, T
from factcheck.batch.pool import WorkerInitError
from factcheck.batch.stop import StopRequest

#: 32 documents (about half a second of checking): the scheduler's and client's work per task (in this
#: process, which also writes the reports) is shared by four times as many documents as with 8 (measured: 3.2 -> 2.7 ms
#: of this process's CPU per document). With ``worker-saturation: 1.0`` a chunk never queues on a worker, so a
#: bigger chunk cannot hold a document re-run alone behind it.
CHUNK = 32
CHUNK_BYTES = 512 * 1024
IN_FLIGHT_CHUNKS = 3  # per worker at least: one running, the next ones queued while its result travels
POLL_SECONDS = 0.25
NOT_READY_TRIES = 5  # a chunk sent to a worker still setting up is sent again, this many times at most
#: A cluster with no worker for this long (its nannies could not start new ones, or an operator scaled it
#: to zero) fails the chunks waiting on it instead of waiting for ever; while it stays without workers,
#: later chunks fail at once. The run goes on and reports each of their documents as an error.
NO_WORKER_SECONDS = 120.0
WORKER_CHECK_SECONDS = 2.0
Connect = Callable[[], tuple[Client, Callable[[], None]]]


@dataclass
class _Chunk(Generic[T]):
    tasks: list[T]
    future: Future


class DaskExecutor(Generic[S, T, R]):
    def __init__(
        self,
        factory: Factory[S, T, R],
        settings: S,
        on_lost: OnLost[T, R],
        *,
        client: Client | None = None,
        connect: Connect | None = None,
        limits: dict[str, int] | None = None,
        retries: int = 1,
        chunk: int = CHUNK,
        window: int | None = None,
        stop: StopRequest | None = None,
        no_worker_seconds: float = NO_WORKER_SECONDS,
    ):
        if client is None and connect is None:
            raise ValueError("a client or a way to connect is needed")
        self._factory = factory
        self._settings = settings
        self._on_lost = on_lost
        self._client = client
        self._connect = connect
        self._shutdown: Callable[[], None] | None = None
        self._limits = dict(limits or {})
        self._retries = retries
        self._chunk = chunk
        self._window = window
        self._stop = stop
        self._plugin: str | None = None
        self._seq = 0
        self._no_worker_seconds = no_worker_seconds
        self._workerless_since: float | None = None  # monotonic time the cluster was first seen without workers

    # -- cluster -------------------------------------------------------------------------------------
    def _ready(self) -> Client:
        if self._client is None:
            assert self._connect is not None
            self._client, self._shutdown = self._connect()
        if self._plugin is None:
            name = f"factcheck-runner-{uuid.uuid4().hex[:12]}"
            self._client.register_plugin(RunnerPlugin(self._factory, self._settings, self._limits), name=name)
            self._plugin = name
        if self._window is None:
            workers = max(len(self._client.scheduler_info().get("workers", {})), 1)
            self._window = max(32 * workers, IN_FLIGHT_CHUNKS * self._chunk * workers, 16)
        return self._client

    @property
    def client(self) -> Client | None:
        return self._client

    @property
    def plugin(self) -> str | None:
        return self._plugin

    def worker_pids(self) -> dict[str, int]:
        return self._client.run(os.getpid) if self._client is not None else {}

    def runner_builds(self) -> dict[str, int]:
        """Per worker address, how many times it built its runner (1 each: rules compiled once per worker)."""
        if self._client is None or self._plugin is None:
            return {}
        return self._client.run(plugin_builds, self._plugin)

    # -- the run -------------------------------------------------------------------------------------
    def _submit(self, tasks: list[T], *, first: bool = False) -> Future:
        """Earlier chunks first; ``first``: ahead of every chunk (a document run alone after a death)."""
        assert self._client is not None and self._plugin is not None
        self._seq += 1
        return self._client.submit(run_chunk, self._plugin, tasks, pure=False, priority=1 if first else -self._seq,
                                   key=f"factcheck-chunk-{self._seq}-{uuid.uuid4().hex[:8]}")

    def map_ordered(self, tasks: Iterable[T]) -> Iterator[R]:
        source = iter(tasks)
        pending: deque[_Chunk[T]] = deque()
        in_flight = 0
        exhausted = finished = False
        try:
            while True:
                if self._stop is not None:
                    self._stop.check()
                while not exhausted and (self._window is None or in_flight < self._window):
                    chunk = self._take(source)
                    if not chunk:
                        exhausted = True
                        break
                    self._ready()
                    pending.append(_Chunk(chunk, self._submit(chunk)))
                    in_flight += len(chunk)
                if not pending:
                    finished = True
                    return
                head = pending.popleft()
                results = self._collect(head)
                in_flight -= len(head.tasks)
                yield from results
        finally:
            if not finished and self._client is not None:  # abandoned mid-run: drop what is queued
                with contextlib.suppress(Exception):
                    self._client.cancel([c.future for c in pending])

    def _take(self, source: Iterator[T]) -> list[T]:
        chunk: list[T] = []
        size = 0
        while len(chunk) < self._chunk and size < CHUNK_BYTES:
            try:
                task = next(source)
            except StopIteration:
                break
            chunk.append(task)
            data = getattr(task, "data", b"")
            size += len(data) if isinstance(data, bytes | str) else 0
        return chunk

    def _outcome(self, future: Future, tasks: list[T]) -> tuple[str, Any]:
        """("ok", value), ("killed", why) when its worker died, or ("error", why); a chunk that met a
        worker without its runner yet is sent again."""
        for _ in range(NOT_READY_TRIES):
            kind, value = self._wait(future)
            if kind != "ok" or value[0] != "not_ready":
                return kind, value
            future = self._submit(tasks, first=len(tasks) == 1)
        return "error", value[1]

    def _wait(self, future: Future) -> tuple[str, Any]:
        # Not ``future.result(timeout=)``: its time-out races with the result in distributed's sync() and
        # can raise UnboundLocalError for a finished task (seen once in 1,000 documents).
        done = threading.Event()
        future.add_done_callback(lambda _: done.set())
        next_check = time.monotonic() + (0.0 if self._workerless_since is not None else WORKER_CHECK_SECONDS)
        while not done.wait(POLL_SECONDS):
            if self._stop is not None:
                self._stop.check()
            if time.monotonic() >= next_check:
                next_check = time.monotonic() + (0.0 if self._workerless_since is not None else WORKER_CHECK_SECONDS)
                if (why := self._workerless()) is not None:
                    with contextlib.suppress(Exception):
                        future.cancel()
                    return "error", why
        if self._stop is not None:
            self._stop.check()
        try:
            return "ok", future.result()
        except KilledWorker as exc:
            return "killed", str(exc).split(". ")[0]
        except Exception as exc:
            return "error", f"{type(exc).__name__}: {exc}"

    def _workerless(self) -> str | None:
        """Why the chunk waited on is given up: the cluster has had no worker for ``no_worker_seconds``."""
        assert self._client is not None
        try:
            workers = len(self._client.scheduler_info().get("workers", {}))
        except Exception:  # the scheduler itself is gone: the future's own error will say so
            return None
        now = time.monotonic()
        if workers:
            self._workerless_since = None
            return None
        if self._workerless_since is None:
            self._workerless_since = now
        waited = now - self._workerless_since
        if waited < self._no_worker_seconds:
            return None
        return f"no Dask worker has been available for {waited:.0f} s; the document was not checked"

    def _results(self, tasks: list[T], value: Any) -> list[R]:
        status, payload = value
        if status == "init_error":
            self.close()
            raise WorkerInitError(payload)
        return [pickle.loads(r) if kind == "ok" else self._on_lost(t, r) for t, (kind, r) in zip(tasks, payload, strict=True)]

    def _collect(self, chunk: _Chunk[T]) -> list[R]:
        kind, value = self._outcome(chunk.future, chunk.tasks)
        if kind == "ok":
            return self._results(chunk.tasks, value)
        if kind == "error":
            return [self._on_lost(t, value) for t in chunk.tasks]
        return self._alone(chunk.tasks)  # its worker died: find the document that did it

    def _alone(self, tasks: list[T]) -> list[R]:
        """Each task again in a task of its own, one after the other and ahead of the chunks (so that a
        death now is this document's doing, not a neighbour's); one that kills a worker each time it
        runs is lost after ``retries`` more tries."""
        out: list[R] = []
        for task in tasks:
            deaths, future = 1, self._submit([task], first=True)
            while True:
                kind, value = self._outcome(future, [task])
                if kind == "ok":
                    out.append(self._results([task], value)[0])
                    break
                if kind == "error":
                    out.append(self._on_lost(task, value))
                    break
                deaths += 1
                if deaths > self._retries:
                    out.append(self._on_lost(task, f"worker process died ({value}); retried {deaths - 1} "
                                                   "time(s) on another worker"))
                    break
                future = self._submit([task], first=True)
        return out

    def close(self) -> None:
        client, plugin = self._client, self._plugin
        self._plugin = None
        if client is not None and plugin is not None:
            with contextlib.suppress(Exception):
                client.unregister_worker_plugin(plugin)
        shutdown, self._shutdown = self._shutdown, None
        if shutdown is not None:
            self._client = None
            with contextlib.suppress(Exception):
                shutdown()

    def __enter__(self) -> DaskExecutor[S, T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
