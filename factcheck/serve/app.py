"""The ASGI application: ``POST /v1/check``, ``GET /v1/rules``, ``GET /healthz``; OpenAPI at ``/openapi.json``.

FastAPI (on Starlette) because the request and response models are pydantic already: it validates
requests with them and writes the OpenAPI 3.1 description from them, so the documented schema and
the checked one cannot drift. Layers, outermost first: bearer auth (before the body is read), body
limit (413), the check fast path (:mod:`.fastpath`: a valid check request skips FastAPI's layers),
FastAPI routes with JSON errors (:mod:`.errors`). The engine runs in worker processes
(:mod:`.pool`); this process validates, relays bytes and maps failures to error codes.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import Depends, FastAPI
from fastapi.responses import Response

from factcheck import __version__
from factcheck.checker import resolve_ruleset
from factcheck.evaluate import RuleSet
from factcheck.heap import freeze_startup_heap
from factcheck.serve.auth import BearerAuth, bearer
from factcheck.serve.checks import CheckHandler
from factcheck.serve.errors import install
from factcheck.serve.fastpath import CheckFastPath
from factcheck.serve.limits import BodyLimit
from factcheck.serve.pool import EnginePool
from factcheck.serve.schemas import (
    CheckRequest,
    CheckResponse,
    ErrorBody,
    Health,
    RuleExamples,
    RuleInfo,
    RulesResponse,
)
from factcheck.serve.settings import ServeSettings

OPENAPI_PATH = "/openapi.json"
DOCS_PATH = "/docs"
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody, "description": text}
    for status, text in {
        400: "bad_json", 401: "unauthorized", 408: "request_timeout", 413: "payload_too_large", 415: "unsupported_media_type",
        422: "invalid_request, unknown_rules",
        500: "engine_crashed, internal", 503: "overloaded (no worker free, or too many connections)", 504: "timeout",
    }.items()
}


def rules_listing(ruleset: RuleSet, disabled: list[str]) -> RulesResponse:
    def off(rule_id: str) -> bool:
        return rule_id in disabled or any(
            d.endswith((".", "*")) and rule_id.startswith(d.rstrip("*")) for d in disabled
        )

    return RulesResponse(
        rules=[
            RuleInfo(
                id=r.id,
                title=r.spec.title,
                severity=r.spec.severity,
                description=r.spec.description,
                examples=RuleExamples(
                    flag=[e.text for e in r.spec.examples.flag],
                    pass_=[e.text for e in r.spec.examples.pass_],
                    published=r.spec.examples.published,
                ),
            )
            for r in ruleset.rules
            if not off(r.id)
        ]
    )


def create_app(settings: ServeSettings) -> Any:
    """The ASGI app (FastAPI wrapped in the auth and body-limit middleware)."""
    ruleset = resolve_ruleset(settings.checker.rules or None)
    known = frozenset(r.id for r in ruleset.rules)
    rules_json = rules_listing(ruleset, settings.checker.disabled_rules).model_dump_json(by_alias=True).encode()
    health_json = Health(version=__version__, workers=settings.workers, rules=len(known)).model_dump_json().encode()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = EnginePool(settings.checker, workers=settings.workers, timeout=settings.timeout)
        pool.start()
        app.state.pool = pool
        freeze_startup_heap()  # the event loop's full collections then skip the rules and the app
        try:
            yield
        finally:
            pool.close()

    app = FastAPI(
        title="factcheck",
        version=__version__,
        summary="Fact-check claims in news drafts; findings with offsets into the submitted text.",
        openapi_url=OPENAPI_PATH,
        docs_url=DOCS_PATH,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = settings
    install(app)

    @app.get("/healthz", response_model=Health, tags=["service"])
    async def healthz() -> Response:
        """Liveness: the service answers and its engine workers are configured."""
        return Response(health_json, media_type="application/json")

    @app.get("/v1/rules", response_model=RulesResponse, responses=_ERRORS, dependencies=[Depends(bearer)],
             tags=["rules"])
    async def rules() -> Response:
        """Every enabled rule: id, title, severity, description and the examples it is tested with."""
        return Response(rules_json, media_type="application/json")

    handler = CheckHandler(known_rules=known, timeout=settings.timeout)

    @app.post("/v1/check", response_model=CheckResponse, responses=_ERRORS, dependencies=[Depends(bearer)],
              tags=["check"])
    async def check(req: CheckRequest) -> Response:
        """Check one draft. Each finding has ``offset``/``length`` in the submitted string (code points)."""
        return Response(await handler(req, app.state.pool), media_type="application/json")

    async def fast_check(req: CheckRequest) -> bytes:
        return await handler(req, app.state.pool)

    return BearerAuth(BodyLimit(CheckFastPath(app, fast_check), settings.max_body_bytes), settings.token)


def openapi_document(settings: ServeSettings | None = None) -> dict[str, Any]:
    """The OpenAPI description without starting workers (for docs and tests)."""
    app = create_app(settings or ServeSettings())
    inner = app.app.app.app  # BearerAuth -> BodyLimit -> CheckFastPath -> FastAPI
    return json.loads(json.dumps(inner.openapi()))
