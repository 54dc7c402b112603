"""``FakeWorldBank``: a real HTTP server on 127.0.0.1 answering the World Bank Indicators API v2.

``GET /v2/country/{codes}/indicator/{ids}?format=json&date=Y1:Y2&per_page=N&page=P[&source=S]``
answers ``[metadata, rows]`` in the real API's shapes (paging, rows with ``indicator``, ``country``,
``countryiso3code``, ``date``, ``value`` (null where there is no data), ``unit``, ``obs_status``,
``decimal``), and the real error message arrays for unknown indicators and country codes, and for
several indicators without ``source``. Faults make it misbehave on purpose: 500, 503, a response that
hangs, garbage, a huge body. Every request is counted.
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qs, urlsplit

from factcheck.enrich.testing.localserver import LocalServer, stream_huge_json

WorldBankFault = Literal["500", "503", "hang", "garbage", "huge"]


@dataclass
class SeenRequest:
    countries: list[str]
    indicators: list[str]
    params: dict[str, str]
    fault: str | None = None


@dataclass
class _Fault:
    kind: WorldBankFault
    times: int = 1  # -1: every request from now on
    seconds: float = 30.0
    size: int = 50 * 1024 * 1024


@dataclass
class _State:
    series: dict[str, dict[str, dict[str, Any]]]  # indicator -> ISO2 -> {name, iso3, values}
    labels: dict[str, str]
    faults: list[_Fault] = field(default_factory=list)
    requests: list[SeenRequest] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)
    stopping: threading.Event = field(default_factory=threading.Event)


def error_body(code: str, key: str, value: str) -> list[dict[str, Any]]:
    return [{"message": [{"id": code, "key": key, "value": value}]}]


def load_series(path: Path) -> tuple[dict[str, dict[str, dict[str, Any]]], dict[str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["series"], data["labels"]


class FakeWorldBank(LocalServer):
    """``with FakeWorldBank.from_file(path) as server:``; point the ``worldbank`` source at ``server.url``."""

    thread_name = "fake-worldbank"
    path = "/v2"

    def __init__(self, series: dict[str, dict[str, dict[str, Any]]], labels: dict[str, str]) -> None:
        super().__init__(_State(series=series, labels=labels))

    def handler_class(self) -> type[BaseHTTPRequestHandler]:
        return _Handler

    @classmethod
    def from_file(cls, path: Path) -> FakeWorldBank:
        return cls(*load_series(path))

    def add_fault(self, kind: WorldBankFault, **kwargs: Any) -> None:
        with self.state.lock:
            self.state.faults.append(_Fault(kind, **kwargs))

    @property
    def requests(self) -> list[SeenRequest]:
        with self.state.lock:
            return list(self.state.requests)

    def count(self) -> int:
        return len(self.requests)


class _Handler(BaseHTTPRequestHandler):
    state: _State
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {k: v[-1] for k, v in parse_qs(url.query).items()}
        parts = url.path.strip("/").split("/")
        countries: list[str] = []
        indicators: list[str] = []
        if len(parts) == 5 and parts[0] == "v2" and parts[1] == "country" and parts[3] == "indicator":
            countries, indicators = parts[2].upper().split(";"), parts[4].split(";")
        st = self.state
        with st.lock:
            fault = next((f for f in st.faults), None)
            if fault is not None and fault.times > 0:
                fault.times -= 1
                if fault.times == 0:
                    st.faults.remove(fault)
            st.requests.append(SeenRequest(countries, indicators, query, fault.kind if fault else None))
        try:
            if fault is not None:
                self._misbehave(fault)
            elif not countries:
                self._send(404, b"<html>The resource cannot be found.</html>", "text/html")
            else:
                self._send_json(self._answer(countries, indicators, query))
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _answer(self, countries: list[str], indicators: list[str], query: dict[str, str]) -> Any:
        st = self.state
        if len(indicators) > 1 and "source" not in query:
            return error_body("175", "Invalid format", "The indicator was not found. It may have been deleted or archived.")
        unknown = [i for i in indicators if i not in st.series]
        if unknown:
            return error_body("120", "Invalid value", "The provided parameter value is not valid")
        known = {c for rows in st.series.values() for c in rows}
        if any(c not in known for c in countries):
            return error_body("120", "Invalid value", "The provided parameter value is not valid")
        first, _, last = query.get("date", "1960:2100").partition(":")
        years = range(int(first), int(last or first) + 1)
        rows = []
        for country in countries:
            for indicator in indicators:
                entry = st.series[indicator].get(country)
                if entry is None:
                    continue
                for year in reversed(years):  # the real API lists the newest year first
                    rows.append({
                        "indicator": {"id": indicator, "value": st.labels[indicator]},
                        "country": {"id": country, "value": entry["name"]},
                        "countryiso3code": entry["iso3"],
                        "date": str(year),
                        "value": entry["values"].get(str(year)),
                        "unit": "",
                        "obs_status": "",
                        "decimal": 1,
                    })
        per_page = max(1, int(query.get("per_page", "50")))
        page = max(1, int(query.get("page", "1")))
        pages = max(1, math.ceil(len(rows) / per_page))
        meta = {"page": page, "pages": pages, "per_page": per_page, "total": len(rows),
                "sourceid": query.get("source", "2"), "lastupdated": "2025-07-01"}
        return [meta, rows[(page - 1) * per_page : page * per_page]]

    def _misbehave(self, fault: _Fault) -> None:
        if fault.kind in ("500", "503"):
            self._send(int(fault.kind), b"<html><body>Service Unavailable</body></html>", "text/html")
        elif fault.kind == "garbage":
            self._send(200, b"<?xml version='1.0'?><wb:error>unexpected", "application/json")
        elif fault.kind == "hang":
            self.state.stopping.wait(fault.seconds)
            self._send(500, b"late", "text/plain")
        elif fault.kind == "huge":
            stream_huge_json(self, b"[", fault.size, self.state.stopping)

    def _send_json(self, body: Any) -> None:
        self._send(200, json.dumps(body).encode(), "application/json;charset=utf-8")

    def _send(self, status: int, body: bytes, ctype: str) -> None:
        # One request per connection: no handler thread outlives its answer (tests count threads).
        self.close_connection = True
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)
