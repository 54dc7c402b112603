"""Source faults: one exception type with a machine-readable reason, never raised past ``enrich``."""

from __future__ import annotations

from typing import Literal

Reason = Literal[
    "timeout",  # connect/read timed out
    "unreachable",  # connection refused, DNS, reset
    "rate_limited",  # HTTP 429
    "maxlag",  # the API's maxlag error (HTTP 200 + Retry-After)
    "server_error",  # HTTP 5xx
    "http_error",  # other non-success status
    "malformed",  # not the JSON shape the API promises
    "too_large",  # body over the configured cap
    "api_error",  # an {"error": {...}} answer other than maxlag
    "budget",  # the document's time budget ran out
    "offline",  # not in the cache and offline
    "cache",  # offline, and the cached answer was unreadable (deleted)
]

RETRYABLE: frozenset[str] = frozenset({"timeout", "unreachable", "rate_limited", "maxlag", "server_error"})


class SourceError(Exception):
    """A reference lookup failed; ``reason`` says how, ``str()`` says it for people."""

    def __init__(
        self, reason: Reason, message: str, *, retry_after: float | None = None, no_connection: bool = False
    ) -> None:
        super().__init__(message)
        self.reason: Reason = reason
        self.retry_after = retry_after
        #: True when not one attempt got a connection (DNS failure, refused, connect timeout): the
        #: source itself is out of reach, not just this request.
        self.no_connection = no_connection

    @property
    def retryable(self) -> bool:
        return self.reason in RETRYABLE
