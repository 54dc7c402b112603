"""Stage 5, evaluate: YAML rules compiled once, run over each document's facts.

``load_rules(paths)`` validates and compiles rule files (errors name file:line:col);
``make_engine(ruleset, name)`` returns the durable-rules engine or the pure-Python one.
"""

from __future__ import annotations

import warnings

from factcheck.evaluate.engines import Engine, EngineFault, Match, available_engines
from factcheck.evaluate.rulefiles import CompiledRule, RuleLoadError, RuleSet, load_rules

__all__ = [
    "CompiledRule",
    "Engine",
    "EngineFault",
    "Match",
    "RuleLoadError",
    "RuleSet",
    "available_engines",
    "load_rules",
    "make_engine",
]


def make_engine(ruleset: RuleSet, name: str = "durable") -> Engine:
    if name == "durable":
        try:
            from factcheck.evaluate.durable import DurableEngine

            return DurableEngine(ruleset)
        except ImportError as exc:
            warnings.warn(
                f"durable-rules cannot be imported ({exc}); using the Python engine", RuntimeWarning, stacklevel=2
            )
            name = "python"
    if name == "python":
        from factcheck.evaluate.pyeval import PythonEngine

        return PythonEngine(ruleset)
    raise ValueError(f"unknown engine {name!r} (durable or python)")
