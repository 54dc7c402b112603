"""Merge JUnit XML of factcheck: every testcase in the canonical document order, the counts recomputed."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from factcheck.report.formats.junit import SUITE
from factcheck.report.merge.order import MergeError, order_key


def merge_junit(texts: list[tuple[str, str]]) -> tuple[str, str]:
    cases: list[tuple[tuple[tuple[str, ...], int], int, ET.Element]] = []
    for name, text in texts:
        try:
            root = ET.fromstring(text)
        except ET.ParseError as exc:
            line, col = exc.position
            raise MergeError(f"{name}:{line}:{col + 1}: not well-formed XML") from None
        if root.tag not in ("testsuites", "testsuite"):
            raise MergeError(f"{name}: not a JUnit report (root element <{root.tag}>)")
        for case in root.iter("testcase"):
            key = order_key(case.get("file") or case.get("name") or "", int(case.get("line") or 0))
            cases.append((key, len(cases), case))
    cases.sort(key=lambda c: c[:2])
    elements = [c for _, _, c in cases]
    counts = {
        "tests": len(elements),
        "failures": sum(1 for c in elements if c.find("failure") is not None),
        "errors": sum(1 for c in elements if c.find("error") is not None),
    }
    skipped = sum(1 for c in elements if c.find("skipped") is not None)
    attrs = " ".join(f'{k}="{v}"' for k, v in counts.items())
    out = ['<?xml version="1.0" encoding="UTF-8"?>', f'<testsuites name="{SUITE}" {attrs} time="0">',
           f'  <testsuite name="{SUITE}" {attrs} skipped="{skipped}" time="0">']
    for case in elements:
        case.tail = None
        ET.indent(case, space="  ", level=2)
        out.append("    " + ET.tostring(case, encoding="unicode").rstrip())
    out += ["  </testsuite>", "</testsuites>", ""]
    summary = (f"{counts['tests']} testcase(s): {counts['failures']} with failures, {counts['errors']} with errors, "
               f"{skipped} skipped")
    return "\n".join(out), summary
