"""Request and response models of the HTTP API (pydantic at the boundary; they also make the OpenAPI)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from factcheck.load.documents import valid_unicode
from factcheck.model.findings import DocumentReport, Finding, Report, Severity

MAX_RULE_IDS = 200


class CheckRequest(BaseModel):
    """One draft. Exactly one of ``text`` (plain text) or ``markdown`` (front matter allowed).

    There is deliberately no field naming a URL or a reference source: those are server settings.
    """

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"markdown": "---\npublished: 2025-10-29\n---\nThe target was moved up by "
                                         "three years, from fiscal 2027 to fiscal 2025.", "min_severity": "warning"}]},
    )

    text: str | None = Field(None, description="Plain text; offsets count from its first character.")
    markdown: str | None = Field(None, description="Markdown with optional YAML front matter (published, title).")
    published: dt.date | None = Field(None, description="Publication date; overrides the front matter.")
    id: str = Field("<request>", max_length=500, description="Document id echoed as the report's path.")
    rules: list[str] | None = Field(None, max_length=MAX_RULE_IDS, description="Only these rule ids (all if omitted).")
    disabled_rules: list[str] = Field(default_factory=list, max_length=MAX_RULE_IDS, description="Rule ids to skip.")
    min_severity: Severity = Field("info", description="Drop findings below this severity.")

    @field_validator("text", "markdown", mode="after")
    @classmethod
    def _no_lone_surrogates(cls, value: str | None) -> str | None:
        """JSON can escape a lone surrogate (``"\\ud800"``), which no UTF-8 writer can encode: it becomes
        U+FFFD here (one code point for one: offsets into the submitted text stay right)."""
        return None if value is None else valid_unicode(value)

    @field_validator("rules", "disabled_rules", mode="after")
    @classmethod
    def _ids_are_text(cls, value: list[str] | None) -> list[str] | None:
        return None if value is None else [valid_unicode(v) for v in value]

    @model_validator(mode="after")
    def _one_body(self) -> CheckRequest:
        if (self.text is None) == (self.markdown is None):
            raise ValueError("give exactly one of `text` or `markdown`")
        return self

    @property
    def body(self) -> str:
        return self.text if self.text is not None else self.markdown  # type: ignore[return-value]

    @property
    def fmt(self) -> Literal["text", "markdown"]:
        return "text" if self.text is not None else "markdown"


class ApiFinding(Finding):
    offset: int = Field(description="Start of the finding in the submitted string (Unicode code points).")
    length: int = Field(description="Length of the finding in the submitted string (code points).")


class ApiDocumentReport(DocumentReport):
    findings: list[ApiFinding] = Field(default_factory=list)  # type: ignore[assignment]


class CheckResponse(Report):
    """The same Report as ``factcheck check --format json``, each finding with ``offset`` and ``length``."""

    documents: list[ApiDocumentReport] = Field(default_factory=list)  # type: ignore[assignment]


class RuleExamples(BaseModel):
    flag: list[str] = Field(default_factory=list, description="Texts the rule flags.")
    pass_: list[str] = Field(default_factory=list, alias="pass", description="Texts it must not flag.")
    published: dt.date | None = None

    model_config = ConfigDict(populate_by_name=True)


class RuleInfo(BaseModel):
    id: str
    title: str
    severity: Severity
    description: str | None = None
    examples: RuleExamples


class RulesResponse(BaseModel):
    rules: list[RuleInfo]


class Health(BaseModel):
    status: Literal["ok"] = "ok"
    version: str
    workers: int
    rules: int


class ErrorDetail(BaseModel):
    code: str = Field(description="Stable machine-readable code (see the README / docs).")
    message: str
    detail: object | None = None


class ErrorBody(BaseModel):
    error: ErrorDetail
