"""``-o FILE`` written whole or not at all.

The report goes to a temporary file beside ``FILE`` (same folder, so the rename cannot cross file
systems) and is renamed over ``FILE`` only when the run completes. An interrupted or failed run
removes the temporary file: it never leaves a truncated SARIF/JSON/JUnit file, and the previous
``FILE`` (if any) stays as it was.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO


def _mode_for(target: Path) -> int:
    """The permissions the file would get if opened normally: the old file's, else 0666 minus umask."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextmanager
def atomic_output(path: str | Path, encoding: str = "utf-8") -> Iterator[TextIO]:
    """A text file that replaces ``path`` when the block completes, and vanishes if it raises."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent if str(target.parent) else ".", prefix=f".{target.name}.",
                               suffix=".tmp")
    fh = os.fdopen(fd, "w", encoding=encoding)
    try:
        yield fh
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            fh.close()
        Path(tmp).unlink(missing_ok=True)
        raise
