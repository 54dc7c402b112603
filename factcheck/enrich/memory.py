"""The in-memory layer in front of a source's SQLite cache: bounded, least recently used out first.

Callers hold their own lock around it (they check and fill it together with their single-flight table).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)

MEMORY_ITEMS = 4096


class BoundedMemory(Generic[K]):
    def __init__(self, items: int = MEMORY_ITEMS) -> None:
        self._items = items
        self._data: OrderedDict[K, tuple[Any, float]] = OrderedDict()

    def get(self, key: K) -> tuple[Any, float] | None:
        """The value and its fetch time, marking it recently used; None if absent."""
        hit = self._data.get(key)
        if hit is not None:
            self._data.move_to_end(key)
        return hit

    def put(self, key: K, value: tuple[Any, float]) -> None:
        self._data[key] = value
        self._data.move_to_end(key)
        while len(self._data) > self._items:
            self._data.popitem(last=False)

    def __len__(self) -> int:
        return len(self._data)
