"""``--format text``: for editors. ``path:line:col: severity rule-id message``, then the sentence with
the claim underlined, then the evidence, then a summary line.

Everything that comes from a draft (its path, messages that quote it, the sentence, evidence) is
passed through :func:`~.controls.for_terminal`, so a draft cannot send escape sequences to the
editor's terminal (retitle it, clear it, overwrite lines)."""

from __future__ import annotations

import click

from factcheck.model.findings import UNCHECKED_STAGES, Finding, Report
from factcheck.report.formats.controls import for_terminal as safe
from factcheck.report.formats.facts import describe
from factcheck.report.formats.hidden import not_shown_text

WIDTH = 100
_COLORS = {"error": "red", "warning": "yellow", "info": "cyan"}


def render(report: Report, *, color: bool = False, show_facts: bool = False, **_: object) -> str:
    out: list[str] = []
    for doc in report.documents:
        for err in doc.errors:
            # A document that could not be checked is an error; failed reference look-ups are a note
            # (the affected claims are reported as unverified below).
            label = _style("error", "red", color) if err.stage in UNCHECKED_STAGES else _style("note", "cyan", color)
            out.append(f"{safe(doc.path)}: {label} [{err.stage}] {safe(err.message)}")
        for note in doc.notes:
            out.append(f"{safe(doc.path)}: {_style('note', 'cyan', color)} [{note.kind}] {safe(note.message)}")
        for f in doc.findings:
            sev = _style(f.severity, _COLORS[f.severity], color)
            tag = f" (suppressed: {safe(f.suppressed)})" if f.suppressed else ""
            out.append(f"{safe(doc.path)}:{f.span.line}:{f.span.column}: {sev} {safe(f.rule)} {safe(f.message)}{tag}")
            out.extend(_excerpt(f))
            for ev in f.evidence:
                link = f" <{safe(ev.url)}>" if ev.url else ""
                when = f" (fetched {safe(ev.retrieved_at)})" if ev.retrieved_at else ""
                out.append(f"    evidence: {safe(ev.source)}: {safe(ev.value)}{link}{when}")
        if show_facts:
            for fact in doc.facts:
                out.append(f"    fact {safe(describe(fact))}")
                out.append(f"         {safe(repr(fact.text))}")
    s = report.summary
    docs = f"{s.documents} document{'s' if s.documents != 1 else ''}"
    unchecked = sum(1 for d in report.documents if d.unchecked)
    partial = sum(1 for d in report.documents if (d.errors or d.lookups_failed) and not d.unchecked)
    tail = (f", {unchecked} could not be checked" if unchecked else "") + (
        f", {partial} with reference look-ups failed" if partial else ""
    )
    checked = f"{docs} checked"
    if s.not_checked:
        langs = sorted({d.language or "?" for d in report.documents if d.not_checked})
        n = s.documents - s.not_checked
        checked = (f"{n} document{'s' if n != 1 else ''} checked, {s.not_checked} not checked "
                   f"(language {', '.join(langs)} not supported)")
    hidden = not_shown_text(s.not_shown)
    if hidden:
        tail += f"; {hidden}"
    out.append(
        f"{checked}: {s.findings.error} error(s), {s.findings.warning} warning(s), "
        f"{s.findings.info} info{tail}"
    )
    return "\n".join(out) + "\n"


def _excerpt(f: Finding) -> list[str]:
    """The sentence, clipped to WIDTH around the span, with the span underlined by carets."""
    if f.context is None:
        return []
    text, start, end = f.context.sentence.replace("\n", " "), f.context.start, f.context.end
    lo = max(0, min(start - 20, len(text) - WIDTH))
    hi = min(len(text), max(lo + WIDTH, end))
    if hi - lo > WIDTH + 40:  # a very long span: show its start
        hi = lo + WIDTH
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(text) else ""
    before, claim, after = (safe(text[a:b].replace("\t", " ")) for a, b in ((lo, start), (start, min(end, hi)), (min(end, hi), hi)))
    line = prefix + before + claim + after + suffix
    caret_start = len(prefix) + len(before)
    caret_len = max(1, len(claim))
    return [f"    {line}", "    " + " " * caret_start + "^" * caret_len]


def _style(text: str, fg: str, color: bool) -> str:
    return click.style(text, fg=fg, bold=True) if color else text
