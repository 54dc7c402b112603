"""Property-based fuzzing at scale: every property of tests/hardening/test_fuzz.py under the ``long``
hypothesis profile (12,000 examples each, ≥100,000 in total), then a summary of what was covered.

    .venv/bin/python bench/fuzz.py [--examples 12000] [-k EXPR]

Properties: loaders (text/Markdown/HTML, front matter, bytes, JSON Lines) give a Document or a LoadError;
extraction and date resolution keep spans inside the text, quoting it exactly, and resolve only possible
dates; the where-parser/planner, templates and the rule loader raise only their typed errors; the two
engines agree on generated rules and facts (in a worker subprocess). Exit status is pytest's.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PASSING = re.compile(r"(\d+) passing, (\d+) failing, and (\d+) invalid")


def _properties() -> list[str]:
    source = (ROOT / "tests" / "hardening" / "test_fuzz.py").read_text(encoding="utf-8")
    return re.findall(r"^def (test_\w+)\(", source, re.M)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--examples", type=int, default=12_000, help="examples per property (profile `long`)")
    ap.add_argument("-k", action="append", help="only properties whose name contains this (repeatable)")
    args = ap.parse_args(argv)
    env = {**os.environ, "HYPOTHESIS_PROFILE": "long", "FACTCHECK_LONG_EXAMPLES": str(args.examples)}
    names = [n for n in _properties() if not args.k or any(k in n for k in args.k)]
    print(f"fuzz: {len(names)} properties, profile long, {args.examples} examples each", flush=True)
    total, status, t_all = 0, 0, time.monotonic()
    for name in names:
        cmd = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--hypothesis-show-statistics",
               f"{ROOT / 'tests' / 'hardening' / 'test_fuzz.py'}::{name}"]  # fmt: skip
        t0 = time.monotonic()
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        passing = failing = invalid = 0
        for m in _PASSING.finditer(done.stdout):
            passing += int(m.group(1))
            failing += int(m.group(2))
            invalid += int(m.group(3))
        total += passing + failing
        verdict = "ok" if done.returncode == 0 else "FAILED"
        print(f"  {verdict:6s} {passing:7d} passing {failing:4d} failing {invalid:6d} invalid "
              f"{time.monotonic() - t0:7.0f} s  {name}", flush=True)  # fmt: skip
        if done.returncode != 0:
            status = 1
            print(done.stdout[-4000:], flush=True)
    print(f"fuzz: {total} examples over {len(names)} properties in {time.monotonic() - t_all:.0f} s", flush=True)
    return status


if __name__ == "__main__":
    raise SystemExit(main())
