"""Hostile drafts: every input gives a result or a clear per-document error, in time proportional to size.

Limits (documented in the loaders): ``load_path``/``check_path`` refuse files over ``max_bytes`` (20 MiB
default; the batch command's ``--max-bytes`` defaults to 2 MiB), ``load_text`` texts over ``max_chars``
(20 Mi characters), front matter over 256 KiB or nested deeper than 32 levels.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable, Iterator

import pytest

from factcheck import Checker
from factcheck.load import LoadError, iter_jsonl, load_bytes, load_text
from factcheck.load.documents import DEFAULT_MAX_BYTES
from factcheck.load.html import html_to_text
from factcheck.model.document import Document
from factcheck.model.findings import DocumentReport

PARA = (
    "Japanese Defense Minister Shinjiro Koizumi, who took office on the 21st, met U.S. Defense Secretary "
    "Pete Hegseth in Tokyo on the 29th. Japan will raise defense spending to 2% of GDP by fiscal 2027 "
    "(April 2027-March 2028), moved up by two years from fiscal 2027 to fiscal 2025, officials said. "
)


@pytest.fixture(scope="module")
def checker() -> Iterator[Checker]:
    with Checker(references=False) as c:
        yield c


def check_doc(checker: Checker, doc: Document) -> DocumentReport:
    report = checker.check_document(doc)
    assert_spans(doc, report)
    return report


def assert_spans(doc: Document, report: DocumentReport) -> None:
    for fact in report.facts:
        span = fact.span
        assert 0 <= span.start <= span.end <= len(doc.text), fact
        assert doc.text[span.start : span.end] == fact.text, fact
    for finding in report.findings:
        assert 0 <= finding.span.start <= finding.span.end <= len(doc.text)
        assert finding.span.line >= 1 and finding.span.column >= 1


def best_of(runs: int, fn: Callable[[], object]) -> float:
    """The least CPU time this process spent on ``fn`` over ``runs`` calls: CPU time, not wall time, so
    that waiting for a core on a busy shared machine does not count as work."""
    times = []
    for _ in range(runs):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


# --- size ------------------------------------------------------------------------------------------
def test_fifty_megabyte_file_is_a_load_error(checker: Checker, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "huge.md"
    with path.open("wb") as f:
        f.truncate(50 * 2**20)  # sparse: 50 MB of NUL bytes, never read
    t0 = time.monotonic()
    report = checker.check_path(path)
    assert time.monotonic() - t0 < 2
    assert report.errors and report.errors[0].stage == "load"
    assert "over the limit" in report.errors[0].message


def test_fifty_megabyte_text_is_a_load_error(checker: Checker) -> None:
    text = "a" * (50 * 2**20)
    t0 = time.monotonic()
    report = checker.check(text)
    assert time.monotonic() - t0 < 2
    (doc,) = report.documents
    assert doc.errors and "over the limit" in doc.errors[0].message
    with pytest.raises(LoadError):
        load_text("a" * (DEFAULT_MAX_BYTES + 1))
    assert load_text("a" * 100, max_chars=None).text  # the limit is configurable


def _scaling(checker: Checker, unit: str, small: int) -> tuple[float, float]:
    a = load_text(unit * small, doc_id="a", fmt="text")
    b = load_text(unit * (small * 4), doc_id="b", fmt="text")
    ta = best_of(2, lambda: checker.check_document(a))
    tb = best_of(2, lambda: checker.check_document(b))
    return ta, tb


@pytest.mark.parametrize(
    "unit",
    [PARA, "word " * 20, "2025 " * 20, "on the 29th " * 10, "2% " * 20, "(" * 50, "Mr. " * 20, "a" * 100],
    ids=["news", "words", "years", "days", "percents", "parens", "abbrevs", "letters"],
)
def test_one_line_scales_linearly(checker: Checker, unit: str) -> None:
    """A single line 4x longer costs at most ~8x (linear, with noise); quadratic would be 16x."""
    small = max(4_000 // len(unit), 1)
    for _ in range(3):  # a measurement stalled by a busy shared machine is taken again
        ta, tb = _scaling(checker, unit, small)
        if tb < 8 * ta + 0.2:
            break
    assert tb < 8 * ta + 0.2, f"{len(unit) * small} chars: {ta:.3f}s; 4x: {tb:.3f}s"


@pytest.mark.slow
def test_one_megabyte_single_line() -> None:
    """A megabyte on one line is checked to the end, with only the limits' notes. How long it takes is
    for bench/fuzz.py to report (and test_one_line_scales_linearly to bound): here no time budget runs,
    so a busy machine cannot turn a slow run into a failure."""
    text = (PARA * (2**20 // len(PARA) + 1))[: 2**20]
    doc = load_text(text, doc_id="big", fmt="text")
    with Checker(references=False, time_budget=None) as unbounded:
        report = check_doc(unbounded, doc)
    assert not report.unchecked, report.errors
    # only the limits' notes: facts per document, facts per kind in joins, findings per rule
    assert report.errors and all(e.stage == "report" and "limit" in e.message for e in report.errors)


# --- bytes and encodings ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + PARA.encode(),
        codecs.BOM_UTF16_LE + PARA.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PARA.encode("utf-16-be"),
        PARA.encode().replace(b"\n", b"\r\n"),
        PARA.encode().replace(b" ", b"\r"),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "crlf", "cr"],
)
def test_boms_and_newlines_decode(checker: Checker, data: bytes) -> None:
    doc = load_bytes(data, path="d.txt")
    assert not doc.text.startswith("\ufeff")
    report = check_doc(checker, doc)
    assert not report.errors, report.errors


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"abc\x00def" + PARA.encode(), "NUL"),
        (PARA.encode() + b"\n caf\xe9 \x93quoted\x94", "not valid UTF-8"),  # Latin-1 / cp1252 inside UTF-8
        (PARA.encode("utf-16-le"), "NUL"),  # UTF-16 without a BOM
        (codecs.BOM_UTF8 + b"ok \xff\xfe", "not valid UTF-8"),
        (codecs.BOM_UTF16_LE + b"a\x00\x00\xd8", "not valid UTF-16"),  # a lone surrogate in UTF-16
        (b"   \n\t ", "empty"),
    ],
    ids=["nul", "latin1-in-utf8", "utf16-no-bom", "bom-then-garbage", "utf16-lone-surrogate", "blank"],
)
def test_undecodable_bytes_are_load_errors_with_a_position(data: bytes, reason: str) -> None:
    with pytest.raises(LoadError) as err:
        load_bytes(data, path="d.md")
    assert reason in str(err.value)


def test_nul_and_control_characters_in_text_are_checked(checker: Checker) -> None:
    text = PARA.replace("Tokyo", "To\x00kyo").replace("fiscal", "fis\x07cal") + "\x00" * 10 + "\x1b[31m" + PARA
    report = check_doc(checker, load_text(text, doc_id="nul", fmt="text"))
    assert not report.errors, report.errors


@pytest.mark.parametrize(
    "mark",
    ["\u200b", "\u200d", "\ufeff", "\u202e", "\u2066", "\u200f", "\u00ad", "\u0301", "\U0001f600"],
    ids=["zwsp", "zwj", "zwnbsp", "rlo", "lri", "rlm", "shy", "combining", "emoji"],
)
def test_invisible_and_right_to_left_characters(checker: Checker, mark: str) -> None:
    text = "".join(ch + (mark if i % 7 == 3 else "") for i, ch in enumerate(PARA)) + " שלום עולם مرحبا " + PARA
    report = check_doc(checker, load_text(text, doc_id="rtl", fmt="text"))
    assert not report.errors, report.errors


def test_lone_surrogates_from_json_lines_are_replaced(checker: Checker) -> None:
    data = '{"id": "x\\ud800", "text": "' + PARA + ' \\udc00 on the 29th", "title": "\\ud83d"}\n'
    (doc,) = list(iter_jsonl(data, path="d.jsonl"))
    assert isinstance(doc, Document)
    assert "\ufffd" in doc.text and doc.id == "x\ufffd" and doc.title == "\ufffd"
    report = check_doc(checker, doc)
    assert not report.errors, report.errors
    report.model_dump_json()  # encodable


# --- HTML ------------------------------------------------------------------------------------------
HTML_CASES = {
    "unclosed-tags": "<p>" * 20_000 + PARA,
    "deep-nesting": "<div>" * 10_000 + PARA + "</div>" * 10_000,
    "deep-unclosed": "<div><span><b>" * 10_000 + PARA,
    "tags-without-end": "<a " * 50_000 + PARA,  # was quadratic: 32,000 took 9 s
    "bang-without-end": "<!x " * 50_000 + PARA,  # 32,000 took 17 s
    "unclosed-comment": PARA + "<!-- " + PARA * 50,
    "unclosed-script": PARA + "<script>" + "x" * 100_000,
    "many-entities": "&amp;" * 50_000 + "&#x1F600;&#99999999;&bogus;" + PARA,
    "lt-soup": "<" * 100_000 + PARA + ">" * 1000,
    "attribute-soup": '<p title="' + '"' * 10_000 + ">" + PARA,
}


@pytest.mark.parametrize("name", list(HTML_CASES))
def test_pathological_html(checker: Checker, name: str) -> None:
    source = HTML_CASES[name]
    t0 = time.monotonic()
    doc = load_text(source, doc_id=name, fmt="html")
    report = check_doc(checker, doc)
    assert time.monotonic() - t0 < 20
    assert not report.errors, report.errors
    for f in report.findings:
        assert 0 <= doc.source_map.to_source(f.span.start) <= len(source)


def test_html_scanning_is_linear() -> None:
    for unit in ("<a ", "<!x ", "<?x ", "<div>", "<!-- -->", "&amp;", "<"):
        for _ in range(3):  # a measurement stalled by a busy shared machine is taken again
            ta = best_of(2, lambda u=unit: html_to_text(u * 10_000))  # type: ignore[misc]
            tb = best_of(2, lambda u=unit: html_to_text(u * 40_000))  # type: ignore[misc]
            if tb < 8 * ta + 0.05:
                break
        assert tb < 8 * ta + 0.05, (unit, ta, tb)


# --- front matter ----------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("front", "reason"),
    [
        ("- a\n- b\n", "must be a mapping, got list"),
        ("just text\n", "must be a mapping, got str"),
        ("42\n", "must be a mapping, got int"),
        ("x: [1, 2\n", "not valid YAML"),
        ("x: " + "[" * 5_000 + "]" * 5_000 + "\n", "nesting deeper than 32"),
        ("a: &a [1, 2]\nb: [*a, *a]\n", "anchors and aliases"),
        ("x: !!python/object/apply:os.system ['true']\n", "constructor"),
        ("published: 2025-13-45\n", "month must be in 1..12"),
        ("published: tomorrow\n", "not a date"),
        ("x: " + "9" * 5_000 + "\n", "not valid YAML"),
        ("x: '" + "a" * 300_000 + "'\n", "longer than"),
    ],
    ids=[
        "list",
        "scalar",
        "int",
        "broken",
        "deep",
        "anchors",
        "python-tag",
        "bad-date",
        "word-date",
        "huge-int",
        "huge",
    ],
)
def test_front_matter_problems_are_per_document_errors(checker: Checker, front: str, reason: str) -> None:
    t0 = time.monotonic()
    report = checker.check("---\n" + front + "---\n" + PARA)
    assert time.monotonic() - t0 < 5
    (doc,) = report.documents
    assert doc.errors and doc.errors[0].stage == "load", doc.errors
    assert reason in doc.errors[0].message


def test_json_lines_account_for_every_line(checker: Checker) -> None:
    lines = [
        '{"id": "ok1", "text": "' + PARA + '"}',
        "not json",
        "[1, 2]",
        '{"id": "empty", "text": "   "}',
        '{"id": "nested", "text": {"a": 1}}',
        '{"id": "bad-date", "text": "x", "published": "someday"}',
        '{"id": "ok2", "html": "<p>' + PARA + '</p>", "published": "2025-10-29"}',
        '{"id": "fm", "markdown": "---\\n- a\\n---\\nbody"}',
        "{" * 100_000,  # deep JSON: RecursionError inside json
        '"just a string"',
    ]
    results = list(iter_jsonl("\n".join(lines) + "\n", path="d.jsonl"))
    assert len(results) == len(lines)
    docs = [r for r in results if isinstance(r, Document)]
    assert [d.id for d in docs] == ["ok1", "ok2"]
    for d in docs:
        assert not check_doc(checker, d).errors


@pytest.mark.slow
def test_findings_grow_at_most_linearly_with_repeated_conflicting_figures(checker: Checker) -> None:
    unit = (
        "Japan will raise defense spending to 2% of GDP, the ministry said. "
        "Japan will raise defense spending to 3% of GDP, the ministry said. "
    )
    small = load_text(unit * 50, doc_id="s", fmt="text")
    large = load_text(unit * 200, doc_id="l", fmt="text")
    n_small = len(checker.check_document(small).findings)
    report = checker.check_document(large)
    n_large = len(report.findings)
    assert n_large <= 8 * max(n_small, 1), (n_small, n_large)
    (capped,) = [e for e in report.errors if "more finding(s) not reported" in e.message]
    assert capped.message.startswith("numbers.conflicting-figure:") and capped.stage == "report"
    assert not report.unchecked


def test_sentence_lookup_is_not_linear_per_call() -> None:
    """Document.sentence_index rebuilt its list of sentence starts on every call (findings were quadratic)."""
    doc = load_text("A short sentence. " * 20_000, doc_id="s", fmt="text")
    assert len(doc.sentences) == 20_000
    t0 = time.perf_counter()
    for i in range(0, len(doc.text), 18):
        doc.sentence_index(i)
    assert time.perf_counter() - t0 < 2.0
