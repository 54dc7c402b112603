"""The Dockerfile, checked as text where no container runtime can build it (``.ci/run`` builds it where one can).

A small linter of our own for what the image must be: slim base images pinned to a tag, a build stage
for the compiler, a runtime stage that runs ``factcheck serve`` as a non-root user with a health check
on ``/healthz`` at the port it exposes, apt lists removed in the layer that fetched them, and every
``COPY`` source present (and let through by ``.dockerignore``).
"""

from __future__ import annotations

import json
import re
import shlex
from dataclasses import dataclass
from fnmatch import fnmatch

from tests.ci.ci_files import ROOT


@dataclass(frozen=True)
class Instruction:
    line: int
    keyword: str
    args: str


def parse(text: str) -> list[Instruction]:
    """Instructions with their first line; continuation lines joined, comments dropped."""
    out: list[Instruction] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if not pending:
            start = number
        if line.startswith("#"):
            continue
        pending.append(line.removesuffix("\\").strip())
        if not line.endswith("\\"):
            keyword, _, args = " ".join(pending).partition(" ")
            out.append(Instruction(start, keyword.upper(), args.strip()))
            pending = []
    assert not pending, "the Dockerfile ends inside a continued instruction"
    return out


INSTRUCTIONS = parse((ROOT / "Dockerfile").read_text(encoding="utf-8"))


def stages() -> list[list[Instruction]]:
    out: list[list[Instruction]] = []
    for ins in INSTRUCTIONS:
        if ins.keyword == "FROM":
            out.append([])
        assert out, f"line {ins.line}: {ins.keyword} before the first FROM"
        out[-1].append(ins)
    return out


FINAL = stages()[-1]


def only(keyword: str) -> Instruction:
    found = [i for i in FINAL if i.keyword == keyword]
    assert len(found) == 1, f"the runtime stage needs exactly one {keyword}, has {len(found)}"
    return found[0]


def exec_form(ins: Instruction) -> list[str]:
    value = json.loads(ins.args)
    assert isinstance(value, list) and all(isinstance(v, str) for v in value), f"line {ins.line}: exec form (JSON list)"
    return value


def test_known_instructions_only() -> None:
    known = {"FROM", "RUN", "COPY", "ENV", "WORKDIR", "USER", "EXPOSE", "HEALTHCHECK", "ENTRYPOINT", "CMD", "ARG",
             "LABEL"}
    assert {i.keyword for i in INSTRUCTIONS} <= known
    assert not [i for i in INSTRUCTIONS if i.keyword == "ADD"]  # COPY only: ADD can fetch URLs and unpack


def test_slim_base_images_pinned_to_a_python_the_project_supports() -> None:
    for stage in stages():
        image = stage[0].args.split()[0]
        name, _, tag = image.partition(":")
        assert name == "python" and tag and tag != "latest", image
        assert re.fullmatch(r"3\.1[0-2]-slim(-\w+)?", tag), f"{image}: slim, Python 3.10-3.12 (durable-rules)"
    assert len(stages()) >= 2, "a build stage keeps the compiler out of the runtime image"


def test_no_compiler_in_the_runtime_stage() -> None:
    runs = " ".join(i.args for i in FINAL if i.keyword == "RUN")
    assert not re.search(r"build-essential|\bgcc\b|apt-get install", runs)


def test_apt_lists_are_removed_in_the_layer_that_fetched_them() -> None:
    for ins in INSTRUCTIONS:
        if ins.keyword == "RUN" and "apt-get install" in ins.args:
            assert "--no-install-recommends" in ins.args, f"line {ins.line}"
            assert "apt-get update" in ins.args and "rm -rf /var/lib/apt/lists/*" in ins.args, f"line {ins.line}"


def test_runs_as_a_non_root_user_from_then_on() -> None:
    user = only("USER")
    assert user.args.split(":")[0] not in ("root", "0"), user
    after = FINAL[FINAL.index(user):]
    assert not [i for i in after if i.keyword == "RUN"], "nothing runs as root after USER"
    assert {"ENTRYPOINT", "HEALTHCHECK"} <= {i.keyword for i in after}


def test_entrypoint_serves_on_the_exposed_port() -> None:
    argv = exec_form(only("ENTRYPOINT"))
    assert argv[:2] == ["factcheck", "serve"]
    assert argv[argv.index("--host") + 1] == "0.0.0.0"  # reachable through the container's published port
    port = argv[argv.index("--port") + 1]
    assert only("EXPOSE").args.split("/")[0] == port
    healthcheck = only("HEALTHCHECK").args
    assert re.search(r"--interval=\d+s", healthcheck) and re.search(r"--timeout=\d+s", healthcheck)
    probe = exec_form(Instruction(0, "CMD", healthcheck.split("CMD", 1)[1].strip()))
    assert f"http://127.0.0.1:{port}/healthz" in " ".join(probe)


def dockerignore_lets_through(path: str) -> bool:
    keep = True
    for raw in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        pattern = line.lstrip("!").rstrip("/")
        if fnmatch(path, pattern) or path.startswith(pattern + "/") or fnmatch(path, pattern.replace("**/", "")):
            keep = negate
    return keep


def test_every_copy_source_exists_and_reaches_the_build_context() -> None:
    for ins in INSTRUCTIONS:
        if ins.keyword != "COPY" or ins.args.startswith("--from="):
            continue
        *sources, _dest = shlex.split(ins.args)
        for src in sources:
            assert (ROOT / src).exists(), f"line {ins.line}: {src} is not in the repository"
            assert dockerignore_lets_through(src), f"line {ins.line}: .dockerignore leaves {src} out"
    assert not dockerignore_lets_through(".venv") and not dockerignore_lets_through(".git")


def test_the_parser_sees_continuations_and_comments() -> None:
    text = "# c\nFROM python:3.11-slim AS b\nRUN a \\\n  # inner\n  && b\nUSER 1\n"
    assert parse(text) == [Instruction(2, "FROM", "python:3.11-slim AS b"), Instruction(3, "RUN", "a && b"),
                           Instruction(6, "USER", "1")]
