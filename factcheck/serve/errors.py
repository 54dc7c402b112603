"""JSON error bodies with a stable ``code``: ``{"error": {"code", "message", "detail"}}``."""

from __future__ import annotations

import re
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from factcheck.load.documents import valid_unicode

#: Every code the service returns, with its HTTP status (the contract for clients).
CODES: dict[str, int] = {
    "bad_json": 400,
    "unauthorized": 401,
    "not_found": 404,
    "method_not_allowed": 405,
    "request_timeout": 408,
    "payload_too_large": 413,
    "unsupported_media_type": 415,
    "invalid_request": 422,
    "unknown_rules": 422,
    "engine_crashed": 500,
    "internal": 500,
    "overloaded": 503,
    "timeout": 504,
}


class ApiError(Exception):
    def __init__(self, code: str, message: str, detail: Any = None, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.code = code
        self.status = CODES[code]
        self.message = message
        self.detail = detail
        self.headers = headers


_PATH = re.compile(r"""(?<![\w.])(?:[A-Za-z]:\\|~?/)\w[^\s'"():,;]*""")


def public_message(reason: str, limit: int = 300) -> str:
    """What a client may see of an internal failure: its first line, without file system paths.

    A worker's failure report carries a traceback (install paths, line numbers) for the server log;
    a response never does.
    """
    first = reason.strip().splitlines()[0] if reason.strip() else "unknown failure"
    return _PATH.sub("<path>", first)[:limit]


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    body: dict[str, Any] = {"code": code, "message": _text(message)}
    if detail is not None:
        body["detail"] = _text(detail)
    return {"error": body}


def _text(value: Any) -> Any:
    """``value`` with every string encodable as UTF-8 (an echoed lone surrogate would make writing the
    error itself fail, and turn a 4xx into a 500)."""
    if isinstance(value, str):
        return valid_unicode(value)
    if isinstance(value, list | tuple):
        return [_text(v) for v in value]
    if isinstance(value, dict):
        return {_text(k): _text(v) for k, v in value.items()}
    return value


def error_response(code: str, message: str, detail: Any = None, headers: dict[str, str] | None = None) -> JSONResponse:
    if CODES[code] >= 500:  # nothing of the server's insides (tracebacks, paths) leaves it
        message = public_message(message)
        detail = None
    return JSONResponse(error_body(code, message, detail), status_code=CODES[code], headers=headers)


_HTTP_CODES = {401: "unauthorized", 404: "not_found", 405: "method_not_allowed", 413: "payload_too_large",
               415: "unsupported_media_type"}


def install(app: FastAPI) -> None:
    """Route every error through :func:`error_response`."""

    @app.exception_handler(ApiError)
    async def _api(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.code, exc.message, exc.detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if media and media != "application/json" and not media.endswith("+json"):
            return error_response("unsupported_media_type", f"send JSON (application/json), not {media}")
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response("bad_json", "the request body is not valid JSON", _clean(errors))
        return error_response("invalid_request", "the request does not match the schema", _clean(errors))

    @app.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = _HTTP_CODES.get(exc.status_code, "internal" if exc.status_code >= 500 else "invalid_request")
        resp = error_response(code, str(exc.detail), headers=getattr(exc, "headers", None))
        resp.status_code = exc.status_code
        return resp

    @app.exception_handler(Exception)
    async def _crash(_: Request, exc: Exception) -> JSONResponse:
        return error_response("internal", f"internal error: {type(exc).__name__}")


def _clean(errors: Any) -> list[dict[str, Any]]:
    """Validation errors without the echoed input (it can be the whole draft)."""
    return [{k: v for k, v in e.items() if k in ("type", "loc", "msg")} for e in errors]
