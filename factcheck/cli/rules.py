"""``factcheck rules list|test|lint``."""

from __future__ import annotations

import tempfile
from contextlib import ExitStack
from pathlib import Path

import click

from factcheck.checker import Checker
from factcheck.cli.options import EXIT_FINDINGS, EXIT_OK, load_ruleset_or_exit, parse_sources
from factcheck.evaluate import RuleSet, available_engines
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


@rules_group.command("fields")
@click.argument("kinds", nargs=-1)
@click.option("--markdown", is_flag=True, help="As the Markdown of docs/rule-fields.md.")
def fields_command(kinds: tuple[str, ...], markdown: bool) -> None:
    """List the fields rules may compare, per fact kind, with every value of enum fields."""
    from factcheck.evaluate import fielddoc
    from factcheck.model.facts import FACT_TYPES

    unknown = [k for k in kinds if k not in FACT_TYPES]
    if unknown:
        raise click.BadParameter(f"unknown fact kind(s): {', '.join(unknown)} (known: {', '.join(FACT_TYPES)})")
    click.echo(fielddoc.markdown() if markdown else fielddoc.text(list(kinds) or None), nl=False)


def _source_checkers(stack: ExitStack, ruleset: RuleSet, urls: dict[str, str]) -> dict[str, Checker]:
    """Checkers for rules whose examples need reference sources.

    ``offline`` has an empty cache (every look-up is unverified). Sources named with ``--source`` use
    that URL; without one, ``wikidata`` and ``worldbank`` are served from the checkout's recorded
    fixtures by local fake servers when they are there (a checkout, not an installed wheel). Every
    checker gets every source's URL, so that no example reaches a real service.
    """
    from factcheck.enrich.testing import (
        FAST_SOURCE_CONFIG,
        fixtures_dir,
        serve_fixtures,
        serve_worldbank_fixtures,
        worldbank_fixtures,
    )

    tmp = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="factcheck-rules-test-")))
    out = {"offline": stack.enter_context(Checker(ruleset, offline=True, cache_dir=tmp / "offline"))}
    urls = dict(urls)
    if "wikidata" not in urls and fixtures_dir().is_dir():
        urls["wikidata"] = stack.enter_context(serve_fixtures()).url
    if "worldbank" not in urls and worldbank_fixtures().is_file():
        urls["worldbank"] = stack.enter_context(serve_worldbank_fixtures()).url
    fast = {name: FAST_SOURCE_CONFIG for name in urls}
    for name in urls:
        out[name] = stack.enter_context(
            Checker(ruleset, sources=urls, cache_dir=tmp / name, source_config=fast)
        )
    return out


@rules_group.command("test")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@click.option("--rule", "only", multiple=True, help="Test only these rule ids.")
@click.option("--source", "sources", multiple=True, callback=parse_sources, help="NAME=URL reference endpoint.")
@click.option("-v", "--verbose", is_flag=True)
def test_command(paths: tuple[str, ...], only: tuple[str, ...], sources: dict[str, str], verbose: bool) -> None:
    """Run every rule's examples on every available engine; they must agree."""
    ruleset = load_ruleset_or_exit(paths)
    selected = [r for r in ruleset.rules if not only or r.id in only]
    with ExitStack() as stack:
        checkers = {e: stack.enter_context(Checker(ruleset, engine=e, references=False)) for e in available_engines()}
        source_checkers = _source_checkers(stack, ruleset, sources)
        results = run_examples(selected, checkers, source_checkers)
    failed = [r for r in results if not r.ok]
    skipped = [r for r in results if r.ok and r.problem]
    for r in results:
        if not r.ok:
            click.echo(f"FAIL {r.location} ({r.rule}, {r.expect}): {r.problem}\n     {r.text}")
        elif verbose or r.problem:
            click.echo(f"{'ok  ' if not r.problem else 'skip'} {r.location} ({r.rule}, {r.expect}) {r.problem}")
    passed = len(results) - len(failed) - len(skipped)
    click.echo(f"{passed} passed, {len(failed)} failed, {len(skipped)} skipped ({len(selected)} rules)")
    raise SystemExit(EXIT_FINDINGS if failed else EXIT_OK)
