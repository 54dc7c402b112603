"""Inline suppressions: ranges, next-line, reasons required, --show-suppressed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from factcheck.batch import BatchSettings, CheckerSettings, run_batch
from factcheck.load import load_text
from factcheck.suppress import BAD_DIRECTIVE_RULE, apply_suppressions, parse_directives
from tests.batch.stub_checker import FACTORY, StubChecker

STUB = CheckerSettings(factory=FACTORY, references=False)

DOC = """\
---
published: 2025-10-29
---
Line four [warning:numbers.x] first claim
<!-- factcheck-disable numbers.x, dates.*: figures checked by the desk on 2025-10-30 -->
Line six [warning:numbers.x] second claim
Line seven [error:dates.seq] third claim
Line eight [error:timeline.y] not covered
<!-- factcheck-enable -->
Line ten [warning:numbers.x] fourth claim
<!-- factcheck-disable-next-line timeline.y: quoted verbatim -->

Line thirteen [error:timeline.y] fifth claim
Line fourteen [error:timeline.y] sixth claim
<!-- factcheck-disable-next-line timeline.y -->
Line sixteen [error:timeline.y] seventh claim
"""


def check(text: str, fmt: str = "markdown"):  # type: ignore[no-untyped-def]
    doc = load_text(text, doc_id="d.md", fmt=fmt)
    return apply_suppressions(doc, StubChecker(STUB).check_document(doc))


def test_ranges_next_line_and_missing_reason() -> None:
    report = check(DOC)
    got = [(f.span.line, f.rule, f.suppressed) for f in report.findings]
    assert got[:7] == [
        (4, "numbers.x", None),
        (6, "numbers.x", "figures checked by the desk on 2025-10-30"),
        (7, "dates.seq", "figures checked by the desk on 2025-10-30"),
        (8, "timeline.y", None),
        (10, "numbers.x", None),
        (13, "timeline.y", "quoted verbatim"),
        (14, "timeline.y", None),
    ]
    assert got[7] == (16, "timeline.y", None)  # the directive without a reason suppresses nothing ...
    (bad,) = [f for f in report.findings if f.rule == BAD_DIRECTIVE_RULE]  # ... and is reported
    assert bad.span.line == 15 and "needs a reason" in bad.message


def test_unclosed_disable_runs_to_the_end_and_enable_by_id() -> None:
    sups, bad = parse_directives("a\n<!-- factcheck-disable x.a, x.b: r -->\nb\n<!-- factcheck-enable x.a -->\nc\n")
    assert not bad
    assert {(s.rules, s.first_line, s.last_line) for s in sups} == {(("x.a",), 2, 4), (("x.b",), 2, 6)}


def test_html_comments_in_html_documents() -> None:
    html = "<p>One [warning:numbers.x] a</p>\n<!-- factcheck-disable-next-line numbers.x: ok -->\n" \
           "<p>Two [warning:numbers.x] b</p>\n"
    report = check(html, fmt="html")
    assert [f.suppressed for f in report.findings] == [None, "ok"]


def test_suppressed_counted_and_shown_on_request(tmp_path: Path) -> None:
    p = tmp_path / "d.md"
    p.write_text(DOC)
    (report,) = run_batch([str(p)], STUB, BatchSettings(jobs=0))
    assert sum(1 for f in report.findings if f.suppressed) == 3
    # through the command (real checker; the stub text yields no real findings): the flag is accepted
    from factcheck.cli.main import cli

    r = CliRunner().invoke(cli, ["check", "--no-config", "--no-references", "-j", "0", "--show-suppressed", str(p)])
    assert r.exit_code in (0, 1), r.output
