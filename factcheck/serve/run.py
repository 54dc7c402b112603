"""Start uvicorn with the app (one process: the engine's parallelism is in its worker processes)."""

from __future__ import annotations

import importlib.util

import uvicorn

from factcheck.serve.app import create_app
from factcheck.serve.settings import ServeSettings


def serve(settings: ServeSettings, *, host: str, port: int, log_level: str = "info", access_log: bool = False) -> None:
    app = create_app(settings)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=access_log,
        loop="uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        http="httptools" if importlib.util.find_spec("httptools") else "h11",
        timeout_graceful_shutdown=5,
        server_header=False,
    )
