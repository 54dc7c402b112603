"""factcheck: claims in news text, extracted as typed facts and checked by YAML rules.

Library use::

    import factcheck
    report = factcheck.check(text, published="2025-10-29")
    for finding in report.findings:
        print(finding.rule, finding.message)

For many documents build one :class:`Checker` (rules are compiled once; it is thread-safe).
"""

from __future__ import annotations

import datetime as dt

from factcheck.checker import Checker, RulesArg
from factcheck.model.findings import DocumentReport, Evidence, Finding, Report

__version__ = "0.1.0"
__all__ = ["Checker", "DocumentReport", "Evidence", "Finding", "Report", "__version__", "check"]


def check(text: str, *, published: dt.date | str | None = None, rules: RulesArg = None, **options: object) -> Report:
    """Check one text with a one-off :class:`Checker` (use a Checker directly for many texts)."""
    with Checker(rules, **options) as checker:  # type: ignore[arg-type]
        return checker.check(text, published=published)
