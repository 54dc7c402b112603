"""The rule file schema: what a YAML rule may say, validated by pydantic."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

RULE_ID = r"^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$"
ALIAS = r"^[a-z][a-z0-9_]{0,31}$"


class Example(BaseModel):
    """A text the rule must flag (or must not), with an optional publication date."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, max_length=20_000)
    published: dt.date | None = None


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    published: dt.date | None = Field(None, description="Default publication date of the examples.")
    sources: str | None = Field(
        None,
        pattern=r"^[a-z][a-z0-9_-]*$",
        description="A reference source the examples need (e.g. 'wikidata'): they run against a test server.",
    )
    flag: list[Example] = Field(default_factory=list)
    pass_: list[Example] = Field(default_factory=list, alias="pass")

    @field_validator("flag", "pass_", mode="before")
    @classmethod
    def _strings(cls, v: object) -> object:
        if isinstance(v, list):
            return [{"text": x} if isinstance(x, str) else x for x in v]
        return v


class EvidenceSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    from_: str = Field(alias="from", pattern=ALIAS, description="Alias of a fact with `source` and `url`.")
    value: str = Field(max_length=500, description="Message template for the evidence value.")


class RuleSpec(BaseModel):
    """One rule, as written in ``rules/<family>/<name>.yaml``."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=RULE_ID, max_length=80)
    severity: Literal["error", "warning", "info"]
    title: str = Field(min_length=1, max_length=200)
    description: str | None = Field(None, max_length=5_000)
    when: dict[str, str] = Field(description="Alias -> fact kind, in order.")
    where: str = Field(min_length=1, max_length=2_000)
    message: str | list[str] = Field(
        description="A template, or sentence variants most specific first: the first whose fields are all set "
        "is used (`rules lint` checks that one always is).",
    )
    at: str | None = Field(None, pattern=ALIAS, description="Alias whose span the finding points at.")
    evidence: list[EvidenceSpec] = Field(default_factory=list, max_length=8)
    verdict: Literal["supported", "contradicted", "unverifiable"] | None = Field(
        None, description="What a finding says about the claims it cites; default: unverifiable for *.unverified "
        "rules, contradicted for error and warning rules, supported for info rules.")
    enabled: bool = True
    examples: Examples = Field(default_factory=Examples)

    @field_validator("when")
    @classmethod
    def _when(cls, v: dict[str, str]) -> dict[str, str]:
        import re

        if not 1 <= len(v) <= 4:
            raise ValueError("a rule binds 1 to 4 facts")
        for alias in v:
            if not re.match(ALIAS, alias):
                raise ValueError(f"alias {alias!r} must be a lower-case identifier")
        return v

    @field_validator("message")
    @classmethod
    def _message(cls, v: str | list[str]) -> str | list[str]:
        variants = [v] if isinstance(v, str) else v
        if not 1 <= len(variants) <= 16:
            raise ValueError("a message has 1 to 16 variants")
        for text in variants:
            if not 1 <= len(text) <= 1_000:
                raise ValueError("a message variant has 1 to 1,000 characters")
        return v

    @property
    def message_variants(self) -> list[str]:
        return [self.message] if isinstance(self.message, str) else list(self.message)

    @model_validator(mode="after")
    def _aliases(self) -> RuleSpec:
        if self.at is not None and self.at not in self.when:
            raise ValueError(f"`at: {self.at}` is not an alias in `when`")
        for ev in self.evidence:
            if ev.from_ not in self.when:
                raise ValueError(f"evidence `from: {ev.from_}` is not an alias in `when`")
        return self
