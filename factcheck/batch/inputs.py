"""Inputs: files, directories (recursive, include/exclude globs), JSON Lines files and stdin.

Yields one :class:`Task` per document, in a deterministic order (arguments in the order given,
directory entries sorted), or a :class:`Ready` error report for an input that cannot even be read.
Files are read here (small; the size limit is checked first) so that a task carries its content
and a worker needs no access to this machine's files.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import BinaryIO

from factcheck.batch.tasks import Ready, Task, error_report
from factcheck.load.documents import HTML, JSONL, MARKDOWN

DEFAULT_INCLUDE: tuple[str, ...] = tuple(
    f"*{ext}" for ext in sorted(MARKDOWN | HTML | JSONL | {".txt", ".text"})
)
STDIN = "-"


@lru_cache(maxsize=256)
def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A gitignore-like glob: ``**`` crosses directories, ``*`` does not; no ``/`` matches the base name."""
    pat = pattern.strip().replace(os.sep, "/")
    anchored = "/" in pat.rstrip("/")
    if pat.endswith("/"):
        pat += "**"
    out, i = [], 0
    while i < len(pat):
        c = pat[i]
        if pat.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pat.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        out.append("[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c))
        i += 1
    body = "".join(out)
    return re.compile(("" if anchored else r"(?:.*/)?") + body.lstrip("/") + r"\Z")


def matches(rel_path: str, patterns: Iterable[str]) -> bool:
    rel = rel_path.replace(os.sep, "/")
    return any(_glob_regex(p).match(rel) for p in patterns)


def walk(root: Path, include: Iterable[str], exclude: Iterable[str]) -> Iterator[Path]:
    """Files under ``root`` in path order (names sorted, folders in place), hidden folders skipped,
    filtered by the globs (matched against the path relative to ``root``)."""
    inc, exc = tuple(include) or DEFAULT_INCLUDE, tuple(exclude)

    def visit(directory: Path, rel_dir: str) -> Iterator[Path]:
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            rel = rel_dir + entry.name
            if entry.is_dir(follow_symlinks=False):
                if not entry.name.startswith(".") and not matches(rel + "/", exc):
                    yield from visit(Path(entry.path), rel + "/")
            elif entry.is_file() and matches(rel, inc) and not matches(rel, exc):
                yield Path(entry.path)

    yield from visit(root, "")


def iter_tasks(
    paths: Iterable[str],
    *,
    include: Iterable[str] = (),
    exclude: Iterable[str] = (),
    max_bytes: int,
    stdin: BinaryIO | None = None,
    stdin_jsonl: bool = False,
    select: Callable[[str], bool] | None = None,
) -> Iterator[Task | Ready]:
    """Every document of every input, in input order; with ``select``, only the documents whose id it
    accepts (decided before a file is read: ``--shard``)."""
    include, exclude = tuple(include), tuple(exclude)
    pick = select or _all
    for arg in paths:
        if arg == STDIN:
            if stdin_jsonl or pick("<stdin>"):
                yield from _stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes, stdin_jsonl, pick)
            continue
        p = Path(arg)
        if p.is_dir():
            for f in walk(p, include, exclude):
                yield from _file(f, max_bytes, pick)
        elif p.exists():
            yield from _file(p, max_bytes, pick)
        elif pick(arg):
            yield Ready(error_report(arg, "load", f"{arg}: no such file or directory"))


def _all(_: str) -> bool:
    return True


def _file(path: Path, max_bytes: int, pick: Callable[[str], bool] = _all) -> Iterator[Task | Ready]:
    name = path.as_posix()
    if path.suffix.lower() not in JSONL and not pick(name):
        return
    try:
        size = path.stat().st_size
        if path.suffix.lower() in JSONL:
            yield from _jsonl(path, name, max_bytes, pick)
            return
        if size > max_bytes:
            yield Ready(error_report(name, "load", f"{name}: document is {size} bytes, over the limit of "
                                     f"{max_bytes} (--max-bytes)"))
            return
        yield Task(doc_id=name, kind="file", data=path.read_bytes(), path=name)
    except OSError as exc:
        yield Ready(error_report(name, "load", f"{name}: {exc.strerror or exc}"))


def _jsonl(path: Path, name: str, max_bytes: int, pick: Callable[[str], bool] = _all) -> Iterator[Task | Ready]:
    with path.open("rb") as fh:
        yield from _records(fh, name, max_bytes, pick)


def _record_error(doc_id: str, name: str, lineno: int, message: str) -> Ready:
    report = error_report(doc_id, "load", message)
    report.source, report.record_line = name, lineno  # located like a checked record's report
    return Ready(report)


def _records(fh: BinaryIO, name: str, max_bytes: int, pick: Callable[[str], bool] = _all) -> Iterator[Task | Ready]:
    """One task per non-blank line, read line by line (a JSON Lines file may be huge)."""
    for lineno, raw in enumerate(fh, start=1):
        if not raw.strip():
            continue
        doc_id = f"{name}:{lineno}"
        if not pick(doc_id):
            continue
        if len(raw) > max_bytes:
            yield _record_error(doc_id, name, lineno, f"{doc_id}:1: record is {len(raw)} bytes, over the "
                                f"limit of {max_bytes} (--max-bytes)")
            continue
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield _record_error(doc_id, name, lineno, f"{doc_id}:{exc.start + 1}: not valid UTF-8: byte "
                                f"0x{raw[exc.start]:02x}")
            continue
        yield Task(doc_id=doc_id, kind="record", data=line.rstrip("\r\n"), path=name, lineno=lineno)


def _stdin(stream: BinaryIO, max_bytes: int, jsonl: bool, pick: Callable[[str], bool] = _all) -> Iterator[Task | Ready]:
    if jsonl:
        yield from _records(stream, "<stdin>", max_bytes, pick)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield Ready(error_report("<stdin>", "load", f"<stdin>: over the limit of {max_bytes} bytes (--max-bytes)"))
        return
    yield Task(doc_id="<stdin>", kind="text", data=data)
