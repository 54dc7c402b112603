"""Accuracy of extraction and rules on the labelled development corpus (tests/corpus/*.yaml).

    python bench/accuracy.py [--engine python|durable] [--misses] [--corpus DIR]

Runs every passage through the library path (``factcheck.Checker``, references off), then prints per
rule and per fact kind the true/false positives and negatives, precision and recall, the misses, and
the extraction throughput in MB/s. Thresholds are reported, not asserted (tests/corpus asserts that no
labelled finding regresses).

Corpus format: each YAML file is a list of passages::

    - id: timeline-ahead-1
      source: written by the team
      published: 2025-10-29
      category: tricky            # consistent | tricky | planted
      text: "..."
      facts:                      # facts that must be extracted: kind + key values (subset match)
        - {kind: timeline_shift, from_year: 2027, to_year: 2025, stated_years: 2}
      must: []                    # rule ids that must fire; every other scored rule must not
      variants:                   # optional copies with exactly one planted inconsistency
        - {replace: ["two years", "three years"], must: [timeline.shift-mismatch]}

Scored rules are the shipped rules that need no reference source (the ``tenure.*`` rules need one).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "corpus"
UNSCORED_PREFIXES = ("tenure.",)


@dataclass
class Passage:
    id: str
    text: str
    published: dt.date | None
    category: str
    source: str
    facts: list[dict[str, Any]] = field(default_factory=list)
    must: list[str] = field(default_factory=list)


def load_corpus(directory: Path = CORPUS) -> list[Passage]:
    passages: list[Passage] = []
    for path in sorted(directory.glob("*.yaml")):
        for raw in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            pub = raw.get("published")
            pub = dt.date.fromisoformat(pub) if isinstance(pub, str) else pub
            base = Passage(raw["id"], raw["text"].strip(), pub, raw.get("category", "consistent"),
                           raw.get("source", "written by the team"), raw.get("facts") or [], raw.get("must") or [])
            passages.append(base)
            for n, var in enumerate(raw.get("variants") or [], 1):
                old, new = var["replace"]
                if old not in base.text:
                    raise ValueError(f"{path.name}: {base.id} variant {n}: {old!r} not in text")
                passages.append(Passage(f"{base.id}/v{n}", base.text.replace(old, new, 1), pub, var.get("category", "planted"),
                                        base.source, var.get("facts") or [], var.get("must") or []))
    ids = [p.id for p in passages]
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise ValueError(f"duplicate passage ids: {sorted(dupes)}")
    return passages


@dataclass
class Outcome:
    passage: Passage
    fired: set[str]
    facts: list[dict[str, Any]]
    missing_facts: list[dict[str, Any]]
    extract_seconds: float


def run_passage(checker: Any, p: Passage) -> Outcome:
    from factcheck.extract import extract_facts
    from factcheck.load import load_text

    doc = load_text(p.text, fmt="text", published=p.published)
    start = time.perf_counter()
    extract_facts(doc)
    elapsed = time.perf_counter() - start
    report = checker.check(p.text, published=p.published, fmt="text")
    document = report.documents[0]
    facts = [f.model_dump(mode="json") for f in document.facts]
    fired = {f.rule for f in document.findings}
    missing = [want for want in p.facts if not any(_matches(want, got) for got in facts)]
    return Outcome(p, fired, facts, missing, elapsed)


def _matches(want: dict[str, Any], got: dict[str, Any]) -> bool:
    for key, value in want.items():
        have = got.get(key)
        if isinstance(value, float) or isinstance(have, float):
            if have is None or value is None or abs(float(have) - float(value)) > 1e-9:
                return False
        elif have != value:
            return False
    return True


def scored_rules(checker: Any) -> list[str]:
    return sorted(r.id for r in checker.ruleset.rules if not r.id.startswith(UNSCORED_PREFIXES))


def evaluate(engine: str = "python", directory: Path = CORPUS) -> tuple[list[Outcome], list[str]]:
    from factcheck import Checker

    passages = load_corpus(directory)
    with Checker(engine=engine, references=False) as checker:
        rules = scored_rules(checker)
        return [run_passage(checker, p) for p in passages], rules


def rule_table(outcomes: list[Outcome], rules: list[str]) -> dict[str, dict[str, int]]:
    table = {r: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for r in rules}
    for o in outcomes:
        for r in rules:
            want, got = r in o.passage.must, r in o.fired
            table[r]["tp" if want and got else "fn" if want else "fp" if got else "tn"] += 1
    return table


def fact_table(outcomes: list[Outcome]) -> dict[str, dict[str, int]]:
    table: dict[str, dict[str, int]] = defaultdict(lambda: {"expected": 0, "found": 0})
    for o in outcomes:
        for want in o.passage.facts:
            row = table[want["kind"]]
            row["expected"] += 1
            row["found"] += want not in o.missing_facts
    return dict(table)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.3f}" if b else "  -  "


def report(outcomes: list[Outcome], rules: list[str], show_misses: bool = True) -> str:
    lines: list[str] = []
    cats: dict[str, int] = defaultdict(int)
    for o in outcomes:
        cats[o.passage.category] += 1
    lines.append(f"passages: {len(outcomes)} ({', '.join(f'{k} {v}' for k, v in sorted(cats.items()))})")
    lines.append("")
    lines.append(f"{'rule':34} {'TP':>4} {'FP':>4} {'FN':>4} {'TN':>4} {'precision':>9} {'recall':>7}")
    for r, row in rule_table(outcomes, rules).items():
        lines.append(f"{r:34} {row['tp']:4} {row['fp']:4} {row['fn']:4} {row['tn']:4} "
                     f"{_ratio(row['tp'], row['tp'] + row['fp']):>9} {_ratio(row['tp'], row['tp'] + row['fn']):>7}")
    lines.append("")
    lines.append(f"{'fact kind':34} {'expected':>8} {'found':>6} {'recall':>7}")
    for kind, row in sorted(fact_table(outcomes).items()):
        lines.append(f"{kind:34} {row['expected']:8} {row['found']:6} {_ratio(row['found'], row['expected']):>7}")
    size = sum(len(o.passage.text.encode()) for o in outcomes)
    seconds = sum(o.extract_seconds for o in outcomes)
    lines.append("")
    lines.append(f"extraction: {size / 1e6:.3f} MB in {seconds:.3f} s = {size / 1e6 / seconds:.2f} MB/s "
                 f"({len(outcomes) / seconds:.0f} passages/s)")
    errors_on_consistent = [o.passage.id for o in outcomes if o.passage.category != "planted" and any(
        r in o.fired for r in rules if _severity(r) == "error")]
    lines.append(f"error findings on consistent passages: {len(errors_on_consistent)} {errors_on_consistent}")
    if show_misses:
        lines.append("")
        lines.append("misses:")
        for o in outcomes:
            extra = sorted(r for r in o.fired if r in rules and r not in o.passage.must)
            lost = sorted(r for r in o.passage.must if r not in o.fired)
            if extra or lost or o.missing_facts:
                lines.append(f"  {o.passage.id}: " + "; ".join(filter(None, [
                    f"missed findings {lost}" if lost else "",
                    f"unexpected findings {extra}" if extra else "",
                    f"missing facts {o.missing_facts}" if o.missing_facts else ""])))
                lines.append(f"      {o.passage.text[:160]}")
    return "\n".join(lines)


_SEVERITIES: dict[str, str] = {}


def _severity(rule: str) -> str:
    if not _SEVERITIES:
        from factcheck import Checker

        with Checker(engine="python", references=False) as c:
            _SEVERITIES.update({r.id: r.spec.severity for r in c.ruleset.rules})
    return _SEVERITIES.get(rule, "info")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--engine", default="python", choices=["python", "durable"])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--no-misses", action="store_true")
    args = parser.parse_args(argv)
    outcomes, rules = evaluate(args.engine, args.corpus)
    print(report(outcomes, rules, show_misses=not args.no_misses))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    raise SystemExit(main())
