"""Hardening tests: hypothesis profiles, and this folder importable (diffgen, diffworker).

Profiles (choose with ``HYPOTHESIS_PROFILE=...`` or ``--hypothesis-profile``):
- ``ci`` (default): a bounded number of examples per property, so the whole suite stays fast;
- ``long``: 12,000 examples per property (≥100,000 over the properties of test_fuzz.py); what
  ``bench/fuzz.py`` runs.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

_COMMON = {
    "deadline": None,
    "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
    "derandomize": False,
}
settings.register_profile("ci", max_examples=int(os.environ.get("FACTCHECK_FUZZ_EXAMPLES", "60")), **_COMMON)
settings.register_profile("long", max_examples=int(os.environ.get("FACTCHECK_LONG_EXAMPLES", "12000")), **_COMMON)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def tmp_path_factory_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One directory for properties that write files (hypothesis forbids function-scoped fixtures)."""
    return tmp_path_factory.mktemp("fuzz")


@pytest.fixture(scope="session")
def diff_worker() -> Iterator[object]:
    from diffgen import Worker

    w = Worker(timeout=30.0)
    yield w
    w.stop()
