"""The time a reference answer was fetched, as findings cite it (not the time of the check)."""

from __future__ import annotations

import datetime as dt


def fetched_time(fetched_at: float | None) -> str | None:
    """An answer's fetch time (epoch seconds, as the cache keeps it) as ISO 8601 UTC, to the second."""
    if not fetched_at:
        return None
    return dt.datetime.fromtimestamp(fetched_at, dt.timezone.utc).replace(microsecond=0).isoformat()
