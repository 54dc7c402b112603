"""``factcheck serve``: the HTTP service (FastAPI on uvicorn), engine in worker processes.

- :mod:`.settings` server configuration (command line and environment only);
- :mod:`.schemas`  request/response models (and so the OpenAPI description at ``/openapi.json``);
- :mod:`.engine`   the worker side: draft -> response JSON, with offsets in the submitted text;
- :mod:`.offsets`  body spans -> submitted-text offsets;
- :mod:`.pool`     engine worker processes (a pebble ProcessPool; :mod:`.worker` is their side);
- :mod:`.auth`, :mod:`.limits`, :mod:`.errors` bearer token, body limit, JSON error codes;
- :mod:`.app`      the routes; :mod:`.run` starts uvicorn.
"""

from __future__ import annotations

from typing import Any

from factcheck.serve.settings import TOKEN_ENV, ServeSettings

__all__ = ["OPENAPI_PATH", "TOKEN_ENV", "ServeSettings", "create_app"]


def __getattr__(name: str) -> Any:
    """The app (and FastAPI) is imported on first use: the rest of the CLI starts without it."""
    if name in ("OPENAPI_PATH", "create_app"):
        from factcheck.serve import app

        return getattr(app, name)
    raise AttributeError(name)
