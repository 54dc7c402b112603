"""``action.yml``: a composite action whose inputs, outputs, steps and factcheck options all hold together."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from tests.ci.ci_files import command_options, load_yaml, options_in

ACTION = load_yaml("action.yml")
STEPS: list[dict[str, Any]] = ACTION["runs"]["steps"]
EXPR = re.compile(r"\$\{\{(.*?)\}\}", re.S)
#: Added to `factcheck check` by the sharding work (issue 13, item 2); the action passes it through.
SHARD_OPTION = "--shard"


def expressions(value: object) -> list[str]:
    if isinstance(value, dict):
        return [e for v in value.values() for e in expressions(v)]
    if isinstance(value, list):
        return [e for v in value for e in expressions(v)]
    return EXPR.findall(value) if isinstance(value, str) else []


def step(step_id: str) -> dict[str, Any]:
    (found,) = [s for s in STEPS if s.get("id") == step_id]
    return found


def test_required_top_level_keys() -> None:
    assert {"name", "description", "inputs", "outputs", "runs"} <= set(ACTION)
    assert ACTION["runs"]["using"] == "composite"
    assert {"paths", "shard", "fail-on", "sarif-file", "upload-sarif"} <= set(ACTION["inputs"])
    for name, spec in ACTION["inputs"].items():
        assert "description" in spec, name
        assert spec.get("required") or "default" in spec, name


def test_every_step_is_a_run_with_a_shell_or_a_pinned_action() -> None:
    for s in STEPS:
        assert ("run" in s) != ("uses" in s), s
        if "run" in s:
            assert s.get("shell") == "bash", s  # composite run steps must name their shell
        else:
            assert re.fullmatch(r"[\w.-]+/[\w./-]+@v\d+", s["uses"]), s["uses"]


def test_expressions_name_declared_inputs_and_existing_steps() -> None:
    ids = {s["id"] for s in STEPS if "id" in s}
    used = expressions(ACTION["runs"]) + expressions(ACTION["outputs"])
    inputs = {m for e in used for m in re.findall(r"inputs\.([\w-]+)", e)}
    steps = {m for e in used for m in re.findall(r"steps\.([\w-]+)\.", e)}
    assert inputs and inputs <= set(ACTION["inputs"]), inputs - set(ACTION["inputs"])
    assert steps <= ids, steps - ids
    assert set(ACTION["inputs"]) <= inputs, f"declared but unused: {set(ACTION['inputs']) - inputs}"


def test_no_input_is_spliced_into_a_script() -> None:
    """Inputs reach scripts through env (a quote in an input cannot become shell code)."""
    for s in STEPS:
        if "run" in s:
            assert not EXPR.search(s["run"]), s["run"]


def test_check_step_passes_the_shard_and_writes_sarif() -> None:
    check = step("check")
    script = check["run"]
    assert check["env"]["FACTCHECK_SHARD"] == "${{ inputs.shard }}"
    assert 'cmd+=(--shard "$FACTCHECK_SHARD")' in script  # only when the input is set
    assert "--format sarif" in script and '--output "$FACTCHECK_SARIF"' in script
    assert re.search(r"^factcheck check|\(factcheck check", script, re.M)
    known = command_options("check") | {SHARD_OPTION}
    assert options_in(script) <= known, options_in(script) - known


def test_sarif_is_uploaded_before_the_job_fails() -> None:
    names = [s.get("uses", "").split("@")[0] or s.get("id", s["name"]) for s in STEPS]
    upload = names.index("github/codeql-action/upload-sarif")
    assert names.index("check") < upload < len(names) - 1
    assert "always()" in STEPS[upload]["if"]
    assert STEPS[upload]["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    last = STEPS[-1]
    assert "steps.check.outputs.exit-code" in last["if"] and 'exit "$FACTCHECK_EXIT"' in last["run"]


def run_check_step(tmp_path: Path, shard: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    """The check step's own bash script, with the env the action gives it, on one draft with an error."""
    draft = tmp_path / "articles" / "draft.md"
    draft.parent.mkdir()
    draft.write_text("---\npublished: 2025-10-29\n---\n"
                     "The 2% target was moved up by three years, from fiscal 2027 to fiscal 2025.\n", encoding="utf-8")
    outputs = tmp_path / "github_output"
    check = step("check")
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}",
        "GITHUB_OUTPUT": str(outputs),
        "FACTCHECK_PATHS": "articles",
        "FACTCHECK_SHARD": shard,
        "FACTCHECK_FAIL_ON": "error",
        "FACTCHECK_ARGS": "--no-references --jobs 0",
        "FACTCHECK_SARIF": "out.sarif",
        "FACTCHECK_CATEGORY": "factcheck",
    }
    assert set(check["env"]) <= set(env)
    done = subprocess.run(["bash", "-e", "-c", check["run"]], cwd=tmp_path, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr  # the step itself succeeds: failing is the last step's job
    return done, dict(line.split("=", 1) for line in outputs.read_text().splitlines())


def test_check_step_script_runs_and_reports_its_exit_code(tmp_path: Path) -> None:
    _, written = run_check_step(tmp_path, shard="")
    assert written == {"exit-code": "1", "sarif-file": "out.sarif", "category": "factcheck"}
    sarif = json.loads((tmp_path / "out.sarif").read_text())
    assert [r["ruleId"] for r in sarif["runs"][0]["results"]] == ["timeline.shift-mismatch"]


def test_check_step_script_passes_the_shard_and_names_its_category(tmp_path: Path) -> None:
    done, written = run_check_step(tmp_path, shard="2/4")
    assert written["category"] == "factcheck/shard-2-of-4"
    assert SHARD_OPTION in command_options("check")
    assert written["exit-code"] in ("0", "1"), done.stderr
