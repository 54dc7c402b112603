"""Hostile requests to the real service: a lone surrogate is a clean result or a 4xx, never a 500; no error
response carries a traceback or a file system path."""

from __future__ import annotations

import re

import httpx
import pytest

from factcheck.serve.errors import public_message
from tests.serve.conftest import CRASH_MARKER
from tests.serve.server import Server

SHIFT = "The 2% target was moved up by three years, from fiscal 2027 to fiscal 2025."
LEAKS = re.compile(r"Traceback|File \"|site-packages|/work/|/usr/|/tmp/|\.py\b")


def raw_post(server: Server, json_text: str) -> httpx.Response:
    with server.client() as c:
        return c.post("/v1/check", content=json_text.encode("ascii"), headers={"content-type": "application/json"})


def assert_clean_error(resp: httpx.Response) -> None:
    assert resp.headers["content-type"].startswith("application/json"), resp.text
    assert not LEAKS.search(resp.text), resp.text


@pytest.mark.parametrize("field", ["text", "markdown"])
def test_lone_surrogate_in_the_draft_is_a_clean_result(server: Server, field: str) -> None:
    body = '{"' + field + '": "Minister \\ud800 Koizumi. ' + SHIFT + '", "published": "2025-10-29"}'
    resp = raw_post(server, body)
    assert resp.status_code == 200, resp.text
    (finding,) = [f for f in resp.json()["documents"][0]["findings"] if f["rule"] == "timeline.shift-mismatch"]
    submitted = f"Minister \ufffd Koizumi. {SHIFT}"
    assert submitted[finding["offset"] : finding["offset"] + finding["length"]].startswith("moved up by three")


def test_lone_surrogates_elsewhere_are_4xx(server: Server) -> None:
    for body in ('{"text": "x", "id": "\\ud800"}', '{"text": "x", "rules": ["\\udc00"]}',
                 '{"text": "x", "disabled_rules": ["a\\ud800b"]}', '{"text": "x", "published": "\\ud800"}'):
        resp = raw_post(server, body)
        assert 400 <= resp.status_code < 500, (body, resp.status_code, resp.text)
        assert_clean_error(resp)


def test_no_error_response_leaks_a_traceback_or_path(server: Server) -> None:
    with server.client() as c:
        responses = [
            c.post("/v1/check", json={"text": f"Draft {CRASH_MARKER} here."}),
            c.post("/v1/check", content=b"{not json", headers={"content-type": "application/json"}),
            c.post("/v1/check", json={"text": "x", "unknown": 1}),
            c.post("/v1/check", content=b"x", headers={"content-type": "text/plain"}),
            c.get("/v2/nothing"),
        ]
    assert responses[0].status_code == 500
    for resp in responses:
        assert resp.status_code >= 400
        assert_clean_error(resp)


def test_public_message_strips_tracebacks_and_paths() -> None:
    reason = ("UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in /srv/app/x.py\n"
              'Traceback (most recent call last):\n  File "/work/.venv/lib/python3.11/site-packages/f.py", line 1')
    assert public_message(reason) == "UnicodeEncodeError: 'utf-8' codec can't encode character '\\ud800' in <path>"
    assert public_message("OSError: C:\\Users\\me\\cache.sqlite3 is locked; 3/4 done") == (
        "OSError: <path> is locked; 3/4 done")
