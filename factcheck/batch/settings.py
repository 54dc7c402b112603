"""Settings for a batch run: plain, picklable data handed to every worker.

A worker never reads the config file or the command line itself: the main process resolves them
into a :class:`CheckerSettings` and ships that, so a worker on another machine (a Dask worker)
needs nothing but this object.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from factcheck.model.findings import Severity

DEFAULT_FACTORY = "factcheck.batch.checking:build_checker"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024


class CheckerSettings(BaseModel):
    """Everything a worker needs to build its checker once and check documents."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    rules: list[str] = Field(default_factory=list, description="Rule files, directories or pack names.")
    patterns: list[str] = Field(default_factory=list, description="Pattern files or folders added to the shipped ones.")
    engine: str = "durable"
    sources: dict[str, str] = Field(default_factory=dict, description="--source NAME=URL overrides.")
    source_config: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="The config file's sources: section (name -> fields to change)."
    )
    offline: bool = False
    cache_dir: str | None = None
    references: bool = True
    disabled_rules: list[str] = Field(default_factory=list)
    severity_overrides: dict[str, Severity] = Field(default_factory=dict)
    published: dt.date | None = Field(None, description="Overrides every document's own date.")
    date_field: str = Field("published", description="JSON Lines field holding the publication date.")
    include_text: bool = Field(False, description="Keep the body text on each report (the html format).")
    known_rules: list[str] = Field(
        default_factory=list,
        description="Every rule id of the rule set (disabled ones too): an inline suppression naming another id "
        "is reported as factcheck.bad-suppression. Empty: not checked.",
    )
    cross_article: bool = Field(
        False, description="Keep each document's compact figure/date entries for the run's cross-article checks."
    )
    time_budget: float | None = Field(
        None, gt=0, description="Seconds one document may take in-process (--jobs 0); workers are killed instead."
    )
    factory: str = Field(
        DEFAULT_FACTORY,
        description="'module:function' building the checker from these settings (tests substitute one).",
    )

    def fingerprint(self, extra: str = "") -> str:
        """A hash of everything that can change a document's result (for the resume state)."""
        blob = self.model_dump_json(exclude={"time_budget"}) + "\0" + extra  # a bound, not a setting of results
        return hashlib.sha256(blob.encode()).hexdigest()[:16]


class BatchSettings(BaseModel):
    """How the batch itself runs (main-process side)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    jobs: int = Field(1, ge=0, description="Worker processes; 0 runs in this process (no crash isolation).")
    include: list[str] = Field(default_factory=list, description="Globs for files found in directories.")
    exclude: list[str] = Field(default_factory=list)
    max_bytes: int = Field(DEFAULT_MAX_BYTES, gt=0, description="Larger files are refused with an error entry.")
    retries: int = Field(1, ge=0, description="Retries of a document whose worker died.")
    timeout: float | None = Field(None, gt=0, description="Seconds one document may take before its worker is killed.")
    state_dir: str | None = None
    stdin_jsonl: bool = Field(False, description="Read '-' as JSON Lines records, not as one document.")
    executor: Literal["local", "dask"] = Field("local", description="Local worker processes, or a Dask cluster.")
    scheduler: str | None = Field(None, description="Dask scheduler address; None starts a local cluster of `jobs`.")
    shard: tuple[int, int] | None = Field(None, description="(I, N): check only shard I of N (1-based), by id hash.")


def canonical_json(value: object) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
