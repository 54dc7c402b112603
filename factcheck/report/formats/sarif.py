"""``--format sarif``: SARIF 2.1.0, one run, streamed.

- ``tool.driver.rules`` carries every rule's metadata (id, title, description, default level) when the
  caller passes ``rules=`` (objects with ``id``, ``title``, ``severity``, ``description``); otherwise
  the rules that fired. ``ruleIndex`` points into that list.
- ``partialFingerprints["factcheckClaim/v1"]`` is the finding's fingerprint (rule, document, claim
  text; no offsets), so it is identical across runs and survives edits elsewhere in the document.
- ``properties.verdict`` is the finding's verdict (supported, contradicted, unverifiable) and
  ``properties.claims`` the verdict of each claim it is about (the JSON report's ``claims``).
- Suppressed findings are kept, with an ``inSource`` suppression and its justification.
- A document that could not be checked is a ``toolExecutionNotification`` of level ``error``.
- Nothing run-specific (times, ids) is written: the same input gives the same bytes.

Results are written as they arrive; ``tool`` and ``invocations`` follow them in the same object.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO
from urllib.parse import quote

from factcheck.model.findings import DocumentReport, Report, Summary
from factcheck.model.verdicts import verdict_of
from factcheck.report.formats.fingerprint import fingerprints
from factcheck.report.formats.streaming import render_all

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "factcheckClaim/v1"
INFO_URI = "https://github.com/factcheck/factcheck"


def artifact_uri(path: str) -> str:
    return quote(path.replace("\\", "/"), safe="/:@-._~!$&'()*+,;=")


def _tool_version() -> str:
    try:
        from factcheck import __version__

        return str(__version__)
    except ImportError:  # pragma: no cover
        return "0"


class Writer:
    def __init__(self, out: TextIO, *, rules: Iterable[Any] | None = None, version: str | None = None, **_: object):
        self.out = out
        self.version = version or _tool_version()
        self.rules: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        for r in rules or ():
            self._rule(r.id, r.title, getattr(r, "description", None), r.severity)
        self.notifications: list[dict[str, Any]] = []
        self._first = True
        head = f'{{\n  "$schema": {json.dumps(SCHEMA)},\n  "version": "2.1.0",\n  "runs": [\n    {{\n'
        out.write(head + '      "results": [')

    def _rule(self, rule_id: str, title: str | None, description: str | None, severity: str) -> int:
        if rule_id in self.index:
            return self.index[rule_id]
        entry: dict[str, Any] = {"id": rule_id, "name": _camel(rule_id)}
        if title:
            entry["shortDescription"] = {"text": title}
        if description:
            entry["fullDescription"] = {"text": " ".join(description.split())}
        entry["defaultConfiguration"] = {"level": LEVELS.get(severity, "warning")}
        entry["properties"] = {"tags": ["fact-check", rule_id.split(".")[0]]}
        self.index[rule_id] = len(self.rules)
        self.rules.append(entry)
        return self.index[rule_id]

    def write(self, doc: DocumentReport) -> None:
        record = doc.record_line is not None and bool(doc.source)
        uri = artifact_uri(doc.source if record and doc.source else doc.path)
        logical = [{"name": doc.path, "kind": "object", "fullyQualifiedName": f"{doc.source}#{doc.path}"}] if record else []

        def location(line: int | None = None, column: int | None = None) -> dict[str, Any]:
            """A record's findings point at its line of the JSON Lines file (its id is the logical location)."""
            physical: dict[str, Any] = {"artifactLocation": {"uri": uri}}
            if record:
                physical["region"] = {"startLine": doc.record_line}
            elif line is not None:
                physical["region"] = {"startLine": max(line, 1), "startColumn": max(column or 1, 1)}
            loc: dict[str, Any] = {"physicalLocation": physical}
            if logical:
                loc["logicalLocations"] = logical
            return loc

        for err in doc.errors:
            self.notifications.append({
                "level": "error",
                "message": {"text": f"{doc.path}: could not be checked ({err.stage}): {err.message}"},
                "locations": [location()],
            })
        for note in doc.notes:
            self.notifications.append({
                "level": "warning" if note.kind == "language-not-supported" else "note",
                "message": {"text": f"{doc.path}: {note.message}"},
                "locations": [location()],
                "properties": {"kind": note.kind},
            })
        claims = {c.fact: c for c in doc.claims}
        for f, fp in zip(doc.findings, fingerprints(doc), strict=True):
            properties: dict[str, Any] = {"verdict": verdict_of(f)}
            about = [claims[fid] for fid in f.facts if fid in claims]
            if not about:  # a finding on reference facts only: the claims they were looked up for
                about = [c for c in claims.values() if f.rule in c.rules and c.span.start <= f.span.start < c.span.end]
            if about:
                properties["claims"] = [{"fact": c.fact, "text": c.text, "verdict": c.verdict} for c in about]
            result: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": self._rule(f.rule, f.title, None, f.severity),
                "level": LEVELS[f.severity],
                "message": {"text": f.message},
                "locations": [location(f.span.line, f.span.column)],
                "partialFingerprints": {FINGERPRINT_KEY: fp},
            }
            result["properties"] = properties
            if f.evidence:
                properties["evidence"] = [e.model_dump(exclude_none=True) for e in f.evidence]
                urls = [e.url for e in f.evidence if e.url]
                if urls:
                    result["relatedLocations"] = [
                        {"id": i, "physicalLocation": {"artifactLocation": {"uri": u}}} for i, u in enumerate(urls)
                    ]
            if f.suppressed is not None:
                result["suppressions"] = [{"kind": "inSource", "justification": f.suppressed}]
            self.emit(result)

    def emit(self, result: dict[str, Any]) -> None:
        """Write one result object as it is (``factcheck merge`` passes shards' results through here)."""
        self.out.write("\n        " if self._first else ",\n        ")
        self._first = False
        self.out.write(json.dumps(result, ensure_ascii=False))

    def close(self, summary: Summary | None = None) -> None:
        tool = {"driver": {"name": "factcheck", "version": self.version, "informationUri": INFO_URI,
                           "rules": self.rules}}
        invocation = {"executionSuccessful": True, "toolExecutionNotifications": self.notifications}
        tail = ",\n      ".join([
            '"tool": ' + json.dumps(tool, ensure_ascii=False),
            '"invocations": ' + json.dumps([invocation], ensure_ascii=False),
            '"columnKind": "unicodeCodePoints"',
        ])
        self.out.write(("\n      ]" if not self._first else "]") + ",\n      " + tail + "\n    }\n  ]\n}\n")
        self.out.flush()


def _camel(rule_id: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in rule_id.replace("-", ".").replace("_", ".").split(".") if p)


def render(report: Report, **opts: Any) -> str:
    return render_all(Writer, report, **opts)
