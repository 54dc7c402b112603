"""What the service is configured with: command line and environment, never the request."""

from __future__ import annotations

import os

from pydantic import BaseModel, ConfigDict, Field

from factcheck.batch.settings import CheckerSettings

TOKEN_ENV = "FACTCHECK_API_TOKEN"
DEFAULT_MAX_BODY = 1024 * 1024
DEFAULT_MAX_CONNECTIONS = 1000


class ServeSettings(BaseModel):
    """Server-side configuration; reference sources are named here only (a request cannot name a URL)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    checker: CheckerSettings = Field(default_factory=CheckerSettings, description="How workers build their Checker.")
    workers: int = Field(2, ge=1, le=64, description="Engine worker processes.")
    max_body_bytes: int = Field(DEFAULT_MAX_BODY, gt=0, description="Larger request bodies get 413.")
    timeout: float = Field(10.0, gt=0, description="Seconds one request may take (queueing + checking).")
    read_timeout: float = Field(15.0, gt=0, description="Seconds a client has to send a request's headers, and as many for its body (else 408).")
    max_connections: int = Field(DEFAULT_MAX_CONNECTIONS, ge=1, description="Open connections beyond this get 503 at once.")
    token: str | None = Field(None, repr=False, description="Bearer token required on /v1/* (None: no auth).")

    @classmethod
    def with_env_token(cls, **kwargs: object) -> ServeSettings:
        """Settings whose token comes from ``$FACTCHECK_API_TOKEN`` (empty or unset: no authentication)."""
        return cls(token=os.environ.get(TOKEN_ENV) or None, **kwargs)  # type: ignore[arg-type]
