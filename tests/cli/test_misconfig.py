"""Misconfigurations are errors (exit 2), never silent passes with zero findings."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from factcheck.cli.main import cli

SHIFT_ERROR = "The government said the 2% target would be moved up by three years, from fiscal 2027 to fiscal 2025.\n"


def check(*args: str) -> object:
    return CliRunner().invoke(cli, ["check", "--no-references", "-j", "0", *args])


def test_a_folder_without_documents_is_an_error(tmp_path: Path) -> None:
    docs = tmp_path / "articles"
    docs.mkdir()
    (docs / "notes.docx").write_bytes(b"PK\x03\x04")
    (docs / "a.md").write_text(SHIFT_ERROR)
    r = check("--no-config", "--include", "*.markdown", str(docs))
    assert r.exit_code == 2
    assert f"no documents found under {docs} (include: *.markdown)" in r.stderr
    r = check("--no-config", "--exclude", "a.md", str(docs))
    assert r.exit_code == 2
    assert "exclude: a.md" in r.stderr and "include: *.htm" in r.stderr
    (tmp_path / "empty").mkdir()
    r = CliRunner().invoke(cli, ["baseline", "--no-config", "--no-references", "-o", str(tmp_path / "b.json"),
                                 str(tmp_path / "empty")])
    assert r.exit_code == 2 and "no documents found under" in r.stderr


def test_an_empty_rules_folder_is_an_error(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(SHIFT_ERROR)
    empty = tmp_path / "rules"
    empty.mkdir()
    r = check("--no-config", "--rules", str(empty), str(doc))
    assert r.exit_code == 2
    assert f"{empty}:1:1: no rule files (*.yaml, *.yml) in this folder" in r.stderr
    r = check("--no-config", "--rules", str(tmp_path / "typo"), str(doc))
    assert r.exit_code == 2  # click: the path does not exist
    lint = CliRunner().invoke(cli, ["rules", "lint", str(empty)])
    assert lint.exit_code == 2 and "no rule files" in lint.stderr


def test_a_config_rules_entry_without_rule_files_is_an_error(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(SHIFT_ERROR)
    (tmp_path / "etc").mkdir()
    (tmp_path / "etc" / "hosts").write_text("127.0.0.1 localhost\n")
    for entry in ("etc", "rulez"):
        config = tmp_path / "factcheck.yaml"
        config.write_text(f"rules: [{entry}]\n")
        r = check("--config", str(config), str(doc))
        assert r.exit_code == 2, (entry, r.output)
        assert f"config {config}: rules entry" in r.stderr and "nothing was checked" in r.stderr


def test_a_suppression_naming_an_unknown_rule_is_reported(tmp_path: Path) -> None:
    doc = tmp_path / "a.md"
    doc.write_text(
        "---\npublished: 2025-10-29\n---\n"
        "<!-- factcheck-disable-next-line timeline.shift-mismach: checked with the desk -->\n" + SHIFT_ERROR
        + "<!-- factcheck-disable timeline.*: a family that exists -->\n"
        + "<!-- factcheck-disable nosuch.*: a family that does not -->\n"
    )
    r = check("--no-config", "--format", "json", str(doc))
    findings = json.loads(r.stdout)["documents"][0]["findings"]
    bad = [f for f in findings if f["rule"] == "factcheck.bad-suppression"]
    assert [(f["span"]["line"], f["message"]) for f in bad] == [
        (4, "the suppression names unknown rule 'timeline.shift-mismach' (see `factcheck rules list`); "
            "it suppresses nothing"),
        (7, "the suppression names unknown rule 'nosuch.*' (see `factcheck rules list`); it suppresses nothing"),
    ]
    shift = [f for f in findings if f["rule"] == "timeline.shift-mismatch"]
    assert len(shift) == 1 and shift[0]["suppressed"] is None  # the typo suppressed nothing
