"""Differential testing of the two rule engines at scale: random rule sets and facts on both.

    .venv/bin/python bench/differential.py --cases 10000 --jobs 2

Each case (a random rule set of 1-4 rules with 1-4 aliases, and 1-3 documents of random facts) runs in
a worker subprocess under a time limit; a disagreement, exception, crash or hang is shrunk to a minimal
case and saved in tests/hardening/differential/ (replayed by the test suite). Exit status 1 on any failure.
"""

from __future__ import annotations

import argparse
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "hardening")]

from diffgen import SAVED, Case, Outcome, Tally, Worker, generate, save, shrink  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cases", type=int, default=10_000)
    ap.add_argument("--seed", default="differential")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per case before it counts as a hang")
    ap.add_argument("--no-save", action="store_true", help="do not shrink and save failing cases")
    ap.add_argument("--save-dir", type=Path, default=SAVED)
    args = ap.parse_args(argv)

    tallies: list[Tally] = []
    failures: list[tuple[Case, Outcome]] = []
    lock = threading.Lock()
    workers = [Worker(timeout=args.timeout) for _ in range(args.jobs)]

    def job(j: int) -> None:
        tally = Tally()
        w = workers[j]
        for i in range(j, args.cases, args.jobs):
            case = generate(f"{args.seed}:{i}")
            out = w.run(case)
            tally.add(case, out)
            if out.failed:
                with lock:
                    failures.append((case, out))
        with lock:
            tallies.append(tally)

    t0 = time.monotonic()
    threads = [threading.Thread(target=job, args=(j,)) for j in range(args.jobs)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - t0

    total = Tally()
    for t in tallies:
        total.cases += t.cases
        total.documents += t.documents
        total.facts += t.facts
        total.matches += t.matches
        for k, v in t.statuses.items():
            total.statuses[k] = total.statuses.get(k, 0) + v
        for k, v in t.rejected_reasons.items():
            total.rejected_reasons[k] = total.rejected_reasons.get(k, 0) + v
    print(
        f"differential: {total.cases} cases (rule sets), {total.documents} documents, {total.facts} facts, "
        f"{total.matches} matches, {elapsed:.1f} s with {args.jobs} workers "
        f"({sum(w.starts for w in workers)} worker starts)"
    )
    for status in ("ok", "rejected", "disagree", "error", "crash", "hang"):
        print(f"  {status:9s} {total.statuses.get(status, 0)}")
    if total.rejected_reasons:
        print("  rule sets refused by the loader (a typed RuleLoadError; not failures):")
        for reason, n in sorted(total.rejected_reasons.items(), key=lambda kv: -kv[1]):
            print(f"    {n:6d}  {reason}")
    if failures and not args.no_save:
        w = workers[0]
        for case, out in failures[:20]:
            small, small_out = shrink(case, out, w.run)
            path = save(small, small_out, args.save_dir, note=f"found by bench/differential.py seed {args.seed}")
            print(f"  saved {small_out.status}: {path}")
    for w in workers:
        w.stop()
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
