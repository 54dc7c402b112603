"""The Dask executor on a real ``distributed.LocalCluster`` (2 worker processes on 127.0.0.1, one per module):
the same results as local worker processes, worker death, the cluster-wide bound on reference requests."""

from __future__ import annotations

import json
import os
import signal
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from click.testing import CliRunner
from distributed import Client, LocalCluster
from distributed import utils as dask_utils

from factcheck.batch import BatchSettings, CheckerSettings, WorkerInitError, run_batch
from factcheck.batch.dask import DaskExecutor, request_limits
from factcheck.batch.dask.cluster import local_cluster
from factcheck.batch.run import lost_report
from factcheck.batch.worker import CRASH_MARKER_ENV, build_runner
from factcheck.cli.main import cli
from factcheck.enrich.testing import FakeWikidata
from factcheck.enrich.testing.generate import officials
from factcheck.model.findings import DocumentReport
from factcheck.state import StateStore
from tests.batch.articles import REAL_WITHOUT_PREFETCH, write_articles
from tests.batch.corpus import build_corpus
from tests.batch.stub_checker import FACTORY

POISON = "POISON-PILL-FOR-DASK-WORKERS"
STUB = CheckerSettings(factory=FACTORY, references=False)


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[LocalCluster, Client]]:
    # spawned (and restarted) workers inherit the environment: a document holding POISON kills its worker
    before = os.environ.get(CRASH_MARKER_ENV)
    os.environ[CRASH_MARKER_ENV] = POISON
    lc = local_cluster(2)
    client = Client(lc, set_as_default=False)
    try:
        yield lc, client
    finally:
        client.close()
        lc.close()
        # Dask's offload thread outlives the cluster; while it runs, later tests of this process would start
        # local workers with forkserver (see default_start_method), whose environment is the one the
        # forkserver started with, not the test's. A fresh executor starts its thread only when used.
        dask_utils._offload_executor.shutdown(wait=True)
        dask_utils._offload_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="Dask-Offload")
        if before is None:
            os.environ.pop(CRASH_MARKER_ENV, None)
        else:
            os.environ[CRASH_MARKER_ENV] = before


def dask(client: Client, settings: CheckerSettings, **kwargs: object) -> DaskExecutor:  # type: ignore[type-arg]
    return DaskExecutor(build_runner, settings, lost_report, client=client, limits=request_limits(settings),
                        **kwargs)  # type: ignore[arg-type]


def dumps(reports: list[DocumentReport]) -> list[str]:
    return [r.model_dump_json() for r in reports]


def test_same_findings_as_two_local_processes_on_500_documents(cluster: tuple[LocalCluster, Client],
                                                               tmp_path: Path) -> None:
    folder = write_articles(tmp_path, 500)
    args = ["check", "--no-config", "--no-references", "--format", "json", "--fail-on", "never", str(folder)]
    local = CliRunner().invoke(cli, [*args, "-j", "2"])
    remote = CliRunner().invoke(cli, [*args, "--executor", "dask", "--scheduler", cluster[0].scheduler_address])
    assert local.exit_code == 0 and remote.exit_code == 0, (local.output, remote.output)
    a, b = json.loads(local.stdout), json.loads(remote.stdout)
    assert a == b
    assert a["summary"]["documents"] == 500 and a["summary"]["findings"]["warning"] > 500
    rules = {f["rule"] for d in a["documents"] for f in d["findings"]}
    assert {"numbers.conflicting-figure", "attribution.unofficial-figure", "batch.conflicting-figure",
            "batch.conflicting-date"} <= rules


def test_corrupt_inputs_order_and_runner_built_once_per_worker(cluster: tuple[LocalCluster, Client],
                                                               tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, 300, huge=False)
    local = list(run_batch(corpus.paths, STUB, BatchSettings(jobs=2)))
    with dask(cluster[1], STUB) as ex:
        remote = list(run_batch(corpus.paths, STUB, BatchSettings(jobs=2), executor=ex))
        builds = ex.runner_builds()
    assert dumps(remote) == dumps(local)
    assert [r.path for r in remote] == [d for d, _ in corpus.expected]
    assert sorted(builds.values()) == [1, 1]  # two workers, each built its checker once for 300 documents


def frozen_count_factory(_: object) -> object:
    import gc

    return lambda _task: gc.get_freeze_count()


def test_workers_freeze_their_start_up_heap_for_the_gc(cluster: tuple[LocalCluster, Client]) -> None:
    with DaskExecutor(frozen_count_factory, None, lost_report, client=cluster[1]) as ex:  # type: ignore[arg-type]
        counts = list(ex.map_ordered(range(20)))
    assert len(counts) == 20 and all(n > 1000 for n in counts), counts  # type: ignore[operator]


def malloc_trim_threshold() -> str | None:
    return os.environ.get("MALLOC_TRIM_THRESHOLD_")


def test_local_workers_keep_glibcs_own_heap_trimming(cluster: tuple[LocalCluster, Client]) -> None:
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_=65536 for its workers (and in its own process): measured,
    # checking then costs 13% more CPU per document (the heap is given back and grown again all the time)
    assert set(cluster[1].run(malloc_trim_threshold).values()) == {None}
    assert malloc_trim_threshold() is None


def unpicklable_factory(_: object) -> object:
    return lambda n: (lambda: n) if n == 3 else n


def test_a_result_that_cannot_be_pickled_is_that_documents_error(cluster: tuple[LocalCluster, Client]) -> None:
    def lost(task: int, why: str) -> tuple[str, int, str]:
        return "lost", task, why

    with DaskExecutor(unpicklable_factory, None, lost, client=cluster[1], chunk=4) as ex:  # type: ignore[arg-type]
        out = list(ex.map_ordered(range(8)))
    assert out[:3] == [0, 1, 2] and out[4:] == [4, 5, 6, 7]
    assert out[3][:2] == ("lost", 3) and "pickle" in out[3][2].lower(), out[3]  # type: ignore[index]


def test_worker_killed_mid_run_loses_nothing(cluster: tuple[LocalCluster, Client], tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, 240, huge=False)
    once = tmp_path / "crashed-once"
    extra = tmp_path / "articles" / "zz-crash-once.md"
    extra.write_text(f"Crash. [crash-once:{once}] [warning:stub.once] survives the retry\n")
    expected = dumps(list(run_batch(corpus.paths, STUB, BatchSettings(jobs=2))))
    once.unlink()
    seen: list[DocumentReport] = []
    with dask(cluster[1], STUB) as ex:
        for report in run_batch(corpus.paths, STUB, BatchSettings(jobs=2), executor=ex):
            seen.append(report)
            if len(seen) == 40:  # mid-run, with chunks in flight on both workers
                pid = next(iter(ex.worker_pids().values()))
                os.kill(pid, signal.SIGKILL)
    assert once.exists()  # a worker also died on the crash-once document
    assert dumps(seen) == expected  # every document exactly once, in order, with its real result
    assert len({r.path for r in seen}) == len(seen)


def test_a_document_that_kills_two_workers_is_reported_as_an_error(cluster: tuple[LocalCluster, Client],
                                                                   tmp_path: Path) -> None:
    for i in range(20):
        (tmp_path / f"{i:02d}.md").write_text(f"Doc {i}. [warning:stub.x] fine {i}\n" if i != 7 else f"Doc {POISON}\n")
    with dask(cluster[1], STUB) as ex:
        out = list(run_batch([str(tmp_path)], STUB, BatchSettings(jobs=2), executor=ex))
    assert [Path(r.path).name for r in out] == [f"{i:02d}.md" for i in range(20)]
    bad = out[7]
    assert bad.errors and "worker process died" in bad.errors[0].message and "retried 1 time" in bad.errors[0].message
    assert all(not r.errors and len(r.findings) == 1 for i, r in enumerate(out) if i != 7)


def failing_factory(_: object) -> object:
    raise ValueError("bad rules")


def test_a_worker_that_cannot_build_its_checker_stops_the_run(cluster: tuple[LocalCluster, Client],
                                                              tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x\n")
    ex = DaskExecutor(failing_factory, STUB, lost_report, client=cluster[1])  # type: ignore[arg-type]
    with pytest.raises(WorkerInitError, match="bad rules"):
        list(run_batch([str(tmp_path)], STUB, BatchSettings(jobs=2), executor=ex))


def test_state_works_unchanged(cluster: tuple[LocalCluster, Client], tmp_path: Path) -> None:
    corpus = build_corpus(tmp_path, 60, huge=False)
    state = StateStore(tmp_path / "state", STUB.fingerprint())
    with dask(cluster[1], STUB) as ex:
        first = list(run_batch(corpus.paths, STUB, BatchSettings(jobs=2), executor=ex, state=state))
    again = StateStore(tmp_path / "state", STUB.fingerprint())
    with dask(cluster[1], STUB) as ex:
        second = list(run_batch(corpus.paths, STUB, BatchSettings(jobs=2), executor=ex, state=again))
    assert dumps(second) == dumps(first)
    assert state.stored == again.hits == sum(1 for r in first if not r.errors) > 50  # errors are checked again
    assert again.stored == 0


def test_baseline_works_unchanged(cluster: tuple[LocalCluster, Client], tmp_path: Path) -> None:
    folder = write_articles(tmp_path, 12)
    baseline = tmp_path / "baseline.json"
    made = CliRunner().invoke(cli, ["baseline", "--no-config", "--no-references", "-o", str(baseline), str(folder)])
    assert made.exit_code == 0, made.output
    recorded = int(made.stderr.split("baseline of ")[1].split()[0])
    assert recorded > 12  # batch.* findings are recorded too
    r = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "--format", "json", "--fail-on", "warning",
                                 "--baseline", str(baseline), "--executor", "dask",
                                 "--scheduler", cluster[0].scheduler_address, str(folder)])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["summary"]["findings"]["warning"] == 0 and f"{recorded} in baseline" in r.stderr


def reference_articles(root: Path, n: int) -> tuple[Path, dict[str, dict[str, object]]]:
    people, entities = officials(2 * n)
    folder = root / "refs"
    folder.mkdir()
    for i in range(n):
        a, b = people[2 * i], people[2 * i + 1]
        (folder / f"{i:02d}.md").write_text(
            f"---\npublished: 2025-10-29\n---\n{a.title} {a.name} and {b.title} {b.name} held a meeting in Tokyo "
            f"on the 12th. {a.name}, who took office on {a.start}, said talks would go on.\n")
    return folder, entities


def test_requests_in_flight_are_bounded_across_the_cluster(cluster: tuple[LocalCluster, Client],
                                                            tmp_path: Path) -> None:
    folder, entities = reference_articles(tmp_path, 24)
    with FakeWikidata(entities, latency=0.15) as server:
        def settings(cache: str) -> CheckerSettings:
            return CheckerSettings(sources={"wikidata": server.url}, source_config={"wikidata": {"concurrency": 1}},
                                   cache_dir=str(tmp_path / cache), factory=REAL_WITHOUT_PREFETCH)

        # without the cluster-wide bound: each of two local processes keeps to its own one request
        local = list(run_batch([str(folder)], settings("local"), BatchSettings(jobs=2)))
        assert server.max_in_flight == 2
        server.reset_counts()
        with dask(cluster[1], settings("dask")) as ex:
            remote = list(run_batch([str(folder)], settings("dask"), BatchSettings(jobs=2), executor=ex))
        assert server.count() > 24
        assert server.max_in_flight == 1  # one Dask semaphore lease for the whole cluster
    def findings(reports: list[DocumentReport]) -> list[tuple[str, str, str, int]]:  # not the retrieval times
        return [(r.path, f.rule, f.message, f.span.start) for r in reports for f in r.findings]

    assert findings(remote) == findings(local)
    assert any(f.rule.startswith("tenure.") for r in remote for f in r.findings)


def test_a_cluster_without_workers_fails_its_documents_instead_of_waiting(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.md").write_text(f"Doc {i}. [warning:stub.x] fine\n")
    lc = local_cluster(1)
    client = Client(lc, set_as_default=False)
    try:
        lc.scale(0)
        deadline = time.monotonic() + 60
        while client.scheduler_info().get("workers") and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not client.scheduler_info().get("workers")
        with dask(client, STUB, no_worker_seconds=1.0) as ex:
            out = list(run_batch([str(tmp_path)], STUB, BatchSettings(jobs=1), executor=ex))
    finally:
        client.close()
        lc.close()
    assert [Path(r.path).name for r in out] == ["0.md", "1.md", "2.md"]
    assert all(r.errors and "no Dask worker has been available" in r.errors[0].message for r in out)
