"""Config file + command line -> the settings a run uses (the command line wins)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from pathlib import Path

from factcheck.batch.settings import CheckerSettings
from factcheck.config.discover import discover
from factcheck.config.errors import ConfigError
from factcheck.config.load import load_config
from factcheck.config.model import Config


def find_config(explicit: str | None, *, search: bool = True, start: str | Path | None = None) -> tuple[Config, Path | None]:
    """The config named by ``--config``, else the discovered one, else defaults. Raises ConfigError."""
    if explicit:
        if not Path(explicit).exists() and not Path(explicit).is_symlink():
            raise ConfigError(explicit, "no such config file")  # anything else: load_config says what is wrong
        return load_config(explicit), Path(explicit)
    path = discover(start) if search else None
    return (load_config(path), path) if path else (Config(), None)


def rule_paths(names: Iterable[str]) -> list[str]:
    """Rule packs as paths: an existing path stays; a bare name is a shipped pack (``rules/<name>``)."""
    out = []
    for name in names:
        if Path(name).exists():
            out.append(name)
            continue
        from factcheck.resources import shipped_rules

        pack = shipped_rules() / name
        out.append(str(pack) if pack.exists() else name)
    return out


def checker_settings(
    config: Config,
    *,
    rules: Iterable[str] = (),
    patterns: Iterable[str] = (),
    sources: Mapping[str, str] | None = None,
    engine: str = "durable",
    offline: bool = False,
    references: bool = True,
    cache_dir: str | None = None,
    published: dt.date | None = None,
    date_field: str | None = None,
    include_text: bool = False,
) -> CheckerSettings:
    return CheckerSettings(
        rules=rule_paths(list(rules) or config.rules),
        patterns=[str(p) for p in patterns],
        engine=engine,
        sources=dict(sources or {}),
        source_config=config.source_patches(),
        offline=offline,
        cache_dir=cache_dir or config.cache_dir,
        references=references and "wikidata" not in config.disabled_sources(),
        disabled_rules=list(config.disable),
        severity_overrides=dict(config.severity),
        published=published,
        date_field=date_field or config.jsonl.date_field,
        include_text=include_text,
    )
