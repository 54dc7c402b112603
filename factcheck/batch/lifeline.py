"""A worker process dies with its parent: nothing of a run outlives the process that started it.

Two mechanisms, because either alone has a gap:
- on Linux, ``prctl(PR_SET_PDEATHSIG, SIGKILL)``: the kernel kills the worker the moment its parent
  exits, however it exits (SIGKILL, SIGTERM, SIGHUP, a crash), even while the worker is inside C code
  holding the GIL. (The signal follows the parent *thread* that forked the worker: the pool forks from
  the thread that runs it, which lives as long as the pool; forkserver workers are children of the
  forkserver, which exits when the main process does.)
- everywhere, a daemon thread that polls ``os.getppid()``: when the parent is gone, the worker has been
  re-parented and exits. It also covers the window before ``prctl`` took effect.

The pipes matter too: a forked worker inherits the parent's end of its own pipe (and those of the
workers forked before it); the pool closes those in the child (:func:`close_inherited`), so a worker
reads end-of-file as soon as the parent is gone.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable
from multiprocessing.connection import Connection

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 0.5


def close_inherited(conns: Iterable[Connection]) -> None:
    """Close, in a forked child, the parent-side pipe ends it inherited."""
    for conn in conns:
        with contextlib.suppress(OSError):
            conn.close()


def set_parent_death_signal(sig: int = signal.SIGKILL) -> bool:
    """Ask Linux to send ``sig`` to this process when its parent exits; False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return int(libc.prctl(PR_SET_PDEATHSIG, int(sig), 0, 0, 0)) == 0
    except (OSError, AttributeError):  # no libc prctl (musl without it, sandboxes)
        return False


def die_with_parent(parent_pid: int | None = None) -> None:
    """Make this process exit when ``parent_pid`` (default: the current parent) is gone."""
    parent = parent_pid if parent_pid is not None else os.getppid()
    set_parent_death_signal()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)

    def watch() -> None:
        while True:
            time.sleep(POLL_SECONDS)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="factcheck-lifeline", daemon=True).start()
