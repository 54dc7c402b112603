"""Engine throughput: durable-rules vs the pure-Python evaluator on the same synthetic corpus.

    python bench/engine.py [--docs 2000] [--facts 20] [--seed 1]

Each document is ~20 facts of the kinds the shipped rules read (timeline shifts, fiscal glosses,
quantities with attributions, sequences, tenure claims with references), a few of them planted to
fire rules. Prints documents/s for each engine, facts/s, findings, and the durable/python ratio, and
checks that both engines found exactly the same matches.
"""

from __future__ import annotations

import argparse
import random
import resource
import time

from factcheck.evaluate import load_rules, make_engine
from factcheck.resources import shipped_rules

Fact = dict[str, object]


def synthetic_document(rng: random.Random, n: int) -> list[Fact]:
    facts: list[Fact] = []
    for i in range(1, n + 1):
        base: Fact = {"id": f"f{i}", "_k": 0, "seq": i, "sentence": i // 2, "text": f"claim {i}"}
        pick = rng.random()
        if pick < 0.2:
            a = rng.randint(2024, 2035)
            b = a + rng.choice([-3, -2, -1, 1, 2, 3])
            stated = abs(a - b) if rng.random() < 0.9 else abs(a - b) + 1
            base.update(
                kind="timeline_shift", from_year=a, to_year=b, from_label=f"fiscal {a}", to_label=f"fiscal {b}",
                target="the goal", year_type="fiscal", stated_years=stated, stated_bound="exact",
                stated_direction="earlier" if b < a else "later", years_between=abs(a - b),
                actual_direction="earlier" if b < a else "later",
            )
        elif pick < 0.5:
            base.update(
                kind="quantity", value=rng.choice([2, 2.5, 3, 3.5]), unit="percent_of_gdp", scale=1.0,
                subject_key=rng.choice(["defense spending|JP|target", "defense spending|JP|request", "budget|KR|actual"]),
                claim_type="target", hedge=rng.choice(["exact", "exact", "upper_bound"]),
                attribution=rng.choice(["on_record", "on_record", "media_report", "unofficial", "none"]), decimals=1,
            )
        elif pick < 0.7:
            d = rng.randint(20, 29)
            base.update(
                kind="sequence", cue="the previous day", earlier_label="summit", later_label="meeting",
                earlier_date=f"2025-10-{d:02d}", later_date=f"2025-10-{d + rng.choice([1, 1, 1, -1]):02d}", strict=True,
            )
        elif pick < 0.8:
            fy = rng.randint(2024, 2030)
            ok = rng.random() < 0.9
            base.update(
                kind="fiscal_year_gloss", fiscal_year=fy, country="JP",
                stated_start=f"{fy if ok else fy - 1}-04", stated_end=f"{fy + 1 if ok else fy}-03",
                expected_start=f"{fy}-04", expected_end=f"{fy + 1}-03",
            )
        else:
            base.update(
                kind="date_mention", form="day_of_month", expression="on the 29th", date="2025-10-29", precision="day",
            )
        facts.append(base)
    return facts


def bench(name: str, ruleset, corpus: list[list[Fact]]) -> tuple[float, list]:  # type: ignore[no-untyped-def]
    engine = make_engine(ruleset, name)
    engine.run(corpus[0])  # warm up
    start = time.perf_counter()
    results = [engine.run(doc) for doc in corpus]
    return time.perf_counter() - start, results


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--facts", type=int, default=20)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    corpus = [synthetic_document(rng, args.facts) for _ in range(args.docs)]
    ruleset = load_rules([shipped_rules()])
    n_facts = sum(len(d) for d in corpus)
    print(f"corpus: {args.docs} documents, {n_facts} facts, {len(ruleset.rules)} rules "
          f"({sum(len(r.branches) for r in ruleset.rules)} engine rules after DNF)")
    times = {}
    outputs = {}
    for name in ("durable", "python"):
        elapsed, results = bench(name, ruleset, corpus)
        times[name] = elapsed
        outputs[name] = results
        found = sum(len(r) for r in results)
        print(f"{name:8} {args.docs / elapsed:9.0f} docs/s  {n_facts / elapsed:10.0f} facts/s  "
              f"{elapsed * 1e6 / args.docs:7.1f} µs/doc  {found} findings")
    same = outputs["durable"] == outputs["python"]
    print(f"ratio durable/python throughput: {times['python'] / times['durable']:.2f}")
    print(f"engines agree on every document: {same}")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if not same:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
