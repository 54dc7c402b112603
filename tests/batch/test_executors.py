"""The executor interface: input order, bounded read-ahead, init errors; the ordering merge."""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.batch import InProcessExecutor, ProcessExecutor, WorkerInitError
from factcheck.batch.ordering import merge
from factcheck.heap import YOUNG_THRESHOLD


def square_factory(delay_every: int) -> Callable[[int], tuple[int, int]]:
    import time

    def run(x: int) -> tuple[int, int]:
        if delay_every and x % delay_every == 0:
            time.sleep(0.01)  # make results come back out of order
        return x, os.getpid()

    return run


def failing_factory(_: object) -> Callable[[int], int]:
    raise ValueError("bad rules")


def raising_factory(_: object) -> Callable[[int], int]:
    def run(x: int) -> int:
        if x == 3:
            raise KeyError("three")
        return x

    return run


def lost(task: int, reason: str) -> str:
    return f"lost {task}: {reason.splitlines()[0]}"


def test_process_executor_keeps_input_order_across_workers() -> None:
    with ProcessExecutor(square_factory, 3, lost, jobs=2) as ex:
        out = list(ex.map_ordered(range(300)))
    assert [x for x, _ in out] == list(range(300))  # type: ignore[misc]
    assert len({pid for _, pid in out}) == 2  # type: ignore[misc]


def test_read_ahead_is_bounded() -> None:
    pulled = 0

    def source() -> Iterator[int]:
        nonlocal pulled
        for i in range(2000):
            pulled += 1
            yield i

    with ProcessExecutor(square_factory, 0, lost, jobs=2, window=10) as ex:
        for n, _ in enumerate(ex.map_ordered(source()), start=1):
            assert pulled - n <= 10
    assert pulled == 2000


def test_worker_init_error_is_raised_once() -> None:
    with ProcessExecutor(failing_factory, None, lost, jobs=2) as ex, pytest.raises(WorkerInitError, match="bad rules"):
        list(ex.map_ordered(range(5)))


def test_task_exception_becomes_on_lost_in_both_executors() -> None:
    with ProcessExecutor(raising_factory, None, lost, jobs=2) as ex:
        out = list(ex.map_ordered(range(6)))
    assert out[:3] == [0, 1, 2] and str(out[3]).startswith("lost 3: KeyError") and out[4:] == [4, 5]
    assert list(InProcessExecutor(raising_factory, None, lost).map_ordered(range(6)))[3] == out[3]


def test_executor_reused_for_a_second_run() -> None:
    with ProcessExecutor(square_factory, 0, lost, jobs=2) as ex:
        first = [x for x, _ in ex.map_ordered(range(10))]  # type: ignore[misc]
        second = [x for x, _ in ex.map_ordered(range(10, 20))]  # type: ignore[misc]
    assert first == list(range(10)) and second == list(range(10, 20))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers()), max_size=60))
def test_merge_keeps_input_order(items: list[tuple[bool, int]]) -> None:
    def run(tasks: object) -> Iterator[int]:
        for is_task, value in tasks:  # type: ignore[attr-defined]
            assert is_task
            yield -value

    out = list(merge(items, lambda item: item[0], run))
    assert out == [-v if t else (t, v) for t, v in items]  # type: ignore[comparison-overlap]


def frozen_count_factory(_: object) -> Callable[[int], int]:
    def run(_: int) -> int:
        return gc.get_freeze_count()

    return run


def test_workers_freeze_their_start_up_heap_for_the_gc() -> None:
    """Full collections in a worker then skip what it built at start-up (a few % of checking time)."""
    with ProcessExecutor(frozen_count_factory, None, lost, jobs=1) as ex:
        counts = list(ex.map_ordered(range(3)))
    assert all(n > 1000 for n in counts), counts


def threshold_factory(_: object) -> Callable[[int], int]:
    def run(_: int) -> int:
        return gc.get_threshold()[0]

    return run


def test_workers_collect_their_young_generation_less_often() -> None:
    """Each article allocates thousands of short-lived objects: CPython's default (700) collected several
    times per article; the worker raises it, this process keeps its own."""
    with ProcessExecutor(threshold_factory, None, lost, jobs=1) as ex:
        thresholds = list(ex.map_ordered(range(2)))
    assert thresholds == [YOUNG_THRESHOLD] * 2 != [gc.get_threshold()[0]] * 2
