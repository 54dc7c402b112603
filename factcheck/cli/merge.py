"""``factcheck merge``: combine the reports of ``check --shard I/N`` runs into one."""

from __future__ import annotations

import sys

import click

from factcheck.cli.runsetup import usage_error
from factcheck.report.atomic import atomic_output
from factcheck.report.merge import MergeError, merge_reports


@click.command("merge")
@click.argument("reports", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the merged report here.")
def merge_command(reports: tuple[str, ...], output: str | None) -> None:
    """Merge JSON, SARIF or JUnit reports of shards (``check --shard I/N``) into one report.

    The format is read from the inputs (all must have the same); documents come out in path order;
    counts and the summary are recomputed. Exit 2 if an input is not such a report.
    """
    try:
        fmt, text, summary = merge_reports(list(reports))
    except MergeError as exc:
        raise usage_error(str(exc)) from None
    if output:
        with atomic_output(output) as fh:
            fh.write(text)
    else:
        sys.stdout.write(text)
    click.echo(f"merged {len(reports)} {fmt} report(s): {summary}", err=True)
