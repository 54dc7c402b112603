"""``--shard I/N`` (stable by document id) and ``factcheck merge`` of shard outputs (JSON, SARIF, JUnit)."""

from __future__ import annotations

import io
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from factcheck.batch import BatchSettings, CheckerSettings, run_batch
from factcheck.batch.crossref.rules import BatchRule
from factcheck.batch.output import Sink
from factcheck.batch.shard import ShardError, parse_shard, shard_of
from factcheck.cli.main import cli
from tests.batch.corpus import build_corpus
from tests.batch.stub_checker import FACTORY

STUB = CheckerSettings(factory=FACTORY, references=False)
RULES = [BatchRule(f"stub.rule-{i}", f"Stub rule stub.rule-{i}", "warning", "A stand-in.") for i in range(3)]
SCHEMA = json.loads((Path(__file__).parents[1] / "formats" / "data" / "sarif-schema-2.1.0.json").read_text())


def ids(paths: list[str], shard: tuple[int, int] | None) -> list[str]:
    return [r.path for r in run_batch(paths, STUB, BatchSettings(jobs=0, shard=shard))]


def test_parse_shard() -> None:
    assert parse_shard("2/3") == (2, 3)
    for bad in ("0/3", "4/3", "3", "a/b", "1/0"):
        with pytest.raises(ShardError):
            parse_shard(bad)


def test_shards_partition_the_run_and_stay_put_when_files_are_added(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, 90, huge=False)
    everything = ids(corpus.paths, None)
    parts = [ids(corpus.paths, (i, 3)) for i in (1, 2, 3)]
    assert sorted(d for p in parts for d in p) == sorted(everything)  # each document in exactly one shard
    assert all(len(p) > 10 for p in parts)
    for i in range(40):
        (tmp_path / "articles" / f"new-{i}.md").write_text(f"New {i}. [warning:stub.new] claim {i}\n")
    after = [ids(corpus.paths, (i, 3)) for i in (1, 2, 3)]
    for before, now in zip(parts, after, strict=True):
        assert set(before) <= set(now)  # nobody moved; the new files went somewhere
    assert sum(map(len, after)) == len(everything) + 40
    assert shard_of("articles/a.md", 3) == shard_of("articles/a.md", 3)


def test_the_command_checks_only_its_shard(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, 30, huge=False)
    r = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "0", "--format", "json",
                                 "--fail-on", "never", "--shard", "2/3", *corpus.paths])
    assert r.exit_code in (0, 3), r.output
    assert [d["path"] for d in json.loads(r.stdout)["documents"]] == ids(corpus.paths, (2, 3))
    bad = CliRunner().invoke(cli, ["check", "--no-config", "--shard", "4/3", str(tmp_path)])
    assert bad.exit_code == 2 and "I must be between 1 and N" in bad.output


def render(paths: list[str], fmt: str, shard: tuple[int, int] | None) -> str:
    buf = io.StringIO()
    sink = Sink(fmt, buf, rules=RULES)  # as the command does: the rule set's list, the same in every shard
    for report in run_batch(paths, STUB, BatchSettings(jobs=0, shard=shard)):
        sink.write(report)
    sink.close()
    return buf.getvalue()


def junit_cases(text: str) -> tuple[dict[str, str], list[tuple[dict[str, str], list[tuple[str, dict[str, str], str]]]]]:
    root = ET.fromstring(text)
    suite = root.find("testsuite")
    assert suite is not None
    return dict(suite.attrib), [(dict(c.attrib), [(e.tag, dict(e.attrib), (e.text or "").strip()) for e in c])
                                for c in suite.iter("testcase")]


@pytest.mark.parametrize("fmt", ["json", "sarif", "junit"])
def test_merge_of_three_shards_equals_a_single_run(tmp_path: Path, fmt: str) -> None:
    corpus = build_corpus(tmp_path / "in", 120, huge=False)
    single = render(corpus.paths, fmt, None)
    shards = []
    for i in (1, 2, 3):
        path = tmp_path / f"shard{i}.{fmt}"
        path.write_text(render(corpus.paths, fmt, (i, 3)))
        shards.append(str(path))
    out = tmp_path / f"merged.{fmt}"
    r = CliRunner().invoke(cli, ["merge", *shards, "-o", str(out)])
    assert r.exit_code == 0, r.output
    assert r.stderr.startswith(f"merged 3 {fmt} report(s): ")
    merged = out.read_text()
    if fmt == "junit":
        assert junit_cases(merged) == junit_cases(single)
        assert junit_cases(merged)[0]["tests"] == "120"
        return
    assert json.loads(merged) == json.loads(single)
    if fmt == "json":
        assert json.loads(merged)["summary"]["documents"] == 120
    else:
        jsonschema.Draft4Validator(SCHEMA).validate(json.loads(merged))
        assert len(json.loads(merged)["runs"][0]["results"]) > 50


def test_merge_refuses_what_it_cannot_merge(tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path / "in", 20, huge=False)
    (tmp_path / "a.json").write_text(render(corpus.paths, "json", None))
    (tmp_path / "b.sarif").write_text(render(corpus.paths, "sarif", None))
    (tmp_path / "c.txt").write_text("not a report\n")
    mixed = CliRunner().invoke(cli, ["merge", str(tmp_path / "a.json"), str(tmp_path / "b.sarif")])
    assert mixed.exit_code == 2 and "different formats" in mixed.output
    junk = CliRunner().invoke(cli, ["merge", str(tmp_path / "c.txt")])
    assert junk.exit_code == 2 and "c.txt: not a JSON, SARIF or JUnit report" in junk.output
    shutil.rmtree(tmp_path / "in")
