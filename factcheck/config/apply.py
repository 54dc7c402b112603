"""Rule settings applied to a report: disabled rules dropped, severities overridden."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from factcheck.model.findings import DocumentReport


def apply_rule_settings(
    report: DocumentReport, disabled: Iterable[str], severity: Mapping[str, str]
) -> DocumentReport:
    disabled = set(disabled)
    if not disabled and not severity:
        return report
    findings = []
    for f in report.findings:
        if _matches(f.rule, disabled):
            continue
        new = _override(f.rule, severity)
        findings.append(f.model_copy(update={"severity": new}) if new and new != f.severity else f)
    return report.model_copy(update={"findings": findings})


def _matches(rule: str, ids: set[str]) -> bool:
    """A rule id, or a prefix ending in ``.`` or ``*`` (``timeline.`` / ``timeline.*``) disables a family."""
    return rule in ids or any(i.endswith((".", "*")) and rule.startswith(i.rstrip("*")) for i in ids)


def _override(rule: str, severity: Mapping[str, str]) -> str | None:
    if rule in severity:
        return severity[rule]
    for key, value in severity.items():
        if key.endswith((".", "*")) and rule.startswith(key.rstrip("*")):
            return value
    return None
