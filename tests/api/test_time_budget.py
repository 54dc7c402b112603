"""A per-document time budget that the library and ``--jobs 0`` honour: a slow draft cannot hold a request."""

from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

import factcheck
from factcheck import Checker
from factcheck.cli.main import cli
from factcheck.enrich.testing import FakeWikidata, fixtures_dir
from factcheck.timebudget import BudgetExceeded, DaemonPool
from tests.conftest import SEED

# the abandoned look-ups give up soon (the document's reference budget), so no test leaves them running
QUICK_GIVE_UP = {"wikidata": {"timeouts": {"document_budget": 2.0}}}


@pytest.fixture
def slow_wikidata():
    import threading

    before = set(threading.enumerate())
    with FakeWikidata.from_dir(fixtures_dir()) as server:
        server.state.latency = 0.8  # every answer: the seed's look-ups take seconds, the budgets below less
        yield server
    # The abandoned checks finish in the background; wait for them, so that no busy thread is left
    # to a later test (a process with busy threads forks its batch workers through a forkserver).
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(
        t.is_alive() and not getattr(t, "factcheck_idle", False) for t in set(threading.enumerate()) - before
    ):
        time.sleep(0.1)


def test_checker_returns_within_its_budget(slow_wikidata, tmp_path) -> None:
    with Checker(sources={"wikidata": slow_wikidata.url}, cache_dir=tmp_path, time_budget=0.5,
                 source_config=QUICK_GIVE_UP) as checker:
        start = time.monotonic()
        report = checker.check(SEED.read_text(encoding="utf-8"))
        took = time.monotonic() - start
    assert took < 2.0, took
    (doc,) = report.documents
    assert doc.unchecked and "time budget of 0.5 s" in doc.errors[0].message


def test_one_off_check_takes_the_budget_too(slow_wikidata, tmp_path) -> None:
    start = time.monotonic()
    report = factcheck.check(SEED.read_text(encoding="utf-8"), sources={"wikidata": slow_wikidata.url},
                             cache_dir=tmp_path, time_budget=0.5, source_config=QUICK_GIVE_UP)
    assert time.monotonic() - start < 2.5  # the budget, then closing the one-off checker
    assert "not checked" in report.documents[0].errors[0].message


def test_within_the_budget_nothing_changes(seed_text: str) -> None:
    with Checker(references=False, time_budget=None) as plain, Checker(references=False) as budgeted:
        assert budgeted.time_budget == 60.0
        a, b = plain.check(seed_text), budgeted.check(seed_text)
    assert a.model_dump() == b.model_dump() and a.findings


def test_jobs_0_honours_the_timeout(slow_wikidata, tmp_path) -> None:
    config = tmp_path / "factcheck.yaml"
    config.write_text("sources:\n  wikidata: {timeouts: {document_budget: 2}}\n")
    args = ["check", str(SEED), "--config", str(config), "--jobs", "0", "--timeout", "0.5", "--format", "json",
            "--source", f"wikidata={slow_wikidata.url}", "--cache-dir", str(tmp_path)]
    start = time.monotonic()
    result = CliRunner().invoke(cli, args)
    assert time.monotonic() - start < 4.0
    assert result.exit_code == 3, result.output
    assert "not checked: not done within the time budget of 0.5 s" in result.stdout


def test_daemon_pool_reuses_threads_and_gives_up_waiting() -> None:
    pool = DaemonPool(max_threads=2)
    names = {pool.run(5, lambda _d: __import__("threading").current_thread().name) for _ in range(20)}
    assert len(names) == 1  # one thread, reused
    with pytest.raises(BudgetExceeded):
        pool.run(0.2, lambda deadline: time.sleep(2) or deadline.expired())
    assert pool.run(5, lambda _d: 42) == 42  # a second thread takes over while the first is stuck
    pool.close()


def test_idle_threads_exit(monkeypatch) -> None:
    import threading

    from factcheck import timebudget

    monkeypatch.setattr(timebudget, "IDLE_SECONDS", 0.1)
    pool = DaemonPool(name="idle-probe")

    def mine() -> list[threading.Thread]:
        return [t for t in threading.enumerate() if t.name.startswith("idle-probe")]

    assert pool.run(5, lambda _d: len(mine())) == 1
    deadline = time.monotonic() + 5
    while mine() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert mine() == []
    assert pool.run(5, lambda _d: 7) == 7  # a new thread when needed again
    pool.close()
