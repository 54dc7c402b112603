"""Waiting on single-flight look-ups: every key's shared future, within the caller's deadline."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from factcheck.enrich.errors import SourceError
from factcheck.enrich.http.deadline import Deadline

K = TypeVar("K", bound=Hashable)


def collect(waits: Mapping[K, Future[Any]], deadline: Deadline, found: dict[K, Any],
            failed: dict[K, SourceError]) -> None:
    """Each key's result into ``found``, or its error into ``failed`` (a look-up past the deadline is a
    ``budget`` error); never waits longer than the deadline allows."""
    for key, flight in waits.items():
        try:
            found[key] = flight.result(timeout=deadline.remaining() + 0.5)
        except FutureTimeout:
            failed[key] = SourceError("budget", f"the time budget of {deadline.seconds:g}s ran out")
        except SourceError as exc:
            failed[key] = exc
