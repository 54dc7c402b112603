"""``factcheck serve``: the HTTP service (see ``docs/cms.md`` and :mod:`factcheck.serve`)."""

from __future__ import annotations

import click

from factcheck.batch.settings import CheckerSettings
from factcheck.cli.options import EXIT_USAGE, load_ruleset_or_exit, reference_options
from factcheck.serve.settings import DEFAULT_MAX_BODY, DEFAULT_MAX_CONNECTIONS, ServeSettings


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8080, show_default=True, type=click.IntRange(0, 65535))
@click.option("--workers", default=2, show_default=True, type=click.IntRange(1, 64), help="Engine worker processes.")
@click.option("--rules", "rules", multiple=True, type=click.Path(exists=True), help="Rule file or folder (repeatable).")
@reference_options
@click.option("--disable", "disabled", multiple=True, help="Rule id (or family.*) to disable (repeatable).")
@click.option("--max-body-bytes", default=DEFAULT_MAX_BODY, show_default=True, type=click.IntRange(1))
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds a request may take in the engine.")
@click.option("--read-timeout", default=15.0, show_default=True, type=click.FloatRange(min=0, min_open=True),
              help="Seconds a client has to send a request's headers, and as many for its body (else 408).")
@click.option("--max-connections", default=DEFAULT_MAX_CONNECTIONS, show_default=True, type=click.IntRange(1),
              help="Open connections beyond this get 503 at once.")
@click.option("--log-level", default="info", show_default=True,
              type=click.Choice(["critical", "error", "warning", "info", "debug"]))
@click.option("--access-log", is_flag=True, help="Log every request.")
def serve_command(
    host: str,
    port: int,
    workers: int,
    rules: tuple[str, ...],
    engine: str,
    sources: dict[str, str],
    offline: bool,
    no_references: bool,
    cache_dir: str | None,
    disabled: tuple[str, ...],
    max_body_bytes: int,
    timeout: float,
    read_timeout: float,
    max_connections: int,
    log_level: str,
    access_log: bool,
) -> None:
    """Serve the checker over HTTP: POST /v1/check, GET /v1/rules, GET /healthz; OpenAPI at /openapi.json.

    Set FACTCHECK_API_TOKEN to require `Authorization: Bearer <token>` on /v1/*. Reference sources are
    configured here only; a request can never name a URL.
    """
    load_ruleset_or_exit(rules)  # rule-file problems: file:line:col and exit 2, before anything starts
    from factcheck.serve.run import serve

    checker = CheckerSettings(
        rules=list(rules),
        engine=engine,
        sources=sources,
        offline=offline,
        cache_dir=cache_dir,
        references=not no_references,
        disabled_rules=list(disabled),
    )
    try:
        settings = ServeSettings.with_env_token(
            checker=checker, workers=workers, max_body_bytes=max_body_bytes, timeout=timeout,
            read_timeout=read_timeout, max_connections=max_connections,
        )
    except ValueError as exc:
        click.echo(f"error: {exc}", err=True)
        raise SystemExit(EXIT_USAGE) from None
    serve(settings, host=host, port=port, log_level=log_level, access_log=access_log)
