"""``factcheck baseline PATHS -o FILE``: record today's findings so that ``check --baseline`` reports
only new ones. Findings are keyed by rule, document id and normalised claim text (not offsets)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import click

from factcheck.baseline import Baseline
from factcheck.batch.pool import WorkerInitError
from factcheck.batch.progress import RunStats, with_progress
from factcheck.batch.run import run_batch
from factcheck.batch.settings import DEFAULT_MAX_BYTES, BatchSettings
from factcheck.batch.stop import EXIT_INTERRUPTED, StopRequest, interruptible, signal_name
from factcheck.cli.options import EXIT_OK, parse_date, reference_options
from factcheck.cli.runsetup import prepare, require_documents, usage_error, worker_count
from factcheck.model.findings import DocumentReport


@click.command("baseline")
@click.argument("paths", nargs=-1, required=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              default=".factcheck-baseline.json", show_default=True, help="Baseline file to write.")
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD); overrides front matter.")
@click.option("--rules", "rules", multiple=True, type=click.Path(exists=True), help="Rule file or folder (repeatable).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False), help="Config file.")
@click.option("--no-config", is_flag=True, help="Ignore any discovered config file.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=None, help="Worker processes [default: cores].")
@click.option("--include", multiple=True, help="Glob of files to check inside folders (repeatable).")
@click.option("--exclude", multiple=True, help="Glob of files or folders to skip (repeatable).")
@reference_options
@click.option("--date-field", help="JSON Lines field holding the publication date.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=DEFAULT_MAX_BYTES, show_default=True)
def baseline_command(
    paths: tuple[str, ...], output: str, published: dt.date | None, rules: tuple[str, ...], config_file: str | None,
    no_config: bool, jobs: int | None, include: tuple[str, ...], exclude: tuple[str, ...], engine: str,
    sources: dict[str, str], offline: bool, no_references: bool, cache_dir: str | None, date_field: str | None,
    max_bytes: int,
) -> None:
    """Write a baseline of the current findings of PATHS (exit 0 unless usage/config errors)."""
    config, settings, _ = prepare(
        config_file, no_config, rules=rules, sources=sources, engine=engine, offline=offline, references=not no_references,
        cache_dir=cache_dir, published=published, date_field=date_field,
    )
    settings = settings.model_copy(update={"cross_article": True})  # as `check` runs by default
    batch = BatchSettings(jobs=worker_count(jobs, paths), include=[*config.include, *include],
                          exclude=[*config.exclude, *exclude], max_bytes=max_bytes)
    require_documents(paths, batch.include, batch.exclude)
    stats = RunStats()

    def reports(stop: StopRequest) -> Iterator[DocumentReport]:
        for r in with_progress(run_batch(paths, settings, batch, stop=stop), stats, bar=False):
            yield r.model_copy(update={"facts": [f for f in r.facts if any(f.id in x.facts for x in r.findings)]})

    try:
        with interruptible() as stop:
            baseline = Baseline.from_reports(reports(stop), root=Path(output).parent)
            stop.check()
            baseline.write(output)
    except WorkerInitError as exc:
        raise usage_error(f"could not start checking: {exc}") from None
    except KeyboardInterrupt as exc:
        click.echo(f"{stats.summary(interrupted=signal_name(exc))}; {output} not written", err=True)
        raise SystemExit(EXIT_INTERRUPTED) from None
    click.echo(f"{stats.summary()}; baseline of {len(baseline.findings)} finding(s) written to {output}", err=True)
    raise SystemExit(EXIT_OK)
