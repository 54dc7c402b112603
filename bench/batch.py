"""Batch throughput: articles/s with --jobs 1 and 2, peak RSS per worker, where the time goes.

    python bench/batch.py [--docs 10000] [--jobs 1,2] [--executor local|dask|both] [--repeat 1] [--chunk N]
                          [--sample 500] [--warm 1000] [--keep DIR]

1. Generates a corpus of realistic articles (~600 words, ~20 facts each: officials with titles and
   tenure starts, dates, figures with attributions, timeline shifts, fiscal-year glosses, sequences)
   as one JSON Lines file; the officials exist in a local fake Wikidata (127.0.0.1 only).
2. Warms the reference cache with one online pass over the first --warm articles (every official
   appears in them; reported as "cold").
3. Times the batch pipeline exactly as ``factcheck check --offline --format jsonl -o FILE`` runs it
   (inputs -> worker processes -> ordered JSON Lines output), references answered from the warm
   cache, for each --jobs value; reads each worker's peak RSS (VmHWM) before the workers stop.
   With ``--executor dask`` (or ``both``), the same runs on a ``distributed.LocalCluster`` of 1 and 2
   worker processes (127.0.0.1, started before the clock starts, and their start-up CPU not counted),
   and Dask's overhead over local processes at the same number of workers, in wall time and in CPU
   per article (``--chunk``: documents per Dask task).
4. Breaks one in-process pass over --sample articles into stages: load, extraction, resolution,
   enrichment (cache), engine, findings, output (JSON serialisation).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.batch import BatchSettings, CheckerSettings, ProcessExecutor, run_batch
from factcheck.batch.output import Sink
from factcheck.batch.run import lost_report
from factcheck.batch.worker import build_runner

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
FILLER = [
    "Analysts in the region said the talks reflected a broader shift in how allies approach security questions.",
    "The discussions covered supply chains, maritime cooperation and the protection of critical infrastructure.",
    "Opposition lawmakers questioned whether the plan could be financed without raising taxes on households.",
    "Officials from both sides described the atmosphere as constructive and said working groups would follow up.",
    "Several think tanks have published reports urging faster procurement and closer coordination among partners.",
    "Local media devoted extensive coverage to the visit, which included a ceremony and a press availability.",
    "Business groups welcomed the emphasis on technology cooperation but asked for clearer export rules.",
    "The ministry is expected to publish a detailed implementation schedule before the end of the session.",
    "Critics argued that the announcement lacked specifics about how the additional funds would be allocated.",
    "Diplomats noted that regional tensions had shaped the agenda more than domestic political considerations.",
    "A joint statement released after the talks reaffirmed commitments made at earlier ministerial meetings.",
    "Public opinion polls show broad support for the alliance, although views on spending remain divided.",
]


def article(i: int, rng: random.Random, people: list, words: int) -> dict[str, object]:  # type: ignore[type-arg]
    a, b = rng.sample(people, 2)
    day = rng.randint(2, 27)
    month = rng.choice(MONTHS[:9])
    year = rng.choice([2025, 2026])
    fy = rng.randint(2026, 2030)
    shift = rng.choice([1, 2, 3])
    stated = shift if rng.random() < 0.85 else shift + 1
    gdp = rng.choice(["1.5", "2", "2.5", "3", "3.5"])
    facts = [
        f"{a.title} {a.name} and {b.title} {b.name} held a meeting in Tokyo on the {day}th.",
        f"This was the first in-person meeting since {a.name}, who took office on {a.start}, began the role.",
        "The meeting followed the summit between the two leaders in Tokyo the previous day.",
        f"On {month} {day}, {year}, the prime minister announced that the timeline for raising defense spending "
        f"to 2% of GDP would be moved up by {['one', 'two', 'three', 'four'][stated - 1]} year{'s' * (stated > 1)}, "
        f"from the original target of fiscal year {fy} (April {fy}-March {fy + 1}) to fiscal year {fy - shift}.",
        f"It is known that the United States has unofficially requested the government to raise its defense "
        f"spending to as much as {gdp}% of GDP.",
        f"According to officials, the budget rose by {rng.randint(2, 15)}% to {rng.randint(5, 90)} trillion yen "
        f"in fiscal {year}.",
        f"Sources said the ministry had asked for {rng.randint(3, 40)} billion dollars in additional funds.",
        f"{b.name} told reporters on {MONTHS[rng.randint(0, 11)]} {rng.randint(1, 28)} that talks would resume "
        f"after the summit.",
        f"Reportedly, the share of spending on equipment reached {rng.randint(10, 60)}% last year.",
        f"The finance ministry said the deficit would fall to {rng.randint(1, 6)}.{rng.randint(0, 9)}% of GDP by "
        f"{year + rng.randint(1, 4)}.",
    ]
    body: list[str] = []
    n_words = 0
    fi = 0
    while n_words < words:
        if fi < len(facts) and (rng.random() < 0.45 or n_words > words * 0.7):
            s = facts[fi]
            fi += 1
        else:
            s = rng.choice(FILLER)
        body.append(s)
        n_words += len(s.split())
    paragraphs = [" ".join(body[k:k + 4]) for k in range(0, len(body), 4)]
    return {"id": f"art-{i:05d}", "title": f"Article {i}", "published": f"{year}-10-29",
            "text": "\n\n".join(paragraphs)}


def corpus(path: Path, n: int, words: int, people: list) -> None:  # type: ignore[type-arg]
    rng = random.Random(11)
    with path.open("w", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps(article(i, rng, people, words)) + "\n")


def vm_hwm_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return float("nan")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a live process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return float("nan")


def timed_run(paths: list[str], settings: CheckerSettings, jobs: int, out: Path, executor: str = "local",
              chunk: int | None = None) -> dict[str, Any]:
    shutdown = None
    started: dict[int, float] = {}  # CPU the Dask workers spent starting, before the clock starts
    if executor == "dask":
        from factcheck.batch.dask import DaskExecutor
        from factcheck.batch.dask.cluster import connect
        from factcheck.batch.dask.executor import CHUNK

        client, shutdown = connect(None, jobs)  # the local cluster and client of ``--executor dask``
        ex: Any = DaskExecutor(build_runner, settings, lost_report, client=client, chunk=chunk or CHUNK)
        started = {pid: cpu_seconds(pid) for pid in client.run(os.getpid).values()}
    else:
        ex = ProcessExecutor(build_runner, settings, lost_report, jobs=jobs)
    load_before = os.getloadavg()[0]
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    out_time = 0.0
    n = errors = findings = facts = 0
    first_error = ""
    with out.open("w", encoding="utf-8") as fh:
        sink = Sink("jsonl", fh)
        for report in run_batch(paths, settings, BatchSettings(jobs=jobs), executor=ex):
            n += 1
            errors += bool(report.errors)
            if report.errors and not first_error:
                first_error = f"{report.path}: {report.errors[0].message}"
            findings += len(report.findings)
            facts += len(report.facts)
            t = time.perf_counter()
            sink.write(report)
            out_time += time.perf_counter() - t
        sink.close()
    wall = time.perf_counter() - t0
    main_cpu = time.process_time() - cpu0
    found = ex.worker_pids()
    pids = list(found.values()) if isinstance(found, dict) else found
    rss = [vm_hwm_mb(pid) for pid in pids]
    worker_cpu = sum(cpu_seconds(pid) - started.get(pid, 0.0) for pid in pids)
    ex.close()
    if shutdown is not None:
        shutdown()
    return {"docs": n, "wall": wall, "rate": n / wall, "output_s": out_time, "errors": errors,
            "main_cpu_ms": 1000 * main_cpu / max(n, 1), "worker_cpu_ms": 1000 * worker_cpu / max(n, 1),
            "load": (load_before + os.getloadavg()[0]) / 2,
            "findings": findings, "facts": facts, "worker_rss": max(rss) if rss else float("nan"),
            "main_rss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "first_error": first_error}


def stage_breakdown(path: Path, settings: CheckerSettings, sample: int) -> dict[str, float]:
    """One process, the Checker's stages timed one by one over ``sample`` records."""
    from factcheck.batch.checking import build_checker
    from factcheck.batch.tasks import Task
    from factcheck.batch.worker import load_task
    from factcheck.checker import number_facts
    from factcheck.evaluate.facts_out import engine_fact
    from factcheck.evaluate.findings import build_findings
    from factcheck.extract import extract_facts
    from factcheck.model.findings import DocumentReport
    from factcheck.resolve import resolve_facts

    checker = build_checker(settings)
    stages = dict.fromkeys(["load", "extract", "resolve", "enrich", "engine", "findings", "output"], 0.0)
    with path.open(encoding="utf-8") as fh:
        lines = [next(fh) for _ in range(sample)]
    for lineno, line in enumerate(lines, 1):
        t = time.perf_counter()
        doc = load_task(Task(doc_id=f"x:{lineno}", kind="record", data=line, lineno=lineno), settings)
        t1 = time.perf_counter()
        facts = number_facts(extract_facts(doc))
        t2 = time.perf_counter()
        facts = resolve_facts(doc, facts)
        t3 = time.perf_counter()
        if checker.enricher is not None and facts:  # type: ignore[attr-defined]
            res = checker.enricher.enrich(doc, facts)  # type: ignore[attr-defined]
            facts = facts + number_facts(res.facts, start=len(facts) + 1)
        t4 = time.perf_counter()
        matches = checker.engine.run([engine_fact(f) for f in facts])  # type: ignore[attr-defined]
        t5 = time.perf_counter()
        findings = build_findings(checker.ruleset, matches, {f.id: f for f in facts}, doc)  # type: ignore[attr-defined]
        t6 = time.perf_counter()
        DocumentReport(path=doc.id, facts=facts, findings=findings).model_dump_json()  # type: ignore[arg-type]
        t7 = time.perf_counter()
        for k, a, b in (("load", t, t1), ("extract", t1, t2), ("resolve", t2, t3), ("enrich", t3, t4),
                        ("engine", t4, t5), ("findings", t5, t6), ("output", t6, t7)):
            stages[k] += b - a
    return stages


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--words", type=int, default=600)
    ap.add_argument("--jobs", default="1,2")
    ap.add_argument("--executor", default="local", choices=["local", "dask", "both"],
                    help="dask: the --jobs runs on a Dask LocalCluster too (local runs are kept, for the overhead).")
    ap.add_argument("--repeat", type=int, default=1, help="Runs of each executor, interleaved; best of them kept.")
    ap.add_argument("--chunk", type=int, help="Documents per Dask task (default: the executor's).")
    ap.add_argument("--no-stages", action="store_true", help="Skip the per-stage breakdown.")
    ap.add_argument("--sample", type=int, default=500)
    ap.add_argument("--warm", type=int, default=1000, help="Articles of the online pass that warms the cache.")
    ap.add_argument("--engine", default="durable", choices=["durable", "python"])
    ap.add_argument("--keep", help="Keep the corpus and outputs in this directory.")
    args = ap.parse_args()

    from factcheck.enrich.testing import FakeWikidata
    from factcheck.enrich.testing.generate import officials

    work = Path(args.keep or tempfile.mkdtemp(prefix="factcheck-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    people, entities = officials(60)
    path = work / "corpus.jsonl"
    t = time.perf_counter()
    corpus(path, args.docs, args.words, people)
    size = path.stat().st_size
    words = sum(len(json.loads(line)["text"].split()) for line in path.open()) / args.docs
    print(f"corpus: {args.docs} articles, {words:.0f} words each on average, {size / 1e6:.1f} MB "
          f"({time.perf_counter() - t:.1f} s to generate)")
    cache = work / "cache"
    warm_path = work / "warm.jsonl"
    with path.open(encoding="utf-8") as src, warm_path.open("w", encoding="utf-8") as dst:
        for _, line in zip(range(args.warm), src, strict=False):
            dst.write(line)
    with FakeWikidata(entities) as server:
        online = CheckerSettings(engine=args.engine, sources={"wikidata": server.url}, cache_dir=str(cache))
        cold = timed_run([str(warm_path)], online, 2, work / "cold.jsonl")
        print(f"cold (online, warming the cache over the first {cold['docs']} articles; jobs 2): "
              f"{cold['rate']:.0f} articles/s, "
              f"{server.count()} requests to the fake Wikidata")
    warm = CheckerSettings(engine=args.engine, sources={"wikidata": "http://127.0.0.1:9/w/api.php"},
                           offline=True, cache_dir=str(cache))
    rates: dict[tuple[str, int], float] = {}
    cpus: dict[tuple[str, int], float] = {}
    executors = ["local", "dask"] if args.executor in ("dask", "both") else ["local"]
    for jobs in (int(j) for j in args.jobs.split(",")):
        for executor in executors * args.repeat:  # interleaved A/B: local, dask, local, dask, ...
            r = timed_run([str(path)], warm, jobs, work / f"{executor}{jobs}.jsonl", executor, args.chunk)
            rates[(executor, jobs)] = max(rates.get((executor, jobs), 0.0), r["rate"])  # best of --repeat
            cpus[(executor, jobs)] = min(cpus.get((executor, jobs), float("inf")), r["worker_cpu_ms"] + r["main_cpu_ms"])
            label = f"--jobs {jobs}" if executor == "local" else f"--executor dask, {jobs} worker(s)"
            print(f"{label}: {r['docs']} articles in {r['wall']:.1f} s = {r['rate']:.1f} articles/s; "
                  f"{r['facts'] / max(r['docs'], 1):.1f} facts and {r['findings'] / max(r['docs'], 1):.2f} findings "
                  f"per article; {r['errors']} errors; peak RSS per worker {r['worker_rss']:.0f} MB, main "
                  f"{r['main_rss']:.0f} MB; output (main process) {r['output_s']:.1f} s")
            if r["first_error"]:
                print(f"          first error: {r['first_error']}")
            print(f"          CPU per article: workers {r['worker_cpu_ms']:.2f} ms, main process "
                  f"{r['main_cpu_ms']:.2f} ms; machine load average during the run {r['load']:.1f} on "
                  f"{os.cpu_count()} cores")
        if ("dask", jobs) in rates:
            overhead = rates[("local", jobs)] / rates[("dask", jobs)] - 1
            cpu = cpus[("dask", jobs)] / cpus[("local", jobs)] - 1
            print(f"Dask overhead at {jobs} worker(s): {100 * overhead:+.1f}% wall time over local processes "
                  f"({rates[('dask', jobs)]:.1f} vs {rates[('local', jobs)]:.1f} articles/s); {100 * cpu:+.1f}% CPU "
                  "per article (workers + main process: less sensitive to what else runs on the machine)")
    if args.no_stages:
        print(f"cpu cores: {os.cpu_count()}")
        return
    stages = stage_breakdown(path, warm, min(args.sample, args.docs))
    total = sum(stages.values())
    n = min(args.sample, args.docs)
    print(f"stages over {n} articles in one process ({n / total:.0f} articles/s, {1000 * total / n:.2f} ms each):")
    for k, v in stages.items():
        print(f"  {k:<9} {100 * v / total:5.1f}%  {1000 * v / n:6.3f} ms/article")
    if not args.keep:
        import shutil

        shutil.rmtree(work, ignore_errors=True)
    print(f"cpu cores: {os.cpu_count()}")


if __name__ == "__main__":
    main()
