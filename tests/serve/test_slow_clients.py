"""Slow clients against a real ``factcheck serve``: read deadline (408 or closed) and connection bound (503).

Real sockets to a server on 127.0.0.1. No assertion on time: the latency comparison with and without
200 slow connections is printed by ``bench/service.py``.
"""

from __future__ import annotations

import json
import socket
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.serve.server import Server, running_server

READ_TIMEOUT = 4
MAX_CONNECTIONS = 250
SHIFT = "The 2% target was moved up by three years, from fiscal 2027 to fiscal 2025."
PARTIAL_HEADERS = b"POST /v1/check HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: appl"


@pytest.fixture(scope="module")
def guarded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("serve-guarded")
    args = ("--no-references", "--workers", "1", "--read-timeout", str(READ_TIMEOUT),
            "--max-connections", str(MAX_CONNECTIONS))
    with running_server(tmp, *args) as s:
        yield s


def connect(server: Server, first_bytes: bytes = b"") -> socket.socket:
    host, port = server.url.removeprefix("http://").split(":")
    s = socket.create_connection((host, int(port)), timeout=30)
    if first_bytes:
        s.sendall(first_bytes)
    return s


def read_all(s: socket.socket) -> bytes:
    """Everything the server sends until it closes (30 s socket timeout: a hang fails the test)."""
    out = b""
    try:
        while chunk := s.recv(65536):
            out += chunk
    except ConnectionResetError:
        pass
    return out


def status_and_code(raw: bytes) -> tuple[int, str]:
    head, _, body = raw.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body)["error"]["code"]


def wait_until_healthy(server: Server, deadline_s: float = 60) -> None:
    deadline = time.monotonic() + deadline_s
    while True:
        try:
            if httpx.get(server.url + "/healthz", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert time.monotonic() < deadline, "the server did not answer /healthz again"
        time.sleep(0.2)


def test_200_slow_connections_do_not_stop_a_normal_request(guarded: Server) -> None:
    wait_until_healthy(guarded)
    slow = [connect(guarded, PARTIAL_HEADERS) for _ in range(200)]
    try:
        with guarded.client() as c:
            resp = c.post("/v1/check", json={"text": SHIFT, "published": "2025-10-29"})
            health = c.get("/healthz")
        assert resp.status_code == 200, resp.text
        assert [f["rule"] for f in resp.json()["documents"][0]["findings"]] == ["timeline.shift-mismatch"]
        assert health.status_code == 200
        endings = [read_all(s) for s in slow]  # held until the server's deadline, then 408 and closed
    finally:
        for s in slow:
            s.close()
    assert {status_and_code(e) for e in endings if e} == {(408, "request_timeout")}
    assert sum(1 for e in endings if e) >= 190  # a reset may eat a few answers; none hangs


SLOW = {
    "silent": b"",  # connects and sends nothing
    "slow-headers": PARTIAL_HEADERS,  # half a header line, never finished
    "slow-body": b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n"
    b'{"text": "',  # a declared body that never arrives
}


def test_a_request_not_sent_in_time_gets_408_and_is_closed(guarded: Server) -> None:
    sockets = {name: connect(guarded, first) for name, first in SLOW.items()}  # all at once: one deadline to wait
    try:
        answers = {name: status_and_code(read_all(s)) for name, s in sockets.items()}
    finally:
        for s in sockets.values():
            s.close()
    assert answers == dict.fromkeys(SLOW, (408, "request_timeout"))


def test_when_full_new_connections_get_503_and_health_comes_back(guarded: Server) -> None:
    wait_until_healthy(guarded)
    slow = [connect(guarded, PARTIAL_HEADERS) for _ in range(MAX_CONNECTIONS)]
    try:
        with connect(guarded, b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n") as extra:
            assert status_and_code(read_all(extra)) == (503, "overloaded")
        for s in slow:  # the slow ones are timed out: the server has room again
            read_all(s)
    finally:
        for s in slow:
            s.close()
    wait_until_healthy(guarded)
    with guarded.client() as c:
        assert c.post("/v1/check", json={"text": SHIFT, "published": "2025-10-29"}).status_code == 200


def test_a_keep_alive_client_is_served_request_after_request(guarded: Server) -> None:
    with guarded.client() as c:
        for _ in range(3):
            assert c.post("/v1/check", json={"text": SHIFT, "published": "2025-10-29"}).status_code == 200
