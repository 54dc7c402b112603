"""The configuration model: every key a config file may hold, and nothing else."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator

from factcheck.enrich.config import CacheConfig, Retries, Timeouts
from factcheck.model.findings import Severity


class SourceConfig(BaseModel):
    """Changes to one reference source (see ``sources/*.yaml``): any field of the shipped source
    files, and ``enabled``. Only what is written is changed; the rest keeps the shipped value."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = True
    kind: str | None = None
    endpoint: str | None = Field(None, description="Base URL, e.g. a mirror or a local test server.")
    entity_url: str | None = None
    language: str | None = None
    contact: str | None = None
    maxlag: int | None = Field(None, ge=0)
    timeouts: Timeouts | None = None
    retries: Retries | None = None
    concurrency: int | None = Field(None, ge=1, le=3)
    batch_size: int | None = Field(None, ge=1, le=50)
    search_limit: int | None = Field(None, ge=1, le=50)
    max_response_bytes: int | None = Field(None, gt=0)
    cache: CacheConfig | None = None

    def patch(self) -> dict[str, Any]:
        """The fields set in the file, for the source loader to merge over the shipped ones."""
        return self.model_dump(exclude_unset=True, exclude={"enabled"})


class JsonlConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    date_field: str = Field("published", description="Record field holding the publication date.")


class ClaimReviewConfig(BaseModel):
    """Who publishes the reviews of ``--format claimreview`` (schema.org ``author`` and ``publisher``)."""

    model_config = ConfigDict(extra="forbid")

    author: str | None = Field(None, max_length=200, description="Organisation that reviewed the claims.")
    publisher: str | None = Field(None, max_length=200, description="Organisation that publishes the reviews.")


class Config(BaseModel):
    """``factcheck.yaml`` (top level) or ``[tool.factcheck]`` in ``pyproject.toml``.

    Relative paths (rule packs, cache dir) are relative to the file that names them.
    """

    model_config = ConfigDict(extra="forbid")

    rules: list[str] = Field(default_factory=list, description="Rule packs: files, directories or pack names.")
    disable: list[str] = Field(default_factory=list, description="Rule ids not to report.")
    severity: dict[str, Severity] = Field(default_factory=dict, description="Rule id -> severity override.")
    sources: dict[str, SourceConfig] = Field(default_factory=dict)
    cache_dir: str | None = None
    jsonl: JsonlConfig = Field(default_factory=JsonlConfig)
    include: list[str] = Field(default_factory=list, description="Globs of files to check in directories.")
    exclude: list[str] = Field(default_factory=list, description="Globs of files and directories to skip.")
    claimreview: ClaimReviewConfig = Field(default_factory=ClaimReviewConfig)

    @field_validator("sources", mode="before")
    @classmethod
    def _url_shorthand(cls, value: object) -> object:
        """``sources: {wikidata: http://...}`` is short for ``{wikidata: {endpoint: http://...}}``."""
        if isinstance(value, dict):
            return {k: {"endpoint": v} if isinstance(v, str) else v for k, v in value.items()}
        return value

    def endpoints(self) -> dict[str, str]:
        return {name: s.endpoint for name, s in self.sources.items() if s.enabled and s.endpoint}

    def source_patches(self) -> dict[str, dict[str, Any]]:
        """``sources:`` as the source loader takes it (enabled sources only)."""
        return {name: s.patch() for name, s in self.sources.items() if s.enabled}

    def disabled_sources(self) -> list[str]:
        return [name for name, s in self.sources.items() if not s.enabled]
