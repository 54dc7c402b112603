"""Findings and reports: what the pipeline returns and every output format renders."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, Field, computed_field

from factcheck.model.crossref import CrossFact
from factcheck.model.document import Location
from factcheck.model.facts import Fact
from factcheck.model.verdicts import ClaimVerdict, Verdict, claim_verdicts

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2, "never": 3}


def at_least(severity: str, threshold: str) -> bool:
    """True if ``severity`` is at or above ``threshold`` (``never`` is above everything)."""
    return SEVERITY_RANK[severity] >= SEVERITY_RANK[threshold]


class Evidence(BaseModel):
    """What a reference source said, with where to check it and when it was fetched from there."""

    source: str
    url: str | None = None
    value: str
    retrieved_at: str | None = Field(
        None, description="When the source's answer was fetched (ISO 8601, UTC); a cached answer keeps its "
        "fetch time, so this is not the time of the check.")


class Context(BaseModel):
    """The sentence a finding points into, and where the span starts and ends within it."""

    sentence: str
    start: int
    end: int


class Quotation(BaseModel):
    """The direct quotation a finding's claim stands in, and who it is attributed to (if the text says)."""

    start: int = Field(description="Body offset of the quoted text (inside the quotation marks).")
    end: int
    speaker: str | None = Field(None, description="Who the text says spoke the words, if it says.")


class Finding(BaseModel):
    """One rule firing on one combination of facts."""

    rule: str
    severity: Severity
    message: str
    span: Location
    quote: str = Field("", description="The text of the span.")
    context: Context | None = None
    facts: list[str] = Field(description="Ids of the facts the rule joined, in the rule's `when` order.")
    evidence: list[Evidence] = Field(default_factory=list)
    title: str | None = None
    suppressed: str | None = Field(None, description="Reason, if an inline suppression covers it.")
    quotation: Quotation | None = Field(None, description="Set when the claim is inside a direct quotation.")
    verdict: Verdict | None = Field(
        None, description="What the finding says about the claims it cites (from its rule): supported, "
        "contradicted or unverifiable.")


class DocumentError(BaseModel):
    """Something that went wrong for one document: it is reported, never raised past the batch."""

    stage: Literal["load", "extract", "resolve", "enrich", "evaluate", "report"]
    message: str
    detail: str | None = None


UNCHECKED_STAGES = frozenset({"load", "extract", "evaluate"})

NoteKind = Literal["no-publication-date", "language-not-supported", "reference-lookup-failed"]
LOOKUP_FAILED: NoteKind = "reference-lookup-failed"
#: Note kinds that mean the document's text was not checked at all (reported apart, ``--fail-on-unchecked``).
NOT_CHECKED_NOTES = frozenset({"language-not-supported"})


class Note(BaseModel):
    """Something an editor should know about how a document was checked; never changes the exit code
    by itself (``language-not-supported`` does with ``--fail-on-unchecked``).

    - ``no-publication-date``: relative dates could not be resolved; ``rules`` lists the rules that
      could therefore not run on them.
    - ``language-not-supported``: the document is not in a language factcheck reads; nothing was checked.
    - ``reference-lookup-failed``: a reference source could not be asked; its claims are unverified.
    """

    kind: NoteKind
    message: str
    rules: list[str] = Field(default_factory=list, description="Rules the note is about, if any.")
    reason: str | None = Field(
        None, description="Machine-readable cause, if any (reference-lookup-failed: timeout, unreachable, "
        "server_error, malformed, too_large, api_error, budget, ...).")


class DocumentReport(BaseModel):
    """Everything about one document."""

    path: str
    published: dt.date | None = None
    facts: list[Fact] = Field(default_factory=list)
    findings: list[Finding] = Field(default_factory=list)
    errors: list[DocumentError] = Field(default_factory=list)
    notes: list[Note] = Field(default_factory=list)
    language: str | None = Field(None, description="Language the document is in (declared or detected).")
    title: str | None = None
    url: str | None = Field(None, description="The article's own URL (front matter, record, canonical link).")
    source: str | None = Field(None, description="The file the document was read from (a record's JSON Lines file).")
    record_line: int | None = Field(None, description="1-based line of the record in `source` (JSON Lines).")
    text: str | None = Field(
        None,
        exclude=True,
        description="The body text spans point into; filled only on request (include_text), never serialised.",
    )
    crossref: list[CrossFact] = Field(
        default_factory=list,
        exclude=True,
        description="Entries for the run's cross-article checks (kept in --state, never in a report).",
    )


    @computed_field(description="A verdict per checked claim (one that an unsuppressed finding cites): "  # type: ignore[prop-decorator]
                    "supported, contradicted or unverifiable; see factcheck.model.verdicts.")
    @property
    def claims(self) -> list[ClaimVerdict]:
        return claim_verdicts(self.facts, self.findings)

    @property
    def unchecked(self) -> bool:
        """True if the document was not (fully) checked: it did not load, or extraction or the engine
        failed. Reference look-up failures (``enrich``) leave it checked, with claims unverified."""
        return any(e.stage in UNCHECKED_STAGES for e in self.errors)

    @property
    def lookups_failed(self) -> bool:
        """True if a reference source could not be asked for some of its claims (a note, not an error)."""
        return any(n.kind == LOOKUP_FAILED for n in self.notes)

    @property
    def not_checked(self) -> bool:
        """True if the document was deliberately not checked (a language factcheck does not read)."""
        return any(n.kind in NOT_CHECKED_NOTES for n in self.notes)


class SeverityCounts(BaseModel):
    error: int = 0
    warning: int = 0
    info: int = 0


class Summary(BaseModel):
    documents: int = 0
    findings: SeverityCounts = Field(default_factory=SeverityCounts)
    errors: int = Field(0, description="Documents with at least one error entry.")
    not_checked: int = Field(0, description="Documents not checked: a language that is not supported.")
    not_shown: SeverityCounts = Field(
        default_factory=SeverityCounts, description="Findings left out of this report by --min-severity."
    )


class Report(BaseModel):
    """The JSON contract (``--format json``): version, documents, summary."""

    version: Literal[1] = 1
    documents: list[DocumentReport] = Field(default_factory=list)
    summary: Summary = Field(default_factory=Summary)

    @classmethod
    def of(cls, documents: list[DocumentReport], not_shown: SeverityCounts | None = None) -> Report:
        counts = SeverityCounts()
        for doc in documents:
            for f in doc.findings:
                if f.suppressed is None:
                    setattr(counts, f.severity, getattr(counts, f.severity) + 1)
        return cls(
            documents=documents,
            summary=Summary(
                documents=len(documents), findings=counts, errors=sum(1 for d in documents if d.errors),
                not_checked=sum(1 for d in documents if d.not_checked), not_shown=not_shown or SeverityCounts(),
            ),
        )

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings]

    def worst(self) -> str | None:
        """Highest unsuppressed severity, or None."""
        ranks = [SEVERITY_RANK[f.severity] for f in self.findings if f.suppressed is None]
        if not ranks:
            return None
        return next(k for k, v in SEVERITY_RANK.items() if v == max(ranks))
