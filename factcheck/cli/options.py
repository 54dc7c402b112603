"""Option parsing shared by commands."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, TypeVar

import click

from factcheck.checker import resolve_patterns, resolve_ruleset
from factcheck.evaluate import RuleLoadError, RuleSet
from factcheck.extract.relations.loader import PatternLoadError, PatternSet

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_UNCHECKED = 0, 1, 2, 3


def parse_date(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def parse_sources(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for v in values:
        name, sep, url = v.partition("=")
        if not sep or not name or not url.startswith(("http://", "https://")):
            raise click.BadParameter(f"{v!r}: expected NAME=URL with an http(s) URL")
        out[name] = url
    return out


def reference_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options every checking command shares: engine and reference sources."""
    options = [
        click.option("--engine", type=click.Choice(["durable", "python"]), default="durable", show_default=True),
        click.option("--source", "sources", multiple=True, callback=parse_sources, help="NAME=URL: another endpoint."),
        click.option("--offline", is_flag=True, help="Answer reference lookups from the cache only."),
        click.option("--no-references", is_flag=True, help="Do not consult reference sources at all."),
        click.option("--cache-dir", type=click.Path(file_okay=False), help="Reference cache directory."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


T = TypeVar("T")


def _load_or_exit(load: Callable[[], T], error: type[RuleLoadError] | type[PatternLoadError], what: str) -> T:
    """Run ``load``; on a load error print every ``file:line:col: reason`` and exit 2 (nothing checked)."""
    try:
        return load()
    except error as exc:
        for p in exc.problems:
            click.echo(f"error: {p}", err=True)
        click.echo(f"{len(exc.problems)} problem(s) in {what} files; nothing was checked.", err=True)
        raise SystemExit(EXIT_USAGE) from None


def load_ruleset_or_exit(paths: tuple[str, ...]) -> RuleSet:
    """The rules under ``paths`` (the shipped ones if none), or exit 2 on any rule-file problem."""
    return _load_or_exit(lambda: resolve_ruleset(list(paths) if paths else None), RuleLoadError, "rule")


def load_patterns_or_exit(paths: tuple[str, ...]) -> PatternSet:
    """The shipped patterns plus those under ``paths``, or exit 2 on any pattern-file problem."""
    return _load_or_exit(lambda: resolve_patterns(list(paths) if paths else None), PatternLoadError, "pattern")
