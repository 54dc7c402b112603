"""Reference prefetch for batch runs: look up many documents' claims at once, before they are checked.

Workers check one document at a time, so each would ask the reference sources for its own claims
only: a World Bank request per document instead of one per 50 (country, indicator) pairs. Here the
main process reads the claims of a window of documents (load and extract, as the workers will),
asks every source for all of them at once (the enrichers' ``prefetch``: batched across documents,
paged), and the answers land in the shared SQLite cache, from which the workers then answer. A
window is at most ``WINDOW`` documents and ``WINDOW_BYTES`` of input, so memory stays bounded on a
long run; the tasks go on to the executor unchanged, in order.

Nothing here can fail a run: a document that does not load or extract is left to its worker, and a
source that fails is reported by the workers' own look-ups. Skipped when there is nothing to gain:
references off, ``--offline`` (the cache answers or it does not), a custom checker factory (it may
not read this cache), or a window of a single document.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any

from factcheck.batch.settings import DEFAULT_FACTORY, CheckerSettings
from factcheck.batch.tasks import Task
from factcheck.model.document import Document
from factcheck.model.facts import FactBase, RoleMention, StatisticClaim, TenureStart

WINDOW = 2_000
WINDOW_BYTES = 64 * 1024 * 1024
#: Seconds all look-ups of one window may take (the workers' own look-ups still have theirs).
WINDOW_BUDGET = 300.0
_CLAIMS = (StatisticClaim, TenureStart, RoleMention)


def wanted(settings: CheckerSettings) -> bool:
    return settings.references and not settings.offline and settings.factory == DEFAULT_FACTORY


def windows(tasks: Iterable[Task], size: int, max_bytes: int) -> Iterator[list[Task]]:
    chunk: list[Task] = []
    held = 0
    for task in tasks:
        chunk.append(task)
        held += len(task.data)
        if len(chunk) >= size or held >= max_bytes:
            yield chunk
            chunk, held = [], 0
    if chunk:
        yield chunk


class Prefetcher:
    """The enrichers and patterns a worker would build, used for the reference look-ups only."""

    def __init__(self, settings: CheckerSettings) -> None:
        from factcheck.checker import resolve_patterns
        from factcheck.enrich.factory import build_enricher

        self.settings = settings
        self.patterns = resolve_patterns(settings.patterns or None)
        self.enricher: Any = build_enricher(
            overrides=settings.sources or None, offline=settings.offline, cache_dir=settings.cache_dir,
            config=dict(settings.source_config) or None,
        )

    def claims(self, task: Task) -> tuple[Document, list[FactBase]] | None:
        """The document's claims that need a reference, or None (not loadable, nothing to look up)."""
        from factcheck.batch.worker import load_task
        from factcheck.extract import extract_facts
        from factcheck.resolve import resolve_facts

        try:
            doc = load_task(task, self.settings)
            facts = resolve_facts(doc, extract_facts(doc, self.patterns))
        except Exception:  # its worker reports it
            return None
        claims = [f for f in facts if isinstance(f, _CLAIMS)]
        return (doc, claims) if claims else None

    def warm(self, chunk: list[Task]) -> int:
        """Look up every claim of ``chunk`` at once; how many documents had claims."""
        prefetch = getattr(self.enricher, "prefetch", None)
        if prefetch is None:
            return 0
        items = [item for item in map(self.claims, chunk) if item is not None]
        if items:
            with contextlib.suppress(Exception):  # the workers' own look-ups report what failed
                prefetch(items, budget=WINDOW_BUDGET)
        return len(items)

    def close(self) -> None:
        if self.enricher is not None:
            self.enricher.close()


def prefetched(
    tasks: Iterable[Task], settings: CheckerSettings, *, window: int = WINDOW, max_bytes: int = WINDOW_BYTES
) -> Iterator[Task]:
    """``tasks``, in order, each window's reference look-ups made before its first task is handed on."""
    if not wanted(settings):
        yield from tasks
        return
    prefetcher: Prefetcher | None = None
    broken = False
    try:
        for chunk in windows(tasks, window, max_bytes):
            if len(chunk) > 1 and not broken:
                if prefetcher is None:
                    try:
                        prefetcher = Prefetcher(settings)
                    except Exception:  # a bad source config: the workers say so
                        broken = True
                if prefetcher is not None:
                    prefetcher.warm(chunk)
            yield from chunk
    finally:
        if prefetcher is not None:
            prefetcher.close()
