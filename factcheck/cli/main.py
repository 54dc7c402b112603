"""Entry point: ``factcheck`` and ``python -m factcheck``."""

from __future__ import annotations

import click

from factcheck import __version__
from factcheck.cli.baseline import baseline_command
from factcheck.cli.check import check_command
from factcheck.cli.merge import merge_command
from factcheck.cli.patterns import facts_command, patterns_group
from factcheck.cli.rules import rules_group
from factcheck.cli.serve import serve_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
def cli() -> None:
    """Fact-check claims in news drafts against rules and reference sources."""


cli.add_command(check_command)
cli.add_command(rules_group)
cli.add_command(patterns_group)
cli.add_command(facts_command)
cli.add_command(serve_command)
cli.add_command(baseline_command)
cli.add_command(merge_command)


def main() -> None:
    cli(prog_name="factcheck")
