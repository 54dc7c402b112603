"""Bugs found by the hardening tools in code owned by other engineers (routed, not fixed here).

Each test states the expected behaviour and is a strict xfail until the owner fixes it.
"""

from __future__ import annotations

import pytest

from factcheck.batch.settings import CheckerSettings
from factcheck.batch.tasks import Task
from factcheck.batch.worker import load_task
from factcheck.load import LoadError


@pytest.mark.xfail(
    reason="batch/worker.load_task catches only JSONDecodeError: a deeply nested JSON Lines record raises "
    "RecursionError (and a 5,000-digit number ValueError) instead of a per-document LoadError; "
    "factcheck.load.iter_jsonl now handles both",
    strict=True,
)
@pytest.mark.parametrize("line", ["[" * 100_000, '{"text": 1' + "0" * 5_000 + "}"], ids=["deep", "huge-int"])
def test_batch_json_lines_record_errors_are_load_errors(line: str) -> None:
    task = Task(doc_id="d.jsonl:1", kind="record", data=line, path="d.jsonl", lineno=1)
    with pytest.raises(LoadError):
        load_task(task, CheckerSettings())


@pytest.mark.xfail(
    reason="batch/worker.load_task decodes `text` tasks (stdin) with data.decode('utf-8'): invalid UTF-8 raises "
    "UnicodeDecodeError instead of a LoadError with the byte's position (load.decode does that for files)",
    strict=True,
)
def test_batch_stdin_invalid_utf8_is_a_load_error() -> None:
    task = Task(doc_id="<stdin>", kind="text", data=b"caf\xe9 on the 29th")
    with pytest.raises(LoadError):
        load_task(task, CheckerSettings())
