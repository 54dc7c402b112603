"""The error a loader raises: it names the file, and the line and column where it can."""

from __future__ import annotations


class LoadError(Exception):
    """A document that cannot be read. ``str()`` is ``path:line:col: reason``."""

    def __init__(self, path: str, reason: str, line: int | None = None, column: int | None = None):
        self.path = path
        self.reason = reason
        self.line = line
        self.column = column
        where = path if line is None else f"{path}:{line}:{column or 1}"
        super().__init__(f"{where}: {reason}")
