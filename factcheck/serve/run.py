"""Start uvicorn with the app (one process: the engine's parallelism is in its worker processes).

uvicorn runs its httptools protocol with the read deadline and connection bound of
:mod:`.connections`; its own keep-alive timeout closes idle connections between requests.
"""

from __future__ import annotations

import importlib.util
import logging

import uvicorn

from factcheck.serve.app import create_app
from factcheck.serve.connections import ConnectionLimits, fit_to_descriptors, guarded_protocol
from factcheck.serve.settings import ServeSettings


def serve(settings: ServeSettings, *, host: str, port: int, log_level: str = "info", access_log: bool = False) -> None:
    app = create_app(settings)
    max_connections = fit_to_descriptors(settings.max_connections)
    if max_connections < settings.max_connections:
        logging.getLogger("factcheck.serve").warning(
            "file-descriptor limit: serving at most %d connections, not %d", max_connections, settings.max_connections
        )
    limits = ConnectionLimits(read_timeout=settings.read_timeout, max_connections=max_connections)
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level=log_level,
        access_log=access_log,
        loop="uvloop" if importlib.util.find_spec("uvloop") else "asyncio",
        http=guarded_protocol(limits),
        timeout_graceful_shutdown=5,
        server_header=False,
    )
