"""Markers of the corpus regression suite."""

from __future__ import annotations

import pytest


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "corpus_shape: the corpus size and balance, counted from the YAML files (deselect while it grows)"
    )
