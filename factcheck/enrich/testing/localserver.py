"""A threaded HTTP server on 127.0.0.1 for the fake reference sources: start, stop, context manager, URL.

A fake source gives its request handler class, a state object the handler reads (with a ``stopping``
event), a thread name and the path its API lives under; this class runs it on a free port.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar, TypeVar

S = TypeVar("S", bound="LocalServer")


class LocalServer:
    thread_name: ClassVar[str] = "fake-source"
    path: ClassVar[str] = "/"

    def __init__(self, state: Any) -> None:
        self.state = state
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def handler_class(self) -> type[BaseHTTPRequestHandler]:
        raise NotImplementedError

    def start(self: S) -> S:
        # a handler class per server, so that two servers never share state
        base = self.handler_class()
        handler = type(base.__name__, (base,), {"state": self.state})
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,), name=self.thread_name,
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self.state.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self: S) -> S:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def url(self) -> str:
        assert self._server is not None, "server not started"
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}{self.path}"


def stream_huge_json(handler: BaseHTTPRequestHandler, opening: bytes, size: int, stopping: threading.Event) -> None:
    """Answer 200 with a JSON body that never ends: ``opening``, then spaces in 1 MiB blocks until
    ``size`` bytes are sent or the server stops (a fake source's "huge body" fault)."""
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Connection", "close")
    handler.end_headers()
    handler.close_connection = True
    block = opening + b" " * (1024 * 1024 - len(opening))
    sent = 0
    while sent < size and not stopping.is_set():
        handler.wfile.write(block)
        sent += len(block)
