"""A worker process's long-lived heap, kept out of the garbage collector's way.

A worker builds its engine once (compiled rules, patterns, word lists, caches: tens of thousands of
objects that live as long as the process) and then checks documents, each of which allocates and
frees many short-lived objects. Every full (generation 2) collection walks the whole heap, the
engine included: in a service worker that is a pause of tens of milliseconds every few dozen
requests, which lands in the latency tail. :func:`freeze_startup_heap` moves what exists after
start-up into the collector's permanent generation (``gc.freeze``), so collections only walk what
the documents allocated. Nothing is leaked: frozen objects are freed as usual when unreferenced;
only reference cycles among them are not collected, and the engine is kept for the process's life.
"""

from __future__ import annotations

import gc


def freeze_startup_heap() -> int:
    """Collect once, then freeze every object left; returns how many are now frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
