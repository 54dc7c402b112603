"""Worker-side loading: every fault of a task is a LoadError naming the document (found by fuzzing).

Tasks go through the same loaders as files (``factcheck.load``), so JSON Lines lines nested 100,000
deep, 5,000-digit numbers and invalid UTF-8 on stdin are per-document errors, never crashes.
"""

from __future__ import annotations

import pytest

from factcheck.batch.settings import CheckerSettings
from factcheck.batch.tasks import Task
from factcheck.batch.worker import load_task
from factcheck.load import LoadError


@pytest.mark.parametrize("line", ["[" * 100_000, '{"text": 1' + "0" * 5_000 + "}"], ids=["deep", "huge-int"])
def test_batch_json_lines_record_errors_are_load_errors(line: str) -> None:
    task = Task(doc_id="d.jsonl:1", kind="record", data=line, path="d.jsonl", lineno=1)
    with pytest.raises(LoadError) as err:
        load_task(task, CheckerSettings())
    assert str(err.value).startswith("d.jsonl:1:")


def test_batch_stdin_invalid_utf8_is_a_load_error() -> None:
    task = Task(doc_id="<stdin>", kind="text", data=b"caf\xe9 on the 29th")
    with pytest.raises(LoadError) as err:
        load_task(task, CheckerSettings())
    assert (err.value.line, err.value.column) == (1, 4)


def test_batch_stdin_text_keeps_front_matter() -> None:
    task = Task(doc_id="<stdin>", kind="text", data=b"---\npublished: 2025-10-29\n---\nBody on the 29th.")
    doc = load_task(task, CheckerSettings())
    assert str(doc.published) == "2025-10-29" and doc.text == "Body on the 29th."
