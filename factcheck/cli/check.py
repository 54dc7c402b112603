"""``factcheck check``: check files, folders, JSON Lines and stdin in worker processes; report findings.

The command only wires things together: config (``factcheck.config``), inputs and workers
(``factcheck.batch``), resume state (``factcheck.state``), baseline (``factcheck.baseline``) and the
output formats (``factcheck.report.formats``).
"""

from __future__ import annotations

import datetime as dt
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import TextIO

import click

from factcheck.baseline import Baseline, BaselineError, BaselineFilter
from factcheck.batch.crossref.rules import BATCH_RULES
from factcheck.batch.inputs import STDIN
from factcheck.batch.output import Sink
from factcheck.batch.pool import WorkerInitError
from factcheck.batch.progress import RunStats, count_documents, wants_bar, with_progress
from factcheck.batch.run import run_batch
from factcheck.batch.settings import DEFAULT_MAX_BYTES, BatchSettings
from factcheck.batch.shard import ShardError, parse_shard
from factcheck.batch.stop import EXIT_INTERRUPTED, interruptible, signal_name
from factcheck.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNCHECKED,
    parse_date,
    reference_options,
)
from factcheck.cli.runsetup import claimreview_options, prepare, require_documents, usage_error, worker_count
from factcheck.model.findings import DocumentReport, at_least
from factcheck.report.atomic import atomic_output
from factcheck.report.formats import FORMATS
from factcheck.report.formats.hidden import not_shown_text
from factcheck.state import StateStore, code_fingerprint

SEVERITIES = ["error", "warning", "info"]
DEFAULT_TIMEOUT = 120.0
TEXT_FORMATS = frozenset({"html"})  # formats that show the body text around each finding


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD); overrides front matter.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="text", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option("--rules", "rules", multiple=True, type=click.Path(exists=True), help="Rule file or folder (repeatable).")
@click.option("--patterns", "patterns", multiple=True, type=click.Path(exists=True),
              help="Pattern file or folder added to the shipped patterns (repeatable).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False),
              help="Config file (default: factcheck.yaml or [tool.factcheck] found upward from here).")
@click.option("--no-config", is_flag=True, help="Ignore any discovered config file.")
@click.option("--fail-on", type=click.Choice([*SEVERITIES, "never"]), default="error", show_default=True,
              help="Lowest severity that makes the run fail (exit 1).")
@click.option("--min-severity", type=click.Choice(SEVERITIES), default="info", show_default=True,
              help="Lowest severity shown (does not change --fail-on).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None,
              help="Worker processes [default: number of cores]; 0 checks in this process.")
@click.option("--include", multiple=True, help="Glob of files to check inside folders (repeatable).")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip (repeatable).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False),
              help="Report only findings not in this baseline (see `factcheck baseline`); list the fixed ones.")
@click.option("--show-suppressed", is_flag=True, help="Also list findings suppressed by inline comments.")
@click.option("--state", "state_dir", type=click.Path(file_okay=False),
              help="Remember results by content hash here; unchanged documents are not checked again.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr [default: on a terminal].")
@reference_options
@click.option("--date-field", help="JSON Lines field holding the publication date [default: published].")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True,
              help="Larger documents are reported as errors, not checked.")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_TIMEOUT, show_default=True,
              help="Seconds one document may take: its worker is stopped (--jobs 0: the check is abandoned).")
@click.option("--stdin-jsonl", is_flag=True, help="Read '-' as JSON Lines records (one article per line).")
@click.option("--show-facts", is_flag=True, help="Text format: list the extracted facts too.")
@click.option("--fail-on-unverified", is_flag=True,
              help="Exit 1 when a claim could not be checked against a reference source (*.unverified).")
@click.option("--fail-on-unchecked", is_flag=True,
              help="Exit 3 when a document was not checked (a language that is not supported).")
@click.option("--executor", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Local worker processes, or a Dask cluster (pip install 'factcheck[dask]').")
@click.option("--scheduler", metavar="ADDRESS",
              help="Dask scheduler (tcp://HOST:PORT) for --executor dask [default: a local cluster of --jobs].")
@click.option("--shard", "shard_spec", metavar="I/N", callback=lambda c, p, v: _shard(v),
              help="Check only shard I of N: a stable subset by a hash of each document's id (CI matrices).")
@click.option("--cross-article/--no-cross-article", default=True, show_default=True,
              help="Compare figures and dates across the documents of the run (batch.* rules).")
def check_command(
    paths: tuple[str, ...], published: dt.date | None, fmt: str, output: str | None, rules: tuple[str, ...], patterns: tuple[str, ...],
    config_file: str | None, no_config: bool, fail_on: str, min_severity: str, jobs: int | None,
    include: tuple[str, ...], exclude: tuple[str, ...], baseline_file: str | None, show_suppressed: bool,
    state_dir: str | None, progress: bool | None, engine: str, sources: dict[str, str], offline: bool,
    no_references: bool, cache_dir: str | None, date_field: str | None, max_bytes: int, timeout: float | None,
    stdin_jsonl: bool, show_facts: bool, fail_on_unverified: bool, fail_on_unchecked: bool, executor: str,
    scheduler: str | None, shard_spec: tuple[int, int] | None, cross_article: bool,
) -> None:
    """Check news drafts (Markdown, text, HTML, JSON Lines; '-' for stdin).

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or
    configuration error; 3 some documents could not be checked (and nothing at or above --fail-on);
    130 interrupted (SIGINT or SIGTERM).
    """
    config, settings, ruleset = prepare(
        config_file, no_config, rules=rules, patterns=patterns, sources=sources, engine=engine, offline=offline, references=not no_references,
        cache_dir=cache_dir, published=published, date_field=date_field, include_text=fmt in TEXT_FORMATS,
    )
    if scheduler and executor != "dask":
        raise usage_error("--scheduler needs --executor dask")
    if executor == "dask":
        _require_distributed()
    settings = settings.model_copy(update={"cross_article": cross_article})
    batch = BatchSettings(
        jobs=worker_count(jobs, paths, stdin_jsonl), include=[*config.include, *include], exclude=[*config.exclude, *exclude],
        max_bytes=max_bytes, timeout=timeout, state_dir=state_dir, stdin_jsonl=stdin_jsonl, executor=executor,
        scheduler=scheduler, shard=shard_spec,
    )
    require_documents(paths, batch.include, batch.exclude)
    baseline = _baseline(baseline_file)
    state = StateStore(state_dir, settings.fingerprint(code_fingerprint(settings.rules))) if state_dir else None
    stats = RunStats()
    bar = wants_bar(bool(progress)) if progress is not False else False
    total = count_documents([p for p in paths if p != STDIN], batch.include, batch.exclude) if bar else None
    failing = unchecked = False
    sink: Sink | None = None
    try:
        with interruptible() as stop, ExitStack() as stack:
            out: TextIO = stack.enter_context(atomic_output(output)) if output else sys.stdout
            rule_list = [*(r.spec for r in ruleset.rules), *(BATCH_RULES if cross_article else ())]
            sink = Sink(fmt, out, rules=rule_list, show_suppressed=show_suppressed,
                        color=output is None and sys.stdout.isatty(), show_facts=show_facts, keep_facts=show_facts,
                        min_severity=min_severity, **claimreview_options(fmt, config))
            reports = run_batch(paths, settings, batch, state=state, stop=stop, on_checked=stats.count_checked)
            if baseline is not None:
                reports = map(baseline, reports)
            try:
                for report in with_progress(reports, stats, bar=bar, total=total):
                    failing = failing or _fails(report, fail_on) or (fail_on_unverified and _unverified(report))
                    unchecked = (unchecked or report.unchecked
                                 or (fail_on_unchecked and report.not_checked))
                    sink.write(report)
            except WorkerInitError as exc:
                raise usage_error(f"could not start checking: {exc}") from None
            sink.close()
    except KeyboardInterrupt as exc:  # SIGINT or SIGTERM: say what was done; -o FILE was left as it was
        _interrupted(stats, sink, output, state, signal_name(exc))
        raise SystemExit(EXIT_INTERRUPTED) from None
    if state is not None:
        stats.cached = state.hits
    if baseline is not None:
        stats.baselined = baseline.known_count
        _report_fixed(baseline)
    click.echo(stats.summary(not_shown=not_shown_text(sink.not_shown)), err=True)
    raise SystemExit(EXIT_FINDINGS if failing else EXIT_UNCHECKED if unchecked else EXIT_OK)


def _interrupted(stats: RunStats, sink: Sink | None, output: str | None, state: StateStore | None, name: str) -> None:
    if state is not None:
        stats.cached = state.hits
    click.echo(stats.summary(not_shown=not_shown_text(sink.not_shown) if sink else "", interrupted=name), err=True)
    if output:
        kept = "the previous file is unchanged" if Path(output).exists() else "nothing was written"
        click.echo(f"factcheck: {output} not written ({kept}): the run did not complete", err=True)
    if state is not None:
        click.echo(f"factcheck: {state.stored} new result(s) kept in --state; run again to continue", err=True)


def _shard(value: str | None) -> tuple[int, int] | None:
    if value is None:
        return None
    try:
        return parse_shard(value)
    except ShardError as exc:
        raise click.BadParameter(str(exc)) from None


def _require_distributed() -> None:
    import importlib.util

    if importlib.util.find_spec("distributed") is None:
        raise usage_error("--executor dask needs Dask's distributed scheduler: pip install 'factcheck[dask]'")


def _fails(report: DocumentReport, fail_on: str) -> bool:
    return fail_on != "never" and any(f.suppressed is None and at_least(f.severity, fail_on) for f in report.findings)


def _unverified(report: DocumentReport) -> bool:
    return any(f.suppressed is None and f.rule.endswith(".unverified") for f in report.findings)


def _baseline(path: str | None) -> BaselineFilter | None:
    if path is None:
        return None
    try:
        return BaselineFilter(Baseline.read(path), root=Path(path).parent)
    except BaselineError as exc:
        raise usage_error(str(exc)) from None


def _report_fixed(baseline: BaselineFilter) -> None:
    fixed = baseline.fixed()
    if fixed:
        click.echo(f"baseline: {len(fixed)} finding(s) fixed since the baseline:", err=True)
        for e in fixed:
            click.echo(f"  fixed: {e.document}: {e.rule}: {e.claim}", err=True)
