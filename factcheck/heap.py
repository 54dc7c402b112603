"""A worker process's long-lived heap, kept out of the garbage collector's way.

A worker builds its engine once (compiled rules, patterns, word lists, caches: tens of thousands of
objects that live as long as the process) and then checks documents, each of which allocates and
frees many short-lived objects. Every full (generation 2) collection walks the whole heap, the
engine included: in a service worker that is a pause of tens of milliseconds every few dozen
requests, which lands in the latency tail. :func:`freeze_startup_heap` moves what exists after
start-up into the collector's permanent generation (``gc.freeze``), so collections only walk what
the documents allocated. Nothing is leaked: frozen objects are freed as usual when unreferenced;
only reference cycles among them are not collected, and the engine is kept for the process's life.
:func:`raise_young_threshold` then makes young collections rarer (:data:`YOUNG_THRESHOLD`).
A service worker also collects after each request (:func:`collect_between_tasks`), when the
request's objects are dead, so that no collection pauses a check half-way.
"""

from __future__ import annotations

import gc


def freeze_startup_heap() -> int:
    """Collect once, then freeze every object left; returns how many are now frozen."""
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()


#: Net container allocations between two young-generation collections (CPython's default: 700). A 5 KB
#: draft allocates so many short-lived objects that the default collected 2.75 times per request,
#: with a generation-1 collection every 4 requests: 1.6 ms of the request's time on a loaded
#: 2-core machine (0.23 ms with this threshold; most objects are freed by reference counting
#: before any collection sees them). In a batch worker over ~600-word articles the default cost
#: 0.3-0.6 ms of the ~13 ms each article takes (measured with ``gc.callbacks``). Cycles are still
#: collected, a few thousand objects later.
YOUNG_THRESHOLD = 10_000


def raise_young_threshold() -> None:
    """Collect the young generation every :data:`YOUNG_THRESHOLD` net allocations (this process only)."""
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(YOUNG_THRESHOLD, older, oldest)


#: As CPython's defaults: generation 1 is collected every 10 young collections, generation 2 every
#: 10 of those (only the objects that survived since the start-up heap was frozen).
OLDER_EVERY = 10


def collect_between_tasks() -> None:
    """A young collection now (the previous task's objects dead), older ones every :data:`OLDER_EVERY`.

    With the young threshold at :data:`YOUNG_THRESHOLD` alone, a collection fired in the middle of a
    check every few dozen 5 KB drafts, walking that check's live objects: 4-6 ms each, a generation-1
    collection as long every tenth (11 pauses, 47 ms, in 640 checks of ~16 ms). The garbage
    a check leaves for the collector (the rule engine's callback closures: about 130 objects in
    reference cycles per draft) is cheap to collect once the check's other objects are gone: 0.03 ms
    per request in all, generations 1 and 2 included (measured over 640 checks of the service
    bench's drafts). Collected after every check, those drafts never reach :data:`YOUNG_THRESHOLD`
    within one: the automatic collector then runs only inside the check of a much longer draft."""
    gc.collect(0)  # counts one more for generation 1, as collect(1) does for generation 2
    if gc.get_count()[1] >= OLDER_EVERY:
        gc.collect(1)
        if gc.get_count()[2] >= OLDER_EVERY:
            gc.collect(2)
