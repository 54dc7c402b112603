"""``factcheck patterns list|test`` and ``factcheck facts``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import click

from factcheck.checker import Checker
from factcheck.cli.options import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, load_patterns_or_exit, parse_date
from factcheck.cli.patterntest import run_pattern_examples
from factcheck.load import LoadError, load_path
from factcheck.load.yamlsource import yaml_files
from factcheck.report.formats.facts import describe


@click.group("patterns")
def patterns_group() -> None:
    """List and test relation patterns (the phrasings facts are read from)."""


@patterns_group.command("list")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def list_command(paths: tuple[str, ...]) -> None:
    """List the patterns: shipped ones plus those under PATH."""
    pset = load_patterns_or_exit(paths)
    for p in pset.patterns:
        click.echo(f"{p.id:44} {p.fact:20} {p.spec.priority:3}  {p.path}:{p.line}")
    click.echo(f"{len(pset)} pattern(s)")


@patterns_group.command("test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--pattern", "only", multiple=True, help="Test only these pattern ids.")
@click.option("-v", "--verbose", is_flag=True)
def test_command(paths: tuple[str, ...], only: tuple[str, ...], verbose: bool) -> None:
    """Run the examples of the patterns under PATH (default: every pattern); each must give a fact with
    the fields it names (or none). Extraction uses the shipped patterns plus PATH's."""
    pset = load_patterns_or_exit(paths)
    under = {str(Path(f).resolve()) for f in yaml_files(paths)} if paths else None
    selected = [p for p in pset.patterns
                if (not only or p.id in only) and (under is None or str(Path(p.path).resolve()) in under)]
    results = run_pattern_examples(selected, pset)
    failed = [r for r in results if not r.ok]
    for r in results:
        if not r.ok:
            click.echo(f"FAIL {r.location} ({r.pattern}): {r.problem}\n     {r.text}")
        elif verbose:
            click.echo(f"ok   {r.location} ({r.pattern})")
    click.echo(f"{len(results) - len(failed)} passed, {len(failed)} failed ({len(selected)} patterns)")
    raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)


@click.command("facts")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD); overrides front matter.")
@click.option("--patterns", "patterns", multiple=True, type=click.Path(exists=True), help="Extra pattern files.")
@click.option("--kind", "kinds", multiple=True, help="Only facts of these kinds.")
def facts_command(paths: tuple[str, ...], published: dt.date | None, patterns: tuple[str, ...],
                  kinds: tuple[str, ...]) -> None:
    """Print the facts read from each document, with their resolved values and certainty."""
    pset = load_patterns_or_exit(patterns)
    status = EXIT_OK
    with Checker(patterns=pset, references=False) as checker:
        for path in paths:
            try:
                doc = load_path(path, published=published)
            except LoadError as exc:
                click.echo(f"error: {exc}", err=True)
                status = EXIT_USAGE
                continue
            report = checker.check_document(doc)
            click.echo(f"{path} (published {doc.published or 'unknown'}): {len(report.facts)} fact(s)")
            for fact in report.facts:
                if kinds and fact.kind not in kinds:  # type: ignore[attr-defined]
                    continue
                loc = doc.locate(fact.span)
                click.echo(f"  {loc.line}:{loc.column} {describe(fact)}")
                click.echo(f"      {fact.text!r}")
    raise SystemExit(status)
