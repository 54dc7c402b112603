"""The shared httpx client of a source: User-Agent, timeouts and the transport layers."""

from __future__ import annotations

import httpx

from factcheck.enrich.config import SourceConfig
from factcheck.enrich.http.transports import BreakerTransport, GuardTransport, Limiter, RetryTransport


def user_agent(contact: str) -> str:
    """``factcheck/<version> (<contact>) httpx/<version>`` (Wikimedia User-Agent policy)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        ours = version("factcheck")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        ours = "0"
    return f"factcheck/{ours} ({contact}) httpx/{httpx.__version__}"


def build_http_client(
    cfg: SourceConfig, *, inner: httpx.BaseTransport | None = None, limiter: Limiter | None = None
) -> httpx.Client:
    """An httpx client whose requests go breaker -> retry -> guard -> network (or ``inner``, for tests);
    ``limiter``: a bound on requests in flight shared with other processes (see GuardTransport)."""
    network = inner or httpx.HTTPTransport(retries=0)
    transport = BreakerTransport(
        RetryTransport(
            GuardTransport(network, max_in_flight=cfg.concurrency, max_bytes=cfg.max_response_bytes, limiter=limiter),
            cfg.retries,
        ),
        cooldown=cfg.retries.breaker_cooldown,
    )
    return httpx.Client(
        transport=transport,
        headers={"User-Agent": user_agent(cfg.contact), "Accept": "application/json"},
        timeout=httpx.Timeout(cfg.timeouts.read, connect=cfg.timeouts.connect),
        follow_redirects=True,
    )
