"""A batch run: inputs -> (resume state) -> executor -> reports, streamed in input order."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import BinaryIO

from factcheck.batch.crossref.reduce import cross_article
from factcheck.batch.executor import Executor, InProcessExecutor
from factcheck.batch.inputs import iter_tasks
from factcheck.batch.ordering import merge
from factcheck.batch.pool import ProcessExecutor
from factcheck.batch.prefetch import prefetched
from factcheck.batch.settings import BatchSettings, CheckerSettings
from factcheck.batch.shard import in_shard
from factcheck.batch.stop import StopRequest
from factcheck.batch.tasks import Ready, Task, error_report
from factcheck.batch.worker import build_runner
from factcheck.model.findings import DocumentReport
from factcheck.state import StateStore

DocExecutor = Executor[Task, DocumentReport]


def lost_report(task: Task, reason: str) -> DocumentReport:
    """The error entry of a document whose worker died (or raised) while checking it."""
    return error_report(task.doc_id, "evaluate", f"{task.doc_id}: {reason.splitlines()[0]}", reason)


def make_executor(checker: CheckerSettings, batch: BatchSettings, stop: StopRequest | None = None) -> DocExecutor:
    if batch.executor == "dask":  # imported here: distributed is an optional extra, and slow to import
        from factcheck.batch.dask import dask_executor

        return dask_executor(checker, batch, lost_report, stop=stop)
    if batch.jobs == 0:  # no worker to kill: the checker itself keeps to the per-document time limit
        budgeted = checker.model_copy(update={"time_budget": batch.timeout})
        return InProcessExecutor(build_runner, budgeted, lost_report, stop=stop)
    return ProcessExecutor(
        build_runner, checker, lost_report, jobs=batch.jobs, retries=batch.retries, timeout=batch.timeout, stop=stop
    )


def _with_state(items: Iterable[Task | Ready], state: StateStore) -> Iterator[Task | Ready]:
    for item in items:
        if isinstance(item, Task):
            key = item.digest()
            if state.has(key):
                yield Ready(loader=partial(state.load, key, item.doc_id))
                continue
        yield item


def run_batch(
    paths: Iterable[str],
    checker: CheckerSettings,
    batch: BatchSettings,
    *,
    executor: DocExecutor | None = None,
    stdin: BinaryIO | None = None,
    state: StateStore | None = None,
    stop: StopRequest | None = None,
    on_checked: Callable[[DocumentReport], None] | None = None,
) -> Iterator[DocumentReport]:
    """Check every document of ``paths``; one report per document, in input order.

    ``on_checked`` sees each report as the per-document pass produces it (before the cross-article
    pass holds the reports back until the end of the run).

    A document that cannot be read, or whose worker died twice, yields a report with an error entry
    naming it; nothing a document does stops the run. An executor passed in is not closed here.
    """
    items: Iterable[Task | Ready] = iter_tasks(
        paths, include=batch.include, exclude=batch.exclude, max_bytes=batch.max_bytes, stdin=stdin,
        stdin_jsonl=batch.stdin_jsonl, select=None if batch.shard is None else partial(in_shard, shard=batch.shard),
    )
    if state is not None:
        items = _with_state(items, state)
    own = executor is None
    ex: DocExecutor = executor if executor is not None else make_executor(checker, batch, stop)
    keys: deque[str] = deque()

    def run(tasks: Iterable[Task]) -> Iterator[DocumentReport]:
        def keyed() -> Iterator[Task]:
            for task in prefetched(tasks, checker):  # reference look-ups batched across documents
                if state is not None:
                    keys.append(task.digest())
                yield task

        for report in ex.map_ordered(keyed()):
            if state is not None:
                key = keys.popleft()
                state.store(key, report)
                report = state.note(key, report)  # after storing: the stored entry carries no note
            yield report

    def ordered() -> Iterator[DocumentReport]:
        for out in merge(items, lambda item: isinstance(item, Task), run):
            if stop is not None:
                stop.check()
            report = out.get() if isinstance(out, Ready) else out
            if on_checked is not None:
                on_checked(report)
            yield report

    try:
        if checker.cross_article:
            reports = cross_article(ordered(), disabled=checker.disabled_rules, severity=checker.severity_overrides)
        else:
            reports = ordered()
        for report in reports:
            if stop is not None:
                stop.check()
            yield report
    finally:
        if own:
            ex.close()

