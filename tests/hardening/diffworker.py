"""Worker process for differential testing: reads one case per line on stdin, answers one line.

Run by :class:`diffgen.Worker`; a crash (SIGSEGV) or hang here is seen by the parent as such.
"""

from __future__ import annotations

import json
import sys
import tempfile
import traceback
from pathlib import Path

import yaml

from factcheck.evaluate import RuleLoadError, load_rules, make_engine


def answer(case: dict[str, object], rules_path: Path) -> dict[str, object]:
    from diffgen import rule_yaml_items

    rules_path.write_text(yaml.safe_dump(rule_yaml_items(case), allow_unicode=False), encoding="utf-8")
    try:
        ruleset = load_rules([rules_path])
    except RuleLoadError as exc:
        return {"status": "rejected", "detail": str(exc)}
    except Exception:
        return {"status": "error", "detail": "load_rules: " + traceback.format_exc()}
    try:
        durable = make_engine(ruleset, "durable")
        python = make_engine(ruleset, "python")
    except Exception:
        return {"status": "error", "detail": "make_engine: " + traceback.format_exc()}
    bad: list[int] = []
    details: list[str] = []
    matches = 0
    docs = case["docs"]
    assert isinstance(docs, list)
    for i, facts in enumerate(docs):
        results = {}
        for engine in (durable, python):
            sys.stderr.write(f"running {engine.name} on document {i}\n")
            sys.stderr.flush()
            try:
                results[engine.name] = [[m.rule, list(m.facts)] for m in engine.run(facts)]
            except Exception as exc:
                results[engine.name] = [f"{type(exc).__name__}: {exc}"]
        matches += len(results["python"])
        if results["durable"] != results["python"]:
            bad.append(i)
            details.append(f"document {i}: durable={results['durable']} python={results['python']}"[:1500])
    if bad:
        return {"status": "disagree", "detail": "\n".join(details), "bad_docs": bad, "matches": matches}
    return {"status": "ok", "matches": matches}


def main() -> None:
    rules_path = Path(tempfile.mkdtemp(prefix="diffworker-")) / "rules.yaml"
    for line in sys.stdin:
        case = json.loads(line)
        try:
            out = answer(case, rules_path)
        except Exception:
            out = {"status": "error", "detail": traceback.format_exc()}
        sys.stdout.write(json.dumps(out) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
