"""Checker options: rule subsets, severity overrides, engine faults recorded per document."""

from __future__ import annotations

import asyncio

import pytest

from factcheck import Checker
from factcheck.evaluate.engines import EngineFault

TEXT = "The government said the 2% target would be moved up by three years, from fiscal 2027 to fiscal 2025."


def test_disabled_rules_and_severity_overrides() -> None:
    with Checker(references=False, severity={"timeline.shift-mismatch": "info"}) as c:
        (f,) = c.check(TEXT, published="2025-10-29").findings
        assert (f.rule, f.severity) == ("timeline.shift-mismatch", "info")
    with Checker(references=False, disabled_rules=["timeline.shift-mismatch"]) as c:
        assert c.check(TEXT, published="2025-10-29").findings == []
        assert "timeline.shift-mismatch" not in {r.id for r in c.ruleset.rules}


def test_unknown_severity_override_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown rule"):
        Checker(references=False, severity={"no.such-rule": "error"})


def test_an_engine_fault_is_a_document_error_not_an_exception() -> None:
    class Broken:
        name = "broken"

        def run(self, facts: list[dict[str, object]]) -> list[object]:
            raise EngineFault("simulated engine failure")

        def close(self) -> None:
            return None

    with Checker(references=False) as c:
        c.engine = Broken()  # type: ignore[assignment]
        report = c.check(TEXT, published="2025-10-29")
        (err,) = report.documents[0].errors
        assert err.stage == "evaluate" and "simulated" in err.message
        assert report.documents[0].facts  # extraction results are kept


def test_acheck_matches_check() -> None:
    with Checker(references=False) as c:
        a = asyncio.run(c.acheck(TEXT, published="2025-10-29"))
        assert a == c.check(TEXT, published="2025-10-29")


def test_report_json_reads_back_with_derived_fields() -> None:
    from factcheck.model.findings import Report

    with Checker(references=False) as c:
        report = c.check(TEXT, published="2025-10-29")
    assert any(f.kind == "timeline_shift" for f in report.documents[0].facts)
    assert Report.model_validate_json(report.model_dump_json()) == report
