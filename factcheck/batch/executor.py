"""The executor interface, and the in-process implementation.

An executor runs ``runner = factory(settings)`` where the work happens (once per worker) and maps
tasks through it, yielding results in input order. It must never raise for one task's fault: a
task it cannot run becomes ``on_lost(task, reason)``. Nothing outside an executor may assume where
workers run: :class:`factcheck.batch.dask.DaskExecutor` implements :class:`Executor` on a cluster. Tasks carry their content,
not paths, so workers need no shared file system.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

if TYPE_CHECKING:
    from factcheck.batch.stop import StopRequest

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")
T_contra = TypeVar("T_contra", contravariant=True)
R_co = TypeVar("R_co", covariant=True)

Factory = Callable[[S], Callable[[T], R]]
OnLost = Callable[[T, str], R]


class Executor(Protocol[T_contra, R_co]):
    """Maps tasks to results, in input order, streaming; memory bounded whatever the input size."""

    def map_ordered(self, tasks: Iterable[T_contra]) -> Iterator[R_co]: ...

    def close(self) -> None: ...


class InProcessExecutor(Generic[S, T, R]):
    """Runs every task in this process (``--jobs 0``): simplest, but a crash ends the run."""

    def __init__(self, factory: Factory[S, T, R], settings: S, on_lost: OnLost[T, R], stop: StopRequest | None = None):
        self._factory = factory
        self._settings = settings
        self._on_lost = on_lost
        self._stop = stop
        self._runner: Callable[[T], R] | None = None

    def map_ordered(self, tasks: Iterable[T]) -> Iterator[R]:
        if self._runner is None:
            self._runner = self._factory(self._settings)
        for task in tasks:
            if self._stop is not None:
                self._stop.check()  # between two documents: the only safe place in this process
            try:
                yield self._runner(task)
            except Exception as exc:
                yield self._on_lost(task, f"{type(exc).__name__}: {exc}\n{traceback.format_exc(limit=5)}")

    def close(self) -> None:
        runner, self._runner = self._runner, None
        close = getattr(runner, "close", None)  # the checker's threads and files (a worker's end at exit)
        if callable(close):
            close()

    def __enter__(self) -> InProcessExecutor[S, T, R]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
