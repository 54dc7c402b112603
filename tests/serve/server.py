"""A real ``factcheck serve`` in a subprocess on 127.0.0.1 (free port), stopped by its own pid."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Server:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def client(self, **kw: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=30, **kw)  # type: ignore[arg-type]


def children(pid: int) -> list[int]:
    """The pids whose parent is ``pid`` (from /proc)."""
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry.name))
    return out


def engine_workers(server: Server) -> list[int]:
    """The pids of the server's engine worker processes (children of its multiprocessing forkserver)."""
    for child in children(server.process.pid):
        if b"forkserver" in Path(f"/proc/{child}/cmdline").read_bytes():
            return children(child)
    return []


@contextmanager
def running_server(
    tmp: Path, *args: str, env: dict[str, str] | None = None, start_timeout: float = 60
) -> Iterator[Server]:
    port = free_port()
    log = tmp / f"serve-{port}.log"
    full_env = {k: v for k, v in os.environ.items() if k != "FACTCHECK_API_TOKEN"}
    full_env.update(env or {})
    full_env.setdefault("FACTCHECK_CACHE_DIR", str(tmp / "cache"))
    cmd = [sys.executable, "-m", "factcheck", "serve", "--host", "127.0.0.1", "--port", str(port), *args]
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=full_env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", proc, log)
    try:
        deadline = time.monotonic() + start_timeout
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited with {proc.returncode}:\n{log.read_text()}")
            try:
                if httpx.get(server.url + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError(f"server did not start within {start_timeout} s:\n{log.read_text()}")
            time.sleep(0.1)
        yield server
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
