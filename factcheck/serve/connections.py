"""Slow clients cannot exhaust the service: a read deadline per request and a bound on connections.

uvicorn closes idle keep-alive connections, but it has no deadline for a request that is being
sent: a client that sends half a header line, or declares a body and trickles it (slowloris), holds
its connection, a file descriptor and, for a body, an application task, for as long as it likes.
And it accepts connections until the process runs out of file descriptors, after which every
request fails, ``/healthz`` included. :func:`guarded_protocol` makes uvicorn's own httptools protocol
class enforce both limits, at the level that sees bytes arrive (no ASGI middleware can: the app is
only called once the headers are complete):

- from the moment a connection opens (or a keep-alive connection starts its next request), the
  request's headers must be complete within ``read_timeout`` seconds, and its body within
  ``read_timeout`` seconds more; otherwise the client gets ``408`` (``request_timeout``) and the
  connection is closed;
- a connection beyond ``max_connections`` gets ``503`` (``overloaded``) at once, without a byte
  being read, and is closed: the connections already open (and, once the slow ones are timed out,
  new ones) are served, and the process keeps file descriptors for its workers and reference
  clients.
"""

from __future__ import annotations

import asyncio
import json
import resource
from dataclasses import dataclass
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from factcheck.serve.errors import error_body

#: File descriptors kept for everything but client connections (worker pipes, caches, reference clients).
FD_RESERVE = 128
#: Seconds a connection refused with 503 stays open, its input discarded, before it is closed.
REJECT_LINGER = 1.0


@dataclass(frozen=True)
class ConnectionLimits:
    read_timeout: float
    max_connections: int


def raw_response(status: int, reason: str, code: str, message: str) -> bytes:
    """A complete HTTP/1.1 error response with a JSON body, closing the connection."""
    body = json.dumps(error_body(code, message)).encode()
    head = (
        f"HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {len(body)}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode("ascii") + body


def fit_to_descriptors(wanted: int) -> int:
    """``wanted`` connections, or as many as the file-descriptor limit allows once raised to its hard limit."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    need = wanted + FD_RESERVE
    if soft != resource.RLIM_INFINITY and soft < need:
        target = need if hard == resource.RLIM_INFINITY else min(need, hard)
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
            soft = target
        except (ValueError, OSError):
            pass
    if soft == resource.RLIM_INFINITY:
        return wanted
    return max(1, min(wanted, soft - FD_RESERVE))


def guarded_protocol(limits: ConnectionLimits) -> type[HttpToolsProtocol]:
    """uvicorn's httptools protocol with the read deadline and the connection bound (pass as ``http=``)."""
    too_slow = raw_response(408, "Request Timeout", "request_timeout",
                            f"the request was not received within {limits.read_timeout:g} s")
    full = raw_response(503, "Service Unavailable", "overloaded",
                        f"the server holds its maximum of {limits.max_connections} connections; retry")

    class GuardedHttpToolsProtocol(HttpToolsProtocol):
        _deadline: asyncio.TimerHandle | None = None
        _rejected = False

        def connection_made(self, transport: Any) -> None:
            super().connection_made(transport)
            if len(self.connections) > limits.max_connections:
                # Answer at once, then close a moment later: closing with the client's request unread
                # would reset the connection, and the reset can destroy the 503 before it is read.
                self._rejected = True
                transport.write(full)
                self.loop.call_later(REJECT_LINGER, transport.close)
                return
            self._arm()

        def data_received(self, data: bytes) -> None:
            if not self._rejected:
                super().data_received(data)

        def connection_lost(self, exc: Exception | None) -> None:
            self._disarm()
            super().connection_lost(exc)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            if self._deadline is None:  # a keep-alive connection's next request
                self._arm()

        def on_headers_complete(self) -> None:
            super().on_headers_complete()
            self._arm()  # the body has its own read_timeout from here

        def on_message_complete(self) -> None:
            super().on_message_complete()
            self._disarm()

        def _arm(self) -> None:
            self._disarm()
            self._deadline = self.loop.call_later(limits.read_timeout, self._timed_out)

        def _disarm(self) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None

        def _timed_out(self) -> None:
            self._deadline = None
            if self.transport.is_closing():
                return
            cycle = self.cycle
            if cycle is not None and not cycle.response_complete:
                if cycle.response_started:  # the app answered before the body was in: just close
                    self.transport.close()
                    return
                cycle.disconnected = True  # the app, waiting for the body, sees http.disconnect
                cycle.message_event.set()
            self.transport.write(too_slow)
            self.transport.close()

    return GuardedHttpToolsProtocol
