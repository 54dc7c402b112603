"""The Dask executor: ``factcheck check --executor dask [--scheduler tcp://HOST:PORT]``.

- :mod:`.plugin`    a worker plugin that builds the runner (checker, compiled rules) once per worker
                    process, and the task that checks one chunk of documents with it;
- :mod:`.executor`  :class:`DaskExecutor`, the :class:`~factcheck.batch.executor.Executor` on a cluster;
- :mod:`.cluster`   connecting to a scheduler, or starting a local cluster;
- :mod:`.limits`    the cluster-wide bound on reference requests in flight (a ``distributed.Semaphore``
                    per source).

Importing this package imports ``distributed`` (the ``factcheck[dask]`` extra).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from factcheck.batch.dask.cluster import connect
from factcheck.batch.dask.executor import DaskExecutor
from factcheck.batch.dask.limits import request_limits
from factcheck.batch.pool import cpu_count
from factcheck.batch.settings import BatchSettings, CheckerSettings
from factcheck.batch.tasks import Task
from factcheck.batch.worker import build_runner
from factcheck.model.findings import DocumentReport

if TYPE_CHECKING:
    from factcheck.batch.stop import StopRequest

__all__ = ["DaskExecutor", "connect", "dask_executor", "request_limits"]


def dask_executor(
    checker: CheckerSettings,
    batch: BatchSettings,
    on_lost: Callable[[Task, str], DocumentReport],
    *,
    stop: StopRequest | None = None,
) -> DaskExecutor[CheckerSettings, Task, DocumentReport]:
    """The executor for ``--executor dask``: the scheduler given, else a local cluster of ``--jobs``
    worker processes (connected to only when the first document needs checking)."""
    workers = batch.jobs or cpu_count()
    budgeted = checker.model_copy(update={"time_budget": batch.timeout})  # no worker kill: the checker keeps to it
    return DaskExecutor(
        build_runner, budgeted, on_lost, connect=lambda: connect(batch.scheduler, workers),
        limits=request_limits(checker), retries=batch.retries, stop=stop,
    )
