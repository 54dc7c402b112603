"""What ``check`` and ``baseline`` both do before checking: config, checker settings, rules, workers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from factcheck.batch.crossref.rules import BATCH_RULE_IDS
from factcheck.batch.inputs import DEFAULT_INCLUDE, STDIN, walk
from factcheck.batch.pool import cpu_count
from factcheck.batch.settings import CheckerSettings
from factcheck.cli.options import EXIT_USAGE, load_patterns_or_exit, load_ruleset_or_exit
from factcheck.config import ConfigError
from factcheck.config.model import Config
from factcheck.config.resolve import checker_settings, find_config
from factcheck.evaluate import RuleSet
from factcheck.evaluate.rulefiles import empty_rule_paths
from factcheck.load.documents import JSONL
from factcheck.suppress import BAD_DIRECTIVE_RULE


def usage_error(message: str) -> SystemExit:
    """Print ``error: message`` and give the exit for usage/configuration errors (2)."""
    click.echo(f"error: {message}", err=True)
    return SystemExit(EXIT_USAGE)


def prepare(
    config_file: str | None, no_config: bool, **cli: Any
) -> tuple[Config, CheckerSettings, RuleSet]:
    """The discovered config, checker settings (config overridden by ``cli``) and the checked rule set."""
    try:
        config, config_path = find_config(config_file, search=not no_config)
    except ConfigError as exc:
        raise usage_error(f"config: {exc}") from None
    settings = checker_settings(config, **cli)
    if not cli.get("rules") and config.rules:  # the config's rule packs: name the file that lists them
        for problem in empty_rule_paths(settings.rules):
            raise usage_error(f"config {config_path}: rules entry {problem.path}: {problem.reason}; nothing was checked")
    ruleset = load_ruleset_or_exit(tuple(settings.rules))
    load_patterns_or_exit(tuple(settings.patterns))
    known = {r.id for r in ruleset.rules} | {BAD_DIRECTIVE_RULE} | BATCH_RULE_IDS
    for rule_id in [*settings.severity_overrides, *settings.disabled_rules]:
        if not rule_id.endswith(("*", ".")) and rule_id not in known:
            raise usage_error(f"config: unknown rule id {rule_id!r} (see `factcheck rules list`)")
    settings = settings.model_copy(update={"known_rules": sorted(known)})
    return config, settings, ruleset


def require_documents(paths: tuple[str, ...], include: list[str], exclude: list[str]) -> None:
    """Exit 2 when a folder named on the command line holds no document the globs let through:
    a typo in a glob, or the wrong folder, must not pass as "0 findings"."""
    inc = tuple(include) or DEFAULT_INCLUDE
    for arg in paths:
        if arg != STDIN and Path(arg).is_dir() and next(walk(Path(arg), inc, exclude), None) is None:
            globs = f"include: {', '.join(inc)}" + (f"; exclude: {', '.join(exclude)}" if exclude else "")
            raise usage_error(f"no documents found under {arg} ({globs})")


def claimreview_options(fmt: str, config: Config) -> dict[str, Any]:
    """The ClaimReview format's author and publisher, from the config's ``claimreview:`` section."""
    if fmt != "claimreview":
        return {}
    return config.claimreview.model_dump(exclude_none=True)


def worker_count(jobs: int | None, paths: tuple[str, ...], stdin_jsonl: bool = False) -> int:
    """``--jobs``, else the cores; never more workers than documents when that is known up front."""
    n = cpu_count() if jobs is None else jobs
    if n and all(_one_document(p, stdin_jsonl) for p in paths):
        n = min(n, len(paths))
    return n


def _one_document(path: str, stdin_jsonl: bool) -> bool:
    if path == STDIN:
        return not stdin_jsonl
    p = Path(path)
    return p.is_file() and p.suffix.lower() not in JSONL
