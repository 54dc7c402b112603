"""The check fast path: a valid ``application/json`` check request skips FastAPI's layers; everything else,
every request that does not validate included, reaches FastAPI with its body intact and is answered as before."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest
from starlette.types import Message, Receive, Scope, Send

from factcheck.serve.errors import ApiError
from factcheck.serve.fastpath import CHECK_PATH, CheckFastPath
from factcheck.serve.schemas import CheckRequest
from tests.serve.server import Server

SHIFT = "The 2% target was moved up by three years, from fiscal 2027 to fiscal 2025."


class Recorder:
    """The inner app and the check handler: what reached each."""

    def __init__(self, fail: ApiError | None = None):
        self.app_bodies: list[bytes] = []
        self.checked: list[CheckRequest] = []
        self.fail = fail

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body", False):
                break
        self.app_bodies.append(body)
        await send({"type": "http.response.start", "status": 299, "headers": []})
        await send({"type": "http.response.body", "body": b"from the app"})

    async def handler(self, req: CheckRequest) -> bytes:
        self.checked.append(req)
        if self.fail is not None:
            raise self.fail
        return b'{"checked": true}'


def call(layer: CheckFastPath, body: bytes, content_type: bytes | None = b"application/json",
         method: str = "POST", path: str = CHECK_PATH) -> tuple[int, dict[bytes, bytes], bytes]:
    headers = [] if content_type is None else [(b"content-type", content_type)]
    scope: dict[str, Any] = {"type": "http", "method": method, "path": path, "headers": headers}
    sent: list[Message] = []
    pending = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> Message:
        return pending.pop(0) if pending else {"type": "http.disconnect"}

    async def send(message: Message) -> None:
        sent.append(message)

    asyncio.run(layer(scope, receive, send))
    start, *bodies = sent
    return start["status"], dict(start["headers"]), b"".join(m.get("body", b"") for m in bodies)


def test_a_valid_request_goes_to_the_handler_not_to_fastapi() -> None:
    rec = Recorder()
    status, headers, body = call(CheckFastPath(rec.app, rec.handler), json.dumps({"text": SHIFT, "id": "d1"}).encode(),
                                 b"application/json; charset=utf-8")
    assert (status, body) == (200, b'{"checked": true}')
    assert headers[b"content-type"] == b"application/json" and headers[b"content-length"] == str(len(body)).encode()
    assert rec.app_bodies == [] and [(r.text, r.id) for r in rec.checked] == [(SHIFT, "d1")]


@pytest.mark.parametrize(
    ("body", "content_type", "method", "path"),
    [
        (b'{"text": "unterminated', b"application/json", "POST", CHECK_PATH),  # bad JSON
        (b'{"text": "a", "markdown": "b"}', b"application/json", "POST", CHECK_PATH),  # invalid request
        (b'{"text": "a", "sources": {}}', b"application/json", "POST", CHECK_PATH),  # unknown field
        (b'{"text": "\\ud800"}', b"application/json", "POST", CHECK_PATH),  # lone surrogate (FastAPI's reading)
        (b'{"text": "a"}', b"application/x-www-form-urlencoded", "POST", CHECK_PATH),  # not JSON: 415 there
        (b'{"text": "a"}', b"application/merge-patch+json", "POST", CHECK_PATH),  # another JSON type
        (b'{"text": "a"}', None, "POST", CHECK_PATH),  # no content type
        (b'{"text": "a"}', b"application/json", "PUT", CHECK_PATH),  # 405 there
        (b'{"text": "a"}', b"application/json", "POST", "/v1/check/"),  # 404 there
    ],
)
def test_everything_else_reaches_fastapi_with_its_body(body: bytes, content_type: bytes | None, method: str,
                                                        path: str) -> None:
    rec = Recorder()
    status, _, answer = call(CheckFastPath(rec.app, rec.handler), body, content_type, method, path)
    assert (status, answer) == (299, b"from the app")
    assert rec.app_bodies == [body] and rec.checked == []


def test_handler_errors_are_json_errors_with_their_codes() -> None:
    rec = Recorder(fail=ApiError("unknown_rules", "unknown rule id(s): x.y", detail=["x.y"]))
    status, headers, body = call(CheckFastPath(rec.app, rec.handler), b'{"text": "a", "rules": ["x.y"]}')
    assert status == 422 and headers[b"content-type"] == b"application/json"
    assert json.loads(body) == {"error": {"code": "unknown_rules", "message": "unknown rule id(s): x.y", "detail": ["x.y"]}}


def test_both_paths_give_the_same_answer(server: Server) -> None:
    """The fast path (application/json) and FastAPI's route (another JSON media type) on the running service."""
    body = json.dumps({"text": SHIFT, "published": "2025-10-29", "id": "draft-1", "min_severity": "warning"})
    with server.client() as c:
        fast = c.post("/v1/check", content=body, headers={"content-type": "application/json"})
        routed = c.post("/v1/check", content=body, headers={"content-type": "application/merge-patch+json"})
        unknown = [c.post("/v1/check", json={"text": "a", "rules": ["no.such-rule"]}, headers={"content-type": ct})
                   for ct in ("application/json", "application/merge-patch+json")]
    assert fast.status_code == routed.status_code == 200
    assert fast.json() == routed.json() and fast.json()["documents"][0]["findings"]
    assert [r.status_code for r in unknown] == [422, 422] and unknown[0].json() == unknown[1].json()
