"""What ``POST /v1/check`` does once its request is valid: rule ids checked, the draft to a worker, errors mapped.

One function for both ways a check request arrives (the FastAPI route, and the fast path of
:mod:`.fastpath` that skips FastAPI's layers for a request that validates): the two cannot answer
differently.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from factcheck.serve.engine import EngineTask
from factcheck.serve.errors import ApiError, public_message
from factcheck.serve.pool import EngineFailure, EnginePool, EngineTimeout, Overloaded
from factcheck.serve.schemas import CheckRequest

log = logging.getLogger("factcheck.serve")


@dataclass(frozen=True)
class CheckHandler:
    known_rules: frozenset[str]
    timeout: float

    async def __call__(self, req: CheckRequest, pool: EnginePool) -> bytes:
        """The response JSON for ``req``; raises :class:`ApiError` (422, 500, 503, 504)."""
        unknown = sorted({*(req.rules or ()), *req.disabled_rules} - self.known_rules)
        if unknown:
            raise ApiError("unknown_rules", f"unknown rule id(s): {', '.join(unknown)}", detail=unknown)
        task = EngineTask(
            body=req.body,
            fmt=req.fmt,
            doc_id=req.id,
            published=req.published,
            rules=None if req.rules is None else tuple(req.rules),
            disabled=tuple(req.disabled_rules),
            min_severity=req.min_severity,
        )
        try:
            return await pool.run(task)
        except Overloaded as exc:
            raise ApiError("overloaded", str(exc)) from None
        except EngineTimeout:
            raise ApiError("timeout", f"checking took longer than {self.timeout:g} s") from None
        except EngineFailure as exc:
            log.warning("engine failure on %s: %s", task.doc_id, exc.reason)
            raise ApiError("engine_crashed", f"the engine failed on this draft: {public_message(exc.reason)}") from None
