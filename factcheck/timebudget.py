"""A per-document time budget for the library (``Checker(time_budget=...)``) and ``--jobs 0``.

A worker process can be killed when a document runs too long; a check inside the caller's process
cannot be killed, only stopped waiting for. So a budgeted check runs on one of a few reusable
*daemon* threads and the caller waits at most the budget: a hostile draft cannot hold a CMS request
(or the interpreter's exit) for longer. The abandoned check is told to stop (:class:`Deadline`) and
does so at the next stage boundary; its result is dropped. Threads are reused rather than started per
check, so per-thread resources (the reference cache keeps one SQLite connection per thread) stay few;
a thread idle for ``IDLE_SECONDS`` exits.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

T = TypeVar("T")
DEFAULT_TIME_BUDGET = 60.0
MAX_THREADS = 16
IDLE_SECONDS = 2.0  # an idle thread exits: none lingers (a process with threads cannot fork its workers)


class BudgetExceeded(Exception):
    """The check did not finish within its time budget."""


class Deadline:
    """When a check must be done by; ``cancel()`` ends it early (the caller stopped waiting)."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds
        self._end = None if seconds is None else time.monotonic() + seconds
        self._cancelled = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    def expired(self) -> bool:
        return self._cancelled.is_set() or (self._end is not None and time.monotonic() >= self._end)

    def check(self, stage: str) -> None:
        """Raise :class:`BudgetExceeded` if the time is up (called between stages)."""
        if self.expired():
            raise BudgetExceeded(f"the time budget of {self.seconds:g} s ran out before {stage}")


class DaemonPool:
    """At most ``max_threads`` daemon threads running submitted calls, started on demand and reused."""

    def __init__(self, max_threads: int = MAX_THREADS, name: str = "factcheck-check") -> None:
        self._max = max_threads
        self._name = name
        self._tasks: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]] | None] = (
            queue.SimpleQueue()
        )
        self._lock = threading.Lock()
        self._threads = 0
        self._idle = 0
        self._closed = False
        self._started: list[threading.Thread] = []

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        future: Future[T] = Future()
        with self._lock:
            if self._closed:
                raise RuntimeError("the pool is closed")
            self._tasks.put((future, fn, args))
            if self._idle == 0 and self._threads < self._max:
                self._threads += 1
                thread = threading.Thread(target=self._work, name=f"{self._name}-{self._threads}", daemon=True)
                self._started = [t for t in self._started if t.is_alive()] + [thread]
                thread.start()
            else:
                self._idle -= 1  # that idle thread is taken by this task
        return future

    def _work(self) -> None:
        me = threading.current_thread()
        while True:
            me.factcheck_idle = True  # type: ignore[attr-defined]  # blocked in get(): no lock held (see batch.pool)
            try:
                item = self._tasks.get(timeout=IDLE_SECONDS)
            except queue.Empty:
                with self._lock:  # tasks are put under this lock too: none can be left without a thread
                    if self._tasks.empty() and self._idle > 0:
                        self._idle -= 1
                        self._threads -= 1
                        return
                continue
            finally:
                me.factcheck_idle = False  # type: ignore[attr-defined]
            if item is None:
                return
            future, fn, args = item
            if not future.set_running_or_notify_cancel():
                with self._lock:
                    self._idle += 1
                continue
            try:
                result: Any = fn(*args)
            except BaseException as exc:  # handed to the caller (who may have stopped waiting)
                with self._lock:
                    self._idle += 1  # before the caller can submit again: it is this thread's turn
                future.set_exception(exc)
                continue
            with self._lock:
                self._idle += 1
            future.set_result(result)

    def run(self, seconds: float, fn: Callable[[Deadline], T]) -> T:
        """``fn(deadline)`` on a pool thread; its result, or :class:`BudgetExceeded` after ``seconds``."""
        deadline = Deadline(seconds)
        future = self.submit(fn, deadline)
        try:
            return future.result(timeout=seconds)
        except FutureTimeout:
            deadline.cancel()
            future.cancel()
            raise BudgetExceeded(f"not done within the time budget of {seconds:g} s") from None

    def close(self, wait: float = 0.2) -> None:
        """Stop the threads; idle ones are gone on return (a thread still running an abandoned check
        is not waited for beyond ``wait`` seconds in all)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            threads, started = self._threads, list(self._started)
        for _ in range(threads):
            self._tasks.put(None)
        until = time.monotonic() + wait
        for thread in started:
            thread.join(max(0.0, until - time.monotonic()))
