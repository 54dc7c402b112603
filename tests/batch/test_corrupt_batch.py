"""A batch with 1% corrupt inputs: every good document has its result, every bad one an error entry
naming it, output order is input order, and the exit code says some documents were not checked."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck.batch import BatchSettings, CheckerSettings, run_batch
from factcheck.cli.main import cli
from factcheck.cli.options import EXIT_OK, EXIT_UNCHECKED
from tests.batch.corpus import BAD_KINDS, Corpus, article, build_corpus
from tests.batch.stub_checker import FACTORY

STUB = CheckerSettings(factory=FACTORY, references=False)


def assert_batch(corpus: Corpus, reports: list) -> None:  # type: ignore[type-arg]
    assert [r.path for r in reports] == [doc_id for doc_id, _ in corpus.expected]
    for r, (doc_id, good) in zip(reports, corpus.expected, strict=True):
        if good:
            assert not r.errors, (doc_id, r.errors)
        else:
            assert r.errors and r.errors[0].stage == "load", doc_id
            assert doc_id.rsplit(":", 1)[0] in r.errors[0].message
    messages = " ".join(r.errors[0].message for r in reports if r.errors)
    for needle in ("binary data", "not valid UTF-8", "empty document", "over the limit", "not a JSON object"):
        assert needle in messages


def test_corrupt_batch_fast(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, 200)
    assert len(corpus.bad) >= len(BAD_KINDS)
    reports = list(run_batch(corpus.paths, STUB, BatchSettings(jobs=2)))
    assert len(reports) == 200
    assert_batch(corpus, reports)
    good = [r for r in reports if not r.errors]
    assert any(r.findings for r in good)
    assert all(f.rule.startswith("stub.rule-") for r in good for f in r.findings)


@pytest.mark.slow
def test_corrupt_batch_2000_documents(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, 2000)
    assert len(corpus.bad) == 20
    reports = list(run_batch(corpus.paths, STUB, BatchSettings(jobs=2)))
    assert len(reports) == 2000
    assert_batch(corpus, reports)


@pytest.mark.parametrize("n", [100, pytest.param(2000, marks=pytest.mark.slow)])
def test_cli_exit_code_and_jsonl_order(tmp_path: Path, n: int) -> None:
    """Through the command with the real checker: exit 3 when some documents could not be checked."""
    corpus = build_corpus(tmp_path, n)
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "--jobs", "2", "--fail-on", "never",
                                      "--format", "jsonl", "-o", str(out), *corpus.paths])
    assert result.exit_code == EXIT_UNCHECKED, result.output
    docs = [json.loads(line) for line in out.read_text().splitlines()]
    assert [d["path"] for d in docs] == [doc_id for doc_id, _ in corpus.expected]
    assert [bool(d["errors"]) for d in docs] == [not good for _, good in corpus.expected]
    summary = result.stderr.strip().splitlines()[-1]
    assert summary.startswith(f"factcheck: {n} documents ({len(corpus.bad)} could not be checked)")


def test_cli_exit_0_when_all_checked(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, 30, bad_share=0)
    good_dir = corpus.paths[0]
    for p in Path(good_dir).rglob("*.md"):
        if p.stat().st_size == 0 or p.stat().st_size > 1_000_000 or b"\x00" in p.read_bytes():
            p.unlink()
        else:
            try:
                p.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                p.unlink()
    # Every file of this small corpus is one of the corrupt kinds: add clean ones, or the folder would
    # hold no document at all (which is now a configuration error, exit 2).
    for i in range(5):
        (Path(good_dir) / f"clean{i}.md").write_text(article(i, random.Random(i)), encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "2", "--fail-on", "never",
                                      "--format", "jsonl", good_dir])
    assert result.exit_code == EXIT_OK, result.output
    assert result.stderr.strip().splitlines()[-1].startswith("factcheck: 5 documents,")
