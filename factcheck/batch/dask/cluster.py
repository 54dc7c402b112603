"""A Dask client: to the scheduler given, or to a local cluster of worker processes started for the run."""

from __future__ import annotations

import logging
from collections.abc import Callable

import dask
from distributed import Client, LocalCluster

from factcheck.batch.pool import WorkerInitError

CONNECT_TIMEOUT = "15s"


def local_cluster(workers: int) -> LocalCluster:
    """``workers`` processes of one thread on 127.0.0.1, no dashboard. A task whose worker dies is given up
    at once (``allowed-failures: 0``): the executor then runs the chunk's documents one by one, so that only
    the document that kills a second worker is reported as lost."""
    # the statistical profiler samples each worker's thread every 10 ms: a third more CPU per document here
    with dask.config.set({"distributed.scheduler.allowed-failures": 0, "distributed.worker.profile.enabled": False}):
        return LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address="127.0.0.1:0",
            silence_logs=logging.ERROR,
        )


def connect(scheduler: str | None, workers: int) -> tuple[Client, Callable[[], None]]:
    """A client, and what closes it (and the local cluster, if one was started)."""
    try:
        if scheduler:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
            return client, client.close
        cluster = local_cluster(workers)
        client = Client(cluster, set_as_default=False)
    except (OSError, TimeoutError) as exc:
        raise WorkerInitError(f"could not reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}") from None

    def close() -> None:
        client.close()
        cluster.close()

    return client, close
