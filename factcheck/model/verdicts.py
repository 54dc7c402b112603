"""Verdicts: what the findings say about each claim of the text (JSON ``claims``, SARIF, HTML).

A finding's verdict comes from its rule (``verdict:`` in the rule file; without one, ``*.unverified``
rules are ``unverifiable``, error and warning rules ``contradicted``, info rules ``supported``). A
claim's verdict is the strongest among the unsuppressed findings that cite it: ``contradicted``, then
``unverifiable``, then ``supported``. A figure that is only weakly attributed
(``attribution.unofficial-figure``) is ``unverifiable``: nothing says it is wrong. A finding that cites
only reference facts (``reference_*``, e.g. ``tenure.unverified``) counts for the text's claims whose
span contains theirs. Claims no finding cites have no verdict and are not listed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal, Protocol

from pydantic import BaseModel, Field

from factcheck.model.document import Span

Verdict = Literal["supported", "contradicted", "unverifiable"]
VERDICT_ORDER: dict[str, int] = {"contradicted": 0, "unverifiable": 1, "supported": 2}


def default_verdict(rule: str, severity: str) -> Verdict:
    """The verdict of a rule that does not declare one."""
    if rule.endswith(".unverified"):
        return "unverifiable"
    return "contradicted" if severity in ("error", "warning") else "supported"


class ClaimVerdict(BaseModel):
    """One checked claim of the text and what the findings say about it."""

    fact: str = Field(description="Id of the claim's fact (a text fact, never a reference fact).")
    kind: str
    text: str
    span: Span
    verdict: Verdict
    rules: list[str] = Field(description="Rules of the unsuppressed findings that cite the claim, sorted.")


class _Fact(Protocol):
    id: str
    kind: str
    text: str
    span: Span


class _Finding(Protocol):
    rule: str
    severity: str
    facts: list[str]
    suppressed: str | None
    verdict: Verdict | None


def verdict_of(finding: _Finding) -> Verdict:
    return finding.verdict or default_verdict(finding.rule, finding.severity)


def claim_verdicts(facts: Sequence[_Fact], findings: Sequence[_Finding]) -> list[ClaimVerdict]:
    """A verdict per claim that some unsuppressed finding cites, in document order."""
    claims = {f.id: f for f in facts if not f.kind.startswith("reference_")}
    refs = {f.id: f for f in facts if f.kind.startswith("reference_")}
    verdicts: dict[str, Verdict] = {}
    rules: dict[str, set[str]] = {}
    for finding in findings:
        if finding.suppressed is not None:
            continue
        verdict = verdict_of(finding)
        cited = {fid for fid in finding.facts if fid in claims}
        if not cited:  # only reference facts: the claims they were looked up for
            for ref in (refs[fid] for fid in finding.facts if fid in refs):
                cited.update(c.id for c in claims.values()
                             if c.span.start <= ref.span.start and ref.span.end <= c.span.end)
        for fid in cited:
            old = verdicts.get(fid)
            if old is None or VERDICT_ORDER[verdict] < VERDICT_ORDER[old]:
                verdicts[fid] = verdict
            rules.setdefault(fid, set()).add(finding.rule)
    ordered = sorted(verdicts, key=lambda fid: (claims[fid].span.start, claims[fid].span.end, fid))
    return [
        ClaimVerdict(fact=fid, kind=claims[fid].kind, text=claims[fid].text, span=claims[fid].span,
                     verdict=verdicts[fid], rules=sorted(rules[fid]))
        for fid in ordered
    ]
