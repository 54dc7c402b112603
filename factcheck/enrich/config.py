"""Reference source configuration: ``sources/*.yaml`` (shipped) merged with a project config and overrides.

Where the shipped files are: inside an installed wheel at ``factcheck/_shipped/sources`` (pyproject's
force-include), else the checkout's top-level ``sources/`` directory.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from factcheck.load.yamlsource import RuleFileError, load_file

DEFAULT_CACHE_ENV = "FACTCHECK_CACHE_DIR"


class SourceConfigError(ValueError):
    """A source file or override is invalid (a usage/configuration error: exit code 2)."""


class Timeouts(BaseModel):
    model_config = ConfigDict(extra="forbid")

    connect: float = Field(5.0, gt=0)
    read: float = Field(15.0, gt=0)
    document_budget: float = Field(60.0, gt=0, description="Seconds for all lookups of one document.")


class Retries(BaseModel):
    model_config = ConfigDict(extra="forbid")

    attempts: int = Field(4, ge=1, le=10)
    backoff: float = Field(0.5, ge=0)
    backoff_max: float = Field(8.0, ge=0)
    retry_after_max: float = Field(30.0, ge=0)
    breaker_cooldown: float = Field(
        30.0, ge=0, description="After a request gives up as unreachable, fail fast for this many seconds."
    )


class CacheConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ttl: float = Field(7 * 24 * 3600, gt=0, description="Seconds an entity or search stays fresh.")
    max_age: float = Field(
        90 * 24 * 3600, gt=0, description="Seconds after which a row is deleted (offline answers use rows up to this age)."
    )
    max_rows: int = Field(200_000, ge=1, description="Rows kept per table; the oldest fetched go first.")


class Indicator(BaseModel):
    """One statistical indicator a source knows (World Bank), with the words that name it in text."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[A-Z0-9]+(\.[A-Z0-9]+)*$")
    label: str
    unit: Literal["percent_of_gdp", "percent", "count", "usd"]
    cues: list[str] = Field(min_length=1, description="Lower-case phrases; '...' stands for any words between.")
    note: str | None = Field(None, description="Said in findings: how the source defines it.")


class StatisticCues(BaseModel):
    """Words that make a figure a target, a request or a forecast rather than a stated value."""

    model_config = ConfigDict(extra="forbid")

    target: list[str] = Field(default_factory=list)
    request: list[str] = Field(default_factory=list)
    forecast: list[str] = Field(default_factory=list)


class SourceConfig(BaseModel):
    """One reference source (``sources/NAME.yaml``)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    kind: str = "wikidata"
    endpoint: str
    entity_url: str = "https://www.wikidata.org/wiki/{id}"
    language: str = "en"
    contact: str
    maxlag: int = Field(5, ge=0)
    timeouts: Timeouts = Field(default_factory=Timeouts)
    retries: Retries = Field(default_factory=Retries)
    concurrency: int = Field(3, ge=1, le=3, description="Requests in flight at once (Wikimedia etiquette).")
    batch_size: int = Field(50, ge=1, le=50)
    search_limit: int = Field(10, ge=1, le=50)
    max_response_bytes: int = Field(16_000_000, gt=0)
    cache: CacheConfig = Field(default_factory=CacheConfig)
    # statistics sources (kind: worldbank)
    record_url: str | None = Field(None, description="Evidence URL of one series: {country}, {indicator}.")
    api_source: int | None = Field(None, description="The API's source id, for several indicators per request.")
    first_year: int = Field(2000, ge=1960, description="Oldest year fetched with each series.")
    per_page: int = Field(1000, ge=1, le=32500)
    indicators: list[Indicator] = Field(default_factory=list)
    claim_cues: StatisticCues = Field(default_factory=StatisticCues)

    @field_validator("endpoint")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError(f"endpoint must be an http(s) URL, got {value!r}")
        return value


def shipped_sources_dir() -> Path:
    """The directory of shipped ``*.yaml`` source files (wheel first, then the checkout)."""
    try:
        candidate = resources.files("factcheck").joinpath("_shipped", "sources")
        if candidate.is_dir():
            return Path(str(candidate))
    except (ModuleNotFoundError, FileNotFoundError):  # pragma: no cover - broken install
        pass
    return Path(__file__).resolve().parents[2] / "sources"


def _deep_merge(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _deep_merge(out[key], value)
        else:
            out[key] = value
    return out


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = load_file(path, what="source file")
    except RuleFileError as exc:
        raise SourceConfigError(f"cannot read source file: {exc}") from None
    if not isinstance(data, dict):
        raise SourceConfigError(f"{path}: a source file must be a mapping")
    return data


def load_sources(
    *,
    directory: Path | None = None,
    config: dict[str, Any] | None = None,
    overrides: dict[str, str] | None = None,
) -> dict[str, SourceConfig]:
    """All sources: shipped files, then the config file's ``sources:`` section, then ``NAME=URL`` overrides.

    ``config`` maps a source name to either an endpoint URL or a mapping of fields to change.
    """
    directory = directory or shipped_sources_dir()
    raw: dict[str, dict[str, Any]] = {}
    if directory.is_dir():
        for path in sorted(directory.glob("*.yaml")):
            data = _read_yaml(path)
            raw[str(data.get("name", path.stem))] = data
    for name, value in (config or {}).items():
        patch = {"endpoint": value} if isinstance(value, str) else value
        if not isinstance(patch, dict):
            raise SourceConfigError(f"sources.{name}: expected a URL or a mapping")
        raw[name] = _deep_merge(raw.get(name, {"name": name}), patch)
    for name, url in (overrides or {}).items():
        if name not in raw:
            known = ", ".join(sorted(raw)) or "none"
            raise SourceConfigError(f"--source {name}=...: unknown source (known: {known})")
        raw[name] = {**raw[name], "endpoint": url}
    out: dict[str, SourceConfig] = {}
    for name, data in raw.items():
        try:
            out[name] = SourceConfig.model_validate({"name": name, **data})
        except ValidationError as exc:
            raise SourceConfigError(f"source {name!r}: {exc}") from exc
    return out


def default_cache_dir() -> Path:
    """``$FACTCHECK_CACHE_DIR`` if set, else the platform's user cache dir for factcheck."""
    env = os.environ.get(DEFAULT_CACHE_ENV)
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck"))
