"""Politeness for the whole cluster: at most a source's ``concurrency`` requests in flight at once,
summed over every worker process, through one ``distributed.Semaphore`` per source (held by the
scheduler; a dead worker's leases expire after ``distributed.scheduler.locks.lease-timeout``).

Each worker's own per-process bound (the same number) still applies; a request holds both.
"""

from __future__ import annotations

from distributed import Semaphore, Worker

from factcheck.batch.settings import CheckerSettings
from factcheck.enrich.config import SourceConfigError, load_sources


def semaphore_name(source: str) -> str:
    return f"factcheck-requests-{source}"


def request_limits(settings: CheckerSettings) -> dict[str, int]:
    """Source name -> requests in flight allowed across the cluster (none when nothing is looked up)."""
    if not settings.references or settings.offline:
        return {}
    try:
        sources = load_sources(config=dict(settings.source_config) or None, overrides=settings.sources or None)
    except SourceConfigError:  # the workers' checkers report it when they start
        return {}
    return {name: cfg.concurrency for name, cfg in sources.items()}


def cluster_limiters(worker: Worker, limits: dict[str, int]) -> dict[str, Semaphore]:
    """The semaphores, bound to ``worker``'s scheduler connection (requests are made from the
    reference clients' own threads, where Dask cannot find its worker by itself)."""
    return {
        name: Semaphore(max_leases=n, name=semaphore_name(name), scheduler_rpc=worker.scheduler, loop=worker.loop)
        for name, n in limits.items()
    }
