"""Many documents at once: inputs, worker processes, ordering, resume.

The pieces, each in its own module:

- :mod:`.settings`  what a worker needs to build its checker (plain, picklable data);
- :mod:`.inputs`    paths, directories, JSON Lines files and stdin -> a stream of :class:`Task`;
- :mod:`.worker`    one task -> one :class:`DocumentReport` (load, check, rule config, suppressions);
- :mod:`.executor`  the :class:`Executor` interface and the in-process implementation;
- :mod:`.pool`      the process-pool implementation (worker death fails only the document it held);
- :mod:`.dask`      the Dask executor (``--executor dask``; the optional ``factcheck[dask]`` extra);
- :mod:`.ordering`  merges ready results (cached, refused) with executor results in input order;
- :mod:`.shard`     ``--shard I/N``: a stable subset by a hash of each document's id;
- :mod:`.crossref`  the cross-article checks run after the per-document pass;
- :mod:`.run`       ties them together: ``run_batch(...) -> Iterator[DocumentReport]``;
- :mod:`.progress`  the progress bar and the one-line summary.
"""

from factcheck.batch.executor import Executor, InProcessExecutor
from factcheck.batch.pool import ProcessExecutor, WorkerInitError
from factcheck.batch.run import make_executor, run_batch
from factcheck.batch.settings import BatchSettings, CheckerSettings
from factcheck.batch.tasks import Ready, Task

__all__ = [
    "BatchSettings",
    "CheckerSettings",
    "Executor",
    "InProcessExecutor",
    "ProcessExecutor",
    "Ready",
    "Task",
    "WorkerInitError",
    "make_executor",
    "run_batch",
]
