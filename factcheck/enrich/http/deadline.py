"""A time budget shared by every request made for one document (retries and waits included)."""

from __future__ import annotations

import time

from factcheck.enrich.errors import SourceError

DEADLINE_EXTENSION = "factcheck.deadline"


class Deadline:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._end = time.monotonic() + seconds

    def remaining(self) -> float:
        return max(0.0, self._end - time.monotonic())

    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def check(self, what: str) -> float:
        """Seconds left; raises ``SourceError('budget')`` if none."""
        left = self.remaining()
        if left <= 0.0:
            raise SourceError("budget", f"{what}: the time budget of {self.seconds:g}s ran out")
        return left
