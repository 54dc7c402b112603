"""A Dask client: to the scheduler given, or to a local cluster of worker processes started for the run."""

from __future__ import annotations

import logging
from collections.abc import Callable

import dask
from distributed import Client, LocalCluster

from factcheck.batch.pool import WorkerInitError

CONNECT_TIMEOUT = "15s"
#: The local cluster's scheduler and client share this process, and every process shares the machine's
#: cores with the workers: what Dask does on a timer costs checking time. The statistical profiler
#: samples each worker's thread every 10 ms (a third more CPU per document); the event-loop health
#: tick (20 ms) and the resource monitors (0.1 s and 0.5 s) wake every process, the workers' check
#: thread then giving up the GIL to them.
#: ``worker-saturation: 1.0``: a worker holds only the task it runs, none queued behind it, so that a
#: document re-run alone after a worker death never waits on a worker that the next chunk kills (it
#: would be given up with it and reported lost).
#: No ``MALLOC_TRIM_THRESHOLD_``: Dask's nanny sets it to 65536 in every worker's environment (and its own), which
#: makes glibc give the heap back to the system and grow it again all the time while a document is checked:
#: measured in one process, 20.5 ms of CPU per ~600-word article without it, 23.3 ms with it (+13%).
LOCAL_CONFIG = {
    "distributed.scheduler.allowed-failures": 0,
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


def local_cluster(workers: int) -> LocalCluster:
    """``workers`` processes of one thread on 127.0.0.1, no dashboard. A task whose worker dies is given up
    at once (``allowed-failures: 0``): the executor then runs the chunk's documents one by one, so that only
    the document that kills a second worker is reported as lost."""
    with dask.config.set(LOCAL_CONFIG):
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
        # results straight from the worker that holds them, not relayed by the scheduler (one hop less
        # through this process for every chunk)
        client = Client(cluster, set_as_default=False, direct_to_workers=True)
    except (OSError, TimeoutError) as exc:
        raise WorkerInitError(f"could not reach the Dask scheduler {scheduler or '(local cluster)'}: {exc}") from None

    def close() -> None:
        client.close()
        cluster.close()

    return client, close
