"""The error of a bad configuration file: ``file:line: message`` (exit code 2 at the command line)."""

from __future__ import annotations


class ConfigError(Exception):
    def __init__(self, path: str, message: str, line: int | None = None):
        self.path = path
        self.line = line
        self.message = message
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
