"""What a worker does with one task: load, check, apply the rule settings and suppressions.

:func:`build_runner` is called once per worker process (it builds the checker, so rules are
compiled once per worker); the runner it returns is called once per document and never raises for
a document's faults: they become error entries.
"""

from __future__ import annotations

import importlib
import os
import signal
import traceback
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from factcheck.batch.crossref.entries import cross_facts
from factcheck.batch.settings import CheckerSettings
from factcheck.batch.tasks import Task, error_report
from factcheck.config.apply import apply_rule_settings
from factcheck.load.documents import load_bytes, load_jsonl_line
from factcheck.load.errors import LoadError
from factcheck.model.document import Document
from factcheck.model.findings import DocumentReport
from factcheck.suppress import apply_suppressions

#: Test-only: a worker that meets a document containing this environment variable's value kills
#: itself with the signal named by FACTCHECK_TEST_CRASH_SIGNAL (default SIGKILL). Unset in real use.
CRASH_MARKER_ENV = "FACTCHECK_TEST_CRASH_MARKER"
CRASH_SIGNAL_ENV = "FACTCHECK_TEST_CRASH_SIGNAL"


class DocumentChecker(Protocol):
    def check_document(self, doc: Document) -> DocumentReport: ...


Runner = Callable[[Task], DocumentReport]


def load_factory(spec: str) -> Callable[[CheckerSettings], DocumentChecker]:
    module, _, name = spec.partition(":")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def load_task(task: Task, settings: CheckerSettings) -> Document:
    """The document of a task; raises :class:`LoadError` naming it (the loaders do all the work)."""
    if task.kind == "file":
        assert isinstance(task.data, bytes)
        return load_bytes(task.data, path=task.doc_id, published=settings.published)
    if task.kind == "text":
        data = task.data if isinstance(task.data, bytes) else task.data.encode("utf-8", "surrogatepass")
        return load_bytes(data, path=task.doc_id, published=settings.published, fmt="markdown")
    return load_jsonl_line(
        task.data, path=task.path or task.doc_id, lineno=task.lineno, published=settings.published,
        date_field=settings.date_field,
    )


def _crash_hook(doc: Document) -> None:
    marker = os.environ.get(CRASH_MARKER_ENV)
    if marker and marker in doc.text:
        os.kill(os.getpid(), getattr(signal, os.environ.get(CRASH_SIGNAL_ENV, "SIGKILL")))


def build_runner(settings: CheckerSettings, *, limiters: Mapping[str, Any] | None = None) -> Runner:
    """Build the checker once; return the per-document function. ``limiters`` (a Dask worker's
    cluster-wide request bounds, per source name) go to the checker factory when there are any."""
    factory = load_factory(settings.factory)
    checker = factory(settings, limiters=limiters) if limiters else factory(settings)  # type: ignore[call-arg]

    def run(task: Task) -> DocumentReport:
        return with_origin(check(task), task)

    def check(task: Task) -> DocumentReport:
        try:
            doc = load_task(task, settings)
        except LoadError as exc:
            return error_report(task.doc_id, "load", str(exc))
        _crash_hook(doc)
        try:
            if settings.include_text:
                report = checker.check_document(doc, include_text=True)  # type: ignore[call-arg]
            else:
                report = checker.check_document(doc)
        except Exception as exc:  # the checker promises not to raise; if it does, only this document fails
            return error_report(task.doc_id, "evaluate", f"{task.doc_id}: {type(exc).__name__}: {exc}",
                                traceback.format_exc(limit=5))
        report = apply_rule_settings(report, settings.disabled_rules, settings.severity_overrides)
        report = apply_suppressions(doc, report, known_rules=settings.known_rules)
        if settings.cross_article:  # the compact entries the run's cross-article pass compares
            report.crossref = cross_facts(doc, report)
        return report

    run.close = getattr(checker, "close", lambda: None)  # type: ignore[attr-defined]  # for in-process runs
    return run


def with_origin(report: DocumentReport, task: Task) -> DocumentReport:
    """The file (and a record's line) the report's document came from, for locations and baselines."""
    if report.source is None and task.path is not None:
        report.source = task.path
    if report.record_line is None and task.kind == "record":
        report.record_line = task.lineno
    return report
