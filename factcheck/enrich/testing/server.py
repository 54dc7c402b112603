"""``FakeWikidata``: a real HTTP server on 127.0.0.1 answering ``wbsearchentities``/``wbgetentities``.

It serves entities stored in the recorded shape and counts every request at the server. Faults
can be queued to make it misbehave on purpose: 429 with ``Retry-After``, the maxlag error (HTTP 200
with ``Retry-After`` and ``X-Database-Lag``), 500, a response that hangs, malformed JSON, and a
50 MB body. ``latency`` adds a delay to every answer (benchmarks).
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

from factcheck.enrich.testing.localserver import LocalServer, stream_huge_json
from factcheck.model.keys import fold

FaultKind = Literal["429", "maxlag", "500", "503", "hang", "malformed", "huge", "api-error", "close"]
_ID = re.compile(r"^[QPL][1-9]\d*$")
MAXLAG_BODY = {
    "error": {
        "code": "maxlag",
        "info": "Waiting for all: 3.45 seconds lagged.",
        "host": "all",
        "lag": 3.45,
        "type": "wikibase-queryservice",
        "*": "See https://www.wikidata.org/w/api.php for API usage.",
    },
    "servedby": "mw1280",
}


@dataclass
class Fault:
    kind: FaultKind
    times: int = 1  # -1: for every request from now on
    action: str | None = None  # only requests with this action
    search: str | None = None  # only searches for this text
    retry_after: str | None = None
    seconds: float = 30.0  # how long "hang" hangs
    size: int = 50 * 1024 * 1024  # bytes of "huge"


@dataclass
class Seen:
    action: str
    params: dict[str, str]
    headers: dict[str, str]
    at: float
    fault: str | None = None


@dataclass
class _State:
    entities: dict[str, dict[str, Any]]
    redirects: dict[str, str]
    latency: float = 0.0
    fold_search: bool = True  # False: diacritics must match, as a plain prefix search would
    faults: list[Fault] = field(default_factory=list)
    requests: list[Seen] = field(default_factory=list)
    in_flight: int = 0
    max_in_flight: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)
    index: dict[str, list[Any]] = field(default_factory=dict)


def load_entities(directory: Path) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
    """Entities from ``directory/entities/*.json`` (bare entity objects) and ``redirects.json``."""
    entities = {}
    for path in sorted((directory / "entities").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        entities[data["id"]] = data
    redirects_file = directory / "redirects.json"
    redirects = json.loads(redirects_file.read_text(encoding="utf-8")) if redirects_file.exists() else {}
    return entities, redirects


class FakeWikidata(LocalServer):
    """Start with ``with FakeWikidata(entities) as server:``; point a source at ``server.url``."""

    thread_name = "fake-wikidata"
    path = "/w/api.php"

    def __init__(
        self,
        entities: dict[str, dict[str, Any]],
        *,
        redirects: dict[str, str] | None = None,
        latency: float = 0.0,
        fold_search: bool = True,
    ) -> None:
        super().__init__(_State(
            entities=dict(entities), redirects=dict(redirects or {}), latency=latency, fold_search=fold_search
        ))

    def handler_class(self) -> type[BaseHTTPRequestHandler]:
        return _Handler

    @classmethod
    def from_dir(cls, directory: Path, **kwargs: Any) -> FakeWikidata:
        entities, redirects = load_entities(directory)
        return cls(entities, redirects=redirects, **kwargs)

    # --- control and counting ------------------------------------------------------------------

    def add_fault(self, kind: FaultKind, **kwargs: Any) -> None:
        with self.state.lock:
            self.state.faults.append(Fault(kind, **kwargs))

    def clear_faults(self) -> None:
        with self.state.lock:
            self.state.faults.clear()

    def reset_counts(self) -> None:
        with self.state.lock:
            self.state.requests.clear()
            self.state.max_in_flight = 0

    @property
    def requests(self) -> list[Seen]:
        with self.state.lock:
            return list(self.state.requests)

    def count(self, action: str | None = None) -> int:
        return sum(1 for r in self.requests if action is None or r.action == action)

    @property
    def max_in_flight(self) -> int:
        return self.state.max_in_flight


def _names_index(state: _State, language: str) -> list[tuple[str, dict[str, Any], list[tuple[str, str, str]]]]:
    """(id, entity, [(name, folded name, 'label'|'alias')]) for every entity, built once per language."""
    with state.lock:
        index = state.index.get(language)
        if index is None:
            index = []
            for qid, entity in state.entities.items():
                label = (entity.get("labels") or {}).get(language, {}).get("value")
                norm = fold if state.fold_search else str.lower
                names = [(label, norm(label), "label")] if label else []
                aliases = (entity.get("aliases") or {}).get(language, [])
                names += [(a["value"], norm(a["value"]), "alias") for a in aliases]
                index.append((qid, entity, names))
            state.index[language] = index
    return index


class _Handler(BaseHTTPRequestHandler):
    state: _State
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out as two writes

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        st = self.state
        query = {k: v[-1] for k, v in parse_qs(urlsplit(self.path).query).items()}
        action = query.get("action", "")
        with st.lock:
            st.in_flight += 1
            st.max_in_flight = max(st.max_in_flight, st.in_flight)
            fault = self._take_fault(action, query)
            st.requests.append(
                Seen(action, query, dict(self.headers.items()), time.monotonic(), fault.kind if fault else None)
            )
        try:
            if st.latency:
                time.sleep(st.latency)
            if fault is not None:
                self._misbehave(fault)
            elif urlsplit(self.path).path != "/w/api.php":
                self._send(404, b"not found", "text/plain")
            else:
                self._send_json(200, self._answer(action, query))
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            with st.lock:
                st.in_flight -= 1

    def _take_fault(self, action: str, query: dict[str, str]) -> Fault | None:
        for fault in self.state.faults:
            if fault.search is not None and query.get("search") != fault.search:
                continue
            if fault.action is None or fault.action == action:
                if fault.times > 0:
                    fault.times -= 1
                    if fault.times == 0:
                        self.state.faults.remove(fault)
                return fault
        return None

    # --- answers -------------------------------------------------------------------------------

    def _answer(self, action: str, query: dict[str, str]) -> dict[str, Any]:
        if action == "wbsearchentities":
            return self._search(query.get("search", ""), int(query.get("limit", "7")), query.get("language", "en"))
        if action == "wbgetentities":
            return self._get(query.get("ids", "").split("|"))
        return {"error": {"code": "badvalue", "info": f"Unrecognized value for parameter \"action\": {action}."}}

    def _search(self, text: str, limit: int, language: str) -> dict[str, Any]:
        normalise = fold if self.state.fold_search else str.lower
        needle = normalise(text)
        hits = []
        for qid, entity, names in _names_index(self.state, language):
            label = names[0][0] if names and names[0][2] == "label" else None
            match = None
            for name, folded, kind in names:
                if needle and folded.startswith(needle):
                    match = {"type": kind, "language": language, "text": name}
                    break
            if match is None:
                continue
            hit: dict[str, Any] = {
                "id": qid,
                "concepturi": f"http://www.wikidata.org/entity/{qid}",
                "url": f"//www.wikidata.org/wiki/{qid}",
                "title": qid,
                "pageid": entity.get("pageid", 0),
                "label": label,
                "description": (entity.get("descriptions") or {}).get(language, {}).get("value"),
                "match": match,
            }
            if match["type"] == "alias":
                hit["aliases"] = [match["text"]]
            hits.append(hit)
        hits.sort(key=lambda h: (h["match"]["type"] != "label", int(h["id"][1:])))
        out: dict[str, Any] = {"searchinfo": {"search": text}, "search": hits[:limit], "success": 1}
        if len(hits) > limit:
            out["search-continue"] = limit
        return out

    def _get(self, ids: list[str]) -> dict[str, Any]:
        bad = next((i for i in ids if not _ID.match(i)), None)
        if bad is not None:
            return {
                "servedby": "mw1223",
                "error": {
                    "code": "no-such-entity",
                    "info": f"Could not find such an entity (Invalid id: {bad})",
                    "*": "See http://www.wikidata.org/w/api.php for API usage",
                },
            }
        entities: dict[str, Any] = {}
        for qid in ids:
            target = self.state.redirects.get(qid, qid)
            entity = self.state.entities.get(target)
            if entity is None:
                entities[qid] = {"id": qid, "missing": ""}
            elif target != qid:
                entities[qid] = {**entity, "redirects": {"from": qid, "to": target}}
            else:
                entities[qid] = entity
        return {"entities": entities, "success": 1}

    # --- faults --------------------------------------------------------------------------------

    def _misbehave(self, fault: Fault) -> None:
        if fault.kind == "429":
            self._send_json(429, {"error": {"code": "ratelimited"}}, {"Retry-After": fault.retry_after or "1"})
        elif fault.kind == "maxlag":
            headers = {"Retry-After": fault.retry_after or "1", "X-Database-Lag": "3"}
            self._send_json(200, MAXLAG_BODY, headers)
        elif fault.kind == "500":
            self._send(500, b"<html><body>Internal Server Error</body></html>", "text/html")
        elif fault.kind == "503":
            self._send(503, b"<html><body>Service Unavailable</body></html>", "text/html")
        elif fault.kind == "malformed":
            self._send(200, b'{"entities": {"Q1": {"id": "Q1", "labels": ', "application/json")
        elif fault.kind == "api-error":
            self._send_json(200, {"error": {"code": "internal_api_error_DBQueryError", "info": "Database query error"}})
        elif fault.kind == "hang":
            self.state.stopping.wait(fault.seconds)
            self._send(500, b"late", "text/plain")
        elif fault.kind == "close":
            self.close_connection = True
            self.connection.shutdown(2)
        elif fault.kind == "huge":
            stream_huge_json(self, b'{"entities": {', fault.size, self.state.stopping)

    def _send_json(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        self._send(status, json.dumps(body).encode(), "application/json; charset=utf-8", headers)

    def _send(self, status: int, body: bytes, ctype: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)
