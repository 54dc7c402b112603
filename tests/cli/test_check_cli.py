"""The `factcheck check` command: formats, exit codes, stdin, and broken documents among good ones."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

import factcheck
from factcheck.cli.main import cli
from tests.conftest import SEED

SHIFT_ERROR = "The government said the 2% target would be moved up by three years, from fiscal 2027 to fiscal 2025.\n"


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["check", "--no-references", *args], input=input)


def test_text_output_points_at_the_sentence(tmp_path: Path) -> None:
    p = tmp_path / "draft.md"
    p.write_text("---\npublished: 2025-10-29\n---\n" + SHIFT_ERROR)
    result = run(str(p))
    assert result.exit_code == 1, result.output
    first, sentence, carets = result.stdout.splitlines()[:3]
    assert first.startswith(f"{p}:4:") and " error timeline.shift-mismatch " in first
    assert sentence.strip() == SHIFT_ERROR.strip()
    assert set(carets.strip()) == {"^"}
    assert result.stdout.rstrip().endswith("1 error(s), 0 warning(s), 0 info")


def test_fail_on_levels(tmp_path: Path) -> None:
    p = tmp_path / "draft.txt"
    p.write_text(SHIFT_ERROR)
    assert run("--published", "2025-10-29", "--fail-on", "never", str(p)).exit_code == 0
    assert run("--published", "2025-10-29", "--fail-on", "warning", str(p)).exit_code == 1


def test_json_output_equals_library_report(tmp_path: Path) -> None:
    p = tmp_path / "draft.md"
    p.write_text(SHIFT_ERROR)
    result = run("--format", "json", "--published", "2025-10-29", str(p))
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["summary"]["findings"]["error"] == 1
    (finding,) = data["documents"][0]["findings"]
    assert finding["rule"] == "timeline.shift-mismatch"
    assert set(finding["span"]) == {"start", "end", "line", "column"}
    lib = factcheck.check(SHIFT_ERROR, published="2025-10-29", references=False)
    lib_doc = json.loads(lib.model_dump_json())["documents"][0]
    assert lib_doc["findings"] == data["documents"][0]["findings"]
    assert lib_doc["facts"] == data["documents"][0]["facts"]


def test_stdin(tmp_path: Path) -> None:
    result = run("--published", "2025-10-29", "-", input=SHIFT_ERROR)
    assert result.exit_code == 1
    assert result.stdout.startswith("<stdin>:1:")


def test_broken_document_is_reported_and_others_are_checked(tmp_path: Path) -> None:
    bad = tmp_path / "a-binary.md"
    bad.write_bytes(b"\x00\x01\x02binary")
    bad2 = tmp_path / "b-latin1.md"
    bad2.write_bytes(b"Caf\xe9")
    good = tmp_path / "c-good.md"
    good.write_text(SHIFT_ERROR)
    result = run("--format", "json", "--published", "2025-10-29", str(bad), str(bad2), str(good))
    data = json.loads(result.stdout)
    docs = {Path(d["path"]).name: d for d in data["documents"]}
    assert "binary data" in docs["a-binary.md"]["errors"][0]["message"]
    assert "b-latin1.md:1:4: not valid UTF-8" in docs["b-latin1.md"]["errors"][0]["message"]
    assert docs["c-good.md"]["findings"][0]["rule"] == "timeline.shift-mismatch"
    assert result.exit_code == 1  # findings at or above --fail-on win over unchecked documents
    only_bad = run("--format", "json", str(bad))
    assert only_bad.exit_code == 3


def test_usage_errors_exit_2() -> None:
    assert run("--published", "29/10/2025", str(SEED)).exit_code == 2
    assert run("--format", "yaml", str(SEED)).exit_code == 2
    assert run("--source", "wikidata", str(SEED)).exit_code == 2


def test_python_dash_m_and_console_script() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "factcheck", "rules", "list"], capture_output=True, text=True, check=True
    ).stdout
    assert "timeline.shift-mismatch" in out


def test_engine_choice_gives_same_json(tmp_path: Path) -> None:
    outs = [
        json.loads(run("--format", "json", "--engine", e, "--published", "2025-10-29", "-", input=SHIFT_ERROR).stdout)
        for e in ("durable", "python")
    ]
    assert outs[0] == outs[1]
