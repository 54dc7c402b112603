"""Service latency: ``factcheck serve`` on loopback, 32 concurrent clients, 5 KB drafts, warm reference cache.

    python bench/service.py [--requests 3000] [--clients 32] [--workers N] [--no-references]

Starts the fake Wikidata (``factcheck.enrich.testing``) and ``factcheck serve`` in a subprocess
pointed at it with a fresh cache directory, sends every draft once to warm the cache, then has
``--clients`` keep-alive connections send ``--requests`` POST /v1/check requests in total
(closed loop: each client sends its next request when the previous answer is in). The client is a
minimal HTTP/1.1 writer/reader on asyncio streams, so that it takes as little of the CPU it shares
with the server as possible. Prints p50/p95/p99/max latency and requests/s. Goal: p99 <= 25 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time
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


def start_server(port: int, workers: int, wikidata: str | None, cache: str) -> subprocess.Popen[bytes]:
    args = [sys.executable, "-m", "factcheck", "serve", "--host", "127.0.0.1", "--port", str(port),
            "--workers", str(workers), "--cache-dir", cache, "--log-level", "warning"]
    args += ["--source", f"wikidata={wikidata}"] if wikidata else ["--no-references"]
    env = {**os.environ, "FACTCHECK_CACHE_DIR": cache}
    env.pop("FACTCHECK_API_TOKEN", None)
    proc = subprocess.Popen(args, cwd=ROOT, env=env)
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


async def client(port: int, bodies: list[bytes], counter: list[int], total: int, out: list[float],
                 statuses: dict[int, int]) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        while counter[0] < total:
            body = bodies[counter[0] % len(bodies)]
            counter[0] += 1
            request = (b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                       b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
            t0 = time.perf_counter()
            writer.write(request)
            head = await reader.readuntil(b"\r\n\r\n")
            match = _LENGTH.search(head)
            await reader.readexactly(int(match.group(1)) if match else 0)
            out.append(time.perf_counter() - t0)
            status = int(head.split(b" ", 2)[1])
            statuses[status] = statuses.get(status, 0) + 1
    finally:
        writer.close()


async def drive(port: int, bodies: list[bytes], clients: int, total: int) -> tuple[list[float], float, dict[int, int]]:
    latencies: list[float] = []
    statuses: dict[int, int] = {}
    counter = [0]
    t0 = time.perf_counter()
    await asyncio.gather(*(client(port, bodies, counter, total, latencies, statuses) for _ in range(clients)))
    return latencies, time.perf_counter() - t0, statuses


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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--requests", type=int, default=3000)
    ap.add_argument("--clients", type=int, default=32)
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--no-references", action="store_true", help="Serve without reference sources.")
    ap.add_argument("--draft-bytes", type=int, default=DRAFT_BYTES, help="Draft size (small: the service's own cost).")
    args = ap.parse_args()

    texts = drafts(size=args.draft_bytes)
    bodies = [json.dumps({"markdown": t}).encode() for t in texts]
    with tempfile.TemporaryDirectory() as cache, FakeWikidata.from_dir(fixtures_dir()) as wikidata:
        port = free_port()
        proc = start_server(port, args.workers, None if args.no_references else wikidata.url, cache)
        try:
            with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=60) as c:  # warm the reference cache
                for _ in range(2):
                    for b in bodies:
                        r = c.post("/v1/check", content=b, headers={"content-type": "application/json"})
                        r.raise_for_status()
                sample = r.json()
            lookups = len(wikidata.requests)
            asyncio.run(drive(port, bodies, args.clients, min(200, args.requests)))  # warm connections and workers
            latencies, elapsed, statuses = asyncio.run(drive(port, bodies, args.clients, args.requests))
            fresh = len(wikidata.requests) - lookups
        finally:
            proc.terminate()
            proc.wait(timeout=15)
        alone = engine_cost(texts, None if args.no_references else wikidata.url, cache)

    ms = [x * 1000 for x in latencies]
    findings = sum(len(d["findings"]) for d in sample["documents"])
    print(f"drafts: {len(texts)} x ~{sum(map(len, texts)) // len(texts)} chars; last sample had {findings} finding(s)")
    print(f"server: {args.workers} engine worker(s); references: {'off' if args.no_references else 'fake Wikidata, warm cache'}"
          f" ({fresh} lookups during the run)")
    print(f"{len(ms)} requests, {args.clients} concurrent clients, statuses {dict(sorted(statuses.items()))}")
    print(f"latency ms: p50 {pct(ms, 50):.1f}  p95 {pct(ms, 95):.1f}  p99 {pct(ms, 99):.1f}  max {max(ms):.1f}")
    print(f"throughput: {len(ms) / elapsed:.0f} requests/s  (cpus: {os.cpu_count()}, load avg {os.getloadavg()[0]:.1f})")
    print(f"checker alone (in process, one thread): {alone:.1f} ms per draft")
    print(f"goal p99 <= 25 ms: {'met' if pct(ms, 99) <= 25 else 'not met'}")


if __name__ == "__main__":
    main()
