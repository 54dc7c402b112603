"""The HTTP service in a real subprocess: every endpoint, limits, errors with codes, auth, worker crashes."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.conftest import SEED
from tests.serve.conftest import CRASH_MARKER, HANG_MARKER, MAX_BODY, TOKEN
from tests.serve.server import Server, engine_workers

SHIFT = "The 2% target was moved up by three years, from fiscal 2027 to fiscal 2025."
UNOFFICIAL = "It is known that the United States has unofficially requested Japan to raise its spending to 3.5% of GDP."


def post(server: Server, body: object, **kw: object) -> httpx.Response:
    with server.client() as c:
        return c.post("/v1/check", json=body, **kw)  # type: ignore[arg-type]


def error_code(resp: httpx.Response) -> str:
    assert resp.headers["content-type"].startswith("application/json"), resp.text
    return str(resp.json()["error"]["code"])


def findings(resp: httpx.Response) -> list[dict[str, object]]:
    assert resp.status_code == 200, resp.text
    return list(resp.json()["documents"][0]["findings"])


# --- endpoints ----------------------------------------------------------------------------------
def test_healthz(server: Server) -> None:
    resp = httpx.get(server.url + "/healthz")
    assert resp.status_code == 200
    body = resp.json()
    assert body["status"] == "ok" and body["workers"] == 2 and body["rules"] >= 7


def test_openapi_describes_every_endpoint(server: Server) -> None:
    doc = httpx.get(server.url + "/openapi.json").json()
    assert doc["openapi"].startswith("3.")
    assert {"/v1/check", "/v1/rules", "/healthz"} <= set(doc["paths"])
    schemas = doc["components"]["schemas"]
    assert {"text", "markdown", "published", "rules", "disabled_rules", "min_severity"} <= set(
        schemas["CheckRequest"]["properties"]
    )
    assert {"offset", "length"} <= set(schemas["ApiFinding"]["properties"])
    assert "HTTPBearer" in doc["components"]["securitySchemes"]


def test_rules_lists_ids_titles_severities_examples(server: Server) -> None:
    rules = {r["id"]: r for r in httpx.get(server.url + "/v1/rules").json()["rules"]}
    shipped = {"timeline.shift-mismatch", "fiscal.gloss-mismatch", "attribution.unofficial-figure",
               "tenure.start-mismatch", "tenure.not-in-office", "dates.sequence", "numbers.conflicting-figure"}
    assert shipped <= set(rules)
    shift = rules["timeline.shift-mismatch"]
    assert shift["severity"] == "error" and shift["title"]
    assert shift["examples"]["flag"] and shift["examples"]["pass"]


def test_check_text_offsets_point_into_the_submitted_text(server: Server) -> None:
    text = "Background first.\n" + SHIFT
    found = findings(post(server, {"text": text, "published": "2025-10-29"}))
    assert [f["rule"] for f in found] == ["timeline.shift-mismatch"]
    f = found[0]
    assert text[f["offset"] : f["offset"] + f["length"]] == f["quote"]  # type: ignore[index,operator]
    assert f["offset"] == f["span"]["start"]  # type: ignore[index]  # plain text: body == submitted text


def test_check_markdown_offsets_skip_the_front_matter(server: Server) -> None:
    seed = SEED.read_text(encoding="utf-8").replace("moved up by two years", "moved up by three years")
    resp = post(server, {"markdown": seed})
    found = findings(resp)
    assert "timeline.shift-mismatch" in {f["rule"] for f in found}
    body_start = seed.index("\n---\n", 4) + 5
    for f in found:
        offset, length = f["offset"], f["length"]
        assert seed[offset : offset + length] == f["quote"], f  # type: ignore[index,operator]
        assert offset == f["span"]["start"] + body_start  # type: ignore[index,operator]
    assert resp.json()["documents"][0]["published"] == "2025-10-29"  # from the front matter


def test_rule_subset_disabled_rules_and_min_severity(server: Server) -> None:
    text = SHIFT + " " + UNOFFICIAL
    everything = {f["rule"] for f in findings(post(server, {"text": text, "published": "2025-10-29"}))}
    assert {"timeline.shift-mismatch", "attribution.unofficial-figure"} <= everything
    only = findings(post(server, {"text": text, "published": "2025-10-29", "rules": ["attribution.unofficial-figure"]}))
    assert {f["rule"] for f in only} == {"attribution.unofficial-figure"}
    rest = findings(post(server, {"text": text, "published": "2025-10-29",
                                  "disabled_rules": ["attribution.unofficial-figure"]}))
    assert "attribution.unofficial-figure" not in {f["rule"] for f in rest}
    errors = post(server, {"text": text, "published": "2025-10-29", "min_severity": "error"})
    assert {f["severity"] for f in findings(errors)} == {"error"}
    assert errors.json()["summary"]["findings"]["warning"] == 0


def test_same_json_as_the_library(server: Server) -> None:
    import factcheck

    resp = post(server, {"text": SHIFT, "published": "2025-10-29", "id": "draft-1"})
    served = resp.json()
    for f in served["documents"][0]["findings"]:
        del f["offset"], f["length"]
    with factcheck.Checker(references=False) as checker:
        local = checker.check(SHIFT, published="2025-10-29", fmt="text", doc_id="draft-1")
    assert served == json.loads(local.model_dump_json())


# --- limits and errors ----------------------------------------------------------------------------
def test_body_over_the_limit_is_413(server: Server) -> None:
    big = {"text": "x" * (MAX_BODY + 10)}
    resp = post(server, big)
    assert resp.status_code == 413 and error_code(resp) == "payload_too_large"


def test_chunked_body_over_the_limit_is_413(server: Server) -> None:
    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(MAX_BODY // 1024 + 2):
            yield b"y" * 1024
        yield b'"}'

    with server.client() as c:
        resp = c.post("/v1/check", content=chunks(), headers={"content-type": "application/json"})
    assert resp.status_code == 413 and error_code(resp) == "payload_too_large"


def test_a_draft_just_under_the_limit_is_checked(server: Server) -> None:
    text = (SHIFT + "\n") * ((MAX_BODY - 200) // (len(SHIFT) + 2))
    assert len(json.dumps({"text": text}).encode()) <= MAX_BODY
    assert post(server, {"text": text}).status_code == 200


def test_bad_json_is_400_with_a_code(server: Server) -> None:
    with server.client() as c:
        resp = c.post("/v1/check", content=b'{"text": "unterminated', headers={"content-type": "application/json"})
    assert resp.status_code == 400 and error_code(resp) == "bad_json"


def test_a_body_that_is_not_json_is_415(server: Server) -> None:
    with server.client() as c:
        resp = c.post("/v1/check", content=b"text=hello", headers={"content-type": "application/x-www-form-urlencoded"})
    assert resp.status_code == 415 and error_code(resp) == "unsupported_media_type"


@pytest.mark.parametrize(
    "body",
    [
        {},
        {"text": "a", "markdown": "b"},
        {"text": "a", "published": "29 October"},
        {"text": "a", "min_severity": "fatal"},
        {"text": "a", "sources": {"wikidata": "http://169.254.169.254/"}},
        {"text": "a", "url": "http://example.com/"},
        ["not", "an", "object"],
    ],
)
def test_invalid_requests_are_422(server: Server, body: object) -> None:
    resp = post(server, body)
    assert resp.status_code == 422 and error_code(resp) == "invalid_request"


def test_validation_errors_do_not_echo_the_draft(server: Server) -> None:
    resp = post(server, {"text": "a secret draft", "markdown": "another secret"})
    assert "secret" not in resp.text


def test_unknown_rule_ids_are_422(server: Server) -> None:
    for body in ({"text": "a", "rules": ["timeline.shift-mismatch", "no.such-rule"]},
                 {"text": "a", "disabled_rules": ["timeline.nope"]}):
        resp = post(server, body)
        assert resp.status_code == 422 and error_code(resp) == "unknown_rules"
        assert resp.json()["error"]["detail"] in (["no.such-rule"], ["timeline.nope"])


def test_unknown_path_and_method(server: Server) -> None:
    assert error_code(httpx.get(server.url + "/v2/check")) == "not_found"
    resp = httpx.get(server.url + "/v1/check")
    assert resp.status_code == 405 and error_code(resp) == "method_not_allowed"


# --- worker crash and time limit ------------------------------------------------------------------
def test_worker_crash_fails_only_that_request(server: Server) -> None:
    resp = post(server, {"text": f"Draft {CRASH_MARKER} here."})
    assert resp.status_code == 500 and error_code(resp) == "engine_crashed"
    assert "SIGKILL" in resp.json()["error"]["message"]
    for _ in range(4):  # both workers, including the fresh one, answer again
        assert findings(post(server, {"text": SHIFT, "published": "2025-10-29"}))
    assert httpx.get(server.url + "/healthz").status_code == 200


def test_concurrent_requests_around_a_crash(server: Server) -> None:
    import concurrent.futures as cf

    bodies = [{"text": SHIFT, "published": "2025-10-29"}] * 12 + [{"text": CRASH_MARKER}]
    with cf.ThreadPoolExecutor(8) as pool:
        codes = list(pool.map(lambda b: post(server, b).status_code, bodies))
    assert codes[:-1] == [200] * 12 and codes[-1] == 500


def test_a_worker_killed_while_idle_costs_no_request(server: Server) -> None:
    import os
    import signal

    workers = engine_workers(server)
    assert len(workers) == 2
    os.kill(workers[0], signal.SIGKILL)
    for _ in range(4):
        assert findings(post(server, {"text": SHIFT, "published": "2025-10-29"}))
    assert workers[0] not in engine_workers(server)


def test_time_limit_is_504_and_the_next_request_succeeds(slow_server: Server) -> None:
    resp = post(slow_server, {"text": f"A draft that hangs {HANG_MARKER}."})
    assert resp.status_code == 504 and error_code(resp) == "timeout"
    assert findings(post(slow_server, {"text": SHIFT, "published": "2025-10-29"}))


# --- auth -----------------------------------------------------------------------------------------
def test_no_auth_when_no_token_is_set(server: Server) -> None:
    assert post(server, {"text": "a"}).status_code == 200
    assert httpx.get(server.url + "/v1/rules").status_code == 200


def test_auth_required_when_token_is_set(auth_server: Server) -> None:
    resp = post(auth_server, {"text": "a"})
    assert resp.status_code == 401 and error_code(resp) == "unauthorized"
    assert resp.headers["www-authenticate"].startswith("Bearer")
    assert post(auth_server, {"text": "a"}, headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert post(auth_server, {"text": "a"}, headers={"Authorization": f"Basic {TOKEN}"}).status_code == 401
    assert httpx.get(auth_server.url + "/v1/rules").status_code == 401
    ok = {"Authorization": f"Bearer {TOKEN}"}
    assert post(auth_server, {"text": SHIFT, "published": "2025-10-29"}, headers=ok).status_code == 200
    assert httpx.get(auth_server.url + "/v1/rules", headers=ok).status_code == 200


def test_auth_is_checked_before_the_body(auth_server: Server) -> None:
    with auth_server.client() as c:
        resp = c.post("/v1/check", content=b"{not json", headers={"content-type": "application/json"})
    assert resp.status_code == 401 and error_code(resp) == "unauthorized"


def test_health_and_openapi_stay_open_with_a_token(auth_server: Server) -> None:
    assert httpx.get(auth_server.url + "/healthz").status_code == 200
    assert httpx.get(auth_server.url + "/openapi.json").status_code == 200
