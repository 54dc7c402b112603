"""Input order across two kinds of item: results known up front, and tasks for the executor.

``merge(items, run)`` yields, in the order of ``items``, either the value of a :class:`Ready` item
or the next result of ``run(tasks)`` (an ordered map over the task items only). The tasks iterator
handed to ``run`` is pulled lazily by the executor, so nothing is read ahead beyond its window.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")

_PENDING = object()


def merge(
    items: Iterable[T | R], is_task: Callable[[T | R], bool], run: Callable[[Iterable[T]], Iterator[R]]
) -> Iterator[R]:
    slots: deque[object] = deque()  # ready values, or _PENDING for a task's result to come
    results: deque[R] = deque()  # results of tasks whose slot is not at the head yet

    def tasks() -> Iterator[T]:
        for item in items:
            if is_task(item):
                slots.append(_PENDING)
                yield item  # type: ignore[misc]
            else:
                slots.append(item)

    out = run(tasks())
    done = False
    while True:
        if slots and slots[0] is not _PENDING:
            yield slots.popleft()  # type: ignore[misc]
            continue
        if slots and results:
            slots.popleft()
            yield results.popleft()
            continue
        if done:
            return
        try:
            results.append(next(out))
        except StopIteration:
            done = True
