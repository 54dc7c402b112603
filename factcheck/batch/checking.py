"""The default checker factory: the project's :class:`factcheck.checker.Checker` from settings.

Exact rule ids are handed to the checker (disabled rules are then never evaluated; an override of
an unknown rule is an error at start-up); family patterns (``timeline.*``) are applied to each
report by the worker afterwards.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from factcheck.batch.crossref.rules import BATCH_RULE_IDS
from factcheck.batch.settings import CheckerSettings
from factcheck.batch.worker import DocumentChecker


def _exact(ids: list[str]) -> list[str]:
    """Exact ids of the checker's own rules (the cross-article ``batch.*`` rules run after it)."""
    return [i for i in ids if not i.endswith(("*", ".")) and i not in BATCH_RULE_IDS]


def build_checker(settings: CheckerSettings, *, limiters: Mapping[str, Any] | None = None) -> DocumentChecker:
    """``limiters``: per source name, a bound on requests in flight shared by a cluster's workers."""
    from factcheck.checker import Checker  # imported in the worker, where it is used

    return Checker(
        rules=settings.rules or None,
        patterns=settings.patterns or None,
        engine=settings.engine,
        sources=settings.sources or None,
        source_config=dict(settings.source_config) or None,
        offline=settings.offline,
        cache_dir=settings.cache_dir,
        references=settings.references,
        disabled_rules=_exact(settings.disabled_rules),
        severity={k: v for k, v in settings.severity_overrides.items() if k in _exact([k])},
        time_budget=settings.time_budget,
        limiters=limiters,
    )
