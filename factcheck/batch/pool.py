"""The process-pool executor: N worker processes, each holding a few documents at a time.

Why not ``concurrent.futures`` or ``multiprocessing.Pool``: when a worker dies (the C rule engine can
SIGSEGV), the former breaks the whole pool and the latter loses the task silently. Here every worker
has its own pipe and the main process knows exactly which documents it holds, so a death fails only
the document it was working on (the oldest it held); that one is retried once in a fresh worker,
then reported through ``on_lost``; the documents queued behind it are requeued without penalty.

Results come back out of order and are released in input order; at most ``window`` tasks are
between "read from the input" and "yielded", so memory stays flat however long the input is.
Tasks go out in small batches (one message, up to ``BATCH`` tasks and, to a busy worker, at most a
pipe buffer's worth), so the main process can never block sending to a worker that is itself
blocked sending a result back; results come back one message per task.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import pickle
import signal
import threading
import time
import traceback
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic

from factcheck.batch.executor import Factory, OnLost, R, S, T
from factcheck.batch.lifeline import close_inherited, die_with_parent
from factcheck.batch.stop import StopRequest
from factcheck.heap import freeze_startup_heap, raise_young_threshold

SMALL_TASK = 64 * 1024
BATCH = 8
MAX_INIT_DEATHS = 3
_PROTOCOL = pickle.HIGHEST_PROTOCOL
PASSED_ENV = "FACTCHECK_"  # variables a worker gets from this process whatever the start method


class WorkerInitError(RuntimeError):
    """A worker could not build its runner (bad rules, bad config): nothing can be checked."""


def _worker_main(
    conn: Connection,
    factory: Callable[[Any], Callable[[Any], Any]],
    settings: Any,
    inherited: tuple[Connection, ...] = (),
    parent_pid: int | None = None,
    env: dict[str, str] | None = None,
) -> None:
    os.environ.update(env or {})  # a forkserver's children have the forkserver's environment, not ours
    close_inherited(inherited)  # forked: the parent's pipe ends, so that its death is end-of-file here
    die_with_parent(parent_pid)
    # The main process decides when to stop (Ctrl-C and a CI runner's SIGTERM reach the whole group).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    try:
        runner = factory(settings)
    except BaseException as exc:
        conn.send_bytes(pickle.dumps(("init_error", f"{type(exc).__name__}: {exc}", traceback.format_exc())))
        return
    freeze_startup_heap()  # full collections then skip the compiled rules (a few % of checking time)
    raise_young_threshold()  # and young ones run less often (each article allocates thousands of objects)
    conn.send_bytes(pickle.dumps(("ready",)))
    while True:
        try:
            msg = pickle.loads(conn.recv_bytes())
        except EOFError:
            return
        if msg is None:
            return
        for part in msg:  # a batch of pickled (seq, task); one result message per task
            seq, task = pickle.loads(part)
            try:
                out: tuple[Any, ...] = ("ok", seq, runner(task))
                payload = pickle.dumps(out, _PROTOCOL)
            except Exception as exc:
                reason = f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}"
                payload = pickle.dumps(("error", seq, reason), _PROTOCOL)
            conn.send_bytes(payload)


def describe_exit(code: int | None) -> str:
    if code is None:
        return "worker process stopped responding"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        return f"worker process died ({name})"
    return f"worker process exited with code {code}"


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    inflight: deque[int] = field(default_factory=deque)
    ready: bool = False
    since: float = field(default_factory=time.monotonic)


@dataclass
class _Run(Generic[T, R]):
    """Book-keeping of one ``map_ordered`` call."""

    tasks: dict[int, T] = field(default_factory=dict)
    queue: deque[int] = field(default_factory=deque)
    attempts: dict[int, int] = field(default_factory=dict)
    done: dict[int, R] = field(default_factory=dict)


def default_start_method() -> str:
    """``fork`` while this process has a single thread (workers start in ~30 ms, nothing is imported
    again); ``forkserver`` once threads exist (forking a threaded process can deadlock); ``spawn``
    where neither exists. The last two import ``__main__`` again: guard it with ``if __name__``.

    Idle time-budget threads (:mod:`factcheck.timebudget`, blocked waiting for work, holding no lock)
    do not count: a process that checked a document in-process can still fork its workers."""
    methods = mp.get_all_start_methods()
    me = threading.current_thread()
    busy = [t for t in threading.enumerate() if t is not me and not getattr(t, "factcheck_idle", False)]
    if "fork" in methods and not busy:
        return "fork"
    return "forkserver" if "forkserver" in methods else "spawn"


class ProcessExecutor(Generic[S, T, R]):
    """Runs tasks in ``jobs`` worker processes; see the module docstring for the guarantees."""

    def __init__(
        self,
        factory: Factory[S, T, R],
        settings: S,
        on_lost: OnLost[T, R],
        *,
        jobs: int,
        retries: int = 1,
        timeout: float | None = None,
        window: int | None = None,
        start_method: str | None = None,
        stop: StopRequest | None = None,
    ):
        if jobs < 1:
            raise ValueError("jobs must be at least 1")
        self._factory = factory
        self._settings = settings
        self._on_lost = on_lost
        self._jobs = jobs
        self._retries = retries
        self._timeout = timeout
        self._window = window or max(32 * jobs, 16)
        self._start_method = start_method
        self._stop = stop
        self._workers: list[_Worker] = []
        self._init_deaths = 0
        self.restarts = 0

    # -- workers ---------------------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        method = self._start_method or default_start_method()
        ctx = mp.get_context(method)
        parent, child = ctx.Pipe(duplex=True)
        # A forked child shares every open pipe end: it closes the parent's (its own and its siblings').
        # Other start methods pass only ``child`` (and the forkserver is the parent, not this process).
        forked = method == "fork"
        inherited = (parent, *(w.conn for w in self._workers if not w.conn.closed)) if forked else ()
        proc = ctx.Process(
            target=_worker_main,
            args=(child, self._factory, self._settings, inherited, os.getpid() if forked else None,
                  {k: v for k, v in os.environ.items() if k.startswith(PASSED_ENV)}),
            daemon=True,
            name="factcheck-worker",
        )
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _start(self) -> None:
        while len(self._workers) < self._jobs:
            self._workers.append(self._spawn())

    def worker_pids(self) -> list[int]:
        return [w.process.pid for w in self._workers if w.process.pid is not None]

    # -- the run ---------------------------------------------------------------------------------
    def map_ordered(self, tasks: Iterable[T]) -> Iterator[R]:
        run: _Run[T, R] = _Run()
        source = iter(tasks)
        exhausted = False
        next_seq = next_out = 0
        finished = False
        try:
            while True:
                if self._stop is not None:
                    self._stop.check()
                while not exhausted and next_seq - next_out < self._window:
                    try:
                        run.tasks[next_seq] = next(source)
                    except StopIteration:
                        exhausted = True
                        break
                    run.queue.append(next_seq)
                    next_seq += 1
                if next_out in run.done:
                    result = run.done.pop(next_out)
                    next_out += 1
                    yield result
                    continue
                if exhausted and next_out == next_seq:
                    finished = True
                    return
                self._start()  # lazily: a run whose every document is cached starts no worker
                for i in range(len(self._workers)):
                    self._dispatch(i, run)
                self._wait(run)
        finally:
            if not finished:  # abandoned mid-run (error, Ctrl-C): workers hold stale tasks
                self.close()

    def _dispatch(self, i: int, run: _Run[T, R]) -> None:
        """Send a worker that holds at most one task a batch of up to BATCH more (one message).

        A batch sent to a busy worker is at most SMALL_TASK bytes and nothing else of ours is unread in
        its pipe, so the send cannot block on a worker that is itself blocked sending a result.
        """
        w = self._workers[i]
        if not run.queue or len(w.inflight) > 1:
            return
        limit = min(BATCH, -(-len(run.queue) // len(self._workers)))
        parts: list[bytes] = []
        seqs: list[int] = []
        size = 0
        while run.queue and len(parts) < limit:
            seq = run.queue[0]
            part = pickle.dumps((seq, run.tasks[seq]), _PROTOCOL)
            if (parts or w.inflight) and size + len(part) > SMALL_TASK:
                break
            parts.append(part)
            seqs.append(seq)
            size += len(part)
            run.queue.popleft()
        if not parts:
            return
        try:
            w.conn.send_bytes(pickle.dumps(parts, _PROTOCOL))
        except OSError:
            run.queue.extendleft(reversed(seqs))
            self._death(i, run)
            return
        if not w.inflight:
            w.since = time.monotonic()
        w.inflight.extend(seqs)

    def _wait(self, run: _Run[T, R]) -> None:
        owners: dict[Any, int] = {}
        for i, w in enumerate(self._workers):
            owners[w.conn] = i
            owners[w.process.sentinel] = i
        timeout = None
        now = time.monotonic()
        if self._timeout is not None:
            busy = [w.since + self._timeout - now for w in self._workers if w.inflight and w.ready]
            timeout = max(min(busy), 0.0) + 0.01 if busy else None
        seen: set[int] = set()
        ready = wait([*owners, self._stop] if self._stop is not None else list(owners), timeout)
        if self._stop is not None:
            self._stop.check()  # a signal wakes this wait through the stop request's pipe
        for obj in ready:
            i = owners[obj]
            if i in seen:
                continue
            seen.add(i)
            w = self._workers[i]
            if self._drain(w, run) or obj is w.process.sentinel:
                self._drain(w, run)
                self._death(i, run)
        if self._timeout is not None:
            now = time.monotonic()
            for i, w in enumerate(self._workers):
                if w.inflight and w.ready and now - w.since > self._timeout:
                    w.process.kill()
                    self._death(i, run, reason=f"timed out after {self._timeout:g} s", retry=False)

    def _drain(self, w: _Worker, run: _Run[T, R]) -> bool:
        """Handle every message waiting on a worker's pipe; True if the pipe is closed."""
        try:
            while w.conn.poll():
                self._handle(w, pickle.loads(w.conn.recv_bytes()), run)
        except (EOFError, OSError):
            return True
        return False

    def _handle(self, w: _Worker, msg: tuple[Any, ...], run: _Run[T, R]) -> None:
        kind = msg[0]
        if kind == "ready":
            w.ready = True
            self._init_deaths = 0
            w.since = time.monotonic()
        elif kind == "init_error":
            self.close()
            raise WorkerInitError(msg[1])
        else:
            seq = msg[1]
            if w.inflight and w.inflight[0] == seq:
                w.inflight.popleft()
            w.since = time.monotonic()
            task = run.tasks.pop(seq)
            run.done[seq] = msg[2] if kind == "ok" else self._on_lost(task, msg[2])

    def _death(self, i: int, run: _Run[T, R], reason: str | None = None, retry: bool = True) -> None:
        w = self._workers[i]
        w.process.join(timeout=2)
        if w.process.is_alive():
            w.process.kill()
            w.process.join()
        why = reason or describe_exit(w.process.exitcode)
        w.conn.close()
        if not w.ready:
            self._init_deaths += 1
            if self._init_deaths >= MAX_INIT_DEATHS:
                self.close()
                raise WorkerInitError(f"workers keep dying before they are ready: {why}")
        culprit = w.inflight.popleft() if w.inflight else None
        run.queue.extendleft(reversed(w.inflight))  # innocents go first again, no penalty
        fresh = self._spawn()
        self.restarts += 1
        self._workers[i] = fresh
        if culprit is None:
            return
        run.attempts[culprit] = tries = run.attempts.get(culprit, 0) + 1
        if retry and tries <= self._retries:
            try:  # the retry goes to the fresh worker
                part = pickle.dumps((culprit, run.tasks[culprit]), _PROTOCOL)
                fresh.conn.send_bytes(pickle.dumps([part], _PROTOCOL))
                fresh.inflight.append(culprit)
                return
            except OSError:
                run.queue.appendleft(culprit)
                return
        note = f"; retried {tries - 1} time(s) in a fresh worker" if tries > 1 else ""
        run.done[culprit] = self._on_lost(run.tasks.pop(culprit), why + note)

    def close(self) -> None:
        workers, self._workers = self._workers, []
        for w in workers:
            with contextlib.suppress(OSError):
                w.conn.send_bytes(pickle.dumps(None))
        deadline = time.monotonic() + 2
        for w in workers:
            w.process.join(timeout=max(deadline - time.monotonic(), 0.05))
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()

    def __enter__(self) -> ProcessExecutor[S, T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1
