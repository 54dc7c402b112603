"""Stage 4, enrich: reference sources (Wikidata, ...) over HTTP become reference facts.

An :class:`Enricher` takes a document and its facts and returns new facts (``reference_tenure``,
``reference_status``) plus per-document errors; it never raises for a source's faults.
"""

from __future__ import annotations

from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from factcheck.model.document import Document
from factcheck.model.facts import FactBase
from factcheck.model.findings import DocumentError, Note


class EnrichResult(BaseModel):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    facts: list[FactBase] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list, description="Look-up failures: the document was still checked.")


class Enricher(Protocol):
    def enrich(self, doc: Document, facts: list[FactBase]) -> EnrichResult: ...

    def close(self) -> None: ...
