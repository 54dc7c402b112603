"""``factcheck check``: check files, folders or stdin and report findings."""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Iterator
from pathlib import Path

import click

from factcheck.checker import Checker
from factcheck.cli.options import (
    EXIT_FINDINGS,
    EXIT_OK,
    EXIT_UNCHECKED,
    load_ruleset_or_exit,
    parse_date,
    parse_sources,
)
from factcheck.load import LoadError, iter_jsonl, load_bytes
from factcheck.load.documents import HTML, JSONL, MARKDOWN, TEXT
from factcheck.model.document import Document
from factcheck.model.findings import DocumentError, DocumentReport, Report, at_least
from factcheck.report.formats import FORMATS, render

UNCHECKED_STAGES = frozenset({"load", "extract", "evaluate"})


@click.command("check")
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=parse_date, help="Publication date (YYYY-MM-DD); overrides front matter.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default="text", show_default=True)
@click.option("--rules", "rules", multiple=True, type=click.Path(exists=True), help="Rule file or folder (repeatable).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info", "never"]), default="error", show_default=True)
@click.option("--engine", type=click.Choice(["durable", "python"]), default="durable", show_default=True)
@click.option("--source", "sources", multiple=True, callback=parse_sources, help="NAME=URL: another endpoint.")
@click.option("--offline", is_flag=True, help="Answer reference lookups from the cache only.")
@click.option("--no-references", is_flag=True, help="Do not consult reference sources at all.")
@click.option("--cache-dir", type=click.Path(file_okay=False), help="Reference cache directory.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report here.")
@click.option("--show-facts", is_flag=True, help="Text format: list the extracted facts too.")
def check_command(
    paths: tuple[str, ...],
    published: dt.date | None,
    fmt: str,
    rules: tuple[str, ...],
    fail_on: str,
    engine: str,
    sources: dict[str, str],
    offline: bool,
    no_references: bool,
    cache_dir: str | None,
    output: str | None,
    show_facts: bool,
) -> None:
    """Check news drafts (Markdown, text, HTML, JSON Lines; '-' for stdin).

    Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or
    configuration error; 3 some documents could not be checked (and nothing at or above --fail-on).
    """
    ruleset = load_ruleset_or_exit(rules)
    checker = Checker(
        ruleset, engine=engine, references=not no_references, sources=sources, offline=offline, cache_dir=cache_dir
    )
    with checker:
        reports = [_check_one(checker, item) for item in iter_documents(paths, published)]
    report = Report.of(reports)
    color = output is None and sys.stdout.isatty()
    text = render(report, fmt, color=color, show_facts=show_facts)
    if output:
        Path(output).write_text(text, encoding="utf-8")
    else:
        click.echo(text, nl=False)
    raise SystemExit(exit_code(report, fail_on))


def exit_code(report: Report, fail_on: str) -> int:
    worst = report.worst()
    if worst is not None and fail_on != "never" and at_least(worst, fail_on):
        return EXIT_FINDINGS
    if any(e.stage in UNCHECKED_STAGES for d in report.documents for e in d.errors):
        return EXIT_UNCHECKED
    return EXIT_OK


def _check_one(checker: Checker, item: Document | LoadError) -> DocumentReport:
    if isinstance(item, LoadError):
        return DocumentReport(path=item.path, errors=[DocumentError(stage="load", message=str(item))])
    return checker.check_document(item)


def iter_documents(paths: tuple[str, ...], published: dt.date | None) -> Iterator[Document | LoadError]:
    """Documents of every path in order: files, folders (recursively), JSON Lines, '-' for stdin."""
    for raw in paths:
        if raw == "-":
            data = sys.stdin.buffer.read()
            yield from _from_bytes(data, "<stdin>", published)
            continue
        p = Path(raw)
        if p.is_dir():
            for f in sorted(x for x in p.rglob("*") if x.is_file() and x.suffix.lower() in _SUFFIXES):
                yield from _from_file(f, published)
        else:
            yield from _from_file(p, published)


_SUFFIXES = MARKDOWN | HTML | JSONL | (TEXT - {""})


def _from_file(p: Path, published: dt.date | None) -> Iterator[Document | LoadError]:
    try:
        data = p.read_bytes()
    except OSError as exc:
        yield LoadError(str(p), exc.strerror or str(exc))
        return
    yield from _from_bytes(data, str(p), published)


def _from_bytes(data: bytes, name: str, published: dt.date | None) -> Iterator[Document | LoadError]:
    try:
        if name.lower().endswith(tuple(JSONL)):
            from factcheck.load.decode import decode

            yield from iter_jsonl(decode(data, name), path=name, published=published)
        else:
            yield load_bytes(data, path=name, published=published)
    except LoadError as exc:
        yield exc
