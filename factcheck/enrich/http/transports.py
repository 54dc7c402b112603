"""httpx transports: :class:`BreakerTransport` over :class:`RetryTransport` over :class:`GuardTransport`
over the network transport.

- ``BreakerTransport`` is a circuit breaker: once a request has given up because the source cannot
  be reached at all (DNS failure, connection refused, connect timeouts: not one attempt connected;
  a reset or a 5xx on a connection that was made does not count), further requests fail at
  once for a cool-down period instead of each waiting through its own retries; then one request is
  let through to probe. A newsroom machine without network checks a draft in milliseconds, not after
  every claim's retries.

- ``GuardTransport`` holds a run-wide semaphore while a request is in flight (at most N at once) and
  reads the body with a size cap, so a 50 MB answer is cut off after ``max_bytes``. An optional
  ``limiter`` (anything with ``acquire(timeout=)``/``release()``, e.g. a ``distributed.Semaphore``)
  is held too, for a bound shared by every process of a cluster.
- ``RetryTransport`` retries timeouts, connection errors, 429, 5xx and the API's *maxlag* error -
  which arrives as HTTP 200 with a ``Retry-After`` header, so status-code based retry layers
  (httpx-retries) cannot see it - honouring ``Retry-After`` and a per-document :class:`Deadline`.
"""

from __future__ import annotations

import email.utils
import json
import random
import threading
import time
from collections.abc import Callable
from typing import Protocol

import httpx

from factcheck.enrich.config import Retries
from factcheck.enrich.errors import SourceError
from factcheck.enrich.http.deadline import DEADLINE_EXTENSION, Deadline


class Limiter(Protocol):
    """A bound on requests in flight held beyond this process (a cluster-wide semaphore)."""

    def acquire(self, timeout: float | None = None) -> bool: ...

    def release(self) -> bool: ...


class GuardTransport(httpx.BaseTransport):
    """Concurrency limit and response size cap around an inner transport."""

    def __init__(
        self, inner: httpx.BaseTransport, *, max_in_flight: int, max_bytes: int, limiter: Limiter | None = None
    ) -> None:
        self._inner = inner
        self._slots = threading.BoundedSemaphore(max_in_flight)
        self._max_bytes = max_bytes
        self._limiter = limiter

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline: Deadline | None = request.extensions.get(DEADLINE_EXTENSION)
        wait = deadline.remaining() if deadline is not None else None
        if not self._slots.acquire(timeout=wait):
            raise SourceError("budget", "no request slot free before the time budget ran out")
        try:
            if self._limiter is not None:
                wait = deadline.remaining() if deadline is not None else None
                if not self._limiter.acquire(timeout=wait):
                    raise SourceError("budget", "no cluster-wide request slot free before the time budget ran out")
            try:
                response = self._inner.handle_request(request)
                try:
                    body = self._read_capped(response)
                finally:
                    response.close()
            finally:
                if self._limiter is not None:
                    self._limiter.release()
        finally:
            self._slots.release()
        return httpx.Response(
            response.status_code,
            headers=response.headers,
            content=body,
            request=request,
            extensions=response.extensions,
        )

    def _read_capped(self, response: httpx.Response) -> bytes:
        declared = response.headers.get("content-length")
        if declared and declared.isdigit() and int(declared) > self._max_bytes:
            raise SourceError(
                "too_large", f"response of {int(declared):,} bytes is over the {self._max_bytes:,}-byte cap"
            )
        chunks: list[bytes] = []
        size = 0
        assert isinstance(response.stream, httpx.SyncByteStream)
        for chunk in response.stream:
            size += len(chunk)
            if size > self._max_bytes:
                raise SourceError("too_large", f"response body over the {self._max_bytes:,}-byte cap")
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        self._inner.close()


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def api_error_code(body: bytes) -> str | None:
    """The ``error.code`` of a MediaWiki API error body, if it is one."""
    if b'"error"' not in body[:4096]:
        return None
    try:
        data = json.loads(body)
    except ValueError:
        return None
    error = data.get("error") if isinstance(data, dict) else None
    return str(error.get("code")) if isinstance(error, dict) and "code" in error else None


def classify(response: httpx.Response) -> SourceError | None:
    """The retryable fault a response stands for, or None if it is an answer to hand up."""
    retry_after = parse_retry_after(response.headers.get("retry-after"))
    status = response.status_code
    if status == 429:
        return SourceError("rate_limited", "HTTP 429 Too Many Requests", retry_after=retry_after)
    if status >= 500:
        return SourceError("server_error", f"HTTP {status}", retry_after=retry_after)
    if status == 200 and api_error_code(response.content) == "maxlag":
        lag = response.headers.get("x-database-lag")
        detail = f" (database lag {lag}s)" if lag else ""
        return SourceError("maxlag", f"maxlag: replicas are lagging{detail}", retry_after=retry_after)
    return None


class RetryTransport(httpx.BaseTransport):
    """Bounded retries with exponential backoff and jitter; ``Retry-After`` wins when given."""

    def __init__(
        self,
        inner: httpx.BaseTransport,
        retries: Retries,
        *,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._inner = inner
        self._cfg = retries
        self._sleep = sleep

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        deadline: Deadline | None = request.extensions.get(DEADLINE_EXTENSION)
        base_timeout = dict(request.extensions.get("timeout", {}))
        attempts = self._cfg.attempts
        never_connected = True
        for attempt in range(1, attempts + 1):
            if deadline is not None:
                left = deadline.check("request")
                request.extensions["timeout"] = {
                    k: (min(v, left) if v is not None else left) for k, v in base_timeout.items()
                }
            try:
                response = self._inner.handle_request(request)
                never_connected = False
                fault = classify(response)
                if fault is None:
                    return response
            except httpx.ConnectError as exc:
                fault = SourceError("unreachable", f"cannot reach the source ({type(exc).__name__}: {exc})")
                if never_connected:  # no answer of any kind yet (DNS failure, refused): one quick retry,
                    attempts = min(attempts, 2)  # then the breaker above fails the rest fast
            except httpx.TimeoutException as exc:
                never_connected = never_connected and isinstance(exc, httpx.ConnectTimeout)
                fault = SourceError("timeout", f"timed out ({type(exc).__name__})")
            except httpx.TransportError as exc:
                never_connected = False
                fault = SourceError("unreachable", f"connection failed ({type(exc).__name__}: {exc})")
            except SourceError as exc:
                if not exc.retryable:
                    raise
                fault = exc
            if attempt >= attempts:  # ``attempts`` may have shrunk (connection errors)
                raise SourceError(
                    fault.reason, f"{fault} (gave up after {attempt} attempts)", no_connection=never_connected
                )
            self._wait(fault, attempt, deadline)
        raise AssertionError("unreachable")  # pragma: no cover

    def _wait(self, fault: SourceError, attempt: int, deadline: Deadline | None) -> None:
        if fault.retry_after is not None:
            delay = fault.retry_after
            if delay > self._cfg.retry_after_max:
                raise SourceError(
                    fault.reason, f"{fault}; Retry-After {delay:g}s is over the {self._cfg.retry_after_max:g}s cap"
                )
        else:
            delay = min(self._cfg.backoff_max, self._cfg.backoff * 2 ** (attempt - 1))
            delay *= 0.5 + random.random() / 2
        if deadline is not None and delay >= deadline.remaining():
            raise SourceError(
                fault.reason,
                f"{fault}; waiting {delay:g}s more would exceed the document's time budget",
            )
        self._sleep(delay)

    def close(self) -> None:
        self._inner.close()


class BreakerTransport(httpx.BaseTransport):
    """Fail fast while the source is known to be unreachable (see the module docstring)."""

    def __init__(
        self, inner: httpx.BaseTransport, *, cooldown: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._inner = inner
        self._cooldown = cooldown
        self._clock = clock
        self._lock = threading.Lock()
        self._open_until = 0.0
        self._last: SourceError | None = None

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            now = self._clock()
            if now < self._open_until and self._last is not None:
                raise SourceError(
                    "unreachable", f"{self._last} (not retried for {self._cooldown:g}s)", no_connection=True
                )
            if self._last is not None:  # half-open: this request probes; others fail fast meanwhile
                self._open_until = now + self._cooldown
        try:
            response = self._inner.handle_request(request)
        except SourceError as exc:
            if exc.no_connection:  # a reset or a slow answer on one request does not open the breaker
                with self._lock:
                    self._last = exc
                    self._open_until = self._clock() + self._cooldown
            raise
        with self._lock:
            self._last, self._open_until = None, 0.0
        return response

    def close(self) -> None:
        self._inner.close()
