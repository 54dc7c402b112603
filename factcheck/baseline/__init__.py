"""Baselines: known findings recorded by fingerprint, so that a check reports only new ones."""

from factcheck.baseline.baseline import Baseline, BaselineEntry, BaselineError, BaselineFilter

__all__ = ["Baseline", "BaselineEntry", "BaselineError", "BaselineFilter"]
