"""The library API for plugins: one Checker shared by threads, acheck, published/doc id, no global state."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import locale
import logging
import os
import random
import signal
import sys
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

import factcheck
from factcheck import Checker, Report
from factcheck.cli.main import cli
from factcheck.enrich.testing import FakeWikidata, FakeWorldBank, fixtures_dir, worldbank_fixtures
from tests.conftest import SEED

THREADS, CHECKS = 8, 200


def canonical(report: Report) -> str:
    """The report's JSON without ``retrieved_at``: the enricher stamps it with the time of the check."""
    data = json.loads(report.model_dump_json())
    for doc in data["documents"]:
        for fact in doc["facts"]:
            fact.pop("retrieved_at", None)
    return json.dumps(data, sort_keys=True)


def corpus() -> list[tuple[str, str | None]]:
    """Texts that make every shipped rule fire or stay silent: the seeds and every rule example."""
    seed = SEED.read_text(encoding="utf-8")
    texts: list[tuple[str, str | None]] = [(seed, None), (seed.replace("two years", "three years"), None)]
    ruleset = Checker(references=False).ruleset
    for rule in ruleset.rules:
        ex = rule.spec.examples
        for e in [*ex.flag, *ex.pass_]:
            published = e.published or ex.published
            texts.append((e.text, published.isoformat() if published else "2025-10-29"))
    return texts


@pytest.fixture(scope="module")
def wikidata() -> Iterator[FakeWikidata]:
    with FakeWikidata.from_dir(fixtures_dir()) as server:
        yield server


@pytest.fixture(scope="module")
def worldbank() -> Iterator[FakeWorldBank]:
    with FakeWorldBank.from_file(worldbank_fixtures()) as server:
        yield server


@pytest.fixture(scope="module")
def shared(
    wikidata: FakeWikidata, worldbank: FakeWorldBank, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Checker]:
    sources = {"wikidata": wikidata.url, "worldbank": worldbank.url}
    with Checker(sources=sources, cache_dir=tmp_path_factory.mktemp("refs")) as checker:
        yield checker


def test_one_checker_shared_by_8_threads_matches_a_single_thread(shared: Checker) -> None:
    texts = corpus()
    expected = [canonical(shared.check(t, published=p, doc_id=f"doc-{i}")) for i, (t, p) in enumerate(texts)]
    assert any(json.loads(e)["summary"]["findings"]["error"] for e in expected)  # the corpus makes rules fire
    assert any('"evidence": [{' in e for e in expected)  # and reference lookups answer
    mismatches: list[tuple[int, int]] = []
    failures: list[BaseException] = []
    start = threading.Barrier(THREADS)

    def work(n: int) -> None:
        try:
            rng = random.Random(n)
            start.wait()
            for _ in range(CHECKS):
                i = rng.randrange(len(texts))
                got = canonical(shared.check(texts[i][0], published=texts[i][1], doc_id=f"doc-{i}"))
                if got != expected[i]:
                    mismatches.append((n, i))
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(THREADS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures and not mismatches


def test_acheck_runs_concurrently_and_agrees_with_check(shared: Checker) -> None:
    texts = corpus()[:12]

    async def main() -> list[Report]:
        return list(await asyncio.gather(*(shared.acheck(t, published=p) for t, p in texts)))

    got = asyncio.run(main())
    assert [canonical(r) for r in got] == [canonical(shared.check(t, published=p)) for t, p in texts]


def test_published_and_document_id() -> None:
    text = "The ministers met in Tokyo on the 29th."
    with Checker(references=False) as checker:
        a = checker.check(text, published="2025-10-29", doc_id="cms/article/42", fmt="text")
        b = checker.check(text, published=dt.date(2025, 10, 29), doc_id="cms/article/42", fmt="text")
    assert a.model_dump_json() == b.model_dump_json()
    assert a.documents[0].path == "cms/article/42" and a.documents[0].published == dt.date(2025, 10, 29)
    with pytest.raises(ValueError):
        Checker(references=False).check(text, published="29/10/2025")


def test_model_dump_json_is_the_cli_json(tmp_path: Path) -> None:
    p = tmp_path / "draft.md"
    p.write_text(SEED.read_text(encoding="utf-8").replace("two years", "three years"), encoding="utf-8")
    out = tmp_path / "report.json"
    result = CliRunner().invoke(cli, ["check", "--no-references", "--format", "json", "-o", str(out), str(p)])
    assert result.exit_code == 1
    with Checker(references=False) as checker:
        report = Report.of([checker.check_path(p)])
    assert json.loads(out.read_text(encoding="utf-8")) == json.loads(report.model_dump_json())


def _global_state() -> dict[str, object]:
    root = logging.getLogger()
    return {
        "environ": dict(os.environ),
        "path": list(sys.path),
        "cwd": os.getcwd(),
        "streams": (id(sys.stdout), id(sys.stderr), id(sys.stdin)),
        "log": (root.level, list(root.handlers), logging.getLogger("factcheck").level),
        "disabled": logging.root.manager.disable,
        "warnings": list(warnings.filters),
        "signals": {s: signal.getsignal(s) for s in (signal.SIGINT, signal.SIGTERM, signal.SIGCHLD)},
        "locale": locale.setlocale(locale.LC_ALL),
        "recursion": sys.getrecursionlimit(),
        "random": random.getstate(),
        "excepthook": (sys.excepthook, threading.excepthook),
    }


def test_no_global_state_visible_to_the_caller() -> None:
    with Checker(references=False) as warm:  # first use may import modules; that is not state
        warm.check(SEED.read_text(encoding="utf-8"))
    before = _global_state()
    threads_before = set(threading.enumerate())  # other tests' threads may end meanwhile; only new ones count
    with Checker(references=False) as checker:
        for text, published in corpus()[:10]:
            checker.check(text, published=published)
        asyncio.run(checker.acheck("The ministers met in Tokyo on the 29th.", published="2025-10-29"))
    factcheck.check("The 2% target was moved up by three years, from fiscal 2027 to fiscal 2025.", references=False)
    after = _global_state()
    assert after == before

    def left_behind() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t not in threads_before and t.is_alive()]

    deadline = time.monotonic() + 5.0  # threads of a closed checker that are still exiting on a busy machine
    while left_behind() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert left_behind() == []


def test_two_checkers_with_different_rules_do_not_share_state() -> None:
    text = ("The 2% target was moved up by three years, from fiscal 2027 to fiscal 2025. It is known that "
            "the United States has unofficially requested Japan to raise its spending to 3.5% of GDP.")
    full = Checker(references=False)
    only_timeline = Checker(full.ruleset.only(["timeline.shift-mismatch"]), references=False)
    try:
        for _ in range(3):
            a = {f.rule for f in full.check(text, published="2025-10-29").findings}
            b = {f.rule for f in only_timeline.check(text, published="2025-10-29").findings}
            assert {"timeline.shift-mismatch", "attribution.unofficial-figure"} <= a
            assert b == {"timeline.shift-mismatch"}
    finally:
        full.close()
        only_timeline.close()
