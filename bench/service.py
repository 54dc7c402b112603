"""Service under load: ``factcheck serve`` on loopback, 5 KB drafts, warm reference cache.

    python bench/service.py [--samples 400] [--repeat 2] [--compare OTHER_TREE] [--workers N]
                            [--no-references] [--draft-bytes 5120]

Starts the fake Wikidata (``factcheck.enrich.testing``) and ``factcheck serve`` in a subprocess
pointed at it with a fresh cache directory, sends every draft twice to warm the cache, then measures,
each phase until it has ``--samples`` answers (the same count for every phase, so that a p99 rests
on as many latencies everywhere: with 400, the 4 slowest):

1. single-request latency: one client, one request at a time;
2. closed loop at 8 and 32 concurrent keep-alive clients (each sends its next request when the
   previous answer is in); the higher throughput of the two is the saturation throughput;
3. open loop at 25%, 50% and 75% of that saturation: Poisson arrivals at that rate, each sent on an
   idle keep-alive connection (a new one when none is idle), latency counted from the arrival's
   scheduled time, so a stalled server is not hidden by a client that waits for it (coordinated
   omission); the client's own lateness (send time past the scheduled time) is printed beside;
4. 200 slow connections (half a header line each, held open) beside one client: its latency
   against phase 1's (goal: under 2x), and whether /healthz answers.

Phases 1-3 run ``--repeat`` times; each repeat takes its open-loop rates from its own saturation,
measured first. The single-request phase and the three open-loop phases then take turns in blocks of
``--block`` answers (the order rotating), so that the ratio checked below compares latencies taken
under the same machine load: on a shared machine the single-request p50 alone drifts by 10% or more
between runs minutes apart. Every p50/p99 is printed with its sample
count and a distribution-free 95% confidence interval (order statistics). ``--compare TREE`` starts
a second server from another source tree (e.g. ``git archive main``) and interleaves its phases with
this tree's, turn by turn, so a before/after comparison sees the same machine load; both then get the same open-loop arrivals,
at shares of their mean saturation.

Requirement checked per repeat: p99 at 50% of saturation <= 3x the single-request p50 of the same
repeat. The client is a minimal HTTP/1.1 writer/reader on asyncio streams, so that it takes as little
as possible of the CPU it shares with the server: on a shared machine, figures vary with what else
runs (load average, the server's CPU and its time waiting for a CPU, and the CPU the machine's other
processes took, from /proc/stat, so including those of other containers, printed per phase).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from factcheck.enrich.testing import FakeWikidata, fixtures_dir

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "hegseth-koizumi-tokyo.md"
DRAFT_BYTES = 5 * 1024

VARIANTS = [
    ("moved up by two years", "moved up by three years"),
    ("on the 29th", "on the 28th"),
    ("took office on the 21st", "took office on the 12th"),
    ("(April 2027-March 2028)", "(April 2026-March 2027)"),
    ("as much as 3.5% of GDP", "as much as 3% of GDP"),
    ("the previous day", "the following day"),
]


def drafts(n: int = 16, size: int = DRAFT_BYTES) -> list[str]:
    """``n`` different Markdown drafts of about ``size`` bytes: the seed body twice, with different edits."""
    seed = SEED.read_text(encoding="utf-8")
    head, body = seed.split("\n---\n", 1)
    out = []
    for i in range(n):
        text = body
        for j, (a, b) in enumerate(VARIANTS):
            if (i >> j) & 1:
                text = text.replace(a, b)
        text = text + "\n" + body.replace("Tokyo", "Seoul" if i % 2 else "Manila")
        while len(text.encode()) > size - len(head) - 5 and "\n" in text.rstrip("\n"):
            text = text[: text.rstrip("\n").rfind("\n")]
        out.append(f"{head}\n---\n{text}\n")
    return out


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(port: int, workers: int, wikidata: str | None, cache: str, tree: Path = ROOT) -> subprocess.Popen[bytes]:
    """``factcheck serve`` from the source tree ``tree`` (this one by default)."""
    args = [sys.executable, "-m", "factcheck", "serve", "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--cache-dir", cache, "--log-level", "warning"]
    args += ["--source", f"wikidata={wikidata}"] if wikidata else ["--no-references"]
    env = {**os.environ, "FACTCHECK_CACHE_DIR": cache, "PYTHONPATH": str(tree)}
    env.pop("FACTCHECK_API_TOKEN", None)
    proc = subprocess.Popen(args, cwd=tree, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("the server did not start")


_LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.IGNORECASE)


class Conn:
    """One keep-alive HTTP/1.1 connection."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter):
        self.reader, self.writer = reader, writer

    @classmethod
    async def open(cls, port: int) -> Conn:
        return cls(*await asyncio.open_connection("127.0.0.1", port))

    async def request(self, raw: bytes) -> int:
        self.writer.write(raw)
        head = await self.reader.readuntil(b"\r\n\r\n")
        match = _LENGTH.search(head)
        await self.reader.readexactly(int(match.group(1)) if match else 0)
        return int(head.split(b" ", 2)[1])

    def close(self) -> None:
        self.writer.close()


def check_request(body: bytes) -> bytes:
    return (b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


KEEP_ALIVE_REUSE = 3.0  # seconds; uvicorn closes keep-alive connections idle for 5
HEALTH = b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"


class Phase:
    """Latencies (ms) and statuses of one measured phase (possibly gathered in several blocks)."""

    def __init__(self, name: str):
        self.name = name
        self.ms: list[float] = []
        self.late_ms: list[float] = []  # open loop: how late the client sent each request (its own lag)
        self.statuses: dict[int, int] = {}
        self.elapsed = 0.0
        self.blocks = 0
        # the machine's state during the phase (see observed): seconds of wall time, of this client's CPU,
        # of the server's CPU and of its waiting for a CPU, the load average times the wall time, and
        # the seconds of CPU the whole machine was busy
        self.usage = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0]

    def add(self, seconds: float, status: int) -> None:
        self.ms.append(seconds * 1000)
        self.statuses[status] = self.statuses.get(status, 0) + 1

    def absorb(self, part: Phase) -> None:
        self.ms += part.ms
        self.late_ms += part.late_ms
        for status, count in part.statuses.items():
            self.statuses[status] = self.statuses.get(status, 0) + count
        self.elapsed += part.elapsed
        self.blocks += 1
        self.usage = [a + b for a, b in zip(self.usage, part.usage, strict=True)]

    @property
    def rate(self) -> float:
        return len(self.ms) / self.elapsed if self.elapsed else 0.0

    @property
    def notes(self) -> str:
        wall, client, ran, waited, load, busy = self.usage
        if not wall:
            return ""
        others = f", others' CPU {100 * max(busy - client - ran, 0.0) / wall:3.0f}%" if busy else ""
        return (f"  | load {load / wall:4.1f}, client CPU {100 * client / wall:3.0f}%, server CPU {100 * ran / wall:3.0f}%"
                f" ({1000 * ran / len(self.ms):4.1f} ms/request) waiting {100 * waited / wall:3.0f}%{others}")

    def line(self) -> str:
        late = ""
        if self.late_ms:  # the server's part: from the moment the client actually sent (its lag left out)
            served = [total - lag for total, lag in zip(self.ms, self.late_ms, strict=True)]
            late = f"  client late p99 {pct(self.late_ms, 99):5.1f} ms, p99 from the send {pct(served, 99):6.1f} ms"
        blocks = f" in {self.blocks} blocks" if self.blocks > 1 else ""
        return (f"{self.name:<30} {self.rate:5.1f} req/s  p50 {ci_text(self.ms, 50)}  p99 {ci_text(self.ms, 99)}"
                f"  max {max(self.ms):6.1f}  n={len(self.ms)}{blocks}  statuses {dict(sorted(self.statuses.items()))}"
                f"{late}{self.notes}")


async def closed_loop(port: int, requests: list[bytes], clients: int, samples: int, name: str) -> Phase:
    """``clients`` keep-alive clients, each sending its next request when its answer is in, until
    ``samples`` requests have been sent (all answered)."""
    phase = Phase(name)
    counter = [0]

    async def client() -> None:
        conn = await Conn.open(port)
        try:
            while counter[0] < samples:
                raw = requests[counter[0] % len(requests)]
                counter[0] += 1
                t0 = time.perf_counter()
                status = await conn.request(raw)
                phase.add(time.perf_counter() - t0, status)
        finally:
            conn.close()

    t0 = time.perf_counter()
    await asyncio.gather(*(client() for _ in range(clients)))
    phase.elapsed = time.perf_counter() - t0
    return phase


async def open_loop(port: int, requests: list[bytes], rate: float, samples: int, name: str, seed: int = 13) -> Phase:
    """``samples`` Poisson arrivals at ``rate``/s; latency from each arrival's scheduled time."""
    phase = Phase(name)
    rng = random.Random(seed)
    idle: list[tuple[Conn, float]] = []  # with the time each became idle

    async def one(raw: bytes, scheduled: float) -> None:
        late = max(time.perf_counter() - scheduled, 0.0)
        while idle:  # the server closes a keep-alive connection idle for 5 s: reuse fresher ones only
            conn, since = idle.pop()
            if time.perf_counter() - since < KEEP_ALIVE_REUSE:
                break
            conn.close()
        else:
            conn = await Conn.open(port)
        try:
            status = await conn.request(raw)
        except (asyncio.IncompleteReadError, ConnectionError):  # closed under us: a fresh connection
            conn.close()
            conn = await Conn.open(port)
            status = await conn.request(raw)
        phase.add(time.perf_counter() - scheduled, status)
        phase.late_ms.append(1000 * late)
        idle.append((conn, time.perf_counter()))

    tasks = []
    t0 = time.perf_counter()
    at = t0
    for i in range(samples):
        at += rng.expovariate(rate)
        delay = at - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(one(requests[i % len(requests)], at)))
    await asyncio.gather(*tasks)
    phase.elapsed = time.perf_counter() - t0
    for conn, _ in idle:
        conn.close()
    return phase


SLOW_PHASE_SAMPLES = 100


async def beside_slow_connections(port: int, requests: list[bytes], slow: int) -> tuple[Phase, int]:
    """One client's latency while ``slow`` connections hold half a header line each; /healthz's status."""
    held = []
    for _ in range(slow):
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl")
        held.append(writer)
    try:
        phase = await closed_loop(port, requests, 1, SLOW_PHASE_SAMPLES, f"1 client, {slow} slow conns")
        conn = await Conn.open(port)
        health = await conn.request(HEALTH)
        conn.close()
    finally:
        for writer in held:
            writer.close()
    return phase, health


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (from /proc: the server, its forkserver and its engine workers)."""
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += parents.get(p, [])
    return out


def scheduling(pids: list[int]) -> tuple[float, float]:
    """Seconds on a CPU and seconds runnable but waiting for one, summed over ``pids`` (/proc schedstat)."""
    ran = waited = 0.0
    for pid in pids:
        try:
            run, wait, _ = Path(f"/proc/{pid}/schedstat").read_text().split()
        except (OSError, ValueError):
            continue
        ran += int(run) / 1e9
        waited += int(wait) / 1e9
    return ran, waited


def engine_cost(texts: list[str], wikidata: str | None, cache: str) -> float:
    """Milliseconds per draft of the checker alone, in this process, single-threaded (same warm cache)."""
    from factcheck import Checker

    options = {"sources": {"wikidata": wikidata}, "cache_dir": cache} if wikidata else {"references": False}
    with Checker(**options) as checker:  # type: ignore[arg-type]
        for t in texts:
            checker.check(t)
        t0 = time.perf_counter()
        for _ in range(3):
            for t in texts:
                checker.check(t)
        return (time.perf_counter() - t0) * 1000 / (3 * len(texts))


def pct(values: list[float], p: float) -> float:
    return statistics.quantiles(values, n=1000, method="inclusive")[int(p * 10) - 1] if len(values) > 1 else values[0]


def quantile_ci(values: list[float], p: float, confidence: float = 0.95) -> tuple[float, float]:
    """A distribution-free ``confidence`` interval for the ``p``-th percentile: order statistics x(l), x(u)
    such that the number of samples below the true percentile, Binomial(n, p/100), lies in [l, u) with
    at least that probability (at n=400, p99's interval runs from about the 8th- to the largest latency)."""
    xs = sorted(values)
    n, q = len(xs), p / 100
    below, total = [], 0.0  # below[k] = P(X <= k)
    for k in range(n + 1):
        total += math.exp(math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)
                          + k * math.log(q) + (n - k) * math.log1p(-q))
        below.append(total)
    tail = (1 - confidence) / 2
    lo = max(k for k in range(1, n + 1) if k == 1 or below[k - 1] <= tail)
    hi = min((k for k in range(1, n + 1) if below[k - 1] >= 1 - tail), default=n)
    return xs[lo - 1], xs[hi - 1]


def ci_text(values: list[float], p: float) -> str:
    lo, hi = quantile_ci(values, p)
    return f"{pct(values, p):6.1f} [{lo:6.1f}-{hi:6.1f}]"


def machine_busy() -> float:
    """Seconds the machine's CPUs have been busy since boot (/proc/stat; 0.0 where there is none).

    Beside the server's and this client's CPU it gives what other processes took, including those this
    process cannot see (other containers or sessions on a shared machine, which ``ps`` does not list)."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except (OSError, ValueError):
        return 0.0
    user, nice, system, _idle, _iowait, irq, softirq, steal = (fields + [0] * 8)[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


async def observed(phase: Awaitable[Phase], tree: list[int]) -> Phase:
    """``phase``, with the load average, this load generator's CPU, the server processes' CPU (also
    per request: less sensitive to what else runs than latency) and time runnable but waiting for a CPU,
    and the CPU the machine's other processes took meanwhile."""
    load0 = os.getloadavg()[0]
    busy0 = machine_busy()
    cpu0 = time.process_time()
    ran0, waited0 = scheduling(tree)
    t0 = time.perf_counter()
    done = await phase
    wall = time.perf_counter() - t0
    ran1, waited1 = scheduling(tree)
    done.usage = [wall, time.process_time() - cpu0, ran1 - ran0, waited1 - waited0,
                  wall * (load0 + os.getloadavg()[0]) / 2, machine_busy() - busy0]
    return done


@dataclass
class Target:
    """One server under test and what was measured on it."""

    label: str
    port: int
    tree: list[int]
    runs: list[dict[str, Phase]] = field(default_factory=list)
    saturation: list[float] = field(default_factory=list)


SHARES = (0.25, 0.50, 0.75)


async def each(targets: list[Target], key: str, repeat: int, make: Callable[[Target, int, int], Awaitable[Phase]],
               samples: int, block: int) -> None:
    """One phase on every target: in blocks of ``block`` samples taking turns (``0``: the whole phase on
    each in turn), so that they see the same machine load; the order of the targets alternates."""
    merged: dict[str, Phase] = {}
    done, index = 0, 0
    while done < samples:
        n = min(block or samples, samples - done)
        order = targets if (repeat + index) % 2 else targets[::-1]
        for t in order:
            part = await observed(make(t, n, index), t.tree)
            merged.setdefault(t.label, Phase(part.name)).absorb(part)
        done, index = done + n, index + 1
    for t in targets:
        t.runs[-1][key] = merged[t.label]
        print(f"[{t.label} #{repeat}] {merged[t.label].line()}", flush=True)


async def rotate(targets: list[Target], phases: list[tuple[str, Callable[[Target, int, int], Awaitable[Phase]]]],
                 repeat: int, samples: int, block: int) -> None:
    """Several phases in turns of ``block`` samples (``0``: each phase whole, in order), the phase order
    rotating and the target order alternating at each turn, so that a ratio of two phases (the loaded p99
    over the single-request p50) and a comparison of two trees both rest on latencies taken under the same
    machine load, not minutes apart."""
    merged: dict[tuple[str, str], Phase] = {}
    done, index = 0, 0
    while done < samples:
        n = min(block or samples, samples - done)
        turn = phases[index % len(phases):] + phases[:index % len(phases)]
        for key, make in turn:
            for t in targets if (repeat + index) % 2 else targets[::-1]:
                part = await observed(make(t, n, index), t.tree)
                merged.setdefault((key, t.label), Phase(part.name)).absorb(part)
        done, index = done + n, index + 1
    for key, _ in phases:
        for t in targets:
            t.runs[-1][key] = merged[(key, t.label)]
            print(f"[{t.label} #{repeat}] {merged[(key, t.label)].line()}", flush=True)


async def measure(targets: list[Target], requests: list[bytes], samples: int, repeat: int, block: int) -> None:
    """``repeat`` rounds: the closed loops (whole, their throughput being a steady state) give the
    saturation; then the single-request and the open-loop phases, interleaved in blocks."""
    for t in targets:  # warm connections and workers
        await closed_loop(t.port, requests, 8, 3 * len(requests), "warm-up")
    for r in range(1, repeat + 1):
        for t in targets:
            t.runs.append({})
        for clients in (8, 32):
            await each(targets, f"c{clients}", r, lambda t, n, _, c=clients: closed_loop(  # type: ignore[misc]
                t.port, requests, c, n, f"closed loop, {c} clients"), samples, 0)
        for t in targets:
            t.saturation.append(max(t.runs[-1]["c8"].rate, t.runs[-1]["c32"].rate))
        # compared targets get the same arrivals: rates from their mean saturation (each one's own share printed)
        base = statistics.mean(t.saturation[-1] for t in targets)
        phases: list[tuple[str, Callable[[Target, int, int], Awaitable[Phase]]]] = [
            ("single", lambda t, n, _: closed_loop(t.port, requests, 1, n, "single request (1 client)"))]
        for share in SHARES:
            phases.append((f"o{share:.0%}", lambda t, n, i, s=share, r=r, rate=base * share: open_loop(  # type: ignore[misc]
                t.port, requests, rate, n, f"open loop {s:.0%} ({rate:.1f}/s)", seed=1000 * r + i)))
        await rotate(targets, phases, r, samples, block)


def summary(t: Target) -> list[str]:
    out = [f"--- {t.label}: saturation {', '.join(f'{x:.1f}' for x in t.saturation)} req/s (the higher closed-loop "
           "rate, per repeat)"]
    for key in t.runs[0]:
        runs = [run[key] for run in t.runs]
        cells = "; ".join(f"p50 {pct(p.ms, 50):.1f} p99 {pct(p.ms, 99):.1f} (n={len(p.ms)})" for p in runs)
        out.append(f"  {runs[0].name.split(' (')[0]:<26} {cells}")
    met = 0
    for i, run in enumerate(t.runs, 1):
        single, half = pct(run["single"].ms, 50), run["o50%"].ms
        lo, hi = quantile_ci(half, 99)
        ok = pct(half, 99) <= 3 * single
        met += ok
        own = run["o50%"].rate / t.saturation[i - 1]
        out.append(f"  repeat {i}: p99 at 50% {pct(half, 99):.1f} ms (95% CI {lo:.1f}-{hi:.1f}, n={len(half)}; served "
                   f"{run['o50%'].rate:.1f}/s = {own:.0%} of this target's saturation) "
                   f"<= 3 x single p50 {single:.1f} = {3 * single:.1f} ms: {'met' if ok else 'NOT met'}"
                   f"{'' if ok == (hi <= 3 * single) == (lo <= 3 * single) else ' (the interval straddles the limit)'}")
    out.append(f"  requirement met in {met} of {len(t.runs)} repeat(s)")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--samples", type=int, default=400, help="Answers per phase (every phase: as many latencies).")
    ap.add_argument("--repeat", type=int, default=2, help="Rounds of the single, closed-loop and open-loop phases.")
    ap.add_argument("--compare", type=Path, help="Another source tree, served beside this one, phases interleaved.")
    ap.add_argument("--block", type=int, default=100, help="Samples per turn in the single-request and open-loop "
                    "phases, which take turns (0: each phase whole, one after another). Each block starts from an "
                    "idle server.")
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--slow", type=int, default=200, help="Slow connections held open in the last phase.")
    ap.add_argument("--no-references", action="store_true", help="Serve without reference sources.")
    ap.add_argument("--draft-bytes", type=int, default=DRAFT_BYTES, help="Draft size (small: the service's own cost).")
    args = ap.parse_args()
    block = args.block

    texts = drafts(size=args.draft_bytes)
    bodies = [json.dumps({"markdown": t}).encode() for t in texts]
    requests = [check_request(b) for b in bodies]
    trees = [("this tree", ROOT)] + ([(f"compare {args.compare}", args.compare.resolve())] if args.compare else [])
    print(f"drafts: {len(texts)} x ~{sum(map(len, texts)) // len(texts)} chars; {args.samples} answers per phase, "
          f"{args.repeat} repeat(s){f', in blocks of {block}' if block else ''}; server: {args.workers} engine worker(s); references: "
          f"{'off' if args.no_references else 'fake Wikidata, warm cache'}; cpus {os.cpu_count()}, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as cache, FakeWikidata.from_dir(fixtures_dir()) as wikidata:
        procs, targets = [], []
        try:
            for label, tree in trees:
                port = free_port()
                proc = start_server(port, args.workers, None if args.no_references else wikidata.url, cache, tree)
                procs.append(proc)
                with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as c:  # warm the reference cache
                    for _ in range(2):
                        for b in bodies:
                            c.post("/v1/check", content=b, headers={"content-type": "application/json"}).raise_for_status()
                targets.append(Target(label, port, process_tree(proc.pid)))
            lookups = len(wikidata.requests)
            wall0 = time.perf_counter()
            busy0, client0 = machine_busy(), time.process_time()
            spent0 = [scheduling(t.tree) for t in targets]
            asyncio.run(measure(targets, requests, args.samples, args.repeat, block))
            wall = time.perf_counter() - wall0
            busy, client = machine_busy() - busy0, time.process_time() - client0
            spent = [tuple(b - a for a, b in zip(s0, scheduling(t.tree), strict=True)) for s0, t in zip(spent0, targets, strict=True)]
            for t in targets:
                beside, health = asyncio.run(beside_slow_connections(t.port, requests, args.slow))
                single_p50 = statistics.median(pct(run["single"].ms, 50) for run in t.runs)
                ratio = pct(beside.ms, 50) / single_p50
                print(f"[{t.label}] {beside.line()}")
                print(f"[{t.label}] beside {args.slow} slow connections: p50 {ratio:.2f}x the single-request p50 "
                      f"(goal < 2x: {'met' if ratio < 2 else 'NOT met'}); /healthz answered {health}")
            fresh = len(wikidata.requests) - lookups
        finally:
            for proc in procs:
                proc.terminate()
                proc.wait(timeout=15)
        alone = engine_cost(texts, None if args.no_references else wikidata.url, cache)

    for t, (ran, waited) in zip(targets, spent, strict=True):
        print("\n".join(summary(t)))
        print(f"  server processes ({len(t.tree)}): {ran:.1f} s on a CPU, {waited:.1f} s runnable but waiting for one")
    others = max(busy - client - sum(ran for ran, _ in spent), 0.0)
    print(f"{wall:.0f} s of measuring; {fresh} reference lookups during the run (waiting = CPUs taken by other "
          f"processes, this client included); other processes took {others:.1f} s of CPU "
          f"({100 * others / wall:.0f}% of one CPU) beside the server(s) and this client")
    print(f"checker alone (in process, one thread): {alone:.1f} ms per draft")
    print(f"cpus: {os.cpu_count()}, load avg {os.getloadavg()[0]:.1f} (a shared machine: other sessions' tests run beside)")


if __name__ == "__main__":
    main()
