"""Optional bearer-token authentication on ``/v1/*`` (token from ``$FACTCHECK_API_TOKEN``).

Pure ASGI middleware, so it runs before the body is read or parsed: an unauthenticated client gets
401 whatever it sent. The token is compared in constant time. ``/healthz`` and the OpenAPI
description stay open. ``bearer`` only documents the scheme in the OpenAPI description.
"""

from __future__ import annotations

import hmac
import json

from fastapi.security import HTTPBearer
from starlette.types import ASGIApp, Receive, Scope, Send

from factcheck.serve.errors import error_body

bearer = HTTPBearer(auto_error=False, description="Required when the server sets FACTCHECK_API_TOKEN.")
PROTECTED_PREFIX = "/v1/"


class BearerAuth:
    def __init__(self, app: ASGIApp, token: str | None):
        self.app = app
        self.expected = token.encode() if token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.expected is None or scope["type"] != "http" or not scope["path"].startswith(PROTECTED_PREFIX):
            await self.app(scope, receive, send)
            return
        header = next((v for k, v in scope.get("headers", []) if k == b"authorization"), b"")
        scheme, _, given = header.partition(b" ")
        if scheme.lower() == b"bearer" and hmac.compare_digest(given.strip(), self.expected):
            await self.app(scope, receive, send)
            return
        payload = json.dumps(error_body("unauthorized", "missing or wrong bearer token")).encode()
        await send({
            "type": "http.response.start",
            "status": 401,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                (b"www-authenticate", b'Bearer realm="factcheck"'),
            ],
        })
        await send({"type": "http.response.body", "body": payload})
