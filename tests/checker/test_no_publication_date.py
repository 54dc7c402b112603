"""A draft without a publication date says which relative dates and rules it could not use."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import factcheck
from factcheck.cli.main import cli

DRAFT = ("The two ministers met in Tokyo on the 29th. The meeting followed the summit between the two leaders in "
         "Tokyo the following day.\n")


def test_no_publication_date_is_a_note_naming_the_rules() -> None:
    (doc,) = factcheck.check(DRAFT, references=False).documents
    (note,) = doc.notes
    assert note.kind == "no-publication-date"
    assert '"the 29th", "the following day"' in note.message and "could not be resolved" in note.message
    assert "dates.sequence" in note.rules and "dates.weekday-mismatch" in note.rules
    assert "timeline.shift-mismatch" not in note.rules
    (dated,) = factcheck.check(DRAFT, published="2025-10-29", references=False).documents
    assert dated.notes == [] and [f.rule for f in dated.findings] == ["dates.sequence"]


def test_the_note_is_shown_and_the_exit_code_unchanged(tmp_path: Path) -> None:
    p = tmp_path / "draft.md"
    p.write_text(DRAFT)
    r = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "0", str(p)])
    assert r.exit_code == 0
    assert f"{p}: note [no-publication-date] no publication date: 2 relative date(s)" in r.stdout
    js = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "0", "--format", "json", str(p)])
    assert js.exit_code == 0
    assert json.loads(js.stdout)["documents"][0]["notes"][0]["kind"] == "no-publication-date"
