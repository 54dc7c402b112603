"""A draft's control characters never reach the terminal or the HTML report raw; NUL anywhere is binary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import Checker
from factcheck.cli.main import cli
from factcheck.load import LoadError, load_bytes
from factcheck.report.formats import render
from factcheck.report.formats.controls import for_html, for_terminal

HOSTILE = ("\x1b]0;pwned\x07\x1b[2J\x1b[31mThe 2% target was moved up by three years,\r from fiscal 2027 "
           "to\x08\x08 fiscal 2025.\x9b31m It is known that the United States has unofficially requested Japan "
           "to raise its spending to 3.5% of GDP.\x00\n")
RAW_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # tab and newline are fine
HTML_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")  # CR too


@pytest.fixture(scope="module")
def report():
    with Checker(references=False) as checker:
        return checker.check(HOSTILE, published="2025-10-29", fmt="text", doc_id="draft\x1b[8m.md", include_text=True)


def test_text_output_escapes_control_characters(report) -> None:
    out = render(report, "text")
    assert report.documents[0].findings
    assert not RAW_CONTROLS.search(out.replace("\n", "")), repr(out)
    assert "pwned\\a" in out and "\\x1b[2J" in out and "\\b\\b" in out and "\\x9b31m" in out
    assert "draft\\x1b[8m.md:" in out


def test_carets_still_underline_the_claim(report) -> None:
    lines = render(report, "text").splitlines()
    for i, line in enumerate(lines):
        if line.strip().startswith("^"):
            start = line.index("^")
            claim = lines[i - 1][start : start + line.count("^")]
            assert claim.startswith(("moved up", "unofficially", "3.5%", "2%")), (lines[i - 1], line)


def test_cli_to_a_terminal_shows_no_raw_escape(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(HOSTILE.replace("\x00", "").encode())
    result = CliRunner().invoke(cli, ["check", str(draft), "--no-config", "--no-references", "--jobs", "0",
                                      "--published", "2025-10-29"], color=True)
    assert result.exit_code in (0, 1), result.output
    assert "warning" in result.stdout  # something was reported, with the draft's sentence
    without_our_colours = re.sub(r"\x1b\[[0-9;]*m", "", result.stdout)
    assert "\x1b" not in without_our_colours and "\x07" not in result.stdout and "\x08" not in result.stdout


def test_html_report_has_no_raw_nul_or_esc(report) -> None:
    page = render(report, "html")
    assert report.documents[0].text and "\x00" in report.documents[0].text
    assert not HTML_FORBIDDEN.search(page), repr(HTML_FORBIDDEN.search(page))
    assert "\u241b]0;pwned\u2407" in page and "\u2400" in page


def test_helpers_keep_length_and_meaning() -> None:
    assert for_html("a\x00b\x1bc\td\ne") == "a\u2400b\u241bc\td\ne"
    assert len(for_html("\x00\x7f\x85")) == 3
    assert for_terminal("a\tb\x1b[0m\r\n") == "a\tb\\x1b[0m\\r\\n"


@pytest.mark.parametrize("where", [0, 8191, 8192, 100_000])
def test_nul_anywhere_makes_a_file_binary(where: int) -> None:
    text = "The ministers met in Tokyo on the 29th.\n" * 4000
    data = text.encode()[:where] + b"\x00" + text.encode()[where:]
    with pytest.raises(LoadError, match="binary data") as info:
        load_bytes(data, path="draft.md")
    line = text.encode()[:where].count(b"\n") + 1
    assert f"draft.md:{line}:" in str(info.value)


def test_nul_character_in_utf16_is_binary() -> None:
    import codecs

    data = codecs.BOM_UTF16_LE + "Text with a\x00 NUL.\n".encode("utf-16-le")
    with pytest.raises(LoadError, match="binary data"):
        load_bytes(data, path="draft.txt")
