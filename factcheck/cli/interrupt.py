"""Stopping a run cleanly: SIGINT (Ctrl-C) and SIGTERM (a CI runner cancelling the job) alike.

Inside :func:`interruptible`, either signal raises :class:`Interrupted` (a ``KeyboardInterrupt``, so
no ``except Exception`` swallows it) in the main thread. The command then leaves its ``with`` blocks
(worker processes are stopped, a half-written ``-o`` file is discarded) and exits
:data:`EXIT_INTERRUPTED` with a summary of what was done. Worker processes ignore both signals
(see :mod:`factcheck.batch.pool`): the main process decides when they stop.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C; SIGTERM exits the same way
SIGNALS = (signal.SIGINT, signal.SIGTERM)


class Interrupted(KeyboardInterrupt):
    """The run was stopped by a signal; ``signal_name`` is ``SIGINT`` or ``SIGTERM``."""

    def __init__(self, signal_name: str = "SIGINT"):
        self.signal_name = signal_name
        super().__init__(signal_name)


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Interrupted(signal.Signals(signum).name)


@contextmanager
def interruptible() -> Iterator[None]:
    """SIGINT and SIGTERM raise :class:`Interrupted` while inside; the previous handlers come back after."""
    if threading.current_thread() is not threading.main_thread():  # signals reach the main thread only
        yield
        return
    previous = {s: signal.getsignal(s) for s in SIGNALS}
    for s in SIGNALS:
        signal.signal(s, _raise)
    try:
        yield
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)


def signal_name(exc: KeyboardInterrupt) -> str:
    return exc.signal_name if isinstance(exc, Interrupted) else "SIGINT"
