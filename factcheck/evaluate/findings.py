"""Matches to findings: messages rendered, evidence attached, spans located in the source file."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.evaluate.engines import Match
from factcheck.evaluate.quotations import describe, find_quotations, quotation_at
from factcheck.evaluate.rulefiles import RuleSet
from factcheck.model.document import Document
from factcheck.model.facts import FactBase
from factcheck.model.findings import Context, Evidence, Finding, Quotation, Severity
from factcheck.model.verdicts import default_verdict


def build_findings(ruleset: RuleSet, matches: list[Match], facts: dict[str, FactBase], doc: Document) -> list[Finding]:
    findings: list[Finding] = []
    quotes = find_quotations(doc.text) if matches else []
    for m in matches:
        rule = ruleset.rules[m.rule]
        bound = {alias: facts[fid] for alias, fid in zip(rule.spec.when, m.facts, strict=True)}
        values = {alias: fact.model_dump() for alias, fact in bound.items()}
        evidence = [
            Evidence(
                source=str(getattr(bound[alias], "source", "")),
                url=getattr(bound[alias], "url", None),
                value=tpl.render(values, rule.spec.when),
                retrieved_at=getattr(bound[alias], "retrieved_at", None),
            )
            for alias, tpl in rule.evidence
        ]
        span = bound[rule.at].span
        sentence = doc.sentence_at(span.start)
        message = rule.message.render(values, rule.spec.when)
        quote = quotation_at(quotes, span.start, span.end)
        if quote is not None:  # the claim is someone's words: say whose, the editor handles it differently
            message = f"{message.rstrip('.')} ({describe(quote)})."
        severity, message = precision_policy(rule.spec.severity, message, bound.values())
        findings.append(
            Finding(
                rule=rule.id,
                severity=severity,
                title=rule.spec.title,
                message=message,
                span=doc.locate(span),
                quote=doc.text[span.start : span.end],
                context=Context(
                    sentence=doc.text[sentence.start : sentence.end],
                    start=max(span.start - sentence.start, 0),
                    end=min(span.end, sentence.end) - sentence.start,
                ),
                facts=list(m.facts),
                evidence=evidence,
                quotation=None if quote is None else Quotation(start=quote.start, end=quote.end, speaker=quote.speaker),
                verdict=rule.spec.verdict or default_verdict(rule.id, rule.spec.severity),
            )
        )
    findings.sort(key=lambda f: (f.span.start, f.span.end, f.rule, f.facts))
    return findings


def precision_policy(severity: Severity, message: str, facts: Iterable[FactBase]) -> tuple[Severity, str]:
    """An error needs certain facts: a finding that rests on an inferred fact (a back-reference, an
    unstated year, a guessed subject) is at most a warning, and its message says what was inferred."""
    inferred = [f for f in facts if f.certainty == "inferred"]
    if severity != "error" or not inferred:
        return severity, message
    what = "; ".join(dict.fromkeys(f.inferred or f"the {f.kind.replace('_', ' ')} was read across clauses"  # type: ignore[attr-defined]
                                   for f in inferred))
    return "warning", f"{message} (not certain: {what})"
