"""Mark the findings that an inline suppression covers (``Finding.suppressed = reason``)."""

from __future__ import annotations

from collections.abc import Iterable

from factcheck.model.document import Document, Location
from factcheck.model.findings import DocumentReport, Finding
from factcheck.suppress.directives import Directive, Suppression, parse_directives, rule_matches

BAD_DIRECTIVE_RULE = "factcheck.bad-suppression"


def apply_suppressions(doc: Document, report: DocumentReport, known_rules: Iterable[str] = ()) -> DocumentReport:
    """Mark suppressed findings; report malformed directives, and (given ``known_rules``, every rule id
    of the rule set) directives naming a rule that does not exist: a typo must not pass silently."""
    source = doc.source_text if doc.source_text is not None else doc.text
    suppressions, bad = parse_directives(source)
    known = frozenset(known_rules)
    if known:
        bad = [*bad, *unknown_rule_directives(suppressions, known)]
    if not suppressions and not bad:
        return report
    findings: list[Finding] = []
    for f in report.findings:
        line = f.span.line - doc.line_offset
        hit = next((s for s in suppressions if s.covers(f.rule, line)), None) if f.suppressed is None else None
        findings.append(f.model_copy(update={"suppressed": hit.reason}) if hit else f)
    for d in bad:
        findings.append(Finding(
            rule=BAD_DIRECTIVE_RULE,
            severity="warning",
            message=d.problem,
            span=Location(start=0, end=0, line=d.line + doc.line_offset, column=d.column),
            facts=[],
            title="A suppression comment without a rule id or a reason, or naming an unknown rule",
        ))
    return report.model_copy(update={"findings": findings})


def unknown_rule_directives(suppressions: Iterable[Suppression], known: frozenset[str]) -> list[Directive]:
    """One problem per suppression that names a rule id (or ``family.*``) matching no known rule."""
    out: list[Directive] = []
    seen: set[tuple[int, int, str]] = set()
    for s in suppressions:
        unknown = [r for r in s.rules if not any(rule_matches(k, r) for k in known)]
        for r in unknown:
            if (s.line, s.column, r) in seen:  # a range closed in parts by factcheck-enable
                continue
            seen.add((s.line, s.column, r))
            out.append(Directive(s.line, s.column, f"the suppression names unknown rule {r!r} "
                                 "(see `factcheck rules list`); it suppresses nothing"))
    return out
