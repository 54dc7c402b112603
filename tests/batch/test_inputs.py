"""Inputs: folders with include/exclude globs, JSON Lines records, stdin, missing paths."""

from __future__ import annotations

import io
from pathlib import Path

from factcheck.batch.inputs import iter_tasks, matches
from factcheck.batch.settings import CheckerSettings
from factcheck.batch.tasks import Ready, Task
from factcheck.batch.worker import load_task
from factcheck.load import LoadError


def tree(root: Path) -> None:
    for rel in ["a.md", "b.txt", "c.html", "skip.py", "drafts/d.md", "drafts/old/e.md", ".git/x.md", "f.jsonl"]:
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text('{"id": "r1", "text": "One."}\n\n{"id": "r2", "body": "Two."}\n' if rel.endswith("jsonl") else "x")


def ids(items: list[Task | Ready]) -> list[str]:
    return [i.doc_id if isinstance(i, Task) else i.get().path for i in items]


def test_walk_sorted_default_include_skips_hidden(tmp_path: Path) -> None:
    tree(tmp_path)
    got = ids(list(iter_tasks([str(tmp_path)], max_bytes=1000)))
    rel = [g.replace(tmp_path.as_posix() + "/", "") for g in got]
    assert rel == ["a.md", "b.txt", "c.html", "drafts/d.md", "drafts/old/e.md", "f.jsonl:1", "f.jsonl:3"]


def test_include_exclude_globs(tmp_path: Path) -> None:
    tree(tmp_path)
    got = ids(list(iter_tasks([str(tmp_path)], include=["*.md"], exclude=["drafts/old/"], max_bytes=1000)))
    assert [g.rsplit("/", 1)[-1] for g in got] == ["a.md", "d.md"]
    got = ids(list(iter_tasks([str(tmp_path)], include=["drafts/**"], max_bytes=1000)))
    assert [g.rsplit("/", 1)[-1] for g in got] == ["d.md", "e.md"]


def test_glob_semantics() -> None:
    assert matches("x/y/z.md", ["*.md"]) and matches("z.md", ["**/*.md"]) and matches("x/z.md", ["x/*.md"])
    assert not matches("x/y/z.md", ["x/*.md"]) and matches("x/y/z.md", ["x/**/*.md"])


def test_explicit_files_stdin_and_missing(tmp_path: Path) -> None:
    (tmp_path / "one.py").write_text("explicit files are taken whatever their extension")
    items = list(iter_tasks([str(tmp_path / "one.py"), "-", str(tmp_path / "nope.md")], max_bytes=1000,
                            stdin=io.BytesIO(b"From stdin.")))
    assert isinstance(items[0], Task) and items[0].kind == "file"
    assert isinstance(items[1], Task) and items[1].doc_id == "<stdin>" and items[1].kind == "text"
    assert isinstance(items[2], Ready) and "no such file" in items[2].get().errors[0].message


def test_jsonl_records_load_with_their_line_numbers(tmp_path: Path) -> None:
    f = tmp_path / "feed.jsonl"
    f.write_text('{"id": "a", "text": "One.", "when": "2025-10-29"}\n\nnot json\n{"id": "b"}\n')
    items = list(iter_tasks([str(f)], max_bytes=1000))
    assert [i.lineno for i in items if isinstance(i, Task)] == [1, 3, 4]
    settings = CheckerSettings(date_field="when")
    doc = load_task(items[0], settings)  # type: ignore[arg-type]
    assert doc.id == "a" and str(doc.published) == "2025-10-29"
    for task, needle in ((items[1], ":3:1: not a JSON object"), (items[2], ":4:1: record 'b' has no text")):
        try:
            load_task(task, settings)  # type: ignore[arg-type]
        except LoadError as exc:
            assert needle in str(exc)
        else:
            raise AssertionError("expected a LoadError")


def test_oversize_file_refused_without_reading(tmp_path: Path) -> None:
    (tmp_path / "big.md").write_text("x" * 2000)
    (item,) = iter_tasks([str(tmp_path / "big.md")], max_bytes=1000)
    assert isinstance(item, Ready) and "over the limit of 1000" in item.get().errors[0].message


def test_stdin_as_json_lines() -> None:
    items = list(iter_tasks(["-"], max_bytes=1000, stdin=io.BytesIO(b'{"id": "a", "text": "One."}\n\nnope\n'),
                            stdin_jsonl=True))
    assert [(i.doc_id, i.lineno) for i in items if isinstance(i, Task)] == [("<stdin>:1", 1), ("<stdin>:3", 3)]
    assert load_task(items[0], CheckerSettings()).id == "a"  # type: ignore[arg-type]
