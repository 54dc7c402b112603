"""The retry and guard layers, on httpx.MockTransport (small unit tests; the server tests cover the rest)."""

from __future__ import annotations

import json

import httpx
import pytest

from factcheck.enrich.config import Retries
from factcheck.enrich.errors import SourceError
from factcheck.enrich.http.deadline import DEADLINE_EXTENSION, Deadline
from factcheck.enrich.http.transports import GuardTransport, RetryTransport, parse_retry_after

MAXLAG = json.dumps({"error": {"code": "maxlag", "info": "Waiting for all: 3.45 seconds lagged."}}).encode()


def client(answers: list[httpx.Response | Exception], sleeps: list[float], **retries: float) -> httpx.Client:
    queue = list(answers)

    def handler(request: httpx.Request) -> httpx.Response:
        answer = queue.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer

    cfg = Retries(attempts=4, backoff=0.1, backoff_max=1, retry_after_max=10, **retries)  # type: ignore[arg-type]
    guard = GuardTransport(httpx.MockTransport(handler), max_in_flight=3, max_bytes=1000)
    return httpx.Client(transport=RetryTransport(guard, cfg, sleep=sleeps.append))


def ok() -> httpx.Response:
    return httpx.Response(200, json={"search": []})


def test_429_retry_after_is_honoured() -> None:
    sleeps: list[float] = []
    c = client([httpx.Response(429, headers={"Retry-After": "3"}), ok()], sleeps)
    assert c.get("http://x/").json() == {"search": []}
    assert sleeps == [3.0]


def test_maxlag_as_http_200_is_retried() -> None:
    sleeps: list[float] = []
    answers = [httpx.Response(200, content=MAXLAG, headers={"Retry-After": "2", "X-Database-Lag": "3"}), ok()]
    assert client(answers, sleeps).get("http://x/").status_code == 200
    assert sleeps == [2.0]


def test_5xx_and_timeouts_back_off_then_give_up() -> None:
    sleeps: list[float] = []
    answers: list[httpx.Response | Exception] = [
        httpx.Response(500),
        httpx.ReadTimeout("slow"),
        httpx.ConnectError("refused"),
        httpx.Response(503),
    ]
    with pytest.raises(SourceError) as info:
        client(answers, sleeps).get("http://x/")
    assert info.value.reason == "server_error" and "4 attempts" in str(info.value)
    assert len(sleeps) == 3 and all(0 < s <= 1 for s in sleeps)


def test_retry_after_over_cap_fails_at_once() -> None:
    sleeps: list[float] = []
    with pytest.raises(SourceError, match="over the 10s cap"):
        client([httpx.Response(429, headers={"Retry-After": "120"})], sleeps).get("http://x/")
    assert sleeps == []


def test_retry_after_beyond_budget_fails_at_once() -> None:
    sleeps: list[float] = []
    c = client([httpx.Response(429, headers={"Retry-After": "5"})], sleeps)
    with pytest.raises(SourceError, match="time budget"):
        c.get("http://x/", extensions={DEADLINE_EXTENSION: Deadline(1.0)})
    assert sleeps == []


def test_body_cap() -> None:
    with pytest.raises(SourceError) as info:
        client([httpx.Response(200, content=b"x" * 5000)], []).get("http://x/")
    assert info.value.reason == "too_large"


def test_other_4xx_is_handed_up_unretried() -> None:
    sleeps: list[float] = []
    assert client([httpx.Response(404)], sleeps).get("http://x/").status_code == 404
    assert sleeps == []


def test_parse_retry_after() -> None:
    assert parse_retry_after("7") == 7.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert parse_retry_after("soon") is None


def test_connection_refused_gives_up_after_two_attempts_and_then_fails_fast() -> None:
    """No answer at all: one quick retry, then the circuit breaker answers at once for a while."""
    import time

    from factcheck.enrich.config import Retries
    from factcheck.enrich.errors import SourceError
    from factcheck.enrich.http.transports import BreakerTransport, RetryTransport

    calls = []

    class Refusing(httpx.BaseTransport):
        def handle_request(self, request: httpx.Request) -> httpx.Response:
            calls.append(request.url)
            raise httpx.ConnectError("connection refused", request=request)

    clock = [0.0]
    transport = BreakerTransport(
        RetryTransport(Refusing(), Retries(attempts=4, backoff=0.0), sleep=lambda s: None),
        cooldown=30.0,
        clock=lambda: clock[0],
    )
    request = httpx.Request("GET", "http://127.0.0.1:9/w/api.php")
    with pytest.raises(SourceError, match="gave up after 2 attempts"):
        transport.handle_request(request)
    assert len(calls) == 2
    start = time.monotonic()
    with pytest.raises(SourceError, match="not retried for 30s"):
        transport.handle_request(request)
    assert len(calls) == 2 and time.monotonic() - start < 0.5
    clock[0] = 31.0  # cool-down over: one probe goes through
    with pytest.raises(SourceError, match="gave up"):
        transport.handle_request(request)
    assert len(calls) == 4
