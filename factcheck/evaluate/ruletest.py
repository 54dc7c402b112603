"""Rule examples are the rules' tests: every `flag` text must raise that rule, every `pass` text not.

Each example runs through the whole pipeline with all loaded rules, on every requested engine; the
engines must also agree on every finding of every example.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from factcheck.checker import Checker
from factcheck.evaluate.rulefiles import CompiledRule


@dataclass
class ExampleResult:
    rule: str
    expect: str  # "flag" or "pass"
    text: str
    location: str
    ok: bool
    problem: str = ""
    findings: dict[str, list[str]] = field(default_factory=dict)


def run_examples(
    rules: Sequence[CompiledRule], checkers: Mapping[str, Checker], sources: Mapping[str, Checker] | None = None
) -> list[ExampleResult]:
    """Run the examples of ``rules`` on each engine's checker.

    ``checkers`` maps engine name to a Checker without reference sources. Rules whose examples say
    ``sources: NAME`` run on ``sources[NAME]`` instead (a Checker wired to a reference test server,
    or ``offline`` with an empty cache); without one they are reported as skipped.
    """
    results: list[ExampleResult] = []
    for rule in rules:
        ex = rule.spec.examples
        for expect, items in (("flag", ex.flag), ("pass", ex.pass_)):
            for i, item in enumerate(items):
                location = f"{rule.path}:{rule.line} examples.{expect}[{i}]"
                published = item.published or ex.published
                result = ExampleResult(rule.id, expect, item.text, location, ok=True)
                pool = checkers
                if ex.sources is not None:
                    source_checker = (sources or {}).get(ex.sources)
                    if source_checker is None:
                        result.problem = f"skipped: needs reference source {ex.sources!r} (--source {ex.sources}=URL)"
                        results.append(result)
                        continue
                    pool = {source_checker.engine.name: source_checker}
                for engine, checker in pool.items():
                    report = checker.check(item.text, published=published, doc_id=location)
                    doc = report.documents[0]
                    result.findings[engine] = sorted(f"{f.rule}@{','.join(f.facts)}" for f in doc.findings)
                    fired = any(f.rule == rule.id for f in doc.findings)
                    if doc.errors:
                        result.ok = False
                        result.problem = f"{engine}: errors: {'; '.join(e.message for e in doc.errors)}"
                    elif fired != (expect == "flag"):
                        result.ok = False
                        what = "did not fire" if expect == "flag" else "fired"
                        result.problem = f"{engine}: {rule.id} {what}; findings: {result.findings[engine] or 'none'}"
                if result.ok and len({tuple(v) for v in result.findings.values()}) > 1:
                    result.ok = False
                    result.problem = f"engines disagree: {result.findings}"
                results.append(result)
    return results
