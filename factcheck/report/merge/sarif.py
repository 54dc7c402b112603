"""Merge SARIF 2.1.0 logs of factcheck: one run, rules united (``ruleIndex`` renumbered), results and
notifications in the canonical document order (a document's own results keep their order)."""

from __future__ import annotations

import io
import json
from typing import Any
from urllib.parse import unquote

from factcheck.report.formats.sarif import Writer
from factcheck.report.merge.order import MergeError, OrderKey, order_key


def _key(item: dict[str, Any]) -> OrderKey:
    loc = (item.get("locations") or [{}])[0]
    physical = loc.get("physicalLocation", {})
    uri = unquote(physical.get("artifactLocation", {}).get("uri", ""))
    line = physical.get("region", {}).get("startLine") if loc.get("logicalLocations") else None
    return order_key(uri, line)


def _run(name: str, text: str) -> dict[str, Any]:
    data = json.loads(text)
    runs = data.get("runs")
    if not isinstance(runs, list) or len(runs) != 1 or not isinstance(runs[0], dict):
        raise MergeError(f"{name}: expected a SARIF log with one run")
    return runs[0]


def merge_sarif(texts: list[tuple[str, str]]) -> tuple[str, str]:
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results: list[tuple[OrderKey, int, dict[str, Any]]] = []
    notes: list[tuple[OrderKey, int, dict[str, Any]]] = []
    version = None
    for name, text in texts:
        run = _run(name, text)
        driver = run.get("tool", {}).get("driver", {})
        version = version or driver.get("version")
        for rule in driver.get("rules", []):
            if rule["id"] not in index:
                index[rule["id"]] = len(rules)
                rules.append(rule)
        for result in run.get("results", []):
            if result.get("ruleId") not in index:
                raise MergeError(f"{name}: result for rule {result.get('ruleId')!r} missing from tool.driver.rules")
            result = {**result, "ruleIndex": index[result["ruleId"]]}
            results.append((_key(result), len(results), result))
        for inv in run.get("invocations", []):
            for n in inv.get("toolExecutionNotifications", []):
                notes.append((_key(n), len(notes), n))
    buf = io.StringIO()
    writer = Writer(buf, version=version)
    writer.rules, writer.index = rules, index
    for _, _, result in sorted(results, key=lambda r: r[:2]):
        writer.emit(result)
    writer.notifications = [n for _, _, n in sorted(notes, key=lambda n: n[:2])]
    writer.close()
    levels = [r["level"] for _, _, r in results if not r.get("suppressions")]
    summary = (f"{len(results)} result(s): {levels.count('error')} error(s), {levels.count('warning')} warning(s), "
               f"{levels.count('note')} note(s); {sum(1 for _, _, n in notes if n.get('level') == 'error')} "
               "document(s) not checked")
    return buf.getvalue(), summary
