"""``factcheck rules list|test|lint``."""

from __future__ import annotations

import click

from factcheck.checker import Checker
from factcheck.cli.options import EXIT_FINDINGS, EXIT_OK, load_ruleset_or_exit, parse_sources
from factcheck.evaluate import available_engines
from factcheck.evaluate.ruletest import run_examples


@click.group("rules")
def rules_group() -> None:
    """List, test and lint rule packs."""


@rules_group.command("list")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def list_command(paths: tuple[str, ...]) -> None:
    """List the rules (shipped ones if no PATH)."""
    ruleset = load_ruleset_or_exit(paths)
    for r in ruleset.rules:
        click.echo(f"{r.id:32} {r.spec.severity:8} {r.spec.title}")


@rules_group.command("lint")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
def lint_command(paths: tuple[str, ...]) -> None:
    """Validate rule files (schema, expressions, templates); exit 2 on any problem."""
    ruleset = load_ruleset_or_exit(paths)
    click.echo(f"{len(ruleset.rules)} rule(s) OK")


@rules_group.command("test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--rule", "only", multiple=True, help="Test only these rule ids.")
@click.option("--source", "sources", multiple=True, callback=parse_sources, help="NAME=URL reference endpoint.")
@click.option("-v", "--verbose", is_flag=True)
def test_command(paths: tuple[str, ...], only: tuple[str, ...], sources: dict[str, str], verbose: bool) -> None:
    """Run every rule's examples on every available engine; they must agree."""
    ruleset = load_ruleset_or_exit(paths)
    checkers = {e: Checker(ruleset, engine=e, references=False) for e in available_engines()}
    with_sources = Checker(ruleset, sources=sources) if sources else None
    selected = [r for r in ruleset.rules if not only or r.id in only]
    results = run_examples(selected, checkers, with_sources)
    failed = [r for r in results if not r.ok]
    skipped = [r for r in results if r.ok and r.problem]
    for r in results:
        if not r.ok:
            click.echo(f"FAIL {r.location} ({r.rule}, {r.expect}): {r.problem}\n     {r.text}")
        elif verbose:
            click.echo(f"ok   {r.location} ({r.rule}, {r.expect}){' ' + r.problem if r.problem else ''}")
    for c in [*checkers.values(), *([with_sources] if with_sources else [])]:
        c.close()
    passed = len(results) - len(failed) - len(skipped)
    click.echo(f"{passed} passed, {len(failed)} failed, {len(skipped)} skipped ({len(selected)} rules)")
    raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)
