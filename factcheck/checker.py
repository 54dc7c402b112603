"""The pipeline for one document, top to bottom: load -> extract -> resolve -> enrich -> evaluate.

A :class:`Checker` compiles its rules once and can be shared across threads: extraction and
resolution are pure functions of the document, the durable-rules engine serialises documents behind
its own lock (the C engine holds the GIL anyway), and the reference enricher is thread-safe by
contract. Nothing here touches process-global state visible to the caller.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from factcheck.enrich import Enricher
from factcheck.evaluate import Match, RuleSet, load_rules
from factcheck.evaluate.bounded import MAX_JOINED_FACTS_PER_KIND, BoundedEngine, BoundedRun
from factcheck.evaluate.facts_out import engine_fact
from factcheck.evaluate.findings import build_findings
from factcheck.extract import extract_facts, shipped_patterns
from factcheck.extract.relations.loader import PatternSet, load_patterns
from factcheck.language import SUPPORTED, detect, normalise, supported
from factcheck.load import LoadError, load_path, load_text
from factcheck.model.document import Document
from factcheck.model.facts import FactBase
from factcheck.model.findings import LOOKUP_FAILED, DocumentError, DocumentReport, Note, Report, Severity
from factcheck.notes import no_publication_date, rules_needing_dates
from factcheck.resolve import resolve_facts
from factcheck.resources import shipped_rules
from factcheck.timebudget import DEFAULT_TIME_BUDGET, BudgetExceeded, DaemonPool, Deadline

RulesArg = RuleSet | str | Path | Sequence[str | Path] | None
PatternsArg = PatternSet | str | Path | Sequence[str | Path] | None
MAX_FINDINGS_PER_RULE = 100
MAX_FACTS_PER_DOCUMENT = 2_000  # the earliest are kept; a long article has a few hundred


def resolve_ruleset(rules: RulesArg) -> RuleSet:
    """A RuleSet from a RuleSet, a path, a list of paths, or None (the shipped rule packs)."""
    if isinstance(rules, RuleSet):
        return rules
    if rules is None:
        return load_rules([shipped_rules()])
    if isinstance(rules, str | Path):
        return load_rules([rules])
    return load_rules(list(rules))


def resolve_patterns(patterns: PatternsArg) -> PatternSet:
    """The shipped patterns, plus those under the given paths (a PatternSet is taken as it is)."""
    if isinstance(patterns, PatternSet):
        return patterns
    if patterns is None:
        return shipped_patterns()
    paths = [patterns] if isinstance(patterns, str | Path) else list(patterns)
    return shipped_patterns().merged(load_patterns(paths))


class Checker:
    """Compiled rules plus reference sources: check many documents with one object."""

    def __init__(
        self,
        rules: RulesArg = None,
        *,
        patterns: PatternsArg = None,
        engine: str = "durable",
        references: bool = True,
        sources: dict[str, str] | None = None,
        offline: bool = False,
        cache_dir: str | Path | None = None,
        source_config: dict[str, object] | None = None,
        disabled_rules: Iterable[str] = (),
        severity: dict[str, Severity] | None = None,
        enricher: Enricher | None = None,
        max_findings_per_rule: int = MAX_FINDINGS_PER_RULE,
        detect_language: bool = True,
        max_facts: int = MAX_FACTS_PER_DOCUMENT,
        max_joined_facts: int = MAX_JOINED_FACTS_PER_KIND,
        time_budget: float | None = DEFAULT_TIME_BUDGET,
        limiters: Mapping[str, Any] | None = None,
    ):
        """``time_budget``: seconds one document may take (None: no limit); past it the check returns a
        report whose error says so, and the abandoned work stops at its next stage (:mod:`.timebudget`).
        ``limiters``: per source name, a bound on requests in flight shared beyond this process
        (``acquire(timeout=)``/``release()``, e.g. a Dask semaphore)."""
        if time_budget is not None and not time_budget > 0:
            raise ValueError("time_budget must be a positive number of seconds, or None")
        self.ruleset = resolve_ruleset(rules).only(disabled=disabled_rules)
        self.patterns = resolve_patterns(patterns)
        unknown = set(severity or {}) - {r.id for r in self.ruleset.rules}
        if unknown:
            raise ValueError(f"severity override for unknown rule(s): {', '.join(sorted(unknown))}")
        self.severity = dict(severity or {})
        self.max_findings_per_rule = max_findings_per_rule
        self.detect_language = detect_language
        self.max_facts = max_facts
        self.max_joined_facts = max_joined_facts
        self.time_budget = time_budget
        self._pool = DaemonPool() if time_budget is not None else None
        self.engine = BoundedEngine(self.ruleset, engine, max_joined=max_joined_facts)
        self._dated_rules = rules_needing_dates(self.ruleset.rules)
        self.enricher = enricher
        if self.enricher is None and references:
            self.enricher = _build_enricher(sources, offline, cache_dir, source_config, limiters)

    # --- one document ----------------------------------------------------------------------------
    def check_document(self, doc: Document, *, include_text: bool = False) -> DocumentReport:
        """Run the pipeline; a stage that fails is recorded in ``errors`` and the rest goes on.

        ``include_text`` keeps the body text on the report (``DocumentReport.text``, for the HTML format).
        With a time budget, a document that takes longer gives a report with an ``evaluate`` error.
        """
        if self._pool is None or self.time_budget is None:
            return self._check_document(doc, include_text, Deadline(None))
        try:
            return self._pool.run(self.time_budget, lambda deadline: self._check_document(doc, include_text, deadline))
        except BudgetExceeded as exc:
            return DocumentReport(path=doc.id, published=doc.published, title=doc.title, url=doc.url, source=doc.path,
                                  record_line=doc.record_line,
                                  errors=[DocumentError(stage="evaluate", message=f"{doc.id}: not checked: {exc}")])

    def _check_document(self, doc: Document, include_text: bool, deadline: Deadline) -> DocumentReport:
        report = DocumentReport(
            path=doc.id, published=doc.published, text=(doc.raw_text or doc.text) if include_text else None, title=doc.title,
            url=doc.url, source=doc.path, record_line=doc.record_line,
        )
        unsupported = self._unsupported_language(doc, report)
        if unsupported is not None:  # not read at all: reported as such, never as "no findings"
            report.notes.append(unsupported)
            return report
        try:
            facts = number_facts(extract_facts(doc, self.patterns))
        except Exception as exc:  # an extractor bug must not lose the document
            report.errors.append(DocumentError(stage="extract", message=f"extraction failed: {exc!r}"))
            facts = []
        if len(facts) > self.max_facts:  # bounds every later stage, whatever the text
            report.errors.append(DocumentError(
                stage="report", message=f"{len(facts) - self.max_facts} more fact(s) not checked "
                f"(limit {self.max_facts} per document; the first {self.max_facts} were)"))
            facts = facts[: self.max_facts]
        deadline.check("resolution")
        try:
            facts = resolve_facts(doc, facts)
        except Exception as exc:
            report.errors.append(DocumentError(stage="resolve", message=f"resolution failed: {exc!r}"))
        if self.enricher is not None and facts:
            deadline.check("reference look-ups")
            try:
                result = self.enricher.enrich(doc, facts)
                facts = facts + number_facts(result.facts, start=len(facts) + 1)
                report.errors.extend(result.errors)
                report.notes.extend(result.notes)
            except Exception as exc:  # the document is still checked, without reference facts
                report.notes.append(Note(kind=LOOKUP_FAILED, message=f"reference look-ups failed: {exc!r}"))
        report.facts = facts  # type: ignore[assignment]
        if doc.published is None and (note := no_publication_date(facts, self._dated_rules)) is not None:
            report.notes.append(note)
        deadline.check("evaluation")
        try:
            given = [engine_fact(f) for f in facts]
            engine = self.engine  # any Engine will do (tests substitute one); only ours bounds joins
            run = engine.run_bounded(given) if isinstance(engine, BoundedEngine) else BoundedRun(engine.run(given))
            for kind, count in sorted(run.dropped.items()):
                report.errors.append(DocumentError(
                    stage="report", message=f"{count} {kind} fact(s) not compared with each other "
                    f"(limit {self.max_joined_facts} per kind for rules that join facts)"))
            matches, dropped = cap_matches(run.matches, self.max_findings_per_rule)
            for index, count in dropped.items():
                report.errors.append(
                    DocumentError(
                        stage="report",
                        message=f"{self.ruleset.rules[index].id}: {count} more finding(s) not reported "
                        f"(limit {self.max_findings_per_rule} per rule and document)",
                    )
                )
            findings = build_findings(self.ruleset, matches, {f.id: f for f in facts}, doc)
            for f in findings:
                f.severity = self.severity.get(f.rule, f.severity)
            report.findings = findings
        except Exception as exc:
            report.errors.append(DocumentError(stage="evaluate", message=str(exc)))
        return report

    def _unsupported_language(self, doc: Document, report: DocumentReport) -> Note | None:
        """Set the report's language (declared, else detected); a note if factcheck does not read it."""
        if doc.language:
            language, how = normalise(doc.language), "as the document declares"
        elif self.detect_language:
            language, how = detect(doc.text).language, "as detected"
        else:
            language, how = None, ""
        report.language = language
        if supported(language):
            return None
        return Note(kind="language-not-supported",
                    message=f"language {language} is not supported ({how}; factcheck reads "
                            f"{', '.join(sorted(SUPPORTED))}): the document was not checked")

    def check_path(self, path: str | Path, *, published: dt.date | None = None) -> DocumentReport:
        try:
            doc = load_path(path, published=published)
        except LoadError as exc:
            return DocumentReport(path=str(path), errors=[DocumentError(stage="load", message=str(exc))])
        return self.check_document(doc)

    def check(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        doc_id: str = "<text>",
        fmt: str = "markdown",
        include_text: bool = False,
    ) -> Report:
        """Check one text (Markdown with optional front matter, plain text, or HTML)."""
        date = dt.date.fromisoformat(published) if isinstance(published, str) else published
        try:
            doc = load_text(text, doc_id=doc_id, fmt=fmt, published=date)
        except LoadError as exc:
            return Report.of([DocumentReport(path=doc_id, errors=[DocumentError(stage="load", message=str(exc))])])
        return Report.of([self.check_document(doc, include_text=include_text)])

    async def acheck(
        self,
        text: str,
        *,
        published: dt.date | str | None = None,
        doc_id: str = "<text>",
        fmt: str = "markdown",
        include_text: bool = False,
    ) -> Report:
        """``check`` in a worker thread, for asyncio callers."""
        return await asyncio.to_thread(
            self.check, text, published=published, doc_id=doc_id, fmt=fmt, include_text=include_text
        )

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
        self.engine.close()
        if self.enricher is not None:
            self.enricher.close()

    def __enter__(self) -> Checker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def cap_matches(matches: list[Match], limit: int) -> tuple[list[Match], dict[int, int]]:
    """At most ``limit`` matches per rule, the earliest in the document; and how many were dropped.

    A pairwise rule (``numbers.conflicting-figure``) is quadratic in the facts it joins: a draft with
    400 conflicting figures would give 40,000 findings. Past the limit more of the same helps no one.
    """
    by_rule: dict[int, list[Match]] = {}
    for m in matches:
        by_rule.setdefault(m.rule, []).append(m)
    kept: list[Match] = []
    dropped: dict[int, int] = {}
    for rule, group in by_rule.items():
        if len(group) > limit:
            group = sorted(group, key=lambda m: tuple(int(f[1:]) for f in m.facts))
            dropped[rule] = len(group) - limit
            group = group[:limit]
        kept.extend(group)
    return kept, dropped


def number_facts(facts: list[FactBase], start: int = 1) -> list[FactBase]:
    """Give facts their ids (f1, f2, ...) and ``seq`` in document order."""
    for n, fact in enumerate(facts, start=start):
        fact.id = f"f{n}"
        fact.seq = n
    return facts


def _build_enricher(
    sources: dict[str, str] | None, offline: bool, cache_dir: str | Path | None, config: dict[str, object] | None,
    limiters: Mapping[str, Any] | None = None,
) -> Enricher | None:
    import importlib.util

    if importlib.util.find_spec("factcheck.enrich.factory") is None:  # until references land
        return None
    from factcheck.enrich.factory import build_enricher

    return build_enricher(
        overrides=sources, offline=offline, cache_dir=None if cache_dir is None else str(cache_dir), config=config,
        limiters=limiters,
    )
