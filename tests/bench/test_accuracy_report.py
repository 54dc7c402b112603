"""bench/accuracy.py on a two-split toy corpus: frozen misses are counted, never listed unless asked for
(with a warning); --write-known records dev misses only; malformed entries are reported, not fatal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import bench_module

ROOT = Path(__file__).resolve().parents[2]

# A rule label on a text with nothing to flag: a miss whatever the extractors do.
DEV = """\
- id: dev-ok
  published: 2025-10-29
  category: consistent
  topic: toy
  text: The minister visited the base and spoke to troops, the ministry said.
  must: []
- id: dev-miss
  published: 2025-10-29
  category: tricky
  topic: toy
  text: The minister visited the base and spoke to troops, the ministry said again.
  must: [timeline.shift-mismatch]
"""
FROZEN = """\
- id: frozen-secret-miss
  published: 2025-10-29
  category: tricky
  topic: toy
  text: The minister visited the port and spoke to sailors, the ministry said.
  must: [timeline.shift-mismatch]
"""




accuracy = bench_module("accuracy.py")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    for split, body in (("dev", DEV), ("frozen", FROZEN)):
        (tmp_path / split).mkdir()
        (tmp_path / split / "toy.yaml").write_text(body, encoding="utf-8")
    return tmp_path


def run(corpus: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[str, str]:
    assert accuracy.main(["--corpus", str(corpus), "--perturb", "0", *args]) == 0
    captured = capsys.readouterr()
    return captured.out, captured.err


def test_frozen_misses_are_counted_not_listed(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(corpus, capsys, "--misses")
    assert "dev-miss: missed finding: timeline.shift-mismatch" in out
    assert "frozen-secret-miss" not in out
    assert out.count("passages missing their labels: 1") == 2


def test_misses_frozen_lists_them_with_a_warning(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, err = run(corpus, capsys, "--misses-frozen")
    assert "frozen-secret-miss" in out and "warning" in err and "frozen" in err


def test_json_withholds_frozen_details(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, _ = run(corpus, capsys, "--json")
    figures = json.loads(out)
    assert figures["splits"]["frozen"]["misses"] == {"count": 1}
    assert figures["splits"]["frozen"]["rules"]["timeline.shift-mismatch"]["fn"] == 1
    assert "frozen-secret" not in out
    assert figures["splits"]["dev"]["topics"] == {"toy": {"base": 2, "consistent": 1, "tricky": 1}}


def test_write_known_records_dev_misses(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(corpus, capsys, "--write-known")
    known = accuracy.load_known(corpus / "known-misses.yaml")
    assert known == {"dev-miss": ["missed finding: timeline.shift-mismatch"]}


def test_malformed_variant_is_reported_and_left_out(corpus: Path) -> None:
    bad = DEV + "  variants:\n    - {replace: [\"not in the text\", \"x\"], must: [dates.sequence]}\n"
    (corpus / "dev" / "toy.yaml").write_text(bad, encoding="utf-8")
    passages, problems = accuracy.load_corpus_checked("all", corpus)
    assert [p.id for p in passages] == ["dev-ok", "dev-miss", "frozen-secret-miss"]
    assert len(problems) == 1 and "dev-miss variant 1" in problems[0]
    with pytest.raises(accuracy.CorpusError):
        accuracy.load_corpus("dev", corpus)


def test_variant_written_across_a_folded_line_break(corpus: Path) -> None:
    folded = DEV.replace("text: The minister visited the base and spoke to troops, the ministry said again.",
                         "text: >-\n    The minister visited the base and spoke\n    to troops, the ministry said again.")
    folded += '  variants:\n    - {replace: ["spoke\\n    to troops", "spoke\\n    to sailors"], must: []}\n'
    (corpus / "dev" / "toy.yaml").write_text(folded, encoding="utf-8")
    passages = accuracy.load_corpus("dev", corpus)
    assert passages[-1].text == "The minister visited the base and spoke to sailors, the ministry said again."


def test_ids_unique_across_splits(corpus: Path) -> None:
    (corpus / "frozen" / "toy.yaml").write_text(FROZEN.replace("frozen-secret-miss", "dev-ok"), encoding="utf-8")
    passages, problems = accuracy.load_corpus_checked("dev", corpus)
    assert [p.id for p in passages] == ["dev-miss"] and "dev-ok" in problems[0]
