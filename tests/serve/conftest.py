"""Servers for the service tests: plain (with the test-only crash marker), with a token, and with a 1 s limit."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.serve.server import Server, running_server

CRASH_MARKER = "@@crash-the-engine-worker@@"
HANG_MARKER = "@@stop-the-engine-worker@@"
TOKEN = "s3cret-token-for-tests"
MAX_BODY = 64 * 1024


@pytest.fixture(scope="package")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("serve")
    env = {"FACTCHECK_TEST_CRASH_MARKER": CRASH_MARKER}
    with running_server(tmp, "--no-references", "--max-body-bytes", str(MAX_BODY), env=env) as s:
        yield s


@pytest.fixture(scope="package")
def auth_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    tmp = tmp_path_factory.mktemp("serve-auth")
    with running_server(tmp, "--no-references", "--workers", "1", env={"FACTCHECK_API_TOKEN": TOKEN}) as s:
        yield s


@pytest.fixture(scope="package")
def slow_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A worker meeting HANG_MARKER stops itself (SIGSTOP): only the time limit can end that request."""
    tmp = tmp_path_factory.mktemp("serve-slow")
    env = {"FACTCHECK_TEST_CRASH_MARKER": HANG_MARKER, "FACTCHECK_TEST_CRASH_SIGNAL": "SIGSTOP"}
    with running_server(tmp, "--no-references", "--workers", "1", "--timeout", "1", env=env) as s:
        yield s
