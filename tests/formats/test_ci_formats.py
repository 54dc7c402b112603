"""GitLab Code Quality, JUnit XML, GitHub annotations and JSON Lines against their documented shapes."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from factcheck.model.findings import DocumentReport, Report
from factcheck.report.formats import github, gitlab, jsonl, junit
from tests.formats.helpers import make_report

GITLAB_SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def test_gitlab_required_fields_and_unique_fingerprints() -> None:
    items = json.loads(gitlab.render(make_report()))
    assert isinstance(items, list) and len(items) == 5  # 4 shown findings + 1 unchecked document
    for item in items:
        assert isinstance(item["description"], str) and item["description"]
        assert isinstance(item["check_name"], str) and item["check_name"]
        assert isinstance(item["fingerprint"], str) and item["fingerprint"]
        assert item["severity"] in GITLAB_SEVERITIES
        assert isinstance(item["location"]["path"], str) and item["location"]["lines"]["begin"] >= 1
    assert len({i["fingerprint"] for i in items}) == len(items)
    assert items == json.loads(gitlab.render(make_report()))  # stable across runs
    both = json.loads(gitlab.render(make_report(), show_suppressed=True))
    assert len({i["fingerprint"] for i in both}) == len(both) == 6


def test_gitlab_fingerprints_unique_even_for_duplicate_documents() -> None:
    report = make_report(with_error=False)
    report.documents.append(report.documents[0])
    items = json.loads(gitlab.render(report))
    assert len({i["fingerprint"] for i in items}) == len(items)
    assert json.loads(gitlab.render(Report.of([]))) == []


def test_junit_shape() -> None:
    root = ET.fromstring(junit.render(make_report(), show_suppressed=True))
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.tag == "testsuite"
    for attr in ("name", "tests", "failures", "errors", "skipped", "time"):
        assert attr in suite.attrib
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["desk/a story.md", "desk/b,c:d%.md", "desk/broken.md"]
    assert all(c.get("classname") and c.get("time") is not None for c in cases)
    assert suite.get("tests") == "3" and suite.get("failures") == "2" and suite.get("errors") == "1"
    failures = cases[0].findall("failure")
    assert [f.get("type") for f in failures] == ["timeline.shift-mismatch", "attribution.unofficial-figure",
                                                  "attribution.unofficial-figure"]
    assert all(f.get("message") and f.text and "desk/a story.md:" in f.text for f in failures)
    assert "checked by the desk" in (cases[0].findtext("system-out") or "")
    assert cases[2].find("error") is not None and cases[1].find("error") is None


def test_github_annotations_are_escaped() -> None:
    lines = github.render(make_report()).splitlines()
    assert lines[0].startswith("::error file=desk/a story.md,line=5,col=")
    assert "title=timeline.shift-mismatch::" in lines[0]
    b = next(line for line in lines if "numbers.conflicting-figure" in line)
    assert b.startswith("::warning file=desk/b%2Cc%3Ad%25.md,line=1,col=")
    assert not any("suppressed" in line for line in lines)
    assert lines[-1].startswith("::error file=desk/broken.md,title=factcheck::could not be checked (load)")
    assert github.escape_data("50%\nnext") == "50%25%0Anext"


def test_jsonl_one_document_per_line() -> None:
    report = make_report()
    lines = jsonl.render(report).splitlines()
    assert len(lines) == 3
    docs = [DocumentReport.model_validate_json(line) for line in lines]
    assert [d.path for d in docs] == [d.path for d in report.documents]
    assert docs[0].findings[0].evidence[0].source == "wikidata"
